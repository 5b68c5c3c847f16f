"""A realistic large call-log export for the benchmark: a Russian virtual-PBX CSV
(`;`, `DD.MM.YYYY HH:MM:SS`, `HH:MM:SS` durations), numbers repeating as in real logs."""

from __future__ import annotations

import os
import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "Дата и время;Направление;Кто звонил;Кому звонили;Виртуальный номер;Длительность;"
    "Статус;Номер заказа\n"
)


def _formats(number: int) -> tuple[str, ...]:
    d = f"{number:010d}"
    return (
        f"+7{d}",
        f"8{d}",
        f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
        f"7{d}",
    )


def write_export(path: Path, rows: int, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    couriers = [9160000000 + rnd.randrange(9_999_999) for _ in range(2_000)]
    customers = [9030000000 + rnd.randrange(9_999_999) for _ in range(20_000)]
    virtuals = [4951000000 + i for i in range(200)]
    start = datetime(2025, 9, 1, 8, 0, 0)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        moment = start
        for i in range(rows):
            moment += timedelta(seconds=rnd.randrange(1, 6))
            a = rnd.choice(_formats(rnd.choice(couriers)))
            b = rnd.choice(_formats(rnd.choice(customers)))
            v = f"+7{rnd.choice(virtuals)}" if i % 10 else ""
            secs = rnd.randrange(0, 600)
            status = "Отвечен" if secs else "Не отвечен"
            direction = "Исходящий" if i % 3 else "Входящий"
            out.write(
                f"{moment:%d.%m.%Y %H:%M:%S};{direction};{a};{b};{v};"
                f"{secs // 3600:02d}:{secs % 3600 // 60:02d}:{secs % 60:02d};{status};"
                f"ORD-{i // 4}\n"
            )
    return path


# --- cached inputs: a big export and its imported database, reused across benchmark runs -----

GENERATOR_VERSION = 1  # bump when `write_export` changes: the cache keys on it
CACHE_ROOT = Path(os.environ.get("CASEBOOK_BENCH_CACHE", "/tmp/casebook-bench-cache/callspeed"))


def cached_export(rows: int) -> Path:
    """The export of `rows` rows, generated once per generator version."""
    path = CACHE_ROOT / f"export-v{GENERATOR_VERSION}-{rows}.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        write_export(partial, rows)
        partial.replace(path)
    return path


def cached_database(rows: int) -> tuple[Path, int]:
    """(data dir, case id) of a database holding the export of `rows` rows imported through
    the real import path, made once per generator version; later schema migrations are
    applied when it is opened. Copy it before writing to it."""
    data = CACHE_ROOT / f"db-v{GENERATOR_VERSION}-{rows}"
    marker = data / "case-id"
    if not marker.exists():
        import shutil

        from app.services.calls.dto import ImportOptions
        from app.services.calls.importing import import_calls
        from app.services.core.bootstrap import close_context, open_context
        from app.services.core.cases import CaseInput, create_case

        export = cached_export(rows)
        shutil.rmtree(data, ignore_errors=True)
        ctx = open_context(data, None, actor="bench")
        case = create_case(ctx, CaseInput(title="bench", region="Москва", tz="Europe/Moscow"))
        import_calls(ctx, case.id, export, ImportOptions(tz="Europe/Moscow"))
        close_context(ctx)
        marker.write_text(str(case.id))
    return data, int(marker.read_text())


# Make the cache ahead of a locked benchmark run: `python tests/bench/calls_callgen.py 1000000`.
if __name__ == "__main__":
    import sys

    for count in sys.argv[1:]:
        print(cached_database(int(count)))
