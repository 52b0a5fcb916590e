"""The Indonesian tokenizer the shipped NER model uses: spaCy's ``id`` rules, built fast.

spaCy's ``id`` tokenizer keeps about 3,900 hyphenated words whole (``abal-abal``,
``undang-undang``) through some 15,600 special cases, one per case variant. Adding them
costs about two seconds each time a pipeline is built, and ``spacy.load`` builds the
tokenizer twice (from the config, then from disk). This factory gives the same tokens
with the remaining few hundred special cases and a ``token_match`` that looks the
hyphenated words up in a set, in any letter case; it also answers most affix questions
without running spaCy's long affix regexes (:class:`QuickAffixes`), which halves the
tokenizing time.

Registered as ``beritakit.id_tokenizer.v1``; importing :mod:`beritakit.models` registers it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IDX
from spacy.lang.id import Indonesian
from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    filter_spans,
    registry,
)

from beritakit.models.blas import one_blas_thread

TOKENIZER = "beritakit.id_tokenizer.v1"
LOADED_TOKENIZER = "beritakit.id_tokenizer_from_disk.v1"
# The longest stretch without whitespace tokenised in one piece: spaCy strips affixes
# one at a time, copying and hashing the rest each time, so a run of n brackets or quotes
# costs n squared. Longer stretches (never seen in news text) are cut into pieces this long.
MAX_CHUNK = 256
# How far from its end a word is searched for a suffix (longer than any bounded suffix).
SUFFIX_WINDOW = 32
_LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
_RUN = re.compile(r"\w+|\W+")
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")


@functools.cache
def split_exceptions() -> tuple[dict[str, list[dict[int, str]]], frozenset[str]]:
    """Split spaCy's ``id`` special cases: hyphenated words apart from the rest.

    Returns:
        The special cases to keep, and the lower-cased hyphenated words that were
        single-token special cases with no attribute but their text.
    """
    rules: dict[str, list[dict[int, str]]] = {}
    words: set[str] = set()
    for orth, tokens in TOKENIZER_EXCEPTIONS.items():
        if _HYPHENATED.fullmatch(orth) and len(tokens) == 1 and len(tokens[0]) == 1:
            words.add(orth.lower())
        else:
            rules[orth] = tokens
    return rules, frozenset(words)


class HyphenatedWords:
    """``token_match`` for the hyphenated words: a set lookup, in any letter case.

    spaCy serialises a ``token_match`` as ``token_match.__self__.pattern``; ``pattern``
    is None here, so the model file stores nothing and loading keeps this matcher.
    """

    pattern = None

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def match(self, text: str) -> bool:
        """Whether ``text`` is one of the words."""
        return text.lower() in self.words


class QuickAffixes:
    """spaCy's affix regexes behind checks that answer most words without running them.

    spaCy's ``id`` affix patterns are alternations of hundreds of symbols, currencies and
    units, and ``re`` tries them all on every new word: about half of the tokenizer's
    time. A word of letters only has no suffix and no infix in these patterns, and a
    string starting with a letter or digit can only have the few prefixes that start that
    way (``Rp``, ``USD``, ``S$`` …); tests/test_tokenizer.py checks the answers are the
    regexes' own. ``pattern`` is the regex's, so spaCy serialises it as usual.
    """

    def __init__(self, regex: re.Pattern[str], alnum_starts: tuple[str, ...] = ()) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.alnum_starts = alnum_starts

    def prefix(self, text: str) -> re.Match[str] | None:
        """``regex.search(text)`` for the prefix pattern."""
        if text[:1].isalnum() and not text.startswith(self.alnum_starts):
            return None
        return self.regex.search(text)

    def suffix(self, text: str) -> re.Match[str] | None:
        r"""``regex.search(text)`` for the suffix pattern, looking at the tail only.

        Every suffix pattern ends in ``$`` and is at most a few characters long except
        ``\.\.+`` (a run of dots), so a search from ``len(text) - SUFFIX_WINDOW`` finds
        the same match, in constant time, unless the match starts at the window's edge
        (a run of dots that may go on to the left): then the whole text is searched.
        Lookbehinds still see the characters before the window.
        """
        if text.isalpha():
            return None
        pos = len(text) - SUFFIX_WINDOW
        if pos <= 0:
            return self.regex.search(text)
        m = self.regex.search(text, pos)
        if m is not None and m.start() == pos:
            return self.regex.search(text)
        return m

    def infix(self, text: str) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)`` for the infix pattern."""
        return iter(()) if text.isalpha() else self.regex.finditer(text)


@functools.cache
def _alnum_prefixes() -> tuple[str, ...]:
    """The literal prefixes of spaCy's ``id`` list that start with a letter or digit."""
    return tuple(
        re.sub(r"\\(.)", r"\1", p) for p in Indonesian.Defaults.prefixes if p[:1].isalnum()
    )


