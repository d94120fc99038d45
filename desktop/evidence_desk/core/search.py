"""Full-text search over page text (FTS5), ranked, with snippets.

The query language is what people type into a search box: words (all must
match), "quoted phrases", prefix* searches, OR between alternatives and -word to
exclude. It is translated into a safe FTS5 expression: every term is quoted, so
nothing the user types can be an FTS5 syntax error or an injection, and folded
(`core.text.fold`) as the index is, so "Weissrussland" finds "Weißrussland". A
word also finds the words that share its stem ("Гарбуз" finds "Гарбузу",
`core.text.stems`); a "quoted phrase" and a prefix* stay exact.
Snippets are cut from the page's words as written (`core.text.snippet`).

On PostgreSQL the same expression is a tsquery over `core.text.server_index`. A
page whose tsvector cannot place every token (past the 16,383rd word, a word over
255 times, a word too long to be a lexeme: marked `server_index.LOST`) cannot
answer a phrase from its positions; a query with a phrase in it is decided on
those pages from their folded token stream (`Leaf.found_in`), as FTS5 would."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, TextClause, text
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.text import server_index
from evidence_desk.core.text.fold import fold, fold_tokens
from evidence_desk.core.text.server_index import query_lexeme as lexeme
from evidence_desk.core.text.snippet import snippet
from evidence_desk.core.text.stems import token_stems
from evidence_desk.core.text.stream import PageStream

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
SNIPPET_OPEN = "\u27e8"  # ⟨ … ⟩ mark the match in snippets; the CLI and GUI restyle them
SNIPPET_CLOSE = "\u27e9"


@dataclass(frozen=True)
class SearchHit:
    doc: int
    filename: str
    page: int
    snippet: str
    rank: float

    def to_json(self) -> dict[str, object]:
        return {"doc": self.doc, "filename": self.filename, "page": self.page,
                "snippet": self.snippet, "rank": round(self.rank, 4)}


@dataclass(frozen=True)
class Leaf:
    """One word or phrase of a query, folded: tokens in a row (the last one a prefix if
    `prefix`), or, for one word, any word with one of `stems`."""
    tokens: tuple[str, ...]
    prefix: bool = False
    stems: tuple[str, ...] = ()

    @property
    def positional(self) -> bool:
        """Whether a tsvector needs positions (or a lexeme it may lack) to decide this."""
        return len(self.tokens) > 1 or any(len(t.encode()) > server_index.MAX_LEXEME_BYTES for t in self.tokens)

    def found_in(self, tokens: list[str], vocabulary: set[str], stems: set[str]) -> bool:
        """Whether a page with this folded token stream (its distinct tokens, its stems)
        holds this word or phrase, by FTS5's rule."""
        if self.stems and not stems.isdisjoint(self.stems):
            return True
        *head, last = self.tokens
        if not head:
            return any(t.startswith(last) for t in vocabulary) if self.prefix else last in vocabulary
        n = len(head)
        for i, token in enumerate(tokens[:len(tokens) - n]):
            if token == head[0] and tokens[i:i + n] == head:
                after = tokens[i + n]
                if after.startswith(last) if self.prefix else after == last:
                    return True
        return False


