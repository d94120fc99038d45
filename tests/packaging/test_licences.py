"""The bundle's licence folder: every runtime distribution, with its licence text."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
from licences import collect, runtime_closure  # noqa: E402


def test_the_runtime_closure_is_what_the_application_needs_and_no_test_tool():
    names = {d.metadata["Name"].lower() for d in runtime_closure()}
    assert {"evidence-desk", "pyside6_essentials", "shiboken6", "pymupdf", "sqlalchemy", "pillow"} <= names
    assert not names & {"pytest", "ruff", "pyinstaller", "import-linter"}


def test_every_bundled_distribution_gets_its_licence_text(tmp_path):
    summary = collect(tmp_path / "licences", REPO / "LICENSE").read_text(encoding="utf-8")
    for dist in runtime_closure():
        name = dist.metadata["Name"]
        if name == "evidence-desk":
            continue
        assert f"{name} {dist.version}:" in summary
        line = next(line for line in summary.splitlines() if line.startswith(f"{name} "))
        assert "see its files" not in line  # the licence is named
        assert "UNKNOWN" not in line
        if "(no licence file" in line:  # the metadata naming licence and authors travels instead
            folder = tmp_path / "licences" / f"{name.lower().replace('_', '-')}-{dist.version}"
            assert "License" in (folder / "METADATA.txt").read_text(encoding="utf-8")
    folders = {p.name.rsplit("-", 1)[0] for p in (tmp_path / "licences").iterdir() if p.is_dir()}
    assert {"pymupdf", "pyside6-essentials", "python"} <= folders
    assert "GNU AFFERO" in next((tmp_path / "licences").glob("pymupdf-*/AGPL-3.0.txt")).read_text(encoding="utf-8")
