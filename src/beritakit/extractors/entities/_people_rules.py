"""The rules that find people: names after roles, honorifics and speech cues, lists, appositions.

Split out of ``_find.py``: one :class:`PeopleRules` works on the finder's token scan and
adds person candidates to its list (the finder then merges them with the model's spans).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

from beritakit.extractors.entities._rules import (
    COMPANY_FORMS,
    ROLE_HEAD,
    ROLE_PREFIX,
    Scan,
    words,
)
from beritakit.extractors.entities._tiers import (
    HYPHEN_GIVEN,
    IS_WORDS,
    PER,
    T_GAZ,
    T_RULE,
    T_WEAK,
    Cand,
    count_marked,
)
from beritakit.extractors.entities._tokens import fold
from beritakit.lang import LANG_ID
from beritakit.resources import read_lines

__all__ = ["PeopleRules", "epithet_roles"]

_TITLE_WORDS = 7  # tokens read for the head of an English title ("Sales Director")
_TITLE_JOINERS = frozenset({"&", "and", "of", "/"})
_EPITHET_WORDS = 6  # words of an epithet after its role head ("Bek FC Twente itu")
_EPITHET_ENDS = frozenset({"berusia", "asal", "kelahiran", "yang", "berumur"})
_CLAUSE_BACK = 8  # tokens read back from a name for a negation of its "sebagai" status
# a clause goes on after a status word: "X, tersangka kasus ini masih buron"
_PREDICATE_WORDS = frozenset({"masih", "sudah", "telah", "akan", "sedang", "belum", "tidak", "tak"})
_VERB_SHAPE = regex.compile(r"^(?:me[mnrlwy]?|mem|men|meng|meny|di|ber|ter)\p{Ll}{3,}")
_OBJECT_MARKERS = frozenset({"oleh", "dengan", "bersama", "kepada", "terhadap"})
_APPOSITION_CLOSERS = frozenset(',.;:)!?"\u201c\u201d')


@functools.cache
def _status_heads() -> frozenset[str]:
    """The status words with legal weight (``lang/id/status_words.txt``), folded."""
    return frozenset(fold(w) for w in read_lines(LANG_ID, "status_words.txt"))


def _status_at(s: Scan, m: int) -> bool:
    """A status word with legal weight (after any prefix such as "mantan") opens ``m``."""
    j = m
    while j < s.n and s.phrase_at(j, ROLE_PREFIX):
        j += s.phrase_at(j, ROLE_PREFIX)
    return j < s.n and s.keys[j] in _status_heads()


class PeopleRules:
    """Person candidates of one article, found by rules (not by the model)."""

    def __init__(
        self,
        s: Scan,
        cands: list[Cand],
        blocked: list[bool],
        defined: set[str],
        listed: set[tuple[int, int]],
        model_spans: list[tuple[int, int, str]],
        model_per_starts: set[int],
        model_org_spans: set[tuple[int, int]],
    ) -> None:
        self.s = s
        self.cands = cands  # shared with the finder: rules append to it
        self.blocked = blocked
        self.defined = defined
        self.listed = listed
        self.model_spans = model_spans
        self.model_per_starts = model_per_starts
        self.model_org_spans = model_org_spans
        self.model_per_len = {i: j - i for i, j, label in model_spans if label == PER}
        # the model's organisation or place span over each token it covers
        self.model_thing_at = {
            p: (i, j) for i, j, label in model_spans if label != PER for p in range(i, j)
        }

    def _person(
        self,
        i: int,
        j: int,
        tier: int,
        *,
        honorifics: Sequence[str] = (),
        roles: Sequence[str] = (),
        link: int | None = None,
    ) -> int:
        """Add a person over name tokens ``[i, j)`` and the degrees after it; return the end."""
        end, degrees = self.s.degrees_at(j)
        self.cands.append(
            Cand(
                i,
                j,
                PER,
                tier,
                honorifics=list(honorifics),
                degrees=degrees,
                roles=list(roles),
                link=link,
            )
        )
        return end

    def _name_after(self, k: int) -> tuple[int, int, list[str]]:
        """Honorifics then a name (or initials) from ``k``: (name start, name end, honorifics)."""
        s = self.s
        h_end, hons, found = s.honorifics_at(k)
        j = s.name_run(h_end)
        if j == h_end and found:
            j = s.initials_at(h_end)
        return h_end, j, hons

    def find(self) -> None:
        s = self.s
        cues = (
            words("speech_before")
            | words("speech_after")
            | words("initials_cue")
            | words("name_cue")
            | {k[0] for k in s.d.honorifics}
        )
        k = 0
        while k < s.n:
            tok = s.toks[k]
            if self.blocked[k] or not tok.is_word:
                k += 1
                continue
            if s.keys[k].endswith("nya") and (end := self._possessed_role_person(k)):
                k = end  # "kuasa hukumnya, Andi Wijaya"
                continue
            if tok.is_lower and not s.mask[k] and s.keys[k] not in cues and tok.text not in cues:
                k += 1  # a plain lowercase word starts nothing here
                continue
            end = self._role_person(k)
            if end is None:
                end = self._honorific_person(k)
            if end is None and (tok.is_lower or s.keys[k] == "menurut"):
                end = self._cued_person(k)
            if end is None:
                self._speaker_before(k)
                end = self._aged_person(k)
            k = k + 1 if end is None else end
        self._korean_names()
        self._appositions(words("apposition"), words("alias"))
        self._name_lists()
        self._known_names()

    def _role_person(self, k: int) -> int | None:
        """ROLE [,] [HONORIFICS] NAME [DEGREES] at ``k``: where the person ends, or None."""
        s = self.s
        head = s.role_head_at(k)
        if not head:
            return None
        tail = s.role_tail(k + head)
        role = s.role_text(k, tail)
        m = tail
        if m + 1 < s.n and s.keys[m] == "asal" and (hit := s.gaz_at(m + 1)) is not None:
            m = hit.j  # "Pebalap Ducati asal Spanyol, Marc Marquez": the origin is no role
        if (
            k > 0
            and s.keys[k - 1] in ("selaku", "sebagai")
            and m < s.n
            and s.keys[m] in (",", "dan", "serta")
        ):
            # "A selaku X, B selaku Y": the role belongs to the name before it, not after
            return None
        if m < s.n and s.toks[m].text == ",":
            m += 1
        # the model may know where the name begins inside what looked like the role
        for p in range(k + head, tail):
            if (
                p in self.model_per_starts
                and s.name_run(p) > p
                and s.keys[p - 1] not in COMPANY_FORMS  # "PT First Travel" is no person
            ):
                role, m = s.role_text(k, p), p
                break
        i, j, hons = self._name_after(m)
        for _ in range(2):
            if j > i and not hons and self._continues_role(j):
                # the "name" is more of the role ("Kabid Poldagri Kesbangpol X", "Direktur
                # Perencanaan Korporat dan Pengembangan Bisnis")
                tail = s.role_tail(j + 1 if s.keys[j] in words("role_connectors") else j)
                role = s.role_text(k, tail)
                m = tail + 1 if tail < s.n and s.toks[tail].text == "," else tail
                i, j, hons = self._name_after(m)
        role, i, j, hons = self._person_after_role(k, role, i, j, hons)
        if j > i and not hons and not self._model_person_over(i, j):
            span = self.model_thing_at.get(i)
            b = k - 1 if k > 0 and s.keys[k - 1] in ("mantan", "eks", "almarhum") else k
            kin = b > 0 and s.keys[b - 1] in words("name_cue")  # "Anak mantan Ketua X, Y"
            if span is not None and k <= span[0] < i and j <= span[1] and not kin:
                # the model reads the "name" as the end of an organisation or place the role
                # names, and a person right after it ("Kepala Badan Geologi, Muhammad
                # Wafid", "Kasat Narkoba Polres Pelabuhan Belawan, AKP Ismail Pane"); without
                # a person after it, the model's span may have swallowed the name
                # ("CEO BPI Danantara Rosan Roeslani")
                end = span[1]
                m = end + 1 if end < s.n and s.toks[end].text == "," else end
                i2, j2, hons2 = self._name_after(m)
                if j2 > i2 and (hons2 or self._model_person_over(i2, j2)):
                    return self._person(
                        i2, j2, T_RULE, honorifics=hons2, roles=[s.role_text(k, end)]
                    )
            # words the model does not read as a name: a piece of an organisation's name
            # ("Koalisi Advokat Pemantau Peradilan", "Komunikasi Korporat"), or more of the
            # role when the model sees the person further on ("Kabid Binpres PBSI Eng Hian")
            later = (
                self._model_person_after(i, j)
                if j - i == 1 or s.keys[i] in s.d.corpus_words
                else None
            )
            if later is not None:
                role = s.role_text(k, later)
                i, j, hons = self._name_after(later)
            elif any(
                (a < k and j <= b) or (a == i and b == j == i + 1) for a, b in self.model_org_spans
            ):
                return None
        if j > i:
            j = self._model_name_end(i, j)
            return self._person(i, j, T_RULE, honorifics=hons, roles=[role])
        return None

    def _model_name_end(self, i: int, j: int) -> int:
        """The end of the name from ``i``: past ``j`` when the model reads the name on.

        A surname that is also a word of a role or a place ends the name run ("Bupati Lucky
        Hakim", "Suryono Bintang Samudra"); the model's person span from the same word reads
        on, over capitalised words of the same line and sentence.
        """
        s = self.s
        end = i + self.model_per_len.get(i, 0)
        if end <= j or any(
            not (s.toks[p].is_cap and s.toks[p].is_word) or s.hard[p] or s.sent_start[p]
            for p in range(j, end)
        ):
            return j
        return end

    def _possessed_role_person(self, k: int) -> int | None:
        """ROLE-nya [,] NAME: "kuasa hukumnya, Andi", "Menurut pengacaranya, Ilham Suardi".

        The possessive ``-nya`` on the last word of a role head says whose role it is (the
        person talked about before); the name after it holds the role, written without
        ``-nya``. Where the person ends, or None.
        """
        s = self.s
        stem = s.keys[k][:-3]
        if len(stem) < 3 or s.hard[k]:
            return None
        heads = s.d.role_heads
        if (stem,) in heads:
            first = k
        elif k > 0 and not s.hard[k] and (s.keys[k - 1], stem) in heads:
            first = k - 1  # "kuasa hukumnya", "juru bicaranya"
        else:
            return None
        m = k + 1
        if m < s.n and s.toks[m].text == ",":
            m += 1
        i, j, hons = self._name_after(m)
        if j == i or not (hons or s.is_title(i)) or s.gaz_at(i) is not None:
            return None
        role = s.role_text(first, k + 1)[:-3]
        return self._person(i, j, T_RULE, honorifics=hons, roles=[role])

    def _model_person_over(self, i: int, j: int) -> bool:
        """The model tags a person over any of tokens ``[i, j)``."""
        return any(a < j and i < b for a, b, label in self.model_spans if label == PER)

    def _model_person_after(self, i: int, j: int, max_tokens: int = 8) -> int | None:
        """Where a person the model tags starts after the role-like name ``[i, j)``, or None.

        Only acronyms, capitalised words of organisations and places, brackets, commas and
        role connectors may stand between ("PBSI", "(PPIH) Arab Saudi,", "RI,"); a new role,
        a lower-case word or a sentence end stops the look. The person must have a full name
        (two words or a title). Not in a list of people: when the person is followed by a
        comma and another name ("Ketua DPRK Abdya Roni, Nek Nan, Maijul"), or when only a
        comma stands between and the word before the "name" is not an organisation's
        ("Kadis Perhubungan Amrizal, Marbawi Seramoe"; but "BNI Sekuritas, Fanny Suherman").
        """
        s = self.s
        connectors = words("role_connectors")
        p = j
        while p < s.n and p - j <= max_tokens and not s.hard[p] and not s.sent_start[p]:
            tok = s.toks[p]
            h_end, _hons, titled = s.honorifics_at(p) if tok.is_word else (p, [], False)
            if h_end in self.model_per_starts or p in self.model_per_starts:
                if self._comma_list_after(p) or (s.name_run(h_end) - h_end < 2 and not titled):
                    return None
                only_comma = all(s.toks[q].text == "," for q in range(j, p))
                org_before = s.is_acronym(i - 1) or (
                    s.gaz_at(i - 1) is not None and bool(s.gaz[i - 1].orgs)
                )
                return None if only_comma and not org_before else p
            if tok.is_word and tok.is_cap and s.phrase_at(p, ROLE_HEAD):
                return None
            if tok.is_word and not tok.is_cap and s.keys[p] not in connectors:
                return None
            if not tok.is_word and tok.text not in ",()":
                return None
            p += 1
        return None

    def _comma_list_after(self, p: int) -> bool:
        """The person starting at ``p`` is followed by a comma and another name."""
        s = self.s
        e = s.name_run(s.honorifics_at(p)[0])
        e = s.degrees_at(e)[0]
        return e + 1 < s.n and s.toks[e].text == "," and s.is_title(e + 1)

    def _person_after_role(
        self, k: int, role: str, i: int, j: int, hons: list[str]
    ) -> tuple[str, int, int, list[str]]:
        """Move the border between a role from ``k`` and the name ``[i, j)`` the model sees."""
        s = self.s
        if (
            j > i
            and not hons
            and j + 1 < s.n
            and s.toks[j].text == ","
            and (
                i not in self.model_per_starts
                or (j - i == 1 and self.model_per_len.get(j + 1, 0) >= 2 and s.toks[k].is_lower)
            )
            and j + 1 in self.model_per_starts
            and not any(s.toks[p].is_cap and s.phrase_at(p, ROLE_HEAD) for p in range(k, i))
            and not self._list_after(j + 1)
        ):
            # "pemimpin proyek Net Zero Tracker, John Lang": after a lower-case role
            # the "name" ends the role when the model sees a person after the comma
            # (not after "Ketua DPRK Abdya Roni, Nek Nan": a list of people); also when the
            # model reads one word as a person before a full name ("vokalis Coldplay, Chris
            # Martin") unless a list goes on ("korban Rina, Budi Santoso, dan Cici")
            i2, j2, hons2 = self._name_after(j + 1)
            if j2 > i2:
                role, (i, j, hons) = s.role_text(k, j), (i2, j2, hons2)
        if j - i >= 2 and not hons:
            # "Head of Safety Riding Promotion Wahana Agus Sani": the model reads the
            # first words as the organisation that ends the role, then a person
            for p in range(i + 1, j):
                if p in self.model_per_starts and (i, p) in self.model_org_spans:
                    role, i = s.role_text(k, p), p
                    break
        return role, i, j, hons

    def _list_after(self, p: int) -> bool:
        """The name at ``p`` is followed by more of a list (``, dan``, ``, NAME``, ``dan``)."""
        s = self.s
        j = self._name_after(p)[1]
        if j >= s.n:
            return False
        if s.keys[j] in ("dan", "serta"):
            return True
        return (
            s.toks[j].text == ","
            and j + 1 < s.n
            and (s.keys[j + 1] in ("dan", "serta") or s.is_title(j + 1))
        )

    def _honorific_person(self, k: int) -> int | None:
        """HONORIFICS NAME [DEGREES] at ``k``: where the person ends, or None."""
        s = self.s
        h_end, hons, found = s.honorifics_at(k)
        if not found or (k > 0 and s.toks[k - 1].is_cap and s.org_head_at(k - 1)[0]):
            return None  # a rank word in a unit's name: "Direktorat Jenderal (Ditjen) X"
        j = s.name_run(h_end)
        if j == h_end:
            j = s.initials_at(h_end)
        if j > h_end:
            return self._person(h_end, j, T_RULE, honorifics=hons)
        return None

    def _cued_person(self, k: int) -> int | None:
        """A name after a cue word at ``k`` ("kata", "menurut", "berinisial", "bernama")."""
        s = self.s
        tok, key = s.toks[k], s.keys[k]
        speech_before = words("speech_before")
        if key in speech_before or tok.text in speech_before:
            m = k + 1
            if m < s.n and s.toks[m].text == ",":
                m += 1
            if not s.role_head_at(m):
                i, j, hons = self._name_after(m)
                if j > i:
                    return self._person(i, j, T_RULE, honorifics=hons)
        if key in words("initials_cue"):
            m = k + 1
            if m < s.n and s.keys[m] == "berinisial":
                m += 1
            j = s.initials_at(m)
            if j > m and (
                key in ("berinisial", "inisial", "inisialnya")
                or self._age_follows(j)
                or (j < s.n and s.keys[j] in words("alias"))
            ):
                return self._person(m, j, T_RULE)
        # bernama NAME / istrinya NAME / adiknya, NAME
        if tok.is_lower and key in words("name_cue"):
            fillers = words("name_cue_fillers")
            m = k + 1
            while m < s.n and (s.toks[m].text == "," or s.keys[m] in fillers):
                m += 1
            if m < s.n and not s.role_head_at(m):
                i, j, hons = self._name_after(m)
                if j > i:
                    return self._person(i, j, T_RULE, honorifics=hons)
        return None

    def _speaker_before(self, k: int) -> None:
        """NAME mengatakan: the capitalised words before a speech verb at ``k``."""
        s = self.s
        if s.keys[k] not in words("speech_after") or k == 0:
            return
        b = k
        while (
            b > 0 and k - b < 5 and (s.is_title(b - 1) or s.toks[b - 1].is_upper) and not s.hard[b]
        ):
            b -= 1
        h_end, hons, _ = s.honorifics_at(b)
        if (
            h_end < k
            and s.name_run(h_end) == k
            and not s.sent_start[k]
            and (b == 0 or not s.toks[b - 1].is_cap or s.toks[b - 1].text in ',."“”')
        ):
            self._person(h_end, k, T_RULE, honorifics=hons)

    def _aged_person(self, k: int) -> int | None:
        """X (25): a person with an age at ``k``: where the person ends, or None."""
        s = self.s
        if not (s.is_title(k) or s.initials_at(k) > k) or not (
            s.sent_start[k] or not s.toks[k - 1].is_cap
        ):
            return None
        j = s.name_run(k) if s.is_title(k) else s.initials_at(k)
        if j > k and self._age_follows(j):
            return self._person(k, j, T_RULE)
        return None

    def _name_lists(self) -> None:
        """Names listed with people are people: "Pan Mandala, Hosa, Nanda Samsidik, Odot dan X".

        A run of three or more names joined by commas and ``dan`` makes all its names
        people when at least two of them are people for sure (found by a rule, or two-word
        names the model tags) and, counting one-word model tags too, at least a third are;
        or when one is for sure and half are tagged ("Lara, Manon, Sophia, Daniela, Megan,
        dan Yoon Chae": a band's members).
        The other names join below the model's own person spans; a one-word place or
        organisation the model tagged inside such a list gives way to them. A gazetteer
        name, role, organisation or place breaks the run, so lists of places or
        organisations never join; nor do lists after a word of places ("kawasan Braga, Dago,
        ...", "di X, Y, dan Z").
        """
        s = self.s
        ruled = {p for c in self.cands if c.label == PER for p in range(c.i, c.j)}
        sure, tagged = set(ruled), set(ruled)
        for i, j, label in self.model_spans:
            if label == PER:
                # a one-word tag alone is weak evidence ("Bintara, Tamtama dan Akpol")
                (sure if j - i >= 2 else tagged).update(range(i, j))
        # a one-word name that is a word of a longer person's name written elsewhere in the
        # text is that person's short form ("Foden" after "Phil Foden"): as sure as the long
        # name (a long name inside the run itself vouches for nothing: a list of brands)
        long_names: dict[str, list[tuple[int, int]]] = {}
        spans = [(c.i, c.j) for c in self.cands if c.label == PER] + [
            (i, j) for i, j, label in self.model_spans if label == PER
        ]
        for i, j in spans:
            if j - i >= 2 and s.keys[j - 1] not in s.d.not_person_heads:  # "The Ascott Limited"
                for p in range(i, j):
                    if s.toks[p].is_cap and len(s.toks[p].text) > 2:
                        long_names.setdefault(s.keys[p], []).append((i, j))

        def short_forms(items: list[tuple[int, int]]) -> set[int]:
            lo, hi = items[0][0], items[-1][1]
            return {
                a
                for a, b in items
                if b - a == 1
                and a in tagged
                and s.keys[a] not in s.d.corpus_words
                and any(j <= lo or i >= hi for i, j in long_names.get(s.keys[a], ()))
            }

        tagged |= sure
        starts = {c.i: c.j for c in self.cands if c.label == PER}
        k = 0
        while k < s.n:
            items: list[tuple[int, int]] = []
            p = k
            if k > 0 and s.toks[k - 1].is_cap and not s.sent_start[k - 1] and not s.hard[k]:
                p = s.n  # the list would start inside a name ("Ducati Lenovo, Marc Marquez")
            while p < s.n and len(items) < 40 and not self.blocked[p]:
                e = starts.get(p) or (s.name_run(p) if s.is_title(p) else p)
                if e == p or (items and s.hard[p]):
                    break
                if e - p == 1 and p not in tagged and s.keys[p] in s.d.corpus_words:
                    break  # a common word in the run is no name: "bagi Bryan, Ya, Bryan Domani"
                items.append((p, e))
                q = e
                sub = self._substitute(q)
                if sub is not None:  # a line-up's substitute: "Foden (Rodri 60'), ..."
                    items.append((q + 1, sub[0]))
                    q = sub[1]
                if q < s.n and s.toks[q].text == ",":
                    q += 1
                if q < s.n and s.keys[q] == "dan":
                    q += 1
                if q == e:
                    break
                p = q
            before = items[0][0] - 1 if items else -1
            if (
                len(items) >= 3
                and not (before >= 0 and s.keys[before] in words("place_list_before"))
                and self._listed_people(items, sure | short_forms(items), tagged)
            ):
                for a, b in items:
                    if not any(x in ruled for x in range(a, b)):
                        self.cands.append(Cand(a, b, PER, T_WEAK, src="list"))
                        self.listed.add((a, b))
                k = items[-1][1]
                continue
            k = items[0][1] if items else k + 1

    def _substitute(self, q: int) -> tuple[int, int] | None:
        """A bracketed name and minute after a line-up's player: "(Rodri 60')", "(Nunes 92)".

        Returns where the substitute's name ends and the token after the bracket, or None.
        """
        s = self.s
        if q + 2 >= s.n or s.toks[q].text != "(" or not s.is_title(q + 1):
            return None
        e = s.name_run(q + 1)
        if e >= s.n or not s.toks[e].text.isdigit():
            return None
        r = e + 1
        if r < s.n and s.toks[r].text in ("'", "’", "′"):
            r += 1
        if r < s.n and s.toks[r].text == ")":
            return e, r + 1
        return None

    @staticmethod
    def _listed_people(items: list[tuple[int, int]], sure: set[int], tagged: set[int]) -> bool:
        """Enough of a run's names are people (see :meth:`_name_lists`)."""
        n_sure = count_marked(items, sure)
        if n_sure == 0:
            return False
        n_tagged = count_marked(items, tagged)
        return (n_sure >= 2 and 3 * n_tagged >= len(items)) or 2 * n_tagged >= len(items)

    def _korean_names(self) -> None:
        """A Korean family name and a hyphenated given name: "Bong Joon-ho", "Ki Seon-gyeom"."""
        s = self.s
        surnames = s.d.korean_surnames
        taken = {p for c in self.cands if c.label == PER for p in range(c.i, c.j)}
        for k in range(s.n - 1):
            if s.toks[k].text not in surnames or k in taken or self.blocked[k]:
                continue
            given = HYPHEN_GIVEN.match(s.toks[k + 1].text)
            if (
                given is None
                or given.group(1).casefold() == given.group(2)
                or s.hard[k + 1]
                or not s.toks[k + 1].space_before
            ):
                continue  # "Laki-laki", "Butar-butar" are doubled words, not given names
            j = s.name_run(k)
            if j >= k + 2:
                self._person(k, j, T_RULE)

    def _known_names(self) -> None:
        """Later bare mentions of a person a rule found ("Dari tangan Jack", "kata Najib")."""
        s = self.s
        people = [c for c in self.cands if c.label == PER]
        taken = {p for c in people for p in range(c.i, c.j)}
        # one word inside a longer name the model reads as an organisation or place is that
        # name's word ("Center" of "PT Omni Data Center Indonesia"), not the person
        other = {
            p for i, j, label in self.model_spans if label != PER and j - i > 1 for p in range(i, j)
        }
        # nor is a later word of a longer name the model reads as a person ("Budimir" of
        # "Ante Budimir" when a line-up wrote "Budimir" alone): the model's span is the name
        # when the words before are name words, not a common word ("Lanjut Nangoi, …") or a
        # place ("Minnesota Terry Sandven")
        inside = {
            p
            for i, j, label in self.model_spans
            if label == PER
            and all(
                s.is_title(q) and s.keys[q] not in s.d.corpus_words and s.gaz_at(q) is None
                for q in range(i, j - 1)
            )
            for p in range(i + 1, j)
        }
        names: dict[str, int] = {}
        size: dict[int, int] = {}  # how many tokens the name of the person at a start has
        for c in people:
            owner = c.i if c.link is None else c.link
            size[owner] = max(size.get(owner, 0), c.j - c.i)
            for p in range(c.i, c.j):
                if s.toks[p].is_word and len(s.toks[p].text) > 1:
                    names.setdefault(s.keys[p], owner)
        k = 0
        while k < s.n:
            if (
                k in taken
                or k in inside
                or self.blocked[k]
                or not s.is_title(k)
                or s.keys[k] not in names
            ):
                k += 1
                continue
            j = s.name_run(k)
            if (
                j > k
                and not (j - k == 1 and k in other)
                and all(s.keys[p] in names or not s.toks[p].is_word for p in range(k, j))
                and s.gaz_at(k) is None
                and not s.org_head_at(k)[0]
            ):
                # a run longer than the name of every person whose words it reads is a fuller
                # name ("Marc Marquez" after a list wrote "Marquez, Marc dan Alex"): the
                # clusters join it by its words, not as an alias of the first word's person
                owners = {names[s.keys[p]] for p in range(k, j) if s.toks[p].is_word}
                link: int | None = names[s.keys[k]]
                if j - k > max(size.get(o, 0) for o in owners):
                    link = None
                self.cands.append(Cand(k, j, PER, T_GAZ, link=link, src="known"))
                k = j
                continue
            k += 1

    def _link(self, i: int, j: int, to: int) -> None:
        """Record that the name over ``[i, j)`` is another name of the person starting at ``to``."""
        for c in self.cands:
            if c.label == PER and c.i == i and c.j == j:
                c.link = to
                return
        self.cands.append(Cand(i, j, PER, T_RULE, link=to))

    def _continues_role(self, j: int) -> bool:
        """Token ``j`` (right after a supposed name) shows the name was part of a role."""
        s = self.s
        if j >= s.n or s.hard[j]:
            return False
        if s.toks[j].is_cap and (s.org_head_at(j)[0] or s.keys[j] in s.d.role_words):
            return True
        if (
            s.keys[j] in ("dan", "&")
            and j + 1 < s.n
            and s.toks[j + 1].is_cap
            and s.keys[j + 1] in s.d.role_words
        ):
            return True  # "Korporat dan Pengembangan Bisnis": a second portfolio
        if s.d.honorifics.get((s.toks[j].text,)) == "rank" and s.honorifics_at(j)[2]:
            return True  # a rank and the name come next: "Kanit Resrim Iptu Maruba Sinaga"
        hit = s.gaz_at(j)
        return hit is not None and bool(hit.orgs)

    def _title_words_to_head(self, m: int) -> int:
        """Capitalised words up to a role head after a name and comma: their length with it.

        "Vishal Mehta, Regional Division Business Head ASEAN …", "Yusak Billy, Sales &
        Marketing and After Sales Director PT …": English titles put their department before
        the head word. Every word before the head must be a role word
        (``role_continuations.txt``); 0 when no head is found.
        """
        s = self.s
        p = m
        while p < s.n and p - m <= _TITLE_WORDS and not (p > m and s.hard[p]):
            tok = s.toks[p]
            if tok.is_word and tok.is_cap:
                head = s.role_head_at(p)
                if head and p > m:
                    return p - m + head
                if s.keys[p] not in s.d.role_words:
                    return 0  # a name, a place or an organisation: no title
            elif not (p > m and tok.text in _TITLE_JOINERS):
                return 0
            p += 1
        return 0

    def _next_person_at(self, p: int) -> bool:
        """A person's name (after any honorifics) begins at ``p``: a role before it is theirs."""
        s = self.s
        if p >= s.n or s.hard[p]:
            return False
        h_end, _hons, found = s.honorifics_at(p)
        if found:
            return s.name_run(h_end) > h_end or s.initials_at(h_end) > h_end
        if not s.is_title(p):
            return False
        # a full name the model reads as a person: one word is too weak ("sekretaris pers
        # Luxon" is Luxon's secretary; "CEO Skytrax" names a company)
        return self.model_per_len.get(p, 0) >= 2

    def _asserted(self, k: int, m: int, tail: int) -> bool:
        """Whether a status role over ``[m, tail)`` written after the name at ``k`` is said of it.

        Only status words with legal weight (``tersangka``, ``saksi``, ``korban`` …) are
        checked. After ``sebagai``/``selaku`` the clause must not deny it ("belum
        menetapkan X sebagai tersangka"); after a comma the apposition must close there
        ("X, tersangka kasus itu, …", not "X, tersangka kasus itu masih buron").
        """
        s = self.s
        if not _status_at(s, m):
            return True
        b = m - 1
        while b > k and s.toks[b].is_lower and s.keys[b] not in ("sebagai", "selaku"):
            b -= 1
        if s.keys[b] in ("sebagai", "selaku"):
            negations = words("status_negations")
            p = k - 1
            while p >= 0 and k - p <= _CLAUSE_BACK and not s.sent_start[p + 1]:
                if s.keys[p] in negations:
                    return False
                if s.toks[p].text in ",;":
                    break
                p -= 1
            return True
        for p in range(tail, min(s.n, tail + _CLAUSE_BACK)):
            if s.hard[p] or s.toks[p].text in _APPOSITION_CLOSERS:
                return True
            if s.keys[p] in _PREDICATE_WORDS or _VERB_SHAPE.match(s.keys[p]):
                return False  # "…, tersangka kasus ini masih buron": a new clause
        return tail >= s.n

    def _age_follows(self, j: int) -> bool:
        s = self.s
        return (
            j + 2 < s.n
            and s.toks[j].text == "("
            and s.toks[j + 1].text.isdigit()
            and len(s.toks[j + 1].text) <= 3
            and s.toks[j + 2].text == ")"
        )

    def _appositions(self, apposition: frozenset[str], alias_words: frozenset[str]) -> None:
        """NAME, ROLE / NAME selaku ROLE / NAME (INITIALS) / NAME alias NAME."""
        s = self.s
        people = [c for c in self.cands if c.label == PER]
        starts = {c.i: c for c in people}
        apposition_fillers = words("apposition_fillers")
        k = 0
        while k < s.n:
            if self.blocked[k] or not (s.is_title(k) or s.initials_at(k) > k):
                k += 1
                continue
            existing = starts.get(k)
            if existing is None and (
                (k > 0 and s.is_title(k - 1) and not s.sent_start[k])
                or (s.is_acronym(k) and s.keys[k] in self.defined)
            ):
                k += 1  # inside a name, or an organisation the text defines ("PLK sebagai ...")
                continue
            j = existing.j if existing else (s.name_run(k) if s.is_title(k) else s.initials_at(k))
            if j == k:
                k += 1
                continue
            inner = None if existing else next((p for p in range(k + 1, j) if p in starts), None)
            if inner is not None:
                k = inner  # "Dijelaskan Yohannes Nangoi, Ketua Umum …": the person inside
                continue
            end, degrees = s.degrees_at(j)
            m = end
            if self._age_follows(m):
                m += 3
            if (m < s.n and s.keys[m] == "yang") or self._subject_at(k):
                m = self._appointed_as(m)  # "yang" says of the name what follows it
            if m < s.n and (
                s.toks[m].text == ","
                or s.keys[m] in apposition
                or (s.keys[m] == "yang" and m + 1 < s.n and s.keys[m + 1] in IS_WORDS)
            ):
                m += 1
                while m < s.n and s.keys[m] in apposition_fillers:
                    m += 1
                head = s.role_head_at(m) if m < s.n else 0
                if not head and m < s.n:
                    head = self._title_words_to_head(m)
                if head and not s.honorifics_at(m)[2]:
                    tail = s.role_tail(m + head)
                    role = s.role_text(m, tail)
                    if self._next_person_at(tail) or not self._asserted(k, m, tail):
                        # "Rudy Susmanto, Kapolres Bogor AKBP Rio …": the role opens the next
                        # name; "…, tersangka kasus ini masih buron": a status not said of k
                        k = max(j, k + 1)
                        continue
                    if existing is not None:
                        existing.roles.append(role)
                    elif s.gaz_at(k) is None and not s.org_head_at(k)[0]:
                        self.cands.append(Cand(k, j, PER, T_RULE, degrees=degrees, roles=[role]))
                    k = tail
                    continue
            # NAME (Nick): "Maruarar Sirait (Ara)"
            if (
                existing is not None
                and m + 2 < s.n
                and s.toks[m].text == "("
                and s.toks[m + 2].text == ")"
                and s.is_title(m + 1)
                and not s.stops_name(m + 1, True)
                and s.gaz_at(m + 1) is None
            ):
                self._link(m + 1, m + 2, k)
            # NAME (INITIALS) and NAME alias NAME: the same person
            if (
                m + 2 < s.n
                and s.toks[m].text == "("
                and s.toks[m + 2].text == ")"
                and s.is_acronym(m + 1)
            ):
                initials = "".join(s.toks[p].text[0] for p in range(k, j) if s.toks[p].is_word)
                if s.toks[m + 1].text == initials.upper() and (
                    existing is not None or k in self.model_per_starts
                ):
                    if existing is None:
                        existing = Cand(k, j, PER, T_RULE, degrees=degrees)
                        self.cands.append(existing)
                    self._link(m + 1, m + 2, k)
            if (
                m < s.n
                and s.keys[m] in alias_words
                and m + 1 < s.n
                and (
                    existing is not None
                    or k in self.model_per_starts
                    or s.is_acronym(k)
                    or len(s.toks[k].text) == 1
                )
            ):
                a_i = m + 1
                a_end = s.name_run(a_i) if s.is_title(a_i) else s.initials_at(a_i)
                n_i, n_end, _hons = self._name_after(a_i)
                if a_end > a_i and n_end > n_i and n_end == a_end:
                    a_i = n_i  # "alias Cak Imin": the nickname without its address word
                if a_end > a_i:
                    if existing is None:
                        existing = Cand(k, j, PER, T_RULE, degrees=degrees)
                        self.cands.append(existing)
                    self._link(a_i, a_end, k)
                    k = a_end
                    continue
            # NAME atau (yang) akrab disapa [HONORIFICS] NICK: one person
            a_i, a_end = (
                self._nickname(m) if existing is not None or k in self.model_per_starts else (m, m)
            )
            if a_end > a_i:
                self._link(a_i, a_end, k)
                k = a_end
                continue
            k = max(j, k + 1)

    def _subject_at(self, k: int) -> bool:
        """The name at ``k`` is no verb's object or agent ("ditunjuk Kapolri Listyo …").

        Read back over the capitalised words of a role or honorifics before the name to the
        first lower-case word: a verb (``ditunjuk``, ``menemui``) or ``oleh``/``dengan``/
        ``bersama`` there makes the name an object, not the subject of what follows.
        """
        s = self.s
        p = k - 1
        while p >= 0 and k - p <= _CLAUSE_BACK and s.toks[p].is_cap and not s.sent_start[p + 1]:
            p -= 1
        if p < 0 or s.sent_start[p + 1] or not s.toks[p].is_lower:
            return True
        return not (_VERB_SHAPE.match(s.keys[p]) or s.keys[p] in _OBJECT_MARKERS)

    def _appointed_as(self, m: int) -> int:
        """``sebagai`` after an appointment verb from ``m`` ("ditunjuk sebagai"), else ``m``.

        "Gasperini ditunjuk sebagai pelatih Roma", "X yang baru dilantik sebagai Kapolres":
        the role after ``sebagai`` is said of the name before ``m``. Only the words of
        ``appointment_adverbs`` may stand before the verb, so a negation ("X belum
        ditetapkan sebagai tersangka") or any other clause gives ``m`` back.
        """
        s = self.s
        adverbs, verbs = words("appointment_adverbs"), words("appointment_verbs")
        p = m
        while p < s.n and p - m < 4 and s.toks[p].is_lower and s.keys[p] in adverbs:
            p += 1
        if p + 1 < s.n and s.keys[p] in verbs and s.keys[p + 1] == "sebagai":
            return p + 1
        return m

    def _nickname(self, m: int) -> tuple[int, int]:
        """The nickname in "atau akrab disapa Gus Ipul" from ``m`` (``atau``); empty if none."""
        s = self.s
        if m >= s.n or s.keys[m] != "atau":
            return m, m
        intro, verbs = words("alias_intro"), words("alias_verbs")
        p, seen_verb = m + 1, False
        while p < s.n and p - m <= 6 and (s.keys[p] in intro or s.keys[p] in verbs):
            seen_verb = seen_verb or s.keys[p] in verbs
            p += 1
        if p == m + 1 and p < s.n and s.toks[p].text in words("nickname_titles"):
            # "Saifullah Yusuf atau Gus Ipul": a name the title marks as a nickname
            i = self._name_after(p)[0]
            i = max(i, p + 1)  # "Cak", "Ning": a title the honorific table does not list
            j = s.name_run(i)
            return (i, j) if j > i else (m, m)
        if not seen_verb or p < s.n and s.toks[p].text == ",":
            return m, m
        i, j, _hons = self._name_after(p)
        return (i, j) if j > i else (m, m)


def epithet_roles(s: Scan, people: Sequence[Cand]) -> None:
    """ROLE itu/tersebut opening a sentence is a role of the one person of the sentence before.

    "Kutukan Mees Hilgers di Timnas Indonesia berlanjut. Bek FC Twente itu nampaknya …",
    "REZA Arya Pratama memang gagal debut. Namun, kiper PSM Makassar itu mengaku …": the
    epithet (a role head, then words up to ``itu``/``tersebut``: no comma, no name) opens the
    sentence (after an opener such as ``Namun,``) and its predicate follows. The role goes to
    the person of the sentence before only when that sentence names one person; an age or an
    origin ends it ("Bek berusia 26 tahun itu" is "Bek"). Runs on the accepted mentions, so no
    name changes; one pass over the sentence starts (linear).
    """
    starts = {c.i: c for c in people}
    openers = words("epithet_openers")
    prev = -1  # where the sentence before begins
    for k in range(s.n):
        if not s.sent_start[k]:
            continue
        before, prev = prev, k
        if before < 0:
            continue
        p = k
        while p < s.n and p - k < 3 and (s.keys[p] in openers or s.toks[p].text == ","):
            p += 1
        role = _epithet_at(s, p, starts, p > k)
        if role is None:
            continue
        named = [starts[q] for q in range(before, k) if q in starts]
        if len({fold(s.span_text(c.i, c.j)) for c in named}) == 1 and role not in named[0].roles:
            named[0].roles.append(role)


def _epithet_at(s: Scan, p: int, starts: dict[int, Cand], opened: bool) -> str | None:
    """The role of an epithet "ROLE … itu" opening a clause at ``p``, or None.

    ``opened``: an opener stands before ("Namun, kiper …"), so the role may be lower case.
    """
    head = s.role_head_at(p) if p < s.n and s.toks[p].is_word else 0
    if not head or not (s.toks[p].is_cap or opened):
        return None
    q, end = p + head, 0
    while q < s.n and q - p <= _EPITHET_WORDS:
        if s.hard[q] or not s.toks[q].is_word or q in starts or s.honorifics_at(q)[2]:
            return None
        if not end and (s.keys[q] in _EPITHET_ENDS or s.is_number(q)):
            end = q  # "Bek berusia 26 tahun itu", "Pemain muda asal Argentina itu"
        if s.keys[q] in ("itu", "tersebut"):
            nxt = q + 1
            if nxt < s.n and s.toks[nxt].is_lower and s.keys[nxt] != "yang":
                return s.role_text(p, end or q)
            return None
        q += 1
    return None
