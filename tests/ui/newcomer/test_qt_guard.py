"""The UI test suite's guard works: a test whose widget raises in paintEvent or leaves a
painter active fails, a clean one passes (run in a child pytest on this conftest), and the
contact chart paints before its data arrive without either."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.ui.calls.contact_chart import Contact, ContactChart

TESTS = Path(__file__).resolve().parents[2]

INNER = """
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


class Raises(QWidget):
    painted = False

    def paintEvent(self, event):
        self.painted = True
        max([])


class Forgets(QWidget):
    painted = False

    def paintEvent(self, event):
        self.painted = True
        self.kept = QPainter(self)


class Clean(QWidget):
    painted = False

    def paintEvent(self, event):
        self.painted = True
        painter = QPainter(self)
        painter.drawLine(0, 0, 5, 5)
        painter.end()


def _show(qtbot, cls):
    widget = cls()
    qtbot.addWidget(widget)
    widget.resize(80, 60)
    widget.show()
    qtbot.waitUntil(lambda: widget.painted)
    widget.update()
    qtbot.waitUntil(lambda: widget.painted)


def test_raises(qtbot):
    _show(qtbot, Raises)


def test_forgets(qtbot):
    _show(qtbot, Forgets)


def test_clean(qtbot):
    _show(qtbot, Clean)
"""


def test_guard_fails_paint_exceptions_and_painter_misuse(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from ui.conftest import qt_guard  # noqa: F401\n")
    (tmp_path / "test_inner.py").write_text(INNER)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(TESTS), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = result.stdout
    assert "FAILED test_inner.py::test_raises" in out, out
    # the painter warning arrives as the widget is torn down: an error of that test
    assert "ERROR test_inner.py::test_forgets - Failed: Qt: QBackingStore::endPaint()" in out, out
    assert "test_clean" not in out.split("short test summary")[-1], out
    assert result.returncode == 1, out


def test_contact_chart_paints_before_and_after_its_data(qtbot: Any) -> None:
    chart = ContactChart()
    qtbot.addWidget(chart)
    chart.resize(420, 360)
    chart.show()
    qtbot.waitExposed(chart)
    assert not chart.grab().isNull()  # nothing loaded yet: no max() of nothing
    chart.set_contacts("Смирнова О.", [Contact("+7 916 ***-**-67", False, "", 3, 1)])
    image = chart.grab().toImage()
    assert image.pixelColor(chart.width() // 2, chart.height() // 2).isValid()
    chart.set_contacts("Смирнова О.", [])
    chart.grab()
