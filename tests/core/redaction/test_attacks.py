"""Attacks on exported files, one class each (issue 10), written as an adversary would:
random secrets, control words right beside each box, and recovery with PyMuPDF,
pdftotext, pypdf, pdfminer.six, qpdf streams and fontTools. An export that would
leak must not be written at all; one that is written must leak nothing and keep
every control word."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.export import ExportOptions, ExportVerificationError, export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from tests.core.pdfs import FONT_FILE
from tests.core.redaction.attacker import (
    fold,
    font_outlines,
    leaks,
    qpdf_streams,
    random_secret,
    texts,
)
from tests.core.redaction.conftest import import_one

SIZE = 11.0


def _word(path: Path, text: str, page: int = 0) -> Rect:
    with pymupdf.open(path) as doc:
        w = next(w for w in doc[page].get_text("words") if w[4] == text)
    return Rect(*w[:4])


def _approve_rect(case: Case, doc: int, page: int, rect: Rect) -> None:
    case.apply(redact_rects_edit(case, doc, page, [rect], "source", status="approved"))


def _assert_clean(out: Path, tmp: Path, secrets: list[str], controls: list[str]) -> None:
    for secret in secrets:
        assert leaks(out, tmp, secret) == [], secret
    for tool, text in texts(out).items():
        if tool == "pymupdf-raw":
            continue
        for control in controls:
            assert fold(control) in fold(text), (tool, control)


# -- glyph positions and box width ---------------------------------------------------------

def _line_pdf(path: Path, lines: list[str], font: str = "helv") -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    if font == "dejavu":
        page.insert_font(fontname="dejavu", fontfile=str(FONT_FILE))
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + 24 * i), line, fontsize=SIZE, fontname=font)
    doc.save(path)
    return path


def _tj_numbers(data: bytes) -> list[float]:
    return [float(n) for arr in re.findall(rb"\[([^\]]*)\]\s*TJ", data)
            for n in re.findall(rb"(?<![<\w.])-?\d+(?:\.\d+)?(?![\w>])", re.sub(rb"<[^>]*>|\([^)]*\)", b" ", arr))]


def test_width_hiding_leaves_no_gap_box_or_displacement_that_measures_the_secret(
        case: Case, tmp_path: Path) -> None:
    rng = random.Random()
    short, long = random_secret(rng, 3), random_secret(rng, 14)
    source = _line_pdf(tmp_path / "w.pdf", [f"Before {short} after", f"Start {long} end"])
    doc = import_one(case, source)
    for secret in (short, long):
        case.apply(redact_hits_edit(case, find_hits(case, secret, doc), "source", status="approved"))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    assert result.verification.checked["width_hiding"]["bars"] == 2
    space = pymupdf.get_text_length(" ", "helv", SIZE)
    with pymupdf.open(out) as pdf:
        words = pdf[0].get_text("words")
    bars = sorted(result.bars[1], key=lambda b: b[1])
    for (before, after), bar in zip((("Before", "after"), ("Start", "end")), bars, strict=True):
        b = next(w for w in words if w[4] == before)
        a = next(w for w in words if w[4] == after)
        # the only widths left are the font's own space and the bar's random width
        assert bar[0] - b[2] == pytest.approx(space, abs=0.3)
        assert a[0] - bar[2] == pytest.approx(space, abs=0.3)
        assert 3 * SIZE - 0.01 <= bar[2] - bar[0] <= 12 * SIZE + 0.01
    raw = qpdf_streams(out, tmp_path)
    assert all(abs(n) < 1000 for n in _tj_numbers(raw)), "a TJ displacement of an em or more is left"
    _assert_clean(out, tmp_path, [short, long], ["Before", "after", "Start", "end"])


def test_without_width_hiding_the_gap_measures_the_secret_exactly(case: Case, tmp_path: Path) -> None:
    """The attack width hiding defeats (Bland, Iqbal et al.): it works on the unprotected export."""
    secret = random_secret(random.Random(), 9)
    doc = import_one(case, _line_pdf(tmp_path / "w.pdf", [f"Before {secret} after"]))
    case.apply(redact_hits_edit(case, find_hits(case, secret, doc), "source", status="approved"))
    out = tmp_path / "out.pdf"
    assert export_pdf(case, doc, out, ExportOptions(hide_widths=False)).verification.ok
    with pymupdf.open(out) as pdf:
        words = {w[4]: w for w in pdf[0].get_text("words")}
    gap = words["after"][0] - words["Before"][2]
    assert gap == pytest.approx(pymupdf.get_text_length(f" {secret} ", "helv", SIZE), abs=0.01)


# -- font programs ---------------------------------------------------------------------------

def test_embedded_fonts_keep_no_outline_of_a_letter_only_the_secret_used(case: Case, tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    control_letters = "abcdeghiklmno"
    rng = random.Random()
    secret = random_secret(rng, 10, "QXZJVWY")
    controls = ["".join(rng.choice(control_letters) for _ in range(8)) for _ in range(3)]
    source = _line_pdf(tmp_path / "f.pdf", [f"{controls[0]} {secret} {controls[1]}", controls[2]], font="dejavu")
    doc = import_one(case, source)
    case.apply(redact_hits_edit(case, find_hits(case, secret, doc), "source", status="approved"))
    out = tmp_path / "out.pdf"
    assert export_pdf(case, doc, out).verification.ok
    cmap = TTFont(str(FONT_FILE)).getBestCmap()
    secret_gids = {TTFont(str(FONT_FILE)).getGlyphID(cmap[ord(c)]) for c in set(secret)}
    fonts = font_outlines(out)
    assert fonts
    for name, outlined, shown in fonts:
        assert not outlined & secret_gids, (name, "outlines of the secret's letters survive")
        assert outlined <= shown | {0}, (name, outlined - shown)
    with pikepdf.open(out) as pdf:  # nor does a ToUnicode map list the secret's letters
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and isinstance(obj.get("/ToUnicode"), pikepdf.Stream):
                mapped = {chr(int(v, 16)) for v in re.findall(rb"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]{4})>",
                                                              obj.ToUnicode.read_bytes())}
                assert not mapped & set(secret), mapped & set(secret)
    _assert_clean(out, tmp_path, [secret], controls)


def _type3_pdf(path: Path, lines: list[tuple[float, str]]) -> Path:
    """A Type3 font whose procedures draw a distinct bar per letter, with glyph names
    spelling the letters and a ToUnicode map (so the text can be extracted)."""
    pdf = pikepdf.new()
    letters = sorted({c for _, text in lines for c in text if c != " "})
    codes = {" ": 32, **{c: 65 + i for i, c in enumerate(letters)}}
    procs = pikepdf.Dictionary()
    differences: list[object] = []
    for c, code in sorted(codes.items(), key=lambda kv: kv[1]):
        name = "space" if c == " " else c
        height = 0 if c == " " else 300 + 17 * (code - 64)
        procs[f"/{name}"] = pdf.make_stream(f"600 0 d0 0 0 {500 if c != ' ' else 0} {height} re f".encode())
        differences += [code, pikepdf.Name(f"/{name}")]
    tounicode = "\n".join(f"<{code:02X}> <{ord(c):04X}>" for c, code in codes.items())
    cmap = (f"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
            f"1 begincodespacerange <00> <FF> endcodespacerange {len(codes)} beginbfchar\n{tounicode}\n"
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 600, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=procs, FirstChar=32, LastChar=127,
        Widths=[600] * 96, Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding,
                                                       Differences=pikepdf.Array(differences)),
        ToUnicode=pdf.make_stream(cmap)))
    content = b"".join(
        b"BT /T3 11 Tf 72 %d Td <%s> Tj ET\n" % (int(842 - y), "".join(f"{codes[c]:02X}" for c in text).encode())
        for y, text in lines)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(T3=font)),
                              Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_type3_procedures_and_glyph_names_of_the_secret_are_gone(case: Case, tmp_path: Path) -> None:
    rng = random.Random()
    secret = random_secret(rng, 6, "QXZJVW")
    control = random_secret(rng, 6, "ABCDEF")
    source = _type3_pdf(tmp_path / "t3.pdf", [(100, f"{control} {secret}"), (140, control)])
    doc = import_one(case, source)
    with pymupdf.open(source) as pdf:
        word = next(w for w in pdf[0].get_text("words") if w[4] == secret)
    _approve_rect(case, doc, 1, Rect(*word[:4]))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    with pikepdf.open(out) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/Type3":
                names = {str(k)[1:] for k in obj.CharProcs}
                assert not names & set(secret), names
                spelled = [str(n)[1:] for n in obj.Encoding.Differences if isinstance(n, pikepdf.Name)]
                assert not set(spelled) & set(secret), spelled
    _assert_clean(out, tmp_path, [secret], [control])


# -- copies elsewhere on the page ------------------------------------------------------------

def test_a_white_copy_elsewhere_stops_a_rectangle_export_until_it_is_redacted_too(
        case: Case, tmp_path: Path) -> None:
    secret = random_secret(random.Random(), 9)
    path = tmp_path / "white.pdf"
    d = pymupdf.open()
    page = d.new_page(width=595, height=842)
    page.insert_text((72, 100), f"Left {secret} right", fontsize=SIZE)
    page.insert_text((300, 600), secret, fontsize=SIZE, color=(1, 1, 1))
    page.insert_text((72, 640), "KEEPWHITECONTROL stays", fontsize=SIZE)
    d.save(path)
    doc = import_one(case, path)
    _approve_rect(case, doc, 1, _word(path, secret))
    out = tmp_path / "out.pdf"
    with pytest.raises(ExportVerificationError, match="can still be extracted") as failed:
        export_pdf(case, doc, out)
    assert "page 1" in str(failed.value.report.problems)
    assert not out.exists()
    with pymupdf.open(path) as pdf:
        white = next(w for w in pdf[0].get_text("words") if w[4] == secret and w[1] > 500)
    _approve_rect(case, doc, 1, Rect(*white[:4]))
    assert export_pdf(case, doc, out).verification.ok
    _assert_clean(out, tmp_path, [secret], ["Left", "right", "KEEPWHITECONTROL stays"])


def _actualtext_pdf(path: Path, actual: str, shown: str) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    content = (b"BT /F1 11 Tf 72 742 Td (Control KEEPACTUALLEFT) Tj ET\n"
               b"/Span <</ActualText (" + actual.encode() + b")>> BDC BT /F1 11 Tf 72 700 Td ("
               + shown.encode() + b") Tj ET EMC\n"
               b"BT /F1 11 Tf 200 700 Td (KEEPACTUALRIGHT) Tj ET\n")
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_a_three_letter_secret_in_actualtext_does_not_survive_a_rectangle(case: Case, tmp_path: Path) -> None:
    rng = random.Random()
    secret = random_secret(rng, 3, string.ascii_uppercase)
    shown = random_secret(rng, 7, "QXZJ")
    path = _actualtext_pdf(tmp_path / "actual.pdf", secret, shown)
    doc = import_one(case, path)
    with pymupdf.open(path) as pdf:  # where the glyphs are (the extractor reads the ActualText)
        span = next(s for s in pdf[0].get_texttrace() if "".join(chr(c[0]) for c in s["chars"]) == shown)
    box = span["bbox"]
    _approve_rect(case, doc, 1, Rect(box[0] - 1, box[1], box[2] + 1, box[3]))
    out = tmp_path / "out.pdf"
    assert export_pdf(case, doc, out).verification.ok
    raw = qpdf_streams(out, tmp_path)
    assert b"ActualText" not in raw
    assert f"({secret})".encode() not in raw
    _assert_clean(out, tmp_path, [shown], ["Control KEEPACTUALLEFT", "KEEPACTUALRIGHT"])


# -- look-alike copies -----------------------------------------------------------------------

def test_a_cyrillic_look_alike_copy_stops_a_pattern_export(
        case: Case, import_lines: Callable[..., int], tmp_path: Path) -> None:
    name = "Harbuz"
    lookalike = "Нarbuz"  # Cyrillic En
    doc = import_lines([[(72, 100, f"Officer {name} signed"), (72, 140, f"Contact {lookalike} today")]])
    case.apply(redact_hits_edit(case, find_hits(case, name, doc), "source", status="approved"))
    out = tmp_path / "out.pdf"
    try:
        result = export_pdf(case, doc, out)
    except ExportVerificationError as failed:  # the copy was not found by the search
        assert "can still be extracted" in str(failed)
        assert not out.exists()
    else:  # the search found the copy too (folding look-alikes): then it is gone
        assert result.verification.ok
        for tool, text in texts(out).items():
            assert "arbuz" not in fold(text), tool


# -- vector outlines used as a clip ----------------------------------------------------------

def _clip_pdf(path: Path) -> tuple[Path, Rect]:
    """Glyph-like outlines (a "T" and an "L") used as a clip over a blue fill under the
    box, and a control word beside it."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 90), "KEEPCLIPCONTROL above the drawing", fontsize=SIZE)
    outline = (b"q 100 700 m 130 700 l 130 694 l 118 694 l 118 660 l 112 660 l 112 694 l 100 694 l h "
               b"140 700 m 146 700 l 146 666 l 166 666 l 166 660 l 140 660 l h W n "
               b"0 0 1 rg 95 655 80 50 re f Q")
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, outline)
    doc.xref_set_key(page.xref, "Contents", f"[{' '.join(f'{x} 0 R' for x in [*page.get_contents(), xref])}]")
    doc.save(path)
    return path, Rect(95, 842 - 705, 175, 842 - 655)


