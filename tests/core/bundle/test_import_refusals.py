"""Hostile or damaged bundles are refused by `import-bundle` with a clear reason, and
the case is exactly as it was: same records, same audit log, same stored files."""

from __future__ import annotations

import base64
import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import bagit
import pytest

from evidence_desk.core.bundle.import_bundle import BundleRefusedError, import_bundle
from evidence_desk.core.bundle.records import read_records
from evidence_desk.core.bundle.safe_zip import ZipLimits
from evidence_desk.core.bundle.verify_bundle import verify_bundle_file
from evidence_desk.core.case import Case
from evidence_desk.core.errors import CancelledError
from evidence_desk.core.progress import Progress
from evidence_desk.core.text import stream
from tests.core.bundle.conftest import Bundles
from tests.core.bundle.zips import RawMember, build_zip


def _state(case: Case) -> tuple[str, list[str]]:
    records = read_records(case)
    files = sorted(p.relative_to(case.path).as_posix() for p in case.path.rglob("*")
                   if p.is_file() and "cache" not in p.parts and not p.name.startswith("case.sqlite"))
    return json.dumps(records.to_json(), sort_keys=True) + json.dumps(records.audit), files


@pytest.fixture
def target(tmp_path: Path) -> Case:
    case = Case.open(tmp_path / "target", create=True)
    yield case  # type: ignore[misc]
    case.close()


def _refused(case: Case, bundle: Path, match: str, limits: ZipLimits | None = None) -> None:
    before = _state(case)
    with pytest.raises(BundleRefusedError, match=match):
        import_bundle(case, bundle, limits=limits)
    assert _state(case) == before


def _members(bundle: Path) -> list[RawMember]:
    with zipfile.ZipFile(bundle) as zf:
        return [RawMember(n, zf.read(n)) for n in zf.namelist()]


def test_zip_slip_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    bad = build_zip(tmp_path / "slip.zip", [*_members(bundles.internal), RawMember("data/../../evil", b"x")])
    _refused(target, bad, "zip slip")
    assert not (tmp_path / "evil").exists()


def test_an_absolute_path_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    bad = build_zip(tmp_path / "abs.zip", [*_members(bundles.internal), RawMember("/tmp/evil", b"x")])
    _refused(target, bad, "absolute path")


def test_a_symlink_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    bad = build_zip(tmp_path / "link.zip", [*_members(bundles.internal),
                                           RawMember("data/link", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)])
    _refused(target, bad, "symbolic link")


def test_a_hundred_thousand_members_are_refused(target: Case, tmp_path: Path) -> None:
    bad = build_zip(tmp_path / "many.zip", [RawMember(f"data/{i}", b"") for i in range(100_000)])
    _refused(target, bad, "100,000 members")


def test_a_ten_gigabyte_member_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    bad = build_zip(tmp_path / "huge.zip", [*_members(bundles.internal),
                                           RawMember("data/huge", b"\0" * 4096, deflate=True,
                                                     declared_size=10 * 1024**3)])
    _refused(target, bad, "10,737,418,240 bytes")


