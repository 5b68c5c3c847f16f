"""Browsing a case's calls: filtered id lists, rows for the visible window, the per-number
summary, linking numbers to parties, and the audited reveal. The queries themselves are in
`app.storage.repositories.calls`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.domain.errors import NotFound, ValidationError
from app.domain.phones import digits_of, display, mask, normalize
from app.services.calls.dto import BatchInfo, CallFilter, CallView, NumberSummary
from app.services.core.context import ServiceContext
from app.storage.repositories import calls as repo
from app.storage.repositories import office as office_repo
from app.storage.repositories.calls import NumberOwner, StoredCall


def _criteria(flt: CallFilter, region: str) -> repo.CallCriteria:
    digits = number = None
    if flt.number and flt.number.strip():
        digits = digits_of(flt.number)
        if not digits:
            raise ValidationError("search a number by its digits", field="number")
        if len(digits) >= 10:  # a whole number, as typed: `8 916 …` is `+7916…` in the log
            number = normalize(flt.number, region).value
    return repo.CallCriteria(
        digits=digits,
        number=number,
        party_id=flt.party_id,
        start_from=flt.start_from,
        start_to=flt.start_to,
        direction=flt.direction,
        status=flt.status,
        order=flt.order,
        batch_id=flt.batch_id,
    )


def call_ids(ctx: ServiceContext, case_id: int, flt: CallFilter | None = None) -> list[int]:
    """Ids of the calls matching `flt`, in time order (the table model keeps only these)."""
    crit = _criteria(flt or CallFilter(), ctx.settings.phone_region)
    with ctx.session() as session:
        return repo.call_ids(session, case_id, crit)


@dataclass(frozen=True)
class FirstCalls:
    """What a call table shows first: `ids` in time order (at least the first `limit`
    matches), `complete` when they are every match (else `call_ids` gives the rest)."""

    ids: list[int]
    complete: bool


def first_call_ids(
    ctx: ServiceContext, case_id: int, flt: CallFilter | None = None, limit: int = 1_000
) -> FirstCalls:
    """The first matches of `flt` in time order without finding every match: a filter
    matching a hundred thousand calls of a million shows its first screen at once."""
    crit = _criteria(flt or CallFilter(), ctx.settings.phone_region)
    with ctx.session() as session:
        ids, complete = repo.first_call_ids(session, case_id, crit, limit)
    return FirstCalls(ids, complete)


def calls_between(
    ctx: ServiceContext, case_id: int, a: str, b: str, start: datetime, end: datetime
) -> list[int]:
    """Ids of the calls between two numbers (as typed; normalized like the call log's) in
    [start, end), either direction, in time order."""
    region = ctx.settings.phone_region
    first, second = normalize(a, region).value, normalize(b, region).value
    with ctx.session() as session:
        return repo.calls_between(session, case_id, first, second, start, end)


@dataclass(frozen=True)
class CallDensity:
    """How many calls started in each stretch of `bucket_s` seconds from `start_utc`."""

    start_utc: datetime
    bucket_s: int
    counts: list[tuple[datetime, int, int]]  # (stretch start, calls, answered)


def calls_in_window(
    ctx: ServiceContext, case_id: int, start: datetime, end: datetime, limit: int = 5_000
) -> list[CallView]:
    """The calls of a visible stretch (masked), at most `limit`, time order — for a
    timeline of a million calls, which draws denser stretches from `call_density`."""
    with ctx.session() as session:
        rows = repo.calls_in_window(session, case_id, start, end, limit)
        parties = repo.party_numbers(session, case_id)
    return _views(rows, parties, reveal=False)


def call_density(
    ctx: ServiceContext, case_id: int, start: datetime, end: datetime, buckets: int = 400
) -> CallDensity:
    """Calls per stretch between `start` and `end` (about `buckets` stretches of whole
    seconds), counted by the database."""
    bucket_s = max(1, int((end - start).total_seconds() // max(buckets, 1)))
    with ctx.session() as session:
        counts = repo.call_counts(session, case_id, start, end, bucket_s)
    return CallDensity(
        start,
        bucket_s,
        [(start + timedelta(seconds=b * bucket_s), n, a) for b, n, a in counts],
    )


def _view(r: StoredCall, parties: dict[str, NumberOwner], reveal: bool) -> CallView:
    show = display if reveal else mask

    def party(value: str) -> str | None:
        hit = parties.get(value)
        return hit.name if hit else None

    return CallView(
        id=r.id,
        start_utc=r.start_utc,
        duration_s=r.duration_s,
        caller=show(r.caller),
        callee=show(r.callee),
        virtual_number=show(r.virtual),
        direction=r.direction,
        status=r.status,
        order_number=r.order_number,
        call_id=r.call_id,
        batch_id=r.batch_id,
        line=r.line,
        caller_party=party(r.caller),
        callee_party=party(r.callee),
    )


def _views(rows: list[StoredCall], parties: dict[str, NumberOwner], reveal: bool) -> list[CallView]:
    return [_view(r, parties, reveal) for r in rows]


def calls_by_ids(ctx: ServiceContext, ids: Sequence[int]) -> list[CallView]:
    """Masked rows for `ids`, in the order given (ids that vanished are skipped)."""
    with ctx.session() as session:
        rows = repo.calls_by_ids(session, list(ids))
        parties: dict[str, NumberOwner] = {}
        for case_id in {r.case_id for r in rows}:
            parties.update(repo.party_numbers(session, case_id))
    return _views(rows, parties, reveal=False)


def _revealed(view: CallView, real: tuple[str, str, str | None] | None) -> CallView:
    """A masked view with the numbers the server revealed (the parties matched masked)."""
    if real is None:
        return view
    caller, callee, virtual = real
    return replace(
        view, caller=display(caller), callee=display(callee), virtual_number=display(virtual)
    )


def reveal_calls(
    ctx: ServiceContext, case_id: int, ids: Sequence[int], reason: str
) -> list[CallView]:
    """Unmasked rows. Needs a reason; the reveal is audited in the same transaction (by call
    ids and reason, never the numbers themselves)."""
    if len(reason.strip()) < 3:
        raise ValidationError("say why the personal data is revealed", field="reason")
    with ctx.transaction() as session:
        rows = repo.calls_by_ids(session, list(ids))
        if any(r.case_id != case_id for r in rows):
            raise ValidationError("some calls belong to another case", field="ids")
        if ctx.identity is not None:  # an office server reveals and audits it itself
            real = office_repo.reveal_calls(session, case_id, [r.id for r in rows], reason.strip())
            parties = repo.party_numbers(session, case_id)
            return [_revealed(_view(r, parties, reveal=False), real.get(r.id)) for r in rows]
        views = _views(rows, repo.party_numbers(session, case_id), reveal=True)
        ctx.audit(
            session,
            action="reveal",
            entity="calls",
            entity_id=case_id,
            case_id=case_id,
            after={
                "field": "numbers",
                "reason": reason.strip(),
                "count": len(views),
                "call_ids": [v.id for v in views][:1000],
            },
        )
        return views


def number_summary(ctx: ServiceContext, case_id: int) -> list[NumberSummary]:
    """Every number of the case's calls: calls, first and last contact, talk time, party.
    Most active first."""
    with ctx.session() as session:
        stats = repo.number_stats(session, case_id)
        parties = repo.party_numbers(session, case_id)
    out = []
    for s in stats:
        party = parties.get(s.value)
        out.append(
            NumberSummary(
                number_id=s.number_id,
                number=mask(s.value),
                calls=s.calls,
                first_utc=s.first_utc,
                last_utc=s.last_utc,
                talk_s=s.talk_s,
                party_id=party.party_id if party else None,
                party_name=party.name if party else None,
                party_role=party.role if party else None,
                virtual=s.virtual,
            )
        )
    return sorted(out, key=lambda s: (-s.calls, s.number))


def list_batches(ctx: ServiceContext, case_id: int) -> list[BatchInfo]:
    """The case's imported call-log files, oldest first."""
    with ctx.session() as session:
        return [BatchInfo(*values) for values in repo.batches(session, case_id)]


def _check_party(ok: bool, party_id: int) -> None:
    if not ok:
        raise NotFound(f"no party {party_id} in this case")


def link_number(ctx: ServiceContext, case_id: int, number_id: int, party_id: int) -> None:
    """Say that a number of the calls belongs to a party (audited)."""
    with ctx.transaction() as session:
        value, digits = repo.case_number(session, case_id, number_id)
        _check_party(repo.party_exists(session, case_id, party_id), party_id)
        owner = repo.party_numbers(session, case_id).get(value)
        if owner is not None:
            if owner.party_id == party_id:
                return
            raise ValidationError(
                f"the number already belongs to {owner.name}; unlink it first", field="party"
            )
        if ctx.identity is not None:  # the user holds only the masked number
            office_repo.link_number(session, number_id, party_id)
        else:
            repo.link_phone(session, party_id, value, digits)
        ctx.audit(
            session,
            action="update",
            entity="party",
            entity_id=party_id,
            case_id=case_id,
            after={"linked_number_id": number_id, "number": mask(value)},
        )


def unlink_number(ctx: ServiceContext, case_id: int, number_id: int, party_id: int) -> None:
    with ctx.transaction() as session:
        value, _digits = repo.case_number(session, case_id, number_id)
        _check_party(repo.party_exists(session, case_id, party_id), party_id)
        if not repo.unlink_phone(session, party_id, value):
            raise NotFound("the number is not linked to that party")
        ctx.audit(
            session,
            action="update",
            entity="party",
            entity_id=party_id,
            case_id=case_id,
            before={"linked_number_id": number_id, "number": mask(value)},
        )
