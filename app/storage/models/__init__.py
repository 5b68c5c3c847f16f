"""All mapped tables; importing this package registers every model on `Base.metadata`."""

from app.storage.models import audit, calls, cases, evidence, office, timeline  # noqa: F401
from app.storage.models.base import Base

__all__ = ["Base"]
