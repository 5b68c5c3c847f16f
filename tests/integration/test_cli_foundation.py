"""The headless CLI end to end: names, JSON keys and exit codes that scripts rely on."""

from __future__ import annotations

import subprocess
import sys


def test_case_party_audit_round_trip(run_cli):
    made = run_cli(
        "case",
        "new",
        "--title",
        "Звонки после доставки",
        "--region",
        "MSK",
        "--tz",
        "Europe/Moscow",
        "--category",
        "repeated_calls",
        "--received",
        "2025-10-02T09:30",
    )
    assert made.code == 0, made.err
    case = made.json()
    assert set(case) == {"id", "number"} and case["number"] == "MSK-2025-0001"

    party = run_cli(
        "party",
        "add",
        case["number"],
        "--role",
        "complainant",
        "--name",
        "Смирнова Ольга",
        "--phone",
        "8 (916) 123-45-67",
    )
    assert party.code == 0 and "id" in party.json()
    courier = run_cli(
        "party",
        "add",
        str(case["id"]),
        "--role",
        "subject",
        "--name",
        "Курьер Петров",
        "--courier-id",
        "CR-1042",
        "--phone",
        "+7 926 555 0101",
    )
    assert courier.code == 0

    listed = run_cli("case", "list", "--search", "СМИРНОВА")
    rows = listed.json()["cases"]
    assert [r["number"] for r in rows] == ["MSK-2025-0001"]
    assert set(rows[0]) >= {"id", "number", "title", "status", "region"}
    assert run_cli("case", "list", "--status", "closed").json()["cases"] == []

    shown = run_cli("case", "show", "MSK-2025-0001")
    text = shown.out
    assert "+7 916 ***-**-67" in text and "1234567" not in text

    verify = run_cli("audit", "verify")
    assert verify.code == 0 and verify.json()["entries"] == 3
    entries = run_cli("audit", "show", "--case", "MSK-2025-0001").json()["entries"]
    assert [e["action"] for e in entries] == ["create", "create", "create"]


def test_bad_input_exits_2_with_one_line(run_cli):
    run_cli("case", "new", "--title", "t", "--region", "MSK", "--tz", "Europe/Moscow")
    cases = [
        ("party", "add", "1", "--role", "witness", "--name", "x", "--phone", "12345"),
        ("party", "add", "MSK-2099-0009", "--role", "witness", "--name", "x"),
        ("case", "new", "--title", "t", "--region", "MSK", "--tz", "Europe/Nowhere"),
        (
            "case",
            "new",
            "--title",
            "t",
            "--region",
            "MSK",
            "--tz",
            "Europe/Moscow",
            "--number",
            "MSK-2026-0001",
        ),
        ("case", "new", "--title", "t"),
        (
            "case",
            "new",
            "--title",
            "t",
            "--region",
            "MSK",
            "--tz",
            "Europe/Moscow",
            "--received",
            "вчера",
        ),
    ]
    for args in cases:
        result = run_cli(*args)
        assert result.code == 2, (args, result.out, result.err)
        assert result.err.count("\n") == 1 and result.err.startswith("casebook:"), result.err
        assert "Traceback" not in result.err
    assert len(run_cli("case", "list").json()["cases"]) == 1


def test_version_and_selftest_subprocess(data_dir):
    out = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("Casebook ")


def test_services_do_not_load_qt():
    code = (
        "import sys, app.services.core.cases, app.services.core.parties, "
        "app.services.core.records, app.services.core.audit, app.cli; "
        "app.cli.build_parser(); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unreachable_database_server_is_one_line(run_cli):
    result = run_cli("case", "list", db_url="postgresql+psycopg://casebook@127.0.0.1:1/casebook")
    assert result.code == 2
    assert "cannot connect to the database server" in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
