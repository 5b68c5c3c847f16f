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
