"""Read the stand-off news NER annotations (``training/data/news-ner``) as spaCy Docs.

Each record names a corpus article (id and sha256 of its text), the lines that are not
article body (``skip``) and the entity spans (character offsets into the text). The texts
come from ``../shared/data/corpus/news.jsonl.gz``; a text whose sha256 differs is an error,
never silently used.

A Doc is one body line (news lines are paragraphs; a scraper that lost the line breaks
gives one long line). Entity spans are projected onto the tokens of the tokenizer given;
a span that does not fall on token boundaries (a name glued to a neighbour by the scraper,
``wisataGunung Bromo``) marks its tokens *missing*, so training neither rewards nor
punishes the model there.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotate import sha256, texts_for
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data" / "news-ner"
CORPUS = HERE.parent.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"
# heldout: reviewed training batches kept out of the shipped model's data (annotate.HELD_OUT)
SPLITS = ("train", "validation", "test", "heldout")


@dataclass(frozen=True)
class Line:
    """One body line of an annotated article with its spans (offsets into the line)."""

    article: str
    outlet: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


def read_lines(split: str, data_dir: Path = DATA_DIR, corpus: Path = CORPUS) -> list[Line]:
    """The annotated body lines of one split (empty if the split file does not exist)."""
    path = data_dir / f"{split}.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    texts = texts_for((r["id"] for r in records), corpus)
    lines: list[Line] = []
    for record in records:
        text = texts.get(record["id"])
        if text is None:
            raise ValueError(f"{record['id']}: not in {corpus}")
        if sha256(text) != record["sha256"]:
            raise ValueError(f"{record['id']}: text differs from the annotated one (sha256)")
        skipped = {start for start, _ in record["skip"]}
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            if line.strip() and start not in skipped:
                spans = tuple(
                    (s - start, e - start, label)
                    for s, e, label in record["spans"]
                    if start <= s and e <= end
                )
                lines.append(Line(record["id"], record["outlet"], line, spans))
            start = end + 1
    return lines


def line_to_doc(nlp: Language, line: Line, stats: Counter[str] | None = None) -> Doc:
    """A Doc of the line with its entities; unaligned spans become missing tokens."""
    doc = nlp.make_doc(line.text)
    ents = []
    missing = []
    for start, end, label in line.spans:
        span = doc.char_span(start, end, label=label)
        if span is not None:
            ents.append(span)
            continue
        loose = doc.char_span(start, end, label=label, alignment_mode="expand")
        if loose is not None:
            missing.append(loose)
        if stats is not None:
            stats["spans off token boundaries (missing)"] += 1
    taken = {i for span in ents for i in range(span.start, span.end)}
    missing = [
        span
        for span in filter_spans(missing)
        if not taken.intersection(range(span.start, span.end))
    ]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def docs(nlp: Language, split: str, stats: Counter[str] | None = None) -> Iterator[Doc]:
    """Docs of one split, one a body line."""
    for line in read_lines(split):
        yield line_to_doc(nlp, line, stats)
