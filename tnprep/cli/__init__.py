"""Command line: ``tnprep report | check | batch | app`` (SPEC *Command line*).

The package and the app are the only parts that touch files and the clock: ``files`` (reading,
atomic writing, exit codes), one module per command. Exit 0 when the output was written (issues
in the data are reported, not fatal); 1 when it was written but a file was left out whole; 2 with
one line on stderr naming the file and the reason when nothing usable can be made. Never a
traceback for anything a user supplies.

``run`` is the command itself (``tnprep`` and ``python -m tnprep``): when ``main`` has returned,
every output file is written and closed, so it flushes stdout and stderr and ends the process at
once, without tearing down the interpreter (freeing pandas', pyarrow's and ReportLab's objects
module by module took ~0.1 s of every run; issue 15). Tests call ``main``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from tnprep.cli.app import add_app_command
from tnprep.cli.batch import add_batch_command
from tnprep.cli.check import add_check_command
from tnprep.cli.files import EXIT_OK, EXIT_UNUSABLE, UsageError, one_line
from tnprep.cli.report import add_report_command
from tnprep.issues import InputError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except (InputError, UsageError, ValueError) as error:
        print(f"tnprep: error: {one_line(error)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: nothing is wrong with the data.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def run() -> NoReturn:
    """The ``tnprep`` command: ``main``, then end the process with its status at once.

    Nothing is left to do at exit: the outputs were written atomically and closed, ``batch``'s
    worker pool was shut down, and no handler is registered. An exception (or ``--help``, or a
    usage error from argparse) leaves the usual way.
    """
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone away, a closed stream
            stream.flush()
    os._exit(status)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tnprep",
        description="One page for the neurologist from a trigeminal neuralgia patient's records.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    add_report_command(commands)
    add_check_command(commands)
    add_batch_command(commands)
    add_app_command(commands)
    return parser


__all__ = ["main", "run"]
