"""Translated labels for the domain's codes (statuses, measures, roles, categories...).

The domain and the services speak in codes; only the UI turns them into words. Each table
calls `QCoreApplication.translate` at lookup time so the current language applies.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.cases import (
    CaseStatus,
    Category,
    ComplaintSource,
    Measure,
    OrderEventKind,
    PartyRole,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(code: str) -> str:
    labels = {
        CaseStatus.NEW.value: _t("New"),
        CaseStatus.IN_PROGRESS.value: _t("In progress"),
        CaseStatus.AWAITING_DECISION.value: _t("Awaiting decision"),
        CaseStatus.CLOSED.value: _t("Closed"),
    }
    return labels.get(code, code)


def measure_label(code: str | None) -> str:
    if not code:
        return _t("Not decided")
    labels = {
        Measure.NO_VIOLATION.value: _t("No violation"),
        Measure.WARNING.value: _t("Warning"),
        Measure.SUSPENSION.value: _t("Suspension"),
        Measure.BLACKLIST.value: _t("Blacklist (all services)"),
        Measure.TERMINATION.value: _t("Termination"),
        Measure.POLICE_REFERRAL.value: _t("Referral to police"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    labels = {
        PartyRole.COMPLAINANT.value: _t("Complainant"),
        PartyRole.SUBJECT.value: _t("Courier (subject)"),
        PartyRole.SUPERVISOR.value: _t("Supervisor"),
        PartyRole.WITNESS.value: _t("Witness"),
    }
    return labels.get(code, code)


def category_label(code: str) -> str:
    labels = {
        Category.HARASSMENT.value: _t("Harassment, insults"),
        Category.DOOR_VISIT.value: _t("Aggression at the door"),
        Category.REPEATED_CALLS.value: _t("Calls from many numbers"),
        Category.DATA_MISUSE.value: _t("Misuse of order data"),
        Category.OTHER.value: _t("Other"),
    }
    return labels.get(code, code)


def source_label(code: str) -> str:
    labels = {
        ComplaintSource.SUPPORT_TICKET.value: _t("Support ticket"),
        ComplaintSource.OFFICIAL_INQUIRY.value: _t("Official inquiry"),
        ComplaintSource.POLICE_REQUEST.value: _t("Police request"),
        ComplaintSource.OTHER.value: _t("Other source"),
    }
    return labels.get(code, code)


def order_event_label(code: str) -> str:
    labels = {
        OrderEventKind.ASSIGNED.value: _t("Assigned"),
        OrderEventKind.PICKED_UP.value: _t("Picked up"),
        OrderEventKind.DELIVERED.value: _t("Delivered"),
        OrderEventKind.CANCELLED.value: _t("Cancelled"),
    }
    return labels.get(code, code)


def audit_action_label(code: str) -> str:
    labels = {
        "create": _t("Created"),
        "update": _t("Changed"),
        "delete": _t("Deleted"),
        "restore": _t("Restored"),
        "reveal": _t("Revealed personal data"),
        "export": _t("Exported"),
        "import": _t("Imported"),
        "calibrate": _t("Calibrated a clock"),
    }
    return labels.get(code, code)
