"""`verify FILE.pdf`: the structural leak checks on any PDF, without a case.

Without a case nobody knows what was meant to be redacted, so this checks what
can be checked from the file alone: one revision, no metadata, annotations,
form fields, links, attachments, scripts, outlines, thumbnails or layers, and
no black box over live text. The file is untrusted: it is opened in a sandbox
worker with time and memory limits."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.core.errors import InvalidInputError, WorkerError
from evidence_desk.core.pdf.redact_plan import VerifyOutcome
from evidence_desk.core.sandbox import Limits, SandboxWorker
from evidence_desk.core.verify_case import VerifyReport

VERIFY = "evidence_desk.core.pdf.redact_verify.verify_file"


def verify_pdf_file(path: Path | str, *, timeout: float = 120.0) -> VerifyReport:
    path = Path(path).expanduser()
    if not path.is_file():
        raise InvalidInputError(f"{path}: no such file")
    report = VerifyReport(target=str(path))
    with SandboxWorker(Limits(memory_mb=2048)) as worker:
        try:
            outcome: VerifyOutcome = worker.call(VERIFY, str(path.resolve()), timeout=timeout)
        except WorkerError as exc:
            report.problems.append(f"the file could not be checked: {exc}")
            return report
    report.problems.extend(outcome.problems)
    report.warnings.extend(outcome.warnings)
    report.checked.update(outcome.checked)
    return report
