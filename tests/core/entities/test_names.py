"""Names match across scripts, transliteration schemes and small OCR errors."""

from __future__ import annotations

import pytest

from evidence_desk.core.entities.names import bounded_distance, names_match, proposed_name
from evidence_desk.core.entities.translit import transliterate


@pytest.mark.parametrize(("a", "b"), [
    ("Щукин", "Shchukin"), ("Щукин", "Schtschukin"), ("Щукин", "Ŝukin"),
    ("Журавлёв", "Zhuravlev"), ("Журавлёв", "Schurawljow"),
    ("Хрущёв", "Khrushchev"), ("Хрущёв", "Chruschtschow"),
    ("Юрий", "Yuriy"), ("Юрий", "Juri"), ("Беларусь", "Belarus"), ("Минск", "Minsk"),
    ("ОАО «Завод Пример»", "OAO Zavod Primer"), ("Завод Пример", "Sawod Primer"),
    ("Müller", "Mueller"), ("Weißrussland", "Weissrussland"),
])
def test_the_same_name_in_another_script_or_spelling_matches(a, b):
    assert names_match(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Завод Пример", "Завод Прнмер"),  # one OCR slip in a long word
    ("Shchukin", "Shchukln"), ("Primer-Werk", "Prirner-Werk"),
])
def test_small_ocr_errors_in_long_names_are_tolerated(a, b):
    assert names_match(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Petrov", "Ivanov"), ("Минск", "Пинск"), ("МО", "МИД"), ("Belarus", "Belgium"),
    ("OTE-2021/QL-014", "OTE-2021/QL-015"),  # numbers must agree exactly
])
def test_different_names_do_not_match(a, b):
    assert not names_match(a, b)


def test_transliteration_follows_each_scheme_and_keeps_capitals():
    assert transliterate("Щукин Жуков", "en") == "Shchukin Zhukov"
    assert transliterate("Щукин Жуков", "de") == "Schtschukin Schukow"
    assert transliterate("Щукин Жуков", "iso9") == "Ŝukin Žukov"


def test_bounded_distance_gives_up_beyond_its_limit():
    assert bounded_distance("primer", "prirner", 2) == 2
    assert bounded_distance("primer", "pinsker", 1) is None
    assert bounded_distance("abc", "abcdef", 2) is None


def test_a_doubled_digit_is_a_different_name_not_a_spelling_variant():
    # Found by the crash trials: tagging "Person 4242-11" landed on "Person 4242-1".
    from evidence_desk.core.entities.translit import spellings

    assert not spellings("Person 4242-11") & spellings("Person 4242-1")
    assert not spellings("Contract QL-100") & spellings("Contract QL-10")
    assert spellings("Russland") & spellings("Rusland")  # doubled letters still fold


@pytest.mark.parametrize(("selected", "name"), [
    ("Nadim F. Aziri,", "Nadim F. Aziri"),  # the comma the drag caught
    ("“Idris V. Sarrouf”;", "Idris V. Sarrouf"),  # quotes around the whole name, and a semicolon
    ("(Ostrovia)", "Ostrovia"),
    ("ООО «Ромашка»,", "ООО «Ромашка»"),  # quotes that are part of the name stay
    ("Qaldara Defence Ltd.", "Qaldara Defence Ltd."),  # an abbreviation keeps its point
    ("—Гарбуз А. В.", "Гарбуз А. В."),  # an initial keeps its point, the dash goes
    ("the agency.", "the agency"),  # a sentence's full stop goes
    ("Müller (GmbH", "Müller (GmbH"),  # an unbalanced bracket inside is the selection's business
    ("  OTE-2021/07\n", "OTE-2021/07"),
    ("...", ""),
])
def test_a_selection_proposes_its_name_without_the_punctuation_around_it(selected, name):
    assert proposed_name(selected) == name
