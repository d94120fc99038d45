"""`report.html`: one self-contained page a colleague opens offline in any browser.

No script, no external resource: styles inline, thumbnails as `data:` URIs, the
citation graph as inline SVG, and a Content-Security-Policy that forbids the
browser from fetching anything else. Every value is HTML-escaped (the records
came from documents, which came from anyone). Sections: documents (thumbnail and
details), entities with their mentions, the citation graph, the timeline and the
redaction log; everything cross-links by `#doc-…` and `#ent-…` anchors."""

from __future__ import annotations

import base64
import math
from html import escape
from typing import Any

from evidence_desk.core.bundle.records import CaseRecords

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:16px 28px}header h1{margin:0;font-size:22px}
nav{background:#e6e9ef;padding:8px 28px}nav a{margin-right:18px;color:#1d2330;font-weight:600}
main{padding:0 28px 40px}section{margin-top:26px}h2{border-bottom:2px solid #1d2330;padding-bottom:4px}
.docs{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:14px}
.doc{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:10px;display:flex;gap:10px}
.doc>div{min-width:0;flex:1}.doc table{width:100%;table-layout:fixed}.doc td{overflow-wrap:anywhere}
.doc td:first-child{width:86px}
.doc img{width:110px;height:auto;border:1px solid #ccc;background:#fff;align-self:flex-start}
.doc h3{margin:0 0 4px;font-size:15px}table{border-collapse:collapse;background:#fff}
td,th{border:1px solid #d5d9e0;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#eef0f4}.kv td:first-child{color:#5a6275;white-space:nowrap}
.tag{display:inline-block;background:#e8eefc;border-radius:10px;padding:0 7px;margin:1px;font-size:12px}
.muted{color:#6b7385}.badge{font-size:11px;background:#ffe9c2;border-radius:3px;padding:1px 5px}
svg a text{fill:#1d2330}svg a:hover circle{fill:#ffd27a}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _data_uri(jpeg: bytes | None) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii") if jpeg else ""


def _doc_title(d: dict[str, Any], files: dict[str, str]) -> str:
    if d.get("title"):
        return str(d["title"])
    kind = (d.get("kind") or "document").replace("_", " ")
    return f"{kind} {d.get('reference') or d['uid'][:8]}"


def _documents(pub: CaseRecords, files: dict[str, str], thumbs: dict[str, bytes],
               entities_of: dict[str, set[str]], names: dict[str, str]) -> str:
    cards = []
    for d in pub.documents:
        prov = d.get("provenance") or {}
        rows = [("kind", (d.get("kind") or "").replace("_", " ")), ("date", d.get("doc_date")),
                ("reference", d.get("reference")), ("from", d.get("sender")), ("to", d.get("recipient")),
                ("pages", d.get("page_count")), ("file", files[d["sha256"]]),
                ("source", prov.get("source_code")), ("received", prov.get("received_at")),
                ("verification", prov.get("verification_status")), ("confidence", prov.get("confidence"))]
        table = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows if v not in (None, ""))
        tags = "".join(f'<a class="tag" href="#ent-{_e(u)}">{_e(names[u])}</a>'
                       for u in sorted(entities_of.get(d["sha256"], ()), key=lambda u: names[u]))
        img = (f'<img alt="first page of {_e(_doc_title(d, files))}" src="{_data_uri(thumbs.get(d["sha256"]))}">'
               if thumbs.get(d["sha256"]) else "")
        cards.append(f'<div class="doc" id="doc-{_e(d["uid"])}">{img}<div><h3>{_e(_doc_title(d, files))}</h3>'
                     f'<table class="kv">{table}</table><div>{tags}</div></div></div>')
    return f'<section id="documents"><h2>Documents ({len(pub.documents)})</h2><div class="docs">{"".join(cards)}</div></section>'


def _entities(pub: CaseRecords, doc_uid: dict[str, str]) -> str:
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for m in pub.mentions:
        by_entity.setdefault(m["entity"], []).append(m)
    rows = []
    for e in sorted(pub.entities, key=lambda e: (e["type"], e["name"].casefold())):
        mentions = "".join(
            f'<div><a href="#doc-{_e(doc_uid[m["document"]])}">document {_e(doc_uid[m["document"]][:8])}</a>'
            f' p.{_e(m["page"])} <span class="muted">{_e(m["quote"] or "")}</span>'
            + (f' <span class="badge">{_e(m["status"])}</span>' if m["status"] != "accepted" else "") + "</div>"
            for m in by_entity.get(e["uid"], []))
        aliases = ", ".join(a["alias"] for a in e["aliases"] if a["alias"] != e["name"])
        rows.append(f'<tr id="ent-{_e(e["uid"])}"><td>{_e(e["type"].replace("_", " "))}</td><td><b>{_e(e["name"])}</b>'
                    f'<div class="muted">{_e(aliases)}</div></td><td>{mentions}</td></tr>')
    return (f'<section id="entities"><h2>Entities ({len(pub.entities)})</h2><table><tr><th>type</th>'
            f'<th>name</th><th>mentions</th></tr>{"".join(rows)}</table></section>')


def _graph(pub: CaseRecords, files: dict[str, str]) -> str:
    docs = pub.documents
    n = max(len(docs), 1)
    size, radius = 640, 250
    pos = {d["sha256"]: (size / 2 + radius * math.cos(2 * math.pi * i / n - math.pi / 2),
                         size / 2 + radius * math.sin(2 * math.pi * i / n - math.pi / 2))
           for i, d in enumerate(docs)}
    edges = []
    for link in pub.document_links:
        (x0, y0), (x1, y1) = pos[link["source"]], pos[link["target"]]
        edges.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" stroke="#7a869a" '
                     f'stroke-width="1.4" marker-end="url(#arrow)"><title>{_e(link["kind"])}</title></line>')
    nodes = []
    for i, d in enumerate(docs, start=1):
        x, y = pos[d["sha256"]]
        nodes.append(f'<a href="#doc-{_e(d["uid"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="15" fill="#fff" '
                     f'stroke="#1d2330"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11">'
                     f'{i}</text><title>{_e(_doc_title(d, files))}</title></a>')
    table = "".join(
        f'<tr><td><a href="#doc-{_e(_uid(pub, link["source"]))}">{_e(_index(pub, link["source"]))}</a></td>'
        f'<td>{_e(link["kind"])}</td><td><a href="#doc-{_e(_uid(pub, link["target"]))}">'
        f'{_e(_index(pub, link["target"]))}</a></td><td>{_e(link.get("quote") or "")}</td></tr>'
        for link in pub.document_links)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="24" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto"><path d="M0,0L10,5L0,10z" fill="#7a869a"/></marker></defs>'
           f'{"".join(edges)}{"".join(nodes)}</svg>')
    return (f'<section id="graph"><h2>Citation graph ({len(pub.document_links)} links)</h2>{svg}'
            f'<table><tr><th>from</th><th>link</th><th>to</th><th>evidence</th></tr>{table}</table></section>')


def _uid(pub: CaseRecords, sha: str) -> str:
    return next(d["uid"] for d in pub.documents if d["sha256"] == sha)


def _index(pub: CaseRecords, sha: str) -> str:
    return str(next(i for i, d in enumerate(pub.documents, start=1) if d["sha256"] == sha))


def _timeline(pub: CaseRecords, files: dict[str, str]) -> str:
    events = []
    names = {e["uid"]: e for e in pub.entities}
    for d in pub.documents:
        if d.get("doc_date"):
            events.append((d["doc_date"], "document", d["uid"], _doc_title(d, files)))
    for m in pub.mentions:
        ent = names.get(m["entity"])
        if ent and ent["type"] == "date" and m["status"] == "accepted":
            events.append((ent["name"], "date named", _uid(pub, m["document"]), m["quote"] or ent["name"]))
    for c in pub.custody:
        events.append((c["at"][:10], f"custody: {c['kind']}", _uid(pub, c["document"]), c["action"]))
    events.sort()
    rows = "".join(f'<tr><td>{_e(date)}</td><td>{_e(kind)}</td><td><a href="#doc-{_e(uid)}">{_e(text)}</a></td></tr>'
                   for date, kind, uid, text in events)
    return (f'<section id="timeline"><h2>Timeline ({len(events)} events)</h2><table><tr><th>date</th>'
            f'<th>event</th><th>what</th></tr>{rows}</table></section>')


def _redactions(pub: CaseRecords, doc_uid: dict[str, str], labels: dict[str, str]) -> str:
    rows = "".join(
        f'<tr><td><a href="#doc-{_e(doc_uid[r["document"]])}">{_e(doc_uid[r["document"]][:8])}</a></td>'
        f'<td>{_e(r["page"])}</td><td>{_e(labels.get(r["reason"], r["reason"]))}</td><td>{_e(r["status"])}</td>'
        f'<td>{_e(r["author"])}</td><td>{_e(r.get("reviewer") or "")}</td><td>{_e(r.get("decided_at") or "")}</td>'
        f'<td>{_e(r.get("match_text") or "")}</td></tr>'
        for r in pub.redactions)
    return (f'<section id="redactions"><h2>Redaction log ({len(pub.redactions)})</h2><table><tr><th>document</th>'
            f'<th>page</th><th>reason</th><th>status</th><th>by</th><th>reviewed by</th><th>decided</th>'
            f'<th>text</th></tr>{rows}</table></section>')


def render_report(pub: CaseRecords, files: dict[str, str], thumbs: dict[str, bytes], *, profile: str,
                  generated: str, audit_head: tuple[str, int]) -> str:
    doc_uid = {d["sha256"]: d["uid"] for d in pub.documents}
    names = {e["uid"]: e["name"] for e in pub.entities}
    entities_of: dict[str, set[str]] = {}
    for m in pub.mentions:
        entities_of.setdefault(m["document"], set()).add(m["entity"])
    labels = {r["code"]: r["label"] for r in pub.reason_codes}
    body = "".join((
        _documents(pub, files, thumbs, entities_of, names), _entities(pub, doc_uid), _graph(pub, files),
        _timeline(pub, files), _redactions(pub, doc_uid, labels)))
    head, count = audit_head
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>Evidence Desk bundle report</title><style>{STYLE}</style></head><body>'
        f'<header><h1>Evidence Desk bundle report</h1><div>{_e(profile)} profile · generated {_e(generated)} · '
        f'{len(pub.documents)} documents · {len(pub.entities)} entities · audit log {count} entries, head '
        f'<code>{_e(head[:16])}…</code></div></header>'
        '<nav><a href="#documents">Documents</a><a href="#entities">Entities</a><a href="#graph">Citation graph</a>'
        '<a href="#timeline">Timeline</a><a href="#redactions">Redaction log</a></nav>'
        f'<main>{body}</main></body></html>')
