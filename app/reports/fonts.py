"""The bundled Cyrillic font families (PT Serif, PT Sans, PT Mono) registered with reportlab.

reportlab's built-in fonts have no Cyrillic and draw boxes without an error, so every style
of the dossier uses these names only. Registration is idempotent and thread-safe.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path

SERIF = "CasebookSerif"
SANS = "CasebookSans"
MONO = "CasebookMono"

# registered name -> file under resources/fonts (see PARATYPE-LICENSE.txt there)
FILES: dict[str, str] = {
    SERIF: "PTF55F.ttf",
    SERIF + "-Italic": "PTF56F.ttf",
    SERIF + "-Bold": "PTF75F.ttf",
    SERIF + "-BoldItalic": "PTF76F.ttf",
    SANS: "PTS55F.ttf",
    SANS + "-Bold": "PTS75F.ttf",
    MONO: "PTM55F.ttf",
}

_lock = threading.Lock()
_registered = False


@dataclass(frozen=True, slots=True)
class FontSet:
    serif: str = SERIF
    serif_bold: str = SERIF + "-Bold"
    sans: str = SANS
    sans_bold: str = SANS + "-Bold"
    mono: str = MONO


def register_fonts() -> FontSet:
    """Register the bundled fonts once per process and return their names."""
    global _registered
    with _lock:
        if not _registered:
            for name, file in FILES.items():
                path = resource_path("fonts", file)
                if not path.is_file():
                    raise FileNotFoundError(f"bundled font missing: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            # <b>/<i> inside paragraphs pick the right face of each family.
            for family, bold, italic, bold_italic in (
                (SERIF, SERIF + "-Bold", SERIF + "-Italic", SERIF + "-BoldItalic"),
                (SANS, SANS + "-Bold", SANS, SANS + "-Bold"),
                (MONO, MONO, MONO, MONO),
            ):
                addMapping(family, 0, 0, family)
                addMapping(family, 1, 0, bold)
                addMapping(family, 0, 1, italic)
                addMapping(family, 1, 1, bold_italic)
            _registered = True
    return FontSet()
