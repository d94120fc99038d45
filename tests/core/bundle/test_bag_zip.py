"""`BagZip` streams a bag into its zip; handing what is written to the disk as it goes
(`start_writeback`) changes nothing in the bag."""

from __future__ import annotations

import os
import random
import zipfile
from itertools import pairwise
from pathlib import Path

import bagit
import pytest

from evidence_desk.core.bundle import bag_zip
from evidence_desk.core.bundle.bag_zip import BagZip


def _write_bag(target: Path, files: dict[str, Path]) -> None:
    with BagZip(target) as bag:
        for name, path in sorted(files.items()):
            bag.add_file(name, path)
        bag.start_writeback()
        bag.add_bytes("data/records.json", b'{"format": "test"}')
        bag.finish({"Bundle-Profile": "internal"})


def _payload(folder: Path) -> dict[str, Path]:
    rng = random.Random(7)
    files = {}
    for index, size in enumerate((0, 1, 70_000, 250_001, 3 * 1024 * 1024 + 5)):
        path = folder / f"doc-{index}.pdf"
        path.write_bytes(rng.randbytes(size))
        files[f"data/documents/doc-{index}.pdf"] = path
    return files


def test_writeback_every_few_kilobytes_leaves_the_same_valid_bag(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    files = _payload(tmp_path)
    _write_bag(tmp_path / "plain.zip", files)
    advised: list[tuple[int, int]] = []
    real = os.posix_fadvise if hasattr(os, "posix_fadvise") else None

    def advise(fd: int, offset: int, length: int, advice: int) -> None:
        advised.append((offset, length))
        if real is not None:
            real(fd, offset, length, advice)

    monkeypatch.setattr(bag_zip, "WRITEBACK_STEP", 64 * 1024)
    monkeypatch.setattr(os, "posix_fadvise", advise, raising=False)
    _write_bag(tmp_path / "advised.zip", files)

    # Each 1 MiB chunk past the step hands its range over: one after another, never overlapping,
    # from the start of the zip up to the first member written after the files.
    assert len(advised) >= 5
    assert advised[0][0] == 0
    assert all(a[0] + a[1] == b[0] for a, b in pairwise(advised))
    with zipfile.ZipFile(tmp_path / "plain.zip") as plain, zipfile.ZipFile(tmp_path / "advised.zip") as advised_zip:
        assert advised_zip.getinfo("data/records.json").header_offset == sum(a[1] for a in advised)
        assert plain.namelist() == advised_zip.namelist()
        for name in plain.namelist():
            if name != "bag-info.txt":  # dated: the same day, but read it all the same
                assert plain.read(name) == advised_zip.read(name), name
        assert advised_zip.testzip() is None
        advised_zip.extractall(tmp_path / "bag")
    bagit.Bag(str(tmp_path / "bag")).validate()


def test_a_file_system_that_refuses_the_advice_still_gets_its_bag(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(fd: int, offset: int, length: int, advice: int) -> None:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(bag_zip, "WRITEBACK_STEP", 64 * 1024)
    monkeypatch.setattr(os, "posix_fadvise", refuse, raising=False)
    _write_bag(tmp_path / "out.zip", _payload(tmp_path))
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        zf.extractall(tmp_path / "bag")
    bagit.Bag(str(tmp_path / "bag")).validate()