class IndonesianTokenizer(Tokenizer):  # type: ignore[misc]
    """spaCy's tokenizer with the set lookup and the quick affix checks kept through loading.

    ``Tokenizer.from_bytes`` resets ``token_match`` and the affix functions and restores
    them only from stored regex patterns, so they are put back here.
    """

    def __call__(self, text: str) -> Doc:
        """Tokenise ``text``, in linear time whatever it holds.

        Text with no stretch longer than ``MAX_CHUNK`` without whitespace (all news
        text) is tokenised as spaCy does. In a longer stretch, each run of word
        characters and each run of other characters is one token (cut every
        ``MAX_CHUNK`` characters); the rest of the text is tokenised as usual and the
        tokens are joined into one doc whose text is exactly ``text``, so character
        offsets are unchanged.
        """
        if len(text) <= MAX_CHUNK or _LONG_CHUNK.search(text) is None:
            doc: Doc = super().__call__(text)
            return doc
        return self._bounded(text)

    def _bounded(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []

        def add(piece: str) -> None:
            if piece:
                for tok in super(IndonesianTokenizer, self).__call__(piece):
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_))

        pos = 0
        for m in _LONG_CHUNK.finditer(text):
            add(text[pos : m.start()])
            # inside the stretch: each run of word characters, and each run of others,
            # is one token (cut every MAX_CHUNK characters), with no affix search at all
            for run in _RUN.finditer(m.group()):
                piece = run.group()
                for at in range(0, len(piece), MAX_CHUNK):
                    words.append(piece[at : at + MAX_CHUNK])
                    spaces.append(False)
            pos = m.end()
        add(text[pos:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if doc.text != text:  # cannot happen: spaCy keeps every character in a token
            whole: Doc = super().__call__(text)
            return whole
        return doc

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> IndonesianTokenizer:
        """Load the serialised state, then restore the matcher and the affix checks."""
        super().from_bytes(bytes_data, exclude=exclude)
        # every setter below reloads the special cases: empty them meanwhile, load once
        rules: dict[str, Any] = self.rules  # type: ignore[has-type]  # Cython
        self.rules = {}
        if getattr(self, "token_match", None) is None:
            self.token_match = HyphenatedWords(split_exceptions()[1]).match
        for attr, kind in (
            ("prefix_search", "prefix"),
            ("suffix_search", "suffix"),
            ("infix_finditer", "infix"),
        ):
            setattr(self, attr, _quick(getattr(self, attr, None), kind))
        self.rules = rules
        return self


def _quick(method: Any, kind: str) -> Any:
    """Put a regex method spaCy restored behind :class:`QuickAffixes`."""
    regex = getattr(method, "__self__", None)
    if not isinstance(regex, re.Pattern):
        return method
    return getattr(QuickAffixes(regex, _alnum_prefixes() if kind == "prefix" else ()), kind)


def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Build spaCy's Indonesian tokenizer: hyphenated words as a set, quick affix checks."""

    def make(nlp: Language) -> Tokenizer:
        rules, words = split_exceptions()
        defaults = Indonesian.Defaults
        return IndonesianTokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=QuickAffixes(
                compile_prefix_regex(defaults.prefixes), _alnum_prefixes()
            ).prefix,
            suffix_search=QuickAffixes(compile_suffix_regex(defaults.suffixes)).suffix,
            infix_finditer=QuickAffixes(compile_infix_regex(defaults.infixes)).infix,
            token_match=HyphenatedWords(words).match,
            url_match=defaults.url_match,
        )

    return make


# The most tokens one spaCy pass parses at once. The NER model's memory grows with the
# tokens it sees together (about 5 kB a token); a longer doc is parsed in pieces this long,
# cut after a line break or a sentence end where one is near, and joined again.
PARSE_TOKENS = 8_000
# Past PARSE_TOKENS tokens (a text longer than any news article, about 50,000 characters
# of prose) the model reads the text in windows of WINDOW_TOKENS tokens and skips a window
# that is not prose: one without a letter, or with fewer than MIN_TOKEN_CHARS characters
# a token (news prose has about six; `a a a`, `, , ,`, `1/1/2020 …` have two). The model
# costs the same for every token, and such a text can hold half a million of them.
WINDOW_TOKENS = 1_000
MIN_TOKEN_CHARS = 3.0
# ... and the model's entities in a window whose tokens are more than this share entities
# (news prose: about a tenth) are dropped: such a window is a list of names, not prose.
MAX_ENTITY_SHARE = 0.5
#: ``Doc.user_data`` key: the character ranges of the doc the NER model did not read.
NER_SKIPPED = "beritakit.ner_skipped"
_CUT_AFTER = frozenset({".", "!", "?", "\n"})
_LETTER = re.compile(r"[^\W\d_]")


def parse_all(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, with time and memory bounded whatever the length.

    Texts up to ``PARSE_TOKENS`` tokens (every news article) go through ``nlp.pipe``
    together as usual; a longer text is tokenised once, and its entities are found in
    character slices of at most that many tokens (:func:`_parse_long`).
    """
    docs = [nlp.make_doc(text) for text in texts]
    with one_blas_thread():  # the model reads the whole batch before its first doc anyway
        short = iter(list(nlp.pipe([d for d in docs if len(d) <= PARSE_TOKENS])))
    for doc, text in zip(docs, texts, strict=True):
        if len(doc) > PARSE_TOKENS:
            with one_blas_thread():
                doc = _parse_long(nlp, doc, text)
            yield doc
        else:
            yield next(short)


def _prose(bounds: list[int], text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Token ranges of the windows worth parsing, and character ranges of those skipped.

    ``bounds``: the start of every token, then the end of the text.
    """
    n = len(bounds) - 1
    keep: list[tuple[int, int]] = []
    skip: list[tuple[int, int]] = []
    for w in range(0, n, WINDOW_TOKENS):
        e = min(w + WINDOW_TOKENS, n)
        a, b = bounds[w], bounds[e]
        if b - a >= MIN_TOKEN_CHARS * (e - w) and _LETTER.search(text, a, b):
            _extend(keep, w, e)
        else:
            _extend(skip, a, b)
    return keep, skip


def _extend(ranges: list[tuple[int, int]], start: int, end: int) -> None:
    """Append ``(start, end)``, joined to the last range when they touch."""
    if ranges and ranges[-1][1] == start:
        ranges[-1] = (ranges[-1][0], end)
    else:
        ranges.append((start, end))


def _pieces(bounds: list[int], text: str, first: int, last: int) -> list[tuple[int, int]]:
    """Character ranges cutting tokens ``first`` to ``last`` into parse pieces.

    A piece ends after the last line break or sentence end in the second half of its
    window when there is one. Reads token offsets as numbers (``bounds``, as for
    :func:`_prose`): building spaCy's ``Token`` objects (or ``doc.text``) for half a
    million tokens costs seconds.
    """
    out: list[tuple[int, int]] = []
    start = first
    while start < last:
        end = min(start + PARSE_TOKENS, last)
        if end < last:
            for k in range(end - 1, start + PARSE_TOKENS // 2, -1):
                token = text[bounds[k] : bounds[k + 1]]  # the token and its whitespace
                if token.rstrip() in _CUT_AFTER or "\n" in token:
                    end = k + 1
                    break
        out.append((bounds[start], bounds[end]))
        start = end
    return out


def _parse_long(nlp: Language, doc: Doc, text: str) -> Doc:
    # The pieces are character slices of the text parsed in one ``nlp.pipe`` call; their
    # entities are put on ``doc`` (tokenised once, over the whole text) by character
    # offsets. Joining parsed pieces (``Doc.from_docs``) or copying token spans
    # (``Span.as_doc``) costs several times the parse itself on token-dense text.
    bounds = [*(int(i) for i in doc.to_array(IDX).tolist()), len(text)]
    keep, skipped = _prose(bounds, text)
    ranges = [r for first, last in keep for r in _pieces(bounds, text, first, last)]
    found: list[tuple[int, int, str, int]] = []  # start, end, label, tokens
    parsed = nlp.pipe((text[a:b] for a, b in ranges), batch_size=4)
    for (at, _), piece in zip(ranges, parsed, strict=True):
        found += [(at + e.start_char, at + e.end_char, e.label_, len(e)) for e in piece.ents]
    # "PDIP KPK DPR …": a window that is mostly names is a list, not prose; its model
    # spans are dropped (the rules and lists still read it; each span would cost them)
    window_starts = bounds[: len(bounds) - 1 : WINDOW_TOKENS]
    named: dict[int, int] = {}
    for a, _, _, size in found:
        w = bisect.bisect_right(window_starts, a) - 1
        named[w] = named.get(w, 0) + size
    n = len(bounds) - 1
    listy = {
        w
        for w, size in named.items()
        if size > MAX_ENTITY_SHARE * (min(n, (w + 1) * WINDOW_TOKENS) - w * WINDOW_TOKENS)
    }
    for w in sorted(listy):
        _extend(skipped, bounds[w * WINDOW_TOKENS], bounds[min(n, (w + 1) * WINDOW_TOKENS)])
    spans: list[Span] = []
    for a, b, label, _ in found:
        if bisect.bisect_right(window_starts, a) - 1 in listy:
            continue
        span = doc.char_span(a, b, label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.set_ents(filter_spans(spans), default="outside")
    if skipped:
        doc.user_data[NER_SKIPPED] = tuple(sorted(skipped))
    return doc


def create_loaded_tokenizer() -> Callable[[Language], Tokenizer]:
    """The tokenizer of a pipeline loaded from disk: empty until ``from_disk`` fills it.

    ``spacy.load`` builds the pipeline from its config, then reads every component's state
    from disk; :func:`create_tokenizer` would add 1,158 special cases and compile three
    affix expressions that the tokenizer's own ``from_bytes`` then replaces (about 0.03 s
    of every cold start). :func:`load_model` asks for this one instead.
    """

    def make(nlp: Language) -> Tokenizer:
        return IndonesianTokenizer(nlp.vocab)

    return make


def load_model(path: Path) -> Language:
    """``spacy.load`` of a pipeline saved with :data:`TOKENIZER`, without building it twice."""
    return spacy.load(path, config={"nlp": {"tokenizer": {"@tokenizers": LOADED_TOKENIZER}}})


registry.tokenizers.register(TOKENIZER, func=create_tokenizer)
registry.tokenizers.register(LOADED_TOKENIZER, func=create_loaded_tokenizer)
