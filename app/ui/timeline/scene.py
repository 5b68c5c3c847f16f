"""What the timeline canvas shows and how it paints: lanes, rows per kind, the view window.

`TimelineScene` is not a widget: it holds the events, the lane layout, the visible window
(`t0` at the left edge of the plot, `spp` seconds per pixel), the selection, and paints onto any
`QPainter` (the widget, a PNG, an SVG). Painting never walks the events of the view: each
kind row asks its `Track` for pixel buckets (two bisections each), draws a bucket holding one
event as that event and a denser bucket as a histogram bar.

A big call log is not in the events: its calls come as a `CallWindow` (`set_calls`) counted per
lane and bucket in SQL, drawn as the same histogram bars, or one by one when the window is
small enough (the panel merges those into the events).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen

from app.domain.timeline import (
    KIND_ORDER,
    EventKind,
    Lane,
    LaneMode,
    TickUnit,
    TimelineEvent,
    Track,
    build_lanes,
    tick_step,
    ticks,
)
from app.services.timeline.call_window import CallWindow, DensityBar
from app.ui.timeline.labels import KIND_COLORS, kind_plural, party_label, source_label

GUTTER_W = 190.0
AXIS_H = 44.0
ROW_H = 20.0
LANE_PAD = 4.0
TITLE_H = 15.0
BUCKET_PX = 3.0
MIN_SPP = 0.005  # 1 s ≈ 200 px
MAX_SPAN_S = 3 * 365 * 86400.0  # a case's whole life (complaint to decision) still fits
_MINOR_FMT = {
    TickUnit.SECOND: "%H:%M:%S",
    TickUnit.MINUTE: "%H:%M",
    TickUnit.HOUR: "%H:%M",
    TickUnit.DAY: "%d.%m",
    TickUnit.MONTH: "%m.%Y",
    TickUnit.YEAR: "%Y",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One kind of events in one lane, at a vertical position of the canvas."""

    lane: int
    kind: str
    track: Track
    top: float


@dataclass(frozen=True, slots=True)
class Hit:
    """What is under the pointer: a single event, or how many a dense stretch holds."""

    row: Row
    events: tuple[TimelineEvent, ...]


@dataclass(frozen=True, slots=True)
class BarHit:
    """Counted calls under the pointer: how many, in which stretch."""

    row: Row
    calls: int
    start_s: float
    end_s: float


