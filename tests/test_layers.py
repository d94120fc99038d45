"""The layers of DESIGN.md, enforced: core knows nothing of Qt, the CLI or the GUI; the
window never touches the database (it reads through core.queries); the CLI never imports
the window; PyMuPDF lives only in core/pdf/ (import-linter, configured in pyproject.toml)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "desktop" / "evidence_desk"
PDF_DIR = PACKAGE / "core" / "pdf"


def test_import_linter_contracts_are_configured() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["source_modules"] == ["evidence_desk.core"]]
    assert {"PySide6", "shiboken6", "evidence_desk.ui", "evidence_desk.cli"} <= set(contract["forbidden_modules"])
    assert config["include_external_packages"] is True


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    return subprocess.run([exe, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300,
                          check=False, env={"PYTHONPATH": str(root / "desktop"), "PATH": "/usr/bin:/bin",
                                            "HOME": os.environ.get("HOME", "/tmp")})


def test_import_linter_contracts_hold() -> None:
    done = _lint_imports(REPO)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "BROKEN" not in done.stdout and "KEPT" in done.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("ui/panels/sneaky.py", "from sqlalchemy import select", "the window reads through core.queries"),
    ("ui/panels/sneaky.py", "from evidence_desk.core.db.models import Document", "the window reads through"),
    ("cli/commands/sneaky.py", "from evidence_desk.ui.main_window import MainWindow", "the command line never"),
    ("core/search_sneaky.py", "import pymupdf", "PyMuPDF is imported only inside core.pdf"),
])
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    """The contracts bite: one forbidden import added to a copy of the package breaks the build."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(PACKAGE, tmp_path / "desktop" / "evidence_desk",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "desktop" / "evidence_desk" / module).write_text(f"{line}\n", encoding="utf-8")
    done = _lint_imports(tmp_path)
    assert done.returncode != 0, done.stdout[-3000:]
    broken = [text for text in done.stdout.split("\n\n") if "BROKEN" in text]
    assert any(contract in " ".join(text.split()) for text in broken), done.stdout[-3000:]


def test_the_window_opens_no_database_session_of_its_own() -> None:
    """Reads go through core.queries and writes through case.apply: no `case.read()` or
    `case.write()` in ui/ (a session there would hand the window ORM objects)."""
    pattern = re.compile(r"\bcase\.(read|write)\(")
    found = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted((PACKAGE / "ui").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


def _imports_pymupdf(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in ("pymupdf", "fitz") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] in ("pymupdf", "fitz"):
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args \
                and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).split(".")[0] in (
                    "pymupdf", "fitz"):
            return True
    return False


def test_pymupdf_is_imported_only_under_core_pdf() -> None:
    outside = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py"))
               if not p.is_relative_to(PDF_DIR) and _imports_pymupdf(p)]
    assert outside == []
    assert any(_imports_pymupdf(p) for p in PDF_DIR.rglob("*.py"))  # the check does see imports


def test_core_imports_no_qt_even_indirectly() -> None:
    script = (
        "import importlib, pathlib, sys\n"
        f"root = pathlib.Path({str(PACKAGE / 'core')!r})\n"
        "for p in sorted(root.rglob('*.py')):\n"
        "    if 'migrations' in p.parts: continue\n"
        "    parts = ('evidence_desk', 'core') + p.relative_to(root).with_suffix('').parts\n"
        "    name = '.'.join(parts).removesuffix('.__init__')\n"
        "    importlib.import_module(name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6') "
        "or n.startswith(('evidence_desk.ui', 'evidence_desk.cli'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_command_line_and_the_window_process_do_not_load_pymupdf_to_start() -> None:
    """Untrusted files are parsed in workers; the parent process has no business loading
    MuPDF (and paying its start-up cost) just to parse arguments or open a case."""
    code = (
        "import sys\n"
        "from evidence_desk.cli.main import build_parser\n"
        "import evidence_desk.core.ocr.service, evidence_desk.core.importing, evidence_desk.core.rendering\n"
        "build_parser()\n"
        "print('pymupdf' in sys.modules, 'fitz' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "False"], done.stdout + done.stderr
