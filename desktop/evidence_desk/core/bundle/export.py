"""`export OUT.zip`: the case (or some documents) as a zipped BagIt bag.

Steps: sanitise every document (the redaction export, each PDF verified before
it is written), render a thumbnail of each sanitised first page, read every
record in one transaction, make the members from the profile's view of them
(`publish.py`), and stream the bag into a zip next to the destination
(`bag_zip`: every file hashed for the manifests by the same read that zips it,
the tag manifest signed if asked) before renaming it into place. Nothing is left at the destination when any step fails; the temporary
folder is removed whatever happens. The export is recorded in the audit log."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select, tuple_

from evidence_desk import __version__
from evidence_desk.core import audit
from evidence_desk.core.bundle.anchor import ANCHOR, anchor_of, anchor_text
from evidence_desk.core.bundle.annotations import PageTexts, build_annotations
from evidence_desk.core.bundle.bag_zip import TAG_MANIFEST, BagZip
from evidence_desk.core.bundle.ftm import ftm_entities, ftm_jsonl
from evidence_desk.core.bundle.layout import (
    ANNOTATIONS,
    AUDIT,
    ENTITIES_CSV,
    ENTITIES_FTM,
    FORMAT,
    PROVENANCE,
    RECORDS,
    REPORT,
    original_name,
    sanitised_name,
)
from evidence_desk.core.bundle.publish import published_records
from evidence_desk.core.bundle.records import CaseRecords, read_records
from evidence_desk.core.bundle.report_html import render_report
from evidence_desk.core.bundle.scrub import PROFILES, build_scrubber
from evidence_desk.core.bundle.signing import SIGNATURE_FILE, load_private, sign
from evidence_desk.core.bundle.tables import audit_jsonl, entities_csv, provenance_json
from evidence_desk.core.bundle.thumbnails import render_thumbnails
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Page, new_uid
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import EvidenceDeskError, InvalidInputError
from evidence_desk.core.progress import Progress
from evidence_desk.core.redaction.export import export_pdf


@dataclass(frozen=True)
class BundleOptions:
    profile: str = "publication"
    documents: tuple[str, ...] = ()  # DOC references; empty: every document
    sign_key: str | None = None
    passphrase: str | None = None


@dataclass
class BundleResult:
    output: Path
    profile: str
    documents: int
    members: int
    bytes: int
    audit_head: str
    audit_entries: int
    withheld_entries: int
    signer_fingerprint: str | None
    seconds: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"output": str(self.output), "profile": self.profile, "documents": self.documents,
                "members": self.members, "bytes": self.bytes, "audit_head": self.audit_head,
                "audit_entries": self.audit_entries, "withheld_audit_entries": self.withheld_entries,
                "signer_fingerprint": self.signer_fingerprint,
                "seconds": {k: round(v, 3) for k, v in self.seconds.items()}}


def _check_output(output: Path) -> Path:
    output = output.expanduser().absolute()
    if output.suffix.lower() != ".zip":
        raise InvalidInputError(f"{output.name}: a bundle is a .zip file")
    if not output.parent.is_dir():
        raise InvalidInputError(f"{output.parent} does not exist; create the folder first")
    if output.is_dir():
        raise InvalidInputError(f"{output} is a folder; give a file name ending in .zip")
    return output


def _doc_ids(case: Case, refs: tuple[str, ...]) -> list[int]:
    with case.read() as s:
        if refs:
            return sorted({resolve(s, ref).id for ref in refs})
        ids = list(s.execute(select(Document.id).order_by(Document.id)).scalars())
    if not ids:
        raise InvalidInputError("the case holds no documents to export")
    return ids


def write_members(case: Case, records: CaseRecords, profile: str, thumbs: dict[str, bytes],
                  bundle_uid: str) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Every data member made from the records (names under `data/`), as bytes, and the
    audit log's summary (head, entries, withheld entries)."""
    scrub = build_scrubber(case, records, profile)
    published = published_records(records, scrub)
    files = {d["sha256"]: sanitised_name(d["uid"]) for d in records.documents}
    texts = PageTexts(scrub, _word_loader(case, records))
    audit_text, summary = audit_jsonl(records, scrub)
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    members = {
        ANNOTATIONS: _json(build_annotations(records, published, files, texts, bundle_uid)),
        ENTITIES_CSV: entities_csv(published).encode("utf-8"),
        ENTITIES_FTM: ftm_jsonl(ftm_entities(published, files, {})).encode("utf-8"),
        PROVENANCE: _json(provenance_json(published, files, profile)),
        AUDIT: audit_text.encode("utf-8"),
        REPORT: render_report(published, files, thumbs, profile=profile, generated=generated,
                              audit_head=records.audit_head).encode("utf-8"),
    }
    if profile == "internal":
        members[RECORDS] = _json(records.to_json())
    return {f"data/{name}": data for name, data in members.items()}, summary


