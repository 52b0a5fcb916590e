"""``python -m beritakit`` runs the command line."""

import sys

from beritakit.cli import main

sys.exit(main())
