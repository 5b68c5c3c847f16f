"""Where save dialogs open: the user's Documents folder, then the folder last saved to in this
session — never the process's current directory (for an installed app that is the install
folder or `/`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_last_folder: Path | None = None


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def suggested(name: str) -> str:
    """The path a save dialog proposes for a file called `name`."""
    return str((_last_folder or documents_folder()) / name)


def remember(path: str) -> str:
    """Note the folder the user chose (the next dialog opens there); returns `path`."""
    global _last_folder
    if path:
        _last_folder = Path(path).parent
    return path
