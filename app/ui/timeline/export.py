"""Exporting the timeline as shown (filters applied): CSV for spreadsheets, PNG and SVG pictures
for reports. Pictures keep the visible time window and show every lane; each export is
recorded in the audit log by the service."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from app.domain.errors import CasebookError
from app.services.core.outputs import check_output_path
from app.services.timeline import build as timeline_service
from app.ui.timeline.labels import local_text
from app.ui.timeline.scene import GUTTER_W, TimelineScene
from app.ui.widgets import save_path

if TYPE_CHECKING:
    from app.domain.timeline import EventFilter, TimelineEvent
    from app.services.timeline.build import TimelineData
    from app.ui.env import UiEnv
    from app.ui.timeline.canvas import TimelineCanvas


class ExportSource(Protocol):
    """What the export needs of the timeline panel (a protocol: no import cycle)."""

    env: UiEnv
    case_id: int
    data: TimelineData | None
    shown: list[TimelineEvent]
    canvas: TimelineCanvas

    def current_filter(self) -> EventFilter: ...

    def show_error(self, exc: BaseException) -> None: ...


MIN_PICTURE_W = 1600
CAPTION_H = 26


def render(
    scene: TimelineScene,
    painter: QPainter,
    width: int,
    height: int,
    font: QFont,
    caption: str = "",
) -> None:
    """Paint the scene at another size, showing the same time window, with a caption line
    under it (what case, which zone, which filter); then put the view back."""
    saved = (scene.t0, scene.spp, scene.width, scene.v_off)
    t0, t1 = scene.visible_range()
    scene.width = float(width)
    scene.spp = (t1 - t0) / max(width - GUTTER_W, 10)
    scene.v_off = 0.0  # every lane, from the top
    try:
        scene.paint(painter, float(width), float(height - CAPTION_H), font)
        painter.fillRect(QRectF(0, height - CAPTION_H, width, CAPTION_H), QColor("#ffffff"))
        painter.setPen(QColor("#37474f"))
        painter.setFont(font)
        painter.drawText(
            QRectF(8, height - CAPTION_H, width - 16, CAPTION_H),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            caption,
        )
    finally:
        scene.t0, scene.spp, scene.width, scene.v_off = saved


class ExportMenu(QObject):
    def __init__(self, panel: ExportSource, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = panel
        self.button = QToolButton(parent)
        self.button.setObjectName("timelineExport")
        self.button.setText(self.tr("Export"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        menu.addAction(self.tr("Table (CSV)…"), lambda: self._ask("csv"))
        menu.addAction(self.tr("Picture (PNG)…"), lambda: self._ask("png"))
        menu.addAction(self.tr("Picture (SVG)…"), lambda: self._ask("svg"))
        self.button.setMenu(menu)

    def _ask(self, fmt: str) -> None:
        data = self.panel.data
        if data is None:
            return
        filters = {
            "csv": self.tr("CSV table (*.csv)"),
            "png": self.tr("PNG picture (*.png)"),
            "svg": self.tr("SVG picture (*.svg)"),
        }
        name = f"{data.case_number}_timeline.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self.button, self.tr("Export the timeline"), save_path.suggested(name), filters[fmt]
        )
        save_path.remember(path)
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        """Write the shown events to `path` in `fmt` (csv, png, svg); audited."""
        panel = self.panel
        data = panel.data
        if data is None:
            return
        events = list(panel.shown)
        note = _filter_note(panel)
        ctx, case_id = panel.env.ctx, panel.case_id
        if fmt == "csv":
            panel.env.tasks.run_db(
                lambda _p: timeline_service.export_csv(ctx, case_id, events, data.zone, path, note),
                None,
                panel.show_error,
                title=self.tr("Exporting the timeline"),
            )
            return
        scene = panel.canvas.scene
        width = max(panel.canvas.width(), MIN_PICTURE_W)
        height = int(scene.content_height() + CAPTION_H)
        font = panel.canvas.font()
        t0, t1 = scene.visible_range()
        caption = (
            self.tr("Case %1 · %2 – %3 · times in %4 · %n event(s) shown", "", len(events))
            .replace("%1", data.case_number)
            .replace("%2", local_text(datetime.fromtimestamp(t0, UTC), data.zone, False))
            .replace("%3", local_text(datetime.fromtimestamp(t1, UTC), data.zone, False))
            .replace("%4", data.zone)
        )
        if note:
            caption += " · " + self.tr("filter: %1").replace("%1", note)
        try:  # never inside the data directory or the evidence store (issue 14)
            path = check_output_path(ctx, path)
        except CasebookError as exc:
            panel.show_error(exc)
            return
        if fmt == "png":
            image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
            painter = QPainter(image)
            render(scene, painter, width, height, font, caption)
            painter.end()
            if not QImageWriter(str(path), b"png").write(image):
                panel.show_error(OSError(f"cannot write {path}"))
                return
        else:
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QSize(width, height))
            generator.setViewBox(QRect(0, 0, width, height))
            generator.setTitle(self.tr("Timeline of case %1").replace("%1", data.case_number))
            painter = QPainter(generator)
            render(scene, painter, width, height, font, caption)
            painter.end()
        panel.env.tasks.run_db(
            lambda _p: timeline_service.record_picture_export(
                ctx, case_id, fmt, path, len(events), note
            ),
            None,
            panel.show_error,
        )


def _filter_note(panel: ExportSource) -> str:
    flt = panel.current_filter()
    parts = [
        f"{name}={','.join(sorted(values))}"
        for name, values in (
            ("kinds", flt.kinds),
            ("parties", flt.parties),
            ("sources", flt.sources),
            ("findings", flt.findings),
        )
        if values
    ]
    if flt.text:
        parts.append(f"text={flt.text}")
    if flt.dossier_only:
        parts.append("dossier_only")
    return ";".join(parts)
