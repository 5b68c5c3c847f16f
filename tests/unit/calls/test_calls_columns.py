"""The column-wise reader of bulk imports gives exactly what the row reader gives: the same
values, the same rejections (line, reason, cell) and the same set of numbers, on every
third-party sample file and on generated files full of odd and bad rows."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from app.domain.calls.records import CallColumns, epoch_us
from app.ingest.calls import (
    CallImportSpec,
    CallRowReader,
    ParsedCall,
    RejectedRow,
    parse_calls,
)
from app.ingest.calls_columns import CallColumnReader
from app.ingest.plan import plan_import
from app.ingest.tabular import iter_rows

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"
SAMPLES = sorted(
    p.name for p in DATA.iterdir() if p.suffix in (".csv", ".tsv") and "orders" not in p.name
)
# Files that need a word from the user: a subscriber's detail lists the other party only.
PLAN_OPTIONS: dict[str, dict[str, object]] = {
    "operator_detail_title_cp1251.csv": {"mapping": {"caller": "Номер абонента"}},
}
SUBSCRIBER = {
    "operator_detail_title_cp1251.csv": "8 903 765-43-21",
    "android_calllog.csv": "+7 903 765-43-21",
}

Row = tuple[object, ...]


def spec_for(path: Path, **options: object) -> tuple[CallRowReader, CallRowReader]:
    """Two fresh readers (row, column) of `path` planned as the import plans it."""
    tz = str(options.pop("tz", "Europe/Moscow"))
    plan = plan_import(path, tz=tz, **PLAN_OPTIONS.get(path.name, {}))  # type: ignore[arg-type]
    preset = plan.preset
    spec = CallImportSpec(
        plan.mapping,
        plan.tz,
        constants=plan.constants,
        subscriber=SUBSCRIBER.get(path.name),
        fallbacks=preset.fallbacks if preset else {},
        codes=preset.codes if preset else {},
        swap_outbound=preset.swap_outbound if preset else False,
        **options,  # type: ignore[arg-type]
    )
    return CallRowReader(plan.fmt, spec), CallRowReader(plan.fmt, spec)


def by_rows(path: Path, reader: CallRowReader) -> tuple[list[Row], list[Row]]:
    calls, rejected = [], []
    for line, cells in iter_rows(path, reader.fmt):
        item = reader.read(line, cells)
        if isinstance(item, ParsedCall):
            r = item.record
            calls.append((
                r.line, epoch_us(r.start_utc), r.duration_s, r.caller, r.caller_raw, r.callee,
                r.callee_raw, r.virtual, r.virtual_raw, r.direction, r.status, r.order_number,
                r.call_id,
            ))  # fmt: skip
        else:
            rejected.append((item.line, item.reason, item.detail))
    return calls, rejected


def as_rows(columns: CallColumns) -> list[Row]:
    c = columns
    return list(zip(
        c.line, c.start_us, c.duration_s, c.caller, c.caller_raw, c.callee, c.callee_raw,
        c.virtual, c.virtual_raw, c.direction, c.status, c.order_number, c.call_id, strict=True,
    ))  # fmt: skip


def by_columns(
    path: Path, reader: CallRowReader, size: int, whole: int | None = None
) -> tuple[list[Row], list[Row]]:
    """`whole`: how many rows the column reader may leave to the row reader (None: any)."""
    columns_reader = CallColumnReader(reader)
    calls: list[Row] = []
    rejected: list[Row] = []
    rows = iter_rows(path, reader.fmt)
    while batch := list(islice(rows, size)):
        columns, refused = columns_reader.read_batch(batch)
        calls += as_rows(columns)
        rejected += [(r.line, r.reason, r.detail) for r in refused]
    assert whole is None or columns_reader.rows_read_whole == whole
    return calls, rejected


def assert_same(
    path: Path, size: int = 7, whole: int | None = None, **options: object
) -> tuple[list[Row], list[Row]]:
    row_reader, column_reader = spec_for(path, **options)
    expected = by_rows(path, row_reader)
    assert by_columns(path, column_reader, size, whole) == expected
    assert column_reader.numbers_seen == row_reader.numbers_seen
    return expected


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_file_reads_the_same(name: str) -> None:
    calls, _rejected = assert_same(DATA / name)
    assert calls  # every sample holds calls


def test_odd_and_bad_rows_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(
        "Дата;Кто звонил;Кому звонили;Виртуальный номер;Длительность;Статус;Направление\n"
        "01.09.2025 08:00:01;+7 (916) 123-45-67;89031234567;;00:01:05;Отвечен;Исходящий\n"
        "01.09.2025 08:00:59;+79161234567;;;65;;\n"  # no callee
        ";+79161234567;89031234567;;65;;\n"  # no start
        "31.02.2025 08:00:01;+79161234567;89031234567;;65;;\n"  # no such date
        "01.09.2025 08:00:61;+79161234567;89031234567;;65;;\n"  # no such second
        "01.09.2025 08:01;+79161234567;89031234567;;1:05;;\n"  # no seconds at all
        "01.09.2025 08:02:03.250;+79161234567;89031234567;;12.6;;\n"  # a fraction
        "01.09.2025 08:02:03;;89031234567;;5;;\n"  # no caller
        "01.09.2025 08:02:04;+79161234567;89031234567;;abc;;\n"  # bad duration
        "01.09.2025 08:02:05;+79161234567\n"  # short row
        "01.09.2025 08:02:06;0611;89031234567;+74951000000;0;Не отвечен;Входящий;extra\n"
        '01.09.2025 08:02:07;"+7 916\n123-45-67";89031234567;;0;;\n'  # a cell over two lines
        "  01.09.2025 08:02:08 ; 8 916 123 45 67 ;7903 123 45 67; ; 00:00:00 ;;\n",
        encoding="utf-8",
    )
    for size in (1, 3, 100):
        calls, rejected = assert_same(path, size)
    assert [r[1] for r in rejected] == [
        "empty_callee", "no_start", "bad_date", "bad_date", "empty_caller", "bad_duration",
        "short_row",
    ]  # fmt: skip
    assert len(calls) == 6


def test_end_times_instead_of_durations(tmp_path: Path) -> None:
    path = tmp_path / "ends.csv"
    path.write_text(
        "start,end,src,dst\n"
        "2025-03-30 00:59:58,2025-03-30 01:00:03,+4915112345678,+4915187654321\n"
        "2025-03-30 01:59:59,2025-03-30 03:00:01,+4915112345678,+4915187654321\n"  # DST
        "2025-03-30 02:10:00,2025-03-30 02:00:00,+4915112345678,+4915187654321\n"  # ends first
        "2025-03-30 04:00:00,,+4915112345678,+4915187654321\n"  # no end: 0 s
        "2025-03-30 04:00:00,garbage,+4915112345678,+4915187654321\n",
        encoding="utf-8",
    )
    calls, rejected = assert_same(path, 2, tz="Europe/Berlin", region="DE")
    assert [c[2] for c in calls] == [5, 2, 0]
    assert [r[1] for r in rejected] == ["bad_duration", "bad_date"]


def test_epoch_and_iso_times(tmp_path: Path) -> None:
    path = tmp_path / "epoch.csv"
    path.write_text(
        "time,from,to,seconds\n1756702801,+79161234567,+79031234567,3\n"
        "1756702801.5,+79161234567,+79031234567,4\n12,+79161234567,+79031234567,4\n",
        encoding="utf-8",
    )
    assert_same(path)
    iso = tmp_path / "iso.csv"
    iso.write_text(
        "time,from,to,seconds\n2025-09-01T08:00:01Z,+79161234567,+79031234567,3\n"
        "2025-09-01T08:00:01+03:00,+79161234567,+79031234567,4\n"
        "2025-09-01 08:00:01.123456,+79161234567,+79031234567,4\n",
        encoding="utf-8",
    )
    assert_same(iso)


def test_rejected_rows_numbers_stay_out_of_the_case_index(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "Дата;Кто звонил;Кому звонили;Длительность\n"
        "01.09.2025 08:00:01;+79161234567;89031234567;5\n"
        "31.02.2025 08:00:01;+79160000001;89030000001;5\n",
        encoding="utf-8",
    )
    assert_same(path)
    _rows, columns = spec_for(path)
    CallColumnReader(columns).read_batch(list(iter_rows(path, columns.fmt)))
    assert "+79160000001" not in columns.numbers_seen
    assert isinstance(columns.read(3, ["31.02.2025 08:00:01", "1", "2", "5"]), RejectedRow)


def test_a_clean_export_is_read_column_wise(tmp_path: Path) -> None:
    """The benchmark's export (four ways of writing numbers, `HH:MM:SS` durations): no row
    goes to the row reader, and the dedupe keys are the row path's."""
    from bench.calls_callgen import write_export

    from app.services.calls.importing import dedupe_key, dedupe_keys

    path = write_export(tmp_path / "export.csv", 3_000)
    calls, rejected = assert_same(path, 1_000, whole=0)
    assert len(calls) == 3_000 and not rejected
    _rows, reader = spec_for(path)
    columns, _refused = CallColumnReader(reader).read_batch(list(iter_rows(path, reader.fmt)))
    records = [i.record for i in parse_calls(path, reader.fmt, reader_spec(path))]
    assert dedupe_keys(columns) == [dedupe_key(r) for r in records]


def reader_spec(path: Path) -> CallImportSpec:
    plan = plan_import(path, tz="Europe/Moscow")
    return CallImportSpec(plan.mapping, plan.tz)


def test_the_collector_is_put_back_as_it_was() -> None:
    import gc

    from app.domain.collector import paused_gc

    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
