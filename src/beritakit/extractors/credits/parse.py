"""Find the credits an article text carries: writers, reporters, editors, sources, codes."""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from beritakit.clean.boilerplate import (
    Region,
    SpanCover,
    TextLines,
    find_boilerplate,
    prose_bounds,
)
from beritakit.clean.layout import Relaid, relayout
from beritakit.extractors.credits._data import (
    Label,
    credit_agencies,
    credit_labels,
    credit_name_particles,
    credit_phrases,
    label_pattern,
    laporan_pattern,
    role_prefix,
    wordset,
)
from beritakit.lang import fold

__all__ = ["CreditHit", "parse"]


ROLES = ("writer", "reporter", "editor", "photographer", "contributor", "source", "other")

# Boilerplate kinds whose text may hold credits (Tribun prints "Penulis: X | Editor: Y"
# on the line of its "Artikel ini telah tayang di ..." notice).
_CREDIT_BEARING = frozenset({"republished_notice"})
# What may stand before a label at the start of a line.
_LINE_LEAD = regex.compile(r"[ \t*\u2022\-\u2013\u2014]{0,3}")
# Separators between two credits on one line.
_SEPARATORS = "|;\u2022\u00b7"
# Sentence ends a credit may follow on the same line.
_SENTENCE_END = ".!?\"\u201d\u2019')"
_EDGE_PUNCT = " \t,;:|/\u2022\u00b7-\u2013\u2014()[]"
_NAME_SPLIT = regex.compile(r"\s*(?:,|;|&|\s+dan\s+|\s+and\s+)\s*")
_SOURCE_SPLIT = regex.compile(r"\s*[,;]\s*")
_OUTLET_SUFFIX = regex.compile(
    r"(?i)\s*(?:[-\u2013\u2014/|]\s*|\(\s*)(?:detik\w{0,20}|[\w\-]{1,40}\.(?:com|co\.id|co|id|net|org|tv|news)(?:\.\w{2,3})?)\s*\)?\s*$"
)
_BRACKET = regex.compile(r"[(\[](?P<inner>[^()\[\]\n]{1,80})[)\]]")
_SLASH_CODE = regex.compile(
    r"[\w.\-]{1,30}(?:[ \t]{0,2}/[ \t]{0,2}[\w.\-]{1,30}(?: [\w.\-]{1,30}){0,4}){1,3}"
)
_SHORT_CODE = regex.compile(r"[A-Za-z0-9]{2,6}")
_CAPS_WORD = regex.compile(r"[\p{Lu}][\p{Lu}.'\-]{0,30}")
_NAME_WORD = regex.compile(r"[\p{Lu}][\p{L}.'\-]{0,30}")
_DEGREE = regex.compile(r"(?:[A-Za-z]{1,4}\.){1,4}[A-Za-z]{0,4}")
_URLISH = regex.compile(r"(?i)https?:|www\.")
_PLACE_SEP = regex.compile(r"[ \t]{1,3}(?:\||I|/|-|\u2013)[ \t]{1,3}")
_CAPS_SPLIT = regex.compile(r"[ \t]{0,3}[|/,][ \t]{0,3}|$")
_NOT_IN_NAMES = '"\u201c\u201d?!'
_MAX_NAME_WORDS = 6
_MAX_VALUE_CHARS = 160
_MAX_MATCHES = 200
_MAX_TAIL_LINES = 60
_MAX_SOURCE_WORDS = 8
_MAX_TAGS_CHARS = 600
_MAX_TAG_WORDS = 60


@dataclass(frozen=True, slots=True)
class CreditHit:
    """One credit found in the text.

    Attributes:
        role: ``writer``, ``reporter``, ``editor``, ``photographer``,
            ``contributor``, ``source`` or ``other``.
        name: The credited name, without role words, colons or outlet names
            (``Sarono PS``, ``dry/din``, ``Antara``).
        raw: The credit as written (``Editor: Sarono PS``).
        start: Offset of ``raw`` in the text.
        end: Offset just past ``raw``.
        name_start: Offset of ``name`` in the text.
        name_end: Offset just past ``name``.

    """

    role: str
    name: str
    raw: str
    start: int
    end: int
    name_start: int
    name_end: int


