"""On a single workstation (no accounts) the decision steps work for the one person, and the
direct close with a measure keeps working as before."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationError
from app.services.core import cases, parties
from app.services.office import decisions


def _case(ctx):
    case = cases.create_case(
        ctx, cases.CaseInput(title="Сообщения клиентке", region="MSK", tz="Europe/Moscow")
    )
    parties.add_party(
        ctx, case.id, parties.PartyInput(role="subject", name="Курьер", courier_id="C-1")
    )
    return case


def test_propose_return_propose_approve(ctx):
    case = _case(ctx)
    with pytest.raises(ValidationError):
        decisions.approve(ctx, case.id)  # nothing proposed
    decisions.propose(ctx, case.id, "warning", "Писал клиентке с личного номера")
    assert cases.get_case(ctx, case.id).status == "awaiting_decision"
    state = decisions.return_for_work(ctx, case.id, "Нет объяснения курьера")
    assert state.status == "returned"
    assert cases.get_case(ctx, case.id).status == "in_progress"
    decisions.propose(ctx, case.id, "blacklist", "Объяснение получено, нарушение подтверждено")
    state = decisions.approve(ctx, case.id, "Согласовано")
    assert [s.step for s in state.steps] == ["propose", "return", "propose", "approve"]
    detail = cases.get_case(ctx, case.id)
    assert (detail.status, detail.measure) == ("closed", "blacklist")
    assert [b.courier_id for b in parties.blacklist_list(ctx)] == ["C-1"]


def test_stale_version_is_refused(ctx):
    case = _case(ctx)
    version = cases.get_case(ctx, case.id).version
    decisions.propose(ctx, case.id, "warning", "Нарушение", expected_version=version)
    with pytest.raises(Exception, match="changed by someone else"):
        decisions.propose(ctx, case.id, "warning", "Другое", expected_version=version)


def test_direct_close_still_works_on_a_workstation(sqlite_ctx):
    case = _case(sqlite_ctx)
    version = cases.get_case(sqlite_ctx, case.id).version
    detail = cases.set_status(sqlite_ctx, case.id, "in_progress", version)
    detail = cases.set_status(sqlite_ctx, case.id, "awaiting_decision", detail.version)
    detail = cases.set_status(sqlite_ctx, case.id, "closed", detail.version, measure="no_violation")
    assert detail.status == "closed"


def test_the_dossier_prints_both_steps_with_names_and_times(sqlite_ctx, tmp_path):
    import io

    import pypdf

    from app.services.dossier.assemble import DossierOptions
    from app.services.dossier.export import export_dossier

    case = _case(sqlite_ctx)
    decisions.propose(
        sqlite_ctx,
        case.id,
        "blacklist",
        "Звонил клиентке с разных номеров, в т.ч. +7 916 555-44-33",
    )
    decisions.approve(sqlite_ctx, case.id, "Согласовано с руководством региона")
    out = export_dossier(
        sqlite_ctx, case.id, DossierOptions(profile="management"), tmp_path / "d.pdf"
    ).path
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Ход решения" in text
    assert "Предложено: Чёрный список" in text and "Утверждено: Чёрный список" in text
    assert "Согласовано с руководством региона" in text and "tester" in text
