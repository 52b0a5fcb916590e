"""Put back the line breaks a scraper lost, with a map to the offsets of the text as given.

Scrapers often drop the layout of a news page: the whole article on one line, paragraphs
glued without a space (``wartawan.Menurut``), the byline glued to the dateline
(``Laporan Wartawan Tribunnews.com, Rina AyuTRIBUNNEWS.COM, JAKARTA -``). The finders
of boilerplate, datelines and credits read lines, so :func:`relayout` writes a copy of
the text with a line break at each place a news page has one:

- on a line that holds most of a text (the layout is lost): at every sentence end, and
  after a closing initials code followed by more words (``(cas/mrp) timnas jepang``);
- anywhere in the first lines: where an outlet's name in capitals is glued to the word
  before it (``AyuTRIBUNNEWS.COM,``), before a dateline that opens with a domain after
  a name (``Permana TRIBUNNEWS.COM, JAKARTA -``), and before a ``Laporan Wartawan`` line.

A break goes in place of the blanks at that point, or is inserted where there were none;
:class:`Relaid` maps offsets between the two texts. One pass of bounded patterns: linear.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from beritakit.resources import read_lines

__all__ = ["Relaid", "relayout"]

_PACKAGE = "beritakit.clean"
# A line longer than this that also holds this share of the text has lost its layout.
_LONG_LINE = 400
_LONG_SHARE = 0.5
# How far from the end of a lost-layout line closing codes are looked for.
_CODE_TAIL = 3000
# How far into the text the byline and dateline breaks are looked for.
_HEAD = 1500
# A sentence end: the sentence's last letter, digit or bracket, the full stop and any
# closing quote, the blanks, then a capital, an opening quote or bracket.
_SENTENCE_END = regex.compile(
    r"(?<=[\p{Ll}\p{N})\]%][.!?][\"\u201d\u2019']?)[ \t]{0,3}(?=[\p{Lu}\u201c\"(\[])"
)
_WORD_BEFORE = regex.compile(r"[\p{L}]{1,12}$")
_CODE_AFTER = '.!?"\u201d]'
# A bracketed initials code (`(m26)`, `( Wan)`, `(cas/mrp)`); its context is checked in
# Python: a pattern that looked behind at every offset made one long line slow.
_CODE = regex.compile(r"[(\[][ \t]?[A-Za-z*][A-Za-z0-9]{0,7}(?:/[A-Za-z0-9]{1,8}){0,3}[)\]]")
_SLASH_CODE = regex.compile(r"[(\[][a-z][a-z0-9]{0,7}(?:/[a-z][a-z0-9]{0,7}){1,3}[)\]]")
_BLANKS_THEN_LETTER = regex.compile(r"[ \t]{0,3}(?=\p{L})")
# Notices and credit labels that open a line of their own on a news page; the first two
# kinds also when glued to the word before (`KmBaca juga:`), labels only after a blank.
_GLUED_NOTICE = regex.compile(
    r"(?:Baca|BACA) ?(?:[Jj]uga|JUGA|[Bb]erita|BERITA)\b"
    r"|(?:Artikel|Berita|ARTIKEL|BERITA) ini (?:telah |sudah )?(?:tayang|terbit|dimuat)\b"
)
_LABEL = regex.compile(
    r"(?:Penulis|PENULIS|Editor|EDITOR|Reporter|REPORTER|Pewarta|PEWARTA"
    r"|Sumber|SUMBER|Kontributor|KONTRIBUTOR|Redaktur|REDAKTUR) ?:"
)
# A bracketed code or name that ends the line.
_CLOSING_BRACKET = regex.compile(
    r"(?<=[\p{L}\p{N}.!?\"\u201d])[ \t]{1,3}(?=[(\[][^()\[\]\n]{1,40}[)\]][ \t]*$)", regex.M
)
# An outlet name in capitals glued to the word before it: `AyuTRIBUNNEWS.COM,`.
_GLUED_CAPS = regex.compile(
    r"(?<=\p{Ll})"
    r"(?=\p{Lu}{2}[\p{Lu}\p{N}\-]{0,30}(?:\.(?i:[a-z]{2,4})){1,2}[ \t]{0,3}[,\-\u2013\u2014]"
    r"|\p{Lu}{4,30},[ \t]{0,3}\p{L})"
)
# A domain that opens a dateline, after a name: `Permana TRIBUNNEWS.COM, JAKARTA -`.
_DOMAIN_DATELINE = regex.compile(
    r"(?<=[\p{Ll}.)])[ \t]{1,3}"
    r"(?=(?:\p{Lu}[\p{Lu}\p{N}\-]{1,29}|\p{L}[\p{Ll}\p{N}]{1,29}(?:-\p{L}[\p{Ll}\p{N}]{1,29})?)"
    r"\.(?i:com|co\.id|co|id|net|news)"
    r"(?![\p{L}.])[ \t]{0,3}[,\-\u2013\u2014])"
)
# A domain in capitals then a dash, or a comma, a city in capitals and a dash, after any word:
# `... di LA TRIBUNNEWS.COM, JAKARTA -`, `... Elga Hikari Putra TRIBUNJAKARTA.COM - Beberapa`.
# In capitals and with the dash it is a dateline whatever comes before, a byline included.
_CAPS_DOMAIN_DATELINE = regex.compile(
    r"(?<=[\p{L}\p{N}.)!?\"\u201d])[ \t]{1,3}"
    r"(?=\p{Lu}[\p{Lu}\p{N}\-]{1,29}\.(?:COM|CO\.ID|ID|NET|NEWS)(?![\p{L}.])"
    r"(?:[ \t]{0,3},[ \t]{0,3}\p{Lu}{2}[\p{Lu} .]{0,30}?)?[ \t]{0,3}[\-\u2013\u2014])"
)
# Words after which a domain names the outlet of a byline or a notice, not a dateline.
_NOT_BEFORE_DATELINE = frozenset(
    {"wartawan", "reporter", "kontributor", "jurnalis", "laporan", "di", "dari", "oleh", "via"}
)
_LAPORAN_ROLE = regex.compile(
    r"(?i)laporan[ \t]{1,3}(?:wartawan|reporter|kontributor|jurnalis|koresponden)\b"
)
# A reporter line after a caption or headline on the same line.
_LAPORAN = regex.compile(
    r"(?<=\S)[ \t]{1,3}"
    r"(?=Laporan[ \t]{1,3}(?:[Ww]artawan|[Rr]eporter|[Kk]ontributor|[Jj]urnalis)\b)"
)


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in read_lines(_PACKAGE, "abbreviations.txt"))


@dataclass(frozen=True, slots=True)
class Relaid:
    """A text with line breaks put back, and the offsets of the characters added.

    Attributes:
        text: The text with the breaks.
        inserted: Sorted offsets in ``text`` of the line breaks that were not in the
            original (a break that replaced blanks is not listed: it kept its offset).

    """

    text: str
    inserted: tuple[int, ...]

    def to_original(self, pos: int) -> int:
        """Map an offset of :attr:`text` to the original text."""
        return pos - bisect.bisect_left(self.inserted, pos)

    def from_original(self, pos: int) -> int:
        """Map an offset of the original text to :attr:`text` (after any break added there)."""
        lo, hi = 0, len(self.inserted)
        # the k-th insertion sits at original offset inserted[k] - k
        while lo < hi:
            mid = (lo + hi) // 2
            if self.inserted[mid] - mid <= pos:
                lo = mid + 1
            else:
                hi = mid
        return pos + lo


def _lost_layout_lines(text: str) -> list[tuple[int, int]]:
    """The lines that hold most of the text and are long: the scraper lost their breaks."""
    out: list[tuple[int, int]] = []
    n = len(text)
    pos = 0
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end - pos >= _LONG_LINE and end - pos >= _LONG_SHARE * n:
            out.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _sentence_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    breaks: list[tuple[int, int]] = []
    abbreviations = _abbreviations()
    for m in _SENTENCE_END.finditer(text, start, end):
        dot = m.start() - 1
        while dot > start and text[dot] not in ".!?":
            dot -= 1
        word = _WORD_BEFORE.search(text, max(start, dot - 12), dot)
        if text[dot] == "." and word and word.group().casefold() in abbreviations:
            continue  # `Dr. Budi`, `Jl. Sudirman`
        breaks.append(m.span())
    breaks += _code_breaks(text, start, end)
    for m in _GLUED_NOTICE.finditer(text, start, end):
        b = _blanks_before(text, m.start(), start)
        if b > start and not text[b - 1].isspace():
            breaks.append((b, m.start()))
    for m in _LABEL.finditer(text, start, end):
        b = _blanks_before(text, m.start(), start)
        if start < b < m.start() and not text[b - 1].isspace():
            breaks.append((b, m.start()))
    return breaks


def _blanks_before(text: str, pos: int, floor: int) -> int:
    """The start of the (at most three) blanks just before ``pos``."""
    b = pos
    while b > floor and pos - b < 3 and text[b - 1] in " \t":
        b -= 1
    return b


def _code_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Breaks around closing initials codes on a lost-layout line.

    After a code that follows a sentence end (`imbuhnya. (m26) Baca berita`), and before
    and after a lower-case slash code wherever it stands (`Garuda 6-0 (cas/mrp) timnas`).
    """
    breaks: list[tuple[int, int]] = []
    start = max(start, end - _CODE_TAIL)  # closing codes close the text
    for m in _CODE.finditer(text, start, end):
        slash = _SLASH_CODE.fullmatch(text, m.start(), m.end()) is not None
        b = _blanks_before(text, m.start(), start)
        after_sentence = b > start and text[b - 1] in _CODE_AFTER
        if slash and b > start and not text[b - 1].isspace():
            breaks.append((b, m.start()))
        if slash or after_sentence:
            follow = _BLANKS_THEN_LETTER.match(text, m.end(), end)
            if follow:
                breaks.append(follow.span())
    return breaks


