"""Training-time augmenter: lower/upper-cased and line-broken copies, for scraped news text."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, registry

Augmenter = Callable[[Language, Example], Iterator[Example]]


def create_ner_augmenter(
    lower_level: float, upper_level: float, newline_level: float, newline_share: float
) -> Augmenter:
    """Create the augmenter used in ``training/config.cfg``.

    Every training example is kept, and variants of it are added at random: a lower-cased
    copy with probability ``lower_level``, else an upper-cased copy with probability
    ``upper_level`` (only when that changes the text, so NERP, already lower-cased, gets
    no lower-cased copy), and independently, with probability ``newline_level``, a copy
    in which a share ``newline_share`` of the spaces outside entities are line breaks
    (scraped texts often have one phrase per line). spaCy reads the training corpus once
    when ``max_epochs`` >= 0, so the copies are drawn once per run, from ``random`` as
    seeded by ``training.seed``.

    Args:
        lower_level: Probability of adding a lower-cased copy.
        upper_level: Probability of adding an upper-cased copy (when none lower-cased).
        newline_level: Probability of adding a copy with line breaks.
        newline_share: Share of the spaces outside entities turned into ``\\n`` there.

    Returns:
        The augmenter callback.
    """
    return partial(
        ner_augmenter,
        lower_level=lower_level,
        upper_level=upper_level,
        newline_level=newline_level,
        newline_share=newline_share,
    )


registry.augmenters.register("beritakit.ner_augmenter.v1", func=create_ner_augmenter)


def ner_augmenter(
    nlp: Language,
    example: Example,
    *,
    lower_level: float,
    upper_level: float,
    newline_level: float,
    newline_share: float,
) -> Iterator[Example]:
    """Yield the example and its case or line-break variants.

    Args:
        nlp: The pipeline being trained (its tokenizer re-tokenises the variants).
        example: The training example; its reference entities are kept.
        lower_level: See ``create_ner_augmenter``.
        upper_level: See ``create_ner_augmenter``.
        newline_level: See ``create_ner_augmenter``.
        newline_share: See ``create_ner_augmenter``.

    Yields:
        The example, then any variants.
    """
    yield example
    text = example.reference.text
    roll = random.random()
    cased = text
    if roll < lower_level:
        cased = text.lower()
    elif roll < lower_level + upper_level:
        cased = text.upper()
    # a few characters change length when case-mapped; entity offsets would not fit
    if cased != text and len(cased) == len(text):
        yield Example(nlp.make_doc(cased), _reference(nlp, cased, example.reference))
    if newline_share > 0 and random.random() < newline_level:
        broken = _add_newlines(text, example.reference, newline_share)
        if broken != text:
            yield Example(nlp.make_doc(broken), _reference(nlp, broken, example.reference))


def _add_newlines(text: str, reference: Doc, share: float) -> str:
    """Turn a share of the single spaces between tokens outside entities into ``\\n``."""
    inside = {i for ent in reference.ents for i in range(ent.start_char, ent.end_char)}
    chars = list(text)
    for token in reference:
        end = token.idx + len(token.text)
        if token.whitespace_ == " " and end not in inside and random.random() < share:
            chars[end] = "\n"
    return "".join(chars)


def _reference(nlp: Language, text: str, old: Doc) -> Doc:
    """Re-tokenise ``text`` (same length as ``old.text``) and copy entities and missing tokens."""
    doc = nlp.make_doc(text)
    spans: list[Span] = []
    for ent in old.ents:
        span = doc.char_span(
            ent.start_char, ent.end_char, label=ent.label_, alignment_mode="expand"
        )
        if span is not None:
            spans.append(span)
    spans = filter_spans(spans)
    taken = {i for span in spans for i in range(span.start, span.end)}
    missing: list[Span] = []
    for token in old:
        if token.ent_iob == 0:  # not annotated: neither an entity nor O
            span = doc.char_span(token.idx, token.idx + len(token.text), alignment_mode="expand")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                missing.append(span)
    doc.set_ents(spans, missing=filter_spans(missing), default="outside")
    return doc
