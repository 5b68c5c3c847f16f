"""On a machine without any system font the window still draws Russian text (bundled PT Sans),
not boxes. Runs in a subprocess with an empty fontconfig configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
if sys.argv[1] == "bundled":
    from app.main import use_bundled_fonts
    use_bundled_fonts()
def shot(text):
    label = QLabel(text)
    label.resize(200, 40)
    return label.grab().toImage()
# An unassigned code point is drawn as the "missing glyph" box: Russian must look different.
print("boxes" if shot("ЖЖЖ") == shot("\\u0378\\u0378\\u0378") else "glyphs")
"""


def _render(mode: str, tmp_path: Path) -> str:
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_russian_text_renders_without_system_fonts(tmp_path: Path):
    assert _render("none", tmp_path) == "boxes"  # the situation the bundled fonts fix
    assert _render("bundled", tmp_path) == "glyphs"
