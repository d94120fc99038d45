"""The page stream read from stored JSON is the stream built from word rows, and the
shortcuts matching takes (one-token forms looked for in the folded view, stems
looked up per distinct token) find what the token-by-token rule finds."""

from __future__ import annotations

import json
import random

import pytest

from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.text import stream
from evidence_desk.core.text.fold import fold_tokens, is_token_char, token_spans
from evidence_desk.core.text.match import find_literal, literal
from evidence_desk.core.text.stems import stems_of
from evidence_desk.core.text.stream import PageStream

WORDS = ["Weißrussland", "Müller", "Гарбуз", "Гарбузу", "Гaрбуз", "Lieferungen", "Lieferung", "radar",
         "radars", "fire-control", "Luka-", "shenko", "ﬁnance", "(Smith's)", "42-11", "Zürich,", "—"]


def _rows(rng: random.Random, n: int) -> list[list[object]]:
    out = []
    for i in range(n):
        line = i // 6
        out.append([10.0 + 40 * (i % 6), 10.0 + 12 * line, 48.0 + 40 * (i % 6), 20.0 + 12 * line,
                    rng.choice(WORDS), 0, line, i % 6])
    return out


def _by_tokens(stream: PageStream, query: str) -> list[tuple[int, int]]:
    """The rule as written before the shortcuts: forms in the tokens view, stems token by token."""
    lit = literal(query)
    tokens = stream.tokens
    found = set()
    for form in lit.forms:
        pos = tokens.find(form)
        while pos >= 0:
            found.add(stream.text_range("tokens", pos, pos + len(form)))
            pos = tokens.find(form, pos + len(form))
    if lit.stems:
        pos = 0
        for token in tokens.split(" "):
            if token and stems_of([token]).get(token, frozenset()) & lit.stems:
                found.add(stream.text_range("tokens", pos, pos + len(token)))
            pos += len(token) + 1
        found = {m for m in found if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in found)}
    return sorted(found)


def test_the_stream_read_from_stored_json_is_the_stream_built_from_rows() -> None:
    rng = random.Random(5)
    for _ in range(50):
        rows = _rows(rng, rng.randrange(1, 40))
        built, read = PageStream.build(rows), PageStream.from_json(json.dumps(rows), "")
        assert (read.text, read.starts, read.lengths) == (built.text, built.starts, built.lengths)
        assert read.words == built.words == [Word.from_row(r) for r in rows]


def test_a_word_hyphenated_at_a_line_end_joins_the_next_line() -> None:
    rows = [[0, 0, 20, 10, "Luka-", 0, 0, 0], [0, 12, 30, 22, "shenko", 0, 1, 0], [40, 12, 60, 22, "said", 0, 1, 1]]
    stream = PageStream.from_json(json.dumps(rows), "")
    assert stream.text == "Lukashenko said"
    assert stream.regions(0, 10) == [Rect(0, 0, 20, 10), Rect(0, 12, 30, 22)]


def test_rows_of_another_shape_are_read_one_by_one_and_bad_ones_skipped() -> None:
    rows = [[0, 0, 10, 10, "good", 0, 0, 0, 91.5], ["x", 0, 10, 10, "bad", 0, 0, 1], [0, 0, 10, 10, "  ", 0, 0, 2],
            ["1.5", 0, 10, 10, "numbers-as-text", 0, 0, 3]]
    stream = PageStream.from_json(json.dumps(rows), "")
    assert stream.text == "good numbers-as-text"
    assert stream.words[0].confidence == 91.5
    assert PageStream.from_json("not json", "fallback").text == "fallback"


def test_matching_finds_what_the_token_by_token_rule_finds() -> None:
    rng = random.Random(9)
    for _ in range(60):
        stream = PageStream.from_json(json.dumps(_rows(rng, rng.randrange(5, 60))), "")
        for query in ("radar", "Гарбуз", "Muller", "Weissrussland", "Lieferung", "fire control", "Lukashenko",
                      "finance", "smith", "42-11"):
            got = [(m.start, m.end) for m in find_literal(stream, literal(query))]
            assert got == _by_tokens(stream, query), (query, stream.text)


def test_stem_matches_are_whole_tokens() -> None:
    stream = PageStream.from_json(json.dumps(_rows(random.Random(1), 50)), "")
    folded = stream.folded
    spans = set(token_spans(folded))
    for a, b in stream.stem_matches(literal("Гарбуз").stems):
        assert (a, b) in spans
        assert not (a and is_token_char(folded[a - 1]))
    assert fold_tokens("Гарбузу")[0] in {folded[a:b] for a, b in stream.stem_matches(literal("Гарбуз").stems)}


def test_index_columns_computed_ahead_are_the_computed_ones_taken_once_and_forgotten_when_not(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    pages = [(f"page {i}", json.dumps(_rows(rng, 30 + i))) for i in range(6)]
    computed = [stream._computed_columns(*page) for page in pages]
    stream.warm_index(pages[:4])
    monkeypatch.setattr(stream, "_computed_columns", _must_not_compute)
    stream.index_columns.cache_clear()
    assert [stream.index_columns(*page) for page in pages[:3]] == computed[:3]  # taken, not computed
    stream.index_columns.cache_clear()
    with pytest.raises(AssertionError):  # taken once: the next insert of that page computes again
        stream.index_columns(*pages[0])
    stream.forget_warm(pages)
    with pytest.raises(AssertionError):  # warmed but never taken, then forgotten
        stream.index_columns(*pages[3])
    monkeypatch.undo()
    stream.index_columns.cache_clear()
    assert [stream.index_columns(*page) for page in pages] == computed


def _must_not_compute(text: str | None, words_json: str | None) -> tuple[str, str]:
    raise AssertionError("computed again")
