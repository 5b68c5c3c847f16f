"""Masking of personal data other than phones (see `phones.mask`), and fingerprints that let
the audit log show that a value changed without storing the value itself."""

from __future__ import annotations

import hashlib


def mask_address(address: str) -> str:
    """Keep the locality (first comma-separated part), hide the rest: `г. Москва, ***`."""
    text = address.strip()
    if not text:
        return ""
    head, _, rest = text.partition(",")
    return f"{head.strip()}, ***" if rest.strip() else "***"


def fingerprint(value: str) -> str:
    """Short, non-reversible tag of a personal value for audit before/after records."""
    if not value:
        return ""
    return "sha256:" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]
