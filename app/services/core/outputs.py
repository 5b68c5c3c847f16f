"""Where the app may write a file the user asked for (`--out`, a save dialog).

Never inside the data directory or the evidence store: an export, a frame or a checkpoint file
written there could replace a stored original or the database itself. The path is resolved
(symlinks followed) before it is compared, so a link into the store is refused too.
"""

from __future__ import annotations

import os
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
