"""Attack tests (SECURITY.md, "Redaction leaks"): a secret planted in every place a
leak hides, imported into a real case, marked through the core API, exported —
then searched for with every tool an adversary would use. The control string
beside each secret must survive (no over-redaction)."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import import_paths
from evidence_desk.core.redaction.export import ExportResult, export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from tests.core.redaction.leak_corpus import Planted, build_leaky_pdf, scanned_page_pdf
from tests.tools import require_tool

REVISION_SECRET = "ZQREVISIONSECRET"
OCR_SECRET, OCR_CONTROL = "ZQOCRSECRET", "KEEPOCRCONTROL"


def _tool(name: str) -> str:
    return require_tool(name)  # skips naming the Debian package; fails under CI


def byte_forms(secret: str) -> list[bytes]:
    """ASCII, hex (either case) and UTF-16BE forms, independent of the application's own."""
    forms = []
    for variant in {secret, secret.lower(), secret.upper()}:
        for raw in (variant.encode("ascii"), variant.encode("utf-16-be")):
            forms += [raw, raw.hex().encode(), raw.hex().upper().encode()]
    return forms


def revision_texts(path: Path) -> list[str]:
    """The text of every revision: the file cut after each `%%EOF`."""
    data = path.read_bytes()
    texts = []
    for match in re.finditer(rb"%%EOF", data):
        with pymupdf.open(stream=data[:match.end()], filetype="pdf") as doc:
            texts.append("\n".join(p.get_text() for p in doc))
    return texts


class Exported:
    def __init__(self, original: Path, output: Path, planted: Planted, result: ExportResult,
                 boxes: dict[int, list[tuple[float, float, float, float]]]) -> None:
        self.original, self.output, self.planted, self.result, self.boxes = original, output, planted, result, boxes

    @property
    def secrets(self) -> list[str]:
        return [*self.planted.secrets, OCR_SECRET]

    @property
    def controls(self) -> list[str]:
        return [*self.planted.controls, OCR_CONTROL]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    root = tmp_path_factory.mktemp("leaks")
    original = root / "leaky.pdf"
    planted = build_leaky_pdf(str(original), REVISION_SECRET)
    # One more page: a scan with an invisible OCR layer, appended as a separate file
    scan = root / "scan.pdf"
    ocr_box = scanned_page_pdf(str(scan), OCR_SECRET, OCR_CONTROL)
    with pymupdf.open(original) as doc, pymupdf.open(scan) as extra:
        doc.insert_pdf(extra)
        doc.saveIncr()  # yet another revision on top
    scan_page = 6
    with Case.open(root / "case", create=True, author="tester") as case:
        report = import_paths(case, [original])
        doc_id = report.outcomes[0].document_id
        assert doc_id is not None, report.outcomes
        boxes: dict[int, list[tuple[float, float, float, float]]] = {}
        # by search (embedded text, across the document)
        for secret in ("ZQBODYSECRET", "ZQROTATEDSECRET", OCR_SECRET):
            hits = find_hits(case, secret, doc_id)
            assert hits, secret
            case.apply(redact_hits_edit(case, hits, "source", status="approved"))
            for h in hits:
                boxes.setdefault(h.page, []).extend(r.as_tuple() for r in h.rects)
        # by region (what a reviewer draws over the kerned, CID, shape and layer text)
        for secret, where in planted.secrets.items():
            if where is None or secret in ("ZQBODYSECRET", "ZQROTATEDSECRET"):
                continue
            page, rect = where
            case.apply(redact_rects_edit(case, doc_id, page, [Rect(*rect)], "source", match_text=secret))
            boxes.setdefault(page, []).append(rect)
        for page, rect in planted.raster_boxes:
            case.apply(redact_rects_edit(case, doc_id, page, [Rect(*rect)], "personal"))
            boxes.setdefault(page, []).append(rect)
        assert any(b for b in boxes[scan_page]), ocr_box
        output = root / "out" / "clean.pdf"
        output.parent.mkdir()
        result = export_pdf(case, doc_id, output)
    yield Exported(original, output, planted, result, boxes)


def test_the_original_really_leaks(exported: Exported) -> None:
    """The attack file is a fair test: the secrets are recoverable from the original."""
    data = exported.original.read_bytes()
    assert data.count(b"%%EOF") >= 3
    with pymupdf.open(exported.original) as doc:
        text = "".join(p.get_text() for p in doc)
    assert "ZQBODYSECRET" in text and "ZQKERNSECRET" in text and OCR_SECRET in text
    assert any(REVISION_SECRET in text for text in revision_texts(exported.original))


def test_export_reports_every_redaction_and_a_passed_verification(exported: Exported) -> None:
    r = exported.result
    assert r.verification.ok, r.verification.problems
    assert r.proposed > 0  # region redactions were recorded as proposed and still applied
    assert 6 in r.rebuilt_pages  # the scan was rebuilt from burned pixels
    assert 1 in r.vector_pages


def test_pymupdf_extracts_no_secret_from_any_page_of_any_revision(exported: Exported) -> None:
    with pymupdf.open(exported.output) as doc:
        raw = "\n".join(str(p.get_text("rawdict")) for p in doc)
    text = "\n".join(revision_texts(exported.output))
    for secret in exported.secrets:
        assert secret.lower() not in text.lower(), secret
        assert secret.lower() not in raw.lower(), secret


