"""Link building reads again only what changed (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_links_bench.py -s

40 letters of 25 pages (1,000 pages), each with its own number on page 1 and citations of
other letters' numbers on every page, imported with `--ocr never` (the reading that follows
an import is not run). Timed: the first link build (every page read), a second one with
nothing changed, one after a page's text changed, and one after a document's own reference
changed (the kept citations re-joined, no page read). Figures are printed, never asserted."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Page
from evidence_desk.core.documents import update_details
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.links.registry import build_reference_links, page_citations
from tests.core.pdfs import write_text_pdf

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]
LETTERS, PAGES = 40, 25


def _number(i: int) -> str:
    return f"{10 + i}/{300 + i}-LB"


def _pages(rng: random.Random, i: int) -> list[str]:
    out = [f"Our ref. {_number(i)}\n12.03.2021\nDear Sirs,\nWith reference to your letter No. "
           f"{_number(rng.randrange(LETTERS))} we confirm the delivery."]
    for _ in range(PAGES - 1):
        body = " ".join(f"Under Contract No. {_number(rng.randrange(LETTERS))} the spare parts were shipped."
                        for _ in range(6))
        out.append(body)
    return out


def test_link_building_reads_only_changed_pages(tmp_path: Path) -> None:
    rng = random.Random(7)
    files = [write_text_pdf(tmp_path / f"letter-{i:02d}.pdf", _pages(rng, i), fontsize=9) for i in range(LETTERS)]
    case = Case.open(tmp_path / "case", create=True)
    report = import_paths(case, files, ImportOptions(workers=1, ocr="never"))
    ids = [o.document_id for o in report.imported]
    for i, doc_id in enumerate(ids):
        update_details(case, doc_id, reference=_number(i))

    def timed(label: str) -> None:
        started = time.perf_counter()
        read = page_citations(case).pages_read  # the reading (what the build does first)
        reading = time.perf_counter() - started
        created = build_reference_links(case, prune=True)
        print(f"  {label}: {time.perf_counter() - started:.2f} s in all (reading {reading:.2f} s, "
              f"{read} pages read), {len(created)} links created")

    print(f"\nlink building on {LETTERS * PAGES} pages ({LETTERS} letters), load average {os.getloadavg()[0]:.1f}:")
    timed("first build (every page read)")
    timed("again, nothing changed")
    with case.write() as s:
        page = s.execute(select(Page).where(Page.document_id == ids[0], Page.number == 2)).scalar_one()
        page.text = f"Under Contract No. {_number(5)} the spare parts were shipped."
        page.words = []
    timed("after one page's text changed")
    update_details(case, ids[1], reference="99/999-ZZ")
    timed("after one document's own reference changed")
    case.close()
