"""Call-log rows → `CallRecord`s, lazily, with a reason code for every row that cannot be read.

Reason codes (stable, translated by the UI): `bad_date` (no such date or time, e.g. 31.02),
`no_start`, `empty_caller`, `empty_callee`, `bad_duration`, `short_row` (fewer cells than the
mapping needs), `no_direction` (a subscriber's detail row that says neither incoming nor
outgoing). Numbers that cannot be normalized are kept as written, never a reason.

A mobile operator's detail lists the other party only, the subscriber being the one whose
detail it is: with `subscriber` set, the mapped number column (`caller` or `callee`) is the
other party and the direction column says who called whom.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from pathlib import Path

from phonenumbers import PhoneNumber, is_valid_number

from app.domain.calls.records import CallRecord
from app.domain.errors import ValidationError
from app.domain.phones import DEFAULT_REGION, normalize
from app.domain.timeutil import zone as load_zone
from app.ingest.mapping import CALL_FIELDS, is_utc_label, present_mapping, resolve_mapping
from app.ingest.tabular import SourceFormat, iter_rows
from app.ingest.values import (
    ANSWERED,
    DATE_ORDERS,
    MISSED,
    ambiguous_day_month,
    detect_date_format,
    make_instant_reader,
    make_minute_reader,
    parse_direction,
    parse_duration,
    parse_status,
)

REQUIRED = ("start", "caller", "callee")
# Field order of a picked row (the first six are unpacked by position in `_record`).
FIELD_ORDER = (
    "start", "end", "duration", "caller", "callee", "virtual", "status", "direction", "order",
    "call_id",
)  # fmt: skip
_PLAIN_NUMBER = re.compile(r"\s*\+?[\d\s()\-.]+$")
NUMBERS_KEPT = 500_000  # raw number texts remembered (a few tens of MB at most)


def _without_separators(raw: str) -> str:
    """`raw` without the characters numbers are written with: space, tab, ( ) - . +"""
    for mark in " \t()-.+":  # str.replace is several times faster than str.translate
        if mark in raw:
            raw = raw.replace(mark, "")
    return raw


# Russia's numbering plan (phonenumbers' metadata for RU) decides whether a ten-digit national
# number is valid by its first six digits: every pattern ends in four or more free digits (a
# unit test holds the metadata to it). A million-row log of twenty thousand numbers then asks
# phonenumbers a few thousand times, once per six-digit block.
RU_FREE_DIGITS = 4


@lru_cache(maxsize=100_000)
def _ru_block_valid(block: int) -> bool:
    national = block * 10**RU_FREE_DIGITS
    return bool(is_valid_number(PhoneNumber(country_code=7, national_number=national)))


def russian_number_valid(national: int) -> bool:
    """Whether `+7` and the ten-digit `national` number is a valid Russian number."""
    return 10**9 <= national < 10**10 and _ru_block_valid(national // 10**RU_FREE_DIGITS)


REASONS = (
    "bad_date", "no_start", "empty_caller", "empty_callee", "bad_duration", "short_row",
    "no_direction",
)  # fmt: skip


@dataclass(frozen=True)
class CallImportSpec:
    """How to read one file: `field → column` mapping, the file's zone, constants."""

    mapping: Mapping[str, str]
    tz: str | None = None  # zone of naive times; UTC-labelled columns are UTC regardless
    region: str = DEFAULT_REGION
    constants: Mapping[str, str] = field(default_factory=dict)
    subscriber: str | None = None  # whose operator detail this is (see the module doc)
    fallbacks: Mapping[str, str] = field(default_factory=dict)  # field → column if empty
    codes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # vendor codes
    swap_outbound: bool = False  # number columns are (other party, own line)
    date_order: str | None = None  # "dmy" | "mdy" when the file cannot tell


@dataclass(frozen=True, slots=True)
class ParsedCall:
    line: int
    record: CallRecord


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    reason: str  # one of REASONS
    detail: str = ""  # the offending cell, for the report


