"""Low-level text units for the quote recogniser: tokens, quotation spans and sentences."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from beritakit.extractors.quotes.lexicon import lexicon

__all__ = [
    "QUOTE",
    "Quoted",
    "Tok",
    "find_quoted",
    "Layout",
    "sentence_spans",
]

QUOTE = "\x00Q"
"""Text of the placeholder token that stands for a whole quotation in a token list."""

# Quotation marks: straight, curly, low-9 and reversed double marks. Single quotes are left
# alone: they mark titles, terms and quotes inside quotes far more often than speech.
# A run of three or more marks (`“““`) is no quotation: it is matched whole and skipped.
_MARK_OR_NL = regex.compile(
    r'(?P<run>["\u201c\u201d\u201e\u201f\u00ab\u00bb]{3,})|["\u201c\u201d\u201e\u201f\u00ab\u00bb]|\n'
)
_OPENERS = "\u201c\u201e\u201f\u00ab"
_CLOSERS = "\u201d\u00bb"
_ALL_MARKS = '"' + _OPENERS + _CLOSERS
_LEFT_SPACE = "([{\u2014\u2013-/:" + _ALL_MARKS
_RIGHT_SPACE = ".,;:!?)]}\u2026\u2014\u2013-" + _ALL_MARKS

# A word: letters/digits with inner apostrophes, ampersands, and dots or hyphens between
# alphanumerics ("S.I.K", "Kompas.com", "Ma’ruf", "Co-Founder"); any other character is a
# token, a run of the same one a single token ("...", "“““"). Each repetition consumes one
# character of disjoint classes: linear time.
_TOKEN = regex.compile(
    r"(?<![\p{L}\p{N}])@[\p{L}\p{N}_](?:[\p{L}\p{N}_]|\.(?=[\p{L}\p{N}_]))*"  # @akun
    r"|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}\u2019'&]|[.-](?=[\p{L}\p{N}]))*|([^\s\p{L}\p{N}])\1*"
)

# Sentence ends: terminal punctuation (plus closing marks/brackets) before a space, a
# period glued to a capital or an opening mark ("kata dia.Begitu"), or a line break.
_BOUNDARY = regex.compile(
    r"(?P<p>[.!?\u2026]+[\"\u201d\u2019)\]]{0,3})(?=\s|$)"
    r"|(?<=[\p{Ll}\p{N})])(?P<g>[.!?][\"\u201d]?)(?=\p{Lu}\p{Ll}|[\"\u201c]\p{Lu})"
    r"|(?P<n>\n)"
)
_WORD_BEFORE = regex.compile(r"(\p{L}{1,12})$")

_MAX_QUOTE = 6000  # characters; a longer "quotation" is a stray mark
MAX_QUOTES = 2000  # quotations read from one text; no article has more
_SHORT_LINE = 40  # a line this short inside a quotation is a scraper's line break
_SHORT_LINE_JOIN = 25  # a line this short, without end punctuation, goes on in the next
_LINE_ENDS = '.!?:;"\u201d\u2019)'


class Tok:
    """A token: its text and offsets in the article text, with derived facts computed once.

    Attributes:
        text: The token as written (:data:`QUOTE` for a whole quotation).
        start: Start offset in the article text.
        end: End offset.
        folded: The casefolded text.
        is_quote: Whether the token stands for a whole quotation.
        capital: Whether the token starts with a capital letter.

    """

    __slots__ = ("capital", "end", "folded", "is_quote", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.folded = text.casefold()
        self.is_quote = text == QUOTE
        self.capital = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Quoted:
    """A stretch of text between quotation marks.

    Attributes:
        open: Offset of the opening mark.
        start: Start of the content.
        end: End of the content (before the closing mark or the end of the paragraph).
        close: Offset of the closing mark, or ``None`` when the scraper lost it.
        inner: Offsets of marks that reopen the quotation at later paragraphs.

    """

    open: int
    start: int
    end: int
    close: int | None
    inner: tuple[int, ...] = ()

    @property
    def after(self) -> int:
        """Offset just past the quotation (past its closing mark when there is one)."""
        return self.close + 1 if self.close is not None else self.end


class Layout:
    """An article text with its quotations indexed, to tokenise stretches of it."""

    __slots__ = ("afters", "opens", "quoted", "text")

    def __init__(self, text: str, quoted: list[Quoted]) -> None:
        self.text = text
        self.quoted = quoted
        self.opens = [q.open for q in quoted]
        self.afters = [q.after for q in quoted]

    def quote_at(self, pos: int) -> Quoted | None:
        """Return the quotation whose marks enclose ``pos``, if any."""
        k = bisect.bisect_right(self.opens, pos) - 1
        if k >= 0 and self.opens[k] <= pos < self.afters[k]:
            return self.quoted[k]
        return None

    def tokens(self, start: int, end: int) -> list[Tok]:
        """Tokenise ``text[start:end]``; each quotation becomes one :data:`QUOTE` token."""
        out: list[Tok] = []
        text = self.text
        k = bisect.bisect_right(self.afters, start)
        pos = start
        while pos < end:
            q = self.quoted[k] if k < len(self.quoted) else None
            if q is None or q.open >= end:
                out.extend(
                    Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, end)
                )
                break
            if q.open > pos:
                out.extend(
                    Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, q.open)
                )
            out.append(Tok(QUOTE, max(q.open, pos), min(q.after, end)))
            pos = q.after
            k += 1
        return out


def _classify(text: str, i: int) -> str:
    """Tell whether the mark at ``i`` opens, closes, or could do either."""
    ch = text[i]
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    lspace = left.isspace() or left in _LEFT_SPACE
    rspace = right.isspace() or right in _RIGHT_SPACE
    if lspace and not rspace:
        return "open"
    if rspace and not lspace:
        return "close"
    if not lspace and not rspace:
        if ch in _OPENERS:
            return "open"
        if ch in _CLOSERS:
            return "close"
    return "either"


def _line_start(text: str, i: int) -> bool:
    """Whether only spaces stand between the last line break (or the start) and ``i``."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def find_quoted(text: str) -> list[Quoted]:
    """Pair the quotation marks of ``text`` into quotations, in one left-to-right pass.

    A quotation may run over a scraper's line break ("… mengenai", "giant sea wall" on lines
    of their own),
    and over paragraphs when each later paragraph reopens it with a mark and only the
    last one closes it. A quotation left open at the end of a paragraph that opened with
    it is kept (the closing mark was lost); one left open inside a sentence is dropped.
    """
    out: list[Quoted] = []
    open_at = -1
    last_nl = -1
    inner: list[int] = []

    def emit_open_paragraph() -> None:
        # the quotation opened a paragraph and was never closed: keep its first paragraph
        if _line_start(text, open_at):
            nl = text.find("\n", open_at)
            s, e = _trim(text, open_at + 1, nl if nl >= 0 else len(text))
            if e > s:
                out.append(Quoted(open_at, s, e, None, tuple(inner)))

    for m in _MARK_OR_NL.finditer(text):
        if m.group("run") is not None:
            continue
        if len(out) >= MAX_QUOTES:
            break
        i = m.start()
        if text[i] == "\n":
            if open_at >= 0:
                nxt = text[i + 1 : i + 2 + _SHORT_LINE].lstrip(" \t")
                line_before = text[last_nl + 1 : i].rstrip()
                if nxt[:1] and nxt[0] in _ALL_MARKS and _line_start(text, open_at):
                    pass  # the mark that follows decides
                elif (
                    i - open_at < _MAX_QUOTE
                    and nxt[:1]
                    and (
                        nxt[0].islower()
                        or nxt[0] in "(),.;:"
                        or "\n" in nxt
                        or (
                            len(line_before) < _SHORT_LINE
                            and not line_before.endswith((".", "!", "?"))
                        )
                    )
                ):
                    pass  # a line break inside the sentence
                else:
                    emit_open_paragraph()
                    open_at, inner = -1, []
            last_nl = i
            continue
        role = _classify(text, i)
        if open_at < 0:
            if role != "close":
                open_at, inner = i, []
            continue
        if i - open_at > _MAX_QUOTE:
            emit_open_paragraph()
            open_at, inner = (i, []) if role != "close" else (-1, [])
            continue
        if role == "open":
            if last_nl > open_at and _line_start(text, i) and _line_start(text, open_at):
                inner.append(i)  # the quotation goes on in a new paragraph
                continue
            if last_nl > open_at:
                emit_open_paragraph()
            open_at, inner = i, []
            continue
        s, e = _trim(text, open_at + 1, i)
        if e > s:
            out.append(Quoted(open_at, s, e, i, tuple(inner)))
        open_at, inner = -1, []
    if open_at >= 0:
        emit_open_paragraph()
    return out


