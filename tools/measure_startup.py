"""Start-up figures: `casebook --version`, a plain `casebook case list` and the GUI main window
(offscreen: the process starts, opens the database, shows the window and quits at the first
turn of the event loop). Alternates the source trees given (A B A B ...), median of N runs
each, and prints the load average beside the figures.

    .venv/bin/python tools/measure_startup.py [--runs 5] TREE [TREE ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GUI = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication(['casebook'])\n"
    "QTimer.singleShot(0, app.quit)\n"
    "from app.main import run_gui\n"
    "sys.exit(run_gui(sys.argv[1:]))\n"
)


def commands(data: Path) -> dict[str, list[str]]:
    return {
        "--version": ["-m", "app", "--version"],
        "case list": ["-m", "app", "--data-dir", str(data), "case", "list"],
        "GUI window": ["-c", GUI, "--data-dir", str(data)],
    }


def run(tree: Path, args: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], cwd=tree, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("trees", nargs="+", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = {tree: Path(tmp) / f"data{i}" for i, tree in enumerate(options.trees)}
        for tree in options.trees:  # first start migrates: not measured
            run(tree, commands(data[tree])["case list"])
        times: dict[tuple[str, Path], list[float]] = {}
        load_before = os.getloadavg()
        for _ in range(options.runs):
            for name in commands(Path(tmp)):
                for tree in options.trees:
                    args = commands(data[tree])[name]
                    times.setdefault((name, tree), []).append(run(tree, args))
        load_after = os.getloadavg()
    print(f"load average {load_before[0]:.1f} → {load_after[0]:.1f}, {options.runs} runs each")
    for name in commands(Path()):
        row = [f"{name:>10}:"]
        for tree in options.trees:
            row.append(f"{tree.name} {statistics.median(times[(name, tree)]) * 1000:.0f} ms")
        print("  ".join(row))


if __name__ == "__main__":
    main()
