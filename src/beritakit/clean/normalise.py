r"""Normalise scraped article text while keeping a map back to the original.

Scrapers leave ``\\xa0``, HTML entities (``&nbsp;``, ``&rdquo;``), zero-width
characters, CRLF line ends, decomposed accents and sometimes HTML tags. Extractors
work on the normalised text; :class:`MappedText` turns any of its offsets back into
offsets of the caller's original string, so every span in the record points into
``Article.text``.
"""

from __future__ import annotations

import html
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from beritakit.record import Span

__all__ = ["MappedText", "looks_like_html", "normalise"]

# One alternation, tried left to right at every special character; plain text
# between matches is copied unchanged. Every quantifier is bounded or linear.
_SPECIAL = regex.compile(
    r"(?P<ent>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|(?P<nl>\r\n?|[\u2028\u2029\x85])"
    r"|(?P<drop>[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f])"
    # a run of spacing characters other than one plain space (which needs no change)
    r"|(?P<sp> [\t\p{Zs}]++|(?! )[\t\p{Zs}][\t\p{Zs}]*+)"
    # combining marks; the letter they sit on is the character before
    r"|(?P<comb>\p{M}++)"
)

_HTML_TAG = regex.compile(
    r"(?i)</?(?:p|div|br|span|a|html|head|body|script|style|h[1-6]|li|ul|ol|table|tr|td"
    r"|img|strong|em|b|i|figure|figcaption|article|section|meta|title)\b[^<>]{0,2000}>"
)
_HTML_BLOCK = regex.compile(
    r"(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|article|section"
    r"|figure|figcaption|title|head|body|html)\b"
)
_HTML_SPECIAL = regex.compile(
    r"(?is)(?P<script><(?P<tagname>script|style|noscript)\b[^<>]{0,2000}>"
    r"[^<]*+(?:<(?!/(?P=tagname)\s*>)[^<]*+)*+(?:</(?P=tagname)\s*>)?)"
    r"|(?P<comment><!--(?:[^-]++|-(?!->))*+(?:-->)?)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9]{0,20}\b[^<>]{0,2000}>|<!DOCTYPE[^<>]{0,2000}>)"
)

_SQUEEZE = regex.compile(r"[ ]*\n[ \n]*|[ ]{2,}")

# 0, 1, 2, ... built once: the identity map of an article is two slices of it (a copy
# in C) instead of two arrays built from Python ints, a tenth of a millisecond an article.
# It grows to the longest text seen, up to _COUNT_CACHE; longer texts build their own.
_COUNT_CACHE = 1 << 18
_COUNT = array("q")


