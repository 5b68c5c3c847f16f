"""Retention and destruction on a workstation (SQLite and PostgreSQL without accounts): due
cases, plan, confirm, carry out; shared blobs kept, others erased; the audit chain stays
verifiable; the act PDF read back."""

from __future__ import annotations

import io
from datetime import timedelta

import pypdf
import pytest

from app.domain import timeutil
from app.domain.errors import ValidationError
from app.services.core import audit, cases, parties
from app.services.core.evidence_files import add_evidence
from app.services.office import decisions, destruction, retention


def _closed_case(ctx, title, measure, files):
    case = cases.create_case(ctx, cases.CaseInput(title=title, region="MSK", tz="Europe/Moscow"))
    parties.add_party(
        ctx,
        case.id,
        parties.PartyInput(role="complainant", name="Смирнова Ольга", phones=("+79031112233",)),
    )
    for path in files:
        add_evidence(ctx, case.id, path, kind="document")
    decisions.propose(ctx, case.id, measure, "Нарушение подтверждено")
    decisions.approve(ctx, case.id, "Согласовано")
    return case


def test_due_cases_are_destroyed_with_an_act(ctx, tmp_path):
    shared = tmp_path / "общий.txt"
    shared.write_text("одна запись для двух дел", encoding="utf-8")
    own = tmp_path / "своё.txt"
    own.write_text("только в первом деле", encoding="utf-8")
    first = _closed_case(ctx, "Первое дело", "warning", [shared, own])
    second = _closed_case(ctx, "Второе дело", "blacklist", [shared])
    periods = retention.set_retention_periods(ctx, {"warning": 400})
    assert periods["warning"] == 400 and periods["blacklist"] == 5 * 365

    assert retention.retention_list(ctx, due_only=True) == []
    with pytest.raises(ValidationError, match="no case"):
        destruction.plan(ctx)
    later = timeutil.now_utc() + timedelta(days=401)
    due = retention.retention_list(ctx, now=later, due_only=True)
    assert [i.number for i in due] == [first.number]
    with pytest.raises(ValidationError, match="not reached"):
        destruction.plan(ctx, [second.id], now=later)

    task = destruction.plan(ctx, now=later)
    assert (task.status, task.cases) == ("planned", [first.number])
    with pytest.raises(ValidationError):
        destruction.execute(ctx, task.id)  # not confirmed yet
    destruction.confirm(ctx, task.id)
    done = destruction.execute(ctx, task.id)
    assert done.status == "done"

    with pytest.raises(Exception, match="no case"):
        cases.resolve_case(ctx, first.number)
    with pytest.raises(Exception, match="no case"):
        cases.get_case(ctx, first.id)
    assert cases.get_case(ctx, second.id).number == second.number
    [record] = done.act["cases"]
    assert record["records"]["parties"] == 1 and record["records"]["evidence"] == 2
    assert len(record["blobs_erased"]) == 1 and len(record["blobs_kept"]) == 1
    assert not ctx.evidence.path_of(record["blobs_erased"][0]).exists()
    assert ctx.evidence.path_of(record["blobs_kept"][0]).exists()
    assert audit.verify_chain(ctx).ok

    out = destruction.write_act(ctx, task.id, tmp_path / "акт.pdf", operator="ООО «Маркет»")
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "об уничтожении персональных данных" in text
    assert first.number in text and "номера телефонов" in text and "ООО «Маркет»" in text
    assert "удалено 1, сохранено 1" in text and "предупреждение" in text
    assert "ч. 7 ст. 21" in text


def test_a_retention_end_is_moved_from_the_cli_with_a_reason_and_back(ctx, run_cli, tmp_path):
    """A court asks to keep a case: the administrator moves its end (audited); reset returns
    it to its measure's period."""
    import json

    case = _closed_case(ctx, "Дело под запретом на уничтожение", "warning", [])
    url = ctx.engine.url.render_as_string(hide_password=False)
    later = timeutil.now_utc() + timedelta(days=4 * 365)
    assert [i.number for i in retention.retention_list(ctx, now=later, due_only=True)] == [
        case.number
    ]
    done = run_cli(
        "retention", "move", case.number, "--until", "2040-01-01",
        "--reason", "запрос суда № 2-1234/2026", db_url=url,
    )  # fmt: skip
    assert done.code == 0, done.err
    moved = json.loads(done.out)["case"]
    assert moved["ends_at"] == "2040-01-01T00:00:00Z"
    assert moved["moved_reason"] == "запрос суда № 2-1234/2026"
    assert retention.retention_list(ctx, now=later, due_only=True) == []
    with pytest.raises(ValidationError, match="no case"):
        destruction.plan(ctx, now=later)
    entry = next(e for e in audit.list_entries(ctx) if e.entity == "retention")
    assert entry.case_id == case.id and entry.after["reason"] == "запрос суда № 2-1234/2026"
    # refusals are one line, exit 2
    for bad in (["--until", "2040-13-01"], ["--until", "1980-01-01"], ["--until", "2099-01-01"]):
        refused = run_cli("retention", "move", case.number, *bad, "--reason", "ok ok", db_url=url)
        if bad[1] == "2099-01-01":
            assert refused.code == 0  # far, but a date
            continue
        assert refused.code == 2 and len(refused.err.strip().splitlines()) == 1, refused.err
    missing = run_cli(
        "retention", "move", "MSK-1900-0001", "--reset", "--reason", "x y z", db_url=url
    )
    assert missing.code == 2
    no_reason = run_cli("retention", "move", case.number, "--reset", "--reason", " ", db_url=url)
    assert no_reason.code == 2 and "say why" in no_reason.err
    back = run_cli(
        "retention", "move", case.number, "--reset", "--reason", "запрос отозван", db_url=url
    )
    assert back.code == 0, back.err
    assert [i.number for i in retention.retention_list(ctx, now=later, due_only=True)] == [
        case.number
    ]
    assert audit.verify_chain(ctx).ok