@dataclass(frozen=True)
class ParsedQuery:
    fts: str  # the FTS5 expression (SQLite)
    terms: tuple[str, ...]  # the positive words and phrases, for highlighting
    tsquery: str = ""  # the same query as a PostgreSQL tsquery over `core.text.server_index`
    groups: tuple[tuple[Leaf, ...], ...] = ()  # all of these groups, each any of its leaves
    negatives: tuple[Leaf, ...] = ()  # and none of these

    @property
    def positional(self) -> bool:
        return any(leaf.positional for group in (*self.groups, self.negatives) for leaf in group)

    def found_in(self, tokens: list[str], stems: set[str]) -> bool:
        """The whole query decided on one page's folded token stream and stems."""
        vocabulary = set(tokens)
        return (all(any(leaf.found_in(tokens, vocabulary, stems) for leaf in group) for group in self.groups)
                and not any(leaf.found_in(tokens, vocabulary, stems) for leaf in self.negatives))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _clean(query: str) -> str:
    """Control characters end an FTS5 string early (NUL) or cannot be encoded (lone
    surrogates from a broken clipboard): they separate words, nothing more."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in query)


def _ts_phrase(tokens: list[str], prefix: bool) -> str:
    """Folded tokens in a row (weight A: the page's own words), the last one a prefix if asked."""
    parts = [f"{lexeme(t)}:A" for t in tokens]
    if prefix:
        parts[-1] = f"{lexeme(tokens[-1])}:*A"
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


Expr = tuple[str, str, Leaf]  # FTS5 expression, tsquery, the leaf itself


def _word_expr(word: str, prefix: bool) -> Expr:
    """A word as written, or (one word, no star) any word sharing a stem with it:
    as an FTS5 expression and as a tsquery."""
    tokens = fold_tokens(word)
    exact = "text : " + _quote(fold(word)) + ("*" if prefix else "")
    ts_exact = _ts_phrase(tokens, prefix)
    stems = sorted(token_stems(tokens[0])) if len(tokens) == 1 and not prefix else []
    leaf = Leaf(tuple(tokens), prefix, tuple(stems))
    if not stems:
        return exact, ts_exact, leaf
    return (f"({exact} OR stems : (" + " OR ".join(_quote(s) for s in stems) + "))",
            f"({ts_exact} | " + " | ".join(f"{lexeme(s)}:B" for s in stems) + ")", leaf)


def _join(exprs: list[Expr], fts_op: str, ts_op: str) -> tuple[str, str]:
    if len(exprs) == 1:
        return exprs[0][0], exprs[0][1]
    return ("(" + f" {fts_op} ".join(e[0] for e in exprs) + ")",
            "(" + f" {ts_op} ".join(e[1] for e in exprs) + ")")


def parse_query(query: str) -> ParsedQuery:
    query = _clean(query)
    negatives: list[Expr] = []
    groups: list[list[Expr]] = [[]]
    terms: list[str] = []
    pending_or = False
    for m in _TOKEN.finditer(query):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None and word == "OR":
            pending_or = True
            continue
        if phrase is not None:
            if not fold_tokens(phrase):
                continue
            # a phrase is exact: no stems
            tokens = fold_tokens(phrase)
            expr = ("text : " + _quote(fold(phrase.strip())), _ts_phrase(tokens, False), Leaf(tuple(tokens)))
            term = phrase.strip()
        else:
            assert word is not None
            if word.startswith("-") and len(word) > 1:
                neg, word = "-", word[1:]
            prefix = word.endswith("*")
            core = word.rstrip("*")
            if not fold_tokens(core):
                continue
            expr = _word_expr(core, prefix)
            term = core
        if neg:
            negatives.append(expr)
            continue
        terms.append(term)
        if pending_or and groups[-1]:
            groups[-1].append(expr)
        else:
            groups.append([expr])
        pending_or = False
    positives = [_join(group, "OR", "|") for group in groups if group]
    if not positives:
        raise InvalidInputError("the search needs at least one word to look for")
    fts = " AND ".join(p[0] for p in positives)
    tsquery = " & ".join(p[1] for p in positives)
    for neg in negatives:
        fts += f" NOT {neg[0]}"
        tsquery += f" & !{neg[1]}"
    return ParsedQuery(fts, tuple(terms), tsquery,
                       tuple(tuple(e[2] for e in group) for group in groups if group),
                       tuple(e[2] for e in negatives))


def _search_sql(where: str, order: str) -> TextClause:
    return text(
        f"""
        SELECT p.document_id AS doc, d.filename AS filename, p.number AS page,
               p.text AS text, p.words AS words, pages_fts.rank AS rank
        FROM pages_fts
        JOIN pages p ON p.id = pages_fts.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE pages_fts MATCH :q {where}
        ORDER BY {order}
        LIMIT :limit
        """
    )


SEARCH_SQL = _search_sql("", "pages_fts.rank")
SEARCH_IN_DOC_SQL = _search_sql("AND p.document_id = :doc", "p.number")  # in page order, for find-next


def _server_search_sql(where: str, order: str) -> TextClause:
    """The same search on PostgreSQL; rank negated so that, as with FTS5's bm25, lower is better."""
    return text(
        f"""
        SELECT p.id AS id, p.document_id AS doc, d.filename AS filename, p.number AS page,
               p.text AS text, p.words AS words, -ts_rank(pi.tsv, q.q) AS rank
        FROM page_index pi
        JOIN pages p ON p.id = pi.page_id
        JOIN documents d ON d.id = p.document_id
        CROSS JOIN (SELECT CAST(:q AS tsquery) AS q) AS q
        WHERE {where}
        ORDER BY {order}
        LIMIT :limit
        """
    )


_MATCH = "pi.tsv @@ q.q"
_IN_DOC = " AND p.document_id = :doc"
_LOST = "CAST('" + server_index.LOST.replace("'", "''") + "' AS tsquery)"
_PLACED = f" AND NOT pi.tsv @@ {_LOST}"  # every token of the page has its position
_CHOSEN = "p.id = ANY(:ids)"
_BY_RANK, _BY_PAGE = "rank, p.id", "p.number"

_LOST_PAGES_SQL = f"""
    SELECT pi.page_id AS id, pi.tokens AS tokens,
           ARRAY(SELECT u.lexeme FROM unnest(pi.tsv) AS u WHERE 'B' = ANY(u.weights)) AS stems
    FROM page_index pi JOIN pages p ON p.id = pi.page_id
    WHERE pi.tsv @@ {_LOST}"""


def _server_search(s: Session, parsed: ParsedQuery, limit: int, document_id: int | None) -> list[Row[Any]]:
    params: dict[str, object] = {"q": parsed.tsquery, "limit": limit}
    in_doc = ""
    if document_id is not None:
        in_doc, params["doc"] = _IN_DOC, document_id
    order = _BY_PAGE if document_id is not None else _BY_RANK
    if not parsed.positional:
        return list(s.execute(_server_search_sql(_MATCH + in_doc, order), params).all())
    # The pages whose positions the tsvector holds answer by tsquery; the others by their tokens.
    found = list(s.execute(_server_search_sql(_MATCH + _PLACED + in_doc, order), params).all())
    lost = s.execute(text(_LOST_PAGES_SQL + in_doc), params).all()
    ids = [r.id for r in lost if parsed.found_in(r.tokens.split(), set(r.stems))]
    if ids:
        found += s.execute(_server_search_sql(_CHOSEN, order), {**params, "ids": ids}).all()
        found.sort(key=(lambda r: r.page) if document_id is not None else (lambda r: (r.rank, r.id)))
    return found[:limit]


def search(case: Case, query: str, limit: int = 100, document_id: int | None = None) -> list[SearchHit]:
    if limit < 1:
        raise InvalidInputError("the number of hits to show must be at least 1")
    parsed = parse_query(query)
    with case.read() as s:
        if case.on_server:
            found = _server_search(s, parsed, limit, document_id)
        else:
            params: dict[str, object] = {"q": parsed.fts, "limit": limit}
            if document_id is None:
                sql = SEARCH_SQL
            else:
                sql = SEARCH_IN_DOC_SQL
                params["doc"] = document_id
            found = list(s.execute(sql, params).all())
    return [SearchHit(r.doc, r.filename, r.page,
                      snippet(PageStream.from_json(r.words, r.text), parsed.terms, SNIPPET_OPEN, SNIPPET_CLOSE),
                      float(r.rank)) for r in found]


def rebuild_index(case: Case) -> int:
    """Rebuild the FTS index from the page text (after `verify` found them out of step);
    audited like any change. Returns the number of pages indexed."""
    from evidence_desk.core import audit

    with case.write() as s:
        if case.on_server:
            server_index.mark_all(s)  # re-indexed by the writer before this commits
        else:
            s.execute(text("INSERT INTO pages_fts(pages_fts) VALUES('rebuild')"))
        pages = int(s.execute(text("SELECT count(*) FROM pages")).scalar_one())
        audit.append(s, author=case.author, action="search.rebuild_index", target_type="case",
                     target_id=None, data={"pages": pages})
    return pages


def index_matches_text(case: Case) -> bool:
    """True when the FTS index holds exactly the page text.

    FTS5's 'integrity-check' with rank 1 compares an external-content index with
    its content table (it raises SQLITE_CORRUPT_VTAB on a mismatch; checked on
    SQLite 3.40). Run in a write transaction that is always rolled back, so the
    check never races the writer and never changes anything."""
    from sqlalchemy.exc import DatabaseError

    if case.on_server:
        with case.read() as s:
            return not server_index.stale_pages(s)
    with case._write_lock:
        conn = case._write_engine.connect()
        try:
            conn.exec_driver_sql("INSERT INTO pages_fts(pages_fts, rank) VALUES('integrity-check', 1)")
            return True
        except DatabaseError as exc:
            orig = getattr(exc, "orig", None)
            if getattr(orig, "sqlite_errorcode", None) in (11, 267) or "malformed" in str(orig):
                return False  # SQLITE_CORRUPT / SQLITE_CORRUPT_VTAB: index and text disagree
            raise  # busy, locked, I/O: not a verdict on the index
        finally:
            conn.rollback()
            conn.close()
