"""Every query of the messages feature: import batches, bulk message inserts (skipping
duplicates), the filtered chat listing (Cyrillic case-insensitive search on a folded column),
party links, dossier selection, and the inputs of the detectors, timeline and dossier."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.errors import StorageError
from app.storage import office_masking
from app.storage.models.cases import EvidenceRow, PartyRow
from app.storage.models.messages import MessageAttachmentRow, MessageBatchRow, MessageRow

CHUNK = 500
INSERT_ROWS = 10_000
_MESSAGES = MessageRow.__table__


def fold(text: str) -> str:
    """What `text_folded` holds and searches compare with: lower case, `ё` as `е`."""
    return text.casefold().replace("ё", "е")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# --- import ------------------------------------------------------------------------------------


def batch_of_file(session: Session, case_id: int, sha256: str) -> tuple[int, datetime] | None:
    row = session.execute(
        select(MessageBatchRow.id, MessageBatchRow.created_at).where(
            MessageBatchRow.case_id == case_id, MessageBatchRow.sha256 == sha256
        )
    ).first()
    return (int(row[0]), row[1]) if row else None


def add_batch(session: Session, **fields: Any) -> int:
    row = MessageBatchRow(imported=0, duplicates=0, rejected=0, flagged=0, rejections=[], **fields)
    session.add(row)
    session.flush()
    return int(row.id)


def finish_batch(session: Session, batch_id: int, **values: Any) -> None:
    session.execute(update(MessageBatchRow).where(MessageBatchRow.id == batch_id).values(**values))


def _insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return pg_insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite_insert(table).on_conflict_do_nothing()
    raise StorageError(f"message imports need SQLite or PostgreSQL, not {dialect}")


_JSON_COLUMNS = frozenset({"region", "flags"})
_TIME_COLUMNS = frozenset({"sent_utc"})
_BOOL_COLUMNS = frozenset({"edited", "from_screenshot", "flagged", "in_dossier"})


def _sqlite_time(value: datetime) -> str:
    """What `UTCDateTime` hands the SQLite driver: naive UTC text that sorts."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def insert_messages(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of `messages` (all columns but id); those whose dedupe key the case already
    holds are skipped. On SQLite the compiled statement goes to the driver's executemany with
    plain tuples (SQLAlchemy's per-value processing would cost three times the insert)."""
    if not rows:
        return
    statement = _insert_ignoring_duplicates(session, _MESSAGES)
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), INSERT_ROWS):
            connection.execute(statement, list(rows[start : start + INSERT_ROWS]))
        return
    names = list(rows[0])
    compiled = statement.compile(dialect=connection.dialect, column_keys=names)
    order = list(compiled.positiontup or ())
    if sorted(order) != sorted(names):
        raise StorageError(f"unexpected bulk insert parameters: {order}")
    sql = str(compiled)
    pick = itemgetter(*order)
    fixes = [
        (i, json.dumps if n in _JSON_COLUMNS else _sqlite_time if n in _TIME_COLUMNS else int)
        for i, n in enumerate(order)
        if n in _JSON_COLUMNS | _TIME_COLUMNS | _BOOL_COLUMNS
    ]
    for start in range(0, len(rows), INSERT_ROWS):
        values = []
        for row in rows[start : start + INSERT_ROWS]:
            value = list(pick(row))
            for i, convert in fixes:
                if value[i] is not None:
                    value[i] = convert(value[i])
            values.append(tuple(value))
        connection.exec_driver_sql(sql, values)


def batch_counts(session: Session, batch_id: int) -> tuple[int, int]:
    """(messages the batch inserted, of them flagged)."""
    row = session.execute(
        select(func.count(), func.count().filter(MessageRow.flagged.is_(True))).where(
            MessageRow.batch_id == batch_id
        )
    ).one()
    return int(row[0]), int(row[1])


def ids_of_keys(session: Session, batch_id: int, keys: Sequence[int]) -> dict[int, int]:
    """dedupe key → id of the messages this batch inserted (duplicates keep their own)."""
    out: dict[int, int] = {}
    for start in range(0, len(keys), CHUNK):
        stmt = select(MessageRow.dedupe_key, MessageRow.id).where(
            MessageRow.batch_id == batch_id, MessageRow.dedupe_key.in_(keys[start : start + CHUNK])
        )
        out.update({int(k): int(i) for k, i in session.execute(stmt)})
    return out


def add_attachments(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(MessageAttachmentRow), list(rows))


def link_batch_senders(
    session: Session, batch_id: int, by_number: dict[str, int], by_sender: dict[str, int]
) -> None:
    """Set `party_id` of the batch's messages whose number or sender name is a party's."""
    for number, party_id in by_number.items():
        session.execute(
            update(MessageRow)
            .where(MessageRow.batch_id == batch_id, MessageRow.sender_number == number)
            .values(party_id=party_id)
        )
    for sender, party_id in by_sender.items():
        session.execute(
            update(MessageRow)
            .where(
                MessageRow.batch_id == batch_id,
                MessageRow.sender == sender,
                MessageRow.party_id.is_(None),
            )
            .values(party_id=party_id)
        )


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MessageCriteria:
    flagged: bool = False
    sender: str = ""  # a name (any part, case-insensitive) or a run of phone digits
    search: str = ""
    since: datetime | None = None
    until: datetime | None = None
    party_id: int | None = None
    in_dossier: bool = False
    ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class StoredAttachment:
    id: int
    name: str
    path: str
    mime: str
    evidence_id: int | None
    sha256: str | None


