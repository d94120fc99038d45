"""`accept_suggestion` and `reject_suggestion`."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.entities import AddEntity
from evidence_desk.core.commands.suggestions import DecideSuggestions
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.suggest.store import pending_ids, refresh_suggestions
from tests.core.commands.conftest import assert_exact_inverse


@pytest.fixture
def suggested(two_docs):
    two_docs.apply(AddEntity("Kirill O. Garbuz", "person"))
    refresh_suggestions(two_docs)
    assert pending_ids(two_docs, kind="entity")
    return two_docs


def test_accepting_suggestions_creates_mentions_and_one_undo_restores_everything(suggested):
    ids = pending_ids(suggested)
    command = DecideSuggestions(ids, accept=True)
    action, data = assert_exact_inverse(suggested, command)
    assert action == "accept_suggestion"
    assert {d["suggestion"] for d in data["intent"]["suggestions"]} == set(ids)
    assert data["intent"]["mentions"]


def test_rejecting_is_audited_and_a_decided_suggestion_cannot_be_decided_again(suggested):
    ids = pending_ids(suggested, kind="entity")
    action, _ = assert_exact_inverse(suggested, DecideSuggestions(ids, accept=False))
    assert action == "reject_suggestion"
    with pytest.raises(InvalidInputError, match="already rejected"):
        suggested.apply(DecideSuggestions(ids[:1], accept=True))
