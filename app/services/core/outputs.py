"""Where the app may write a file the user asked for (`--out`, a save dialog).

Never inside the data directory or the evidence store: an export, a frame or a checkpoint file
written there could replace a stored original or the database itself. The path is resolved
(symlinks followed) before it is compared, so a link into the store is refused too.

An export's temporary file (written beside its target, then renamed) is remembered while it is
written, so that a killed process leaves no hidden half-written package behind after the next
start.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.domain.errors import ValidationError
from app.services.core.context import ServiceContext


def protected_roots(ctx: ServiceContext) -> list[Path]:
    roots = [ctx.data_dir, ctx.evidence.root]
    return [Path(os.path.realpath(r)) for r in roots]


def check_output_path(ctx: ServiceContext, path: str | os.PathLike[str]) -> Path:
    """The resolved output path, or ValidationError when it may not be written."""
    out = Path(path).expanduser()
    resolved = Path(os.path.realpath(out))
    for root in protected_roots(ctx):
        if resolved == root or root in resolved.parents:
            raise ValidationError(
                f"{out}: refusing to write inside Casebook's data directory or evidence store "
                f"({root}); choose another folder",
                field="out",
            )
    if resolved.is_dir():
        raise ValidationError(f"{out}: is a folder, not a file name", field="out")
    return out


JOURNAL_NAME = "pending-outputs.jsonl"


@contextmanager
def pending_output(ctx: ServiceContext, folder: Path, pattern: str) -> Iterator[None]:
    """While an export writes its temporary file (`pattern` in `folder`), remember it in the
    data dir: when the process is killed, the next start removes that half-written file."""
    journal = ctx.data_dir / JOURNAL_NAME
    line = json.dumps({"folder": str(Path(folder).resolve()), "pattern": pattern})
    with journal.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    try:
        yield
    finally:
        _forget(journal, {line})


def sweep_partial_outputs(ctx: ServiceContext, grace_s: float) -> int:
    """Remove the temporary files of exports that never finished (older than `grace_s`: a
    running export elsewhere keeps its own); returns how many went."""
    journal = ctx.data_dir / JOURNAL_NAME
    try:
        lines = set(journal.read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return 0
    cutoff = time.time() - grace_s
    removed, done = 0, set()
    for line in lines:
        try:
            entry = json.loads(line)
            folder, pattern = Path(entry["folder"]), str(entry["pattern"])
        except (ValueError, KeyError, TypeError):
            done.add(line)
            continue
        young = False
        for partial in folder.glob(pattern) if folder.is_dir() else ():
            if partial.lstat().st_mtime > cutoff:
                young = True
                continue
            partial.unlink(missing_ok=True)
            removed += 1
        if not young:
            done.add(line)
    _forget(journal, done)
    return removed


def _forget(journal: Path, lines: set[str]) -> None:
    """Drop `lines` from the journal (rewritten atomically)."""
    try:
        kept = [x for x in journal.read_text(encoding="utf-8").splitlines() if x not in lines]
    except FileNotFoundError:
        return
    tmp = journal.with_suffix(".tmp")
    tmp.write_text("".join(k + "\n" for k in kept), encoding="utf-8")
    os.replace(tmp, journal)
