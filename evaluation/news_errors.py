"""Where the pipeline loses entities on the annotated news validation (or train) split, never test.

For each gold entity (built as ``score_news.py`` builds them) it says whether the raw NER
model found one of its names and whether the record has it; then it lists the entities the
model found but the record lost, and the record's entities that match no gold entity.

    .venv/bin/python evaluation/news_errors.py --label ORG
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import score_news
import spacy

import beritakit
from beritakit.models import ner_model_path

FIELDS = score_news.FIELDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--label", choices=sorted(FIELDS), action="append")
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument(
        "--split",
        choices=("validation", "train", "heldout"),
        default="validation",
        help="train: text no rule was written from, but the model was trained on it; "
        "heldout: reviewed pipeline drafts the shipped model never saw",
    )
    args = parser.parse_args(argv)
    labels = args.label or sorted(FIELDS)
    nlp = spacy.load(ner_model_path())
    norm = score_news.SCORE.norm
    path = Path(score_news.news_ner.DATA_DIR) / f"{args.split}.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    texts = score_news.news_ner.texts_for((r["id"] for r in records), score_news.news_ner.CORPUS)
    table: Counter[tuple[str, bool, bool]] = Counter()
    lost: Counter[tuple[str, str]] = Counter()
    extra: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    for record in records:
        text = texts[record["id"]]
        art = beritakit.extract(text)
        gold = score_news.gold_entities(text, record["spans"])
        doc = nlp(text)
        for label in labels:
            found = getattr(art, FIELDS[label])
            model = {norm(e.text) for e in doc.ents if e.label_ == label}
            names = [score_news.SCORE.names_of(e.model_dump(mode="json")) for e in found]
            predicted = set().union(*names) if names else set()
            for variants in gold[label]:
                in_model, in_record = bool(variants & model), bool(variants & predicted)
                table[(label, in_model, in_record)] += 1
                if in_model and not in_record:
                    lost[(label, sorted(variants)[0])] += 1
                elif not in_model and not in_record:
                    missed[(label, sorted(variants)[0])] += 1
            for entity, entity_names in zip(found, names, strict=True):
                if not any(entity_names & variants for variants in gold[label]):
                    extra[(label, entity.name)] += 1
    print("| label | model found | record has | gold entities |\n|---|---|---|---|")
    for (label, in_model, in_record), n in sorted(table.items()):
        print(f"| {label} | {in_model} | {in_record} | {n} |")
    print("\nLost (the model found it, the record does not):")
    print("; ".join(f"{lab} {name}" for (lab, name), _ in lost.most_common(args.top)))
    print("\nMissed (neither the model nor the record has it):")
    print("; ".join(f"{lab} {name}" for (lab, name), _ in missed.most_common(args.top)))
    print("\nExtra (in the record, not in the gold):")
    print("; ".join(f"{lab} {name}" for (lab, name), _ in extra.most_common(args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
