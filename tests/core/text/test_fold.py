"""The fold rule is the search index's: what FTS5 stores is exactly what Python compares."""

from __future__ import annotations

import random
import sqlite3

from evidence_desk.core.text.fold import TOKENIZER, fold, fold_tokens

SAMPLES = [
    "Hans Müller", "Weißrussland", "STRASSE", "Ёлка и йод", "Σίσυφος", "Ĳssel", "ﬁnal", "Ｍｉｎｓｋ",
    "İstanbul", "Łódź", "Ørsted", "Гaрбуз", "Garbuz", "Smith's", "anti-drone", "3.5 %", "114/ВТС", "a_b",
    "Mu\u0308ller", "Café Noël", "Škoda Čechy", "Zürich", "ǅemal", "Þór", "Æsir", "Œuvre",
]


def _fts_tokens(con: sqlite3.Connection, text: str) -> list[str]:
    con.execute("DELETE FROM t")
    con.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (text,))
    return [row[0] for row in con.execute("SELECT term FROM v ORDER BY offset")]


def _index() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    return con


def test_the_index_sees_exactly_the_tokens_python_compares() -> None:
    con = _index()
    rng = random.Random(11)
    alphabet = "".join(SAMPLES) + " .,-/'\"«»\n\t" + "".join(chr(c) for c in range(0x20, 0x530))
    texts = SAMPLES + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(400)]
    for text in texts:
        assert _fts_tokens(con, fold(text)) == fold_tokens(text), text


def test_folding_twice_changes_nothing() -> None:
    for text in SAMPLES:
        assert fold(fold(text)) == fold(text)


def test_accents_case_and_sharp_s_fold_away() -> None:
    assert fold("Hans Müller") == fold("hans muller") == "hans muller"
    assert fold("Weißrussland") == fold("WEISSRUSSLAND") == "weissrussland"
    assert fold("Mu\u0308ller") == "muller"  # a decomposed umlaut too
    assert fold("ﬁnal Ｍｉｎｓｋ") == "final minsk"


def test_cyrillic_letters_keep_their_identity() -> None:
    assert fold("ЙОД") == "йод" and fold("Ёлка") == "ёлка"  # й and ё are letters of their own, as in FTS5


def test_a_word_mixing_scripts_folds_to_its_main_script() -> None:
    assert fold("Гaрбуз") == fold("Гарбуз") == "гарбуз"  # a Latin "a" among Cyrillic letters
    assert fold("Gаrbuz") == "garbuz"  # a Cyrillic "а" among Latin letters
    assert fold("cop") != fold("сор")  # whole words in one script are never swapped
    assert fold("Гарбуз Garbuz") == "гарбуз garbuz"


def test_offsets_lead_back_to_the_character_each_folded_character_came_from() -> None:
    from evidence_desk.core.text.fold import fold_char, fold_mapped

    rng = random.Random(5)
    alphabet = "Straße ﬁx Mu\u0308ller Ǆ Œ ab.-, İ" + "".join(chr(c) for c in range(0x20, 0x250))
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        folded, src = fold_mapped(text)
        assert folded == fold(text)
        if src is None:
            assert len(folded) == len(text)
            continue
        assert len(src) == len(folded) and src == sorted(src)
        assert all(folded[k] in fold_char(text[i]) for k, i in enumerate(src))


def test_emoji_separate_words_and_math_letters_read_as_letters() -> None:
    con = _index()
    for text in ("hello🙂world", "𝐀𝐁c 𝟏𝟐", "x🇧🇾y"):
        assert _fts_tokens(con, fold(text)) == fold_tokens(text)
    assert fold_tokens("𝐌𝐮𝐥𝐥𝐞𝐫") == ["muller"]


def test_the_tables_kept_in_the_cache_are_the_ones_read_from_sqlite() -> None:
    from evidence_desk.core.text import fold as rule

    rule._tables.cache_clear()
    first = rule._tables()  # derived and written (the test's own cache folder)
    assert rule._cache_file().is_file()
    rule._tables.cache_clear()
    assert rule._tables() == first == rule._derive_tables()
