"""The case services' plain data (defined in `app.domain.case_records`: storage fills them)."""

from app.domain.case_records import (
    BlacklistInfo,
    CaseDetail,
    CasePage,
    CaseSummary,
    ManualEventInfo,
    OrderEventInfo,
    OrderInfo,
    PartyInfo,
    StatementInfo,
)

__all__ = [
    "BlacklistInfo",
    "CaseDetail",
    "CasePage",
    "CaseSummary",
    "ManualEventInfo",
    "OrderEventInfo",
    "OrderInfo",
    "PartyInfo",
    "StatementInfo",
]
