"""Case › Import Bundle…: merge a colleague's internal bundle (`import-bundle BUNDLE.zip
[--resolve mine|theirs|both]`).

Two background jobs with progress: first the bundle is checked and compared with
this case (`preview_import`: nothing is written), and the plan is shown — what is
new, what is taken from the colleague, and every conflict field by field; then,
once the user chose how conflicts are resolved (keep mine, take theirs, keep
both), the import itself runs as one undoable step of the case's history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.bundle.import_bundle import ImportBundleResult, import_bundle
from evidence_desk.core.bundle.import_preview import preview_import
from evidence_desk.core.bundle.merge_plan import MergePlan
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.verify_case import VerifyReport
from evidence_desk.ui.dialogs.report_view import ReportDialog, report_html
from evidence_desk.ui.jobs import Job


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())


class ConflictsDialog(QDialog):
    """The plan of a merge; Import (no conflicts) or one of the three resolutions."""

    def __init__(self, plan: MergePlan, bundle: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.resolution: str | None = None
        self.setWindowTitle(self.tr("Import {name}").format(name=bundle.name))
        self.resize(760, 460)
        counts = plan.counts()
        lines = [self.tr("New: {what}.").format(what=_counts(counts["new"]) or self.tr("nothing"))]
        if counts["taken"]:
            lines.append(self.tr("Changed only by the colleague, taken from the bundle: {what}.").format(
                what=_counts(counts["taken"])))
        lines.append(self.tr("{n} record(s) the same on both sides; the two audit logs share {fork} entries.")
                     .format(n=counts["unchanged"], fork=counts["shared_audit_entries"]))
        if plan.conflicts:
            lines.append(self.tr("{n} record(s) were changed on both sides. Choose whose version to keep:")
                         .format(n=len(plan.conflicts)))
        self.summary = QLabel("\n".join(lines))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Mine"),
                                              self.tr("Theirs")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = [(c, name, mine, theirs) for c in plan.conflicts for name, (mine, theirs) in c.fields.items()]
        self.table.setRowCount(len(rows))
        for r, (conflict, name, mine, theirs) in enumerate(rows):
            for col, text in enumerate((f"{conflict.kind.replace('_', ' ')} {conflict.key[:12]}", name,
                                        "" if mine is None else str(mine), "" if theirs is None else str(theirs))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.table.setVisible(bool(rows))
        buttons = QDialogButtonBox()
        self.choice_buttons: dict[str, QPushButton] = {}
        if plan.conflicts:
            for resolution, text in (("mine", self.tr("Keep &Mine")), ("theirs", self.tr("Take &Theirs")),
                                     ("both", self.tr("Keep &Both"))):
                button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
                button.clicked.connect(lambda _on=False, r=resolution: self.choose(r))
                self.choice_buttons[resolution] = button
        else:
            button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda: self.choose(None))
            self.choice_buttons["import"] = button
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if not rows:
            layout.addStretch(1)  # no conflicts listed: the summary stays at the top
            self.resize(620, 200)
        layout.addWidget(buttons)

    def choose(self, resolution: str | None) -> None:
        self.resolution = resolution
        self.accept()


class BundleImport(QObject):
    """One import: check and plan, ask, merge. `window`: the MainWindow."""

    planned = Signal(object)  # the ConflictsDialog, shown
    imported = Signal(object)  # the ImportBundleResult

    def __init__(self, window: Any, path: Path) -> None:
        super().__init__(window)
        self.main = window
        self.path = path
        self.plan: MergePlan | None = None
        self.dialog: ConflictsDialog | None = None
        self.result: ImportBundleResult | None = None
        self.result_dialog: ReportDialog | None = None  # what was checked and merged, shown after the merge
        case = window.case
        self.job: Job = window.jobs.start(self.tr("Checking {name}").format(name=path.name),
                                          lambda p: preview_import(case, path, p))
        self.job.succeeded.connect(self._ask)

    def _ask(self, plan: MergePlan) -> None:
        self.plan = plan
        dialog = ConflictsDialog(plan, self.path, self.main)
        dialog.accepted.connect(lambda: self.merge(dialog.resolution))
        self.dialog = dialog
        dialog.open()
        self.planned.emit(dialog)

    def merge(self, resolution: str | None) -> Job:
        case, path = self.main.case, self.path
        self.job = self.main.jobs.start(self.tr("Importing {name}").format(name=path.name),
                                        lambda p: import_bundle(case, path, resolution, p))
        self.job.succeeded.connect(self._merged)
        return self.job

    def _merged(self, result: ImportBundleResult) -> None:
        self.result = result
        self.main.browser.reload()
        self.main.refresh_views(Changes.everything())
        self.main.undo.sync()  # the merge is a step of the case's history: Edit › Undo undoes it
        message = self.tr("Imported {name}: {docs} document(s) added").format(name=self.path.name,
                                                                             docs=result.documents_added)
        if result.conflicts:
            message += "; " + self.tr("{n} conflict(s) resolved: {how}").format(
                n=len(result.conflicts), how=result.resolution or self.tr("left unchanged"))
        self.main.statusBar().showMessage(message, 15_000)
        # What was checked before anything was written, as `verify` words it.
        checks = VerifyReport(str(self.path), warnings=list(result.warnings), checked=dict(result.checked))
        self.result_dialog = ReportDialog(self.tr("Bundle imported"), message,
                                          [report_html(self.tr("The bundle, checked before the merge"), checks)],
                                          True, self.main)
        self.result_dialog.open()
        self.imported.emit(result)


def import_bundle_from_window(window: Any, path: Path | None = None) -> BundleImport | None:
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(window, window.tr("Import a bundle"), str(Path.home()),
                                                window.tr("Bundles (*.zip)"))
        if not chosen:
            return None
        path = Path(chosen)
    return BundleImport(window, path)
