"""A number search shows its first page without finding every match, and that page is
exactly the start of the full answer — for a common number (the walk in time order stops at
the limit), a rare one (found whole), a whole number typed any way, and with other filters;
calls between two numbers in a window. On SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.services.calls.dto import CallFilter
from app.services.calls.importing import import_calls
from app.services.calls.query import (
    call_ids,
    calls_between,
    first_call_ids,
    reveal_calls,
)
from app.services.core import cases
from app.storage.repositories import calls as repo

START = datetime(2025, 10, 1, 6, tzinfo=UTC)
COURIER = "+79161230001"  # in about every fourth call
CUSTOMERS = [f"+7903555{i:04d}" for i in range(40)]
RARE = "+79269990077"  # three calls late in the log


def _log(path: Path, rows: int = 3_000) -> None:
    rng = random.Random(11)
    moment = START
    lines = ["Дата и время;Кто звонил;Кому звонили;Длительность;Статус"]
    for n in range(rows):
        moment += timedelta(seconds=rng.choice([30, 90, 300]))
        caller = COURIER if n % 4 == 0 else rng.choice(CUSTOMERS)
        callee = RARE if n in (2_500, 2_700, 2_900) else rng.choice(CUSTOMERS)
        written = "8" + caller[2:] if n % 8 == 0 else caller  # `8 916…` as exports write it
        local = moment.astimezone(ZoneInfo("Europe/Moscow"))
        status = "Отвечен" if n % 3 else "Не отвечен"
        lines.append(f"{local:%d.%m.%Y %H:%M:%S};{written};{callee};{n % 200};{status}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def big_case(ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    # the million-call thresholds, scaled to a 3,000-call log
    monkeypatch.setattr(repo, "SAMPLE_ROWS", 200)
    monkeypatch.setattr(repo, "WHOLE_SEARCH", 300)
    monkeypatch.setattr(repo, "PROBE_ROWS", 1_500)
    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Страница", region="MSK", tz="Europe/Moscow")
    ).id
    _log(tmp_path / "log.csv")
    assert import_calls(ctx, case_id, tmp_path / "log.csv").imported == 3_000
    return case_id


@pytest.mark.parametrize(
    ("typed", "limit", "complete"),
    [
        ("9161230001", 100, False),  # every fourth call: the sample is short, the walk stops
        ("8 916 123-00-01", 40, False),  # the same number typed with 8: the sample has 40
        ("+7 (916) 123 00 01", 100, False),
        ("5550007", 50, True),  # a customer, one call in fifty: few enough to find whole
        ("9269990077", 100, True),  # rare: found whole
        ("0077", 100, True),  # any run of digits, rare
        ("9161230001", 5_000, True),  # more than every match: the whole answer
        ("5555555", 100, True),  # no number holds it
    ],
)
def test_first_page_is_the_start_of_the_whole_answer(
    ctx, big_case: int, typed: str, limit: int, complete: bool
) -> None:
    flt = CallFilter(number=typed)
    whole = call_ids(ctx, big_case, flt)
    page = first_call_ids(ctx, big_case, flt, limit=limit)
    assert page.complete is complete
    if complete:
        assert page.ids == whole
    else:
        assert len(page.ids) == limit and page.ids == whole[:limit]


def test_first_page_with_other_filters(ctx, big_case: int) -> None:
    for flt in (
        CallFilter(),
        CallFilter(status="missed"),
        CallFilter(number="916123", status="answered"),
        CallFilter(number="5550003", start_from=START + timedelta(days=1)),
    ):
        whole = call_ids(ctx, big_case, flt)
        page = first_call_ids(ctx, big_case, flt, limit=40)
        assert whole, flt
        assert page.ids == whole[: len(page.ids)] and len(page.ids) >= min(40, len(whole))
        assert page.complete is (len(page.ids) == len(whole))


def test_a_whole_number_matches_by_its_normalized_value(ctx, big_case: int) -> None:
    shown = reveal_calls(
        ctx, big_case, call_ids(ctx, big_case, CallFilter(number="89161230001")), "сверка"
    )
    assert len(shown) == 750
    assert all("+7 916 123-00-01" in (v.caller, v.callee) for v in shown)
    assert call_ids(ctx, big_case, CallFilter(number="+7 916 123 00 01")) == [v.id for v in shown]


def test_calls_between_two_numbers_in_a_window(ctx, big_case: int) -> None:
    every = reveal_calls(ctx, big_case, call_ids(ctx, big_case), "сверка")
    customer = "+79035550007"
    lo, hi = START + timedelta(hours=20), START + timedelta(days=4)
    expected = [
        v.id
        for v in every
        if lo <= v.start_utc < hi and {_e164(v.caller), _e164(v.callee)} == {COURIER, customer}
    ]
    assert expected
    assert calls_between(ctx, big_case, "8 916 123-00-01", "+7 903 555 00 07", lo, hi) == expected
    assert calls_between(ctx, big_case, customer, COURIER, lo, hi) == expected
    assert calls_between(ctx, big_case, customer, COURIER, hi, hi + timedelta(hours=1)) == []


def _e164(shown: str) -> str:
    return "+" + "".join(ch for ch in shown if ch.isdigit())
