"""Full-text search over page text (FTS5), ranked, with snippets.

The query language is what people type into a search box: words (all must
match), "quoted phrases", prefix* searches, OR between alternatives and -word to
exclude. It is translated into a safe FTS5 expression: every term is quoted, so
nothing the user types can be an FTS5 syntax error or an injection."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text

from evidence_desk.core.case import Case
from evidence_desk.core.errors import InvalidInputError

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


def parse_query(query: str) -> ParsedQuery:
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
            if not phrase.strip():
                continue
            expr = _quote(phrase.strip())
            term = phrase.strip()
        else:
            assert word is not None
            if word.startswith("-") and len(word) > 1:
                neg, word = "-", word[1:]
            prefix = word.endswith("*")
            core = word.rstrip("*")
            if not re.search(r"\w", core):
                continue
            expr = _quote(core) + ("*" if prefix else "")
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


SEARCH_SQL = text(
    f"""
    SELECT p.document_id AS doc, d.filename AS filename, p.number AS page,
           snippet(pages_fts, 0, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 12) AS snippet,
           pages_fts.rank AS rank
    FROM pages_fts
    JOIN pages p ON p.id = pages_fts.rowid
    JOIN documents d ON d.id = p.document_id
    WHERE pages_fts MATCH :q
    ORDER BY pages_fts.rank
    LIMIT :limit
    """
)

SEARCH_IN_DOC_SQL = text(
    f"""
    SELECT p.document_id AS doc, d.filename AS filename, p.number AS page,
           snippet(pages_fts, 0, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 12) AS snippet,
           pages_fts.rank AS rank
    FROM pages_fts
    JOIN pages p ON p.id = pages_fts.rowid
    JOIN documents d ON d.id = p.document_id
    WHERE pages_fts MATCH :q AND p.document_id = :doc
    ORDER BY p.number
    LIMIT :limit
    """
)


def search(case: Case, query: str, limit: int = 100, document_id: int | None = None) -> list[SearchHit]:
    parsed = parse_query(query)
    with case.read() as s:
        if document_id is None:
            rows = s.execute(SEARCH_SQL, {"q": parsed.fts, "limit": limit})
        else:
            rows = s.execute(SEARCH_IN_DOC_SQL, {"q": parsed.fts, "limit": limit, "doc": document_id})
        return [SearchHit(r.doc, r.filename, r.page, r.snippet, float(r.rank)) for r in rows]
