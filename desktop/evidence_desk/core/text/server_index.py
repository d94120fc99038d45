"""The search index of a case on PostgreSQL, built with the same fold as SQLite's.

A trigger marks every page whose text changed (`page_index_dirty`, migration
0006_server_search); `refresh` re-indexes the marked pages inside the writer's
transaction, before it commits, so the index is never behind a committed page.
The tokens are the ones FTS5 sees on SQLite (`core.text.stream.index_columns`:
the page stream folded, split by the unicode61 token rule), written into the
`tsvector` literally (no PostgreSQL parser or dictionary in between), so a query
finds the same pages on both databases:

- folded tokens with weight A and their positions (phrases are `<->` chains);
- stems with weight B (a word finds the words sharing its stem, as on SQLite);
- `tokens`: the folded tokens joined by spaces, under a trigram index, for the
  substring rule of redaction matching (`core.text.match`).

Limits PostgreSQL sets, and what is done about them: positions above 16,383 are
stored as 16,383, a lexeme keeps at most 255 positions, and a word over 2,046
bytes cannot be a lexeme at all. On a page where any of these bites, a phrase
(`<->`) could match where it is not, or miss where it is; such a page carries the
lexeme `LOST` (no folded token holds a hyphen, so no word finds it), and search
decides a query that needs positions on those pages from their folded token
stream (`tokens`) instead of the tsvector (`core.search`). Matching re-checks
every candidate page anyway."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from evidence_desk.core.text.fold import token_spans
from evidence_desk.core.text.stream import index_columns

MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
MAX_LEXEME_BYTES = 2046
BATCH = 200


def lexeme(token: str) -> str:
    """A token quoted for a tsvector or tsquery literal."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


NEVER = "'too-long-word'"  # no folded token holds a hyphen: this lexeme matches no page
LOST = "'positions-lost'"  # on the pages whose tsvector cannot place every token (see above)


def query_lexeme(token: str) -> str:
    """A query word as a tsquery lexeme. Words too long for PostgreSQL are left out of the
    index (`page_terms`), so a query for one finds nothing instead of failing."""
    return NEVER if len(token.encode()) > MAX_LEXEME_BYTES else lexeme(token)


def page_terms(page_text: str | None, words_json: str | list[Any] | None) -> tuple[str, str]:
    """(tokens joined by spaces, tsvector literal) for one page."""
    if words_json is not None and not isinstance(words_json, str):  # json decoded by the driver
        words_json = json.dumps(words_json, ensure_ascii=False, separators=(",", ":"))
    folded, stems = index_columns(page_text, words_json)
    tokens = [folded[a:b] for a, b in token_spans(folded)]
    positions: dict[str, list[str]] = {}
    lost = len(tokens) > MAX_POSITION
    for index, token in enumerate(tokens, start=1):
        if len(token.encode()) > MAX_LEXEME_BYTES:
            lost = True
            continue
        found = positions.setdefault(token, [])
        if len(found) < MAX_POSITIONS_PER_LEXEME:
            found.append(f"{min(index, MAX_POSITION)}A")
        else:
            lost = True
    for stem in stems.split():
        if len(stem.encode()) <= MAX_LEXEME_BYTES:
            # A stem is a word of its own (weight B); its position is irrelevant but must exist.
            positions.setdefault(stem, []).append(f"{MAX_POSITION}B")
    literal = " ".join(f"{lexeme(word)}:{','.join(dict.fromkeys(pos))}" for word, pos in positions.items())
    if lost:
        literal += (" " if literal else "") + LOST
    return " ".join(tokens), literal


_UPSERT = text(
    "INSERT INTO page_index (page_id, tokens, tsv) VALUES (:id, :tokens, CAST(:tsv AS tsvector)) "
    "ON CONFLICT (page_id) DO UPDATE SET tokens = EXCLUDED.tokens, tsv = EXCLUDED.tsv"
)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start:start + BATCH]


def refresh(session: Session) -> int:
    """Index every page marked dirty in this transaction (or left marked by a writer that
    died); return how many."""
    ids = sorted(session.execute(text("DELETE FROM page_index_dirty RETURNING page_id")).scalars())
    for chunk in _chunks(ids):
        rows = session.execute(text("SELECT id, text, words FROM pages WHERE id = ANY(:ids)"),
                               {"ids": list(chunk)}).all()
        params = []
        for row in rows:
            tokens, tsv = page_terms(row.text, row.words)
            params.append({"id": row.id, "tokens": tokens, "tsv": tsv})
        if params:
            session.execute(_UPSERT, params)
    return len(ids)


def mark_all(session: Session) -> None:
    session.execute(text("INSERT INTO page_index_dirty (page_id) SELECT id FROM pages ON CONFLICT DO NOTHING"))


def stale_pages(session: Session) -> list[int]:
    """Pages whose index entry is missing or differs from what their text gives."""
    stale: list[int] = []
    ids = list(session.execute(text("SELECT id FROM pages ORDER BY id")).scalars())
    for chunk in _chunks(ids):
        rows = session.execute(text(
            "SELECT p.id, p.text, p.words, pi.tokens, pi.tsv::text AS tsv FROM pages p "
            "LEFT JOIN page_index pi ON pi.page_id = p.id WHERE p.id = ANY(:ids)"), {"ids": list(chunk)}).all()
        for row in rows:
            if row.tokens is None:
                stale.append(row.id)
                continue
            tokens, tsv = page_terms(row.text, row.words)
            same = session.execute(text("SELECT CAST(:tsv AS tsvector)::text = :stored"),
                                   {"tsv": tsv, "stored": row.tsv}).scalar_one()
            if tokens != row.tokens or not same:
                stale.append(row.id)
    return stale


def candidate_pages(session: Session, forms: Sequence[str], document_id: int | None,
                    stems: Sequence[str]) -> list[int]:
    """Pages whose tokens hold one of `forms` as a substring, or a word with one of `stems`."""
    clauses: list[str] = []
    params: dict[str, object] = {}
    for i, form in enumerate(forms):
        if not form:
            continue
        escaped = form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"f{i}"] = f"%{escaped}%"
        clauses.append(f"tokens LIKE :f{i}")
    if stems:
        params["stems"] = " | ".join(f"{query_lexeme(s)}:B" for s in sorted(stems))
        clauses.append("tsv @@ CAST(:stems AS tsquery)")
    if not clauses:
        return []
    sql = "SELECT pi.page_id FROM page_index pi"
    where = "(" + " OR ".join(clauses) + ")"
    if document_id is not None:
        sql += " JOIN pages p ON p.id = pi.page_id"
        where += " AND p.document_id = :doc"
        params["doc"] = document_id
    return sorted(session.execute(text(f"{sql} WHERE {where}"), params).scalars())
