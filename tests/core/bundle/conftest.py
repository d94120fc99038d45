"""A small annotated case and its bundles, built once per session: two letters with
a tag, a note, an internal note, a link, a redacted name, provenance with a source's
identity (which only the internal profile may carry) and custody events."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.bundle.signing import create_key
from evidence_desk.core.case import Case
from evidence_desk.core.commands.links import AddLink
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.provenance import ProvenanceUpdate, update_edit
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from tests import pg
from tests.core.pdfs import write_text_pdf

SECRET_NAME = "Kirill Garbuz"
SOURCE_IDENTITY = "Ivan Petrovich Sidorov"
INTERNAL_NOTE = "Meet SOURCE-KESTREL at café Lumière on Thursdays"
PASSPHRASE = "correct horse battery"


@dataclass
class Bundles:
    case_dir: Path
    publication: Path
    internal: Path
    signed: Path
    fingerprint: str


def build_annotated_case(folder: Path, sources: Path) -> Case:
    write_text_pdf(sources / "letter-114.pdf", [
        f"Letter No. 114/VTS from {SECRET_NAME} to the Ministry of Defence about contract EX-2021/0457.",
        "Annex 1: fire-control upgrade kits shipped via Zollamt Brest.",
    ])
    write_text_pdf(sources / "invoice-0457.pdf", [
        "Invoice 2021-0457 under contract EX-2021/0457 cites letter 114/VTS. EUR 1,250,000."])
    case = Case.open(folder, create=True)
    import_paths(case, [sources / "letter-114.pdf", sources / "invoice-0457.pdf"], ImportOptions(workers=1))
    case.apply(tag_edit(case, 1, 1, "Ministry of Defence", "state_body", quote="Ministry of Defence"))
    case.apply(tag_edit(case, 2, 1, "EX-2021/0457", "contract", quote="EX-2021/0457"))
    case.apply(tag_edit(case, 1, 1, "EX-2021/0457", quote="EX-2021/0457"))
    case.apply(AddLink(2, 1, "cites", page=1, quote="letter 114/VTS"))
    add_note(case, 1, "Signature differs from the invoice's", page=1)
    add_note(case, 1, INTERNAL_NOTE, internal=True)
    case.apply(redact_hits_edit(case, find_hits(case, SECRET_NAME), "source", status="approved"))
    case.apply(update_edit(case, 1, ProvenanceUpdate(
        source="SOURCE-KESTREL", received="2024-05-14", method="encrypted USB stick, in person",
        verification="corroborated", confidence="medium", reasoning="letterhead matches doc 2",
        received_by="desk editor", identity=SOURCE_IDENTITY)))
    case.apply(update_edit(case, 1, ProvenanceUpdate(custody="copied to the review laptop", custody_kind="copied")))
    return case


@pytest.fixture(scope="session")
def bundles(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Bundles]:
    import os

    root = tmp_path_factory.mktemp("bundles")
    os.environ["EVIDENCE_DESK_HOME"] = str(root / "home")  # the session's own key folder
    sources = root / "sources"
    sources.mkdir()
    case = build_annotated_case(pg.case_folder(root / "case"), sources)
    try:
        key = create_key("default", PASSPHRASE)
        out = Bundles(root / "case", root / "publication.zip", root / "internal.zip", root / "signed.zip",
                      key.fingerprint)
        export_bundle(case, out.publication, BundleOptions(profile="publication"))
        export_bundle(case, out.internal, BundleOptions(profile="internal"))
        export_bundle(case, out.signed, BundleOptions(profile="internal", sign_key="default",
                                                      passphrase=PASSPHRASE))
        yield out
    finally:
        case.close()
