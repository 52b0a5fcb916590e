"""Score the dev gold in two halves split by outlet: a tuning half and a held-out half.

Roles and quote speakers can only be tuned on the dev articles. To tell a general rule from one
fitted to a few articles, the 155 dev articles are split by outlet family (``outlet`` of
``dev.jsonl``: Kompas.com, detik.com, Tribunnews network, …) into two halves, deterministically:
the families are ordered by the sha256 of their name and each goes to the half that has fewer
articles so far. Look at errors of the ``tune`` half only (``--errors``); a change is kept when
it moves the ``held`` half too (or at least does not hurt it).

Usage (from the project root):
    .venv/bin/python evaluation/dev_halves.py                 # both halves, the scorer's figures
    .venv/bin/python evaluation/dev_halves.py --errors tune   # quote and role errors of a half
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from variants import DEV_GOLD, scorer

ROOT = Path(__file__).resolve().parents[1]
DEV_TEXTS = DEV_GOLD.with_name("dev.jsonl")
FIELDS = (
    "quotes.direct(found+speaker)",
    "quotes(found+speaker)",
    "quotes(found)",
    "people.role",
    "people",
    "organizations",
    "places",
)


def halves(texts: Path = DEV_TEXTS) -> dict[str, str]:
    """Map each dev article id to ``tune`` or ``held`` by its outlet family."""
    outlet_of: dict[str, str] = {}
    size: dict[str, int] = defaultdict(int)
    for line in texts.open(encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            outlet_of[record["id"]] = record["outlet"]
            size[record["outlet"]] += 1
    side: dict[str, str] = {}
    count = {"tune": 0, "held": 0}
    for outlet in sorted(size, key=lambda o: hashlib.sha256(o.encode("utf-8")).hexdigest()):
        half = "tune" if count["tune"] <= count["held"] else "held"
        side[outlet] = half
        count[half] += size[outlet]
    return {art: side[outlet] for art, outlet in outlet_of.items()}


def write_half(half: str, folder: Path) -> Path:
    which = halves()
    path = folder / f"dev.{half}.gold.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in DEV_GOLD.open(encoding="utf-8"):
            if line.strip() and which[json.loads(line)["id"]] == half:
                out.write(line)
    return path


def score(half: str, verbose: bool = False) -> tuple[dict[str, Any], str]:
    """The scorer's figures on one half, and its printed output."""
    with tempfile.TemporaryDirectory() as tmp:
        gold = write_half(half, Path(tmp))
        out = Path(tmp) / "figures.json"
        buffer = io.StringIO()
        argv = [str(gold), "--json", str(out)] + (["--verbose"] if verbose else [])
        with contextlib.redirect_stdout(buffer):
            scorer().main(argv)
        figures: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return figures, buffer.getvalue()


def value(figures: dict[str, Any], name: str) -> float:
    entry = figures.get(name) or {}
    return float(entry.get("f1", entry.get("acc", float("nan"))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("tune", "held"), help="print that half's errors")
    args = parser.parse_args(argv)
    if args.errors:
        _, printed = score(args.errors, verbose=True)
        keep = ("quote", "people.role")
        for line in printed.splitlines():
            parts = line.split(" ", 2)
            if len(parts) > 1 and parts[1].startswith(keep):
                print(line)
        return 0
    table = {half: score(half)[0] for half in ("tune", "held")}
    print(f"{'field':<32}{'tune':>8}{'held':>8}")
    print(f"{'articles':<32}{table['tune']['articles']:>8}{table['held']['articles']:>8}")
    for name in FIELDS:
        print(f"{name:<32}{value(table['tune'], name):>8.3f}{value(table['held'], name):>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
