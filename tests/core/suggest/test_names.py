"""Names nobody registered yet: organisations by legal form, people by title, Russian names by Natasha."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Entity, Mention
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.suggest.names import find_names, name_key
from evidence_desk.core.suggest.store import decide, list_suggestions, refresh_suggestions
from tests.core.pdfs import write_text_pdf


def test_one_company_in_two_scripts_and_legal_forms_has_one_key():
    assert name_key("ОАО «Интеграл»") == name_key("JSC Integral") == name_key("Integral GmbH")
    assert name_key("ООО «Вектор»") != name_key("JSC Integral")


def test_english_and_german_organisations_are_found_by_their_legal_forms():
    text = ("Sold by Quellhorst & Feyl Spedition GmbH to JSC Integral through Northgate Limited; "
            "the Federal Office for Export Control was informed.")
    names = {(n.text, n.type) for n in find_names(text)}
    assert ("Quellhorst & Feyl Spedition GmbH", "organisation") in names
    assert ("JSC Integral", "organisation") in names and ("Northgate Limited", "organisation") in names
    assert ("Federal Office for Export Control", "state_body") in names


def test_people_are_found_after_a_title_or_function():
    names = {(n.text, n.type) for n in find_names("Signed by Managing Director Peter Hale and Herr Jörg Feyl.")}
    assert {("Peter Hale", "person"), ("Jörg Feyl", "person")} <= names


def test_russian_people_organisations_and_places_come_from_the_ner_model():
    text = "Генеральный директор ОАО «Интеграл» Семенов Виктор Николаевич направил письмо в Минск."
    names = {(n.text, n.type) for n in find_names(text)}
    assert ("ОАО «Интеграл»", "organisation") in names
    assert ("Семенов Виктор Николаевич", "person") in names and ("Минск", "place") in names


def test_accepting_the_same_company_in_another_script_tags_one_entity(tmp_path: Path):
    write_text_pdf(tmp_path / "ru.pdf", ["Поставщик ОАО «Интеграл» сообщает о готовности продукции к отгрузке."])
    write_text_pdf(tmp_path / "en.pdf", ["The supplier JSC Integral confirms that the goods are ready for shipment."])
    case = Case.open(tmp_path / "case", create=True)
    import_paths(case, [tmp_path / "ru.pdf", tmp_path / "en.pdf"], ImportOptions(workers=1, ocr="never"))
    refresh_suggestions(case)
    names = [s for s in list_suggestions(case, kind="name") if s["normalized"] == name_key("JSC Integral")]
    assert {s["value"] for s in names} == {"ОАО «Интеграл»", "JSC Integral"}
    for s in names:  # one at a time, as a reviewer would
        decide(case, [s["id"]], True)
    with case.read() as s:
        entities = s.query(Entity).filter_by(type="organisation").all()
        assert [e.name for e in entities] == ["ОАО «Интеграл»"]
        assert s.query(Mention).filter_by(entity_id=entities[0].id).count() == 2
    case.close()
