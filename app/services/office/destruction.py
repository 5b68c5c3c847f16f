"""Destruction of personal data whose purpose has ended (152-FZ art. 21): an administrator
plans a task for cases past their retention period, a second person confirms it, then the
task removes the cases with everything in them (every feature table cascades from the case)
and the evidence blobs no other case uses, and keeps an act with what, when, by whom and on
what ground (Roskomnadzor order 179) for the PDF. The audit chain stays verifiable: its entries
hold masked values and references only, and the destruction itself is an entry."""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain import timeutil
from app.domain.errors import NotAllowed, NotFound, ValidationError
from app.domain.office import Action, require
from app.domain.progress import NullProgress, Progress, check_cancel
from app.services.core.bootstrap import OPENED_COPIES
from app.services.core.context import ServiceContext
from app.services.office.dto import DestructionTaskInfo
from app.services.office.retention import retention_list
from app.storage.repositories import office as repo

# The act prints this code in its language (see app.reports.destruction).
DEFAULT_GROUND = "retention_ended"


def _info(row: Any) -> DestructionTaskInfo:
    return DestructionTaskInfo(
        row.id,
        row.number,
        row.status,
        [str(c) for c in (row.act or {}).get("planned_numbers", [])],
        row.ground,
        row.planned_by,
        row.planned_at,
        row.confirmed_by,
        row.confirmed_at,
        row.done_at,
        dict(row.act or {}),
    )


def plan(
    ctx: ServiceContext,
    case_ids: list[int] | None = None,
    ground: str = "",
    now: datetime | None = None,
) -> DestructionTaskInfo:
    """A task for the given cases (default: every case past its period); a case whose period
    has not ended is refused."""
    require(ctx.identity, Action.ADMINISTER, what="plan a destruction")
    due = {item.case_id: item for item in retention_list(ctx, now, due_only=True)}
    chosen = sorted(due) if case_ids is None else sorted(set(case_ids))
    if not chosen:
        raise ValidationError("no case has reached the end of its retention period")
    early = [str(c) for c in chosen if c not in due]
    if early:
        raise ValidationError(
            f"case(s) {', '.join(early)} have not reached the end of their retention period"
        )
    moment = timeutil.now_utc()
    with ctx.transaction() as session:
        row = repo.add_task(
            session,
            number=repo.next_task_number(session, moment.year),
            status="planned",
            case_ids=chosen,
            ground=ground.strip() or DEFAULT_GROUND,
            planned_by=ctx.actor,
            planned_at=moment,
            act={
                "planned_numbers": [due[c].number for c in chosen],
                "retention": {
                    due[c].number: {
                        "measure": due[c].measure,
                        "decided_at": timeutil.iso_utc(due[c].decided_at),
                        "ends_at": timeutil.iso_utc(due[c].ends_at),
                    }
                    for c in chosen
                },
            },
        )
        ctx.audit(
            session,
            action="plan",
            entity="destruction_task",
            entity_id=row.id,
            after={"number": row.number, "cases": row.act["planned_numbers"]},
        )
        return _info(row)


def confirm(ctx: ServiceContext, task_id: int) -> DestructionTaskInfo:
    """The second person's confirmation (another administrator or a regional manager)."""
    require(ctx.identity, Action.CONFIRM_DESTRUCTION, what="confirm a destruction")
    with ctx.transaction() as session:
        row = _task(session, task_id, "planned")
        if ctx.identity is not None and row.planned_by == ctx.actor:
            raise NotAllowed(
                f"not allowed for {ctx.identity.label}: a second person confirms the "
                "destruction you planned"
            )
        row.status = "confirmed"
        row.confirmed_by = ctx.actor
        row.confirmed_at = timeutil.now_utc()
        session.flush()
        ctx.audit(
            session,
            action="confirm",
            entity="destruction_task",
            entity_id=row.id,
            after={"number": row.number, "planned_by": row.planned_by},
        )
        return _info(row)


def _task(session: Any, task_id: int, status: str) -> Any:
    row = repo.task(session, task_id)
    if row is None:
        raise NotFound(f"no destruction task {task_id}")
    if row.status != status:
        raise ValidationError(f"destruction task {row.number} is {row.status}, not {status}")
    return row


@dataclass(frozen=True)
class _CaseRecord:
    number: str
    region: str
    measure: str | None
    decided_at: str | None
    parties: dict[str, int]
    records: dict[str, int]
    blobs_erased: list[str]
    blobs_kept: list[str]


