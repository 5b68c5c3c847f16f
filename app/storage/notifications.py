"""Change notifications of an office server: a dedicated connection LISTENs on the channels
the triggers of `admin init` signal, hands each change on, and when the connection is lost says
so and reconnects with a growing pause until it is stopped.

A notification carries only a sequence number, which every listener may know. The listener then
reads `office_changes` from that number as its own role: row-level security leaves it the
changes of the cases it may read (case, table, who), and nothing about the others."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import Engine

from app.storage.office_server import AUDIT_CHANNEL, NOTIFY_CHANNEL

SEEN_KEPT = 5000  # change numbers remembered, so a change read twice is handed on once
CHANGES_SQL = (
    "SELECT seq, case_id, table_name, actor FROM office_changes WHERE seq >= %s ORDER BY seq"
)


@dataclass(frozen=True)
class Change:
    """A change the listener's role may know of. `case_id` None and `table` empty: something
    this role cannot read changed (a case may have left its view): refresh lists only."""

    channel: str  # "casebook" (case data) or "casebook_audit"
    table: str
    case_id: int | None
    by: str


def first_seq(payloads: Iterable[str]) -> int | None:
    """The lowest change number among notification payloads (garbage is ignored)."""
    numbers = [int(p) for p in payloads if p.strip().isdigit()]
    return min(numbers) if numbers else None


class _Seen:
    """The last few thousand change numbers handed on."""

    def __init__(self) -> None:
        self._order: deque[int] = deque()
        self._set: set[int] = set()

    def add(self, seq: int) -> bool:
        if seq in self._set:
            return False
        self._order.append(seq)
        self._set.add(seq)
        if len(self._order) > SEEN_KEPT:
            self._set.discard(self._order.popleft())
        return True


def _dsn(engine: Engine) -> str:
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class ChangeListener:
    """Runs in its own daemon thread; callbacks are called from that thread."""

    def __init__(
        self,
        engine: Engine,
        on_change: Callable[[Change], None],
        on_state: Callable[[bool, str], None],
        poll_s: float = 0.25,
        max_pause_s: float = 10.0,
    ) -> None:
        self._dsn = _dsn(engine)
        self._on_change = on_change
        self._on_state = on_state
        self._poll_s = poll_s
        self._max_pause_s = max_pause_s
        self._stop = threading.Event()
        self._seen = _Seen()
        self._thread = threading.Thread(target=self._run, name="casebook-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        pause = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    conn.execute(f"LISTEN {AUDIT_CHANNEL}")
                    self._on_state(True, "")
                    pause = 0.5
                    while not self._stop.is_set():
                        notes = list(conn.notifies(timeout=self._poll_s))
                        self._hand_on(conn, notes)
                        conn.execute("SELECT 1")  # notices a dead server between notifies
            except psycopg.Error as exc:
                if self._stop.is_set():
                    return
                self._on_state(False, str(exc).strip().splitlines()[0] if str(exc) else "")
                self._stop.wait(pause)
                pause = min(pause * 2, self._max_pause_s)

    def _hand_on(self, conn: psycopg.Connection[Any], notes: list[psycopg.Notify]) -> None:
        if any(n.channel == AUDIT_CHANNEL for n in notes):
            self._on_change(Change(AUDIT_CHANNEL, "audit_entries", None, ""))
        start = first_seq(n.payload for n in notes if n.channel == NOTIFY_CHANNEL)
        if start is None:
            return
        visible = False
        for seq, case_id, table, actor in conn.execute(CHANGES_SQL, (start,)).fetchall():
            if self._seen.add(int(seq)):
                visible = True
                self._on_change(Change(NOTIFY_CHANNEL, str(table), int(case_id), str(actor)))
        if not visible:
            self._on_change(Change(NOTIFY_CHANNEL, "", None, ""))
