"""The call-log part of the demo case: the masking platform's export (cp1251, `;`) with the
ordinary masked calls of the delivery, and the customer's operator detail (UTF-8 with BOM)
with the night calls from the courier's own number and from four unknown numbers."""

from __future__ import annotations

from app.paths import resource_path
from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.services.core.context import ServiceContext

DEMO_FILES = (
    ("platform_calls.csv", ImportOptions(preset="ru-vpbx", tz="Europe/Moscow")),
    ("customer_operator_detail.csv", ImportOptions(tz="Europe/Moscow")),
)


def add_demo(ctx: ServiceContext, case_id: int, parties: dict[str, int]) -> None:
    for name, options in DEMO_FILES:
        import_calls(ctx, case_id, resource_path("demo", name), options)
