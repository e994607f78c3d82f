"""python -m etl: the command line (etl/cli.py)."""

import sys

from etl.cli import main

if __name__ == "__main__":
    sys.exit(main())
