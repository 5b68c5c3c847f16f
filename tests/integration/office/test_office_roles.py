"""The office server decides who sees and changes what: plain SQL as each role (as psql would),
the services and the CLI on top, and the two-person decision."""

from __future__ import annotations

import psycopg
import pytest

from app.domain.errors import NotAllowed
from app.services.core import cases, parties
from app.services.core.bootstrap import close_context
from app.services.office import decisions

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_cases(office, tmp_path):
    """A Moscow case with courier C-7781 as subject (investigator A) and a St Petersburg case
    (investigator B)."""
    ctx_a = office.context("inv_a", tmp_path / "a")
    ctx_b = office.context("inv_b", tmp_path / "b")
    try:
        msk = cases.create_case(
            ctx_a, cases.CaseInput(title="Звонки после доставки", region="MSK", tz="Europe/Moscow")
        )
        parties.add_party(
            ctx_a,
            msk.id,
            parties.PartyInput(
                role="subject", name="Курьер Петров", phones=("+79161234567",), courier_id="C-7781"
            ),
        )
        spb = cases.create_case(
            ctx_b, cases.CaseInput(title="Грубость у двери", region="SPB", tz="Europe/Moscow")
        )
        yield msk, spb
    finally:
        close_context(ctx_a)
        close_context(ctx_b)


# Build the next entry as app.storage.audit.record does, in someone else's name.
_FORGED_APPEND = """
WITH h AS (SELECT head_seq, head_hash FROM casebook_audit_head()),
     p AS (SELECT h.head_hash AS prev, json_build_object(
             'seq', h.head_seq + 1, 'at', '2026-01-01T00:00:00Z', 'actor', 'someone else',
             'action', 'x', 'entity', 'x', 'entity_id', '1', 'case_id', NULL,
             'before', NULL, 'after', NULL, 'prev_hash', h.head_hash)::text AS payload FROM h)
SELECT casebook_audit_append(p.payload,
         encode(sha256(convert_to(p.prev || p.payload, 'UTF8')), 'hex')) FROM p
"""


def _numbers(office, who):
    return sorted(r[0] for r in office.sql(who, "SELECT number FROM cases"))


def test_each_role_sees_exactly_its_cases_with_plain_sql(office, two_cases):
    msk, spb = two_cases
    assert _numbers(office, "inv_a") == [msk.number]
    assert _numbers(office, "inv_b") == [spb.number]
    assert _numbers(office, "mgr_a") == [msk.number]
    assert _numbers(office, "sup") == [msk.number]  # courier C-7781 is the subject
    assert _numbers(office, "aud") == sorted([msk.number, spb.number])
    assert _numbers(office, "adm") == []  # no personal data for the administrator
    # Child tables follow their case: phones through their party.
    assert office.sql("inv_b", "SELECT count(*) FROM party_phones") == [(0,)]
    assert office.sql("inv_a", "SELECT count(*) FROM party_phones") == [(1,)]
    assert office.sql("adm", "SELECT count(*) FROM parties") == [(0,)]


