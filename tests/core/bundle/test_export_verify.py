"""`export` writes a valid BagIt bundle; `verify` finds it whole, and names any change to it."""

from __future__ import annotations

import base64
import json
import shutil
import zipfile
from pathlib import Path

import bagit
import pytest

from evidence_desk.core.bundle.signing import trust_key
from evidence_desk.core.bundle.verify_bundle import verify_bundle_file
from tests.core.bundle.conftest import Bundles


def _rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip with some members replaced (None: removed) or added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in change:
                continue
            zout.writestr(info.filename, zin.read(info.filename))
        for name, data in change.items():
            if data is not None:
                zout.writestr(name, data)
    return dst


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_the_bundle_is_a_bag_that_bagit_itself_validates(bundles: Bundles, tmp_path: Path) -> None:
    for bundle in (bundles.publication, bundles.internal, bundles.signed):
        out = tmp_path / bundle.stem
        with zipfile.ZipFile(bundle) as zf:
            zf.extractall(out)  # our own bundle, in a test: bagit reads a folder
        bag = bagit.Bag(str(out))
        bag.validate()
        assert bag.info["Bundle-Profile"] in ("publication", "internal")
        assert {"data/annotations.jsonld", "data/entities.csv", "data/entities.ftm.json", "data/provenance.json",
                "data/audit.jsonl", "data/report.html"} <= set(bag.payload_files())


def test_an_untouched_bundle_verifies_with_every_check_named(bundles: Bundles) -> None:
    report = verify_bundle_file(bundles.internal)
    assert report.ok, report.problems
    assert report.checked["pdfs_checked"] == 2
    assert report.checked["audit_entries"] > 5 and report.checked["signature"] == "none"
    assert any("not signed" in w for w in report.warnings)


def test_a_one_byte_change_in_any_member_is_caught_and_named(bundles: Bundles, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundles.signed) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    for index, (name, data) in enumerate(sorted(members.items())):
        bad = _rewrite(bundles.signed, tmp_path / f"bad{index}.zip", {name: _flip(data, len(data) // 2)})
        report = verify_bundle_file(bad)
        assert not report.ok, name
        assert any(name in p or "signature" in p for p in report.problems), (name, report.problems)


def test_an_added_or_removed_member_is_named(bundles: Bundles, tmp_path: Path) -> None:
    added = verify_bundle_file(_rewrite(bundles.internal, tmp_path / "add.zip", {"data/extra.txt": b"hi"}))
    assert any("data/extra.txt" in p and "added" in p for p in added.problems)
    removed = verify_bundle_file(_rewrite(bundles.internal, tmp_path / "rm.zip", {"data/entities.csv": None}))
    assert any("data/entities.csv" in p and "missing" in p for p in removed.problems)


def test_the_signature_names_its_key_and_whether_it_is_known(bundles: Bundles, tmp_path: Path) -> None:
    unknown = verify_bundle_file(bundles.signed)
    assert unknown.ok and unknown.checked["signature"] == "valid"
    assert unknown.checked["signer_fingerprint"] == bundles.fingerprint
    assert unknown.checked["signer_known_as"] is None
    assert any("do not know" in w for w in unknown.warnings)
    with zipfile.ZipFile(bundles.signed) as zf:
        public = json.loads(zf.read("signature-ed25519.json"))["public_key"]
    (tmp_path / "colleague.pub").write_text(public)
    trust_key(tmp_path / "colleague.pub", "colleague")
    known = verify_bundle_file(bundles.signed)
    assert known.ok and known.checked["signer_known_as"] == "colleague"


def test_a_tampered_signature_is_refused(bundles: Bundles, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundles.signed) as zf:
        sig = json.loads(zf.read("signature-ed25519.json"))
    raw = bytearray(base64.b64decode(sig["signature"]))
    raw[5] ^= 0x40
    sig["signature"] = base64.b64encode(bytes(raw)).decode()
    bad = _rewrite(bundles.signed, tmp_path / "sig.zip", {"signature-ed25519.json": json.dumps(sig).encode()})
    report = verify_bundle_file(bad)
    assert any(p.startswith("signature:") and "does not match" in p for p in report.problems)


def _rebag(src: Path, dst: Path, tmp: Path, edit: object) -> Path:
    """Change a payload file and recompute the manifests honestly (as an attacker without
    the key could): only the audit chain's own checks can catch what was done."""
    folder = tmp / "rebag"
    with zipfile.ZipFile(src) as zf:
        zf.extractall(folder)
    edit(folder)  # type: ignore[operator]
    (folder / "signature-ed25519.json").unlink(missing_ok=True)
    bag = bagit.Bag(str(folder))
    bag.save(manifests=True)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            zf.write(path, path.relative_to(folder).as_posix())
    shutil.rmtree(folder)
    return dst


def test_a_truncated_audit_chain_is_refused_even_with_fresh_checksums(bundles: Bundles, tmp_path: Path) -> None:
    def cut(folder: Path) -> None:
        path = folder / "data" / "audit.jsonl"
        lines = path.read_text().splitlines()
        entries, head = lines[:-1], json.loads(lines[-1])
        entries = entries[:-2]
        head.update(audit_head=json.loads(entries[-1])["hash"], entries=len(entries))
        path.write_text("\n".join([*entries, json.dumps(head)]) + "\n")

    report = verify_bundle_file(_rebag(bundles.internal, tmp_path / "cut.zip", tmp_path, cut))
    assert any("truncated" in p for p in report.problems), report.problems


def test_an_altered_audit_entry_is_named(bundles: Bundles, tmp_path: Path) -> None:
    def alter(folder: Path) -> None:
        path = folder / "data" / "audit.jsonl"
        lines = path.read_text().splitlines()
        row = json.loads(lines[2])
        row["author"] = "someone else"
        lines[2] = json.dumps(row)
        path.write_text("\n".join(lines) + "\n")

    report = verify_bundle_file(_rebag(bundles.internal, tmp_path / "alt.zip", tmp_path, alter))
    assert any("audit entry 3 was altered" in p for p in report.problems), report.problems


@pytest.mark.parametrize("member", ["bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"])
def test_a_bundle_missing_a_tag_file_is_not_a_bag(bundles: Bundles, tmp_path: Path, member: str) -> None:
    report = verify_bundle_file(_rewrite(bundles.internal, tmp_path / "tag.zip", {member: None}))
    assert any(member in p and "missing" in p for p in report.problems)