def test_outlines_used_as_a_clip_under_a_box_lose_their_shape(case: Case, tmp_path: Path) -> None:
    path, box = _clip_pdf(tmp_path / "clip.pdf")
    doc = import_one(case, path)
    _approve_rect(case, doc, 1, box)
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        shaped = [d for d in page.get_drawings(extended=True)
                  if d.get("type") == "clip" and len(d.get("items") or []) > 1]
        assert not shaped, "a clip path with the outlines' shape survives"
        data = b"".join(pdf.xref_stream(x) for x in page.get_contents())
    # the attacker paints every clip path back: nothing shaped like the letters comes out
    painted = re.sub(rb"W\s*n", b"f", data)
    assert b"118 694" not in painted and b"146 666" not in painted
    assert "KEEPCLIPCONTROL above the drawing" in texts(out)["pymupdf"]


def _outline(dx: int, dy: int) -> bytes:
    """A "T" and an "L" as one clip path, offset (glyph outlines drawn as vectors)."""
    pts = [(100, 700), (130, 700), (130, 694), (118, 694), (118, 660), (112, 660), (112, 694), (100, 694)]
    second = [(140, 700), (146, 700), (146, 666), (166, 666), (166, 660), (140, 660)]

    def path(points: list[tuple[int, int]]) -> bytes:
        head, *rest = points
        return (b"%d %d m " % (head[0] + dx, head[1] + dy) + b"".join(b"%d %d l " % (x + dx, y + dy) for x, y in rest)
                + b"h ")
    return path(pts) + path(second)