def _word_loader(case: Case, records: CaseRecords) -> Any:
    """Word boxes of one page, for the annotations, which read them only for a quote (its
    region and its prefix and suffix): every page a quote is on is read at once, in one
    query for a few hundred pages, not a read each."""
    ids = {d["sha256"]: d["id"] for d in records.documents}
    quotes = [(m["document"], m["page"], m["quote"]) for m in records.mentions]
    quotes += [(link["source"], link["page"], link["quote"]) for link in records.document_links]
    quoted = sorted({(ids[sha], page) for sha, page, quote in quotes if quote and page is not None and sha in ids})
    known: dict[tuple[int, int], list[Any]] = {}
    with case.read() as s:
        for start in range(0, len(quoted), WORD_PAGES_PER_QUERY):
            pairs = quoted[start:start + WORD_PAGES_PER_QUERY]
            query = select(Page.document_id, Page.number, Page.words).where(
                tuple_(Page.document_id, Page.number).in_(pairs))
            known.update({(d, n): list(words or []) for d, n, words in s.execute(query)})

    def load(sha256: str, page: int) -> list[Any]:
        return known.get((ids[sha256], page), [])  # a page the case lacks has no words

    return load


WORD_PAGES_PER_QUERY = 400  # (document, page) pairs: two parameters each, well under any bound


def _json(data: Any) -> bytes:
    """Compact UTF-8 JSON, by msgspec: what `json.dumps` would make (floats may be spelt
    otherwise, "1e22" for "1e+22"), several times faster on a large case's records."""
    return msgspec.json.encode(data)


def _payload_files(case: Case, doc_ids: list[int], bag_dir: Path, profile: str) -> list[tuple[str, Path]]:
    """(data/…, the file holding it), in name order: the sanitised PDFs under
    `bag_dir/documents`, and for the internal profile each original as the store holds it
    (an encrypted case's plaintext is written under `bag_dir` first: the bundle never
    carries the sealed file)."""
    out = {f"data/{p.relative_to(bag_dir).as_posix()}": p
           for p in sorted((bag_dir / "documents").iterdir()) if p.is_file()}
    if profile == "internal":
        with case.read() as s:
            stored = s.execute(select(Document.sha256, Document.media_type).where(Document.id.in_(doc_ids))).all()
        for sha256, media_type in stored:
            name = original_name(sha256, media_type)
            if case.originals.encrypted:
                target = bag_dir / name
                target.parent.mkdir(exist_ok=True)
                case.originals.copy_plain(sha256, target)
                out[f"data/{name}"] = target
            else:
                out[f"data/{name}"] = case.originals.path_for(sha256)
    return sorted(out.items())


@dataclass(frozen=True)
class Written:
    members: int
    bytes: int
    summary: dict[str, Any]  # the audit log's head, entries and withheld entries
    fingerprint: str | None


