"""Order exports → `OrderRecord`s: one row per order (a column per status event) or one row
per event (`event` + `at` columns); rows of the same order are merged by the caller.

Reason codes: `no_order` (empty order number), `bad_date`, `unknown_event`, `short_row`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from app.domain.cases import OrderEventKind
from app.domain.errors import ValidationError
from app.domain.timeutil import zone as load_zone
from app.ingest.calls import RejectedRow
from app.ingest.mapping import ORDER_FIELDS, is_utc_label, resolve_mapping
from app.ingest.tabular import SourceFormat, iter_rows
from app.ingest.values import detect_date_format, make_instant_reader

EVENT_FIELDS = ("assigned", "picked_up", "delivered", "cancelled")
_EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "assigned": ("assign", "назнач", "принят курьер", "взят в работу"),
    "picked_up": ("pick", "забран", "получен курьер", "выдан курьер", "в пути"),
    "delivered": ("deliver", "доставлен", "вручен", "выполнен"),
    "cancelled": ("cancel", "отмен"),
}


@dataclass(frozen=True)
class OrderRecord:
    line: int
    number: str
    customer: str = ""
    courier: str = ""
    address: str = ""
    slot_start: datetime | None = None
    slot_end: datetime | None = None
    events: tuple[tuple[str, datetime], ...] = field(default_factory=tuple)


def parse_event_kind(text: str) -> str | None:
    value = text.strip().lower().replace("ё", "е")
    if value in EVENT_FIELDS:
        return value
    for kind, words in _EVENT_WORDS.items():
        if any(word in value for word in words):
            return kind
    return None


class OrderRowReader:
    def __init__(self, fmt: SourceFormat, mapping: Mapping[str, str], tz: str | None) -> None:
        self.fmt = fmt
        self.index = resolve_mapping(mapping, fmt.columns, ORDER_FIELDS)
        if "order" not in self.index:
            raise ValidationError("map the column for: order", field="map")
        file_zone = load_zone(tz) if tz else None
        time_fields = (*EVENT_FIELDS, "slot_start", "slot_end", "at")
        self.readers = {f: self._reader(f, file_zone) for f in time_fields if f in self.index}

    def _reader(self, name: str, file_zone: tzinfo | None) -> Callable[[str], datetime]:
        col = self.index[name]
        samples = [row[col] for row in self.fmt.sample if col < len(row)]
        fmt = detect_date_format(samples) or "dmy"
        utc_column = self.fmt.has_header and is_utc_label(self.fmt.columns[col])
        if not utc_column and file_zone is None and any(s.strip() for s in samples):
            raise ValidationError(
                "the file does not say its time zone: give one (e.g. Europe/Moscow)", field="tz"
            )
        return make_instant_reader(fmt, UTC if utc_column else file_zone)

    def _cell(self, cells: list[str], name: str) -> str:
        col = self.index.get(name)
        return cells[col].strip() if col is not None and col < len(cells) else ""

    def _time(self, cells: list[str], name: str) -> datetime | None:
        text = self._cell(cells, name)
        if not text:
            return None
        try:
            return self.readers[name](text)
        except (ValueError, OverflowError, LookupError) as exc:
            raise _BadRow("bad_date", text) from exc

    def read(self, line: int, cells: list[str]) -> OrderRecord | RejectedRow:
        try:
            return self._record(line, cells)
        except _BadRow as bad:
            return RejectedRow(line, bad.reason, bad.detail)

    def _record(self, line: int, cells: list[str]) -> OrderRecord:
        number = self._cell(cells, "order")
        if not number:
            raise _BadRow("no_order", "")
        events = [(kind, at) for kind in EVENT_FIELDS if (at := self._time(cells, kind))]
        if "event" in self.index:
            text = self._cell(cells, "event")
            kind = parse_event_kind(text)
            at = self._time(cells, "at")
            if text and kind is None:
                raise _BadRow("unknown_event", text)
            if kind is not None and at is not None:
                events.append((kind, at))
        return OrderRecord(
            line=line,
            number=number,
            customer=self._cell(cells, "customer"),
            courier=self._cell(cells, "courier"),
            address=self._cell(cells, "address"),
            slot_start=self._time(cells, "slot_start"),
            slot_end=self._time(cells, "slot_end"),
            events=tuple((OrderEventKind(k).value, at) for k, at in events),
        )


class _BadRow(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def parse_orders(
    path: Path, fmt: SourceFormat, mapping: Mapping[str, str], tz: str | None
) -> Iterator[OrderRecord | RejectedRow]:
    reader = OrderRowReader(fmt, mapping, tz)
    for line, cells in iter_rows(path, fmt):
        yield reader.read(line, cells)
