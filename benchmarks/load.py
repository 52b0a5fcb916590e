"""Load test of ``beritakit serve``: N concurrent clients on loopback, bounded in requests and time.

For each worker count it starts ``beritakit serve --workers W`` on a free 127.0.0.1
port, waits until it is ready, sends one untimed warm-up round, then has
``--concurrency`` clients POST dev articles to ``/v1/extract`` until ``--requests``
are done or ``--duration`` seconds pass, and prints requests/s, p50/p95/p99
latency and the error count::

    .venv/bin/python benchmarks/load.py --workers 1,2 --concurrency 32 --requests 2000
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8000 --requests 500
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path("/work/shared/data/articles/dev.jsonl")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def load_articles(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows.append(
                    {
                        "text": row["text"],
                        "published": row.get("published"),
                        "url": row.get("url"),
                        "id": row.get("id"),
                    }
                )
    if not rows:
        raise SystemExit(f"no articles in {path}")
    return rows


def start_server(workers: int, port: int, timeout: float, log: Path) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "beritakit",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--timeout",
        str(timeout),
        "--log-level",
        "warning",
    ]
    with log.open("wb") as err:
        return subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT, start_new_session=True
        )


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def wait_ready(base: str, proc: subprocess.Popen[bytes] | None, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    async with httpx.AsyncClient(base_url=base, timeout=2) as client:
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise SystemExit(f"the server exited with code {proc.returncode}")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit(f"the server at {base} was not ready within {limit:g} s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


async def run_load(
    base: str,
    articles: list[dict[str, Any]],
    *,
    concurrency: int,
    requests: int,
    duration: float,
    timeout: float,
) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: collections.Counter[str] = collections.Counter()
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        # warm-up: one request per client, not counted
        await asyncio.gather(
            *(
                client.post("/v1/extract", json=articles[i % len(articles)])
                for i in range(concurrency)
            )
        )
        stop_at = time.monotonic() + duration

        async def worker() -> None:
            for n in counter:
                if time.monotonic() >= stop_at:
                    return
                body = articles[n % len(articles)]
                t0 = time.perf_counter()
                try:
                    response = await client.post("/v1/extract", json=body)
                    key = str(response.status_code)
                    if response.status_code == 200 and response.json().get("id") != body["id"]:
                        key = "wrong-record"
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                latencies.append(time.perf_counter() - t0)
                statuses[key] += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    done = sum(statuses.values())
    errors = done - statuses["200"]
    return {
        "requests": done,
        "errors": errors,
        "statuses": dict(statuses),
        "seconds": round(elapsed, 2),
        "rps": round(done / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "max_ms": round(max(latencies, default=0.0) * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--workers", default="1,2", help="comma-separated worker counts to start (default: 1,2)"
    )
    parser.add_argument("--url", help="load an already running server instead of starting one")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--requests", type=int, default=2000, help="stop after this many")
    parser.add_argument(
        "--duration", type=float, default=300.0, help="stop after this many seconds (default: 300)"
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="client and server timeout")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with a text field")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()
    if args.concurrency < 1 or args.requests < 1 or args.duration <= 0:
        parser.error("--concurrency, --requests and --duration must be positive")
    articles = load_articles(args.data)
    print(
        f"# {len(articles)} articles from {args.data}; concurrency {args.concurrency}, "
        f"at most {args.requests} requests or {args.duration:g} s; "
        f"python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    header = (
        f"{'workers':>7} {'requests':>8} {'errors':>6} {'seconds':>8} {'req/s':>7} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    print(header)
    results = []
    targets: list[str | int] = [args.url] if args.url else [int(w) for w in args.workers.split(",")]
    for target in targets:
        proc = None
        if isinstance(target, int):
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            proc = start_server(target, port, args.timeout, Path(f"/tmp/beritakit-load-{port}.log"))
        else:
            base = target
        try:
            asyncio.run(wait_ready(base, proc))
            result = asyncio.run(
                run_load(
                    base,
                    articles,
                    concurrency=args.concurrency,
                    requests=args.requests,
                    duration=args.duration,
                    timeout=args.timeout,
                )
            )
        finally:
            if proc is not None:
                stop_server(proc)
        result["workers"] = target
        results.append(result)
        print(
            f"{target!s:>7} {result['requests']:>8} {result['errors']:>6} "
            f"{result['seconds']:>8} {result['rps']:>7} {result['p50_ms']:>8} "
            f"{result['p95_ms']:>8} {result['p99_ms']:>8} {result['max_ms']:>8}"
        )
        if result["errors"]:
            print(f"        statuses: {result['statuses']}")
    if args.json:
        print(json.dumps(results, indent=2))
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
