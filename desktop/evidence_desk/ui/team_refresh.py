"""Seeing colleagues' changes: the window polls the audit log's head every two seconds on
its database thread (never the Qt main thread) and, when entries arrived that it did not
write itself (another investigator on the PostgreSQL case, the command line or a second
window on the same SQLite case), hands their `Changes` to the views that show what they
touched and says who did what in the status bar ("alice tagged 2 pages").

Polling serves both databases alike and costs one index lookup per tick; the log is the
one place every process writes to in the same transaction as its change, so nothing a
colleague commits goes unseen. While the window is locked (an encrypted case's idle
lock) nothing is read: the changes arrive together on unlocking."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from evidence_desk.core.case import Case
from evidence_desk.core.queries.team_changes import AuditFeed, ChangeEntry, TeamChanges
from evidence_desk.ui.db_executor import DbExecutor

log = logging.getLogger(__name__)
POLL_MS = 2000

ENTITY_ACTIONS = frozenset({"add_entity", "add_alias", "rename_entity", "merge_entities", "split_entity",
                            "delete_entity"})
REVIEW_ACTIONS = frozenset({"set_mention_status", "set_redaction_status"})


class TeamRefresh(QObject):
    """Polls the case's audit log for others' entries; `arrived` carries them (TeamChanges),
    `changed` what they changed together (Changes), for views that listen to edits."""

    arrived = Signal(object)  # TeamChanges
    changed = Signal(object)  # Changes
    started = Signal()  # the feed knows where the log stands (tests wait on it)

    def __init__(self, case: Case, executor: DbExecutor, parent: QObject | None = None, *,
                 interval_ms: int = POLL_MS, paused: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.executor = executor
        self.paused = paused or (lambda: False)
        self.feed: AuditFeed | None = None
        self._polling = False
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        executor.submit(lambda: AuditFeed(case), self._started, self._failed)

    def _started(self, feed: AuditFeed) -> None:
        self.feed = feed
        self.timer.start()
        self.started.emit()

    def poll(self) -> None:
        """Read what arrived since the last poll (on the database thread); one poll at a time."""
        feed = self.feed
        if feed is None or self._polling or self.paused():
            return
        self._polling = True
        if self.executor.submit(feed.poll, self._polled, self._failed) is None:
            self._polling = False  # the window is closing

    def _polled(self, news: TeamChanges | None) -> None:
        self._polling = False
        self._failing = False
        if news is None:
            return
        self.changed.emit(news.changes)
        self.arrived.emit(news)

    def _failed(self, exc: BaseException) -> None:
        """A server unreachable for a while: said once in the log, then retried each tick."""
        self._polling = False
        if not self._failing:
            log.warning("cannot read the case's audit log for colleagues' changes: %s", exc)
        self._failing = True

    def stop(self) -> None:
        self.timer.stop()

    def describe(self, news: TeamChanges) -> str:
        """What arrived, for the status bar: "alice tagged 2 pages, added 1 note · bob redacted 1 page"."""
        if news.truncated:
            return self.tr("{authors} changed the case").format(authors=", ".join(news.authors))
        parts = []
        for author in news.authors:
            mine = [e for e in news.entries if e.author == author]
            groups: dict[str, list[ChangeEntry]] = {}
            for entry in mine:
                groups.setdefault(_group(entry.action), []).append(entry)
            said = [text for group, entries in groups.items() if (text := self._phrase(group, entries))]
            if said:
                parts.append(self.tr("{author} {changes}").format(author=author, changes=", ".join(said)))
        return " · ".join(parts)

    def _phrase(self, group: str, entries: list[ChangeEntry]) -> str:
        n = len(entries)
        pages = len({p for e in entries for p in e.changes.pages}) or n
        if group == "tag":
            return self.tr("tagged %n page(s)", "", pages)
        if group == "note":
            return self.tr("added %n note(s)", "", n)
        if group == "redact":
            return self.tr("redacted %n page(s)", "", pages)
        if group == "review":
            return self.tr("reviewed %n mark(s)", "", n)
        if group == "entity":
            return self.tr("edited %n entity(s)", "", n)
        if group == "undo":
            return self.tr("undid %n change(s)", "", n)
        if group == "redo":
            return self.tr("redid %n change(s)", "", n)
        if group == "import":
            return self.tr("imported %n document(s)", "", len({d for e in entries for d in e.changes.documents}) or n)
        if group == "ocr":
            return self.tr("read %n page(s) with OCR", "", pages)
        changed = sum(1 for e in entries if e.changes)  # exports and the like change nothing shown
        return self.tr("made %n change(s)", "", changed) if changed and group == "other" else ""


GROUPS = {"tag": "tag", "add_note": "note", "mark_redaction": "redact", "undo": "undo", "redo": "redo",
          "document.import": "import", "page.ocr": "ocr", "suggest.refresh": "quiet"}


def _group(action: str) -> str:
    if action in ENTITY_ACTIONS:
        return "entity"
    if action in REVIEW_ACTIONS:
        return "review"
    return GROUPS.get(action, "other")
