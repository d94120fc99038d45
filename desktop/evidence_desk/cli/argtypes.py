"""Argument types that refuse what the core must never see: NaN, infinities, negative
counts, numbers beyond any real page or file. argparse turns their ArgumentTypeError
into the contract's one `error: …` line and exit 1."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

MAX_COORDINATE = 1_000_000.0  # PDF points (MuPDF's own limit on page size is far below)
MAX_SECONDS = 7 * 24 * 3600.0
MAX_COUNT = 10_000_000


def _number(text: str, kind: type) -> float:
    try:
        value = kind(text)
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"invalid {kind.__name__} value: {text!r}") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"invalid float value: {text!r} is not a finite number")
    return value


def positive_int(limit: int = MAX_COUNT) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(_number(text, int))
        if not 0 < value <= limit:
            raise argparse.ArgumentTypeError(f"{text!r} must be a whole number from 1 to {limit:,}")
        return value

    parse.__name__ = "positive whole number"
    return parse


def positive_seconds(text: str) -> float:
    value = _number(text, float)
    if not 0 < value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0 and at most {MAX_SECONDS:.0f} seconds")
    return value


def coordinate(text: str) -> float:
    value = _number(text, float)
    if abs(value) > MAX_COORDINATE:
        raise argparse.ArgumentTypeError(f"{text!r} is far outside any page (PDF points)")
    return value


page_number = positive_int(MAX_COUNT)
record_id = positive_int(2**63 - 1)  # SQLite's INTEGER
