"""Keys from a passphrase (Argon2id, RFC 9106) and the case header that records how."""

from __future__ import annotations

import json

import pytest

from evidence_desk.core.crypto.header import (
    HEADER_NAME,
    new_header,
    read_header,
    unlock,
    write_header,
)
from evidence_desk.core.crypto.keys import KdfParams, derive
from evidence_desk.core.errors import (
    CaseError,
    InvalidInputError,
    PassphraseRequiredError,
    WrongPassphraseError,
)

CHEAP = KdfParams.fresh(time_cost=1, memory_kib=1024, parallelism=1)


def test_the_default_profile_is_rfc_9106s_second_recommendation_with_a_random_salt():
    a, b = KdfParams.fresh(), KdfParams.fresh()
    assert (a.time_cost, a.memory_kib, a.parallelism) == (3, 64 * 1024, 4)
    assert len(a.salt) == 16 and a.salt != b.salt


def test_the_same_passphrase_and_salt_give_the_same_keys_and_each_use_its_own():
    one, two = derive("horse battery", CHEAP), derive("horse battery", CHEAP)
    assert one == two
    assert len({one.database, one.files, one.check}) == 3
    assert derive("horse batterY", CHEAP).check != one.check
    assert "database" not in repr(one) and one.database.hex() not in repr(one)


def test_the_header_holds_salt_parameters_and_check_but_no_key(tmp_path):
    header, keys = new_header("a long passphrase", CHEAP)
    write_header(tmp_path / HEADER_NAME, header)
    text = (tmp_path / HEADER_NAME).read_text()
    raw = json.loads(text)
    assert raw["kdf"]["name"] == "argon2id" and raw["kdf"]["time_cost"] == 1
    for secret in (keys.database, keys.files):
        assert secret.hex() not in text
    assert "a long passphrase" not in text
    assert read_header(tmp_path) == header


def test_unlock_refuses_a_wrong_or_missing_passphrase_with_a_clear_message(tmp_path):
    header, keys = new_header("a long passphrase", CHEAP)
    write_header(tmp_path / HEADER_NAME, header)
    assert unlock(tmp_path, "a long passphrase") == keys
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        unlock(tmp_path, "a long passphrasE")
    with pytest.raises(PassphraseRequiredError, match="encrypted"):
        unlock(tmp_path, None)
    with pytest.raises(InvalidInputError, match="empty"):
        unlock(tmp_path, "")


def test_a_header_asking_for_absurd_memory_is_refused_before_argon2_runs(tmp_path):
    header, _ = new_header("a long passphrase", CHEAP)
    raw = json.loads(header.to_json())
    raw["kdf"]["memory_kib"] = 1 << 40
    (tmp_path / HEADER_NAME).write_text(json.dumps(raw))
    with pytest.raises(InvalidInputError, match="impossible"):
        read_header(tmp_path)
    (tmp_path / HEADER_NAME).write_text("{not json")
    with pytest.raises(CaseError, match="cannot be read"):
        read_header(tmp_path)
