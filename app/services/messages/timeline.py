"""The case's messages as timeline events (kind `message`), each in its sender's party lane:
the party the sender is linked to, else the owner of the sender's number."""

from __future__ import annotations

from typing import Any

from app.domain import phones
from app.domain.timeline import EventKind, TimelineEvent
from app.storage.repositories import messages as repo

TITLE_CHARS = 100


def _sender(sender: str, number: str | None) -> str:
    if number and sum(ch.isdigit() for ch in sender) >= 5:
        return phones.mask(number)
    return sender or (phones.mask(number) if number else "?")


def message_events(
    session: Any, case_id: int, names: dict[int, str], owners: dict[str, str]
) -> list[TimelineEvent]:
    """`names`: party id → name; `owners`: phone value → party name (the timeline's own)."""
    out: list[TimelineEvent] = []
    for mid, sent, sender, number, party_id, kind, text, flags in repo.timeline_rows(
        session, case_id
    ):
        shown = " ".join(text.split())
        if len(shown) > TITLE_CHARS:
            shown = shown[: TITLE_CHARS - 1] + "…"
        who = _sender(sender, number)
        party = names.get(party_id, "") if party_id else ""
        party = party or (owners.get(number, "") if number else "")
        categories = list(dict.fromkeys(str(f[0]) for f in flags or []))
        details = [("sender", who), ("text", text)]
        if categories:
            details.append(("flags", ", ".join(categories)))
        ref = f"message:{mid}"
        out.append(
            TimelineEvent(
                ref,
                EventKind.MESSAGE,
                sent,
                None,
                0.0,
                "messages",
                f"{who}: {shown or kind}",
                party,
                ref,
                details=tuple(details),
            )
        )
    return out
