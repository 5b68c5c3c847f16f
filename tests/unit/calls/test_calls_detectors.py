"""Detectors on planted scenarios, and silence on an ordinary masked delivery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.calls.detectors import CaseFacts, OrderWindow, detect, run_detector
from app.domain.calls.findings import Thresholds
from app.domain.calls.records import CallRecord
from app.domain.errors import ValidationError

COURIER = "+79161234567"
CUSTOMER = "+79037654321"
VIRTUAL = "+74951112233"
SUPPORT = "+78001002030"
X1, X2, X3 = "+79261110001", "+79261110002", "+79261110003"
DAY = datetime(2025, 10, 9, tzinfo=UTC)


def at(hours: float) -> datetime:
    return DAY + timedelta(hours=hours)


class Log:
    def __init__(self) -> None:
        self.calls: list[CallRecord] = []

    def add(
        self,
        hours: float,
        caller: str,
        callee: str,
        virtual: str | None = None,
        duration: int = 30,
        order: str | None = None,
    ) -> int:
        call_id = len(self.calls) + 1
        self.calls.append(
            CallRecord(
                at(hours),
                duration,
                caller,
                callee,
                virtual,
                status="answered" if duration else "missed",
                order_number=order,
                id=call_id,
            )
        )
        return call_id


ORDERS = (
    OrderWindow("ORD-1", at(10), at(11.5)),  # day delivery, 13:00–14:30 Moscow
    OrderWindow("ORD-2", at(19), at(20)),  # late slot, 22:00–23:00 Moscow
)


def ordinary_day() -> Log:
    """Masked calls during deliveries (some at night, several in a row), a company call,
    a friend's calls: nothing here is misuse."""
    log = Log()
    for minute in (20, 25, 26, 27):
        log.add(10 + minute / 60, COURIER, CUSTOMER, VIRTUAL, 0 if minute == 25 else 40)
    log.add(11, CUSTOMER, COURIER, VIRTUAL, order="ORD-1")
    log.add(11.8, COURIER, CUSTOMER, VIRTUAL)  # within the 30 min grace
    log.add(12, SUPPORT, CUSTOMER)
    for minute in (0, 5, 10, 15):
        log.add(12.5 + minute / 60, SUPPORT, CUSTOMER, duration=0)
    log.add(13, X1, CUSTOMER)
    log.add(14, X2, CUSTOMER)
    log.add(19.75, COURIER, CUSTOMER, VIRTUAL, order="ORD-2")  # 22:45 Moscow, during ORD-2
    log.add(20.25, COURIER, CUSTOMER, VIRTUAL, order="ORD-2")  # grace after ORD-2
    return log


def facts(log: Log, orders=ORDERS) -> CaseFacts:
    return CaseFacts(
        calls=log.calls,
        courier_numbers=frozenset({COURIER}),
        complainant_numbers=frozenset({CUSTOMER}),
        complainant_tz="Europe/Moscow",
        orders=orders,
    )


LIMITS = Thresholds(company_lines=(SUPPORT,))


def test_ordinary_masked_delivery_raises_nothing() -> None:
    assert detect(facts(ordinary_day()), LIMITS) == []


def test_after_delivery_contact() -> None:
    log = ordinary_day()
    late = log.add(14, COURIER, CUSTOMER, VIRTUAL)  # masked, 2.5 h after ORD-1 closed
    [finding] = run_detector("after_delivery_contact", facts(log), LIMITS)
    assert finding.call_ids == (late,)
    assert finding.params["order"] == "ORD-1"
    assert finding.severity == "high"
    assert "ORD-1" in finding.explain("ru") and "после закрытия" in finding.explain("ru")
    assert "after order ORD-1" in finding.explain("en")
    # a longer grace covers it
    assert run_detector("after_delivery_contact", facts(log), Thresholds(grace_min=180)) == []


def test_masking_bypass() -> None:
    log = ordinary_day()
    direct = log.add(15, COURIER, CUSTOMER)
    back = log.add(15.5, CUSTOMER, COURIER)
    [finding] = run_detector("masking_bypass", facts(log), LIMITS)
    assert finding.call_ids == (direct, back) and finding.kind == "masking_bypass"
    assert finding.end_utc == at(15.5) + timedelta(seconds=30)


