"""A cached million-call case for the timeline and dossier benchmarks.

The case is built once through the real import path (`calls_callgen`'s virtual-PBX export,
complainant and courier with numbers that occur in it) into a data directory under
`/tmp/casebook-bench-cache/calltl/<version>/`; each benchmark works on a fresh copy of it.
Building it takes minutes: `nice -n 15 .venv/bin/python tests/bench/calltl_case.py` ahead of
the locked benchmark run. Rows: `CASEBOOK_BENCH_CALLS` (default 1,000,000)."""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

ROWS = int(os.environ.get("CASEBOOK_BENCH_CALLS", "1000000"))
VERSION = f"v1-{ROWS}"  # bump when the generator or the case's content changes
CACHE = Path(os.environ.get("CASEBOOK_BENCH_CACHE", "/tmp/casebook-bench-cache")) / "calltl"


def _numbers(seed: int = 7) -> tuple[list[int], list[int]]:
    """The courier and customer numbers `write_export` draws from (same seed, same order)."""
    rnd = random.Random(seed)
    couriers = [9160000000 + rnd.randrange(9_999_999) for _ in range(2_000)]
    customers = [9030000000 + rnd.randrange(9_999_999) for _ in range(20_000)]
    return couriers, customers


def build(folder: Path) -> None:
    from calls_callgen import write_export

    from app.services.calls.analysis import analyze
    from app.services.calls.dto import ImportOptions
    from app.services.calls.importing import import_calls
    from app.services.core.bootstrap import close_context, open_context
    from app.services.core.cases import CaseInput, create_case
    from app.services.core.parties import PartyInput, add_party

    folder.mkdir(parents=True, exist_ok=True)
    csv_path = write_export(folder / "export.csv", ROWS)
    ctx = open_context(folder / "data", None, actor="bench")
    try:
        case = create_case(
            ctx,
            CaseInput(
                title="Звонки с разных номеров", region="MSK", tz="Europe/Moscow",
                summary="Клиентке звонили с разных номеров после доставки.",
            ),
        )  # fmt: skip
        couriers, customers = _numbers()
        add_party(ctx, case.id, PartyInput("complainant", "Смирнова А. В.", (f"+7{customers[0]}",)))
        add_party(
            ctx,
            case.id,
            PartyInput(
                "subject",
                "Петров И. С.",
                (f"+7{couriers[0]}", f"+7{couriers[1]}"),
                courier_id="C-1042",
            ),
        )
        import_calls(ctx, case.id, csv_path, ImportOptions(tz="Europe/Moscow"))
        analyze(ctx, case.id)
    finally:
        close_context(ctx)
    csv_path.unlink()
    (folder / "ready").write_text(VERSION)


def cached_case() -> Path:
    """The built case's folder (its data directory is `<folder>/data`); builds it if missing."""
    folder = CACHE / VERSION
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        build(folder)
    return folder


def fresh_copy(target: Path) -> Path:
    """A copy of the cached data directory that a benchmark may write to (exports, audit)."""
    source = cached_case() / "data"
    shutil.copytree(source, target, copy_function=shutil.copy2)
    for path in target.rglob("*"):
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)
    from app.services.core.bootstrap import close_context, open_context

    close_context(open_context(target, None, actor="bench"))  # migrated to this checkout's head
    return target


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    print(cached_case())
