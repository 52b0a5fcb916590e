"""What every part of the command line shares: exit codes, messages, the Parquet import."""

from __future__ import annotations

import sys
from typing import Any

from beritakit.errors import ConfigError

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "PARQUET_SUFFIXES",
    "pyarrow",
    "say",
]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PARQUET_SUFFIXES = {".parquet", ".pq"}
_TABLE_HINT = "reading or writing Parquet needs pyarrow: pip install 'beritakit[parquet]'"


def say(message: str) -> None:
    """Print one ``beritakit: …`` line on standard error."""
    print(f"beritakit: {message}", file=sys.stderr)


def pyarrow() -> Any:
    """Import ``pyarrow`` (with ``pyarrow.parquet``) or say how to install it.

    Raises:
        ConfigError: pyarrow is not installed.
    """
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ConfigError(_TABLE_HINT) from exc
    return pyarrow
