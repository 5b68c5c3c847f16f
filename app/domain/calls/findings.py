"""What a detector hands back (`Finding`), the per-case thresholds, and the Russian and
English explanation templates. A finding stores a code and parameters, never a sentence, so
it can be explained in either language (and a dossier can use its own wording)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.errors import ValidationError


class FindingKind(StrEnum):
    AFTER_DELIVERY_CONTACT = "after_delivery_contact"
    MASKING_BYPASS = "masking_bypass"
    MULTIPLE_NUMBERS = "multiple_numbers"
    NIGHT_CONTACT = "night_contact"
    CALL_BURST = "call_burst"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class Thresholds:
    """Adjustable per case. `company_lines` are the company's own numbers (support, dispatch):
    their calls never count as misuse."""

    grace_min: int = 30
    multi_min_numbers: int = 3
    multi_window_h: int = 24
    night_start_h: int = 22
    night_end_h: int = 8
    burst_min_calls: int = 4
    burst_window_min: int = 30
    company_lines: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        limits = {
            "grace_min": (0, 7 * 24 * 60),
            "multi_min_numbers": (2, 1000),
            "multi_window_h": (1, 24 * 30),
            "night_start_h": (0, 23),
            "night_end_h": (0, 23),
            "burst_min_calls": (2, 1000),
            "burst_window_min": (1, 24 * 60),
        }
        for name, (low, high) in limits.items():
            value = getattr(self, name)
            if not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(f"{name} must be a whole number {low}..{high}", field=name)
        if self.night_start_h == self.night_end_h:
            raise ValidationError("the night cannot start when it ends", field="night_end_h")

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["company_lines"] = list(self.company_lines)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Thresholds:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "company_lines" in values:
            values["company_lines"] = tuple(values["company_lines"])
        return cls(**values)


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    call_ids: tuple[int, ...]
    start_utc: datetime
    end_utc: datetime
    params: dict[str, Any] = field(default_factory=dict)  # JSON-able, no unmasked numbers

    def explain(self, lang: str = "ru") -> str:
        table = TEMPLATES.get(lang, TEMPLATES["en"])
        count = int(self.params.get("count", 0))
        numbers = int(self.params.get("numbers", 0))
        words = {
            "calls_ru": f"{count} {plural_ru(count, 'звонок', 'звонка', 'звонков')}",
            # After "с": genitive, "с 1 разного номера", "с 4 разных номеров".
            "numbers_ru": f"{numbers} "
            + plural_ru(numbers, "разного номера", "разных номеров", "разных номеров"),
            "calls_en": f"{count} call" + ("" if count == 1 else "s"),
            **_contact_words(self.params),
        }
        return table[self.kind].format(**self.params, **words)


def _gap(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if lang == "ru":
        return (
            f"{hours} ч {rest} мин" if hours and rest else f"{hours} ч" if hours else f"{rest} мин"
        )
    return f"{hours} h {rest} min" if hours and rest else f"{hours} h" if hours else f"{rest} min"


def _contact_words(params: dict[str, Any]) -> dict[str, str]:
    """The courier contacts around a burst of calls from many numbers, in both languages."""
    if "before_gap_min" not in params:
        return {}

    def side(name: str) -> tuple[str, str] | None:
        when, gap = params.get(name), int(params.get(f"{name}_gap_min", -1))
        return (str(when), str(gap)) if when and gap >= 0 else None

    before, after = side("before"), side("after")
    ru, en = [], []
    if before:
        gap = int(before[1])
        ru.append(f"Последний контакт с курьером до этого — {before[0]}, "
                  f"за {_gap(gap, 'ru')} до первого звонка")  # fmt: skip
        en.append(
            f"Last courier contact before: {before[0]}, {_gap(gap, 'en')} before the first call"
        )
    else:
        ru.append("Контактов с курьером до этого не было")
        en.append("No courier contact before")
    if after:
        gap = int(after[1])
        ru.append(f"следующий — {after[0]}, через {_gap(gap, 'ru')} после последнего")
        en.append(f"next: {after[0]}, {_gap(gap, 'en')} after the last")
    else:
        ru.append("после этого контактов с курьером не было")
        en.append("none after")
    return {"contacts_ru": "; ".join(ru), "contacts_en": "; ".join(en)}


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form for `n`: 1 звонок, 3 звонка, 5 звонков, 21 звонок, 12 звонков."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


TEMPLATES: dict[str, dict[str, str]] = {
    "ru": {
        FindingKind.AFTER_DELIVERY_CONTACT: (
            "Контакт курьера с заявителем после закрытия заказа {order} ({closed}, допуск "
            "{grace_min} мин): {calls_ru}, первый {first}, последний {last}."
        ),
        FindingKind.MASKING_BYPASS: (
            "Прямые звонки между реальными номерами курьера и заявителя в обход подменного "
            "номера: {count}, с {first} по {last}."
        ),
        FindingKind.MULTIPLE_NUMBERS: (
            "Заявителю звонили с {numbers_ru} в пределах {window_h} ч ({calls_ru}, с {first} "
            "по {last}): {masked}. {contacts_ru}."
        ),
        FindingKind.NIGHT_CONTACT: (
            "Звонки заявителю ночью ({night_start}:00–{night_end}:00, {tz}) в ночь на "
            "{night}: {count}, с {first} по {last}{courier_note_ru}."
        ),
        FindingKind.CALL_BURST: (
            "Серия звонков на номер {number}: {count} за {span_min} мин (порог {min_calls} "
            "за {window_min} мин), с {first} по {last}."
        ),
    },
    "en": {
        FindingKind.AFTER_DELIVERY_CONTACT: (
            "Courier–complainant contact after order {order} was closed ({closed}, grace "
            "{grace_min} min): {calls_en}, first {first}, last {last}."
        ),
        FindingKind.MASKING_BYPASS: (
            "Direct calls between the real numbers of the courier and the complainant, "
            "bypassing the virtual number: {count}, from {first} to {last}."
        ),
        FindingKind.MULTIPLE_NUMBERS: (
            "The complainant was called from {numbers} different numbers within {window_h} h "
            "({calls_en}, {first} to {last}): {masked}. {contacts_en}."
        ),
        FindingKind.NIGHT_CONTACT: (
            "Calls to the complainant at night ({night_start}:00–{night_end}:00, {tz}), night "
            "of {night}: {count}, from {first} to {last}{courier_note_en}."
        ),
        FindingKind.CALL_BURST: (
            "Burst of calls to {number}: {count} within {span_min} min (threshold {min_calls} "
            "in {window_min} min), from {first} to {last}."
        ),
    },
}
