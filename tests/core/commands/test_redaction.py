"""`mark_redaction`, `set_redaction_status`, reason codes and the second-reviewer setting."""

from __future__ import annotations

import json

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.commands.redaction import MarkRedaction, SetRedactionStatus, Spot
from evidence_desk.core.commands.settings import AddReasonCode, SetCaseSetting
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.redactions import list_redactions
from evidence_desk.core.redaction.review import SECOND_REVIEWER_KEY
from tests.core.commands.conftest import assert_exact_inverse, rows_of

BOX = Rect(56, 56, 200, 72)


def test_marking_boxes_on_two_pages_is_one_step_audited_with_places_and_the_texts_digest(two_docs):
    command = MarkRedaction([Spot(1, 1, (BOX, Rect(56, 80, 200, 96)), "Garbuz"), Spot(1, 2, (BOX,))],
                            "personal", note="witness", label="Garbuz")
    action, data = assert_exact_inverse(two_docs, command)
    assert action == "mark_redaction"
    # the log travels in bundles: the redacted text is there only as a keyed digest
    assert "Garbuz" not in json.dumps(data, ensure_ascii=False)
    places = [(p["document"], p["page"], p["text"]) for p in data["intent"]["places"]]
    assert [p[:2] for p in places] == [(1, 1), (1, 2)]
    assert places[0][2] == places[1][2] == data["intent"]["text"] == data["steps"][0]["after"]["match_text"]
    assert places[0][2].startswith("hmac-sha256:")
    assert len(command.created_ids) == 3
    assert two_docs.history.undo_name == "Redact “Garbuz” on document 1 (2 places)"


def test_approving_then_undoing_restores_status_reviewer_and_date(two_docs):
    mark = MarkRedaction([Spot(1, 1, (BOX,))], "personal")
    two_docs.apply(mark)
    action, data = assert_exact_inverse(two_docs, SetRedactionStatus(mark.created_ids, "approved"))
    assert action == "set_redaction_status"
    assert data["intent"]["redactions"][0]["was"] == "proposed"


def test_the_second_reviewer_rule_is_checked_inside_the_command(two_docs):
    two_docs.apply(SetCaseSetting(SECOND_REVIEWER_KEY, "1"))
    mark = MarkRedaction([Spot(1, 1, (BOX,))], "personal", status="approved")
    two_docs.apply(mark)
    assert list_redactions(two_docs)[0].status == "proposed"  # never self-approved
    with pytest.raises(InvalidInputError, match="second reviewer"):
        two_docs.apply(SetRedactionStatus(mark.created_ids, "approved"))
    with Case.open(two_docs.path, author="colleague") as colleague:
        colleague.apply(SetRedactionStatus(mark.created_ids, "approved"))
    assert list_redactions(two_docs)[0].reviewer == "colleague"


@pytest.mark.parametrize(("command", "error", "message"), [
    (MarkRedaction([Spot(1, 1, (BOX,))], "no_such_reason"), InvalidInputError, "unknown reason code"),
    (MarkRedaction([Spot(1, 1, (BOX,))], "personal", status="maybe"), InvalidInputError, "status must be"),
    (MarkRedaction([Spot(1, 1, ())], "personal"), InvalidInputError, "nothing to redact"),
    (MarkRedaction([Spot(1, 1, (Rect(900, 900, 950, 950),))], "personal"), InvalidInputError, "outside"),
    (MarkRedaction([Spot(1, 1, (BOX,)), Spot(5, 1, (BOX,))], "personal"), NotFoundError, "no document"),
    (SetRedactionStatus([404], "approved"), NotFoundError, "no redaction with id 404"),
    (AddReasonCode("no/slashes"), InvalidInputError, "reason code is"),
    (AddReasonCode("personal"), InvalidInputError, "exists already"),
    (SetCaseSetting("case_uid", "stolen"), InvalidInputError, "unknown case setting"),
])
def test_bad_redaction_input_is_refused_and_nothing_is_half_written(two_docs, command, error, message):
    before = rows_of(two_docs)
    with pytest.raises(error, match=message):
        two_docs.apply(command)
    assert rows_of(two_docs) == before


def test_a_new_reason_code_and_a_setting_are_exactly_undone(two_docs):
    action, data = assert_exact_inverse(two_docs, AddReasonCode("Export Control", "Export-controlled"))
    assert action == "add_reason_code" and data["intent"]["code"] == "export_control"
    action, data = assert_exact_inverse(two_docs, SetCaseSetting(SECOND_REVIEWER_KEY, "1"))
    assert action == "set_case_setting" and data["intent"] == {"setting": SECOND_REVIEWER_KEY, "value": "1"}
