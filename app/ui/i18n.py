"""Language choice and translator loading.

Every feature ships its own `resources/translations/<feature>_<lang>.qm`; all of them are
loaded, plus Qt's own `qtbase_<lang>.qm` so standard buttons and dialogs speak the same
language. English is the source language and needs no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.vocabulary import Language
from app.paths import resource_path

SUPPORTED = ("en", "ru")


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """`setting` when it names a supported language, else the system locale's, else English."""
    if setting in SUPPORTED:
        return setting
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in SUPPORTED else "en"


def translation_files(lang: str, folder: Path | None = None) -> list[Path]:
    """The app's compiled translation files for `lang`, sorted by feature."""
    root = folder or resource_path("translations")
    return sorted(root.glob(f"*_{lang}.qm"))


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load and install every translation of `lang`; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    language = QLocale.Language.Russian if lang == "ru" else QLocale.Language.English
    QLocale.setDefault(QLocale(language))
    # English is the source language: its files hold only the plural forms ("1 case",
    # "2 cases"); Qt's own strings are English already.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    own = [(p.stem, str(p.parent)) for p in translation_files(lang)]
    candidates = own if lang == "en" else [(f"qtbase_{lang}", qt_dir), *own]
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def current_language() -> Language:
    """The language the interface runs in (set by `install_translators`)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"
