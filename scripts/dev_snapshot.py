"""Snapshot every dev article's record, or compare against a snapshot.

    python scripts/dev_snapshot.py save /tmp/before.jsonl
    python scripts/dev_snapshot.py compare /tmp/before.jsonl

A refactor that must not change output is checked with ``compare`` (exit 1 on a diff).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from beritakit import extract

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "articles" / "dev.jsonl"


def _records(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        art = extract(row["text"], published=row.get("published"), url=row.get("url"), id=row["id"])
        out.append(art.model_dump_json())
    return out


def main(argv: list[str]) -> int:
    """Save or compare the snapshot named in ``argv``."""
    mode, snap = argv[1], Path(argv[2])
    dev = Path(argv[3]) if len(argv) > 3 else DEV
    if not dev.is_file():
        dev = Path("/work/shared/data/articles/dev.jsonl")
    records = _records(dev)
    if mode == "save":
        snap.write_text("\n".join(records) + "\n", encoding="utf-8")
        print(f"saved {len(records)} records to {snap}")
        return 0
    before = snap.read_text(encoding="utf-8").splitlines()
    diffs = [i for i, (a, b) in enumerate(zip(before, records, strict=True)) if a != b]
    print(f"{len(records)} records, {len(diffs)} differ: {diffs[:20]}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
