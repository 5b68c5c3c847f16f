"""Column hiding on an office server: as every role, plain SQL cannot select the raw personal
columns; the masked views show what the application shows; the application works on them;
a reveal writes its audit entry in the same transaction; digit searches still find."""

from __future__ import annotations

import psycopg
import pytest

from app.domain.errors import ValidationError
from app.services.core import cases, parties
from app.services.core.bootstrap import close_context

pytestmark = pytest.mark.postgres

RAW_COLUMNS = [
    ("parties", "address"),
    ("party_phones", "value"),
    ("party_phones", "raw"),
    ("party_phones", "digits"),
    ("orders", "address"),
    ("cases", "search_text"),
    ("calls", "caller"),
    ("calls", "callee_raw"),
    ("call_numbers", "digits"),
    ("messages", "sender_number"),
    ("message_batches", "owner_number"),
]
PHONE = "+79161234567"
ADDRESS = "г. Москва, ул. Лесная, д. 5, кв. 12"


@pytest.fixture
def case_a(office, tmp_path):
    ctx = office.context("inv_a", tmp_path / "a")
    try:
        case = cases.create_case(
            ctx, cases.CaseInput(title="Звонки после доставки", region="MSK", tz="Europe/Moscow")
        )
        party = parties.add_party(
            ctx,
            case.id,
            parties.PartyInput(
                role="complainant", name="Анна Смирнова", phones=(PHONE,), address=ADDRESS
            ),
        ).party
        yield ctx, case, party
    finally:
        close_context(ctx)


@pytest.mark.parametrize("who", ["inv_a", "mgr_a", "sup", "aud", "adm", "inv_b"])
def test_no_role_selects_a_raw_personal_column(office, case_a, who):
    for table, column in RAW_COLUMNS:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            office.sql(who, f'SELECT "{column}" FROM public."{table}"')
    # ...not through a whole-row reference either
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql(who, "SELECT p FROM public.parties p")


def test_psql_shows_what_the_application_shows(office, case_a):
    ctx, case, party = case_a
    rows = office.sql("inv_a", "SELECT name, address FROM parties")
    assert rows == [("Анна Смирнова", "г. Москва, ***")]
    (value,) = office.sql("inv_a", "SELECT value FROM party_phones")[0]
    assert value.startswith("+7 916 ***-**-67 #")
    detail = cases.get_case(ctx, case.id)
    shown = next(p for p in detail.parties if p.id == party.id)
    assert shown.address_masked == "г. Москва, ***"
    assert list(shown.phones_masked) == ["+7 916 ***-**-67"]
    # the same number keeps the same masked form everywhere; the digits are not readable
    assert office.sql("mgr_a", "SELECT value, digits FROM party_phones") == [(value, "")]
    search = office.sql("aud", "SELECT search_text FROM cases")[0][0]
    assert "9161234567" not in search and "анна" in search
    assert office.sql("inv_b", "SELECT count(*) FROM parties") == [(0,)]


def test_the_application_edits_through_the_views_without_losing_the_real_values(office, case_a):
    ctx, _case, party = case_a
    changed = parties.update_party(  # the editor saw the masked phone and address only
        ctx,
        party.id,
        party.version,
        parties.PartyInput(role="complainant", name="Анна Смирнова-Иванова"),
        keep_phones=True,
        keep_address=True,
    )
    assert changed.party.name == "Анна Смирнова-Иванова"
    with psycopg.connect(office.url.replace("+psycopg", "")) as owner:
        assert owner.execute(
            "SELECT address FROM parties WHERE id = %s", (party.id,)
        ).fetchall() == [(ADDRESS,)]
        assert owner.execute("SELECT value, digits FROM party_phones").fetchall() == [
            (PHONE, "79161234567")
        ]
    # a masked value read from a view is never written back as if it were the real one
    with pytest.raises(psycopg.errors.CheckViolation):
        office.sql(
            "inv_a",
            "UPDATE parties SET address = 'г. Тверь, ***', name = 'x' WHERE id = %s",
            (party.id,),
        )
    with pytest.raises(psycopg.errors.CheckViolation):
        office.sql(
            "inv_a",
            "INSERT INTO party_phones (party_id, raw, value, digits) "
            "SELECT party_id, value, value, '' FROM party_phones",
        )
    # an unchanged masked value is simply not written (an edit of other fields)
    office.sql("inv_a", "UPDATE parties SET notes = 'перезвонить' WHERE id = %s", (party.id,))
    # a new real address is written
    office.sql(
        "inv_a", "UPDATE parties SET address = 'г. Тверь, ул. Новая, 1' WHERE id = %s", (party.id,)
    )
    assert office.sql("inv_a", "SELECT address FROM parties") == [("г. Тверь, ***",)]
    # nor can a manager, who reads the case, change it through the view
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("mgr_a", "UPDATE parties SET name = 'x' WHERE id = %s", (party.id,))


def test_a_reveal_is_audited_in_its_own_transaction(office, case_a, tmp_path):
    ctx, _case, party = case_a
    before = office.sql("aud", "SELECT max(seq) FROM audit_entries")[0][0]
    assert parties.reveal(ctx, "party", party.id, "address", "звонок клиентке") == ADDRESS
    assert parties.reveal(ctx, "party", party.id, "phones", "звонок клиентке") == "+7 916 123-45-67"
    entries = office.sql(
        "aud",
        "SELECT action, actor, entity_id FROM audit_entries WHERE seq > %s ORDER BY seq",
        (before,),
    )
    assert entries == [("reveal", office.logins["inv_a"], str(party.id))] * 2
    with pytest.raises(ValidationError):
        parties.reveal(ctx, "party", party.id, "address", "")
    # plain SQL: the function is the only way, and it refuses a case the user cannot read
    with pytest.raises(psycopg.errors.NoDataFound):
        office.sql(
            "inv_b", "SELECT casebook_reveal('party', %s, 'address', 'проверка')", (party.id,)
        )
    # a reveal rolled back takes its audit entry with it: nothing revealed, nothing recorded
    with psycopg.connect(office.dsn_for("mgr_a")) as conn:
        assert conn.execute(
            "SELECT casebook_reveal('party', %s, 'address', 'проверка')", (party.id,)
        ).fetchall() == [([ADDRESS],)]
        conn.rollback()
    after = office.sql("aud", "SELECT count(*) FROM audit_entries WHERE seq > %s", (before,))
    assert after == [(2,)]


