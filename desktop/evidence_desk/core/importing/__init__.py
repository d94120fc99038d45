"""Importing files into a case: discovery, sandboxed parsing, storage, and the report."""

from evidence_desk.core.importing.importer import ImportOptions, import_paths
from evidence_desk.core.importing.report import FileOutcome, ImportReport

__all__ = ["FileOutcome", "ImportOptions", "ImportReport", "import_paths"]
