"""Collect the licence texts of everything a bundle ships (used by evidence-desk.spec).

The distributions are the runtime dependency closure of `evidence-desk`, read from the
installed metadata (so the texts are those of the exact versions bundled), plus the
Python interpreter's own licence. Qt's wheels carry no licence text: the LGPL-3.0 and
GPL-3.0 texts come from the build machine's /usr/share/common-licenses when present."""

from __future__ import annotations

import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

from evidence_desk.core.licences import licence_of, normal_name, runtime_closure

LICENCE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
COMMON_LICENCES = Path("/usr/share/common-licenses")
QT_DISTRIBUTIONS = {"pyside6-essentials", "shiboken6"}


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    found = []
    for entry in dist.files or []:
        parts = Path(str(entry)).parts
        in_metadata = bool(parts) and parts[0].endswith(".dist-info")
        if in_metadata and ("licenses" in parts or LICENCE_NAME.match(parts[-1])):
            found.append(Path(str(dist.locate_file(entry))))
    return [f for f in found if f.is_file()]


def collect(dest: Path, agpl: Path) -> Path:
    """Write one folder per distribution into `dest` and a summary; return the summary's path.
    `agpl` is the AGPL-3.0 text (the repository's LICENSE), copied for PyMuPDF too."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    lines = ["Evidence Desk is licensed under the GNU AGPL-3.0-or-later (LICENSE).",
             "It ships the following software, each under its own licence (texts in this folder):", ""]
    for dist in runtime_closure():
        name, version = dist.metadata["Name"], dist.version
        if normal_name(name) == "evidence-desk":
            continue
        licence = licence_of(dist)
        folder = dest / f"{normal_name(name)}-{version}"
        folder.mkdir()
        files = _licence_files(dist)
        for f in files:
            shutil.copy2(f, folder / f.name)
        if normal_name(name) in QT_DISTRIBUTIONS:
            for text in ("LGPL-3", "GPL-3"):
                if (COMMON_LICENCES / text).is_file():
                    shutil.copy2(COMMON_LICENCES / text, folder / f"{text}.txt")
                    files.append(folder / text)
        if normal_name(name) == "pymupdf":  # its COPYING only names the AGPL
            shutil.copy2(agpl, folder / "AGPL-3.0.txt")
        note = ""
        if not files:
            # Some old wheels (DAWG-Python) ship no licence file: their metadata is what names
            # the licence and the authors, so it travels instead of a text we would have to invent.
            meta = next(e for e in dist.files or [] if Path(str(e)).name == "METADATA")
            shutil.copy2(Path(str(dist.locate_file(meta))), folder / "METADATA.txt")
            note = " (no licence file in its distribution; its metadata naming the licence is shipped)"
        lines.append(f"{name} {version}: {licence}{note}")
    python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"
    if not python_licence.is_file():
        python_licence = Path(sys.base_prefix) / "LICENSE.txt"  # Windows layout
    if python_licence.is_file():
        (dest / f"python-{sys.version.split()[0]}").mkdir()
        shutil.copy2(python_licence, dest / f"python-{sys.version.split()[0]}" / "LICENSE.txt")
        lines.append(f"Python {sys.version.split()[0]}: PSF-2.0")
    summary = dest / "THIRD-PARTY-LICENSES.txt"
    summary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return summary


if __name__ == "__main__":
    print(collect(Path(sys.argv[1]), Path(__file__).resolve().parents[1] / "LICENSE").read_text(encoding="utf-8"))
