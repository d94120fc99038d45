"""What the shared corpus says each file must do, and a fixed stratified sample of it.

`manifest.tsv` gives `expect` per file. Images go through Pillow only, so for the
images whose `expect` is `unknown` (PyMuPDF and Pillow disagree) the Pillow verdict
from `probe_details.tsv` decides. PDFs encrypted with an empty user password are
`ok` in the manifest already."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REFUSAL_CODES = {"malformed", "encrypted", "zero_pages", "huge", "unsupported", "timeout", "crashed"}
SAMPLE_SEED = 20261125


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    rel: str
    source: str
    kind: str  # pdf | image
    expect: str  # manifest verdict
    should_import: bool

    @property
    def category(self) -> str:
        if self.expect == "unknown":
            return "unknown-pillow-ok" if self.should_import else "unknown-pillow-refuses"
        return self.expect


def load(corpus: Path) -> list[CorpusFile]:
    with open(corpus / "probe_details.tsv", encoding="utf-8", newline="") as fh:
        pillow = {r["path"]: r["pillow_status"] for r in csv.DictReader(fh, delimiter="\t")}
    files = []
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            rel, expect = row["path"], row["expect"]
            ok = pillow.get(rel) == "ok" if expect == "unknown" else expect == "ok"
            files.append(CorpusFile(corpus / rel, rel, rel.split("/", 1)[0], row["kind"], expect, ok))
    return files


def sample(files: list[CorpusFile], per_category: int = 6, ok_count: int = 45) -> list[CorpusFile]:
    """A fixed, stratified sample: every refusal category, `ok` files spread over sources."""
    rng = random.Random(SAMPLE_SEED)
    by_category: dict[str, list[CorpusFile]] = defaultdict(list)
    for f in files:
        by_category[f.category].append(f)
    chosen: list[CorpusFile] = []
    for category, group in sorted(by_category.items()):
        if category == "ok":
            continue
        chosen += rng.sample(group, min(per_category, len(group)))
    ok_by_source: dict[str, list[CorpusFile]] = defaultdict(list)
    for f in by_category["ok"]:
        ok_by_source[f.source].append(f)
    sources = sorted(ok_by_source)
    per_source = max(1, ok_count // len(sources))
    for source in sources:
        group = ok_by_source[source]
        chosen += rng.sample(group, min(per_source, len(group)))
    return chosen
