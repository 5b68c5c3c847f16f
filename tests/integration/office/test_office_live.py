"""Workstations follow each other: notifications of changes reach a listener, and a lost
connection is reported and re-established."""

from __future__ import annotations

import queue

import pytest
import sqlalchemy as sa

from app.services.core import parties
from app.services.core.bootstrap import close_context
from app.services.office.live import listener_for

pytestmark = pytest.mark.postgres


def test_a_change_reaches_the_other_workstation_and_a_lost_connection_recovers(office, tmp_path):
    from app.services.core import cases

    writer = office.context("inv_a", tmp_path / "w")
    reader = office.context("aud", tmp_path / "r")
    changes: queue.Queue = queue.Queue()
    states: queue.Queue = queue.Queue()
    listener = listener_for(reader, changes.put, lambda ok, msg: states.put(ok))
    assert listener is not None
    listener.start()
    try:
        assert states.get(timeout=10) is True
        case = cases.create_case(
            writer, cases.CaseInput(title="Звонки", region="MSK", tz="Europe/Moscow")
        )
        parties.add_party(writer, case.id, parties.PartyInput(role="witness", name="Сосед"))
        seen = set()
        while ("parties", case.id) not in seen:
            change = changes.get(timeout=10)
            if change.channel == "casebook":
                seen.add((change.table, change.case_id))
                assert change.by == office.logins["inv_a"]
        assert ("cases", case.id) in seen

        # The server drops the listener's connection: reported, then reconnected.
        engine = sa.create_engine(office.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE usename = :u AND query LIKE 'LISTEN%' OR "
                    "(usename = :u AND state = 'idle' AND query LIKE 'SELECT 1%')"
                ),
                {"u": office.logins["aud"]},
            )
        engine.dispose()
        assert states.get(timeout=10) is False
        assert states.get(timeout=20) is True
        parties.add_party(writer, case.id, parties.PartyInput(role="witness", name="Второй"))
        while changes.get(timeout=10).table != "parties":
            pass
    finally:
        listener.stop()
        close_context(writer)
        close_context(reader)


def test_notifications_carry_no_case_data_and_each_role_reads_only_its_own(office, tmp_path):
    """The payload is a bare change number; a region-B investigator learns that something
    changed, not which case, table or person; the region-A manager reads all three."""
    import psycopg

    from app.services.core import cases

    writer = office.context("inv_a", tmp_path / "w")
    outsider = office.context("inv_b", tmp_path / "b")
    manager = office.context("mgr_a", tmp_path / "m")
    seen_b: queue.Queue = queue.Queue()
    seen_m: queue.Queue = queue.Queue()
    states: queue.Queue = queue.Queue()
    listeners = [
        listener_for(outsider, seen_b.put, lambda ok, msg: states.put(ok)),
        listener_for(manager, seen_m.put, lambda ok, msg: states.put(ok)),
    ]
    raw = psycopg.connect(office.dsn_for("inv_b"), autocommit=True)
    raw.execute("LISTEN casebook")
    raw.execute("LISTEN casebook_audit")
    for listener in listeners:
        assert listener is not None
        listener.start()
    try:
        assert states.get(timeout=10) is True and states.get(timeout=10) is True
        case = cases.create_case(
            writer, cases.CaseInput(title="Адрес клиента", region="MSK", tz="Europe/Moscow")
        )
        parties.add_party(writer, case.id, parties.PartyInput(role="witness", name="Сосед"))
        manager_saw = set()
        while ("parties", case.id) not in manager_saw:
            change = seen_m.get(timeout=10)
            if change.channel == "casebook":
                assert change.by == office.logins["inv_a"]
                manager_saw.add((change.table, change.case_id))
        outsider_saw = [seen_b.get(timeout=10)]
        while outsider_saw[-1].channel != "casebook":
            outsider_saw.append(seen_b.get(timeout=10))
        while not seen_b.empty():
            outsider_saw.append(seen_b.get_nowait())
        data = [c for c in outsider_saw if c.channel == "casebook"]
        assert data and all(c.case_id is None and c.table == "" and c.by == "" for c in data)
        notes = list(raw.notifies(timeout=2, stop_after=3))
        assert notes
        assert all(n.payload.isdigit() for n in notes), [n.payload for n in notes]
        # and plain SQL as the outsider shows no trace of the change
        assert office.sql("inv_b", "SELECT count(*) FROM office_changes") == [(0,)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor can anyone forge one
            office.sql(
                "inv_a",
                "INSERT INTO office_changes (case_id, table_name, actor, at) "
                f"VALUES ({case.id}, 'parties', 'someone', now())",
            )
    finally:
        raw.close()
        for listener in listeners:
            if listener is not None:
                listener.stop()
        close_context(writer)
        close_context(outsider)
        close_context(manager)
