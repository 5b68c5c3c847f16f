"""Typographic rules of the dossier, applied to every text before it is laid out.

- A number and its unit, `№` and its number, a date and its time stay on one line
  (non-breaking spaces: `20 с`, `3 мин`, `1,2 МБ`, `№ 5`, `14.09.2025 21:27`).
- A phone number is never split (`+7 916 123-45-67`, masked or not, `8 (916) 123-45-67`).
- A long file name breaks only after a separator (`_`, `-`, `.`, `/`): `break_name` lays it
  out in lines of the column's width itself (the fonts have no zero-width space to give the
  line breaker a place, and reportlab would otherwise cut the name mid-word).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"

_UNITS = (
    "с|сек|мин|ч|д|мс|Б|КБ|МБ|ГБ|ppm|кадр|кадра|кадров|звонок|звонка|звонков|"
    "s|min|h|d|ms|B|KiB|MiB|GiB|KB|MB|GB|%|calls?|frames?"
)
_NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?![\wА-Яа-яЁё]))")
_SIGN_NUMBER = re.compile(r"(№|No\.) (?=\d)")
_DATE_TIME = re.compile(
    r"(?<=\d{2}\.\d{2}\.\d{4}) (?=\d{2}:\d{2})|(?<=\d{4}-\d{2}-\d{2}) (?=\d{2}:\d{2})"
)
_PHONE = re.compile(
    r"\+\d{1,3}[ \u00a0]\(?[\d*]{3}\)?[ \u00a0][\d*]{3}-[\d*]{2}-[\d*]{2}"
    r"|\b8 \(\d{3}\) \d{3}-\d{2}-\d{2}"
)
_AFTER_SEPARATOR = re.compile(r"(?<=[_\-./])(?=[^_\-./])")


def _glue(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", NBSP)


def typeset(text: str) -> str:
    """`text` with the dossier's typographic rules applied (see the module's docstring)."""
    if not text:
        return text
    text = _PHONE.sub(_glue, text)
    text = _NUMBER_UNIT.sub(NBSP, text)
    text = _SIGN_NUMBER.sub(lambda m: m.group(1) + NBSP, text)
    return _DATE_TIME.sub(NBSP, text)


def break_name(name: str, width: float, measure: Callable[[str], float]) -> str:
    """`name` in lines no wider than `width` (by `measure`), broken only after separators; a
    piece with no separator that is still too wide stays whole (the cell wraps it)."""
    if measure(name) <= width:
        return name
    lines: list[str] = []
    line = ""
    for piece in _AFTER_SEPARATOR.split(name):
        if line and measure(line + piece) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    return "\n".join([*lines, line])
