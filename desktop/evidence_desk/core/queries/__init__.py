"""Read models: every read the window and the command line make, in one place.

Each function takes a `Case` and returns plain frozen dataclasses (no ORM object
leaves this package), so `ui/` needs neither SQLAlchemy nor `core.db`:

- `documents`    the documents list, one document's summary, `show`, the originals' files
- `pages`        page geometry, word rows, and what it takes to draw a page (`PageSource`)
- `annotations`  mentions (with their entity) and notes of a document or a page
- `redactions`   redactions of the case, a document or a page, with their status
- `entities`     one entity with its names and every mention across documents
- `timeline`     documents, dated mentions and custody events by date

Writes go through `case.apply(…)`; these functions only read (`case.read()`)."""
