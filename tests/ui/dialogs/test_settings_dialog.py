"""Edit › Settings…: the choices land in the core settings file and the window uses them."""

from __future__ import annotations

import json

from sqlalchemy import select

from evidence_desk.core import settings as core_settings
from evidence_desk.core.db.models import AuditEntry, Note
from evidence_desk.core.redaction.marking import reason_codes
from evidence_desk.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.conftest import doc_id_by_name


def _open_settings(window) -> SettingsDialog:
    window.actions_.settings.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def test_a_new_author_name_is_saved_to_the_settings_file_and_signs_the_next_note(window, ui_case, qtbot,
                                                                                 monkeypatch):
    monkeypatch.delenv("EVIDENCE_DESK_AUTHOR")  # as on a user's machine: the setting decides
    dialog = _open_settings(window)
    dialog.author.setText("  Investigator Ada Brandt ")
    dialog.ocr_languages.setText("deu+eng")
    dialog.idle_lock.setValue(15)
    dialog.export_profile.setCurrentIndex(dialog.export_profile.findData("internal"))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.save()
    assert not dialog.isVisible()

    stored = json.loads(core_settings.settings_path().read_text(encoding="utf-8"))
    assert (stored["author"], stored["ocr_languages"], stored["idle_lock_minutes"], stored["export_profile"],
            stored["language"]) == ("Investigator Ada Brandt", "deu+eng", 15, "internal", "de")

    window.open_document(doc_id_by_name(ui_case, "c_note_verbale.pdf"), 0)
    window.note_on_document()
    note = window.tools.dialog
    note.text.setPlainText("Signed by the author of the settings")
    with qtbot.waitSignal(window.undo.changed):
        note.accept()
    with ui_case.read() as s:
        saved = s.execute(select(Note)).scalars().one()
        last = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
    assert saved.author == "Investigator Ada Brandt"
    assert (last.action, last.author) == ("add_note", "Investigator Ada Brandt")


def test_reason_codes_from_the_settings_join_the_open_case(window, ui_case, qtbot):
    dialog = _open_settings(window)
    dialog.reasons.add_row("Informant Safety", "Protects an informant")
    with qtbot.waitSignal(window.undo.changed):
        dialog.save()
    assert core_settings.load().reason_codes == [("informant_safety", "Protects an informant")]
    assert ("informant_safety", "Protects an informant") in [(r.code, r.label) for r in reason_codes(ui_case)]


def test_a_bad_value_keeps_the_dialog_open_and_the_file_unchanged(window, monkeypatch, qtbot):
    warnings = []
    monkeypatch.setattr("evidence_desk.ui.dialogs.settings_dialog.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))
    dialog = _open_settings(window)
    dialog.ocr_languages.setText("russian; english")
    dialog.reasons.add_row("ok_code", "")
    dialog.save()
    assert dialog.isVisible() and "rus+eng+deu" in warnings[0]
    assert not core_settings.settings_path().exists()
    dialog.ocr_languages.setText("rus")
    dialog.reasons.add_row("ok code", "twice")
    dialog.save()
    assert dialog.isVisible() and "ok_code" in warnings[1]
    dialog.reject()
