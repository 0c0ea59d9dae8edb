"""``python -m tnprep``: the command line."""

import sys

from tnprep.cli import main

if __name__ == "__main__":
    sys.exit(main())
