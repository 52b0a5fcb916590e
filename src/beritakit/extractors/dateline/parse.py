"""Find the dateline (city, outlet, date) that opens an Indonesian news text."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator

import regex

from beritakit.clean.layout import relayout
from beritakit.extractors.dateline._data import (
    OutletInfo,
    Place,
    fold_place,
    table_data,
    table_fold,
)

__all__ = ["DatelineHit", "parse"]

# How far into the text a dateline may start, and how many non-empty lines may precede it
# (Tribun puts a "Laporan Wartawan" line first, Serambinews a photo caption and a byline).
_MAX_START = 1200
_MAX_LINES = 6
# Only this much of the text is ever looked at, so cost does not grow with the input.
_HEAD = _MAX_START + 400
# A first-line city-only dateline followed on the same line by a short remainder without a
# full stop may be a headline ("Jakarta - Bandung Makin Dekat"); a later outlet dateline wins.
_TITLE_MAX = 150
_SENTENCE_END = frozenset(".!?\"”'’)")

# Kinds of gazetteer entries strong enough to split a glued word (`JakartaMenteri`).
# The same kinds may stand after a comma as the region of a city (`Mataram, NTB`).
_STRONG_KINDS = frozenset({"province", "country", "city", "regency", "capital", "world", "town"})


@dataclasses.dataclass(frozen=True, slots=True)
class DatelineHit:
    """A dateline found at the top of a text.

    Attributes:
        start: Start of the whole dateline region in the text.
        end: End of the region, after its trailing separator (`` -``, ``--``, ``|``, ``:``).
        city: The place written there, in normal capitalisation, or None.
        city_start: Start offset of the city as written, or None.
        city_end: End offset of the city as written, or None.
        outlet: Canonical outlet name, or the spelling as written for an unknown outlet.
        outlet_domain: The outlet's domain (lower case), when known or written as a domain.
        outlet_start: Start offset of the outlet as written, or None.
        outlet_end: End offset of the outlet as written, or None.
        date: A date written inside the dateline, or None.

    """

    start: int
    end: int
    city: str | None
    city_start: int | None
    city_end: int | None
    outlet: str | None
    outlet_domain: str | None
    outlet_start: int | None
    outlet_end: int | None
    date: datetime.date | None


_COMMA = regex.compile(r"[ \t]{0,8}(?:\n[ \t]{0,8})?,[ \t]{0,8}(?:\n[ \t]{0,8})?")
_SPACE = regex.compile(r"[ \t]{1,8}(?:\n[ \t]{0,8})?|\n[ \t]{0,8}")
_SEP = regex.compile(r"([ \t]{0,8}(?:\n[ \t]{0,8})?)(-{1,3}|[–—−]{1,2}|\||:)")
# One word of a place name: ALL CAPS, Title case, or initials (`D.C`, `D.C.`).
_CAPS = regex.compile(r"\p{Lu}[\p{Lu}'’]{1,24}(?![\p{L}\p{N}])(?!\.\p{L})")
_TITLE = regex.compile(r"\p{Lu}[\p{Ll}'’]{1,24}(?![\p{L}\p{N}])(?!\.\p{L})")
_INITIALS = regex.compile(r"\p{Lu}\.(?:\p{Lu}\.?){1,3}(?![\p{L}\p{N}])")
_GLUED = regex.compile(r"\p{Lu}[\p{Ll}'’]{1,24}(?=\p{Lu})")
_WORD_SPACE = regex.compile(r" (?=\S)")
_GAZ_TOKEN = regex.compile(r"[\p{L}\p{N}'’.]{1,30}")
_AGENCY = regex.compile(r"[ \t]{0,8}\([ \t]{0,3}([^()\n]{2,40}?)[ \t]{0,3}\)")
_NUMERIC_DATE = regex.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_LEAD_COMMA = regex.compile(r",[ \t]{0,8}")
_HSPACE = regex.compile(r"[ \t]*")


def _skip_hspace(text: str, pos: int) -> int:
    """Return the offset of the first character at or after `pos` that is not a blank."""
    m = _HSPACE.match(text, pos)
    return m.end() if m else pos


# ------------------------------------------------------------------------- pieces


@dataclasses.dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    text: str


@dataclasses.dataclass(frozen=True, slots=True)
class _OutletSpan:
    start: int
    end: int
    name: str
    domain: str | None
    known: OutletInfo | None


@dataclasses.dataclass(frozen=True, slots=True)
class _CitySpan:
    start: int
    end: int
    written: str
    place: Place | None
    caps: bool  # written in capitals


def _outlet_at(text: str, pos: int) -> _OutletSpan | None:
    """Match an outlet (a known spelling or anything shaped like a domain) at `pos`."""
    data = table_data()
    best: _OutletSpan | None = None
    m = data.domain.match(text, pos)
    if m:
        written = m.group()
        known = data.outlets.get(table_fold(written)) or data.outlets.get(
            table_fold(regex.sub(r"(?i)^www\.", "", written))
        )
        best = _OutletSpan(
            pos,
            m.end(),
            known.canonical if known else written,
            (known.domain if known else None) or written.lower().removeprefix("www."),
            known,
        )
    w = data.outlet_words.match(text, pos)
    if w and (best is None or w.end() > best.end):
        written = " ".join(w.group().split())
        known = data.outlets[table_fold(written)]
        best = _OutletSpan(pos, w.end(), known.canonical, known.domain, known)
    return best


def _place(name: str) -> Place | None:
    return table_data().places.get(fold_place(name))


def _gazetteer_cities(text: str, pos: int) -> list[_CitySpan]:
    """Known places of 1..n words starting at `pos` (longest first)."""
    data = table_data()
    found: list[_CitySpan] = []
    end = pos
    words: list[str] = []
    for _ in range(data.max_place_words):
        m = _GAZ_TOKEN.match(text, end)
        if not m:
            break
        token = m.group()
        token_end = m.end()
        # a trailing full stop belongs to the sentence unless the token is initials (D.C.)
        while token.endswith(".") and not regex.fullmatch(r"(?:\p{Lu}\.){2,4}", token):
            token, token_end = token[:-1], token_end - 1
        if not token or (not words and not token[0].isupper()):
            break
        words.append(token)
        place = _place(" ".join(words))
        if place is not None and all(w[0].isupper() or len(w) <= 3 for w in words):
            written = text[pos:token_end]
            found.append(_CitySpan(pos, token_end, written, place, _is_caps(written)))
        if text[m.end() : m.end() + 1] != " " or token_end != m.end():
            break
        end = m.end() + 1
    return found[::-1]


def _is_caps(written: str) -> bool:
    letters = [c for c in written if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _word_cities(text: str, pos: int, max_words: int = 4) -> list[_CitySpan]:
    """Read 1..max_words capitalised words in one case style at `pos` (longest first)."""
    found: list[_CitySpan] = []
    first = _CAPS.match(text, pos) or _TITLE.match(text, pos)
    if not first:
        return found
    style = _CAPS if _is_caps(first.group()) else _TITLE
    end = first.end()
    found.append(_CitySpan(pos, end, text[pos:end], _place(text[pos:end]), style is _CAPS))
    for _ in range(max_words - 1):
        if not _WORD_SPACE.match(text, end):
            break
        m = style.match(text, end + 1) or _INITIALS.match(text, end + 1)
        if not m:
            break
        end = m.end()
        written = text[pos:end]
        found.append(_CitySpan(pos, end, written, _place(written), style is _CAPS))
    return found[::-1]


def _cities_at(text: str, pos: int) -> list[_CitySpan]:
    """All readings of a place name at `pos`, longest first, known places before unknown."""
    seen: set[int] = set()
    out: list[_CitySpan] = []
    for city in sorted(
        _gazetteer_cities(text, pos) + _word_cities(text, pos),
        key=lambda c: (-(c.end - c.start), c.place is None),
    ):
        if city.end not in seen:
            seen.add(city.end)
            out.append(city)
    return out


def _glued_city(text: str, pos: int, usual: str | None) -> _CitySpan | None:
    """Read a known place glued to the next word (`JakartaMenteri`), after `OUTLET, `."""
    words: list[str] = []
    end = pos
    for _ in range(4):
        glued = _GLUED.match(text, end)
        if glued:
            written = text[pos : glued.end()]
            place = _place(written)
            if (place is not None and place.kinds & _STRONG_KINDS) or (
                usual is not None and fold_place(written) == fold_place(usual)
            ):
                return _CitySpan(pos, glued.end(), written, place, False)
            return None
        m = _TITLE.match(text, end)
        if not m or text[m.end() : m.end() + 1] != " ":
            return None
        words.append(m.group())
        end = m.end() + 1
    return None


def _region_at(text: str, pos: int) -> _CitySpan | None:
    """Read a province, country or other known place after a comma (`Mataram, NTB`)."""
    for city in _gazetteer_cities(text, pos):
        if city.place is not None and city.place.kinds & _STRONG_KINDS:
            return city
    return None


def _date_at(text: str, pos: int) -> tuple[int, datetime.date | None] | None:
    """Read a date inside a dateline: `23 Februari 2016`, `10 Juni`, `10/6`, `10/6/2025`.

    A date without a year, or an impossible one, is consumed but gives no value.
    """
    data = table_data()
    m = data.date.match(text, pos)
    if m:
        day, month, year = m.group(1), data.months[m.group(2).casefold()], m.group(3)
    else:
        m = _NUMERIC_DATE.match(text, pos)
        if not m:
            return None
        day, month, year = m.group(1), int(m.group(2)), m.group(3)
    if year is None:
        return m.end(), None
    try:
        return m.end(), datetime.date(int(year), int(month), int(day))
    except ValueError:  # `31 Februari`: still the dateline's date slot, but no date
        return m.end(), None


def _sep_at(text: str, pos: int) -> regex.Match[str] | None:
    """Match a separator at `pos`, unless it is the hyphen of a word (`ALIH-alih`)."""
    m = _SEP.match(text, pos)
    if not m:
        return None
    after = text[m.end() : m.end() + 1]
    if m.group(2) == "-" and not m.group(1) and after.islower():
        return None
    if m.group(2) == "-" and text[m.end() : m.end() + 1] == "-":
        return None
    return m


def _display_city(city: _CitySpan) -> str:
    """Write the city in normal case (`TANGERANG SELATAN` -> `Tangerang Selatan`)."""
    written = " ".join(city.written.split())
    if not city.caps:
        return written
    if city.place is not None and not _is_caps(city.place.spelling):
        if table_fold(city.place.spelling) == table_fold(written):
            return city.place.spelling
    if city.place is not None and len(written) <= 4:
        return city.place.spelling
    out = []
    for word in written.split(" "):
        if "." in word:
            out.append(word)
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)


def _bad_words(written: str) -> bool:
    """Tell whether the words cannot be a dateline place (`INFO NASIONAL`, `Laporan`)."""
    data = table_data()
    words = written.casefold().split()
    return not words or words[0] in data.not_first or " ".join(words) in data.not_alone


def _hit(
    start: int,
    end: int,
    city: _CitySpan | None,
    outlet: _OutletSpan | None,
    day: datetime.date | None = None,
) -> DatelineHit:
    return DatelineHit(
        start=start,
        end=end,
        city=_display_city(city) if city else None,
        city_start=city.start if city else None,
        city_end=city.end if city else None,
        outlet=outlet.name if outlet else None,
        outlet_domain=outlet.domain if outlet else None,
        outlet_start=outlet.start if outlet else None,
        outlet_end=outlet.end if outlet else None,
        date=day,
    )


# -------------------------------------------------------------------------- styles


def _outlet_first(text: str, pos: int) -> DatelineHit | None:
    """`TEMPO.CO, Jakarta -`, `Liputan6.com, JakartaMenteri`, `KOMPAS.com -`."""
    outlet = _outlet_at(text, pos)
    if outlet is None:
        return None
    comma = _COMMA.match(text, outlet.end)
    if comma:
        return _outlet_comma_city(text, pos, outlet, comma.end())
    sep = _sep_at(text, outlet.end)
    if sep:
        # Kontan: `KONTAN.CO.ID - JAKARTA. Harga ...`
        at = _skip_hspace(text, sep.end())
        for city in _gazetteer_cities(text, at):
            if city.caps and text[city.end : city.end + 2] == ". ":
                return _hit(pos, city.end + 1, city, outlet)
        return _hit(pos, sep.end(), None, outlet)
    space = _SPACE.match(text, outlet.end)
    if space and outlet.known is not None:  # `TEMPO.CO Jakarta -`
        for city in _gazetteer_cities(text, space.end()):
            sep = _sep_at(text, city.end)
            if sep:
                return _hit(pos, sep.end(), city, outlet)
    return None


def _outlet_comma_city(text: str, pos: int, outlet: _OutletSpan, at: int) -> DatelineHit | None:
    """The city after `OUTLET,` at ``at``: `TEMPO.CO, Jakarta -`, `Liputan6.com, JakartaX`."""
    cities = [c for c in _cities_at(text, at) if not _bad_words(c.written)]
    for city in cities:
        end = city.end
        region = _COMMA.match(text, end)
        if region and (r := _region_at(text, region.end())):
            end = r.end
        sep = _sep_at(text, end)
        if sep:
            return _hit(pos, sep.end(), city, outlet)
    usual = outlet.known.usual_city if outlet.known else None
    glued = _glued_city(text, at, usual)
    if glued:
        return _hit(pos, glued.end, glued, outlet)
    for city in cities:  # `Liputan6.com, Jakarta` and the body on the next line
        if city.place is not None and text[city.end : city.end + 1] == "\n":
            return _hit(pos, city.end, city, outlet)
    if outlet.known is not None:
        for city in cities:  # Fimela: `Fimela.com, Jakarta Memiliki rambut ...`, no separator
            after = text[city.end : city.end + 2]
            if city.place is not None and after[:1] == " " and after[1:].isupper():
                return _hit(pos, city.end, city, outlet)
    return None


def _agency(text: str, pos: int) -> tuple[int, _OutletSpan] | None:
    """`(ANTARA)`, `(ANTARA News)`, `(Antara/PRNewswire)` after the city."""
    m = _AGENCY.match(text, pos)
    if not m:
        return None
    inner_start = m.start(1)
    first = regex.split(r"[ \t]*/[ \t]*", m.group(1))[0]
    outlet = _outlet_at(text, inner_start)
    if outlet is not None and outlet.end <= m.end(1):
        return m.end(), outlet
    if not regex.fullmatch(r"\p{Lu}[\p{L}\p{N}.&' -]{1,39}", m.group(1)):
        return None
    end = inner_start + len(first)
    return m.end(), _OutletSpan(inner_start, end, first, None, None)


def _caps_outlet(text: str, pos: int) -> _OutletSpan | None:
    """Read an unknown outlet in capitals, in the `CITY, OUTLET -` shape (`BATAM, X:`)."""
    words = [c for c in _word_cities(text, pos, 3) if c.caps and c.place is None]
    for w in words:
        if not _bad_words(w.written) and _sep_at(text, w.end):
            return _OutletSpan(w.start, w.end, " ".join(w.written.split()), None, None)
    return None


@dataclasses.dataclass(slots=True)
class _Tail:
    """What follows a city in a dateline: an outlet, a region, a date, and where it ends."""

    at: int
    outlet: _OutletSpan | None = None
    region: _CitySpan | None = None
    day: datetime.date | None = None


def _comma_parts(text: str, city: _CitySpan, lead_comma: bool) -> _Tail:
    """Read up to three comma-separated parts after ``city``: outlet, date, region."""
    tail = _Tail(city.end)
    dated = False
    for _ in range(3):
        comma = _COMMA.match(text, tail.at)
        if not comma:
            break
        c = comma.end()
        if tail.outlet is None and not lead_comma and (o := _outlet_at(text, c)):
            tail.outlet, tail.at = o, o.end
            continue
        if not dated and (d := _date_at(text, c)):
            (tail.at, tail.day), dated = d, True
            continue
        if tail.region is None and tail.outlet is None and (r := _region_at(text, c)):
            tail.region, tail.at = r, r.end
            continue
        if tail.outlet is None and not lead_comma and city.place and (u := _caps_outlet(text, c)):
            tail.outlet, tail.at = u, u.end
            continue
        break
    return tail


def _tail_after(text: str, city: _CitySpan, lead_comma: bool) -> _Tail | None:
    """The parts after ``city`` up to the separator; ``None`` when it is no dateline."""
    tail = _comma_parts(text, city, lead_comma)
    if tail.outlet is None and not lead_comma and (a := _agency(text, tail.at)):
        if a[1].known is None and city.place is None:
            return None  # `Puan Maharani (PDIP) -`: neither side is known
        tail.at, tail.outlet = a
    if tail.outlet is None and not lead_comma and tail.region is None:
        space = _SPACE.match(text, tail.at)
        o = _outlet_at(text, space.end()) if space else None
        if o is not None:
            tail.outlet, tail.at = o, o.end
    return tail


def _city_first(text: str, pos: int, lead_comma: bool) -> DatelineHit | None:
    """`JAKARTA, KOMPAS.com -`, `Jakarta (ANTARA) -`, `JAKARTA -`, `Probolinggo, Jawa Timur -`."""
    city_only: DatelineHit | None = None
    for city in _cities_at(text, pos):
        if _bad_words(city.written):
            continue
        tail = _tail_after(text, city, lead_comma)
        sep = _sep_at(text, tail.at) if tail is not None else None
        if tail is None or not sep:
            continue
        if tail.outlet is not None:
            return _hit(pos, sep.end(), city, tail.outlet, tail.day)
        region = tail.region
        if (
            region is not None
            and city.place is None
            and city.caps
            and not (region.place and region.place.kinds & {"province", "country"})
        ):
            # `HALUAN, PADANG -`: the unknown capitals are the outlet, the known place the city
            o = _OutletSpan(city.start, city.end, " ".join(city.written.split()), None, None)
            return _hit(pos, sep.end(), region, o, tail.day)
        if city_only is None and _city_only_ok(text, city, region, sep, lead_comma):
            city_only = _hit(pos, sep.end(), city, None, tail.day)
    return city_only


def _city_only_ok(
    text: str, city: _CitySpan, region: _CitySpan | None, sep: regex.Match[str], lead_comma: bool
) -> bool:
    """Decide whether a place with a separator and no outlet is a dateline (`JAKARTA -`)."""
    mark = sep.group(2)
    glued_both = not sep.group(1) and text[sep.end() : sep.end() + 1].isalpha()
    if city.place is not None:
        lone_word = " " not in city.written
        if city.place.kinds == frozenset({"district"}) and not city.caps and lone_word:
            return region is not None or lead_comma
        if glued_both and mark == "-" and not city.caps:
            # `Jakarta-Bandung`; but `Jakarta-Ole Romeny` is a dateline glued to its body
            return lead_comma is False and _upper_non_place(text, sep.end())
        return True
    if region is not None or lead_comma:
        return mark != ":"
    words = city.written.split()
    return (
        city.caps and mark not in (":", "|") and all(len(w) >= 3 for w in words) and not glued_both
    )


def _upper_non_place(text: str, pos: int) -> bool:
    """Tell whether a capitalised word that is not a known place starts at ``pos``."""
    return text[pos : pos + 1].isupper() and not _gazetteer_cities(text, pos)


# --------------------------------------------------------------------------- parse


def _line_starts(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (index among non-empty lines, offset of its first non-space character, line end)."""
    index = 0
    pos = 0
    n = len(text)
    while pos < n and index < _MAX_LINES and pos <= _MAX_START:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        first = _skip_hspace(text, pos)
        if first < line_end:
            yield index, first, line_end
            index += 1
        if nl < 0:
            break
        pos = nl + 1


