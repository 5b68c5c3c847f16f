"""Phone numbers: normalization to E.164 with `phonenumbers`, and masking for the screen.

A number that cannot be normalized (an extension, a short service number) is kept as
written; it is still personal data and is masked the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "RU"


@dataclass(frozen=True, slots=True)
class Phone:
    raw: str
    e164: str | None  # None when the raw value is not a valid number

    @property
    def value(self) -> str:
        """What is stored and compared: E.164 when known, else the raw text stripped."""
        return self.e164 or self.raw.strip()

    @property
    def digits(self) -> str:
        """Digits only, for 'any run of digits' search."""
        return digits_of(self.value)


def digits_of(text: str) -> str:
    return "".join(filter(str.isdigit, text))


@lru_cache(maxsize=200_000)
def _e164(raw: str, region: str) -> str | None:
    text = raw.strip()
    if not text:
        return None
    digits = digits_of(text)
    # `79161234567` (no plus, 11 digits starting with 7) is an international RU number in
    # operator exports; phonenumbers would otherwise read it as a national number.
    if region == "RU" and not text.startswith("+") and len(digits) == 11 and digits[0] == "7":
        text = "+" + digits
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalize(raw: str, region: str = DEFAULT_REGION) -> Phone:
    """Normalize `raw`; results are cached because call logs repeat the same numbers."""
    return Phone(raw=raw, e164=_e164(raw, region))


def is_valid(raw: str, region: str = DEFAULT_REGION) -> bool:
    return _e164(raw, region) is not None


def mask(value: str | None) -> str:
    """`+79161234567` → `+7 916 ***-**-67`; other forms keep only their last two digits."""
    if not value:
        return ""
    if "*" in value:  # masked already (an office server's views): shown without its key
        return masked_shown(value)
    return _mask(value)


def masked_shown(value: str) -> str:
    """`+7 916 ***-**-67 #0c1f…` (an office server's masked number: the mask and a keyed hash
    that keeps equal numbers equal) as shown: the mask alone."""
    head, _, tag = value.rpartition(" #")
    return head if head and "*" in head and len(tag) == 12 else value


@lru_cache(maxsize=200_000)
def _mask(value: str) -> str:
    # Cached: a call-log page masks the same few numbers hundreds of times. A Russian number
    # (+7 and ten digits, nearly every number here) is cut without parsing: phonenumbers'
    # parse was most of the time of reading a page of a call log.
    if len(value) == 12 and value.startswith("+7") and value[2:].isdigit() and value[2] != "0":
        return f"+7 {value[2:5]} ***-**-{value[-2:]}"
    if value.startswith("+"):
        try:
            parsed = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is not None:
            national = str(parsed.national_number)
            head, tail = national[:3], national[-2:]
            if len(national) == 10:
                return f"+{parsed.country_code} {head} ***-**-{tail}"
            hidden = "*" * max(len(national) - 5, 1)
            return f"+{parsed.country_code} {head} {hidden}{tail}"
    digits = digits_of(value)
    if len(digits) <= 2:
        return "*" * len(value)
    return "*" * (len(digits) - 2) + digits[-2:]


def display(value: str | None) -> str:
    """Readable unmasked form: `+7 916 123-45-67` (a value masked by the server stays masked)."""
    if not value:
        return ""
    if "*" in value:
        return masked_shown(value)
    if value.startswith("+"):
        try:
            parsed = phonenumbers.parse(value, None)
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        except phonenumbers.NumberParseException:
            return value
    return value
