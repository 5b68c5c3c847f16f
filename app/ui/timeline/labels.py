"""Labels and colours for timeline codes: event kinds, sources, detail keys, local times.

The domain and the services speak in codes (`call`, `camera:Entrance`, `duration_s`); this is
where they become words in the user's language and colours on the canvas.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.domain.timeline import EventKind, TimelineEvent, utc_offset_label
from app.domain.timeutil import in_zone

_CTX = "TimelineLabels"

KIND_COLORS: dict[str, QColor] = {
    EventKind.ORDER: QColor("#3b73b9"),
    EventKind.CALL: QColor("#d1495b"),
    EventKind.ANNOTATION: QColor("#2e9e5b"),
    EventKind.STILL: QColor("#66bb6a"),
    EventKind.STATEMENT: QColor("#8e5ea2"),
    EventKind.STATEMENT_CLAIM: QColor("#b98bc9"),
    EventKind.MANUAL: QColor("#ef8a17"),
    EventKind.FINDING: QColor("#8d6e63"),
    EventKind.MILESTONE: QColor("#37474f"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def kind_label(kind: str) -> str:
    labels = {
        EventKind.ORDER: _t("Order"),
        EventKind.CALL: _t("Call"),
        EventKind.ANNOTATION: _t("Video note"),
        EventKind.STILL: _t("Still"),
        EventKind.STATEMENT: _t("Statement"),
        EventKind.STATEMENT_CLAIM: _t("Time claimed in a statement"),
        EventKind.MANUAL: _t("Manual event"),
        EventKind.FINDING: _t("Finding"),
        EventKind.MILESTONE: _t("Case milestone"),
    }
    return labels.get(kind, kind)  # type: ignore[call-overload]


def kind_plural(kind: str) -> str:
    labels = {
        EventKind.ORDER: _t("Orders"),
        EventKind.CALL: _t("Calls"),
        EventKind.ANNOTATION: _t("Video notes"),
        EventKind.STILL: _t("Stills"),
        EventKind.STATEMENT: _t("Statements"),
        EventKind.STATEMENT_CLAIM: _t("Claimed times"),
        EventKind.MANUAL: _t("Manual events"),
        EventKind.FINDING: _t("Findings"),
        EventKind.MILESTONE: _t("Milestones"),
    }
    return labels.get(kind, kind)  # type: ignore[call-overload]


def source_label(source: str) -> str:
    """`calls` → Call log; `camera:Entrance` → Entrance (camera); `` → General."""
    if not source:
        return _t("General")
    prefix, _, name = source.partition(":")
    if name:
        if prefix == "camera":
            return _t("Camera: %1").replace("%1", name)
        return name
    fixed = {
        "calls": _t("Call log"),
        "orders": _t("Orders"),
        "statements": _t("Statements"),
        "manual": _t("Investigator"),
        "case": _t("Case"),
        "analysis": _t("Call analysis"),
        "video": _t("Video"),
    }
    return fixed.get(source, source)


def party_label(party: str) -> str:
    return party or _t("General")


def detail_label(code: str) -> str:
    labels = {
        "status": _t("Status"),
        "order": _t("Order"),
        "caller": _t("Caller"),
        "callee": _t("Callee"),
        "virtual": _t("Virtual number"),
        "duration_s": _t("Duration, s"),
        "answered": _t("Answered"),
        "direction": _t("Direction"),
        "camera": _t("Camera"),
        "frame": _t("Frame"),
        "camera_time": _t("Camera clock"),
        "note": _t("Note"),
        "taken_by": _t("Taken by"),
        "claim": _t("Claim"),
        "severity": _t("Severity"),
        "finding": _t("Finding"),
        "count": _t("Events"),
        "author": _t("Added by"),
        "text": _t("Text"),
        "reported_by": _t("Reported by"),
        "complaint_source": _t("Complaint from"),
        "measure": _t("Measure"),
        "case": _t("Case"),
        "tags": _t("Tags"),
    }
    return labels.get(code, code)


def order_status_label(code: str) -> str:
    labels = {
        "assigned": _t("assigned"),
        "picked_up": _t("picked up"),
        "delivered": _t("delivered"),
        "cancelled": _t("cancelled"),
        "slot": _t("delivery slot"),
    }
    return labels.get(code, code)


def display_title(event: TimelineEvent) -> str:
    """The title in the user's language where the service built it from codes."""
    details = dict(event.details)
    if event.kind == EventKind.ORDER and "order" in details:
        status = order_status_label(details.get("status", ""))
        return _t("Order %1: %2").replace("%1", details["order"]).replace("%2", status)
    milestone = details.get("milestone")
    if milestone == "received":
        return _t("Complaint received")
    if milestone == "opened":
        return _t("Case %1 opened").replace("%1", details.get("case", ""))
    if milestone == "decided":
        return _t("Decision taken")
    return event.title


def finding_label(code: str) -> str:
    labels = {
        "after_close": _t("Contact after the order was closed"),
        "bypass": _t("Direct call bypassing the masking"),
        "many_numbers": _t("Many numbers calling one customer"),
        "night": _t("Calls at night"),
        "burst": _t("Burst of calls"),
    }
    return labels.get(code, code)


def local_text(moment: datetime, zone_name: str, with_seconds: bool = True) -> str:
    """`09.10.2025 14:05:00 (UTC+03:00)` in the case's zone."""
    local = in_zone(moment, zone_name)
    fmt = "%d.%m.%Y %H:%M:%S" if with_seconds else "%d.%m.%Y %H:%M"
    return f"{local.strftime(fmt)} ({utc_offset_label(moment.timestamp(), zone_name)})"


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def duration_text(seconds: float) -> str:
    seconds = abs(seconds)
    if seconds < 60:
        return _t("%1 s").replace("%1", f"{seconds:g}")
    minutes, sec = divmod(round(seconds), 60)
    if minutes < 60:
        return _t("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(sec))
    hours, minutes = divmod(minutes, 60)
    return _t("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))


def event_tooltip(event: TimelineEvent, zone_name: str) -> str:
    """Several lines: what, when in the case zone and in UTC, correction and uncertainty."""
    lines = [f"{kind_label(event.kind)}: {display_title(event)}"]
    lines.append(local_text(event.start_utc, zone_name))
    lines.append(utc_text(event.start_utc))
    if event.end_utc is not None and event.end_utc != event.start_utc:
        lines.append(_t("Duration: %1").replace("%1", duration_text(event.duration_s)))
    if event.uncertainty_s:
        lines.append(_t("Uncertainty: ± %1").replace("%1", duration_text(event.uncertainty_s)))
    if event.correction_s:
        sign = "+" if event.correction_s > 0 else "−"
        lines.append(
            _t("Clock corrected by %1").replace("%1", f"{sign}{duration_text(event.correction_s)}")
        )
    lines.append(_t("Source: %1").replace("%1", source_label(event.source)))
    if event.in_dossier:
        lines.append(_t("In the dossier"))
    return "\n".join(lines)
