"""Acronym definitions in the text: ``Long Form (ACR)`` and ``ACR (Long Form)`` (Schwartz–Hearst).

Split forms are joined: ``United Cities Local Government (UCLG) Asian Pacific (ASPAC)`` defines one
organisation ``UCLG ASPAC`` whose expansion is both long forms.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from beritakit.extractors.entities._data import OrgEntry, data
from beritakit.extractors.entities._orgs import venue_tail
from beritakit.extractors.entities._rules import Scan
from beritakit.extractors.entities._tokens import fold
from beritakit.resources import read_lines

__all__ = ["Definition", "best_long_form", "find_definitions", "org_words"]


@dataclass(frozen=True, slots=True)
class Definition:
    """One acronym and its long form; token offsets into the :class:`Scan`."""

    acronym: str
    long: str
    long_i: int  # first token of the long form
    long_j: int  # end of the long form
    acr_i: int  # first token of the acronym
    end: int  # end of the whole definition (after the closing bracket)
    org: bool
    entry: OrgEntry | None


@functools.cache
def org_words() -> frozenset[str]:
    """Folded words that mark an organisation's name (long_form_org_words.txt, org heads)."""
    d = data()
    heads = {k[0] for k in d.org_prefix_heads} | {k[-1] for k in d.org_suffix_heads}
    return frozenset(
        fold(w) for w in read_lines("beritakit.extractors.entities", "long_form_org_words.txt")
    ) | frozenset(heads)


def best_long_form(short: str, long: str) -> int | None:
    """Where in ``long`` the long form of ``short`` starts (Schwartz & Hearst 2003), or ``None``.

    Every letter and digit of ``short`` must appear in order in ``long``; the first one at the
    start of a word.
    """
    s = len(short) - 1
    lpos = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while lpos >= 0 and (
            long[lpos].lower() != c or (s == 0 and lpos > 0 and long[lpos - 1].isalnum())
        ):
            lpos -= 1
        if lpos < 0:
            return None
        lpos -= 1
        s -= 1
    return lpos + 1


