"""Which column holds which field: guessed from Russian and English headers, or a preset.

A mapping is `field → column` where the column is a header name or a 1-based column number
written as text (`"3"`), so it works for headerless files and survives JSON. `resolve_mapping`
turns it into column indexes for one file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.domain.errors import ValidationError

CALL_FIELDS = (
    "start", "end", "duration", "caller", "callee", "virtual", "direction", "status", "order",
    "call_id",
)  # fmt: skip
ORDER_FIELDS = (
    "order", "customer", "courier", "address", "slot_start", "slot_end", "assigned",
    "picked_up", "delivered", "cancelled", "event", "at",
)  # fmt: skip

# Header words of real exports (vendors' and operators' documentation), normalized by
# `normalize_header`. Exact names first; then the longest alias contained in a header wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "start": (
        "start", "start time", "date time start", "date time", "datetime", "call start",
        "calldate", "call date", "start stamp", "time start", "starting date", "start date",
        "date time origination", "date created", "timestamp", "date", "time", "начало",
        "начало звонка", "время начала", "дата и время", "дата время", "дата звонка",
        "время звонка", "дата и время звонка", "дата начала", "время", "дата",
        "дата и время начала", "начало разговора", "время вызова", "дата вызова",
    ),
    "end": (
        "end", "end time", "date time end", "end stamp", "time end", "date time disconnect",
        "finish", "окончание", "конец", "время окончания", "завершение",
        "время завершения", "дата окончания",
    ),
    "duration": (
        "billsec", "duration", "duration sec", "talk time", "call duration", "billable",
        "billseconds", "bill sec", "talk duration", "длительность разговора",
        "продолжительность разговора", "длительность", "продолжительность",
        "время разговора", "длит", "длительность звонка", "продолжительность звонка",
        "продолжительность вызова", "длительность вызова", "длительность сек",
    ),
    "caller": (
        "caller", "from", "source", "source number", "src", "a number", "calling number",
        "caller id number", "caller number", "ani", "calling party number", "from number",
        "from no", "clid", "caller id", "callerid", "number from", "кто звонил", "звонящий",
        "номер звонящего", "абонент а", "номер а", "с номера", "исходящий номер",
        "от кого", "откуда", "номер абонента а", "вызывающий", "вызывающий номер",
        "номер вызывающего", "кто", "абонент", "номер клиента",
    ),
    "callee": (
        "callee", "to", "destination", "dst", "b number", "called number", "destination number",
        "final called party number", "to number", "to no", "number to", "dialed number",
        "кому", "кому звонили", "куда", "вызываемый", "вызываемый номер",
        "номер вызываемого", "абонент б", "номер б", "на номер", "номер назначения",
        "номер абонента б", "куда звонили", "набранный номер",
    ),
    "virtual": (
        "virtual", "virtual number", "did", "destination did", "masked number", "proxy number",
        "line number", "виртуальный номер", "подменный номер", "виртуальный", "подменный",
        "номер платформы", "номер маскировки", "маскированный номер", "номер линии",
        "линия", "входящая линия", "исходящая линия",
    ),
    "direction": (
        "direction", "call type", "call direction", "направление", "тип звонка",
        "тип вызова", "тип", "type", "направление звонка",
    ),
    "status": (
        "status", "disposition", "result", "call status", "hangup cause", "статус",
        "результат", "состояние", "статус звонка", "результат звонка",
    ),
    "order": ("order", "order id", "order number", "заказ", "номер заказа", "id заказа"),
    "call_id": (
        "call id", "uniqueid", "uuid", "call sid", "sid", "global call id call id", "callid",
        "id звонка", "идентификатор звонка", "id записи", "id",
    ),
    "customer": ("customer", "client", "recipient", "клиент", "покупатель", "получатель"),
    "courier": ("courier", "courier id", "курьер", "id курьера", "исполнитель"),
    "address": ("address", "delivery address", "адрес", "адрес доставки"),
    "slot_start": ("slot start", "slot from", "начало слота", "слот с", "интервал с"),
    "slot_end": ("slot end", "slot to", "конец слота", "слот до", "интервал до"),
    "assigned": ("assigned", "assigned at", "назначен", "назначено", "время назначения"),
    "picked_up": ("picked up", "picked up at", "pickup", "забран", "получен курьером",
                  "выдан курьеру"),
    "delivered": ("delivered", "delivered at", "доставлен", "время доставки", "вручен"),
    "cancelled": ("cancelled", "canceled", "cancelled at", "отменен", "время отмены"),
    "event": ("event", "order status", "событие", "статус заказа"),
    "at": ("at", "event time", "time", "время события", "время"),
}  # fmt: skip

# Headers that contain a field's alias but name something else (Sipuni's "ID заказа
# звонка" is a callback request, not a delivery order).
_NOT_FOR: dict[str, tuple[str, ...]] = {
    "order": ("звонка", "call"),
    "direction": ("record", "cdr"),  # CUCM's cdrRecordType is no call direction
}

_UTC_LABEL = re.compile(r"\b(utc|gmt)\b", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_UNITS = re.compile(
    r"[,(\[]\s*(utc|gmt|сек|с|sec|secs|seconds|s|мин|min|msk|мск|ч:м:с|чч:мм:сс|hh:mm:ss)"
    r"\.?\s*[)\]]?\s*$"
)


def normalize_header(name: str) -> str:
    """`Date/Time Start (UTC)` → `date time start`, `dateTimeOrigination` → `date time
    origination`, `Продолжительность звонка, сек.` → `продолжительность звонка`; `ё` read as
    `е`, case, punctuation and unit suffixes dropped."""
    text = _CAMEL.sub(" ", name.strip()).lower().replace("ё", "е")
    text = _UNITS.sub(" ", text)
    text = re.sub(r"\((utc|gmt|сек|sec|secs|с)\)", " ", text)
    text = re.sub(r"\b(utc|gmt)\b", " ", text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def is_utc_label(name: str) -> bool:
    """A header that says its times are UTC (`Date/Time Start (UTC)`, `start_utc`)."""
    return bool(_UTC_LABEL.search(name.replace("_", " ")))


def guess_mapping(columns: Sequence[str], fields: Sequence[str] = CALL_FIELDS) -> dict[str, str]:
    """`field → header` for the headers recognised; each column serves one field at most."""
    normalized = [normalize_header(c) for c in columns]
    taken: set[int] = set()
    result: dict[str, str] = {}
    for field in fields:  # pass 1: exact names
        for alias in ALIASES[field]:
            hit = next((i for i, n in enumerate(normalized) if n == alias and i not in taken), None)
            if hit is not None:
                result[field] = columns[hit]
                taken.add(hit)
                break
    candidates: list[tuple[int, str, int]] = []
    for field in fields:  # pass 2: a longer alias inside the header
        if field in result:
            continue
        for alias in ALIASES[field]:
            if len(alias) < 4:
                continue
            for i, name in enumerate(normalized):
                if any(word in name.split() for word in _NOT_FOR.get(field, ())):
                    continue
                if f" {alias} " in f" {name} ":
                    candidates.append((len(alias), field, i))
    for _, field, i in sorted(candidates, reverse=True):
        if field not in result and i not in taken:
            result[field] = columns[i]
            taken.add(i)
    return result


def looks_like_header(cells: Sequence[str], fields: Sequence[str] = CALL_FIELDS) -> bool:
    """True when at least two cells of the row are known header names."""
    return len(guess_mapping([c for c in cells if c.strip()], fields)) >= 2


def resolve_mapping(
    mapping: Mapping[str, str], columns: Sequence[str], fields: Sequence[str] = CALL_FIELDS
) -> dict[str, int]:
    """Column indexes for `mapping`. A value is a header name (`a|b` = first present) or a
    1-based column number; unknown fields or columns raise `ValidationError`."""
    lowered = {c.strip().lower(): i for i, c in reversed(list(enumerate(columns)))}
    result: dict[str, int] = {}
    for field, ref in mapping.items():
        if field not in fields:
            raise ValidationError(
                f"unknown field {field!r} (fields: {', '.join(fields)})", field="map"
            )
        index = _column_index(str(ref), lowered, len(columns))
        if index is None:
            raise ValidationError(f"no column {ref!r} for field {field!r}", field="map")
        result[field] = index
    return result


def _column_index(ref: str, lowered: Mapping[str, int], width: int) -> int | None:
    for option in ref.split("|"):
        key = option.strip().lower()
        if key in lowered:
            return lowered[key]
        if key.isdigit() and 1 <= int(key) <= width:
            return int(key) - 1
    return None


def parse_map_option(text: str) -> dict[str, str]:
    """`caller=Кто звонил,duration=5` (the CLI's `--map`) → dict; bad syntax raises."""
    result: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise ValidationError(f"--map expects FIELD=COLUMN, got {part!r}", field="map")
        result[field.strip()] = column.strip()
    return result


def present_mapping(mapping: Mapping[str, str], columns: Sequence[str]) -> dict[str, str]:
    """The entries of `mapping` whose column exists in this file (a preset may name columns
    an older export version lacks)."""
    lowered = {c.strip().lower(): i for i, c in enumerate(columns)}
    return {
        f: ref
        for f, ref in mapping.items()
        if _column_index(str(ref), lowered, len(columns)) is not None
    }


def concrete_mapping(mapping: Mapping[str, str], columns: Sequence[str]) -> dict[str, str]:
    """`mapping` with each `a|b|3` reference replaced by the column of this file it names
    (entries naming no column of the file are left out)."""
    lowered = {c.strip().lower(): i for i, c in reversed(list(enumerate(columns)))}
    found: dict[str, str] = {}
    for field, ref in mapping.items():
        index = _column_index(str(ref), lowered, len(columns))
        if index is not None:
            found[field] = columns[index]
    return found
