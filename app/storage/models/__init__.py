"""All mapped tables; importing this package registers every model on `Base.metadata`."""

from app.storage.models import (  # noqa: F401
    audit,
    calls,
    cases,
    evidence,
    messages,
    office,
    timeline,
)
from app.storage.models.base import Base

__all__ = ["Base"]
