"""Benchmark (issue 2): 100,000 cases with 300,000 parties on SQLite — median latency of a
Cyrillic substring search and the time to show the first page of the case list, with the
same query on bare `sqlite3` as the in-run baseline. Goals: search < 100 ms, first page < 300 ms,
and (issue 16) no slower than the bare query."""

from __future__ import annotations

import random
import sqlite3
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


def test_case_search_and_first_page(tmp_path):
    """Issue 16: a search is no slower than the bare query. The service's page of 100 with its
    total (page by the sort index, then a count; no `count() OVER ()`) alternates with the same
    two queries on bare sqlite3 (A B A B A B, 15 calls each), under the benchmark lock."""
    from app.services.core.bootstrap import close_context, open_context
    from tests.bench.core.bench_support import (
        Timing,
        bench_lock,
        hundred_thousand_cases,
        load,
        ratio_line,
    )

    data = tmp_path / "data"
    hundred_thousand_cases(data)
    ctx = open_context(data, actor="bench")
    raw = sqlite3.connect(data / "casebook.sqlite3")
    queries = {
        "search 'ВАСИЛЬЕВА' (page of 100 + total)": ("ВАСИЛЬЕВА", "%васильева%"),
        "search 'R07-2025-00' (page of 100 + total)": ("R07-2025-00", "%r07-2025-00%"),
        "first page, no search (100 + total)": ("", None),
    }

    def app_side(text):
        return lambda: [cases.search_cases(ctx, text=text, limit=100) for _ in range(15)]

    def bare_side(needle):
        where = "WHERE search_text LIKE ? ESCAPE '\\'" if needle else ""
        args = (needle,) if needle else ()

        def run():
            for _ in range(15):
                raw.execute(
                    f"SELECT id, number, title FROM cases {where} "
                    "ORDER BY received_at DESC, id DESC LIMIT 100",
                    args,
                ).fetchall()
                raw.execute(f"SELECT count(*) FROM cases {where}", args).fetchall()

        return run

    print(f"\n[bench cases] 100,000 cases; {load()} before measuring")
    results = {}
    with bench_lock():
        for name, (text, needle) in queries.items():
            app, bare = Timing(), Timing()
            for _ in range(3):
                app.run(app_side(text))
                bare.run(bare_side(needle))
            results[name] = (app, bare)
        after = load()
    total = cases.search_cases(ctx, text="васильева", limit=1).total
    raw.close()
    close_context(ctx)
    print(f"  (each run: 15 searches; matches for 'васильева': {total})")
    for name, (app, bare) in results.items():
        print(ratio_line(name, app, bare))
    print(f"  under the bench lock; {after} after measuring")
    assert total > 0
