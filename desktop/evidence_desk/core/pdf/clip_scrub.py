"""Clip paths under a redaction box lose their shape (part of the qpdf pass after redaction).

Text can be drawn as vector outlines used as a clip (`… W n`) through which a
shading or an image is painted. MuPDF's redaction removes painted line art and
image pixels, but a clip path is not painted: it stays in the content stream,
and turning its `W n` into `f` draws the glyphs again for anyone to read. So a
clip path that reaches a box is replaced by its bounding rectangle: what it
clipped is still clipped to the same area, and its outline says nothing. The same
goes for clips inside form XObjects the page paints (nested ones too) and inside
tiling patterns."""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
PATH_OPERATORS = {"m", "l", "c", "v", "y", "h", "re"}
PAINT_OPERATORS = {"n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*"}
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 12


def _multiply(a: Matrix, b: Matrix) -> Matrix:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _points(operands: Sequence[object], operator: str) -> list[tuple[float, float]]:
    values = [float(v) for v in operands]  # type: ignore[arg-type]
    if operator == "re" and len(values) == 4:
        x, y, w, h = values
        return [(x, y), (x + w, y + h)]
    return [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]


def _hits(points: list[tuple[float, float]], boxes: Sequence[Box]) -> bool:
    if not points:
        return False
    x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
    y0, y1 = min(p[1] for p in points), max(p[1] for p in points)
    return any(min(x1, b[2]) > max(x0, b[0]) and min(y1, b[3]) > max(y0, b[1]) for b in boxes)


def neutralise(pdf: pikepdf.Pdf, page: pikepdf.Page, boxes: Sequence[Box]) -> int:
    """Replace each clip path reaching a box (page user space, PDF's bottom-left origin)
    by its bounding rectangle, in the page's content and in every form XObject it
    paints (nested, with their matrices), and every shaped clip inside a tiling
    pattern the page uses (a tile is painted everywhere); returns how many."""
    if not boxes:
        return 0
    resources = page.obj.get("/Resources")
    replaced = _content(pdf, page, resources, boxes, IDENTITY, 0, set())
    for pattern in _patterns(resources):
        replaced += _content(pdf, pattern, pattern.get("/Resources"), None, IDENTITY, 1, set())
    return replaced


def _patterns(resources: object) -> list[pikepdf.Stream]:
    if not isinstance(resources, pikepdf.Dictionary) or not isinstance(resources.get("/Pattern"), pikepdf.Dictionary):
        return []
    return [p for _, p in resources.Pattern.items() if isinstance(p, pikepdf.Stream) and p.get("/PatternType") == 1]


def _matrix(value: object) -> Matrix:
    try:
        numbers = tuple(float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return IDENTITY
    return numbers if len(numbers) == 6 else IDENTITY  # type: ignore[return-value]


def _content(pdf: pikepdf.Pdf, holder: pikepdf.Page | pikepdf.Stream, resources: object,
             boxes: Sequence[Box] | None, base: Matrix, depth: int, seen: set[tuple[int, int]]) -> int:
    """One content stream; `boxes` None: every shaped clip goes (a pattern tile)."""
    if depth > MAX_DEPTH:
        return 0
    try:
        instructions = pikepdf.parse_content_stream(holder)
    except Exception:
        return 0
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    out: list[tuple[list[object], pikepdf.Operator]] = []
    stack: list[Matrix] = []
    ctm = base
    path: list[int] = []  # indexes into `out` of the current path's operators
    user: list[tuple[float, float]] = []
    device: list[tuple[float, float]] = []
    clipping = False
    replaced = 0
    for operands, operator in instructions:
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else base
        elif op == "cm" and len(operands) == 6:
            ctm = _multiply(_matrix(operands), ctm)
        elif op in PATH_OPERATORS:
            path.append(len(out))
            if op != "h":
                pts = _points(list(operands), op)
                user += pts
                device += [_apply(ctm, x, y) for x, y in pts]
        elif op in ("W", "W*"):
            clipping = True
        elif op in PAINT_OPERATORS:
            simple = len(path) == 1 and str(out[path[0]][1]) == "re"
            if clipping and not simple and path and (boxes is None or _hits(device, boxes)):
                x0, x1 = min(p[0] for p in user), max(p[0] for p in user)
                y0, y1 = min(p[1] for p in user), max(p[1] for p in user)
                out[path[0]] = ([x0, y0, x1 - x0, y1 - y0], pikepdf.Operator("re"))
                for index in path[1:]:
                    out[index] = ([], pikepdf.Operator("%drop"))
                replaced += 1
            path, user, device, clipping = [], [], [], False
        elif op == "Do" and operands and isinstance(xobjects, pikepdf.Dictionary):
            form = xobjects.get(str(operands[0]))
            if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form":
                key = (*form.objgen, *(round(v, 3) for v in ctm))
                if key not in seen:
                    seen.add(key)  # type: ignore[arg-type]
                    replaced += _content(pdf, form, form.get("/Resources", resources), boxes,
                                         _multiply(_matrix(form.get("/Matrix", IDENTITY)), ctm), depth + 1, seen)
        out.append((list(operands), operator))
    if replaced:
        kept = [(operands, operator) for operands, operator in out if str(operator) != "%drop"]
        data = pikepdf.unparse_content_stream(kept)
        if isinstance(holder, pikepdf.Page):
            holder.obj.Contents = pdf.make_stream(data)
        else:
            holder.write(data)
    return replaced


def to_pdf_space(page: pikepdf.Page, boxes: Sequence[Box]) -> list[Box]:
    """Boxes in top-left page points (as the case stores them) → PDF user space."""
    x0, y0, _x1, y1 = (float(v) for v in page.mediabox)
    del y0
    return [(x0 + b[0], y1 - b[3], x0 + b[2], y1 - b[1]) for b in boxes]
