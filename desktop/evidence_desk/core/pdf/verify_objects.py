"""The second parser's view of an export (qpdf through `pikepdf`; runs in a sandbox worker).

Everything in the file that is not page text is searched for what was removed:
every string (decoded as UTF-16 or PDFDocEncoding), every name, every string an
operator shows or carries in a content stream (`/ActualText` in a `BDC` too),
the glyph names and `ToUnicode` entries of each font in code order, and every
decompressed stream that is not an image or a font program, in ASCII, hex,
UTF-16BE and PDFDocEncoding. Fonts are checked for glyph outlines no text in the
file uses (a subset that kept the removed word's letters), Type3 fonts for
procedures no text uses."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

import pikepdf

from evidence_desk.core.pdf.byte_search import literal_pattern
from evidence_desk.core.pdf.verify_text import SHORT, secret_pattern, skeleton

MAX_DEPTH = 24
FONT_FILE_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")
SHOW_OPERATORS = {"Tj", "TJ", "'", '"'}
NAMES: dict[int, str] = {}  # glyph id (or CID) → glyph name, of the program counted last
INKLESS_CFF = {"endchar", "hstem", "vstem", "hstemhm", "vstemhm", "hintmask", "cntrmask", "rmoveto",
               "hmoveto", "vmoveto"}


def byte_forms(secret: str) -> list[bytes]:
    """ASCII/UTF-8, UTF-16BE and PDFDocEncoding forms of a secret, raw and in hex."""
    out: set[bytes] = set()
    for variant in {secret, secret.lower(), secret.upper()}:
        encodings = [variant.encode("utf-8"), variant.encode("utf-16-be")]
        if all(ord(ch) < 256 for ch in variant):
            encodings.append(variant.encode("latin-1"))
        for encoded in encodings:
            out |= {encoded, encoded.hex().encode(), encoded.hex().upper().encode()}
    return sorted(out)


def decode_string(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "replace")
    return raw.decode("latin-1")


class _Finder:
    def __init__(self, secrets: Sequence[str]) -> None:
        self.secrets = [s for s in secrets if secret_pattern(s) is not None]
        self.patterns = [(s, secret_pattern(s)) for s in self.secrets]
        long_forms: dict[bytes, str] = {}
        for s in self.secrets:
            if len(skeleton(s).replace(" ", "")) >= SHORT:
                for form in byte_forms(s):
                    long_forms.setdefault(form.lower(), s)
        self.owner = long_forms
        self.bytes_re = literal_pattern(long_forms)
        self.found: dict[str, str] = {}  # secret → where

    def text(self, text: str, where: str) -> None:
        hay = skeleton(text)
        for secret, pattern in self.patterns:
            if secret not in self.found and pattern is not None and pattern.search(hay):
                self.found[secret] = where

    def raw(self, data: bytes, where: str) -> None:
        if self.bytes_re is None:
            return
        for match in self.bytes_re.finditer(data.lower()):
            self.found.setdefault(self.owner[match.group(0)], where)


def _direct(obj: object, finder: _Finder, where: str, depth: int = 0) -> None:
    """Strings and names inside one object's direct values."""
    if depth > MAX_DEPTH:
        return
    if isinstance(obj, pikepdf.String):
        raw = bytes(obj)
        finder.text(decode_string(raw), where)
        finder.raw(raw, where)
    elif isinstance(obj, pikepdf.Name):
        finder.text(re.sub(r"#([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), str(obj)[1:]), where)
    elif isinstance(obj, pikepdf.Array):
        names = [str(item)[1:] for item in obj if isinstance(item, pikepdf.Name)]
        if len(names) > 1:  # glyph names in order (a /Differences array) can spell a word
            finder.text("".join(n for n in names if len(n) == 1), where)
        for item in obj:
            if not (isinstance(item, pikepdf.Object) and item.is_indirect):
                _direct(item, finder, where, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key in list(obj.keys()):
            finder.text(key[1:], where)
            value = obj.get(key)
            if not (isinstance(value, pikepdf.Object) and value.is_indirect):
                _direct(value, finder, where, depth + 1)


def _font_files(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    files = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            for key in FONT_FILE_KEYS:
                value = obj.get(key)
                if isinstance(value, pikepdf.Stream):
                    files.add(value.objgen)
    return files


def _content_strings(page: pikepdf.Page, finder: _Finder, number: int) -> None:
    """The strings a page's content shows, read as one text (the pieces of one TJ array
    joined, so a word split by kerning is whole again), and marked-content operands."""
    try:
        instructions = pikepdf.parse_content_stream(page)
    except Exception:
        return
    shown: list[str] = []
    where = f"a string in the content of page {number}"
    for operands, operator in instructions:
        op = str(operator)
        if op in SHOW_OPERATORS:
            pieces = []
            for operand in operands:
                items = operand if isinstance(operand, pikepdf.Array) else [operand]
                pieces += [decode_string(bytes(item)) for item in items if isinstance(item, pikepdf.String)]
            shown.append("".join(pieces))
        elif op in ("BDC", "DP"):
            for operand in operands:
                _direct(operand, finder, where)
    finder.text("\n".join(shown), where)


def _tounicode_text(stream: pikepdf.Stream) -> str:
    """The characters a ToUnicode map gives, in code order."""
    try:
        data = stream.read_bytes().decode("latin-1")
    except Exception:
        return ""
    pairs: list[tuple[int, str]] = []
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            pairs.append((int(code, 16), _utf16(value)))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start, text = int(lo, 16), _utf16(value)
            for k in range(min(int(hi, 16) - start + 1, 256)):
                pairs.append((start + k, text[:-1] + chr(ord(text[-1]) + k) if text else ""))
    return "".join(t for _, t in sorted(pairs))


def _utf16(hexed: str) -> str:
    try:
        return bytes.fromhex(hexed).decode("utf-16-be", "replace")
    except ValueError:
        return ""


def find_secrets(path: str, secrets: Iterable[str]) -> dict[str, str]:
    """secret → where it was found, for each secret found anywhere outside page text."""
    finder = _Finder(sorted(set(secrets)))
    if not finder.secrets:
        return {}
    with pikepdf.open(path) as pdf:
        fonts = _font_files(pdf)
        for obj in pdf.objects:
            where = f"object {obj.objgen[0]}" if isinstance(obj, pikepdf.Object) else "an object"
            _direct(obj, finder, where)
            if not isinstance(obj, pikepdf.Stream) or obj.objgen in fonts or obj.get("/Subtype") == "/Image":
                continue
            try:
                data = obj.read_bytes()
            except Exception:
                data = obj.read_raw_bytes()
            finder.raw(data, f"stream {obj.objgen[0]}")
            if isinstance(obj.get("/Type"), pikepdf.Name) and obj.get("/Type") == "/XObject":
                continue
            if b"beginbfchar" in data or b"beginbfrange" in data:
                finder.text(_tounicode_text(obj), f"the ToUnicode map in object {obj.objgen[0]}")
        for number, page in enumerate(pdf.pages, start=1):
            _content_strings(page, finder, number)
    return finder.found


# -- fonts -----------------------------------------------------------------------------------

def _used_codes(pdf: pikepdf.Pdf) -> dict[tuple[int, int], set[int]]:
    from evidence_desk.core.pdf.font_scrub import _Usage, _walk

    usage = _Usage()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if isinstance(resources, pikepdf.Dictionary):
            _walk(pdf, page, resources, usage, 0, strip=False)
    return usage.codes


def _outlined_truetype(data: bytes) -> tuple[set[int], set[int]] | None:
    """(glyphs with outlines, glyphs only used as components) of a TrueType program."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    if "glyf" not in font:
        return None
    glyf = font["glyf"]
    order = font.getGlyphOrder()
    NAMES.clear()
    NAMES.update(enumerate(order))
    outlined, components = set(), set()
    for gid, name in enumerate(order):
        glyph = glyf[name]
        if glyph.numberOfContours != 0:
            outlined.add(gid)
        if glyph.isComposite():
            components |= {font.getGlyphID(c.glyphName) for c in glyph.components}
    return outlined, components


def _outlined_cff(data: bytes, opentype: bool) -> tuple[set[int], set[int]] | None:
    from fontTools.cffLib import CFFFontSet
    from fontTools.ttLib import TTFont

    if opentype:
        font = TTFont(io.BytesIO(data), lazy=True)
        if "CFF " not in font:
            return None
        cff = font["CFF "].cff
    else:
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
    top = cff[cff.fontNames[0]]
    cid_keyed = hasattr(top, "ROS")  # then glyphs are named by CID ("cid00042"): codes are CIDs
    outlined = set()
    NAMES.clear()
    for gid, name in enumerate(top.charset):
        NAMES[int(name[3:]) if cid_keyed and name.startswith("cid") and name[3:].isdigit() else gid] = name
        program = top.CharStrings[name]
        program.decompile()
        if any(isinstance(t, str) and t not in INKLESS_CFF for t in program.program):
            outlined.add(int(name[3:]) if cid_keyed and name.startswith("cid") and name[3:].isdigit() else gid)
    return outlined, set()


def _font_program(font: pikepdf.Dictionary) -> tuple[pikepdf.Stream, str] | None:
    target = font
    if font.get("/Subtype") == "/Type0" and isinstance(font.get("/DescendantFonts"), pikepdf.Array):
        target = font.DescendantFonts[0]
    descriptor = target.get("/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary):
        return None
    for key in FONT_FILE_KEYS:
        stream = descriptor.get(key)
        if isinstance(stream, pikepdf.Stream):
            subtype = str(stream.get("/Subtype", ""))
            return stream, {"/FontFile": "type1", "/FontFile2": "truetype"}.get(
                key, "opentype" if subtype == "/OpenType" else "cff")
    return None


def _count(data: bytes, kind: str) -> tuple[set[int], set[int]] | None:
    if kind == "type1":
        return None  # counted by glyph name (`_type1_spare`)
    if kind == "truetype":
        return _outlined_truetype(data)
    if kind in ("cff", "opentype"):
        return _outlined_cff(data, kind == "opentype")
    return None


def _char_of(name: str) -> str | None:
    from fontTools.agl import toUnicode

    if not name or name.startswith(("glyph", "cid", "uni0000")) or name == ".notdef":
        return None
    text = toUnicode(name)
    return text if len(text) == 1 else None


def _type1_spare(stream: pikepdf.Stream, users: list[tuple[pikepdf.Dictionary, set[int]]]) -> set[str] | None:
    """Glyphs with outlines in a Type1 program that no shown code selects (None: unreadable)."""
    from evidence_desk.core.pdf import type1

    try:
        program = type1.read(stream.read_bytes())
    except Exception:
        return None
    if program is None:
        return None
    shown = set().union(*(type1.used_names(font, program, codes) for font, codes in users)) if users else set()
    return type1.outlined(program) - shown - {".notdef"}


def check_fonts(path: str, removed: str = "") -> tuple[list[str], list[str]]:
    """(problems, warnings): embedded font programs with glyph outlines no text shows
    (counted over every font dictionary sharing the program), Type3 procedures no
    text uses, fonts nothing uses."""
    problems, warnings = [], []
    removed_chars = set(removed)
    with pikepdf.open(path) as pdf:
        used = _used_codes(pdf)
        programs: dict[tuple[int, int], tuple[pikepdf.Stream, str, str, set[int], bool]] = {}
        for key, codes in sorted(used.items()):
            font = pdf.get_object(key)
            name = str(font.get("/BaseFont", "/a Type3 font"))[1:] or "a font"
            if font.get("/Subtype") == "/Type3":
                procs = font.get("/CharProcs")
                if isinstance(procs, pikepdf.Dictionary) and len(procs.keys()) > len(codes):
                    problems.append(f"the Type3 font {name} keeps {len(procs.keys()) - len(codes)} glyph "
                                    "procedure(s) no remaining text uses")
                continue
            program = _font_program(font)
            if program is None:
                continue
            stream, kind = program
            entry = programs.setdefault(stream.objgen, (stream, kind, name, set(), font.get("/Subtype") == "/Type0"))
            entry[3].update(codes)
        type1_users: dict[tuple[int, int], list[tuple[pikepdf.Dictionary, set[int]]]] = {}
        for key, codes in used.items():
            font = pdf.get_object(key)
            program = _font_program(font)
            if program is not None and program[1] == "type1":
                type1_users.setdefault(program[0].objgen, []).append((font, codes))
        for stream, kind, name, codes, cid in programs.values():
            if kind == "type1":
                spare = _type1_spare(stream, type1_users.get(stream.objgen, []))
                if spare is None:
                    problems.append(f"the Type1 font {name} could not be read to count its glyphs")
                elif spare:
                    problems.append(f"the embedded font {name} keeps outlines of {len(spare)} glyph(s) no "
                                    "remaining text uses (the removed text's letters can be read off the font)")
                continue
            try:
                counted = _count(stream.read_bytes(), kind)
            except Exception as exc:
                warnings.append(f"the font {name} could not be read to count its glyphs ({type(exc).__name__})")
                continue
            if counted is None:
                warnings.append(f"the {kind} font {name} was not checked for unused glyphs")
                continue
            outlined, components = counted
            if cid:
                extra = outlined - components - {0} - codes
                # a spare glyph whose name says which character it is matters only if that
                # character was removed and nothing left shows it (MuPDF's subsetter can keep
                # a stray glyph); an unnamed one always counts
                spare = sum(1 for g in extra if _char_of(NAMES.get(g, "")) is None
                            or _char_of(NAMES.get(g, "")) in removed_chars)
            else:
                spare = len(outlined - components - {0}) - len(codes)
            if spare > 0:
                problems.append(f"the embedded font {name} keeps outlines of {spare} glyph(s) no remaining "
                                "text uses (the removed text's letters can be read off the font)")
        for obj in pdf.objects:
            if (isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and obj.objgen not in used
                    and obj.get("/Subtype") in ("/Type1", "/TrueType", "/Type0", "/Type3", "/MMType1")
                    and (obj.get("/Subtype") == "/Type3" or _font_program(obj) is not None)):
                name = str(obj.get("/BaseFont", "/a Type3 font"))[1:]
                problems.append(f"the file keeps a font no text uses ({name})")
    return problems, warnings
