"""Compare the speed of two source trees on a host whose speed drifts.

A throughput figure measured at the start of a session and one measured at its end compare
the host as much as the code when the host's speed changes (a shared virtual machine can
slow down by half with nothing running on it). This script runs the two trees **at the
same time**, one process each (one per core), over the dev articles, so both see the same
host; it prints each run's rate in CPU seconds and the difference. Repeat a few times.

    .venv/bin/python benchmarks/compare_trees.py --base /path/to/other/checkout/src --runs 3

``--base`` and ``--head`` are ``src`` folders (``git worktree add /tmp/base REV`` makes one);
``--head`` defaults to this checkout's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "articles" / "dev.jsonl"

_CHILD = """
import json, sys, time
from beritakit.pipeline import Pipeline
lines = open(sys.argv[1], encoding="utf-8")
texts = [json.loads(line)["text"] for line in lines] * int(sys.argv[2])
pipeline = Pipeline()
list(pipeline.pipe(texts[:64]))
start = time.process_time()
n = sum(1 for _ in pipeline.pipe(texts, batch_size=32))
print(json.dumps({"articles": n, "cpu_s": time.process_time() - start}))
"""


def _start(src: Path, repeat: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(DEV), str(repeat)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the other tree's src folder")
    parser.add_argument("--head", type=Path, default=ROOT / "src")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=4, help="passes over the dev articles")
    args = parser.parse_args(argv)
    print(f"# base {args.base}\n# head {args.head}\n# load average {os.getloadavg()}")
    for run in range(1, args.runs + 1):
        procs = {"base": _start(args.base, args.repeat), "head": _start(args.head, args.repeat)}
        rates = {}
        for name, proc in procs.items():
            out, _ = proc.communicate()
            result = json.loads(out.strip().splitlines()[-1])
            rates[name] = result["articles"] / result["cpu_s"]
        change = 100 * (rates["head"] / rates["base"] - 1)
        print(
            f"run {run}: base {rates['base']:.1f}, head {rates['head']:.1f} articles per CPU "
            f"second ({change:+.1f} %)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
