"""The demo corpus templates: one TOML file per document under `resources/demo/`.

A template is data — the text of each page in a small line markup (see
`markup`), its language, kind, date, reference number, sender, recipient, the
references it cites, how it is delivered (born-digital PDF or a scan as JPEG,
PNG, image-only PDF or multi-page TIFF) and where the investigator got it. The
case as a whole (notes, the cast of people and organisations with their names
in several scripts) lives in `case.toml`. Everything is fictitious."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from evidence_desk.core.db.models import DOCUMENT_KINDS
from evidence_desk.core.demo import markup
from evidence_desk.core.resources import resource_dir

LANGUAGES = {"ru": "rus", "en": "eng", "de": "deu"}
DELIVERIES = {  # delivery → (file extension, media type)
    "pdf": (".pdf", "application/pdf"),
    "scan-pdf": (".pdf", "application/pdf"),
    "jpeg": (".jpg", "image/jpeg"),
    "png": (".png", "image/png"),
    "tiff": (".tif", "image/tiff"),
}


class TemplateError(ValueError):
    """A demo template is malformed (a bug in resources/demo, caught by the tests)."""


@dataclass(frozen=True)
class ScanSpec:
    skew: float  # degrees
    dpi: int = 200


@dataclass(frozen=True)
class DocTemplate:
    id: str
    file: str
    language: str
    kind: str
    date: str
    reference: str
    sender: str
    recipient: str
    title: str
    pages: tuple[str, ...]
    delivery: str = "pdf"
    author: str = ""
    cites: tuple[str, ...] = ()
    scan: ScanSpec | None = None
    provenance: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.id}_{self.file}{DELIVERIES[self.delivery][0]}"

    @property
    def media_type(self) -> str:
        return DELIVERIES[self.delivery][1]

    @property
    def born_digital(self) -> bool:
        return self.delivery == "pdf"

    def page_text(self, index: int) -> str:
        return markup.to_text(self.pages[index])

    @property
    def text(self) -> str:
        return "\n".join(self.page_text(i) for i in range(len(self.pages)))


def resources_dir() -> Path:
    """`resources/demo` in a source checkout, `evidence_desk/resources/demo` when installed."""
    return resource_dir("demo", marker="case.toml")


def _template(path: Path, data: dict[str, Any]) -> DocTemplate:
    try:
        scan = data.pop("scan", None)
        pages = tuple(data.pop("pages"))
        tpl = DocTemplate(
            pages=pages,
            scan=ScanSpec(**scan) if scan else None,
            cites=tuple(data.pop("cites", ())),
            notes=tuple(data.pop("notes", ())),
            **data,
        )
    except (KeyError, TypeError) as exc:
        raise TemplateError(f"{path.name}: {exc}") from exc
    if tpl.language not in LANGUAGES:
        raise TemplateError(f"{path.name}: language {tpl.language!r} is not one of {sorted(LANGUAGES)}")
    if tpl.kind not in DOCUMENT_KINDS:
        raise TemplateError(f"{path.name}: kind {tpl.kind!r} is not a document kind")
    if tpl.delivery not in DELIVERIES:
        raise TemplateError(f"{path.name}: delivery {tpl.delivery!r} is not one of {sorted(DELIVERIES)}")
    if (tpl.scan is None) != tpl.born_digital:
        raise TemplateError(f"{path.name}: a scan needs a [scan] table, a born-digital PDF must not have one")
    if not pages:
        raise TemplateError(f"{path.name}: no pages")
    return tpl


@cache
def load_documents(root: Path | None = None) -> tuple[DocTemplate, ...]:
    folder = (root or resources_dir()) / "documents"
    templates = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            templates.append(_template(path, tomllib.load(fh)))
    if not templates:
        raise TemplateError(f"no document templates in {folder}")
    return tuple(templates)


@cache
def load_case_info(root: Path | None = None) -> dict[str, Any]:
    with ((root or resources_dir()) / "case.toml").open("rb") as fh:
        return tomllib.load(fh)
