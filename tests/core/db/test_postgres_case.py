"""A team case on a real PostgreSQL server: the same schema through the same migrations,
the same search as SQLite (one fold, one tokenisation), writers that queue instead of
interleaving, and `case copy` between the two databases, verified row for row."""

from __future__ import annotations

import csv
import itertools
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from evidence_desk.core.case import Case
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.copy_case import copy_case
from evidence_desk.core.db.location import CASE_TOML, read_case_toml
from evidence_desk.core.db.models import AuditEntry, Mention, Note, Page, Redaction
from evidence_desk.core.errors import CaseError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.redaction.matching import find_hits
from evidence_desk.core.search import search
from evidence_desk.core.verify_case import verify_case
from tests import pg
from tests.core.pdfs import write_text_pdf
from tests.core.text.test_invariant import check_invariant, sample_words

REPO = Path(__file__).resolve().parents[3]
LETTER = ["Hans Müller schrieb nach Weißrussland über die Lieferung an Гарбузу.",
          "Vertrag Nr. 2021-0457 vom 19. Februar 2021; Radarstationen, EUR 1.250.000,00."]


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    return write_text_pdf(tmp_path / "letter.pdf", LETTER)


def test_a_team_case_imports_searches_tags_redacts_and_verifies(pg_case_dir: Path, letter: Path) -> None:
    with Case.open(pg_case_dir) as case:
        assert case.on_server and not (pg_case_dir / "case.sqlite").exists()
        [doc] = import_paths(case, [letter], ImportOptions(ocr="never")).imported
        for query, page in (("Muller", 1), ("weissrussland", 1), ("Гарбуз", 1), ('"vertrag nr"', 2),
                            ("2021-0457", 2), ("Radar*", 2), ("Müller -Vertrag", 1)):
            assert [(h.doc, h.page) for h in search(case, query)] == [(doc.document_id, page)], query
        case.apply(Tag(doc.document_id, 1, entity="Hans Müller", entity_type="person", quote="Hans Müller"))
        hits = find_hits(case, "Muller")
        assert [(h.document_id, h.page) for h in hits] == [(doc.document_id, 1)]
        case.apply(AddNote(doc.document_id, "Compare with the Minsk copy."))
        case.history.undo()
        report = verify_case(case)
        assert report.ok, report.problems
        with case.read() as s:
            assert s.execute(select(func.count()).select_from(Mention)).scalar_one() == 1
            assert s.execute(select(func.count()).select_from(Note)).scalar_one() == 0


def test_the_audit_log_is_append_only_on_the_server_too(pg_case_dir: Path) -> None:
    with Case.open(pg_case_dir) as case:
        with pytest.raises(Exception, match="append-only"), case.write() as s:
            s.execute(text("DELETE FROM audit_log"))
        with case.read() as s:
            assert s.execute(select(func.count()).select_from(AuditEntry)).scalar_one() >= 1


def test_a_database_url_opens_the_case_through_its_shared_folder(pg_case_dir: Path, letter: Path) -> None:
    with Case.open(pg_case_dir) as case:
        import_paths(case, [letter], ImportOptions(ocr="never"))
    url = read_case_toml(pg_case_dir)
    assert url is not None
    with Case.open(url) as case:
        assert case.path == pg_case_dir.resolve()
        assert [h.page for h in search(case, "Weißrussland")] == [1]


def test_a_database_without_a_case_and_a_password_in_case_toml_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="holds no Evidence Desk case"):
        Case.open(pg.empty_database())
    from evidence_desk.core.db.location import write_case_toml

    with pytest.raises(CaseError, match="password"):
        write_case_toml(tmp_path, "postgresql://alice:secret@db.example/arms")
    (tmp_path / CASE_TOML).write_text("[database]\nurl = 42\n")
    with pytest.raises(CaseError, match="names no database"):
        Case.open(tmp_path)


