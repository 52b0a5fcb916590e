"""The words and small types a sentence is read with (split out of ``sentence.py``).

Constants, word tests and the two records shared by the sentence reader and the finder:
:class:`Draft` (a quote before its speaker is resolved) and :class:`Shared` (what every
sentence of one article reads from).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from beritakit.extractors.quotes.lexicon import Lexicon, lexicon
from beritakit.extractors.quotes.names import Evidence, PhraseReading
from beritakit.extractors.quotes.text import Layout, Quoted, Tok

# A lower-case word with a verbal prefix ("dilansir", "mengunjungi", "berharap", "tersenyum");
# :func:`verbish` also checks the list of look-alike nouns ("menteri", "digital").
VERB_PREFIX = regex.compile(r"(?:me|be|di|te)[\p{Ll}-]{3,}")
DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
THAT = frozenset({"bahwa", "kalau"})
PURPOSE = frozenset({"agar", "supaya", "jika"})
RELATIVE = frozenset({"yang", "dari", "asal", "melalui", "lewat"})
BY = frozenset({"oleh"})
AND = frozenset({"dan", "serta"})
SOURCE_CUES = frozenset({"dikutip", "dilansir", "dilihat", "diunggah"})
ONE_OF = frozenset({"seorang", "sang", "si"})
TO = frozenset({"kepada", "pada"})
PP_HEADS = frozenset({"dalam", "melalui", "lewat", "via"})
NICKNAME_CUES = frozenset({"disapa", "dipanggil", "alias", "sapaan", "panggilan", "dijuluki"})
DASHES = frozenset({"-", "\u2013", "\u2014", "|"})
# prepositions a description after the cue may hold before the name closes it
# ("…, agen pemegang merek ICE-µ di Indonesia, Andi Setiawan")
DESCRIPTION_PREPOSITIONS = frozenset({"di", "dari", "asal"})
MAX_PHRASE = 25  # tokens in a speaker phrase (long job titles come before the name)
MAX_SUBJECT = 12  # tokens in a subject before a reporting verb
LOOK_BACK = 40  # tokens searched back from a reporting verb for its clause
CLAUSE_WINDOW = 4  # words after a weak verb within which its clause's verb must come
SHORT_OBJECT = 4  # words of a noun phrase object such as "penemuan mobil itu"
MIN_CONTENT = 2  # words of reported content


def verbish(word: str) -> bool:
    """Whether a lower-case word looks like a verb (by its prefix, not a listed noun)."""
    return VERB_PREFIX.fullmatch(word) is not None and word not in lexicon().not_verbs


def is_handle(t: Tok) -> bool:
    """Whether the token is a social-media account (``@akun``)."""
    return len(t.text) > 1 and t.text[0] == "@"


def is_word(t: Tok) -> bool:
    """Whether the token is a word (starts with a letter or digit)."""
    return t.text[:1].isalnum()


def headline(toks: list[Tok]) -> bool:
    """Whether a sentence looks like a headline: Title Case, no end punctuation, no quote."""
    if not toks or toks[-1].text in ".!?" or any(t.is_quote for t in toks):
        return False
    words = [t for t in toks if is_word(t)]
    return len(words) >= 3 and sum(1 for t in words if t.capital) * 3 > len(words) * 2


def strip_connectors(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Drop a clause-opening connector ("Sementara itu", "Namun") from the front."""
    if not toks:
        return toks
    for phrase in lex.connectors_by_head.get(toks[0].folded, ()):
        n = len(phrase)
        if len(toks) > n and tuple(t.folded for t in toks[:n]) == phrase:
            return toks[n:]
    return toks


def abbreviation_dot(prev: Tok, nxt: Tok, lex: Lexicon) -> bool:
    """Whether a dot between ``prev`` and ``nxt`` abbreviates ("H. Iman", "dr. Deviana")."""
    if not nxt.capital:
        return False
    return len(prev.text) == 1 or "." in prev.text or prev.text in lex.honorifics


def is_connector(toks: list[Tok], lex: Lexicon) -> bool:
    """Whether ``toks`` (a trailing comma aside) are just a clause-opening connector."""
    words = tuple(t.folded for t in toks if t.text != ",")
    return words in lex.connectors_set


@dataclass(slots=True)
class Draft:
    """A quote found in a sentence, before its speaker is resolved.

    Attributes:
        kind: ``direct`` or ``indirect``.
        start: Start of the content.
        end: End of the content.
        cue: The reporting word, if any.
        reading: What the speaker phrase says.
        back_at: Where to look back from when the speaker is a pronoun.
        quoted: The quotation of a direct quote.
    """

    kind: str
    start: int
    end: int
    cue: Tok | None
    reading: PhraseReading
    back_at: int
    quoted: Quoted | None = None


@dataclass(slots=True)
class Shared:
    """What every sentence of one article reads from, and where it notes introductions.

    Attributes:
        text: The article text.
        lex: The word lists.
        layout: The quotations, indexed.
        evidence: What the article shows about its capitalised words.
        introduced: Speakers named before a quotation ("X mengatakan, “…”"), by the
            offset of its opening mark.
    """

    text: str
    lex: Lexicon
    layout: Layout
    evidence: Evidence
    introduced: dict[int, tuple[Tok, PhraseReading]] = field(default_factory=dict)
