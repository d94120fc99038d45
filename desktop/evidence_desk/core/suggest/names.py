"""Names nobody has registered yet: people, organisations and places a page mentions.

Russian text goes through Natasha's named-entity model (it ships inside the PyPI
packages and loads offline; it is loaded once per process, on the first Cyrillic
page). English and German text, and organisations in any script, are found by their
legal forms and by the titles that precede a person's name. Each name gets a key that
is the same across scripts and legal forms (FollowTheMoney's `fingerprints`, with the
company types removed), so "ОАО «Интеграл»" and "JSC Integral" are offered as one."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import fingerprints

from evidence_desk.core.suggest.orgs import find_organisations

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# A title or function before a person's name; the name: capitalised words or initials.
_PERSON = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Director|Managing Director|General Manager|Geschäftsführer|"
    r"Generaldirektor|Brigadier General|General|Colonel|Oberst|Minister)\.?\s+)"
    r"(?P<name>(?:[A-ZÄÖÜ]\.\s?){0,2}[A-ZÄÖÜ][a-zäöüß]+(?:[\s-][A-ZÄÖÜ][a-zäöüß]+){0,2})")
_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}
_lock = threading.Lock()


@dataclass(frozen=True)
class FoundName:
    start: int
    end: int
    text: str
    type: str  # person | organisation | place | state_body
    key: str  # the same for one name in every script and legal form


def name_key(name: str) -> str:
    """"ОАО «Интеграл»", "JSC Integral" and "Integral GmbH" → "integral"."""
    stripped = fingerprints.remove_types(name) or name
    return fingerprints.generate(stripped) or fingerprints.generate(name) or name.casefold()


@lru_cache(maxsize=1)
def _natasha() -> Any:
    """(Doc, segmenter, tagger), or None where the model cannot be loaded (a build without
    it or without numpy): Russian names are then found by their legal forms only."""
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

        return Doc, Segmenter(), NewsNERTagger(NewsEmbedding())
    except (ImportError, OSError, ValueError):
        return None


def ner_available() -> bool:
    return _natasha() is not None


def ner_missing() -> bool:
    """A Russian page was read in this process and the NER model could not be loaded (names were
    found by their legal forms only)."""
    return _natasha.cache_info().currsize > 0 and _natasha() is None


def _russian_names(text: str) -> list[FoundName]:
    model = _natasha()
    if model is None:
        return []
    doc_type, segmenter, tagger = model
    with _lock:  # the tagger is not documented as thread-safe; the pipeline runs one job anyway
        doc = doc_type(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        spans = list(doc.spans)
    out = []
    for span in spans:
        kind = _TYPES.get(span.type)
        value = " ".join(span.text.split()).strip(" ,.;:")
        if kind and len(value) >= 3 and _CYRILLIC.search(value):
            out.append(FoundName(span.start, span.stop, value, kind, name_key(value)))
    return out


def find_names(text: str) -> list[FoundName]:
    """Every name on a page, longest first where two overlap."""
    found: list[FoundName] = [FoundName(o.start, o.end, o.text, o.type, name_key(o.text))
                              for o in find_organisations(text)]
    for m in _PERSON.finditer(text):
        found.append(FoundName(m.start("name"), m.end("name"), m.group("name"), "person", name_key(m.group("name"))))
    if _CYRILLIC.search(text):
        found.extend(_russian_names(text))
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[FoundName] = []
    for name in found:
        if not name.key or any(name.start < o.end and o.start < name.end for o in out):
            continue
        out.append(name)
    return out
