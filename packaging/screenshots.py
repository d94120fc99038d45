"""Take the README's screenshots: the demo case in light and dark mode, and in German and
Russian, saved under resources/screenshots/ as palette PNGs under 300 KB.

    uv run python packaging/screenshots.py [OUT_DIR]

It uses a throw-away home folder (EVIDENCE_DESK_HOME) with its own demo case and settings,
so the user's own are never touched, and the window's own screenshot mode (`gui --screenshot`:
1600×1000, the first two documents side by side, saved once their pages are drawn)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SHOTS = {  # file: (theme, language)
    "window-light.png": ("light", "en"),
    "window-dark.png": ("dark", "en"),
    "window-de.png": ("light", "de"),
    "window-ru.png": ("dark", "ru"),
}
MAX_BYTES = 300_000


def _run(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "evidence_desk", *args], env=env, check=True, timeout=1800,
                   stdout=subprocess.DEVNULL)


def shrink(path: Path) -> int:
    """Re-save as an optimised palette PNG (256 colours: the window's flat colours survive)."""
    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, optimize=True)
    return path.stat().st_size


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="evidence-desk-shots-") as home:
        env = {**os.environ, "EVIDENCE_DESK_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("EVIDENCE_DESK_AUTHOR", None)
        config = Path(home) / "config"
        config.mkdir(parents=True)
        for name, (theme, language) in SHOTS.items():
            (config / "settings.json").write_text(json.dumps({"theme": theme, "language": language}),
                                                  encoding="utf-8")
            _run(env, "--demo", "gui", "--screenshot", str(out / name))
            size = shrink(out / name)
            print(f"{out / name}: {size // 1000} KB")
            if size > MAX_BYTES:
                print(f"error: {name} is larger than {MAX_BYTES // 1000} KB", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"))
