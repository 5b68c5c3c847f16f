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

# Exact names first; then the longest alias contained in a header wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "start": (
        "start", "start time", "date time start", "date time", "datetime", "call start",
        "calldate", "start stamp", "начало", "начало звонка", "время начала", "дата и время",
        "дата время", "дата звонка", "время звонка", "дата", "timestamp", "date",
    ),
    "end": ("end", "end time", "date time end", "end stamp", "окончание", "конец",
            "время окончания", "завершение"),
    "duration": (
        "duration", "duration sec", "billsec", "talk time", "длительность",
        "длительность разговора", "продолжительность", "время разговора", "длит",
    ),
    "caller": (
        "caller", "from", "source", "source number", "src", "a number", "calling number",
        "caller id number", "caller number", "ani", "кто звонил", "звонящий",
        "номер звонящего", "абонент а", "номер а", "с номера", "исходящий номер", "от кого",
    ),
    "callee": (
        "callee", "to", "destination", "dst", "b number", "called number", "destination number",
        "кому", "кому звонили", "куда", "вызываемый", "вызываемый номер", "номер вызываемого",
        "абонент б", "номер б", "на номер", "номер назначения",
    ),
    "virtual": (
        "virtual", "virtual number", "did", "destination did", "masked number", "proxy number",
        "виртуальный номер", "подменный номер", "виртуальный", "подменный", "номер платформы",
        "номер маскировки", "маскированный номер",
    ),
    "direction": ("direction", "call type", "направление", "тип звонка", "тип вызова", "тип"),
    "status": ("status", "disposition", "result", "статус", "результат", "состояние"),
    "order": ("order", "order id", "order number", "заказ", "номер заказа", "id заказа"),
    "call_id": ("call id", "uniqueid", "uuid", "id звонка", "идентификатор звонка", "id"),
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

_UTC_LABEL = re.compile(r"\b(utc|gmt)\b", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


def normalize_header(name: str) -> str:
    """`Date/Time Start (UTC)` → `date time start`; `ё` read as `е`, unit suffixes dropped."""
    text = name.lower().replace("ё", "е")
    text = re.sub(r"\((utc|gmt|сек|sec|secs|с)\)", " ", text)
    text = re.sub(r"\b(utc|gmt)\b", " ", text)
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


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
