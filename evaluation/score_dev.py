"""Score beritakit on the dev gold with the shared scorer and check the pinned floors.

Usage (from the project root):
    .venv/bin/python evaluation/score_dev.py [--gold PATH] [--json OUT]

Prints the scorer's table (precision/recall/F1 per field), then each pinned floor from
evaluation/floors.json with its figure; exits 1 when a figure is below its floor.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "evaluation" / "floors.json"


def figure(figures: dict[str, object], name: str) -> float:
    value = figures[name]
    if isinstance(value, dict):
        return float(value.get("f1", value.get("acc", 0.0)))
    return float(value)  # type: ignore[arg-type]


def check(figures: dict[str, object]) -> list[str]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failures = []
    for name, floor in floors.items():
        if name.startswith("_"):
            continue
        got = figure(figures, name)
        ok = got <= floor if name == "crashes" else got >= floor
        print(f"{'ok ' if ok else 'LOW'} {name:<28} {got:>7.3f}  floor {floor}")
        if not ok:
            failures.append(f"{name}: {got:.3f} (floor {floor})")
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "data" / "articles" / "dev.gold.jsonl"))
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.json) if args.json else Path(tmp) / "figures.json"
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score.py"), args.gold, "--json", str(out)],
            check=True,
        )
        figures = json.loads(out.read_text(encoding="utf-8"))
    return 1 if check(figures) else 0


if __name__ == "__main__":
    sys.exit(main())
