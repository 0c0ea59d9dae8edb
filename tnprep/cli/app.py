"""``tnprep app``: start the Streamlit app on this computer with the project's privacy settings.

The settings are ``.streamlit/config.toml``'s, shipped inside the package
(``tnprep/app/streamlit_config.toml``, kept identical by a test) and passed to Streamlit as
command-line flags, which win over any config file of the folder it is run from.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any

SCRIPT = "main.py"
"""The app's Streamlit script inside ``tnprep/app/``."""
CONFIG = "streamlit_config.toml"
"""The privacy-first server settings inside ``tnprep/app/``."""


def add_app_command(commands: Any) -> None:
    """Register the ``app`` sub-command."""
    app = commands.add_parser("app", help="start the app on this computer only")
    app.add_argument("--port", type=int, default=8501, help="port on 127.0.0.1 (default 8501)")
    app.set_defaults(run=run_app)


def run_app(arguments: argparse.Namespace) -> int:
    """Replace this process with ``streamlit run`` on the packaged app (signals reach it)."""
    folder = resources.files("tnprep.app")
    command = [sys.executable, "-m", "streamlit", "run", str(folder / SCRIPT),
               *config_flags(), "--server.port", str(arguments.port)]  # fmt: skip
    os.execve(sys.executable, command, _environment())  # a fixed argument list, no shell
    return 0  # not reached


def _environment() -> dict[str, str]:
    """This environment, with the folder holding ``tnprep`` first on the script's import path."""
    home = str(Path(__file__).resolve().parent.parent.parent)
    paths = [home, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def config_flags() -> list[str]:
    """The packaged settings as ``--section.option value`` flags (a list repeats its flag)."""
    import tomllib  # noqa: PLC0415 - only `tnprep app` reads the settings file

    text = (resources.files("tnprep.app") / CONFIG).read_text(encoding="utf-8")
    flags: list[str] = []
    for section, options in tomllib.loads(text).items():
        for option, value in options.items():
            for item in value if isinstance(value, list) else [value]:
                flags += [f"--{section}.{option}", _flag_text(item)]
    return flags


def _flag_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
