"""Importing call logs through the service, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.errors import Duplicate, ValidationError
from app.domain.progress import Cancelled
from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls, write_rejections
from app.services.calls.intake import preview_calls
from app.services.calls.query import list_batches
from app.services.core import cases
from app.services.core.evidence_files import list_evidence
from app.storage.models.calls import CallBatchRow, CallRow

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


def new_case(ctx) -> int:
    return cases.create_case(
        ctx, cases.CaseInput(title="Звонки после доставки", region="MSK", tz="Europe/Moscow")
    ).id


def count_calls(ctx, case_id: int) -> int:
    with ctx.session() as session:
        return session.scalar(select(func.count()).where(CallRow.case_id == case_id))


def test_import_cp1251_export(ctx) -> None:
    case_id = new_case(ctx)
    result = import_calls(ctx, case_id, DATA / "ru_vpbx_cp1251.csv")
    assert (result.imported, result.duplicates) == (4, 0)
    assert [(r.line, r.reason) for r in result.rejected] == [
        (5, "bad_date"),
        (6, "empty_caller"),
        (7, "bad_duration"),
    ]
    assert result.tz == "Europe/Moscow"  # the case's zone, the file says none
    [evidence] = list_evidence(ctx, case_id)
    assert evidence.kind == "calllog" and evidence.sha256 == result.sha256
    with ctx.session() as session:
        rows = session.scalars(select(CallRow).order_by(CallRow.line)).all()
        assert [r.line for r in rows] == [2, 3, 4, 8]
        assert rows[0].caller == "+79161234567" and rows[0].caller_raw == "+7 (916) 123-45-67"
        assert rows[0].start_utc.isoformat() == "2025-10-09T11:03:11+00:00"
        batch = session.get(CallBatchRow, result.batch_id)
        assert (batch.imported, batch.rejected, batch.evidence_id) == (4, 3, evidence.id)
    [info] = list_batches(ctx, case_id)
    assert (info.original_name, info.sha256, info.imported) == (
        "ru_vpbx_cp1251.csv",
        result.sha256,
        4,
    )
    assert info.options["encoding"] == "cp1251" and result.rejected_total == 3


def test_same_file_twice_is_refused(ctx, tmp_path: Path) -> None:
    case_id = new_case(ctx)
    import_calls(ctx, case_id, DATA / "utf8_bom.csv")
    copy = tmp_path / "renamed.csv"
    shutil.copy(DATA / "utf8_bom.csv", copy)
    with pytest.raises(Duplicate):
        import_calls(ctx, case_id, copy)
    assert count_calls(ctx, case_id) == 3


def test_overlapping_exports_do_not_double(ctx, tmp_path: Path) -> None:
    case_id = new_case(ctx)
    lines = (DATA / "utf8_bom.csv").read_bytes().decode("utf-8-sig").splitlines()
    first = tmp_path / "a.csv"
    second = tmp_path / "b.csv"
    first.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    second.write_text("\n".join([lines[0], *lines[2:]]) + "\n", encoding="utf-8")
    assert import_calls(ctx, case_id, first).imported == 2
    again = import_calls(ctx, case_id, second)
    assert (again.imported, again.duplicates) == (1, 1)
    assert count_calls(ctx, case_id) == 3


class CancelAfter:
    def __init__(self, reports: int) -> None:
        self.left = reports

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        self.left -= 1

    def cancelled(self) -> bool:
        return self.left <= 0


def test_cancel_rolls_everything_back(ctx, tmp_path: Path) -> None:
    case_id = new_case(ctx)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("start_utc;caller;callee;duration\n")
        for i in range(12_000):
            out.write(f"{1760000000 + i * 60};+7916{i % 9000000:07d};+79037654321;{i % 300}\n")
    with pytest.raises(Cancelled):
        import_calls(ctx, case_id, path, progress=CancelAfter(2))
    assert count_calls(ctx, case_id) == 0
    assert list_evidence(ctx, case_id) == []
    result = import_calls(ctx, case_id, path)  # not refused: nothing of the first try stayed
    assert result.imported == 12_000


def test_headerless_freeswitch_with_preset_and_tz(ctx) -> None:
    case_id = new_case(ctx)
    options = ImportOptions(preset="freeswitch-csv", tz="Asia/Yekaterinburg")
    result = import_calls(ctx, case_id, DATA / "freeswitch_cdr.csv", options)
    assert result.imported == 3 and result.tz == "Asia/Yekaterinburg"
    with ctx.session() as session:
        first = session.scalar(select(CallRow).where(CallRow.line == 1))
        assert first.start_utc.hour == 9  # 14:03 at UTC+5


def test_bad_mapping_is_refused_before_anything_is_stored(ctx) -> None:
    case_id = new_case(ctx)
    with pytest.raises(ValidationError):
        import_calls(ctx, case_id, DATA / "utf8_bom.csv", ImportOptions(mapping={"caller": "X"}))
    assert list_evidence(ctx, case_id) == []


def test_preview_masks_and_reports_problems(ctx) -> None:
    preview = preview_calls(ctx, DATA / "ru_vpbx_cp1251.csv", ImportOptions(), "Europe/Moscow")
    assert preview.error is None and preview.encoding == "cp1251"
    assert preview.rows[0].caller == "+7 916 ***-**-67"
    assert "+7 (916) 123-45-67" not in str(preview.sample)
    assert [r.reason for r in preview.rows if r.reason] == [
        "bad_date",
        "empty_caller",
        "bad_duration",
    ]
    no_zone = preview_calls(ctx, DATA / "ru_vpbx_cp1251.csv", ImportOptions())
    assert no_zone.error_field == "tz" and no_zone.rows == []


def test_rejection_report(ctx, tmp_path: Path) -> None:
    result = import_calls(ctx, new_case(ctx), DATA / "ru_vpbx_cp1251.csv")
    report = write_rejections(result.rejected, tmp_path / "rejected.csv")
    text = report.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "line;reason;detail" and text[1].startswith("5;bad_date;31.02.2025")


def test_xlsx_export(ctx, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Начало", "Номер звонящего", "Номер вызываемого", "Продолжительность"])
    sheet.append([datetime(2025, 10, 9, 14, 3, 11), "+79161234567", 89037654321, "00:01:05"])
    sheet.append([datetime(2025, 10, 9, 14, 5, 0), "+79037654321", 79161234567, "00:00:07"])
    path = tmp_path / "operator.xlsx"
    book.save(path)
    result = import_calls(ctx, new_case(ctx), path)
    assert (result.imported, result.rejected) == (2, [])
    with ctx.session() as session:
        durations = sorted(session.scalars(select(CallRow.duration_s)))
    assert durations == [7, 65]


def test_same_call_written_differently_is_one_call(ctx, tmp_path: Path) -> None:
    """A platform export (Moscow time, `8 …` numbers) and a UTC export of the same call."""
    case_id = new_case(ctx)
    local = tmp_path / "platform.csv"
    local.write_bytes(
        "Дата и время;Кто звонил;Кому звонили;Длительность\r\n"
        "09.10.2025 14:03:11;8 916 123-45-67;8 (903) 765-43-21;00:01:05\r\n".encode("cp1251")
    )
    utc = tmp_path / "operator.csv"
    utc.write_text(
        "start_utc,from,to,duration\n2025-10-09T11:03:11Z,+79161234567,79037654321,65\n",
        encoding="utf-8",
    )
    assert import_calls(ctx, case_id, local).imported == 1
    second = import_calls(ctx, case_id, utc)
    assert (second.imported, second.duplicates) == (0, 1)


def _call_indexes(ctx) -> set[str]:
    import sqlite3

    with sqlite3.connect(ctx.engine.url.database) as db:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='calls'")
        return {name for (name,) in rows if name.startswith("ix_")}


def _write_log(path: Path, rows: int, first: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("start_utc;caller;callee;duration\n")
        for i in range(first, first + rows):
            out.write(f"{1760000000 + i * 60};+7916{i % 97:07d};+7903{i % 13:07d};{i % 300}\n")
    return path


def test_a_large_first_import_builds_the_indexes_after_the_rows(
    sqlite_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import at least as large as the table drops the secondary indexes and builds them
    after the rows, in the same transaction; cancelled, it leaves them as they were."""
    from app.storage.repositories import calls as repo

    ctx = sqlite_ctx
    monkeypatch.setattr(repo, "DEFER_INDEXES_FROM", 1_000)
    every = _call_indexes(ctx)
    assert len(every) == 5
    case_id = new_case(ctx)
    big = _write_log(tmp_path / "big.csv", 12_000)
    with pytest.raises(Cancelled):
        import_calls(ctx, case_id, big, progress=CancelAfter(2))
    assert _call_indexes(ctx) == every and count_calls(ctx, case_id) == 0
    assert import_calls(ctx, case_id, big).imported == 12_000
    assert _call_indexes(ctx) == every
    # a later, smaller import goes into the indexes as they are; duplicates still skipped
    more = _write_log(tmp_path / "more.csv", 2_000, first=11_000)
    again = import_calls(ctx, case_id, more)
    assert (again.imported, again.duplicates) == (1_000, 1_000)
    assert count_calls(ctx, case_id) == 13_000
    with ctx.session() as session:
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM calls WHERE case_id = 1 AND callee = 'x'"
        )
        assert "ix_calls_case_callee_start" in " ".join(str(row) for row in plan)


def test_a_large_import_on_postgresql_is_vacuumed_after_it_commits(ctx, tmp_path: Path) -> None:
    """The visibility map of the new rows is set at once (index-only scans skip the table);
    SQLite has nothing to do."""
    from app.storage.repositories import calls as repo

    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Большой журнал", region="MSK", tz="Europe/Moscow")
    ).id
    path = tmp_path / "calls.csv"
    path.write_text(
        "Дата;Кто звонил;Кому звонили;Длительность\n09.10.2025 14:03:11;+79161234567;"
        "+79037654321;65\n",
        encoding="utf-8",
    )
    import_calls(ctx, case_id, path)
    ran = repo.settle_after_bulk_import(ctx.engine)
    assert ran == (ctx.engine.dialect.name == "postgresql")
    if ran:
        with ctx.engine.connect() as connection:
            vacuumed = connection.exec_driver_sql(
                "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'calls'"
            ).scalar()
        assert vacuumed
