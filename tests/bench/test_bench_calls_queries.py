"""Benchmark: the queries of a million-call case, against bare `sqlite3` on the same file.

The case is the cached database of `calls_callgen.cached_database` (the 1M-row export
imported through the real import path once; later migrations are applied when it opens).
Everything is measured in a fresh child process (its own peak memory), app and bare query
alternating (A B A B), medians of at least three runs, CPU time beside wall time:

- calls between two numbers in a day's window: 300 random pairs (goal p95 < 5 ms);
- any-digits filter: the first page the call table shows (`first_call_ids`, goal < 100 ms)
  and the whole ordered id list the table fills in afterwards;
- `analyze` fresh (goal < 5 s), kept (another process: read from `call_analyses`, which the
  run writes into the cached database) and from the process's cache.

Make the cache first (not under the lock): `python tests/bench/calls_callgen.py 1000000`.
Run: `flock /tmp/casebook-bench.lock .venv/bin/python -m pytest
tests/bench/test_bench_calls_queries.py -m bench -s` (`CASEBOOK_BENCH_ROWS` for another size).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from calls_callgen import cached_database

pytestmark = pytest.mark.bench

ROWS = int(os.environ.get("CASEBOOK_BENCH_ROWS", "1000000"))
ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, random, sqlite3, statistics, sys
from datetime import datetime, timedelta, timezone
from calls_timing import filters_and_analysis, p95, timed
from app.services.calls.query import calls_between
from app.services.core.bootstrap import open_context

data, case_id = sys.argv[1], int(sys.argv[2])
ctx = open_context(data, None, actor="bench")
bare = sqlite3.connect(ctx.engine.url.database)

out = {}
stamp = "%Y-%m-%d %H:%M:%S.%f"
pairs = bare.execute(
    "SELECT caller, callee, start_utc FROM calls WHERE case_id = ? ORDER BY random() LIMIT 300",
    (case_id,),
).fetchall()
app_ms, app_cpu, bare_ms = [], [], []
for caller, callee, start in pairs:
    moment = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    lo, hi = moment - timedelta(hours=12), moment + timedelta(hours=12)
    wall, cpu, ids = timed(lambda: calls_between(ctx, case_id, caller, callee, lo, hi))
    assert ids
    app_ms.append(wall)
    app_cpu.append(cpu)
    params = (case_id, caller, callee, lo.strftime(stamp), hi.strftime(stamp))
    bare_ms.append(timed(lambda: bare.execute(
        "SELECT id, start_utc FROM calls WHERE case_id=? AND caller=? AND callee=? "
        "AND start_utc>=? AND start_utc<? UNION ALL SELECT id, start_utc FROM calls "
        "WHERE case_id=? AND caller=? AND callee=? AND start_utc>=? AND start_utc<? "
        "ORDER BY 2, 1", params + (params[0], callee, caller) + params[3:]).fetchall())[0])
out["between"] = [statistics.median(app_ms), p95(app_ms), statistics.median(app_cpu),
                  p95(app_cpu), statistics.median(bare_ms), p95(bare_ms)]


def numbers(digits):
    return [v for (v,) in bare.execute(
        "SELECT value FROM call_numbers WHERE case_id = ? AND digits LIKE ?",
        (case_id, f"%{digits}%"))]


def bare_first(digits, limit=1000):
    values = numbers(digits)
    marks = ",".join("?" * len(values))
    return bare.execute(
        "SELECT id FROM (SELECT id, caller, callee, virtual FROM calls WHERE case_id = ? "
        f"ORDER BY start_utc, id LIMIT 100000) WHERE caller IN ({marks}) OR callee IN ({marks}) "
        f"OR virtual IN ({marks}) LIMIT ?", (case_id, *values, *values, *values, limit)).fetchall()


def bare_all(digits):
    values = numbers(digits)
    marks = ",".join("?" * len(values))
    branches = " UNION ALL ".join(
        f"SELECT id, start_utc FROM calls WHERE case_id = ? AND {column} IN ({marks})"
        for column in ("caller", "callee", "virtual"))
    return bare.execute(f"SELECT id FROM ({branches}) ORDER BY start_utc, id",
                        [p for _ in range(3) for p in (case_id, *values)]).fetchall()


out.update(filters_and_analysis(ctx, case_id, "+79161234567", bare_first, bare_all))
print(json.dumps(out))
"""


def test_bench_call_queries_at_a_million() -> None:
    data, case_id = cached_database(ROWS)
    load_before = os.getloadavg()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests' / 'bench'}"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), str(case_id)],
        capture_output=True, text=True, env=env, check=True, cwd=ROOT,
    )  # fmt: skip
    out = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\ncall queries, {ROWS:,} calls; load average {load_before} → {os.getloadavg()}")
    med, p, cmed, cp, bmed, bp = out["between"]
    print(
        f"  calls between two numbers: median {med:.2f} ms, p95 {p:.2f} ms (goal < 5 ms); "
        f"CPU median {cmed:.2f}, p95 {cp:.2f} ms; bare sqlite3 median {bmed:.2f}, p95 {bp:.2f}"
    )
    for digits, shown, complete, wall, cpu, base, total, twall, tcpu, tbase in out["filters"]:
        print(
            f"  filter {digits!r:15} first page {shown:5} ({'all' if complete else 'more'}): "
            f"{wall:6.1f} ms, CPU {cpu:6.1f} (goal < 100; bare {base:6.1f}, "
            f"ratio {wall / max(base, 0.01):4.1f}) | all {total:7,}: {twall:6.1f} ms, "
            f"CPU {tcpu:6.1f} (bare {tbase:6.1f}, ratio {twall / max(tbase, 0.01):4.1f})"
        )
    wall, cpu, findings, kept, cached = out["analyze"]
    print(
        f"  analyze fresh: {wall / 1000:.2f} s, CPU {cpu / 1000:.2f} s, {findings} findings "
        f"(goal < 5 s); kept (another process) {kept:.1f} ms; cached {cached:.1f} ms"
    )
    print(f"  peak memory of the child: {out['peak_mb']:.0f} MB")
