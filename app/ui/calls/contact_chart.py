"""Who was in contact with the complainant: a small custom-painted chart with her in the
middle and every counterpart around her (a party by name, else the masked number). A line's
width grows with the number of calls; a red line means at least one call went directly,
not through a virtual number. Counterparts beyond `MAX_NODES` are summed up in one node.

The calls are read in the runner's read pool (`load_contacts`); the chart only paints.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.calls import query as calls_query
from app.services.calls.dto import CallFilter, CallView
from app.services.core.context import ServiceContext

MAX_CALLS = 5_000  # more calls than this: no chart (each page is masked row by row)
MAX_NODES = 14
DIRECT = QColor("#c62828")
MASKED = QColor("#7d8b99")
COURIER = QColor("#ef8f00")
PARTY = QColor("#3465a4")
UNKNOWN = QColor("#9aa5b1")


@dataclass(frozen=True)
class Contact:
    label: str  # party name, or the masked number
    party: bool  # a party of the case
    role: str  # the party's role code ("" for a bare number)
    calls: int
    direct: int  # calls not through a virtual number


def aggregate(views: Sequence[CallView], center: str, roles: dict[str, str]) -> list[Contact]:
    """Counterparts of the party named `center` in these calls, most calls first.
    `roles` maps party names to role codes."""
    counts: dict[str, list[int]] = {}
    for call in views:
        if call.caller_party == center:
            other, party = call.callee, call.callee_party
        else:
            other, party = call.caller, call.caller_party
        key = party or other
        entry = counts.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] += 0 if call.virtual_number else 1
    return sorted(
        (
            Contact(key, key in roles, roles.get(key, ""), calls, direct)
            for key, (calls, direct) in counts.items()
        ),
        key=lambda c: (-c.calls, c.label),
    )


def load_contacts(
    ctx: ServiceContext, case_id: int, party_id: int, center: str, roles: dict[str, str]
) -> list[Contact] | None:
    """The complainant's counterparts; None when she has too many calls to chart."""
    ids = calls_query.call_ids(ctx, case_id, CallFilter(party_id=party_id))
    if len(ids) > MAX_CALLS:
        return None
    views: list[CallView] = []
    for start in range(0, len(ids), 2000):
        views.extend(calls_query.calls_by_ids(ctx, ids[start : start + 2000]))
    return aggregate(views, center, roles)


class ContactChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.center = ""
        self.contacts: list[Contact] = []
        self.note = ""

    def sizeHint(self) -> QSize:
        return QSize(420, 360)

    def set_contacts(self, center: str, contacts: list[Contact] | None) -> None:
        self.center = center
        self.contacts = contacts or []
        if contacts is None:
            self.note = self.tr("Too many calls to chart.")
        elif not center:
            self.note = self.tr("Add the complainant to the case to see her contacts.")
        elif not contacts:
            self.note = self.tr("No calls of the complainant yet.")
        else:
            self.note = ""
        self.update()

    def _nodes(self) -> list[Contact]:
        if len(self.contacts) <= MAX_NODES:
            return self.contacts
        shown, rest = self.contacts[: MAX_NODES - 1], self.contacts[MAX_NODES - 1 :]
        label = self.tr("%n other number(s)", "", len(rest))
        others = Contact(label, False, "", sum(c.calls for c in rest), sum(c.direct for c in rest))
        return [*shown, others]

    def paintEvent(self, _event: QPaintEvent) -> None:
        # The context manager ends the painter on every path, an exception included: a painter
        # left active floods the log with "QBackingStore::endPaint() called with active painter".
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            nodes = self._nodes()
            if self.note or not nodes or not self.center:
                # nothing loaded yet (the chart can be shown before its data) or nothing to draw
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.note)
                return
            self._paint_contacts(painter, nodes)

    def _paint_contacts(self, painter: QPainter, nodes: list[Contact]) -> None:
        middle = QPointF(self.width() / 2, self.height() / 2)
        radius = max(40.0, min(self.width(), self.height()) / 2 - 48)
        most = max(c.calls for c in nodes)
        points = []
        for i, contact in enumerate(nodes):
            angle = -math.pi / 2 + 2 * math.pi * i / len(nodes)
            point = middle + QPointF(math.cos(angle) * radius, math.sin(angle) * radius)
            points.append(point)
            color = DIRECT if contact.direct else MASKED
            pen = QPen(color, 1.5 + 6.0 * contact.calls / most)
            painter.setPen(pen)
            painter.drawLine(middle, point)
            label_at = middle + (point - middle) * 0.55
            box = QRectF(label_at.x() - 14, label_at.y() - 9, 28, 18)
            painter.setPen(QPen(color, 1.0))
            painter.setBrush(self.palette().base())
            painter.drawRoundedRect(box, 8, 8)
            painter.setPen(color.darker(140))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(contact.calls))
        for contact, point in zip(nodes, points, strict=True):
            self._node(painter, point, contact.label, self._color(contact), bold=False)
        self._node(painter, middle, self.center, PARTY, bold=True)

    def _color(self, contact: Contact) -> QColor:
        if contact.role == "subject":
            return COURIER
        return PARTY if contact.party else UNKNOWN

    def _node(self, painter: QPainter, at: QPointF, label: str, color: QColor, bold: bool) -> None:
        painter.setPen(QPen(color.darker(130), 1.5))
        painter.setBrush(color)
        painter.drawEllipse(at, 7.0, 7.0)
        font = QFont(self.font())
        font.setBold(bold)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(label) + 8
        box = QRectF(at.x() - width / 2, at.y() + 9, width, painter.fontMetrics().height() + 2)
        box.moveLeft(min(max(box.left(), 2.0), self.width() - box.width() - 2))
        painter.setPen(Qt.PenStyle.NoPen)
        background = QColor(self.palette().base().color())
        background.setAlpha(220)
        painter.setBrush(background)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(self.palette().text().color())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
