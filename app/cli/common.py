"""CLI plumbing: the global options, printing results (JSON or text), errors → exit codes.

Exit codes: 0 ok, 1 a check failed (verification, a finding where asked), 2 bad input or
usage — with one line on stderr naming the problem and, with `--json`, the error as one
object on stdout (`report_error`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.timeutil import iso_utc
from app.domain.vocabulary import VOCABULARY, Language, name

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE = 0, 1, 2

# A command handler: parsed arguments and the context in, the JSON payload out.
Handler = Callable[[argparse.Namespace, "ServiceContext"], dict[str, Any]]


class CheckFailed(Exception):
    """A verification found a problem: the payload is still printed, exit code 1."""

    def __init__(self, payload: dict[str, Any], message: str) -> None:
        super().__init__(message)
        self.payload = payload
        self.message = message


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--json, --data-dir, --db-url; on subcommands they default to SUPPRESS so a value given
    before the subcommand is not overwritten by the subparser's default."""
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="print one JSON object on stdout",
    )
    parser.add_argument(
        "--data-dir", default=default, help="data directory (also $CASEBOOK_DATA_DIR)"
    )
    parser.add_argument(
        "--db-url", default=default, help="database URL, e.g. postgresql+psycopg://user@host/db"
    )
    parser.add_argument(
        "--evidence-dir",
        default=default,
        help="evidence store root, e.g. a mounted share (also $CASEBOOK_EVIDENCE_DIR)",
    )


def common_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    global_options(parent, suppress=True)
    return parent


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, Path):
        return str(value)
    return value


def emit(payload: dict[str, Any], as_json: bool, lang: Language = "en") -> None:
    """Print a result: one JSON object (codes, as scripts expect) or readable text for people,
    where codes read as the vocabulary names them in `lang`."""
    data = to_jsonable(payload)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(render_text(data, lang=lang) + "\n")


# Which vocabulary group names the value of a key (the first group that knows the code wins);
# `(parent, key)` where a key means different things under different lists.
KEY_GROUPS: dict[str, tuple[str, ...]] = {
    "status": ("status", "call_status"),
    "category": ("category",),
    "measure": ("measure",),
    "role": ("role",),
    "direction": ("direction",),
    "severity": ("severity",),
    "action": ("audit_action",),
    "entity": ("audit_entity",),
    "step": ("step",),
    "kind": ("finding", "evidence", "event", "order_event"),
    "source": ("complaint_source",),
    "abuse": ("abuse",),
}
PARENT_KEY_GROUPS: dict[tuple[str, str], tuple[str, ...]] = {
    ("findings", "kind"): ("finding",),
    ("evidence", "kind"): ("evidence",),
    ("events", "kind"): ("event", "order_event"),
    ("entries", "entity"): ("audit_entity",),
}


def language_of(setting: str | None = None) -> Language:
    """The language of the human output: the app's setting when it names one, else the
    system's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English."""
    if setting in ("en", "ru"):
        return "ru" if setting == "ru" else "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def named(key: str, value: Any, lang: Language, parent: str = "") -> Any:
    """`value` as the vocabulary names it when `key` holds a code it knows, else as is."""
    if not isinstance(value, str):
        return value
    for group in PARENT_KEY_GROUPS.get((parent, key), KEY_GROUPS.get(key, ())):
        if value in VOCABULARY[group]:
            return name(group, value, lang)
    return value


def render_text(data: Any, indent: int = 0, lang: Language = "en", parent: str = "") -> str:
    """A readable rendering of a result for people at a terminal."""
    pad = "  " * indent
    if isinstance(data, dict):
        lines = []
        for key, value in data.items():
            if isinstance(value, dict | list) and value:
                lines.append(f"{pad}{key}:")
                lines.append(render_text(value, indent + 1, lang, key))
            else:
                lines.append(f"{pad}{key}: {_scalar(named(key, value, lang, parent))}")
        return "\n".join(lines)
    if isinstance(data, list):
        lines = []
        for item in data:
            if isinstance(item, dict):
                text = ", ".join(
                    f"{k}={_scalar(named(k, v, lang, parent))}"
                    for k, v in item.items()
                    if not isinstance(v, dict | list)
                )
                lines.append(f"{pad}- {text}")
            else:
                lines.append(f"{pad}- {_scalar(item)}")
        return "\n".join(lines)
    return f"{pad}{_scalar(data)}"


def _scalar(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return "; ".join(_scalar(v) for v in value) or "-"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def fail(message: str) -> None:
    """The one line on stderr: a message that spans lines (a library's own text) is joined."""
    one_line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    sys.stderr.write(f"casebook: {one_line}\n")


def report_error(
    code: str,
    message: str,
    as_json: bool,
    *,
    file: str | None = None,
    line: int | None = None,
) -> None:
    """A refusal: one line on stderr and, with `--json`, one object on stdout,
    `{"error": {"code", "message", "file", "line"}}` (file and line null where none)."""
    if as_json:
        error = {"code": code, "message": message, "file": file, "line": line}
        sys.stdout.write(json.dumps({"error": error}, ensure_ascii=False) + "\n")
    fail(message)


def error_location(exc: BaseException) -> tuple[str | None, int | None]:
    """The file and line an error names (`CasebookError(..., file=, line=)`), if any."""
    details = getattr(exc, "details", None) or {}
    file = details.get("file")
    line = details.get("line")
    return (str(file) if file is not None else None, int(line) if line is not None else None)
