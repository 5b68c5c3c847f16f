"""Labels and colours for timeline codes: event kinds, sources, detail keys, local times.

The domain and the services speak in codes (`call`, `camera:Entrance`, `duration_s`); this is
where they become words in the user's language and colours on the canvas.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from app.domain import vocabulary
from app.domain.timeline import EventKind, TimelineEvent, utc_offset_label
from app.domain.timeutil import in_zone
from app.ui.i18n import current_language
from app.ui.labels import vocab

KIND_COLORS: dict[str, QColor] = {
    EventKind.ORDER: QColor("#3b73b9"),
    EventKind.CALL: QColor("#d1495b"),
    EventKind.MESSAGE: QColor("#00838f"),
    EventKind.ANNOTATION: QColor("#2e9e5b"),
    EventKind.STILL: QColor("#66bb6a"),
    EventKind.STATEMENT: QColor("#8e5ea2"),
    EventKind.STATEMENT_CLAIM: QColor("#b98bc9"),
    EventKind.MANUAL: QColor("#ef8a17"),
    EventKind.FINDING: QColor("#8d6e63"),
    EventKind.MILESTONE: QColor("#37474f"),
}


def kind_label(kind: str) -> str:
    return vocab("event", kind)


def kind_plural(kind: str) -> str:
    return vocab("events", kind)


def source_label(source: str) -> str:
    """`calls` → Call log; `camera:Entrance` → Entrance (camera); `` → General."""
    if not source:
        return QCoreApplication.translate("TimelineLabels", "General")
    prefix, _, name = source.partition(":")
    if name:
        if prefix == "camera":
            return QCoreApplication.translate("TimelineLabels", "Camera: %1").replace("%1", name)
        return name
    return vocab("source", source)


def party_label(party: str) -> str:
    return party or QCoreApplication.translate("TimelineLabels", "General")


def detail_label(code: str) -> str:
    labels = {
        "status": QCoreApplication.translate("TimelineLabels", "Status"),
        "order": QCoreApplication.translate("TimelineLabels", "Order"),
        "caller": QCoreApplication.translate("TimelineLabels", "Caller"),
        "callee": QCoreApplication.translate("TimelineLabels", "Callee"),
        "virtual": QCoreApplication.translate("TimelineLabels", "Virtual number"),
        "duration_s": QCoreApplication.translate("TimelineLabels", "Duration, s"),
        "answered": QCoreApplication.translate("TimelineLabels", "Answered"),
        "direction": QCoreApplication.translate("TimelineLabels", "Direction"),
        "camera": QCoreApplication.translate("TimelineLabels", "Camera"),
        "frame": QCoreApplication.translate("TimelineLabels", "Frame"),
        "camera_time": QCoreApplication.translate("TimelineLabels", "Camera clock"),
        "note": QCoreApplication.translate("TimelineLabels", "Note"),
        "taken_by": QCoreApplication.translate("TimelineLabels", "Taken by"),
        "claim": QCoreApplication.translate("TimelineLabels", "Claim"),
        "severity": QCoreApplication.translate("TimelineLabels", "Severity"),
        "finding": vocab("event", "finding"),
        "count": QCoreApplication.translate("TimelineLabels", "Events"),
        "author": QCoreApplication.translate("TimelineLabels", "Added by"),
        "text": QCoreApplication.translate("TimelineLabels", "Text"),
        "sender": QCoreApplication.translate("TimelineLabels", "Sender"),
        "flags": QCoreApplication.translate("TimelineLabels", "Abusive language"),
        "reported_by": QCoreApplication.translate("TimelineLabels", "Reported by"),
        "complaint_source": QCoreApplication.translate("TimelineLabels", "Complaint from"),
        "measure": QCoreApplication.translate("TimelineLabels", "Measure"),
        "case": QCoreApplication.translate("TimelineLabels", "Case"),
        "tags": QCoreApplication.translate("TimelineLabels", "Tags"),
    }
    return labels.get(code, code)


def order_status_label(code: str) -> str:
    return vocabulary.inline(vocab("order_event", code))


def display_title(event: TimelineEvent) -> str:
    """The title in the user's language where the service built it from codes."""
    details = dict(event.details)
    if event.kind == EventKind.ORDER and "order" in details:
        status = order_status_label(details.get("status", ""))
        return (
            QCoreApplication.translate("TimelineLabels", "Order %1: %2")
            .replace("%1", details["order"])
            .replace("%2", status)
        )
    if event.kind == EventKind.FINDING:
        russian = QLocale().language() == QLocale.Language.Russian
        return details.get("explanation_ru" if russian else "explanation_en", event.title)
    if event.kind == EventKind.CALL:
        return vocabulary.call_title(event.title, current_language())
    milestone = details.get("milestone")
    if milestone == "opened":
        return QCoreApplication.translate("TimelineLabels", "Case %1 opened").replace(
            "%1", details.get("case", "")
        )
    if milestone:
        return vocab("milestone", milestone)
    return event.title


