"""Child of the staging tests: stages a file in a case, says where, waits for a line on
stdin, then commits it.  python -m tests.core.staging_child CASE FILE"""

from __future__ import annotations

import sys
from pathlib import Path

from evidence_desk.core.case import Case


def main(case_dir: str, source: str) -> None:
    with Case.open(Path(case_dir)) as case:
        staged = case.originals.stage(Path(source))
        print(f"STAGED {staged.temp_path}", flush=True)
        sys.stdin.readline()
        print(f"COMMITTED {case.originals.commit(staged)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