class TimelineScene:
    def __init__(self, zone_name: str = "Europe/Moscow") -> None:
        self.zone_name = zone_name
        self.mode = LaneMode.PARTY
        self.events: list[TimelineEvent] = []
        self.lanes: list[Lane] = []
        self.rows: list[Row] = []
        self.lane_spans: list[tuple[float, float]] = []
        self.t0 = 0.0
        self.spp = 60.0
        self.width = 1000.0
        self.v_off = 0.0  # how far the lanes are scrolled up under the axis
        self.selected: TimelineEvent | None = None
        self.range_sel: tuple[float, float] | None = None
        # a windowed call log: the lanes (party names) its calls fall in, their totals, the
        # counted window on hand (None: nothing counted to draw) and the stretch it covers
        self.call_lanes: dict[str, int] = {}
        self.calls: CallWindow | None = None
        self.call_span: tuple[float, float] | None = None
        self._bars: dict[str, list[DensityBar]] = {}
        self._bar_peak = 0
        self._brushes = {k: QBrush(c) for k, c in KIND_COLORS.items()}
        self._dense = {
            k: QBrush(QColor(c.red(), c.green(), c.blue(), 150)) for k, c in KIND_COLORS.items()
        }
        self._faint = {k: QColor(c.red(), c.green(), c.blue(), 60) for k, c in KIND_COLORS.items()}

    # ---- content --------------------------------------------------------------------------

    def set_events(
        self,
        events: list[TimelineEvent],
        mode: LaneMode | None = None,
        call_lanes: dict[str, int] | None = None,
    ) -> None:
        """Replace the (already filtered, sorted) events; keeps the view window. `call_lanes`
        (party name → calls) are the lanes of a windowed call log: each gets a row of calls
        even while no call of it is loaded, and its count."""
        if mode is not None:
            self.mode = mode
        self.events = events
        if call_lanes is not None:
            self.call_lanes = call_lanes
        self.lanes = build_lanes(events, self.mode)
        self._add_call_rows()
        self._group_bars()
        self.rows = []
        self.lane_spans = []
        y = AXIS_H
        for index, lane in enumerate(self.lanes):
            top = y
            y += LANE_PAD + TITLE_H
            for kind in sorted(lane.tracks, key=lambda k: KIND_ORDER.get(k, 99)):
                self.rows.append(Row(index, kind, lane.tracks[kind], y))
                y += ROW_H
            y += LANE_PAD
            self.lane_spans.append((top, y))
        if self.selected is not None:
            selected_id = self.selected.id
            self.selected = next((e for e in events if e.id == selected_id), None)

    def _call_lane_counts(self) -> dict[str, int]:
        """The windowed calls' lanes under the current lane mode, with their calls."""
        if self.mode is LaneMode.PARTY:
            return dict(self.call_lanes)
        total = sum(self.call_lanes.values())
        return {"calls": total} if total else {}

    def _add_call_rows(self) -> None:
        counts = self._call_lane_counts()
        if not counts:
            return
        by_key = {lane.key: lane for lane in self.lanes}
        for key, count in counts.items():
            lane = by_key.get(key)
            if lane is None:
                lane = by_key[key] = Lane(key)
                self.lanes.append(lane)
            track = lane.tracks.setdefault(EventKind.CALL.value, Track(EventKind.CALL.value))
            lane.count += max(count - len(track.events), 0)  # loaded calls count already
        self.lanes.sort(key=lambda lane: not lane.key)  # stable: the unnamed lane last

    def set_calls(self, window: CallWindow | None) -> None:
        """The counted calls to draw as bars (None or a detailed window: none)."""
        self.calls = window if window is not None and not window.detailed else None
        self._group_bars()

    def _group_bars(self) -> None:
        self._bars = {}
        if self.calls is None:
            return
        by_party = self.mode is LaneMode.PARTY
        for bar in self.calls.bars:
            if by_party and bar.lane not in self.call_lanes:
                continue  # a lane the filter hides
            self._bars.setdefault(bar.lane if by_party else "calls", []).append(bar)

    def content_height(self) -> float:
        return self.lane_spans[-1][1] + 4 if self.lane_spans else AXIS_H + 40

    def lane_title(self, lane: Lane) -> str:
        return party_label(lane.key) if self.mode is LaneMode.PARTY else source_label(lane.key)

    # ---- view window ----------------------------------------------------------------------

    def plot_w(self) -> float:
        return max(self.width - GUTTER_W, 10.0)

    def x_of(self, t: float) -> float:
        return GUTTER_W + (t - self.t0) / self.spp

    def t_of(self, x: float) -> float:
        return self.t0 + (x - GUTTER_W) * self.spp

    def visible_range(self) -> tuple[float, float]:
        return self.t0, self.t0 + self.plot_w() * self.spp

    def zoom(self, factor: float, anchor_x: float) -> None:
        """Zoom by `factor` (> 1 zooms in) keeping the instant under `anchor_x` in place."""
        anchor_t = self.t_of(anchor_x)
        spp = min(max(self.spp / factor, MIN_SPP), MAX_SPAN_S / self.plot_w())
        self.spp = spp
        self.t0 = anchor_t - (anchor_x - GUTTER_W) * spp

    def pan_px(self, dx: float) -> None:
        self.t0 -= dx * self.spp

    def fit(self, start: float, end: float, margin: float = 0.05) -> None:
        """Show [start, end] with a margin; an instant gets a minute around it."""
        span = max(end - start, 60.0)
        mid = (start + end) / 2
        span *= 1 + 2 * margin
        self.spp = min(max(span / self.plot_w(), MIN_SPP), MAX_SPAN_S / self.plot_w())
        self.t0 = mid - self.plot_w() * self.spp / 2

    def fit_all(self, incident_only: bool = False) -> None:
        """Show every event; with `incident_only`, leave out the case's own milestones (a case
        opened or decided months after the incident would squeeze the incident to a sliver)."""
        events = self.events
        if incident_only:
            incident = [e for e in events if e.kind != "milestone"]
            events = incident if incident or self.call_span is not None else events
        starts = [events[0].start_s] if events else []
        ends = [e.end_s for e in events[-200:]]
        if self.call_span is not None:  # a windowed call log: not in the events
            starts.append(self.call_span[0])
            ends.append(self.call_span[1])
        if not starts:
            return
        start, end = min(starts), max(ends)
        for lane in self.lanes:
            for track in lane.tracks.values():
                if incident_only and track.kind == "milestone":
                    continue
                end = max([end, *(e.end_s for e in track.long_events)])
        self.fit(start, end)

    # ---- hit testing ----------------------------------------------------------------------

    def row_of(self, event: TimelineEvent) -> Row | None:
        """The row an event is drawn in."""
        key = event.party if self.mode is LaneMode.PARTY else event.source
        for row in self.rows:
            if row.kind == event.kind and self.lanes[row.lane].key == key:
                return row
        return None

    def row_at(self, y: float) -> Row | None:
        for row in self.rows:
            if row.top <= y < row.top + ROW_H:
                return row
        return None

    def hit(self, x: float, y: float, tolerance_px: float = 4.0) -> Hit | None:
        row = self.row_at(y + self.v_off) if y >= AXIS_H else None
        if row is None or x < GUTTER_W:
            return None
        t = self.t_of(x)
        near = row.track.near(t, tolerance_px * self.spp)
        if not near:
            return None
        near.sort(key=lambda e: min(abs(e.start_s - t), abs(e.end_s - t)))
        return Hit(row, tuple(near))

    def bar_hit(self, x: float, y: float) -> BarHit | None:
        """The counted calls drawn under (x, y): the pixel bucket's calls and stretch."""
        row = self.row_at(y + self.v_off) if y >= AXIS_H else None
        if row is None or x < GUTTER_W or row.kind != EventKind.CALL.value:
            return None
        bars = self._bars.get(self.lanes[row.lane].key)
        if not bars:
            return None
        t = self.t_of(x)
        lo, hi = t - BUCKET_PX * self.spp, t + BUCKET_PX * self.spp
        near = [b for b in bars if b.start_s < hi and b.end_s > lo]
        if not near:
            return None
        return BarHit(row, sum(b.calls for b in near), near[0].start_s, near[-1].end_s)

    def counted_calls(self, start: float, end: float) -> int:
        """Counted (not loaded) calls drawn in [start, end], at the bars' resolution."""
        return sum(
            b.calls
            for bars in self._bars.values()
            for b in bars
            if b.start_s < end and b.end_s > start
        )

    # ---- painting -------------------------------------------------------------------------

    def paint(self, p: QPainter, width: float, height: float, font: QFont) -> None:
        """The axis stays on top; lanes and their labels scroll by `v_off`."""
        self.width = width
        self.v_off = max(0.0, min(self.v_off, self.scroll_max(height)))
        p.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 6))
        t0, t1 = self.visible_range()
        below_axis = QRectF(0, AXIS_H, width, height - AXIS_H)
        p.save()
        p.setClipRect(below_axis)
        p.translate(0, -self.v_off)
        self._paint_lanes_background(p, width)
        p.restore()
        self._paint_axis(p, width, height, font, small, t0, t1)
        p.save()
        p.setClipRect(QRectF(GUTTER_W, AXIS_H, width - GUTTER_W, height - AXIS_H))
        if self.range_sel is not None:
            a, b = sorted(self.range_sel)
            p.fillRect(
                QRectF(self.x_of(a), AXIS_H, (b - a) / self.spp, height), QColor(255, 213, 79, 70)
            )
        p.translate(0, -self.v_off)
        self._bar_peak = self._peak(t0, t1)
        for row in self.rows:
            if row.top + ROW_H >= self.v_off + AXIS_H and row.top <= self.v_off + height:
                self._paint_row(p, row, t0, t1)
        self._paint_selection(p, AXIS_H + self.v_off, height + self.v_off)
        p.restore()
        p.save()
        p.setClipRect(below_axis)
        p.translate(0, -self.v_off)
        self._paint_gutter(p, font, small)
        p.restore()
        p.setPen(QPen(QColor("#b0bec5")))
        p.drawLine(QPointF(GUTTER_W, 0), QPointF(GUTTER_W, min(height, self.content_height())))

    def scroll_max(self, height: float) -> float:
        """How far the lanes can scroll up under the axis in a view `height` pixels high."""
        return max(0.0, self.content_height() - height)

    def _paint_lanes_background(self, p: QPainter, width: float) -> None:
        for index, (top, bottom) in enumerate(self.lane_spans):
            color = QColor("#f4f6f8") if index % 2 == 0 else QColor("#ffffff")
            p.fillRect(QRectF(0, top, width, bottom - top), color)

    def _paint_axis(
        self,
        p: QPainter,
        width: float,
        height: float,
        font: QFont,
        small: QFont,
        t0: float,
        t1: float,
    ) -> None:
        p.fillRect(QRectF(0, 0, width, AXIS_H), QColor("#e8ecf0"))
        step, unit = tick_step(self.spp, 80 if unit_needs_room(self.spp) else 64)
        minor = ticks(t0, t1, step, unit, self.zone_name)
        grid = QPen(QColor("#dde2e7"))
        text = QPen(QColor("#37474f"))
        p.setFont(small)
        small_metrics = QFontMetrics(small)
        for tick in minor:
            x = self.x_of(tick.at_s)
            p.setPen(grid)
            p.drawLine(QPointF(x, AXIS_H - 6), QPointF(x, height))
            label = tick.local.strftime(_MINOR_FMT[unit])
            if x + 3 + small_metrics.horizontalAdvance(label) <= width:  # no cut-off labels
                p.setPen(text)
                p.drawText(QPointF(x + 3, AXIS_H - 8), label)
        major_unit = (
            TickUnit.DAY
            if step < 86400
            else TickUnit.YEAR
            if unit is TickUnit.MONTH
            else TickUnit.MONTH
        )
        major_step = {
            TickUnit.DAY: 86400.0,
            TickUnit.MONTH: 30 * 86400.0,
            TickUnit.YEAR: 365 * 86400.0,
        }[major_unit]
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        bold_metrics = QFontMetrics(bold)
        label_fmt = {TickUnit.DAY: "%d.%m.%Y", TickUnit.MONTH: "%m.%Y", TickUnit.YEAR: "%Y"}[
            major_unit
        ]
        majors = ticks(t0 - major_step * 1.5, t1, major_step, major_unit, self.zone_name)
        strong = QPen(QColor("#9aa5b1"))
        for index, tick in enumerate(majors):
            x = self.x_of(tick.at_s)
            if x >= GUTTER_W:
                p.setPen(strong)
                p.drawLine(QPointF(x, 2), QPointF(x, height))
            # the label of the period starting off-screen sticks to the left edge
            next_x = self.x_of(majors[index + 1].at_s) if index + 1 < len(majors) else width
            label_x = max(x, GUTTER_W) + 4
            label = tick.local.strftime(label_fmt)
            if label_x + bold_metrics.horizontalAdvance(label) + 4 <= min(next_x, width):
                p.setPen(text)
                p.drawText(QPointF(label_x, 16), label)

    def _paint_row(self, p: QPainter, row: Row, t0: float, t1: float) -> None:
        kind = row.kind
        track = row.track
        top = row.top + 3
        h = ROW_H - 6
        brush = self._brushes.get(kind, QBrush(QColor("#607d8b")))
        p.setPen(Qt.PenStyle.NoPen)
        for event in track.long_visible(t0, t1):
            x0, x1 = self.x_of(event.start_s), self.x_of(event.end_s)
            p.setBrush(QBrush(self._faint.get(kind, QColor(96, 125, 139, 60))))
            p.drawRect(QRectF(x0, top, max(x1 - x0, 2), h))
        singles: list[QRectF] = []
        whiskers: list[QRectF] = []
        marked: list[QRectF] = []
        dense: list[QRectF] = []
        bucket_s = BUCKET_PX * self.spp
        events = track.events
        for bucket in track.buckets(t0, t1, bucket_s):
            if bucket.count == 1:
                event = events[bucket.first]
                x0 = self.x_of(event.start_s)
                w = max((event.end_s - event.start_s) / self.spp, 3.0)
                # a wide bar ends a pixel early so back-to-back calls stay apart
                rect = QRectF(x0 - 1.5, top, w, h) if w <= 3 else QRectF(x0, top, w - 1, h)
                singles.append(rect)
                if event.uncertainty_s:
                    u = event.uncertainty_s / self.spp
                    whiskers.append(QRectF(x0 - u, top + h / 2 - 1, 2 * u, 2))
                if event.in_dossier:
                    marked.append(rect)
            else:
                bar_h = h * _level(bucket.count)
                x0 = self.x_of(bucket.start_s)
                dense.append(QRectF(x0, top + h - bar_h, BUCKET_PX, bar_h))
        if kind == EventKind.CALL.value:
            dense += self._bar_rects(self._bars.get(self.lanes[row.lane].key, ()), top, h, t0, t1)
        if dense:
            p.setBrush(self._dense.get(kind, brush))
            p.drawRects(dense)
        if whiskers:
            p.setBrush(QBrush(self._faint.get(kind, QColor(96, 125, 139, 60))))
            p.drawRects(whiskers)
        if singles:
            p.setBrush(brush)
            p.drawRects(singles)
        if marked:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#f9a825"), 2))
            p.drawRects([r.adjusted(-2, -2, 2, 2) for r in marked])

    def _bar_rects(
        self, bars: Iterable[DensityBar], top: float, h: float, t0: float, t1: float
    ) -> list[QRectF]:
        """Counted calls as histogram bars: buckets narrower than a bar are summed per bar
        column (as the events' own buckets are), wider ones drawn across their stretch.
        Heights are logarithmic against the fullest bar of the view, so that the rhythm of
        a log (days, nights, bursts) shows in every lane."""
        columns: dict[int, int] = {}
        wide: list[tuple[float, float, int]] = []
        for bar in bars:
            if bar.end_s <= t0 or bar.start_s >= t1:
                continue
            width = (bar.end_s - bar.start_s) / self.spp
            if width <= BUCKET_PX:
                column = math.floor((bar.start_s - t0) / (BUCKET_PX * self.spp))
                columns[column] = columns.get(column, 0) + bar.calls
            else:
                wide.append((self.x_of(bar.start_s), width - 1, bar.calls))
        cells = [(GUTTER_W + c * BUCKET_PX, BUCKET_PX, n) for c, n in columns.items()] + wide
        fullest = math.log2(1 + max(self._bar_peak, 1))
        out = []
        for x0, width, calls in cells:
            bar_h = h * (0.2 + 0.8 * math.log2(1 + calls) / fullest)
            out.append(QRectF(x0, top + h - bar_h, width, min(bar_h, h)))
        return out

    def _peak(self, t0: float, t1: float) -> int:
        """Calls in the fullest bar column of the view, over every lane's counted calls."""
        peak = 0
        column_s = BUCKET_PX * self.spp
        for bars in self._bars.values():
            columns: dict[int, int] = {}
            for bar in bars:
                if bar.end_s <= t0 or bar.start_s >= t1:
                    continue
                if bar.end_s - bar.start_s > column_s:
                    peak = max(peak, bar.calls)
                    continue
                column = math.floor((bar.start_s - t0) / column_s)
                columns[column] = columns.get(column, 0) + bar.calls
            peak = max(peak, *columns.values(), 0)
        return peak

    def _paint_selection(self, p: QPainter, top: float, bottom: float) -> None:
        event = self.selected
        if event is None:
            return
        x0, x1 = self.x_of(event.start_s), self.x_of(event.end_s)
        p.setPen(QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x0, top), QPointF(x0, bottom))
        row = self.row_of(event)
        if row is not None:
            p.setPen(QPen(QColor("#0d47a1"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x0 - 3, row.top + 1, max(x1 - x0, 3) + 6, ROW_H - 2))

    def _paint_gutter(self, p: QPainter, font: QFont, small: QFont) -> None:
        p.fillRect(QRectF(0, AXIS_H, GUTTER_W, self.content_height() - AXIS_H), QColor("#eceff1"))
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        small_metrics = QFontMetrics(small)
        for index, lane in enumerate(self.lanes):
            top, bottom = self.lane_spans[index]
            p.setPen(QPen(QColor("#cfd8dc")))
            p.drawLine(QPointF(0, bottom), QPointF(GUTTER_W, bottom))
            rows = [r for r in self.rows if r.lane == index]
            p.setFont(bold)
            p.setPen(QPen(QColor("#263238")))
            count = f" {lane.count:,}".replace(",", "\u202f")  # thin-space thousands
            count_w = small_metrics.horizontalAdvance(count)
            title = metrics.elidedText(
                self.lane_title(lane), Qt.TextElideMode.ElideRight, int(GUTTER_W - 16 - count_w)
            )
            baseline = top + LANE_PAD + metrics.ascent()
            p.drawText(QPointF(6, baseline), title)
            p.setFont(small)
            p.setPen(QPen(QColor("#78909c")))
            p.drawText(QPointF(8 + metrics.horizontalAdvance(title), baseline), count)
            for row in rows:
                color = KIND_COLORS.get(row.kind, QColor("#607d8b"))
                p.fillRect(QRectF(GUTTER_W - 12, row.top + 5, 8, ROW_H - 10), color)
                label = small_metrics.elidedText(
                    kind_plural(row.kind), Qt.TextElideMode.ElideRight, 120
                )
                width = small_metrics.horizontalAdvance(label)
                p.setPen(QPen(QColor("#546e7a")))
                p.drawText(QPointF(GUTTER_W - 16 - width, row.top + ROW_H - 6), label)


def _level(count: int) -> float:
    """A dense bar's height (share of the row) for `count` events: logarithmic, so that a
    bucket of three and one of three thousand both read."""
    return min(1.0, 0.35 + math.log2(max(count, 1)) / 8)


def unit_needs_room(spp: float) -> bool:
    """Second labels (`14:05:30`) need more room than minute or date labels."""
    return spp < 1.0
