"""Evidence Desk never talks to the network: the suite cannot open sockets, and no module
of the application imports a network client (HTTP, Qt networking, a web engine)."""

from __future__ import annotations

import ast
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "evidence_desk"
FORBIDDEN = ("urllib.request", "http.client", "requests", "httpx", "aiohttp", "urllib3",
             "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
             "PySide6.QtWebEngine", "PySide6.QtWebSockets")


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_test_suite_cannot_open_an_internet_socket() -> None:
    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_of_the_package_imports_a_network_client() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in _imported_names(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_importing_every_module_loads_no_network_client() -> None:
    """Indirect imports count too: import the whole package in a fresh interpreter."""
    modules = sorted(
        "evidence_desk." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"  # __main__ would start the app
    )
    script = (
        "import importlib, json, sys, os\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        f"for m in {modules!r}:\n"
        "    m = m.removesuffix('.__init__')\n"
        "    importlib.import_module(m)\n"
        f"print(json.dumps(sorted(n for n in sys.modules if any(n == b or n.startswith(b + '.') for b in {FORBIDDEN!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
