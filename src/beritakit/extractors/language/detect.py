"""Language of the article: langdetect, with lingua to tell Indonesian from Malay.

Most articles are plainly Indonesian: when enough of their words are Indonesian/Malay
function words (``lang/id/function_words.txt``) langdetect is skipped and lingua alone tells
Indonesian from Malay, which takes a sixth of the time. A Malay call of lingua stands only
when the text's spelling agrees (``variety_words.tsv``: ``karena``/``kerana``,
``bahwa``/``bahawa``, ...): on Indonesian news with glued words lingua says Malay too often.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

import regex
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from beritakit.lang import LANG_ID
from beritakit.resources import read_lines, read_table

__all__ = ["detect"]

_SEED = 0
# langdetect's cost grows with the text it reads and its answer does not improve past
# a paragraph or two; on the dev articles 1,000 characters give the same
# answers as 4,000 at a fifth of the time (600 miss two).
_SAMPLE_CHARS = 1000
_LINGUA_CHARS = 1000
_LOCK = threading.Lock()
_LINGUA_CODES = {Language.INDONESIAN: "id", Language.MALAY: "ms", Language.ENGLISH: "en"}
_WORD = regex.compile(r"\p{L}+")
_SURE_SHARE = 0.10
_SURE_MIN_WORDS = 20


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(read_lines(LANG_ID, "function_words.txt"))


def _surely_malay_or_indonesian(sample: str) -> bool:
    words = _WORD.findall(sample)
    if len(words) < _SURE_MIN_WORDS:
        return False
    known = _function_words()
    return sum(w.lower() in known for w in words) >= _SURE_SHARE * len(words)


# How far the spelling check reads (words a paragraph or two past lingua's sample).
_VARIETY_CHARS = 3000


@functools.cache
def _variety_words() -> dict[str, str]:
    return {word: variety for word, variety in read_table(__package__, "variety_words.tsv")}


def _malay_spelling_holds(text: str) -> bool:
    """Whether the text spells as Malay more often than as Indonesian (positive evidence)."""
    words = _variety_words()
    counts = {"id": 0, "ms": 0}
    for word in _WORD.findall(text[:_VARIETY_CHARS]):
        variety = words.get(word.lower())
        if variety is not None:
            counts[variety] += 1
    return counts["ms"] > counts["id"]


def _malay_or_indonesian(text: str, values: list[Any]) -> tuple[str, float] | None:
    """Lingua's Malay call when the spelling agrees, else Indonesian with its own value."""
    top = values[0]
    if top.language != Language.MALAY:
        return None
    if _malay_spelling_holds(text):
        return "ms", round(float(top.value), 4)
    # lingua is sure it is one of the two and the spelling says not Malay: the pair's share
    pair = sum(float(v.value) for v in values if v.language != Language.ENGLISH)
    return "id", round(min(pair, 1.0), 4)


@functools.cache
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(_SEED)
    return factory


@functools.cache
def _lingua() -> LanguageDetector:
    # Low accuracy mode reads trigrams only: it loads in a tenth of the time (0.09 s
    # instead of 0.5 s) and gives the same answers on texts this long.
    return LanguageDetectorBuilder.from_languages(*_LINGUA_CODES).with_low_accuracy_mode().build()


def detect(text: str) -> tuple[str, float]:
    """Return the ISO 639-1 code of ``text`` and its probability.

    langdetect (seeded, so the same text always gives the same answer) decides
    among its 55 languages. It has no Malay profile and reads Malay as
    Indonesian, so when it says ``id`` lingua, restricted to Indonesian, Malay
    and English, makes the call between the two. ``("und", 0.0)`` means the text
    has too few letters to tell. Text with many Indonesian/Malay function words skips
    langdetect: lingua alone decides and its confidence is the score.
    """
    sample = text[:_SAMPLE_CHARS]
    if _surely_malay_or_indonesian(sample):
        values = _lingua().compute_language_confidence_values(sample[:_LINGUA_CHARS])
        top = values[0]
        if top.language != Language.ENGLISH:
            split = _malay_or_indonesian(text, values)
            return split or (_LINGUA_CODES[top.language], round(float(top.value), 4))
    with _LOCK:  # a langdetect Detector shares the factory's seeded random state
        detector = _factory().create()
        detector.append(sample)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return "und", 0.0
    if not ranked:
        return "und", 0.0
    best = ranked[0]
    code, score = str(best.lang), float(best.prob)
    if code == "id":
        values = _lingua().compute_language_confidence_values(sample[:_LINGUA_CHARS])
        split = _malay_or_indonesian(text, values)
        if split is not None:
            return split
    return code, round(min(score, 1.0), 4)
