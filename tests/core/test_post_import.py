"""What follows an import says when part of the reading could not run: a build without the Russian
name model (numpy or the model files missing) says so in the import summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.core.pdfs import write_text_pdf

# numpy made unimportable, as in a build that leaves it out; then the real command line.
WITHOUT_NUMPY = """
import sys
sys.modules["numpy"] = None
from evidence_desk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _import(tmp_path: Path, *, block_numpy: bool) -> str:
    pdf = write_text_pdf(tmp_path / "pismo.pdf", ["Генеральный директор Гарбуз Константин Олегович направил письмо."])
    case = tmp_path / ("case-blocked" if block_numpy else "case")
    code = WITHOUT_NUMPY if block_numpy else WITHOUT_NUMPY.replace('sys.modules["numpy"] = None', "")
    done = subprocess.run([sys.executable, "-c", code, "--case", str(case), "import", str(pdf)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_import_summary_says_when_russian_names_are_found_by_legal_forms_only(tmp_path):
    said = _import(tmp_path, block_numpy=True)
    assert "Russian names were found by their legal forms only" in said


def test_with_the_model_the_summary_has_no_such_message(tmp_path):
    assert "legal forms only" not in _import(tmp_path, block_numpy=False)
