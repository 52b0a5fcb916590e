"""Word lists and compiled patterns of the date extractor, built once from its data files."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import regex

from beritakit.errors import ResourceError
from beritakit.lang import LANG_ID
from beritakit.resources import read_lines, read_table

__all__ = [
    "Lexicon",
    "Pattern",
    "lexicon",
    "patterns",
    "phrase_alternation",
    "Triggers",
    "placeholders",
    "trigger_table",
]

PKG = "beritakit.extractors.dates"
LANG = LANG_ID

# Fixed pieces of the pattern language (numbers only; every word lives in a data file).
_FIXED = {
    # plain digit classes let the engine skip ahead fast; the normaliser checks the ranges
    "D": r"[0-9]{1,2}(?![0-9])",
    "M": r"[0-9]{1,2}(?![0-9])",
    "Y": r"[12][0-9]{3}",
    # a year ends at a non-digit, or where a scraper glued a time to it ("202500:25")
    "YB": r"(?:(?=[0-9][0-9][:.][0-5][0-9])|(?![0-9]))",
}
_PLACEHOLDER = regex.compile(r"@([A-Z_]+)")
# whitespace is bounded everywhere: no match may run over a long stretch of spaces
_SPACE = r"\s{1,4}"
_SPACE_OPT = r"\s{0,4}"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the recogniser and normaliser look words up in (all keys lower case).

    Attributes:
        months: Spelling to month number (``"agt"`` → 8).
        full_months: Spellings that are full month names (not abbreviations).
        weekdays: Spelling to ISO weekday (Monday = 1).
        numbers: Number word to value (``"dua"`` → 2).
        ordinals: Ordinal word or Roman numeral to value (``"iii"`` → 3).
        relative_days: Relative day phrase (single-spaced) to its day offset.
        relative_day_rules: Relative day phrase to (the ``words.tsv`` set of words that,
            just before it, make it no date, or None; whether it is no date right after
            a capitalised word).
        units: Unit word of a relative period to its unit (day, week, month, year).
        periods: Quarter word to (months per period, granularity).
        parts: Part word to (first day, last day, first month, last month).
        words: The word sets of ``words.tsv`` by name, in file order.
        sets: The same word sets as sets.

    """

    months: Mapping[str, int]
    full_months: frozenset[str]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    relative_days: Mapping[str, int]
    relative_day_rules: Mapping[str, tuple[str | None, bool]]
    units: Mapping[str, str]
    periods: Mapping[str, tuple[int, str]]
    parts: Mapping[str, tuple[int, int, int, int]]
    words: Mapping[str, tuple[str, ...]]
    sets: Mapping[str, frozenset[str]]

    def word_set(self, name: str) -> frozenset[str]:
        """Return the phrases of word set ``name`` as a set."""
        return self.sets.get(name, frozenset())


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled line of ``patterns.tsv``: tried where a word of a ``triggers`` kind starts."""

    name: str
    order: int
    triggers: frozenset[str]
    regex: regex.Pattern[str]


def _spellings(table: Iterable[tuple[str, ...]], source: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in table:
        if len(row) < 3:
            raise ResourceError(f"{source}: expected name<TAB>number<TAB>spellings, got {row!r}")
        value = int(row[1])
        for spelling in row[2].split(","):
            if spelling.strip():
                out[" ".join(spelling.strip().lower().split())] = value
    return out


def _is_full_month(spelling: str, canonical: str) -> bool:
    # "pebruari", "nopember" are full names; "agt", "agust", "sept" are abbreviations
    return spelling == canonical or (len(spelling) >= 6 and not canonical.startswith(spelling))


@functools.cache
def lexicon() -> Lexicon:
    """Load every word list once."""
    month_rows = read_table(LANG, "months.tsv")
    months = _spellings(month_rows, "months.tsv")
    full = frozenset(
        s.strip().lower()
        for row in month_rows
        for s in row[2].split(",")
        if s.strip() and _is_full_month(s.strip().lower(), row[0].lower())
    )
    words: dict[str, tuple[str, ...]] = {}
    for row in read_table(PKG, "words.tsv"):
        if len(row) < 2:
            raise ResourceError(f"words.tsv: expected set<TAB>phrases, got {row!r}")
        words[row[0]] = tuple(
            " ".join(p.strip().lower().split()) for p in row[1].split(",") if p.strip()
        )
    periods = {row[0].lower(): (int(row[1]), row[2]) for row in read_table(PKG, "periods.tsv")}
    parts = {
        row[0].lower(): (int(row[1]), int(row[2]), int(row[3]), int(row[4]))
        for row in read_table(PKG, "parts.tsv")
    }
    relative_days: dict[str, int] = {}
    relative_day_rules: dict[str, tuple[str | None, bool]] = {}
    for row in read_table(PKG, "relative_days.tsv"):
        if len(row) != 4:
            raise ResourceError(f"relative_days.tsv: expected 4 columns, got {row!r}")
        phrase = " ".join(row[0].lower().split())
        relative_days[phrase] = int(row[1])
        relative_day_rules[phrase] = (None if row[2] == "-" else row[2], row[3] == "yes")
    return Lexicon(
        months=months,
        full_months=full,
        weekdays=_spellings(read_table(LANG, "weekdays.tsv"), "weekdays.tsv"),
        numbers=_spellings(read_table(LANG, "numbers.tsv"), "numbers.tsv"),
        ordinals=_spellings(read_table(LANG, "ordinals.tsv"), "ordinals.tsv"),
        relative_days=relative_days,
        relative_day_rules=relative_day_rules,
        units={row[0].lower(): row[1] for row in read_table(PKG, "units.tsv")},
        periods=periods,
        parts=parts,
        words=words,
        sets={name: frozenset(phrases) for name, phrases in words.items()},
    )


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Return a non-capturing alternation of ``phrases``, longest first; spaces match runs."""
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_SPACE.join(regex.escape(w) for w in p.split()) for p in uniq) + ")"


