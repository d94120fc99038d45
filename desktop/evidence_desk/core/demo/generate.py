"""Turn the templates into specimen files: born-digital PDFs and scans.

Every document is first laid out as a born-digital PDF; a "scanned" one is
then rasterised at its template's resolution and degraded (`scan`) and saved
as JPEG, PNG, an image-only PDF or a multi-page bilevel TIFF. Seeds come from
the document id, so the same templates always give the same bytes."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.demo import markup, scan
from evidence_desk.core.demo.corpus import DocTemplate, load_documents
from evidence_desk.core.pdf.specimen import PdfInfo, image_pdf, rasterise, render_pages
from evidence_desk.core.progress import Progress


@dataclass(frozen=True)
class SpecimenFile:
    template: DocTemplate
    path: Path


def born_digital_pdf(tpl: DocTemplate) -> bytes:
    info = PdfInfo(title=tpl.title, author=tpl.author, date=tpl.date)
    return render_pages([markup.to_html(p) for p in tpl.pages], markup.CSS, info)


def _seed(tpl: DocTemplate, page: int) -> int:
    return zlib.crc32(f"{tpl.id}/{page}".encode())


def specimen_bytes(tpl: DocTemplate) -> bytes:
    pdf = born_digital_pdf(tpl)
    if tpl.scan is None:
        return pdf
    dpi = tpl.scan.dpi
    pages = []
    for index, raster in enumerate(rasterise(pdf, dpi)):
        # Each sheet goes through the feeder at its own slight angle.
        skew = tpl.scan.skew if index == 0 else -tpl.scan.skew * 0.6
        style = scan.ScanStyle(skew, _seed(tpl, index), fax=tpl.delivery == "tiff")
        pages.append(scan.degrade(raster, style))
    if tpl.delivery == "tiff":
        return scan.encode_tiff(pages, dpi)
    if tpl.delivery == "scan-pdf":
        jpegs = [(scan.encode(p, "jpeg", dpi, quality=60), p.width, p.height) for p in pages]
        return image_pdf(jpegs, dpi, PdfInfo(title="", author="", date=tpl.date))
    if len(pages) != 1:
        raise ValueError(f"{tpl.id}: a {tpl.delivery} scan holds one page, the template has {len(pages)}")
    img = scan.on_paper(pages[0]) if tpl.delivery == "jpeg" else pages[0]
    return scan.encode(img, tpl.delivery, dpi)


def generate_corpus(out_dir: Path, progress: Progress | None = None,
                    templates: tuple[DocTemplate, ...] | None = None) -> list[SpecimenFile]:
    """Write every specimen into `out_dir` (created if needed); return them in template order.

    Sequential on purpose: a process pool was slower here (start-up and
    import costs outweigh the ~0.5 s per scan) and would impose the
    `if __name__ == "__main__"` guard on every script that builds the demo."""
    templates = templates if templates is not None else load_documents()
    progress = progress or Progress()
    progress.update(label="Generating the specimen corpus", total=len(templates), done=0)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for tpl in templates:
        progress.raise_if_cancelled()
        path = out_dir / tpl.filename
        path.write_bytes(specimen_bytes(tpl))
        files.append(SpecimenFile(tpl, path))
        progress.advance(1, detail=tpl.filename)
    return files
