"""Recognition without a mapping and the value readers of issue 11: column typing,
header-less shapes, date orders decided by the data, 12-hour clocks, epochs, Excel serials."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from app.domain.errors import ValidationError
from app.ingest.calls import CallImportSpec, ParsedCall, parse_calls
from app.ingest.mapping import guess_mapping, normalize_header
from app.ingest.plan import plan_import
from app.ingest.recognize import column_kind, guess_columns
from app.ingest.values import (
    ambiguous_day_month,
    detect_date_format,
    make_instant_reader,
)

MSK = ZoneInfo("Europe/Moscow")


def _read(path: Path, **options):
    plan = plan_import(path, default_tz="Europe/Moscow")
    spec = CallImportSpec(plan.mapping, plan.tz, **options)
    return plan, [i for i in parse_calls(path, plan.fmt, spec)]


@pytest.mark.parametrize(
    ("header", "normalized"),
    [
        ("dateTimeOrigination", "date time origination"),
        ("Продолжительность звонка, сек.", "продолжительность звонка"),
        ("Длительность (сек)", "длительность"),
        ("Date/Time Start (UTC)", "date time start"),
        ("Дата звонка", "дата звонка"),
        ("Ещё", "еще"),
    ],
)
def test_headers_are_normalized(header: str, normalized: str) -> None:
    assert normalize_header(header) == normalized


def test_vendor_vocabulary() -> None:
    cucm = ["cdrRecordType", "dateTimeOrigination", "callingPartyNumber",
            "originalCalledPartyNumber", "finalCalledPartyNumber", "dateTimeDisconnect",
            "duration"]  # fmt: skip
    assert guess_mapping(cucm) == {
        "start": "dateTimeOrigination",
        "end": "dateTimeDisconnect",
        "duration": "duration",
        "caller": "callingPartyNumber",
        "callee": "finalCalledPartyNumber",
    }
    freeswitch = ["caller_id_number", "destination_number", "start_stamp", "billsec"]
    assert guess_mapping(freeswitch) == {
        "start": "start_stamp",
        "duration": "billsec",
        "caller": "caller_id_number",
        "callee": "destination_number",
    }
    russian = ["Время", "Тип", "Откуда", "Куда", "Продолжительность звонка, сек", "Кто звонил"]
    found = guess_mapping(russian)
    assert (found["start"], found["caller"], found["callee"], found["direction"]) == (
        "Время", "Кто звонил", "Куда", "Тип",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        (["09.10.2025 14:03", "10.10.2025 01:10"], "date"),
        (["1760007791", "1760009600"], "date"),
        (["+7 916 123-45-67", "89037654321"], "phone"),
        (["00:01:05", "0:20"], "duration"),
        (["65", "0", "12"], "duration"),
        (["610", "610", "3333", "3333"], "extension"),
        (["ANSWERED", "NO ANSWER"], "status"),
        (["входящий", "исходящий"], "direction"),
        (["", ""], "empty"),
    ],
)
def test_columns_are_typed_by_content(values: list[str], kind: str) -> None:
    assert column_kind(values) == kind


def test_headerless_file_with_a_date_two_numbers_and_a_duration(tmp_path: Path) -> None:
    path = tmp_path / "pbx.csv"
    path.write_text(
        "2025-10-09 14:03:11;+79161234567;+79037654321;65\n"
        "2025-10-09 14:10:00;+79037654321;+79161234567;0\n"
        "2025-10-09 19:40:00;+79161234567;+79037654321;120\n",
        encoding="utf-8",
    )
    plan, items = _read(path)
    assert (plan.guess.basis, plan.guess.unplaced) == ("content", ())
    assert plan.guess.confidence >= 0.6
    first = items[0].record
    assert (first.start_utc, first.caller, first.callee, first.duration_s) == (
        datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC), "+79161234567", "+79037654321", 65,
    )  # fmt: skip


def test_a_guess_without_dates_is_unsure() -> None:
    guess = guess_columns(("1", "2"), [("abc", "def"), ("ghi", "jkl")], has_header=False)
    assert "start" in guess.unplaced and guess.confidence < 0.6


@pytest.mark.parametrize(
    ("samples", "fmt", "local"),
    [
        (["2020/05/04 10:53:43"], "ymd", datetime(2020, 5, 4, 10, 53, 43)),
        (["13/04/2020 10:00", "04/05/2020 11:00"], "dmy", datetime(2020, 4, 13, 10, 0)),
        (["04/13/2020 10:00 PM", "05/04/2020 11:00 AM"], "mdy", datetime(2020, 4, 13, 22, 0)),
        (["4/13/2020 1:05 p. m."], "mdy", datetime(2020, 4, 13, 13, 5)),
        (["13.04.2020 12:05 am"], "dmy", datetime(2020, 4, 13, 0, 5)),
        (["45939.5"], "excel", datetime(2025, 10, 9, 12, 0)),
    ],
)
def test_date_formats(samples: list[str], fmt: str, local: datetime) -> None:
    assert detect_date_format(samples) == fmt
    read = make_instant_reader(fmt, MSK)
    assert read(samples[0]) == local.replace(tzinfo=MSK).astimezone(UTC)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("1760007791", datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)),
        ("1760007791250", datetime(2025, 10, 9, 11, 3, 11, 250000, tzinfo=UTC)),
        ("2025-10-09T11:03:11Z", datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)),
        ("2025-10-09T14:03:11+03:00", datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)),
        ("Thu, 09 Oct 2025 11:03:11 +0000", datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)),
    ],
)
def test_instants_that_carry_their_zone(text: str, utc: datetime) -> None:
    fmt = detect_date_format([text])
    assert fmt is not None
    assert make_instant_reader(fmt, None)(text) == utc


def test_day_month_order_is_asked_when_the_file_cannot_tell(tmp_path: Path) -> None:
    assert ambiguous_day_month(["04/05/2020 10:00", "05/06/2020 11:00"])
    assert not ambiguous_day_month(["04.05.2020 10:00"])  # dotted: day first
    assert not ambiguous_day_month(["13/05/2020 10:00", "04/05/2020 11:00"])
    path = tmp_path / "us.csv"
    path.write_text(
        "Date,From,To,Duration\n04/05/2020 10:00,+79161234567,+79037654321,65\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as refused:
        _read(path)
    assert refused.value.field == "date_order"
    _, items = _read(path, date_order="mdy")
    assert items[0].record.start_utc == datetime(2020, 4, 5, 7, 0, tzinfo=UTC)


def test_excel_serial_dates_in_a_workbook(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Дата звонка", "Кто звонил", "Кому звонили", "Длительность"])
    sheet.append([45939.5, "+79161234567", "+79037654321", 65])  # a serial in a General cell
    sheet.append([45939 + 13 / 24, "+79037654321", "+79161234567", 5])
    path = tmp_path / "detail.xlsx"
    book.save(path)
    _, items = _read(path)
    starts = [i.record.start_utc for i in items if isinstance(i, ParsedCall)]
    assert starts == [
        datetime(2025, 10, 9, 9, 0, tzinfo=UTC),
        datetime(2025, 10, 9, 10, 0, tzinfo=UTC),
    ]
