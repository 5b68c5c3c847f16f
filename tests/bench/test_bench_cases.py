"""Benchmark (issue 2): 100,000 cases with 300,000 parties on SQLite — median latency of a
Cyrillic substring search and the time to show the first page of the case list, with the
same query on bare `sqlite3` as the in-run baseline. Goals: search < 100 ms, first page < 300 ms."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from app.services.core import cases
from app.storage.models.cases import CaseRow, PartyPhoneRow, PartyRow
from app.storage.repositories.core.cases import fold

N_CASES, PARTIES_PER_CASE = 100_000, 3
SURNAMES = [
    "Иванова",
    "Смирнова",
    "Кузнецова",
    "Попова",
    "Васильева",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
]
TITLES = [
    "Звонки после доставки",
    "Агрессия у двери",
    "Сообщения с оскорблениями",
    "Звонки с разных номеров",
    "Использование адреса из заказа",
]


def _seed(ctx) -> None:
    rng = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    now = datetime.now(UTC)
    case_rows, party_rows, phone_rows = [], [], []
    pid = 0
    for i in range(1, N_CASES + 1):
        names = [f"{rng.choice(SURNAMES)} {rng.choice('АБВГДЕЖЗИКЛМНОП')}." for _ in range(3)]
        phones = [f"79{rng.randrange(10**8, 10**9)}" for _ in range(3)]
        number = f"R{i % 85:02d}-2025-{i:06d}"
        title = rng.choice(TITLES)
        case_rows.append(
            {
                "id": i,
                "number": number,
                "region": f"R{i % 85:02d}",
                "year": 2025,
                "seq": i,
                "title": title,
                "tz": "Europe/Moscow",
                "category": "other",
                "source": "other",
                "received_at": start + timedelta(minutes=7 * i),
                "status": "new",
                "summary": "",
                "findings": "",
                "created_at": now,
                "updated_at": now,
                "created_by": "bench",
                "search_text": "\n".join(fold(x) for x in [number, title, *names, *phones]),
                "version": 1,
            }
        )
        for role, name, phone in zip(
            ("complainant", "subject", "witness"), names, phones, strict=True
        ):
            pid += 1
            party_rows.append(
                {
                    "id": pid,
                    "case_id": i,
                    "role": role,
                    "name": name,
                    "address": "",
                    "notes": "",
                    "deleted": False,
                    "version": 1,
                }
            )
            phone_rows.append(
                {"party_id": pid, "raw": phone, "value": "+" + phone, "digits": phone}
            )
    with ctx.transaction() as session:
        for table, rows in (
            (CaseRow, case_rows),
            (PartyRow, party_rows),
            (PartyPhoneRow, phone_rows),
        ):
            for k in range(0, len(rows), 50_000):
                session.execute(insert(table), rows[k : k + 50_000])


def _median_ms(fn, repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def test_case_search_and_first_page(sqlite_ctx):
    t0 = time.perf_counter()
    _seed(sqlite_ctx)
    seed_s = time.perf_counter() - t0
    path = sqlite_ctx.data_dir / "casebook.sqlite3"

    search = _median_ms(lambda: cases.search_cases(sqlite_ctx, text="ВАСИЛЬЕВА", limit=100))
    first_page = _median_ms(lambda: cases.search_cases(sqlite_ctx, limit=100))
    ids = _median_ms(lambda: cases.search_case_ids(sqlite_ctx, text="фёдоров"))
    digits = _median_ms(lambda: cases.search_cases(sqlite_ctx, text="916 12", limit=100))

    raw = sqlite3.connect(path)
    baseline = _median_ms(
        lambda: (
            raw.execute(
                "SELECT id, number, title FROM cases WHERE search_text LIKE ? "
                "ORDER BY received_at DESC LIMIT 100",
                ("%васильева%",),
            ).fetchall()
            + raw.execute(
                "SELECT count(*) FROM cases WHERE search_text LIKE ?", ("%васильева%",)
            ).fetchall()
        )
    )
    raw.close()
    total = cases.search_cases(sqlite_ctx, text="васильева", limit=1).total
    print(
        f"\n[bench cases] {N_CASES} cases / {N_CASES * PARTIES_PER_CASE} parties seeded in "
        f"{seed_s:.1f} s; matches for 'васильева': {total}\n"
        f"  search 'ВАСИЛЬЕВА' (page of 100 + count): median {search:.1f} ms (goal < 100)\n"
        f"  first page of the list (100 rows + count): median {first_page:.1f} ms (goal < 300)\n"
        f"  all ids for 'фёдоров' (list model):        median {ids:.1f} ms\n"
        f"  phone digits '916 12':                     median {digits:.1f} ms\n"
        f"  bare sqlite3 same LIKE query (baseline):    median {baseline:.1f} ms; "
        f"ratio {search / baseline:.2f}x"
    )
    assert total > 0
