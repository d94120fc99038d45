"""Embedded Type1 font programs (`/FontFile`): which glyphs they draw, and cutting them
down to the glyphs the remaining text uses.

MuPDF's subsetter renames a Type1 font but keeps every glyph, so after a
redaction the outlines of the removed word's letters stay readable in the font.
fontTools' `t1Lib` reads the program (cleartext part, eexec-encrypted part) and
writes it again without the other glyphs; a glyph built with `seac` keeps its
base and accent. Glyph names are resolved through the PDF font's encoding: its
`/Differences`, over its base encoding or the program's own."""

from __future__ import annotations

import contextlib
from typing import Any

import pikepdf

INKLESS = {"hsbw", "sbw", "endchar", "closepath", "hstem", "vstem", "hstem3", "vstem3", "dotsection",
           "rmoveto", "hmoveto", "vmoveto", "callothersubr", "pop", "return", "setcurrentpoint", "div"}


def read(data: bytes) -> Any | None:
    """The parsed program (a fontTools T1Font), or None if it cannot be read."""
    from fontTools.t1Lib import T1Font

    font = T1Font.__new__(T1Font)
    font.data, font.encoding = data, "ascii"
    try:
        font.parse()
    except Exception:
        return None
    return font


def _base_tables(font: pikepdf.Dictionary, program: Any) -> list[list[str]]:
    """Every code → name table the glyph names may come from (more is safer: a name
    kept by mistake is one glyph too many, a name missed is a glyph lost)."""
    from fontTools.agl import UV2AGL
    from fontTools.encodings.StandardEncoding import StandardEncoding

    tables = [list(StandardEncoding)]
    builtin = program.font.get("Encoding")
    if isinstance(builtin, list) and len(builtin) == 256:
        tables.append([str(n) for n in builtin])
    ansi = []
    for code in range(256):
        try:
            ansi.append(UV2AGL.get(ord(bytes([code]).decode("cp1252")), ".notdef"))
        except UnicodeDecodeError:
            ansi.append(".notdef")
    tables.append(ansi)
    del font
    return tables


def used_names(font: pikepdf.Dictionary, program: Any, codes: set[int]) -> set[str]:
    """The glyph names the shown codes select (with `seac` components)."""
    encoding = font.get("/Encoding")
    differences: dict[int, str] = {}
    if isinstance(encoding, pikepdf.Dictionary) and isinstance(encoding.get("/Differences"), pikepdf.Array):
        code = 0
        for item in encoding.Differences:
            if isinstance(item, pikepdf.Name):
                differences[code] = str(item)[1:]
                code += 1
            else:
                with contextlib.suppress(TypeError, ValueError):
                    code = int(item)
    names = {".notdef"}
    tables = _base_tables(font, program)
    for code in codes:
        if code in differences:
            names.add(differences[code])
        elif 0 <= code < 256:
            names |= {table[code] for table in tables}
    return names | _components(program, names)


def _components(program: Any, names: set[str]) -> set[str]:
    from fontTools.encodings.StandardEncoding import StandardEncoding

    out: set[str] = set()
    strings = program.font.get("CharStrings", {})
    for name in names:
        charstring = strings.get(name)
        if charstring is None:
            continue
        with contextlib.suppress(Exception):
            charstring.decompile()
            ops = charstring.program
            for k, token in enumerate(ops):
                if token == "seac" and k >= 2:
                    for code in (ops[k - 2], ops[k - 1]):
                        if isinstance(code, int) and 0 <= code < 256:
                            out.add(StandardEncoding[code])
    return out


def outlined(program: Any) -> set[str]:
    """Names of glyphs that draw something."""
    out = set()
    for name, charstring in program.font.get("CharStrings", {}).items():
        try:
            charstring.decompile()
        except Exception:
            out.add(name)  # unreadable: count it as ink
            continue
        if any(isinstance(t, str) and t not in INKLESS for t in charstring.program):
            out.add(name)
    return out


def subset(program: Any, keep: set[str]) -> tuple[bytes, int, int, int] | None:
    """The program with only `keep`'s glyphs: (data, Length1, Length2, Length3), or
    None when nothing would change."""
    strings = program.font["CharStrings"]
    drop = [name for name in strings if name not in keep and name != ".notdef"]
    if not drop:
        return None
    for name in drop:
        del strings[name]
    if "UniqueID" in program.font:  # a different font now: a cache must not take it for the old
        del program.font["UniqueID"]
    data = program.createData()
    start = data.index(b"currentfile eexec ") + len(b"currentfile eexec ")
    end = data.index(b"\n" + b"0" * 64)
    return data, start, end - start, len(data) - end