def _capitalised(phrases: Iterable[str]) -> str:
    forms: set[str] = set()
    for p in phrases:
        forms.add(p[:1].upper() + p[1:])
        forms.add(p.upper())
    return "(?-i:" + phrase_alternation(forms)[3:]  # "(?:" -> "(?-i:"


def _connector(phrases: Iterable[str]) -> str:
    alts = []
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        body = _SPACE.join(regex.escape(w) for w in p.split())
        # words need spaces around them; signs ("-", "s/d") may touch the numbers
        alts.append(
            f"{_SPACE}{body}{_SPACE}"
            if p.replace(" ", "").isalpha()
            else f"{_SPACE_OPT}{body}{_SPACE_OPT}"
        )
    return "(?:" + "|".join(alts) + ")"


@functools.cache
def placeholders() -> Mapping[str, str]:
    """Return the regex text each ``@NAME`` in ``patterns.tsv`` expands to."""
    lex = lexicon()
    out = dict(_FIXED)
    # a full name ends at a word boundary; an abbreviation may take a dot ("Agt.", "Sept.")
    abbreviations = [m for m in lex.months if m not in lex.full_months]
    out["MONTH"] = (
        "(?:"
        + phrase_alternation(lex.full_months)
        + r"\b|"
        + phrase_alternation(abbreviations)
        + r"\b\.?)"
    )
    out["MONTHF"] = phrase_alternation(lex.full_months)
    out["MONTHC"] = _capitalised(lex.full_months)
    out["WD"] = phrase_alternation(lex.weekdays)
    out["WDC"] = _capitalised(lex.weekdays)
    out["NUMW"] = phrase_alternation(lex.numbers)
    out["ORD"] = phrase_alternation(lex.ordinals)
    out["RELDAY"] = phrase_alternation(lex.relative_days)
    for name, phrases in lex.words.items():
        out[name] = _connector(phrases) if name == "CONN" else phrase_alternation(phrases)
    return out


def _expand(template: str, table: Mapping[str, str], name: str) -> str:
    def sub(m: regex.Match[str]) -> str:
        key = m.group(1)
        if key not in table:
            raise ResourceError(f"patterns.tsv: {name} uses unknown placeholder @{key}")
        return table[key]

    expanded = _PLACEHOLDER.sub(sub, template)
    return expanded.replace(r"\s+", _SPACE).replace(r"\s*", _SPACE_OPT)


@functools.cache
def patterns() -> tuple[Pattern, ...]:
    """Compile ``patterns.tsv`` once, in file order."""
    table = placeholders()
    out = []
    for order, line in enumerate(read_lines(PKG, "patterns.tsv")):
        cells = line.split("\t")
        if len(cells) != 3:
            raise ResourceError(
                f"patterns.tsv: expected name<TAB>triggers<TAB>pattern, got {line!r}"
            )
        name, triggers, template = (c.strip() for c in cells)
        try:
            compiled = regex.compile(_expand(template, table, name), regex.IGNORECASE)
        except regex.error as exc:
            raise ResourceError(f"patterns.tsv: pattern {name!r} does not compile: {exc}") from exc
        out.append(
            Pattern(name, order, frozenset(t.strip() for t in triggers.split(",")), compiled)
        )
    return tuple(out)


def _trigger_words(kind: str, lex: Lexicon) -> Iterable[str]:
    """Return the words (first words of phrases) that start an expression of ``kind``."""
    if kind == "month":
        return lex.months
    if kind == "weekday":
        return lex.weekdays
    if kind == "number":
        return (w.split()[0] for w in lex.numbers)
    if kind == "relday":
        return (w.split()[0] for w in lex.relative_days)
    return (w.split()[0] for w in lex.words.get(kind.upper(), ()))


@dataclass(frozen=True, slots=True)
class Triggers:
    """Which patterns to try where: by lower-cased word, at a day number, at a four-digit number."""

    by_word: Mapping[str, tuple[int, ...]]
    day: tuple[int, ...]
    year: tuple[int, ...]


@functools.cache
def trigger_table() -> Triggers:
    """Return the pattern indices each trigger word or number starts."""
    lex = lexicon()
    by_word: dict[str, set[int]] = {}
    day: list[int] = []
    year: list[int] = []
    for i, p in enumerate(patterns()):
        for kind in p.triggers:
            if kind in ("day", "year"):
                (day if kind == "day" else year).append(i)
                continue
            words = list(_trigger_words(kind, lex))
            if not words:
                raise ResourceError(f"patterns.tsv: {p.name} has unknown trigger kind {kind!r}")
            for w in words:
                by_word.setdefault(w.lower(), set()).add(i)
    return Triggers({w: tuple(sorted(ix)) for w, ix in by_word.items()}, tuple(day), tuple(year))
