"""An archive run through the CLI: memory over time, an interruption, --resume, one record per id.

Writes ``--articles`` generated articles (made from the dev articles as in
``throughput.py``) to a JSONL file, runs ``beritakit extract ... --n-process N``
over it while sampling the resident memory of the parent and of each worker,
interrupts it (SIGINT) after ``--interrupt-after`` seconds, resumes it with
``--resume``, and checks the output holds exactly one record per input id::

    .venv/bin/python benchmarks/archive.py --articles 100000 --n-process 2
    .venv/bin/python benchmarks/archive.py --articles 2000 --interrupt-after 20 --every 5
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _throughput() -> Any:
    spec = importlib.util.spec_from_file_location("throughput", HERE / "throughput.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found.extend(int(x) for x in text)
    except OSError:
        pass
    return sorted(found)


class Counter:
    """Counts the lines of a growing file by reading only what was appended."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = 0
        self.offset = 0

    def update(self) -> int:
        if not self.path.exists():
            return self.lines
        with self.path.open("rb") as f:
            f.seek(self.offset)
            while chunk := f.read(1 << 20):
                self.lines += chunk.count(b"\n")
                self.offset += len(chunk)
        return self.lines


def run(
    cmd: list[str], out: Path, every: float, stop_after: float | None, samples: list[dict[str, Any]]
) -> tuple[int, str]:
    """Run the CLI, sampling memory; SIGINT it after ``stop_after`` seconds if given."""
    counter = Counter(out)
    counter.lines = counter.update() if out.exists() else 0
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    started = time.monotonic()
    last = 0.0
    try:
        while proc.poll() is None:
            time.sleep(0.5)
            now = time.monotonic() - started
            if stop_after is not None and now >= stop_after:
                os.kill(proc.pid, signal.SIGINT)
                stop_after = None
            if now - last >= every:
                last = now
                workers = children(proc.pid)
                sample = {
                    "seconds": round(now, 1),
                    "records": counter.update(),
                    "parent_mb": rss_mb(proc.pid),
                    "workers_mb": [rss_mb(w) for w in workers],
                }
                samples.append(sample)
                print(
                    f"{sample['seconds']:8.1f} s {sample['records']:>9,} records   "
                    f"parent {sample['parent_mb'] or 0:6.0f} MB   workers "
                    + " ".join(f"{m or 0:6.0f} MB" for m in sample["workers_mb"]),
                    flush=True,
                )
        _, err = proc.communicate()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode, err


def check(source: Path, out: Path) -> dict[str, int]:
    """Count input ids and output records: missing, duplicated, extra."""
    wanted: set[str] = set()
    with source.open(encoding="utf-8") as f:
        for line in f:
            wanted.add(json.loads(line)["id"])
    seen: dict[str, int] = {}
    with out.open(encoding="utf-8") as f:
        for line in f:
            rid = json.loads(line)["id"]
            seen[rid] = seen.get(rid, 0) + 1
    return {
        "inputs": len(wanted),
        "records": sum(seen.values()),
        "missing": len(wanted - seen.keys()),
        "duplicated": sum(1 for n in seen.values() if n > 1),
        "unknown": len(seen.keys() - wanted),
    }


def summarise(samples: list[dict[str, Any]]) -> str:
    """First, largest and last memory of the parent and the largest worker."""
    if not samples:
        return "no samples"
    parent = [s["parent_mb"] for s in samples if s["parent_mb"]]
    worker = [max(m for m in s["workers_mb"] if m) for s in samples if any(s["workers_mb"])]
    parts = []
    for name, values in (("parent", parent), ("largest worker", worker)):
        if values:
            settled = values[len(values) // 10 :] or values
            parts.append(
                f"{name}: first {values[0]:.0f} MB, after the first tenth {min(settled):.0f}-"
                f"{max(settled):.0f} MB, last {values[-1]:.0f} MB"
            )
    return "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("-n", "--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--interrupt-after", type=float, default=120.0, help="seconds; 0: never")
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extractors", help="passed to beritakit extract (default: all)")
    parser.add_argument("--ner-model", help="passed to beritakit extract")
    args = parser.parse_args()
    tp = _throughput()
    rows = tp.load_rows(tp.DEFAULT_DATA)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        source, out = work / "archive.jsonl", work / "records.jsonl"
        out.unlink(missing_ok=True)
        t0 = time.perf_counter()
        n, words = tp.write_corpus(rows, args.articles, source, args.seed)
        print(
            f"# {n:,} articles ({words:,} words, {source.stat().st_size / 1e6:,.0f} MB) written "
            f"in {time.perf_counter() - t0:.0f} s; {args.n_process} processes; "
            f"load average {tp.load_average()}",
            flush=True,
        )
        cmd = [
            sys.executable,
            "-m",
            "beritakit",
            "extract",
            str(source),
            "-o",
            str(out),
            "-n",
            str(args.n_process),
            "--batch-size",
            str(args.batch_size),
            "--summary",
        ]
        if args.extractors:
            cmd += ["--extractors", args.extractors]
        if args.ner_model:
            cmd += ["--ner-model", args.ner_model]
        samples: list[dict[str, Any]] = []
        stop = args.interrupt_after if args.interrupt_after > 0 else None
        print(f"## run 1{f' (SIGINT after {stop:g} s)' if stop else ''}", flush=True)
        code, err = run(cmd, out, args.every, stop, samples)
        print(err.strip())
        print(f"exit code {code}")
        if code == 130:
            print("## run 2: --resume", flush=True)
            code, err = run([*cmd, "--resume"], out, args.every, None, samples)
            print(err.strip())
            print(f"exit code {code}")
        print("## memory:", summarise(samples))
        result = check(source, out)
        ok = result["missing"] == result["duplicated"] == result["unknown"] == 0
        print(
            f"## output: {result['records']:,} records for {result['inputs']:,} input ids; "
            f"missing {result['missing']}, duplicated {result['duplicated']}, "
            f"unknown {result['unknown']}: {'exactly one record per id' if ok else 'MISMATCH'}"
        )
        print(f"# load average at the end: {tp.load_average()}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
