"""Benchmark the date extractor against dateparser.search.search_dates on the dev articles.

Usage (from the repository root):
    .venv/bin/python benchmarks/dates.py [--gold GOLD.jsonl] [--repeat 3] [--limit N]

Both tools get the same normalised article texts and the same publication dates (dateparser
as its RELATIVE_BASE). Time is per article, the best of ``--repeat`` runs; F1 is scored the
way ../shared/tools/score.py scores dates: a prediction and a gold date match when one's
folded text contains the other's (one-to-one, greedy), and "found+value" also needs the
start and end dates to be equal. Repeated identical expressions are counted once, as in the gold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.util
import json
import re
import statistics
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from beritakit.extractors.dates import find_dates, unique_dates  # noqa: E402

Pred = dict[str, Any]


def _local_norm(s: object) -> str:
    """The same folding as score.py's ``norm`` (used when score.py is not at hand)."""
    if s is None:
        return ""
    t = unicodedata.normalize("NFKC", html.unescape(str(s))).casefold()
    t = t.replace(".", " ").replace("\u2019", "'")
    t = re.sub(r"\s+", " ", t).strip(" ,;:-–—|()\"'")
    return re.sub(r"\b(\w)(?: (?=\w\b))", r"\1", t)


def _scorer_norm() -> Callable[[object], str]:
    path = SHARED / "tools" / "score.py"
    if path.exists():
        spec = importlib.util.spec_from_file_location("_shared_score", path)
        if spec and spec.loader:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module.norm  # type: ignore[no-any-return]
    return _local_norm


def _normaliser() -> Callable[[str], str]:
    try:
        from beritakit.clean.normalise import normalise

        return lambda text: normalise(text).text
    except ImportError:  # before the cleaning module exists: the rules of COMMON.md

        def fallback(text: str) -> str:
            text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
            text = re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", text)
            text = re.sub(r"[^\S\n]+", " ", text)
            return unicodedata.normalize("NFC", text)

        return fallback


class Tally:
    """True/false positives and false negatives."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    gold: list[Pred], pred: list[Pred], norm: Callable[[object], str], found: Tally, value: Tally
) -> None:
    """Add one article's dates to the tallies, as score.py does."""
    left = list(range(len(pred)))
    pairs = []
    missed = 0
    for g in gold:
        x = norm(g["text"])
        hit = next(
            (
                i
                for i in left
                if x
                and norm(pred[i]["text"])
                and (x in norm(pred[i]["text"]) or norm(pred[i]["text"]) in x)
            ),
            None,
        )
        if hit is None:
            missed += 1
        else:
            left.remove(hit)
            pairs.append((g, pred[hit]))
    extra = len(left)
    right = sum(1 for g, p in pairs if p["start"] == g["start"] and p["end"] == g["end"])
    found.tp += len(pairs)
    found.fp += extra
    found.fn += missed
    value.tp += right
    value.fp += extra + len(pairs) - right
    value.fn += missed + len(pairs) - right


def run_beritakit(text: str, published: dt.date | None) -> list[Pred]:
    hits, _ = find_dates(text, published=published)
    return [
        {"text": h.text, "start": h.start_date.isoformat(), "end": h.end_date.isoformat()}
        for h in unique_dates(hits)
    ]


def run_dateparser(text: str, published: dt.date | None) -> list[Pred]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    found = search_dates(text, languages=["id"], settings=settings) or []
    out: list[Pred] = []
    seen = set()
    for expression, when in found:
        key = (expression.casefold(), when.date())
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {"text": expression, "start": when.date().isoformat(), "end": when.date().isoformat()}
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "data" / "articles" / "dev.gold.jsonl"))
    ap.add_argument("--repeat", type=int, default=3, help="runs per article; the best time counts")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args(argv)

    golds = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    if args.limit:
        golds = golds[: args.limit]
    norm, clean = _scorer_norm(), _normaliser()
    articles = []
    for g in golds:
        published = (g.get("given") or {}).get("published")
        articles.append(
            (clean(g["text"]), dt.date.fromisoformat(published[:10]) if published else None, g)
        )

    warnings.simplefilter("ignore")  # dateparser warns about pytz/locale details
    run_beritakit(articles[0][0], None)  # load the data files and compile the patterns
    run_dateparser(articles[0][0], None)

    results = {}
    for name, fn in (("beritakit", run_beritakit), ("dateparser", run_dateparser)):
        times: list[float] = []
        found, value = Tally(), Tally()
        for text, published, g in articles:
            best = float("inf")
            pred: list[Pred] = []
            for _ in range(max(1, args.repeat)):
                t0 = time.perf_counter()
                pred = fn(text, published)
                best = min(best, time.perf_counter() - t0)
            times.append(best)
            score(g.get("dates", []), pred, norm, found, value)
        times.sort()
        results[name] = (
            statistics.median(times),
            times[min(len(times) - 1, int(0.95 * len(times)))],
            found,
            value,
        )

    mean_chars = sum(len(a[0]) for a in articles) / len(articles)
    print(
        f"{len(articles)} articles, {mean_chars:.0f} characters on average, best of {args.repeat}"
    )
    print(f"{'':12}{'median ms':>11}{'p95 ms':>9}{'found P/R/F1':>22}{'found+value P/R/F1':>24}")
    for name, (median, p95, found, value) in results.items():
        fp, fr, ff = found.f1()
        vp, vr, vf = value.f1()
        print(
            f"{name:12}{median * 1000:>11.3f}{p95 * 1000:>9.3f}"
            f"{fp:>10.3f}{fr:>6.3f}{ff:>6.3f}{vp:>12.3f}{vr:>6.3f}{vf:>6.3f}"
        )
    ours, theirs = results["beritakit"], results["dateparser"]
    print(
        f"speed ratio (dateparser / beritakit): median {theirs[0] / ours[0]:.1f}x, "
        f"p95 {theirs[1] / ours[1]:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
