"""What a command (or an undo, or a redo) changed: which kinds of rows, which
documents and which pages. The window refreshes only the views a `Changes`
touches, as Anki's `OpChanges` tells each screen whether it must redraw."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from evidence_desk.core.commands.rows import RowEffect

# table → the kind of row a view cares about
KIND_OF_TABLE = {
    "documents": "documents", "pages": "pages", "mentions": "mentions", "notes": "notes",
    "redactions": "redactions", "reason_codes": "settings", "case_meta": "settings",
    "entities": "entities", "entity_aliases": "entities", "entity_links": "entities",
    "document_links": "links", "suggestions": "suggestions",
    "provenance": "provenance", "custody_events": "provenance",
}
KINDS = tuple(dict.fromkeys(KIND_OF_TABLE.values()))


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)
    documents: frozenset[int] = field(default_factory=frozenset)
    pages: frozenset[tuple[int, int]] = field(default_factory=frozenset)  # (document id, page number)

    @classmethod
    def everything(cls) -> Changes:
        """For a view that cannot tell (a case re-opened, an import): refresh all."""
        return cls(frozenset(KINDS), frozenset(), frozenset())

    @classmethod
    def of(cls, effects: Iterable[RowEffect]) -> Changes:
        kinds: set[str] = set()
        docs: set[int] = set()
        pages: set[tuple[int, int]] = set()
        for effect in effects:
            kinds.add(KIND_OF_TABLE.get(effect.table, effect.table))
            for row in (effect.before, effect.after):
                if not row:
                    continue
                ids = ([row.get("id")] if effect.table == "documents"
                       else [row.get("source_id"), row.get("target_id")] if effect.table == "document_links"
                       else [row.get("document_id")])
                for doc_id in ids:
                    if isinstance(doc_id, int):
                        docs.add(doc_id)
                        if isinstance(row.get("page_number"), int):
                            pages.add((doc_id, row["page_number"]))
        return cls(frozenset(kinds), frozenset(docs), frozenset(pages))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.documents | other.documents, self.pages | other.pages)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, *kinds: str) -> bool:
        return any(k in self.kinds for k in kinds)

    def touches_document(self, doc_id: int | None, *kinds: str) -> bool:
        """Whether document `doc_id` (None: any) changed in one of `kinds` (none given: any kind).
        `Changes.everything()` names no document and so touches every one."""
        if kinds and not self.touches(*kinds):
            return False
        if not self.documents:
            return bool(self.kinds)
        return doc_id is None or doc_id in self.documents

    def to_json(self) -> dict[str, object]:
        return {"kinds": sorted(self.kinds), "documents": sorted(self.documents),
                "pages": [list(p) for p in sorted(self.pages)]}
