"""The timeline: documents by date and dated mentions, filterable by entity."""

from __future__ import annotations

from evidence_desk.core.entities import manage
from evidence_desk.core.queries.timeline import timeline
from evidence_desk.core.suggest.store import decide, pending_ids, refresh_suggestions
from tests.core.suggest.letters import letters_case, letters_template  # noqa: F401 - fixtures


def test_documents_and_dated_mentions_are_in_date_order_and_filter_by_entity(letters_case):  # noqa: F811 - the imported fixture
    case, docs = letters_case
    person = manage.add_entity(case, "Щукин", "person")
    refresh_suggestions(case)
    decide(case, pending_ids(case, kind="field") + pending_ids(case, kind="date")
           + pending_ids(case, kind="entity"), accept=True)

    events = timeline(case)
    docs_in_order = [e.doc_id for e in events if e.kind == "document"]
    assert docs_in_order == [docs["contract.pdf"], docs["invoice_en.pdf"], docs["note_de.pdf"], docs["letter_ru.pdf"]]
    assert [e.date for e in events] == sorted(e.date for e in events)
    inv = next(e for e in events if e.doc_id == docs["invoice_en.pdf"] and e.kind == "document")
    assert inv.detail == "JSC Primer Plant → Ministry of Defence" and "INV-2021-044" in inv.title
    # The contract's own date is its document event, not repeated as a dated mention.
    assert not [e for e in events if e.kind == "dated_mention" and e.doc_id == docs["contract.pdf"]]

    only_person = timeline(case, entity_id=person)
    assert {e.doc_id for e in only_person} == {docs["letter_ru.pdf"], docs["invoice_en.pdf"], docs["note_de.pdf"]}
