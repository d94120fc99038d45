"""A demo built without Tesseract says so, and is read by OCR once Tesseract is installed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from evidence_desk.core.db.models import Page
from evidence_desk.core.demo.build import build_demo_case, describe_case
from evidence_desk.core.demo.late_ocr import OCR_PENDING_KEY, pending_notice
from evidence_desk.core.search import search
from evidence_desk.core.verify_case import verify_case
from tests.tools import require_tesseract


def _sources(case) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with case.read() as s:
        return dict(s.execute(select(Page.text_source, func.count()).group_by(Page.text_source)).all())


@pytest.mark.slow
@pytest.mark.full_ocr  # Tesseract reads every demo scan: .ci/run's long step
def test_demo_built_without_tesseract_says_so_and_is_read_when_tesseract_appears(tmp_path, monkeypatch):
    target = tmp_path / "demo"
    with monkeypatch.context() as m:
        m.setenv("PATH", str(tmp_path / "no-tools"))  # a machine without Tesseract
        m.delenv("EVIDENCE_DESK_TESSERACT", raising=False)
        case = build_demo_case(target)
        try:
            assert "tesseract-ocr" in (case.meta(OCR_PENDING_KEY) or "")
            notice = pending_notice(case)
            assert notice is not None and f"its {_sources(case)['none']} scanned pages have no text" in notice
            assert notice in describe_case(case)
        finally:
            case.close()
        case = build_demo_case(target)  # still no Tesseract: opened as it is, still pending
        try:
            assert case.meta(OCR_PENDING_KEY) and _sources(case).get("ocr", 0) == 0
        finally:
            case.close()

    require_tesseract("rus", "eng", "deu")
    case = build_demo_case(target)  # Tesseract is here now: the scans are read
    try:
        assert case.meta(OCR_PENDING_KEY) is None and pending_notice(case) is None
        sources = _sources(case)
        assert sources.get("none", 0) == 0 and sources["ocr"] > 0
        assert any(h.filename.endswith(".png") for h in search(case, "Полынь"))  # a Russian scan
        assert verify_case(case).ok
    finally:
        case.close()
