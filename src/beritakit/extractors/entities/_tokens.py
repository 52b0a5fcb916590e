"""A word scanner for entity rules that also splits words the scraper glued together."""

from __future__ import annotations

import functools
import json
from typing import NamedTuple

import regex

from beritakit.lang import LANG_ID, fold
from beritakit.resources import read_lines, read_table

__all__ = ["Tok", "corpus_words", "fold", "tokenize"]

# A word is letters/digits with internal apostrophes or hyphens ("Ma’ruf", "PDI-P", "U-23");
# anything else that is not a space is a one-character token. All quantifiers are possessive
# or over disjoint classes, so a long line cannot make the scan backtrack.
# A run of more than 16 such characters ("((((...", "=====...") is one token, so a
# pathological run costs one token, not one per character.
_TOKEN = regex.compile(
    r"[\p{L}\p{M}\p{Nd}]++(?:['’\-][\p{L}\p{M}\p{Nd}]++)*+"
    r"|[^\s\p{L}\p{M}\p{Nd}]{17,}+|[^\s\p{L}\p{M}\p{Nd}]"
)
# Glue points inside a word: "DittipidumBareskrim" (lower→Upper after 3+ letters),
# "PTKedoya", "DENNYLandzaat" (UPPER run→Capitalised word), "diDesa" (a short preposition),
# "MusaB" (one capital letter glued at the end).
_GLUE = regex.compile(
    r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}|\p{Lu}{2})"
    r"|(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})"
    r"|(?<=^(?:di|ke|dari|dan|oleh|bahwa|kepada|pada|yang))(?=\p{Lu})"
    r"|(?<=\p{Ll}{3})(?=\p{Lu}$)"  # a quiz option letter: "Nabi MusaB. Yesus KristusC."
)
# The tails below are only looked for in the last 40 characters of a word, and every
# quantifier is bounded, so no word can make these scans quadratic.
_VERB_TAIL = regex.compile(r"(?:meng|meny|mem|men|ber)\p{Ll}{4,24}$")  # "Thohirmenyatakan"
# a me- verb before l, r, w, y ("Subiantomelakukan", "Trumpmelaporkan"): cut only when the
# tail is a known word, since names hold these letters ("Tuttomercatoweb")
_ME_LRWY_TAIL = regex.compile(r"me[lrwy]\p{Ll}{4,24}$")
_DIGIT_TAIL = regex.compile(r"(?<=\p{Ll}{2})\p{Nd}{1,4}$")  # a list number: "Tbk5", "Medika17"


_ADVERB_HEAD = 5  # letters of a name before a glued adverb ("Marquez|usai"; not "Tamb|usai")
# an acronym in capitals with a lower-case word glued after it ("KPKtelah", "ASdi")
_ACRONYM_GLUE = regex.compile(r"(\p{Lu}{2,8})(\p{Ll}{2,10})")


@functools.cache
def _glued_tails(rule_name: str = "glued_tails") -> tuple[tuple[int, frozenset[str]], ...]:
    """Function words scrapers glue after a name ("Medandengan"), from patterns.jsonl.

    ``glued_adverbs`` names the adverbs and auxiliaries ("Marquezusai"). Grouped by length,
    longest first: one set lookup per length.
    """
    words: list[str] = []
    for line in read_lines("beritakit.extractors.entities", "patterns.jsonl"):
        rule = json.loads(line)
        if rule.get("rule") == rule_name:
            words = [str(w) for w in rule["words"]]
            break
    sizes = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in sizes)


@functools.cache
def _outlet_words() -> frozenset[str]:
    """Outlets written as one mixed-case word ("detikSumut", "kumparanBISNIS"), casefolded.

    From ``lang/id/outlets.tsv``; such a word is a brand, not two words glued together.
    """
    out: set[str] = set()
    for row in read_table(LANG_ID, "outlets.tsv"):
        for cell in row[:3]:
            for form in cell.split("|"):
                if form and " " not in form and not form.islower() and not form.isupper():
                    out.add(form.casefold())
    return frozenset(out)


@functools.cache
def corpus_words() -> frozenset[str]:
    """Common lower-case words: ``corpus_words.txt`` and the lower-case ``whole_names.txt``.

    ``whole_names.txt`` (built by ``scripts/build_whole_names.py``; see SOURCE.md) holds the
    words the scanner would cut as a name + a glued word that the news corpus writes whole;
    those it writes in lower case are common words ("pergerakan", "tanjakan").
    """
    return _base_words() | {w for w in _whole_list() if w.islower()}


