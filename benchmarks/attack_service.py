"""Does one request stall the service? Two pathological requests against 50 normal ones.

Starts ``beritakit serve --workers 2`` on a free 127.0.0.1 port, waits until it is ready,
then at once sends two 1 MB texts that take longer than the timeout and, half a second
later, 50 normal dev articles, each on its own connection. The slow texts (``--pattern``):
``nested``, ``"JAKARTA - " + "(a " * 333_000`` (86 s on the merged main of 2026-12-07);
``parens``, ``"JAKARTA - Rapat " + "(" * 999_000`` (issue 16's, quadratic before the
linear-time fix, 1.2 s after it); ``article``, 999,000 characters of dev articles (11 s:
use a ``--timeout`` under that). It prints every latency and checks issue 16's
bar: all 50 normal requests 200 within 5 s each; the pathological ones 504; the server's
processes idle again (their CPU use back under 10 % of a core) within the timeout plus
5 s of the pathological requests' start. Loopback only, a bounded number of requests;
the server is stopped at the end::

    .venv/bin/python benchmarks/attack_service.py --timeout 10
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import DEFAULT_DATA, ROOT, free_port, load_articles, stop_server  # noqa: E402

# 1 MB, just under the library's 1,000,000-character limit
PATTERNS = {
    "nested": lambda: "JAKARTA - " + "(a " * 333_000,
    "parens": lambda: "JAKARTA - Rapat " + "(" * 999_000 + " digelar.",
}


def _big_article(rows: list[dict[str, Any]]) -> str:
    text = "\n\n".join(row["text"] for row in rows)
    while len(text) < 999_000:
        text += "\n\n" + text
    return text[:999_000]


TICK = os.sysconf("SC_CLK_TCK")


def start_server(workers: int, port: int, timeout: float, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "beritakit", "serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers), "--timeout", str(timeout), "--log-level", "info"]
    with log.open("wb") as err:
        return subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT, start_new_session=True
        )


def _tree_cpu(root: int) -> tuple[float, int]:
    """CPU seconds used so far by ``root``'s descendants, and how many there are."""
    parents: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents.setdefault(int(fields[1]), []).append(pid)
        cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK
    total, count, todo = 0.0, 0, [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            total += cpu.get(child, 0.0)
            count += 1
            todo.append(child)
    return total, count


async def _wait_all_ready(base: str, proc: Any, log: Path, workers: int) -> None:
    """Ready means every worker logged "pipeline loaded" and /readyz answers 200."""
    deadline = time.monotonic() + 180
    while True:
        if time.monotonic() > deadline or proc.poll() is not None:
            raise SystemExit("the server did not become ready")
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if text.count('"message": "pipeline loaded"') >= workers:
            try:
                async with httpx.AsyncClient(base_url=base, timeout=5) as client:
                    if (await client.get("/readyz")).status_code == 200:
                        return
            except httpx.TransportError:
                pass
        await asyncio.sleep(0.2)


async def _post(
    client: httpx.AsyncClient, payload: dict[str, Any] | str, timeout: float
) -> tuple[int, float]:
    started = time.monotonic()
    try:
        if isinstance(payload, str):
            response = await client.post(
                "/v1/extract",
                content=payload,
                headers={"Content-Type": "text/plain"},
                timeout=timeout,
            )
        else:
            response = await client.post("/v1/extract", json=payload, timeout=timeout)
        status = response.status_code
    except httpx.HTTPError:
        status = 0
    return status, time.monotonic() - started


async def _watch_idle(root: int, since: float, limit: float) -> float | None:
    """Seconds after ``since`` when the tree's CPU use fell under 10 % of a core."""
    last, _ = _tree_cpu(root)
    while time.monotonic() - since < limit:
        await asyncio.sleep(0.5)
        now, _ = _tree_cpu(root)
        if (now - last) / 0.5 < 0.10 and time.monotonic() - since > 1.0:
            return time.monotonic() - since - 0.5
        last = now
    return None


async def attack(
    base: str, root: int, normal: list[dict[str, Any]], timeout: float, slow: str
) -> bool:
    # one client, a connection for each request in flight (no keep-alive reuse across them)
    limits = httpx.Limits(max_connections=len(normal) + 2, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base, limits=limits) as client:
        started = time.monotonic()
        bad = [asyncio.ensure_future(_post(client, slow, timeout + 30)) for _ in range(2)]
        await asyncio.sleep(0.5)
        good = await asyncio.gather(*(_post(client, item, 30) for item in normal))
        bad_results = await asyncio.gather(*bad)
        free = await _watch_idle(root, started, timeout + 30)
        after = await asyncio.gather(*(_post(client, item, 30) for item in normal[:20]))

    latencies = sorted(t for _, t in good)
    print(f"normal ({len(good)}, sent 0.5 s after the pathological ones):")
    print(
        f"  statuses {sorted({s for s, _ in good})}  p50 {latencies[len(latencies) // 2]:.3f} s"
        f"  max {latencies[-1]:.3f} s"
    )
    print("  latencies " + " ".join(f"{t:.2f}" for t in latencies))
    for i, (status, took) in enumerate(bad_results):
        print(f"pathological {i + 1} ({len(slow):,} chars): {status} after {took:.2f} s")
    shown = "never" if free is None else f"{free:.2f} s"
    print(
        f"server processes idle again: {shown} after the pathological requests started "
        f"(bar: timeout {timeout:g} s + 5 s)"
    )
    after_max = max(t for _, t in after)
    print(
        f"20 normal requests after: statuses {sorted({s for s, _ in after})}, max {after_max:.3f} s"
    )

    checks = {
        "all normal requests 200 within 5 s": all(s == 200 and t < 5 for s, t in good),
        "pathological requests 504": all(s == 504 for s, _ in bad_results),
        "processes free within timeout + 5 s": free is not None and free <= timeout + 5,
        "service normal afterwards": all(s == 200 and t < 5 for s, t in after),
    }
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return all(checks.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--normal", type=int, default=50, help="normal requests (<= 200)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pattern", choices=("nested", "parens", "article"), default="nested")
    parser.add_argument("--log", type=Path, help="keep the server's log (JSON lines) here")
    args = parser.parse_args()
    rows = load_articles(args.data)
    normal = rows[: min(args.normal, 200)]
    slow = _big_article(rows) if args.pattern == "article" else PATTERNS[args.pattern]()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        log = args.log or Path(tmp) / "server.log"
        proc = start_server(args.workers, port, args.timeout, log)
        try:
            asyncio.run(_wait_all_ready(base, proc, log, args.workers))
            asyncio.run(asyncio.wait_for(_warm(base, normal), 120))
            print(
                f"beritakit serve --workers {args.workers} --timeout {args.timeout:g} on {base};"
                f" slow texts: {args.pattern}"
            )
            ok = asyncio.run(attack(base, proc.pid, normal, args.timeout, slow))
        finally:
            stop_server(proc)
    return 0 if ok else 1


async def _warm(base: str, normal: list[dict[str, Any]]) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        await asyncio.gather(*(_post(client, item, 30) for item in normal[:8]))


if __name__ == "__main__":
    sys.exit(main())
