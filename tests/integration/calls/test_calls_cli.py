"""`casebook import calls|orders`, `order add`, `calls list`, `analyze` end to end."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"
COURIER, CUSTOMER, VIRTUAL = "+79161234567", "+79037654321", "+74951112233"

# Moscow time. The order is delivered at 14:25; the masked calls before are the delivery.
PLANTED = """Дата и время;Кто звонил;Кому звонили;Виртуальный номер;Длительность;Номер заказа
09.10.2025 14:03:11;+79161234567;+79037654321;+74951112233;00:01:05;ORD-1001
09.10.2025 14:10:00;+79037654321;+79161234567;+74951112233;00:00:20;ORD-1001
09.10.2025 19:40:00;+79161234567;+79037654321;;00:02:00;
09.10.2025 20:00:00;+79261110001;+79037654321;;00:00:10;
09.10.2025 20:30:00;+79261110002;+79037654321;;00:00:00;
10.10.2025 01:10:00;+79261110003;+79037654321;;00:00:00;
10.10.2025 01:15:00;+79261110002;+79037654321;;00:00:00;
10.10.2025 01:20:00;+79261110002;+79037654321;;00:00:00;
10.10.2025 01:30:00;+79261110002;+79037654321;;00:00:00;
"""


def setup_case(run_cli, tmp_path: Path) -> tuple[str, Path]:
    case = run_cli("case", "new", "--title", "Звонки", "--region", "MSK", "--tz", "Europe/Moscow")
    assert case.code == 0, case.err
    number = case.json()["number"]
    assert run_cli("party", "add", number, "--role", "complainant", "--name", "Иванова Мария",
                   "--phone", CUSTOMER).code == 0  # fmt: skip
    assert run_cli("party", "add", number, "--role", "subject", "--name", "Петров Иван",
                   "--courier-id", "C-7781", "--phone", COURIER).code == 0  # fmt: skip
    path = tmp_path / "planted.csv"
    path.write_bytes(PLANTED.replace("\n", "\r\n").encode("cp1251"))
    return number, path


def test_cli_end_to_end(run_cli, tmp_path: Path) -> None:
    number, path = setup_case(run_cli, tmp_path)
    order = run_cli("order", "add", number, "--number", "ORD-1001", "--courier", "C-7781",
                    "--customer", "иванова мария", "--assigned-at", "2025-10-09T13:00:00",
                    "--delivered-at", "2025-10-09T14:25:00")  # fmt: skip
    assert order.code == 0, order.err
    assert [e["kind"] for e in order.json()["events"]] == ["assigned", "delivered"]

    imported = run_cli("import", "calls", number, str(path))
    assert imported.code == 0, imported.err
    body = imported.json()
    assert set(body) == {"batch_id", "imported", "duplicates", "rejected", "recognition"}
    assert (body["imported"], body["duplicates"], body["rejected"]) == (9, 0, [])

    again = run_cli("import", "calls", number, str(path))
    assert again.code == 2 and "already imported" in again.err

    listed = run_cli("calls", "list", number, "--number", "1234567")
    assert listed.code == 0
    calls = listed.json()["calls"]
    assert len(calls) == 3
    assert set(calls[0]) == {"id", "start_utc", "duration_s", "caller", "callee",
                             "virtual_number", "direction", "status"}  # fmt: skip
    assert (
        calls[0]["caller"] == "+7 916 ***-**-67" and calls[0]["start_utc"] == "2025-10-09T11:03:11Z"
    )
    assert COURIER not in listed.out

    refused = run_cli("calls", "list", number, "--reveal")
    assert refused.code == 2
    revealed = run_cli("calls", "list", number, "--number", "1234567", "--reveal",
                       "--reason", "проверка по жалобе")  # fmt: skip
    assert revealed.json()["calls"][0]["caller"] == "+7 916 123-45-67"
    entries = run_cli("audit", "show", "--case", number).json()["entries"]
    reveal = next(e for e in entries if e["action"] == "reveal")
    assert "проверка по жалобе" in str(reveal) and COURIER not in str(entries)
    assert run_cli("audit", "verify").code == 0

    findings = run_cli("analyze", number).json()["findings"]
    kinds = {f["kind"] for f in findings}
    assert kinds == {"after_delivery_contact", "masking_bypass", "multiple_numbers",
                     "night_contact", "call_burst"}  # fmt: skip
    bypass = next(f for f in findings if f["kind"] == "masking_bypass")
    assert set(bypass) == {"kind", "severity", "call_ids", "start_utc", "end_utc", "explanation"}
    assert len(bypass["call_ids"]) == 1 and "обход" in bypass["explanation"]
    english = run_cli("analyze", number, "--lang", "en").json()["findings"]
    assert any("bypassing" in f["explanation"] for f in english)


def test_cli_clean_delivery_has_no_findings(run_cli, tmp_path: Path) -> None:
    number, _ = setup_case(run_cli, tmp_path)
    run_cli("order", "add", number, "--number", "ORD-1001", "--assigned-at",
            "2025-10-09T13:00:00", "--delivered-at", "2025-10-09T14:25:00")  # fmt: skip
    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join(PLANTED.splitlines()[:3]) + "\n", encoding="utf-8")
    assert run_cli("import", "calls", number, str(clean)).json()["imported"] == 2
    assert run_cli("analyze", number).json() == {"findings": []}


def test_cli_import_options_and_errors(run_cli, tmp_path: Path) -> None:
    number, _ = setup_case(run_cli, tmp_path)
    fs = run_cli("import", "calls", number, str(DATA / "freeswitch_cdr.csv"), "--no-header",
                 "--map", "caller=2,callee=3,start=5,duration=9", "--tz", "Europe/Moscow",
                 "--delimiter", ",")  # fmt: skip
    assert fs.code == 0 and fs.json()["imported"] == 3
    bad = run_cli(
        "import", "calls", number, str(DATA / "ru_vpbx_cp1251.csv"), "--encoding", "cp1251"
    )
    assert [r["reason"] for r in bad.json()["rejected"]] == [
        "bad_date",
        "empty_caller",
        "bad_duration",
    ]
    missing = run_cli("import", "calls", number, str(tmp_path / "nope.csv"))
    assert missing.code == 2 and "nope.csv" in missing.err
    junk = tmp_path / "junk.csv"
    junk.write_text("just some words\nand more words\n", encoding="utf-8")
    unreadable = run_cli("import", "calls", number, str(junk))
    assert unreadable.code == 2
    assert run_cli("import", "calls", number, str(junk), "--map", "colour=1").code == 2
    assert run_cli("import", "calls", number, str(junk), "--preset", "nope").code == 2


def test_cli_import_orders(run_cli, tmp_path: Path) -> None:
    number, _ = setup_case(run_cli, tmp_path)
    result = run_cli("import", "orders", number, str(DATA / "orders_ru_cp1251.csv"))
    assert result.code == 0, result.err
    body = result.json()
    # ORD-1002 is dated 31.02: that row is reported, ORD-1001 comes in with its three events
    assert (body["created"], body["updated"], body["events"]) == (1, 0, 3)
    assert body["rejected"] == [{"line": 3, "reason": "bad_date"}]
    assert body["unmatched_parties"] == []  # "Иванова Мария" and courier ID C-7781 matched
    again = run_cli("import", "orders", number, str(DATA / "orders_ru_cp1251.csv"))
    assert again.json()["events"] == 0


def test_cli_operator_detail_of_the_complainant(run_cli, tmp_path: Path) -> None:
    number, _ = setup_case(run_cli, tmp_path)
    result = run_cli("import", "calls", number, str(DATA / "operator_detail_title_cp1251.csv"),
                     "--subscriber", CUSTOMER, "--map", "caller=Номер абонента")  # fmt: skip
    assert result.code == 0, result.err
    assert (result.json()["imported"], result.json()["rejected"]) == (2, [])
    findings = run_cli("analyze", number).json()["findings"]
    # the courier's real number called her directly; an unknown number called at 00:40
    assert {f["kind"] for f in findings} == {"masking_bypass", "night_contact"}
