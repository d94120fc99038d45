"""After redaction: nothing left in the file that can spell what was removed, outside the
page text itself.

A removed word survives in (SECURITY.md, "Everything that can spell a word"):
glyph outlines of an embedded font that no remaining text uses (read off the
font, the letters narrow 20,000 candidates to one); Type3 CharProcs drawing it
and Type3 or `/Differences` glyph names spelling it; a Type1 `/CharSet`; and
`/ActualText`, `/Alt` and `/E` in marked content. So fonts are re-subset to
the glyphs still shown (MuPDF's own subsetter), and a second pass with qpdf
(`pikepdf`) walks every content stream with its fonts, keeps only the Type3
glyphs and encoding entries that text still uses, drops resources nothing
uses, strips the marked-content texts, and cuts Type1 programs (which MuPDF's
subsetter keeps whole) to the glyphs shown (`type1`)."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pikepdf
import pymupdf

from evidence_desk.core.pdf import clip_scrub, type1

MARKED_TEXT_KEYS = ("/ActualText", "/Alt", "/E")
SHOW_OPERATORS = {"Tj", "TJ", "'", '"'}
MAX_FORM_DEPTH = 12


def subset_fonts(doc: pymupdf.Document) -> None:
    """Every embedded font cut down to the glyphs the pages still show."""
    with contextlib.suppress(Exception):  # a font MuPDF cannot subset is caught by the verification
        doc.subset_fonts()


def _strip_marked(operands: list[pikepdf.Object]) -> bool:
    changed = False
    for operand in operands:
        if isinstance(operand, pikepdf.Dictionary):
            for key in MARKED_TEXT_KEYS:
                if key in operand:
                    del operand[key]
                    changed = True
    return changed


class _Usage:
    """Which character codes of which font object the content streams show."""

    def __init__(self) -> None:
        self.codes: dict[tuple[int, int], set[int]] = {}
        self.fonts: dict[tuple[int, int], pikepdf.Dictionary] = {}
        self.seen: set[tuple[int, int]] = set()

    def note(self, font: pikepdf.Object | None, data: bytes) -> None:
        if not isinstance(font, pikepdf.Dictionary) or not font.is_indirect:
            return
        key = font.objgen
        self.fonts[key] = font
        codes = self.codes.setdefault(key, set())
        if str(font.get("/Subtype", "")) in ("/Type0",):
            codes.update(int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data) - 1, 2))
        else:
            codes.update(data)


def _strings(operands: list[pikepdf.Object], operator: str) -> list[bytes]:
    if operator == "TJ" and operands and isinstance(operands[0], pikepdf.Array):
        return [bytes(item) for item in operands[0] if isinstance(item, pikepdf.String)]
    return [bytes(op) for op in operands if isinstance(op, pikepdf.String)]


def _walk(pdf: pikepdf.Pdf, holder: pikepdf.Object, resources: pikepdf.Object, usage: _Usage, depth: int,
          strip: bool = True) -> None:
    """One content stream (a page's or a form's): strip marked-content texts, note fonts."""
    if depth > MAX_FORM_DEPTH:
        return
    try:
        instructions = pikepdf.parse_content_stream(holder)
    except Exception:
        return
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    changed = False
    current: pikepdf.Object | None = None
    for operands, operator in instructions:
        op = str(operator)
        if strip and op in ("BDC", "DP") and _strip_marked(list(operands)):
            changed = True
        elif op == "Tf" and operands and isinstance(fonts, pikepdf.Dictionary):
            name = str(operands[0])
            current = fonts.get(name)
        elif op in SHOW_OPERATORS:
            for data in _strings(list(operands), op):
                usage.note(current, data)
        elif op == "Do" and operands and isinstance(xobjects, pikepdf.Dictionary):
            form = xobjects.get(str(operands[0]))
            if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form" and form.objgen not in usage.seen:
                usage.seen.add(form.objgen)
                _walk(pdf, form, form.get("/Resources", resources), usage, depth + 1, strip)
    if changed:
        data = pikepdf.unparse_content_stream(instructions)
        if isinstance(holder, pikepdf.Page):
            holder.obj.Contents = pdf.make_stream(data)
        else:
            holder.write(data)


def _code_names(font: pikepdf.Dictionary) -> dict[int, str]:
    encoding = font.get("/Encoding")
    names: dict[int, str] = {}
    if isinstance(encoding, pikepdf.Dictionary) and isinstance(encoding.get("/Differences"), pikepdf.Array):
        code = 0
        for item in encoding.Differences:
            if isinstance(item, pikepdf.Name):
                names[code] = str(item)
                code += 1
            else:
                with contextlib.suppress(TypeError, ValueError):
                    code = int(item)
    return names


_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")
MAX_RANGE = 65_536


def _tounicode_entries(text: str) -> tuple[dict[int, str], int]:
    """code → UTF-16BE hex of a ToUnicode map, and the code width in hex digits."""
    entries: dict[int, str] = {}
    width = 2
    for block in _BFCHAR.findall(text):
        for code, value in _PAIR.findall(block):
            entries[int(code, 16)] = value
            width = len(code)
    for block in _BFRANGE.findall(text):
        for lo, hi, value in _RANGE.findall(block):
            start, stop = int(lo, 16), min(int(hi, 16), int(lo, 16) + MAX_RANGE)
            width = len(lo)
            if value.startswith("["):
                for k, item in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", value)):
                    entries[start + k] = item
            else:
                base = int(value[1:-1], 16)
                digits = len(value) - 2
                for code in range(start, stop + 1):
                    entries[code] = f"{base + code - start:0{digits}X}"
    return entries, width


def _prune_tounicode(pdf: pikepdf.Pdf, font: pikepdf.Dictionary, used: set[int]) -> None:
    """A ToUnicode map of a subset lists the letters it had: keep the codes still shown."""
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return
    try:
        text = stream.read_bytes().decode("latin-1")
    except Exception:
        return
    entries, width = _tounicode_entries(text)
    kept = {c: v for c, v in entries.items() if c in used}
    if len(kept) == len(entries):
        return
    space = re.search(r"begincodespacerange.*?endcodespacerange", text, re.S)
    lines = [f"<{c:0{width}X}> <{v}>" for c, v in sorted(kept.items())]
    blocks = "".join(f"{len(lines[i:i + 100])} beginbfchar\n" + "\n".join(lines[i:i + 100]) + "\nendbfchar\n"
                     for i in range(0, len(lines), 100))
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            f"1 {space.group(0) if space else f'begincodespacerange <{0:0{width}X}> <{16 ** width - 1:X}> endcodespacerange'}\n"
            f"{blocks}endcmap CMapName currentdict /CMap defineresource pop end end\n")
    font.ToUnicode = pdf.make_stream(cmap.encode("latin-1"))


def _prune_font(pdf: pikepdf.Pdf, font: pikepdf.Dictionary, used: set[int]) -> None:
    """Keep only the glyph names, Type3 procedures and ToUnicode entries of codes still shown."""
    _prune_tounicode(pdf, font, used)
    names = _code_names(font)
    if names:
        kept = sorted((c, n) for c, n in names.items() if c in used)
        differences: list[object] = []
        for code, name in kept:
            differences += [code, pikepdf.Name(name)]
        font.Encoding.Differences = pikepdf.Array(differences)
    if font.get("/Subtype") == "/Type3" and isinstance(font.get("/CharProcs"), pikepdf.Dictionary):
        keep = {names.get(c) for c in used} - {None}
        for name in list(font.CharProcs.keys()):
            if name not in keep:
                del font.CharProcs[name]
    descriptor = font.get("/FontDescriptor")
    if isinstance(descriptor, pikepdf.Dictionary):
        for key in ("/CharSet", "/CIDSet"):
            if key in descriptor:
                del descriptor[key]
    for child in font.get("/DescendantFonts", []) or []:
        if isinstance(child, pikepdf.Dictionary) and isinstance(child.get("/FontDescriptor"), pikepdf.Dictionary):
            for key in ("/CharSet", "/CIDSet"):
                if key in child.FontDescriptor:
                    del child.FontDescriptor[key]


def _subset_type1(pdf: pikepdf.Pdf, usage: _Usage) -> None:
    """Type1 programs (which MuPDF's subsetter leaves whole) cut to the glyphs shown,
    over every font dictionary that shares the program."""
    programs: dict[tuple[int, int], tuple[pikepdf.Stream, list[tuple[pikepdf.Dictionary, set[int]]]]] = {}
    for key, font in usage.fonts.items():
        descriptor = font.get("/FontDescriptor")
        if font.get("/Subtype") not in ("/Type1", "/MMType1") or not isinstance(descriptor, pikepdf.Dictionary):
            continue
        stream = descriptor.get("/FontFile")
        if isinstance(stream, pikepdf.Stream):
            programs.setdefault(stream.objgen, (stream, []))[1].append((font, usage.codes.get(key, set())))
    for stream, users in programs.values():
        try:
            program = type1.read(stream.read_bytes())
        except Exception:
            program = None
        if program is None:
            continue  # unreadable: the verification's glyph count refuses the export
        keep = set().union(*(type1.used_names(font, program, codes) for font, codes in users))
        cut = type1.subset(program, keep)
        if cut is not None:
            data, length1, length2, length3 = cut
            stream.write(data)
            stream.Length1, stream.Length2, stream.Length3 = length1, length2, length3


def prune_file(path: str | Path, boxes: dict[int, list[tuple[float, float, float, float]]] | None = None) -> None:
    """The qpdf pass over a written export (rewritten in place, still one revision);
    `boxes` (per page, top-left points): clip paths reaching them lose their shape."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        usage = _Usage()
        for number, page in enumerate(pdf.pages, start=1):
            if boxes and boxes.get(number):
                clip_scrub.neutralise(pdf, page, clip_scrub.to_pdf_space(page, boxes[number]))
        for page in pdf.pages:
            page.obj.Resources = page.obj.get("/Resources", pikepdf.Dictionary())
            if not page.obj.Resources.is_indirect:
                page.obj.Resources = pdf.make_indirect(page.obj.Resources)
            _walk(pdf, page, page.obj.Resources, usage, 0)
        for key, font in usage.fonts.items():
            _prune_font(pdf, font, usage.codes.get(key, set()))
        _subset_type1(pdf, usage)
        pdf.remove_unreferenced_resources()
        pdf.save(path, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
