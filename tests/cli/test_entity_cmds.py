"""`tag`, `entity …`, `suggest` and `links` on the command line."""

from __future__ import annotations

import json

import pytest

from evidence_desk.cli.main import main
from tests.core.suggest.letters import letters_case, letters_template  # noqa: F401 - fixtures


def cli(capsys, case, *argv: str) -> tuple[int, object, str]:
    code = main(["--case", str(case.path), *argv])
    out, err = capsys.readouterr()
    try:
        data = json.loads(out) if out.strip().startswith(("{", "[")) else out
    except ValueError:
        data = out
    return code, data, err


def test_entity_add_alias_list_rename_merge_and_split(capsys, letters_case):  # noqa: F811 - the imported fixture
    case, _ = letters_case
    code, data, _ = cli(capsys, case, "entity", "add", "ОАО «Завод Пример»", "--type", "organisation",
                        "--alias", "Primer-Werk", "--json")
    assert code == 0
    plant = data["entity"]
    assert cli(capsys, case, "entity", "alias", "Primer-Werk", "JSC Primer Plant", "--language", "en")[0] == 0
    assert cli(capsys, case, "entity", "add", "Primer Plant", "--type", "org")[0] == 0
    code, data, _ = cli(capsys, case, "entity", "list", "--json")
    assert {r["name"] for r in data} == {"ОАО «Завод Пример»", "Primer Plant"}
    assert cli(capsys, case, "entity", "merge", "oao zavod primer", "Primer Plant")[0] == 0
    code, data, _ = cli(capsys, case, "entity", "list", "--json")
    [row] = data
    assert row["id"] == plant and set(row["aliases"]) == {"Primer-Werk", "JSC Primer Plant", "Primer Plant"}
    assert cli(capsys, case, "entity", "rename", str(plant), "Zavod Primer JSC")[0] == 0
    code, data, _ = cli(capsys, case, "entity", "split", str(plant), "Primer-Werk GmbH", "--alias", "Primer-Werk",
                        "--json")
    assert code == 0
    code, data, _ = cli(capsys, case, "entity", "list", "--json")
    assert {r["name"] for r in data} == {"Zavod Primer JSC", "Primer-Werk GmbH"}
    code, data, _ = cli(capsys, case, "entity", "delete", "Primer-Werk GmbH", "--json")
    assert code == 0 and data["mentions"] == 0
    code, data, _ = cli(capsys, case, "entity", "list", "--json")
    assert {r["name"] for r in data} == {"Zavod Primer JSC"}
    assert cli(capsys, case, "undo")[0] == 0
    assert {r["name"] for r in cli(capsys, case, "entity", "list", "--json")[1]} == {"Zavod Primer JSC",
                                                                                     "Primer-Werk GmbH"}


def test_tag_by_quote_takes_the_region_from_the_word_boxes(capsys, letters_case):  # noqa: F811 - the imported fixture
    case, docs = letters_case
    code, data, _ = cli(capsys, case, "tag", str(docs["invoice_en.pdf"]), "--page", "1", "--text",
                        "JSC Primer Plant", "--entity", "Завод Пример", "--type", "organisation", "--json")
    assert code == 0
    x0, y0, x1, y1 = data["rect"]
    assert 50 <= x0 < x1 < 300 and 0 < y1 - y0 < 20
    code, data, _ = cli(capsys, case, "tag", str(docs["letter_ru.pdf"]), "--page", "1", "--rect", "50", "50",
                        "200", "70", "--entity", "zavod primer", "--json")
    assert code == 0  # found across scripts: no --type needed
    code, data, _ = cli(capsys, case, "entity", "list", "--json")
    assert [r["mentions"] for r in data] == [2]


@pytest.mark.parametrize(("argv", "message"), [
    (["tag", "1", "--page", "9", "--text", "x", "--entity", "E", "--type", "person"], "not 9"),
    (["tag", "1", "--page", "1", "--text", "not on the page", "--entity", "E", "--type", "person"], "does not occur"),
    (["tag", "1", "--page", "1", "--rect", "1", "1", "9", "9", "--entity", "Nobody"], "give --type"),
    (["entity", "merge", "1", "1"], "no entity"),
    (["entity", "add", "X", "--type", "planet"], "unknown entity type"),
    (["suggest", "--accept", "999"], "no suggestion 999"),
    (["links", "add", "1", "1", "--kind", "cites"], "itself"),
])
def test_bad_input_gives_one_line_errors(capsys, letters_case, argv, message):  # noqa: F811 - the imported fixture
    case, _ = letters_case
    code, _, err = cli(capsys, case, *argv)
    assert code == 1 and err.startswith("error: ") and message in err and err.count("\n") == 1


def test_suggest_refresh_accept_and_reject_then_links(capsys, letters_case):  # noqa: F811 - the imported fixture
    case, docs = letters_case
    cli(capsys, case, "entity", "add", "Щукин", "--type", "person")
    code, data, _ = cli(capsys, case, "suggest", "--refresh", "--json")
    assert code == 0 and {r["kind"] for r in data} == {"entity", "name", "date", "amount", "reference", "field"}
    people = [r["id"] for r in data if r["kind"] == "entity"]
    fields = [r["id"] for r in data if r["kind"] == "field"]
    code, out, _ = cli(capsys, case, "suggest", "--accept", *map(str, people), "--json")
    assert code == 0 and len(out["mentions"]) == len(people)
    assert cli(capsys, case, "suggest", "--accept", *map(str, fields))[0] == 0
    code, out, _ = cli(capsys, case, "suggest", "--reject-all", "--kind", "amount", "--json")
    assert code == 0 and out["rejected"]
    code, data, _ = cli(capsys, case, "suggest", "--kind", "amount", "--json")
    assert data == []
    code, data, _ = cli(capsys, case, "links", "--build", "--json")
    assert code == 0 and data["added"] == []  # `suggest --refresh` linked the citations already
    code, data, _ = cli(capsys, case, "links", str(docs["invoice_en.pdf"]), "--json")
    assert {c["other"] for c in data["cites"]} == {docs["letter_ru.pdf"], docs["contract.pdf"]}
    code, data, _ = cli(capsys, case, "links", "add", str(docs["invoice_en.pdf"]), str(docs["contract.pdf"]),
                        "--kind", "pays_for", "--page", "1", "--text", "Total due", "--json")
    assert code == 0
    code, data, _ = cli(capsys, case, "links", "--json")
    assert sorted(r["kind"] for r in data) == ["cites"] * 4 + ["pays_for"]
    code, text, _ = cli(capsys, case, "links", str(docs["contract.pdf"]))
    assert "cited by:" in text and "invoice_en.pdf" in text
