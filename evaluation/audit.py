"""Precision audit without gold: the most frequent entities over thousands of corpus articles.

Runs the pipeline over articles of ``../shared/data/corpus/news.jsonl.gz`` (the scraped news
with datelines and bylines; CLICK-ID drops hyperlinked words and is not used here) and prints,
for people, organisations and places, the most frequent entries with the number of articles
that name them. A reviewed verdict file (``evaluation/audit_review.tsv``: type, name, verdict
``ok``/``junk``, note) turns the list into a junk rate per type; entries not reviewed yet are
marked ``?``. ``--contexts`` also writes, for each listed entry, a few of its mentions with
the words around them (from different articles), so an entry is reviewed as the text uses it.

    .venv/bin/python evaluation/audit.py --articles 5000 --top 300 --out /tmp/audit.tsv \
        --contexts /tmp/audit_contexts.tsv
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import beritakit

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"
REVIEW = HERE / "audit_review.tsv"
TYPES = ("people", "organizations", "places")
CONTEXTS = 3  # mentions kept per entry, each from a different article
WINDOW = 70  # characters either side of a mention


def rows(path: Path, limit: int) -> Iterator[dict[str, object]]:
    """The first ``limit`` corpus articles as pipe items."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                return
            record = json.loads(line)
            yield {"text": record["text"], "id": record["id"]}


def read_review(path: Path) -> dict[tuple[str, str], str]:
    """(type, name) → verdict from the reviewed file, if there is one."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t")
        return {(r[0], r[1]): r[2] for r in reader if r and not r[0].startswith("#")}


Contexts = dict[tuple[str, str], list[str]]


def _context(text: str, start: int, end: int) -> str:
    """The mention in ``[[…]]`` with the words around it, on one line."""
    left = text[max(0, start - WINDOW) : start]
    right = text[end : end + WINDOW]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def count(
    path: Path, limit: int, n_process: int
) -> tuple[dict[str, Counter[str]], int, Contexts]:
    """Articles naming each entity, per type; the number of records; a few mentions of each."""
    counts: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    contexts: Contexts = {}
    n = 0
    for art in beritakit.pipe(rows(path, limit), on_error="skip", n_process=n_process):
        n += 1
        for kind in TYPES:
            entities = getattr(art, kind)
            counts[kind].update({e.name for e in entities})
            for e in entities:
                seen = contexts.setdefault((kind, e.name), [])
                if len(seen) < CONTEXTS and e.mentions:
                    m = e.mentions[0]
                    seen.append(f"{art.id}\t{_context(art.text, m.start, m.end)}")
    return counts, n, contexts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--review", type=Path, default=REVIEW)
    parser.add_argument("--out", type=Path, help="also write type, rank, name, count, verdict")
    parser.add_argument(
        "--contexts", type=Path, help="also write type, name, article id, mention in context"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts, n, contexts = count(args.corpus, args.articles, args.n_process)
    review = read_review(args.review)
    table: list[tuple[str, int, str, int, str]] = []
    for kind in TYPES:
        top = counts[kind].most_common(args.top)
        verdicts = Counter(review.get((kind, name), "?") for name, _ in top)
        junk = verdicts["junk"]
        reviewed = junk + verdicts["ok"]
        rate = f"{junk / reviewed:.1%}" if reviewed else "n/a"
        print(f"## {kind}: top {len(top)} — reviewed {reviewed}, junk {junk} ({rate})")
        for rank, (name, c) in enumerate(top, start=1):
            verdict = review.get((kind, name), "?")
            table.append((kind, rank, name, c, verdict))
            print(f"{rank:4d} {c:5d} {verdict:4s} {name}")
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t")
            writer.writerows(table)
    if args.contexts:
        with args.contexts.open("w", encoding="utf-8") as handle:
            for kind, _, name, _, _ in table:
                for line in contexts.get((kind, name), []):
                    handle.write(f"{kind}\t{name}\t{line}\n")
    elapsed = time.perf_counter() - started
    print(f"# {n} articles in {elapsed:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
