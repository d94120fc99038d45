"""`gui [--demo] [--screenshot PNG]` (also what runs with no command at all)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window (the default with no command)")
    p.add_argument("--demo", dest="gui_demo", action="store_true", help="open the demo case, building it first")
    p.add_argument("--screenshot", metavar="PNG", help="save a screenshot of the window and quit")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from evidence_desk.cli.context import case_dir
    from evidence_desk.core.paths import demo_case_dir
    from evidence_desk.ui.platform_check import check_qt_platform

    check_qt_platform()  # before the demo is built and before Qt is loaded: name what to install

    demo = bool(getattr(args, "gui_demo", False) or getattr(args, "demo", False))
    target = demo_case_dir() if demo and not args.case else case_dir(args)
    if demo:
        from evidence_desk.cli.output import terminal_progress
        from evidence_desk.core.demo.build import build_demo_case
        from evidence_desk.core.demo.late_ocr import pending_notice

        with terminal_progress() as progress:
            case = build_demo_case(target, progress=progress, force=False)
        try:
            notice = pending_notice(case)
        finally:
            case.close()
        if notice:
            sys.stderr.write(f"note: {notice}\n")
    from evidence_desk.core.sandbox import start_server

    start_server()  # the render workers' fork server loads PyMuPDF while this process loads Qt
    from evidence_desk.ui.app import run_gui  # Qt is imported only when a window is wanted

    screenshot = Path(args.screenshot) if getattr(args, "screenshot", None) else None
    from evidence_desk.cli.context import given_passphrase

    return run_gui(target, screenshot=screenshot, author=getattr(args, "author", None),
                   passphrase=given_passphrase(args))
