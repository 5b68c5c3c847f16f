"""The import asks phonenumbers about a Russian number once per six-digit block: that is exact
only while Russia's numbering plan (phonenumbers' metadata) leaves the last four digits of
every pattern free. Both the metadata's shape and the answers are checked here, so a new
phonenumbers release that breaks it fails the tests instead of mis-reading numbers."""

from __future__ import annotations

import random
import re

from phonenumbers import PhoneMetadata, PhoneNumber, is_valid_number

from app.ingest.calls import RU_FREE_DIGITS, russian_number_valid

_TYPES = (
    "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number", "voip",
    "pager", "uan", "voicemail",
)  # fmt: skip


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def test_every_russian_pattern_ends_in_free_digits() -> None:
    meta = PhoneMetadata.metadata_for_region("RU")
    assert meta is not None
    checked = 0
    for kind in _TYPES:
        desc = getattr(meta, kind)
        if desc is None or desc.national_number_pattern is None:
            continue
        for alternative in _top_level_alternatives(desc.national_number_pattern):
            free = re.search(r"\\d\{(\d+)\}$", alternative)
            assert free and int(free.group(1)) >= RU_FREE_DIGITS, (kind, alternative)
            checked += 1
    assert checked >= 5


def test_block_answers_equal_phonenumbers() -> None:
    rng = random.Random(5)
    prefixes = ["9", "91", "93000", "930005", "93003", "495", "812", "3012", "800", "809", "7"]
    numbers = [int(rng.choice(prefixes) + "".join(rng.choices("0123456789", k=9)))]
    for _ in range(4_000):
        head = rng.choice(prefixes)
        numbers.append(int((head + "".join(rng.choices("0123456789", k=10)))[:10]))
    numbers += [123_456_789, 10**9, 10**10 - 1]
    valid = 0
    for national in numbers:
        expected = is_valid_number(PhoneNumber(country_code=7, national_number=national))
        assert russian_number_valid(national) is bool(expected), national
        valid += bool(expected)
    assert 500 < valid < len(numbers) - 500  # both answers were asked about
