"""Scanned pages generated at test time with known text: typeset with PyMuPDF,
rasterised, then skewed, turned or speckled with Pillow (seeded, reproducible)."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pymupdf
from PIL import Image

RUSSIAN = (
    "Исх. № 12/345-6 от 12 марта 2021 г. Генеральному директору ОАО «Завод Пример» "
    "Уважаемый Иван Петрович! Направляем вам счёт на оплату поставки оборудования "
    "по контракту № К-2019/77 на сумму 1 234 567,89 руб. Просим подтвердить получение "
    "документов и сообщить сроки отгрузки станций радиоэлектронной борьбы."
)
ENGLISH = (
    "Our ref. INV-2021-044 dated 3 March 2021. To the Ministry of Defence, Procurement "
    "Department. Please find enclosed the invoice for the delivery of fire control "
    "upgrade kits under contract K-2019/77. The total amount due is USD 45,000.00 "
    "payable within thirty days to the account stated below."
)
GERMAN = (
    "Az. 7-AB/2021 vom 3. März 2021. Sehr geehrte Damen und Herren, wir bestätigen den "
    "Eingang Ihrer Unterlagen zur Ausfuhrgenehmigung für Weißrussland und bitten um "
    "Übersendung der Endverbleibserklärung bis Ende des Monats."
)


def words_of(text: str) -> list[str]:
    """Comparable words: case-folded letters and digits, punctuation dropped, ё as е."""
    out = []
    for raw in text.split():
        w = re.sub(r"[^\w]", "", raw.casefold()).replace("ё", "е")
        if w:
            out.append(w)
    return out


def recall(expected: str, got: str) -> float:
    want, have = Counter(words_of(expected)), Counter(words_of(got))
    hit = sum(min(n, have[w]) for w, n in want.items())
    return hit / max(1, sum(want.values()))


def text_pdf(path: Path, pages: list[str], font_size: int = 13) -> Path:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_htmlbox(pymupdf.Rect(60, 60, 535, 800), text,
                            css=f"* {{font-family: sans-serif; font-size: {font_size}pt; line-height: 1.4}}")
    doc.save(path)
    doc.close()
    return path


def raster(pdf: Path, index: int = 0, dpi: int = 200) -> Image.Image:
    with pymupdf.open(pdf) as doc:
        pix = doc[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def skew(img: Image.Image, degrees: float) -> Image.Image:
    return img.rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=255)


def speckle(img: Image.Image, fraction: float = 0.01, seed: int = 7) -> Image.Image:
    """Salt-and-pepper noise on `fraction` of the pixels, plus a faint grey cast."""
    rng = random.Random(seed)
    out = img.point(lambda v: min(255, max(0, int(v * 0.92 + 12))))
    px = out.load()
    w, h = out.size
    for _ in range(int(w * h * fraction)):
        px[rng.randrange(w), rng.randrange(h)] = 0 if rng.random() < 0.5 else 255
    return out


def save_scan(img: Image.Image, path: Path, dpi: int = 200) -> Path:
    img.save(path, dpi=(dpi, dpi))
    return path


def scanned_pdf(path: Path, images: list[Image.Image], dpi: int = 200) -> Path:
    """A PDF of page images only (what a scanner produces): no text layer."""
    doc = pymupdf.open()
    for img in images:
        w, h = img.size[0] * 72 / dpi, img.size[1] * 72 / dpi
        page = doc.new_page(width=w, height=h)
        tmp = path.with_suffix(f".{len(doc)}.png")
        img.save(tmp)
        page.insert_image(page.rect, filename=str(tmp))
        tmp.unlink()
    doc.save(path)
    doc.close()
    return path
