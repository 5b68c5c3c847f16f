"""With `--json` every refusal is one object on stdout, `{"error": {code, message, file,
line}}`, with the usual exit codes and the one-line message on stderr (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def _error(result) -> dict:
    lines = result.out.strip().splitlines()
    assert len(lines) == 1, result.out
    body = json.loads(lines[0])
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "file", "line"}
    assert result.err.startswith("casebook: ") and result.err.count("\n") == 1
    return body["error"]


def test_usage_error_is_json(run_cli) -> None:
    result = run_cli("import", "calls")
    assert result.code == 2
    error = _error(result)
    assert error["code"] == "usage" and "required" in error["message"]


@pytest.mark.parametrize(
    "args",
    [
        ("case", "show", "NOPE-1"),
        ("calls", "list", "NOPE-1"),
        ("analyze", "NOPE-1"),
        ("timeline", "NOPE-1"),
        ("evidence", "list", "NOPE-1"),
    ],
)
def test_unknown_case_is_json_for_every_command(run_cli, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.code == 2
    error = _error(result)
    assert error["code"] == "not_found" and "NOPE-1" in error["message"]
    assert error["file"] is None and error["line"] is None


def test_missing_file_names_the_file(run_cli, tmp_path: Path) -> None:
    case = run_cli("case", "new", "--title", "T", "--region", "MSK", "--tz", "Europe/Moscow")
    missing = tmp_path / "nowhere.csv"
    result = run_cli("import", "calls", case.json()["number"], str(missing))
    assert result.code == 2
    error = _error(result)
    assert error["file"] == str(missing)


def test_success_prints_no_error(run_cli) -> None:
    result = run_cli("case", "list")
    assert result.code == 0 and "error" not in result.json()
