"""What an adversary does with an exported file: every extractor there is, raw streams
through qpdf, and the embedded fonts through fontTools. Independent of the
application's own verification (none of this imports it)."""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import string
import subprocess
import unicodedata
from pathlib import Path

import pymupdf
import pytest


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing (Debian package {package})")
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


def random_secret(rng: random.Random, length: int = 10, letters: str = string.ascii_uppercase) -> str:
    return "".join(rng.choice(letters) for _ in range(length))


def texts(path: Path) -> dict[str, str]:
    """The page text as PyMuPDF, pdftotext, pypdf and pdfminer.six read it."""
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    out: dict[str, str] = {}
    with pymupdf.open(path) as doc:
        out["pymupdf"] = "\n".join(p.get_text() for p in doc)
        out["pymupdf-raw"] = "\n".join("".join(chr(c[0]) for s in p.get_texttrace() for c in s["chars"])
                                       for p in doc)
    pdftotext = tool("pdftotext", "poppler-utils")
    out["pdftotext"] = subprocess.run([pdftotext, "-raw", str(path), "-"], capture_output=True,
                                      check=True).stdout.decode("utf-8", "replace")
    out["pypdf"] = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    out["pdfminer"] = extract_text(str(path))
    return out


def qpdf_streams(path: Path, tmp: Path) -> bytes:
    """The file rewritten by qpdf with every stream uncompressed (QDF mode)."""
    qpdf = tool("qpdf", "qpdf")
    out = tmp / f"{path.stem}.qdf.pdf"
    subprocess.run([qpdf, "--qdf", "--object-streams=disable", "--decode-level=all", str(path), str(out)],
                   check=False, capture_output=True)
    return out.read_bytes()


def byte_forms(secret: str) -> list[bytes]:
    forms = []
    for variant in {secret, secret.lower(), secret.upper()}:
        for raw in (variant.encode("utf-8"), variant.encode("utf-16-be")):
            forms += [raw, raw.hex().encode(), raw.hex().upper().encode()]
    return forms


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def leaks(path: Path, tmp: Path, secret: str) -> list[str]:
    """Every way this attacker recovers `secret` from the file (empty: none)."""
    found = [name for name, text in texts(path).items() if fold(secret) in fold(text)]
    raw = qpdf_streams(path, tmp)
    found += [f"qpdf bytes {form[:12]!r}" for form in byte_forms(secret) if len(form) >= 6 and form in raw]
    return found


def font_outlines(path: Path) -> list[tuple[str, set[int], set[int]]]:
    """(font, glyph ids with outlines, glyph ids the text shows) for each embedded
    TrueType font, read with fontTools."""
    from fontTools.ttLib import TTFont

    out = []
    with pymupdf.open(path) as doc:
        used: dict[str, set[int]] = {}
        for page in doc:
            for span in page.get_texttrace():
                used.setdefault(span["font"], set()).update(c[1] for c in span["chars"])
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "Type")[1] != "/Font":
                continue
            name, ext, _kind, buffer = doc.extract_font(xref)
            if ext != "ttf" or not buffer:
                continue
            font = TTFont(io.BytesIO(buffer))
            order = font.getGlyphOrder()
            outlined = {i for i, g in enumerate(order) if font["glyf"][g].numberOfContours != 0}
            short = re.sub(r"^[A-Z]{6}\+", "", name).replace(" ", "")
            shows = set().union(*(g for f, g in used.items() if f.replace(" ", "") in short or short in f)) \
                if used else set()
            out.append((name, outlined, shows))
    return out
