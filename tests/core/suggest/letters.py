"""A small multilingual package with known content (born-digital, so no OCR is needed):
a Russian cover letter, an English invoice answering it, a German forwarding note
citing the invoice, and the contract they all refer to."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from tests import pg

LETTERS = {
    "contract.pdf": [
        "CONTRACT No. K-2019/77",
        "Moscow, 20.11.2019",
        "From: JSC Primer Plant",
        "To: Ministry of Defence of the Republic of Testland",
        "The Supplier shall deliver fire control upgrade kits for a total of EUR 2,500,000.00.",
    ],
    "letter_ru.pdf": [
        "Исх. № 12/345-6 от 12 марта 2021 г.",
        "От: ОАО «Завод Пример»",
        "Кому: Министерство обороны",
        "Уважаемый Иван Петрович!",
        "По контракту № К-2019/77 направляем счёт на сумму 1 234 567,89 руб.",
        "Генеральный директор Щукин И. П.",
    ],
    "invoice_en.pdf": [
        "INVOICE",
        "Invoice No. INV-2021-044 dated 3 March 2021",
        "From: JSC Primer Plant",
        "To: Ministry of Defence",
        "With reference to your letter No. 12/345-6 and under contract No. K-2019/77.",
        "Total due: USD 45,000.00. Signed: I. Shchukin, Director.",
    ],
    "note_de.pdf": [
        "Az. 7-AB/2021 vom 5. März 2021",
        "Von: Primer-Werk",
        "An: Bundesamt für Ausfuhrkontrolle",
        "Sehr geehrte Damen und Herren, anbei die Rechnung Nr. INV-2021-044 von Sawod Primer.",
        "Unterschrift: I. Schtschukin",
    ],
}


def write_letters(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, lines in LETTERS.items():
        doc = pymupdf.open()
        page = doc.new_page(width=595, height=842)
        html = "".join(f"<p>{line}</p>" for line in lines)
        page.insert_htmlbox(pymupdf.Rect(50, 50, 545, 800), html,
                            css="* {font-family: sans-serif; font-size: 11pt;} p {margin: 0 0 8pt 0;}")
        doc.save(folder / name)
        doc.close()
        paths.append(folder / name)
    return paths


def import_letters(case: Case, folder: Path) -> dict[str, int]:
    report = import_paths(case, write_letters(folder), ImportOptions(ocr="never"))
    return {o.path.name: o.document_id for o in report.imported}


def clone_case(template: Path, dest: Path) -> Case:
    """A fresh copy of a prepared case: the database through SQLite's backup API (a team
    case's cloned on the server), originals as files."""
    import shutil
    import sqlite3

    from evidence_desk.core.db.location import read_case_toml

    if read_case_toml(template) is not None:
        return Case.open(pg.copy_case_folder(template, dest))
    dest.mkdir(parents=True)
    shutil.copytree(template / "originals", dest / "originals")
    (dest / "cache").mkdir()
    src = sqlite3.connect(template / "case.sqlite")
    dst = sqlite3.connect(dest / "case.sqlite")
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return Case.open(dest)


@pytest.fixture(scope="session")
def letters_template(tmp_path_factory: pytest.TempPathFactory, backend: str) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("letters")
    with Case.open(pg.case_folder(root / "case"), create=True, author="tester") as c:
        ids = import_letters(c, root / "src")
    return root / "case", ids


@pytest.fixture
def letters_case(letters_template, tmp_path):  # type: ignore[no-untyped-def]
    """(case, {filename: document id}) — the four letters imported, a fresh copy per test."""
    template, ids = letters_template
    c = clone_case(template, tmp_path / "letters-case")
    yield c, ids
    c.close()
