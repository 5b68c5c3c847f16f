"""Render the app's icon (resources/icons/casebook.svg, also the window icon) to the PNG sizes
of the freedesktop hicolor theme and to a multi-size Windows .ico, so the menu entry, the
installer and the window show the same picture. Run after the SVG changes and commit:

    .venv/bin/python packaging/icons/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parents[1] / "resources" / "icons" / "casebook.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        render(size).save(str(HERE / f"casebook-{size}.png"))
    largest = Image.open(HERE / "casebook-256.png")
    largest.save(HERE / "casebook.ico", sizes=[(s, s) for s in SIZES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
