"""Stored masked forms on an office server: written by the server's triggers (a client's own
value never stays), read by the views, served by indexes; recomputed when the key changes; the
digit searches read every digit of the real numbers (messages too) only inside the server's
functions; the database's mask is the application's for every number an importer stores."""

from __future__ import annotations

import random
from pathlib import Path

import phonenumbers
import psycopg
import pytest

from app.domain.phones import mask
from app.services.core import cases, parties
from app.services.core.bootstrap import close_context
from app.storage import office_stored

pytestmark = pytest.mark.postgres

LOG = (
    "Дата;Кто звонил;Кому звонили;Длительность\n"
    "09.10.2025 14:03:11;+79161234567;+79037654321;65\n"
    "09.10.2025 14:30:00;+79037654321;+79161234567;0\n"
    "09.10.2025 15:00:00;+79035550011;+79037654321;12\n"
)


@pytest.fixture
def calls_case(office, tmp_path):
    from app.services.calls import importing

    ctx = office.context("inv_a", tmp_path / "a")
    try:
        case = cases.create_case(
            ctx, cases.CaseInput(title="Звонки курьеру", region="MSK", tz="Europe/Moscow")
        )
        log = tmp_path / "calls.csv"
        log.write_text(LOG, encoding="utf-8")
        assert importing.import_calls(ctx, case.id, log).imported == 3
        yield ctx, case
    finally:
        close_context(ctx)


def _owner(office) -> psycopg.Connection:
    return psycopg.connect(office.url.replace("+psycopg", ""), autocommit=True)


