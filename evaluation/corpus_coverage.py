"""Count the corpus articles that get a dateline and credits, by outlet (no gold needed).

Usage (from the project root):
    .venv/bin/python evaluation/corpus_coverage.py [--json OUT] [--sample N]

Runs the text stage only (``dateline.v1`` and ``credits.v1``) over every article of
``../shared/data/corpus/news.jsonl.gz`` and prints, per outlet (the URL's domain folded
to its registered domain: ``bola.okezone.com`` is ``okezone.com``), the articles, how
many have a dateline (city or outlet), how many have at least one credit, and how many
print a credit-looking line that got no credit (``Penulis:``, ``Editor:``,
``Reporter:``, ``Laporan Wartawan``, a closing code). ``--sample N`` prints N such
articles of each outlet to read. ``--variant oneline`` (or ``glued``, ``nospace``) first
damages each text as ``evaluation/variants.py`` does.
To compare with another version, run it with ``PYTHONPATH=<other>/src``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"
_CREDIT_LINE = re.compile(
    r"(?im)^[ \t]*(?:penulis|editor|reporter|pewarta|laporan wartawan)\b[^\n]{0,80}$"
    r"|^[ \t]*\([a-z]{2,5}(?:/[a-z0-9]{2,5}){0,2}\)[ \t]*$"
)


def outlet_of(rec: dict[str, str]) -> str:
    """The outlet an article is counted under."""
    host = (urlparse(rec.get("url") or "").hostname or rec.get("outlet") or "?").lower()
    labels = host.split(".")
    keep = 3 if host.endswith((".co.id", ".or.id", ".ac.id")) else 2
    return ".".join(labels[-keep:])


def _variant(name: str) -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location("variants", ROOT / "evaluation" / "variants.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    transform: Callable[[str], str] = module.VARIANTS[name]
    return transform


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="write the table as JSON here")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--variant", help="damage each text first (see evaluation/variants.py)")
    args = ap.parse_args()
    import beritakit  # noqa: PLC0415

    damage = _variant(args.variant) if args.variant else (lambda t: t)

    pipeline = beritakit.load(beritakit.Options(extractors=("dateline.v1", "credits.v1")))
    table: dict[str, Counter[str]] = defaultdict(Counter)
    samples: dict[str, list[str]] = defaultdict(list)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            outlet = outlet_of(rec)
            art = pipeline(damage(rec["text"]))
            row = table[outlet]
            row["articles"] += 1
            d = art.dateline
            row["dateline"] += bool(d and (d.city or d.outlet))
            row["credits"] += bool(art.credits)
            printed = bool(_CREDIT_LINE.search(rec["text"]))
            row["printed"] += printed
            if printed and not art.credits:
                row["printed_missed"] += 1
                if len(samples[outlet]) < args.sample:
                    samples[outlet].append(rec["id"])
    print("| outlet | articles | dateline | credits | credit line printed | printed, no credit |")
    print("|---|---|---|---|---|---|")
    for outlet, row in sorted(table.items(), key=lambda kv: -kv[1]["articles"]):
        print(
            f"| {outlet} | {row['articles']} | {row['dateline']} | {row['credits']} "
            f"| {row['printed']} | {row['printed_missed']} |"
        )
    total = sum(table.values(), Counter())
    print(
        f"| all | {total['articles']} | {total['dateline']} | {total['credits']} "
        f"| {total['printed']} | {total['printed_missed']} |"
    )
    for outlet, ids in samples.items():
        print(outlet, " ".join(ids))
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
