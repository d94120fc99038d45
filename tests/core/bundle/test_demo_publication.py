"""The publication bundle of the demo case: no source identity and no redacted text in
any member (a search of every member's text, PDFs by extraction), and every PDF inside
passes the redaction checks — with the redacted strings searched for in it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.pdf.redact_verify import verify_file
from evidence_desk.core.provenance import ProvenanceUpdate, update_edit
from evidence_desk.core.redaction.entity_hits import entity_names, find_entity_hits
from evidence_desk.core.redaction.matching import redact_hits_edit

REDACTED = "Kirill O. Garbuz"
IDENTITY = "Marta Ilyinichna Voskoboinikova"


@pytest.fixture(scope="module")
def demo_bundle(demo_copy: Callable[[Path], Path],
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    root = tmp_path_factory.mktemp("demo-bundle")
    case = Case.open(demo_copy(root / "case"))
    try:
        _, names = entity_names(case, REDACTED)
        case.apply(redact_hits_edit(case, find_entity_hits(case, REDACTED), "source", status="approved"))
        case.apply(update_edit(case, 1, ProvenanceUpdate(identity=IDENTITY)))
        out = root / "publication.zip"
        export_bundle(case, out, BundleOptions(profile="publication"))
        yield out, names
    finally:
        case.close()


def test_no_member_names_the_source_or_any_redacted_string(demo_bundle: tuple[Path, list[str]]) -> None:
    bundle, names = demo_bundle
    secrets = {IDENTITY, "Voskoboinikova", "Garbuz", *names}
    with zipfile.ZipFile(bundle) as zf:
        members = zf.namelist()
        assert not [n for n in members if n.startswith("data/originals/")]
        for name in members:
            data = zf.read(name)
            text = data.decode("utf-8", errors="replace")
            if name.endswith(".pdf"):
                with pymupdf.open(stream=data, filetype="pdf") as doc:
                    text += "\n".join(page.get_text() for page in doc)
            for secret in secrets:
                assert secret.casefold() not in text.casefold(), (secret, name)


def test_every_pdf_inside_passes_the_redaction_checks(demo_bundle: tuple[Path, list[str]], tmp_path: Path) -> None:
    bundle, names = demo_bundle
    with zipfile.ZipFile(bundle) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == 16
        for name in pdfs:
            path = tmp_path / Path(name).name
            path.write_bytes(zf.read(name))
            outcome = verify_file(str(path), secrets=[*names, "Garbuz"])
            assert outcome.problems == [], (name, outcome.problems)
