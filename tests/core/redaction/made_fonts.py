"""Real embedded fonts for tests, written with fontTools (no Type1 or CFF font ships
with the system): a Type1 program (t1Lib) and an OpenType CFF font (FontBuilder),
one box-shaped glyph per capital letter, each a different height, so an outline
tells its letter."""

from __future__ import annotations

from pathlib import Path

import pikepdf

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def type1_program(letters: str = LETTERS) -> bytes:
    from fontTools.misc.psCharStrings import T1CharString
    from fontTools.t1Lib import T1Font

    font = T1Font.__new__(T1Font)
    font.encoding = "ascii"
    strings = {".notdef": T1CharString(program=[0, 500, "hsbw", "endchar"]),
               "space": T1CharString(program=[0, 300, "hsbw", "endchar"])}
    encoding = [".notdef"] * 256
    encoding[32] = "space"
    for k, letter in enumerate(letters):
        strings[letter] = T1CharString(program=[0, 600, "hsbw", 50, 0, "rmoveto", 400, 0, "rlineto",
                                                0, 300 + 23 * k, "rlineto", -400, 0, "rlineto", "closepath",
                                                "endchar"])
        encoding[ord(letter)] = letter
    font.font = {
        "FontName": "TestTypeOne", "FontType": 1, "FontMatrix": [0.001, 0, 0, 0.001, 0, 0],
        "FontBBox": [0, 0, 600, 1000], "PaintType": 0, "Encoding": encoding,
        "Private": {"RD": ("string", "currentfile", "exch", "readstring", "pop"), "ND": ("noaccess", "def"),
                    "NP": ("noaccess", "put"), "BlueValues": [], "lenIV": 4, "password": 5839,
                    "MinFeature": (16, 16), "Subrs": []},
        "CharStrings": strings,
    }
    return font.createData()


def type1_pdf(path: Path, lines: list[tuple[float, str]]) -> Path:
    """Lines of capitals (x 72, y from the top) in the embedded Type1 font."""
    data = type1_program()
    start = data.index(b"currentfile eexec ") + len(b"currentfile eexec ")
    end = data.index(b"\n" + b"0" * 64)
    pdf = pikepdf.new()
    program = pdf.make_stream(data, Length1=start, Length2=end - start, Length3=len(data) - end)
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/TestTypeOne"), Flags=32,
        FontBBox=[0, 0, 600, 1000], ItalicAngle=0, Ascent=1000, Descent=0, CapHeight=700, StemV=80,
        FontFile=program))
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/TestTypeOne"),
        FirstChar=32, LastChar=90, Widths=[300] + [0] * 32 + [600] * 26, FontDescriptor=descriptor))
    content = b"".join(b"BT /T1 11 Tf 72 %d Td (%s) Tj ET\n" % (int(842 - y), text.encode()) for y, text in lines)
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842], Contents=pdf.make_stream(content),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(T1=font)))))
    pdf.save(path)
    return path


def embedded_type1_glyphs(path: Path) -> list[set[str]]:
    """The glyph names with outlines of every embedded Type1 program, read with fontTools."""
    from fontTools.t1Lib import T1Font

    out = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and isinstance(obj.get("/FontFile"), pikepdf.Stream):
                font = T1Font.__new__(T1Font)
                font.data, font.encoding = obj.FontFile.read_bytes(), "ascii"
                font.parse()
                inked = set()
                for name, charstring in font.font["CharStrings"].items():
                    charstring.decompile()
                    if "rlineto" in charstring.program or "rrcurveto" in charstring.program:
                        inked.add(name)
                out.append(inked)
    return out


def cff_font(path: Path) -> Path:
    """An OpenType font with CFF outlines for the capitals."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    builder = FontBuilder(1000, isTTF=False)
    names = [".notdef", "space", *LETTERS]
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space", **{ord(c): c for c in LETTERS}})
    strings = {}
    for k, name in enumerate(names):
        pen = T2CharStringPen(600, None)
        if len(name) == 1:
            pen.moveTo((50, 0))
            pen.lineTo((450, 0))
            pen.lineTo((450, 300 + 23 * k))
            pen.lineTo((50, 300 + 23 * k))
            pen.closePath()
        strings[name] = pen.getCharString()
    builder.setupCFF("TestCFF", {"FullName": "TestCFF"}, strings, {})
    builder.setupHorizontalMetrics({n: (600 if len(n) == 1 else 300, 50) for n in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "TestCFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(path)
    return path


def embedded_cff_glyphs(path: Path) -> list[set[str]]:
    """The glyph names with outlines of every embedded CFF program (bare or OpenType)."""
    import io

    import pymupdf
    from fontTools.cffLib import CFFFontSet
    from fontTools.ttLib import TTFont

    out = []
    with pymupdf.open(path) as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "Type")[1] != "/Font":
                continue
            _name, ext, _kind, buffer = doc.extract_font(xref)
            if ext not in ("otf", "cff") or not buffer:
                continue
            try:
                cff = TTFont(io.BytesIO(buffer))["CFF "].cff
            except Exception:
                cff = CFFFontSet()
                cff.decompile(io.BytesIO(buffer), None)
            top = cff[cff.fontNames[0]]
            inked = set()
            for name in top.charset:
                charstring = top.CharStrings[name]
                charstring.decompile()
                if any(t in ("rlineto", "hlineto", "vlineto", "rrcurveto") for t in charstring.program):
                    inked.add(name)
            out.append(inked)
    return out
