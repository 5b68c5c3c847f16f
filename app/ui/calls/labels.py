"""Translated labels for the call-log codes: mapping fields, rejection reasons, directions,
statuses, finding kinds and severities (the last four from the app's one vocabulary), plus the
duration format.

The services speak in codes; the tables below hold the English source text (marked for
`pyside6-lupdate` with `QT_TRANSLATE_NOOP`) and are translated at lookup time, so the current
language applies.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain import vocabulary
from app.ui.labels import vocab

CONTEXT = "CallLabels"

FIELDS = {
    "start": QT_TRANSLATE_NOOP("CallLabels", "Start time"),
    "end": QT_TRANSLATE_NOOP("CallLabels", "End time"),
    "duration": QT_TRANSLATE_NOOP("CallLabels", "Duration"),
    "caller": QT_TRANSLATE_NOOP("CallLabels", "Caller"),
    "callee": QT_TRANSLATE_NOOP("CallLabels", "Callee"),
    "virtual": QT_TRANSLATE_NOOP("CallLabels", "Virtual number"),
    "direction": QT_TRANSLATE_NOOP("CallLabels", "Direction"),
    "status": QT_TRANSLATE_NOOP("CallLabels", "Status"),
    "order": QT_TRANSLATE_NOOP("CallLabels", "Order"),
    "call_id": QT_TRANSLATE_NOOP("CallLabels", "Call ID"),
    # the fields of an order export
    "customer": QT_TRANSLATE_NOOP("CallLabels", "Customer"),
    "courier": QT_TRANSLATE_NOOP("CallLabels", "Courier"),
    "address": QT_TRANSLATE_NOOP("CallLabels", "Address"),
    "slot_start": QT_TRANSLATE_NOOP("CallLabels", "Slot from"),
    "slot_end": QT_TRANSLATE_NOOP("CallLabels", "Slot to"),
    "assigned": QT_TRANSLATE_NOOP("CallLabels", "Assigned at"),
    "picked_up": QT_TRANSLATE_NOOP("CallLabels", "Picked up at"),
    "delivered": QT_TRANSLATE_NOOP("CallLabels", "Delivered at"),
    "cancelled": QT_TRANSLATE_NOOP("CallLabels", "Cancelled at"),
    "event": QT_TRANSLATE_NOOP("CallLabels", "Status event"),
    "at": QT_TRANSLATE_NOOP("CallLabels", "Event time"),
}

REASONS = {
    "bad_date": QT_TRANSLATE_NOOP("CallLabels", "Impossible date or time"),
    "no_start": QT_TRANSLATE_NOOP("CallLabels", "No start time"),
    "empty_caller": QT_TRANSLATE_NOOP("CallLabels", "Caller number is empty"),
    "empty_callee": QT_TRANSLATE_NOOP("CallLabels", "Callee number is empty"),
    "bad_duration": QT_TRANSLATE_NOOP("CallLabels", "Duration is not a number"),
    "short_row": QT_TRANSLATE_NOOP("CallLabels", "Row has too few cells"),
    "no_direction": QT_TRANSLATE_NOOP("CallLabels", "Neither incoming nor outgoing"),
}

# Directions, statuses, finding kinds and severities are named in the app's one vocabulary
# (`app.domain.vocabulary`), shared with the timeline and the dossier.
DIRECTIONS = vocabulary.codes("direction")
STATUSES = vocabulary.codes("call_status")

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def _label(table: Mapping[str, object], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, str(source)) if source else code


def field_label(code: str) -> str:
    return _label(FIELDS, code)


def reason_label(code: str) -> str:
    return _label(REASONS, code)


def direction_label(code: str | None) -> str:
    return vocab("direction", code)


def status_label(code: str | None) -> str:
    return vocab("call_status", code)


def kind_label(code: str) -> str:
    return vocab("finding", code)


def severity_label(code: str) -> str:
    return vocab("severity", code)


def format_duration(seconds: int | None) -> str:
    """`0:45`, `12:05`, `1:02:03`; empty for None."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