@dataclass(slots=True)
class _Candidate:
    hits: list[CreditHit]
    start: int
    end: int
    rule: str  # "strong", "edge", "tail" or "caps"
    photo: bool = False
    strong_code: bool = False  # a lower-case slash code (`cas/mrp`)


# ---------------------------------------------------------------- helpers


class _Doc:
    """The text with its line offsets and boilerplate, shared by the passes."""

    __slots__ = ("lines", "region_ends", "region_starts", "regions", "text", "usable")

    def __init__(self, text: str, regions: Sequence[Region]) -> None:
        self.text = text
        self.lines = TextLines(text)
        self.regions = list(regions)
        self.usable = [r for r in self.regions if r.kind not in _CREDIT_BEARING]
        self.region_starts = [r.start for r in self.regions]
        self.region_ends = {r.end for r in self.regions}

    def line_start(self, pos: int) -> int:
        return self.lines.starts[self.lines.index(pos)]

    def line_end(self, pos: int) -> int:
        return self.lines.ends[self.lines.index(pos)]

    def at_line_start(self, pos: int) -> bool:
        return _LINE_LEAD.fullmatch(self.text, self.line_start(pos), pos) is not None

    def after_sentence(self, pos: int) -> bool:
        """Tell whether ``pos`` follows a sentence end on the same line (spaces allowed)."""
        text = self.text
        i = pos
        while i > 0 and text[i - 1] in " \t" and pos - i < 4:
            i -= 1
        return i > 0 and text[i - 1] in _SENTENCE_END

    def first_region_in(self, start: int, end: int, skip: frozenset[str]) -> int | None:
        """Return where the first region starting inside ``(start, end)`` begins."""
        k = bisect.bisect_right(self.region_starts, start)
        while k < len(self.regions) and self.regions[k].start < end:
            if self.regions[k].kind not in skip:
                return self.regions[k].start
            k += 1
        return None

    def inside_boilerplate(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` lies within a region that holds no credits."""
        k = bisect.bisect_right(self.region_starts, start) - 1
        while k >= 0:
            r = self.regions[k]
            if r.kind not in _CREDIT_BEARING:
                return r.start <= start and end <= r.end
            k -= 1
        return False


def _trim(text: str, start: int, end: int, chars: str = _EDGE_PUNCT) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _fold(name: str) -> str:
    s = fold(unicodedata.normalize("NFKC", name)).replace(".", " ")
    return " ".join(s.split()).strip(" ,;:-()\"'")


def _not_a_name(value: str) -> bool:
    v = value.casefold().strip()
    if not any(c.isalpha() for c in v) or _URLISH.search(v) or any(c in v for c in _NOT_IN_NAMES):
        return True
    first = v.split()[0].split("/")[0] if v.split() else v
    stop = wordset("not_names.txt")
    return (
        v in stop
        or first in stop
        or first.rstrip(".") in stop
        or any(v.startswith(w + " ") for w in stop)
    )


def _strip_outlet(text: str, start: int, end: int, outlet: str | None) -> int:
    """Return a new end for a name span without a trailing outlet (``Budi - detikNews``)."""
    m = _OUTLET_SUFFIX.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    if outlet:
        m2 = _outlet_tail(outlet).search(text, start, end)
        if m2 and m2.start() > start:
            end = m2.start()
    return end


@functools.lru_cache(maxsize=64)
def _outlet_tail(outlet: str) -> regex.Pattern[str]:
    return regex.compile(
        r"(?i)[ \t]{0,3}[-\u2013\u2014/|,(][ \t]{0,3}"
        + regex.escape(outlet)
        + r"[ \t]{0,3}\)?[ \t]*$"
    )


def _names(
    text: str, start: int, end: int, role: str, outlet: str | None, split: bool = True
) -> list[tuple[int, int]]:
    """Split a credit value into validated name spans; empty when it names nobody."""
    start, end = _trim(text, start, end)
    if end - start > _MAX_VALUE_CHARS:
        return []
    end = _strip_outlet(text, start, end, outlet)
    start, end = _trim(text, start, end)
    # "Penulis: Kontributor Sumba, Ignasius Sara": the person follows the comma
    lead = role_prefix().match(text, start, end)
    if lead:
        start = lead.end()
    if end <= start:
        return []
    pieces: list[tuple[int, int]] = []
    splitter = _SOURCE_SPLIT if role == "source" else _NAME_SPLIT
    pos = start
    if split:
        for m in splitter.finditer(text, start, end):
            pieces.append((pos, m.start()))
            pos = m.end()
    pieces.append((pos, end))
    limit = _MAX_SOURCE_WORDS if role == "source" else _MAX_NAME_WORDS
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        s, e = _trim(text, s, e, _EDGE_PUNCT + ".")
        value = text[s:e]
        if (e - s < 2 and not value.isalpha()) or (out and _DEGREE.fullmatch(value)):
            continue  # a stray letter, or a degree after a name ("Ahmad, M.Si")
        if not value or len(value.split()) > limit or _not_a_name(value):
            return []
        out.append((s, e))
    return out


def _hits(
    role: str, text: str, raw: tuple[int, int], names: Iterable[tuple[int, int]]
) -> list[CreditHit]:
    rs, re_ = raw
    return [CreditHit(role, text[s:e], text[rs:re_], rs, re_, s, e) for s, e in names]


def _name_words(text: str, spans: Iterable[tuple[int, int]]) -> bool:
    """Tell whether every span is written as a name (capitalised words, particles)."""
    particles = credit_name_particles()
    return all(
        all(_NAME_WORD.fullmatch(w) or w in particles for w in text[a:b].split()) for a, b in spans
    )


# ---------------------------------------------------------------- candidates


def _label_ok(doc: _Doc, m: regex.Match[str], label: Label, same_line_credit: bool) -> bool:
    """Tell whether a label stands where credits are written."""
    text = doc.text
    pos = m.start()
    if doc.at_line_start(pos) or same_line_credit:
        return True
    ls = doc.line_start(pos)
    if pos > 0 and text[pos - 1].isalpha():
        if not label.glue:
            return False
        word_start = pos
        while word_start > ls and text[word_start - 1].isalpha() and pos - word_start < 40:
            word_start -= 1
        glued = (text[word_start:pos] + m.group("label")).casefold()
        return glued not in wordset("glue_exceptions.txt")
    i = pos
    while i > ls and text[i - 1] in " \t" and pos - i < 4:
        i -= 1
    return (
        (i > ls and text[i - 1] in _SEPARATORS) or doc.after_sentence(pos) or i in doc.region_ends
    )


def _label_candidates(doc: _Doc, outlet: str | None) -> list[_Candidate]:
    text = doc.text
    labels = credit_labels()
    valid: list[tuple[regex.Match[str], Label]] = []
    last_line = -1
    for count, m in enumerate(label_pattern().finditer(text)):
        if count >= _MAX_MATCHES:
            break
        label = labels[" ".join(m.group("label").casefold().split())]
        ls = doc.line_start(m.start())
        if _label_ok(doc, m, label, last_line == ls):
            valid.append((m, label))
            last_line = ls
    out: list[_Candidate] = []
    for i, (m, label) in enumerate(valid):
        value_end = doc.line_end(m.end())
        if i + 1 < len(valid) and valid[i + 1][0].start() < value_end:
            value_end = valid[i + 1][0].start()
        value_end = min(value_end, m.end() + _MAX_VALUE_CHARS + 40)
        for sep in _SEPARATORS:
            cut = text.find(sep, m.end(), value_end)
            if cut != -1:
                value_end = cut
        cut_at = doc.first_region_in(m.end(), value_end, _CREDIT_BEARING)
        if cut_at is not None:
            value_end = cut_at
        names = _names(text, m.end(), value_end, label.role, outlet)
        if not names:
            continue
        raw = _trim(text, m.start(), names[-1][1], " \t")
        rule = "strong" if label.anywhere else "edge"
        hits = _hits(label.role, text, raw, names)
        out.append(_Candidate(hits, raw[0], raw[1], rule, photo=label.role == "photographer"))
    return out


def _laporan_candidates(doc: _Doc, outlet: str | None) -> list[_Candidate]:
    text = doc.text
    pattern, roles = laporan_pattern()
    out: list[_Candidate] = []
    for count, m in enumerate(pattern.finditer(text)):
        if count >= _MAX_MATCHES:
            break
        rest_s, rest_e = m.span("rest")
        word = m.group("word")
        role = roles[word.casefold()] if word else "reporter"
        name_s, name_e = rest_s, rest_e
        if word:
            comma = text.find(",", rest_s, rest_e)
            if comma != -1:
                name_s = comma + 1
            else:
                first = text[rest_s:rest_e].split(" ", 1)
                looks_outlet = "." in first[0] or first[0].casefold().startswith("tribun")
                if not looks_outlet or len(first) < 2:
                    continue
                name_s = rest_s + len(first[0]) + 1
        # "Name | Place", "Name I Place": the place is not part of the credit
        sep = _PLACE_SEP.search(text, name_s, name_e)
        if sep:
            name_e = sep.start()
        elif not word:
            continue
        name_s, name_e = _trim(text, name_s, name_e)
        n_words = len(text[name_s:name_e].split())
        if not 1 <= n_words <= 5 or not _name_words(text, [(name_s, name_e)]):
            continue
        hits = _hits(role, text, m.span(), [(name_s, name_e)])
        # "Laporan Name | Place" has no role word: trust it only at the top
        out.append(_Candidate(hits, m.start(), m.end(), "strong" if word else "edge"))
    return out


def _phrase_candidates(doc: _Doc, outlet: str | None) -> list[_Candidate]:
    text = doc.text
    out: list[_Candidate] = []
    for role, split, pattern in credit_phrases():
        for count, m in enumerate(pattern.finditer(text)):
            if count >= _MAX_MATCHES:
                break
            s, e = m.span("name")
            names = _names(text, s, e, role, outlet, split=split)
            if not names or (role in ("contributor", "other") and not _name_words(text, names)):
                continue
            start, end = _trim(text, m.start(), m.end(), " \t")
            out.append(_Candidate(_hits(role, text, (start, end), names), start, end, "strong"))
    return out


def _classify_bracket(inner: str) -> str | None:
    """Return the role a bracketed closing credit stands for, or ``None``."""
    value = inner.strip()
    if not value or value.casefold() in wordset("code_stopwords.txt"):
        return None
    if value in credit_agencies():
        return "source"
    if (
        "/" in value
        and _SLASH_CODE.fullmatch(value)
        and all(any(c.isalpha() for c in part) for part in value.split("/"))
    ):
        return "other"
    if _SHORT_CODE.fullmatch(value) and any(c.isalpha() for c in value):
        return "other"
    words = value.split()
    particles = credit_name_particles()
    if (
        2 <= len(words) <= 5
        and _NAME_WORD.fullmatch(words[0])
        and all(_NAME_WORD.fullmatch(w) or w in particles for w in words)
        and not all(w.isupper() for w in words)
    ):
        return "writer"
    return None


def _bracket_candidates(doc: _Doc, from_pos: int) -> list[_Candidate]:
    """Read bracketed codes and names that close a paragraph, from ``from_pos`` on."""
    text = doc.text
    region_starts = set(doc.region_starts)
    out: list[_Candidate] = []
    for count, m in enumerate(_BRACKET.finditer(text, from_pos)):
        if count >= _MAX_MATCHES:
            break
        inner = m.group("inner")
        role = _classify_bracket(inner)
        if role is None:
            continue
        le = doc.line_end(m.end())
        if text[m.end() : min(le, m.end() + 200)].strip() and m.end() not in region_starts:
            continue
        strong_code = role == "other" and "/" in inner and any(c.islower() for c in inner)
        if not strong_code and not (
            doc.at_line_start(m.start())
            or doc.after_sentence(m.start())
            or m.start() in doc.region_ends
        ):
            continue
        s, e = _trim(text, m.start("inner"), m.end("inner"), " \t")
        out.append(
            _Candidate(
                _hits(role, text, m.span(), [(s, e)]),
                m.start(),
                m.end(),
                "tail",
                strong_code=strong_code,
            )
        )
    return out


def _caps_line(text: str, seg_s: int, seg_e: int) -> list[CreditHit]:
    """Read one closing all-capitals line (Tempo ``DINI TEJA``, ``NAME | ANTARA``)."""
    stop = wordset("caps_stopwords.txt", fold=False)
    agencies = credit_agencies()
    hits: list[CreditHit] = []
    part_s = seg_s
    for m in _CAPS_SPLIT.finditer(text, seg_s, seg_e):
        p_s, p_e = _trim(text, part_s, m.start(), " \t")
        part_s = m.end()
        part = text[p_s:p_e]
        if not part:
            continue
        words = part.split()
        if part in agencies:
            hits += _hits("source", text, (seg_s, seg_e), [(p_s, p_e)])
        elif (
            2 <= len(words) <= 5
            and all(_CAPS_WORD.fullmatch(w) for w in words)
            and not any(w.strip(".") in stop for w in words)
        ):
            hits += _hits("writer", text, (seg_s, seg_e), [(p_s, p_e)])
        else:
            return []
        if m.end() == seg_e:
            break
    return hits


def _caps_candidates(doc: _Doc, after: int, covered: Sequence[tuple[int, int]]) -> list[_Candidate]:
    """Read the closing all-capitals lines after the last prose."""
    text = doc.text
    cover = SpanCover(covered)
    out: list[_Candidate] = []
    for n, li in enumerate(doc.lines.nonblank_from(doc.lines.index(after))):
        if n >= _MAX_TAIL_LINES:
            break
        ls, le = doc.lines.starts[li], doc.lines.ends[li]
        seg_s, seg_e = _trim(text, max(ls, after), min(le, max(ls, after) + 120), " \t")
        if seg_e <= seg_s or seg_e < le and text[seg_e:le].strip() or cover.overlaps(seg_s, seg_e):
            continue
        hits = _caps_line(text, seg_s, seg_e)
        if hits:
            out.append(_Candidate(hits, seg_s, seg_e, "caps"))
    return out


# ---------------------------------------------------------------- selection


def _adjacent(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two spans sit on the same or neighbouring lines with only blanks between."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if hi < lo:
        return True
    if hi - lo > 200:
        return False
    gap = text[lo:hi]
    return gap.count("\n") <= 1 and not gap.strip(" \t\n" + _SEPARATORS)


def _glued_to_boilerplate(doc: _Doc, c: _Candidate) -> bool:
    """Tell whether a boilerplate region ends just before ``c`` on its line."""
    i = c.start
    while i > 0 and doc.text[i - 1] in " \t" and c.start - i < 4:
        i -= 1
    return i in doc.region_ends


def _only_tags_after(text: str, end: int) -> bool:
    """Tell whether only a few words without a sentence end follow ``end`` (a tag list).

    With the line breaks lost, a closing code is followed on its line by the page's tags
    (``(cas/mrp) timnas indonesia timnas jepang``), which read as one line of prose.
    """
    rest = text[end : end + _MAX_TAGS_CHARS + 1]
    if len(rest) > _MAX_TAGS_CHARS or any(c in _SENTENCE_END for c in rest):
        return False
    return len(rest.split()) <= _MAX_TAG_WORDS


def _closing_line(doc: _Doc, c: _Candidate) -> bool:
    """Tell whether a credit line is followed only by linked headlines (no sentence end).

    Liputan6 prints ``Penulis: Name`` and then the headline of a related story, which
    has enough words to read as prose.
    """
    return doc.at_line_start(c.start) and _only_tags_after(doc.text, c.end)


def _select(doc: _Doc, cands: list[_Candidate]) -> list[_Candidate]:
    text = doc.text
    covered = [(r.start, r.end) for r in doc.regions] + [(c.start, c.end) for c in cands]
    first_prose, last_prose = prose_bounds(text, covered, doc.lines)
    chosen: list[_Candidate] = []
    pending: list[_Candidate] = []
    for c in cands:
        if c.rule == "strong":
            chosen.append(c)
        elif c.rule == "tail":
            if c.start >= last_prose > 0 or (c.strong_code and _only_tags_after(text, c.end)):
                chosen.append(c)
        elif c.start >= last_prose or c.end <= first_prose or _closing_line(doc, c):
            chosen.append(c)
        else:
            pending.append(c)
    # an edge label next to another credit, or glued to boilerplate on its line
    changed = True
    while changed and pending:
        changed = False
        for c in list(pending):
            near = any(_adjacent(text, (c.start, c.end), (o.start, o.end)) for o in chosen)
            if near or (not c.photo and _glued_to_boilerplate(doc, c)):
                chosen.append(c)
                pending.remove(c)
                changed = True
    if last_prose > 0:
        taken = covered + [(c.start, c.end) for c in chosen]
        chosen += _caps_candidates(doc, last_prose, taken)
    return chosen


def parse(
    text: str, *, outlet: str | None = None, boilerplate: Sequence[Region] | None = None
) -> list[CreditHit]:
    """Find the credits written in an article text.

    Reads labelled credits (``Penulis:``, ``Reporter:``, ``Editor:``, ``Sumber:`` …),
    Tribun reporter lines (``Laporan Wartawan X, Name``), Tempo contributor notes,
    republication notices, closing initials codes (``(dry/din)``), closing bracketed
    names and closing all-capitals bylines. A credit mentioned twice is returned once.

    Args:
        text: The normalised article text.
        outlet: The publishing outlet when known (from the dateline); it is
            stripped from names such as ``Budi Santoso - Kompas.com``.
        boilerplate: The boilerplate regions of ``text`` when already found (the
            pipeline passes its own); ``None`` finds them.

    Returns:
        The credits in text order.

    """
    if not text.strip():
        return []
    relaid = relayout(text)
    if relaid.inserted or relaid.text is not text:
        # the scraper lost line breaks: read the text with them put back
        hits = _parse(relaid.text, outlet, find_boilerplate(relaid.text))
        return [_to_original(h, relaid, text) for h in hits]
    regions = find_boilerplate(text) if boilerplate is None else boilerplate
    return _parse(text, outlet, regions)


def _to_original(h: CreditHit, relaid: Relaid, text: str) -> CreditHit:
    s, e = relaid.to_original(h.start), relaid.to_original(h.end)
    ns, ne = relaid.to_original(h.name_start), relaid.to_original(h.name_end)
    return CreditHit(h.role, text[ns:ne], text[s:e], s, e, ns, ne)


def _parse(text: str, outlet: str | None, regions: Sequence[Region]) -> list[CreditHit]:
    doc = _Doc(text, regions)
    cands = (
        _label_candidates(doc, outlet)
        + _laporan_candidates(doc, outlet)
        + _phrase_candidates(doc, outlet)
    )
    cands = [c for c in cands if not doc.inside_boilerplate(c.start, c.end)]
    # closing codes can only follow the last prose: read brackets from its line on
    covered = [(r.start, r.end) for r in doc.regions] + [(c.start, c.end) for c in cands]
    _, last_prose = prose_bounds(text, covered, doc.lines)
    if last_prose > 0:
        # with the layout lost, a closing code may stand before the tags that read as prose
        tail = min(doc.line_start(max(0, last_prose - 1)), max(0, len(text) - _MAX_TAGS_CHARS))
        cands += [
            c for c in _bracket_candidates(doc, tail) if not doc.inside_boilerplate(c.start, c.end)
        ]
    chosen = _select(doc, cands)
    hits = sorted((h for c in chosen for h in c.hits), key=lambda h: (h.start, h.name_start))
    seen: set[tuple[str, str]] = set()
    out: list[CreditHit] = []
    for h in hits:
        key = (h.role, _fold(h.name))
        if key in seen:
            continue
        seen.add(key)
        out.append(h)
    return out
