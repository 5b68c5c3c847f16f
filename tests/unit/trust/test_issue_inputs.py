"""The issue's own inputs: a UTF-16 call log is read (not "map the column"), a call dated
9999-12-31 or lasting 99999999999999999999 s is refused with its line, and bad global options
are one line with exit 2."""

from __future__ import annotations

import pytest

HEADER = "start;from;to;duration\n"
ROW = "01.05.2025 10:00:00;+79161234567;+79031234567;60\n"


@pytest.fixture
def case(run_cli):
    result = run_cli("case", "new", "--title", "Т", "--region", "MSK", "--tz", "Europe/Moscow")
    assert result.code == 0, result.err
    return result.json()["number"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_unicode_text_export_is_read(run_cli, case, tmp_path, codec):
    path = tmp_path / "calls.csv"
    data = (HEADER + ROW).encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    result = run_cli("import", "calls", case, str(path))
    assert result.code == 0, result.err
    assert result.json()["imported"] == 1


@pytest.mark.parametrize(
    "row,reason",
    [
        ("31.12.9999 10:00:00;+79161234567;+79031234567;60", "bad_date"),
        ("01.05.1989 10:00:00;+79161234567;+79031234567;60", "bad_date"),
        ("01.05.2025 10:00:00;+79161234567;+79031234567;99999999999999999999", "bad_duration"),
    ],
)
def test_a_hostile_row_is_refused_with_its_line(run_cli, case, tmp_path, row, reason):
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + ROW + row + "\n", encoding="utf-8")
    result = run_cli("import", "calls", case, str(path))
    assert result.code == 0, result.err
    assert result.json()["rejected"] == [{"line": 3, "reason": reason}]
    assert result.json()["imported"] == 1


def test_a_file_of_only_bad_rows_is_refused_naming_the_line(run_cli, case, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + "31.12.9999 10:00:00;+79161234567;+79031234567;60\n", "utf-8")
    result = run_cli("import", "calls", case, str(path))
    assert result.code == 2 and "line 2: bad_date" in result.err
    assert result.json()["error"]["line"] == 2
    assert run_cli("evidence", "list", case).json()["evidence"] == []


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--db-url", "mysql://user@host/db"], "mysql is not supported"),
        (["--db-url", "garbage"], "not a database URL"),
    ],
)
def test_bad_database_urls(run_cli, argv, message):
    result = run_cli(*argv, "case", "list")
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1


def test_a_data_dir_under_a_regular_file(run_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("--data-dir", str(blocker / "data"), "case", "list")
    assert result.code == 2 and "Not a directory" in result.err and "Traceback" not in result.err
