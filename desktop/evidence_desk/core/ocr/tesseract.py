"""Tesseract 5 as a child process: finding it, its languages, recognising one bitmap.

Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`): we run one process per
core instead, which is several times faster than its own OpenMP threading on
page-sized jobs. Bitmaps go in on stdin as PGM (no sensitive page ever lands in
a temporary file) and TSV comes back on stdout. Every run has a wall-clock timeout."""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

from evidence_desk.core.errors import EvidenceDeskError

ENGINE_NAME = "tesseract"
# Debian package per Tesseract language code (the ones people ask for; others follow the pattern).
_DEBIAN = {"aze_cyrl": "tesseract-ocr-aze-cyrl", "chi_sim": "tesseract-ocr-chi-sim",
           "chi_tra": "tesseract-ocr-chi-tra"}
_LANG = re.compile(r"^[a-z]{3}(_[a-z]{3,4})?$")


class OcrUnavailableError(EvidenceDeskError):
    """Tesseract or one of the requested language packs is not installed."""


class OcrFailedError(EvidenceDeskError):
    """Tesseract ran but failed (or timed out) on a page."""


@dataclass(frozen=True)
class TsvWord:
    left: int
    top: int
    width: int
    height: int
    conf: float
    text: str
    block: int
    line: int  # paragraph and line folded into one index within the block
    index: int


def debian_package(lang: str) -> str:
    return _DEBIAN.get(lang, f"tesseract-ocr-{lang.replace('_', '-')}")


def binary() -> str:
    found = os.environ.get("EVIDENCE_DESK_TESSERACT") or shutil.which("tesseract")
    if not found:
        raise OcrUnavailableError(
            "Tesseract is not installed, so pages without text cannot be read; install it "
            "(Debian/Ubuntu: sudo apt install tesseract-ocr tesseract-ocr-rus tesseract-ocr-deu) "
            "and run `evidence-desk ocr` again")
    return found


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


@functools.lru_cache(maxsize=8)
def _list_langs(tess: str) -> tuple[str, ...]:
    try:
        out = subprocess.run([tess, "--list-langs"], capture_output=True, text=True, timeout=30,
                             env=_env(), check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailableError(f"Tesseract ({tess}) cannot be started: {exc}") from exc
    lines = (out.stdout + "\n" + out.stderr).splitlines()
    return tuple(sorted({ln.strip() for ln in lines if _LANG.match(ln.strip()) or ln.strip() == "osd"}))


def installed_languages() -> list[str]:
    """Tesseract's installed language packs (including `osd` when present)."""
    return list(_list_langs(binary()))


def version() -> str:
    try:
        out = subprocess.run([binary(), "--version"], capture_output=True, text=True, timeout=30,
                             env=_env(), check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ENGINE_NAME
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else ENGINE_NAME


def has_osd() -> bool:
    return "osd" in installed_languages()


def check_languages(languages: str) -> str:
    """Validate `rus+eng+deu`-style codes against the installed packs; return them normalised."""
    codes = [c.strip() for c in re.split(r"[+,\s]+", languages or "") if c.strip()]
    if not codes:
        raise OcrUnavailableError("no OCR language given; use Tesseract codes such as rus+eng+deu")
    bad = [c for c in codes if not _LANG.match(c)]
    if bad:
        raise OcrUnavailableError(f"{bad[0]!r} is not a Tesseract language code (examples: rus, eng, deu, bel, ukr, aze)")
    have = set(installed_languages())
    missing = [c for c in codes if c not in have]
    if missing:
        pkgs = " ".join(debian_package(c) for c in missing)
        raise OcrUnavailableError(
            f"OCR language{'s' if len(missing) > 1 else ''} {', '.join(missing)} not installed; "
            f"install {pkgs} (Debian/Ubuntu: sudo apt install {pkgs}); installed: "
            f"{', '.join(sorted(have - {'osd'})) or 'none'}")
    return "+".join(dict.fromkeys(codes))


def _pgm(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.convert("L").save(buf, format="PPM")
    return buf.getvalue()


def _run(args: list[str], image: Image.Image, timeout: float) -> str:
    try:
        out = subprocess.run(args, input=_pgm(image), capture_output=True, timeout=timeout,
                             env=_env(), check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrFailedError(f"Tesseract did not finish a page within {timeout:.0f} s") from exc
    except OSError as exc:
        raise OcrUnavailableError(f"Tesseract cannot be started: {exc}") from exc
    if out.returncode != 0:
        err = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailedError(f"Tesseract failed: {(err[-1] if err else 'exit status ' + str(out.returncode))[:300]}")
    return out.stdout.decode("utf-8", "replace")


def recognise(image: Image.Image, languages: str, *, dpi: float = 300, psm: int = 3,
              timeout: float = 180.0) -> list[TsvWord]:
    """Words with pixel boxes and confidences (0–100) from one grayscale bitmap."""
    args = [binary(), "stdin", "stdout", "-l", languages, "--psm", str(psm),
            "--dpi", str(round(dpi)), "tsv"]
    return parse_tsv(_run(args, image, timeout))


def parse_tsv(tsv: str) -> list[TsvWord]:
    words: list[TsvWord] = []
    lines_seen: dict[tuple[int, int, int], int] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            block, par, line, word = (int(c) for c in cols[2:6])
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        key = (block, par, line)
        line_index = lines_seen.setdefault(key, sum(1 for k in lines_seen if k[0] == block))
        words.append(TsvWord(left, top, width, height, max(conf, 0.0), text, block, line_index, word - 1))
    return words


def detect_rotation(image: Image.Image, *, timeout: float = 60.0) -> tuple[int, float] | None:
    """Tesseract's OSD: (degrees to turn the image clockwise, confidence), or None when it cannot tell."""
    args = [binary(), "stdin", "stdout", "--psm", "0", "-l", "osd"]
    try:
        text = _run(args, image, timeout)
    except OcrFailedError:
        return None  # too little text for OSD: the caller falls back
    rotate = re.search(r"Rotate:\s*(\d+)", text)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", text)
    if not rotate:
        return None
    return int(rotate.group(1)) % 360, float(conf.group(1)) if conf else 0.0
