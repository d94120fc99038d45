"""`annotations.jsonld` is a W3C Web Annotation collection whose selectors lead back to
the exact page region and text of each tag, note and link."""

from __future__ import annotations

import json
import uuid
import zipfile

from evidence_desk.core.bundle.annotations import ANNO_CONTEXT, XYWH_UNITS, fragment, parse_fragment
from tests.core.bundle.conftest import Bundles


def _load(bundle) -> tuple[dict, dict]:  # type: ignore[no-untyped-def,type-arg]
    with zipfile.ZipFile(bundle) as zf:
        return json.loads(zf.read("data/annotations.jsonld")), json.loads(zf.read("data/records.json"))


def test_fragment_selectors_round_trip_pdf_points() -> None:
    selector = fragment(2, (72.0, 90.5, 260.25, 104.0))
    assert selector["value"] == "page=2&xywh=72.00,90.50,188.25,13.50"
    assert parse_fragment(selector["value"]) == (2, (72.0, 90.5, 260.25, 104.0))
    assert parse_fragment("page=3") == (3, None)


def test_every_tag_is_an_annotation_pointing_at_its_entity_and_region(bundles: Bundles) -> None:
    collection, records = _load(bundles.internal)
    assert collection["@context"][0] == ANNO_CONTEXT and collection["xywhUnits"] == XYWH_UNITS
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items)
    by_id = {a["id"]: a for a in items}
    entity_urns = {f"urn:uuid:{uuid.UUID(hex=e['uid'])}" for e in records["entities"]}
    for mention in records["mentions"]:
        anno = by_id[f"urn:uuid:{uuid.UUID(hex=mention['uid'])}"]
        assert anno["motivation"] == "tagging"
        assert anno["body"][0]["source"] in entity_urns and anno["body"][0]["purpose"] == "tagging"
        fragment_sel, quote_sel = anno["target"]["selector"]
        page, rect = parse_fragment(fragment_sel["value"])
        assert page == mention["page"]
        assert rect is not None  # a tag made from a text selection gets the box of its words
        if mention["x0"] is not None:
            assert all(abs(a - b) < 0.01 for a, b in zip(rect, (mention["x0"], mention["y0"], mention["x1"],
                                                                  mention["y1"]), strict=True))
        assert quote_sel["type"] == "TextQuoteSelector" and quote_sel["exact"] == mention["quote"]
        assert "prefix" in quote_sel and "suffix" in quote_sel
        assert anno["target"]["source"].startswith("documents/") and anno["target"]["source"].endswith(".pdf")
    motivations = {a["motivation"] for a in items}
    assert motivations == {"tagging", "commenting", "linking"}


def test_publication_quotes_take_their_context_only_from_words_outside_redactions(bundles: Bundles) -> None:
    with zipfile.ZipFile(bundles.publication) as zf:
        collection = json.loads(zf.read("data/annotations.jsonld"))
    quotes = [s for a in collection["first"]["items"] if isinstance(a["target"], dict)
              for s in (a["target"].get("selector") or []) if isinstance(s, dict)
              and s.get("type") == "TextQuoteSelector"]
    assert quotes
    assert all("Garbuz" not in q.get("prefix", "") + q.get("suffix", "") for q in quotes)
