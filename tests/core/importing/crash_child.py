"""The child of the crash test: imports a folder and reports each committed document.

    python -m tests.core.importing.crash_child CASE FOLDER

Prints `READY` once the case is open, then `DONE <sha256>` for each document only
after its transaction committed (the importer's `on_outcome` runs after COMMIT), then
`FINISHED`. The parent kills it with SIGKILL at a random moment."""

from __future__ import annotations

import sys
from pathlib import Path

from evidence_desk.core.case import Case
from evidence_desk.core.importing import FileOutcome, ImportOptions, import_paths


def main(case_dir: str, folder: str) -> None:
    case = Case.open(Path(case_dir), create=True, author="crash-child")
    print("READY", flush=True)

    def report(outcome: FileOutcome) -> None:
        if outcome.status == "imported":
            print(f"DONE {outcome.sha256}", flush=True)

    import_paths(case, [folder], ImportOptions(workers=2, chunk_pages=4), on_outcome=report)
    print("FINISHED", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
