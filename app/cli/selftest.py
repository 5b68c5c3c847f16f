"""`casebook selftest`: exit 0 when the installation works, 1 naming the failed steps."""

from __future__ import annotations

import argparse
from typing import Any

from app import __version__
from app.cli.common import CheckFailed


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("selftest", help="check that this installation works", parents=[common])
    parser.set_defaults(handler=_selftest, needs_context=False)


def _selftest(args: argparse.Namespace, ctx: Any) -> dict[str, Any]:
    from app.services.selftest import run_selftest

    results = run_selftest()
    payload = {
        "version": __version__,
        "ok": all(r.ok for r in results),
        "steps": [{"name": r.name, "ok": r.ok, "detail": r.detail} for r in results],
    }
    if not payload["ok"]:
        failed = ", ".join(r.name for r in results if not r.ok)
        raise CheckFailed(payload, f"selftest failed: {failed}")
    return payload
