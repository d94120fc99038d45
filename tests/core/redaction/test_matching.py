"""Finding every occurrence to redact: strings, patterns, entities, across lines."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Redaction
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Word
from evidence_desk.core.redaction.entity_hits import find_entity_hits
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from evidence_desk.core.text.stream import PageStream

LETTER = [[
    (72, 100, "The shipment for Ivan Petrov arrived."),
    (72, 120, "Copy to IVAN PETROV and to the Harbour Authority, ref"),
    (72, 135, "EX-2021/0457. Mr Ivan"),
    (72, 150, "Petrov signed; Anti-"),
    (72, 165, "drone stations were listed. Luka-"),
    (72, 180, "shenko was not named."),
]]


def _count(case: Case) -> int:
    with case.read() as s:
        return int(s.execute(select(func.count(Redaction.id))).scalar_one())


def test_every_occurrence_is_found_case_insensitively_and_across_line_breaks(
        case: Case, import_lines: Callable[..., int]) -> None:
    doc = import_lines(LETTER)
    hits = find_hits(case, "ivan petrov")
    assert [h.text for h in hits] == ["Ivan Petrov", "IVAN PETROV", "Ivan Petrov"]
    across = hits[2]
    assert len(across.rects) == 2  # one rectangle per line
    assert across.rects[0].y0 < across.rects[1].y0
    assert all(h.document_id == doc and h.page == 1 for h in hits)
    assert "[Ivan" in across.context and "signed" in across.context


def test_a_word_hyphenated_at_a_line_end_is_found_whole(case: Case, import_lines: Callable[..., int]) -> None:
    import_lines(LETTER)
    [hit] = find_hits(case, "Lukashenko")
    assert len(hit.rects) == 2
    assert hit.text == "Lukashenko"
    [compound] = find_hits(case, "anti-drone")
    assert len(compound.rects) == 2


def test_a_regular_expression_finds_reference_numbers(case: Case, import_lines: Callable[..., int]) -> None:
    import_lines(LETTER)
    [hit] = find_hits(case, r"EX-\d{4}/\d{4}", regex=True)
    assert hit.text.startswith("EX-2021/0457")
    with pytest.raises(InvalidInputError, match="regular expression"):
        find_hits(case, "([", regex=True)


def test_part_of_a_word_gets_a_slice_of_the_word_box(case: Case, import_lines: Callable[..., int]) -> None:
    import_lines([[(72, 100, "Ask Petrovich today")]])
    [hit] = find_hits(case, "petrov")
    [word] = [Word.from_row(r) for r in _page_words(case) if r[4] == "Petrovich"]
    [rect] = hit.rects
    assert hit.text == "Petrov"
    assert rect.x0 == word.rect.x0 and rect.x1 < word.rect.x1  # "ich" stays readable
    assert PageStream.build([word]).folded == "petrovich"


def _page_words(case: Case) -> list[list[object]]:
    from evidence_desk.core.db.models import Page

    with case.read() as s:
        return list(s.execute(select(Page.words)).scalars().first())


def test_preview_marks_nothing_and_marking_is_one_undoable_edit(
        case: Case, import_lines: Callable[..., int]) -> None:
    import_lines(LETTER)
    hits = find_hits(case, "Ivan Petrov")
    assert _count(case) == 0
    case.apply(redact_hits_edit(case, hits, "personal", note="witness"))
    assert _count(case) == 4  # 3 hits, one spans two lines
    with case.read() as s:
        rows = s.execute(select(Redaction)).scalars().all()
    assert {r.status for r in rows} == {"proposed"} and {r.note for r in rows} == {"witness"}
    assert len({r.group_uid for r in rows}) == 3
    case.history.undo()
    assert _count(case) == 0


def test_search_can_be_limited_to_one_document(case: Case, import_lines: Callable[..., int]) -> None:
    first = import_lines(LETTER)
    second = import_lines([[(72, 100, "Ivan Petrov again")]])
    assert {h.document_id for h in find_hits(case, "Ivan Petrov")} == {first, second}
    assert {h.document_id for h in find_hits(case, "Ivan Petrov", second)} == {second}


def test_an_entity_is_found_by_every_alias(case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.commands.entities import AddEntity

    import_lines([[(72, 100, "Belarus signed. Беларусь and Weissrussland too.")]])
    case.apply(AddEntity("Belarus", "place", ("Беларусь", "Weissrussland")))
    hits = find_entity_hits(case, "Belarus")
    assert sorted(h.text for h in hits) == sorted(["Belarus", "Беларусь", "Weissrussland"])
    with pytest.raises(NotFoundError):
        find_entity_hits(case, "Atlantis")


def test_empty_search_and_no_hits_are_refused(case: Case, import_lines: Callable[..., int]) -> None:
    import_lines(LETTER)
    with pytest.raises(InvalidInputError):
        find_hits(case, "   ")
    with pytest.raises(InvalidInputError, match="no matches"):
        redact_hits_edit(case, find_hits(case, "nothing like this"), "personal")


def test_a_name_typed_without_its_umlaut_is_found_as_search_and_tagging_find_it(
        case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.entities.registry import tag_edit
    from evidence_desk.core.search import search

    doc = import_lines([[(72, 100, "Witness: Hans Müller, Zürich.")]])
    assert [h.page for h in search(case, "Muller")] == [1]
    case.apply(tag_edit(case, doc, 1, "Hans Müller", "person", quote="Muller"))
    [hit] = find_hits(case, "Muller")
    assert hit.text == "Müller"
    [back] = find_hits(case, "MÜLLER")
    assert back.rects == hit.rects


def test_sharp_s_and_ss_find_each_other_in_search_and_redaction(
        case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.search import search

    import_lines([[(72, 100, "Ausfuhr nach Weißrussland."), (72, 120, "Transit: WEISSRUSSLAND.")]])
    assert [h.page for h in search(case, "Weissrussland")] == [1]
    assert [h.page for h in search(case, "weißrussland")] == [1]
    assert sorted(h.text for h in find_hits(case, "Weissrussland")) == ["WEISSRUSSLAND", "Weißrussland"]
    assert len(find_hits(case, "Weißrussland")) == 2


def _garbuz(case: Case) -> int:
    from evidence_desk.core.commands.entities import AddEntity

    entity = AddEntity("Garbuz", "person", aliases=("Harbuz", "Garbus", "Гарбуз", "Харбуз"))
    case.apply(entity)
    return int(entity.created_id)  # type: ignore[arg-type]


GARBUZ_PAGE = [[
    (72, 100, "Garbuz met Harbuz in Minsk; Garbus signed."),
    (72, 120, "Письмо Гарбузу от Харбуза, копия: Гaрбуз."),  # "Гaрбуз" with a Latin "a"
    (72, 140, "Nobody else: Garbage, Гарантия."),
]]


def test_an_entity_with_four_aliases_across_scripts_is_found_in_every_form(
        case: Case, import_lines: Callable[..., int]) -> None:
    import_lines(GARBUZ_PAGE)
    _garbuz(case)
    hits = find_entity_hits(case, "Garbuz")
    assert sorted(h.text.strip(".,;:") for h in hits) == sorted(
        ["Garbuz", "Harbuz", "Garbus", "Гарбузу", "Харбуза", "Гaрбуз"])
    assert all(len(h.rects) == 1 for h in hits)


def test_redact_every_occurrence_of_an_entity_name_reaches_its_aliases(
        case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.redaction.entity_hits import find_occurrences

    import_lines(GARBUZ_PAGE)
    _garbuz(case)
    by_text = {h.text.strip(".,;:") for h in find_occurrences(case, "Garbuz")}
    by_entity = {h.text.strip(".,;:") for h in find_occurrences(case, "Garbuz", entity=True)}
    assert by_text == by_entity and "Гарбузу" in by_text and "Harbuz" in by_text
    assert {h.text for h in find_occurrences(case, "Minsk")} == {"Minsk"}  # not an entity: the text only


def test_only_pages_the_index_names_are_read(case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.progress import Progress

    import_lines([[(72, 100, "Nothing to see.")], [(72, 100, "Still nothing.")], [(72, 100, "Petrovich here.")]])
    progress = Progress()
    [hit] = find_hits(case, "petrov", progress=progress)
    assert hit.page == 3 and progress.total == 1  # one candidate page loaded, not three
    everything = Progress()
    find_hits(case, r"n\w+g", regex=True, progress=everything)
    assert everything.total == 3  # a pattern cannot be narrowed by the index


def test_a_pattern_that_backtracks_without_end_is_a_clear_error(
        case: Case, import_lines: Callable[..., int]) -> None:
    import_lines([[(72, 100, "a" * 40 + "!")]])
    assert find_hits(case, r"(a+)+$", regex=True) == []  # the regex engine sees through this one
    with pytest.raises(InvalidInputError, match="took more than"):
        find_hits(case, r"(a|aa)+$", regex=True)


def test_a_cancelled_search_stops_at_the_next_batch_of_pages(case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.errors import CancelledError
    from evidence_desk.core.progress import Progress

    import_lines([[(72, 100, "Petrov")]])
    progress = Progress()
    progress.cancel()
    with pytest.raises(CancelledError):
        find_hits(case, "petrov", progress=progress)


def test_redaction_marks_the_inflected_forms_search_finds(case: Case, import_lines: Callable[..., int]) -> None:
    from evidence_desk.core.search import search

    import_lines([[(72, 100, "Письмо Гарбузу и Гарбузом."), (72, 120, "Nothing else here.")]])
    assert [h.page for h in search(case, "Гарбуз")] == [1]
    assert sorted(h.text for h in find_hits(case, "Гарбуз")) == ["Гарбузом", "Гарбузу"]