def _pseudonyms(owner: psycopg.Connection, case_id: int) -> list[tuple[str, str, str]]:
    """(real caller, stored form, the form computed now from the key) of a case's calls."""
    rows = owner.execute(
        "SELECT c.caller, c.caller_masked, casebook_private.pseudonym(c.caller, k.key) "
        "FROM calls c CROSS JOIN casebook_private.mask_key k WHERE c.case_id = %s ORDER BY c.id",
        (case_id,),
    ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def test_the_views_read_the_forms_the_server_stored(office, calls_case):
    _ctx, case = calls_case
    with _owner(office) as owner:
        stored = _pseudonyms(owner, case.id)
    assert [s[1] for s in stored] == [s[2] for s in stored]
    assert stored[0][1].startswith("+7 916 ***-**-67 #")
    shown = office.sql("inv_a", "SELECT caller FROM calls ORDER BY id")
    assert [r[0] for r in shown] == [s[1] for s in stored]
    # a number and its calls share one form (the summary's join), in every table
    numbers = office.sql("inv_a", "SELECT value FROM call_numbers")
    assert {r[0] for r in numbers} >= {s[1] for s in stored}
    # the companion columns are the server's: people read the views
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("inv_a", "SELECT caller_masked FROM public.calls")


def test_a_form_written_by_a_client_is_replaced_by_the_servers(office, calls_case):
    _ctx, case = calls_case
    office.sql(
        "inv_a",
        "UPDATE public.calls SET caller_masked = '+7 000 ***-**-00 #000000000000' "
        "WHERE case_id = %s",
        (case.id,),
    )
    office.sql(
        "inv_a",
        "INSERT INTO public.calls (case_id, batch_id, line, start_utc, duration_s, caller, "
        "caller_raw, callee, callee_raw, virtual_raw, status, dedupe_key, callee_masked) "
        "SELECT case_id, batch_id, 99, start_utc, 1, '+79990001122', '', callee, '', '', "
        "'answered', 42, 'forged' FROM calls WHERE case_id = %s LIMIT 1",
        (case.id,),
    )
    with _owner(office) as owner:
        stored = _pseudonyms(owner, case.id)
        forged = owner.execute(
            "SELECT count(*) FROM calls WHERE callee_masked = 'forged' "
            "OR caller_masked LIKE '+7 000%%'"
        ).fetchone()
    assert len(stored) == 4 and all(s[1] == s[2] for s in stored)
    assert forged == (0,)


def test_masked_numbers_are_found_through_indexes(office, calls_case):
    """What the owner's indexes do for raw numbers, the stored forms' indexes do for a person:
    with sequential scans off, a filter on a masked number still has an index to use."""
    _ctx, case = calls_case
    with _owner(office) as owner:  # a case of 3,000 calls between 3,000 numbers and 30
        owner.execute(
            "INSERT INTO calls (case_id, batch_id, line, start_utc, duration_s, caller, "
            "caller_raw, callee, callee_raw, virtual_raw, status, dedupe_key) "
            "SELECT c.case_id, c.batch_id, 10 + g, c.start_utc + g * interval '1 minute', 5, "
            "'+7916' || lpad(g::text, 7, '0'), '', '+7903' || lpad((g %% 30)::text, 7, '0'), "
            "'', '', 'answered', 1000 + g FROM calls c, generate_series(1, 3000) g "
            "WHERE c.case_id = %s AND c.line = 2",
            (case.id,),
        )
        owner.execute("ANALYZE calls")
        owner.execute("ANALYZE call_numbers")
    (value,) = office.sql("inv_a", "SELECT caller FROM calls ORDER BY id LIMIT 1")[0]
    with psycopg.connect(office.dsn_for("inv_a"), autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")
        plans = {}
        for name, statement in {
            "caller": "SELECT id FROM calls WHERE case_id = %s AND caller = %s",
            "callee": "SELECT id FROM calls WHERE case_id = %s AND callee = %s",
            "number": "SELECT id FROM call_numbers WHERE case_id = %s AND value = %s",
        }.items():
            rows = conn.execute("EXPLAIN " + statement, (case.id, value)).fetchall()
            plans[name] = "\n".join(r[0] for r in rows)
    # ...and a person's short queries are not compiled (JIT cost 0.9 s of a 60 ms search)
    assert office.sql("inv_a", "SHOW jit") == [("off",)]
    assert "ix_calls_masked_caller" in plans["caller"], plans["caller"]
    assert "ix_calls_masked_callee" in plans["callee"], plans["callee"]
    assert "ix_call_numbers_masked_value" in plans["number"], plans["number"]
    with _owner(office) as owner:
        digits = owner.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_call_numbers_digits_trgm'"
        ).fetchone()
    assert digits is not None and "gin_trgm_ops" in digits[0]


def test_a_new_key_recomputes_every_stored_form(office, calls_case, tmp_path):
    from app.services.calls import analysis
    from app.services.core.bootstrap import open_context
    from app.services.office import accounts

    ctx, case = calls_case
    analysis.analyze(ctx, case.id)  # kept for the case, with masked numbers in its findings
    assert office.sql("inv_a", "SELECT count(*) FROM call_analyses") == [(1,)]
    before = office.sql("inv_a", "SELECT caller FROM calls ORDER BY id")
    with _owner(office) as owner:
        owner.execute("UPDATE casebook_private.mask_key SET key = md5(random()::text)")
    admin = open_context(tmp_path / "owner", office.url, evidence_dir=office.share)
    try:
        accounts.init_office(admin)  # what an office runs after an upgrade or a new key
    finally:
        close_context(admin)
    after = office.sql("inv_a", "SELECT caller FROM calls ORDER BY id")
    with _owner(office) as owner:
        stored = _pseudonyms(owner, case.id)
    assert [r[0] for r in after] == [s[2] for s in stored]
    assert [mask(r[0]) for r in after] == [mask(r[0]) for r in before]  # the same masks,
    assert [r[0] for r in after] != [r[0] for r in before]  # under other keyed hashes
    numbers = {r[0] for r in office.sql("inv_a", "SELECT value FROM call_numbers")}
    assert {r[0] for r in after} <= numbers
    assert office.sql("inv_a", "SELECT count(*) FROM call_analyses") == [(0,)]  # found again


def test_a_server_set_up_before_the_stored_forms_gets_them_for_its_rows(
    office, calls_case, tmp_path
):
    """An office server from the previous release (no companion columns, no triggers) after the
    upgrade: `admin init` adds them and fills them for the rows already there."""
    from app.services.calls import query
    from app.services.calls.dto import CallFilter
    from app.services.core.bootstrap import open_context
    from app.services.office import accounts

    ctx, case = calls_case
    with _owner(office) as owner:
        owner.execute("DROP SCHEMA casebook_masked CASCADE")  # as an upgrade does
        for table, columns in office_stored.STORED.items():
            owner.execute(f'DROP TRIGGER IF EXISTS cb_masks ON "{table}"')
            for column in columns:
                owner.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}_masked" CASCADE')
        owner.execute("DROP TABLE casebook_private.mask_state")
    admin = open_context(tmp_path / "owner", office.url, evidence_dir=office.share)
    try:
        accounts.init_office(admin)
    finally:
        close_context(admin)
    with _owner(office) as owner:
        stored = _pseudonyms(owner, case.id)
    assert len(stored) == 3 and all(s[1] == s[2] for s in stored)
    assert len(query.call_ids(ctx, case.id, CallFilter(number="555001"))) == 1


