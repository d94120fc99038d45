"""Reading untrusted zips: each hostile shape is refused, with a reason, before anything is written."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from evidence_desk.core.bundle.safe_zip import SafeZip, UnsafeZipError, ZipLimits
from tests.core.bundle.zips import RawMember, build_zip


def _refused(path: Path, out: Path, limits: ZipLimits | None = None) -> str:
    out.mkdir(exist_ok=True)
    with pytest.raises(UnsafeZipError) as info, SafeZip(path, limits) as zf:
        zf.extract_all_checked(out)
    assert not any(p.is_file() for p in out.rglob("*")) or limits is not None
    return str(info.value)


def test_a_plain_zip_extracts_with_the_hash_of_each_member(tmp_path: Path) -> None:
    path = tmp_path / "ok.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bagit.txt", "BagIt-Version: 0.97\n")
        zf.writestr("data/a/b.txt", "hello" * 100)
    with SafeZip(path) as zf:
        hashes = zf.extract_all_checked(tmp_path / "out")
    assert (tmp_path / "out" / "data" / "a" / "b.txt").read_text() == "hello" * 100
    assert set(hashes) == {"bagit.txt", "data/a/b.txt"}


@pytest.mark.parametrize(("name", "why"), [
    ("../evil.txt", "zip slip"),
    ("data/../../evil.txt", "zip slip"),
    ("/etc/evil.txt", "absolute path"),
    ("C:/evil.txt", "absolute path"),
    ("data\\..\\evil.txt", "backslash"),
    ("data/evil\x00.txt", "NUL"),
    ("data/evil\x07.txt", "control character"),
    ("data//evil.txt", "empty path part"),
])
def test_unsafe_member_names_are_refused(tmp_path: Path, name: str, why: str) -> None:
    path = build_zip(tmp_path / "bad.zip", [RawMember("data/ok.txt", b"ok"), RawMember(name, b"evil")])
    assert why in _refused(path, tmp_path / "out")
    assert not (tmp_path / "evil.txt").exists()


def test_a_symbolic_link_member_is_refused(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "link.zip", [RawMember("data/passwd", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)])
    assert "symbolic link" in _refused(path, tmp_path / "out")


@pytest.mark.parametrize("kind", [stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK])
def test_device_fifo_and_socket_members_are_refused(tmp_path: Path, kind: int) -> None:
    path = build_zip(tmp_path / "dev.zip", [RawMember("data/dev", b"", mode=kind | 0o600)])
    assert "device" in _refused(path, tmp_path / "out")


def test_duplicate_and_colliding_names_are_refused(tmp_path: Path) -> None:
    dup = build_zip(tmp_path / "dup.zip", [RawMember("data/a.txt", b"1"), RawMember("data/a.txt", b"2")])
    assert "twice" in _refused(dup, tmp_path / "o1")
    case = build_zip(tmp_path / "case.zip", [RawMember("data/A.txt", b"1"), RawMember("data/a.txt", b"2")])
    assert "folded" in _refused(case, tmp_path / "o2")
    nfc = build_zip(tmp_path / "nfc.zip", [RawMember("data/é.txt", b"1"), RawMember("data/e\u0301.txt", b"2")])
    assert "folded" in _refused(nfc, tmp_path / "o3")


def test_a_hundred_thousand_members_are_refused_before_the_directory_is_parsed(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "many.zip", [RawMember(f"data/{i}", b"") for i in range(100_000)])
    assert "100,000 members" in _refused(path, tmp_path / "out")


def test_a_member_claiming_ten_gigabytes_is_refused_without_inflating_it(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "huge.zip", [RawMember("data/huge.bin", b"\0" * 1024, deflate=True,
                                                       declared_size=10 * 1024**3)])
    assert path.stat().st_size < 10_000  # the crafted header claims 10 GB; nothing of it exists
    assert "10,737,418,240 bytes" in _refused(path, tmp_path / "out")


def test_a_compression_ratio_bomb_is_refused(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "bomb.zip", [RawMember("data/zeros", b"\0" * 50_000_000, deflate=True)])
    assert "compression bomb" in _refused(path, tmp_path / "out")


def test_a_member_inflating_past_its_declared_size_is_stopped_while_reading(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "liar.zip", [RawMember("data/liar", b"x" * 300_000, deflate=True,
                                                       declared_size=1000)])
    _refused(path, tmp_path / "out", ZipLimits(max_ratio=1e9))


def test_the_total_inflated_size_is_capped(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "total.zip", [RawMember(f"data/{i}", b"y" * 4000) for i in range(10)])
    assert "inflate to more than" in _refused(path, tmp_path / "out", ZipLimits(max_total_bytes=20_000))


def test_overlapping_entries_are_refused(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "overlap.zip", [RawMember("data/a", b"z" * 1000),
                                               RawMember("data/b", b"z" * 1000, reuse_offset_of=0)])
    assert "overlap" in _refused(path, tmp_path / "out")


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "not.zip"
    path.write_bytes(b"%PDF-1.7 not a zip at all")
    assert "not a zip" in _refused(path, tmp_path / "out")
