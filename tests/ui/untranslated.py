"""Find user-visible strings in ui/ that do not go through Qt's translation.

A string literal (or f-string) passed straight to a call that shows text to the user
(setText, setToolTip, QLabel(…), addAction(…), QMessageBox.…, showMessage, …) is reported
unless it is wrapped in `tr(…)`/`translate(…)`, and so is a literal handed to a function of the
module that passes its parameter on to translate() (lupdate does not follow it). Literals without a letter (symbols such as
"✕", "−", "%"), names that stay the same in every language (NAMES) and single lower-case code
words are not text to translate."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

TEXT_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setPlaceholderText",
    "setTitle", "setLabelText", "setIconText", "showMessage", "addAction", "addMenu", "addItem",
    "addTab", "setTabText", "setHorizontalHeaderLabels", "setHeaderLabels", "addRow", "setSpecialValueText",
    "setSuffix", "setPrefix", "setAccessibleName", "setAccessibleDescription", "insertItem", "setFormat",
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QDockWidget", "QToolBar", "QMenu", "information", "warning", "critical", "question", "about",
    "getText", "getInt", "getItem", "getOpenFileNames", "getOpenFileName", "getSaveFileName",
    "getExistingDirectory", "QMessageBox", "setHeaderData", "ElidedLabel", "add", "WindowCommand",
    "setDescription", "message", "emit", "setLabel",
}
# Where the text is not the first argument: the positions that hold text.
TEXT_POSITIONS = {"addItem": (0,), "insertItem": (1,), "add": (1,), "setHeaderData": (2,), "setTabText": (1,),
                  "WindowCommand": (1,)}  # its menu is a key (the menu's title is translated where it is made)
CODE = re.compile(r"[a-z_]+")  # "ok", "cancelled": a signal's code word, not text a person reads
LOGGERS = {"log", "logger", "logging", "warnings"}
NAMES = ("Evidence Desk", "SHA-256", "Tesseract", "OCR", "PDF")  # names, the same in every language


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _has_words(text: str) -> bool:
    if CODE.fullmatch(text):
        return False
    text = re.sub(r"<[^>]*>", "", text)
    for name in NAMES:
        text = text.replace(name, "")
    return any(ch.isalpha() for ch in text)


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return _has_words("".join(str(v.value) for v in node.values if isinstance(v, ast.Constant)))
    return False


def _wrappers(tree: ast.Module) -> dict[str, set[int | str]]:
    """Functions that hand a parameter to translate()/tr(), with those parameters' positions and
    names: lupdate cannot see through them, so a literal passed there never reaches the .ts
    files and stays English."""
    found: dict[str, set[int | str]] = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = [a.arg for a in fn.args.args]
        for node in ast.walk(fn):
            if isinstance(node, ast.Call) and _name(node.func) in ("translate", "tr"):
                for a in node.args:
                    if isinstance(a, ast.Name) and a.id in params:
                        found.setdefault(fn.name, set()).update({params.index(a.id), a.id})
    return found


def findings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[int, str]] = []
    wrappers = _wrappers(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in wrappers:
            forwarded = wrappers[_name(node.func)]
            offset = 1 if isinstance(node.func, ast.Attribute) else 0  # self.method(…): self is params[0]
            args = [a for i, a in enumerate(node.args) if i + offset in forwarded]
            args += [kw.value for kw in node.keywords if kw.arg in forwarded]
            out += [(a.lineno, ast.unparse(a)[:70]) for a in args if _is_text(a)]
        if not isinstance(node, ast.Call) or _name(node.func) not in TEXT_CALLS:
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
            continue
        positions = TEXT_POSITIONS.get(_name(func))
        args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
        args += [kw.value for kw in node.keywords if kw.arg in ("text", "tip", "title")]
        for arg in args:
            items = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
            for item in items:
                for leaf in [item.body, item.orelse] if isinstance(item, ast.IfExp) else [item]:
                    if _is_text(leaf):
                        out.append((leaf.lineno, ast.unparse(leaf)[:70]))
    return sorted(set(out))


def scan(root: Path) -> dict[Path, list[tuple[int, str]]]:
    return {p: f for p in sorted(root.rglob("*.py")) if (f := findings(p))}


if __name__ == "__main__":
    total = 0
    for path, found in scan(Path(sys.argv[1])).items():
        total += len(found)
        print(f"{path}: {len(found)}")
        if len(sys.argv) > 2:
            for line, text in found:
                print(f"   {line}: {text}")
    print("total", total)
