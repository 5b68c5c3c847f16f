"""Names of the domain's codes (statuses, measures, roles, categories, audit actions...) on
screen, in the language the interface runs in.

The names themselves live in one place, `app.domain.vocabulary`, which the PDF and the CLI read
too: a category, a finding or a measure has the same name on screen and in the dossier.
"""

from __future__ import annotations

from app.domain import vocabulary
from app.ui.i18n import current_language


def vocab(group: str, code: str | None) -> str:
    """The name of `code` in `group` in the interface's language."""
    return vocabulary.name(group, code, current_language())


def status_label(code: str) -> str:
    return vocab("status", code)


def measure_label(code: str | None) -> str:
    if not code:
        return vocab("term", "undecided")
    return vocab("measure", code)


def role_label(code: str) -> str:
    return vocab("role", code)


def category_label(code: str) -> str:
    return vocab("category", code)


def source_label(code: str) -> str:
    return vocab("complaint_source", code)


def order_event_label(code: str) -> str:
    return vocab("order_event", code)


def entity_label(code: str) -> str:
    """What an audit entry is about."""
    return vocab("audit_entity", code)


def audit_action_label(code: str) -> str:
    return vocab("audit_action", code)
