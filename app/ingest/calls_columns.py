"""Call-log rows read column by column, for bulk imports.

`CallRowReader.read` spends most of its time on per-row Python (a dozen calls and a record
object per row). Here a batch of rows is turned into columns once, and each column is read
over all rows: a date by its minute (the minute read once, the seconds added), a number,
a duration, a status or a direction by its distinct raw value (a log repeats them), the
rest as plain list operations. Any row the fast path is not sure of — a bad or odd cell,
a short row, a time that is no `…HH:MM:SS` — is read by `CallRowReader.read` itself, so
the results (values and rejection reasons) are exactly those of the row reader; a test
holds the two equal on every sample file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from operator import itemgetter
from typing import TypeVar

from app.domain.calls.records import CallColumns, CallRecord, epoch_us
from app.ingest.calls import FIELD_ORDER, CallRowReader, ParsedCall, RejectedRow
from app.ingest.values import (
    ANSWERED,
    INBOUND,
    MISSED,
    OUTBOUND,
    parse_direction,
    parse_duration,
    parse_status,
)

# The two seconds digits of a time, as microseconds.
_SECONDS = {f"{s:02d}": s * 1_000_000 for s in range(60)}
_BAD = -1  # a duration cell that does not read
MINUTES_KEPT = 100_000  # minutes (and duration texts) remembered across batches
T = TypeVar("T")


class CallColumnReader:
    """Reads batches of `(line, cells)` rows of one file with a `CallRowReader`'s plan."""

    def __init__(self, rows: CallRowReader) -> None:
        self.rows = rows
        self._minutes: dict[str, dict[str, int | None]] = {f: {} for f in rows.readers}
        self._durations: dict[str, int | None] = {}
        self.rows_read_whole = 0  # rows left to the row reader (odd or bad ones)

    def read_batch(
        self, batch: Sequence[tuple[int, list[str]]]
    ) -> tuple[CallColumns, list[RejectedRow]]:
        """The calls of `batch` in file order, and the rows refused (with their reasons)."""
        reader = self.rows
        count = len(batch)
        numbered, table = zip(*batch, strict=True)
        lines = list(numbered)
        slow: set[int] = set()  # rows the row reader decides
        full = reader.full_width
        if any(len(cells) < full for cells in table):
            slow.update(j for j, cells in enumerate(table) if len(cells) < reader.width)
            table = tuple(c if len(c) >= full else [*c, *[""] * (full - len(c))] for c in table)

        def column(index: int | None) -> list[str]:
            if index is None:
                return [""] * count
            return list(map(str.strip, map(itemgetter(index), table)))

        values = [column(reader.index.get(f)) for f in FIELD_ORDER]
        for position, index in reader.fallbacks.items():
            backup = column(index)
            values[position] = [v or b for v, b in zip(values[position], backup, strict=True)]
        for position, codes in reader.codes.items():
            values[position] = [codes.get(v, v) for v in values[position]]
        for position, constant in reader.constant_values:
            values[position] = [constant] * count
        start_text, end_text, duration_text, caller_raw, callee_raw, virtual_raw = values[:6]
        status_text, direction_text, order_text, call_id_text = values[6:]

        directions = _by_value(direction_text, parse_direction)
        if reader.subscriber:
            own = reader.subscriber
            slow.update(j for j, d in enumerate(directions) if d not in (INBOUND, OUTBOUND))
            sides = list(zip(caller_raw, directions, strict=True))
            caller_raw = [o if d == INBOUND else own for o, d in sides]
            callee_raw = [own if d == INBOUND else o for o, d in sides]
        elif reader.swap_outbound:
            turned = [d == OUTBOUND for d in directions]
            caller_raw, callee_raw = (
                [e if t else r for r, e, t in zip(caller_raw, callee_raw, turned, strict=True)],
                [r if t else e for r, e, t in zip(caller_raw, callee_raw, turned, strict=True)],
            )

        starts = self._instants("start", start_text)
        if None in starts:
            slow.update(j for j, s in enumerate(starts) if s is None)
        if "" in caller_raw or "" in callee_raw:
            pairs = enumerate(zip(caller_raw, callee_raw, strict=True))
            slow.update(j for j, (a, b) in pairs if not a or not b)
        durations = self._durations_of(duration_text, end_text, starts, slow)
        statuses = [
            s or (ANSWERED if d > 0 else MISSED)
            for s, d in zip(_by_value(status_text, parse_status), durations, strict=True)
        ]
        # numbers of the rows the fast path keeps (the row reader normalizes the others')
        keep = range(count) if not slow else [j for j in range(count) if j not in slow]
        raw = {*map(caller_raw.__getitem__, keep), *map(callee_raw.__getitem__, keep)}
        raw.update(map(virtual_raw.__getitem__, keep))
        raw.discard("")
        numbers = reader.numbers_of(raw)
        number = numbers.get  # None for the rows left to the row reader (filled in below)
        columns = CallColumns(
            line=lines,
            start_us=starts,  # type: ignore[arg-type]  # the None of slow rows go below
            duration_s=durations,
            caller=list(map(number, caller_raw)),  # type: ignore[arg-type]
            caller_raw=caller_raw,
            callee=list(map(number, callee_raw)),  # type: ignore[arg-type]
            callee_raw=callee_raw,
            virtual=list(map(number, virtual_raw)),  # no number for an empty cell: None
            virtual_raw=virtual_raw,
            direction=directions,
            status=statuses,
            order_number=[v or None for v in order_text],
            call_id=[v or None for v in call_id_text],
        )
        rejected: list[RejectedRow] = []
        if slow:
            rejected = self._decide(columns, batch, sorted(slow))
        return columns, rejected

    def _instants(self, name: str, texts: list[str]) -> list[int | None]:
        """Microseconds since the epoch of each cell read in its minute; None where the
        cell must be read whole (or is empty)."""
        if name not in self._minutes:
            return [None] * len(texts)
        minutes = self._minutes[name]
        heads = [t[:-2] for t in texts]
        fresh = set(heads).difference(minutes)
        if fresh:
            if len(minutes) + len(fresh) > MINUTES_KEPT:
                minutes.clear()
                fresh = set(heads)
            minute_of = self.rows.minute_readers[name]
            minutes.update((head, minute_of(head)) for head in fresh)
        second = _SECONDS.get
        found = [
            None if (m := minutes[h]) is None or (s := second(t[-2:])) is None else m + s
            for h, t in zip(heads, texts, strict=True)
        ]
        if None in found:  # other forms (epochs, fractions, offsets), read whole once each
            whole = self.rows.readers[name]
            read: dict[str, int | None] = {}
            for j, value in enumerate(found):
                text = texts[j]
                if value is None and text:
                    if text not in read:
                        try:
                            read[text] = epoch_us(whole(text))
                        except (ValueError, OverflowError, LookupError):
                            read[text] = None  # the row reader rejects it
                    found[j] = read[text]
        return found

    def _durations_of(
        self, texts: list[str], end_texts: list[str], starts: list[int | None], slow: set[int]
    ) -> list[int]:
        known = self._durations
        fresh = set(texts).difference(known)
        if len(known) + len(fresh) > MINUTES_KEPT:  # fractions of seconds: few repeat
            known.clear()
            fresh = set(texts)
        for text in fresh:
            try:
                known[text] = parse_duration(text)
            except ValueError:
                known[text] = _BAD
        durations = [known[t] for t in texts]
        if _BAD in durations:
            slow.update(j for j, d in enumerate(durations) if d == _BAD)
        if None not in durations:
            return durations  # type: ignore[return-value]
        ends = self._instants("end", end_texts) if "end" in self.rows.readers else None
        result: list[int] = []
        for j, seconds in enumerate(durations):
            if seconds is not None:
                result.append(seconds)
            elif ends is None or not end_texts[j]:
                result.append(0)
            else:
                start, end = starts[j], ends[j]
                if start is None or end is None or end < start:
                    slow.add(j)  # the row reader says which cell is wrong
                    result.append(0)
                else:
                    result.append(round((end - start) / 1_000_000))
        return result

    def _decide(
        self, columns: CallColumns, batch: Sequence[tuple[int, list[str]]], slow: list[int]
    ) -> list[RejectedRow]:
        """Read the `slow` rows with the row reader: its records replace the fast path's
        values, its rejections leave the batch."""
        rejected: list[RejectedRow] = []
        dropped: set[int] = set()
        self.rows_read_whole += len(slow)
        for j in slow:
            line, cells = batch[j]
            item = self.rows.read(line, list(cells))
            if isinstance(item, ParsedCall):
                _put(columns, j, item.record)
            else:
                rejected.append(item)
                dropped.add(j)
        if dropped:
            for field in fields(columns):
                values = getattr(columns, field.name)
                setattr(columns, field.name, [v for j, v in enumerate(values) if j not in dropped])
        return rejected


def _by_value(texts: list[str], read: Callable[[str], T]) -> list[T]:
    """`read` of each text, called once per distinct text."""
    known = {text: read(text) for text in set(texts)}
    return [known[t] for t in texts]


def _put(columns: CallColumns, j: int, record: CallRecord) -> None:
    columns.start_us[j] = epoch_us(record.start_utc)
    columns.duration_s[j] = record.duration_s
    columns.caller[j] = record.caller
    columns.caller_raw[j] = record.caller_raw
    columns.callee[j] = record.callee
    columns.callee_raw[j] = record.callee_raw
    columns.virtual[j] = record.virtual
    columns.virtual_raw[j] = record.virtual_raw
    columns.direction[j] = record.direction
    columns.status[j] = record.status
    columns.order_number[j] = record.order_number
    columns.call_id[j] = record.call_id