class _RowError(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class CallRowReader:
    """Reads rows of one file. Built once per file: resolves the mapping, detects each time
    column's format on the sample, checks that naive times have a zone."""

    def __init__(self, fmt: SourceFormat, spec: CallImportSpec) -> None:
        self.fmt = fmt
        self.index = resolve_mapping(spec.mapping, fmt.columns, CALL_FIELDS)
        self.subscriber = spec.subscriber.strip() if spec.subscriber else None
        if self.subscriber:
            other = [self.index.pop(f) for f in ("caller", "callee") if f in self.index]
            if len(set(other)) != 1 or "direction" not in self.index:
                raise ValidationError(
                    "a subscriber's detail needs one number column (the other party) and the "
                    "direction column",
                    field="map",
                )
            self.index["caller"] = self.index["callee"] = other[0]
        if "callee" not in self.index and "virtual" in self.index:
            # An inbound log of virtual numbers (DIDWW cdr_in): the call ends at the number.
            self.index["callee"] = self.index["virtual"]
        self.constants = dict(spec.constants)
        if {"start", "end"} & set(self.constants):
            raise ValidationError("times come from the file, not from constants", field="map")
        missing = [f for f in REQUIRED if f not in self.index and f not in self.constants]
        if missing:
            raise ValidationError(f"map the column for: {', '.join(missing)}", field="map")
        self.width = max((i for f, i in self.index.items() if f in REQUIRED), default=-1) + 1
        self.region = spec.region
        self.date_order = spec.date_order
        present = {f: ref for f, ref in spec.fallbacks.items() if f in ("caller", "callee")}
        self.fallbacks = {
            FIELD_ORDER.index(f): i
            for f, i in resolve_mapping(
                {f: r for f, r in present.items() if _resolvable(r, fmt.columns)},
                fmt.columns,
                CALL_FIELDS,
            ).items()
        }
        self.codes = {
            FIELD_ORDER.index(f): dict(table) for f, table in spec.codes.items() if f in FIELD_ORDER
        }
        self.swap_outbound = spec.swap_outbound
        file_zone = load_zone(spec.tz) if spec.tz else None
        # per time column: the minute reader of the column-wise path (`calls_columns`)
        self.minute_readers: dict[str, Callable[[str], int | None]] = {}
        self.readers: dict[str, Callable[[str], datetime]] = {
            f: self._instant_reader(f, file_zone) for f in ("start", "end") if f in self.index
        }
        self._numbers: dict[str, str] = {}  # raw cell → number
        self._canonical: dict[str, str | None] = {}  # +7 and ten digits → E.164 (or invalid)
        self.numbers_seen: set[str] = set()  # every number value produced (for the case index)
        # All cells of a row in one C call: absent fields read the empty cell appended last.
        self.full_width = max([*self.index.values(), *self.fallbacks.values()], default=-1) + 1
        self._pick = itemgetter(*(self.index.get(f, -1) for f in FIELD_ORDER))
        self.constant_values = [
            (FIELD_ORDER.index(f), v) for f, v in self.constants.items() if f in FIELD_ORDER
        ]

    def _instant_reader(self, name: str, file_zone: tzinfo | None) -> Callable[[str], datetime]:
        col = self.index[name]
        samples = [row[col] for row in self.fmt.sample if col < len(row)]
        fmt = detect_date_format(samples, self.date_order)
        if fmt in DATE_ORDERS and self.date_order is None and ambiguous_day_month(samples):
            raise ValidationError(
                f"column {self.fmt.columns[col]!r} ({name}) holds dates such as "
                f"{next(s for s in samples if s.strip())!r} that read day-first and "
                "month-first alike: say which (date order dmy or mdy)",
                field="date_order",
            )
        if fmt is None:
            shown = next((s for s in samples if s.strip()), "")
            raise ValidationError(
                f"column {self.fmt.columns[col]!r} ({name}) holds no dates I can read: {shown!r}",
                field="map",
            )
        utc_column = is_utc_label(self.fmt.columns[col]) if self.fmt.has_header else False
        reader = make_instant_reader(fmt, UTC if utc_column else file_zone)
        self.minute_readers[name] = make_minute_reader(fmt, UTC if utc_column else file_zone)
        if not utc_column and file_zone is None:
            for sample in samples:
                try:
                    reader(sample)
                except LookupError as exc:
                    raise ValidationError(
                        "the file does not say its time zone: give one (e.g. Europe/Moscow)",
                        field="tz",
                    ) from exc
                except (ValueError, OverflowError):
                    continue
                break
        return reader

    def number(self, raw: str) -> str:
        """E.164 when valid, else the text as written; cached (numbers repeat a lot)."""
        value = self._numbers.get(raw)
        if value is None:
            value = self._normalize(raw)
            self.numbers_seen.add(value)
            if len(self._numbers) < NUMBERS_KEPT:
                self._numbers[raw] = value
        return value

    def numbers_of(self, raws: set[str]) -> dict[str, str]:
        """`number` of every text of `raws`, in a dict holding (at least) all of them."""
        known = self._numbers
        fresh = raws.difference(known)
        if len(known) + len(fresh) > NUMBERS_KEPT:
            known.clear()
            fresh = raws
        normalize = self._normalize
        values = {raw: normalize(raw) for raw in fresh}
        known.update(values)
        self.numbers_seen.update(values.values())
        return known

    def _normalize(self, raw: str) -> str:
        # `8 916 123-45-67`, `+7 (916) 123-45-67` and `79161234567` are one number: ask
        # phonenumbers once per number, not once per way of writing it.
        if self.region != "RU":
            return normalize(raw, self.region).value
        if raw.isascii() and raw.isdigit():  # the usual cells: digits, or + and digits
            digits, plus = raw, False
        elif raw[:1] == "+" and raw.isascii() and raw[1:].isdigit():
            digits, plus = raw[1:], True
        elif _PLAIN_NUMBER.match(raw):
            digits = _without_separators(raw)
            if not digits.isdigit():  # other whitespace
                digits = "".join(ch for ch in raw if ch.isdigit())
            plus = raw.lstrip().startswith("+")
        else:
            return normalize(raw, self.region).value
        if len(digits) == 11 and (digits[0] == "7" or (digits[0] == "8" and not plus)):
            candidate = "+7" + digits[1:]
            found = self._canonical.get(candidate, "")
            if found == "":  # not asked yet
                valid = russian_number_valid(int(digits[1:]))
                found = self._canonical[candidate] = candidate if valid else None
            if found is not None:
                return found
        return normalize(raw, self.region).value

    def read(self, line: int, cells: list[str]) -> ParsedCall | RejectedRow:
        try:
            return ParsedCall(line, self._record(line, cells))
        except _RowError as err:
            return RejectedRow(line, err.reason, err.detail)

    def _record(self, line: int, cells: list[str]) -> CallRecord:
        if len(cells) < self.width:
            raise _RowError("short_row", f"{len(cells)} cells")
        if len(cells) < self.full_width:
            cells.extend([""] * (self.full_width - len(cells)))
        cells.append("")
        values = list(map(str.strip, self._pick(cells)))
        for position, column in self.fallbacks.items():
            if not values[position]:
                values[position] = cells[column].strip()
        for position, table in self.codes.items():
            values[position] = table.get(values[position], values[position])
        for position, constant in self.constant_values:
            values[position] = constant
        start_text, end_text, duration_text, caller_raw, callee_raw, virtual_raw = values[:6]
        if not start_text:
            raise _RowError("no_start")
        if self.subscriber:
            caller_raw, callee_raw = self._sides(caller_raw, values[7])
        elif self.swap_outbound and parse_direction(values[7]) == "out":
            caller_raw, callee_raw = callee_raw, caller_raw
        start = self._instant("start", start_text)
        if not caller_raw:
            raise _RowError("empty_caller")
        if not callee_raw:
            raise _RowError("empty_callee")
        duration = self._duration(duration_text, end_text, start)
        status = parse_status(values[6])
        if status is None:
            status = ANSWERED if duration > 0 else MISSED
        known, number = self._numbers.get, self.number
        return CallRecord(
            start,
            duration,
            known(caller_raw) or number(caller_raw),
            known(callee_raw) or number(callee_raw),
            (known(virtual_raw) or number(virtual_raw)) if virtual_raw else None,
            parse_direction(values[7]),
            status,
            values[8] or None,
            values[9] or None,
            caller_raw,
            callee_raw,
            virtual_raw,
            None,
            line,
        )

    def _sides(self, other: str, direction_text: str) -> tuple[str, str]:
        """(caller, callee) of a subscriber's detail row."""
        direction = parse_direction(direction_text)
        if direction == "in":
            return other, self.subscriber or ""
        if direction == "out":
            return self.subscriber or "", other
        raise _RowError("no_direction", direction_text)

    def _instant(self, name: str, text: str) -> datetime:
        try:
            return self.readers[name](text)
        except (ValueError, OverflowError, LookupError) as exc:
            raise _RowError("bad_date", text) from exc

    def _duration(self, text: str, end_text: str, start: datetime) -> int:
        try:
            seconds = parse_duration(text)
        except ValueError as exc:
            raise _RowError("bad_duration", text) from exc
        if seconds is not None:
            return seconds
        if end_text and "end" in self.readers:
            end = self._instant("end", end_text)
            if end < start:
                raise _RowError("bad_duration", end_text)
            return round((end - start).total_seconds())
        return 0


def _resolvable(ref: str, columns: tuple[str, ...]) -> bool:
    return bool(present_mapping({"x": ref}, columns))


def parse_calls(
    path: Path, fmt: SourceFormat, spec: CallImportSpec
) -> Iterator[ParsedCall | RejectedRow]:
    """Stream the calls of `path`; the file is read once, row by row."""
    reader = CallRowReader(fmt, spec)
    for line, cells in iter_rows(path, fmt):
        yield reader.read(line, cells)


def preview_calls(
    path: Path, fmt: SourceFormat, spec: CallImportSpec, limit: int = 20
) -> list[ParsedCall | RejectedRow]:
    """The first `limit` rows parsed with the current mapping (for the import dialog)."""
    return list(islice(parse_calls(path, fmt, spec), limit))
