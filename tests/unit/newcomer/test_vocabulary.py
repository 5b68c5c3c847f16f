"""The one vocabulary: every code of every enum has an English and a Russian name, Russian
names are Russian, and one name is never given to two different things of a group."""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from app.domain import vocabulary
from app.domain.calls.findings import FindingKind, Severity
from app.domain.calls.records import CallStatus
from app.domain.cases import (
    CaseStatus,
    Category,
    ComplaintSource,
    Measure,
    OrderEventKind,
    PartyRole,
)
from app.domain.timeline import EventKind
from app.reports import strings

ENUMS: list[tuple[str, type[StrEnum]]] = [
    ("status", CaseStatus),
    ("measure", Measure),
    ("role", PartyRole),
    ("category", Category),
    ("complaint_source", ComplaintSource),
    ("order_event", OrderEventKind),
    ("finding", FindingKind),
    ("severity", Severity),
    ("call_status", CallStatus),
    ("event", EventKind),
    ("events", EventKind),
]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
EVIDENCE_KINDS = "dashcam cctv photo document statement audio other calllog still dossier"


@pytest.mark.parametrize(("group", "enum"), ENUMS, ids=[g for g, _ in ENUMS])
def test_every_member_is_named_in_both_languages(group: str, enum: type[StrEnum]) -> None:
    for member in enum:
        english = vocabulary.name(group, member.value, "en")
        russian = vocabulary.name(group, member.value, "ru")
        assert english and english != member.value, (group, member)
        assert CYRILLIC.search(russian) and not CYRILLIC.search(english), (group, member)


def test_evidence_kinds_and_audit_words_are_named() -> None:
    for kind in EVIDENCE_KINDS.split():
        assert CYRILLIC.search(vocabulary.name("evidence", kind, "ru")), kind
    for group in ("audit_action", "audit_entity", "source", "milestone", "term"):
        for code, (english, russian) in vocabulary.VOCABULARY[group].items():
            assert english and CYRILLIC.search(russian), (group, code)


def test_one_name_one_thing_within_a_group() -> None:
    for group, table in vocabulary.VOCABULARY.items():
        for lang in (0, 1):
            names = [pair[lang] for pair in table.values()]
            assert len(names) == len(set(names)), (group, names)


def test_the_issue_s_inconsistencies_are_gone() -> None:
    # the category reads the same on screen and in the PDF: both read this table
    assert strings.label("ru", "category", "harassment") == "Личные сообщения, оскорбления"
    assert vocabulary.name("finding", "multiple_numbers", "ru") == "Звонки с разных номеров"
    # detector results and the investigator's conclusions have different names
    assert strings.text("ru", "sec_findings") == "Признаки нарушений"
    assert vocabulary.name("term", "conclusions", "ru") == "Выводы проверяющего"
    assert vocabulary.name("source", "orders", "ru") == "Система заказов"


def test_unknown_codes_print_as_themselves_and_call_titles_are_named() -> None:
    assert vocabulary.name("finding", "new_detector", "ru") == "new_detector"
    assert vocabulary.name("status", None, "ru") == ""
    title = "+7 916 ***-**-67 → +7 903 ***-**-11 (missed)"
    assert vocabulary.call_title(title, "ru").endswith("(пропущен)")
    assert vocabulary.call_title("no status here", "ru") == "no status here"
    assert vocabulary.inline("Доставлен") == "доставлен"
