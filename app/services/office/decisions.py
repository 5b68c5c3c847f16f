"""Two-person decisions: the investigator proposes findings and a measure, the regional
manager approves it (the case closes; "blacklist" lists the subject couriers) or returns it with
a comment (the case goes back to work). Each step is audited and printed in the dossier.

On an office server the proposer cannot approve their own proposal, and the database refuses
to close a case without an approved measure. A single workstation (one person, no accounts)
keeps its direct "close with a measure" and may use the same steps."""

from __future__ import annotations

from typing import Any

from app.domain import timeutil
from app.domain.cases import CaseStatus, Measure, parse_enum
from app.domain.errors import NotAllowed, ValidationError
from app.domain.office import Action, DecisionStep, require
from app.services.core.cases import check_version
from app.services.core.context import ServiceContext
from app.services.office.dto import DecisionState, DecisionStepInfo
from app.storage.repositories import office as repo
from app.storage.repositories.core import cases as case_repo

_STATE = {
    DecisionStep.PROPOSE.value: "proposed",
    DecisionStep.APPROVE.value: "approved",
    DecisionStep.RETURN.value: "returned",
}


def _case(session: Any, case_id: int, expected_version: int | None) -> Any:
    case = case_repo.case_row(session, case_id)
    check_version(case.version, expected_version, f"case {case.number}")
    return case


def _case_audit(case: Any) -> dict[str, Any]:
    return {"status": case.status, "measure": case.measure, "findings": case.findings}


def propose(
    ctx: ServiceContext,
    case_id: int,
    measure: str,
    findings: str,
    expected_version: int | None = None,
) -> DecisionState:
    chosen = parse_enum(Measure, measure, "measure")
    if len(findings.strip()) < 3:
        raise ValidationError("write the findings the measure rests on", field="findings")
    with ctx.transaction() as session:
        case = _case(session, case_id, expected_version)
        require(ctx.identity, Action.WORK, case.region, "propose a measure")
        if case.status == CaseStatus.CLOSED.value:
            raise ValidationError(f"case {case.number} is closed; reopen it first", field="status")
        before = _case_audit(case)
        case.status = CaseStatus.AWAITING_DECISION.value
        case.measure = chosen.value
        case.findings = findings.strip()
        case.updated_at = timeutil.now_utc()
        session.flush()
        row = repo.add_decision(
            session,
            case_id=case_id,
            step=DecisionStep.PROPOSE.value,
            measure=chosen.value,
            findings=findings.strip(),
            comment="",
            proposal_id=None,
            actor=ctx.actor,
        )
        ctx.audit(
            session,
            action="propose",
            entity="decision",
            entity_id=row.id,
            case_id=case_id,
            before=before,
            after={**_case_audit(case), "decision": row.id},
        )
    return decision_state(ctx, case_id)


def _pending_proposal(ctx: ServiceContext, session: Any, case: Any) -> Any:
    latest = repo.latest_decision(session, case.id)
    if latest is None or latest.step != DecisionStep.PROPOSE.value:
        raise ValidationError(
            f"case {case.number} has no proposed measure waiting for a decision", field="decision"
        )
    if ctx.identity is not None and latest.actor == ctx.actor:
        raise NotAllowed(
            f"not allowed for {ctx.identity.label}: a second person decides on your own proposal"
        )
    return latest


def _decide(
    ctx: ServiceContext,
    case_id: int,
    step: DecisionStep,
    comment: str,
    expected_version: int | None,
) -> None:
    """The manager's step on the pending proposal, with its audit entry; approving closes the
    case and lists blacklisted couriers, returning sends it back to work."""
    what = "approve a measure" if step == DecisionStep.APPROVE else "return a proposal"
    with ctx.transaction() as session:
        case = _case(session, case_id, expected_version)
        require(ctx.identity, Action.DECIDE, case.region, what)
        proposal = _pending_proposal(ctx, session, case)
        before = _case_audit(case)
        row = repo.add_decision(
            session,
            case_id=case_id,
            step=step.value,
            measure=proposal.measure,
            findings=proposal.findings,
            comment=comment.strip(),
            proposal_id=proposal.id,
            actor=ctx.actor,
        )
        case.updated_at = timeutil.now_utc()
        if step == DecisionStep.APPROVE:
            case.status = CaseStatus.CLOSED.value
            case.measure = proposal.measure
            case.decided_at = case.updated_at
        else:
            case.status = CaseStatus.IN_PROGRESS.value
        session.flush()
        ctx.audit(
            session,
            action=step.value,
            entity="decision",
            entity_id=row.id,
            case_id=case_id,
            before=before,
            after={**_case_audit(case), "decision": row.id, "comment": row.comment},
        )
        if step == DecisionStep.APPROVE and proposal.measure == Measure.BLACKLIST.value:
            _blacklist_subjects(ctx, session, case)


def _blacklist_subjects(ctx: ServiceContext, session: Any, case: Any) -> None:
    for courier in repo.subject_couriers(session, case.id):
        reason = f"case {case.number}: measure approved by {ctx.actor}"
        entry = repo.add_blacklist(session, courier, reason, case.id, ctx.actor)
        ctx.audit(
            session,
            action="create",
            entity="blacklist",
            entity_id=entry.id,
            case_id=case.id,
            after={"courier_id": courier, "reason": reason},
        )


def approve(
    ctx: ServiceContext, case_id: int, comment: str = "", expected_version: int | None = None
) -> DecisionState:
    """Approve the pending proposal: the case closes with its measure; a blacklist measure
    lists every subject courier of the case (all in one transaction)."""
    _decide(ctx, case_id, DecisionStep.APPROVE, comment, expected_version)
    return decision_state(ctx, case_id)


def return_for_work(
    ctx: ServiceContext, case_id: int, comment: str, expected_version: int | None = None
) -> DecisionState:
    """Send the proposal back with the manager's comment; the case returns to work."""
    if len(comment.strip()) < 3:
        raise ValidationError("say what is missing: the comment goes back to the investigator")
    _decide(ctx, case_id, DecisionStep.RETURN, comment, expected_version)
    return decision_state(ctx, case_id)


def decision_state(ctx: ServiceContext, case_id: int) -> DecisionState:
    with ctx.session() as session:
        steps = [
            DecisionStepInfo(r.id, r.step, r.measure, r.findings, r.comment, r.actor, r.at)
            for r in repo.decisions(session, case_id)
        ]
    status = _STATE[steps[-1].step] if steps else "none"
    return DecisionState(case_id, status, steps)
