"""`annotations.jsonld`: tags, notes and document links as W3C Web Annotations.

One `AnnotationCollection` whose page holds one annotation per mention (motivation
`tagging`, the entity as a `SpecificResource` body pointing at its id), note
(`commenting`) and document link (`linking`). Targets are the bundle's PDFs; a
region is a `FragmentSelector` `page=N&xywh=x,y,w,h` (RFC 3778 page, media-fragment
rectangle) whose numbers are PDF points of the unrotated page, origin top left —
the context says so in `ed:xywhUnits`. A quoted span is also a
`TextQuoteSelector` with the text around it as prefix and suffix (for the
publication profile, taken only from words outside redaction boxes).

Ids are `urn:uuid:` forms of the records' uids, so a colleague's tool can merge."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from evidence_desk.core.bundle.scrub import Scrubber
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.text.match import find_text
from evidence_desk.core.text.stream import PageStream

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ED_NS = "urn:evidence-desk:ns:"
CONTEXT_EXTRA = {"ed": ED_NS, "xywhUnits": "ed:xywhUnits", "entityType": "ed:entityType",
                 "status": "ed:status", "origin": "ed:origin", "linkKind": "ed:linkKind"}
XYWH_UNITS = "PDF points (1/72 inch) of the unrotated page, origin at the top left, y downwards"
CONTEXT_CHARS = 32


def urn(uid: str) -> str:
    return f"urn:uuid:{uuid.UUID(hex=uid)}"


def fragment(page: int, rect: tuple[Any, Any, Any, Any] | None) -> dict[str, Any]:
    value = f"page={page}"
    if rect is not None and rect[0] is not None:
        x0, y0, x1, y1 = (float(v) for v in rect)
        value += f"&xywh={min(x0, x1):.2f},{min(y0, y1):.2f},{abs(x1 - x0):.2f},{abs(y1 - y0):.2f}"
    return {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3778", "value": value}


def parse_fragment(value: str) -> tuple[int, tuple[float, float, float, float] | None]:
    """`page=N[&xywh=x,y,w,h]` back to a page and an (x0, y0, x1, y1) rectangle."""
    parts = dict(p.split("=", 1) for p in value.split("&") if "=" in p)
    page = int(parts["page"])
    if "xywh" not in parts:
        return page, None
    x, y, w, h = (float(v) for v in parts["xywh"].split(","))
    return page, (x, y, x + w, y + h)


WordLoader = Callable[[str, int], list[list[Any]]]


class PageTexts:
    """Each page's text as the bundle may show it, built once per page on demand (only the
    pages that a quote is on are ever read)."""

    def __init__(self, scrub: Scrubber, load_words: WordLoader) -> None:
        self.scrub = scrub
        self.load_words = load_words
        self._words: dict[tuple[str, int], list[list[Any]]] = {}
        self._cache: dict[tuple[str, int], str] = {}

    def words(self, sha256: str, page: int) -> list[list[Any]]:
        key = (sha256, page)
        if key not in self._words:
            self._words[key] = self.load_words(sha256, page)
        return self._words[key]

    def text(self, sha256: str, page: int) -> str:
        key = (sha256, page)
        if key not in self._cache:
            words = self.scrub.visible_words(sha256, page, self.words(sha256, page))
            self._cache[key] = " ".join(w.text for w in words)
        return self._cache[key]

    def region_of(self, sha256: str, page: int, quote: str) -> tuple[float, float, float, float] | None:
        """Where a quoted span sits on the page (a tag made from a text selection keeps only
        its words, not its box)."""
        stream = PageStream.build(self.words(sha256, page))
        try:
            found = find_text(stream, quote)  # the text model's one rule: folded, hyphenation joined
        except InvalidInputError:
            return None
        if not found:
            return None
        rect = stream.region(found[0].start, found[0].end)
        return rect.as_tuple() if rect is not None else None

    def quote_selector(self, sha256: str, page: int, quote: str) -> dict[str, Any]:
        text = self.text(sha256, page)
        exact = " ".join(quote.split())
        at = text.find(exact)
        if at < 0:
            at = text.casefold().find(exact.casefold())
        selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": exact}
        if at >= 0:
            selector["prefix"] = text[max(0, at - CONTEXT_CHARS):at]
            selector["suffix"] = text[at + len(exact):at + len(exact) + CONTEXT_CHARS]
        return selector


def _target(doc_files: dict[str, str], sha256: str, page: int | None, rect: Any,
            quote: str | None, texts: PageTexts) -> dict[str, Any]:
    target: dict[str, Any] = {"source": doc_files[sha256]}
    selectors = []
    if page is not None:
        if (rect is None or rect[0] is None) and quote:
            rect = texts.region_of(sha256, page, quote)
        selectors.append(fragment(page, rect))
        if quote:
            selectors.append(texts.quote_selector(sha256, page, quote))
    if selectors:
        target["selector"] = selectors if len(selectors) > 1 else selectors[0]
    return target


def build_annotations(records: Any, published: Any, doc_files: dict[str, str], texts: PageTexts,
                      bundle_uid: str) -> dict[str, Any]:
    """`published` is the `PublishedRecords` view (only what this profile may carry)."""
    entities = {e["uid"]: e for e in published.entities}
    items: list[dict[str, Any]] = []
    for m in published.mentions:
        ent = entities[m["entity"]]
        rect = (m["x0"], m["y0"], m["x1"], m["y1"])
        items.append({
            "id": urn(m["uid"]), "type": "Annotation", "motivation": "tagging",
            "created": m["created_at"], "creator": {"type": "Person", "name": m["author"]},
            "status": m["status"], "origin": m["origin"],
            "body": [{"type": "SpecificResource", "source": urn(ent["uid"]), "purpose": "tagging",
                      "entityType": ent["type"]},
                     {"type": "TextualBody", "value": ent["name"], "purpose": "tagging"}],
            "target": _target(doc_files, m["document"], m["page"], rect, m["quote"], texts)})
    for n in published.notes:
        if n["document"] is None:
            target: Any = f"urn:uuid:{uuid.UUID(hex=bundle_uid)}"
        else:
            target = _target(doc_files, n["document"], n["page"], (n["x0"], n["y0"], n["x1"], n["y1"]),
                             None, texts)
        items.append({"id": urn(n["uid"]), "type": "Annotation", "motivation": "commenting",
                      "created": n["created_at"], "creator": {"type": "Person", "name": n["author"]},
                      "body": {"type": "TextualBody", "value": n["text"], "format": "text/plain"},
                      "target": target})
    for link in published.document_links:
        items.append({
            "id": urn(link["uid"]), "type": "Annotation", "motivation": "linking",
            "created": link["created_at"], "creator": {"type": "Person", "name": link["author"]},
            "linkKind": link["kind"], "origin": link["origin"],
            "body": {"type": "SpecificResource", "source": doc_files[link["target"]]},
            "target": _target(doc_files, link["source"], link["page"],
                              (link["x0"], link["y0"], link["x1"], link["y1"]), link["quote"], texts)})
    return {"@context": [ANNO_CONTEXT, CONTEXT_EXTRA], "id": f"urn:uuid:{uuid.UUID(hex=bundle_uid)}",
            "type": "AnnotationCollection", "label": "Evidence Desk annotations", "xywhUnits": XYWH_UNITS,
            "total": len(items), "first": {"type": "AnnotationPage", "items": items}}
