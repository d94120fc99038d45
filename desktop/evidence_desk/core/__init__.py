"""Everything Evidence Desk does, without Qt: the case, its database, documents,
import, search, OCR, entities, redaction, provenance and bundles.

The CLI and the GUI are thin layers over this package."""
