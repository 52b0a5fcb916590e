"""The rules that find organisations and places: head words, gazetteers, acronym definitions.

Split out of ``_find.py``: one :class:`OrgPlaceRules` works on the finder's token scan and
adds organisation and place candidates to its list.
"""

from __future__ import annotations

import regex

from beritakit.extractors.entities._acronyms import (
    Definition,
)
from beritakit.extractors.entities._data import OrgEntry, PlaceEntry
from beritakit.extractors.entities._orgs import (
    english_head,
    inside_places,
    reads_as_org,
    venue_tail,
    year_tail,
)
from beritakit.extractors.entities._places import place_word_ok
from beritakit.extractors.entities._rules import (
    ORG_SUFFIX,
    PLACE_HEAD,
    ROLE_HEAD,
    Scan,
    words,
)
from beritakit.extractors.entities._tiers import COUNTRY_SUFFIX, LOC, ORG, T_GAZ, T_RULE, Cand
from beritakit.extractors.entities._tokens import fold

__all__ = ["OrgPlaceRules"]

_AGE_GROUP = regex.compile(r"U-?\d{2}")  # a team's age group: "U-17", "U23"
_TEAMS = frozenset({"national_team", "club"})  # orgs.tsv types that field age-group teams


_STATUS_WORDS = frozenset({"negeri", "swasta"})  # "21 SD Negeri": no school named
_CLUB_WORDS = frozenset({"klub", "club"})

