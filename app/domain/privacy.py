"""Masking of personal data other than a known phone (see `phones.mask`): addresses, and any
phone number found in free text by `phonenumbers.PhoneNumberMatcher` (every number a real
number could be, in any notation), not only the parties' known numbers. Addresses in free text:
`app.services.dossier.addresses`."""

from __future__ import annotations

import hashlib
import hmac

import phonenumbers

from app.domain.phones import mask


def mask_address(address: str) -> str:
    """Keep the locality (first comma-separated part), hide the rest: `г. Москва, ***`."""
    text = address.strip()
    if not text:
        return ""
    head, _, rest = text.partition(",")
    return f"{head.strip()}, ***" if rest.strip() else "***"


def mask_phones_in(text: str, region: str = "RU") -> str:
    """Every phone number the matcher finds in `text`, masked (`+7 916 ***-**-67`)."""
    if not text or not any(c.isdigit() for c in text):
        return text
    out: list[str] = []
    last = 0
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        raw = str(match.raw_string)
        # "(8-926-...)": the matcher may take the opening bracket of a note; give it back.
        opening = "(" if raw.startswith("(") and ")" not in raw else ""
        out += [text[last : match.start], opening + mask(e164)]
        last = match.end
    return "".join(out) + text[last:] if out else text


def keyed_fingerprint(value: str, secret: bytes) -> str:
    """An opaque, per-installation handle of a personal value (HMAC-SHA-256 with a secret kept
    outside the database): unlike a bare hash of a phone number, it cannot be brute-forced
    from the few digits a mask leaves unknown."""
    return hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