def test_pdftotext_finds_no_secret_and_every_control(exported: Exported) -> None:
    out = subprocess.run([_tool("pdftotext"), str(exported.output), "-"], capture_output=True,
                         text=True, check=True).stdout
    for secret in exported.secrets:
        assert secret.lower() not in out.lower(), secret
    for control in exported.controls:
        assert control in out, control


def _qdf(path: Path) -> bytes:
    qdf = path.with_suffix(".qdf")
    subprocess.run([_tool("qpdf"), "--qdf", "--object-streams=disable", str(path), str(qdf)],
                   capture_output=True, check=False)
    return qdf.read_bytes()


def test_decompressed_streams_hold_no_secret_in_ascii_hex_or_utf16(exported: Exported) -> None:
    data = _qdf(exported.output)
    lowered = data.lower()
    for secret in exported.secrets:
        for form in byte_forms(secret):
            assert form not in data and form.lower() not in lowered, (secret, form[:40])


def test_exiftool_and_pdfinfo_see_no_secret(exported: Exported) -> None:
    exif = subprocess.run([_tool("exiftool"), "-a", "-G1", "-ee", str(exported.output)],
                          capture_output=True, text=True, check=False).stdout
    meta = subprocess.run([_tool("pdfinfo"), "-meta", str(exported.output)],
                          capture_output=True, text=True, check=False).stdout
    for secret in exported.secrets:
        assert secret.lower() not in exif.lower(), secret
        assert secret.lower() not in meta.lower(), secret
    assert "Author" not in meta and "Title" not in meta
    pdf_tags = {line.split(":")[0].replace("[PDF]", "").strip() for line in exif.splitlines()
                if line.startswith("[PDF]")}
    assert pdf_tags <= {"PDF Version", "Linearized", "Page Count"}, pdf_tags  # an allow-list
    assert not [line for line in exif.splitlines() if line.startswith(("[XMP", "[IFD", "[EXIF"))]


def test_pdfdetach_lists_no_attachment(exported: Exported) -> None:
    out = subprocess.run([_tool("pdfdetach"), "-list", str(exported.output)],
                         capture_output=True, text=True, check=True).stdout
    assert re.match(r"0 embedded files", out.strip()), out


def test_file_has_exactly_one_revision(exported: Exported) -> None:
    data = exported.output.read_bytes()
    assert data.count(b"%%EOF") == 1
    assert len(re.findall(rb"startxref", data)) == 1
    assert b"/Prev" not in data


def test_every_pixel_inside_each_box_is_the_fill(exported: Exported) -> None:
    # With width hiding (the default) a box over text is drawn as a bar of random width
    # where the text was: the bars as drawn are what must be solid.
    zoom = 2.0
    drawn = {**exported.boxes, **exported.result.bars}
    with pymupdf.open(exported.output) as doc:
        for number, boxes in drawn.items():
            page = doc[number - 1]
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, colorspace=pymupdf.csRGB)
            transform = page.rotation_matrix * pymupdf.Matrix(zoom, zoom)
            for box in boxes:
                r = pymupdf.Rect(box) * transform
                for y in range(int(r.y0) + 2, int(r.y1) - 1):
                    for x in range(int(r.x0) + 2, int(r.x1) - 1):
                        assert pix.pixel(x, y) == (0, 0, 0), (number, box, x, y)


def test_images_under_boxes_are_burned_and_the_original_image_is_gone(exported: Exported) -> None:
    with pymupdf.open(exported.output) as doc:
        hashes = set()
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "Subtype")[1] == "/Image":
                hashes.add(hashlib.md5(pymupdf.Pixmap(doc, xref).samples).hexdigest())
        assert not hashes & set(exported.planted.image_hashes)
        scan = doc[5]
        info = next(i for i in scan.get_image_info(xrefs=True) if i["xref"])
        pix = pymupdf.Pixmap(doc, info["xref"])
        bbox = pymupdf.Rect(info["bbox"])
        sx = pix.width / bbox.width
        for box in exported.boxes[6]:
            r = pymupdf.Rect(box)
            cx, cy = int((r.x0 + r.x1) / 2 * sx), int((r.y0 + r.y1) / 2 * sx)
            assert max(pix.pixel(cx, cy)) < 64, "the scan's own pixels under the box are not black"


def test_scan_keeps_an_invisible_text_layer_without_the_redacted_word(exported: Exported) -> None:
    with pymupdf.open(exported.output) as doc:
        text = doc[5].get_text()
        spans = [s for s in doc[5].get_texttrace() if s["chars"]]
    assert OCR_CONTROL in text and "Letter" in text
    assert OCR_SECRET not in text
    assert spans and all(s["type"] == 3 for s in spans)  # invisible, like OCR output


def test_the_export_file_passes_the_standalone_verifier(exported: Exported) -> None:
    from evidence_desk.core.redaction.verify_pdf import verify_pdf_file

    report = verify_pdf_file(exported.output)
    assert report.ok, report.problems
    assert report.checked["revisions"] == 1