def test_message_senders_are_found_by_their_hidden_digits(office, calls_case, tmp_path):
    """A real SMS backup (tests/data/messages/memacs_smsxml.xml): the sender +43 681 231 41 23
    is shown as `+43 681 ***-**-23`; a search for digits the mask hides still finds it, for
    the people who read the case only."""
    from app.services.messages import importing
    from app.services.messages import query as messages
    from app.services.messages.dto import MessageFilter

    ctx, case = calls_case
    sample = Path(__file__).parents[2] / "data" / "messages" / "memacs_smsxml.xml"
    request = importing.ImportRequest(tz="Europe/Vienna", owner="Владелец")
    assert importing.import_messages(ctx, case.id, sample, request).imported == 4
    everyone = messages.list_messages(ctx, case.id)
    hidden = messages.list_messages(ctx, case.id, MessageFilter(sender="231412"))
    assert hidden and {v.sender_number for v in hidden} == {"+43 681 ***-**-23"}
    expected = {v.id for v in everyone if v.sender_number == "+43 681 ***-**-23"}
    assert {v.id for v in hidden} == expected
    assert messages.list_messages(ctx, case.id, MessageFilter(sender="99999")) == []
    query = "SELECT * FROM casebook_message_numbers_with_digits(%s, '231412')"
    assert office.sql("inv_b", query, (case.id,)) == []
    assert len(office.sql("mgr_a", query, (case.id,))) == 1


def _numbers() -> list[str]:
    """Every calling code's example numbers as phonenumbers writes them (E.164, what the
    importers store), the same with a national prefix, a digit more or less after the code
    (numbers kept as written), and random digits."""
    found: set[str] = set()
    rng = random.Random(15)
    for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items():
        examples = []
        for region in regions:
            if region == "001":
                examples.append(phonenumbers.example_number_for_non_geo_entity(code))
                continue
            for kind in (
                phonenumbers.PhoneNumberType.FIXED_LINE,
                phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.TOLL_FREE,
            ):
                examples.append(phonenumbers.example_number_for_type(region, kind))
        for example in filter(None, examples):
            national = phonenumbers.national_significant_number(example)
            found.add(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
            for prefix in ("0", "8", "1", "90", "15"):
                found.add(f"+{code}{prefix}{national}")
            found.add(f"+{code}{national[:-1]}")
            found.add(f"+{code}{national}{rng.randint(0, 9)}")
        for length in range(0, 19):
            found.add(f"+{code}" + "".join(rng.choice("0123456789") for _ in range(length)))
    return sorted(found)


def test_the_database_masks_numbers_as_the_application_does(office):
    values = [*_numbers(), "89161234567", "12", "916 123", "+7 (916) 123-45-67", "+0123"]
    with _owner(office) as owner:
        shown = owner.execute(
            "SELECT v, casebook_private.mask_phone(v) FROM unnest(%s::text[]) v", (values,)
        ).fetchall()
    differ = [(v, m, mask(v)) for v, m in shown if m != mask(v)]
    assert len(values) > 9_000 and differ == []


def test_every_reveal_asks_one_guard(office, calls_case):
    """`casebook_reveal` checks the reason and the case through `casebook_reveal_allowed`, as
    the batch reveals do, and still names the record it was asked for."""
    ctx, case = calls_case
    party = parties.add_party(
        ctx,
        case.id,
        parties.PartyInput(role="complainant", name="Анна", address="г. Москва, ул. Лесная, 5"),
    ).party.id
    with _owner(office) as owner:
        sources = dict(
            owner.execute(
                "SELECT proname, prosrc FROM pg_proc WHERE proname IN "
                "('casebook_reveal', 'casebook_reveal_allowed')"
            ).fetchall()
        )
    assert "say why" not in sources["casebook_reveal"]
    assert "say why" in sources["casebook_reveal_allowed"]
    reveal = "SELECT casebook_reveal('party', %s, 'address', %s)"
    with pytest.raises(psycopg.errors.CheckViolation, match="say why"):
        office.sql("inv_a", reveal, (party, " "))
    with pytest.raises(psycopg.errors.NoDataFound, match=f"no party with id {party}"):
        office.sql("inv_b", reveal, (party, "проверка адреса"))
    with pytest.raises(psycopg.errors.NoDataFound, match="no party with id -1"):
        office.sql("inv_a", reveal, (-1, "проверка адреса"))
    assert office.sql("inv_a", reveal, (party, "проверка адреса")) == [
        (["г. Москва, ул. Лесная, 5"],)
    ]
