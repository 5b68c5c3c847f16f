"""The CLI's start: a command line builds only its command's group of the parser (the table
`COMMAND_NAMES` must say what each module registers), and a process that runs one command
pauses and freezes the garbage collector while an in-process call leaves it alone."""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import COMMAND_MODULES, COMMAND_NAMES, build_parser, command_of


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    assert parser._subparsers is not None
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[attr-defined]


def test_the_table_names_what_each_module_registers() -> None:
    assert set(COMMAND_NAMES) == set(COMMAND_MODULES)
    registered: set[str] = set()
    for module in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        if module.__name__ == "app.cli.messages":  # adds its importers to calls' `import`
            sub.add_parser("import").add_subparsers(dest="import_what")
        before = set(sub.choices)
        module.register(sub, argparse.ArgumentParser(add_help=False))
        added = set(sub.choices) - before
        expected = set(COMMAND_NAMES[module]) - before
        assert added == expected, module.__name__
        registered |= set(sub.choices)
    assert registered == _commands(build_parser())


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["evidence", "frame", "1"], "evidence"),
        (["--json", "--data-dir", "/d", "import", "calls"], "import"),
        (["--db-url=postgresql://x", "--evidence-dir", "/e", "case", "list"], "case"),
        (["--data-dir", "evidence"], None),  # a value, not a command
        (["--help"], None),
        (["--jsn", "case"], None),  # a misspelt option: argparse names it from the whole tree
        ([], None),
    ],
)
def test_the_command_of_a_command_line(argv: list[str], command: str | None) -> None:
    assert command_of(argv) == command


def test_a_command_builds_only_its_group_and_parses_as_the_whole_tree_does() -> None:
    line = ["--json", "evidence", "frame", "B-1", "2", "--media-time", "1.5", "--out", "f.png"]
    alone = build_parser(command_of(line))
    assert _commands(alone) == {"evidence", "annotate", "scan-activity"}
    assert vars(alone.parse_args(line)) == vars(build_parser().parse_args(line))
    # `import` is made by calls and extended by messages: both are built.
    assert {"import", "messages", "calls"} <= _commands(build_parser("import"))
    assert {"import", "messages", "calls"} <= _commands(build_parser("messages"))
    messages = ["messages", "list", "B-1"]
    assert vars(build_parser("messages").parse_args(messages)) == vars(
        build_parser().parse_args(messages)
    )
    assert _commands(build_parser("no-such-command")) == _commands(build_parser())


def test_help_lists_every_command_and_a_group_its_subcommands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out.split("{", 1)[1].split("}", 1)[0].split(",")
    assert set(listed) == _commands(build_parser())
    with pytest.raises(SystemExit):
        main(["evidence", "--help"])
    assert "read-clock" in capsys.readouterr().out


def test_an_in_process_call_leaves_the_collector_alone(tmp_path: Path) -> None:
    from app.__main__ import main

    frozen = gc.get_freeze_count()
    assert main(["--json", "--data-dir", str(tmp_path), "case", "list"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts Linux threads")
def test_a_process_running_one_command_answers_with_the_collector_paused_at_start(
    tmp_path: Path,
) -> None:
    """`python -m app` runs the command as the console script does; an error still exits 2."""
    code = (
        "import gc, sys\n"
        "from app.__main__ import main\n"
        "code = main()\n"
        "print('frozen' if gc.get_freeze_count() else 'not frozen', file=sys.stderr)\n"
        "import os, numpy\n"
        "print(len(os.listdir('/proc/self/task')), 'thread(s)', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    base = [sys.executable, "-c", code, "--json", "--data-dir", str(tmp_path)]
    new = ["case", "new", "--title", "t", "--region", "MSK", "--tz", "Europe/Moscow"]
    made = subprocess.run([*base, *new], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["id"] == 1
    # No OpenBLAS threads were started with NumPy (no command does linear algebra).
    assert made.stderr.split() == ["frozen", "1", "thread(s)"]
    listed = subprocess.run([*base, "case", "list"], capture_output=True, text=True, check=True)
    assert len(json.loads(listed.stdout)["cases"]) == 1
    wrong = subprocess.run([*base, "case", "show", "NO-SUCH"], capture_output=True, text=True)
    assert wrong.returncode == 2 and wrong.stderr.startswith("casebook:")
