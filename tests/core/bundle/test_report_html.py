"""`report.html` is one self-contained offline page: no script, nothing fetched, every
internal link lands on an anchor — checked in the HTML and in a real headless browser."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image

from tests.core.bundle.conftest import Bundles
from tests.tools import require_tool


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.sources: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("src"):
            self.sources.append(values["src"] or "")


def _report(bundle: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "report.html"
    with zipfile.ZipFile(bundle) as zf:
        path.write_bytes(zf.read("data/report.html"))
    return path


def _parse(html: str) -> _Links:
    links = _Links()
    links.feed(html)
    return links


def test_the_report_is_self_contained_and_its_links_resolve(bundles: Bundles, tmp_path: Path) -> None:
    html = _report(bundles.internal, tmp_path).read_text(encoding="utf-8")
    links = _parse(html)
    assert "script" not in links.tags and "iframe" not in links.tags and "link" not in links.tags
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert links.sources and all(src.startswith("data:image/") for src in links.sources)  # thumbnails inlined
    assert links.hrefs and all(h.startswith("#") for h in links.hrefs)
    assert {h[1:] for h in links.hrefs} <= links.ids
    for section in ("documents", "entities", "graph", "timeline", "redactions"):
        assert section in links.ids


def _chromium() -> str:
    return shutil.which("chromium-browser") or require_tool("chromium")  # Ubuntu's name, or Debian's


def _browser(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
               "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_report_renders_in_a_headless_browser_with_every_anchor_present(bundles: Bundles,
                                                                            tmp_path: Path) -> None:
    report = _report(bundles.internal, tmp_path)
    shot = tmp_path / "report.png"
    result = _browser(["--window-size=1280,1600", "--hide-scrollbars", f"--screenshot={shot}",
                       report.as_uri()], tmp_path / "profile")
    assert shot.is_file(), result.stderr[-2000:]
    with Image.open(shot) as img:
        assert img.size == (1280, 1600)
        colours = img.convert("RGB").resize((64, 80)).getcolors(64 * 80)
        assert colours is not None and len(colours) > 20  # a page was drawn, not a blank or an error tab
    dom = _browser(["--dump-dom", report.as_uri()], tmp_path / "profile2")
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = _parse(dom.stdout)
    assert rendered.hrefs and {h[1:] for h in rendered.hrefs} <= rendered.ids
    assert any(i.startswith("doc-") for i in rendered.ids) and any(i.startswith("ent-") for i in rendered.ids)
