"""The transport the sandbox used before its wire protocol, kept for the benchmark only:
a worker that renders a page and sends it back pickled (`Connection.send`)."""

from __future__ import annotations

from multiprocessing.connection import Connection


def serve(conn: Connection) -> None:
    from evidence_desk.core.pdf import render

    while (message := conn.recv()) is not None:
        path, page, scale = message
        conn.send(("ok", render.render_page(path, "application/pdf", page, scale)))
