"""Find the parts of a scraped news text that are not article body (links, teasers, tags)."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from beritakit.resources import read_lines, read_table

__all__ = ["Region", "find_boilerplate"]

_PACKAGE = "beritakit.clean"

# A line's leading decoration that a line-anchored rule may skip.
_LINE_PREFIX = r"(?:^[ \t*\u2022\-\u2013\u2014]{0,3})"
# Characters after which a "glued" rule may start on the same line, past a blank or two.
_GLUED_AFTER = '.!?\u201d"'
# Sentence-final characters: a line ending in one of them reads as prose.
_FINAL = ".!?\"\u201d\u2019'"
_WORD = regex.compile(r"\S+")
# A bracketed initials code alone on its line, e.g. ``(cas/mrp)`` or ``( Wan)``.
_CODE_LINE = regex.compile(
    r"[ \t]{0,3}[(\[][ \t]{0,2}[\w.\-]{1,30}"
    r"(?:[ \t]{0,2}/[ \t]{0,2}[\w.\-]{1,30}){0,3}[ \t]{0,2}[)\]][ \t]{0,3}"
)
# A slash code with lower-case tag words glued after it (``Tbk(acd/acd)wakil menteri``).
_GLUED_TAGS = regex.compile(
    r"\([A-Za-z0-9]{1,8}/[A-Za-z0-9]{1,8}\)(?P<tags>[a-z][a-z0-9 \-]{2,400})[ \t]*$", regex.M
)
# Where a title-case headline glued into the next sentence may end: a lower-case
# letter, digit or closing bracket directly followed by a capital or an opening quote.
_GLUE_POINT = regex.compile(r"(?<=[\p{Ll}0-9)\]!?.])(?=[\p{Lu}\u201c\"'])|(?=[\u201c\"])")
# Sentence boundaries used to find repeated text.
_SENTENCE_END = regex.compile(
    r"(?<=[\p{Ll}0-9)\]%\"\u201d\u2019][.!?][\"\u201d\u2019']?)(?=[ \t]{0,3}[\p{Lu}\u201c\"'(])"
)

_MIN_REPEAT_CHARS = 40
_MIN_REPEAT_WORDS = 6
_TAG_MAX_WORDS = 8
_HEADLINE_MAX_WORDS = 25
_HEADLINE_MAX_TOKENS = 60
_HEADLINE_LINE_WORDS = 40
_HEADLINE_MAX_CHARS = 300
_HEADLINE_SCAN = 1500
# more headlines listed under a "Baca juga" marker after the first one, at most
_MORE_HEADLINES = 5
_BULLETS = frozenset("-\u2013\u2022*\u00b7")
_INNER_STOP = regex.compile(r"[.!?] +\p{Lu}")
_MAX_REPEAT_CHARS = 5000
_MAX_MATCHES_PER_RULE = 200
_MAX_BLOCK_LINES = 40
_SCAN_LINES = 200


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the text that is not article body.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character.
        kind: What it is: ``comment_form``, ``read_also``, ``video_teaser``,
            ``editor_pick``, ``follow_channel``, ``republished_notice``, ``tags``,
            ``share``, ``caption``, ``ad``, ``copyright`` or ``repeat``.

    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    anchor: str
    extent: str
    max_words: int
    pattern: regex.Pattern[str]
    continuation: regex.Pattern[str] | None


def _spaces_flexible(pattern: str) -> str:
    """Let each plain space outside a character class match a short run of blanks."""
    out: list[str] = []
    in_class = False
    escaped = False
    skip_next = False
    for i, ch in enumerate(pattern):
        if skip_next:
            skip_next = False
            continue
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            if ch == "]":
                in_class = False
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " " and pattern[i + 1 : i + 2] == "?":
            out.append(r"[ \t\n]{0,10}")
            skip_next = True
        elif ch == " ":
            out.append(r"[ \t\n]{1,10}")
        else:
            out.append(ch)
    return "".join(out)


def _compile(pattern: str, prefix: str = "") -> regex.Pattern[str]:
    flags = regex.M | regex.V0
    if pattern.startswith("(?i)"):
        flags |= regex.I
        pattern = pattern[4:]
    return regex.compile(prefix + "(?:" + _spaces_flexible(pattern) + ")", flags)


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    rules: list[_Rule] = []
    for row in read_table(_PACKAGE, "boilerplate.tsv"):
        kind, anchor, extent, max_words, pattern = row[:5]
        # a glued rule's position is checked in Python: a look-behind tried at every
        # offset would make the regex scan slow
        prefix = _LINE_PREFIX if anchor == "line" else ""
        cont = (
            regex.compile(row[5][4:], regex.M | regex.I)
            if len(row) > 5 and row[5].startswith("(?i)")
            else (regex.compile(row[5], regex.M) if len(row) > 5 and row[5] else None)
        )
        rules.append(_Rule(kind, anchor, extent, int(max_words), _compile(pattern, prefix), cont))
    return tuple(rules)


@functools.cache
def _headline_words() -> frozenset[str]:
    return frozenset(w.strip() for w in read_lines(_PACKAGE, "headline_words.txt"))


class TextLines:
    """Line offsets of a text, built once and shared by the passes over it.

    Attributes:
        text: The text.
        starts: Offset of each line's first character.
        ends: Offset just past each line's last character (before its newline).
        nonblank: Indices of the lines that hold something besides blanks.

    """

    __slots__ = ("ends", "nonblank", "starts", "text")

    def __init__(self, text: str) -> None:
        parts = text.split("\n")
        cum = list(itertools.accumulate(map((1).__add__, map(len, parts))))
        self.text = text
        self.starts = [0, *cum[:-1]]
        self.ends = list(map(int.__sub__, cum, itertools.repeat(1)))
        self.nonblank = list(itertools.compress(range(len(parts)), map(str.strip, parts)))

    def index(self, pos: int) -> int:
        """Return the index of the line holding offset ``pos``."""
        return bisect.bisect_right(self.starts, pos) - 1

    def line(self, i: int, limit: int = 0) -> str:
        """Return line ``i`` (at most ``limit`` characters of it when ``limit`` is set)."""
        end = self.ends[i] if not limit else min(self.ends[i], self.starts[i] + limit)
        return self.text[self.starts[i] : end]

    def nonblank_from(self, i: int) -> Iterator[int]:
        """Yield the non-blank line indices from ``i`` on."""
        k = bisect.bisect_left(self.nonblank, i)
        yield from itertools.islice(self.nonblank, k, None)

    def nonblank_back(self, i: int) -> Iterator[int]:
        """Yield the non-blank line indices up to ``i``, last first."""
        k = bisect.bisect_right(self.nonblank, i)
        for j in range(k - 1, -1, -1):
            yield self.nonblank[j]


def _word_count(s: str, cap: int = 1000, start: int = 0, end: int | None = None) -> int:
    n = 0
    for _ in _WORD.finditer(s, start, len(s) if end is None else end):
        n += 1
        if n > cap:
            break
    return n


def is_prose(segment: str) -> bool:
    """Tell whether a stretch of one line reads as article prose rather than a label or tag."""
    s = segment.strip()
    if not s:
        return False
    n = _word_count(s, 10)
    return n >= 10 or (n >= 4 and s[-1] in _FINAL)


def _listed_headline(line: str) -> bool:
    """A further linked headline, bulleted, under a ``Baca juga`` marker.

    ``- Trump Kerahkan Marinir ke Los Angeles, Gubernur California Geram!``. Only a bullet
    tells: an unbulleted short line there is as often the body's subheading ("Dolar AS
    Melemah") or its first words.
    """
    s = line.strip()
    if s[:1] not in _BULLETS or not is_headline(s[1:]):
        return False
    words = s[1:].split()
    # a headline has words and one sentence: not "---", not a list item "... Pusat. Harga"
    return len(words) >= 3 and words[0][:1].isupper() and _INNER_STOP.search(s) is None


def is_headline(line: str) -> bool:
    """Tell whether a line reads like a linked headline (short, no closing full stop)."""
    s = line.strip()
    if not s or len(s) > _HEADLINE_MAX_CHARS or s[0] in "\"\u201c'(" or s[-1] in ".,;:\"\u201d'":
        return False
    return _word_count(s, _HEADLINE_MAX_WORDS) <= _HEADLINE_MAX_WORDS


class SpanCover:
    """Sorted, merged intervals with fast residual queries."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        self.spans = merged
        self._starts = [s for s, _ in merged]

    def residual(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Yield the parts of ``[start, end)`` outside every interval."""
        i = bisect.bisect_right(self._starts, start) - 1
        pos = start
        if i >= 0 and self.spans[i][1] > pos:
            pos = self.spans[i][1]
        i += 1
        while i < len(self.spans) and self.spans[i][0] < end:
            s, e = self.spans[i]
            if s > pos:
                yield pos, s
            pos = max(pos, e)
            i += 1
        if pos < end:
            yield pos, end

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` meets any interval."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.spans[i][1] > start:
            return True
        return i + 1 < len(self.spans) and self.spans[i + 1][0] < end


def _prose_in_line(lines: TextLines, i: int, cover: SpanCover) -> tuple[int, int] | None:
    """Return the span of the prose outside ``cover`` on line ``i``, if any."""
    text = lines.text
    first = last = -1
    for s, e in cover.residual(lines.starts[i], lines.ends[i]):
        seg = text[s:e]
        if is_prose(seg):
            if first < 0:
                first = s + (len(seg) - len(seg.lstrip()))
            last = s + len(seg.rstrip())
    return (first, last) if first >= 0 else None


def _scan_prose(
    lines: TextLines, cover: SpanCover, order: Iterable[int]
) -> tuple[int, tuple[int, int] | None]:
    """Return the first line in ``order`` holding prose, looking at ``_SCAN_LINES`` lines at most.

    When none of them holds prose, the last line looked at stands in for it (so that
    a pathological text has a bounded head and tail) and the span is ``None``.
    """
    last = -1
    for n, i in enumerate(order):
        if n >= _SCAN_LINES:
            return last, None
        last = i
        span = _prose_in_line(lines, i, cover)
        if span:
            return i, span
    return -1, None


def prose_bounds(
    text: str, covered: Sequence[tuple[int, int]], lines: TextLines | None = None
) -> tuple[int, int]:
    """Return where the first article prose starts and where the last prose ends.

    Args:
        text: The normalised article text.
        covered: Stretches to ignore (boilerplate, credits).
        lines: The text's line offsets, when already built.

    Returns:
        ``(first_start, last_end)``; ``(len(text), 0)`` when there is no prose.

    """
    lines = lines if lines is not None and lines.text is text else TextLines(text)
    cover = SpanCover(covered)
    i, span = _scan_prose(lines, cover, lines.nonblank)
    first = span[0] if span else (lines.starts[i] if i >= 0 else len(text))
    i, span = _scan_prose(lines, cover, reversed(lines.nonblank))
    last = span[1] if span else (lines.ends[i] if i >= 0 else 0)
    return first, last


def _lowercase_word(token: str) -> bool:
    for ch in token:
        if ch.isalpha():
            return ch.islower()
    return False


def _sentence_follows(tokens: list[str], i: int) -> bool:
    """Tell whether the words after ``tokens[i]`` read as running prose (mostly lower case)."""
    window = tokens[i + 1 : i + 5]
    lower = [_lowercase_word(t) for t in window]
    if not lower or not lower[0] or sum(lower) < 2:
        return False
    words = _headline_words()
    return any(
        low and t.strip("\"\u201c\u201d'(),.:;!?").lower() not in words
        for t, low in zip(window, lower, strict=True)
    )


def _opens_clause(token: str, following: str) -> bool:
    """Tell whether a capitalised word with a comma opens a sentence (``Bahkan, pada``)."""
    return (
        token.endswith(",")
        and token[0].isupper()
        and (_lowercase_word(following) or following[:1].isdigit())
    )


def _body_start_in(tokens: list[str], i: int) -> int | None:
    """Where in token ``i`` the body begins after a run of headlines, or ``None``."""
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    for g in _GLUE_POINT.finditer(token, 1, 80):
        rest = token[g.start() :]
        # glued text is a strong cue: one lower-case word after it is enough
        if rest[0] in '\u201c"' or _lowercase_word(following) or _opens_clause(rest, following):
            return g.start()
    if i < 2:
        return None
    head = token.lstrip("(")
    if not head or not (head[0].isupper() or head[0] in '\u201c"'):
        return None
    if (
        tokens[i - 1][-1] in "?!"
        or head[0] in '\u201c"'
        or _sentence_follows(tokens, i)
        or _opens_clause(head, following)
    ):
        return 0
    return None


def _headline_run_end(text: str, pos: int, line_end: int) -> int:
    """Return where the headlines after a ``Baca juga`` marker give way to body text.

    Sites glue the linked headlines to the next sentence (``...TikusAdapun kedua``)
    or separate them by a bare space (``...Datangi Kejagung Dia pun mendorong``).
    The body starts at the first capitalised word (or glued capital) that is
    followed by running lower-case prose, or after a headline ending in ``?``/``!``.
    """
    matches = []
    for m in _WORD.finditer(text, pos, min(line_end, pos + _HEADLINE_SCAN)):
        matches.append(m)
        if len(matches) > _HEADLINE_MAX_TOKENS:
            break
    tokens = [m.group() for m in matches]
    if (
        len(matches) <= _HEADLINE_LINE_WORDS
        and line_end - pos <= _HEADLINE_SCAN
        and not any(t[-1] in '."\u201d)' for t in tokens)
    ):
        return line_end  # a line of headlines only
    for i, m in enumerate(matches):
        at = _body_start_in(tokens, i)
        if at is not None:
            return m.start() + at
    if len(matches) <= _HEADLINE_MAX_WORDS + 5 and line_end - pos <= _HEADLINE_SCAN:
        return line_end
    return matches[min(len(matches), _HEADLINE_MAX_WORDS - 5) - 1].end() if matches else pos


def _glued_ok(text: str, pos: int) -> bool:
    """Tell whether a glued rule may start at ``pos``.

    At a line start (after up to three blanks), glued to the text before it, or
    after a sentence end and up to three blanks.
    """
    i = pos
    while i > 0 and text[i - 1] in " \t" and pos - i <= 3:
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return pos - i <= 3
    return i == pos or text[i - 1] in _GLUED_AFTER


def _matches(rule: _Rule, lines: TextLines) -> Iterator[regex.Match[str]]:
    """``rule.pattern.finditer(text)``; a line-anchored rule is only tried at line starts.

    The answers are the same (a match of ``^`` can only start there), without the regex
    engine testing every offset of the text: a fifth of the time.
    """
    text = lines.text
    if rule.anchor != "line":
        yield from rule.pattern.finditer(text)
        return
    match = rule.pattern.match
    end = 0
    for start in lines.starts:
        if start < end:
            continue  # inside the previous match, as finditer goes on after it
        m = match(text, start)
        if m is not None:
            yield m
            end = m.end()


def _rule_regions(lines: TextLines) -> tuple[list[Region], list[Region]]:
    """Apply the data rules; return (regions, regions that need prose after them)."""
    text = lines.text
    found: list[Region] = []
    body_only: list[Region] = []
    for rule in _rules():
        count = 0
        for m in _matches(rule, lines):
            if m.end() == m.start() or (rule.anchor == "glued" and not _glued_ok(text, m.start())):
                continue
            count += 1
            if count > _MAX_MATCHES_PER_RULE:
                break
            li = lines.index(m.start())
            ls, le = lines.starts[li], lines.ends[li]
            if rule.max_words and _word_count(text, rule.max_words, ls, le) > rule.max_words:
                continue
            region = Region(m.start(), _region_end(rule, lines, m, li), rule.kind)
            (body_only if rule.extent == "body" else found).append(region)
    return found, body_only


def _region_end(rule: _Rule, lines: TextLines, m: regex.Match[str], li: int) -> int:
    """Where the region of a rule's match ``m`` on line ``li`` ends, by the rule's extent."""
    text = lines.text
    end = max(lines.ends[li], m.end())
    if rule.extent == "match":
        return m.end()
    if rule.extent == "headlines":
        end = _headline_run_end(text, m.end(), end)
        if not text[m.end() : end].strip():
            # "Baca juga:" on a line of its own: the headline on the next line, and the
            # bulleted headlines that may follow it ("- Trump Kerahkan Marinir ...!")
            nli = lines.index(end) + 1
            if nli < len(lines.starts) and is_headline(lines.line(nli, _HEADLINE_MAX_CHARS + 1)):
                end = lines.ends[nli]
                more = nli + 1
                while (
                    more < len(lines.starts)
                    and more - nli <= _MORE_HEADLINES
                    and _listed_headline(lines.line(more, _HEADLINE_MAX_CHARS + 3))
                ):
                    end = lines.ends[more]
                    more += 1
    elif rule.extent == "block" and rule.continuation is not None:
        nli = lines.index(end) + 1
        while (
            nli < len(lines.starts)
            and nli - li < _MAX_BLOCK_LINES
            and rule.continuation.fullmatch(text, lines.starts[nli], lines.ends[nli])
        ):
            end = lines.ends[nli]
            nli += 1
    return end


def _last_prose_line(lines: TextLines, cover: SpanCover) -> int:
    return _scan_prose(lines, cover, reversed(lines.nonblank))[0]


def _tail_tags(lines: TextLines, cover: SpanCover) -> list[Region]:
    """Mark the tag list a site prints after the closing initials code."""
    text = lines.text
    out: list[Region] = []
    if lines.nonblank:
        last = lines.nonblank[-1]
        m = _GLUED_TAGS.search(
            text, max(lines.starts[last], lines.ends[last] - 500), lines.ends[last]
        )
        if m is not None:
            out.append(Region(m.start("tags"), m.end("tags"), "tags"))
    code_line = _code_line(lines, cover)
    if code_line < 0:
        return out
    return out + _tags_after(lines, cover, code_line)


def _code_line(lines: TextLines, cover: SpanCover) -> int:
    """The last line that is only a bracket code, after the last prose; -1 when none."""
    last_prose = _last_prose_line(lines, cover)
    for li in lines.nonblank_back(len(lines.starts) - 1):
        if li <= last_prose:
            break
        line = lines.line(li, 100)
        if _CODE_LINE.fullmatch(line) and any(c.isalpha() for c in line):
            return li
    return -1


def _tags_after(lines: TextLines, cover: SpanCover, code_line: int) -> list[Region]:
    """The tag lines after the closing code line (none when prose follows it)."""
    text = lines.text
    pending: list[Region] = []
    for li in lines.nonblank_from(code_line + 1):
        for s, e in cover.residual(lines.starts[li], lines.ends[li]):
            seg = text[s:e]
            if not seg.strip():
                continue
            if ":" in seg:
                return pending  # a labelled line (a credit) ends the tag list
            if is_prose(seg) or _word_count(seg, _TAG_MAX_WORDS) > _TAG_MAX_WORDS:
                return []  # prose after the code: these were no tags
            lead = len(seg) - len(seg.lstrip())
            pending.append(Region(s + lead, s + len(seg.rstrip()), "tags"))
    return pending


def _doubled_teasers(lines: TextLines, cover: SpanCover) -> list[Region]:
    """Mark a headline printed twice on adjacent lines after the last prose (a video teaser)."""
    out: list[Region] = []
    last_prose = _last_prose_line(lines, cover)
    # the second copy may itself read as the last prose line
    for li in lines.nonblank_from(max(0, last_prose - 1)):
        if li + 1 >= len(lines.starts):
            break
        a = lines.line(li, _HEADLINE_MAX_CHARS + 1).strip()
        if a and a == lines.line(li + 1, _HEADLINE_MAX_CHARS + 1).strip() and is_headline(a):
            out.append(Region(lines.starts[li], lines.ends[li + 1], "video_teaser"))
    return out


def _sentence_units(lines: TextLines, cover: SpanCover) -> Iterator[tuple[int, int]]:
    """Yield sentence-sized stretches outside ``cover``, trimmed of blanks."""
    text = lines.text
    for li in lines.nonblank:
        ls, le = lines.starts[li], lines.ends[li]
        if le - ls < _MIN_REPEAT_CHARS:
            continue
        for s, e in cover.residual(ls, le):
            if e - s < _MIN_REPEAT_CHARS:
                continue
            pos = s
            cuts = (m.start() for m in _SENTENCE_END.finditer(text, s, e))
            for cut in itertools.chain(cuts, (e,)):
                seg = text[pos:cut]
                lead = len(seg) - len(seg.lstrip())
                trail = len(seg.rstrip())
                if trail > lead:
                    yield pos + lead, pos + trail
                pos = cut


def _repeats(lines: TextLines, cover: SpanCover) -> list[Region]:
    """Mark every earlier copy of a sentence the scraper printed more than once."""
    text = lines.text
    seen: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s, e in _sentence_units(lines, cover):
        if e - s < _MIN_REPEAT_CHARS or e - s > _MAX_REPEAT_CHARS:
            continue
        unit = " ".join(text[s:e].split())
        if _word_count(unit, _MIN_REPEAT_WORDS) < _MIN_REPEAT_WORDS:
            continue
        seen[unit].append((s, e))
    out: list[Region] = []
    for spans in seen.values():
        for s, e in spans[:-1]:
            out.append(Region(s, e, "repeat"))
    return out


def _merge(regions: list[Region], text: str) -> list[Region]:
    """Sort, trim blanks and merge overlapping regions (the earlier, longer one names the kind)."""
    trimmed: list[Region] = []
    for r in regions:
        s, e = r.start, r.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append(Region(s, e, r.kind))
    trimmed.sort(key=lambda r: (r.start, -r.end))
    out: list[Region] = []
    for r in trimmed:
        if out and r.start < out[-1].end:
            if r.end > out[-1].end:
                out[-1] = Region(out[-1].start, r.end, out[-1].kind)
            continue
        # join same-kind neighbours separated only by blanks (consecutive repeats)
        if out and out[-1].kind == r.kind and not text[out[-1].end : r.start].strip():
            out[-1] = Region(out[-1].start, r.end, r.kind)
            continue
        out.append(r)
    return out


def find_boilerplate(text: str) -> list[Region]:
    """Find the regions of ``text`` that are not article body.

    Links to other stories (``Baca juga:``), video teasers, editor's picks,
    channel and share notices, republication notices, comment forms, tag lists,
    photo captions, advertisement markers and earlier copies of text the scraper
    repeated. Credit lines are left alone: :func:`beritakit.extractors.credits.parse`
    finds those.

    Args:
        text: The normalised article text.

    Returns:
        Sorted, non-overlapping regions with offsets into ``text``.

    """
    if not text.strip():
        return []
    lines = TextLines(text)
    found, body_only = _rule_regions(lines)
    cover = SpanCover([(r.start, r.end) for r in found])
    found += _tail_tags(lines, cover)
    cover = SpanCover([(r.start, r.end) for r in found])
    found += _doubled_teasers(lines, cover)
    if body_only:
        cover = SpanCover([(r.start, r.end) for r in found] + [(r.start, r.end) for r in body_only])
        _, last_prose = prose_bounds(text, cover.spans, lines)
        found += [r for r in body_only if r.end <= last_prose]
    cover = SpanCover([(r.start, r.end) for r in found])
    found += _repeats(lines, cover)
    return _merge(found, text)
