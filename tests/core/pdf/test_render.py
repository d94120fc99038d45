"""Rendering pages into bounded raw RGB, in-process (the functions the workers run)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from evidence_desk.core.errors import InvalidInputError, RefusedFileError, WorkerError
from evidence_desk.core.pdf import render
from evidence_desk.core.pdf.render_types import RenderedPage
from evidence_desk.core.rendering import validate


@pytest.fixture(autouse=True)
def _fresh_worker_state():
    render.close_all()
    yield
    render.close_all()


def _pdf(path: Path, rotation: int = 0) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=200, height=400)
    page.draw_rect(pymupdf.Rect(10, 20, 60, 40), color=(0, 0, 0), fill=(0, 0, 0))
    page.set_rotation(rotation)
    doc.save(path)
    return path


def _dark(page: RenderedPage, x: int, y: int) -> bool:
    offset = y * page.stride + x * 3
    return sum(page.samples[offset:offset + 3]) < 100


def test_a_page_renders_to_exactly_width_height_times_three_bytes(tmp_path):
    out = render.render_page(str(_pdf(tmp_path / "a.pdf")), "application/pdf", 1, 2.0)
    assert (out.width, out.height, out.stride) == (400, 800, 1200)
    assert len(out.samples) == 800 * 1200
    assert validate(out) is out


def test_unrotated_render_puts_pdf_points_at_scale_times_pixels_even_on_a_rotated_page(tmp_path):
    out = render.render_page(str(_pdf(tmp_path / "r.pdf", rotation=90)), "application/pdf", 1, 2.0)
    assert (out.width, out.height) == (400, 800)  # the unrotated page, 200 × 400 pt
    assert _dark(out, 70, 60) and not _dark(out, 130, 60)  # the box at x 10..60, y 20..40 pt


def test_rotate_none_honours_the_pages_own_rotation(tmp_path):
    out = render.render_page(str(_pdf(tmp_path / "r.pdf", rotation=90)), "application/pdf", 1, 1.0,
                             rotate=None)
    assert (out.width, out.height, out.rotate) == (400, 200, 90)


def test_view_rotation_turns_the_unrotated_page_clockwise(tmp_path):
    out = render.render_page(str(_pdf(tmp_path / "a.pdf")), "application/pdf", 1, 1.0, rotate=90)
    assert (out.width, out.height) == (400, 200)
    # Clockwise: the unrotated top-left corner ends up at the top right.
    assert _dark(out, 400 - 30, 35)


def test_a_clip_renders_only_that_region(tmp_path):
    out = render.render_page(str(_pdf(tmp_path / "a.pdf")), "application/pdf", 1, 2.0,
                             clip=(0, 0, 100, 50))
    assert (out.width, out.height) == (200, 100)
    assert _dark(out, 70, 60)


def test_the_scale_is_clamped_so_a_render_never_exceeds_the_pixel_bound(tmp_path):
    out = render.render_page(str(_pdf(tmp_path / "a.pdf")), "application/pdf", 1, 30.0,
                             max_pixels=1_000_000)
    assert out.width * out.height <= 1_000_000
    assert out.scale < 30.0


def test_an_image_is_a_page_whose_points_come_from_its_resolution(tmp_path):
    path = tmp_path / "scan.png"
    Image.new("RGB", (300, 600), "white").save(path, dpi=(150, 150))  # 144 × 288 pt
    out = render.render_page(str(path), "image/png", 1, 1.0)
    assert (out.width, out.height) == (144, 288)
    assert len(out.samples) == 144 * 288 * 3


def test_a_transparent_image_is_drawn_on_white_paper(tmp_path):
    path = tmp_path / "t.png"
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(path)
    out = render.render_page(str(path), "image/png", 1, 0.5)
    assert out.samples[:3] == b"\xff\xff\xff"


def test_each_frame_of_a_multipage_tiff_is_a_page(tmp_path):
    path = tmp_path / "two.tif"
    frames = [Image.new("L", (100, 100), 255), Image.new("L", (100, 100), 0)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(72, 72))
    assert render.render_page(str(path), "image/tiff", 2, 1.0).samples[:3] == b"\x00\x00\x00"
    with pytest.raises(InvalidInputError):
        render.render_page(str(path), "image/tiff", 3, 1.0)


def test_a_thumbnail_fits_its_longest_side(tmp_path):
    out = render.render_thumbnail(str(_pdf(tmp_path / "a.pdf")), "application/pdf", 1, 128)
    assert max(out.width, out.height) <= 128 and max(out.width, out.height) >= 126


def test_a_broken_file_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(RefusedFileError):
        render.render_page(str(path), "application/pdf", 1, 1.0)


def test_a_page_past_the_end_is_an_error_a_person_can_read(tmp_path):
    with pytest.raises(InvalidInputError, match="has 1 pages"):
        render.render_page(str(_pdf(tmp_path / "a.pdf")), "application/pdf", 2, 1.0)


@pytest.mark.parametrize(
    "untrusted",
    [
        RenderedPage(10, 10, 30, b"\0" * 299, 1.0, 0),  # one byte short
        RenderedPage(10, 10, 31, b"\0" * 310, 1.0, 0),  # padded rows
        RenderedPage(0, 10, 0, b"", 1.0, 0),  # empty
        RenderedPage(-10, -10, -30, b"\0" * 300, 1.0, 0),  # negative
        RenderedPage(30_000, 1, 90_000, b"\0" * 90_000, 1.0, 0),  # too wide
        RenderedPage(10, 10, 30, bytearray(300), 1.0, 0),  # not bytes
        RenderedPage(10.0, 10, 30, b"\0" * 300, 1.0, 0),  # not integers
        "pixels",
    ],
)
def test_the_parent_refuses_any_reply_that_is_not_exactly_w_h_3_bytes(untrusted):
    with pytest.raises(WorkerError):
        validate(untrusted)


def test_the_parent_refuses_more_pixels_than_its_bound():
    with pytest.raises(WorkerError):
        validate(RenderedPage(100, 100, 300, b"\0" * 30_000, 1.0, 0), max_pixels=9_999)


def test_rendering_into_shared_memory_gives_the_same_pixels_and_no_bytes_in_the_reply(tmp_path):
    from multiprocessing import shared_memory

    path = str(_pdf(tmp_path / "a.pdf"))
    segment = shared_memory.SharedMemory(create=True, size=1_000_000)
    try:
        reply = render.render_into(segment.name, segment.size, path, "application/pdf", 1, 2.0)
        assert reply.shared and reply.samples == b""
        page = validate(reply, shared=segment.buf)
        assert bytes(page.samples) == render.render_page(path, "application/pdf", 1, 2.0).samples
        del page
        with pytest.raises(WorkerError):  # a reply claiming more pixels than the buffer holds
            validate(RenderedPage(1000, 1000, 3000, b"", 1.0, 0, shared=True), shared=segment.buf)
        small = render.render_into(segment.name, segment.size, path, "application/pdf", 1, 30.0)
        assert small.height * small.stride <= segment.size  # clamped to fit the buffer
    finally:
        render.close_all()
        render._segments.pop(segment.name).close()
        segment.close()
        segment.unlink()
