"""Span-level P/R/F1 per label of beritakit's NER model on the held-out Indonesian NER test sets."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import regex
import spacy
from spacy.language import Language
from spacy.training import Example

REPO_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_DIR / "training"))

import ner_corpus  # noqa: E402
import news_ner  # noqa: E402

DEFAULT_MODEL = REPO_DIR / "src" / "beritakit" / "models" / "ner-id"
DEFAULT_ARTICLES = REPO_DIR.parent / "shared" / "data" / "articles" / "dev.gold.jsonl"
LABELS = ner_corpus.LABELS
GOLD_FIELDS = {"PER": "persons", "ORG": "organizations", "LOC": "places"}
Scores = dict[str, dict[str, float]]


def _examples(
    nlp: Language,
    sentences: Iterable[ner_corpus.Sentence],
    as_published: bool,
) -> list[Example]:
    """Gold Docs paired with untagged Docs made by the model's own tokenizer from raw text."""
    examples = []
    for sentence in sentences:
        if as_published:
            reference = ner_corpus.conll_doc(nlp, sentence)
        else:
            reference = ner_corpus.sentence_to_doc(nlp, sentence)
        examples.append(Example(nlp.make_doc(reference.text), reference))
    return examples


def score_sentences(
    nlp: Language, sentences: Sequence[ner_corpus.Sentence], *, as_published: bool = False
) -> Scores:
    """Score the model on gold sentences with spaCy's span scorer.

    The text given to the model is rebuilt from the corpus tokens and tokenised by the
    model's tokenizer, as at inference; the scorer aligns those tokens to the gold ones.

    Args:
        nlp: The NER pipeline.
        sentences: Gold sentences.
        as_published: Compare against the corpus's own tokens and spans instead of the
            harmonised ones (brackets glued to tokens left in the entity).

    Returns:
        ``{"ALL": {"p", "r", "f", "n"}, "PER": {...}, ...}`` (fractions; n = gold entities).
    """
    return _score(nlp, _examples(nlp, sentences, as_published))


def score_docs(nlp: Language, references: Sequence[Any]) -> Scores:
    """Score the model on gold Docs (tokens missing in the gold are not scored)."""
    return _score(nlp, [Example(nlp.make_doc(ref.text), ref) for ref in references])


def _score(nlp: Language, examples: list[Example]) -> Scores:
    result: dict[str, Any] = nlp.evaluate(examples)
    counts = {label: 0 for label in LABELS}
    for eg in examples:
        for ent in eg.reference.ents:
            counts[ent.label_] += 1
    per_type: dict[str, dict[str, float]] = result.get("ents_per_type") or {}
    scores: Scores = {
        "ALL": {
            "p": float(result["ents_p"] or 0.0),
            "r": float(result["ents_r"] or 0.0),
            "f": float(result["ents_f"] or 0.0),
            "n": float(sum(counts.values())),
        }
    }
    for label in LABELS:
        found = per_type.get(label, {"p": 0.0, "r": 0.0, "f": 0.0})
        scores[label] = {
            "p": float(found["p"]),
            "r": float(found["r"]),
            "f": float(found["f"]),
            "n": float(counts[label]),
        }
    return scores


_SPACES = regex.compile(r"[^\S\n]")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff]")
_FOLD_EDGES = regex.compile(r"^[\W_]{1,50}|[\W_]{1,50}$")
_FOLD_SPACES = regex.compile(r"\s{1,1000}")


