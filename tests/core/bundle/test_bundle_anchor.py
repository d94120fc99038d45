"""Every bundle carries the audit anchor it was made from (`data/audit-anchor.json`),
signed with the author's key when the bundle is; `verify BUNDLE.zip` checks that
`audit.jsonl` ends at the anchored head, and the anchor's own signature."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from evidence_desk.core.bundle.anchor import ANCHOR
from evidence_desk.core.bundle.verify_bundle import verify_bundle_file
from tests.core.bundle.conftest import Bundles
from tests.core.bundle.test_export_verify import _rebag


def _anchor(bundle: Path) -> dict[str, object]:
    with zipfile.ZipFile(bundle) as zf:
        return json.loads(zf.read(f"data/{ANCHOR}"))


def _audit(bundle: Path) -> list[dict[str, object]]:
    with zipfile.ZipFile(bundle) as zf:
        return [json.loads(line) for line in zf.read("data/audit.jsonl").decode().splitlines()[:-1]]


def test_every_bundle_anchors_the_head_of_the_log_it_carries(bundles: Bundles) -> None:
    for bundle in (bundles.publication, bundles.internal, bundles.signed):
        anchor, entries = _anchor(bundle), _audit(bundle)
        assert (anchor["entries"], anchor["last_id"], anchor["head"]) == (len(entries), entries[-1]["id"],
                                                                          entries[-1]["hash"])
        report = verify_bundle_file(bundle)
        assert report.checked["audit_anchor"]["entries"] == len(entries), report.problems
    assert "signature" not in _anchor(bundles.internal)
    signed = _anchor(bundles.signed)
    assert signed["signature"]["fingerprint"] == bundles.fingerprint
    assert verify_bundle_file(bundles.signed).checked["audit_anchor"]["signed_by"] == bundles.fingerprint


def test_a_log_cut_and_rebagged_with_a_consistent_head_is_caught_by_the_anchor(bundles: Bundles,
                                                                               tmp_path: Path) -> None:
    """bag-info.txt and the head line rewritten to match, checksums made again: only the
    anchor still names the head the author exported."""
    def cut(folder: Path) -> None:
        path = folder / "data" / "audit.jsonl"
        lines = path.read_text().splitlines()
        entries, head = lines[:-3], json.loads(lines[-1])
        last = json.loads(entries[-1])
        head.update(audit_head=last["hash"], entries=len(entries))
        path.write_text("\n".join([*entries, json.dumps(head)]) + "\n")
        info = folder / "bag-info.txt"
        text = info.read_text()
        text = "\n".join(f"Audit-Head-Hash: {last['hash']}" if line.startswith("Audit-Head-Hash")
                         else f"Audit-Entry-Count: {len(entries)}" if line.startswith("Audit-Entry-Count")
                         else line for line in text.splitlines()) + "\n"
        info.write_text(text)

    report = verify_bundle_file(_rebag(bundles.signed, tmp_path / "cut.zip", tmp_path, cut))
    assert any("does not end at its anchored head" in p for p in report.problems), report.problems
    assert not any("truncated" in p for p in report.problems)  # bag-info.txt alone was fooled


def test_a_forged_anchor_fails_its_signature(bundles: Bundles, tmp_path: Path) -> None:
    def forge(folder: Path) -> None:
        path = folder / "data" / ANCHOR
        anchor = json.loads(path.read_text())
        anchor["entries"] = int(anchor["entries"]) + 1
        path.write_text(json.dumps(anchor))

    report = verify_bundle_file(_rebag(bundles.signed, tmp_path / "forged.zip", tmp_path, forge))
    assert any(p.startswith(f"data/{ANCHOR}: signature:") for p in report.problems), report.problems


def test_an_anchor_of_another_case_is_named(bundles: Bundles, tmp_path: Path) -> None:
    def other(folder: Path) -> None:
        path = folder / "data" / ANCHOR
        anchor = json.loads(path.read_text())
        anchor["case_uid"] = "0" * 32
        path.write_text(json.dumps(anchor))

    report = verify_bundle_file(_rebag(bundles.internal, tmp_path / "other.zip", tmp_path, other))
    assert f"data/{ANCHOR} anchors another case than bag-info.txt names" in report.problems
