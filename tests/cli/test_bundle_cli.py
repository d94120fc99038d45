"""`export`, `verify BUNDLE.zip`, `key` and `provenance` on the command line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.cli.test_contract import assert_one_line_error, run, run_json


@pytest.fixture(scope="module")
def cli_case(tmp_path_factory: pytest.TempPathFactory, sources: Path) -> Path:
    from evidence_desk.cli.main import main

    folder = tmp_path_factory.mktemp("cli-bundle") / "case"
    assert main(["--case", str(folder), "import", str(sources)]) == 0
    return folder


def test_export_then_verify_a_signed_bundle(cli_case: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EVIDENCE_DESK_KEY_PASSPHRASE", "a long passphrase")
    key = run_json(capsys, "key", "create", "--json")
    out = tmp_path / "bundle.zip"
    result = run_json(capsys, "--case", str(cli_case), "export", str(out), "--profile", "internal", "--sign",
                      "--json")
    assert result["signer_fingerprint"] == key["fingerprint"] and result["documents"] == 2  # type: ignore[index]
    report = run_json(capsys, "verify", str(out), "--json")
    assert report["ok"] is True and report["checked"]["signer_known_as"] == "own key default"  # type: ignore[index]
    assert report["checked"]["signature"] == "valid"  # type: ignore[index]


def test_verify_of_a_changed_bundle_exits_1_and_names_the_member(cli_case: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "b.zip"
    run_json(capsys, "--case", str(cli_case), "export", str(out), "--doc", "1", "--json")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace(b"Evidence Desk", b"Evidence Dusk") if name == "data/report.html"
                          else data)
    code, stdout, _ = run(capsys, "verify", str(bad), "--json")
    report = json.loads(stdout)
    assert code == 1 and report["ok"] is False
    assert any("data/report.html" in p for p in report["problems"])


def test_export_refuses_bad_arguments_with_one_line(cli_case: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert_one_line_error(*run(capsys, "--case", str(cli_case), "export", str(tmp_path / "x.tar")), ".zip")
    assert_one_line_error(*run(capsys, "--case", str(cli_case), "export", str(tmp_path / "x.zip"), "--doc", "99"),
                          "99")
    assert_one_line_error(*run(capsys, "--case", str(cli_case), "export", str(tmp_path / "y.zip"), "--sign",
                               "nokey", "--passphrase-file", "/nonexistent"), "passphrase")
    assert not (tmp_path / "x.zip").exists()


def test_provenance_contract_still_works_and_records_the_new_fields(cli_case: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--case", str(cli_case), "provenance", "1", "--source", "SOURCE-WREN",
                       "--received", "2026-03-01", "--method", "post", "--custody", "received by post")
    assert code == 0, err
    info = run_json(capsys, "--case", str(cli_case), "provenance", "1", "--verification", "authenticated",
                    "--reasoning", "matched the registry", "--custody", "handed to the editor",
                    "--custody-kind", "disclosed", "--counterpart", "editor-in-chief", "--json")
    assert info["source"] == "SOURCE-WREN" and info["verification"] == "authenticated"  # type: ignore[index]
    assert info["reasoning"] == "matched the registry"  # type: ignore[index]
    assert [e["kind"] for e in info["custody"]] == ["received", "disclosed"]  # type: ignore[index]
    assert info["custody"][1]["counterpart"] == "editor-in-chief"  # type: ignore[index]
    assert info["original_path"].endswith("nota-114.pdf") or info["original_path"].endswith(".pdf")  # type: ignore[index]
    assert info["file_times"]["modified"] and info["size_bytes"] > 0  # type: ignore[index]


def test_import_bundle_merges_and_lists_conflicts(cli_case: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "internal.zip"
    run_json(capsys, "--case", str(cli_case), "export", str(out), "--profile", "internal", "--json")
    other = tmp_path / "other"
    merged = run_json(capsys, "--case", str(other), "import-bundle", str(out), "--json")
    assert merged["documents_added"] == 2 and merged["conflicts"] == 0  # type: ignore[index]
    listed = run_json(capsys, "--case", str(other), "list", "--json")
    assert len(listed) == 2  # type: ignore[arg-type]
    code, stdout, err = run(capsys, "--case", str(other), "import-bundle", str(out))
    assert code == 0 and "0 documents added" in stdout, err
    assert_one_line_error(*run(capsys, "--case", str(other), "import-bundle", str(tmp_path / "none.zip")),
                          "no such bundle")
    with pytest.raises(SystemExit) as exited:  # argparse's own error: one line, exit 1
        run(capsys, "--case", str(other), "import-bundle", str(out), "--resolve", "x")
    assert exited.value.code == 1 and "invalid choice" in capsys.readouterr().err


def test_an_internal_note_stays_out_of_a_publication_bundle(cli_case: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--case", str(cli_case), "note", "2", "--internal", "Source met at the station")
    assert code == 0, err
    run(capsys, "--case", str(cli_case), "note", "2", "Amount matches the invoice")
    out = tmp_path / "pub.zip"
    run_json(capsys, "--case", str(cli_case), "export", str(out), "--doc", "2", "--json")
    with zipfile.ZipFile(out) as zf:
        everything = b"".join(zf.read(n) for n in zf.namelist())
    assert b"Amount matches the invoice" in everything
    assert b"Source met at the station" not in everything