def _normalise(text: str) -> str:
    """The normalisation beritakit applies before NER (NFC, one kind of space, no ZW chars)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))


def _fold(name: str) -> str:
    name = _FOLD_SPACES.sub(" ", name.casefold().replace(".", " ")).strip()
    return _FOLD_EDGES.sub("", name)


def score_articles(nlp: Language, path: Path) -> Scores:
    """Name-level P/R/F1 of the raw NER output against the gold article entity lists.

    Rough guide only: the gold lists canonical names (no honorifics) from the body and
    leaves out the outlet and dateline, which the NER model alone cannot know. A predicted
    name is correct when it folds to a variant of a gold entry of its type; recall counts
    gold entries found.

    Args:
        nlp: The NER pipeline.
        path: ``dev.gold.jsonl``.

    Returns:
        Scores as in ``score_sentences`` (n = gold entries).
    """
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = nlp.pipe(_normalise(r["text"]) for r in records)
    totals = {label: {"tp_pred": 0, "pred": 0, "tp_gold": 0, "gold": 0} for label in LABELS}
    for record, doc in zip(records, docs, strict=True):
        for label in LABELS:
            entries = []
            for item in record.get(GOLD_FIELDS[label]) or []:
                name = item["name"] if isinstance(item, dict) else item
                entries.append({_fold(v) for v in name.split("|")})
            predicted = {_fold(e.text) for e in doc.ents if e.label_ == label} - {""}
            matched = [any(p in entry for p in predicted) for entry in entries]
            counts = totals[label]
            counts["pred"] += len(predicted)
            counts["tp_pred"] += sum(any(p in e for e in entries) for p in predicted)
            counts["gold"] += len(entries)
            counts["tp_gold"] += sum(matched)

    def prf(c: dict[str, int]) -> dict[str, float]:
        p = c["tp_pred"] / c["pred"] if c["pred"] else 0.0
        r = c["tp_gold"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f": f, "n": float(c["gold"])}

    scores: Scores = {label: prf(totals[label]) for label in LABELS}
    total = {k: sum(totals[label][k] for label in LABELS) for k in totals["PER"]}
    return {"ALL": prf(total), **scores}


def _case(sentences: Sequence[ner_corpus.Sentence], fn: Callable[[str], str]) -> list[Any]:
    out = []
    for s in sentences:
        tokens = tuple(fn(t) for t in s.tokens)
        if all(len(a) == len(b) for a, b in zip(tokens, s.tokens, strict=True)):
            out.append(replace(s, tokens=tokens))
        else:
            out.append(s)
    return out


def evaluate(
    model: Path, data_dir: Path, articles: Path | None = None, *, extra: bool = True
) -> dict[str, Scores]:
    """Score the model on every evaluation set.

    Args:
        model: Model folder (``spacy.load`` path).
        data_dir: ``shared/data/ner``.
        articles: ``dev.gold.jsonl`` for the rough article check, or None to skip it.
        extra: Also score idner-news-2k test as published, lower-cased and upper-cased.

    Returns:
        Scores per evaluation set name.
    """
    nlp = spacy.load(model)
    results: dict[str, Scores] = {}
    for name, spec in ner_corpus.EVAL_SPLITS.items():
        results[name] = score_sentences(nlp, ner_corpus.read_split(spec, data_dir))
    for split in ("validation", "test"):
        lines = news_ner.read_lines(split)
        if lines:
            results[f"news-ner {split} ({len({x.article for x in lines})} articles)"] = score_docs(
                nlp, [news_ner.line_to_doc(nlp, line) for line in lines]
            )
    if extra:
        idner = ner_corpus.read_split(ner_corpus.IDNER_TEST, data_dir)
        published = ner_corpus.read_split(ner_corpus.IDNER_TEST, data_dir, harmonise=False)
        results["idner-news-2k test, as published"] = score_sentences(
            nlp, published, as_published=True
        )
        results["idner-news-2k test, lower-cased"] = score_sentences(nlp, _case(idner, str.lower))
        results["idner-news-2k test, upper-cased"] = score_sentences(nlp, _case(idner, str.upper))
    if articles is not None and articles.exists():
        results["dev articles (names, raw NER)"] = score_articles(nlp, articles)
    return results


def format_table(results: dict[str, Scores]) -> str:
    """Render the scores as a Markdown table (percentages).

    Args:
        results: Output of ``evaluate``.

    Returns:
        The table.
    """
    header = "| set | " + " | ".join(f"{lab} P/R/F1" for lab in (*LABELS, "ALL")) + " |"
    lines = [header, "|---|" + "---|" * (len(LABELS) + 1)]
    for name, scores in results.items():
        cells = []
        for label in (*LABELS, "ALL"):
            s = scores[label]
            cells.append(f"{100 * s['p']:.1f} / {100 * s['r']:.1f} / **{100 * s['f']:.1f}**")
        n = int(scores["ALL"]["n"])
        lines.append(f"| {name} (n={n}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the evaluation table (``make eval-ner``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--data", type=Path, default=ner_corpus.DEFAULT_DATA_DIR)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--no-articles", action="store_true")
    parser.add_argument("--core", action="store_true", help="only the three main sets")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    articles = None if args.no_articles or args.core else args.articles
    results = evaluate(args.model, args.data, articles, extra=not args.core)
    print(json.dumps(results, indent=2) if args.json else format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
