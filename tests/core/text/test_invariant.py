"""Search ⊆ redaction ⊆ viewer: for any word, every page search returns is a page
"redact every occurrence" marks, and every box it marks is a box the viewer's find
highlights. Checked with several hundred words sampled (seeded) from real pages —
the demo case and a sample of the shared corpus — with accents, ß, Cyrillic and
mixed case."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Page
from evidence_desk.core.geometry import Word
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.redaction.matching import find_hits
from evidence_desk.core.search import search
from evidence_desk.core.text.fold import fold, is_token_char
from evidence_desk.ui.viewer.text_layer import TextLayer

CORPUS_FILES = 24
OPERATORS = {"OR", "AND", "NOT", "NEAR"}


@pytest.fixture(scope="module")
def demo(demo_copy: Callable[[Path], Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    case = Case.open(demo_copy(tmp_path_factory.mktemp("demo") / "case"))
    yield case
    case.close()


@pytest.fixture(scope="module")
def corpus_case(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["kind"] == "pdf" and r["expect"] == "ok"]
    rows.sort(key=lambda r: r["path"])
    chosen = random.Random(2026).sample(rows, CORPUS_FILES)
    case = Case.open(tmp_path_factory.mktemp("corpus") / "case", create=True)
    import_paths(case, [corpus / r["path"] for r in chosen], ImportOptions(ocr="never"))
    yield case
    case.close()


def _strip(word: str) -> str:
    chars = list(word)
    while chars and not is_token_char(chars[0]):
        chars.pop(0)
    while chars and not is_token_char(chars[-1]):
        chars.pop()
    return "".join(chars)


def sample_words(case: Case, n: int, seed: int) -> list[str]:
    """`n` words from the case's pages, at least a fifth of them each with accents, with
    ß and in Cyrillic when the pages have them, each in a random mix of case."""
    with case.read() as s:
        words = {w for rows in s.execute(select(Page.words)).scalars() for w in
                 (_strip(Word.from_row(r).text) for r in rows or []) if w and w not in OPERATORS}
    pool = sorted(words)
    rng = random.Random(seed)
    special = [
        [w for w in pool if fold(w) != w.lower() and "ß" not in w],  # accents and other folds
        [w for w in pool if "ß" in w],
        [w for w in pool if any("\u0400" <= ch <= "\u04ff" for ch in w)],
    ]
    chosen: list[str] = []
    for group in special:
        chosen += rng.sample(group, min(len(group), n // 5))
    chosen += rng.sample(pool, min(len(pool), n - len(chosen)))
    cases = [str.upper, str.lower, str.title, str, lambda w: "".join(rng.choice((c.upper(), c.lower())) for c in w)]
    return [rng.choice(cases)(w) for w in chosen if rng.choice(cases)(w).upper() not in OPERATORS]


def _layers(case: Case) -> dict[tuple[int, int], TextLayer]:
    with case.read() as s:
        rows = s.execute(select(Page.document_id, Page.number, Page.words)).all()
    return {(d, n): TextLayer(w or []) for d, n, w in rows}


def check_invariant(case: Case, words: list[str]) -> int:
    checked = 0
    layers = _layers(case)
    for word in words:
        if word.upper() in OPERATORS:
            continue
        searched = {(h.doc, h.page) for h in search(case, word, limit=1_000_000)}
        hits = find_hits(case, word)
        marked = {(h.document_id, h.page) for h in hits}
        assert searched <= marked, f"{word!r}: search finds pages redaction misses: {sorted(searched - marked)}"
        for hit in hits:
            shown = layers[(hit.document_id, hit.page)].find([word])
            assert all(r in shown for r in hit.rects), f"{word!r}: marked box not highlighted on {hit.page}"
        checked += bool(searched)
    return checked


def test_search_is_within_redaction_is_within_the_viewer_on_the_demo_case(demo: Case) -> None:
    words = sample_words(demo, 300, seed=9)
    assert any("ß" in w.lower() or "SS" in w for w in words)
    assert check_invariant(demo, words) > 200  # sampled from pages, so nearly all are found


def test_search_is_within_redaction_is_within_the_viewer_on_real_pdfs(corpus_case: Case) -> None:
    words = sample_words(corpus_case, 300, seed=10)
    assert check_invariant(corpus_case, words) > 200
