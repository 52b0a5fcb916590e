"""Check the most frequent places over corpus articles (issue 13's "Done when").

Runs the pipeline over the first ``--articles`` articles of
``../shared/data/corpus/news.jsonl.gz`` and takes the ``--top`` most frequent places (by
the number of articles naming them). Each must pass three checks:

1. **not a common word**: a one-word name that the project's word lists hold as an
   ordinary word (``not_entities.txt``, ``corpus_words.txt``, ``common_words.txt`` and
   spaCy's stop words) fails unless it is an Indonesian region or a country of the
   gazetteer (``Medan``); a place name that is also a word (``place_words.txt``) fails
   unless most of its mentions come after a place cue or in a list (``di Batu``,
   ``Malang, Batu``);
2. **not a piece of an organisation's name**: it fails when most of its mentions lie inside
   an organisation mention of the same article or right after a word that opens an
   organisation's name (``Polres Metro``, ``Polda``, ``Pemkab``);
3. **Indonesian places have their code, or say why not**: a province, regency or city
   (kind, or a name of the Indonesian gazetteer) without ``code`` must carry
   ``candidates`` (a name several regions share) — else it fails.

    .venv/bin/python evaluation/check_places.py --articles 5000 --top 200 [--out places.tsv]

Prints one line per place (rank, articles, verdict, name, code, why) and exits 1 when any
place fails.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import beritakit
from beritakit.extractors.entities._data import PlaceEntry, data, key_of
from beritakit.extractors.entities._places import PLACE_CUES, place_words
from beritakit.lang import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit import CORPUS, rows  # noqa: E402


@dataclass
class _Seen:
    articles: int = 0
    mentions: int = 0
    cued: int = 0
    in_org: int = 0
    after_org_head: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    candidates: set[str] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return fold(words[-1].strip(",.;:()\"'")) if words else ""


def _indonesian(name: str) -> bool:
    return any(
        isinstance(a.entry, PlaceEntry) and a.entry.indonesian_admin
        for a in data().gazetteer.get(key_of(name), ())
    )


def _common_word(name: str) -> bool:
    d = data()
    key = fold(name)
    if " " in key:
        return False
    return (
        key in place_words()
        or key in d.not_entities
        or key in d.corpus_words
        or (key in d.common_words)
    )


def collect(limit: int, n_process: int) -> tuple[dict[str, _Seen], int]:
    """Per place name: articles, mentions and the evidence the checks read."""
    seen: dict[str, _Seen] = defaultdict(_Seen)
    heads = {k[0] for k in data().org_prefix_heads}
    n = 0
    for art in beritakit.pipe(rows(CORPUS, limit), on_error="skip", n_process=n_process):
        n += 1
        org_spans = [(m.start, m.end) for o in art.organizations for m in o.mentions]
        for place in art.places:
            s = seen[place.name]
            s.articles += 1
            s.codes[place.code or ""] += 1
            s.kinds[place.kind] += 1
            s.candidates.update(place.candidates)
            for m in place.mentions:
                s.mentions += 1
                before = _word_before(art.text, m.start)
                s.cued += before in PLACE_CUES or before in (",", "dan")
                s.in_org += any(a <= m.start and m.end <= b for a, b in org_spans)
                s.after_org_head += before in heads
    return seen, n


def verdict(name: str, s: _Seen) -> tuple[bool, str]:
    """Whether the place passes, and why (or why its code is missing)."""
    known = _indonesian(name) or s.kinds["country"] > 0
    if fold(name) in place_words():
        if 2 * s.cued < s.mentions:
            return False, "common word (place name that is also a word, mostly without a cue)"
    elif _common_word(name) and not known:
        return False, "common word"
    if 2 * (s.in_org + s.after_org_head) > s.mentions:
        return False, "piece of an organisation's name"
    code = s.codes.most_common(1)[0][0]
    indonesian = s.kinds["province"] + s.kinds["regency"] + s.kinds["city"] > 0 and (
        _indonesian(name) or code[:1].isdigit()
    )
    if code:
        return True, "code"
    if indonesian:
        if s.candidates:
            return True, f"shared by {len(s.candidates)} regions: {','.join(sorted(s.candidates))}"
        return False, "Indonesian region without code or candidates"
    if s.kinds["other"] and not _indonesian(name):
        return True, "no code: not a province, regency or city (island, area, landmark, abroad)"
    return True, "outside Indonesia"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument(
        "--out", type=Path, help="also write rank, articles, verdict, name, code, why"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    seen, n = collect(args.articles, args.n_process)
    top = sorted(seen.items(), key=lambda kv: (-kv[1].articles, kv[0]))[: args.top]
    table = []
    failed = 0
    for rank, (name, s) in enumerate(top, start=1):
        ok, why = verdict(name, s)
        failed += not ok
        code = s.codes.most_common(1)[0][0]
        table.append((rank, s.articles, "ok" if ok else "FAIL", name, code, why))
        print(f"{rank:4d} {s.articles:5d} {'ok' if ok else 'FAIL':4s} {name} [{code}] {why}")
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t").writerows(table)
    elapsed = time.perf_counter() - started
    print(f"# {len(top)} places checked, {failed} failed; {n} articles in {elapsed:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