def execute(
    ctx: ServiceContext, task_id: int, progress: Progress | None = None
) -> DestructionTaskInfo:
    """Carry out a confirmed task in one transaction (all cases or none), then erase the blobs
    no other case uses from the store. An interrupted erase leaves only unreferenced blobs,
    which the next run of the task's erase (or `evidence verify --repair`) removes."""
    progress = progress or NullProgress()
    require(ctx.identity, Action.ADMINISTER, what="carry out a destruction")
    with ctx.transaction() as session:
        row = _task(session, task_id, "confirmed")
        records: list[_CaseRecord] = []
        for done, case_id in enumerate(row.case_ids):
            check_cancel(progress)
            progress.report(done, len(row.case_ids), "")
            case = repo.case_row(session, int(case_id))
            if case is None:
                continue  # already gone (destroyed by an earlier task)
            blobs = repo.case_blobs(session, case.id)
            record = _CaseRecord(
                case.number,
                case.region,
                case.measure,
                timeutil.iso_utc(case.decided_at) if case.decided_at else None,
                repo.party_roles(session, case.id),
                repo.case_inventory(session, case.id),
                [b.sha256 for b in blobs if b.other_cases == 0],
                [b.sha256 for b in blobs if b.other_cases > 0],
            )
            ctx.audit(
                session,
                action="destroy",
                entity="case",
                entity_id=case.id,
                case_id=case.id,
                before={"number": case.number, "records": record.records},
                after={"task": row.number, "blobs_erased": len(record.blobs_erased)},
            )
            repo.delete_case(session, case.id)
            records.append(record)
        row.status = "done"
        row.done_at = timeutil.now_utc()
        row.act = {**row.act, "cases": [r.__dict__ for r in records], "executed_by": ctx.actor}
        session.flush()
        ctx.audit(
            session,
            action="execute",
            entity="destruction_task",
            entity_id=row.id,
            after={"number": row.number, "cases": [r.number for r in records]},
        )
        info = _info(row)
    erase_blobs(ctx, [sha for r in records for sha in r.blobs_erased])
    sweep_opened_copies(ctx)
    progress.report(len(records), len(records), "")
    return info


def sweep_opened_copies(ctx: ServiceContext) -> int:
    """Remove this workstation's copies of stored files (opened in the desktop's viewer) that
    this person no longer reads: a destroyed case's, or a case out of their reach. Run after a
    destruction here and at every start of the GUI on an office server; returns how many."""
    folder = ctx.data_dir.joinpath(*OPENED_COPIES)
    if not folder.is_dir():
        return 0
    with ctx.session() as session:
        kept = {sha[:16] for sha in repo.visible_blobs(session)}
    removed = 0
    for child in folder.iterdir():
        if child.name not in kept:
            if child.is_dir():
                _make_writable(child)
                shutil.rmtree(child)
            else:
                child.unlink()
            removed += 1
    return removed


def _make_writable(folder: Path) -> None:
    for path in (folder, *folder.rglob("*")):
        mode = stat.S_IMODE(path.stat().st_mode)
        os.chmod(path, mode | stat.S_IWUSR | (stat.S_IXUSR if path.is_dir() else 0))


def erase_blobs(ctx: ServiceContext, hashes: list[str]) -> int:
    """Remove blobs from the store (read-only files in read-only folders: the folder is made
    writable for the unlink and closed again)."""
    erased = 0
    for sha in hashes:
        path = ctx.evidence.path_of(sha)
        if not path.exists():
            continue
        folder = path.parent
        mode = stat.S_IMODE(folder.stat().st_mode)
        os.chmod(folder, mode | stat.S_IWUSR)
        try:
            path.unlink()
            erased += 1
        finally:
            os.chmod(folder, mode)
    return erased


def list_tasks(ctx: ServiceContext) -> list[DestructionTaskInfo]:
    with ctx.session() as session:
        return [_info(row) for row in repo.tasks(session)]


def get_task(ctx: ServiceContext, task_id: int) -> DestructionTaskInfo:
    with ctx.session() as session:
        row = repo.task(session, task_id)
        if row is None:
            raise NotFound(f"no destruction task {task_id}")
        return _info(row)


def write_act(
    ctx: ServiceContext, task_id: int, out: Path, lang: str = "ru", operator: str = ""
) -> Path:
    """The destruction act as PDF."""
    from app.reports.destruction import ActData, write_act_pdf
    from app.services.core.outputs import check_output_path

    task = get_task(ctx, task_id)
    if task.status != "done":
        raise ValidationError(f"destruction task {task.number} is {task.status}: no act yet")
    target = check_output_path(ctx, out)
    data = ActData(
        number=task.number,
        ground=task.ground,
        planned_by=task.planned_by,
        planned_at=task.planned_at,
        confirmed_by=task.confirmed_by or "",
        confirmed_at=task.confirmed_at,
        done_at=task.done_at,
        executed_by=str(task.act.get("executed_by", "")),
        cases=list(task.act.get("cases", [])),  # type: ignore[call-overload]
        retention=dict(task.act.get("retention", {})),  # type: ignore[call-overload]
        operator=operator,
        lang="en" if lang == "en" else "ru",
    )
    write_act_pdf(data, target)
    return target
