"""Throughput of the full pipeline: articles/s, words/s, peak RSS, time per stage, cold start.

The corpus is built from the dev articles, repeated to ``--articles`` distinct-looking
documents: each copy keeps its first paragraph (dateline) and its last (credits) and
shuffles the paragraphs between them, with one paragraph from another article spliced
in, so that no cache sees the same text twice. Every measurement runs in a fresh
process, so peak RSS is that run's own::

    .venv/bin/python benchmarks/throughput.py      # 3,000 articles, 1 and 2 processes
    .venv/bin/python benchmarks/throughput.py --articles 500 --processes 1 --cold-runs 1

Sections: the floor (spaCy ``blank("id")`` tokenising only), the full pipeline at each
process count (steady rate after the first record, and wall time including start-up),
time per stage (one process; text stage: input, normalise, boilerplate, each text
extractor, body cut; doc stage: spaCy, each doc extractor; building the record), and
cold start (``import beritakit``, ``load()``, first ``extract`` of the example article),
median of a few runs.
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "dev.jsonl"
# the cold start extracts the example article (examples/palembang.txt, the seed)
COLD_TEXT = Path(__file__).resolve().parents[1] / "examples" / "palembang.txt"
FIELDS = ("id", "text", "published", "url")
NER_ENV = "BERITAKIT_BENCH_NER_MODEL"  # --ner-model, passed on to the child processes


# -- the corpus ------------------------------------------------------------------------


def load_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows.append({k: row.get(k) for k in FIELDS})
    if not rows:
        raise SystemExit(f"no articles in {path}")
    return rows


def generate(rows: list[dict[str, Any]], n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield ``n`` distinct-looking articles made from ``rows`` (deterministic for a seed)."""
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        base = rows[i % len(rows)]
        paragraphs = [p for p in base["text"].split("\n") if p.strip()]
        if len(paragraphs) > 3:
            middle = paragraphs[1:-1]
            other = rows[rng.randrange(len(rows))]["text"].split("\n")
            extra = [p for p in other[1:-1] if len(p) > 40]
            if extra:
                middle.insert(rng.randrange(len(middle) + 1), rng.choice(extra))
            rng.shuffle(middle)
            paragraphs = [paragraphs[0], *middle, paragraphs[-1]]
        yield {**base, "id": f"{base['id']}-g{i}", "text": "\n".join(paragraphs)}


def write_corpus(rows: list[dict[str, Any]], n: int, path: Path, seed: int = 0) -> tuple[int, int]:
    """Write the corpus as JSONL; return (articles, words)."""
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for doc in generate(rows, n, seed):
            words += len(doc["text"].split())
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return n, words


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# -- child measurements (each in its own process) --------------------------------------


def child_floor(corpus: Path, batch_size: int) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("id")
    texts = [d["text"] for d in read_corpus(corpus)]
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "seconds": seconds, "tokens": tokens, "rss": peak_rss_mb()}


def options(extractors: str) -> Any:
    """The pipeline options for ``--extractors`` (``all``: the default pipeline)."""
    from beritakit import Options

    chosen: dict[str, Any] = {}
    if extractors != "all":
        chosen["extractors"] = tuple(extractors.split(","))
    if os.environ.get(NER_ENV):
        chosen["ner_model"] = Path(os.environ[NER_ENV])
    return Options(**chosen) if chosen else None


def child_full(corpus: Path, mode: str, batch_size: int, extractors: str) -> dict[str, Any]:
    """One run: ``N`` is ``beritakit.pipe(n_process=N)``; ``1b`` is the batch runner in
    this process (what ``beritakit extract`` runs): spaCy memory zones, its own pipeline."""
    import beritakit
    from beritakit import batch

    chosen = options(extractors)
    n_process = int(mode.rstrip("b"))
    if mode.endswith("b"):
        results = batch.pipe(
            read_corpus(corpus),
            batch_size=batch_size,
            on_error="record",
            loader=functools.partial(beritakit.Pipeline, chosen),
        )
    else:
        results = beritakit.pipe(
            read_corpus(corpus),
            n_process=n_process,
            batch_size=batch_size,
            on_error="record",
            options=chosen,
        )
    cpu_self, cpu_children = (
        cpu_seconds(resource.RUSAGE_SELF),
        cpu_seconds(resource.RUSAGE_CHILDREN),
    )
    start = time.perf_counter()
    first = None
    count = failed = 0
    for result in results:
        if first is None:
            first = time.perf_counter()
        count += 1
        failed += isinstance(result, beritakit.Failure)
    end = time.perf_counter()
    assert first is not None
    return {
        "articles": count,
        "failed": failed,
        "wall": end - start,
        "to_first": first - start,
        "steady": end - first,
        "cpu_parent": cpu_seconds(resource.RUSAGE_SELF) - cpu_self,
        "cpu_workers": cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_children,
        "rss_parent": peak_rss_mb(),
        "rss_worker": peak_rss_mb(resource.RUSAGE_CHILDREN) if n_process > 1 else None,
    }


