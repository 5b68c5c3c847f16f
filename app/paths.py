"""Where Casebook keeps its data and finds its bundled resources (also when frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import APP_ID, ORG_NAME

DATA_DIR_ENV = "CASEBOOK_DATA_DIR"


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, in a source checkout and in a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: the override, else `$CASEBOOK_DATA_DIR`, else the user data dir."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir(data: Path | None = None) -> Path:
    """Settings directory. With an explicit data dir, settings live inside it so that a test
    or a portable install never touches the user's real configuration."""
    if data is not None or os.environ.get(DATA_DIR_ENV):
        path = (data or data_dir()) / "config"
    else:
        path = Path(platformdirs.user_config_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url(data: Path) -> str:
    """The embedded SQLite database inside the data directory."""
    return f"sqlite:///{(data / 'casebook.sqlite3').as_posix()}"


def evidence_dir(data: Path) -> Path:
    """Root of the content-addressed evidence store."""
    path = data / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path
