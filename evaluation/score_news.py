"""Article-level people / organisations / places F1 of the pipeline on the annotated news splits.

The annotated news articles (``training/data/news-ner``: stand-off spans over corpus articles
from ten outlets, none of them a dev article) are scored the way
``../shared/tools/score.py`` scores the dev gold: per article, a set of entities per type,
an entity matched when one of its names (name, acronym, expansion, aliases) equals one of the
gold entity's variants after ``score.py``'s ``norm``. The gold entities are built from the
spans of the article body:

- identical surfaces (after ``norm``) are one entity;
- a person's surface that is a run of words of a longer person surface in the same article is
  a variant of it (``Prabowo`` of ``Prabowo Subianto``);
- a bracketed surface right after another of the same type is its variant
  (``Komisi Pemberantasan Korupsi (KPK)``).

So this is not span F1: a name the pipeline finds once scores like a name found every time.
Use ``--split validation`` for every choice; ``--split test`` only to report.

    .venv/bin/python evaluation/score_news.py --split validation
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import beritakit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "training"))

import news_ner  # noqa: E402  (also used by news_errors.py)
from variants import scorer  # noqa: E402

FIELDS = {"PER": "people", "ORG": "organizations", "LOC": "places"}


SCORE = scorer()  # ../shared/tools/score.py: its norm, names_of, match_sets, Tally


def gold_entities(text: str, spans: Sequence[Sequence[Any]]) -> dict[str, list[set[str]]]:
    """Gold entities per label, each a set of normalised variants."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        parent[find(a)] = find(b)

    ordered = sorted((int(s), int(e), str(lab)) for s, e, lab in spans)
    keys = []
    for start, end, label in ordered:
        name = SCORE.norm(text[start:end])
        if name:
            keys.append((label, name))
            find((label, name))
    for (s1, e1, l1), (s2, e2, l2) in zip(ordered, ordered[1:], strict=False):
        between = text[e1:s2].strip()
        if l1 == l2 and between == "(" and text[e2 : e2 + 1] == ")":
            a, b = SCORE.norm(text[s1:e1]), SCORE.norm(text[s2:e2])
            if a and b:
                union((l1, a), (l2, b))
    people = sorted({name for label, name in keys if label == "PER"}, key=len)
    for i, short in enumerate(people):
        for long in people[i + 1 :]:
            if f" {short} " in f" {long} ":
                union(("PER", short), ("PER", long))
                break
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in set(keys):
        groups[find(key)].add(key[1])
    out: dict[str, list[set[str]]] = {label: [] for label in FIELDS}
    for (label, _), names in groups.items():
        out[label].append(names)
    return out


def score(split: str) -> dict[str, dict[str, float]]:
    """P/R/F1 per entity type, and per outlet for all types together."""
    path = news_ner.DATA_DIR / f"{split}.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    texts = news_ner.texts_for((r["id"] for r in records), news_ner.CORPUS)
    tallies: dict[str, Any] = defaultdict(SCORE.Tally)
    crashes: list[str] = []
    for record in records:
        text = texts[record["id"]]
        try:
            art: beritakit.Article | None = beritakit.extract(text, id=record["id"])
        except beritakit.BeritakitError as exc:  # scored as an article with no entities
            print(f"{record['id']}: {exc}", file=sys.stderr)
            crashes.append(record["id"])
            art = None
        gold = gold_entities(text, record["spans"])
        for label, field in FIELDS.items():
            predicted = [SCORE.names_of(e.model_dump(mode="json")) for e in getattr(art, field, ())]
            pairs, missed, extra = SCORE.match_sets(
                gold[label], predicted, lambda g, p: bool(g & p)
            )
            for key in (field, f"outlet {record['outlet']}"):
                tallies[key].add(len(pairs), len(extra), len(missed))
    result = {key: dict(zip("prf", t.prf(), strict=True)) for key, t in sorted(tallies.items())}
    result["crashes"] = {"n": float(len(crashes))}
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=news_ner.SPLITS, default="validation")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = score(args.split)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"| {args.split} | P | R | F1 |\n|---|---|---|---|")
    for key, prf in result.items():
        if key == "crashes":
            print(f"| articles that failed (scored as empty) | {int(prf['n'])} | | |")
            continue
        print(f"| {key} | {prf['p']:.3f} | {prf['r']:.3f} | **{prf['f']:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
