"""Where the files under `resources/` (demo templates, icons, translations, the guide) are:
`resources/` at the top of a source checkout, `evidence_desk/resources/` inside an installed
wheel (pyproject's force-include) or a PyInstaller bundle (evidence-desk.spec)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # …/evidence_desk


def resource_dir(name: str, marker: str | None = None) -> Path:
    """The folder `resources/<name>`; with `marker`, the first candidate holding that file.
    Raises FileNotFoundError naming the folder when this installation lacks it."""
    for root in (PACKAGE / "resources", PACKAGE.parents[1] / "resources"):
        candidate = root / name
        if candidate.is_dir() and (marker is None or (candidate / marker).is_file()):
            return candidate
    raise FileNotFoundError(f"resources/{name} is missing from this installation")
