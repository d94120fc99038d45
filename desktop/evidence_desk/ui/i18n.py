"""The interface language: Qt translators for Evidence Desk and for Qt's own dialogs, and the
locale dates and numbers are written in.

The translations' sources are Qt Linguist files, `resources/i18n/evidence_desk_<lang>.ts`
(`_en` holds only the English plural forms: "1 page", "3 pages"),
made from the code by `pyside6-lupdate` (see README, Development). Qt loads compiled `.qm`
files, which are never committed:
- the PyInstaller bundle carries them, compiled by `pyside6-lrelease` at build time
  (packaging/evidence-desk.spec) into `resources/translations/`;
- a source checkout or a wheel compiles them on first start, with the `lrelease` that
  ships in the PySide6 wheel, into the cache folder (`core.paths.cache_home()`), in a
  sub-folder named by the hash of the sources, so an edited `.ts` is compiled again and
  a stale `.qm` is never loaded. If that fails (no lrelease), the window stays in English
  and the log says why."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from evidence_desk.core import settings as core_settings
from evidence_desk.core.paths import cache_home
from evidence_desk.core.resources import resource_dir

log = logging.getLogger(__name__)

PREFIX = "evidence_desk"
# Languages with a translation, named in their own language (a person who cannot read the
# current one must still find theirs). English is the source language.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "ru": "Русский"}
_installed: list[QTranslator] = []
_compiled: dict[str, Path] = {}  # hash of the sources → folder compiled by this process


def sources() -> list[Path]:
    """The `.ts` files, one per translated language."""
    try:
        return sorted(resource_dir("i18n").glob(f"{PREFIX}_*.ts"))
    except FileNotFoundError:
        return []


def lrelease() -> Path:
    """Qt's `lrelease` as shipped inside the PySide6 wheel."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_translations(out: Path, ts_files: list[Path] | None = None) -> list[Path]:
    """Compile each `.ts` to `out/<same name>.qm`; returns the `.qm` files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in ts_files if ts_files is not None else sources():
        qm = out / f"{ts.stem}.qm"
        done = subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed on {ts.name}: {(done.stderr or done.stdout).strip()}")
        written.append(qm)
    return written


def qm_folder() -> Path | None:
    """The folder with the compiled translations: shipped ones when this is a bundle,
    else those compiled (now, if need be) from the sources into the cache."""
    try:
        shipped = resource_dir("translations")
        if any(shipped.glob(f"{PREFIX}_*.qm")):
            return shipped
    except FileNotFoundError:
        pass
    ts_files = sources()
    if not ts_files:
        return None
    digest = hashlib.sha256()
    for ts in ts_files:
        digest.update(ts.name.encode() + b"\0" + ts.read_bytes())
    key = digest.hexdigest()[:16]
    if key in _compiled and _compiled[key].is_dir():
        return _compiled[key]
    folder = cache_home() / "translations" / key
    if not all((folder / f"{ts.stem}.qm").is_file() for ts in ts_files):
        try:
            compile_translations(folder, ts_files)
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
            log.warning("the translations could not be compiled (%s); the window stays in English", exc)
            return None
    _compiled[key] = folder
    return folder


def chosen_locale(language: str | None = None) -> QLocale:
    """The locale of the `language` setting ("system": the desktop's own)."""
    language = language or core_settings.load().language
    return QLocale.system() if language == "system" else QLocale(language)


def install(app: QCoreApplication, language: str | None = None) -> QLocale:
    """Load the translations for `language` (default: the setting) into `app`, replacing any
    loaded before, and make its locale the default for dates and numbers. English, or a
    language without a translation, leaves the source strings."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    folder = qm_folder()
    if folder is None:
        return locale
    ours = QTranslator(app)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        if ours.load(f"{PREFIX}_en", str(folder)):  # the English plural forms
            app.installTranslator(ours)
            _installed.append(ours)
        return locale
    if not ours.load(locale, PREFIX, "_", str(folder)):
        return locale  # no translation for this language: English
    qt_own = QTranslator(app)  # the standard buttons (OK, Cancel) and Qt's own dialogs
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return locale


def current_language() -> str:
    """The two-letter code of the interface language now in use ("en" when untranslated)."""
    language = QLocale().name().split("_")[0]
    return language if language in LANGUAGE_NAMES else "en"


# -- dates and numbers as the user's locale writes them ---------------------------------------

def date_text(value: object, *, with_time: bool = False) -> str:
    """A date (a `date`, `datetime`, or the ISO text the case stores: "2019-03-14", or a
    partial "2019-03") in the short form of the current locale; anything else as it is."""
    import datetime as dt

    from PySide6.QtCore import QDate, QDateTime, QTime

    locale = QLocale()
    if isinstance(value, dt.datetime):
        if with_time:
            stamp = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
            return locale.toString(stamp, QLocale.FormatType.ShortFormat)
        value = value.date()
    if isinstance(value, dt.date):
        return locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
    if isinstance(value, str) and len(value) == 10:
        parsed = QDate.fromString(value, "yyyy-MM-dd")
        if parsed.isValid():
            return locale.toString(parsed, QLocale.FormatType.ShortFormat)
    return "" if value is None else str(value)


def number_text(value: int | float, decimals: int = 0) -> str:
    """A number with the current locale's digit grouping and decimal sign."""
    locale = QLocale()
    if isinstance(value, int) and decimals == 0:
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)
