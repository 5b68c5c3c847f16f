"""Call-log ingest on real-format fixtures: sniffing, mapping, presets, row reading."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.errors import NotFound, ValidationError
from app.ingest.calls import CallImportSpec, CallRowReader, ParsedCall, RejectedRow, parse_calls
from app.ingest.mapping import guess_mapping, parse_map_option, resolve_mapping
from app.ingest.plan import plan_import
from app.ingest.presets import Preset, all_presets, delete_preset, find_preset, save_preset
from app.ingest.tabular import sniff_source

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


def read(name: str, preset: str | None = None, tz: str | None = "Europe/Moscow", **kw: object):
    plan = plan_import(DATA / name, preset=preset, tz=tz, **kw)  # type: ignore[arg-type]
    spec = CallImportSpec(plan.mapping, plan.tz, constants=plan.constants)
    items = list(parse_calls(DATA / name, plan.fmt, spec))
    return (
        plan,
        [i for i in items if isinstance(i, ParsedCall)],
        [i for i in items if isinstance(i, RejectedRow)],
    )


def test_cp1251_semicolon_russian_headers() -> None:
    plan, ok, bad = read("ru_vpbx_cp1251.csv")
    assert (plan.fmt.encoding, plan.fmt.delimiter, plan.fmt.has_header) == ("cp1251", ";", True)
    assert plan.mapping["caller"] == "Кто звонил"
    assert plan.mapping["virtual"] == "Виртуальный номер"
    assert plan.mapping["order"] == "Номер заказа"
    first = ok[0].record
    # 14:03:11 Moscow is 11:03:11 UTC; numbers normalized, raw kept
    assert first.start_utc == datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)
    assert (first.caller, first.caller_raw) == ("+79161234567", "+7 (916) 123-45-67")
    assert first.callee == "+79037654321"
    assert (first.duration_s, first.status, first.direction) == (65, "answered", "out")
    assert ok[1].record.status == "missed"
    assert ok[2].record.duration_s == 130  # MM:SS, and a date without seconds
    short = ok[-1].record
    assert short.caller == "0611" and short.virtual is None  # service number kept as written
    assert [(r.line, r.reason) for r in bad] == [
        (5, "bad_date"),
        (6, "empty_caller"),
        (7, "bad_duration"),
    ]
    assert bad[0].detail.startswith("31.02.2025")


def test_utf8_bom_comma() -> None:
    plan, ok, bad = read("utf8_bom.csv")
    assert plan.fmt.encoding == "utf-8-sig" and plan.fmt.delimiter == ","
    assert plan.fmt.columns[0] == "Дата звонка"  # BOM not glued to the first header
    assert len(ok) == 3 and not bad
    assert ok[1].record.direction == "in"
    assert ok[2].record.status == "missed" and ok[2].record.virtual is None


def test_didww_inbound_is_utc_and_inbound() -> None:
    _, ok, _ = read("didww_cdr_in.csv", preset="didww-cdr-in", tz="Asia/Vladivostok")
    rec = ok[0].record
    assert rec.start_utc == datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)  # UTC column wins
    assert rec.virtual == "+74951112233" and rec.direction == "in"
    assert ok[1].record.status == "missed"


def test_didww_outbound() -> None:
    _, ok, _ = read("didww_cdr_out.csv", preset="didww-cdr-out", tz=None)
    assert ok[0].record.callee == "+79037654321" and ok[0].record.direction == "out"


def test_utc_labelled_column_without_preset_needs_no_zone() -> None:
    _, ok, _ = read("didww_cdr_in.csv", tz=None)
    assert ok[0].record.start_utc.hour == 11


@pytest.mark.parametrize(
    ("name", "preset"),
    [("freeswitch_cdr.csv", "freeswitch-csv"), ("asterisk_master.csv", "asterisk-master")],
)
def test_headerless_presets(name: str, preset: str) -> None:
    plan, ok, bad = read(name, preset=preset)
    assert not plan.fmt.has_header and not bad
    assert ok[0].line == 1
    rec = ok[0].record
    assert rec.caller == "+79161234567" and rec.callee == "+79037654321"
    assert rec.duration_s == 65 and rec.status == "answered" and rec.call_id
    assert ok[1].record.callee == "1001" and ok[1].record.status == "missed"


def test_headerless_is_detected_without_preset() -> None:
    fmt = sniff_source(DATA / "freeswitch_cdr.csv")
    assert not fmt.has_header and fmt.columns[:3] == ("1", "2", "3")


def test_tab_unix_seconds_and_mmss() -> None:
    plan, ok, _ = read("unix_tab.tsv", tz=None)
    assert plan.fmt.delimiter == "\t"
    assert ok[0].record.start_utc == datetime.fromtimestamp(1760007791, UTC)
    assert ok[1].record.duration_s == 65


def test_naive_times_without_zone_are_refused() -> None:
    plan = plan_import(DATA / "ru_vpbx_cp1251.csv")
    with pytest.raises(ValidationError) as err:
        list(parse_calls(DATA / "ru_vpbx_cp1251.csv", plan.fmt, CallImportSpec(plan.mapping)))
    assert err.value.field == "tz"


def test_xlsx_read_only(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Дата и время", "Кто звонил", "Кому звонили", "Длительность"])
    sheet.append([datetime(2025, 10, 9, 14, 3, 11), "+79161234567", 89037654321, 65])
    sheet.append(["31.02.2025 10:00", "+79161234567", "+79037654321", 5])
    path = tmp_path / "calls.xlsx"
    book.save(path)
    plan, ok, bad = _read_path(path)
    assert plan.fmt.kind == "xlsx" and plan.fmt.has_header
    assert ok[0].record.callee == "+79037654321"
    assert ok[0].record.start_utc == datetime(2025, 10, 9, 11, 3, 11, tzinfo=UTC)
    assert [(r.line, r.reason) for r in bad] == [(3, "bad_date")]


def _read_path(path: Path):
    plan = plan_import(path, tz="Europe/Moscow")
    items = list(parse_calls(path, plan.fmt, CallImportSpec(plan.mapping, plan.tz)))
    ok = [i for i in items if isinstance(i, ParsedCall)]
    return plan, ok, [i for i in items if isinstance(i, RejectedRow)]


def test_explicit_options_override_detection(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("2025-10-09 10:00:00|+79161234567|+79037654321|5\n", encoding="utf-8")
    plan = plan_import(
        path,
        delimiter="|",
        has_header=False,
        mapping=parse_map_option("start=1,caller=2,callee=3,duration=4"),
        tz="UTC",
    )
    items = list(parse_calls(path, plan.fmt, CallImportSpec(plan.mapping, plan.tz)))
    assert isinstance(items[0], ParsedCall) and items[0].record.duration_s == 5


def test_mapping_errors() -> None:
    with pytest.raises(ValidationError):
        resolve_mapping({"caller": "nope"}, ["a", "b"])
    with pytest.raises(ValidationError):
        resolve_mapping({"colour": "a"}, ["a", "b"])
    with pytest.raises(ValidationError):
        parse_map_option("caller")


def test_guess_english_headers() -> None:
    got = guess_mapping(
        [
            "Call ID",
            "Start time",
            "From",
            "To",
            "Virtual number",
            "Duration",
            "Status",
            "Direction",
            "Order number",
        ]
    )
    assert got == {
        "call_id": "Call ID",
        "start": "Start time",
        "caller": "From",
        "callee": "To",
        "virtual": "Virtual number",
        "duration": "Duration",
        "status": "Status",
        "direction": "Direction",
        "order": "Order number",
    }


def test_user_presets_round_trip(tmp_path: Path) -> None:
    saved = save_preset(tmp_path, Preset("моя АТС", mapping={"caller": "A", "callee": "B"}))
    assert find_preset("моя АТС", tmp_path).mapping == saved.mapping
    assert [p.name for p in all_presets(tmp_path)][-1] == "моя АТС"
    with pytest.raises(ValidationError):
        save_preset(tmp_path, Preset("ru-vpbx"))
    delete_preset(tmp_path, "моя АТС")
    with pytest.raises(NotFound):
        find_preset("моя АТС", tmp_path)


def test_unreadable_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError):
        sniff_source(empty)
    with pytest.raises(ValidationError):
        sniff_source(tmp_path / "missing.csv")


def test_title_rows_above_the_table_are_skipped() -> None:
    """An operator's detail: a title and the period above the header, lines counted right."""
    path = DATA / "operator_detail_title_cp1251.csv"
    plan = plan_import(
        path, tz="Europe/Moscow", mapping={"caller": "Номер абонента", "callee": "Номер абонента"}
    )
    assert plan.fmt.skip == 2 and plan.fmt.columns[0] == "Дата"
    items = list(parse_calls(path, plan.fmt, CallImportSpec(plan.mapping, plan.tz)))
    assert [i.line for i in items] == [5, 6]
    assert all(isinstance(i, ParsedCall) for i in items)
    assert items[1].record.duration_s == 40


