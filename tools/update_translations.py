"""Refresh a feature's Russian translation source and compile it.

    python tools/update_translations.py <feature> <folder-or-file>... [--lang ru]

Runs `pyside6-lupdate` over the given folders (Python sources) into
`resources/translations/<feature>_<lang>.ts` (existing translations are kept, vanished strings
marked obsolete and dropped) and `pyside6-lrelease` into the matching `.qm`.

`--lang en` makes the English plural catalogue: English is the source language, so only the
`%n` messages are collected (`-pluralonly`) and their two forms written from the source
("%n case(s)" → "%n case" / "%n cases", "entrie(s)" → "entry" / "entries").
"""

from __future__ import annotations

import argparse
import re
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
    if lang == "en":
        lupdate.append("-pluralonly")
    subprocess.run([*lupdate, "-target-language", lang, *files, "-ts", str(ts)], check=True)
    if lang == "en":
        ts.write_text(english_plurals(ts.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return qm


def english_forms(source: str) -> tuple[str, str]:
    """Singular and plural of a source text written with "(s)" / "ie(s)" endings."""
    one = re.sub(r"ie\(s\)", "y", source).replace("(s)", "").replace("(es)", "")
    many = re.sub(r"ie\(s\)", "ies", source).replace("(s)", "s").replace("(es)", "es")
    return one, many


def english_plurals(text: str) -> str:
    """Fill every unfinished numerus message of an English `.ts` with its two forms."""

    def fill(match: re.Match[str]) -> str:
        block = match.group(0)
        source = re.search(r"<source>(.*?)</source>", block, re.S)
        if source is None or 'type="unfinished"' not in block:
            return block
        one, many = english_forms(source.group(1))
        forms = f"<numerusform>{one}</numerusform><numerusform>{many}</numerusform>"
        return re.sub(
            r"<translation[^>]*>.*?</translation>",
            f"<translation>{forms}</translation>",
            block,
            flags=re.S,
        )

    return re.sub(r"<message numerus=\"yes\">.*?</message>", fill, text, flags=re.S)


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