class _Clock:
    """Seconds spent per stage, for the per-stage profile."""

    def __init__(self) -> None:
        self.seconds: collections.Counter[str] = collections.Counter()

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - t0

        return timed

    def iterate(self, name: str, iterator: Iterator[Any]) -> Iterator[Any]:
        while True:
            t0 = time.perf_counter()
            try:
                value = next(iterator)
            except StopIteration:
                self.seconds[name] += time.perf_counter() - t0
                return
            self.seconds[name] += time.perf_counter() - t0
            yield value


def child_stages(corpus: Path, limit: int, batch_size: int, extractors: str) -> dict[str, Any]:
    """Run one process over the corpus with every stage timed (by wrapping, not editing)."""
    import itertools

    import beritakit
    from beritakit import pipeline as pl

    clock = _Clock()
    p = beritakit.load(options(extractors))
    p("Jakarta (ANTARA) - Hujan turun sejak pagi.")  # load the data files first
    # wrap the module-level names pipeline.py calls; names it no longer has are skipped
    for label, names in (
        ("text: input checks", ("coerce_text", "coerce_date", "read_published", "looks_like_html")),
        ("text: normalise", ("normalise",)),
        ("text: boilerplate", ("find_boilerplate", "_boilerplate")),
    ):
        for name in names:
            if hasattr(pl, name):
                setattr(pl, name, clock.wrap(label, getattr(pl, name)))
    p._specs = [(spec, clock.wrap(f"{spec.stage}: {spec.name}", func)) for spec, func in p._specs]
    docs = p._docs
    p._docs = lambda contexts: clock.iterate("doc: spaCy", iter(docs(contexts)))  # type: ignore[method-assign]
    items = list(itertools.islice(read_corpus(corpus), limit))
    start = time.perf_counter()
    failed = sum(
        isinstance(r, beritakit.Failure)
        for r in p.pipe(items, batch_size=batch_size, on_error="record")
    )
    total = time.perf_counter() - start
    stages = dict(clock.seconds)
    stages["other (body cut, context, merge)"] = total - sum(stages.values())
    return {
        "articles": len(items),
        "failed": failed,
        "total": total,
        "stages": stages,
        "spacy_components": list(p.nlp.pipe_names) if p._needs_doc else [],
        "needs_doc": p._needs_doc,
    }


COLD = """
import sys, time
t0 = time.perf_counter()
import beritakit
t1 = time.perf_counter()
names, ner, text_path = sys.argv[1], sys.argv[2], sys.argv[3]
chosen = {} if names == "all" else {"extractors": names.split(",")}
if ner:
    chosen["ner_model"] = ner
p = beritakit.load(beritakit.Options(**chosen) if chosen else None)
if p._needs_doc:
    p.nlp
t2 = time.perf_counter()
firsts = {}
def timed(name, func):
    def run(doc, ctx):
        t = time.perf_counter()
        try:
            return func(doc, ctx)
        finally:
            firsts[name] = time.perf_counter() - t
    return run
p._specs = [(spec, timed(spec.name, func)) for spec, func in p._specs]
p(open(text_path, encoding="utf-8").read())
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
print(" ".join(f"{k}={v}" for k, v in firsts.items()))
"""


def cold_start(runs: int, extractors: str) -> dict[str, float]:
    found: dict[str, list[float]] = collections.defaultdict(list)
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", COLD, extractors, os.environ.get(NER_ENV, ""), str(COLD_TEXT)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        wall = time.perf_counter() - t0
        head, tail = out.splitlines()[-2:]
        imp, load, first = (float(x) for x in head.split())
        for pair in tail.split():
            name, value = pair.split("=")
            found[f"first {name}"].append(float(value))
        for key, value in (("import", imp), ("load", load), ("first", first), ("wall", wall)):
            found[key].append(value)
    return {k: statistics.median(v) for k, v in found.items()}


def run_child(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True
    )
    if out.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.splitlines()[-1])
    return result


