"""The export's check (4): the redactions applied are exactly those in the case and its
audit log. A redaction deleted or rejected behind the application's back makes
`export-pdf` (and the bundle export) refuse with one `error:` line and write nothing;
an untouched case exports with the check and the audit head in its report."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.commands.redaction import MarkRedaction, Spot
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.export import export_pdf
from evidence_desk.core.redaction.export_log import RedactionsDisagreeError
from tests import pg
from tests.core.redaction.conftest import import_one, write_lines_pdf

SECRET = "ZQLOGSECRET"


@pytest.fixture
def redacted(case: Case, tmp_path: Path) -> tuple[Case, int]:
    doc = import_one(case, write_lines_pdf(tmp_path / "letter.pdf",
                                           [[(72, 100, f"Paid to {SECRET} in March"), (72, 130, "Kept line")]]))
    case.apply(MarkRedaction([Spot(doc, 1, (Rect(110, 88, 200, 104),), SECRET)], reason="source", label=SECRET))
    return case, doc


def _sql(case: Case, statement: str) -> None:
    pg.behind_the_back(case.path, statement)


def test_an_export_reports_its_redactions_agree_with_the_log_and_the_audit_head(redacted, tmp_path: Path) -> None:
    case, doc = redacted
    result = export_pdf(case, doc, tmp_path / "out.pdf")
    checked = result.verification.checked
    assert checked["redactions_match_log"] == 1
    with case.read() as s:
        from evidence_desk.core import audit

        head = audit.chain_head(s)
    assert head is not None
    # the anchor is the head the export was made from (its own audit entry comes after)
    assert checked["audit_anchor"]["entries"] == head.entries - 1
    assert checked["audit_anchor"]["case_uid"] == case.meta("case_uid")


@pytest.mark.parametrize("tampering", ["DELETE FROM redactions", "UPDATE redactions SET status = 'rejected'",
                                       "UPDATE redactions SET x1 = x0 + 1"])
def test_export_refuses_a_document_whose_redactions_disagree_with_the_log(redacted, tmp_path: Path,
                                                                          tampering: str) -> None:
    case, doc = redacted
    _sql(case, tampering)
    with pytest.raises(RedactionsDisagreeError, match=f"document {doc}'s redactions disagree with the audit log"):
        export_pdf(case, doc, tmp_path / "out.pdf")
    assert list(tmp_path.glob("out.pdf*")) == [] and list(tmp_path.glob(".out.pdf*")) == []


def test_a_redaction_added_behind_the_applications_back_is_refused_too(redacted, tmp_path: Path) -> None:
    case, doc = redacted
    _sql(case, "INSERT INTO redactions (uid, document_id, page_number, reason, status, author, created_at, "
               f"x0, y0, x1, y1) VALUES ('forged', {doc}, 1, 'source', 'approved', 'x', '2026-01-01', 72, 120, 90, 135)")
    with pytest.raises(RedactionsDisagreeError, match="no audit entry made it"):
        export_pdf(case, doc, tmp_path / "out.pdf")


def test_cli_export_pdf_refuses_with_one_error_line(redacted, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    case, doc = redacted
    _sql(case, "DELETE FROM redactions")
    code = main(["--case", str(case.path), "export-pdf", str(doc), str(tmp_path / "out.pdf")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err + out
    assert "is in the audit log but missing from the records" in err
    assert not (tmp_path / "out.pdf").exists()


def test_bundle_export_refuses_it_as_well(redacted, tmp_path: Path) -> None:
    case, _ = redacted
    _sql(case, "DELETE FROM redactions")
    with pytest.raises(RedactionsDisagreeError):
        export_bundle(case, tmp_path / "out.zip", BundleOptions(profile="publication"))
    assert list(tmp_path.glob("*.zip")) == []


def test_an_audit_log_cut_short_refuses_the_export(redacted, tmp_path: Path) -> None:
    case, doc = redacted
    pg.behind_the_back(case.path, pg.allow_audit_delete(case.path),
                       "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    with pytest.raises(RedactionsDisagreeError, match="entries were removed"):
        export_pdf(case, doc, tmp_path / "out.pdf")


def test_cli_export_pdf_prints_check_4(redacted, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case, doc = redacted
    code = main(["--case", str(case.path), "export-pdf", str(doc), str(tmp_path / "out.pdf")])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "verified: the 1 boxes applied are exactly the redactions in the case and its audit log" in out