def _is_short(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not 2 <= len(text) <= 12 or not letters or not text[0].isupper():
        return False
    return sum(c.isupper() for c in letters) >= 2 or (len(text) <= 9 and text[0].isupper())


def _initials_agree(short: str, long_words: list[str]) -> bool:
    """A mixed-case short form ("Kadin") takes letters from a third of the long form's words."""
    letters = set(short.lower())
    return 3 * sum(1 for w in long_words if w[:1] in letters) >= len(long_words)


def _org_like(s: Scan, i: int, j: int, acronym: str) -> tuple[bool, OrgEntry | None]:
    d = s.d
    for key in (tuple(fold(acronym).split()), tuple(k for k in s.keys[i:j] if k)):
        for alias in d.gazetteer.get(key, ()):
            if isinstance(alias.entry, OrgEntry):
                return True, alias.entry
            return False, None  # a place ("Nusa Tenggara Timur (NTT)")
    words_ = [k for k in s.keys[i:j] if k]
    if " ".join(words_) in d.not_entities:
        return False, None  # a generic term: "Peraturan Pemerintah (PP)"
    if words_ and words_[0] in ("indeks", "index"):
        return False, None  # a measure, not a body: "Indeks Harga Saham Gabungan (IHSG)"
    if j > i and venue_tail(s, j - 1):
        return False, None  # a venue: "Jakarta Convention Center (JCC)"
    if all(w in d.role_words or (w,) in d.org_prefix_heads for w in words_):
        return False, None  # a bare type word: "Direktorat (Dit)", "Bimbingan Belajar (Bimbel)"
    if s.role_head_at(i) and not s.org_head_at(i)[0]:
        return False, None  # "Penjabat (Pj)"
    return any(w in org_words() for w in words_), None


def find_definitions(s: Scan) -> list[Definition]:
    """Every acronym definition in the text, split forms joined."""
    out: list[Definition] = []
    toks = s.toks
    for p in range(1, s.n - 2):
        if toks[p].text != "(":
            continue
        close = next((q for q in range(p + 1, min(s.n, p + 14)) if toks[q].text == ")"), None)
        if close is None or close == p + 1:
            continue
        if close == p + 2 and _is_short(toks[p + 1].text):
            df = _long_before(s, p, toks[p + 1].text) or _named_before(s, p, toks[p + 1].text)
        elif close > p + 2 and s.is_acronym(p - 1):
            df = _long_inside(s, p, close)
        else:
            df = None
        if df is None:
            continue
        if out and out[-1].end == df.long_i and out[-1].org and df.long_j - df.long_i <= 4:
            prev = out.pop()
            df = Definition(
                f"{prev.acronym} {df.acronym}",
                f"{prev.long} {df.long}",
                prev.long_i,
                df.long_j,
                prev.acr_i,
                df.end,
                True,
                prev.entry,
            )
        out.append(df)
    return out


def _long_before(s: Scan, p: int, acronym: str) -> Definition | None:
    toks = s.toks
    limit = min(len(acronym) + 5, 2 * len(acronym))
    b = p
    count = 0
    while b > 0 and count < limit:
        t = toks[b - 1]
        if t.text in (")", "(", ".", "!", "?", ":", ";", '"', "“", "”") and s.keys[b - 1] != "":
            break
        if s.hard[b] and b < p:
            break
        b -= 1
        if t.is_word:
            count += 1
    if b >= p:
        return None
    start_char = toks[b].start
    long_text = s.text[start_char : toks[p - 1].end]
    at = best_long_form(acronym, long_text)
    i = None
    if at is not None:
        i = next((k for k in range(b, p) if toks[k].start >= start_char + at), None)
    if not acronym.isupper() and (i is None or _runs_over_prose(s, i, p)):
        # a syllabic short form takes letters from inside the words ("Kelompok Sadar Wisata
        # (Pokdarwis)": kelomPOK saDAR WISata), so the first letter need not open a word and
        # the long form is the run of capitalised words before the bracket, not a stretch
        # of the sentence that ends there ("Padang langsung membekukan Kelompok …")
        i = _syllabic_long_form(s, b, p, acronym) or i
    if i is None or not toks[i].is_cap or not toks[i].is_word:
        return None
    if fold(s.span_text(i, p)) == fold(acronym) or fold(acronym) in s.d.not_entities:
        return None
    if not acronym.isupper() and not _initials_agree(
        acronym, [s.keys[k] for k in range(i, p) if s.keys[k]]
    ):
        return None
    org, entry = _org_like(s, i, p, acronym)
    return Definition(acronym, s.span_text(i, p), i, p, p + 1, p + 3, org, entry)


_CONNECTORS = frozenset({"dan", "&", "untuk", "of", "and", "the", "for"})
_NAMED_WORDS = 12  # words of an organisation's name read back from its bracketed short form


def _named_before(s: Scan, p: int, acronym: str) -> Definition | None:
    """An organisation's name before its bracketed short form whose letters it does not spell.

    Indonesian news writes the Indonesian name with the English or numbered short form
    ("Badan Tenaga Atom Internasional (IAEA)", "Yayasan Kemanusiaan Gaza (GHF)", "Dinas
    Pemberdayaan Perempuan dan Perlindungan Anak (DP3A)"): the bracket still defines it. The
    name is the run of capitalised words (and connectors) before the bracket that opens at an
    organisation head; a short form in capitals only.
    """
    if sum(c.isupper() for c in acronym) < 2 or any(c.islower() for c in acronym):
        return None
    toks = s.toks
    b = p
    while (
        b > 0
        and p - b < _NAMED_WORDS
        and not s.hard[b]
        and toks[b - 1].is_word
        and (toks[b - 1].is_cap or s.keys[b - 1] in _CONNECTORS)
    ):
        b -= 1
    i = next((k for k in range(b, p) if toks[k].is_cap and s.org_head_at(k)[0]), None)
    if i is None or fold(acronym) in s.d.not_entities:
        return None
    org, entry = _org_like(s, i, p, acronym)
    if not org:
        return None
    return Definition(acronym, s.span_text(i, p), i, p, p + 1, p + 3, org, entry)


def _runs_over_prose(s: Scan, i: int, p: int) -> bool:
    """A word written in lower case (not a connector) lies in ``[i, p)``."""
    return any(
        s.toks[k].is_word and s.toks[k].is_lower and s.keys[k] not in _CONNECTORS
        for k in range(i, p)
    )


def _syllabic_long_form(s: Scan, b: int, p: int, acronym: str) -> int | None:
    """The start of the capitalised run before ``p`` that spells ``acronym`` in order, or None.

    None leaves the Schwartz–Hearst long form as it was (``Pusat kesenjataan Kavaleri``).
    """
    i = p
    while i > b and (s.toks[i - 1].is_cap or s.keys[i - 1] in _CONNECTORS):
        i -= 1
    while i < p and (
        not s.toks[i].is_cap
        or (i + 1 < p and s.toks[i].is_word and not s.toks[i + 1].space_before)
    ):
        i += 1  # not a word written in lower case, nor one glued onto the next ("JakartaKemen…")
    if i >= p:
        return None
    letters = iter(s.span_text(i, p).lower())
    if not all(c in letters for c in acronym.lower() if c.isalnum()):
        return None  # its letters are not in the run, in order
    return i


def _long_inside(s: Scan, p: int, close: int) -> Definition | None:
    acronym = s.toks[p - 1].text
    inside = s.span_text(p + 1, close)
    at = best_long_form(acronym, inside)
    if at is None or not s.toks[p + 1].is_cap or fold(inside[0]) != fold(acronym[0]):
        return None
    org, entry = _org_like(s, p + 1, close, acronym)
    return Definition(acronym, inside, p + 1, close, p - 1, close + 1, org, entry)
