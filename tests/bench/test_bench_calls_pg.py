"""Benchmark: the queries of a million-call case on PostgreSQL, against bare `psycopg`.

A fresh migrated database (the `pg_url` fixture) gets the cached 1M-row export through the
real import path as the schema owner — once per run, nothing kept on disk; that load is timed
too but not under the lock. Then, under the shared bench lock (taken here, only for the
measuring), a fresh child process measures as the schema owner, app and bare query alternating
(A B A B), medians, CPU beside wall:

- calls between two numbers in a day's window: 300 random pairs (goal p95 < 5 ms);
- the any-digits filter's first page (`first_call_ids`, goal < 100 ms) and the whole ordered
  list; a full number (goal < 100 ms);
- `analyze` fresh (goal < 5 s), kept (another process: read from `call_analyses`) and cached.

Run: `.venv/bin/python -m pytest tests/bench/test_bench_calls_pg.py -m bench -s` with
`CASEBOOK_TEST_PG_URL` set (`source /tmp/pgenv`); `CASEBOOK_BENCH_ROWS` for another size.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from calls_callgen import cached_export

pytestmark = pytest.mark.bench

ROWS = int(os.environ.get("CASEBOOK_BENCH_ROWS", "1000000"))
ROOT = Path(__file__).resolve().parents[2]
LOCK = Path("/tmp/casebook-bench.lock")

CHILD = r"""
import json, statistics, sys
from datetime import timedelta
import psycopg
from calls_timing import filters_and_analysis, p95, timed
from app.services.calls.query import calls_between
from app.services.core.bootstrap import open_context

data, url, case_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
ctx = open_context(data, url, actor="bench")
bare = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)




def rows(sql, params=()):
    return bare.execute(sql, params).fetchall()


out = {}
pairs = rows("SELECT caller, callee, start_utc FROM calls WHERE case_id = %s "
             "ORDER BY random() LIMIT 300", (case_id,))
app_ms, app_cpu, bare_ms = [], [], []
between = ("SELECT id, start_utc FROM calls WHERE case_id=%s AND caller=%s AND callee=%s "
           "AND start_utc>=%s AND start_utc<%s UNION ALL SELECT id, start_utc FROM calls "
           "WHERE case_id=%s AND caller=%s AND callee=%s AND start_utc>=%s AND start_utc<%s "
           "ORDER BY 2, 1")
for caller, callee, moment in pairs:
    lo, hi = moment - timedelta(hours=12), moment + timedelta(hours=12)
    wall, cpu, ids = timed(lambda: calls_between(ctx, case_id, caller, callee, lo, hi))
    assert ids
    app_ms.append(wall)
    app_cpu.append(cpu)
    bare_ms.append(timed(lambda: rows(
        between, (case_id, caller, callee, lo, hi, case_id, callee, caller, lo, hi)))[0])
out["between"] = [statistics.median(app_ms), p95(app_ms), statistics.median(app_cpu),
                  p95(app_cpu), statistics.median(bare_ms), p95(bare_ms)]


def numbers(digits):
    return [v for (v,) in rows(
        "SELECT value FROM call_numbers WHERE case_id = %s AND digits LIKE %s",
        (case_id, f"%{digits.lstrip('+')}%"))]


def bare_first(digits, limit=1000):
    values = numbers(digits)
    return rows(
        "SELECT id FROM calls WHERE case_id = %s AND (caller = ANY(%s) OR callee = ANY(%s) "
        "OR virtual = ANY(%s)) ORDER BY start_utc, id LIMIT %s",
        (case_id, values, values, values, limit))


def bare_all(digits):
    values = numbers(digits)
    return rows(
        "SELECT id FROM (SELECT id, start_utc FROM calls WHERE case_id = %s AND caller = ANY(%s) "
        "UNION ALL SELECT id, start_utc FROM calls WHERE case_id = %s AND callee = ANY(%s) "
        "UNION ALL SELECT id, start_utc FROM calls WHERE case_id = %s AND virtual = ANY(%s)) "
        "AS hits ORDER BY start_utc, id", (case_id, values, case_id, values, case_id, values))


out.update(filters_and_analysis(ctx, case_id, pairs[0][0], bare_first, bare_all))
print(json.dumps(out))
"""


def _load(url: str, data: Path) -> tuple[int, float, float]:
    """(case id, wall s, CPU s) of importing the cached export as the schema owner."""
    from app.services.calls.importing import import_calls
    from app.services.core import cases
    from app.services.core.bootstrap import close_context, open_context

    ctx = open_context(data, url, actor="bench")
    try:
        case = cases.create_case(
            ctx, cases.CaseInput(title="bench", region="MSK", tz="Europe/Moscow")
        )
        started, used = time.perf_counter(), time.process_time()
        result = import_calls(ctx, case.id, cached_export(ROWS))
        assert result.imported == ROWS
        return case.id, time.perf_counter() - started, time.process_time() - used
    finally:
        close_context(ctx)


def test_bench_call_queries_at_a_million_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    load_before = os.getloadavg()
    case_id, load_wall, load_cpu = _load(pg_url, tmp_path / "owner")
    print(
        f"\nimport of {ROWS:,} calls into PostgreSQL (not under the lock): {load_wall:.1f} s, "
        f"this process's CPU {load_cpu:.1f} s; load {load_before} → {os.getloadavg()}"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests' / 'bench'}"}
    with LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        load_before = os.getloadavg()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(tmp_path / "child"), pg_url, str(case_id)],
            capture_output=True, text=True, env=env, check=True, cwd=ROOT,
        )  # fmt: skip
        load_after = os.getloadavg()
    out = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"call queries on PostgreSQL, {ROWS:,} calls, under the lock; load {load_before} → "
          f"{load_after}")  # fmt: skip
    med, p, cmed, cp, bmed, bp = out["between"]
    print(
        f"  calls between two numbers: median {med:.2f} ms, p95 {p:.2f} ms (goal < 5 ms); "
        f"CPU median {cmed:.2f}, p95 {cp:.2f} ms; bare psycopg median {bmed:.2f}, p95 {bp:.2f}"
    )
    for digits, shown, complete, wall, cpu, base, total, twall, tcpu, tbase in out["filters"]:
        print(
            f"  filter {digits!r:15} first page {shown:5} ({'all' if complete else 'more'}): "
            f"{wall:6.1f} ms, CPU {cpu:6.1f} (goal < 100; bare {base:6.1f}) | all {total:7,}: "
            f"{twall:6.1f} ms, CPU {tcpu:6.1f} (bare {tbase:6.1f})"
        )
    wall, cpu, findings, kept, cached = out["analyze"]
    print(
        f"  analyze fresh: {wall / 1000:.2f} s, CPU {cpu / 1000:.2f} s, {findings} findings "
        f"(goal < 5 s); kept (another process) {kept:.1f} ms; cached {cached:.1f} ms"
    )
    print(f"  peak memory of the child: {out['peak_mb']:.0f} MB")