class OrgPlaceRules:
    """Organisation and place candidates of one article, found by rules and gazetteers."""

    def __init__(self, s: Scan, cands: list[Cand], blocked: list[bool]) -> None:
        self.s = s
        self.cands = cands  # shared with the finder: rules append to it
        self.blocked = blocked

    def orgs(self, definitions: list[Definition]) -> None:
        s = self.s
        in_place = inside_places(s)
        connectors = words("role_connectors")
        for df in definitions:
            if not df.org:  # a word inside a defined term: "Gabungan" of "Indeks … Gabungan (IHSG)"
                in_place.update(range(df.long_i + 1, df.end))
        k = 0
        while k < s.n:
            if self.blocked[k]:
                k += 1
                continue
            head, minimum = s.org_head_at(k)
            hit = s.gaz_at(k)
            if k in in_place or (
                hit is not None and hit.places and not hit.orgs and hit.j - k > head
            ):
                head = 0  # "Serikat" of "Amerika Serikat (AS)", "Federasi Rusia": places
            if head and not (hit is not None and hit.orgs and hit.j - k > head):
                end = s.org_tail(k, k + head)
                # words that name it: not connectors, a status ("SD Negeri") nor another
                # head ("SMP dan SMA", "SMA/SMK": school levels, no school)
                words_ = sum(
                    1
                    for p in range(k + head, end)
                    if s.toks[p].is_word
                    and s.keys[p] not in connectors
                    and s.keys[p] not in _STATUS_WORDS
                    and not (s.toks[p].is_upper and s.org_head_at(p)[0])
                )
                if year_tail(s, k + head, end):
                    words_ = -1  # "Klub 2025" of "Piala Dunia Klub 2025": an edition, not a body
                if words_ >= minimum and (words_ or minimum == 0) and not self._generic(k, end):
                    hit2 = s.gaz_at(k)
                    entry = (
                        hit2.orgs[0] if hit2 is not None and hit2.orgs and hit2.j == end else None
                    )
                    self.cands.append(Cand(k, end, ORG, T_RULE, org=entry))
                    k = end
                    continue
            if hit is not None and reads_as_org(s, k, hit) and not self._portfolio(k):
                end = self._place_suffix(hit.j, hit.j)
                team: OrgEntry | None = hit.orgs[0]
                if end == hit.j and hit.orgs[0].type in _TEAMS and self._age_group(end):
                    end, team = end + 1, None  # "Timnas Indonesia U-17" is not the senior team
                self.cands.append(Cand(k, end, ORG, T_GAZ, org=team))
                k = end
                continue
            # suffix heads: "Stanford University", "TVS Motor Company"
            if s.toks[k].is_cap and s.toks[k].is_word:
                n = s.phrase_at(k, ORG_SUFFIX)
                end = english_head(s, k + n)
                if n and end:  # "Center of Economic and Law Studies"
                    self.cands.append(Cand(k, end, ORG, T_RULE))
                    k = end
                    continue
                if n and k > 0 and not venue_tail(s, k):
                    b = k
                    while (
                        b > 0
                        and k - b < 5
                        and (s.toks[b - 1].is_cap and s.toks[b - 1].is_word)
                        and not s.hard[b]
                        and not self.blocked[b - 1]
                        and not s.role_head_at(b - 1)
                        and not self._thing_word(b - 1)
                    ):
                        b -= 1
                    # the name opens at a prefix head in it: "Direktur Operasional PT X Tbk"
                    b = next((p for p in range(b, k) if s.org_head_at(p)[0]), b)
                    if b < k:
                        self.cands.append(Cand(b, k + n, ORG, T_RULE))
                        k += n
                        continue
            k += 1
        for c in self.cands:
            if c.label == ORG and c.acronym is None and c.org is None:
                for df in definitions:
                    if c.i <= df.long_i <= c.i + 1 and df.end <= c.j:
                        c.acronym, c.expansion = (
                            df.acronym,
                            df.long,
                        )  # "Dinas Perhubungan (Dishub) X"
                        break
                    if df.end == c.j and df.long_i > c.i + 1 and df.acr_i - 1 > c.i:
                        c.j = (
                            df.acr_i - 1
                        )  # "Badan Pengawas Mahkamah Agung (MA)": the bracket is MA's
                        break
                else:
                    toks = s.toks
                    if c.j - c.i > 3 and toks[c.j - 3].text == "(" and toks[c.j - 1].text == ")":
                        c.j -= 3  # a bracket that defines nothing is no part of the name
        self._defined_orgs(definitions)

    def _thing_word(self, k: int) -> bool:
        """A noun of a kind of thing before a name ("Pesawat Saudia Airlines"): not in it.

        One of ``thing_before`` (patterns.jsonl), or a common word opening the sentence
        that is no organisation head.
        """
        s = self.s
        if s.keys[k] in words("thing_before"):
            return True
        return s.sent_start[k] and s.keys[k] in s.d.corpus_words and not s.org_head_at(k)[0]

    def _defined_orgs(self, definitions: list[Definition]) -> None:
        """Organisations the text defines ("Komisi Yudisial (KY)") and their acronym's mentions.

        A region written right after the definition or a mention is part of the name
        ("Perhimpunan Hotel dan Restoran Indonesia (PHRI) DIY", "PHRI DIY"), as after a
        gazetteer organisation ("BPBD Aceh Timur").
        """
        s = self.s
        for df in definitions:
            if not df.org:
                continue
            key = [k for k in (fold(w) for w in df.acronym.split()) if k]
            end = self._listed_suffix(df, key)
            self.cands.append(
                self._defined(df, self._head_before(df.long_i), self._place_suffix(end, end))
            )
            # later bare mentions of the acronym join it ("UCLG ASPAC merupakan ...")
            n = len(key)
            for p in range(s.n - n + 1):
                if (
                    s.keys[p] == key[0]
                    and s.keys[p : p + n] == key
                    and not (df.long_i <= p < df.end)
                    and not self.blocked[p]
                    and s.toks[p].text[0].isupper()
                ):
                    self.cands.append(self._defined(df, p, self._place_suffix(p + n, p + n)))

    def _listed_suffix(self, df: Definition, acronym: list[str]) -> int:
        """Extend a definition over the parent the gazetteer writes after its acronym.

        "Badan Reserse Kriminal (Bareskrim) Polri", "Korps Lalu Lintas (Korlantas) Polri":
        the entry lists "Bareskrim Polri", so "Polri" is part of this name, not a second
        organisation.
        """
        s = self.s
        if df.entry is None:
            return df.end
        for n in (3, 2, 1):
            tail = df.end + n
            if tail > s.n or any(s.hard[p] or not s.toks[p].is_word for p in range(df.end, tail)):
                continue
            listed = s.d.gazetteer.get((*acronym, *s.keys[df.end : tail]), ())
            if any(a.entry.id == df.entry.id for a in listed):
                return tail
        return df.end

    def _head_before(self, i: int) -> int:
        """Where a defined long form starts with the organisation head written before it.

        "Kementerian Komunikasi dan Digital (Komdigi)": the acronym's letters come from
        "Komunikasi dan Digital", but the name opens at the head word "Kementerian".
        """
        s = self.s
        for b in (i - 1, i - 2):
            if b >= 0 and not self.blocked[b] and s.toks[b].is_cap and s.org_head_at(b)[0] == i - b:
                if not any(s.hard[p] or s.sent_start[p] for p in range(b + 1, i + 1)):
                    return b
        return i

    @staticmethod
    def _defined(df: Definition, i: int, j: int) -> Cand:
        return Cand(
            i, j, ORG, T_RULE, acronym=df.acronym, expansion=df.long, org=df.entry, src="acronym"
        )

    def _place_suffix(self, j: int, end: int) -> int:
        """Extend an organisation over a place written right after it ("BPBD Aceh", "DPR RI")."""
        s = self.s
        if end == j and j < s.n and not s.hard[j]:
            hit = s.gaz_at(j)
            if (
                hit is not None
                and hit.places
                and not hit.orgs
                and (
                    any(e.indonesian_admin for e in hit.places)
                    or s.fold_span(j, hit.j) in COUNTRY_SUFFIX  # "Komisi II DPR RI"
                )
            ):
                return hit.j
        return end

    def _age_group(self, j: int) -> bool:
        """A team's age group is written at ``j`` ("U-17", "U23")."""
        s = self.s
        return j < s.n and not s.hard[j] and _AGE_GROUP.fullmatch(s.toks[j].text) is not None

    def _portfolio(self, k: int) -> bool:
        """An acronym right after "Menteri" is the minister's portfolio, not an organisation."""
        s = self.s
        return (
            k > 0
            and s.keys[k - 1] in ("menteri", "menko", "wamen")
            and s.keys[k] not in ("kementerian",)
        )

    def _generic(self, i: int, j: int) -> bool:
        """A kind of body, not one body.

        A listed generic term, or a club named only by where it plays ("Klub London utara
        itu", "Klub Inggris Oxford United").
        """
        s = self.s
        if s.fold_span(i, j) in s.d.not_entities:
            return True
        hit = s.gaz_at(i + 1) if j - i >= 2 and s.keys[i] in _CLUB_WORDS else None
        return hit is not None and hit.j == j and bool(hit.places) and not hit.orgs

    # -- places ------------------------------------------------------------------------

    def places(self) -> None:
        s = self.s
        d = s.d
        k = 0
        while k < s.n:
            if self.blocked[k] or not s.toks[k].is_word or not s.toks[k].is_cap:
                k += 1
                continue
            n = s.phrase_at(k, PLACE_HEAD)
            hit = s.gaz_at(k)
            if k > 0 and s.keys[k - 1] in ("wali", "walikota", "ibu"):
                n = 0  # "Wali Kota X" is a role, "Ibu Kota" a capital
            if s.reduplicated_before(k):
                n = 0  # "Pulau-Pulau Kecil": a plural common noun, no name
            if n and not (hit is not None and hit.j - k > n and not hit.orgs):
                kind, _keep = d.place_heads[tuple(x for x in s.keys[k : k + n] if x)]
                end = k + n
                while (
                    end < s.n
                    and end - k < n + 3
                    and s.is_title(end)
                    and not s.hard[end]
                    and not s.sent_start[end]
                    and not (end > k + n and self._admin_place_at(end))
                    and s.keys[end] not in d.not_entities
                    and not s.honorifics_at(end)[2]
                    and not s.phrase_at(end, ROLE_HEAD)
                    and not s.phrase_at(end, PLACE_HEAD)
                    and not s.org_head_at(end)[0]
                ):
                    end += 1
                inner = s.gaz_at(k + n)
                if inner is not None and inner.places:
                    # "Kabupaten Muratara Sumsel": the run goes on into another place; stop there
                    if inner.j >= end or any(s.gaz_at(p) is not None for p in range(inner.j, end)):
                        end = inner.j
                if end > k + n and s.reduplicated_after(end):
                    end += 2  # "Gunung Lewotobi Laki-Laki"
                if end > k + n and s.fold_span(k, end) in d.not_entities:
                    end = k  # a slogan or term written like a place: "Kota Global"
                if end > k + n:
                    places = (
                        tuple(e for e in inner.places)
                        if inner is not None and inner.j == end
                        else ()
                    )
                    if places and kind in ("city", "regency"):
                        exact = tuple(e for e in places if e.kind == kind)
                        places = exact or places
                    elif places and kind == "other":
                        districts = tuple(e for e in places if e.kind == "district")
                        places = (
                            districts
                            if s.keys[k] in ("kecamatan", "kec", "distrik") and districts
                            else ()
                        )
                    self.cands.append(
                        Cand(
                            k,
                            end,
                            LOC,
                            T_RULE,
                            places=places,
                            kind=kind,
                            explicit=kind in ("city", "regency", "province"),
                            district_ok=True,
                        )
                    )
                    k = end
                    continue
            if (
                hit is not None
                and hit.places
                and not reads_as_org(s, k, hit)
                and place_word_ok(s, k, hit.j)
            ):
                self.cands.append(
                    Cand(
                        k,
                        hit.j,
                        LOC,
                        T_GAZ,
                        places=hit.places,
                        explicit=self._explicit(k, hit.j, hit.places),
                    )
                )
                k = hit.j
                continue
            k += 1

    def _admin_place_at(self, k: int) -> bool:
        """A province, regency, city or country starts at ``k`` ("... Meru Betiri Jember")."""
        hit = self.s.gaz_at(k)
        return hit is not None and any(
            e.indonesian_admin or e.kind == "country" for e in hit.places
        )

    def _explicit(self, i: int, j: int, places: tuple[PlaceEntry, ...]) -> bool:
        first = self.s.keys[i]
        return first in ("kota", "kabupaten", "kab", "provinsi")
