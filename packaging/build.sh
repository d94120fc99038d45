#!/usr/bin/env bash
# Build the one-folder bundle: dist/evidence-desk/evidence-desk (see evidence-desk.spec).
#
#   packaging/build.sh [--with-tesseract] [--dist DIR] [--work DIR]
#
# --with-tesseract (Linux) copies this machine's tesseract, the shared libraries it loads
# (all but the C library's own) and the rus/eng/deu/osd language data into
# DIST/evidence-desk/tesseract/, with the Debian copyright files of what it copied; the
# bundle then reads scans on a machine without Tesseract. Without it, the bundle uses the
# tesseract on PATH. Needs: uv, binutils (objdump, PyInstaller reads libraries with it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build"
WITH_TESSERACT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --with-tesseract) WITH_TESSERACT=1 ;;
    --dist) DIST="$2"; shift ;;
    --work) WORK="$2"; shift ;;
    *) echo "error: unknown option $1 (use --with-tesseract, --dist DIR, --work DIR)" >&2; exit 1 ;;
  esac
  shift
done

cd "$ROOT"
uv run --group packaging pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/evidence-desk.spec

if [ "$WITH_TESSERACT" = 1 ]; then
  TESS="$(command -v tesseract || true)"
  [ -n "$TESS" ] || { echo "error: --with-tesseract: tesseract is not installed (sudo apt-get install tesseract-ocr)" >&2; exit 1; }
  OUT="$DIST/evidence-desk/tesseract"
  rm -rf "$OUT"
  mkdir -p "$OUT/bin" "$OUT/lib" "$OUT/tessdata" "$OUT/copyright"
  cp -L "$TESS" "$OUT/bin/tesseract"
  # Every library the loader resolves, except glibc's own (always the host's).
  ldd "$TESS" | awk '$3 ~ /^\// {print $3}' | while read -r lib; do
    case "$(basename "$lib")" in
      libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|libresolv.so*|ld-linux*) continue ;;
    esac
    cp -L "$lib" "$OUT/lib/"
    # dpkg records /usr/lib/… (merged /usr), ldd may print /lib/…: ask for the real file.
    pkg="$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n1 | cut -d: -f1 || true)"
    if [ -n "$pkg" ] && [ -f "/usr/share/doc/$pkg/copyright" ]; then
      cp "/usr/share/doc/$pkg/copyright" "$OUT/copyright/$pkg"
    fi
  done
  for pkg in tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-osd; do
    if [ -f "/usr/share/doc/$pkg/copyright" ]; then cp "/usr/share/doc/$pkg/copyright" "$OUT/copyright/$pkg"; fi
  done
  DATA="$("$TESS" --list-langs 2>&1 | sed -n 's/^List of available languages in "\(.*\)".*/\1/p')"
  for lang in rus eng deu osd; do
    cp "$DATA/$lang.traineddata" "$OUT/tessdata/" \
      || { echo "error: --with-tesseract: $lang.traineddata missing (sudo apt-get install tesseract-ocr-$lang)" >&2; exit 1; }
  done
  cat > "$OUT/tesseract" <<'WRAP'
#!/bin/sh
# The bundled Tesseract with its own libraries and language data.
here="$(dirname "$(readlink -f "$0")")"
LD_LIBRARY_PATH="$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" TESSDATA_PREFIX="$here/tessdata" \
  exec "$here/bin/tesseract" "$@"
WRAP
  chmod +x "$OUT/tesseract"
fi
echo "built $DIST/evidence-desk ($(du -sh "$DIST/evidence-desk" | cut -f1))"