@dataclass(frozen=True)
class StoredMessage:
    id: int
    batch_id: int
    line: int
    sent_utc: datetime
    sender: str
    sender_number: str | None
    direction: str | None
    kind: str
    text: str
    chat: str
    edited: bool
    reply_to: str | None
    from_screenshot: bool
    screenshot_id: int | None
    region: tuple[int, ...] | None
    flags: tuple[tuple[str, str, int, int], ...]
    party_id: int | None
    in_dossier: bool
    source_format: str
    source_name: str
    attachments: tuple[StoredAttachment, ...] = ()


def _where(session: Session, case_id: int, crit: MessageCriteria) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [MessageRow.case_id == case_id]
    if crit.flagged:
        clauses.append(MessageRow.flagged.is_(True))
    if crit.in_dossier:
        clauses.append(MessageRow.in_dossier.is_(True))
    if crit.party_id is not None:
        clauses.append(MessageRow.party_id == crit.party_id)
    if crit.since is not None:
        clauses.append(MessageRow.sent_utc >= crit.since)
    if crit.until is not None:
        clauses.append(MessageRow.sent_utc < crit.until)
    if crit.ids is not None:
        clauses.append(MessageRow.id.in_(crit.ids))
    if crit.search.strip():
        clauses.append(MessageRow.text_folded.like(_like(fold(crit.search.strip())), escape="\\"))
    sender = crit.sender.strip()
    if sender:
        digits = "".join(ch for ch in sender if ch.isdigit())
        options: list[ColumnElement[bool]] = [
            func.lower(MessageRow.sender) == sender.lower(),
            MessageRow.sender == sender,
        ]
        if len(digits) >= 3 and office_masking.reads_masked(session.connection()):
            # every digit of the real numbers, read by the server's function only
            found = func.casebook_message_numbers_with_digits(case_id, digits)
            options.append(MessageRow.sender_number.in_(select(found)))
        elif len(digits) >= 3:
            options.append(MessageRow.sender_number.like(_like(digits)))
        clauses.append(or_(*options))
    return clauses


def message_ids(session: Session, case_id: int, crit: MessageCriteria) -> list[int]:
    stmt = select(MessageRow.id).where(and_(*_where(session, case_id, crit)))
    return list(session.scalars(stmt.order_by(MessageRow.sent_utc, MessageRow.id)))


def senders_matching(session: Session, case_id: int, name: str) -> list[str]:
    """Sender names of the case equal to `name` ignoring case (Cyrillic too, in Python)."""
    names = session.scalars(
        select(MessageRow.sender).where(MessageRow.case_id == case_id).distinct()
    )
    wanted = fold(name.strip())
    return [n for n in names if fold(n) == wanted]


def messages_by_ids(session: Session, ids: Sequence[int]) -> list[StoredMessage]:
    rows: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(MessageRow, MessageBatchRow.format, MessageBatchRow.original_name)
            .join(MessageBatchRow, MessageBatchRow.id == MessageRow.batch_id)
            .where(MessageRow.id.in_(ids[start : start + CHUNK]))
        )
        rows.extend(session.execute(stmt).all())
    files = _attachments(session, [r[0].id for r in rows])
    order = {mid: n for n, mid in enumerate(ids)}
    out = [
        StoredMessage(
            id=m.id,
            batch_id=m.batch_id,
            line=m.line,
            sent_utc=m.sent_utc,
            sender=m.sender,
            sender_number=m.sender_number,
            direction=m.direction,
            kind=m.kind,
            text=m.text,
            chat=m.chat,
            edited=m.edited,
            reply_to=m.reply_to,
            from_screenshot=m.from_screenshot,
            screenshot_id=m.screenshot_id,
            region=tuple(m.region) if m.region else None,
            flags=tuple((str(c), str(w), int(s), int(e)) for c, w, s, e in (m.flags or [])),
            party_id=m.party_id,
            in_dossier=m.in_dossier,
            source_format=fmt,
            source_name=name,
            attachments=tuple(files.get(m.id, ())),
        )
        for m, fmt, name in rows
    ]
    out.sort(key=lambda s: order.get(s.id, 0))
    return out


def _attachments(session: Session, ids: Sequence[int]) -> dict[int, list[StoredAttachment]]:
    out: dict[int, list[StoredAttachment]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(MessageAttachmentRow, EvidenceRow.sha256)
            .outerjoin(EvidenceRow, EvidenceRow.id == MessageAttachmentRow.evidence_id)
            .where(MessageAttachmentRow.message_id.in_(ids[start : start + CHUNK]))
            .order_by(MessageAttachmentRow.id)
        )
        for row, sha in session.execute(stmt):
            out[row.message_id].append(
                StoredAttachment(row.id, row.name, row.path, row.mime, row.evidence_id, sha)
            )
    return out


