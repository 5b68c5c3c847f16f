"""Running the message detectors over a case with the case's detector thresholds (the ones
the call detectors use, set in the same dialog) and the parties' numbers and orders."""

from __future__ import annotations

from app.domain.calls.detectors import order_windows
from app.domain.calls.findings import Thresholds
from app.domain.cases import PartyRole
from app.domain.messages.detectors import MessageFact, MessageFacts, detect_messages
from app.services.core.context import ServiceContext
from app.services.messages.dto import MessageFindingView
from app.storage.repositories import calls as call_repo
from app.storage.repositories import messages as repo


def message_findings(ctx: ServiceContext, case_id: int) -> list[MessageFindingView]:
    """Findings of the message detectors, in time order (explained in both languages)."""
    with ctx.session() as session:
        tz = call_repo.case_zone(session, case_id)
        limits = Thresholds.from_dict(call_repo.thresholds(session, case_id) or {})
        owners = call_repo.party_numbers(session, case_id)
        parties = repo.party_names(session, case_id)
        orders = order_windows(call_repo.order_events(session, case_id))
        stored = repo.detector_messages(session, case_id)
        flagged = [m.id for m in stored if m.flagged]
        texts = {m.id: m.text for m in repo.messages_by_ids(session, flagged[:2000])}
    roles = {pid: role for pid, _name, role in parties}
    facts = MessageFacts(
        messages=[
            MessageFact(
                m.id, m.sent_utc, m.sender, m.sender_number, m.direction, m.categories, m.party_id
            )
            for m in stored
        ],
        courier_numbers=frozenset(n for n, o in owners.items() if o.role == PartyRole.SUBJECT),
        complainant_numbers=frozenset(
            n for n, o in owners.items() if o.role == PartyRole.COMPLAINANT
        ),
        complainant_tz=tz,
        courier_parties=frozenset(p for p, r in roles.items() if r == PartyRole.SUBJECT),
        complainant_parties=frozenset(p for p, r in roles.items() if r == PartyRole.COMPLAINANT),
        known_numbers=frozenset(owners),
        orders=orders,
    )
    return [
        MessageFindingView(
            kind=f.kind,
            severity=f.severity,
            message_ids=f.message_ids,
            start_utc=f.start_utc,
            end_utc=f.end_utc,
            params=dict(f.params),
            explanation_ru=f.explain("ru"),
            explanation_en=f.explain("en"),
        )
        for f in detect_messages(facts, limits, texts)
    ]