def finding_label(code: str) -> str:
    return vocab("finding", code)


def severity_label(code: str) -> str:
    return vocab("severity", code)


# detail keys whose values are codes, with the vocabulary group that names them
_CODED_DETAILS = {
    "severity": "severity",
    "status": "order_event",
    "complaint_source": "complaint_source",
    "measure": "measure",
    "finding": "finding",
}


def detail_value(code: str, value: str) -> str:
    """A detail's value in words where it is a code."""
    group = _CODED_DETAILS.get(code)
    return vocab(group, value) if group else value


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
        return QCoreApplication.translate("TimelineLabels", "%1 s").replace("%1", f"{seconds:g}")
    minutes, sec = divmod(round(seconds), 60)
    if minutes < 60:
        if not sec:
            return QCoreApplication.translate("TimelineLabels", "%1 min").replace(
                "%1", str(minutes)
            )
        return (
            QCoreApplication.translate("TimelineLabels", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", str(sec))
        )
    hours, minutes = divmod(minutes, 60)
    if hours >= 48:
        return (
            QCoreApplication.translate("TimelineLabels", "%1 d %2 h")
            .replace("%1", str(hours // 24))
            .replace("%2", str(hours % 24))
        )
    if not minutes:
        return QCoreApplication.translate("TimelineLabels", "%1 h").replace("%1", str(hours))
    return (
        QCoreApplication.translate("TimelineLabels", "%1 h %2 min")
        .replace("%1", str(hours))
        .replace("%2", str(minutes))
    )


def event_tooltip(event: TimelineEvent, zone_name: str) -> str:
    """Several lines: what, when in the case zone and in UTC, correction and uncertainty."""
    lines = [f"{kind_label(event.kind)}: {display_title(event)}"]
    lines.append(local_text(event.start_utc, zone_name))
    lines.append(utc_text(event.start_utc))
    if event.end_utc is not None and event.end_utc != event.start_utc:
        lines.append(
            QCoreApplication.translate("TimelineLabels", "Duration: %1").replace(
                "%1", duration_text(event.duration_s)
            )
        )
    if event.uncertainty_s:
        lines.append(
            QCoreApplication.translate("TimelineLabels", "Uncertainty: ± %1").replace(
                "%1", duration_text(event.uncertainty_s)
            )
        )
    if event.correction_s:
        sign = "+" if event.correction_s > 0 else "−"
        lines.append(
            QCoreApplication.translate("TimelineLabels", "Clock corrected by %1").replace(
                "%1", f"{sign}{duration_text(event.correction_s)}"
            )
        )
    lines.append(
        QCoreApplication.translate("TimelineLabels", "Source: %1").replace(
            "%1", source_label(event.source)
        )
    )
    if event.in_dossier:
        lines.append(QCoreApplication.translate("TimelineLabels", "In the dossier"))
    return "\n".join(lines)
