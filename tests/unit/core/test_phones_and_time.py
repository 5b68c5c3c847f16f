"""Phone normalization and masking, address masking, and the UTC rules of `timeutil`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.errors import ValidationError
from app.domain.phones import display, mask, normalize
from app.domain.privacy import mask_address
from app.domain.timeutil import iso_utc, parse_iso, to_utc


@pytest.mark.parametrize(
    "raw", ["8 (916) 123-45-67", "+7 916 1234567", "79161234567", "9161234567", "+7(916)123-45-67"]
)
def test_russian_forms_are_one_number(raw):
    assert normalize(raw).e164 == "+79161234567"


@pytest.mark.parametrize("raw", ["101", "0911", "2045", "", "   "])
def test_unnormalisable_numbers_are_kept_as_written(raw):
    phone = normalize(raw)
    assert phone.e164 is None and phone.value == raw.strip()


def test_foreign_number_with_prefix():
    assert normalize("+44 20 7946 0958").e164 == "+442079460958"


def test_masking():
    assert mask("+79161234567") == "+7 916 ***-**-67"
    assert mask("+442079460958").endswith("58") and "7946" not in mask("+442079460958")
    assert mask("2045") == "**45"
    assert mask("") == "" and mask(None) == ""
    assert display("+79161234567") == "+7 916 123-45-67"


def test_address_masking_keeps_only_the_locality():
    assert mask_address("г. Москва, ул. Профсоюзная, д. 12, кв. 48") == "г. Москва, ***"
    assert mask_address("Профсоюзная 12") == "***"
    assert mask_address("") == ""


def test_times_are_utc_and_zoned_input_is_converted():
    # Vladivostok is UTC+10, Kaliningrad UTC+2: the same wall time is 8 hours apart.
    vvo = parse_iso("2025-10-09T09:00", "Asia/Vladivostok")
    kgd = parse_iso("2025-10-09T09:00", "Europe/Kaliningrad")
    assert (kgd - vvo).total_seconds() == 8 * 3600
    assert iso_utc(vvo) == "2025-10-08T23:00:00Z"
    assert parse_iso("2025-10-09T09:00:00Z").tzinfo == UTC


def test_russian_zone_history_is_applied():
    # Moscow was UTC+4 from 2011 to October 2014, UTC+3 since.
    assert to_utc(datetime(2013, 6, 1, 12), "Europe/Moscow").hour == 8
    assert to_utc(datetime(2016, 6, 1, 12), "Europe/Moscow").hour == 9


def test_naive_time_without_zone_is_refused():
    with pytest.raises(ValidationError):
        parse_iso("2025-10-09T09:00")
    with pytest.raises(ValidationError):
        parse_iso("yesterday", "Europe/Moscow")


def test_russian_numbers_are_masked_as_the_parsed_form():
    """The short cut for +7 numbers gives what phonenumbers' parse gives (leading 0 included)."""
    import random

    import phonenumbers

    from app.domain.phones import mask

    rnd = random.Random(5)
    for _ in range(3000):
        value = "+7" + "".join(rnd.choice("0123456789") for _ in range(10))
        national = str(phonenumbers.parse(value, None).national_number)
        expected = (
            f"+7 {national[:3]} ***-**-{national[-2:]}"
            if len(national) == 10
            else f"+7 {national[:3]} {'*' * max(len(national) - 5, 1)}{national[-2:]}"
        )
        assert mask(value) == expected, value
