"""Command line: ``beritakit extract PATH...``, ``beritakit schema`` and ``beritakit serve``.

Exit codes: 0 every article extracted; 1 at least one article failed (the others
were written); 2 usage error, an input path that cannot be read, or a ``--text-field``
the input does not have; 130 interrupted.

The package is split by job: :mod:`~beritakit.cli.parser` (the arguments),
:mod:`~beritakit.cli.readers` (inputs), :mod:`~beritakit.cli.sinks` (outputs and
``--resume``), :mod:`~beritakit.cli.run` (the extract loop).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from beritakit.cli.common import EXIT_OK, EXIT_USAGE, say
from beritakit.cli.parser import build_parser
from beritakit.cli.run import extract
from beritakit.errors import BeritakitError
from beritakit.record import Article

__all__ = ["main"]


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from beritakit.service import serve

    serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        max_body=args.max_body,
        max_batch=args.max_batch,
        timeout=args.timeout,
        threads=args.threads,
        log_level=args.log_level,
        head_timeout=args.head_timeout,
        max_head=args.max_head,
    )
    return EXIT_OK


_COMMANDS = {"extract": extract, "schema": _schema, "serve": _serve}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except BeritakitError as exc:
        say(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
