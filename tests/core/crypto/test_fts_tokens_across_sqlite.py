"""An encrypted case's search index runs on SQLCipher's own SQLite, a plain case's on the
system's: FTS5's unicode61 tokenizer must cut the same text into the same tokens in both,
or a copy of a case encrypted in place would find other pages than the plain one.

Checked on a varied sample — text of corpus PDFs (Latin, Arabic, CJK, Cyrillic among
them), and written lines of German, Russian, diacritics, digits, punctuation, emoji, CJK
and look-alike letters — both raw and as the index stores it (our fold,
`core.text.stream.index_text`): token by token, with their positions (`fts5vocab`
instance table). Then one case and its encrypted copy answer the same searches with the
same pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import text

from evidence_desk.core.case import Case
from evidence_desk.core.crypto.convert import convert
from evidence_desk.core.crypto.keys import KdfParams
from evidence_desk.core.db.encrypted import _dbapi
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.search import search
from evidence_desk.core.text.stream import index_text
from tests.core.pdfs import write_text_pdf

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"
CORPUS_PDFS = ["pdfjs/ArabicCIDTrueType.pdf", "pdfjs/arial_unicode_ab_cidfont.pdf", "pdfjs/SimFang-variant.pdf",
               "pdfjs/90ms_rksj_h_sample.pdf", "pdfjs/Test-plusminus.pdf", "invoice2data/files/camelot-example.pdf"]
WRITTEN = [
    "Straße, STRASSE und Maßnahmen: Größe 1.234,56 € — Übergabe am 03.11.2019 in Köln.",
    "Договор № 77/2019 с АО «Интеграл», Ёлкин и ёлка; ПРОЕКТ-Й.",
    "Café naïve coöperate Ångström Łódź Dvořák Şişli İstanbul ıi ǅemal ﬁnance Ⅻ.",
    "Amounts: 1,000.00 USD; 3.14159; 0x1F; v2.0-rc1; e-mail: info@example.org; +49 (30) 1234-567.",
    "Emoji 😀👍🏽 family 👨‍👩‍👧 flags 🇩🇪🇷🇺 and ⚠️ signs, keycap 1️⃣.",
    "中华人民共和国 東京都 한국어 テスト カタカナ ｶﾀｶﾅ ＡＢＣ１２３ 全角.",
    "Look-alikes: Аpple (Cyrillic А) раураl, Greek Αθήνα ΣΊΣΥΦΟΣ σίσυφος ς.",
    "Arabic العربية ١٢٣ and Hebrew עִבְרִית, Hindi हिन्दी, Thai ภาษาไทย.",
    "Punctuation... “quoted” «guillemets» ‹single› — en–dash, soft\u00adhyphen, zero\u200bwidth, nbsp\u00a0here.",
]
TOKENIZER = "unicode61 remove_diacritics 2"

pytestmark = pytest.mark.sqlite_only


def _sample() -> list[str]:
    texts = list(WRITTEN)
    for name in CORPUS_PDFS:
        path = CORPUS / name
        if path.exists():
            with pymupdf.open(path) as doc:
                texts += [page.get_text() for page in list(doc)[:3] if page.get_text().strip()]
    return texts


def _tokens(module, texts: list[str]) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    con = module.connect(":memory:")
    try:
        con.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize=\"{TOKENIZER}\", prefix='2 3')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        con.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", list(enumerate(texts, 1)))
        con.commit()
        return [tuple(r) for r in con.execute("SELECT term, doc, offset FROM v ORDER BY doc, offset, term")]
    finally:
        con.close()


def test_both_sqlite_builds_cut_the_same_text_into_the_same_tokens():
    cipher = _dbapi()
    versions = (sqlite3.sqlite_version, cipher.sqlite_version)
    texts = _sample()
    assert len(texts) > len(WRITTEN)  # the corpus text is in
    raw_plain, raw_cipher = _tokens(sqlite3, texts), _tokens(cipher, texts)
    assert len(raw_plain) > 250, versions
    assert raw_plain == raw_cipher, versions
    folded = [index_text(t, None) for t in texts]
    assert _tokens(sqlite3, folded) == _tokens(cipher, folded), versions


def test_a_case_and_its_encrypted_copy_find_the_same_pages(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(0, len(WRITTEN), 3):
        write_text_pdf(inbox / f"doc{i}.pdf", WRITTEN[i:i + 3])
    queries = ["strasse", "Straße", "größe", "договор", "ёлка", "елка", "интеграл", "cafe", "Łódź", "lodz",
               "1.234,56", "77/2019", "info@example.org", "v2.0", "東京都", "テスト", "Αθήνα", "σισυφος",
               "ﬁnance", "finance", "apple", "العربية", "soft", "zero", "nbsp", "Maß*", "Инт*"]

    def answers(case: Case) -> dict[str, list[tuple[int, int]]]:
        return {q: sorted((hit.doc, hit.page) for hit in search(case, q)) for q in queries}

    with Case.open(tmp_path / "plain", create=True) as case:
        import_paths(case, [inbox], ImportOptions(ocr="never", workers=1))
        plain = answers(case)
    with Case.open(tmp_path / "secret", create=True) as case:
        import_paths(case, [inbox], ImportOptions(ocr="never", workers=1))
        convert(case, "correct horse battery staple",
                params=KdfParams.fresh(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    with Case.open(tmp_path / "secret", passphrase="correct horse battery staple") as case:
        assert case.encrypted
        with case.read() as s:  # the index really is SQLCipher's
            assert s.execute(text("SELECT count(*) FROM pages_fts")).scalar() is not None
        encrypted = answers(case)
    assert sum(map(len, plain.values())) > len(queries) // 2  # most queries find something
    assert encrypted == plain
