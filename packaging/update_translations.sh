#!/usr/bin/env bash
# Refresh the translation sources from the code: every tr()/translate()/QT_TRANSLATE_NOOP
# string of desktop/evidence_desk/ui/ goes into resources/i18n/evidence_desk_{de,ru}.ts
# (new strings are marked unfinished; tests/ui/test_translations.py fails until they are
# translated, e.g. in `uv run pyside6-linguist resources/i18n/evidence_desk_de.ts`), and the
# English plural forms ("%n page(s)" → "1 page", "2 pages") into evidence_desk_en.ts.
# Strings no longer in the code are dropped. The .qm files are compiled by the build
# (packaging/evidence-desk.spec) or on first start (ui/i18n.py), never committed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mapfile -t SOURCES < <(find desktop/evidence_desk/ui -name '*.py' | sort)
uv run pyside6-lupdate -silent -no-obsolete -locations none "${SOURCES[@]}" \
  -ts resources/i18n/evidence_desk_de.ts resources/i18n/evidence_desk_ru.ts
uv run pyside6-lupdate -silent -no-obsolete -locations none -pluralonly "${SOURCES[@]}" \
  -ts resources/i18n/evidence_desk_en.ts
