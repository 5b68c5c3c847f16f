"""Browsing, summary, linking, reveal and analysis thresholds, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.domain.calls.findings import Thresholds
from app.domain.errors import NotFound, ValidationError
from app.services.calls.analysis import analyze, get_thresholds, set_thresholds
from app.services.calls.dto import CallFilter
from app.services.calls.importing import import_calls
from app.services.calls.query import (
    call_ids,
    calls_by_ids,
    link_number,
    number_summary,
    reveal_calls,
    unlink_number,
)
from app.services.core import cases, parties
from app.storage.models.calls import CALLS_BULK, CallRow

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


@pytest.fixture
def loaded(ctx):
    case = cases.create_case(ctx, cases.CaseInput(title="t", region="MSK", tz="Europe/Moscow"))
    customer = parties.add_party(
        ctx, case.id, parties.PartyInput("complainant", "Иванова", phones=("+79037654321",))
    ).party
    courier = parties.add_party(
        ctx, case.id, parties.PartyInput("subject", "Петров", courier_id="C-1")
    ).party
    import_calls(ctx, case.id, DATA / "ru_vpbx_cp1251.csv")
    return case.id, customer.id, courier.id


def test_filters(ctx, loaded) -> None:
    case_id, customer, _ = loaded
    every = call_ids(ctx, case_id)
    assert len(every) == 4
    starts = [v.start_utc for v in calls_by_ids(ctx, every)]
    assert starts == sorted(starts)
    assert len(call_ids(ctx, case_id, CallFilter(number="916 123"))) == 3
    assert call_ids(ctx, case_id, CallFilter(number="0611")) == [every[-1]]
    assert call_ids(ctx, case_id, CallFilter(number="5555555")) == []
    assert len(call_ids(ctx, case_id, CallFilter(status="missed"))) == 1
    assert len(call_ids(ctx, case_id, CallFilter(direction="in"))) == 2
    assert len(call_ids(ctx, case_id, CallFilter(order="ORD-1001"))) == 3
    assert len(call_ids(ctx, case_id, CallFilter(party_id=customer))) == 4
    window = CallFilter(
        start_from=datetime(2025, 10, 9, 11, 5, tzinfo=UTC),
        start_to=datetime(2025, 10, 10, tzinfo=UTC),
    )
    assert len(call_ids(ctx, case_id, window)) == 2
    with pytest.raises(ValidationError):
        call_ids(ctx, case_id, CallFilter(number="abc"))


def test_rows_are_masked_in_the_order_asked(ctx, loaded) -> None:
    case_id, _, _ = loaded
    ids = list(reversed(call_ids(ctx, case_id)))
    views = calls_by_ids(ctx, ids)
    assert [v.id for v in views] == ids
    first = views[-1]
    assert first.caller == "+7 916 ***-**-67" and first.virtual_number == "+7 495 ***-**-33"
    assert first.callee_party == "Иванова" and first.caller_party is None
    assert views[0].caller == "**11"  # a short number is masked too


def test_reveal_needs_a_reason_and_is_audited(ctx, loaded) -> None:
    case_id, _, _ = loaded
    ids = call_ids(ctx, case_id)[:1]
    with pytest.raises(ValidationError):
        reveal_calls(ctx, case_id, ids, " ")
    [view] = reveal_calls(ctx, case_id, ids, "запрос полиции")
    assert view.caller == "+7 916 123-45-67"
    from app.services.core.audit import list_entries

    entry = next(e for e in list_entries(ctx, case_id=case_id) if e.action == "reveal")
    assert "запрос полиции" in str(entry) and "123-45-67" not in str(entry)


def test_summary_and_linking(ctx, loaded) -> None:
    case_id, customer, courier = loaded
    summary = {s.number: s for s in number_summary(ctx, case_id)}
    courier_number = summary["+7 916 ***-**-67"]
    assert (courier_number.calls, courier_number.talk_s) == (3, 195)
    assert courier_number.party_id is None
    assert courier_number.first_utc == datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)
    assert summary["+7 903 ***-**-21"].party_name == "Иванова"
    assert summary["+7 495 ***-**-33"].virtual
    link_number(ctx, case_id, courier_number.number_id, courier)
    linked = {s.number: s for s in number_summary(ctx, case_id)}["+7 916 ***-**-67"]
    assert (linked.party_id, linked.party_role) == (courier, "subject")
    assert len(call_ids(ctx, case_id, CallFilter(party_id=courier))) == 3
    with pytest.raises(ValidationError):
        link_number(ctx, case_id, courier_number.number_id, customer)
    unlink_number(ctx, case_id, courier_number.number_id, courier)
    assert call_ids(ctx, case_id, CallFilter(party_id=courier)) == []
    with pytest.raises(NotFound):
        unlink_number(ctx, case_id, courier_number.number_id, courier)


def test_thresholds_are_per_case_and_change_findings(ctx, loaded) -> None:
    case_id, _, courier = loaded
    summary = {s.number: s for s in number_summary(ctx, case_id)}
    link_number(ctx, case_id, summary["+7 916 ***-**-67"].number_id, courier)
    assert get_thresholds(ctx, case_id) == Thresholds()
    # three courier calls 11:03–11:12 UTC to the customer, some masked: no order, so no
    # delivery covers them; a burst needs 4 calls by default, 3 with this case's thresholds
    assert "call_burst" not in {f.kind for f in analyze(ctx, case_id)}
    set_thresholds(ctx, case_id, Thresholds(burst_min_calls=2, burst_window_min=15))
    assert get_thresholds(ctx, case_id).burst_min_calls == 2
    stored = set_thresholds(ctx, case_id, Thresholds(company_lines=("8 800 100-20-30", " ")))
    assert stored.company_lines == ("+78001002030",)
    set_thresholds(ctx, case_id, Thresholds(burst_min_calls=2, burst_window_min=15))
    burst = [f for f in analyze(ctx, case_id) if f.kind == "call_burst"]
    assert burst and burst[0].explanation("en").startswith("Burst of calls")


def test_bulk_view_has_the_model_columns() -> None:
    assert [c.name for c in CALLS_BULK.columns] == [
        c.name for c in inspect(CallRow).columns if c.name != "id"
    ]
