"""The OCR job's record in the `jobs` table, so a killed run resumes where it stopped.

A job lists its pages up front (`params.pages`: [document, page, languages]);
each finished page is added to `params.completed` in the same small transaction
that stores the page's text. A job left `running` by a crash is picked up by the
next OCR run; a cancelled one is not (the user asked it to stop)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Job, now_utc
from evidence_desk.core.edits import snapshot

KIND = "ocr"
UNFINISHED = ("pending", "running")

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


def unfinished(case: Case) -> list[OcrJob]:
    with case.read() as s:
        rows = s.execute(select(Job).where(Job.kind == KIND, Job.state.in_(UNFINISHED))
                         .order_by(Job.id)).scalars().all()
        return [_load(j) for j in rows]


def create(case: Case, pages: list[tuple[int, int, str]], mode: str) -> OcrJob:
    with case.write() as s:
        job = Job(kind=KIND, state="running", total=len(pages), done=0,
                  params={"pages": [list(p) for p in pages], "completed": [], "mode": mode})
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
