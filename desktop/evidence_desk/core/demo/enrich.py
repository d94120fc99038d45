"""The demo's investigator at work: entities from the cast, suggestions found and
reviewed, document details filled in, documents linked by the references they cite.

Runs after the demo corpus is imported and OCR'd (`build_demo_case` calls it).
Everything goes through the same services and edits as the CLI and the GUI, so
the demo's audit log reads like a real review. The templates in resources/demo
play the investigator's judgement: a suggested detail that agrees with the
template is accepted, one that does not is rejected and the right value typed in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.entities import AddEntity
from evidence_desk.core.db.models import Document, EntityAlias, Suggestion
from evidence_desk.core.demo.corpus import DocTemplate, load_case_info, load_documents
from evidence_desk.core.documents import update_details
from evidence_desk.core.entities.names import names_match, normalize_name
from evidence_desk.core.entities.registry import find_entity
from evidence_desk.core.links.refs import normalize_reference
from evidence_desk.core.links.registry import build_reference_links
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.store import decide, pending_ids, refresh_suggestions

TEMPLATE_FIELDS = {"doc_date": "date", "reference": "reference", "sender": "sender",
                   "recipient": "recipient", "kind": "kind"}


def _agrees(field: str, suggested: str, wanted: str) -> bool:
    if field == "reference":
        # Same key but other letters (OCR read "EXP" as Cyrillic "ЕХР"): the reviewer types it.
        return normalize_reference(suggested) == normalize_reference(wanted) and \
            suggested.upper() == wanted.upper()
    if field in ("sender", "recipient"):
        a, b = normalize_name(suggested), normalize_name(wanted)
        return a == b or a in b or b in a or names_match(suggested, wanted)
    return suggested == wanted


def add_cast(case: Case, cast: list[dict[str, Any]]) -> list[int]:
    """The case's main entities with their names in every language; existing ones are kept."""
    created = []
    for member in cast:
        with case.read() as s:
            if find_entity(s, member["name"], member["type"]) is not None:
                continue
        edit = AddEntity(member["name"], member["type"], tuple(member.get("aliases", ())))
        case.apply(edit)
        assert edit.created_id is not None
        created.append(edit.created_id)
    return created


def review_fields(case: Case, templates: dict[str, DocTemplate]) -> dict[str, int]:
    """Accept the document-detail suggestions that are right, reject the rest, fill the gaps."""
    counts = {"accepted": 0, "rejected": 0, "typed": 0}
    with case.read() as s:
        docs = {d.id: d.filename for d in s.execute(select(Document)).scalars()}
        pending = s.execute(select(Suggestion).where(Suggestion.kind == "field", Suggestion.status == "pending")
                            .order_by(Suggestion.id)).scalars().all()
    accept, reject = [], []
    decided: dict[int, set[str]] = {}
    for sug in pending:
        tpl = templates.get(docs.get(sug.document_id, ""))
        wanted = getattr(tpl, TEMPLATE_FIELDS[sug.field or ""], None) if tpl else None
        first = sug.field not in decided.setdefault(sug.document_id, set())
        if first and (wanted is None or _agrees(sug.field or "", sug.value, wanted)):
            accept.append(sug.id)
            decided[sug.document_id].add(sug.field or "")
        else:
            reject.append(sug.id)
    if accept:
        decide(case, accept, accept=True)
    if reject:
        decide(case, reject, accept=False)
    counts["accepted"], counts["rejected"] = len(accept), len(reject)
    for doc_id, filename in docs.items():
        tpl = templates.get(filename)
        if tpl is None:
            continue
        with case.read() as s:
            doc = s.get(Document, doc_id)
            missing = {f: getattr(tpl, t) for f, t in TEMPLATE_FIELDS.items()
                       if getattr(tpl, t) and not getattr(doc, f)}
        if missing:
            update_details(case, doc_id, **missing)
            counts["typed"] += len(missing)
    return counts


def enrich_demo_case(case: Case, progress: Progress) -> None:
    """Entities, reviewed suggestions, document details and reference links for the demo case."""
    progress.update(label="Tagging the demo case", total=None, done=0)
    info = load_case_info()
    templates = {t.filename: t for t in load_documents()}
    add_cast(case, list(info.get("cast", [])))
    progress.raise_if_cancelled()
    refresh_suggestions(case, None, progress)
    review_fields(case, templates)
    progress.raise_if_cancelled()
    # Entities found exactly as one of their names, and dates, are accepted; the ones found
    # only through transliteration or OCR tolerance, amounts and reference numbers stay
    # pending, for the user to try the review.
    ids = exact_entity_suggestions(case) + pending_ids(case, kind="date")
    if ids:
        decide(case, ids, accept=True)
    build_reference_links(case, None, progress)


def exact_entity_suggestions(case: Case) -> list[int]:
    """Pending entity suggestions whose quoted text is one of the entity's names, as written."""
    with case.read() as s:
        names: dict[int, set[str]] = {}
        for entity_id, alias in s.execute(select(EntityAlias.entity_id, EntityAlias.alias)):
            names.setdefault(entity_id, set()).add(normalize_name(alias))
        rows = s.execute(select(Suggestion.id, Suggestion.entity_id, Suggestion.quote)
                         .where(Suggestion.kind == "entity", Suggestion.status == "pending")
                         .order_by(Suggestion.id)).all()
    return [sid for sid, eid, quote in rows
            if normalize_name((quote or "").strip("«»\"'()")) in names.get(eid or 0, set())]