def _count(start: int, stop: int) -> array[int]:
    """``array("q", range(start, stop))``, sliced from a shared array when it is short."""
    global _COUNT  # noqa: PLW0603 - a cache, replaced by a longer copy only
    if stop > len(_COUNT) and stop <= _COUNT_CACHE:
        _COUNT = array("q", range(min(_COUNT_CACHE, max(stop, 2 * len(_COUNT), 8192))))
    if stop <= len(_COUNT):
        return _COUNT[start:stop]
    return array("q", range(start, stop))


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` carries HTML markup (at least two known tags)."""
    count = 0
    for _ in _HTML_TAG.finditer(text):
        count += 1
        if count >= 2:
            return True
    return False


@dataclass(frozen=True, slots=True)
class MappedText:
    """A string derived from ``original`` with, for each character, its source range.

    ``starts[i]`` and ``ends[i]`` bound the original characters that produced
    ``text[i]``; a character inserted by cleaning gets an empty range.
    """

    text: str
    original: str
    starts: array[int]
    ends: array[int]

    @classmethod
    def identity(cls, original: str) -> MappedText:
        """Map ``original`` onto itself."""
        n = len(original)
        return cls(original, original, _count(0, n), _count(1, n + 1))

    def orig_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the original offsets that ``text[start:end]`` came from."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            at = self.starts[start] if start < n else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def span(self, start: int, end: int) -> Span:
        """Return a record :class:`Span` over the original text for ``text[start:end]``."""
        ostart, oend = self.orig_range(start, end)
        return Span(start=ostart, end=oend, text=self.original[ostart:oend])

    def keep(self, segments: Iterable[tuple[int, int]], sep: str = "") -> MappedText:
        """Return the text made of ``segments`` (sorted, non-overlapping), joined by ``sep``.

        Each separator maps to an empty range at the start of the segment it precedes.
        """
        parts: list[str] = []
        starts: array[int] = array("q")
        ends: array[int] = array("q")
        first = True
        for s, e in segments:
            if e <= s:
                continue
            if not first and sep:
                at = self.starts[s]
                parts.append(sep)
                starts.extend([at] * len(sep))
                ends.extend([at] * len(sep))
            first = False
            parts.append(self.text[s:e])
            starts.extend(self.starts[s:e])
            ends.extend(self.ends[s:e])
        return MappedText("".join(parts), self.original, starts, ends)

    def without(self, regions: Sequence[tuple[int, int]]) -> MappedText:
        """Return the text with ``regions`` cut out and the whitespace tidied.

        A cut leaves a line break, so words on both sides never glue together;
        runs of blank lines shrink to one blank line and the ends are stripped.
        """
        segments: list[tuple[int, int]] = []
        pos = 0
        for s, e in sorted(regions):
            if s > pos:
                segments.append((pos, s))
            pos = max(pos, e)
        if pos < len(self.text):
            segments.append((pos, len(self.text)))
        return self.keep(segments, sep="\n").squeezed()

    def squeezed(self) -> MappedText:
        """Collapse space runs, trim line ends, keep at most one blank line, strip."""
        text = self.text
        segments: list[tuple[int, int]] = []
        inserts: list[str] = []
        pos = 0
        for m in _SQUEEZE.finditer(text):
            s, e = m.span()
            repl = " " if "\n" not in m.group() else ("\n\n" if m.group().count("\n") > 1 else "\n")
            if m.group() == repl:
                continue
            segments.append((pos, s))
            inserts.append(repl)
            pos = e
        segments.append((pos, len(text)))
        if not inserts:
            return self._stripped()
        parts: list[str] = []
        starts: array[int] = array("q")
        ends: array[int] = array("q")
        for i, (s, e) in enumerate(segments):
            parts.append(text[s:e])
            starts.extend(self.starts[s:e])
            ends.extend(self.ends[s:e])
            if i < len(inserts):
                # the replacement stands for the whitespace it replaced
                ws_start, ws_end = e, segments[i + 1][0]
                at, to = self.starts[ws_start], self.ends[ws_end - 1]
                parts.append(inserts[i])
                starts.extend([at] * len(inserts[i]))
                ends.extend([to] * len(inserts[i]))
        return MappedText("".join(parts), self.original, starts, ends)._stripped()

    def _stripped(self) -> MappedText:
        text = self.text
        s = len(text) - len(text.lstrip())
        e = len(text.rstrip())
        if s == 0 and e == len(text):
            return self
        return (
            self.keep([(s, e)]) if e > s else MappedText("", self.original, array("q"), array("q"))
        )


def _html_pass(original: str) -> MappedText:
    """Drop tags, comments, scripts and styles; a block tag becomes a line break."""
    parts: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    pos = 0
    for m in _HTML_SPECIAL.finditer(original):
        s, e = m.span()
        if s > pos:
            parts.append(original[pos:s])
            starts.extend(range(pos, s))
            ends.extend(range(pos + 1, s + 1))
        if m.group("tag") and _HTML_BLOCK.match(m.group("tag")):
            parts.append("\n")
            starts.append(s)
            ends.append(e)
        pos = e
    parts.append(original[pos:])
    starts.extend(range(pos, len(original)))
    ends.extend(range(pos + 1, len(original) + 1))
    return MappedText("".join(parts), original, starts, ends)


def normalise(original: str, *, strip_html: bool | None = None) -> MappedText:
    r"""Normalise ``original`` for extraction, keeping the offset map.

    Args:
        original: The text exactly as the caller passed it.
        strip_html: Remove HTML markup; ``None`` decides with :func:`looks_like_html`.

    Returns:
        The normalised text (NFC, one space for any run of spaces, ``\\n`` line ends,
        entities decoded, invisible characters gone) mapped onto ``original``.
    """
    if strip_html is None:
        strip_html = looks_like_html(original)
    base = _html_pass(original) if strip_html else MappedText.identity(original)
    src = base.text
    parts: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    pos = 0
    for m in _SPECIAL.finditer(src):
        s, e = m.span()
        kind = m.lastgroup
        if kind == "comb" and s > pos:
            s -= 1  # compose the marks with their base letter
        token = src[s:e]
        if kind == "ent":
            repl = html.unescape(token)
            if repl == token:
                continue
            repl = _SPECIAL_SPACE.sub(" ", repl)
        elif kind == "nl":
            repl = "\n"
        elif kind == "drop":
            repl = ""
        elif kind == "sp":
            if token == " ":
                continue
            repl = " "
        else:  # a letter with combining marks
            repl = unicodedata.normalize("NFC", token)
            if repl == token:
                continue
        if s > pos:
            parts.append(src[pos:s])
            starts.extend(base.starts[pos:s])
            ends.extend(base.ends[pos:s])
        if repl:
            parts.append(repl)
            starts.extend([base.starts[s]] * len(repl))
            ends.extend([base.ends[e - 1]] * len(repl))
        pos = e
    parts.append(src[pos:])
    starts.extend(base.starts[pos:])
    ends.extend(base.ends[pos:])
    return MappedText("".join(parts), original, starts, ends)


_SPECIAL_SPACE = regex.compile(r"[\p{Zs}\u200b]")
