"""Document ↔ document links: `add_link`, `remove_link`, and `link_references` (every
"cites" link found from reference numbers, stored as one step)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from evidence_desk.core.commands.base import Command, region_columns
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import DocumentLink
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect

LINK_KINDS = ("cites", "replies_to", "pays_for", "ships_under", "related")


def _verb(kind: str) -> str:
    return kind.replace("_", " ")


@dataclass
class AddLink(Command):
    action = "add_link"

    source: str | int
    target_doc: str | int
    kind: str
    page: int | None = None
    rect: Rect | None = None
    quote: str | None = None
    note: str | None = None
    created_id: int | None = field(default=None, init=False)
    _ends: tuple[int, int] = field(default=(0, 0), init=False)

    def run(self, rows: Rows) -> None:
        kind = self.kind.strip().lower().replace("-", "_").replace(" ", "_")
        if kind not in LINK_KINDS:
            raise InvalidInputError(f"link kind must be one of {', '.join(LINK_KINDS)}")
        s = rows.session
        src, dst = resolve(s, self.source), resolve(s, self.target_doc)
        if src.id == dst.id:
            raise InvalidInputError("a document cannot link to itself")
        page = self.page
        if page is not None and not 1 <= page <= src.page_count:
            raise NotFoundError(f"document {src.id} has pages 1–{src.page_count}, not {page}")
        dup = s.execute(select(DocumentLink.id).where(
            DocumentLink.kind == kind, DocumentLink.source_id == src.id, DocumentLink.target_id == dst.id,
            DocumentLink.page_number.is_(None) if page is None else DocumentLink.page_number == page)).first()
        if dup:
            raise InvalidInputError(f"document {src.id} already {_verb(kind)} document {dst.id}"
                                    f"{'' if page is None else f' on page {page}'} (link {dup[0]})")
        link = rows.insert(DocumentLink, kind=kind, source_id=src.id, target_id=dst.id, page_number=page,
                           quote=self.quote, note=self.note, origin="manual", author=rows.author,
                           **region_columns(self.rect))
        self.kind, self.created_id, self._ends = kind, link.id, (src.id, dst.id)

    def title(self) -> str:
        return f"Link document {self._ends[0]} {_verb(self.kind)} document {self._ends[1]}"

    def intent(self) -> dict[str, Any]:
        return {"link": self.created_id, "kind": self.kind, "source": self._ends[0], "target": self._ends[1],
                "page": self.page, "quote": self.quote, "note": self.note}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("document_links", self.created_id)


@dataclass
class RemoveLink(Command):
    action = "remove_link"

    link_id: int
    removed: dict[str, Any] = field(default_factory=dict, init=False)

    def run(self, rows: Rows) -> None:
        link = rows.get(DocumentLink, self.link_id)
        if link is None:
            raise NotFoundError(f"no link {self.link_id}; was it already removed?")
        self.removed = {"link": link.id, "kind": link.kind, "source": link.source_id, "target": link.target_id,
                        "page": link.page_number, "quote": link.quote}
        rows.delete(link)

    def title(self) -> str:
        r = self.removed
        return f"Remove link: document {r.get('source')} {_verb(r.get('kind', ''))} document {r.get('target')}"

    def intent(self) -> dict[str, Any]:
        return self.removed

    @property
    def target(self) -> tuple[str, object | None]:
        return ("document_links", self.link_id)


@dataclass
class LinkReferences(Command):
    """Store found citations (rows of `find_citations`) as "cites" links and remove the automatic
    links no longer read (`stale_ids`), in one step."""

    action = "link_references"

    found: list[dict[str, Any]]
    stale_ids: list[int] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list, init=False)

    def run(self, rows: Rows) -> None:
        for link_id in self.stale_ids:
            link = rows.get(DocumentLink, link_id)
            if link is None or link.origin != "auto":
                raise InvalidInputError(f"link {link_id} is not an automatic link any more")
            rows.delete(link)
        self.created_ids = [rows.insert(DocumentLink, **{**values, "author": rows.author}).id
                            for values in self.found]

    def title(self) -> str:
        removed = f", {len(self.stale_ids)} removed" if self.stale_ids else ""
        return f"Link {len(self.found)} citation(s) by reference number{removed}"

    def intent(self) -> dict[str, Any]:
        return {"links": [{"source": v["source_id"], "target": v["target_id"], "page": v.get("page_number"),
                           "quote": v.get("quote")} for v in self.found], "removed": self.stale_ids}
