"""Token rules: gazetteer lookup, name runs, honorifics, degrees, roles, organisation names."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from beritakit.extractors.entities._data import (
    FACILITY,
    ORG_HEAD,
    ORG_SUFFIX,
    PLACE_HEAD,
    ROLE_HEAD,
    ROLE_PREFIX,
    Alias,
    Data,
    OrgEntry,
    PlaceEntry,
    data,
)
from beritakit.extractors.entities._tokens import Tok, fold, tokenize
from beritakit.lang import LANG_ID
from beritakit.resources import read_table

__all__ = [
    "COMPANY_FORMS",
    "FACILITY",
    "ORG_HEAD",
    "ORG_SUFFIX",
    "PLACE_HEAD",
    "ROLE_HEAD",
    "ROLE_PREFIX",
    "Scan",
    "person_particles",
    "words",
]

_SENT_END = frozenset(".!?…\"“”'‘’:;")
_OPENERS = "\"“”'‘’(["  # skipped back over when looking for a sentence end (a substring test)
# Indonesian verb shapes (me-, di-, ber-, ter-): they end a lowercase role ("pedagang menjual").
_VERBISH = regex.compile(r"^(?:me[mnrlwy]?|mem|men|meng|meny|di|ber|ter|se)\p{Ll}{3,}")
_GLUED_BRACKET = regex.compile(r"(?<=\w)\(")
_TEAM_WORDS = frozenset({"timnas", "tim"})  # open a national team's name: "timnas Belanda"
_ORDINAL = regex.compile(r"ke-\p{Nd}{1,3}$")  # "ke-7"
COMPANY_FORMS = frozenset({"pt", "cv", "ud", "pd"})  # legal forms before a company name
_ROMAN = frozenset(
    {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"}
)


@functools.cache
def words(rule: str) -> frozenset[str]:
    """The word list of one rule in ``patterns.jsonl``."""
    for pattern in data().patterns:
        if pattern.get("rule") == rule:
            values = pattern.get("words")
            assert isinstance(values, list)
            return frozenset(str(v) for v in values)
    raise KeyError(rule)


@functools.cache
def person_particles() -> frozenset[str]:
    """Lower-case words inside a person's name ("bin", "van", "de").

    Not "di": written in lower case in Indonesian text it is the preposition ("kata Doni
    di Sekayu"); the Italian particle is written "Di" there ("Eusebio Di Francesco").
    """
    return words("name_particles") - {"di"}


@dataclass(frozen=True, slots=True)
class GazMatch:
    """A gazetteer hit over tokens ``[i, j)``."""

    i: int
    j: int
    aliases: tuple[Alias, ...]

    @property
    def places(self) -> tuple[PlaceEntry, ...]:
        """The place entries among the hit's readings."""
        return tuple(a.entry for a in self.aliases if isinstance(a.entry, PlaceEntry))

    @property
    def orgs(self) -> tuple[OrgEntry, ...]:
        """The organisation entries among the hit's readings."""
        return tuple(a.entry for a in self.aliases if isinstance(a.entry, OrgEntry))


@functools.cache
def _months() -> frozenset[str]:
    """Full month names (``lang/id/months.tsv``), folded."""
    return frozenset(row[0] for row in read_table(LANG_ID, "months.tsv"))


@functools.cache
def _honorific_first() -> frozenset[str]:
    return frozenset(k[0] for k in data().honorifics)


@functools.cache
def _head_words() -> frozenset[tuple[str, ...]]:
    d = data()
    return frozenset(
        k
        for table in (d.place_heads, d.org_prefix_heads, d.role_heads, d.facility_heads)
        for k in table
        if len(k) == 1
    )


class Scan:
    """One text, tokenised, with the lookups every rule shares."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.d: Data = data()
        self.toks: list[Tok] = tokenize(text)
        self.n = len(self.toks)
        self.keys = [self._key(k) for k in range(self.n)]
        self.hard = [self._hard_break(k) for k in range(self.n)]
        first = self.d.first_words
        self.mask = [first.get(key, 0) for key in self.keys]
        self.sent_start = self._sentence_starts()
        self.gaz: dict[int, GazMatch] = {}
        self._phrase_memo: dict[tuple[int, int], int] = {}
        self.per_starts: set[int] = set()  # where the NER model says a person's name begins
        self._hon_memo: dict[int, tuple[int, list[str], bool]] = {}
        self.sport_article: bool | None = None  # the article is about a game (_orgs.py)
        self.alone: set[str] | None = None  # words written without a hyphen (_find.py)
        self._lookup_all()

    # -- basic token facts ---------------------------------------------------

    def _key(self, k: int) -> str:
        tok = self.toks[k]
        if tok.text == "." and k > 0 and not tok.space_before and self.toks[k - 1].is_word:
            prev = self.toks[k - 1].text
            if len(prev) <= 3 and prev[0].isupper():
                return ""  # an abbreviation dot: "D.C.", "Kab.", "S.H."
        return fold(tok.text)

    def _hard_break(self, k: int) -> bool:
        r"""A line break before ``k`` that ends a name.

        Some scrapers put a few words on each line ("Direktur Utama PT\nFreeport\nIndonesia Tony");
        a break after a word, inside such short lines, is read as a space.
        """
        toks = self.toks
        if not toks[k].newline_before or k == 0:
            return toks[k].newline_before
        prev = toks[k - 1]
        if not (prev.is_word or prev.text in ",-"):
            return True
        b = k - 1
        while b > 0 and not toks[b].newline_before:
            b -= 1
        e = k + 1
        while e < self.n and not toks[e].newline_before:
            e += 1
        return min(k - b, e - k) > 4

    def _sentence_starts(self) -> list[bool]:
        """Whether each token starts a sentence, in one forward pass (linear time).

        A token starts a sentence at the text's start, after a line break, or after a
        sentence end followed only by quotes and opening brackets (none of which opens a
        line).
        """
        out: list[bool] = []
        last = -1  # the last token that is not a quote or opening bracket
        broken = False  # a quote or bracket after ``last`` opens a line
        for k, tok in enumerate(self.toks):
            if k == 0 or tok.newline_before:
                out.append(True)
            else:
                out.append(
                    broken
                    or last < 0
                    or (self.toks[last].text in _SENT_END and self.keys[last] != "")
                )
            if tok.text in _OPENERS:
                broken = broken or tok.newline_before
            else:
                last, broken = k, False
        return out

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens ``[i, j)``."""
        return self.text[self.toks[i].start : self.toks[j - 1].end]

    def name_text(self, i: int, j: int) -> str:
        """The text of tokens ``[i, j)`` with a space put back where the scraper glued words."""
        parts = [self.toks[i].text]
        for k in range(i + 1, j):
            prev, tok = self.toks[k - 1], self.toks[k]
            gap = self.text[prev.end : tok.start]
            if not gap and prev.is_word and tok.is_word:
                gap = " "
            parts.append(" ".join(gap.split()) if gap.strip() else (" " if gap else ""))
            parts.append(tok.text)
        return "".join(parts)

    def fold_span(self, i: int, j: int) -> str:
        """The folded key string of tokens ``[i, j)`` (for dictionary look-ups)."""
        return " ".join(k for k in self.keys[i:j] if k)

    def reduplicated_after(self, j: int) -> bool:
        """A name ending before ``j`` goes on as a reduplicated word: "Laki" + "-Laki".

        ``Gunung Lewotobi Laki-Laki`` is one name; cut at the hyphen it reads "… Laki".
        """
        return (
            0 < j < self.n - 1
            and self.toks[j].text == "-"
            and not self.toks[j].space_before
            and not self.toks[j + 1].space_before
            and bool(self.keys[j - 1])
            and self.keys[j + 1] == self.keys[j - 1]
        )

    def reduplicated_before(self, i: int) -> bool:
        """The word at ``i`` repeats the one before a hyphen: the plural "Pulau-Pulau Kecil"."""
        return (
            i >= 2
            and self.toks[i - 1].text == "-"
            and not self.toks[i - 1].space_before
            and not self.toks[i].space_before
            and bool(self.keys[i])
            and self.keys[i - 2] == self.keys[i]
        )

    def is_title(self, k: int) -> bool:
        """A capitalised word that is not all capitals ("Najib", "McKibbin", "C")."""
        tok = self.toks[k]
        return tok.is_word and tok.is_cap and (not tok.is_upper or len(tok.text) == 1)

    def is_acronym(self, k: int) -> bool:
        """All capitals, 2 to 10 letters ("KPK", "PDI-P")."""
        tok = self.toks[k]
        return tok.is_word and tok.is_upper and len(tok.text) <= 10

    def is_number(self, k: int) -> bool:
        """Digits, or a Roman numeral."""
        tok = self.toks[k]
        return tok.text[0].isdigit() or tok.text in _ROMAN

    def common(self, i: int, j: int) -> bool:
        """A one-word hit that is a common word written at a sentence start."""
        return j - i == 1 and self.sent_start[i] and self.keys[i] in self.d.common_words

    # -- gazetteer -------------------------------------------------------------

    def _lookup_all(self) -> None:
        d = self.d
        self._heads = _head_words()
        for i in range(self.n):
            tok = self.toks[i]
            if not tok.is_word or not (
                tok.is_cap
                or tok.text[0].isdigit()
                or tok.text[0] in "di"
                or self.keys[i] in _TEAM_WORDS
            ):
                continue
            best: GazMatch | None = None
            key: tuple[str, ...] = ()
            j = i
            while j < self.n and len(key) < d.max_len:
                if j > i and self.hard[j]:
                    break
                k = self.keys[j]
                j += 1
                if not k:
                    continue
                key = (*key, k)
                if key not in d.prefixes:
                    break
                aliases = d.gazetteer.get(key)
                if aliases and len(key) == 1 and key in self._heads:
                    aliases = None  # "Kota", "Desa": a kind word, never a name by itself
                if aliases:
                    ok = tuple(a for a in aliases if self._case_ok(a, i, j))
                    if ok and not self.common(i, j):
                        best = GazMatch(i, j, ok)
            if best is not None:
                self.gaz[i] = best

    def _case_ok(self, alias: Alias, i: int, j: int) -> bool:
        words_ = [k for k in range(i, j) if self.toks[k].is_word]
        written = self.span_text(i, j)
        if alias.caps:
            return written == alias.form or all(
                self.toks[k].is_upper or self.is_number(k) for k in words_
            )
        first, last = self.toks[words_[0]], self.toks[words_[-1]]
        if not first.is_cap and not first.text[0].isdigit():
            # "timnas Belanda", "tim nasional Jepang": the team word is written in lower case
            return written == alias.form or (
                isinstance(alias.entry, OrgEntry)
                and alias.entry.type == "national_team"
                and self.keys[words_[0]] in _TEAM_WORDS
                and len(words_) > 1
                and all(self.toks[k].is_cap or self.keys[k] == "nasional" for k in words_[1:])
            )
        if not last.is_cap and not last.text[0].isdigit() and alias.form.split()[-1][:1].isupper():
            return False
        if len(words_) == 1 and first.is_upper and len(first.text) > 3 and not alias.form.isupper():
            # "JAKARTA" in a shouted heading is fine, but "BERIKUT" and the like are not names
            return True
        return True

    def gaz_at(self, k: int) -> GazMatch | None:
        """The longest gazetteer hit starting at token ``k``."""
        return self.gaz.get(k)

    # -- phrase tables -----------------------------------------------------------

    def phrase_at(self, k: int, bit: int, max_len: int = 5) -> int:
        """Length (dots included) of the longest phrase of table ``bit`` at ``k``; 0 if none."""
        if k >= self.n or not self.mask[k] & bit:
            return 0
        memo = (k, bit)
        found = self._phrase_memo.get(memo)
        if found is not None:
            return found
        table = self.d.table(bit)
        best = 0
        key: tuple[str, ...] = ()
        j = k
        while j < self.n and len(key) < max_len:
            if j > k and self.hard[j]:
                break
            kk = self.keys[j]
            j += 1
            if not kk:
                continue
            key = (*key, kk)
            if key in table:
                best = j - k
        self._phrase_memo[memo] = best
        return best

    def org_head_at(self, k: int) -> tuple[int, int]:
        """(length, minimum tail words) of a capitalised organisation prefix head at ``k``."""
        if not self.toks[k].is_word or not self.toks[k].is_cap:
            return 0, 0
        n = self.phrase_at(k, ORG_HEAD)
        if not n:
            return 0, 0
        return n, self.d.org_prefix_heads[tuple(x for x in self.keys[k : k + n] if x)]

    def role_head_at(self, k: int) -> int:
        """Length of a role head (with its prefixes, e.g. "Penjabat (Pj) Walikota") at ``k``."""
        j = k
        while j < self.n:
            n = self.phrase_at(j, ROLE_PREFIX)
            if not n:
                break
            j += n
            j = self.skip_paren_abbrev(j)
        n = self.phrase_at(j, ROLE_HEAD)
        if not n:
            return 0
        if not self.toks[j].is_cap and not self.toks[k].is_cap and j == k:
            # a lowercase role ("pelatih") is fine; a lowercase word that is also a verb is not
            pass
        return j + n - k

    def skip_paren_abbrev(self, k: int) -> int:
        """Skip a short bracketed abbreviation such as "(Pj)" or "(KPK)" at ``k``."""
        if (
            k + 2 < self.n
            and self.toks[k].text == "("
            and self.toks[k + 2].text == ")"
            and self.toks[k + 1].is_word
            and len(self.toks[k + 1].text) <= 12
            and self.toks[k + 1].is_cap
        ):
            return k + 3
        return k

    def honorifics_at(self, k: int) -> tuple[int, list[str], bool]:
        """Honorifics and ranks starting at ``k``: (end, recorded forms, any found)."""
        memo = self._hon_memo.get(k)
        if memo is None:
            memo = self._hon_memo[k] = self._honorifics_at(k)
        return memo[0], list(memo[1]), memo[2]

    def _honorifics_at(self, k: int) -> tuple[int, list[str], bool]:
        if k >= self.n or self.toks[k].text not in _honorific_first():
            return k, [], False
        found = False
        out: list[str] = []
        j = k
        while j < self.n:
            best = 0
            kind = ""
            key: tuple[str, ...] = ()
            found_key: tuple[str, ...] = ()
            m = j
            while m < self.n and len(key) < 5:
                t = self.toks[m]
                if t.text == ".":
                    m += 1
                    continue
                if not t.is_word:
                    break
                key = (*key, t.text)
                m += 1
                if key in self.d.honorifics:
                    best, kind, found_key = m - j, self.d.honorifics[key], key
            if not best:
                break
            end = j + best
            if end < self.n and self.toks[end].text == "." and not self.toks[end].space_before:
                end += 1
            if kind == "rank":
                while end < self.n and self.toks[end].text in self.d.rank_suffixes:
                    end += 1
                    if (
                        end < self.n
                        and self.toks[end].text == "."
                        and not self.toks[end].space_before
                    ):
                        end += 1
                if (
                    end + 2 < self.n
                    and self.toks[end].text == "("
                    and self.toks[end + 1].text == "Purn"
                ):
                    end = min(self.n, end + 3)
            if (
                len(found_key) == 1
                and len(found_key[0]) <= 2
                and j > 0
                and (
                    self.toks[j - 1].text[0].isdigit() or self.keys[j - 1] in words("letter_labels")
                )
            ):
                break  # "1447 H." is a Hijri year; "Grup H Piala Dunia" a group
            written = self.span_text(j, end).rstrip(".")
            paren = self.skip_paren_abbrev(end) if kind == "rank" else end
            if paren > end:
                # "Ajun Komisaris Besar Polisi (AKBP)": the bracketed short form is recorded
                written, end = self.toks[end + 1].text, paren
            # a one-letter title ("H") must be followed by a capitalised word
            nxt = end
            if nxt >= self.n or not (self.toks[nxt].is_cap and self.toks[nxt].is_word):
                break
            if kind != "address":
                out.append(written)
            found = True
            j = end
        return j, out, found

    def degrees_at(self, k: int) -> tuple[int, list[str]]:
        """Degrees written from ``k`` on ("SH MHum", ", S.H., M.Hum."): (end, forms)."""
        out: list[str] = []
        j = k
        while j < self.n:
            m = j
            if self.toks[m].text == "," and m + 1 < self.n:
                m += 1
            if not self.toks[m].is_word or self.hard[m]:
                break
            e = m + 1
            while (
                e < self.n
                and not self.toks[e].space_before
                and (
                    self.toks[e].text == "."
                    or (self.toks[e].is_word and self.toks[e - 1].text == ".")
                )
            ):
                e += 1
            joined = "".join(t.text for t in self.toks[m:e] if t.text != ".")
            if joined not in self.d.degrees:
                break
            out.append(self.span_text(m, e).rstrip(".").rstrip(",").strip())
            j = e
        return j, out

    # -- names -------------------------------------------------------------------

    def stops_name(self, k: int, first: bool) -> bool:
        """Token ``k`` cannot be (or start) part of a personal name."""
        d = self.d
        key = self.keys[k]
        if key in d.not_entities:
            return True
        if (
            key in d.stop_words
            and (first or key in words("headline_small_words"))
            and not (not first and key in words("name_particles"))
        ):
            return True  # "Dia", "Saat" open sentences; inside a name "Wong" is a name
        text = self.toks[k].text
        if not text.isalpha() and any(c.isdigit() for c in text):
            return True
        if self.toks[k].is_cap and (
            self.phrase_at(k, ROLE_HEAD)
            or self.org_head_at(k)[0]
            or self.phrase_at(k, PLACE_HEAD)
            or self.phrase_at(k, FACILITY)
        ):
            return True
        if not first and (self.degrees_at(k)[1] or self._rank_at(k)):
            return True  # a degree, or a rank before the next name: "Resrim Iptu Maruba"
        if key in d.role_words:
            return True
        hit = self.gaz.get(k)
        if hit is not None and (
            hit.orgs
            or any(
                e.kind in ("province", "regency", "city", "country", "region") for e in hit.places
            )
        ):
            return True
        return False

    def _rank_at(self, k: int) -> bool:
        """A police or military rank opens a name at ``k`` ("Iptu Maruba"; not "Haji")."""
        return self.d.honorifics.get((self.toks[k].text,)) == "rank" and self.honorifics_at(k)[2]

    def name_run(self, i: int, max_words: int = 5) -> int:
        """End of the run of personal-name tokens from ``i`` ("Akhmad Najib", "Vera C. Rubin")."""
        j = i
        count = 0
        particles = person_particles()
        while j < self.n and count < max_words:
            tok = self.toks[j]
            if j > i and self.hard[j]:
                break
            if j > i and len(tok.text) == 1 and not tok.space_before and self.toks[j - 1].is_word:
                break  # a letter glued on: "MusaB."
            if (
                count >= 2
                and self.keys[j] in self.d.corpus_words
                and j + 1 < self.n
                and self.toks[j + 1].is_lower
                and not self.hard[j + 1]
                and not _VERBISH.match(self.keys[j + 1])
            ):
                # a sentence after a lost full stop: "Siti Nurjanah Sidang banding"; a name
                # is followed by its verb: "Ely Chandra Perangin Angin menyampaikan"
                break
            if (
                (j > i or not (i > 0 and self.is_number(i - 1)))
                and self.keys[j] in _months()
                and j + 1 < self.n
                and not self.hard[j + 1]
                and self.is_title(j + 1)
                and not self.stops_name(j + 1, False)
            ):
                # a month's name before or between names is a name: "Raja Juli Antoni",
                # "April Jasmin" (not after a day's number: "12 April Presiden …")
                j += 1
                count += 1
                continue
            if self.is_title(j) and not self.stops_name(j, j == i):
                j += 1
                count += 1
                if (
                    j < self.n
                    and self.toks[j].text == "."
                    and len(tok.text) == 1
                    and not self.toks[j].space_before
                ):
                    j += 1
                continue
            if (
                j > i
                and tok.is_word
                and self.keys[j] in particles
                and j + 1 < self.n
                and self.is_title(j + 1)
                and not self.stops_name(j + 1, False)
            ):
                j += 1
                continue
            break
        while j > i and self.toks[j - 1].text == "." and len(self.toks[j - 2].text) > 1:
            j -= 1
        return j

    def initials_at(self, k: int) -> int:
        """End of a person written only by capital initials at ``k`` ("PS", "MML"), or ``k``."""
        if k >= self.n:
            return k
        tok = self.toks[k]
        single = (
            len(tok.text) == 1
            and tok.is_cap
            and k + 1 < self.n
            and self.keys[k + 1] in words("alias")
        )
        if not (
            tok.is_word
            and (tok.is_upper or single)
            and 1 <= len(tok.text) <= 4
            and tok.text.isalpha()
        ):
            return k
        if k in self.gaz or self.keys[k] in self.d.not_entities:
            return k
        return k + 1

    # -- roles and organisation names ----------------------------------------------

    def role_tail(self, k: int, max_tokens: int = 14) -> int:
        """End of the words that continue a role from ``k`` ("Otonomi Daerah Kementerian …")."""
        d = self.d
        start = k
        connectors = words("role_connectors")
        modifiers = words("role_modifiers")
        closers = words("role_closers")
        joiners = words("role_joiners")
        field = False  # inside the name of a field: "Deputi Bidang Kelembagaan dan Tata Laksana"
        while k < self.n and k - start < max_tokens:
            tok = self.toks[k]
            if self.hard[k]:
                break
            if tok.is_lower and self.keys[k] in closers:
                k += 1  # "kepala desa setempat", "Ketua RT setempat": the role ends here
                break
            if tok.is_word and self.honorifics_at(k)[2]:
                break
            field = field or (k > 0 and self.keys[k - 1] == "bidang")
            hit = self.gaz.get(k)
            if hit is not None:
                if (
                    k > start
                    and not hit.orgs
                    and all(e.kind == "district" for e in hit.places)
                    and any(
                        h.j == k
                        and any(e.code is not None and e.code.isdigit() for e in h.places)
                        for h in (self.gaz.get(b) for b in range(max(start, k - 3), k))
                        if h is not None
                    )
                    and hit.j < self.n
                    and self.is_title(hit.j)
                    and not self.honorifics_at(hit.j)[2]
                    and not self.stops_name(hit.j, False)
                    and hit.j not in self.gaz
                    and (k in self.per_starts or hit.j not in self.per_starts)
                ):
                    break  # a district after a province opens a name: "Gubernur Jakarta Rano Karno"
                if (
                    k > start
                    and not hit.orgs
                    and all(e.kind == "district" for e in hit.places)
                    and self.toks[k - 1].is_cap
                    and self.keys[k - 1] in d.role_words
                    and not self.phrase_at(k - 1, ROLE_HEAD)
                    and hit.j < self.n
                    and self.is_title(hit.j)
                    and not self.stops_name(hit.j, False)
                    and self.name_run(hit.j) - hit.j >= 2
                    and any(p in self.per_starts for p in range(hit.j, self.name_run(hit.j)))
                ):
                    # a district right after a portfolio opens a name: "Menteri Kelautan dan
                    # Perikanan Sakti Wahyu Trenggono" (Sakti is also a district of Pidie)
                    break
                k = self.skip_paren_abbrev(hit.j)
                field = False
                continue
            if field and self._field_word(k):
                k += 1  # "Perdata dan Tata Usaha Negara": the field, not a person
                continue
            head, _ = self.org_head_at(k)
            if head and not (head == 1 and self.keys[k] in d.role_words):
                # ("Menteri Koperasi X": Koperasi is the portfolio, not a cooperative's name)
                k = self.skip_paren_abbrev(self.org_tail(k + head, k + head))
                continue
            if tok.is_word and tok.is_cap and self.keys[k] in d.role_words:
                k += 1
                continue
            if k == start and tok.is_cap and self.keys[k] in words("role_platforms"):
                k += 1  # "Selebritas TikTok Khaby Lame": the platform is the role's field
                continue
            n = self.phrase_at(k, ROLE_HEAD)
            if n and (tok.is_cap or k == start or self.toks[k - 1].is_lower):
                k += n
                continue
            if self.is_acronym(k) or (self.is_number(k) and k > start) or _ORDINAL.match(tok.text):
                k += 1  # "Presiden ke-7 Republik Indonesia"
                continue
            paren = self._paren_acronyms(k)
            if paren > k:
                k = paren  # "(KPK)", "(LBH AP)"
                continue
            if (
                k > 0
                and (
                    tok.text in joiners
                    or self.keys[k] in joiners
                    # two lower-case occupations: "penyelam snorkel dan fotografer"
                    or (
                        self.keys[k] == "dan"
                        and self.toks[k - 1].is_lower
                        and k + 1 < self.n
                        and self.toks[k + 1].is_lower
                    )
                )
                and self.phrase_at(k + 1, ROLE_HEAD)
            ):
                k += 1  # "Menteri ATR/Kepala BPN", "CEO & Co-Founder", "aktor sekaligus politikus"
                continue
            if (
                k > start
                and (tok.text in connectors or self.keys[k] in connectors or tok.text == ",")
                and k + 1 < self.n
                and self.toks[k + 1].is_cap
                and (
                    self.keys[k + 1] in d.role_words
                    or (
                        tok.text != ","
                        and (
                            self.gaz.get(k + 1) is not None
                            or self.is_acronym(k + 1)
                            or self.org_head_at(k + 1)[0]
                        )
                    )
                )
            ):
                k += 1
                continue
            if tok.is_lower and self.keys[k] in modifiers and k > 0 and not self.toks[k - 1].is_cap:
                k += 1
                continue
            if (
                tok.is_lower
                and k >= start > 0
                and (self.toks[start - 1].is_lower or self.sent_start[start - 1])
                and k - start < 3
                and self.keys[k] not in d.stop_words
                and not _VERBISH.match(self.keys[k])
            ):
                k += 1  # a lowercase role goes on: "pedagang sayur", "ibu rumah tangga"
                continue
            if (
                tok.is_lower
                and self.keys[k] in ("dari", "di")
                and k + 1 < self.n
                and (
                    self.org_head_at(k + 1)[0]
                    or self.phrase_at(k + 1, ORG_SUFFIX)
                    or (self.gaz.get(k + 1) is not None and bool(self.gaz[k + 1].orgs))
                )
            ):
                k += 1  # "ahli arkeologi dari Stanford University"
                continue
            if (
                tok.is_cap
                and k - start < 2
                and self.keys[k] in d.corpus_words
                and k not in self.per_starts
                and k + 1 in self.per_starts
            ):
                k += 1  # the role's field, where the model starts the name after it:
                continue  # "Pengamat Asuransi Irvan Rahardjo", "Psikolog Klinis Ratih Ibrahim"
            break
        return k

    def _paren_acronyms(self, k: int) -> int:
        """Skip a bracketed abbreviation of up to three words at ``k`` ("(Pj)", "(LBH AP)")."""
        short = self.skip_paren_abbrev(k)
        if short > k or k >= self.n or self.toks[k].text != "(":
            return short
        j = k + 1
        while j < self.n and j - k <= 3 and self.toks[j].is_word and self.toks[j].is_cap:
            j += 1
        if (
            j > k + 1
            and j < self.n
            and self.toks[j].text == ")"
            and any(self.is_acronym(p) for p in range(k + 1, j))
        ):
            return j + 1  # "(LBH AP)", "(Menkeu RI)"; not "(European Council)"
        return k

    def _field_word(self, k: int) -> bool:
        """Token ``k`` goes on naming a field after "Bidang" ("Kelembagaan dan Tata Laksana").

        A capitalised word the model does not start a person at: a common word, a word
        "dan" joins to the next (a name has no "dan"), or any word when the model starts a
        person a few words on (it knows where the name begins); or a connector between two
        such words.
        """
        if k in self.per_starts:
            return False
        if self.toks[k].text in ("dan", ",", "&"):
            return k + 1 < self.n and self.is_title(k + 1) and self._field_word(k + 1)
        if not self.is_title(k):
            return False
        key = self.keys[k]
        return (
            key in self.d.corpus_words
            or key in self.d.role_words
            or (k + 2 < self.n and self.toks[k + 1].text == "dan" and self.is_title(k + 2))
            or any(p in self.per_starts for p in range(k + 1, min(self.n, k + 8)))
        )

    def role_text(self, i: int, j: int) -> str:
        """A role as written, with spaces put back where words were glued."""
        text = self.name_text(i, j).rstrip(" ,")
        return _GLUED_BRACKET.sub(" (", text)

    def _place_short_form(self, j: int) -> bool:
        """A bracket at ``j`` holds a place's short form: "Nusa Tenggara Timur (NTT)"."""
        hit = self.gaz.get(j + 1)
        return (
            hit is not None
            and bool(hit.places)
            and not hit.orgs
            and hit.j < self.n
            and self.toks[hit.j].text == ")"
        )

    def org_tail(self, k: int, end: int, max_tokens: int = 14) -> int:
        """End of an organisation's name whose head ends at ``end`` ("Polres" + "Pasuruan")."""
        d = self.d
        j = end
        connectors = words("role_connectors")
        after_place = False
        company = end > 0 and self.keys[end - 1] in COMPANY_FORMS
        while j < self.n and j - k < max_tokens:
            tok = self.toks[j]
            if self.hard[j] or (j in self.per_starts and not (company and j == end)):
                break  # a company is often named like a person: "PT First Travel", "PT Sri …"
            if tok.is_word and (
                self.honorifics_at(j)[2]
                or (
                    tok.is_cap and self.phrase_at(j, ROLE_HEAD) and self.keys[j] not in d.role_words
                )
            ):
                break
            if (
                tok.is_word
                and tok.is_cap
                and self.phrase_at(j, FACILITY)
                and not (j > end and self.keys[j - 1] in ("dan", "&"))
            ):
                break  # a building ("Polres X Jalan Y"); "Pekerjaan Umum dan Perumahan" goes on
            if after_place and not (
                self.keys[j] in d.role_words
                or self.is_acronym(j)
                or self.is_number(j)
                or self.org_head_at(j)[0]
                or (tok.text == "(" and not self._place_short_form(j))
            ):
                break
            hit = self.gaz.get(j)
            if hit is not None:
                after_place = bool(hit.places) and not hit.orgs
                j = hit.j
                continue
            if tok.is_word and (tok.is_cap or (tok.text[0].isdigit() and tok.space_before)):
                if self.keys[j] in d.not_entities and self.keys[j] not in d.role_words:
                    break
                j += 1
                continue
            paren = self.skip_paren_abbrev(j)
            if paren > j:
                j = paren
                continue
            if (
                (tok.text in connectors or self.keys[j] in connectors or tok.text == "-")
                and j + 1 < self.n
                and self.toks[j + 1].is_cap
                and j > end - 1
            ):
                j += 1
                continue
            break
        while j > end and (
            (not self.toks[j - 1].is_word and self.toks[j - 1].text != ")")
            or self.keys[j - 1] in connectors  # "Dinas Pekerjaan Umum dan" + a word it stops at
        ):
            j -= 1
        return j