def _clip_in_forms_pdf(path: Path) -> tuple[Path, list[Rect], list[bytes]]:
    """Glyph outlines used as clips inside a form XObject, inside a form nested in
    another (with a matrix), and inside a tiling pattern's cell, each over a fill under a
    box; a control word beside each. Returns the boxes and the outlines' coordinates."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    inner = pdf.make_stream(b"q " + _outline(0, 0) + b"W n 0 0 1 rg 95 655 80 50 re f Q",
                            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842])
    outer = pdf.make_stream(b"q 1 0 0 1 0 -200 cm /Inner Do Q", Type=pikepdf.Name.XObject,
                            Subtype=pikepdf.Name.Form, BBox=[0, -300, 595, 842], Matrix=[1, 0, 0, 1, 200, 0],
                            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Inner=inner)))
    direct = pdf.make_stream(b"q " + _outline(0, -400) + b"W n 0 0.5 0 rg 95 255 80 50 re f Q",
                             Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842])
    tile = pdf.make_stream(b"q " + _outline(-95, -655) + b"W n 1 0 0 rg 0 0 80 50 re f Q",
                           Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1, TilingType=1,
                           BBox=[0, 0, 80, 50], XStep=80, YStep=50, Matrix=[1, 0, 0, 1, 95, 55],
                           Resources=pikepdf.Dictionary())
    content = (b"BT /F1 11 Tf 72 800 Td (KEEPFORMCLIPCONTROL above) Tj ET\n"
               b"/Direct Do /Outer Do\n"
               b"q /Pattern cs /P1 scn 95 55 80 50 re f Q\n"
               b"BT /F1 11 Tf 300 80 Td (KEEPTILECONTROL beside) Tj ET\n")
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                                           XObject=pikepdf.Dictionary(Direct=direct, Outer=outer),
                                                           Pattern=pikepdf.Dictionary(P1=tile)),
                              Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    boxes = [Rect(95, 842 - 305, 175, 842 - 255),  # the direct form
             Rect(295, 842 - 505, 375, 842 - 455),  # the nested form (moved by 200, -200)
             Rect(95, 842 - 105, 175, 842 - 55)]  # the pattern's cell
    coordinates = [b"118 294", b"146 266", b"23 39", b"51 11", b"118 694", b"146 666"]
    return path, boxes, coordinates


def test_outline_clips_inside_forms_nested_forms_and_patterns_lose_their_shape(
        case: Case, tmp_path: Path) -> None:
    path, boxes, coordinates = _clip_in_forms_pdf(tmp_path / "formclip.pdf")
    doc = import_one(case, path)
    case.apply(redact_rects_edit(case, doc, 1, boxes, "source", status="approved"))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    raw = qpdf_streams(out, tmp_path)
    # the attacker paints every clip path back (W n → f) in every stream: no outline comes out
    painted = re.sub(rb"W\s*n", b"f", raw)
    for xy in coordinates:
        assert xy not in painted, xy
    with pymupdf.open(out) as pdf:
        shaped = [d for d in pdf[0].get_drawings(extended=True)
                  if d.get("type") == "clip" and len(d.get("items") or []) > 1]
        assert not shaped
    text = texts(out)["pymupdf"]
    assert "KEEPFORMCLIPCONTROL above" in text and "KEEPTILECONTROL beside" in text


def test_the_verification_refuses_a_shaped_clip_left_inside_a_form(tmp_path: Path) -> None:
    """Check (3) sees a clip in a form XObject that the scrub did not touch."""
    from evidence_desk.core.pdf.redact_plan import PagePlan, VerifyRequest
    from evidence_desk.core.pdf.redact_verify import verify_export

    path, boxes, _ = _clip_in_forms_pdf(tmp_path / "formclip.pdf")
    plan = [PagePlan(1, boxes=[b.as_tuple() for b in boxes], texts=[None] * 3)]
    checked = verify_export(VerifyRequest(output=str(path), source=str(path), media_type="application/pdf",
                                          pages=plan))
    assert any("clip path" in p for p in checked.problems), checked.problems


def test_a_type1_font_keeps_no_outline_of_a_letter_only_the_secret_used(case: Case, tmp_path: Path) -> None:
    """MuPDF's subsetter renames a Type1 font but keeps every glyph; the export cuts it."""
    from tests.core.redaction.made_fonts import embedded_type1_glyphs, type1_pdf

    rng = random.Random()
    secret = random_secret(rng, 8, "QXZJVWY")
    controls = [random_secret(rng, 6, "ABCDEFGHKLMNOP") for _ in range(2)]
    path = type1_pdf(tmp_path / "t1.pdf", [(100, f"{controls[0]} {secret}"), (140, controls[1])])
    assert set(secret) <= embedded_type1_glyphs(path)[0]
    doc = import_one(case, path)
    with pymupdf.open(path) as pdf:
        word = next(w for w in pdf[0].get_text("words") if w[4] == secret)
    _approve_rect(case, doc, 1, Rect(*word[:4]))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    fonts = embedded_type1_glyphs(out)
    assert fonts
    for inked in fonts:
        assert not inked & set(secret), inked & set(secret)
        assert set(controls[1]) <= inked  # the untouched line still draws in it (a rebuilt one in Helvetica)
    _assert_clean(out, tmp_path, [secret], controls)


