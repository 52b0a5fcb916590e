"""Kill workers during a run: ``beritakit extract -n 2`` must deliver every record, blame none.

Builds ``--articles`` articles from the dev set (each a dev article with a new id), runs
the real command with two worker processes, and SIGKILLs one worker ``--kills`` times
during the run (each time after the output has grown by a few records since the last
restart, so every kill lands on a working pool). Then it checks the output holds every
input id once, in order, and that ``--failures`` is empty. Prints the figures::

    .venv/bin/python benchmarks/kill_workers.py                  # 1,500 articles, 10 kills
    .venv/bin/python benchmarks/kill_workers.py --articles 300 --kills 3 --light

Linux only (reads ``/proc``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "articles" / "dev.jsonl"
LIGHT = ["--extractors", "dateline.v1,credits.v1,dates.v1,quotes.v1"]


def workers_of(pid: int) -> list[int]:
    """The pool workers among the children of ``pid`` (not multiprocessing's tracker)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (proc / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"spawn_main" in cmd:
            found.append(int(proc.name))
    return found


def lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as f:
        return sum(1 for _ in f)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--light", action="store_true", help="without the NER model (faster)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    dev = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines()]
    rows = []
    for n in range(args.articles):
        d = dev[n % len(dev)]
        rows.append({"id": f"{d['id']}-{n}", "text": d["text"], "published": d["published"]})
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        source, out, failed = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl"), Path(tmp, "f.jsonl")
        source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        command = [sys.executable, "-m", "beritakit", "extract", str(source), "-o", str(out),
                   "-n", "2", "--batch-size", str(args.batch_size), "--failures", str(failed),
                   "--summary", *(LIGHT if args.light else [])]  # fmt: skip
        started = time.perf_counter()
        proc = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
        kills: list[tuple[float, int]] = []
        try:
            mark = 0
            while len(kills) < args.kills and proc.poll() is None:
                time.sleep(0.05)
                done = lines(out)
                live = workers_of(proc.pid)
                if done < mark + 20 or len(live) < 2:
                    continue  # let the restarted pool deliver some records first
                victim = rng.choice(live)
                os.kill(victim, signal.SIGKILL)
                kills.append((time.perf_counter() - started, done))
                mark = done
            _, stderr = proc.communicate(timeout=1800)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        seconds = time.perf_counter() - started
        written = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
        failures = [json.loads(x) for x in failed.read_text(encoding="utf-8").splitlines()]
    wanted = [r["id"] for r in rows]
    print(f"articles: {len(rows)}, kills: {len(kills)}, exit code: {proc.returncode}")
    print(f"records written: {len(written)}, in input order: {written == wanted}")
    print(f"failures: {len(failures)} {[f['id'] for f in failures][:5]}")
    print(f"kills at (s, records written): {[(round(t, 1), n) for t, n in kills]}")
    print(f"wall time: {seconds:.1f} s")
    print(stderr.decode().strip().splitlines()[-1])
    ok = proc.returncode == 0 and written == wanted and not failures and len(kills) == args.kills
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
