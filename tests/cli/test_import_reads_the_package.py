"""One `import` command turns a small package into a case that knows its documents.

The package (generated here with the demo's machinery, everything fictitious): a
supplier's letter citing a contract that is not in the package, a scanned invoice
under that contract, a photographed export passport citing the letter and the invoice,
and a cover note that merely mentions the invoice. After `import --ocr auto` and no
other command, each document's own reference, kind and date are suggested, and the
three citations between them are links carrying the citing words."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.demo.corpus import DocTemplate, ScanSpec
from evidence_desk.core.demo.generate import specimen_bytes

LETTER = """^ ОАО «ИНТЕГРАЛ»
^ 220108, г. Минск, ул. Казинца, 121А · тел. +999 17 555 01 02
Исх. № 04-11/2187 от 19.02.2021
Генеральному директору ООО «Полесье-Импорт» г-ну Карпенко А. В.
Уважаемый Андрей Викторович!
В соответствии с контрактом № K-2019/77 от 20.11.2019 сообщаем, что первая партия изделий готова к отгрузке. Счёт на оплату будет направлен отдельно.
С уважением,
Генеральный директор ОАО «Интеграл» В. Н. Семенов"""

INVOICE = """^ JSC INTEGRAL · 121A Kazintsa St · Minsk
# INVOICE INV-2021/044
> Minsk, 3 March 2021
Buyer: Polesie-Import LLC
With reference to your letter of 02.02.2021 and under Contract No. K-2019/77 we invoice the first batch of devices.
| Item | Qty | Amount |
| Receiver modules RXM-880 | 12 | USD 45,000.00 |
Total due: USD 45,000.00
Director V. N. Semenov"""

PASSPORT = """# EXPORT PASSPORT No. 2894-EP
> Date of issue: 12 March 2021
Exporter: JSC Integral, Minsk
Importer: Polesie-Import LLC
The goods are exported under Invoice No. INV-2021/044 as announced in letter No. 04-11/2187 of 19 February 2021.
Customs office of departure: Minsk-Central
_ Signature and stamp of the issuing authority"""

COVER = """^ POLESIE-IMPORT LLC
> Our ref. CN-118/21
> 15 March 2021
To: Customs broker Vector Ltd
Dear colleagues,
please find enclosed the export passport for the shipment covered by Invoice INV-2021/044. Kindly arrange the clearance.
Kind regards,
A. Karpenko"""


def _template(i: int, name: str, source: str, language: str, delivery: str) -> DocTemplate:
    return DocTemplate(id=f"P{i}", file=name, language=language, kind="other", date="2021-03-01", reference="",
                       sender="", recipient="", title="", pages=(source,), delivery=delivery,
                       scan=None if delivery == "pdf" else ScanSpec(skew=0.6, dpi=200))


def _need_tesseract() -> None:
    if shutil.which("tesseract") is None:
        message = "OCR needs Tesseract (Debian package tesseract-ocr)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    _need_tesseract()
    folder = tmp_path_factory.mktemp("package")
    for tpl in (_template(1, "letter", LETTER, "ru", "pdf"), _template(2, "invoice", INVOICE, "en", "png"),
                _template(3, "export-passport", PASSPORT, "en", "jpeg"), _template(4, "cover-note", COVER, "en", "pdf")):
        (folder / tpl.filename).write_bytes(specimen_bytes(tpl))
    case = tmp_path_factory.mktemp("case") / "case"
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--case", str(case), "import", str(folder), "--ocr", "auto", "--lang", "rus+eng",
                     "--workers", "1", "--json"])
    assert code == 0
    return case, json.loads(out.getvalue())


def _cli_json(capsys: pytest.CaptureFixture[str], case: Path, *argv: str) -> object:
    capsys.readouterr()
    assert main(["--case", str(case), *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _fields(capsys: pytest.CaptureFixture[str], case: Path) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = {}
    for s in _cli_json(capsys, case, "suggest", "--kind", "field"):  # type: ignore[union-attr]
        out.setdefault(s["doc"], {}).setdefault(s["field"], []).append(s["value"])
    return out


def test_the_import_report_says_what_was_found(imported):
    _, data = imported
    analysis = data["analysis"]
    assert data["imported"] == 4 and analysis["citations"] == 3 and analysis["own_references"] == 4
    assert any(m.startswith("found 4 own references, 3 citations (linked)") for m in data["messages"])


def test_each_documents_own_reference_kind_and_date_are_suggested(imported, capsys):
    case, _ = imported
    fields = _fields(capsys, case)
    letter, invoice, passport, cover = (fields[i] for i in (1, 2, 3, 4))
    assert letter["reference"] == ["04-11/2187"] and letter["doc_date"] == ["2021-02-19"]
    assert letter["kind"] == ["letter"]
    assert invoice["reference"] == ["INV-2021/044"] and invoice["doc_date"] == ["2021-03-03"]
    assert invoice["kind"] == ["invoice"]
    assert passport["reference"] == ["2894-EP"] and passport["doc_date"] == ["2021-03-12"]
    assert passport["kind"] == ["export_permit"]
    assert cover["reference"] == ["CN-118/21"] and cover["doc_date"] == ["2021-03-15"]
    assert cover["kind"] == ["letter"]


def test_the_three_citations_are_links_with_the_citing_words(imported, capsys):
    case, _ = imported
    links = _cli_json(capsys, case, "links")
    pairs = {(link["source"], link["target"]): link for link in links}  # type: ignore[union-attr]
    assert set(pairs) == {(3, 2), (3, 1), (4, 2)}
    assert "Invoice No. INV-2021/044" in pairs[(3, 2)]["quote"]
    assert "letter No. 04-11/2187" in pairs[(3, 1)]["quote"]
    assert all(link["origin"] == "auto" for link in pairs.values())


def test_nothing_counts_until_accepted(imported, capsys):
    case, _ = imported
    docs = _cli_json(capsys, case, "list")
    assert all(d.get("reference") in (None, "") for d in docs)  # type: ignore[union-attr]
