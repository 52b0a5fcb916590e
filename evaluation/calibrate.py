"""Fit the confidence tables of entities and quotes on the dev articles; print their reliability.

Usage (from the project root, after ``make setup``):

    .venv/bin/python evaluation/calibrate.py            # reliability tables, nothing written
    .venv/bin/python evaluation/calibrate.py --write    # also rewrite the two confidence tables

What it does:

1. Runs ``beritakit.extract`` over the dev articles (``../shared/data/articles/dev.gold.jsonl``)
   and labels every person, organisation, place and quote of each record right or wrong
   with the matching of ``../shared/tools/score.py`` (its ``match_sets``, ``names_of``,
   ``alts``, ``norm``, imported, not copied): an entity is right when the scorer matches it
   to a gold entity; a quote when the scorer finds it *and* its speaker is the gold's
   (``quotes(found+speaker)``).
2. Describes each value by its calibration key (``entities.entity_key``,
   ``quotes.quote_key``: type, evidence, mention count, name shape, code; a quote's kind,
   ``speaker_evidence`` and speaker), the same key the runtime looks up.
3. Fits, per type (people, organisations, places, quotes), an L2-regularised logistic
   regression (scikit-learn, only in the ``dev`` extra) on one-hot features of the key's
   parts (the evidence set as one part, and each evidence tag on its own), and writes its
   probability for every key of the grid (every combination of the parts seen on dev or
   validation, every subset of the evidence tags) to a table beside each extractor
   (``entity_confidence.tsv``, ``quote_confidence.tsv``). The runtime only looks the key
   up. Logistic regression is monotone in one linear score; its probabilities are
   checked below, not assumed.
4. Reports reliability (values per confidence bin and the share right) three ways: on dev
   *cross-fitted* (the articles split into 5 folds; each fold's values get the confidence
   of a table fitted on the other four: the honest dev figure), on dev with the table
   fitted on all of it (what the shipped table gives, checked by tests/test_confidence.py),
   and on the annotated news validation split (entities only: its gold has no quotes;
   gold built as ``evaluation/score_news.py`` builds it). The test split is never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import beritakit
from beritakit.extractors.entities import entity_key
from beritakit.extractors.quotes import quote_key

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "data" / "articles" / "dev.gold.jsonl"
PACKAGE = ROOT / "src" / "beritakit" / "extractors"
TABLES = {
    "entities": PACKAGE / "entities" / "entity_confidence.tsv",
    "quotes": PACKAGE / "quotes" / "quote_confidence.tsv",
}
GROUPS = ("PER", "ORG", "LOC", "quote")
FOLDS = 5
SEED = 13
C = 1.0  # inverse L2 strength of the logistic regressions
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)
HIGH = 0.9  # the issue's bar: among values given >= 0.9, >= 90 % right

sys.path.insert(0, str(ROOT / "evaluation"))
from variants import scorer  # noqa: E402

SCORE = scorer()  # ../shared/tools/score.py


@dataclass(frozen=True, slots=True)
class Value:
    """One person, organisation, place or quote of a record, labelled against the gold."""

    article: str
    group: str  # PER, ORG, LOC or quote
    key: str
    right: bool
    confidence: float | None  # what the record says (the shipped table)


# -- keys of record values ----------------------------------------------------------------


def keys_of(art: beritakit.Article) -> dict[str, list[tuple[str, float | None]]]:
    """The calibration key and confidence of every value of a record, by field."""
    people = {p.name: len(p.mentions) for p in art.people}
    orgs = {o.name for o in art.organizations}
    return {
        "people": [
            (
                entity_key(
                    "PER",
                    p.evidence,
                    len(p.mentions),
                    p.name,
                    described=bool(p.roles or p.honorifics),
                ),
                p.confidence,
            )
            for p in art.people
        ],
        "organizations": [
            (entity_key("ORG", o.evidence, len(o.mentions), o.name), o.confidence)
            for o in art.organizations
        ],
        "places": [
            (
                entity_key(
                    "LOC",
                    p.evidence,
                    len(p.mentions),
                    p.name,
                    code=p.code,
                    candidates=bool(p.candidates),
                    kind=p.kind,
                ),
                p.confidence,
            )
            for p in art.places
        ],
        "quotes": [
            (quote_key(q.kind, q.speaker_evidence, q.speaker, people, orgs), q.confidence)
            for q in art.quotes
        ],
    }


# -- labels -----------------------------------------------------------------------------------

_GROUP = {"people": "PER", "organizations": "ORG", "places": "LOC", "quotes": "quote"}


def _speaker_of(q: dict[str, Any]) -> Any:
    sp = q.get("speaker")
    return sp.get("name") if isinstance(sp, dict) else sp


def _holds(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """score.py's quote match (its ``holds``): the gold snippet lies inside the quote."""
    x, y = SCORE.norm(a["text"]), SCORE.norm(b.get("text"))
    return bool(x and y) and x in y


