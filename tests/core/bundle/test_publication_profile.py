"""The publication profile carries no source identity, no redacted text, no original
and no internal note; the internal profile carries all of it."""

from __future__ import annotations

import json
import zipfile

import pymupdf

from evidence_desk.core.pdf.redact_verify import verify_file
from tests.core.bundle.conftest import INTERNAL_NOTE, SECRET_NAME, SOURCE_IDENTITY, Bundles

SECRETS = (SECRET_NAME, "Garbuz", SOURCE_IDENTITY, "Sidorov", INTERNAL_NOTE, "Lumière", "letter-114.pdf")


def _texts(bundle) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every member as text: PDFs by text extraction, the rest decoded."""
    out = {}
    with zipfile.ZipFile(bundle) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name.endswith(".pdf"):
                with pymupdf.open(stream=data, filetype="pdf") as doc:
                    out[name] = "\n".join(page.get_text() for page in doc) + data.decode("latin-1")
            else:
                out[name] = data.decode("utf-8")
    return out


def test_no_member_of_the_publication_bundle_holds_a_secret(bundles: Bundles, tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(bundles.publication)
    for name, text in texts.items():
        for secret in SECRETS:
            assert secret.casefold() not in text.casefold(), (secret, name)
    assert not any(n.startswith("data/originals/") for n in texts)
    assert "data/records.json" not in texts
    with zipfile.ZipFile(bundles.publication) as zf:
        for name in zf.namelist():
            if name.endswith(".pdf"):
                pdf = tmp_path / name.replace("/", "_")
                pdf.write_bytes(zf.read(name))
                outcome = verify_file(str(pdf), secrets=[SECRET_NAME, "Garbuz"])
                assert outcome.problems == [], (name, outcome.problems)


def test_the_publication_bundle_keeps_what_is_not_secret(bundles: Bundles) -> None:
    texts = _texts(bundles.publication)
    assert "Ministry of Defence" in texts["data/entities.csv"]
    assert "Signature differs" in texts["data/annotations.jsonld"]
    prov = json.loads(texts["data/provenance.json"])
    first = prov["documents"][0]["provenance"]
    assert first["source_code"] == "SOURCE-KESTREL" and first["verification_status"] == "corroborated"
    assert "source_identity" not in first and "original_path" not in first
    audit = [json.loads(line) for line in texts["data/audit.jsonl"].splitlines()]
    assert any(row.get("withheld") for row in audit[:-1])  # the redaction entry quotes the name


def test_the_internal_bundle_carries_everything(bundles: Bundles) -> None:
    texts = _texts(bundles.internal)
    records = json.loads(texts["data/records.json"])
    assert any(d["provenance"]["source_identity"] == SOURCE_IDENTITY for d in records["documents"]
               if d["provenance"])
    assert any(n["text"] == INTERNAL_NOTE and n["internal"] for n in records["notes"])
    assert any(r["match_text"] == SECRET_NAME for r in records["redactions"])
    assert sum(n.startswith("data/originals/") for n in texts) == 2
    assert SECRET_NAME in texts["data/report.html"]
    assert not any(row.get("withheld") for row in map(json.loads, texts["data/audit.jsonl"].splitlines()))


def test_entities_csv_neutralises_formula_cells() -> None:
    from evidence_desk.core.bundle.tables import neutralise

    assert [neutralise(v) for v in ("=SUM(A1)", "+1", "-2", "@x", "plain", None)] == \
        ["'=SUM(A1)", "'+1", "'-2", "'@x", "plain", ""]


def test_a_bundle_of_some_documents_names_only_their_entities(bundles: Bundles, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from evidence_desk.core.bundle.export import BundleOptions, export_bundle
    from evidence_desk.core.case import Case

    with Case.open(bundles.case_dir) as case:
        result = export_bundle(case, tmp_path / "invoice.zip", BundleOptions(profile="publication", documents=("2",)))
    assert result.documents == 1
    texts = _texts(tmp_path / "invoice.zip")
    assert "EX-2021/0457" in texts["data/entities.csv"]
    assert "Ministry of Defence" not in texts["data/entities.csv"]  # named only in the other letter
    assert sum(n.startswith("data/documents/") for n in texts) == 1
