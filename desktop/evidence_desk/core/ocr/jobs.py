"""The OCR job's record in the `jobs` table, so a killed run resumes where it stopped.

A job lists its pages up front (`params.pages`: [document, page, languages]);
each finished page is added to `params.completed` in the same small transaction
that stores the page's text. A job left `running` by a crash is picked up by the
next OCR run; a cancelled one is not (the user asked it to stop).

A job belongs to the process running it (`params.owner`: host and pid). Another OCR
run leaves it alone while that process lives — it neither resumes it nor plans the
same documents again — and claims it, in one write transaction, once the owner is
gone. So two `ocr` runs at once never read a page twice."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.rows import snapshot
from evidence_desk.core.confine import owner_alive
from evidence_desk.core.db.models import Job, now_utc

KIND = "ocr"
UNFINISHED = ("pending", "running")
# A job of another machine (a case on a shared drive) counts as abandoned when it has not
# finished a page for this long: its pid cannot be checked from here.
FOREIGN_SILENCE = timedelta(hours=1)

PageKey = tuple[int, int]


@dataclass
class OcrJob:
    id: int
    pages: list[tuple[int, int, str]]  # (document id, page number, languages)
    completed: set[PageKey]
    mode: str

    @property
    def remaining(self) -> list[tuple[int, int, str]]:
        return [p for p in self.pages if (p[0], p[1]) not in self.completed]


def _load(job: Job) -> OcrJob:
    params: dict[str, Any] = dict(job.params or {})
    pages = [(int(d), int(n), str(lang)) for d, n, lang in params.get("pages", [])]
    completed = {(int(d), int(n)) for d, n in params.get("completed", [])}
    return OcrJob(job.id, pages, completed, str(params.get("mode", "auto")))


def _me() -> dict[str, Any]:
    return {"host": socket.gethostname(), "pid": os.getpid()}


def _owned_by_live_process(job: Job) -> bool:
    owner = (job.params or {}).get("owner")
    if not isinstance(owner, dict):
        return False
    if owner.get("host") == socket.gethostname():
        pid = owner.get("pid")
        return isinstance(pid, int) and owner_alive(pid)
    updated = job.updated_at
    return updated is not None and now_utc() - updated.replace(tzinfo=now_utc().tzinfo) < FOREIGN_SILENCE


def _unfinished_rows(session: Any) -> list[Job]:
    return list(session.execute(select(Job).where(Job.kind == KIND, Job.state.in_(UNFINISHED))
                                .order_by(Job.id)).scalars().all())


def unfinished(case: Case) -> list[OcrJob]:
    """Interrupted jobs: unfinished, and their process is gone (so they can be resumed)."""
    with case.read() as s:
        return [_load(j) for j in _unfinished_rows(s) if not _owned_by_live_process(j)]


def busy_documents(session: Any) -> set[int]:
    """Documents some live process is running OCR on right now."""
    return {int(d) for j in _unfinished_rows(session) if _owned_by_live_process(j)
            for d, _n, _lang in (j.params or {}).get("pages", [])}


def claim(case: Case, job_id: int) -> bool:
    """Take over an interrupted job; False if another process took it (or it finished) first."""
    with case.write() as s:
        job = s.get(Job, job_id)
        if job is None or job.state not in UNFINISHED or _owned_by_live_process(job):
            return False
        job.params = {**dict(job.params or {}), "owner": _me()}
        job.updated_at = now_utc()
        return True


def create(case: Case, pages: list[tuple[int, int, str]], mode: str) -> OcrJob | None:
    """A new job owned by this process for `pages`, less those of documents another live
    process is reading (checked inside the write transaction); None if nothing is left."""
    with case.write() as s:
        busy = busy_documents(s)
        pages = [p for p in pages if p[0] not in busy]
        if not pages:
            return None
        job = Job(kind=KIND, state="running", total=len(pages), done=0,
                  params={"pages": [list(p) for p in pages], "completed": [], "mode": mode, "owner": _me()})
        s.add(job)
        s.flush()
        return _load(job)


def mark_page(session: Any, job_id: int, key: PageKey) -> None:
    """Record one finished page (inside the caller's transaction, with the page's text)."""
    job = session.get(Job, job_id)
    params = dict(job.params or {})
    completed = [list(k) for k in params.get("completed", [])]
    if list(key) not in completed:
        completed.append(list(key))
    params["completed"] = completed
    job.params = params  # a new dict, so SQLAlchemy sees the JSON change
    job.done = len(completed)
    job.state = "running"
    job.updated_at = now_utc()


def finish(case: Case, job_id: int, state: str, message: str | None = None) -> None:
    with case.write() as s:
        job = s.get(Job, job_id)
        if job is not None:
            job.state = state
            job.message = message
            job.updated_at = now_utc()


def describe(case: Case, job_id: int) -> dict[str, Any]:
    with case.read() as s:
        job = s.get(Job, job_id)
        return snapshot(job) if job is not None else {}
