"""The search index stores each page's stream in the fold form.

FTS5's own tokenizer cannot fold `ß` or look-alike letters, so the index is
built over a view, `pages_search`, whose columns are computed by this module's
SQL functions: `text` (the folded stream) and `stems` (its words' stems,
`core.text.stems`); triggers on `pages` keep it in step (migrations
0002_text_fold, 0003_text_stems). Every connection to a case registers the
function (`core.db.engine`); a bare `sqlite3` shell without it can read a case
but cannot change page text, which fails loudly instead of drifting from the index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from evidence_desk.core.text.stream import index_stems, index_text

INDEX_FUNCTION = "evidence_index_text"
STEMS_FUNCTION = "evidence_index_stems"


def register_functions(connection: sqlite3.Connection) -> None:
    connection.create_function(INDEX_FUNCTION, 2, index_text, deterministic=True)
    connection.create_function(STEMS_FUNCTION, 2, index_stems, deterministic=True)


MAX_TERMS = 400  # vocabulary terms one word may expand to before narrowing is not worth it


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _expr_for(session: Session, form: str) -> str | None:
    """An FTS5 expression matching (at least) every page where `form` (folded tokens
    joined by spaces) occurs by the substring rule of `core.text.match`; "" when no
    page can hold it, None when the first word is too common to narrow by."""
    first, *rest = form.split(" ")
    if rest:
        sql = "SELECT term FROM pages_fts_terms WHERE col = 'text' AND substr(term, -length(:q)) = :q LIMIT :n"
    else:
        sql = "SELECT term FROM pages_fts_terms WHERE col = 'text' AND instr(term, :q) > 0 LIMIT :n"
    terms = list(session.execute(text(sql), {"q": first, "n": MAX_TERMS + 1}).scalars())
    if not terms:
        return ""
    if len(terms) > MAX_TERMS:
        return None
    expr = "text : (" + " OR ".join(_quote(t) for t in terms) + ")"
    for middle in rest[:-1]:
        expr += f" AND text : {_quote(middle)}"
    if rest:
        expr += f" AND text : {_quote(rest[-1])}*"
    return expr


def candidate_pages(session: Session, forms: Sequence[str], document_id: int | None = None,
                    stems: Iterable[str] = ()) -> list[int] | None:
    """Ids of the pages that may hold any of the literal forms or a word with one of the
    stems, read from the search index and its vocabulary (only those pages need
    loading); None: every page may."""
    if session.get_bind().dialect.name == "postgresql":
        from evidence_desk.core.text import server_index

        return server_index.candidate_pages(session, list(forms), document_id, sorted(stems))
    found: set[int] = set()
    exprs = [_expr_for(session, form) for form in forms]
    if any(expr is None for expr in exprs):
        return None
    stems = sorted(stems)
    if stems:
        exprs.append("stems : (" + " OR ".join(_quote(s) for s in stems) + ")")
    for expr in exprs:
        if not expr:
            continue
        params: dict[str, object] = {"q": expr}
        sql = "SELECT pages_fts.rowid FROM pages_fts"
        if document_id is not None:
            sql += " JOIN pages ON pages.id = pages_fts.rowid WHERE pages_fts MATCH :q AND pages.document_id = :doc"
            params["doc"] = document_id
        else:
            sql += " WHERE pages_fts MATCH :q"
        found.update(session.execute(text(sql), params).scalars())
    return sorted(found)
