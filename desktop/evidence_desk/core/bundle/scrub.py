"""What the publication profile must never carry, and the one test every writer asks.

A publication bundle goes to an editor or the public. It must not hold a source's
identity, any text that a redaction hides, an original file, a note marked
internal, or an audit entry quoting any of these. The `Scrubber` knows the
strings that must not appear (redacted strings and the words under redaction
boxes, as the sanitised export computes them; source identities; internal notes;
original file names and paths) and the redaction boxes; each bundle writer asks
it before writing a value or a region. For the internal profile it lets
everything through. The bundle test then greps every member for every secret."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_desk.core.bundle.records import CaseRecords
from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.redaction.export import ExportOptions, build_plan
from evidence_desk.core.text.fold import fold_spaced
from evidence_desk.core.vocabulary import EXPORT_PROFILES

PROFILES = EXPORT_PROFILES
MIN_SECRET = 3


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@dataclass
class Scrubber:
    active: bool
    secrets: list[str] = field(default_factory=list)  # folded
    boxes: dict[tuple[str, int], list[Rect]] = field(default_factory=dict)  # (sha256, page) → boxes
    _pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        wanted = sorted({s for s in self.secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)
        self.secrets = wanted
        self._pattern = re.compile("|".join(re.escape(s) for s in wanted)) if wanted else None

    def clean(self, text: str | None) -> bool:
        """True if `text` may be published (always, for the internal profile)."""
        if not self.active or not text or self._pattern is None:
            return True
        return self._pattern.search(fold_spaced(text)) is None

    def keep(self, text: str | None) -> str | None:
        return text if self.clean(text) else None

    def clean_json(self, value: Any) -> bool:
        return all(self.clean(s) for s in _strings(value))

    def covers(self, sha256: str, page: int | None, rect: tuple[Any, ...] | None) -> bool:
        """True if the region touches a redaction box (so it is not published)."""
        if not self.active or page is None or rect is None or rect[0] is None:
            return False
        region = Rect.normalized(*(float(v) for v in rect))
        return any(region.intersects(b) for b in self.boxes.get((sha256, page), ()))

    def visible_words(self, sha256: str, page: int, words: list[list[Any]]) -> list[Word]:
        """The page's words outside every redaction box (all of them for the internal profile)."""
        out = [Word.from_row(w) for w in words]
        if not self.active:
            return out
        boxes = self.boxes.get((sha256, page), ())
        return [w for w in out if not any(w.rect.intersects(b) for b in boxes)]


def build_scrubber(case: Case, records: CaseRecords, profile: str) -> Scrubber:
    if profile == "internal":
        return Scrubber(active=False)
    secrets: set[str] = set()
    boxes: dict[tuple[str, int], list[Rect]] = {}
    for r in records.redactions:
        if r["status"] == "rejected":
            continue
        boxes.setdefault((r["document"], r["page"]), []).append(
            Rect.normalized(r["x0"] or 0, r["y0"] or 0, r["x1"] or 0, r["y1"] or 0))
    redacted_docs = {sha for sha, _ in boxes}
    for doc in records.documents:
        # The same secrets the sanitised export searches its output for: redacted strings,
        # and words under boxes that appear nowhere outside one.
        if doc["sha256"] in redacted_docs:
            _, plan = build_plan(case, doc["id"], Path("unused.pdf"), ExportOptions())
            secrets.update(fold_spaced(s) for s in plan.secrets)
        prov = doc.get("provenance") or {}
        for key in ("source_identity", "original_path"):
            if prov.get(key):
                secrets.add(fold_spaced(prov[key]))
        secrets.add(fold_spaced(doc["filename"]))
    for r in records.redactions:
        if r["status"] != "rejected" and r["match_text"]:
            secrets.add(fold_spaced(r["match_text"]))
    secrets.update(fold_spaced(n["text"]) for n in records.notes if n["internal"])
    first = Scrubber(active=True, secrets=sorted(s for s in secrets if s), boxes=boxes)
    # An entity one of whose names is redacted is redacted by every name it has (redacting
    # "Harbuz" hides Kirill O. Garbuz, however else a document spells him).
    for ent in records.entities:
        names = [ent["name"], *(a["alias"] for a in ent["aliases"])]
        if not all(first.clean(n) for n in names):
            secrets.update(fold_spaced(n) for n in names)
    return Scrubber(active=True, secrets=sorted(s for s in secrets if s), boxes=boxes)


def audit_data(scrub: Scrubber, entry: dict[str, Any]) -> tuple[str | None, bool]:
    """An audit entry's data as published: itself, or None (withheld) if it quotes a secret."""
    if not scrub.active:
        return entry["data"], False
    try:
        value = json.loads(entry["data"])
    except ValueError:
        value = entry["data"]
    if scrub.clean(entry["data"]) and scrub.clean_json(value):
        return entry["data"], False
    return None, True
