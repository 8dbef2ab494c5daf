"""python -m benchmarks.corpus: write a corpus (see cli.py)."""

import sys

from benchmarks.corpus.cli import main

sys.exit(main())