# -- the report ------------------------------------------------------------------------


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument(
        "--processes",
        default="1,1b,2",
        help="comma-separated runs: N is beritakit.pipe(n_process=N), 1b the batch runner in "
        "one process (default: 1,1b,2)",
    )
    parser.add_argument("--batch-size", type=int, default=32, help="as beritakit extract (32)")
    parser.add_argument("--profile-articles", type=int, default=1000, help="for time per stage")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--extractors",
        default="all",
        help="comma-separated extractor names to run (default: all, the default pipeline)",
    )
    parser.add_argument(
        "--ner-model", type=Path, help="a spaCy NER folder instead of the shipped model"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, corpus, *rest = args.child
        path = Path(corpus)
        if kind == "floor":
            result = child_floor(path, int(rest[0]))
        elif kind == "full":
            result = child_full(path, rest[0], int(rest[1]), rest[2])
        else:
            result = child_stages(path, int(rest[0]), int(rest[1]), rest[2])
        print(json.dumps(result))
        return 0

    if args.ner_model:
        os.environ[NER_ENV] = str(args.ner_model.resolve())
    rows = load_rows(args.data)
    figures: dict[str, Any] = {"load_average_start": load_average()}
    print(
        f"# beritakit throughput: {args.articles:,} articles generated from {len(rows)} in "
        f"{args.data.name}; extractors: {args.extractors}"
        f"{f' (NER model {args.ner_model})' if args.ner_model else ''}; batch {args.batch_size}; "
        f"python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {figures['load_average_start']}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n, words = write_corpus(rows, args.articles, corpus, args.seed)
        wpa = words / n
        print(f"# corpus: {n:,} articles, {words:,} words ({wpa:.0f} words/article)\n")

        floor = run_child("floor", str(corpus), str(args.batch_size))
        floor_rate = floor["articles"] / floor["seconds"]
        figures["floor"] = {**floor, "articles_per_s": floor_rate}
        print("## floor: spaCy blank('id'), tokenising only, 1 process")
        print(
            f"{floor_rate:10.1f} articles/s {floor_rate * wpa:12,.0f} words/s "
            f"{floor['rss']:8.0f} MB peak RSS\n"
        )

        print("## full pipeline")
        print(
            f"{'procs':>5} {'articles/s':>10} {'words/s':>10} {'speed-up':>8} "
            f"{'wall s':>7} {'start s':>7} {'RSS parent':>10} {'RSS worker':>10} {'failed':>6} "
            f"{'cores':>6}"
        )
        base = None
        figures["full"] = {}
        for procs in args.processes.split(","):
            res = run_child("full", str(corpus), procs, str(args.batch_size), args.extractors)
            rate = (res["articles"] - 1) / res["steady"] if res["steady"] > 0 else 0.0
            base = base or rate
            res.update(articles_per_s=rate, words_per_s=rate * wpa, speedup=rate / base)
            figures["full"][procs] = res
            worker = f"{res['rss_worker']:7.0f} MB" if res["rss_worker"] else f"{'-':>10}"
            busy = (res["cpu_parent"] + res["cpu_workers"]) / res["wall"]
            print(
                f"{procs:>5} {rate:10.1f} {rate * wpa:10,.0f} {rate / base:7.2f}x "
                f"{res['wall']:7.1f} {res['to_first']:7.1f} {res['rss_parent']:7.0f} MB "
                f"{worker} {res['failed']:>6} {busy:6.2f}"
            )
        print(
            "  (articles/s: steady rate after the first record; wall includes start-up, "
            "start s is the time to the first record; cores: CPU seconds used by this run "
            "over wall seconds, below the process count when other work takes the CPUs; "
            "1b: the batch runner in one process, as `beritakit extract` runs it, with spaCy "
            "memory zones)\n"
        )

        limit = min(args.profile_articles, args.articles)
        stages = run_child("stages", str(corpus), str(limit), str(args.batch_size), args.extractors)
        figures["stages"] = stages
        total = stages["total"]
        print(
            f"## time per stage, 1 process, {stages['articles']:,} articles "
            f"({stages['articles'] / total:.1f} articles/s with timers on)"
        )
        if not stages["needs_doc"]:
            print("  (no doc-stage extractor reads the spaCy Doc: spaCy does not run)")
        for name, seconds in sorted(stages["stages"].items(), key=lambda kv: -kv[1]):
            ms = 1000 * seconds / stages["articles"]
            print(f"  {name:<36} {ms:8.2f} ms/article {100 * seconds / total:6.1f} %")
        print()

    if args.cold_runs > 0:
        cold = cold_start(args.cold_runs, args.extractors)
        figures["cold_start"] = cold
        print(f"## cold start (median of {args.cold_runs} fresh processes)")
        print(
            f"  import beritakit {cold['import']:.2f} s, load() {cold['load']:.2f} s, "
            f"first extract {cold['first']:.2f} s: import + load + first "
            f"{cold['import'] + cold['load'] + cold['first']:.2f} s "
            f"(process wall {cold['wall']:.2f} s)"
        )
        firsts = sorted(
            ((k.removeprefix("first "), v) for k, v in cold.items() if k.startswith("first ")),
            key=lambda kv: -kv[1],
        )
        print("  first extract, by extractor: " + ", ".join(f"{k} {v:.2f} s" for k, v in firsts))
    figures["load_average_end"] = load_average()
    print(f"\n# load average at the end: {figures['load_average_end']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
