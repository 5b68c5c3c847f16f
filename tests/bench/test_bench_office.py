"""20 concurrent clients on one office server: case search, opening a case, adding calls (a
50-row call log per import), each client a separate process logged in as an investigator of the
region, so row-level security decides every query. Reports throughput and p95 latency per operation,
and the same workload run as the schema owner (no policies apply) as the baseline: A B A B,
median of the runs, with the load average.

    .venv/bin/python -m pytest tests/bench/test_bench_office.py -m bench -s
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest

pytestmark = pytest.mark.postgres

CLIENTS = 20
ROUNDS = 6  # per client and run: search + open + import
RUNS = 2  # A B A B


def _client(url: str, data_dir: str, share: str, case_id: int, index: int, out: Any) -> None:
    from app.services.calls.importing import import_calls
    from app.services.core import cases
    from app.services.core.bootstrap import close_context, open_context

    ctx = open_context(data_dir, url, evidence_dir=share)
    timings: dict[str, list[float]] = {"search": [], "open": [], "add_calls": []}
    folder = Path(data_dir) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    began = time.time()
    try:
        for round_no in range(ROUNDS):
            start = time.perf_counter()
            cases.search_cases(ctx, text="звонки", limit=50)
            timings["search"].append(time.perf_counter() - start)
            start = time.perf_counter()
            cases.get_case(ctx, case_id)
            timings["open"].append(time.perf_counter() - start)
            log = folder / f"calls-{index}-{round_no}-{time.time_ns()}.csv"
            nonce = time.time_ns() % 100_000  # every log is a new file (the same one is refused)
            lines = [
                "Дата;Время;Кто звонил;Кому звонил;Длительность",
                f"01.09.2025;00:00:00;+79160000000;+79031112233;{nonce}",
            ]
            lines += [
                f"{1 + i % 28:02d}.09.2025;12:{i % 60:02d}:{round_no:02d};"
                f"+7916{index:03d}{round_no:02d}{i:02d};+79031112233;{i}"
                for i in range(50)
            ]
            log.write_text("\n".join(lines), encoding="utf-8")
            start = time.perf_counter()
            import_calls(ctx, case_id, log)
            timings["add_calls"].append(time.perf_counter() - start)
    finally:
        close_context(ctx)
    out.put((began, time.time(), timings))


def _run(urls: list[str], tmp: Path, share: Path, case_ids: list[int]) -> dict[str, Any]:
    queue: Any = multiprocessing.get_context("spawn").Queue()
    procs = []
    for i in range(CLIENTS):
        proc = multiprocessing.get_context("spawn").Process(
            target=_client,
            args=(
                urls[i % len(urls)],
                str(tmp / f"c{i}"),
                str(share),
                case_ids[i % len(case_ids)],
                i,
                queue,
            ),
        )
        proc.start()
        procs.append(proc)
    results = [queue.get(timeout=900) for _ in procs]
    for proc in procs:
        proc.join()
    # From the first client's first operation to the last client's last (not process start-up).
    wall = max(r[1] for r in results) - min(r[0] for r in results)
    merged: dict[str, list[float]] = {}
    for _began, _ended, timings in results:
        for key, values in timings.items():
            merged.setdefault(key, []).extend(values)
    ops = sum(len(v) for v in merged.values())
    return {
        "ops_per_s": ops / wall,
        "p95_ms": {k: 1000 * statistics.quantiles(v, n=20)[18] for k, v in merged.items()},
    }


def test_twenty_clients_on_one_office_server(office, tmp_path):
    from app.services.core import cases
    from app.services.core.bootstrap import close_context

    seed = office.context("inv_a", tmp_path / "seed")
    try:
        case_ids = [
            cases.create_case(
                seed,
                cases.CaseInput(
                    title=f"Звонки после доставки {n}", region="MSK", tz="Europe/Moscow"
                ),
            ).id
            for n in range(CLIENTS)
        ]
    finally:
        close_context(seed)
    office_urls = [office.url_for("inv_a")]
    owner_urls = [office.url]
    figures: dict[str, list[dict[str, Any]]] = {"office": [], "owner": []}
    for run in range(RUNS):
        for label, urls in (("office", office_urls), ("owner", owner_urls)):
            figures[label].append(_run(urls, tmp_path / f"{label}{run}", office.share, case_ids))
    load = os.getloadavg()
    for label in ("office", "owner"):
        runs = figures[label]
        rate = statistics.median(r["ops_per_s"] for r in runs)
        p95 = {k: statistics.median(r["p95_ms"][k] for r in runs) for k in runs[0]["p95_ms"]}
        print(
            f"\n{label}: {CLIENTS} clients, {rate:.1f} ops/s, p95 "
            + ", ".join(f"{k} {v:.0f} ms" for k, v in p95.items())
        )
    ratio = statistics.median(r["ops_per_s"] for r in figures["office"]) / statistics.median(
        r["ops_per_s"] for r in figures["owner"]
    )
    print(f"throughput with row-level security / without: {ratio:.2f}; load average {load}")
    assert figures["office"] and figures["owner"]


CALLS = int(os.environ.get("CASEBOOK_BENCH_OFFICE_CALLS", "5000"))  # one case's call log


def _masked_client(
    url: str, data_dir: str, share: str, case_id: int, log: str | None, out: Any
) -> None:
    """One person's calls work in a fresh process: import the log (when given), a digit
    search, a page of calls, the number summary and the analysis; wall and CPU (this process
    only) per step."""
    import resource

    from app.services.calls import analysis, query
    from app.services.calls.dto import CallFilter
    from app.services.calls.importing import import_calls
    from app.services.core.bootstrap import close_context, open_context

    ctx = open_context(data_dir, url, evidence_dir=share)
    steps: dict[str, float] = {}
    try:
        for name, work in (
            ("import", lambda: log and import_calls(ctx, case_id, Path(log))),
            ("digit search", lambda: query.call_ids(ctx, case_id, CallFilter(number="0012"))),
            ("page of 200", lambda: query.calls_by_ids(ctx, query.call_ids(ctx, case_id)[:200])),
            ("numbers", lambda: query.number_summary(ctx, case_id)),
            ("analysis", lambda: analysis.analyze(ctx, case_id)),
        ):
            start = time.perf_counter()
            if work() is not None:
                steps[name] = time.perf_counter() - start
    finally:
        close_context(ctx)
    out.put((steps, resource.getrusage(resource.RUSAGE_SELF).ru_utime))


def _alternate(
    office: Any, tmp_path: Path, cases: dict[str, list[int]], log: str | None
) -> dict[str, list[dict[str, float]]]:
    """A B A B: each run a fresh process of the investigator (masked views) or the owner,
    the analysis computed afresh (not the one an earlier run kept for the case)."""
    ctx = multiprocessing.get_context("spawn")
    figures: dict[str, list[dict[str, float]]] = {"masked": [], "owner": []}
    for run in range(2):
        for label, url in (("masked", office.url_for("inv_a")), ("owner", office.url)):
            with psycopg.connect(office.url.replace("+psycopg", ""), autocommit=True) as owner:
                owner.execute("DELETE FROM call_analyses")
            queue: Any = ctx.Queue()
            proc = ctx.Process(
                target=_masked_client,
                args=(url, str(tmp_path / f"{label}{run}"), str(office.share),
                      cases[label][run], log, queue),
            )  # fmt: skip
            proc.start()
            steps, cpu = queue.get(timeout=900)
            proc.join()
            figures[label].append({**steps, "client cpu": cpu})
    return figures


def _report(title: str, figures: dict[str, list[dict[str, float]]]) -> None:
    print(f"\n{title}, median of 2 runs each (A B A B), load average {os.getloadavg()}")
    for step in figures["masked"][0]:
        masked = statistics.median(r[step] for r in figures["masked"])
        owner = statistics.median(r[step] for r in figures["owner"])
        ratio = masked / owner
        print(f"  {step:13s} masked {masked:7.3f} s   owner {owner:7.3f} s   ratio {ratio:.2f}")


def test_hidden_columns_cost_on_calls(office, tmp_path):
    """The same calls work as an investigator (masked views reading the stored masked forms,
    writes through INSTEAD OF triggers and row-level security) and as the schema owner (plain
    tables, no policies): A B A B, median per step, with the server's own CPU left out."""
    from app.services.core import cases
    from app.services.core.bootstrap import close_context

    log = tmp_path / "calls.csv"
    lines = ["Дата;Время;Кто звонил;Кому звонил;Длительность"]
    lines += [
        f"{1 + i % 28:02d}.09.2025;{i % 24:02d}:{i % 60:02d}:{(i // 60) % 60:02d};"
        f"+7916{i % 3000:07d};+7903{(i * 7) % 500:07d};{i % 300}"
        for i in range(CALLS)
    ]
    log.write_text("\n".join(lines), encoding="utf-8")
    seed = office.context("inv_a", tmp_path / "seed")
    try:
        ids = [
            cases.create_case(
                seed, cases.CaseInput(title=f"Звонки {n}", region="MSK", tz="Europe/Moscow")
            ).id
            for n in range(4)
        ]
    finally:
        close_context(seed)
    figures = _alternate(
        office, tmp_path, {"masked": [ids[0], ids[2]], "owner": [ids[1], ids[3]]}, str(log)
    )
    _report(f"{CALLS} calls", figures)
    assert figures["masked"] and figures["owner"]