def test_multiple_numbers() -> None:
    log = ordinary_day()
    log.add(15, COURIER, CUSTOMER, VIRTUAL)  # contact after delivery: the anchor
    ids = [
        log.add(16, X1, CUSTOMER),
        log.add(17, X2, CUSTOMER, duration=0),
        log.add(18, X3, CUSTOMER),
    ]
    [finding] = run_detector("multiple_numbers", facts(log), LIMITS)
    assert set(ids) <= set(finding.call_ids)
    assert finding.params["numbers"] >= 3
    assert COURIER not in finding.explain("en") and "***" in finding.params["masked"]
    # the threshold is per case
    assert (
        run_detector(
            "multiple_numbers",
            facts(log),
            Thresholds(multi_min_numbers=5, company_lines=(SUPPORT,)),
        )
        == []
    )


def test_multiple_numbers_needs_a_courier_contact_or_delivery_first() -> None:
    log = Log()
    for hour, number in ((16, X1), (17, X2), (18, X3)):
        log.add(hour, number, CUSTOMER)
    assert run_detector("multiple_numbers", facts(log, ()), LIMITS) == []
    # the same calls after a delivery count: the courier knows the number from then
    [finding] = run_detector("multiple_numbers", facts(log), LIMITS)
    assert finding.params["before"] == ""
    assert "Контактов с курьером до этого не было" in finding.explain("ru")


def test_burst_of_unknown_numbers_before_the_couriers_next_call() -> None:
    """The held-out story: three unknown numbers within five minutes late at night, a day
    after the delivery, 26 h after the courier's last direct call and 10 min before his
    next one."""
    log = Log()
    log.add(11.2, COURIER, CUSTOMER, VIRTUAL, order="ORD-1")  # delivery call, masked
    last = 16.5  # 19:30 Moscow: the courier's last direct call
    log.add(last, COURIER, CUSTOMER)
    burst = [
        log.add(last + 26, X1, CUSTOMER, duration=0),  # 21:30 Moscow the next day
        log.add(last + 26 + 2 / 60, X2, CUSTOMER, duration=0),
        log.add(last + 26 + 5 / 60, X3, CUSTOMER),
    ]
    log.add(last + 26 + 15 / 60, COURIER, CUSTOMER)  # 10 min after the last of them
    [finding] = run_detector("multiple_numbers", facts(log), LIMITS)
    assert finding.call_ids == tuple(burst) and finding.params["numbers"] == 3
    assert (finding.params["before_gap_min"], finding.params["after_gap_min"]) == (26 * 60, 10)
    ru, en = finding.explain("ru"), finding.explain("en")
    assert "с 3 разных номеров" in ru and "за 26 ч до первого звонка" in ru
    assert "через 10 мин после последнего" in ru
    assert "26 h before the first call" in en and "10 min after the last" in en


def test_burst_more_than_a_day_after_the_last_contact() -> None:
    log = Log()
    log.add(16.5, COURIER, CUSTOMER)
    ids = [log.add(16.5 + 30 + m / 60, n, CUSTOMER) for m, n in ((0, X1), (20, X2), (40, X3))]
    [finding] = run_detector("multiple_numbers", facts(log, ()), LIMITS)
    assert finding.call_ids == tuple(ids)
    assert finding.params["before_gap_min"] == 30 * 60 and finding.params["after"] == ""
    # spread wider than the window they are no burst
    log = Log()
    log.add(16.5, COURIER, CUSTOMER)
    for day, number in ((1, X1), (2, X2), (3, X3)):
        log.add(16.5 + 24 * day, number, CUSTOMER)
    assert run_detector("multiple_numbers", facts(log, ()), LIMITS) == []


