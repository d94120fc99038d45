"""Full-text search over page text (FTS5), ranked, with snippets.

The query language is what people type into a search box: words (all must
match), "quoted phrases", prefix* searches, OR between alternatives and -word to
exclude. It is translated into a safe FTS5 expression: every term is quoted, so
nothing the user types can be an FTS5 syntax error or an injection, and folded
(`core.text.fold`) as the index is, so "Weissrussland" finds "Weißrussland". A
word also finds the words that share its stem ("Гарбуз" finds "Гарбузу",
`core.text.stems`); a "quoted phrase" and a prefix* stay exact.
Snippets are cut from the page's words as written (`core.text.snippet`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import TextClause, text

from evidence_desk.core.case import Case
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.text.fold import fold, fold_tokens
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
class ParsedQuery:
    fts: str
    terms: tuple[str, ...]  # the positive words and phrases, for highlighting


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _clean(query: str) -> str:
    """Control characters end an FTS5 string early (NUL) or cannot be encoded (lone
    surrogates from a broken clipboard): they separate words, nothing more."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in query)


def _word_expr(word: str, prefix: bool) -> str:
    """A word as written, or (one word, no star) any word sharing a stem with it."""
    tokens = fold_tokens(word)
    exact = "text : " + _quote(fold(word)) + ("*" if prefix else "")
    stems = sorted(token_stems(tokens[0])) if len(tokens) == 1 and not prefix else []
    if not stems:
        return exact
    return f"({exact} OR stems : (" + " OR ".join(_quote(s) for s in stems) + "))"


def parse_query(query: str) -> ParsedQuery:
    query = _clean(query)
    positives: list[str] = []
    negatives: list[str] = []
    groups: list[list[str]] = [[]]
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
            expr = "text : " + _quote(fold(phrase.strip()))  # a phrase is exact: no stems
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
    for group in groups:
        if group:
            positives.append(group[0] if len(group) == 1 else "(" + " OR ".join(group) + ")")
    if not positives:
        raise InvalidInputError("the search needs at least one word to look for")
    fts = " AND ".join(positives)
    for neg in negatives:
        fts += f" NOT {neg}"
    return ParsedQuery(fts, tuple(terms))


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


def search(case: Case, query: str, limit: int = 100, document_id: int | None = None) -> list[SearchHit]:
    if limit < 1:
        raise InvalidInputError("the number of hits to show must be at least 1")
    parsed = parse_query(query)
    with case.read() as s:
        if document_id is None:
            rows = s.execute(SEARCH_SQL, {"q": parsed.fts, "limit": limit})
        else:
            rows = s.execute(SEARCH_IN_DOC_SQL, {"q": parsed.fts, "limit": limit, "doc": document_id})
        found = rows.all()
    return [SearchHit(r.doc, r.filename, r.page,
                      snippet(PageStream.from_json(r.words, r.text), parsed.terms, SNIPPET_OPEN, SNIPPET_CLOSE),
                      float(r.rank)) for r in found]


def rebuild_index(case: Case) -> int:
    """Rebuild the FTS index from the page text (after `verify` found them out of step);
    audited like any change. Returns the number of pages indexed."""
    from evidence_desk.core import audit

    with case.write() as s:
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