def test_a_compression_bomb_is_refused_while_reading(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    bad = build_zip(tmp_path / "bomb.zip", [*_members(bundles.internal),
                                           RawMember("data/zeros", b"\0" * 5_000_000, deflate=True)])
    _refused(target, bad, "compression", ZipLimits(ratio_floor=1000))


def _replace(bundle: Path, dst: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    members = [RawMember(m.name, change(m.data) if m.name == name else m.data) for m in _members(bundle)]
    return build_zip(dst, members)


def test_a_wrong_hash_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundles.internal) as zf:
        original = next(n for n in zf.namelist() if n.startswith("data/originals/"))
    bad = _replace(bundles.internal, tmp_path / "hash.zip", original, lambda d: d[:-10] + b"0123456789")
    _refused(target, bad, "checksum mismatch")


def test_a_tampered_signature_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    def flip(data: bytes) -> bytes:
        sig = json.loads(data)
        raw = bytearray(base64.b64decode(sig["signature"]))
        raw[0] ^= 1
        sig["signature"] = base64.b64encode(bytes(raw)).decode()
        return json.dumps(sig).encode()

    _refused(target, _replace(bundles.signed, tmp_path / "sig.zip", "signature-ed25519.json", flip), "signature")


def test_a_truncated_audit_chain_is_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    def cut(data: bytes) -> bytes:
        lines = data.decode().splitlines()
        return ("\n".join(lines[:-3] + lines[-1:]) + "\n").encode()

    _refused(target, _replace(bundles.internal, tmp_path / "cut.zip", "data/audit.jsonl", cut), "checksum|audit")


def _rebagged(bundles: Bundles, tmp_path: Path, change: Callable[[Path], None]) -> Path:
    """The internal bundle changed by `change(folder)` and made a consistent bag again: its
    manifests recomputed honestly, so only the import's own checks can catch the change."""
    folder = tmp_path / "rebagged"
    with zipfile.ZipFile(bundles.internal) as zf:
        zf.extractall(folder)
    change(folder)
    bagit.Bag(str(folder)).save(manifests=True)
    out = tmp_path / "rebagged.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            zf.write(path, path.relative_to(folder).as_posix())
    return out


def _with_member(bundles: Bundles, tmp_path: Path, name: str, data: bytes) -> Path:
    """The internal bundle with one data member replaced, its manifests made to agree."""
    def replace(folder: Path) -> None:
        (folder / "data" / name).write_bytes(data)

    return _rebagged(bundles, tmp_path, replace)


def test_an_original_that_is_not_the_file_its_record_names_is_refused(bundles: Bundles, target: Case,
                                                                     tmp_path: Path) -> None:
    """Manifests recomputed honestly over a swapped original: only the record's hash catches it."""
    def swap(folder: Path) -> None:
        originals = sorted((folder / "data" / "originals").iterdir())
        originals[0].write_bytes(originals[1].read_bytes())

    _refused(target, _rebagged(bundles, tmp_path, swap), "SHA-256")


def test_bad_records_are_refused_before_anything_is_written(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundles.internal) as zf:
        data = json.loads(zf.read("data/records.json"))
    data["mentions"][0]["page"] = "all of them"
    bad = _with_member(bundles, tmp_path, "records.json", json.dumps(data).encode())
    _refused(target, bad, r"mentions\[0\]\.page")


AUDIT_NOT_JSON = "data/audit.jsonl is not JSON lines"


@pytest.mark.parametrize("name", ["records.json", "audit.jsonl"])
def test_json_nested_past_any_reader_s_depth_is_refused_not_a_crash(bundles: Bundles, target: Case,
                                                                     tmp_path: Path, name: str) -> None:
    deep = b"[" * 200_000 + b"]" * 200_000
    with zipfile.ZipFile(bundles.internal) as zf:
        lines = zf.read("data/audit.jsonl").splitlines()
    data = deep if name == "records.json" else b"\n".join([deep, *lines[1:]]) + b"\n"
    bundle = _with_member(bundles, tmp_path, name, data)
    _refused(target, bundle, "is not JSON lines|cannot be read")
    if name == "audit.jsonl":  # verify reads the log too, and says what is wrong with it
        assert any(AUDIT_NOT_JSON in p for p in verify_bundle_file(bundle).problems)


def test_records_with_not_a_number_in_them_are_refused(bundles: Bundles, target: Case, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundles.internal) as zf:
        text = zf.read("data/records.json").decode("utf-8")
    data = json.loads(text)
    data["mentions"][0]["x0"] = float("nan")  # json.dumps writes NaN, which is not JSON
    _refused(target, _with_member(bundles, tmp_path, "records.json", json.dumps(data).encode()),
             "records.json cannot be read")


def test_an_import_cancelled_while_the_originals_are_parsed_leaves_the_case_as_it_was(bundles: Bundles,
                                                                                       target: Case) -> None:
    before = _state(target)
    progress = Progress()
    progress.subscribe(lambda state: progress.cancel() if state.label == "Checking the bundle's originals" else None)
    with pytest.raises(CancelledError):
        import_bundle(target, bundles.internal, progress=progress)
    assert _state(target) == before
    assert stream._warm == {}  # no index columns computed for pages that never arrived are kept
    assert not list(target.originals.staging.glob("*"))  # every staged copy discarded
    assert import_bundle(target, bundles.internal).documents_added  # and the bundle can be imported after all
