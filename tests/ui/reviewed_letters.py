"""The multilingual letters, tagged, suggested and linked through the core services,
for the panel and timeline tests (their conftests import the fixtures from here)."""

from __future__ import annotations

import pytest

from evidence_desk.core.documents import update_details
from evidence_desk.core.entities import manage
from evidence_desk.core.links.registry import build_reference_links
from evidence_desk.core.suggest.store import decide, pending_ids, refresh_suggestions
from tests.core.suggest.letters import letters_case, letters_template  # noqa: F401 - fixtures


@pytest.fixture
def reviewed(letters_case):  # noqa: F811 - the imported fixture
    """(case, docs, plant entity id): fields accepted, the plant tagged, citations linked."""
    case, docs = letters_case
    plant = manage.add_entity(case, "ОАО «Завод Пример»", "organisation",
                              ("JSC Primer Plant", "Primer-Werk", "Завод Пример"))
    refresh_suggestions(case)
    decide(case, pending_ids(case, kind="field") + pending_ids(case, kind="date"), accept=True)
    entity = pending_ids(case, kind="entity")
    decide(case, entity[:-1], accept=True)  # one left pending, to show as suggested
    update_details(case, docs["contract.pdf"], reference="K-2019/77")
    build_reference_links(case)
    return case, docs, plant
