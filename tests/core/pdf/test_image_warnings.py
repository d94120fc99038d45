"""Images read by Pillow: a JPEG whose EXIF block is huge and broken imports with one line in
the document's warnings, instead of hundreds of reader warnings on the terminal; a truncated
image is refused."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from evidence_desk.cli.main import main
from evidence_desk.core.case import Case
from evidence_desk.core.queries.documents import show_document


def _jpeg_with_broken_exif(path: Path, tags: int = 200, segments: int = 600) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), "white").save(buf, "JPEG")
    jpeg = buf.getvalue()
    app0_length = struct.unpack(">H", jpeg[4:6])[0]
    jpeg = jpeg[:2] + jpeg[4 + app0_length:]  # no JFIF: Pillow reads the resolution from the EXIF
    entries = b"".join(struct.pack(">HHII", 0x0100 + i, 2, 0xFFFF, 0x7FFFFF00) for i in range(tags))
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">H", tags) + entries + b"\x00\x00\x00\x00"
    body = b"Exif\x00\x00" + tiff
    body += b"\x00" * (65000 - len(body))
    segment = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    path.write_bytes(jpeg[:2] + segment * segments + jpeg[2:])  # about 39 MB of EXIF
    return path


def test_a_jpeg_with_39_mb_of_broken_exif_gives_one_warning_line(tmp_path: Path,
                                                                   capfd: pytest.CaptureFixture[str]) -> None:
    photo = _jpeg_with_broken_exif(tmp_path / "photo.jpg")
    assert photo.stat().st_size > 38_000_000
    case_dir = tmp_path / "case"
    assert main(["--case", str(case_dir), "import", str(photo), "--ocr", "never"]) == 0
    captured = capfd.readouterr()
    assert "Warning" not in captured.err and "warn" not in captured.err.lower()
    with Case.open(case_dir) as case:
        warnings = list(show_document(case, 1).summary.warnings)
    assert len(warnings) == 1
    assert warnings[0].startswith("the image's metadata is damaged")


def test_pillow_is_loaded_on_first_use_and_refuses_a_truncated_image(tmp_path: Path) -> None:
    """`images.pillow()`: Pillow imported when a worker first opens an image (the fork server
    does not load it), with a truncated file refused rather than padded with grey."""
    from evidence_desk.core.errors import RefusedFileError
    from evidence_desk.core.pdf import images

    buf = io.BytesIO()
    Image.new("L", (400, 300), 128).save(buf, "PNG")
    (tmp_path / "cut.png").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    img = images.open_image(str(tmp_path / "cut.png"), "image/png")
    with pytest.raises(RefusedFileError):
        images.load_frame(img, 0)
    assert images.pillow().__name__ == "PIL.Image"
