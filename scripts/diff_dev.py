"""Show how the dev records of two scripts/dump_dev.py runs differ, field by field.

Usage: .venv/bin/python scripts/diff_dev.py BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIELDS = ("dateline", "credits", "people", "organizations", "places", "dates", "quotes")


def _short(value: object) -> str:
    if isinstance(value, dict):
        keep = ("name", "speaker", "text", "city", "role", "honorifics", "degrees", "quotes")
        value = {k: v for k, v in value.items() if k in keep}
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 160 else text[:157] + "..."


def main() -> int:
    """Print each changed article and value; return 1 when anything differs."""
    before = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    after = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
    changed = 0
    for old_line, new_line in zip(before, after, strict=True):
        if old_line == new_line:
            continue
        changed += 1
        old, new = json.loads(old_line), json.loads(new_line)
        print(f"== {old.get('id') or old['text'][:60]!r}")
        for name in FIELDS:
            a, b = old.get(name), new.get(name)
            if a == b:
                continue
            if isinstance(a, list) and isinstance(b, list):
                for x in a:
                    if x not in b:
                        print(f"  - {name}: {_short(x)}")
                for y in b:
                    if y not in a:
                        print(f"  + {name}: {_short(y)}")
            else:
                print(f"  - {name}: {_short(a)}\n  + {name}: {_short(b)}")
    print(f"{changed} of {len(before)} records differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
