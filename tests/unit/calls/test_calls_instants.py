"""The instant reader reads a busy log's minute once and adds the seconds: every value must
read exactly as a whole parse would, across formats, zones and their clock changes, and a
bad value must still be refused."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.ingest.values import DATE_FORMATS, make_instant_reader

LAYOUTS = {
    "dmy": "%d.%m.%Y %H:%M:%S",
    "mdy": "%m/%d/%Y %H:%M:%S",
    "ymd": "%Y/%m/%d %H:%M:%S",
    "iso": "%Y-%m-%dT%H:%M:%S",
}


def _whole(fmt: str, text: str, zone: ZoneInfo) -> datetime:
    moment = DATE_FORMATS[fmt](text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


@pytest.mark.parametrize("zone_name", ["Europe/Moscow", "Europe/Berlin", "America/New_York"])
@pytest.mark.parametrize("fmt", sorted(LAYOUTS))
def test_minutes_read_once_give_every_value_exactly(fmt: str, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    read = make_instant_reader(fmt, zone)
    rng = random.Random(3)
    # around the spring and autumn clock changes (skipped and repeated hours) and elsewhere
    anchors = [
        datetime(2025, 3, 30, 1),
        datetime(2025, 10, 26, 1),
        datetime(2025, 3, 9, 1),
        datetime(2025, 11, 2, 0),
        datetime(2011, 3, 27, 1),
        datetime(2014, 10, 26, 0),
    ]
    texts = []
    for anchor in anchors:
        for _ in range(300):
            moment = anchor + timedelta(seconds=rng.randrange(4 * 3600))
            texts.append(moment.strftime(LAYOUTS[fmt]))
    texts += texts[:50]  # read again from the kept minutes
    for text in texts:
        assert read(text) == _whole(fmt, text, zone), text


def test_values_that_are_not_seconds_are_read_whole() -> None:
    zone = ZoneInfo("Europe/Moscow")
    read = make_instant_reader("dmy", zone)
    assert read("04.05.2020 10:53") == datetime(2020, 5, 4, 7, 53, tzinfo=UTC)  # no seconds
    assert read("04.05.2020 10:53:07") == datetime(2020, 5, 4, 7, 53, 7, tzinfo=UTC)
    assert read("04.05.2020 10:53:07.250") == datetime(2020, 5, 4, 7, 53, 7, 250_000, tzinfo=UTC)
    assert read("04.05.2020 10:53:07 PM") == datetime(2020, 5, 4, 19, 53, 7, tzinfo=UTC)
    for bad in ("04.05.2020 10:53:60", "04.05.2020 10:53:7x", "04.05.2020 25:53:07"):
        with pytest.raises(ValueError):
            read(bad)
    iso = make_instant_reader("iso", zone)
    assert iso("2020-05-04T10:53:07+03:00") == datetime(2020, 5, 4, 7, 53, 7, tzinfo=UTC)
    assert iso("2020-05-04T10:53:07Z") == datetime(2020, 5, 4, 10, 53, 7, tzinfo=UTC)


def test_bulk_instants_are_naive_utc_text_whatever_the_zone() -> None:
    from app.domain.calls.records import epoch_us
    from app.storage.models.calls import bulk_instants

    moments = [
        datetime(2025, 9, 1, 8, 0, 3, tzinfo=UTC),
        datetime(2025, 9, 1, 8, 0, 3, 120, tzinfo=UTC),
        datetime(2025, 9, 1, 11, 0, 3, tzinfo=ZoneInfo("Europe/Moscow")),
        datetime(1999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
        datetime(2024, 2, 29, 0, 0, 0, tzinfo=UTC),
    ]
    values = [epoch_us(m) for m in moments]
    assert bulk_instants(values, "sqlite") == [
        m.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f") for m in moments
    ]
    assert bulk_instants(values, "postgresql") == moments
