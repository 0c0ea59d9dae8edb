"""``python -m tnprep``: the command line."""

from tnprep.cli import run

if __name__ == "__main__":
    run()
