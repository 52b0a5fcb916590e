"""Build ``extractors/entities/whole_names.txt``: words and names that only look glued.

The entity scanner cuts a function word, adverb or verb that a scraper glued onto a
capitalised name ("Subiantodan" -> "Subianto" + "dan"; ``_tokens._tail_cut``). Real names and
words end in the same letters ("Wulandari", "Aubameyang", "Megamendung", "Pergerakan"). The
corpus tells them apart: a glue is an accident, so a glued form is rare next to its head
written alone and next to head and tail written apart ("Jakartadan" against "Jakarta" and
"Jakarta dan"), and the article that glues it writes the head alone elsewhere ("Yolla Yuliana
... Yulianatelah"); a real word is written whole in articles of its own.

For every word of the corpus (capitalised, or lower-case and capitalised here) that the
scanner would cut, this counts articles (not uses; the annotated news validation and test
articles are left out) that write

- ``whole``: the word whole, in either case (after the scanner's glue splits, so
  "KetuaWulandari" counts for "Wulandari");
- ``head``: its head alone ("Wulan");
- ``apart``: head and tail as two words in a row ("Wulan dari");
- ``with_head``: the word whole and its head alone;
- ``head_apart``: its head as two words ("sebuah video" for "Sebuahvideoyang", a run of glue).

A word is kept whole when ``whole >= MIN_WHOLE``, ``with_head == 0``, ``head_apart == 0``,
``head <= RATIO * whole`` and ``2 * apart <= whole`` (``kept``). The thresholds were chosen by
reading every candidate written whole in two articles or more; ``--sample N --seed S`` prints
a seeded sample of the kept and cut sides to read (the counts themselves are deterministic).

Usage (from the project root; about 30 s)::

    .venv/bin/python scripts/build_whole_names.py ../shared/data/corpus/news.jsonl.gz \
        ../shared/data/corpus/clickid.jsonl.gz [--table] [--sample 40 --seed 12] [--dry-run]

Only the kept words are written, no text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import regex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/beritakit/extractors/entities/whole_names.txt"
HELD_OUT = tuple(ROOT / f"training/data/news-ner/{s}.jsonl" for s in ("validation", "test"))

MIN_WHOLE = 2  # written whole in at least this many articles
RATIO = 10  # ... and its head alone in at most RATIO times as many

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]++(?:['’\-][\p{L}\p{M}\p{Nd}]++)*+")
_TITLE = regex.compile(r"\p{Lu}\p{Ll}{3,}")


def _keys(text: str) -> Iterator[str]:
    """The lower-cased words of ``text`` after the scanner's glue splits (``_tokens._GLUE``).

    A word that is neither lower-case nor one capital then lower-case letters ("KPK",
    "WULANDARI", "iPhone") gives an empty key.
    """
    from beritakit.extractors.entities._tokens import _GLUE

    for m in _WORD.finditer(text):
        word = m.group()
        if word.islower():
            yield word
            continue
        start = 0
        for g in _GLUE.finditer(word):
            if 0 < g.start() < len(word):
                yield _key(word[start : g.start()])
                start = g.start()
        yield _key(word[start:])


def _key(piece: str) -> str:
    return piece.lower() if piece[:1].isupper() and piece[1:].islower() else ""


def _cut(key: str, cache: dict[str, int]) -> int:
    """Where the scanner cuts the capitalised ``key`` ignoring the kept list (0: it does not)."""
    from beritakit.extractors.entities._tokens import _tail_cut

    cut = cache.get(key)
    if cut is None:
        cut = cache[key] = (
            _tail_cut(key[0].upper() + key[1:], keep_whole=False)
            if len(key) >= 4 and key.isalpha()
            else 0
        )
    return cut


def held_out() -> frozenset[str]:
    """Ids of the annotated news validation and test articles: never counted."""
    ids: set[str] = set()
    for split in HELD_OUT:
        with split.open(encoding="utf-8") as handle:
            ids.update(json.loads(line)["id"] for line in handle if line.strip())
    return frozenset(ids)


def _articles(paths: Iterable[Path], skip: frozenset[str]) -> Iterator[str]:
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row["id"] not in skip:
                    yield row["text"]


class Candidate(NamedTuple):
    """A word the scanner would cut, with counts of articles (in any of its two cases)."""

    word: str  # capitalised
    tail: str
    whole: int  # articles writing it whole
    lower: int  # ... of them in lower case (a common word: "pergerakan")
    head: int  # articles writing its head alone
    apart: int  # articles writing head and tail as two words in a row
    with_head: int  # articles writing it whole and also its head alone
    head_apart: int  # articles writing its head as two words ("sebuah video" of "Sebuahvideoyang")


def candidates(paths: list[Path]) -> list[Candidate]:
    """Every word of the corpus the scanner would cut when capitalised, with its counts.

    Articles, not uses: one article that repeats a glued form ("Nahumarurydan" eleven times)
    counts once. Two passes over the files: words first, then the (head, tail) pairs.
    """
    skip = held_out()
    cache: dict[str, int] = {}
    words: Counter[str] = Counter()
    with_head: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in _articles(paths, skip):
        lower.update({w for m in _WORD.finditer(text) if (w := m.group()).islower()})
        seen = set(_keys(text))
        seen.discard("")
        words.update(seen)
        with_head.update(k for k in seen if _cut(k, cache) and k[: _cut(k, cache)] in seen)
    wanted = {(k[:cut], k[cut:]): k for k, cut in cache.items() if cut}
    # every split of a head in two words of 3+ letters: "sebuahvideo" -> ("sebuah", "video")
    splits = {(head[:i], head[i:]): head for head, _ in wanted for i in range(3, len(head) - 2)}
    apart: Counter[str] = Counter()
    runs: Counter[str] = Counter()
    for text in _articles(paths, skip):
        keys = list(_keys(text))
        pairs = set(zip(keys, keys[1:], strict=False))
        apart.update({wanted[p] for p in pairs if p in wanted})
        runs.update({splits[p] for p in pairs if p in splits})
    return sorted(
        (
            Candidate(
                k[0].upper() + k[1:],
                tail,
                words[k],
                lower[k],
                words[head],
                apart[k],
                with_head[k],
                runs[head],
            )
            for (head, tail), k in wanted.items()
        ),
        key=lambda c: (-c.whole, c.word),
    )


def kept(c: Candidate) -> bool:
    """The corpus writes the word whole in articles of its own, not as head + glued tail.

    Written whole in ``MIN_WHOLE`` articles or more; never in an article that also writes
    its head alone (a glue accident: the article names "Yolla Yuliana" and glues
    "Yulianatelah" once); its head alone in at most ``RATIO`` times as many articles ("Wulan"
    against "Wulandari"; "Jakarta" against "Jakartadan" is thousands of times); head and tail
    written apart in at most half as many ("Ghazali dan" against "Ghazalidan"); its head
    never written as two words ("sebuah video" of "Sebuahvideoyang": a run of glued words).
    """
    return (
        c.whole >= MIN_WHOLE
        and c.with_head == 0
        and c.head_apart == 0
        and c.head <= RATIO * c.whole
        and 2 * c.apart <= c.whole
    )


def main(argv: list[str]) -> int:
    """Count, choose and write the list (or only print it with ``--dry-run``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--table", action="store_true", help="print every candidate")
    parser.add_argument("--sample", type=int, default=0, help="print a sample of each side")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--dry-run", action="store_true", help="do not write the file")
    args = parser.parse_args(argv)
    cands = candidates(args.corpus)
    # a word written in lower case in half its articles or more is a common word
    # ("pergerakan"), written so; a name keeps its capital ("Wulandari")
    keep = sorted(
        (c.word.lower() if 2 * c.lower >= c.whole else c.word for c in cands if kept(c)),
        key=str.casefold,
    )
    if args.table:
        for c in cands:
            print("KEEP" if kept(c) else "cut ", *c, sep="\t")
    if args.sample:
        rng = random.Random(args.seed)
        for label, side in (
            ("kept", [c for c in cands if kept(c)]),
            ("cut", [c for c in cands if not kept(c) and c.whole >= MIN_WHOLE]),
        ):
            print(f"-- {label}: {len(side)} candidates, sample of {min(args.sample, len(side))}")
            for c in sorted(rng.sample(side, min(args.sample, len(side)))):
                print(*c, sep="\t")
    print(f"{len(cands)} candidates, {len(keep)} kept whole", file=sys.stderr)
    if not args.dry_run:
        OUT.write_text(
            "# GENERATED by scripts/build_whole_names.py from word counts of"
            " ../shared/data/corpus/news.jsonl.gz\n# and clickid.jsonl.gz (CLICK-ID, CC BY 4.0):"
            " words the entity scanner would cut as a name +\n# a glued word (function word,"
            " adverb, verb) that the corpus writes whole: in lower case\n# a common word (as"
            " corpus_words.txt), capitalised a name. Do not edit: see SOURCE.md.\n"
            + "".join(w + "\n" for w in keep),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