@functools.cache
def _base_words() -> frozenset[str]:
    """Common lower-case words of the NER corpora and CLICK-ID (``corpus_words.txt``)."""
    return frozenset(read_lines("beritakit.extractors.entities", "corpus_words.txt"))


@functools.cache
def _whole_list() -> tuple[str, ...]:
    return read_lines("beritakit.extractors.entities", "whole_names.txt")


@functools.cache
def _whole_names() -> frozenset[str]:
    """Names that end like a glued word but that the corpus writes whole ("Wulandari")."""
    return frozenset(w for w in _whole_list() if not w.islower())


@functools.cache
def _known_verbs() -> frozenset[str]:
    """Lower-case words a glued verb tail may be: corpus words and the speech verbs."""
    verbs: set[str] = set()
    for line in read_lines("beritakit.extractors.entities", "patterns.jsonl"):
        rule = json.loads(line)
        if rule.get("rule") == "speech_after":
            verbs.update(str(w) for w in rule["words"])
    return _base_words() | verbs


@functools.cache
def _camel_names() -> frozenset[str]:
    """Names written with a capital inside the word ("WhatsApp", "MotoGP"): never scraper glue."""
    return frozenset(
        w
        for w in read_lines("beritakit.extractors.entities", "not_entities.txt")
        if " " not in w and any(c.isupper() for c in w[1:]) and any(c.islower() for c in w)
    )


def _tail_cut(piece: str, keep_whole: bool = True) -> int:
    """Where a function word or verb glued to a capitalised name starts in ``piece``; 0 if none.

    ``keep_whole=False`` ignores ``whole_names.txt`` (used to build that list).
    """
    words = corpus_words() if keep_whole else _base_words()
    if len(piece) < 4 or not piece[0].isupper() or piece.casefold() in words:
        return 0  # a common word is whole: "Kebijakan" is not "Kebij" + "akan"
    if keep_whole and piece in _whole_names():
        return 0  # a name the corpus writes whole: "Wulandari" is not "Wulan" + "dari"
    end = piece[-40:]
    offset = len(piece) - len(end)
    m = _VERB_TAIL.search(end)
    if m is not None and offset + m.start() >= 2:
        head = piece[1 : offset + m.start()]
        tail = piece[offset + m.start() :]
        known = tail in _known_verbs()
        short_ok = known and tail.startswith("me")
        if (head.islower() and (short_ok or offset + m.start() >= 4)) or (head.isupper() and known):
            # "Thohirmenyatakan", "PDI-Pbernama"; a short head only before a known me- verb:
            # "Jaemengungkapkan" is cut, "Kementerian", "Sumberjaya", "Sambernyawa" are not
            return offset + m.start()
    m = _ME_LRWY_TAIL.search(end)
    if (
        m is not None
        and offset + m.start() >= 4
        and end[m.start() :] in _known_verbs()
        and piece[1 : offset + m.start()].islower()
    ):
        return offset + m.start()
    for size, tails in _glued_tails():
        cut = len(piece) - size
        if piece[cut:] in tails and cut >= _min_head(size) and piece[1:cut].islower():
            return cut
    for size, tails in _glued_tails("glued_adverbs"):
        cut = len(piece) - size
        if piece[cut:] in tails and cut >= _ADVERB_HEAD and piece[1:cut].islower():
            return cut  # "Marquezusai", "Pratamamemang", "Suryatmanbuka"
    # a passive verb the corpora know: "Daguisedigelar", "Santosoditangkap"
    for prefix in ("di", "ter"):
        cut = end.find(prefix, 4 if offset == 0 else 0)
        while cut != -1:
            if (
                offset + cut >= 4
                and len(end) - cut >= 6
                and end[cut:] in words
                and piece[1 : offset + cut].islower()
            ):
                return offset + cut
            cut = end.find(prefix, cut + 1)
    m = _DIGIT_TAIL.search(end)
    if m is not None and offset + m.start() >= 3 and piece[1 : offset + m.start()].islower():
        return offset + m.start()
    return 0


