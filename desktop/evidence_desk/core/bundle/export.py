"""`export OUT.zip`: the case (or some documents) as a zipped BagIt bag.

Steps: sanitise every document (the redaction export, each PDF verified before
it is written), render a thumbnail of each sanitised first page, read every
record in one transaction, write the members from the profile's view of them
(`publish.py`), let `bagit` hash them into its manifests, sign the tag manifest
if asked, and zip the bag next to the destination before renaming it into
place. Nothing is left at the destination when any step fails; the temporary
folder is removed whatever happens. The export is recorded in the audit log."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bagit
from sqlalchemy import select

from evidence_desk import __version__
from evidence_desk.core import audit
from evidence_desk.core.bundle.anchor import ANCHOR, anchor_of, write_anchor
from evidence_desk.core.bundle.annotations import PageTexts, build_annotations
from evidence_desk.core.bundle.ftm import ftm_entities, write_ftm
from evidence_desk.core.bundle.layout import (
    ANNOTATIONS,
    AUDIT,
    ENTITIES_CSV,
    ENTITIES_FTM,
    FORMAT,
    PROVENANCE,
    RECORDS,
    REPORT,
    STORED_SUFFIXES,
    original_name,
    sanitised_name,
)
from evidence_desk.core.bundle.publish import published_records
from evidence_desk.core.bundle.records import CaseRecords, read_records
from evidence_desk.core.bundle.report_html import render_report
from evidence_desk.core.bundle.scrub import PROFILES, build_scrubber
from evidence_desk.core.bundle.signing import SIGNATURE_FILE, load_private, sign
from evidence_desk.core.bundle.tables import provenance_json, write_audit, write_entities_csv
from evidence_desk.core.bundle.thumbnails import render_thumbnails
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Page, new_uid
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import EvidenceDeskError, InvalidInputError
from evidence_desk.core.progress import Progress
from evidence_desk.core.redaction.export import export_pdf

TAG_MANIFEST = "tagmanifest-sha256.txt"


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


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_members(case: Case, records: CaseRecords, payload: Path, profile: str,
                  thumbs: dict[str, bytes], bundle_uid: str) -> dict[str, Any]:
    """Every data member except the PDFs (already in `payload/documents`)."""
    scrub = build_scrubber(case, records, profile)
    published = published_records(records, scrub)
    files = {d["sha256"]: sanitised_name(d["uid"]) for d in records.documents}
    hashes = {}
    if profile == "internal":
        for d in records.documents:
            target = payload / original_name(d["sha256"], d["media_type"])
            target.parent.mkdir(exist_ok=True)
            if case.originals.encrypted:  # the bundle carries the plaintext, never the sealed file
                case.originals.copy_plain(d["sha256"], target)
            else:
                _link_or_copy(case.originals.path_for(d["sha256"]), target)
    texts = PageTexts(scrub, _word_loader(case, records))
    _write_json(payload / ANNOTATIONS, build_annotations(records, published, files, texts, bundle_uid))
    write_entities_csv(payload / ENTITIES_CSV, published)
    write_ftm(payload / ENTITIES_FTM, ftm_entities(published, files, hashes))
    _write_json(payload / PROVENANCE, provenance_json(published, files, profile))
    summary = write_audit(payload / AUDIT, records, scrub)
    if profile == "internal":
        _write_json(payload / RECORDS, records.to_json())
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    (payload / REPORT).write_text(render_report(published, files, thumbs, profile=profile, generated=generated,
                                                audit_head=records.audit_head), encoding="utf-8")
    return summary


def _word_loader(case: Case, records: CaseRecords) -> Any:
    """Word boxes of one page, read when an annotation needs them."""
    ids = {d["sha256"]: d["id"] for d in records.documents}

    def load(sha256: str, page: int) -> list[Any]:
        with case.read() as s:
            words = s.execute(select(Page.words).where(Page.document_id == ids[sha256], Page.number == page)
                              ).scalar_one_or_none()
        return list(words or [])

    return load


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def zip_bag(bag_dir: Path, target: Path) -> int:
    """Zip the bag: already-compressed files stored, text deflated; members in sorted order."""
    count = 0
    with zipfile.ZipFile(target, "w", allowZip64=True) as zf:
        for path in sorted(p for p in bag_dir.rglob("*") if p.is_file()):
            name = path.relative_to(bag_dir).as_posix()
            method = zipfile.ZIP_STORED if path.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
            zf.write(path, name, compress_type=method, compresslevel=6 if method == zipfile.ZIP_DEFLATED else None)
            count += 1
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())
    return count


@dataclass(frozen=True)
class Written:
    members: int
    bytes: int
    summary: dict[str, Any]  # the audit log's head, entries and withheld entries
    fingerprint: str | None


def write_bundle(case: Case, bag_dir: Path, doc_ids: list[int], thumbs_by_id: dict[int, bytes], profile: str,
                 bundle_uid: str, part: Path, key: Any, progress: Progress) -> Written:
    """The bundle step, once the sanitised PDFs are in `bag_dir/documents`: every record read,
    the members written, the bag made (hashed), signed if asked, and zipped into `part`."""
    records = read_records(case, doc_ids)
    thumbs = {d["sha256"]: thumbs_by_id[i] for i, d in enumerate(records.documents) if i in thumbs_by_id}
    summary = write_members(case, records, bag_dir, profile, thumbs, bundle_uid)
    write_anchor(bag_dir / ANCHOR, anchor_of(records.audit, records.case_uid), key, case.author)
    progress.raise_if_cancelled()
    bag_info = {"Source-Organization": "Evidence Desk", "Bundle-Format": FORMAT,
                "Bundle-Profile": profile, "Bundle-UID": bundle_uid,
                "Case-UID": records.case_uid or "", "Exported-By": case.author,
                "Evidence-Desk-Version": __version__,
                "Audit-Head-Hash": summary["audit_head"], "Audit-Entry-Count": str(summary["entries"]),
                "Audit-Withheld-Entries": str(summary["withheld"])}
    bagit.make_bag(str(bag_dir), bag_info, processes=1, checksums=["sha256"])
    fingerprint = None
    if key is not None:
        sig = sign((bag_dir / TAG_MANIFEST).read_bytes(), key, case.author, TAG_MANIFEST)
        (bag_dir / SIGNATURE_FILE).write_text(json.dumps(sig, indent=1), encoding="utf-8")
        fingerprint = sig["fingerprint"]
    members = zip_bag(bag_dir, part)
    return Written(members, part.stat().st_size, summary, fingerprint)


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
    except bagit.BagError as exc:
        raise EvidenceDeskError(f"the bag could not be made ({exc}); nothing was written") from exc
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
