"""Screenshots of a chat (PNG/JPEG) read by Tesseract OCR (`rus+eng`), the system's
program found at run time (`CASEBOOK_TESSERACT` names another one).

Tesseract's TSV gives words with boxes; words become lines, lines become bubbles: a bubble
ends with the time it shows (`21:30`), its side of the picture says who wrote it (right:
the phone's owner, left: the other person, named by the chat's header line), and day
separators (`12 сентября`, `Вчера`, `12.09.2025`) give the date. Every message is marked as
read from a screenshot, with its box on the picture, to be checked against the image.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from app.domain.errors import ValidationError
from app.domain.messages.records import (
    Direction,
    MessageFormat,
    MessageKind,
    MessageRecord,
    ParsedChat,
    Rejection,
)
from app.ingest.messages.common import (
    ParseOptions,
    ZoneNeeded,
    local_to_utc,
    owner_number,
    phone_or_none,
)

LANGUAGES = ("rus", "eng")
TIMEOUT_S = 120
_TIME_AT_END = re.compile(r"(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)\s*(?:[✓✔√v/\\]{1,2}|[Vv]{1,2})?\s*$")
_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_DAY_MONTH = re.compile(
    r"^(?P<d>\d{1,2})\s+(?P<mon>[а-яa-z]{3,9})\.?(?:\s+(?P<y>\d{4}))?(?:\s*г\.?)?$", re.I
)
_MONTH_DAY = re.compile(r"^(?P<mon>[a-z]{3,9})\s+(?P<d>\d{1,2}),?(?:\s+(?P<y>\d{4}))?$", re.I)
_NUMERIC_DATE = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")
_RELATIVE = {"сегодня": 0, "today": 0, "вчера": -1, "yesterday": -1}


def tesseract_path() -> str:
    """The Tesseract program, or a `ValidationError` that says how to install it."""
    configured = os.environ.get("CASEBOOK_TESSERACT")
    found = configured if configured and Path(configured).is_file() else shutil.which("tesseract")
    if not found:
        raise ValidationError(
            "reading screenshots needs Tesseract OCR with Russian and English: install "
            "tesseract-ocr, tesseract-ocr-rus and tesseract-ocr-eng (Windows: the UB Mannheim "
            "build) or set CASEBOOK_TESSERACT to tesseract's path",
            field="ocr",
        )
    listed = subprocess.run(
        [found, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    have = set(listed.stdout.split()) | set(listed.stderr.split())
    missing = [lang for lang in LANGUAGES if lang not in have]
    if missing:
        raise ValidationError(
            f"Tesseract OCR at {found} lacks the language data {', '.join(missing)}: install "
            + " ".join(f"tesseract-ocr-{m}" for m in missing),
            field="ocr",
        )
    return found


@dataclass
class _Line:
    text: str
    left: int
    top: int
    right: int
    bottom: int


@dataclass
class _Bubble:
    lines: list[_Line] = field(default_factory=list)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (
            min(x.left for x in self.lines), min(x.top for x in self.lines),
            max(x.right for x in self.lines), max(x.bottom for x in self.lines),
        )  # fmt: skip


def ocr_lines(path: Path) -> tuple[list[_Line], int]:
    """Tesseract's lines of the picture and the picture's width."""
    program = tesseract_path()
    result = subprocess.run(
        [program, str(path), "stdout", "-l", "+".join(LANGUAGES), "--psm", "4", "tsv"],
        capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise ValidationError(
            f"{path.name}: Tesseract could not read it ({result.stderr.strip()[:200]})",
            field="file",
        )
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
    width = max((int(r["width"]) for r in rows if r.get("level") == "1"), default=0)
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in rows:
        if row.get("level") == "5" and (row.get("text") or "").strip():
            groups.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    lines = []
    for words in groups.values():
        left = min(int(w["left"]) for w in words)
        top = min(int(w["top"]) for w in words)
        right = max(int(w["left"]) + int(w["width"]) for w in words)
        bottom = max(int(w["top"]) + int(w["height"]) for w in words)
        lines.append(_Line(" ".join(w["text"] for w in words), left, top, right, bottom))
    lines.sort(key=lambda x: (x.top, x.left))
    return lines, width


def _day(text: str, today: date | None) -> date | None:
    clean = text.strip().lower()
    if clean in _RELATIVE and today is not None:
        return today + timedelta(days=_RELATIVE[clean])
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.match(clean)
        if match:
            month = next(
                (n for stem, n in _MONTHS.items() if match["mon"].lower().startswith(stem)), None
            )
            if month is None:
                return None
            year = int(match["y"]) if match["y"] else (today.year if today else None)
            if year is None:
                return None
            try:
                return date(year, month, int(match["d"]))
            except ValueError:
                return None
    match = _NUMERIC_DATE.match(clean)
    if match:
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
    return None


def parse_screenshot(path: Path, options: ParseOptions) -> ParsedChat:
    """OCR one screenshot into messages. Needs the zone of the times it shows (`tz`) and a
    date: a day separator on the picture, else `options.date` (ISO `2025-09-12`)."""
    if options.tz is None:
        raise ZoneNeeded(path.name, "21:30")
    given = date.fromisoformat(options.date) if options.date else None
    lines, width = ocr_lines(path)
    own = owner_number(options)
    chat = ParsedChat(MessageFormat.SCREENSHOT, owner=options.owner, owner_number=own)
    if (
        lines
        and lines[0].top < 0.12 * max((x.bottom for x in lines), default=1)
        and not _TIME_AT_END.search(lines[0].text)
        and _day(lines[0].text, given) is None
    ):
        chat.title = lines.pop(0).text
    current = given
    bubble = _Bubble()
    for number, line in enumerate(lines, start=1):
        day = _day(line.text, current or given)
        if day is not None and not bubble.lines:
            current = day
            continue
        bubble.lines.append(line)
        match = _TIME_AT_END.search(line.text)
        if match is None:
            continue
        if current is None:
            raise ValidationError(
                f"{path.name}: the screenshot shows no date; give the day it shows "
                "(--date YYYY-MM-DD)",
                field="date",
            )
        hour, minute = int(match["h"]), int(match["m"])
        if hour > 23:
            chat.rejected.append(Rejection(number, "bad_time", line.text[:80]))
            bubble = _Bubble()
            continue
        bubble.lines[-1] = _Line(
            line.text[: match.start()].rstrip(), line.left, line.top, line.right, line.bottom
        )
        text = "\n".join(x.text for x in bubble.lines if x.text).strip()
        left, top, right, bottom = bubble.box
        outgoing = width > 0 and (left + right) / 2 > width * 0.55
        sent = local_to_utc(
            datetime.combine(current, datetime.min.time()).replace(hour=hour, minute=minute),
            options.tz,
        )
        chat.messages.append(
            MessageRecord(
                line=number,
                sent_utc=sent,
                sender=(options.owner or "owner") if outgoing else (chat.title or "?"),
                text=text,
                kind=MessageKind.TEXT,
                sender_number=own if outgoing else phone_or_none(chat.title, options.region),
                direction=Direction.OUTGOING if outgoing else Direction.INCOMING,
                chat=chat.title,
                from_screenshot=True,
                region=(left, top, right, bottom),
            )
        )
        bubble = _Bubble()
    for leftover in bubble.lines:
        chat.rejected.append(Rejection(lines.index(leftover) + 1, "no_time", leftover.text[:80]))
    return chat