@functools.lru_cache(maxsize=1 << 16)
def _split(word: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the parts of a word after undoing scraper glue (cached: words recur)."""
    acronym = _ACRONYM_GLUE.fullmatch(word)
    if acronym is not None and acronym.group(2) in _known_tails()[0]:
        # "KPKtelah", "ASdi Hanoi", "PBSIjuga": an acronym, then a glued function word
        return ((0, acronym.end(1)), (acronym.end(1), len(word)))
    cuts = [m.start() for m in _GLUE.finditer(word) if 0 < m.start() < len(word)]
    if cuts:
        inside = {
            p
            for name in _camel_names()
            for at in [word.find(name)]
            if at >= 0
            for p in range(at + 1, at + len(name))
        }
        cuts = [c for c in cuts if c not in inside]
    bounds = [0, *cuts, len(word)]
    parts: list[tuple[int, int]] = []
    for i in range(len(bounds) - 1):
        s, e = bounds[i], bounds[i + 1]
        if s >= e:
            continue
        cut = _tail_cut(word[s:e])
        if cut:
            parts += [(s, s + cut), (s + cut, e)]
        else:
            parts.append((s, e))
    return tuple(parts)


class Tok(NamedTuple):
    """One token: its text, character offsets, spacing and case facts.

    A named tuple: an article makes hundreds, and it is the cheapest immutable record.

    Attributes:
        is_word: Letters or digits (not punctuation).
        is_cap: Starts with a capital letter.
        is_upper: All letters are capitals and there are at least two ("KPK", "PDI-P").
        is_lower: Starts with a lowercase letter.
    """

    text: str
    start: int
    end: int
    space_before: bool
    newline_before: bool
    is_word: bool
    is_cap: bool
    is_upper: bool
    is_lower: bool


def _tok(text: str, start: int, end: int, space: bool, newline: bool) -> Tok:
    first = text[0]
    upper = text.isupper() and len(text) >= 2 and sum(1 for c in text if c.isalpha()) >= 2
    return Tok(
        text, start, end, space, newline, first.isalnum(), first.isupper(), upper, first.islower()
    )


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into word and punctuation tokens with character offsets."""
    toks: list[Tok] = []
    append = toks.append
    prev_end = 0
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if start > prev_end:
            space = True
            # one plain space is the common case: no slice to search
            newline = start - prev_end > 1 or text[prev_end] != " "
            newline = newline and "\n" in text[prev_end:start]
        else:
            space = newline = start == 0
        word = m.group()
        if word.isalpha() and word[0].islower() and word.islower():
            # most tokens: a lower-case word, nothing to split (the facts _tok would find)
            append(Tok(word, start, end, space, newline, True, False, False, True))
            prev_end = end
            continue
        hyphen = word.find("-")
        if 0 < hyphen < len(word) - 1 and word[:hyphen].islower() and word[hyphen + 1].isupper():
            # "se-Asia", "ke-Indonesia": a prefix on a name
            append(_tok(word[:hyphen], start, start + hyphen, space, newline))
            append(_tok("-", start + hyphen, start + hyphen + 1, False, False))
            word, start, space, newline = word[hyphen + 1 :], start + hyphen + 1, False, False
        elif _title_pair(word, hyphen):
            # "Prabowo-Gibran", "AS-China", "TNI-Polri": two names joined, split as spaCy does
            append(_tok(word[:hyphen], start, start + hyphen, space, newline))
            append(_tok("-", start + hyphen, start + hyphen + 1, False, False))
            word, start, space, newline = word[hyphen + 1 :], start + hyphen + 1, False, False
        if (
            len(word) >= 4
            and word[0].isalpha()
            and not (
                word[1:].isalpha() and word[1:].islower() and (word[0].islower() or len(word) < 7)
            )
            and word.casefold() not in _outlet_words()
        ):
            for k, (s, e) in enumerate(_split(word)):
                append(_tok(word[s:e], start + s, start + e, space and k == 0, newline and k == 0))
        else:
            append(_tok(word, start, end, space, newline))
        prev_end = end
    return _cut_known_heads(toks)


# more words scrapers glue after a name, cut only after a head the text writes alone
# ("Prabowo Subiantodi Istana", "Maruarar Siraitatau Ara", "Barcelonaitu")
_SHORT_TAILS = frozenset(
    {"di", "ke", "atau", "maupun", "itu", "ini", "kini", "pun", "belakangan"}
    # prepositions after a team or a country: "Timnas Indonesiaatas China"
    | {"atas", "oleh", "bagi", "tentang", "terhadap", "melawan", "lawan", "kontra", "soal"}
    # "Daguisetengah"; not cut without the head alone: villages end in it ("Karangtengah")
    | {"tengah"}
)


@functools.cache
def _figure_words() -> frozenset[str]:
    """The long capitalised words of the public figures' names (``lang/id/people.tsv``)."""
    rows = read_table(LANG_ID, "people.tsv")
    # seven letters or more: a short one ends longer names ("Surya" of "Suryadi")
    return frozenset(w for row in rows for w in row[0].split() if w[:1].isupper() and len(w) >= 7)


def _cut_known_heads(toks: list[Tok]) -> list[Tok]:
    """Cut a function word glued to a name the same text also writes alone.

    ``_tail_cut`` leaves a short name whole ("Trumpdan", "Irandan": a head of five letters
    or fewer may end a name, as in "Ramdan"); when the article writes "Trump" or "Iran" by
    itself, the glued word is that name and the function word. One pass; a capitalised word
    of five letters or more tries the heads before its possible tails. The names of the
    public figures of ``lang/id/people.tsv`` count as written alone ("Prabowo Subiantodi
    hotel" in an article that never writes "Subianto" by itself).
    """
    alone = {t.text for t in toks if t.is_cap}
    cuts = [_known_head(t, alone) if t.is_cap and len(t.text) >= 5 else 0 for t in toks]
    if not any(cuts):
        return toks
    out: list[Tok] = []
    for t, cut in zip(toks, cuts, strict=True):
        if cut:
            out.append(_tok(t.text[:cut], t.start, t.start + cut, t.space_before, t.newline_before))
            out.append(_tok(t.text[cut:], t.start + cut, t.end, False, False))
        else:
            out.append(t)
    return out


def _known_head(t: Tok, alone: set[str]) -> int:
    """Where a glued word starts in ``t`` if the text writes its head alone; else 0.

    The head is the longest one the text also writes as a word of its own, of four letters
    or more and no common word ("Subianto" of "Subiantodi"; "Suka" of "Sukabumi" is common);
    the tail a glued function word or adverb ("dan", "di", "atau", "usai"), not any common
    word ("Aminah" is not "Ami" + "nah", nor "Lubukbaja" "Lubuk" + "baja").
    """
    word = t.text  # a capitalised word of five letters or more (the caller checks)
    if not word[1:].islower() or word in _whole_names():
        return 0
    common = corpus_words()
    tails, longest = _known_tails()  # longest bounds the loop: linear in the word's length
    for cut in range(len(word) - 2, max(3, len(word) - longest - 1), -1):
        head, tail = word[:cut], word[cut:]
        if (head in alone or head in _figure_words()) and head.casefold() not in common:
            return cut if tail in tails else 0
    return 0


@functools.cache
def _known_tails() -> tuple[frozenset[str], int]:
    """The words cut after a head the text writes alone, and the longest one's length.

    The glued function words and adverbs of ``patterns.jsonl`` and ``_SHORT_TAILS``.
    """
    words = {
        w for name in ("glued_tails", "glued_adverbs") for _, x in _glued_tails(name) for w in x
    } | _SHORT_TAILS
    return frozenset(words), max(len(w) for w in words)


def _min_head(size: int) -> int:
    """The shortest name a glued tail of ``size`` letters may follow.

    A short tail ("dan") ends many names ("Ramdan"), so it needs a long head; a long
    function word ("untuk", "dengan") ends no name, so a two-letter head will do
    ("Kim Jong Ununtuk").
    """
    return 5 if size <= 3 else 4 if size == 4 else 2


def _title_pair(word: str, hyphen: int) -> bool:
    """``word`` is two names joined by its one hyphen ("Israel-Iran", "AS-China", "TNI-Polri").

    Each side is a capitalised word of 3+ letters or an acronym of 2+ capitals, and one side
    at least is a capitalised word: "PDI-P", "Covid-19", "Al-Qaeda", "se-Asia" are not pairs,
    nor are two acronyms ("BPR-BPRS", an outlet's "POS-KUPANG").
    """
    if hyphen < 2 or word.count("-") != 1:
        return False
    left, right = _pair_side(word[:hyphen]), _pair_side(word[hyphen + 1 :])
    return bool(left and right and "title" in (left, right))


def _pair_side(side: str) -> str:
    """``title`` (Capitalised, 3+ letters), ``acronym`` (2+ capitals) or ``""``."""
    if not side.isalpha() or not side[0].isupper():
        return ""
    rest = side[1:]
    if len(side) >= 3 and rest.islower():
        return "title"
    return "acronym" if rest.isupper() else ""
