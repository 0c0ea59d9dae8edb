"""Command line: ``tnprep report | check | batch | app`` (SPEC *Command line*).

The package and the app are the only parts that touch files and the clock: ``files`` (reading,
atomic writing, exit codes), one module per command. Exit 0 when the output was written (issues
in the data are reported, not fatal); 1 when it was written but a file was left out whole; 2 with
one line on stderr naming the file and the reason when nothing usable can be made. Never a
traceback for anything a user supplies.

``run`` is the command itself (``tnprep`` and ``python -m tnprep``). Importing this package is
light: the command modules, and pandas and pyarrow with them, are imported when the parser is
built. ``run`` imports them with the cyclic garbage collector paused and then freezes what they
made, so no collection walks the ~115,000 long-lived objects of pandas, pyarrow and tnprep again
(~50 ms of collections while importing, and most of a large report's; issue 15). When ``main``
has returned, every output file is written and closed, so ``run`` flushes stdout and stderr and
ends the process at once, without tearing down the interpreter (freeing pandas', pyarrow's and
ReportLab's objects module by module took ~0.1 s of every run). Tests call ``main``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    return _run_command(_parser(), argv)


def run() -> NoReturn:
    """The ``tnprep`` command: ``main``, then end the process with its status at once.

    Nothing is left to do at exit: the outputs were written atomically and closed, ``batch``'s
    worker pool was shut down, and no handler is registered. An exception (or ``--help``, or a
    usage error from argparse) leaves the usual way.
    """
    one_blas_thread()
    with long_lived_imports():
        parser = _parser()
    status = _run_command(parser, None)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone away, a closed stream
            stream.flush()
    os._exit(status)


def one_blas_thread() -> None:
    """Ask numpy's OpenBLAS for one thread, unless the user chose a number (issue 15).

    tnprep does no linear algebra, yet the worker thread OpenBLAS starts when numpy is imported
    spins for ~0.1 s of CPU time before it sleeps (its ``thread_timeout``), every run: measured
    with ``/proc/self/task``, 100 ms of a 0.9 s heavy report. It must be set before numpy is
    imported, so ``run`` calls this first; importing ``tnprep.cli`` imports no library.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@contextlib.contextmanager
def long_lived_imports() -> Iterator[None]:
    """Pause the cyclic garbage collector while importing, then freeze what was imported.

    Modules, classes and functions live until the process ends, so collecting while they are
    created finds next to nothing, and every later full collection would walk them again. Frozen
    objects are still freed by reference counting; the collector runs as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _run_command(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    from tnprep.cli.files import EXIT_OK, EXIT_UNUSABLE, UsageError, one_line  # noqa: PLC0415
    from tnprep.issues import InputError  # noqa: PLC0415

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


def _parser() -> argparse.ArgumentParser:
    """The parser of every command; imports the command modules (and pandas with them)."""
    # The commands are imported here, not at the top, so that `run` can import them as
    # long-lived objects (above) and importing `tnprep.cli` stays light.
    from tnprep.cli.app import add_app_command  # noqa: PLC0415
    from tnprep.cli.batch import add_batch_command  # noqa: PLC0415
    from tnprep.cli.check import add_check_command  # noqa: PLC0415
    from tnprep.cli.report import add_report_command  # noqa: PLC0415

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


__all__ = ["long_lived_imports", "main", "run"]
