"""Every case of the hostile corpus (`tests/data/hostile/cases.json`: files and arguments) ends
in one line on stderr and the expected exit code (2 bad input, 1 a failed check), never a
traceback; nothing is stored (the audit log does not grow, no evidence row appears) and nothing
is written outside the data directory."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from app.__main__ import main

CORPUS = Path(__file__).parents[2] / "data" / "hostile"
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    outside = root / "outside"
    outside.mkdir()
    (outside / "plain.txt").write_text("a plain file", encoding="utf-8")
    (outside / "folder").mkdir()
    base = ["--json", "--data-dir", str(data)]
    code, out, err = _run(
        [*base, "case", "new", "--title", "Т", "--region", "MSK", "--tz", "Europe/Moscow"]
    )
    assert code == 0, err
    number = json.loads(out)["number"]
    return {"root": root, "data": data, "outside": outside, "base": base, "case": number}


def _snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            stat = path.lstat()
            out[str(path)] = (stat.st_size, stat.st_mtime)
    return out


def _count(world, table: str) -> int:
    """Rows of `table`, read with sqlite3 (read-only) beside the app."""
    uri = f"file:{world['data'] / 'casebook.sqlite3'}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_the_corpus_is_large_enough():
    files = list((CORPUS / "files").iterdir())
    assert len(CASES) >= 100 and len(files) >= 80
    assert {c["id"] for c in CASES if c["id"] in {f.name for f in files}} == {f.name for f in files}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_input(world, case):
    outside: Path = world["outside"]
    values = {
        "case": world["case"],
        "file": str(CORPUS / "files" / case["id"]),
        "out": str(outside / f"out-{case['id']}"),
        "out_dir": str(outside / "folder"),
        "any_file": str(outside / "plain.txt"),
        "file_as_dir": str(outside / "plain.txt" / "sub"),
        "data": str(world["data"]),
    }
    args = [a.format(**values) if "{" in a else a for a in case["args"]]
    entries, evidence = _count(world, "audit_entries"), _count(world, "evidence")
    before = _snapshot(world["root"] / "outside")

    code, out, err = _run([*world["base"], *args])

    assert "Traceback" not in err and "Traceback" not in out
    assert code in case["exit"], (code, err)
    assert len(err.strip().splitlines()) == 1, err
    assert _snapshot(outside) == before  # nothing written outside the data directory
    assert _count(world, "evidence") == evidence  # nothing stored
    assert _count(world, "audit_entries") == entries