def _heading_like(line: str) -> bool:
    """Tell whether a line reads like a headline or byline rather than body text."""
    line = line.strip()
    return 0 < len(line) <= _TITLE_MAX and line[-1] not in _SENTENCE_END


def _title_like_rest(text: str, end: int) -> bool:
    """Tell whether the rest of the line after `end` reads like a headline."""
    nl = text.find("\n", end)
    return nl >= 0 and _heading_like(text[end:nl])


def _at_line(text: str, pos: int) -> DatelineHit | None:
    lead = _LEAD_COMMA.match(text, pos)
    if lead:
        hit = _city_first(text, lead.end(), lead_comma=True)
        if hit is None:
            return None
        return dataclasses.replace(hit, start=pos)
    return _outlet_first(text, pos) or _city_first(text, pos, lead_comma=False)


def parse(text: str) -> DatelineHit | None:
    """Find the dateline near the top of a normalised news text.

    Only line starts among the first few lines are looked at. A line with an outlet
    (`JAKARTA, KOMPAS.com -`, `TRIBUNSOLO.COM, KLATEN -`) may come after a byline or a
    caption; a city alone (`JAKARTA -`) counts on the first line, or later when it is a
    known place written in capitals.

    Args:
        text: The normalised article text (NFC, plain spaces, newline line breaks).

    Returns:
        The dateline, or None when the text has none.

    """
    relaid = relayout(text[:_HEAD])
    hit = _parse_head(relaid.text)
    if hit is None or not relaid.inserted:
        return hit
    back = relaid.to_original
    return dataclasses.replace(
        hit,
        start=back(hit.start),
        end=back(hit.end),
        city_start=None if hit.city_start is None else back(hit.city_start),
        city_end=None if hit.city_end is None else back(hit.city_end),
        outlet_start=None if hit.outlet_start is None else back(hit.outlet_start),
        outlet_end=None if hit.outlet_end is None else back(hit.outlet_end),
    )


def _parse_head(head: str) -> DatelineHit | None:
    first_city_only: DatelineHit | None = None
    headings_only = True  # every line so far reads like a headline or byline
    for index, pos, line_end in _line_starts(head):
        hit = _at_line(head, pos)
        if hit is None:
            headings_only = headings_only and _heading_like(head[pos:line_end])
            continue
        if hit.outlet is not None:
            return hit
        if index == 0:
            if not _title_like_rest(head, hit.end):
                return hit
            first_city_only = hit
        elif first_city_only is None and hit.city_start is not None:
            city = head[hit.city_start : hit.city_end]
            place = _place(city)
            strong = place is not None and bool(place.kinds & _STRONG_KINDS)
            if strong and (_is_caps(city) or headings_only):
                return hit
        headings_only = False
    return first_city_only