def _same_speaker(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """score.py's ``same_speaker``."""
    if a.get("speaker") is None:
        return not _speaker_of(b)
    return bool(SCORE.alts(a["speaker"]) & {SCORE.norm(_speaker_of(b))})


def label_dev(gold: dict[str, Any], art: beritakit.Article) -> list[Value]:
    """Each value of ``art`` right or wrong against one dev gold article."""
    record = art.to_dict()
    keys = keys_of(art)
    out: list[Value] = []
    for field, gkey in (
        ("people", "persons"),
        ("organizations", "organizations"),
        ("places", "places"),
        ("quotes", "quotes"),
    ):
        preds = record[field]
        if field == "quotes":
            pairs, _, _ = SCORE.match_sets(gold[gkey], preds, _holds)
            right = {id(b) for a, b in pairs if _same_speaker(a, b)}
        else:
            pairs, _, _ = SCORE.match_sets(
                gold[gkey],
                preds,
                lambda a, b: bool(SCORE.alts(SCORE.gold_name(a)) & SCORE.names_of(b)),
            )
            right = {id(b) for _, b in pairs}
        for pred, (key, conf) in zip(preds, keys[field], strict=True):
            out.append(Value(gold["id"], _GROUP[field], key, id(pred) in right, conf))
    return out


def dev_values(gold_path: Path = DEV_GOLD) -> list[Value]:
    """Run the pipeline over the dev gold articles and label every value."""
    out: list[Value] = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        given = {k: v for k, v in (gold.get("given") or {}).items() if v is not None}
        if "published" in given:  # as score.py passes it
            given["published"] = dt.date.fromisoformat(given["published"][:10])
        out += label_dev(gold, beritakit.extract(gold["text"], **given))
    return out


def validation_values() -> list[Value]:
    """Label the entities of the annotated news validation split (score_news.py's gold)."""
    import score_news  # noqa: PLC0415  (evaluation/score_news.py; needs training/ on the path)

    news_ner = score_news.news_ner
    path = news_ner.DATA_DIR / "validation.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    texts = news_ner.texts_for((r["id"] for r in records), news_ner.CORPUS)
    out: list[Value] = []
    for record in records:
        text = texts[record["id"]]
        art = beritakit.extract(text, id=record["id"])
        gold = score_news.gold_entities(text, record["spans"])
        keys = keys_of(art)
        for label, field in score_news.FIELDS.items():
            values = getattr(art, field)
            names = [SCORE.names_of(e.model_dump(mode="json")) for e in values]
            pairs, _, _ = SCORE.match_sets(gold[label], names, lambda g, p: bool(g & p))
            right = {id(p) for _, p in pairs}
            for pred, (key, conf) in zip(names, keys[field], strict=True):
                out.append(Value(record["id"], _GROUP[field], key, id(pred) in right, conf))
    return out


# -- fitting ----------------------------------------------------------------------------------


def features(key: str) -> dict[str, float]:
    """One-hot features of a key: each part, and each evidence tag on its own.

    (Pairs of parts as features too, with C 0.3 or 1, or C=0.3, gave Brier scores within
    0.002 of these on dev cross-fitted and none better on validation: the simplest is kept.)
    """
    group, *parts = key.split(" ")
    out = {f"{i}={p}": 1.0 for i, p in enumerate(parts)}
    if group != "quote":
        for tag in parts[0].split("+"):
            out[f"tag={tag}"] = 1.0
    return out


def fit(values: Sequence[Value], grid: dict[str, list[str]]) -> dict[str, float]:
    """Fit each group's logistic regression on ``values``; return a confidence per key.

    ``grid`` lists, per group, every key to give a confidence; each group's own name is
    a key too (its share right, with one right and one wrong value added), the fallback
    for a key the table lacks.
    """
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    table: dict[str, float] = {}
    for group in GROUPS:
        rows = [v for v in values if v.group == group]
        if not rows:
            continue
        right = sum(v.right for v in rows)
        table[group] = (right + 1) / (len(rows) + 2)
        if len({v.right for v in rows}) < 2:
            table.update(dict.fromkeys(grid[group], table[group]))
            continue
        vec = DictVectorizer()
        x = vec.fit_transform([features(v.key) for v in rows])
        model = LogisticRegression(C=C, max_iter=5000)
        model.fit(x, [v.right for v in rows])
        keys = grid[group]
        probs = model.predict_proba(vec.transform([features(k) for k in keys]))[:, 1]
        table.update(zip(keys, (float(p) for p in probs), strict=True))
    return table


def make_grid(keys: Iterable[str]) -> dict[str, list[str]]:
    """Every key made of the parts seen (per group and position) and every evidence subset."""
    seen: dict[str, list[set[str]]] = defaultdict(list)
    for key in keys:
        group, *parts = key.split(" ")
        slots = seen[group]
        while len(slots) < len(parts):
            slots.append(set())
        for slot, part in zip(slots, parts, strict=False):
            slot.add(part)
    grid: dict[str, list[str]] = {}
    for group, slots in seen.items():
        choices = [sorted(s) for s in slots]
        if group != "quote":  # position 0 is the evidence: every subset of the tags seen
            tags = sorted({t for combo in slots[0] for t in combo.split("+") if t != "-"})
            choices[0] = [
                "+".join(c)
                for n in range(1, len(tags) + 1)
                for c in itertools.combinations(tags, n)
            ]
        grid[group] = [" ".join([group, *combo]) for combo in itertools.product(*choices)]
    return grid


def folds(values: Sequence[Value], k: int = FOLDS) -> list[set[str]]:
    """The dev articles in ``k`` folds (shuffled with a fixed seed)."""
    articles = sorted({v.article for v in values})
    random.Random(SEED).shuffle(articles)
    return [set(articles[i::k]) for i in range(k)]


def cross_fitted(values: Sequence[Value], grid: dict[str, list[str]]) -> list[float]:
    """Each value's confidence from a table fitted on the folds without its article."""
    out: dict[int, float] = {}
    for held in folds(values):
        table = fit([v for v in values if v.article not in held], grid)
        for n, v in enumerate(values):
            if v.article in held:
                out[n] = lookup(table, v)
    return [out[n] for n in range(len(values))]


def lookup(table: dict[str, float], v: Value) -> float:
    """A table's confidence of a value, as the runtime looks it up (its group's when absent)."""
    return table.get(v.key, table.get(v.group, 0.5))


# -- reporting ----------------------------------------------------------------------------------


def reliability(values: Sequence[Value], confs: Sequence[float]) -> list[dict[str, Any]]:
    """Values per confidence bin: count, mean confidence, share right."""
    rows = []
    for lo, hi in itertools.pairwise(BINS):
        inside = [
            (c, v.right)
            for v, c in zip(values, confs, strict=True)
            if lo <= c < hi or (hi == 1.0 and c == 1.0)
        ]
        n = len(inside)
        rows.append(
            {
                "bin": f"[{lo:.2f}, {hi:.2f}{']' if hi == 1.0 else ')'}",
                "n": n,
                "confidence": sum(c for c, _ in inside) / n if n else None,
                "right": sum(r for _, r in inside) / n if n else None,
            }
        )
    return rows


def high(
    values: Sequence[Value], confs: Sequence[float], group: str | None = None
) -> dict[str, Any]:
    """Among values with confidence >= 0.9 (of one group, or all): how many, share right."""
    pairs = [(v, c) for v, c in zip(values, confs, strict=True) if group in (None, v.group)]
    top = [v.right for v, c in pairs if c >= HIGH]
    return {
        "n": len(top),
        "of": len(pairs),
        "right": sum(top) / len(top) if top else None,
    }


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}"