@pytest.fixture(scope="module")
def corpus_pair(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Case, Case]]:
    """Real PDFs of the shared corpus in a SQLite case, and the same case copied to PostgreSQL."""
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["kind"] == "pdf" and r["expect"] == "ok"]
    rows.sort(key=lambda r: r["path"])
    chosen = random.Random(16).sample(rows, 10)
    lite = Case.open(tmp_path_factory.mktemp("lite") / "case", create=True)
    import_paths(lite, [corpus / r["path"] for r in chosen], ImportOptions(ocr="never"))
    report = copy_case(lite, pg.empty_database(), folder=tmp_path_factory.mktemp("shared") / "case")
    assert report.ok, report.problems
    server = Case.open(report.folder)
    yield lite, server
    server.close()
    lite.close()


def test_the_same_query_finds_the_same_pages_on_both_databases(corpus_pair: tuple[Case, Case]) -> None:
    lite, server = corpus_pair
    words = sample_words(lite, 160, seed=16)
    rng = random.Random(16)
    queries = words + [w[: max(2, len(w) // 2)] + "*" for w in rng.sample(words, 40)]
    queries += [f'"{a} {b}"' for a, b in zip(words[::7], words[1::7], strict=False)]
    queries += [f"{a} OR {b}" for a, b in zip(words[::11], words[3::11], strict=False)]
    pairs = _adjacent_words(lite, 40, seed=16)  # phrases that are on the pages
    queries += [f'"{a} {b}"' for a, b in pairs]
    queries += [f"{a}-{b[:2]}*" for a, b in pairs[:15]]  # a phrase whose last word is a prefix
    queries += [f"{a} -{b}" for a, b in zip(words[::9], words[2::9], strict=False)]
    queries += [f'{a} -"{b} {c}"' for (a, _), (b, c) in zip(pairs[::2], pairs[1::2], strict=False)]
    queries += [f'-{b} "{a} {b}" OR {c}' for (a, b), c in zip(pairs[::3], words[5::3], strict=False)]
    found: dict[str, bool] = {}
    for query in queries:
        want = sorted((h.doc, h.page) for h in search(lite, query, limit=100_000))
        got = sorted((h.doc, h.page) for h in search(server, query, limit=100_000))
        assert got == want, query
        found[query] = bool(want)
    assert sum(found.values()) > 150
    assert sum(found[f'"{a} {b}"'] for a, b in pairs) >= len(pairs) * 3 // 4 >= 30


def _adjacent_words(case: Case, n: int, seed: int) -> list[tuple[str, str]]:
    """`n` pairs of words that stand next to each other on a page of the case."""
    with case.read() as s:
        pages = [t for t in s.execute(select(Page.text)).scalars() if t]
    pairs = sorted({(a, b) for t in pages for a, b in itertools.pairwise(re.findall(r"\w+", t))
                    if a.isalpha() and b.isalpha() and len(a) > 2 and len(b) > 2})
    return random.Random(seed).sample(pairs, min(n, len(pairs)))


def test_search_is_within_redaction_is_within_the_viewer_on_postgresql(corpus_pair: tuple[Case, Case]) -> None:
    _, server = corpus_pair
    assert check_invariant(server, sample_words(server, 120, seed=17)) > 80


def test_a_case_copied_to_postgresql_and_back_is_the_same_row_for_row(corpus_pair: tuple[Case, Case],
                                                                      tmp_path: Path) -> None:
    lite, server = corpus_pair
    back = copy_case(server, tmp_path / "back")
    assert back.ok, back.problems
    assert back.rows == copy_case(lite, tmp_path / "again").rows
    with Case.open(tmp_path / "back") as case:
        assert not case.on_server and verify_case(case).ok
        assert sorted(h.page for h in search(case, "the")) == sorted(h.page for h in search(lite, "the"))


def _long_page() -> str:
    """One page of 16,700 words, past what a tsvector can place: `ditto` 301 times (a lexeme
    keeps 255 positions) with `omega` after the last; `gamma` at word 16,382 and `delta` at
    16,600, `alpha beta` in a row at 16,500 (positions over 16,383 are stored as 16,383)."""
    words = [w for i in range(300) for w in ("ditto", f"w{i}")] + ["ditto", "omega"]
    words += [f"w{i}" for i in range(len(words), 16381)] + ["gamma"]
    words += [f"w{i}" for i in range(len(words), 16499)] + ["alpha", "beta"]
    words += [f"w{i}" for i in range(len(words), 16599)] + ["delta"]
    words += [f"w{i}" for i in range(len(words), 16700)]
    return " ".join(words)


def test_a_phrase_past_what_a_tsvector_can_place_is_found_as_on_sqlite(pg_case_dir: Path, tmp_path: Path) -> None:
    long_pdf = write_text_pdf(tmp_path / "long.pdf", [_long_page()], fontsize=1.6)
    short_pdf = write_text_pdf(tmp_path / "short.pdf", ["alpha beta gamma delta ditto"])
    want = {'"alpha beta"': ["long.pdf", "short.pdf"], '"gamma delta"': ["short.pdf"],
            '"ditto omega"': ["long.pdf"], '"beta alpha"': [], "alpha-be*": ["long.pdf", "short.pdf"],
            'alpha -"gamma delta"': ["long.pdf"], '"ditto w299" OR "gamma delta"': ["long.pdf", "short.pdf"],
            "omega": ["long.pdf"], '-"alpha beta" ditto': []}
    for folder in (tmp_path / "lite", pg_case_dir):
        with Case.open(folder, create=True) as case:
            imported = import_paths(case, [long_pdf, short_pdf], ImportOptions(ocr="never")).imported
            with case.read() as s:
                assert s.execute(text("SELECT length(text) FROM pages ORDER BY id")).scalars().first() > 100_000
            for query, files in want.items():
                assert sorted(h.filename for h in search(case, query)) == files, (case.on_server, query)
            long_id = imported[0].document_id
            assert [h.page for h in search(case, '"alpha beta"', document_id=long_id)] == [1]
            assert len(search(case, '"alpha beta"', limit=1)) == 1
            assert verify_case(case).ok


WRITER = """
import sys
from evidence_desk.core.case import Case
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.redaction import MarkRedaction, Spot
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.geometry import Rect

folder, who, doc, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with Case.open(folder, author=who) as case:
    for i in range(rounds):
        case.apply(Tag(doc, 1 + i % 2, entity=f"{who} entity {i % 3}", entity_type="person",
                       rect=Rect(10 + i, 10, 40 + i, 20)))
        case.apply(AddNote(doc, f"{who} note {i}"))
        case.apply(MarkRedaction([Spot(doc, 1 + i % 2, (Rect(100 + i, 300, 140 + i, 310),))], "personal"))
        print(f"{who} {i}", flush=True)
"""


def test_two_investigators_editing_one_case_at_once_lose_nothing(pg_case_dir: Path, letter: Path,
                                                                tmp_path: Path) -> None:
    with Case.open(pg_case_dir) as case:
        [doc] = import_paths(case, [letter], ImportOptions(ocr="never")).imported
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rounds = 12
    env = {**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'desktop'}"}
    procs = [subprocess.Popen([sys.executable, str(script), str(pg_case_dir), who, str(doc.document_id),
                               str(rounds)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for who in ("alice", "bob")]
    outputs = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outputs]
    with Case.open(pg_case_dir) as case:
        report = verify_case(case)
        assert report.ok, report.problems
        with case.read() as s:
            notes = set(s.execute(select(Note.text)).scalars())
            assert notes == {f"{who} note {i}" for who in ("alice", "bob") for i in range(rounds)}
            assert s.execute(select(func.count()).select_from(Mention)).scalar_one() == 2 * rounds
            assert s.execute(select(func.count()).select_from(Redaction)).scalar_one() == 2 * rounds
            authors = {a for a in s.execute(select(AuditEntry.author)).scalars()}
            assert {"alice", "bob"} <= authors
