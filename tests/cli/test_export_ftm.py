"""`export-ftm OUT.json`: the case as FollowTheMoney entities Aleph loads, checked against
the real `followthemoney` library; the publication profile leaves out what a redaction hides."""

from __future__ import annotations

import json
from pathlib import Path

from evidence_desk.cli.main import main
from tests.core.bundle.test_ftm import _model


def _run(capsys, case: Path, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--case", str(case), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _tagged(capsys, imported: Path) -> Path:  # type: ignore[no-untyped-def]
    """The invoice (doc 1) names a contract, the nota (doc 2) a customs office and a secret
    station name that gets redacted."""
    for argv in (("tag", "1", "--page", "1", "--text", "2021-0457", "--entity", "Contract 2021-0457",
                  "--type", "contract"),
                 ("tag", "2", "--page", "2", "--text", "Zollamt Brest", "--entity", "Zollamt Brest",
                  "--type", "state_body"),
                 ("tag", "2", "--page", "1", "--text", "Министерство обороны", "--entity",
                  "Министерство обороны", "--type", "state_body"),
                 ("redact", "--text", "Министерство обороны", "--reason", "source")):
        code, _, err = _run(capsys, imported, *argv)
        assert code == 0, (argv, err)
    return imported


def _lines(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_line_is_a_followthemoney_entity_with_mentions_resolved(capsys, imported: Path,
                                                                     tmp_path: Path) -> None:
    model = _model()
    case = _tagged(capsys, imported)
    out = tmp_path / "case.ftm.json"
    code, stdout, err = _run(capsys, case, "export-ftm", str(out), "--profile", "internal", "--json")
    assert code == 0, err
    summary = json.loads(stdout)
    entities = _lines(out)
    assert summary["entities"] == len(entities) and summary["documents"] == 2
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        assert schema.validate(data) is None, (data, schema.validate(data))
        for prop, values in data["properties"].items():
            assert prop in schema.properties, (data["schema"], prop)
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (data["schema"], prop)  # no dangling reference
    by_schema: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for e in entities:
        by_schema.setdefault(e["schema"], []).append(e)
    pages = by_schema["Pages"]
    assert len(pages) == 2 and all(len(p["properties"]["contentHash"][0]) == 40 for p in pages)  # SHA-1
    mentions = {m["properties"]["name"][0]: m for m in by_schema["Mention"]}
    assert set(mentions) == {"2021-0457", "Zollamt Brest", "Министерство обороны"}
    office = next(e for e in entities if e["properties"].get("name") == ["Zollamt Brest"])
    assert mentions["Zollamt Brest"]["properties"]["resolved"] == [office["id"]]
    assert mentions["Zollamt Brest"]["properties"]["detectedSchema"] == ["PublicBody"]


def test_the_publication_profile_holds_no_redacted_text(capsys, imported: Path, tmp_path: Path) -> None:
    case = _tagged(capsys, imported)
    out = tmp_path / "public.ftm.json"
    code, stdout, err = _run(capsys, case, "export-ftm", str(out))
    assert code == 0, err
    assert "FollowTheMoney entities" in stdout and "publication profile" in stdout
    raw = out.read_text(encoding="utf-8")
    assert "Zollamt Brest" in raw
    assert "Министерство" not in raw and "обороны" not in raw
    assert not list(tmp_path.glob(".*.part"))


def test_a_missing_folder_is_one_error_line(capsys, imported: Path, tmp_path: Path) -> None:
    code, _, err = _run(capsys, imported, "export-ftm", str(tmp_path / "nowhere" / "out.json"))
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1
