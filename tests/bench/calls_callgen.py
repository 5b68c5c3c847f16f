"""A realistic large call-log export for the benchmark: a Russian virtual-PBX CSV
(`;`, `DD.MM.YYYY HH:MM:SS`, `HH:MM:SS` durations), numbers repeating as in real logs."""

from __future__ import annotations

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
