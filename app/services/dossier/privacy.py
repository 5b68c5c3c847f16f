"""What an export profile may show of the parties' personal data, and a scrubber that masks
those values wherever they were typed into free text (summaries, events, notes).

*police* shows phones and addresses in full (the export itself is audited as revealing them);
*management* shows them masked, and free text goes through `Scrubber.clean`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.domain.phones import digits_of, display, mask
from app.domain.privacy import mask_address, mask_phones_in
from app.reports.model import Profile
from app.services.dossier.addresses import mask_addresses_in


def reveals(profile: Profile) -> bool:
    return profile == "police"


@dataclass(frozen=True)
class Scrubber:
    """Masks personal data in free text: the parties' known numbers (in any spacing) and
    addresses (also written differently), and any other phone number or Russian address
    found in it (someone else's number in an event, a phone typed into a name)."""

    phones: tuple[str, ...]
    addresses: tuple[str, ...]
    region: str = "RU"

    @classmethod
    def of(cls, phones: Iterable[str], addresses: Iterable[str]) -> Scrubber:
        return cls(
            tuple(sorted({p for p in phones if len(digits_of(p)) >= 6})),
            tuple(
                sorted({a.strip() for a in addresses if len(a.strip()) >= 6}, key=len, reverse=True)
            ),
        )

    def clean(self, text: str) -> str:
        if not text:
            return text
        for address in self.addresses:
            text = text.replace(address, mask_address(address))
        text = mask_addresses_in(text, self.addresses)
        return self.clean_numbers(text)

    def clean_numbers(self, text: str) -> str:
        """Only the phone numbers masked: for the texts Casebook words itself (a finding's
        explanation names numbers and times, never an address; the address finder takes
        half a second on a long one)."""
        if not text:
            return text
        text = mask_phones_in(text, self.region)
        for phone in self.phones:
            national = digits_of(phone)[-10:]
            # The national number with any separators between digits, with or without +7 / 8.
            pattern = r"(?:\+?\d[\s\-()]*)?" + r"[\s\-()]*".join(national) + r"(?!\d)"
            text = re.sub(pattern, mask(phone), text)
        return text


def phone_text(values: Iterable[str], profile: Profile) -> tuple[str, ...]:
    shown = display if reveals(profile) else mask
    return tuple(shown(v) for v in values)


def address_text(address: str, profile: Profile) -> str:
    return address if reveals(profile) else mask_address(address)


def unmasker(values: Iterable[str]) -> Callable[[str], str]:
    """For the police profile: a function that writes each masked form of these numbers in
    full wherever a text carries it (finding explanations are worded with masked numbers). A
    masked form two numbers share stays masked: it cannot be told which one it was."""
    full: dict[str, set[str]] = {}
    for value in values:
        if value:
            full.setdefault(mask(value), set()).add(display(value))
    table = {masked: next(iter(shown)) for masked, shown in full.items() if len(shown) == 1}

    def unmask(text: str) -> str:
        for masked, shown in table.items():
            text = text.replace(masked, shown)
        return text

    return unmask
