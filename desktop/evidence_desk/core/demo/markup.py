"""The tiny line markup of the demo templates, turned into HTML (for layout) and
into plain text (what a correct text layer or a perfect OCR would read).

One line is one paragraph; a blank line adds vertical space. A prefix says how
a line is set:

    # text      centred, bold (titles)
    ^ text      centred, small sans-serif (letterheads, addresses)
    > text      right-aligned (dates, reference numbers)
    | a | b |   a table row; the first row of a run of rows is the header
    * text      bold paragraph
    - text      indented item
    _ text      small print (signatures, footnotes)

Anything else is a justified body paragraph. Keeping the markup this small
means the templates stay data a translator can edit, not code."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# MuPDF shapes text with HarfBuzz and would set "fi", "ffi", "fl" as ligature
# glyphs whose text is U+FB01…; text extraction and search would then miss
# "official". Wrapping the "f" in its own span breaks the shaping run.
_LIGATURE_F = re.compile(r"f(?=[fijlt])")
# MuPDF may break a line after "/" or "-" or at the spaces of "13 228 000,00";
# a reference number or an amount split over two lines would no longer be
# found as one. Such words are set with `white-space: nowrap`.
_UNBREAKABLE = re.compile(r"\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{2})?(?!\d)|\S*[/\-–]\S*")

CSS = """
body { font-family: serif; font-size: 10.5pt; line-height: 1.3; }
p { margin: 0 0 2pt 0; text-align: justify; }
p.c { text-align: center; font-weight: bold; font-size: 12pt; margin: 4pt 0 4pt 0; }
p.lh { text-align: center; font-family: sans-serif; font-size: 8.5pt; margin: 0; }
p.r { text-align: right; }
p.b { font-weight: bold; }
p.i { margin-left: 18pt; text-align: left; }
p.s { font-size: 9pt; text-align: left; }
div.gap { height: 8pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt 0; }
td, th { border: 0.6pt solid #333; padding: 2pt 5pt; font-size: 9.5pt; text-align: left; }
th { font-weight: bold; }
"""

_CLASSES = {"# ": "c", "^ ": "lh", "> ": "r", "* ": "b", "- ": "i", "_ ": "s"}


@dataclass(frozen=True)
class Line:
    style: str  # c|lh|r|b|i|s|p|row|gap
    cells: tuple[str, ...]  # one cell except for table rows

    @property
    def text(self) -> str:
        return " ".join(self.cells)


def parse(source: str) -> list[Line]:
    lines: list[Line] = []
    for raw in source.strip("\n").splitlines():
        stripped = raw.strip()
        if not stripped:
            lines.append(Line("gap", ()))
        elif stripped.startswith("|"):
            cells = tuple(c.strip() for c in stripped.strip("|").split("|"))
            lines.append(Line("row", cells))
        elif stripped[:2] in _CLASSES:
            lines.append(Line(_CLASSES[stripped[:2]], (stripped[2:].strip(),)))
        else:
            lines.append(Line("p", (stripped,)))
    return lines


def _inline(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        return f'<span style="white-space:nowrap">{match.group(0)}</span>'

    escaped = _UNBREAKABLE.sub(word, html.escape(text, quote=False))
    return _LIGATURE_F.sub("<span>f</span>", escaped)


def to_html(source: str) -> str:
    out: list[str] = []
    in_table = False
    for line in parse(source):
        if line.style == "row":
            tag = "td" if in_table else "th"
            if not in_table:
                out.append("<table>")
                in_table = True
            out.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in line.cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.style == "gap":
            out.append('<div class="gap"></div>')
        else:
            cls = "" if line.style == "p" else f' class="{line.style}"'
            out.append(f"<p{cls}>{_inline(line.text)}</p>")
    if in_table:
        out.append("</table>")
    return "\n".join(out)


def to_text(source: str) -> str:
    """The page's words in reading order, one line per paragraph or table row."""
    return "\n".join(line.text for line in parse(source) if line.style != "gap")


def normalize(text: str) -> str:
    """Compare texts by their words: compatibility forms folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())
