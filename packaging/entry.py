"""The frozen application's entry point: PyInstaller runs this file, not the `evidence-desk`
console script. Three things only a frozen build needs happen before the CLI starts:

- multiprocessing's forkserver/spawn children are started by re-running this executable;
  `freeze_support()` makes such a child run its worker instead of the application;
- a windowed build (Windows, macOS .app) has no console, so `sys.stdout`/`sys.stderr` are
  None and PyMuPDF's message writes would raise: they go to the null device instead;
- a Tesseract shipped beside the bundle (`tesseract/`, see build.sh --with-tesseract) is
  used when present; otherwise the one on PATH is, as in a source checkout."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path


def _no_console_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


def _bundled_tesseract() -> None:
    folder = Path(sys.executable).resolve().parent / "tesseract"
    exe = folder / ("tesseract.exe" if os.name == "nt" else "tesseract")
    if exe.is_file() and not os.environ.get("EVIDENCE_DESK_TESSERACT"):
        os.environ["EVIDENCE_DESK_TESSERACT"] = str(exe)
        os.environ.setdefault("TESSDATA_PREFIX", str(folder / "tessdata"))


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _no_console_streams()
    _bundled_tesseract()
    from evidence_desk.cli.start import main

    raise SystemExit(main())