def relayout(text: str) -> Relaid:
    """Return ``text`` with the line breaks a scraper lost put back (see the module doc).

    A text whose layout is intact comes back unchanged (same object, nothing inserted).
    """
    breaks: list[tuple[int, int]] = []
    for start, end in _lost_layout_lines(text):
        breaks += _sentence_breaks(text, start, end)
        breaks += [m.span() for m in _CLOSING_BRACKET.finditer(text, start, end)]
    head = min(len(text), _HEAD)
    for pattern in (_GLUED_CAPS, _LAPORAN, _CAPS_DOMAIN_DATELINE):
        breaks += [m.span() for m in pattern.finditer(text, 0, head)]
    for m in _DOMAIN_DATELINE.finditer(text, 0, head):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if word and word.group().casefold() in _NOT_BEFORE_DATELINE:
            continue
        # `Laporan Wartawan Tribun Batam.id, Name`: the byline's own outlet, before its comma
        lead = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].lstrip()
        if _LAPORAN_ROLE.match(lead) and "," not in lead:
            continue
        breaks.append(m.span())
    if not breaks:
        return Relaid(text, ())
    breaks.sort()
    parts: list[str] = []
    inserted: list[int] = []
    pos = 0
    out_len = 0
    for s, e in breaks:
        if s < pos:
            continue
        parts.append(text[pos:s])
        out_len += s - pos
        if e == s:
            inserted.append(out_len)
            parts.append("\n")
            out_len += 1
        else:
            # blanks become one break and padding spaces: offsets keep their place
            parts.append("\n" + " " * (e - s - 1))
            out_len += e - s
        pos = e
    parts.append(text[pos:])
    return Relaid("".join(parts), tuple(inserted))
