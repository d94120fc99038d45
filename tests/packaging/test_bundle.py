"""The PyInstaller one-folder bundle starts offscreen on a machine without the system tools:
it builds and opens the demo case, imports a PDF and saves a screenshot of the window."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.core.pdfs import write_text_pdf
from tests.packaging.bundle import BUILD_TIMEOUT, bundle_env

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(BUILD_TIMEOUT + 600)]


def _run(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(bundle / "evidence-desk"), *args], capture_output=True, text=True, env=env,
                          timeout=600, check=False)
    assert done.returncode == 0, f"{args}: {done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


def test_bundle_builds_the_demo_imports_a_pdf_and_saves_a_screenshot(bundle, tmp_path):
    env = bundle_env(tmp_path / "home", tmp_path / "bin")
    case = tmp_path / "demo"
    assert "evidence-desk 0.1.0" in _run(bundle, env, "--version").stdout
    langs = json.loads(_run(bundle, env, "ocr", "--list-langs", "--json").stdout)
    assert {"rus", "eng", "deu"} <= set(langs["languages"])  # the Tesseract beside the bundle

    summary = _run(bundle, env, "demo", str(case)).stdout
    assert "Demo case (SPECIMEN" in summary and "without OCR" not in summary
    assert ", 0 without text)" in summary  # every scan was read by the bundled Tesseract

    pdf = write_text_pdf(tmp_path / "delivery-note.pdf", ["Delivery note ZX-4711: twelve crates of spare parts"])
    imported = json.loads(_run(bundle, env, "--case", str(case), "import", str(pdf), "--json").stdout)
    assert imported["imported"] == 1
    hits = json.loads(_run(bundle, env, "--case", str(case), "search", "ZX-4711", "--json").stdout)
    assert [h["page"] for h in hits] == [1]

    # Russian names come from the Natasha model inside the bundle (numpy and the model files are bundled).
    letter = write_text_pdf(tmp_path / "pismo.pdf", ["Генеральный директор Гарбуз Константин Олегович направил письмо "
                                                     "в Москву."])
    said = _run(bundle, env, "--case", str(case), "import", str(letter)).stdout
    assert "could not be loaded" not in said, said
    names = json.loads(_run(bundle, env, "--case", str(case), "suggest", "--kind", "name", "--json").stdout)
    assert any("Гарбуз" in n["value"] and n["field"] == "person" for n in names), names

    shot = tmp_path / "shot.png"
    _run(bundle, env, "--case", str(case), "gui", "--demo", "--screenshot", str(shot))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)
    assert len({image.pixel(x, y) for x in range(0, 1600, 9) for y in range(0, 1000, 9)}) > 50


def test_bundle_ships_licences_icons_translations_and_the_demo_templates(bundle):
    inside = bundle / "_internal"
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in (inside / "LICENSE").read_text(encoding="utf-8")
    summary = (inside / "licences" / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for name in ("PySide6_Essentials", "pymupdf", "SQLAlchemy", "pillow", "Python"):
        assert name in summary
    assert (inside / "evidence_desk" / "resources" / "demo" / "case.toml").is_file()
    assert (inside / "evidence_desk" / "resources" / "icons" / "org.evidencedesk.EvidenceDesk.svg").is_file()
    assert (inside / "share" / "applications" / "org.evidencedesk.EvidenceDesk.desktop").is_file()
    # compiled at build time; the .ts sources stay out
    qm = sorted(p.name for p in (inside / "evidence_desk" / "resources" / "translations").glob("*.qm"))
    assert qm == ["evidence_desk_de.qm", "evidence_desk_en.qm", "evidence_desk_ru.qm"]
    assert (inside / "evidence_desk" / "resources" / "guide" / "guide.md").is_file()
    for lang in ("rus", "eng", "deu"):
        assert (bundle / "tesseract" / "tessdata" / f"{lang}.traineddata").is_file()
    assert (bundle / "tesseract" / "copyright" / "tesseract-ocr").is_file()
    assert not list(inside.rglob("libgtk-3.so*"))  # the build machine's GTK stays out