def test_writes_outside_the_role_are_refused_by_the_server(office, two_cases):
    msk, _spb = two_cases
    # Another region's case: invisible, so the update touches nothing.
    office.sql("inv_b", "UPDATE cases SET title = 'x' WHERE number = %s", (msk.number,))
    assert office.sql("inv_a", "SELECT title FROM cases") == [("Звонки после доставки",)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql(
            "inv_b",
            "INSERT INTO parties (case_id, role, name, address, notes, deleted, version) "
            "VALUES (%s, 'witness', 'x', '', '', false, 1)",
            (msk.id,),
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("aud", "UPDATE cases SET title = 'x'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("inv_a", "DELETE FROM audit_entries")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        office.sql("inv_a", "TRUNCATE audit_entries")
    # The audit actor is the database role: an entry in another name is refused, even through
    # the audit's own append function.
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="written as"):
        office.sql("inv_a", _FORGED_APPEND)
    actors = {r[0] for r in office.sql("aud", "SELECT DISTINCT actor FROM audit_entries")}
    assert office.logins["inv_a"] in actors and office.logins["inv_b"] in actors


def test_not_allowed_is_exit_2_naming_the_role(office, two_cases, run_cli):
    msk, _spb = two_cases
    code, _out, err = run_cli(
        "case",
        "new",
        "--title",
        "t",
        "--region",
        "MSK",
        "--tz",
        "Europe/Moscow",
        db_url=office.url_for("aud"),
    )
    assert code == 2
    assert "not allowed for" in err and "(auditor)" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run_cli("decision", "approve", msk.number, db_url=office.url_for("inv_a"))
    assert code == 2 and "(investigator)" in err


def test_a_measure_needs_a_second_person(office, two_cases, tmp_path):
    msk, _spb = two_cases
    inv = office.context("inv_a", tmp_path / "a2")
    mgr = office.context("mgr_a", tmp_path / "m")
    try:
        state = decisions.propose(inv, msk.id, "blacklist", "Звонил клиентке с личного номера")
        assert state.status == "proposed"
        with pytest.raises(NotAllowed, match="investigator"):
            decisions.approve(inv, msk.id)
        # Closing directly is refused by the database itself.
        detail = cases.get_case(inv, msk.id)
        with pytest.raises(NotAllowed, match="approved by a regional manager"):
            cases.set_status(inv, msk.id, "closed", detail.version, measure="blacklist")
        state = decisions.approve(mgr, msk.id, "Согласовано")
        assert state.status == "approved"
        assert [s.actor for s in state.steps] == [office.logins["inv_a"], office.logins["mgr_a"]]
        assert cases.get_case(inv, msk.id).status == "closed"
        listed = office.sql("aud", "SELECT courier_id, added_by FROM courier_blacklist")
        assert listed == [("C-7781", office.logins["mgr_a"])]
        steps = office.sql(
            "aud", "SELECT action, actor FROM audit_entries WHERE entity = 'decision' ORDER BY seq"
        )
        assert steps == [("propose", office.logins["inv_a"]), ("approve", office.logins["mgr_a"])]
    finally:
        close_context(inv)
        close_context(mgr)


def test_destruction_needs_an_administrator_and_a_second_person(office, two_cases, tmp_path):
    from datetime import timedelta

    from app.domain import timeutil
    from app.services.office import destruction

    msk, spb = two_cases
    inv = office.context("inv_a", tmp_path / "i")
    mgr = office.context("mgr_a", tmp_path / "m")
    adm = office.context("adm", tmp_path / "d")
    adm2 = office.context("adm2", tmp_path / "d2")
    try:
        decisions.propose(inv, msk.id, "warning", "Звонил после доставки")
        decisions.approve(mgr, msk.id)
        later = timeutil.now_utc() + timedelta(days=4 * 365)
        with pytest.raises(NotAllowed, match="investigator"):
            destruction.plan(inv, now=later)
        task = destruction.plan(adm, now=later)  # the administrator sees facts, not data
        assert task.cases == [msk.number]
        assert office.sql("adm", "SELECT count(*) FROM parties") == [(0,)]
        with pytest.raises(NotAllowed, match="second person"):
            destruction.confirm(adm, task.id)
        # Not confirmed: the server refuses the delete however it is asked.
        office.sql("adm", "DELETE FROM cases")
        assert _numbers(office, "aud") == sorted([msk.number, spb.number])
        destruction.confirm(adm2, task.id)
        done = destruction.execute(adm, task.id)
        assert [c["number"] for c in done.act["cases"]] == [msk.number]
        assert done.act["cases"][0]["records"]["parties"] == 1
        assert _numbers(office, "aud") == [spb.number]
        out = destruction.write_act(adm, task.id, tmp_path / "act.pdf")
        assert out.read_bytes().startswith(b"%PDF")
    finally:
        for ctx in (inv, mgr, adm, adm2):
            close_context(ctx)


def test_the_supervisor_reads_their_couriers_case_and_adds_a_statement(office, two_cases, tmp_path):
    from app.domain import timeutil
    from app.services.core import records

    msk, spb = two_cases
    sup = office.context("sup", tmp_path / "s")
    try:
        statement = records.add_statement(
            sup,
            msk.id,
            records.StatementInput(
                party_id=None,
                taken_at=timeutil.now_utc(),
                taken_by="Супервайзер",
                text="Курьер подтвердил звонок клиентке",
            ),
        )
        assert statement.id
        with pytest.raises(NotAllowed, match="supervisor"):
            cases.update_case(sup, msk.id, cases.get_case(sup, msk.id).version, title="x")
        with pytest.raises(Exception, match="no case"):
            cases.get_case(sup, spb.id)
    finally:
        close_context(sup)
    texts = office.sql("inv_a", "SELECT text FROM statements")
    assert texts == [("Курьер подтвердил звонок клиентке",)]


def test_a_reveal_goes_through_the_server_which_writes_the_entry(office, two_cases, tmp_path):
    from app.services.core import audit

    msk, _spb = two_cases
    inv = office.context("inv_a", tmp_path / "ra")
    other = office.context("inv_b", tmp_path / "rb")
    aud = office.context("aud", tmp_path / "rc")
    try:
        party = cases.get_case(inv, msk.id).parties[0]
        shown = parties.reveal(inv, "party", party.id, "phones", "обратный звонок заявителю")
        assert shown.replace(" ", "").replace("-", "").endswith("79161234567")
        entry = office.sql(
            "aud", "SELECT actor, case_id FROM audit_entries WHERE action = 'reveal'"
        )
        assert entry == [(office.logins["inv_a"], msk.id)]
        with pytest.raises(Exception, match="no party"):
            parties.reveal(other, "party", party.id, "phones", "любопытство")
        # Even with plain SQL the function refuses another region's record.
        with pytest.raises(psycopg.errors.NoDataFound):
            office.sql("inv_b", f"SELECT casebook_reveal('party', {party.id}, 'phones', 'xyz')")
        assert audit.verify_chain(aud).ok
    finally:
        for ctx in (inv, other, aud):
            close_context(ctx)