def test_digit_search_finds_cases_the_user_reads_only(office, case_a, tmp_path):
    ctx, case, _party = case_a
    assert [c.id for c in cases.search_cases(ctx, "916 123").rows] == [case.id]
    assert [c.id for c in cases.search_cases(ctx, "89161234567").rows] == [case.id]
    other = office.context("inv_b", tmp_path / "b")
    manager = office.context("mgr_a", tmp_path / "m")
    try:
        assert cases.search_cases(other, "9161234567").rows == []
        assert [c.id for c in cases.search_cases(manager, "1234567").rows] == [case.id]
    finally:
        close_context(other)
        close_context(manager)
    assert office.sql("inv_b", "SELECT * FROM casebook_cases_with_digits('916123')") == []


def test_calls_are_imported_read_searched_linked_and_revealed_masked(office, case_a, tmp_path):
    from app.services.calls import importing, query
    from app.services.calls.dto import CallFilter

    ctx, case, party = case_a
    log = tmp_path / "calls.csv"
    log.write_text(
        "Дата;Кто звонил;Кому звонили;Длительность\n"
        "09.10.2025 14:03:11;+79161234567;+79037654321;65\n"
        "09.10.2025 14:30:00;+79037654321;+79161234567;0\n"
        "09.10.2025 15:00:00;+79035550011;+79037654321;12\n",
        encoding="utf-8",
    )
    assert importing.import_calls(ctx, case.id, log).imported == 3
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("inv_a", "SELECT caller FROM public.calls")
    shown = query.calls_by_ids(ctx, query.call_ids(ctx, case.id))
    assert {v.caller for v in shown} == {"+7 916 ***-**-67", "+7 903 ***-**-21", "+7 903 ***-**-11"}
    # the customer's number is linked to her party by equality of the masked forms
    assert [v.caller_party for v in shown] == ["Анна Смирнова", None, None]
    found = query.call_ids(ctx, case.id, CallFilter(number="555001"))
    assert len(found) == 1
    views = query.reveal_calls(ctx, case.id, found, "сверка с детализацией")
    assert views[0].caller == "+7 903 555-00-11"
    entry = office.sql(
        "aud", "SELECT action, entity, payload FROM audit_entries ORDER BY seq DESC LIMIT 1"
    )[0]
    assert entry[:2] == ("reveal", "calls") and "+7903" not in entry[2]
    with pytest.raises(psycopg.errors.NoDataFound):
        office.sql(
            "inv_b", "SELECT * FROM casebook_reveal_calls(%s, %s, 'x y z')", (case.id, found)
        )
    # the detectors and the number summary run on the masked forms (equal numbers stay equal)
    from app.services.calls import analysis

    analysis.analyze(ctx, case.id)
    summary = query.number_summary(ctx, case.id)
    assert sorted(n.calls for n in summary) == [1, 2, 3]
    assert all("#" not in n.number and "***" in n.number for n in summary)
    # a number of the calls linked to a party is copied on the server, not from the mask
    numbers = {n.number: n for n in query.number_summary(ctx, case.id)}
    other = numbers["+7 903 ***-**-11"]
    query.link_number(ctx, case.id, other.number_id, party.id)
    with psycopg.connect(office.url.replace("+psycopg", "")) as owner:
        values = owner.execute(
            "SELECT value FROM party_phones WHERE party_id = %s ORDER BY id", (party.id,)
        ).fetchall()
    assert values == [(PHONE,), ("+79035550011",)]
    # and the audit chain written by the server's functions still verifies
    from app.services.core import checkpoints

    auditor = office.context("aud", tmp_path / "v")
    try:
        report = checkpoints.verify_log(auditor, [], [])
    finally:
        close_context(auditor)
    assert report.ok, report


def test_messages_senders_are_read_masked_and_revealed_with_an_entry(office, case_a):
    """A real SMS backup (tests/data/messages/memacs_smsxml.xml): senders are numbers."""
    from pathlib import Path

    from app.services.messages import importing
    from app.services.messages import query as messages

    ctx, case, _party = case_a
    sample = Path(__file__).parents[2] / "data" / "messages" / "memacs_smsxml.xml"
    request = importing.ImportRequest(tz="Europe/Vienna", owner="Владелец")
    assert importing.import_messages(ctx, case.id, sample, request).imported == 4
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("mgr_a", "SELECT sender_number FROM public.messages")
    shown = messages.list_messages(ctx, case.id)
    numbers = {v.sender_number for v in shown if v.sender_number}
    assert numbers and all("***" in n and "#" not in n for n in numbers), numbers
    assert all("#" not in v.sender for v in shown)
    real = messages.reveal_messages(ctx, case.id, [v.id for v in shown], "сверка с телефоном")
    assert "+436812314123" in {v.sender_number for v in real}
    assert office.sql(
        "aud", "SELECT action, entity FROM audit_entries ORDER BY seq DESC LIMIT 1"
    ) == [("reveal", "messages")]
