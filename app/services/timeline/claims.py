"""Times a statement claims ("9 октября около 21:30 он позвонил снова"), read from its text.

Date-and-time mentions are taken: `09.10.2025 21:30`, `2025-10-09 21:30`, and
`9 октября [2025] [в|около] 21:30` (a missing year is the statement's own year, or the year
before when that would put the claim after the statement was taken). A time alone (`около
21:30`, `в 23:10`) is taken on the date of the nearest dated mention before it, as people tell
a day: "9 октября в 14:05 ... в тот же день около 21:30". Words such as "около", "примерно",
"about" give the claim an uncertainty of 15 minutes. Times are read in the case's zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from app.domain.timeutil import ensure_utc, to_utc, zone

APPROX_S = 900.0
CONTEXT_CHARS = 60

_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
_APPROX = r"(?P<approx>около|примерно|приблизительно|about|around|approximately|approx\.?)?"
_TIME = r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?"
_PATTERNS = (
    re.compile(
        _APPROX + r"\s*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\s*(?:г\.?)?[,\s]+"
        r"(?:в\s+|at\s+)?" + _APPROX.replace("approx>", "approx2>") + r"\s*" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(_APPROX + r"\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ]" + _TIME, re.IGNORECASE),
    re.compile(
        _APPROX + r"\s*(?P<d>\d{1,2})\s+(?P<mname>январ|феврал|март|апрел|ма|июн|июл|август"
        r"|сентябр|октябр|ноябр|декабр)[а-я]*(?:\s+(?P<y>\d{4})(?:\s*(?:г\.|года|г))?)?[,\s]+"
        r"(?:в\s+)?" + _APPROX.replace("approx>", "approx2>") + r"\s*" + _TIME,
        re.IGNORECASE,
    ),
)


# a time alone needs a lead word, so "14.05" (a date) or "2:1" (a score) are not taken
_TIME_ONLY = re.compile(
    r"(?<![\d.:])(?P<approx>около|примерно|приблизительно|about|around|approximately)?\s*"
    r"(?:(?P<lead>\b(?:в|at))\s+)?(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    at: datetime  # aware UTC
    uncertainty_s: float
    context: str  # the words around the mention


def claimed_times(text: str, zone_name: str, taken_at: datetime) -> list[Claim]:
    """Every complete date-and-time mention of `text`, in order of appearance."""
    taken = ensure_utc(taken_at)
    found: list[tuple[int, Claim]] = []
    used: list[range] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < u.stop and u.start < span.stop for u in used):
                continue
            at = _moment(match, zone_name, taken)
            if at is None:
                continue
            used.append(span)
            approx = match.group("approx") or match.groupdict().get("approx2")
            found.append(
                (match.start(), Claim(at, APPROX_S if approx else 0.0, _context(text, match)))
            )
    found.sort(key=lambda item: item[0])
    found.extend(_times_alone(text, zone_name, found, used))
    return [claim for _, claim in sorted(found, key=lambda item: item[0])]


def _times_alone(
    text: str, zone_name: str, dated: list[tuple[int, Claim]], used: list[range]
) -> list[tuple[int, Claim]]:
    """Times without a date, placed on the date of the nearest dated mention before them."""
    tz = zone(zone_name)
    out: list[tuple[int, Claim]] = []
    for match in _TIME_ONLY.finditer(text):
        if not (match.group("approx") or match.group("lead")):
            continue
        if any(match.start() < u.stop and u.start < match.end() for u in used):
            continue
        before = [claim for position, claim in dated if position < match.start()]
        if not before:
            continue
        day = before[-1].at.astimezone(tz).date()
        local = datetime(day.year, day.month, day.day, int(match["hh"]), int(match["mi"]))
        at = to_utc(local, zone_name)
        approx = APPROX_S if match.group("approx") else 0.0
        out.append((match.start(), Claim(at, approx, _context(text, match))))
    return out


def _moment(match: re.Match[str], zone_name: str, taken: datetime) -> datetime | None:
    groups = match.groupdict()
    month = _MONTHS[groups["mname"].lower()] if groups.get("mname") else int(groups["m"])
    day, hour, minute = int(groups["d"]), int(groups["hh"]), int(groups["mi"])
    second = int(groups["ss"]) if groups.get("ss") else 0
    year = int(groups["y"]) if groups.get("y") else taken.astimezone(zone(zone_name)).year
    try:
        moment = to_utc(datetime(year, month, day, hour, minute, second), zone_name)
    except ValueError:  # 31.02, 25:61 ...: not a time
        return None
    if not groups.get("y") and moment > taken:
        try:
            moment = to_utc(datetime(year - 1, month, day, hour, minute, second), zone_name)
        except ValueError:
            return None
    return moment


def _context(text: str, match: re.Match[str]) -> str:
    start = max(0, match.start() - CONTEXT_CHARS // 2)
    end = min(len(text), match.end() + CONTEXT_CHARS)
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")
