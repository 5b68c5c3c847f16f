"""Refresh a feature's Russian translation source and compile it.

    python tools/update_translations.py <feature> <folder-or-file>... [--lang ru]

Runs `pyside6-lupdate` over the given folders (Python sources) into
`resources/translations/<feature>_<lang>.ts` (existing translations are kept, vanished strings
marked obsolete and dropped) and `pyside6-lrelease` into the matching `.qm`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    """The PySide6 tool next to the running interpreter (venv), else on PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install the dev extra")
    return found


def sources(paths: list[str]) -> list[str]:
    """Python files under the given folders (or the files themselves), sorted."""
    files: list[Path] = []
    for raw in paths:
        path = (ROOT / raw).resolve() if not Path(raw).is_absolute() else Path(raw)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
        elif path.suffix == ".py":
            files.append(path)
        else:
            raise SystemExit(f"not a folder or Python file: {raw}")
    return [str(f) for f in files]


def update(feature: str, paths: list[str], lang: str = "ru") -> Path:
    """Run lupdate then lrelease; returns the `.qm` path."""
    files = sources(paths)
    if not files:
        raise SystemExit("no Python sources found")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    ts = TRANSLATIONS / f"{feature}_{lang}.ts"
    qm = ts.with_suffix(".qm")
    lupdate = [_tool("pyside6-lupdate"), "-no-obsolete", "-source-language", "en"]
    subprocess.run([*lupdate, "-target-language", lang, *files, "-ts", str(ts)], check=True)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("feature", help="feature name, e.g. app, calls, video")
    parser.add_argument("paths", nargs="+", help="folders or Python files to scan")
    parser.add_argument("--lang", default="ru")
    args = parser.parse_args(argv)
    print(update(args.feature, args.paths, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