BIG_CALLS = int(os.environ.get("CASEBOOK_BENCH_OFFICE_BIG_CALLS", "100000"))


def test_hidden_columns_cost_on_a_large_case(office, tmp_path):
    """Reading a case of 100,000 calls (30,000 numbers, 500 called) as the investigator and as
    the owner, the same case for both: the calls are written on the server in one statement
    (the stored forms by the same trigger as an import's), then A B A B per step."""
    from app.services.calls.importing import import_calls
    from app.services.core import cases
    from app.services.core.bootstrap import close_context

    seed = office.context("inv_a", tmp_path / "seed")
    try:
        case_id = cases.create_case(
            seed, cases.CaseInput(title="Большой журнал", region="MSK", tz="Europe/Moscow")
        ).id
        first = tmp_path / "first.csv"
        first.write_text(
            "Дата;Время;Кто звонил;Кому звонил;Длительность\n"
            "01.09.2025;00:00:00;+79160000000;+79030000000;1",
            encoding="utf-8",
        )
        import_calls(seed, case_id, first)
    finally:
        close_context(seed)
    with psycopg.connect(office.url.replace("+psycopg", ""), autocommit=True) as owner:
        owner.execute(
            "INSERT INTO calls (case_id, batch_id, line, start_utc, duration_s, caller, "
            "caller_raw, callee, callee_raw, virtual_raw, status, dedupe_key) "
            "SELECT c.case_id, c.batch_id, 1 + g, c.start_utc + g * interval '17 seconds', "
            "g %% 300, "
            "'+7916' || lpad((g %% 30000)::text, 7, '0'), '', "
            "'+7903' || lpad(((g * 7) %% 500)::text, 7, '0'), '', '', "
            "CASE WHEN g %% 5 = 0 THEN 'missed' ELSE 'answered' END, 10 + g "
            "FROM calls c, generate_series(1, %s) g WHERE c.case_id = %s",
            (BIG_CALLS, case_id),
        )
        owner.execute(
            "INSERT INTO call_numbers (case_id, value, digits) "
            "SELECT DISTINCT %s, v, substr(v, 2) FROM calls, "
            "LATERAL (VALUES (caller), (callee)) n(v) WHERE case_id = %s "
            "ON CONFLICT DO NOTHING",
            (case_id, case_id),
        )
        owner.execute("ANALYZE calls")
        owner.execute("ANALYZE call_numbers")
    figures = _alternate(
        office, tmp_path, {"masked": [case_id, case_id], "owner": [case_id, case_id]}, None
    )
    _report(f"{BIG_CALLS + 1} calls (one case read by both)", figures)
    assert figures["masked"] and figures["owner"]
