"""Which column holds which field when nobody said: header words of real vendors and
operators (`mapping.ALIASES`), vendor layouts without a header recognised by their shape
(Asterisk `Master.csv`, FreeSWITCH `cdr-csv`, Cisco CUCM flat files, 3CX), and every column
typed by its content, so a header-less file with a date, two numbers and a duration reads
without options. Every guess says what it rests on and how sure it is; below `CONFIDENT`
the caller asks (dialog) or refuses naming the fields it could not place (CLI).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.ingest.mapping import CALL_FIELDS, guess_mapping, present_mapping
from app.ingest.presets import BUILTIN_PRESETS, Preset
from app.ingest.values import detect_date_format, parse_direction, parse_duration, parse_status

REQUIRED = ("start", "caller", "callee")
CONFIDENT = 0.6

_PHONE = re.compile(r"\s*\+?[\d\s()\-.]{7,20}$")
_EXTENSION = re.compile(r"\s*(ext\.?\s*)?\d{2,6}\s*$", re.IGNORECASE)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_HANGUP_CAUSE = re.compile(r"[A-Z_]{4,}$")  # Q.850 names: NORMAL_CLEARING, USER_BUSY...
_DISPOSITIONS = {"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"}


@dataclass(frozen=True)
class Guess:
    """The mapping a file reads with and what it rests on."""

    mapping: dict[str, str]
    basis: str  # "header", "shape", "content", "header+content"
    confidence: float  # 0 … 1
    preset: str | None = None  # the vendor layout a shape matched
    unplaced: tuple[str, ...] = ()  # required fields without a column


# --- content typing ----------------------------------------------------------------------------


def _share(values: Sequence[str], test: Callable[[str], bool]) -> float:
    filled = [v for v in values if v.strip()]
    if not filled:
        return 0.0
    return sum(1 for v in filled if test(v.strip())) / len(filled)


def _reads(reader: Callable[[str], object]) -> Callable[[str], bool]:
    def test(value: str) -> bool:
        try:
            return reader(value) is not None
        except (ValueError, OverflowError):
            return False

    return test


def column_kind(values: Sequence[str]) -> str:
    """`date`, `phone`, `extension`, `duration`, `status`, `direction`, `id`, `empty` or
    `text`, from the cells of one column."""
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return "empty"
    small_numbers = all(v.isdigit() and len(v) < 9 for v in filled)
    if detect_date_format(filled) is not None and not small_numbers:
        return "date"
    if _share(filled, lambda v: bool(_UUID.match(v))) >= 0.8:
        return "id"
    if _share(filled, _phone_like) >= 0.6:
        return "phone"
    if _duration_like(filled):
        return "extension" if _extension_like(filled) else "duration"
    if _share(filled, lambda v: bool(_EXTENSION.match(v))) >= 0.8:
        return "extension"
    if _share(filled, lambda v: parse_status(v) is not None) >= 0.6:
        return "status"
    if _share(filled, lambda v: len(v) < 20 and parse_direction(v) is not None) >= 0.6:
        return "direction"
    return "text"


def _phone_like(value: str) -> bool:
    return bool(_PHONE.match(value)) and 7 <= sum(c.isdigit() for c in value) <= 15


def _duration_like(values: Sequence[str]) -> bool:
    """Most cells a duration: `HH:MM:SS`, `MM:SS`, or seconds under a day (a bad row
    may be among them)."""
    if _share(values, _reads(parse_duration)) < 0.8:
        return False
    if _share(values, lambda v: ":" in v) >= 0.5:
        return True
    numbers = [v for v in values if v.replace(".", "", 1).isdigit()]
    return len(numbers) * 5 >= len(values) * 4 and max(float(v) for v in numbers) < 86_400


def _extension_like(values: Sequence[str]) -> bool:
    """Short numbers that repeat and never look like a stopwatch (`610`, `3333`): PBX
    extensions rather than durations. Durations vary and include zeros."""
    if any(":" in v or "." in v for v in values):
        return False
    distinct = set(values)
    return (
        "0" not in distinct
        and all(len(v) >= 3 for v in values)
        and len(distinct) * 2 <= len(values)
    )


def column_kinds(columns: Sequence[str], sample: Sequence[Sequence[str]]) -> list[str]:
    return [column_kind([row[i] for row in sample if i < len(row)]) for i in range(len(columns))]


# --- header-less vendor layouts ----------------------------------------------------------------


def _cells(sample: Sequence[Sequence[str]], index: int) -> list[str]:
    return [row[index].strip() for row in sample if index < len(row)]


def _all(values: Sequence[str], test: Callable[[str], bool]) -> bool:
    return bool(values) and all(test(v) for v in values)


def _epoch(value: str) -> bool:
    return value.isdigit() and detect_date_format([value]) == "unix"


def _iso(value: str) -> bool:
    return detect_date_format([value]) == "iso"


def shape_preset(sample: Sequence[Sequence[str]]) -> str | None:
    """The built-in preset whose header-less layout `sample` has, if any."""
    if not sample:
        return None
    width = max(len(row) for row in sample)

    def col(index: int, test: Callable[[str], bool]) -> bool:
        return _all(_cells(sample, index), test)

    if width in (17, 18) and col(9, _iso) and col(14, lambda v: v.upper() in _DISPOSITIONS):
        return "asterisk-master"
    if width >= 11 and col(4, _iso) and col(9, lambda v: bool(_HANGUP_CAUSE.match(v))):
        return "freeswitch-csv"
    if width >= 94 and col(0, lambda v: v in ("0", "1", "2")) and col(4, _epoch):
        return "cisco-cucm"
    if width >= 9 and col(3, lambda v: detect_date_format([v]) == "ymd") and col(2, _clock):
        return "3cx"
    if 11 <= width <= 13 and col(1, _epoch) and col(8, lambda v: v.isdigit() and len(v) == 4):
        return "mango-office"
    return None


def _clock(value: str) -> bool:
    return ":" in value


# --- the guess ---------------------------------------------------------------------------------


def _by_content(
    columns: Sequence[str], kinds: Sequence[str], sample: Sequence[Sequence[str]], taken: set[int]
) -> dict[str, str]:
    """Fields placed by what the columns hold."""
    found: dict[str, str] = {}

    def free(kind: str) -> list[int]:
        return [i for i, k in enumerate(kinds) if k == kind and i not in taken]

    dates = free("date")
    if dates:
        found["start"] = columns[dates[0]]
        if len(dates) >= 2:
            found["end"] = columns[dates[-1]]
        taken.update(dates)
    parties = free("phone") + free("extension")
    parties.sort()
    for field, index in zip(("caller", "callee"), parties, strict=False):
        found[field] = columns[index]
        taken.add(index)
    durations = free("duration")
    if durations:
        found["duration"] = columns[_talk_time(durations, sample)]
        taken.update(durations)
    for field in ("status", "direction"):
        hits = free(field)
        if hits:
            found[field] = columns[hits[0]]
            taken.add(hits[0])
    return found


def _talk_time(indexes: list[int], sample: Sequence[Sequence[str]]) -> int:
    """Of two adjacent duration columns (duration, billsec) the second is the talk time
    when it never exceeds the first."""
    for a, b in pairwise(indexes):
        if b != a + 1:
            continue
        pairs = [(row[a], row[b]) for row in sample if b < len(row)]
        try:
            if all((parse_duration(y) or 0) <= (parse_duration(x) or 0) for x, y in pairs):
                return b
        except ValueError:
            continue
    return indexes[0]


def _agrees(field: str, kind: str) -> bool:
    """Whether a column's content fits the field its header names. Unclear content (text,
    empty) never overrules a header; a start must hold dates."""
    if field == "start":
        return kind == "date"
    if kind in ("text", "empty", "id"):
        return True
    expected = {
        "end": ("date",),
        "caller": ("phone", "extension"),
        "callee": ("phone", "extension"),
        "virtual": ("phone", "extension"),
        "duration": ("duration", "extension"),
        "status": ("status", "direction", "extension", "duration"),
        "direction": ("direction", "status", "extension", "duration"),
    }
    return kind in expected.get(field, (kind,))


def header_preset(columns: Sequence[str], presets: Sequence[Preset]) -> str | None:
    """The built-in preset whose header names the file carries (a vendor export recognised by
    its header: Sipuni, Twilio, UIS...), when it names the required fields and at least five
    columns of the file; the preset then brings its zone and codes."""
    best, best_hits = None, 4
    for preset in presets:
        if not preset.has_header or not preset.builtin or preset.constants:
            continue  # a preset that fixes values (DIDWW in/out) is never a guess
        named = {
            f: ref
            for f, ref in preset.mapping.items()
            if not all(part.strip().isdigit() for part in ref.split("|"))
        }
        found = present_mapping(named, columns)
        if not all(f in found for f in REQUIRED if f in preset.mapping):
            continue
        if len(found) > best_hits:
            best, best_hits = preset.name, len(found)
    return best


def guess_columns(
    columns: Sequence[str],
    sample: Sequence[Sequence[str]],
    has_header: bool,
    fields: Sequence[str] = CALL_FIELDS,
) -> Guess:
    """The best mapping for a file nobody described: header words first, then the content
    of the columns the header left unplaced; a header-less vendor layout by its shape."""
    kinds = column_kinds(columns, sample)
    if not has_header:
        preset = shape_preset(sample)
        if preset is not None:
            return Guess({}, "shape", 0.95, preset=preset)
    else:
        preset = header_preset(columns, BUILTIN_PRESETS)
        if preset is not None:
            return Guess({}, "header", 0.95, preset=preset)
    mapping = guess_mapping(columns, fields) if has_header else {}
    index = {c: i for i, c in enumerate(columns)}
    # a header word whose column holds something else is dropped (a "Время ответа" of
    # seconds is no start time)
    disagree = [f for f, c in mapping.items() if not _agrees(f, kinds[index[c]])]
    for field in disagree:
        del mapping[field]
    from_header = set(mapping)
    taken = {index[c] for c in mapping.values()}
    extra = {
        f: c for f, c in _by_content(columns, kinds, sample, taken).items() if f not in mapping
    }
    mapping.update(extra)
    # an inbound log of virtual numbers (DIDWW) ends each call at the number
    unplaced = tuple(
        f for f in REQUIRED if f not in mapping and not (f == "callee" and "virtual" in mapping)
    )
    if from_header and not extra:
        basis = "header"
    elif from_header:
        basis = "header+content"
    else:
        basis = "content"
    placed_by_header = sum(1 for f in REQUIRED if f in from_header)
    confidence = 0.5 + 0.15 * placed_by_header + (0.1 if "duration" in mapping else 0.0)
    if not from_header:
        confidence = 0.7 if not unplaced else 0.3
        # more number columns than caller and callee: which two is a guess
        if sum(1 for k in kinds if k == "phone") > 2:
            confidence -= 0.15
    confidence -= 0.1 * len(disagree) + 0.25 * len(unplaced)
    return Guess(mapping, basis, round(max(0.0, min(confidence, 0.99)), 2), unplaced=unplaced)
