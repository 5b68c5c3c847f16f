"""Headless front: `casebook SUBCOMMAND ...` (also `python -m app`). Every command calls the
same services as the GUI.

`COMMAND_MODULES` is a static list of the command modules (one per feature): each exposes
`register(subparsers, common)`. A new feature adds one import and one entry; a missing module
is an ImportError at start, in the tests and in the bundle, never a silently missing command.
Command modules import their services inside the handlers, so `casebook --version` and
`casebook --help` answer without loading SQLAlchemy, Qt, PyAV or OpenCV (a test checks)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app import APP_NAME, __version__
from app.cli import (
    admin,
    audit,
    calls,
    cases,
    dossier,
    messages,
    office,
    selftest,
    timeline,
    video,
)
from app.cli.common import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CheckFailed,
    common_parent,
    emit,
    error_location,
    fail,
    global_options,
    language_of,
    report_error,
)
from app.domain.errors import CasebookError, IntegrityFailure
from app.domain.vocabulary import Language

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext

COMMAND_MODULES = (
    cases,
    audit,
    selftest,
    calls,
    messages,
    video,
    timeline,
    dossier,
    admin,
    office,
)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse prints usage and exits 2 by default
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="casebook", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    common = common_parent()
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def wants_gui(argv: Sequence[str]) -> bool:
    """No subcommand (only global options such as --data-dir) opens the GUI."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--data-dir", "--db-url", "--evidence-dir"):
            skip_next = True
            continue
        if arg.startswith(("--data-dir=", "--db-url=", "--evidence-dir=")):
            continue
        return False
    return True


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except UsageError as exc:
        report_error("usage", str(exc), "--json" in argv)
        return EXIT_USAGE
    handler = getattr(args, "handler", None)
    as_json = bool(getattr(args, "json", False))
    if handler is None:
        parser.print_help(sys.stderr)
        report_error("usage", "a command is needed (see --help)", as_json)
        return EXIT_USAGE
    ctx = None
    try:
        if getattr(args, "needs_context", True):
            from app.services.core.bootstrap import open_context

            ctx = open_context(
                args.data_dir, args.db_url, evidence_dir=getattr(args, "evidence_dir", None)
            )
        payload = handler(args, ctx)
        emit(payload, as_json, _language(ctx))
        return EXIT_OK
    except CheckFailed as exc:
        emit(exc.payload, as_json, _language(ctx))
        fail(exc.message)
        return EXIT_CHECK_FAILED
    except CasebookError as exc:
        file, line = error_location(exc)
        report_error(exc.code, exc.message, as_json, file=file, line=line)
        return EXIT_CHECK_FAILED if isinstance(exc, IntegrityFailure) else EXIT_USAGE
    except OverflowError:  # a number too large for the database (an id, a count)
        report_error("invalid", "a number in the input is too large", as_json)
        return EXIT_USAGE
    except OSError as exc:  # a path that cannot be read or made (a --data-dir under a file...)
        code = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
        where = exc.filename if exc.filename is not None else ""
        message = f"{where}: {exc.strerror or exc}" if where else str(exc.strerror or exc)
        report_error(code, message, as_json, file=str(where) if where else None)
        return EXIT_USAGE
    finally:
        if ctx is not None:
            ctx.engine.dispose()


def _language(ctx: ServiceContext | None) -> Language:
    """The human output's language: the app's setting, else the system's."""
    return language_of(ctx.settings.language if ctx is not None else None)
