"""Write the record of every dev article as one JSON line, to compare two versions.

Usage (from the project root):
    .venv/bin/python scripts/dump_dev.py OUT.jsonl [--gold PATH] [--extractors a,b,...]
    diff <(jq -S . before.jsonl) <(jq -S . after.jsonl)

Each article is extracted as ``../shared/tools/score.py`` does it (the gold's ``given``
values passed on), so a refactor that keeps this file byte-identical keeps every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import beritakit

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "articles" / "dev.gold.jsonl"


def main() -> int:
    """Write the records; return the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--extractors", help="comma-separated extractor names, in the order given")
    args = ap.parse_args()
    options = beritakit.Options()
    if args.extractors:
        options = beritakit.Options(extractors=tuple(args.extractors.split(",")))
    nlp = beritakit.load(options)
    with args.gold.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            gold = json.loads(line)
            given = {k: v for k, v in (gold.get("given") or {}).items() if v is not None}
            if "published" in given:
                given["published"] = dt.date.fromisoformat(given["published"][:10])
            record = nlp(gold["text"], **given)
            out.write(record.model_dump_json() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