def test_constant_fills_a_side_the_file_does_not_have() -> None:
    """A subscriber's incoming-calls detail: the callee is the subscriber on every row."""
    path = DATA / "operator_detail_title_cp1251.csv"
    plan = plan_import(path, tz="Europe/Moscow", mapping={"caller": "Номер абонента"})
    spec = CallImportSpec(plan.mapping, plan.tz, constants={"callee": "+7 903 765-43-21"})
    items = list(parse_calls(path, plan.fmt, spec))
    assert [i.record.callee for i in items if isinstance(i, ParsedCall)] == ["+79037654321"] * 2


def test_subscriber_detail_uses_the_direction() -> None:
    path = DATA / "operator_detail_title_cp1251.csv"
    plan = plan_import(path, tz="Europe/Moscow", mapping={"caller": "Номер абонента"})
    spec = CallImportSpec(plan.mapping, plan.tz, subscriber="8 903 765-43-21")
    first, second = (i.record for i in parse_calls(path, plan.fmt, spec))  # type: ignore[union-attr]
    assert (first.caller, first.callee, first.direction) == ("+79161234567", "+79037654321", "in")
    assert second.caller == "+79990001172"


def test_subscriber_detail_rows_without_direction(tmp_path: Path) -> None:
    path = tmp_path / "detail.csv"
    path.write_text(
        "Дата;Номер;Тип вызова;Длительность\n"
        "09.10.2025 14:03;+79161234567;Исходящий;10\n"
        "09.10.2025 14:05;+79161234567;SMS;0\n",
        encoding="utf-8",
    )
    plan = plan_import(path, tz="UTC", mapping={"callee": "Номер"})
    spec = CallImportSpec(plan.mapping, plan.tz, subscriber="+79037654321")
    out, bad = list(parse_calls(path, plan.fmt, spec))
    assert isinstance(out, ParsedCall) and out.record.caller == "+79037654321"
    assert isinstance(bad, RejectedRow) and (bad.line, bad.reason) == (3, "no_direction")
    with pytest.raises(ValidationError):
        CallRowReader(plan.fmt, CallImportSpec({"callee": "Номер"}, "UTC", subscriber="+7903"))
