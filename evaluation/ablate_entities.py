"""Switch off one rule of the entity layer at a time and score dev and news validation.

Each ablation below patches one rule of ``beritakit.extractors.entities`` (a filter that
drops, relabels or trims model spans, or a rule that adds or extends names) so that it
does nothing, then scores people, organisations and places:

- dev: the 155 dev articles, as ``../shared/tools/score.py`` scores them (its ``norm``,
  ``names_of``, ``match_sets``), plus ``people.role``;
- val: the annotated news validation split, as ``evaluation/score_news.py`` scores it
  (``--news-split train``: the training split instead, a second check on text no rule was
  written from; the model was trained on it, so its spans there are near the gold).

A rule earns its place when switching it off costs on validation, not only on dev. The
NER model runs once per article (its Docs are kept); only the entity stage and the
stages after it run again for each ablation, so a row takes a few seconds.

    .venv/bin/python evaluation/ablate_entities.py            # every ablation
    .venv/bin/python evaluation/ablate_entities.py --only org_evidence --verbose

Never pass the test split here: it is for the final report only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import score_news

import beritakit
from beritakit.extractors.entities import _cluster, _find, _people_rules
from beritakit.extractors.entities import _org_place_rules as _opr

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = ROOT.parent / "shared" / "data" / "articles" / "dev.gold.jsonl"
SC = score_news.SCORE
FIELDS = ("people", "organizations", "places")

Patch = tuple[object, str, object]


def _always(value: object) -> Callable[..., object]:
    def patched(*_args: object, **_kwargs: object) -> object:
        return value

    return patched


# name -> (what is switched off, the patches that switch it off)
ABLATIONS: dict[str, tuple[str, Callable[[], list[Patch]]]] = {
    "cited_media": (
        "media named after a citation verb (dilansir dari X) are organisations",
        lambda: [(_find._Finder, "_cited", _always(None))],
    ),
    "maker_product": (
        "a maker named with its model after a vehicle noun (motor Yamaha RX King) is a product",
        lambda: [(_find, "names_a_product", _always(False))],
    ),
    "own_outlet": (
        "an outlet after a newsroom word (pantauan detikcom) is the article's own",
        lambda: [(_find, "own_outlet", _always(False))],
    ),
    "org_evidence": (
        "model ORG spans kept only with an organisation word or two tags",
        lambda: [(_find._Finder, "_org_evidence", _always(True))],
    ),
    "not_person": (
        "model PER spans ending in a thing's head word or a number",
        lambda: [(_find._Finder, "_not_person", _always(False))],
    ),
    "is_person": (
        "people dropped after clustering (one-word common words, headlines ...)",
        lambda: [(_find._Finder, "_is_person", _always(True))],
    ),
    "widen_name": (
        "model PER spans widened over next capitalised words",
        lambda: [(_find._Finder, "_widen_name", lambda self, i, j: (i, j))],
    ),
    "headlines": (
        "title-case lines blocked",
        lambda: [(_find._Finder, "_headlines", _always(None))],
    ),
    "retype_people": (
        "model ORG/LOC spans retyped PER when a person has those words",
        lambda: [(_find._Finder, "_retype_people", _always(None))],
    ),
    "name_lists": (
        "names in comma lists with people taken as people",
        lambda: [(_people_rules.PeopleRules, "_name_lists", _always(None))],
    ),
    "known_names": (
        "later bare mentions of a rule-found person",
        lambda: [(_people_rules.PeopleRules, "_known_names", _always(None))],
    ),
    "appositions": (
        "NAME, ROLE / NAME alias NAME people",
        lambda: [
            (_people_rules.PeopleRules, "_appositions", lambda self, a, b: None),
        ],
    ),
    "korean_names": (
        "Korean family name + hyphenated given name",
        lambda: [(_people_rules.PeopleRules, "_korean_names", _always(None))],
    ),
    "people_rules": (
        "every people rule (the model alone finds people)",
        lambda: [(_people_rules.PeopleRules, "find", _always(None))],
    ),
    "org_rules": (
        "every organisation rule (heads, gazetteer, suffixes, acronym definitions)",
        lambda: [(_opr.OrgPlaceRules, "orgs", lambda self, defs: None)],
    ),
    "place_rules": (
        "every place rule (heads, gazetteer)",
        lambda: [(_opr.OrgPlaceRules, "places", _always(None))],
    ),
    "headline_like": (
        "people whose name runs into a title-case headline",
        lambda: [
            (_cluster, "headline_like", _always(False)),
            (_find, "headline_like", _always(False)),
        ],
    ),
}


class Runner:
    """The pipeline with its NER Docs kept, and the two gold sets."""

    def __init__(self, val_split: str = "validation") -> None:
        self.pipeline = beritakit.load()
        docs: dict[str, Any] = {}
        real = self.pipeline._docs

        def cached(contexts: list[Any]) -> Iterator[Any]:
            for ctx in contexts:
                key = ctx.body.text if ctx.body is not None else ""
                if key not in docs:
                    docs[key] = next(real([ctx]))
                yield docs[key]

        self.pipeline._docs = cached  # type: ignore[method-assign]
        with DEV_GOLD.open(encoding="utf-8") as handle:
            self.dev = [json.loads(line) for line in handle if line.strip()]
        path = score_news.news_ner.DATA_DIR / f"{val_split}.jsonl"
        with path.open(encoding="utf-8") as handle:
            self.val = [json.loads(line) for line in handle if line.strip()]
        texts = score_news.news_ner.texts_for(
            (r["id"] for r in self.val), score_news.news_ner.CORPUS
        )
        self.val_texts = {r["id"]: texts[r["id"]] for r in self.val}

    def figures(self, say: Callable[[str], None] | None = None) -> dict[str, float]:
        import datetime as dt  # noqa: PLC0415

        tallies: dict[str, Any] = defaultdict(SC.Tally)
        role = SC.Accuracy()
        for g in self.dev:
            given = {k: v for k, v in (g.get("given") or {}).items() if v is not None}
            if "published" in given:
                given["published"] = dt.date.fromisoformat(given["published"][:10])
            art = SC.as_dict(self.pipeline(g["text"], **given))
            for field in FIELDS:
                gkey = "persons" if field == "people" else field
                if gkey not in g:
                    continue
                pairs, missed, extra = SC.match_sets(
                    g[gkey],
                    art.get(field) or [],
                    lambda a, b: bool(SC.alts(SC.gold_name(a)) & SC.names_of(b)),
                )
                tallies[f"dev {field}"].add(len(pairs), len(extra), len(missed))
                if say:
                    for m in missed:
                        say(f"dev {g['id']} {field} missed {SC.gold_name(m)}")
                    for e in extra:
                        say(f"dev {g['id']} {field} extra {e.get('name')}")
                if field == "people":
                    for ga, pa in pairs:
                        if isinstance(ga, dict) and ga.get("role"):
                            role.add(
                                any(
                                    SC.token_jaccard(ga["role"], r) >= 0.6
                                    for r in pa.get("roles") or []
                                )
                            )
        for record in self.val:
            text = self.val_texts[record["id"]]
            art = SC.as_dict(self.pipeline(text, id=record["id"]))
            gold = score_news.gold_entities(text, record["spans"])
            for label, field in score_news.FIELDS.items():
                predicted = [SC.names_of(e) for e in art.get(field) or []]
                pairs, missed, extra = SC.match_sets(
                    gold[label], predicted, lambda g, p: bool(g & p)
                )
                tallies[f"val {field}"].add(len(pairs), len(extra), len(missed))
                if say:
                    for m in missed:
                        say(f"val {record['id']} {field} missed {sorted(m)[0]}")
                    for e in extra:
                        say(f"val {record['id']} {field} extra {sorted(e)[0]}")
        out = {key: t.prf()[2] for key, t in sorted(tallies.items())}
        out["dev people.role"] = role.value()
        return out


@contextlib.contextmanager
def patched(patches: list[Patch]) -> Iterator[None]:
    saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in patches]
    try:
        for obj, attr, value in patches:
            setattr(obj, attr, value)
        yield
    finally:
        for obj, attr, value in saved:
            setattr(obj, attr, value)


COLUMNS = (
    ("dev people", "dP"),
    ("dev organizations", "dO"),
    ("dev places", "dL"),
    ("dev people.role", "dRole"),
    ("val people", "vP"),
    ("val organizations", "vO"),
    ("val places", "vL"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(ABLATIONS))
    parser.add_argument("--none", action="store_true", help="no ablation: the code as is")
    parser.add_argument("--verbose", action="store_true", help="list what each ablation changes")
    parser.add_argument("--save", type=Path, help="write the figures and errors of the code as is")
    parser.add_argument("--against", type=Path, help="compare the code as is with a --save file")
    parser.add_argument(
        "--news-split",
        choices=("validation", "train"),
        default="validation",
        help="the news split of the val columns; train is a check on articles no rule was "
        "written from, but the NER model was trained on them (its spans are near the gold)",
    )
    args = parser.parse_args(argv)
    runner = Runner(args.news_split)
    base_lines: list[str] = []
    base = runner.figures(base_lines.append)
    if args.save:
        args.save.write_text(json.dumps({"figures": base, "errors": base_lines}), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        print("| figure | before | after |\n|---|---|---|")
        for key, _ in COLUMNS:
            print(f"| {key} | {before['figures'][key]:.3f} | {base[key]:.3f} |")
        old, new = set(before["errors"]), set(base_lines)
        for line in sorted(old - new):
            print(f"    fixed: {line}")
        for line in sorted(new - old):
            print(f"    new:   {line}")
        return 0
    print("| ablation | " + " | ".join(short for _, short in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    print("| (none) | " + " | ".join(f"{base[key]:.3f}" for key, _ in COLUMNS) + " |")
    for name in [] if args.none else args.only or ABLATIONS:
        what, patches = ABLATIONS[name]
        lines: list[str] = []
        with patched(patches()):
            got = runner.figures(lines.append if args.verbose else None)
        cells = " | ".join(f"{got[key] - base[key]:+.3f}" for key, _ in COLUMNS)
        print(f"| {name}: {what} | {cells} |", flush=True)
        if args.verbose:
            old, new = set(base_lines), set(lines)
            for line in sorted(old - new):
                print(f"    fixed: {line}")
            for line in sorted(new - old):
                print(f"    new:   {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
