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


def status_label(code: str) -> str:
    labels = {
        CaseStatus.NEW.value: QCoreApplication.translate("Labels", "New"),
        CaseStatus.IN_PROGRESS.value: QCoreApplication.translate("Labels", "In progress"),
        CaseStatus.AWAITING_DECISION.value: QCoreApplication.translate(
            "Labels", "Awaiting decision"
        ),
        CaseStatus.CLOSED.value: QCoreApplication.translate("Labels", "Closed"),
    }
    return labels.get(code, code)


def measure_label(code: str | None) -> str:
    if not code:
        return QCoreApplication.translate("Labels", "Not decided")
    labels = {
        Measure.NO_VIOLATION.value: QCoreApplication.translate("Labels", "No violation"),
        Measure.WARNING.value: QCoreApplication.translate("Labels", "Warning"),
        Measure.SUSPENSION.value: QCoreApplication.translate("Labels", "Suspension"),
        Measure.BLACKLIST.value: QCoreApplication.translate("Labels", "Blacklist (all services)"),
        Measure.TERMINATION.value: QCoreApplication.translate("Labels", "Termination"),
        Measure.POLICE_REFERRAL.value: QCoreApplication.translate("Labels", "Referral to police"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    labels = {
        PartyRole.COMPLAINANT.value: QCoreApplication.translate("Labels", "Complainant"),
        PartyRole.SUBJECT.value: QCoreApplication.translate("Labels", "Courier (subject)"),
        PartyRole.SUPERVISOR.value: QCoreApplication.translate("Labels", "Supervisor"),
        PartyRole.WITNESS.value: QCoreApplication.translate("Labels", "Witness"),
    }
    return labels.get(code, code)


def category_label(code: str) -> str:
    labels = {
        Category.HARASSMENT.value: QCoreApplication.translate("Labels", "Harassment, insults"),
        Category.DOOR_VISIT.value: QCoreApplication.translate("Labels", "Aggression at the door"),
        Category.REPEATED_CALLS.value: QCoreApplication.translate(
            "Labels", "Calls from many numbers"
        ),
        Category.DATA_MISUSE.value: QCoreApplication.translate("Labels", "Misuse of order data"),
        Category.OTHER.value: QCoreApplication.translate("Labels", "Other"),
    }
    return labels.get(code, code)


def source_label(code: str) -> str:
    labels = {
        ComplaintSource.SUPPORT_TICKET.value: QCoreApplication.translate(
            "Labels", "Support ticket"
        ),
        ComplaintSource.OFFICIAL_INQUIRY.value: QCoreApplication.translate(
            "Labels", "Official inquiry"
        ),
        ComplaintSource.POLICE_REQUEST.value: QCoreApplication.translate(
            "Labels", "Police request"
        ),
        ComplaintSource.OTHER.value: QCoreApplication.translate("Labels", "Other source"),
    }
    return labels.get(code, code)


def order_event_label(code: str) -> str:
    labels = {
        OrderEventKind.ASSIGNED.value: QCoreApplication.translate("Labels", "Assigned"),
        OrderEventKind.PICKED_UP.value: QCoreApplication.translate("Labels", "Picked up"),
        OrderEventKind.DELIVERED.value: QCoreApplication.translate("Labels", "Delivered"),
        OrderEventKind.CANCELLED.value: QCoreApplication.translate("Labels", "Cancelled"),
    }
    return labels.get(code, code)


def entity_label(code: str) -> str:
    """What an audit entry is about; codes of features without a label are shown as is."""
    labels = {
        "case": QCoreApplication.translate("Labels", "case"),
        "party": QCoreApplication.translate("Labels", "party"),
        "order": QCoreApplication.translate("Labels", "order"),
        "statement": QCoreApplication.translate("Labels", "statement"),
        "event": QCoreApplication.translate("Labels", "event"),
        "blacklist": QCoreApplication.translate("Labels", "blacklist entry"),
        "evidence": QCoreApplication.translate("Labels", "evidence"),
    }
    return labels.get(code, code)


def audit_action_label(code: str) -> str:
    labels = {
        "create": QCoreApplication.translate("Labels", "Created"),
        "update": QCoreApplication.translate("Labels", "Changed"),
        "delete": QCoreApplication.translate("Labels", "Deleted"),
        "restore": QCoreApplication.translate("Labels", "Restored"),
        "reveal": QCoreApplication.translate("Labels", "Revealed personal data"),
        "export": QCoreApplication.translate("Labels", "Exported"),
        "import": QCoreApplication.translate("Labels", "Imported"),
        "calibrate": QCoreApplication.translate("Labels", "Calibrated a clock"),
    }
    return labels.get(code, code)
