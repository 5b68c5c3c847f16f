"""Russian addresses in free text, found by Natasha's address extractor (yargy rules over
pymorphy2 dictionaries shipped in the packages; nothing is downloaded): a run of address parts
that reaches a street, house or flat is masked, keeping the settlement (`г. Москва, ***`). A
known address is also caught when written differently (`Профсоюзная 12-48` for
`ул. Профсоюзная, д. 12, кв. 48`) by its street name followed by a number."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

# Parts that make a mention an address of a person rather than a place name.
PRIVATE_PARTS = {
    "улица",
    "проспект",
    "переулок",
    "шоссе",
    "бульвар",
    "площадь",
    "проезд",
    "набережная",
    "тупик",
    "линия",
    "аллея",
    "дом",
    "корпус",
    "строение",
    "квартира",
    "офис",
    "подъезд",
    "этаж",
    "микрорайон",
}
SETTLEMENT_PARTS = {
    "страна",
    "регион",
    "область",
    "край",
    "республика",
    "район",
    "город",
    "деревня",
    "село",
    "посёлок",
    "поселок",
    "станица",
    "аул",
    "хутор",
}
_GAP = re.compile(r"[\s,.;:()\-–—]*")
_NUMBER_TAIL = (
    r"(?:[\s,.]*(?:д\.?|дом|корп\.?|к\.?|стр\.?|кв\.?|квартира)?\s*\d+[а-яa-z]?"
    r"(?:\s*[/\-,]\s*(?:кв\.?\s*)?\d+)*)+"
)


@cache
def _extractor() -> Any:
    from natasha import AddrExtractor, MorphVocab

    return AddrExtractor(MorphVocab())


def _parts(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, part type) of every address part Natasha finds."""
    found = []
    for match in _extractor()(text):
        fact = match.fact
        kind = getattr(fact, "type", None) or ""
        found.append((match.start, match.stop, str(kind).lower()))
    return found


def address_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, stop, keep_until) of each address in `text`: neighbouring parts merged; only
    runs that reach a street, house or flat count; the settlement parts at the start (up to
    `keep_until`) may stay visible."""
    spans: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        if run and any(kind in PRIVATE_PARTS for _, _, kind in run):
            keep = run[0][0]
            for _start, stop, kind in run:
                if kind not in SETTLEMENT_PARTS:
                    break
                keep = stop
            spans.append((run[0][0], run[-1][1], keep))
        run.clear()

    for start, stop, kind in _parts(text):
        if run and not _GAP.fullmatch(text[run[-1][1] : start]):
            close()
        run.append((start, stop, kind))
    close()
    return spans


def _street_names(addresses: Iterable[str]) -> list[str]:
    names = []
    for address in addresses:
        for match in _extractor()(address):
            fact = match.fact
            if str(getattr(fact, "type", "") or "").lower() in PRIVATE_PARTS - {
                "дом",
                "корпус",
                "строение",
                "квартира",
                "офис",
                "подъезд",
                "этаж",
            }:
                value = str(getattr(fact, "value", "") or "")
                if len(value) >= 4:
                    names.append(value)
    return names


def mask_addresses_in(text: str, known: Iterable[str] = ()) -> str:
    """Addresses in `text` masked: whatever the extractor finds, and a known address's street
    followed by a number in any spelling."""
    if not text:
        return text
    spans = [(start, stop, keep) for start, stop, keep in address_spans(text)]
    for street in _street_names(known):
        stem = re.escape(street[: max(4, len(street) - 2)])  # Профсоюзная → Профсоюзн(ой|ая)
        pattern = re.compile(rf"\b{stem}\w*{_NUMBER_TAIL}", re.IGNORECASE)
        spans += [(m.start(), m.end(), m.start()) for m in pattern.finditer(text)]
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, stop, keep in sorted(spans):
        if start < last:  # overlaps a span already masked
            if stop > last:
                last = stop
            continue
        kept = text[start:keep].rstrip(" ,")
        out += [text[last:start], f"{kept}, ***" if kept else "***"]
        last = stop
    return "".join(out) + text[last:]