def test_the_verification_counts_the_glyphs_of_a_type1_font(tmp_path: Path) -> None:
    from evidence_desk.core.pdf.verify_objects import check_fonts
    from tests.core.redaction.made_fonts import type1_pdf

    path = type1_pdf(tmp_path / "t1.pdf", [(100, "ABC")])
    problems, _ = check_fonts(str(path))
    assert any("keeps outlines of 23 glyph(s)" in p for p in problems), problems


def test_a_cff_font_keeps_no_outline_of_a_letter_only_the_secret_used(case: Case, tmp_path: Path) -> None:
    from tests.core.redaction.made_fonts import cff_font, embedded_cff_glyphs

    rng = random.Random()
    secret = random_secret(rng, 8, "QXZJVWY")
    controls = [random_secret(rng, 6, "ABCDEFGHKLMNOP") for _ in range(2)]
    font = cff_font(tmp_path / "test.otf")
    path = tmp_path / "cff.pdf"
    with pymupdf.open() as pdf:
        page = pdf.new_page(width=595, height=842)
        page.insert_font(fontname="cf", fontfile=str(font))
        page.insert_text((72, 100), f"{controls[0]} {secret}", fontsize=SIZE, fontname="cf")
        page.insert_text((72, 140), controls[1], fontsize=SIZE, fontname="cf")
        pdf.save(path)
    assert set(secret) <= set().union(*embedded_cff_glyphs(path))
    doc = import_one(case, path)
    _approve_rect(case, doc, 1, _word(path, secret))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    fonts = embedded_cff_glyphs(out)
    assert fonts
    for inked in fonts:
        assert not inked & set(secret), inked & set(secret)
    assert set(controls[1]) <= set().union(*fonts)
    _assert_clean(out, tmp_path, [secret], controls)
