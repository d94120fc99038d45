"""Redacted text never goes into the audit log: a keyed digest stands in for it.

The log travels (a bundle's `audit.jsonl`); the text a redaction hides must not travel
with it. So a redaction's `match_text`, and the same strings in a command's intent,
are logged as `hmac-sha256:<hex>`, keyed with a random secret kept in the case
(`case_meta`). The replay can still tell whether a record's text is the logged one,
while someone holding only the log cannot confirm a guessed name by hashing it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core.db.models import CaseMeta

KEY_META = "audit_text_key"
PREFIX = "hmac-sha256:"
HIDDEN_COLUMNS = {"redactions": ("match_text",)}  # table → columns logged as digests


def text_key(session: Session, *, create: bool = True) -> bytes | None:
    """The case's digest key; made (in the caller's write transaction) when first needed."""
    row = session.get(CaseMeta, KEY_META)
    if row is None:
        if not create:
            return None
        row = CaseMeta(key=KEY_META, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def digest(key: bytes, text: str) -> str:
    return PREFIX + hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def is_digest(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def same_text(key: bytes | None, logged: Any, actual: Any) -> bool:
    """Whether a record's text is what the log says (the log may hold it or its digest)."""
    if not is_digest(logged):
        return bool(logged == actual)
    return key is not None and isinstance(actual, str) and hmac.compare_digest(digest(key, actual), logged)


def hide(value: Any, texts: set[str], key: bytes) -> Any:
    """`value` with every string equal to one of `texts` replaced by its digest."""
    if isinstance(value, str):
        return digest(key, value) if value in texts else value
    if isinstance(value, dict):
        return {k: hide(v, texts, key) for k, v in value.items()}
    if isinstance(value, list):
        return [hide(v, texts, key) for v in value]
    return value


def hide_columns(table: str, row: dict[str, Any] | None, key: bytes) -> dict[str, Any] | None:
    columns = HIDDEN_COLUMNS.get(table, ())
    if row is None or not any(row.get(c) for c in columns):
        return row
    return {k: digest(key, v) if k in columns and isinstance(v, str) and v else v for k, v in row.items()}


def hidden_texts(steps: Iterable[dict[str, Any]]) -> set[str]:
    """The texts that logged rows hide (so an intent quoting them hides them too)."""
    out: set[str] = set()
    for step in steps:
        for side in ("before", "after"):
            row = step.get(side) or {}
            out.update(row[c] for c in HIDDEN_COLUMNS.get(step.get("table", ""), ()) if isinstance(row.get(c), str)
                       and row[c])
    return out


def log_payload(session: Session, intent: dict[str, Any], steps: list[dict[str, Any]],
                extra_texts: Iterable[str] = ()) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A command's intent and row steps as the log keeps them: hidden texts as digests."""
    texts = hidden_texts(steps) | {t for t in extra_texts if t}
    if not texts:
        return intent, steps
    key = text_key(session)
    assert key is not None
    steps = [{**s, "before": hide_columns(s["table"], s.get("before"), key),
              "after": hide_columns(s["table"], s.get("after"), key)} for s in steps]
    return hide(intent, texts, key), steps



NOT_REPLAYED = frozenset({"pages", "page_analysis", "page_citations", "suggestions", "history_steps"})


def replay_rows(session: Session, effects: Iterable[Any]) -> dict[str, list[list[Any]]]:
    """The rows a command wrote, for the replay only: `{table: [[id, before, after], …]}`
    (an update as the columns it changed, hidden texts as digests). Plain lists, so that
    readers looking for `{"table": …}` records in the log (the bundle merge's "touched
    since") do not take them for changes the entry describes."""
    out: dict[str, list[list[Any]]] = {}
    key: bytes | None = None
    for effect in effects:
        if effect.table in NOT_REPLAYED:
            continue
        step = effect.to_audit_json()
        before, after = step["before"], step["after"]
        if effect.table in HIDDEN_COLUMNS:
            key = key or text_key(session)
            assert key is not None
            before, after = hide_columns(effect.table, before, key), hide_columns(effect.table, after, key)
        out.setdefault(effect.table, []).append([step["id"], before, after])
    return out
