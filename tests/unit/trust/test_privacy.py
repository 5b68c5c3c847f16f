"""Personal data stays masked in the management dossier: the issue's leaking inputs (a phone
typed into a party's name, a non-party's phone in an event, an address written differently from
the stored one), no reversible phone fingerprints in the audit log, digit searches audited."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pypdf
import pytest

from app.domain.privacy import mask_phones_in
from app.services.core import audit, cases, parties, records
from app.services.core.cases import CaseInput
from app.services.dossier.addresses import address_spans, mask_addresses_in
from app.services.dossier.assemble import DossierOptions
from app.services.dossier.export import export_dossier


@pytest.mark.parametrize(
    "text,hidden",
    [
        ("звонила соседка 8 (926) 555-12-34", "555-12-34"),
        ("номер +79035551122 не клиента", "5551122"),
        ("тел.: 8-926-555-12-34, вечером", "555-12-34"),
        ("WhatsApp +7 (999) 123 45 67", "123 45 67"),
    ],
)
def test_any_phone_in_text_is_masked(text, hidden):
    masked = mask_phones_in(text)
    assert hidden not in masked and "***-**-" in masked


def test_order_numbers_and_dates_are_left_alone():
    text = "Заказ 1234567890 доставлен 12.05.2025 в 14:30"
    assert mask_phones_in(text) == text and mask_addresses_in(text) == text


@pytest.mark.parametrize(
    "text,hidden,kept",
    [
        ("адрес г. Москва, ул. Профсоюзная, д. 12, кв. 48 — подъезд 2", "Профсоюзная", "Москва"),
        ("проживает: Московская обл., г. Химки, ул. Ленина, дом 5, квартира 7", "Ленина", "Химки"),
        ("Курьер ждал у дома 5 по улице Ленина", "Ленина", "Курьер"),
    ],
)
def test_addresses_found_by_the_extractor_are_masked(text, hidden, kept):
    assert address_spans(text)
    masked = mask_addresses_in(text)
    assert hidden not in masked and kept in masked


def test_a_known_address_written_differently_is_masked():
    known = ["г. Москва, ул. Профсоюзная, д. 12, кв. 48"]
    masked = mask_addresses_in("Клиентка живёт: Москва, Профсоюзная 12-48, код 48К", known)
    assert "Профсоюзная" not in masked and "12-48" not in masked


def test_a_city_alone_is_not_an_address():
    assert mask_addresses_in("Инцидент произошёл в Москве") == "Инцидент произошёл в Москве"


def _pdf_text(path):
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(path).pages))


def test_management_dossier_leaks_none_of_the_issue_inputs(sqlite_ctx, tmp_path, run_cli):
    case = cases.create_case(
        sqlite_ctx, CaseInput(title="Звонки клиентке", region="MSK", tz="Europe/Moscow")
    )
    parties.add_party(
        sqlite_ctx,
        case.id,
        parties.PartyInput(
            role="complainant",
            name="Смирнова Ольга 8 916 765-43-21",
            phones=("+79161234567",),
            address="г. Москва, ул. Профсоюзная, д. 12, кв. 48",
        ),
    )
    records.add_event(
        sqlite_ctx,
        case.id,
        records.EventInput(
            at=datetime(2025, 5, 1, 10, tzinfo=UTC),
            text="Звонок с +7 903 555-11-22 (не участник); курьер приехал на Профсоюзную 12-48",
        ),
    )
    out = tmp_path / "management.pdf"
    export_dossier(sqlite_ctx, case.id, DossierOptions("management", "ru"), out)
    text = _pdf_text(out)
    for leaked in ("765-43-21", "7654321", "555-11-22", "5551122", "Профсоюзн", "12-48"):
        assert leaked not in text, leaked
    assert "Смирнова Ольга" in text


def test_audit_log_holds_no_reversible_phone_fingerprint(sqlite_ctx):
    case = cases.create_case(sqlite_ctx, CaseInput(title="Дело", region="MSK", tz="Europe/Moscow"))
    parties.add_party(
        sqlite_ctx,
        case.id,
        parties.PartyInput(role="complainant", name="Клиентка", phones=("+79161234567",)),
    )
    entry = next(e for e in audit.list_entries(sqlite_ctx) if e.entity == "party")
    assert "sha256:" not in str(entry.after) and "1234567" not in str(entry.after)


def test_searches_by_digits_are_audited_masked(sqlite_ctx):
    cases.create_case(sqlite_ctx, CaseInput(title="Дело", region="MSK", tz="Europe/Moscow"))
    before = len(audit.list_entries(sqlite_ctx))
    cases.search_cases(sqlite_ctx, text="кража")  # no digits: not a number search
    assert len(audit.list_entries(sqlite_ctx)) == before
    cases.search_cases(sqlite_ctx, text="916123")
    ids = cases.search_case_ids(sqlite_ctx, text="+7 916 12")  # the GUI's read: no write
    cases.record_digit_search(sqlite_ctx, "+7 916 12", len(ids))  # its lane records it
    found = [e for e in audit.list_entries(sqlite_ctx) if e.action == "search"]
    assert [e.after for e in found] == [
        {"query": "+* *** 12", "results": 0},
        {"query": "****23", "results": 0},
    ]
