"""Domain errors. Each carries a stable `code` (for translation and scripts) and a message."""

from __future__ import annotations

from typing import Any


class CasebookError(Exception):
    """Base of the errors the app reports to the user instead of a traceback."""

    code = "error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ValidationError(CasebookError):
    """Input that breaks a rule: bad phone, date before received, unknown enum value..."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None, **details: Any) -> None:
        super().__init__(message, **details)
        self.field = field


class NotFound(CasebookError):
    code = "not_found"


class Duplicate(CasebookError):
    code = "duplicate"


class Conflict(CasebookError):
    """Optimistic locking: someone else changed the record since it was read."""

    code = "conflict"


class StorageError(CasebookError):
    """The database cannot be used: locked, newer schema, on a network share..."""

    code = "storage"


class IntegrityFailure(CasebookError):
    """A verification found tampering (audit chain, evidence hash, package member)."""

    code = "integrity"


class NotAllowed(CasebookError):
    """The user's role does not allow the action (the office server decides; the message names
    the role)."""

    code = "not_allowed"
