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
