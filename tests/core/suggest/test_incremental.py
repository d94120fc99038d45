"""Reading the case again skips pages whose text did not change; new text is read again."""

from __future__ import annotations

from sqlalchemy import select

from evidence_desk.core.db.models import Page, Suggestion
from evidence_desk.core.suggest.pipeline import analyse_documents, set_auto_accept
from evidence_desk.core.suggest.store import refresh_suggestions


def test_a_second_refresh_reads_no_page_and_changes_nothing(letters_case):
    case, _ = letters_case
    first = refresh_suggestions(case)
    assert first["pages_read"] == 4 and first["added"] > 0
    again = refresh_suggestions(case)
    assert again == {"added": 0, "kept": 0, "removed": 0, "pages_read": 0, "pages_unchanged": 4}
    forced = refresh_suggestions(case, force=True)
    assert forced["pages_read"] == 4 and forced["added"] == 0 and forced["removed"] == 0


def test_only_the_page_whose_text_changed_is_read_again(letters_case):
    case, docs = letters_case
    refresh_suggestions(case)
    doc_id = docs["invoice_en.pdf"]
    with case.write() as s:  # what OCR or a correction does: the page gets new text
        page = s.execute(select(Page).where(Page.document_id == doc_id, Page.number == 1)).scalar_one()
        page.text = "INVOICE No. INV-2021-099 dated 4 March 2021\nTotal due: EUR 12,000.00"
        page.words = []
    counts = refresh_suggestions(case)
    assert counts["pages_read"] == 1 and counts["pages_unchanged"] == 3
    with case.read() as s:
        refs = set(s.execute(select(Suggestion.value).where(Suggestion.document_id == doc_id,
                                                            Suggestion.field == "reference")).scalars())
    assert refs == {"INV-2021-099"}  # the old reading of that page is gone


def test_exact_alias_matches_are_accepted_automatically_only_when_the_user_says_so(letters_case):
    from evidence_desk.core.entities import manage

    case, _ = letters_case
    manage.add_entity(case, "JSC Primer Plant", "organisation", ("ОАО «Завод Пример»",))
    assert analyse_documents(case, None).auto_accepted == 0
    set_auto_accept(case, "exact-aliases")
    report = analyse_documents(case, None, force=True)
    with case.read() as s:
        accepted = s.execute(select(Suggestion.quote).where(Suggestion.kind == "entity",
                                                            Suggestion.status == "accepted")).scalars().all()
    assert report.auto_accepted == len(accepted) > 0
    assert all(q in ("JSC Primer Plant", "ОАО «Завод Пример»") for q in accepted)
