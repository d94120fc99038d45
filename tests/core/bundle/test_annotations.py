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


def _w3c_validators() -> list[tuple[str, object]]:
    """The W3C Web Annotation test suite's 'must' assertions (tests/data), each a draft-04
    schema that a conforming annotation satisfies, with the definitions they refer to."""
    from pathlib import Path

    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    data = json.loads((Path(__file__).parents[2] / "data" / "w3c_web_annotation_schemas.json")
                      .read_text(encoding="utf-8"))
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT4))
        for name, schema in data["definitions"].items())
    return [(name, Draft4Validator(schema, registry=registry)) for name, schema in sorted(data["assertions"].items())]


def test_every_annotation_meets_every_must_of_the_w3c_web_annotation_schemas(bundles: Bundles) -> None:
    validators = _w3c_validators()
    assert len(validators) > 40
    for bundle in (bundles.internal, bundles.publication):
        collection = _load_annotations(bundle)
        items = collection["first"]["items"]
        assert {a["motivation"] for a in items} >= {"tagging", "commenting"}
        for item in items:  # an annotation in a collection carries the collection's context
            annotation = {"@context": collection["@context"], **item}
            for name, validator in validators:
                errors = [e.message for e in validator.iter_errors(annotation)]  # type: ignore[attr-defined]
                assert not errors, (name, item["id"], errors[:3])


def _load_annotations(bundle) -> dict:  # type: ignore[no-untyped-def,type-arg]
    with zipfile.ZipFile(bundle) as zf:
        return json.loads(zf.read("data/annotations.jsonld"))  # type: ignore[no-any-return]


def test_the_w3c_schemas_catch_an_annotation_that_breaks_a_must() -> None:
    """The vendored schemas do reject: no target, and both body and bodyValue."""
    failing = {name for name, v in _w3c_validators()
               if not v.is_valid({"@context": ANNO_CONTEXT, "id": "urn:uuid:0", "type": "Annotation",  # type: ignore[attr-defined]
                                  "body": {"type": "TextualBody", "value": "x"}, "bodyValue": "x"})}
    assert {"annotations/3.1-targetKeyFound.json", "annotations/3.2.5-notBodyBodyValue.json"} <= failing