def markdown(title: str, values: Sequence[Value], confs: Sequence[float]) -> str:
    lines = [f"| {title} | values | mean confidence | share right |", "|---|---:|---:|---:|"]
    for row in reliability(values, confs):
        lines.append(
            f"| {row['bin']} | {row['n']} | {_fmt(row['confidence'])} | {_fmt(row['right'])} |"
        )
    for group in (None, *GROUPS):
        h = high(values, confs, group)
        if h["of"]:
            label = "all" if group is None else group
            lines.append(f"| ≥ 0.90, {label} | {h['n']} of {h['of']} | | {_fmt(h['right'])} |")
    return "\n".join(lines)


def brier(values: Sequence[Value], confs: Sequence[float]) -> float:
    return sum((c - v.right) ** 2 for v, c in zip(values, confs, strict=True)) / len(values)


def write_tables(table: dict[str, float], values: Sequence[Value]) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for v in values:
        for key in (v.key, v.group):
            counts[key][0] += 1
            counts[key][1] += v.right
    header = (
        "# Calibrated confidence, written by evaluation/calibrate.py --write (do not edit by\n"
        "# hand): key, confidence, then how many dev values had the key and how many of them\n"
        "# were right (the runtime reads only the first two columns). Method and reliability:\n"
        "# docs/accuracy.md, 'Confidence'.\n"
        "key\tconfidence\tdev_values\tdev_right\n"
    )
    for name, path in TABLES.items():
        keys = sorted(k for k in table if (k.split(" ")[0] == "quote") == (name == "quotes"))
        lines = [f"{k}\t{table[k]:.3f}\t{counts[k][0]}\t{counts[k][1]}\n" for k in keys]
        path.write_text(header + "".join(lines), encoding="utf-8")
        print(f"wrote {len(keys)} keys to {path.relative_to(ROOT)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="rewrite the two confidence tables")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    ap.add_argument("--no-validation", action="store_true", help="dev only")
    args = ap.parse_args(argv)

    dev = dev_values()
    val = [] if args.no_validation else validation_values()
    grid = make_grid(v.key for v in [*dev, *val])
    table = fit(dev, grid)
    crossed = cross_fitted(dev, grid)
    fitted = [lookup(table, v) for v in dev]
    on_val = [lookup(table, v) for v in val]
    print(markdown("dev, cross-fitted (5 folds by article)", dev, crossed), end="\n\n")
    print(markdown("dev, table fitted on all of dev", dev, fitted), end="\n\n")
    if val:
        print(markdown("validation (entities), shipped table", val, on_val), end="\n\n")
    print(
        f"Brier score: dev cross-fitted {brier(dev, crossed):.4f}, "
        f"dev fitted {brier(dev, fitted):.4f}"
        + (f", validation {brier(val, on_val):.4f}" if val else "")
    )
    if args.json:
        figures = {
            "dev_cross_fitted": {"bins": reliability(dev, crossed), "high": high(dev, crossed)},
            "dev_fitted": {"bins": reliability(dev, fitted), "high": high(dev, fitted)},
            "validation": {"bins": reliability(val, on_val), "high": high(val, on_val)},
        }
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.write:
        write_tables(table, dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