@dataclass(frozen=True)
class SenderStats:
    sender: str
    sender_number: str | None
    party_id: int | None
    messages: int
    flagged: int
    first_utc: datetime
    last_utc: datetime


def sender_stats(session: Session, case_id: int) -> list[SenderStats]:
    stmt = (
        select(
            MessageRow.sender,
            MessageRow.sender_number,
            func.max(MessageRow.party_id),
            func.count(),
            func.count().filter(MessageRow.flagged.is_(True)),
            func.min(MessageRow.sent_utc),
            func.max(MessageRow.sent_utc),
        )
        .where(MessageRow.case_id == case_id, MessageRow.kind != "system")
        .group_by(MessageRow.sender, MessageRow.sender_number)
        .order_by(func.min(MessageRow.sent_utc))
    )
    return [
        SenderStats(s, n, p, int(c), int(f), _utc(a), _utc(b))
        for s, n, p, c, f, a, b in session.execute(stmt)
    ]


def _utc(value: Any) -> datetime:
    """min()/max() keep the column's type, but be sure: aware UTC whatever the driver gave."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def set_sender_party(
    session: Session, case_id: int, sender: str, number: str | None, party_id: int | None
) -> int:
    """Link (or unlink, `party_id` None) every message of one sender; returns how many."""
    match = MessageRow.sender_number == number if number else MessageRow.sender == sender
    result = session.execute(
        update(MessageRow)
        .where(MessageRow.case_id == case_id, match)
        .values(party_id=party_id)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def set_in_dossier(session: Session, case_id: int, ids: Iterable[int], value: bool) -> int:
    wanted = list(ids)
    changed = 0
    for start in range(0, len(wanted), CHUNK):
        result = session.execute(
            update(MessageRow)
            .where(MessageRow.case_id == case_id, MessageRow.id.in_(wanted[start : start + CHUNK]))
            .values(in_dossier=value)
            .execution_options(synchronize_session=False)
        )
        changed += int(getattr(result, "rowcount", 0) or 0)
    return changed


def cases_of_messages(session: Session, ids: Sequence[int]) -> set[int]:
    out: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        stmt = select(MessageRow.case_id).where(MessageRow.id.in_(ids[start : start + CHUNK]))
        out.update(int(c) for c in session.scalars(stmt.distinct()))
    return out


@dataclass(frozen=True)
class DetectorMessage:
    id: int
    sent_utc: datetime
    sender: str
    sender_number: str | None
    direction: str | None
    flagged: bool
    categories: tuple[str, ...]
    party_id: int | None


def detector_messages(session: Session, case_id: int) -> list[DetectorMessage]:
    stmt = (
        select(
            MessageRow.id,
            MessageRow.sent_utc,
            MessageRow.sender,
            MessageRow.sender_number,
            MessageRow.direction,
            MessageRow.flagged,
            MessageRow.flags,
            MessageRow.party_id,
        )
        .where(MessageRow.case_id == case_id, MessageRow.kind != "system")
        .order_by(MessageRow.sent_utc, MessageRow.id)
    )
    return [
        DetectorMessage(
            i, t, s, n, d, bool(f), tuple(dict.fromkeys(str(x[0]) for x in flags or [])), p
        )
        for i, t, s, n, d, f, flags, p in session.execute(stmt)
    ]


def batches(session: Session, case_id: int) -> list[MessageBatchRow]:
    stmt = select(MessageBatchRow).where(MessageBatchRow.case_id == case_id)
    return list(session.scalars(stmt.order_by(MessageBatchRow.id)))


def messages_version(session: Session, case_id: int) -> tuple[int, int]:
    """(count, max id): changes whenever messages are added or removed."""
    row = session.execute(
        select(func.count(), func.coalesce(func.max(MessageRow.id), 0)).where(
            MessageRow.case_id == case_id
        )
    ).one()
    return int(row[0]), int(row[1])


def party_names(session: Session, case_id: int) -> list[tuple[int, str, str]]:
    """(id, name, role) of the case's parties (not deleted), to match chat senders by name."""
    stmt = select(PartyRow.id, PartyRow.name, PartyRow.role).where(
        PartyRow.case_id == case_id, PartyRow.deleted.is_(False)
    )
    return [(int(i), str(n), str(r)) for i, n, r in session.execute(stmt)]


def timeline_rows(session: Session, case_id: int) -> list[Any]:
    """(id, sent_utc, sender, sender_number, party_id, kind, text, flags) of every message
    but system lines, for the timeline."""
    stmt = select(
        MessageRow.id,
        MessageRow.sent_utc,
        MessageRow.sender,
        MessageRow.sender_number,
        MessageRow.party_id,
        MessageRow.kind,
        MessageRow.text,
        MessageRow.flags,
    ).where(MessageRow.case_id == case_id, MessageRow.kind != "system")
    return list(session.execute(stmt).all())
