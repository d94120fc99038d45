"""What importing a bundle would do, before anything is written: the merge plan.

The window shows it first (new records, records taken from the colleague, and
every conflict field by field), so the user decides how conflicts are resolved
(`import_bundle(..., resolve=mine|theirs|both)`) knowing what they are. The
bundle goes through the same checks as an import; a bundle that would be
refused is refused here too."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.core.bundle.import_bundle import refuse_unmergeable, their_records
from evidence_desk.core.bundle.merge_plan import MergePlan, plan_merge
from evidence_desk.core.bundle.records import read_records
from evidence_desk.core.bundle.safe_zip import ZipLimits
from evidence_desk.core.bundle.verify_bundle import checked_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.progress import Progress


def preview_import(case: Case, path: Path | str, progress: Progress | None = None,
                   limits: ZipLimits | None = None) -> MergePlan:
    """The merge plan of `path` against `case` (raises BundleRefusedError as an import would)."""
    progress = progress or Progress()
    progress.update(label="Checking the bundle", total=None)
    with checked_bundle(path, limits=limits, check_pdfs=False) as bundle:
        refuse_unmergeable(bundle)
        progress.raise_if_cancelled()
        progress.update(label="Comparing it with this case")
        return plan_merge(read_records(case), their_records(bundle))
