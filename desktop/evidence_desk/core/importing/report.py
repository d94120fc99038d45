"""What an import did, file by file, in plain data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    status: str  # imported | duplicate | restored | refused
    reason: str = ""
    code: str = ""  # for refusals: malformed|encrypted|zero_pages|huge|unsupported|timeout|crashed|...
    document_id: int | None = None
    sha256: str | None = None
    pages: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path), "status": self.status, "reason": self.reason, "code": self.code,
            "document": self.document_id, "sha256": self.sha256, "pages": self.pages,
        }


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def of(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def imported(self) -> list[FileOutcome]:
        return self.of("imported")

    @property
    def duplicates(self) -> list[FileOutcome]:
        return self.of("duplicate")

    @property
    def refused(self) -> list[FileOutcome]:
        return self.of("refused")

    @property
    def nothing_usable(self) -> bool:
        """Nothing was imported, restored or found already there: the import failed."""
        return not any(o.status in ("imported", "duplicate", "restored") for o in self.outcomes)

    def summary(self) -> str:
        pages = sum(o.pages for o in self.imported)
        text = (f"{len(self.imported)} imported ({pages} pages), "
                f"{len(self.duplicates)} skipped as duplicates, {len(self.refused)} refused")
        if self.of("restored"):
            text += f", {len(self.of('restored'))} missing original(s) restored"
        if self.refused:
            reasons = Counter(o.code or "error" for o in self.refused)
            text += " (" + ", ".join(f"{n} {code}" for code, n in reasons.most_common()) + ")"
        if self.cancelled:
            text += "; cancelled before the end"
        return text

    def to_json(self) -> dict[str, object]:
        return {
            "imported": len(self.imported), "duplicates": len(self.duplicates),
            "refused": len(self.refused), "cancelled": self.cancelled,
            "files": [o.to_json() for o in self.outcomes],
        }
