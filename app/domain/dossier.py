"""The dossier's export profiles and languages: who a dossier is for decides how much personal
data it shows (police: everything; management: masked, faces of non-parties blurred)."""

from __future__ import annotations

from typing import Literal

Profile = Literal["police", "management"]
Lang = Literal["ru", "en"]
PROFILES: tuple[Profile, ...] = ("police", "management")
LANGS: tuple[Lang, ...] = ("ru", "en")
