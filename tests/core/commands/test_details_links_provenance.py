"""`set_details`, `add_link`/`remove_link`, `set_provenance`/`record_custody`."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.details import SetDetails
from evidence_desk.core.commands.links import AddLink, RemoveLink
from evidence_desk.core.commands.provenance import ProvenanceUpdate, SetProvenance
from evidence_desk.core.errors import InvalidInputError
from tests.core.commands.conftest import assert_exact_inverse, rows_of


def test_details_are_set_and_undone_exactly_with_old_and_new_values_audited(two_docs):
    action, data = assert_exact_inverse(two_docs, SetDetails(2, {"kind": "invoice", "reference": "INV-7"}))
    assert action == "set_details"
    assert data["intent"] == {"document": 2, "was": {"kind": None, "reference": None},
                              "now": {"kind": "invoice", "reference": "INV-7"}}
    assert two_docs.history.undo_name == "Set kind, reference of document 2"


def test_a_link_is_added_and_removed_and_each_is_undone_exactly(two_docs):
    add = AddLink(2, 1, "pays for", page=1, quote="Total due", note="pays the letter's order")
    action, data = assert_exact_inverse(two_docs, add)
    assert action == "add_link" and (data["intent"]["kind"], data["intent"]["source"]) == ("pays_for", 2)
    action, data = assert_exact_inverse(two_docs, RemoveLink(add.created_id))
    assert action == "remove_link" and data["intent"]["target"] == 1


def test_provenance_and_custody_are_audited_by_intent_and_undone_exactly(two_docs):
    action, data = assert_exact_inverse(two_docs, SetProvenance(1, ProvenanceUpdate(
        source="SOURCE-KESTREL", received="2026-03-01", custody="copied to the case")))
    assert action == "set_provenance"
    assert (data["intent"]["source_code"], data["intent"]["custody"]) == ("SOURCE-KESTREL", "copied to the case")
    action, data = assert_exact_inverse(two_docs, SetProvenance(1, ProvenanceUpdate(custody="sent to editor")))
    assert action == "record_custody"


@pytest.mark.parametrize(("command", "message"), [
    (SetDetails(1, {"kind": "poem"}), "kind must be one of"),
    (SetDetails(1, {"doc_date": "3 May"}), "YYYY"),
    (SetDetails(1, {"sha256": "00"}), "cannot edit sha256"),
    (AddLink(1, 1, "cites"), "cannot link to itself"),
    (AddLink(1, 2, "loves"), "kind must be one of"),
    (SetProvenance(1, ProvenanceUpdate(source="Ivan Petrov <ivan@example.org>")), "code name only"),
    (SetProvenance(1, ProvenanceUpdate()), "nothing to record"),
])
def test_bad_details_links_and_provenance_are_refused(two_docs, command, message):
    before = rows_of(two_docs)
    with pytest.raises(InvalidInputError, match=message):
        two_docs.apply(command)
    assert rows_of(two_docs) == before
