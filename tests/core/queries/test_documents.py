"""Documents as the browser, the details panel, `list` and `show` read them."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.queries.documents import (
    document_files,
    document_summary,
    list_documents,
    show_document,
)
from tests.core.queries.conftest import Marked


def test_the_documents_list_is_in_id_order_with_the_fields_list_json_promises(marked: Marked) -> None:
    docs = list_documents(marked.case)
    assert [d.id for d in docs] == sorted(d.id for d in docs) == [marked.letter, marked.invoice]
    letter = docs[0]
    assert (letter.filename, letter.pages, letter.media_type, letter.review_status) == (
        "letter.pdf", 2, "application/pdf", "new")
    assert {"id", "sha256", "filename", "pages", "media_type", "kind"} <= set(letter.to_json())
    assert letter.display_name == "letter.pdf"  # no title yet: the file name stands in


def test_a_summary_is_frozen(marked: Marked) -> None:
    doc = document_summary(marked.case, marked.letter)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "changed"  # type: ignore[misc]


def test_a_document_is_found_by_id_or_sha256_prefix_and_an_unknown_one_is_refused(marked: Marked) -> None:
    by_id = document_summary(marked.case, marked.invoice)
    assert document_summary(marked.case, by_id.sha256[:8]) == by_id
    with pytest.raises(NotFoundError):
        document_summary(marked.case, 999)


def test_editable_values_use_the_database_names_the_details_edit_expects(marked: Marked) -> None:
    values = document_summary(marked.case, marked.letter).editable_values()
    assert set(values) == {"kind", "doc_date", "reference", "languages", "sender", "recipient",
                           "review_status", "title"}
    assert values["review_status"] == "new" and values["doc_date"] is None


def test_document_files_name_the_stored_originals_and_skip_unknown_ids(marked: Marked) -> None:
    files = document_files(marked.case, [marked.invoice, 999, marked.letter])
    assert [f.id for f in files] == [marked.letter, marked.invoice]
    assert all(hashlib.sha256(f.path.read_bytes()).hexdigest() == f.sha256 for f in files)
    assert document_files(marked.case, []) == []


def test_show_gathers_pages_mentions_notes_redactions_and_provenance(marked: Marked) -> None:
    view = show_document(marked.case, marked.letter)
    assert [p.number for p in view.pages] == [1, 2]
    assert {m.entity for m in view.mentions} == {"Anton Petrov", "Zelenograd", "State Export Agency"}
    assert [n.page for n in view.notes] == [None, 1]  # the document note first
    assert [(r.page, r.reason, r.note) for r in view.redactions] == [(2, "personal", "the driver")]
    assert view.provenance is not None and (view.provenance.source, view.provenance.method) == ("SRC-7", "courier")
    data = view.to_json()
    assert data["pages_detail"][0]["width"] == 595 and data["pages_detail"][0]["text_source"] == "embedded"
    assert data["provenance"]["received"] == "2024-03-01"
    assert data["mentions"][0]["rect"] == list(marked.petrov_rect.as_tuple())


def test_show_lists_rejected_mentions_too_with_their_status(marked: Marked) -> None:
    statuses = {m.id: m.status for m in show_document(marked.case, marked.invoice).mentions}
    assert statuses[marked.rejected_mention] == "rejected"