def write_bundle(case: Case, bag_dir: Path, doc_ids: list[int], thumbs_by_id: dict[int, bytes], profile: str,
                 bundle_uid: str, part: Path, key: Any, progress: Progress) -> Written:
    """The bundle step, once the sanitised PDFs are in `bag_dir/documents`: the files streamed
    into the zip `part` (`bag_zip`: each hashed as it is written), then every record read and
    the members made while the disk writes the files, then the members and the tag files,
    signed if asked, flushed to disk."""
    files = _payload_files(case, doc_ids, bag_dir, profile)
    fingerprint: list[str] = []
    with BagZip(part) as bag:
        for name, path in files:
            bag.add_file(name, path, progress.raise_if_cancelled)
        bag.start_writeback()  # the disk writes them while the records are read and the members made
        records = read_records(case, doc_ids)
        thumbs = {d["sha256"]: thumbs_by_id[i] for i, d in enumerate(records.documents) if i in thumbs_by_id}
        members, summary = write_members(case, records, profile, thumbs, bundle_uid)
        members[f"data/{ANCHOR}"] = anchor_text(anchor_of(records.audit, records.case_uid), key,
                                                case.author).encode("utf-8")
        progress.raise_if_cancelled()
        for name in sorted(members):
            bag.add_bytes(name, members[name])
        bag_info = {"Source-Organization": "Evidence Desk", "Bundle-Format": FORMAT,
                    "Bundle-Profile": profile, "Bundle-UID": bundle_uid,
                    "Case-UID": records.case_uid or "", "Exported-By": case.author,
                    "Evidence-Desk-Version": __version__, "Bag-Software-Agent": f"Evidence Desk {__version__}",
                    "Audit-Head-Hash": summary["audit_head"], "Audit-Entry-Count": str(summary["entries"]),
                    "Audit-Withheld-Entries": str(summary["withheld"])}

        def signed(manifest: bytes) -> tuple[str, bytes]:
            sig = sign(manifest, key, case.author, TAG_MANIFEST)
            fingerprint.append(sig["fingerprint"])
            return SIGNATURE_FILE, json.dumps(sig, indent=1).encode("utf-8")

        bag.finish(bag_info, signed if key is not None else None)
    return Written(bag.members, part.stat().st_size, summary, fingerprint[0] if fingerprint else None)


def export_bundle(case: Case, output: Path | str, options: BundleOptions | None = None,
                  progress: Progress | None = None) -> BundleResult:
    options = options or BundleOptions()
    progress = progress or Progress()
    if options.profile not in PROFILES:
        raise InvalidInputError(f"the profile is one of {', '.join(PROFILES)}")
    output = _check_output(Path(output))
    key = load_private(options.sign_key, options.passphrase or "") if options.sign_key else None
    doc_ids = _doc_ids(case, options.documents)
    seconds: dict[str, float] = {}
    bundle_uid = new_uid()
    work = Path(tempfile.mkdtemp(prefix=".bundle-", dir=output.parent))
    part = output.parent / f".{output.name}.{bundle_uid[:12]}.part"
    try:
        bag_dir = work / "bag"
        (bag_dir / "documents").mkdir(parents=True)
        started = time.perf_counter()
        progress.update(label="Sanitising documents", total=len(doc_ids), done=0)
        with case.read() as s:
            uids = {i: s.get(Document, i).uid for i in doc_ids}  # type: ignore[union-attr]
        for doc_id in doc_ids:
            progress.raise_if_cancelled()
            export_pdf(case, doc_id, bag_dir / sanitised_name(uids[doc_id]))
            progress.advance(1)
        seconds["sanitise"] = time.perf_counter() - started
        started = time.perf_counter()
        thumbs_by_id = render_thumbnails([bag_dir / sanitised_name(uids[i]) for i in doc_ids])
        seconds["thumbnails"] = time.perf_counter() - started
        started = time.perf_counter()
        progress.update(label="Writing the bundle", total=None)
        written = write_bundle(case, bag_dir, doc_ids, thumbs_by_id, options.profile, bundle_uid, part, key,
                               progress)
        os.replace(part, output)
        seconds["bundle"] = time.perf_counter() - started
    except (OSError, ValueError) as exc:
        raise EvidenceDeskError(f"the bundle could not be written ({exc}); nothing was written") from exc
    finally:
        part.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    summary, size = written.summary, written.bytes
    result = BundleResult(output, options.profile, len(doc_ids), written.members, size, summary["audit_head"],
                          summary["entries"], summary["withheld"], written.fingerprint, seconds)
    with case.write() as s:
        audit.append(s, author=case.author, action="export.bundle", target_type="case", target_id=None,
                     data={"file": output.name, "profile": options.profile, "documents": len(doc_ids),
                           "bytes": size, "audit_head": summary["audit_head"], "signer": written.fingerprint})
    return result
