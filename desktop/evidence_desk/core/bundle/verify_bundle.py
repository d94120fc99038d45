"""`verify BUNDLE.zip`: is this bundle whole, as its author made it, and free of leaks?

The zip is read as untrusted (`safe_zip`: names, types, sizes, ratios, overlaps,
caps while inflating) into a private temporary folder. Then: the BagIt structure
(`bagit.txt`, `bag-info.txt`, both manifests, nothing outside `data/` but the
signature), every payload file against `manifest-sha256.txt` and every tag file
against `tagmanifest-sha256.txt` (a changed byte is named by its file; a file
added or removed is named too), `Payload-Oxum`, the Ed25519 signature over the tag
manifest (its signer's fingerprint and whether it is a key the user knows), the
audit chain in `audit.jsonl` up to the head that `bag-info.txt` states, and the
redaction checks on every sanitised PDF (in a sandbox worker). Every check runs;
the report names every problem."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_desk.core.audit import GENESIS_HASH, entry_hash
from evidence_desk.core.bundle.anchor import ANCHOR, check_anchor
from evidence_desk.core.bundle.json_input import read_json
from evidence_desk.core.bundle.layout import AUDIT, FORMAT, REQUIRED, TAG_FILES
from evidence_desk.core.bundle.safe_zip import SafeZip, UnsafeZipError, ZipLimits, check_name
from evidence_desk.core.bundle.signing import SIGNATURE_FILE, check_signature
from evidence_desk.core.errors import InvalidInputError, WorkerError
from evidence_desk.core.redaction.verify_pdf import VERIFY
from evidence_desk.core.sandbox import Limits, SandboxWorker
from evidence_desk.core.verify_case import VerifyReport

MANIFEST_LINE = re.compile(r"^([0-9a-f]{64})[ \t]+([^\r\n]+)$")
MAX_TAG_FILE = 64 * 1024 * 1024  # a manifest line per file: far more than any real bundle needs
BAGIT_TXT = "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"


@dataclass
class CheckedBundle:
    """A bundle extracted and checked; `root` is removed when the context ends."""

    report: VerifyReport
    root: Path
    info: dict[str, str] = field(default_factory=dict)
    payload: dict[str, str] = field(default_factory=dict)  # data/… → sha256

    def data(self, name: str) -> Path:
        return self.root / "data" / name


def _manifest(text: str, what: str, problems: list[str]) -> dict[str, str] | None:
    out: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        match = MANIFEST_LINE.match(line)
        if match is None:
            problems.append(f"{what} line {number} is malformed")
            return None
        digest, name = match.groups()
        try:
            check_name(name)
        except UnsafeZipError as exc:
            problems.append(f"{what} names an unsafe path: {exc}")
            return None
        if name in out:
            problems.append(f"{what} lists {name} twice")
        out[name] = digest
    return out


def _bag_info(text: str) -> dict[str, str]:
    info: dict[str, str] = {}
    for line in text.splitlines():
        if ":" in line and not line[:1].isspace():
            key, value = line.split(":", 1)
            info[key.strip()] = value.strip()
    return info


def _compare(listed: dict[str, str], actual: dict[str, str], what: str, problems: list[str]) -> None:
    for name, digest in sorted(listed.items()):
        if name not in actual:
            problems.append(f"{name}: listed in {what} but missing from the bundle")
        elif actual[name] != digest:
            problems.append(f"{name}: checksum mismatch (the file was changed after the bundle was made)")


def _check_audit(root: Path, info: dict[str, str], report: VerifyReport) -> list[dict[str, Any]] | None:
    path = root / "data" / AUDIT
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        rows = [read_json(line) for line in lines]
    except ValueError:
        report.problems.append(f"data/{AUDIT} is not JSON lines")
        return None
    if not rows or "audit_head" not in rows[-1]:
        report.problems.append(f"data/{AUDIT} has no head line (the chain was cut)")
        return None
    summary, entries = rows[-1], rows[:-1]
    prev, withheld = GENESIS_HASH, 0
    for row in entries:
        try:
            if row["prev_hash"] != prev:
                report.problems.append(f"audit entry {row['id']} does not follow the entry before it "
                                       "(an entry was removed, inserted or reordered)")
                return None
            if row.get("withheld"):
                withheld += 1  # its data is not published: its link is checked, its content cannot be
            elif entry_hash(prev, row["at"], row["author"], row["action"], row["target_type"],
                            row["target_id"], row["data"]) != row["hash"]:
                report.problems.append(f"audit entry {row['id']} was altered (hash mismatch)")
                return None
            prev = row["hash"]
        except (KeyError, TypeError):
            report.problems.append(f"data/{AUDIT}: an entry lacks its fields")
            return None
    stated = (info.get("Audit-Head-Hash"), info.get("Audit-Entry-Count"))
    if (summary.get("audit_head"), str(summary.get("entries"))) != stated or prev != stated[0] \
            or str(len(entries)) != stated[1]:
        report.problems.append(f"the audit chain ends at entry {len(entries)} ({prev[:12]}…), not at the head "
                               f"bag-info.txt states ({stated[1]} entries, {str(stated[0])[:12]}…): "
                               "it was truncated or extended")
    report.checked["audit_entries"] = len(entries)
    report.checked["audit_withheld"] = withheld
    return list(entries)


def _check_pdfs(root: Path, report: VerifyReport, timeout: float) -> None:
    pdfs = sorted((root / "data" / "documents").glob("*.pdf")) if (root / "data" / "documents").is_dir() else []
    with SandboxWorker(Limits(memory_mb=2048)) as worker:
        for pdf in pdfs:
            name = pdf.relative_to(root).as_posix()
            try:
                outcome = worker.call(VERIFY, str(pdf), timeout=timeout)
            except WorkerError as exc:
                report.problems.append(f"{name}: could not be checked ({exc})")
                continue
            report.problems.extend(f"{name}: {p}" for p in outcome.problems)
            report.warnings.extend(f"{name}: {w}" for w in outcome.warnings)
    report.checked["pdfs_checked"] = len(pdfs)


def _check_structure(root: Path, names: set[str], report: VerifyReport) -> dict[str, str]:
    problems = report.problems
    for tag in (*TAG_FILES, SIGNATURE_FILE):
        if tag in names and (root / tag).stat().st_size > MAX_TAG_FILE:
            problems.append(f"{tag} is larger than a tag file can be ({MAX_TAG_FILE:,} bytes)")
            names.discard(tag)
    for tag in TAG_FILES:
        if tag not in names:
            problems.append(f"{tag} is missing: not a BagIt bag")
    stray = sorted(n for n in names if not n.startswith("data/") and n not in (*TAG_FILES, SIGNATURE_FILE))
    problems.extend(f"{n}: not part of a bundle (outside data/)" for n in stray)
    if "bagit.txt" in names and (root / "bagit.txt").read_text(encoding="utf-8", errors="replace") != BAGIT_TXT:
        problems.append("bagit.txt is not a BagIt 0.97 declaration")
    info = _bag_info((root / "bag-info.txt").read_text(encoding="utf-8", errors="replace")) \
        if "bag-info.txt" in names else {}
    if info and info.get("Bundle-Format") != FORMAT:
        problems.append(f"bag-info.txt does not declare {FORMAT}")
    for member in REQUIRED:
        if f"data/{member}" not in names:
            problems.append(f"data/{member} is missing")
    return info


@contextmanager
def checked_bundle(path: Path | str, *, limits: ZipLimits | None = None, check_pdfs: bool = True,
                   timeout: float = 120.0) -> Iterator[CheckedBundle]:
    """Extract and check a bundle; the caller reads the files while the context lasts."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise InvalidInputError(f"{path}: no such bundle")
    report = VerifyReport(target=str(path))
    root = Path(tempfile.mkdtemp(prefix="evidence-desk-bundle-"))
    try:
        bundle = CheckedBundle(report, root)
        try:
            with SafeZip(path, limits) as zf:
                hashes = zf.extract_all_checked(root)
        except UnsafeZipError as exc:
            report.problems.append(f"refused: {exc}")
            yield bundle
            return
        names = set(hashes)
        info = _check_structure(root, names, report)
        bundle.info = info
        payload = {n: h for n, h in hashes.items() if n.startswith("data/")}
        bundle.payload = payload
        if "manifest-sha256.txt" in names:
            listed = _manifest((root / "manifest-sha256.txt").read_text(encoding="utf-8", errors="replace"),
                               "manifest-sha256.txt", report.problems)
            if listed is not None:
                _compare(listed, payload, "manifest-sha256.txt", report.problems)
                report.problems.extend(f"{n}: in the bundle but not in manifest-sha256.txt (a file was added)"
                                       for n in sorted(set(payload) - set(listed)))
        if "tagmanifest-sha256.txt" in names:
            listed = _manifest((root / "tagmanifest-sha256.txt").read_text(encoding="utf-8", errors="replace"),
                               "tagmanifest-sha256.txt", report.problems)
            if listed is not None:
                _compare(listed, hashes, "tagmanifest-sha256.txt", report.problems)
                for tag in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt"):
                    if tag in names and tag not in listed:
                        report.problems.append(f"{tag} is not covered by tagmanifest-sha256.txt")
        oxum = info.get("Payload-Oxum", "")
        actual = f"{sum((root / n).stat().st_size for n in payload)}.{len(payload)}"
        if oxum != actual:
            report.problems.append(f"Payload-Oxum says {oxum or 'nothing'}, the payload is {actual} "
                                   "(bytes.files)")
        _check_signature(root, names, report)
        check_anchor(root / "data" / ANCHOR, _check_audit(root, info, report), info, report)
        if check_pdfs:
            _check_pdfs(root, report, timeout)
        report.checked.update({"members": len(names), "payload_files": len(payload),
                               "profile": info.get("Bundle-Profile")})
        yield bundle
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _check_signature(root: Path, names: set[str], report: VerifyReport) -> None:
    if SIGNATURE_FILE not in names:
        report.checked["signature"] = "none"
        report.warnings.append("the bundle is not signed: its checksums show it is whole, not who made it")
        return
    tag = root / "tagmanifest-sha256.txt"
    check = check_signature((root / SIGNATURE_FILE).read_bytes(), tag.read_bytes() if tag.is_file() else b"",
                            "tagmanifest-sha256.txt")
    report.checked["signer_fingerprint"] = check.fingerprint
    report.checked["signer"] = check.signer
    report.checked["signer_known_as"] = check.known_as
    if not check.valid:
        report.problems.append(f"signature: {check.problem}")
        return
    report.checked["signature"] = "valid"
    if check.known_as is None:
        report.warnings.append(f"signed by a key you do not know (fingerprint {check.fingerprint}); "
                               "compare it with the sender's before trusting the bundle")


def verify_bundle_file(path: Path | str) -> VerifyReport:
    with checked_bundle(path) as bundle:
        return bundle.report


def bundle_summary(bundle: CheckedBundle) -> dict[str, Any]:
    return {"profile": bundle.info.get("Bundle-Profile"), "uid": bundle.info.get("Bundle-UID"),
            "case_uid": bundle.info.get("Case-UID")}
