"""No ORM object leaves core.queries: every result is frozen plain data."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from evidence_desk.core.queries.annotations import document_mentions, document_notes
from evidence_desk.core.queries.documents import document_files, list_documents, show_document
from evidence_desk.core.queries.entities import complete, entity_details, list_entities
from evidence_desk.core.queries.links import all_links, document_links
from evidence_desk.core.queries.pages import document_layout, document_pages, page_sources
from evidence_desk.core.queries.redactions import list_redactions
from evidence_desk.core.queries.timeline import timeline
from tests.core.queries.conftest import Marked


def _values(value: Any) -> Iterator[Any]:
    yield value
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _values(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _values(k)
            yield from _values(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _values(v)


def test_every_query_returns_frozen_dataclasses_without_orm_objects(marked: Marked) -> None:
    case, letter = marked.case, marked.letter
    results = [list_documents(case), show_document(case, letter), document_files(case, [letter]),
               document_layout(case, letter), document_pages(case, letter),
               page_sources(case, [(letter, 1)]), document_mentions(case, letter),
               document_notes(case, letter), list_redactions(case),
               entity_details(case, document_mentions(case, letter)[0].entity_id), timeline(case),
               list_entities(case), document_links(case, letter), all_links(case), complete(case, "a")]
    for result in results:
        for value in _values(result):
            module = type(value).__module__
            assert not module.startswith(("sqlalchemy", "evidence_desk.core.db")), (result, value)
            if dataclasses.is_dataclass(value):
                assert type(value).__dataclass_params__.frozen, type(value)  # type: ignore[attr-defined]
