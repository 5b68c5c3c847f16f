"""Headless front: `casebook SUBCOMMAND ...` (also `python -m app`). Every command calls the
same services as the GUI.

`COMMAND_MODULES` is a static list of the command modules (one per feature): each exposes
`register(subparsers, common)`. A new feature adds one import and one entry; a missing module
is an ImportError at start, in the tests and in the bundle, never a silently missing command.
Command modules import their services inside the handlers, so `casebook --version` and
`casebook --help` answer without loading SQLAlchemy, Qt, PyAV or OpenCV (a test checks).

`COMMAND_NAMES` says which top-level commands each module registers, so a command line builds
only the groups its command needs (the whole tree costs ~25 ms of every start); `--help`, no
command and a name not in the table build them all (a test keeps the table equal to what the
modules register)."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from types import ModuleType
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

# The top-level commands each module registers.
COMMAND_NAMES: dict[ModuleType, tuple[str, ...]] = {
    cases: ("case", "party", "blacklist"),
    audit: ("audit",),
    selftest: ("selftest",),
    calls: ("import", "order", "calls", "analyze"),
    messages: ("import", "messages"),
    video: ("evidence", "annotate", "scan-activity"),
    timeline: ("timeline", "event"),
    dossier: ("export", "verify-package"),
    admin: ("admin",),
    office: ("decision", "retention", "destruction", "whoami"),
}
# A module that registers into another's group: `messages` adds its importer to the `import`
# group `calls` makes, so calls is built first whenever messages is.
_BUILDS_ON: dict[ModuleType, tuple[ModuleType, ...]] = {messages: (calls,)}
# Global options that take a value (before the command they may come as `--opt VALUE`).
_VALUE_OPTIONS = ("--data-dir", "--db-url", "--evidence-dir")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse prints usage and exits 2 by default
        raise UsageError(f"{self.prog}: {message}")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command`'s group only when the table knows it."""
    parser = _Parser(prog="casebook", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    common = common_parent()
    wanted = {module for module, names in COMMAND_NAMES.items() if command in names}
    wanted |= {base for module in wanted for base in _BUILDS_ON.get(module, ())}
    for module in COMMAND_MODULES:  # in this order: a module before those building on it
        if not wanted or module in wanted:
            module.register(sub, common)
    return parser


def command_of(argv: Sequence[str]) -> str | None:
    """The command a command line names: its first argument that is neither a global option
    nor an option's value (None when there is none, or an option comes first the table
    cannot place, such as `--help` or a misspelling: then the whole tree is built)."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
        elif arg in _VALUE_OPTIONS:
            skip_next = True
        elif arg == "--json" or arg.startswith(tuple(f"{option}=" for option in _VALUE_OPTIONS)):
            continue
        else:
            return None if arg.startswith("-") else arg
    return None


def wants_gui(argv: Sequence[str]) -> bool:
    """No subcommand (only global options such as --data-dir) opens the GUI."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in _VALUE_OPTIONS:
            skip_next = True
            continue
        if arg.startswith(tuple(f"{option}=" for option in _VALUE_OPTIONS)):
            continue
        return False
    return True


def main(argv: Sequence[str], *, whole_process: bool = False) -> int:
    """Run one command line; the exit code. With `whole_process` (the console script and
    `python -m app`: this process runs this one command and ends) the cyclic garbage
    collector waits while start-up loads its modules (a few hundred thousand objects, none of
    them garbage, walked again and again otherwise), which are then frozen out of its sight;
    at the end everything is frozen, so the exit does not walk it once more (together ~0.15 s
    of a one-frame export)."""
    if whole_process:
        gc.disable()
    try:
        return _run(argv, whole_process)
    finally:
        if whole_process:
            sys.stdout.flush()
            gc.freeze()


def _started(whole_process: bool) -> None:
    """Start-up is over (the context is open): what it loaded stays for the process's life."""
    if whole_process and not gc.isenabled():
        gc.freeze()
        gc.enable()


def _run(argv: Sequence[str], whole_process: bool) -> int:
    parser = build_parser(command_of(argv))
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
        _started(whole_process)
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