@functools.cache
def _abbreviations() -> frozenset[str]:
    return lexicon().abbreviations


def sentence_spans(text: str, quoted: list[Quoted]) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; a quotation is never split.

    Args:
        text: The article text.
        quoted: The quotations found by :func:`find_quoted`.

    Returns:
        ``(start, end)`` of each sentence, without surrounding spaces.

    """
    starts = [q.open for q in quoted]
    ends = [q.close if q.close is not None else q.end for q in quoted]
    abbreviations = _abbreviations()

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and starts[k] < pos < ends[k]

    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        if m.lastgroup == "n":
            i = m.start()
            if inside(i):
                continue
            j = i + 1
            while j < len(text) and text[j] in " \t":
                j += 1
            if j < len(text) and (text[j].islower() or text[j] in ",.;:)"):
                continue
            line = text[text.rfind("\n", 0, i) + 1 : i].strip()
            nxt = text.find("\n", j, j + _SHORT_LINE)
            if (
                line
                and len(line) < _SHORT_LINE_JOIN
                and line[-1] not in _LINE_ENDS
                and j < len(text)
                and text[j] not in _ALL_MARKS
                and (nxt >= 0 or len(text) - j < _SHORT_LINE)
            ):
                continue  # one word a line ("PT\nFreeport\nIndonesia …")
            cuts.append(i + 1)
            continue
        dot = m.start()
        end = m.end()
        if inside(dot) and (text[end - 1] not in _ALL_MARKS or inside(end - 1)):
            continue  # inside a quotation; a cut only right after its closing mark
        if text[dot] == ".":
            w = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
            if w is not None:
                word = w.group(1)
                if (len(word) == 1 and word.isupper()) or word.casefold() in abbreviations:
                    continue
        k = end
        while k < len(text) and text[k] in " \t":
            k += 1
        if k < len(text) and text[k].islower():
            continue  # '…kamu?" tanya pewawancara', "dkk. mulai musim depan"
        cuts.append(end)
    out: list[tuple[int, int]] = []
    prev = 0
    for c in [*cuts, len(text)]:
        s, e = prev, c
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        prev = c
    return out
