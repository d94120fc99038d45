"""`entities.ftm.json` is FollowTheMoney as Aleph loads it: checked against the real
`followthemoney` library (test group `ftm`; it needs PyICU, built against libicu-dev)."""

from __future__ import annotations

import json
import os
import zipfile

import pytest

from tests.core.bundle.conftest import Bundles


def _model():  # type: ignore[no-untyped-def]
    try:
        from followthemoney import model
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("followthemoney is missing: `uv sync --group ftm` (needs Debian's libicu-dev pkg-config)")
        pytest.skip("needs the ftm test group: uv sync --group ftm (Debian: libicu-dev pkg-config)")
    return model


def _entities(bundle) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with zipfile.ZipFile(bundle) as zf:
        return [json.loads(line) for line in zf.read("data/entities.ftm.json").decode().splitlines()]


@pytest.mark.parametrize("profile", ["publication", "internal"])
def test_every_line_is_a_valid_followthemoney_entity(bundles: Bundles, profile: str) -> None:
    model = _model()
    entities = _entities(getattr(bundles, profile))
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        assert schema.validate(data) is None, (data, schema.validate(data))
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            assert prop in schema.properties, (data["schema"], prop)
            assert proxy.get(prop) == values
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (data["schema"], prop)  # no dangling references
    schemata = {e["schema"] for e in entities}
    assert {"Pages", "PublicBody", "Contract", "Documentation", "UnknownLink"} <= schemata


def test_documentation_ties_each_entity_to_the_documents_naming_it(bundles: Bundles) -> None:
    entities = _entities(bundles.internal)
    names = {e["id"]: e["properties"].get("name", e["properties"].get("title", [""]))[0] for e in entities}
    pairs = {(e["properties"]["document"][0], names[e["properties"]["entity"][0]])
             for e in entities if e["schema"] == "Documentation"}
    assert len({doc for doc, name in pairs if name == "EX-2021/0457"}) == 2
