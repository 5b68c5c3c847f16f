"""Change notifications of an office server: a dedicated connection LISTENs on the channels
the triggers of `admin init` signal, hands each notification on, and when the connection is
lost says so and reconnects with a growing pause until it is stopped."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from sqlalchemy import Engine

from app.storage.office_server import AUDIT_CHANNEL, NOTIFY_CHANNEL


@dataclass(frozen=True)
class Change:
    channel: str  # "casebook" (case data) or "casebook_audit"
    table: str
    case_id: int | None
    by: str


def parse(channel: str, payload: str) -> Change:
    try:
        data = json.loads(payload)
    except ValueError:
        data = {}
    case_id = data.get("case_id")
    return Change(
        channel,
        str(data.get("table", "")),
        int(case_id) if isinstance(case_id, int) else None,
        str(data.get("by", "")),
    )


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
                        for note in conn.notifies(timeout=self._poll_s):
                            self._on_change(parse(note.channel, note.payload))
                        conn.execute("SELECT 1")  # notices a dead server between notifies
            except psycopg.Error as exc:
                if self._stop.is_set():
                    return
                self._on_state(False, str(exc).strip().splitlines()[0] if str(exc) else "")
                self._stop.wait(pause)
                pause = min(pause * 2, self._max_pause_s)
