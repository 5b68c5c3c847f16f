"""The analysis of a case is kept in the database (`call_analyses`): another process (a CLI
dossier export, a second GUI session) reuses it without running the detectors, until the
case's calls, thresholds, party phones or orders change. What is kept holds masked numbers
only; on an office server it is read with the case's rights and a reader who may not write
still gets the findings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from office_support import office  # noqa: F401  # the office server fixture

from app.domain.calls.findings import Thresholds
from app.services.calls import analysis
from app.services.calls.importing import import_calls
from app.services.core import cases, parties
from app.services.core.bootstrap import close_context

START = datetime(2025, 10, 9, 18, tzinfo=UTC)
COMPLAINANT = "+79261110000"
COURIER = "+79161234567"
STRANGERS = [f"+7903555{i:04d}" for i in range(1, 5)]


def _log(path: Path, day: int = 0) -> Path:
    """The courier calls the complainant, then unknown numbers call her in a burst at night."""
    base = START + timedelta(days=day)
    rows = [(base, COURIER, COMPLAINANT, 40)]
    for i, number in enumerate(STRANGERS):
        rows.append((base + timedelta(hours=4, minutes=i), number, COMPLAINANT, 10))
    rows += [(base + timedelta(hours=5, minutes=i), STRANGERS[0], COMPLAINANT, 0) for i in range(5)]
    lines = ["Дата и время (UTC);Кто звонил;Кому звонили;Длительность"]
    lines += [f"{t:%d.%m.%Y %H:%M:%S};{a};{b};{s}" for t, a, b, s in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _case(ctx: Any, tmp_path: Path) -> int:
    case_id = int(
        cases.create_case(
            ctx, cases.CaseInput(title="Ночные звонки", region="MSK", tz="Europe/Moscow")
        ).id
    )
    for role, name, phone, courier in (
        ("complainant", "Анна Смирнова", COMPLAINANT, None),
        ("subject", "Курьер", COURIER, "C-1001"),
    ):
        parties.add_party(
            ctx,
            case_id,
            parties.PartyInput(role=role, name=name, phones=(phone,), courier_id=courier),
        )
    import_calls(ctx, case_id, _log(tmp_path / "first.csv"))
    return case_id


class Detections:
    """Counts the runs of the detectors (`analysis._detect`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runs = 0
        real = analysis._detect

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.runs += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(analysis, "_detect", counted)


def _another_process() -> None:
    """A new process has none of this one's memory."""
    analysis._CACHE.clear()


def _kept(ctx: Any, case_id: int) -> tuple[str, list[dict[str, Any]]] | None:
    from app.storage.repositories import calls as repo

    with ctx.session() as session:
        return repo.kept_analysis(session, case_id)


def test_kept_until_calls_thresholds_or_phones_change(ctx, tmp_path, monkeypatch) -> None:
    case_id = _case(ctx, tmp_path)
    runs = Detections(monkeypatch)
    first = analysis.analyze(ctx, case_id)
    kinds = {f.kind for f in first}
    assert {"multiple_numbers", "call_burst", "night_contact"} <= kinds
    assert runs.runs == 1
    kept = _kept(ctx, case_id)
    assert kept is not None and len(kept[1]) == len(first)
    text = json.dumps(kept[1], ensure_ascii=False)
    for number in (COMPLAINANT, COURIER, *STRANGERS):
        assert number not in text and number[1:] not in text  # masked numbers only
    assert "***" in text

    _another_process()
    again = analysis.analyze(ctx, case_id)
    assert again == first and runs.runs == 1  # worded again from what was kept

    analysis.set_thresholds(ctx, case_id, Thresholds(burst_min_calls=6))
    _another_process()
    fewer = analysis.analyze(ctx, case_id)
    assert runs.runs == 2 and "call_burst" not in {f.kind for f in fewer}
    analysis.analyze(ctx, case_id)
    assert runs.runs == 2

    import_calls(ctx, case_id, _log(tmp_path / "second.csv", day=3))
    _another_process()
    more = analysis.analyze(ctx, case_id)
    assert runs.runs == 3 and len(more) > len(fewer)

    parties.add_party(
        ctx, case_id, parties.PartyInput(role="witness", name="Сосед", phones=(STRANGERS[1],))
    )
    _another_process()
    analysis.analyze(ctx, case_id)
    assert runs.runs == 4  # a number now has an owner: the findings may differ


def test_an_older_detector_version_is_not_reused(sqlite_ctx, tmp_path, monkeypatch) -> None:
    case_id = _case(sqlite_ctx, tmp_path)
    runs = Detections(monkeypatch)
    analysis.analyze(sqlite_ctx, case_id)
    monkeypatch.setattr(analysis, "ANALYSIS_VERSION", analysis.ANALYSIS_VERSION + 1)
    _another_process()
    analysis.analyze(sqlite_ctx, case_id)
    assert runs.runs == 2


@pytest.mark.postgres
def test_on_an_office_server_the_kept_analysis_follows_the_case_rights(
    office,  # noqa: F811
    tmp_path,
    monkeypatch,
) -> None:
    investigator = office.context("inv_a", tmp_path / "a")
    auditor = office.context("aud", tmp_path / "b")
    try:
        case_id = _case(investigator, tmp_path)
        runs = Detections(monkeypatch)
        found = analysis.analyze(investigator, case_id)
        assert found and runs.runs == 1
        _another_process()
        assert analysis.analyze(auditor, case_id) == found and runs.runs == 1
        # stored as any reader sees it: masked numbers, no raw one
        (stored,) = office.sql("aud", "SELECT findings::text FROM call_analyses")
        assert "***" in stored[0] and all(n[1:] not in stored[0] for n in (COURIER, COMPLAINANT))
        # another region's investigator does not see the case, nor its analysis
        assert office.sql("inv_b", "SELECT count(*) FROM call_analyses") == [(0,)]
        # a reader who may not write still gets fresh findings; what is kept stays
        analysis.set_thresholds(investigator, case_id, Thresholds(burst_min_calls=6))
        _another_process()
        fresh = analysis.analyze(auditor, case_id)
        assert runs.runs == 2 and "call_burst" not in {f.kind for f in fresh}
        assert office.sql("aud", "SELECT findings::text FROM call_analyses") == [stored]
    finally:
        close_context(investigator)
        close_context(auditor)


def test_a_job_that_may_not_write_keeps_nothing(sqlite_ctx, tmp_path) -> None:
    """The GUI's CPU pool: the findings come back, the database is left to the lane."""
    from app.services.core import lanes

    case_id = _case(sqlite_ctx, tmp_path)
    with lanes.running_on("cpu"):
        found = analysis.analyze(sqlite_ctx, case_id)
    assert found and _kept(sqlite_ctx, case_id) is None
    _another_process()
    with lanes.running_on(lanes.WRITER):
        assert analysis.analyze(sqlite_ctx, case_id) == found
    assert _kept(sqlite_ctx, case_id) is not None
