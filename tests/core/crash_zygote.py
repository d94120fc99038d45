"""The crash trials' zygote: imports everything once, then for each trial read from stdin
(one JSON line) forks a child that works on a case, kills it with SIGKILL at the given
moment, and answers (one JSON line) with what the child acknowledged before it died.

    python -m tests.core.crash_zygote

The kill lands `delay` seconds after the child acknowledged its `after`-th change, so
whatever the machine's speed it falls inside the work, not before it. A child
acknowledges a change (`ACK <kind> <detail>` on its pipe) only after the call
that made it returned, i.e. after its transaction committed: everything acknowledged
must be in the case after the kill. Forking a warm process makes a trial cost
milliseconds instead of an interpreter start, so hundreds fit in a CI run."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import sys
import tempfile
import time
import traceback
from multiprocessing import forkserver, resource_tracker
from pathlib import Path

from evidence_desk.core import sandbox
from evidence_desk.core.bundle.import_bundle import import_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.commands.entities import MergeEntities
from evidence_desk.core.demo.build import build_demo_case
from evidence_desk.core.entities.manage import add_entity
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.ocr.service import ocr_documents
from evidence_desk.core.progress import Progress
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.redaction.export import export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit


def _work(kind: str, case_dir: Path, extra: dict[str, str], ack: int) -> None:
    def say(line: str) -> None:
        os.write(ack, (line + "\n").encode("utf-8"))

    case = Case.open(case_dir, author="crash-trial")
    say("READY")
    for i in range(1000):
        if kind == "note":
            note_id = add_note(case, 1, f"note {os.getpid()}-{i}", page=1)
            say(f"ACK note {note_id}")
        elif kind == "tag":
            name = f"Person {os.getpid()}-{i}"
            case.apply(tag_edit(case, 1, 1, name, "person", rect=Rect(10, 10 + i % 50, 80, 30 + i % 50)))
            say(f"ACK tag {name}")
        elif kind == "redact":
            edit = redact_rects_edit(case, 1, 1, [Rect(20, 20, 120, 40 + i % 100)], "source")
            case.apply(edit)
            say(f"ACK redact {edit.created_id}")  # type: ignore[attr-defined]
        elif kind == "merge":
            keep = add_entity(case, f"Keep {os.getpid()}-{i}", "organization")
            other = add_entity(case, f"Other {os.getpid()}-{i}", "organization")
            case.apply(tag_edit(case, 1, 1, f"Other {os.getpid()}-{i}", "organization", rect=Rect(5, 5, 50, 20)))
            case.apply(MergeEntities(keep, other))
            say(f"ACK merge {keep} {other}")
        elif kind == "import":
            source = Path(extra["sources"]) / f"s{i % 12:02d}.pdf"
            report = import_paths(case, [source], ImportOptions(workers=1, ocr="never"))
            for outcome in report.imported:
                say(f"ACK import {outcome.sha256}")
        elif kind == "export":
            target = Path(extra["out"]) / f"e{os.getpid()}-{i}.pdf"
            result = export_pdf(case, 1, target)
            say(f"ACK export {target} {result.sha256}")
        elif kind == "ocr":  # every page read again, one transaction a page
            report = ocr_documents(case, [1], "eng", Progress(), mode="always", workers=1)
            say(f"ACK ocr 1 {report.pages_done}")
        elif kind == "bundle":  # a colleague's bundle merged (again: the second time adds nothing)
            import_bundle(case, extra["bundle"], resolve="theirs")
            say(f"ACK bundle {extra['bundle_sha']}")
        elif kind == "demo":  # takes longer than a trial lasts: killed mid-build
            build_demo_case(Path(extra["out"]) / "demo", ocr=False).close()
            say(f"ACK demo {Path(extra['out']) / 'demo'}")
    say("FINISHED")


def _trial(spec: dict[str, object]) -> dict[str, object]:
    read, write = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: work until killed
        os.close(read)
        os.setpgid(0, 0)
        # The fork server and resource tracker are the zygote's children, not this process's:
        # multiprocessing's liveness check (waitpid) would fail here, yet they serve us fine.
        for module, owner in ((forkserver, forkserver._forkserver),
                              (resource_tracker, resource_tracker._resource_tracker)):
            owner.ensure_running = module.ensure_running = lambda: None  # type: ignore[method-assign]
        try:
            _work(str(spec["kind"]), Path(str(spec["case"])), dict(spec.get("extra", {})), write)  # type: ignore[arg-type]
        except BaseException as exc:  # reported, so a trial that did no work fails loudly
            where = " | ".join(traceback.format_exc().splitlines()[-6:])
            os.write(write, f"ERROR {type(exc).__name__}: {exc} at {where}\n".encode("utf-8", "replace"))
        finally:
            os._exit(0)
    os.close(write)
    buffer = b""
    ready_at = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        wait = 0.5 if ready_at is None else max(0.0, ready_at + float(spec["delay"]) - time.monotonic())  # type: ignore[arg-type]
        readable, _, _ = select.select([read], [], [], wait)
        if readable:
            chunk = os.read(read, 65536)
            if not chunk:
                break
            buffer += chunk
            # The clock starts once the child has acknowledged `after` changes (or finished).
            acks = buffer.count(b"\nACK ") + buffer.startswith(b"ACK ")
            if ready_at is None and b"READY\n" in buffer and (acks >= int(spec.get("after", 0))  # type: ignore[call-overload]
                                                               or b"FINISHED" in buffer):
                ready_at = time.monotonic()
        elif ready_at is not None:
            break
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)  # the child and anything it started, without warning
    os.waitpid(pid, 0)
    while chunk := os.read(read, 65536):
        buffer += chunk
    os.close(read)
    if os.environ.get("EVIDENCE_DESK_CRASH_TIMING"):
        print(f"{spec['kind']}: ready after {ready_at - started if ready_at else -1:.3f} s, "
              f"trial {time.monotonic() - started:.3f} s", file=sys.stderr)
    lines = buffer.decode("utf-8", "replace").splitlines()
    return {"pid": pid, "acks": [line[4:] for line in lines if line.startswith("ACK ")],
            "ready": "READY" in lines, "finished": "FINISHED" in lines,
            "errors": [line for line in lines if line.startswith("ERROR ")]}


def _warm_up() -> None:
    """Pay once, here, for what the first open and edit of a process costs (the schema
    check, SQLAlchemy's mapper set-up): each forked child then starts warm."""
    with tempfile.TemporaryDirectory() as tmp, Case.open(Path(tmp) / "warm", create=True) as case:
        add_entity(case, "Warm Up", "person")
        list_documents(case)


def main() -> None:
    # Workers for import and export come from this process's fork server, started once.
    sandbox._ensure_server()
    _warm_up()
    for raw in sys.stdin:
        if not raw.strip():
            continue
        print(json.dumps(_trial(json.loads(raw))), flush=True)


if __name__ == "__main__":
    main()
