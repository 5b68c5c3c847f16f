"""`python -m app` and the `casebook` console script: the CLI when a subcommand is given,
otherwise the GUI."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI or the GUI and return the process exit code."""
    from app.cli import main as cli_main
    from app.cli import wants_gui

    args = sys.argv[1:] if argv is None else argv
    if wants_gui(args):
        from app.main import run_gui

        return run_gui(args)
    if argv is None:  # the process's entry: the command is all this process does
        # No command does linear algebra: OpenBLAS need not start a thread per core when
        # NumPy loads (~30 ms of a one-frame export's start).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    return cli_main(args, whole_process=argv is None)


if __name__ == "__main__":
    sys.exit(main())
