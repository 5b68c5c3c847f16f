"""Typed user settings stored as JSON under the config dir, with a schema version. No Qt.

Window, splitter and header state live in QSettings (UI only); office-wide settings live in
the database.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str = ""  # "" = follow the system locale; "ru" or "en"
    investigator_name: str = ""  # shown in dossiers and recorded as the audit actor
    investigator_position: str = ""  # printed under the name in the dossier's signature
    default_region: str = ""
    default_tz: str = "Europe/Moscow"
    phone_region: str = "RU"
    demo_offered: bool = False
    recent_presets: list[str] = field(default_factory=list)
    # The Ed25519 key that signs audit checkpoints when the OS key store has no backend
    # ("" = `audit-signing.key` in the data dir, made with owner-only rights on first use).
    audit_key_file: str = ""
    evidence_dir: str = ""  # "" = the database's recorded store, else <data dir>/evidence
    schema_version: int = SCHEMA_VERSION

    @classmethod
    def load(cls, config_dir: Path) -> Settings:
        """Read settings; unknown keys are ignored, a broken file gives defaults (kept aside)."""
        path = config_dir / FILE_NAME
        if not path.exists():
            return cls()
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            path.replace(path.with_suffix(".broken.json"))
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known and k != "schema_version"}
        return cls(**values)

    def save(self, config_dir: Path) -> None:
        """Write atomically: a crash never leaves a half-written settings file."""
        config_dir.mkdir(parents=True, exist_ok=True)
        path = config_dir / FILE_NAME
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
