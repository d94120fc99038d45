"""The annotation panel: document details edited and undone, provenance shown."""

from __future__ import annotations

from evidence_desk.core.provenance import ProvenanceUpdate, update_edit
from evidence_desk.core.queries.documents import document_summary
from evidence_desk.ui.panels.details_panel import DetailsTab
from evidence_desk.ui.panels.provenance_panel import ProvenanceTab
from evidence_desk.ui.panels.registry import ANNOTATION_TABS
from tests.ui.conftest import audit_actions, doc_id_by_name


def test_annotation_panel_has_a_tab_per_registered_class(window):
    assert [window.annotations.tabs.tabText(i) for i in range(window.annotations.tabs.count())] == [
        cls.title for cls in ANNOTATION_TABS]


def test_editing_document_details_is_one_undoable_audited_edit(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "b_invoice.pdf")
    window.open_document(doc, 0)
    details = window.annotations.show_tab(DetailsTab)
    assert details.doc_id == doc
    details.kind.setCurrentIndex(details.kind.findData("invoice"))
    details.fields["doc_date"].setText("2019-05-03")
    details.fields["reference"].setText("INV-445")
    details.status.setCurrentIndex(details.status.findData("in_review"))
    with qtbot.waitSignal(window.undo.changed):
        details.apply_button.click()
    shown = document_summary(ui_case, doc)
    assert (shown.kind, shown.date, shown.reference, shown.review_status) == (
        "invoice", "2019-05-03", "INV-445", "in_review")
    row = window.browser.model.row_for(doc)
    assert row is not None and row.reference == "INV-445"  # the browser re-read the documents

    assert window.actions_.undo.text().replace("&", "") == f"Undo Set date, reference, kind, review status of document {doc}"
    with qtbot.waitSignal(window.undo.changed):
        window.undo.undo()
    shown = document_summary(ui_case, doc)
    assert (shown.kind, shown.date, shown.reference, shown.review_status) == (None, None, None, "new")
    assert details.fields["reference"].text() == ""
    assert audit_actions(ui_case)[-2:] == ["set_details", "undo"]


def test_a_malformed_date_is_refused_without_touching_the_case(window, ui_case, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    doc = doc_id_by_name(ui_case, "b_invoice.pdf")
    window.open_document(doc, 0)
    details = window.annotations.show_tab(DetailsTab)
    details.fields["doc_date"].setText("3 May")
    details.apply()
    assert shown and "YYYY" in shown[0]
    assert document_summary(ui_case, doc).date is None


def test_provenance_tab_summarises_source_and_custody(window, ui_case):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    ui_case.apply(update_edit(ui_case, doc, ProvenanceUpdate(source="SOURCE-KESTREL", received="2024-02-01",
                                                             custody="handed over on an encrypted USB stick")))
    window.open_document(doc, 0)
    tab = window.annotations.show_tab(ProvenanceTab)
    tab.refresh()
    text = tab.label.text()
    assert "SOURCE-KESTREL" in text and "encrypted USB stick" in text and "2024-02-01" in text


def test_clicking_an_overlay_shows_its_row_in_the_annotation_panel(window, ui_case, qtbot):
    from evidence_desk.core.geometry import Rect
    from evidence_desk.core.redaction.marking import redact_rects_edit
    from evidence_desk.ui.panels.redactions_panel import RedactionsTab

    doc = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    viewer = window.open_document(doc, 0)
    with qtbot.waitSignal(window.undo.changed):
        edit = window.undo.push(redact_rects_edit(ui_case, doc, 3, [Rect(70, 80, 200, 100)], "personal"))
    viewer.overlayActivated.emit("redaction", edit.created_id)
    tab = window.annotations.tabs.currentWidget()
    assert isinstance(tab, RedactionsTab)
    assert tab.table.selected_ids() == [edit.created_id]
