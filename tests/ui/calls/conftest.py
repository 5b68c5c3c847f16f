"""Fixtures of the call-log UI tests: a case on a fresh SQLite database, a `UiEnv` with the
synchronous task runner, and the real-format call-log fixtures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services.core.cases import CaseInput, create_case

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


@pytest.fixture
def case_id(sqlite_ctx: Any) -> int:
    case = create_case(
        sqlite_ctx,
        CaseInput(title="Calls after delivery", region="Москва", tz="Europe/Moscow"),
    )
    return int(case.id)


@pytest.fixture
def ru_vpbx() -> Path:
    """A cp1251, `;`-separated virtual-PBX export with Russian headers and bad rows."""
    return DATA / "ru_vpbx_cp1251.csv"


@pytest.fixture
def case_with_calls(sqlite_ctx: Any, case_id: int, ru_vpbx: Path) -> int:
    """The case with the cp1251 export imported (Moscow time) and the courier and the
    complainant entered with their real numbers."""
    from app.services.calls.dto import ImportOptions
    from app.services.calls.importing import import_calls
    from app.services.core.parties import PartyInput, add_party

    import_calls(sqlite_ctx, case_id, ru_vpbx, ImportOptions(tz="Europe/Moscow"))
    add_party(
        sqlite_ctx,
        case_id,
        PartyInput(
            role="subject", name="Курьер Петров", phones=("+79161234567",), courier_id="C-77"
        ),
    )
    add_party(
        sqlite_ctx,
        case_id,
        PartyInput(role="complainant", name="Иванова А.", phones=("+79037654321",)),
    )
    return case_id


@pytest.fixture
def scenario_case(sqlite_ctx: Any, tmp_path: Path) -> int:
    """A realistic case (see `calls_scenario.py`): misuse after delivery among ordinary calls."""
    from calls_scenario import build_case

    return build_case(sqlite_ctx, tmp_path)
