"""`casebook case list`: a page at a time by key (`--after`), the total with every page."""

from __future__ import annotations


def test_case_list_pages_by_key(run_cli):
    for day in range(1, 6):
        made = run_cli(
            "case", "new", "--title", f"Жалоба {day}", "--region", "MSK",
            "--tz", "Europe/Moscow", "--received", f"2025-10-0{day}T09:30",
        )  # fmt: skip
        assert made.code == 0, made.err
    first = run_cli("case", "list", "--limit", "2").json()
    assert first["total"] == 5
    assert [c["title"] for c in first["cases"]] == ["Жалоба 5", "Жалоба 4"]
    after = first["cases"][-1]["number"]
    second = run_cli("case", "list", "--limit", "2", "--after", after).json()
    assert second["total"] == 5
    assert [c["title"] for c in second["cases"]] == ["Жалоба 3", "Жалоба 2"]
    last = run_cli("case", "list", "--limit", "2", "--after", second["cases"][-1]["number"])
    assert [c["title"] for c in last.json()["cases"]] == ["Жалоба 1"]
    unknown = run_cli("case", "list", "--after", "MSK-2099-0001")
    assert unknown.code == 2 and "MSK-2099-0001" in unknown.err


def _human(data_dir, *args: str) -> str:
    """The command's text output for people (no --json)."""
    import contextlib
    import io

    from app.__main__ import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--data-dir", str(data_dir), *args]) == 0
    return out.getvalue()


def test_human_output_names_codes_in_the_vocabulary(run_cli, data_dir, monkeypatch):
    """Text for people reads the vocabulary's names in the user's language; --json keeps the
    codes scripts rely on."""
    made = run_cli(
        "case", "new", "--title", "Звонки", "--region", "MSK", "--tz", "Europe/Moscow",
        "--category", "repeated_calls", "--source", "support_ticket",
    ).json()  # fmt: skip
    party = run_cli(
        "party", "add", made["number"], "--role", "subject", "--name", "Курьер Петров",
        "--courier-id", "CR-1042",
    )  # fmt: skip
    assert party.code == 0, party.err
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    shown = _human(data_dir, "case", "show", made["number"])
    for text in (
        "Новое",
        "Звонки с разных номеров",
        "Обращение в поддержку",
        "Курьер (проверяемый)",
    ):
        assert text in shown, shown
    assert "repeated_calls" not in shown and "support_ticket" not in shown
    audit = _human(data_dir, "audit", "show", "--case", made["number"])
    assert "action=Создание" in audit or "Создан" in audit, audit
    monkeypatch.setenv("LANG", "C.UTF-8")
    listed = _human(data_dir, "case", "list")
    assert "status=New" in listed and "category=Calls from different numbers" in listed
    assert run_cli("case", "list").json()["cases"][0]["status"] == "new"  # JSON: the code