def test_masked_delivery_calls_never_count_as_many_numbers() -> None:
    """Three couriers' deliveries through three virtual numbers, and a masked call after the
    delivery: the platform's numbers are no strangers."""
    log = Log()
    for hour, virtual in ((10.2, "+74951110001"), (10.6, "+74951110002"), (11, "+74951110003")):
        log.add(hour, virtual, CUSTOMER, virtual)
    log.add(13, "+74951110004", CUSTOMER, "+74951110004")  # masked, after the delivery
    log.add(14, X1, CUSTOMER)
    log.add(15, X2, CUSTOMER)
    assert run_detector("multiple_numbers", facts(log), LIMITS) == []


def test_night_contact() -> None:
    log = ordinary_day()
    n1 = log.add(21.5, X1, CUSTOMER)  # 00:30 Moscow on the 10th
    n2 = log.add(23, COURIER, CUSTOMER, duration=0)  # 02:00 Moscow
    [finding] = run_detector("night_contact", facts(log), LIMITS)
    assert finding.call_ids == (n1, n2)
    assert finding.params["night"] == "09.10.2025"  # the night from the 9th to the 10th
    assert finding.severity == "high"  # one came from the courier
    assert "ночь" in finding.explain("ru")


def test_call_burst() -> None:
    log = ordinary_day()
    ids = [log.add(19 + m / 60, X2, CUSTOMER, duration=0) for m in (0, 6, 12, 20)]
    log.add(19 + 45 / 60, X2, CUSTOMER)  # in no window of 4 calls: not part of the burst
    [finding] = run_detector("call_burst", facts(log), LIMITS)
    assert finding.call_ids == tuple(ids)
    assert finding.params["count"] == 4 and finding.severity == "high"
    assert (
        run_detector(
            "call_burst", facts(log), Thresholds(burst_min_calls=6, company_lines=(SUPPORT,))
        )
        == []
    )


def test_three_calls_are_no_burst() -> None:
    log = Log()
    for m in (0, 5, 10):
        log.add(15 + m / 60, X1, CUSTOMER)
    log.add(16, X1, CUSTOMER)
    assert run_detector("call_burst", facts(log, ()), LIMITS) == []


def test_detect_orders_findings_by_time() -> None:
    log = ordinary_day()
    log.add(15, COURIER, CUSTOMER)
    log.add(16, X3, CUSTOMER)
    kinds = [f.kind for f in detect(facts(log), LIMITS)]
    # the friend's two numbers and a stranger's make three after the delivery
    assert kinds == ["multiple_numbers", "after_delivery_contact", "masking_bypass"]
    quiet = CaseFacts(**{**facts(log).__dict__, "other_party_numbers": frozenset({X1})})
    assert [f.kind for f in detect(quiet, LIMITS)] == ["after_delivery_contact", "masking_bypass"]


def test_thresholds_validate_and_round_trip() -> None:
    limits = Thresholds(grace_min=45, company_lines=(SUPPORT,))
    assert Thresholds.from_dict(limits.to_dict()) == limits
    with pytest.raises(ValidationError):
        Thresholds(burst_min_calls=0)
    with pytest.raises(ValidationError):
        Thresholds(night_start_h=8, night_end_h=8)


def test_russian_explanations_use_proper_plural_forms():
    from datetime import UTC, datetime

    from app.domain.calls.findings import Finding, plural_ru

    forms = [plural_ru(n, "звонок", "звонка", "звонков") for n in (1, 3, 5, 11, 21, 104, 112)]
    assert forms == ["звонок", "звонка", "звонков", "звонков", "звонок", "звонка", "звонков"]
    moment = datetime(2025, 9, 14, tzinfo=UTC)
    finding = Finding(
        "multiple_numbers",
        "high",
        (1, 2, 3),
        moment,
        moment,
        {
            "window_h": 24,
            "numbers": 4,
            "count": 7,
            "masked": "…",
            "first": "14.09.2025 23:40",
            "last": "14.09.2025 23:45",
            "before": "13.09.2025 21:40",
            "before_gap_min": 1560,
            "after": "",
            "after_gap_min": -1,
        },
    )
    ru = finding.explain("ru")
    assert "с 4 разных номеров в пределах 24 ч (7 звонков" in ru
    assert "за 26 ч до первого звонка; после этого контактов с курьером не было." in ru
    assert "(7 calls, " in finding.explain("en")
