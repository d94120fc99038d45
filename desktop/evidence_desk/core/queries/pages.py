"""Pages: their geometry, their word boxes, and what it takes to draw them.

A document opens from its `pages` rows alone, however many pages it has: no
parsing, no PyMuPDF. Everything is in PDF points of the unrotated page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, tuple_

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Page
from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.geometry import PageGeometry


def _geometry(number: int, width: float, height: float, rotation: int | None) -> PageGeometry:
    return PageGeometry(int(number), float(width), float(height), int(rotation or 0) % 360)


@dataclass(frozen=True)
class PageRow:
    """A page as `show` lists it: geometry and where its text came from."""

    geometry: PageGeometry
    text_source: str  # embedded | ocr | none
    needs_ocr: bool
    chars: int

    @property
    def number(self) -> int:
        return self.geometry.number

    def to_json(self) -> dict[str, Any]:
        g = self.geometry
        return {"number": g.number, "width": round(g.width, 2), "height": round(g.height, 2),
                "rotation": g.rotation, "text_source": self.text_source, "needs_ocr": self.needs_ocr,
                "chars": self.chars}


def document_pages(case: Case, doc_id: int) -> list[PageRow]:
    with case.read() as s:
        rows = s.execute(
            select(Page.number, Page.width, Page.height, Page.rotation, Page.text_source,
                   Page.needs_ocr, func.length(func.coalesce(Page.text, "")))
            .where(Page.document_id == doc_id).order_by(Page.number)).all()
    return [PageRow(_geometry(n, w, h, r), src, bool(ocr), int(chars or 0))
            for n, w, h, r, src, ocr, chars in rows]


@dataclass(frozen=True)
class DocumentLayout:
    """What the viewer opens: the original's file and every page's geometry."""

    id: int
    sha256: str
    path: Path
    media_type: str
    filename: str
    pages: tuple[PageGeometry, ...]


def document_layout(case: Case, doc_id: int) -> DocumentLayout:
    with case.read() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise NotFoundError(f"no document with id {doc_id}")
        rows = s.execute(select(Page.number, Page.width, Page.height, Page.rotation)
                         .where(Page.document_id == doc_id).order_by(Page.number)).all()
        return DocumentLayout(doc.id, doc.sha256, case.originals.path_for(doc.sha256), doc.media_type,
                              doc.filename, tuple(_geometry(*r) for r in rows))


def page_word_rows(case: Case, doc_id: int, numbers: Iterable[int]) -> dict[int, list[Any]]:
    """The stored word rows (`geometry.Word.to_row()`) of some pages of a document, by page."""
    wanted = sorted(set(numbers))
    if not wanted:
        return {}
    with case.read() as s:
        rows = s.execute(select(Page.number, Page.words)
                         .where(Page.document_id == doc_id, Page.number.in_(wanted))).all()
    return {int(n): list(words or []) for n, words in rows}


@dataclass(frozen=True)
class PageSource:
    """One page to draw as a picture (a thumbnail, a preview): the file, the page and its size."""

    document_id: int
    sha256: str
    media_type: str
    path: Path
    geometry: PageGeometry

    @property
    def number(self) -> int:
        return self.geometry.number


def page_sources(case: Case, pages: Iterable[tuple[int, int]]) -> dict[tuple[int, int], PageSource]:
    """Each (document id, page number) that exists, with its file and geometry."""
    keys = sorted(set(pages))
    if not keys:
        return {}
    out: dict[tuple[int, int], PageSource] = {}
    with case.read() as s:
        for start in range(0, len(keys), 400):  # SQLite caps the parameters of one statement
            chunk = keys[start:start + 400]
            rows = s.execute(
                select(Page.document_id, Page.number, Page.width, Page.height, Page.rotation,
                       Document.sha256, Document.media_type)
                .join(Document, Document.id == Page.document_id)
                .where(tuple_(Page.document_id, Page.number).in_(chunk))).all()
            for doc_id, number, w, h, rot, sha, media in rows:
                out[(doc_id, number)] = PageSource(doc_id, sha, media, case.originals.path_for(sha),
                                                   _geometry(number, w, h, rot))
    return out
