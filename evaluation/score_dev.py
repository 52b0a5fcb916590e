"""Score beritakit on the dev gold with the shared scorer and check the pinned floors.

Usage (from the project root):
    .venv/bin/python evaluation/score_dev.py [--gold PATH] [--json OUT] [--repin]

Prints the scorer's table (precision/recall/F1 per field), then each pinned floor from
evaluation/floors.json with its figure; exits 1 when a figure is below its floor.

The floors hold only for the data they were measured on: floors.json pins the sha256 of
the gold file and of the scorer (``_pinned_sha256``). When either differs the gate stops
before scoring; after re-measuring on the new data, ``--repin`` records the new digests
(it never changes a floor: raise one by hand when a change lifts a figure for good).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "evaluation" / "floors.json"
SCORER = SHARED / "tools" / "score.py"
PINS = "_pinned_sha256"


def floors() -> dict[str, object]:
    data: dict[str, object] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def gate_floors(name: str) -> dict[str, float]:
    """The floors of a second gate kept in floors.json (a mapping under ``name``)."""
    section = floors()[name]
    assert isinstance(section, dict), name
    return {str(k): float(v) for k, v in section.items()}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pin_problems(gold: Path, scorer: Path = SCORER) -> list[str]:
    """Say how the gold or the scorer differs from the data the floors were measured on."""
    pinned = floors()[PINS]
    assert isinstance(pinned, dict)
    problems = []
    for label, path in (("gold", gold), ("scorer", scorer)):
        want = pinned[label]
        if not path.is_file():
            problems.append(f"{label}: {path} is missing")
        elif (got := sha256(path)) != want:
            problems.append(f"{label}: {path} has sha256 {got}, the floors were measured on {want}")
    return problems


def repin(gold: Path, scorer: Path = SCORER) -> None:
    data = floors()
    data[PINS] = {"gold": sha256(gold), "scorer": sha256(scorer)}
    FLOORS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def figure(figures: dict[str, object], name: str) -> float:
    value = figures[name]
    if isinstance(value, dict):
        return float(value.get("f1", value.get("acc", 0.0)))
    return float(value)  # type: ignore[arg-type]


def check(figures: dict[str, object]) -> list[str]:
    """Compare the scorer's figures with their floors (sections and ``_`` keys are not)."""
    failures = []
    for name, floor in floors().items():
        if name.startswith("_") or isinstance(floor, dict):
            continue
        assert isinstance(floor, int | float), name
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
    ap.add_argument("--repin", action="store_true", help="record the digests of the data")
    args = ap.parse_args()
    gold = Path(args.gold)
    problems = pin_problems(gold)
    if problems and not args.repin:
        print("\n".join(["the floors were measured on other data:", *problems]), file=sys.stderr)
        print("re-measure, then re-pin with --repin", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.json) if args.json else Path(tmp) / "figures.json"
        subprocess.run(
            [sys.executable, str(SCORER), str(gold), "--json", str(out)],
            check=True,
        )
        figures = json.loads(out.read_text(encoding="utf-8"))
    failures = check(figures)
    if args.repin:
        repin(gold)
        print(f"pinned {gold} and {SCORER}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
