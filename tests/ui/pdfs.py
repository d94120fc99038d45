"""Small real text PDFs for GUI tests (PyMuPDF here is test code, not the application)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

LETTER = [
    "STATE EXPORT AGENCY\nRef. SEA/2019/0417\n\nTo the Ministry of Defence\n\n"
    "Subject: delivery of fire-control upgrades under contract 17/2019.\n"
    "Signed: Director Anton Petrov",
    "Page two of the letter.\nThe shipment leaves Zelenograd on 3 May 2019\n"
    "under export permit EP-5521.",
]
INVOICE = [
    "INVOICE No. 445\nSeller: State Export Agency\nBuyer: Ministry of Defence\n"
    "Item: mobile anti-drone station, 2 units\nAmount: 1,250,000 USD\nContract 17/2019",
]
NOTE = [
    "NOTE VERBALE No. 88\nThe Embassy presents its compliments to the Ministry.",
    "Second page of the note verbale mentioning Zelenograd once more.",
    "Third page: closing formula.",
]


def write_pdf(path: Path, pages: list[str]) -> Path:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 90), text, fontsize=13)
    doc.save(path)
    doc.close()
    return path


def write_specimens(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_pdf(folder / "a_letter.pdf", LETTER),
        write_pdf(folder / "b_invoice.pdf", INVOICE),
        write_pdf(folder / "c_note_verbale.pdf", NOTE),
    ]
