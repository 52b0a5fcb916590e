"""The Indonesian tokenizer the shipped NER model uses: spaCy's ``id`` rules, built fast.

spaCy's ``id`` tokenizer keeps about 3,900 hyphenated words whole (``abal-abal``,
``undang-undang``) through some 15,600 special cases, one per case variant. Adding them
costs about two seconds each time a pipeline is built, and ``spacy.load`` builds the
tokenizer twice (from the config, then from disk). This factory gives the same tokens
with the remaining few hundred special cases and a ``token_match`` that looks the
hyphenated words up in a set, in any letter case.

Registered as ``beritakit.id_tokenizer.v1``; importing :mod:`beritakit.models` registers it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from spacy.lang.id import Indonesian
from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

TOKENIZER = "beritakit.id_tokenizer.v1"
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


class IndonesianTokenizer(Tokenizer):  # type: ignore[misc]
    """spaCy's tokenizer that keeps its hyphenated-word matcher through ``from_disk``.

    ``Tokenizer.from_bytes`` resets ``token_match`` and restores it only from a stored
    pattern; the set lookup has none, so it is put back here.
    """

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> IndonesianTokenizer:
        """Load the serialised state, then restore the hyphenated-word matcher."""
        super().from_bytes(bytes_data, exclude=exclude)
        if getattr(self, "token_match", None) is None:
            self.token_match = HyphenatedWords(split_exceptions()[1]).match
        return self


def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Build spaCy's Indonesian tokenizer with the hyphenated words as one pattern."""

    def make(nlp: Language) -> Tokenizer:
        rules, words = split_exceptions()
        defaults = Indonesian.Defaults
        return IndonesianTokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=HyphenatedWords(words).match,
            url_match=defaults.url_match,
        )

    return make


registry.tokenizers.register(TOKENIZER, func=create_tokenizer)
