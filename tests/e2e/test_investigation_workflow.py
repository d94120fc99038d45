"""An investigation end to end, through the real `evidence-desk` command as a user
or a script would run it: import a package, find a name, tag it, redact it, export a
sanitised copy, and check that the copy does not leak the name and the case verifies.

Each step runs the installed console script in a subprocess, so argument parsing,
exit codes and JSON output are exercised exactly as scripts depend on them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf

SECRET = "Kirill Garbuz"
CONTROL = "fire-control upgrade"


def _cli() -> list[str]:
    exe = shutil.which("evidence-desk") or str(Path(sys.executable).with_name("evidence-desk"))
    return [exe]


def run(case: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*_cli(), "--case", str(case), *args], capture_output=True, text=True,
                          timeout=300, check=False, env=env)
    if ok:
        assert done.returncode == 0, f"{args}: {done.stderr}"
    return done


def _package(folder: Path) -> Path:
    folder.mkdir()
    letter = pymupdf.open()
    page = letter.new_page()
    page.insert_text((72, 90), "Ministry of Defence — Procurement Directorate", fontsize=12)
    page.insert_text((72, 130), f"Contracts officer {SECRET} confirms the {CONTROL}.", fontsize=11)
    page.insert_text((72, 150), "Reference No. 04-11/2187 of 19 February 2021.", fontsize=11)
    letter.set_metadata({"author": SECRET, "title": "Cover letter"})
    letter.save(folder / "letter.pdf")
    invoice = pymupdf.open()
    page = invoice.new_page()
    page.insert_text((72, 90), "INVOICE OTE-INV-2107", fontsize=14)
    page.insert_text((72, 130), "Under contract cited in letter 04-11/2187: 12 192 000,00 EUR", fontsize=11)
    invoice.save(folder / "invoice.pdf")
    (folder / "notes.txt").write_text("not a document")
    return folder


def test_a_package_goes_from_import_to_a_verified_sanitised_export(tmp_path: Path) -> None:
    case = tmp_path / "case"
    package = _package(tmp_path / "package")

    report = json.loads(run(case, "import", str(package), "--ocr", "never", "--json").stdout)
    assert (report["imported"], report["refused"]) == (2, 1)

    docs = json.loads(run(case, "list", "--json").stdout)
    assert {d["filename"] for d in docs} == {"letter.pdf", "invoice.pdf"}
    letter = next(d for d in docs if d["filename"] == "letter.pdf")

    hits = json.loads(run(case, "search", "Garbuz", "--json").stdout)
    assert [(h["doc"], h["page"]) for h in hits] == [(letter["id"], 1)]

    run(case, "tag", letter["sha256"][:10], "--page", "1", "--text", SECRET,
        "--entity", SECRET, "--type", "person")
    shown = json.loads(run(case, "show", str(letter["id"]), "--json").stdout)
    assert [m["entity"] for m in shown["mentions"]] == [SECRET]

    run(case, "redact", "--text", SECRET, "--reason", "source")
    out = tmp_path / "letter-redacted.pdf"
    run(case, "export-pdf", str(letter["id"]), str(out))

    exported = pymupdf.open(out)
    text = "".join(p.get_text() for p in exported)
    assert SECRET.split()[1] not in text
    assert CONTROL in text  # the words beside the redaction survive
    assert not any((exported.metadata or {}).get(k) for k in ("author", "title", "subject", "keywords"))
    exported.close()

    verdict = json.loads(run(case, "verify", str(out), "--json").stdout)
    assert verdict["ok"] is True, verdict["problems"]
    case_verdict = json.loads(run(case, "verify", "--json").stdout)
    assert case_verdict["ok"] is True, case_verdict["problems"]

    bad = run(case, "show", "999", ok=False)
    assert bad.returncode == 1 and bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr
