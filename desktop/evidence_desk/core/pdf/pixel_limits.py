"""How many pixels a page may become, in one place: a hostile page declares any size, so
every path that turns a page into pixels caps it, each for what it must keep.

Importable without PyMuPDF (the GUI process checks renders against `RENDER`)."""

from __future__ import annotations

RENDER = 40_000_000  # one render for the screen: 120 MB of RGB at most
RENDER_SIDE = 20_000  # pixels on either side of a render (QImage and MuPDF both cope)
OCR = 60_000_000  # a page read by Tesseract: A3 at 300 dpi in grey fits
OCR_SIDE = 10_000
REBUILD = 120_000_000  # a rebuilt (flattened) page's picture: about A0 at 200 dpi
