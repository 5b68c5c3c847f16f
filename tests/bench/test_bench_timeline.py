"""Benchmark (issue 5): a case with 100,000 timeline events on SQLite — time to build the
timeline from the database, and the median paint time of a full 1600×900 view at three zoom
levels (two weeks, one day, ten minutes) offscreen. Baselines measured in the same run: the
bare `sqlite3` fetch of the same call rows, and painting the same view with no events.
Goals: build < 1 s, paint < 16 ms median."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from app.services.core.cases import CaseInput, create_case
from app.services.timeline import build as timeline
from app.storage.models.calls import CallBatchRow, CallRow
from app.storage.models.cases import (
    EvidenceRow,
    ManualEventRow,
    OrderEventRow,
    OrderRow,
    PartyPhoneRow,
    PartyRow,
)
from app.storage.models.evidence import AnnotationRow, ClockCorrectionRow, VideoMediaRow

N_CALLS, N_NOTES, N_ORDERS, N_MANUAL = 90_000, 8_000, 500, 1_000
START = datetime(2025, 10, 1, tzinfo=UTC)
SPAN_S = 14 * 86400
PAINTS = 15


def _seed(ctx) -> int:
    rng = random.Random(5)
    case = create_case(ctx, CaseInput(title="Bench", region="MSK", tz="Europe/Moscow"))
    cid = case.id
    now = datetime.now(UTC)
    numbers = [f"+7916{n:07d}" for n in range(40)]
    with ctx.transaction() as s:
        s.execute(
            insert(PartyRow),
            [
                {"id": 1, "case_id": cid, "role": "complainant", "name": "Смирнова", "version": 1},
                {"id": 2, "case_id": cid, "role": "subject", "name": "Петров", "version": 1},
            ],
        )
        s.execute(
            insert(PartyPhoneRow),
            [
                {"party_id": 1, "raw": numbers[0], "value": numbers[0], "digits": numbers[0][1:]},
                {"party_id": 2, "raw": numbers[1], "value": numbers[1], "digits": numbers[1][1:]},
            ],
        )
        evidence = [
            {
                "id": i, "case_id": cid, "sha256": f"{i:064d}", "size": 1, "kind": kind,
                "original_name": f"{kind}{i}.mp4", "source": f"Camera {i}", "meta": {},
                "created_at": now, "created_by": "bench",
            }
            for i, kind in ((1, "calllog"), (2, "dashcam"), (3, "cctv"))
        ]  # fmt: skip
        s.execute(insert(EvidenceRow), evidence)
        s.execute(
            insert(CallBatchRow),
            [{"id": 1, "case_id": cid, "evidence_id": 1, "sha256": "0" * 64,
              "original_name": "calls.csv", "created_at": now, "created_by": "bench"}],
        )  # fmt: skip
        calls = []
        for i in range(N_CALLS):
            caller, callee = rng.choice(numbers), numbers[0]
            calls.append(
                {
                    "case_id": cid, "batch_id": 1, "line": i + 2,
                    "start_utc": START + timedelta(seconds=rng.uniform(0, SPAN_S)),
                    "duration_s": rng.choice([0, 5, 30, 120]), "caller": caller,
                    "caller_raw": caller, "callee": callee, "callee_raw": callee,
                    "virtual": None, "virtual_raw": "", "direction": "out",
                    "status": "answered", "order_number": None, "call_id": None,
                    "dedupe_key": i,
                }
            )  # fmt: skip
        for chunk in range(0, N_CALLS, 50_000):
            s.execute(insert(CallRow), calls[chunk : chunk + 50_000])
        for eid in (2, 3):
            s.execute(
                insert(VideoMediaRow),
                [{"evidence_id": eid, "container": "mp4", "duration_s": SPAN_S, "fps": 25.0,
                  "width": 1920, "height": 1080, "frames": SPAN_S * 25,
                  "camera_origin": START + timedelta(seconds=151)}],
            )  # fmt: skip
            s.execute(
                insert(ClockCorrectionRow),
                [{"evidence_id": eid, "reference": START, "offset_s": -151.0, "drift_ppm": 3.0,
                  "point_ids": [], "created_at": now, "created_by": "bench"}],
            )  # fmt: skip
        s.execute(
            insert(AnnotationRow),
            [
                {
                    "case_id": cid, "evidence_id": 2 + i % 2, "frame_index": i * 25,
                    "media_time_s": rng.uniform(0, SPAN_S), "text": f"Отметка {i}", "tags": [],
                    "deleted": False, "created_at": now, "created_by": "bench",
                    "updated_at": now, "version": 1,
                }
                for i in range(N_NOTES)
            ],
        )  # fmt: skip
        s.execute(
            insert(OrderRow),
            [{"id": i + 1, "case_id": cid, "number": f"ORD-{i}", "courier_party_id": 2,
              "customer_party_id": 1, "version": 1} for i in range(N_ORDERS)],
        )  # fmt: skip
        s.execute(
            insert(OrderEventRow),
            [
                {"order_id": i % N_ORDERS + 1, "kind": "delivered",
                 "at": START + timedelta(seconds=rng.uniform(0, SPAN_S))}
                for i in range(N_ORDERS * 2)
            ],
        )  # fmt: skip
        s.execute(
            insert(ManualEventRow),
            [
                {"case_id": cid, "at": START + timedelta(seconds=rng.uniform(0, SPAN_S)),
                 "uncertainty_s": 600, "text": f"Событие {i}", "party_id": 1, "version": 1}
                for i in range(N_MANUAL)
            ],
        )  # fmt: skip
    return cid


def _median_s(fn, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process. The machine is shared: under
    load the wall time also counts the time other programs ran, the CPU time does not."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def test_bench_timeline_build_and_paint(sqlite_ctx, qapp, data_dir):
    from PySide6.QtGui import QImage, QPainter

    from app.ui.timeline.scene import TimelineScene

    ctx = sqlite_ctx
    cid = _seed(ctx)
    timeline.build_timeline(ctx, cid)  # warm caches (phones, SQLAlchemy statement cache)
    build_s, build_cpu = _median_s(lambda: timeline.build_timeline(ctx, cid), 3)
    data = timeline.build_timeline(ctx, cid)
    n = len(data.events)

    con = sqlite3.connect(str(data_dir / "casebook.sqlite3"))
    sql = "SELECT id, start_utc, duration_s, caller, callee, status FROM calls WHERE case_id = ?"
    raw_s, raw_cpu = _median_s(lambda: con.execute(sql, (cid,)).fetchall(), 3)
    con.close()
    print(f"\nbuild timeline: {n} events in {build_s * 1000:.0f} ms wall, "
          f"{build_cpu * 1000:.0f} ms CPU (goal < 1000 ms); bare sqlite3 fetch of the "
          f"{N_CALLS} call rows {raw_s * 1000:.0f} ms wall, {raw_cpu * 1000:.0f} ms CPU "
          f"(ratio {build_cpu / raw_cpu:.1f}x in CPU)")  # fmt: skip

    width, height = 1600, 900
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    font = qapp.font()

    def paint(scene: TimelineScene) -> None:
        painter = QPainter(image)
        scene.paint(painter, width, height, font)
        painter.end()

    empty = TimelineScene("Europe/Moscow")
    empty.width = width
    empty.set_events([])
    empty.fit(START.timestamp(), START.timestamp() + SPAN_S)
    base_s, _ = _median_s(lambda: paint(empty), PAINTS)
    scene = TimelineScene(data.zone)
    scene.width = width
    set_s, set_cpu = _median_s(lambda: scene.set_events(data.events), 3)
    print(f"lay out lanes: {set_s * 1000:.0f} ms wall, {set_cpu * 1000:.0f} ms CPU; "
          f"paint with no events {base_s * 1000:.2f} ms wall")  # fmt: skip
    mid = START.timestamp() + SPAN_S / 2
    for label, span in (("two weeks", SPAN_S), ("one day", 86400), ("ten minutes", 600)):
        scene.fit(mid - span / 2, mid + span / 2, margin=0)
        wall, cpu = _median_s(lambda: paint(scene), PAINTS)
        print(f"paint {label}: median {wall * 1000:.2f} ms wall, {cpu * 1000:.2f} ms CPU "
              f"(goal < 16 ms; {wall / base_s:.1f}x the empty view)")  # fmt: skip
    assert n >= 100_000
