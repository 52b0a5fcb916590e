"""Find people, organisations and places: rules and gazetteers merged with the NER model's spans.

Merge policy (documented in SOURCE.md and the package docstring):

1. Rule and gazetteer hits come first. Organisation names (gazetteer, head patterns such as
   ``Polres X``, acronym definitions) and people found by a rule (honorific, role, speech cue,
   initials) are strong; places from the gazetteers and place heads (``Desa X``) come next.
2. Model spans fill what the rules left: a span is taken only where it overlaps no accepted hit,
   after its edges are cleaned (honorifics, degrees and role words cut off). A model span whose
   text is a gazetteer entry takes the gazetteer's type (``Jepang`` tagged ORG is the country).
3. Among overlapping candidates of one tier the longest wins, so a place inside an organisation's
   name is not listed by itself (flat names); a role is not an entity, so places and organisations
   inside a role are listed.
4. Facilities (``Jalan``, ``Bandara``, ``Stadion`` …) swallow the names inside them.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from spacy.tokens import Doc

from beritakit.extractors.entities._acronyms import (
    Definition,
    find_definitions,
)
from beritakit.extractors.entities._acronyms import (
    org_words as _org_words,
)
from beritakit.extractors.entities._cluster import (
    Mention,
    cluster_orgs,
    cluster_people,
    cluster_places,
    headline_like,
    same_person,
    stem,
)
from beritakit.extractors.entities._data import PlaceEntry
from beritakit.extractors.entities._hits import Entities, PersonHit
from beritakit.extractors.entities._ids import known_person
from beritakit.extractors.entities._orgs import (
    english_head,
    inside_places,
    reads_as_org,
    venue_spans,
    venue_tail,
    year_tail,
)
from beritakit.extractors.entities._places import place_word_ok
from beritakit.extractors.entities._rules import (
    FACILITY,
    ORG_SUFFIX,
    PLACE_HEAD,
    ROLE_HEAD,
    Scan,
    words,
)
from beritakit.extractors.entities._tokens import fold

__all__ = ["find_entities"]

_PER, _ORG, _LOC = "PER", "ORG", "LOC"
_MODEL_LABELS = {"PER": _PER, "PERSON": _PER, "ORG": _ORG, "LOC": _LOC, "GPE": _LOC}

# tiers: lower is stronger
_T_RULE, _T_GAZ, _T_MODEL, _T_WEAK = 0, 1, 2, 3


_Cand = Mention
# A romanised Korean given name: two syllables joined by a hyphen ("Joon-ho", "Seon-gyeom").
_HYPHEN_GIVEN = regex.compile(r"(\p{Lu}\p{Ll}{0,5})-(\p{Ll}{1,6})")


class _Finder:
    def __init__(
        self, doc: Doc, text: str, exclude: Sequence[str], near: Sequence[str] = ()
    ) -> None:
        self.near = tuple(near)  # places the article is about without naming them (dateline)
        self.doc = doc
        self.s = Scan(text)
        self.exclude = {stem(e) for e in exclude if e and e.strip()} - {""}
        self.cands: list[_Cand] = []
        self.blocked = [False] * self.s.n
        self.defined: set[str] = set()
        self.terms: set[str] = set()
        self.nicknamed: set[str] = set()
        self.listed: set[tuple[int, int]] = set()  # names found only in a list of people
        self.votes: dict[str, str] = {}
        self.numbered: set[str] = set()
        self.org_words: frozenset[str] = frozenset()
        self.lower_words = {self.s.keys[k] for k in range(self.s.n) if self.s.toks[k].is_lower}
        self.model_spans = self._model_spans()
        self.model_per_starts = {i for i, _, label in self.model_spans if label == _PER}
        self.model_org_spans = {(i, j) for i, j, label in self.model_spans if label == _ORG}
        self.s.per_starts = self.model_per_starts

    # -- model spans -------------------------------------------------------------

    def _model_spans(self) -> list[tuple[int, int, str]]:
        s = self.s
        starts = {t.start: k for k, t in enumerate(s.toks)}
        ends = {t.end: k for k, t in enumerate(s.toks)}
        out: list[tuple[int, int, str]] = []
        for ent in self.doc.ents:
            label = _MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            text = ent.text
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            i = starts.get(ent.start_char + lead)
            j = ends.get(ent.end_char - trail)
            if i is None or j is None or j < i:
                continue
            if label == _PER:
                # a ticket the model tagged as one person ("Ganjar-Mahfud"): each name
                for k in range(i + 1, j):
                    if s.toks[k].text == "-" and _joins_names(s, k):
                        out.append((i, k, label))
                        i = k + 1
            out.append((i, j + 1, label))
        return out

    # -- facilities ----------------------------------------------------------------

    def _facilities(self) -> None:
        s = self.s
        k = 0
        while k < s.n:
            tok = s.toks[k]
            n = 0
            if tok.is_word and (tok.is_cap or tok.text in ("jalan", "jl", "jln")):
                n = s.phrase_at(k, FACILITY)
            if not n:
                k += 1
                continue
            hit = s.gaz_at(k)
            if hit is not None and hit.orgs:
                k += 1
                continue
            if s.phrase_at(k, PLACE_HEAD) > n or s.org_head_at(k)[0] > n:
                k += 1
                continue
            j = end = k + n  # the head (dots included), then the name
            while end < s.n and end - j < 8 and not s.hard[end]:
                t = s.toks[end]
                if t.is_word and (t.is_cap or t.text[0].isdigit()):
                    end += 1
                elif (
                    t.text in ("-", ".", "'", "’")
                    and end + 1 < s.n
                    and (not s.toks[end + 1].space_before or s.keys[end] == "")
                    and (s.toks[end + 1].is_cap or s.toks[end + 1].text[0].isdigit())
                ):
                    end += 1
                elif t.is_word and t.text in ("No", "no") and end + 1 < s.n:
                    end += 1
                else:
                    break
            for m in range(k, end):
                self.blocked[m] = True  # the head too: "Balai Kota" is a building even when bare
            k = max(end, k + 1)
        for b, e in venue_spans(s):  # "Rose Bowl", "Jakarta Convention Center"
            for m in range(b, e):
                self.blocked[m] = True

    def _headlines(self) -> None:
        """Block lines written like headlines (nearly every word capitalised, no full stop).

        Such lines are links to other stories and captions the cleaner left in the body.
        """
        s = self.s
        small = words("headline_small_words")
        start = 0
        for k in range(1, s.n + 1):
            if k < s.n and not s.toks[k].newline_before:
                continue
            words_ = [
                p
                for p in range(start, k)
                if s.toks[p].is_word and not s.toks[p].text[0].isdigit() and s.keys[p] not in small
            ]
            listed = s.toks[start].text[0].isdigit()
            if (
                len(words_) >= 4
                and not listed
                and s.toks[k - 1].text not in '.!?:"”'
                and sum(s.toks[p].is_cap for p in words_) >= 0.85 * len(words_)
            ):
                for p in range(start, k):
                    self.blocked[p] = True
            start = k

    # -- people --------------------------------------------------------------------

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
            _Cand(
                i,
                j,
                _PER,
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

    def _people(self) -> None:
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
            if p in self.model_per_starts and s.name_run(p) > p:
                role, m = s.role_text(k, p), p
                break
        i, j, hons = self._name_after(m)
        for _ in range(2):
            if j > i and not hons and self._continues_role(j):
                # the "name" is more of the role ("Kabid Poldagri Kesbangpol X")
                tail = s.role_tail(j)
                role = s.role_text(k, tail)
                m = tail + 1 if tail < s.n and s.toks[tail].text == "," else tail
                i, j, hons = self._name_after(m)
        role, i, j, hons = self._person_after_role(k, role, i, j, hons)
        if j > i:
            return self._person(i, j, _T_RULE, honorifics=hons, roles=[role])
        return None

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
            and i not in self.model_per_starts
            and j + 1 in self.model_per_starts
            and not any(s.toks[p].is_cap and s.phrase_at(p, ROLE_HEAD) for p in range(k, i))
        ):
            # "pemimpin proyek Net Zero Tracker, John Lang": after a lower-case role
            # the "name" ends the role when the model sees a person after the comma
            # (not after "Ketua DPRK Abdya Roni, Nek Nan": a list of people)
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

    def _honorific_person(self, k: int) -> int | None:
        """HONORIFICS NAME [DEGREES] at ``k``: where the person ends, or None."""
        s = self.s
        h_end, hons, found = s.honorifics_at(k)
        if not found:
            return None
        j = s.name_run(h_end)
        if j == h_end:
            j = s.initials_at(h_end)
        if j > h_end:
            return self._person(h_end, j, _T_RULE, honorifics=hons)
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
                    return self._person(i, j, _T_RULE, honorifics=hons)
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
                return self._person(m, j, _T_RULE)
        # bernama NAME / istrinya NAME / adiknya, NAME
        if tok.is_lower and key in words("name_cue"):
            fillers = words("name_cue_fillers")
            m = k + 1
            while m < s.n and (s.toks[m].text == "," or s.keys[m] in fillers):
                m += 1
            if m < s.n and not s.role_head_at(m):
                i, j, hons = self._name_after(m)
                if j > i:
                    return self._person(i, j, _T_RULE, honorifics=hons)
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
            self._person(h_end, k, _T_RULE, honorifics=hons)

    def _aged_person(self, k: int) -> int | None:
        """X (25): a person with an age at ``k``: where the person ends, or None."""
        s = self.s
        if not (s.is_title(k) or s.initials_at(k) > k) or not (
            s.sent_start[k] or not s.toks[k - 1].is_cap
        ):
            return None
        j = s.name_run(k) if s.is_title(k) else s.initials_at(k)
        if j > k and self._age_follows(j):
            return self._person(k, j, _T_RULE)
        return None

    def _name_lists(self) -> None:
        """Names listed with people are people: "Pan Mandala, Hosa, Nanda Samsidik, Odot dan X".

        A run of three or more names joined by commas and ``dan`` makes all its names
        people when at least two of them are people for sure (found by a rule, or two-word
        names the model tags) and, counting one-word model tags too, at least a third are.
        The other names join below the model's own person spans; a one-word place or
        organisation the model tagged inside such a list gives way to them. A gazetteer
        name, role, organisation or place breaks the run, so lists of places or
        organisations never join.
        """
        s = self.s
        ruled = {p for c in self.cands if c.label == _PER for p in range(c.i, c.j)}
        sure, tagged = set(ruled), set(ruled)
        for i, j, label in self.model_spans:
            if label == _PER:
                # a one-word tag alone is weak evidence ("Bintara, Tamtama dan Akpol")
                (sure if j - i >= 2 else tagged).update(range(i, j))
        tagged |= sure
        starts = {c.i: c.j for c in self.cands if c.label == _PER}
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
                items.append((p, e))
                q = e
                if q < s.n and s.toks[q].text == ",":
                    q += 1
                if q < s.n and s.keys[q] == "dan":
                    q += 1
                if q == e:
                    break
                p = q
            if (
                len(items) >= 3
                and _count_marked(items, sure) >= 2
                and 3 * _count_marked(items, tagged) >= len(items)
            ):
                for a, b in items:
                    if not any(x in ruled for x in range(a, b)):
                        self.cands.append(_Cand(a, b, _PER, _T_WEAK, src="list"))
                        self.listed.add((a, b))
                k = items[-1][1]
                continue
            k = items[0][1] if items else k + 1

    def _korean_names(self) -> None:
        """A Korean family name and a hyphenated given name: "Bong Joon-ho", "Ki Seon-gyeom"."""
        s = self.s
        surnames = s.d.korean_surnames
        taken = {p for c in self.cands if c.label == _PER for p in range(c.i, c.j)}
        for k in range(s.n - 1):
            if s.toks[k].text not in surnames or k in taken or self.blocked[k]:
                continue
            given = _HYPHEN_GIVEN.match(s.toks[k + 1].text)
            if (
                given is None
                or given.group(1).casefold() == given.group(2)
                or s.hard[k + 1]
                or not s.toks[k + 1].space_before
            ):
                continue  # "Laki-laki", "Butar-butar" are doubled words, not given names
            j = s.name_run(k)
            if j >= k + 2:
                self._person(k, j, _T_RULE)

    def _known_names(self) -> None:
        """Later bare mentions of a person a rule found ("Dari tangan Jack", "kata Najib")."""
        s = self.s
        people = [c for c in self.cands if c.label == _PER]
        taken = {p for c in people for p in range(c.i, c.j)}
        names: dict[str, int] = {}
        for c in people:
            for p in range(c.i, c.j):
                if s.toks[p].is_word and len(s.toks[p].text) > 1:
                    names.setdefault(s.keys[p], c.i if c.link is None else c.link)
        k = 0
        while k < s.n:
            if k in taken or self.blocked[k] or not s.is_title(k) or s.keys[k] not in names:
                k += 1
                continue
            j = s.name_run(k)
            if (
                j > k
                and all(s.keys[p] in names or not s.toks[p].is_word for p in range(k, j))
                and s.gaz_at(k) is None
                and not s.org_head_at(k)[0]
            ):
                self.cands.append(_Cand(k, j, _PER, _T_GAZ, link=names[s.keys[k]], src="known"))
                k = j
                continue
            k += 1

    def _link(self, i: int, j: int, to: int) -> None:
        """Record that the name over ``[i, j)`` is another name of the person starting at ``to``."""
        for c in self.cands:
            if c.label == _PER and c.i == i and c.j == j:
                c.link = to
                return
        self.cands.append(_Cand(i, j, _PER, _T_RULE, link=to))

    def _continues_role(self, j: int) -> bool:
        """Token ``j`` (right after a supposed name) shows the name was part of a role."""
        s = self.s
        if j >= s.n or s.hard[j]:
            return False
        if s.toks[j].is_cap and (s.org_head_at(j)[0] or s.keys[j] in s.d.role_words):
            return True
        hit = s.gaz_at(j)
        return hit is not None and bool(hit.orgs)

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
        people = [c for c in self.cands if c.label == _PER]
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
            if m < s.n and (
                s.toks[m].text == ","
                or s.keys[m] in apposition
                or (s.keys[m] == "yang" and m + 1 < s.n and s.keys[m + 1] in _IS)
            ):
                m += 1
                while m < s.n and s.keys[m] in apposition_fillers:
                    m += 1
                head = s.role_head_at(m) if m < s.n else 0
                if head and not s.honorifics_at(m)[2]:
                    tail = s.role_tail(m + head)
                    role = s.role_text(m, tail)
                    if existing is not None:
                        existing.roles.append(role)
                    elif s.gaz_at(k) is None and not s.org_head_at(k)[0]:
                        self.cands.append(_Cand(k, j, _PER, _T_RULE, degrees=degrees, roles=[role]))
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
                        existing = _Cand(k, j, _PER, _T_RULE, degrees=degrees)
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
                        existing = _Cand(k, j, _PER, _T_RULE, degrees=degrees)
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

    # -- organisations -----------------------------------------------------------------

    def _orgs(self, definitions: list[Definition]) -> None:
        s = self.s
        in_place = inside_places(s)
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
                words_ = sum(1 for p in range(k + head, end) if s.toks[p].is_word)
                if year_tail(s, k + head, end):
                    words_ = -1  # "Klub 2025" of "Piala Dunia Klub 2025": an edition, not a body
                if words_ >= minimum and (words_ or minimum == 0) and not self._generic(k, end):
                    hit2 = s.gaz_at(k)
                    entry = (
                        hit2.orgs[0] if hit2 is not None and hit2.orgs and hit2.j == end else None
                    )
                    self.cands.append(_Cand(k, end, _ORG, _T_RULE, org=entry))
                    k = end
                    continue
            if hit is not None and reads_as_org(s, k, hit) and not self._portfolio(k):
                end = self._place_suffix(hit.j, hit.j)
                self.cands.append(_Cand(k, end, _ORG, _T_GAZ, org=hit.orgs[0]))
                k = end
                continue
            # suffix heads: "Stanford University", "TVS Motor Company"
            if s.toks[k].is_cap and s.toks[k].is_word:
                n = s.phrase_at(k, ORG_SUFFIX)
                end = english_head(s, k + n)
                if n and end:  # "Center of Economic and Law Studies"
                    self.cands.append(_Cand(k, end, _ORG, _T_RULE))
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
                    ):
                        b -= 1
                    if b < k:
                        self.cands.append(_Cand(b, k + n, _ORG, _T_RULE))
                        k += n
                        continue
            k += 1
        for c in self.cands:
            if c.label == _ORG and c.acronym is None and c.org is None:
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
        for df in definitions:
            if df.org:
                self.cands.append(
                    _Cand(
                        df.long_i,
                        df.end,
                        _ORG,
                        _T_RULE,
                        acronym=df.acronym,
                        expansion=df.long,
                        org=df.entry,
                    )
                )
                # later bare mentions of the acronym join it ("UCLG ASPAC merupakan ...")
                key = [k for k in (fold(w) for w in df.acronym.split()) if k]
                n = len(key)
                for p in range(s.n - n + 1):
                    if (
                        s.keys[p] == key[0]
                        and s.keys[p : p + n] == key
                        and not (df.long_i <= p < df.end)
                        and not self.blocked[p]
                        and s.toks[p].text[0].isupper()
                    ):
                        self.cands.append(
                            _Cand(
                                p,
                                p + n,
                                _ORG,
                                _T_RULE,
                                acronym=df.acronym,
                                expansion=df.long,
                                org=df.entry,
                            )
                        )

    def _place_suffix(self, j: int, end: int) -> int:
        """Extend an organisation over a place written right after it ("BPBD Aceh Timur")."""
        s = self.s
        if end == j and j < s.n and not s.hard[j]:
            hit = s.gaz_at(j)
            if (
                hit is not None
                and hit.places
                and not hit.orgs
                and any(e.indonesian_admin for e in hit.places)
            ):
                return hit.j
        return end

    def _portfolio(self, k: int) -> bool:
        """An acronym right after "Menteri" is the minister's portfolio, not an organisation."""
        s = self.s
        return (
            k > 0
            and s.keys[k - 1] in ("menteri", "menko", "wamen")
            and s.keys[k] not in ("kementerian",)
        )

    def _generic(self, i: int, j: int) -> bool:
        return self.s.fold_span(i, j) in self.s.d.not_entities

    # -- places ------------------------------------------------------------------------

    def _places(self) -> None:
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
                        _Cand(
                            k,
                            end,
                            _LOC,
                            _T_RULE,
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
                    _Cand(
                        k,
                        hit.j,
                        _LOC,
                        _T_GAZ,
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

    # -- resolution ----------------------------------------------------------------------

    def _add_model(self) -> None:
        s = self.s
        d = s.d
        counts: dict[str, dict[str, int]] = {}
        for i, j, label in self.model_spans:
            tally = counts.setdefault(s.fold_span(i, j), {})
            tally[label] = tally.get(label, 0) + 1
        self.votes = {
            text: max(t, key=lambda lab: (t[lab], lab == _PER)) for text, t in counts.items()
        }
        mid_caps = {s.keys[k] for k in range(s.n) if s.toks[k].is_cap and not s.sent_start[k]}
        rule_people = {c.i for c in self.cands if c.label == _PER}
        for i, j, label in self.model_spans:
            if any(self.blocked[p] for p in range(i, j)):
                continue
            i, j, hons = self._clean_model(i, j, label)
            if (
                j - i >= 2
                and s.sent_start[i]
                and i + 1 in rule_people
                and s.keys[i] not in mid_caps
            ):
                i += 1  # "Sepengetahuan Pinkan Mambo": a sentence's first word, then a person
            if j <= i:
                continue
            hit = s.gaz_at(i)
            if label != _PER and j - i == 1 and (i, j) in self.listed and hit is None:
                continue  # "Hosa, Odot, Acon, Dai": a name in a list of people
            if hit is not None and hit.j == j:
                if hit.orgs and label != _PER and (label == _ORG or reads_as_org(s, i, hit)):
                    self.cands.append(_Cand(i, j, _ORG, _T_MODEL, org=hit.orgs[0], src="model"))
                    continue
                if hit.places:
                    if place_word_ok(s, i, j):
                        self.cands.append(
                            _Cand(
                                i,
                                j,
                                _LOC,
                                _T_MODEL,
                                places=hit.places,
                                district_ok=True,
                                src="model",
                            )
                        )
                    continue
            known = label == _PER and j - i == 1 and known_person(s.toks[i].text)
            if j - i == 1 and s.sent_start[i] and s.keys[i] not in mid_caps and not known:
                continue  # one capitalised word opening a sentence, never seen elsewhere: too weak
            if (
                j - i == 1
                and s.toks[i].is_upper
                and label != _PER
                and s.keys[i] not in self.defined
            ):
                continue  # an unknown bare acronym: as often a product or term (SUV, CSR)
            if j - i == 1 and s.keys[i] in d.common_words:
                continue
            if fold(s.span_text(i, j)) in self.terms and not (
                label == _PER and fold(s.span_text(i, j)) in self.nicknamed and s.name_run(i) >= j
            ):
                continue  # a term the text defines, unless a personal name: "Joko Widodo (Jokowi)"
            label = self.votes.get(s.fold_span(i, j), label)
            if (
                label == _PER
                and j - i == 1
                and sum(counts.get(s.fold_span(i, j), {}).values()) < 2
                and not _paired(s, i, j)
                and not known
            ):
                continue  # a lone one-word "person" named once by the model: often a term
            if label == _PER and self._not_person(i, j):
                continue
            if label == _PER:
                end, degrees = s.degrees_at(j)
                self.cands.append(
                    _Cand(i, j, _PER, _T_MODEL, honorifics=hons, degrees=degrees, src="model")
                )
            elif label == _ORG:
                if self._org_evidence(i, j, counts):
                    self.cands.append(_Cand(i, j, _ORG, _T_MODEL, src="model"))
            elif place_word_ok(s, i, j) and not venue_tail(s, j - 1):
                self.cands.append(_Cand(i, j, _LOC, _T_MODEL, district_ok=True, src="model"))

    def _not_person(self, i: int, j: int) -> bool:
        """A model PER span that names a thing: "Nasdaq Composite", "Kapal Dewi Iriana 3".

        Its last word closes the name of a thing (``not_person_heads.txt``), or a number is
        written right after it or ends it (ships, vehicles and products are numbered, people
        are not); such a name is not taken as a person anywhere in the text.
        """
        s = self.s
        last = s.toks[j - 1]
        numbered = last.text.isdigit() or (
            j < s.n and s.toks[j].text.isdigit() and s.toks[j].space_before and not s.hard[j]
        )
        if numbered:
            k = j - 1 if last.text.isdigit() else j
            if k > i:
                self.numbered.add(s.fold_span(i, k))
            return True
        return j - i > 1 and s.keys[j - 1] in s.d.not_person_heads

    def _org_evidence(self, i: int, j: int, counts: dict[str, dict[str, int]]) -> bool:
        """Tell whether to keep a model ORG span the rules do not know.

        It is taken when it looks like an organisation's name (an organisation word in it:
        "Sky Sport Italia" no, "Ohio State University" yes) or the model calls the same
        words an organisation more than once.
        """
        s = self.s
        if sum(counts.get(s.fold_span(i, j), {}).values()) >= 2:
            return True
        org_words = _org_words()
        return any(s.keys[p] in org_words for p in range(i, j))

    def _clean_model(self, i: int, j: int, label: str) -> tuple[int, int, list[str]]:
        """Cut what does not belong to the name from a model span; ``j <= i`` drops it."""
        s = self.s
        d = s.d
        hons: list[str] = []
        while i < j and not s.toks[i].is_word:
            i += 1
        while i < j:
            head = s.role_head_at(i)
            if head and s.toks[i].is_cap:
                if label != _PER or i + head >= j:
                    return i, i, hons  # a role tagged as a name ("Komisaris Utama", "Kabid Humas")
                i = s.role_tail(i + head)
                continue
            h_end, found_h, found = s.honorifics_at(i)
            if found and h_end < j:
                hons += found_h
                i = h_end
                continue
            if label == _PER and s.keys[i] in d.role_words and i + 1 < j:
                i += 1  # "Permukiman Fahri Hamzah": the end of a role
                continue
            break
        if (
            label == _PER
            and j - i >= 2
            and not hons
            and s.keys[i] in d.corpus_words
            and (s.sent_start[i] or s.keys[i] in self.lower_words)
        ):
            i += 1  # a common word before the name: "Lanjut Nangoi", "Skuad Garuda"
            if j - i == 1 and s.toks[i].is_upper:
                return i, i, hons  # "Sinar UV"
        if i >= j:
            return i, i, hons
        if label == _PER and s.degrees_at(i)[1] and s.degrees_at(i)[0] >= j:
            return i, i, hons  # only degrees: "S.I.K"
        if label == _PER and all(s.keys[p] in d.rank_words or not s.keys[p] for p in range(i, j)):
            return i, i, hons  # only a rank: "Kombes", "Pol"
        if label != _ORG and all(s.keys[p] in d.role_words or not s.keys[p] for p in range(i, j)):
            return i, i, hons  # only words of a role or unit: "Jatanras", "Humas"
        first = s.toks[i]
        if not (
            first.is_cap or first.text[0].isdigit() or any(c.isupper() for c in first.text[1:])
        ):
            return i, i, hons  # lowercase: "adanya hazard", "gigi"
        if s.phrase_at(i, FACILITY) and first.is_cap:
            return i, i, hons
        # cut at the first lowercase word that is not a name particle ("Alyssa siraman")
        particles = words("name_particles") | words("role_connectors")
        for p in range(i + 1, j):
            t = s.toks[p]
            if t.is_word and t.is_lower and s.keys[p] not in particles:
                j = p
                break
            if t.is_word and t.text[0].isdigit() and not t.space_before:
                j = p  # a list number glued on: "(Persero)13"
                break
            if len(t.text) == 1 and t.is_cap and not t.space_before and s.toks[p - 1].is_word:
                j = p  # an option letter glued on: "Yesus KristusC. AllahD."
                break
        if label == _PER:
            while j > i and s.degrees_at(j - 1)[1] and s.degrees_at(j - 1)[0] >= j:
                j -= 1
            while (
                j - 1 > i
                and s.toks[j - 1].is_cap
                and (s.keys[j - 1] in d.role_words or s.phrase_at(j - 1, ROLE_HEAD))
            ):
                j -= 1  # "Hanung Bramantyo Produser"
        while j > i and (
            not s.toks[j - 1].is_word and s.toks[j - 1].text != ")" or s.keys[j - 1] in particles
        ):
            j -= 1
        if j > i and (s.fold_span(i, j) in d.not_entities):
            return i, i, hons
        if label == _PER and j > i:
            i, j = self._widen_name(i, j)
        return i, j, hons

    def _widen_name(self, i: int, j: int) -> tuple[int, int]:
        """Take in name words the model left out next to its span ("Ju Haknyeon", "Daichi Kamada").

        Only capitalised words inside the same sentence that can be part of a personal name
        (not a role, organisation, place, calendar or stop word; before the span, not a title
        or a common word either: "Gus Ipul", "Kenaikan Yesus Kristus") are taken, up to four
        words in all.
        """
        s = self.s
        while (
            i > 0
            and j - i < 4
            and not s.sent_start[i]
            and not s.hard[i]
            and not s.sent_start[i - 1]
            and not self.blocked[i - 1]
            and s.is_title(i - 1)
            and s.toks[i].space_before
            and not s.stops_name(i - 1, True)
            and s.gaz_at(i - 1) is None
            and not s.honorifics_at(i - 1)[2]
            and s.keys[i - 1] not in s.d.corpus_words
        ):
            i -= 1
        while (
            j < s.n
            and j - i < 4
            and not s.hard[j]
            and not s.sent_start[j]
            and not self.blocked[j]
            and s.is_title(j)
            and s.toks[j].space_before
            and not s.stops_name(j, False)
            and s.gaz_at(j) is None
        ):
            j += 1
        return i, j

    def _resolve(self) -> list[_Cand]:
        taken = [False] * self.s.n
        accepted: list[_Cand] = []
        order = sorted(self.cands, key=lambda c: (c.tier, -(c.j - c.i), c.i))
        for c in order:
            if c.link is not None:
                continue
            if any(taken[p] for p in range(c.i, c.j)):
                continue
            if (
                c.label == _LOC
                and not c.district_ok
                and c.places
                and all(e.kind == "district" for e in c.places)
            ):
                if not self._district_context(c.i, c.j):
                    continue
            for p in range(c.i, c.j):
                taken[p] = True
            accepted.append(c)
        same = {(c.i, c.j): c for c in accepted if c.label == _PER}
        for c in self.cands:  # linked names ("FBN alias Feri Marbun") ride along
            if c.link is None:
                continue
            if not any(taken[p] for p in range(c.i, c.j)):
                accepted.append(c)
            elif (c.i, c.j) in same:
                same[c.i, c.j].link = c.link  # the model found the alias too ("alias Jack")
        accepted.sort(key=lambda c: c.i)
        return accepted

    def _retype_people(self, accepted: list[_Cand]) -> None:
        """A model ORG/LOC span that names a person found elsewhere is that person ("El Rumi")."""
        s = self.s
        names = [
            [s.keys[p] for p in range(c.i, c.j) if s.keys[p]] for c in accepted if c.label == _PER
        ]
        for c in accepted:
            if c.tier != _T_MODEL or c.label == _PER or c.org is not None or c.places:
                continue
            toks = [s.keys[p] for p in range(c.i, c.j) if s.keys[p]]
            if any(
                same_person(toks, n) or (len(n) >= 2 and same_person(n, toks)) for n in names if n
            ):
                c.label = _PER

    def _address(self, j: int) -> bool:
        """A house number follows: "di Ir. H. Juanda No. 93" is a street, not a person."""
        s = self.s
        k = j + 1 if j < s.n and s.keys[j] in ("no", "nomor") else j
        if k < s.n and s.toks[k].text == ".":
            k += 1
        return k > j and k < s.n and s.toks[k].text[:1].isdigit()

    def _is_person(self, p: PersonHit) -> bool:
        """Drop people that are words, not names.

        A name the text also numbers ("Dewi Iriana 3") is a ship or product. A one-word person
        with no honorific is dropped when the word is also written in lower case in the text
        ("para sultan" / "Sultan"), is a common word of the NER corpora ("Perjuangan"), or is
        a place or organisation in the gazetteers ("Balongbendo", "Garuda").
        """
        s = self.s
        key = fold(p.name)
        if key in self.numbered:
            return False
        if " " in key and key.rsplit(" ", 1)[1] in s.d.not_person_heads:
            return False
        if all(w.replace(".", "") in s.d.degrees for w in p.name.replace(",", " ").split()):
            return False  # only degrees written after a name: "S.H.", "M.H."
        if " " not in key and (p.name,) in s.d.honorifics:
            return False  # a title alone: "Pak Haji"
        if _REDUPLICATED.fullmatch(key):
            return False  # a plural common word: "Orang-orang"
        if headline_like(p.name):
            return False  # a title-case headline: "Billy Sudah Menikah"
        if p.honorifics or p.name.isupper():
            return True  # initials are names ("MU, AD, KU dan RI")
        if len(key) <= 2 and key not in s.d.corpus_words:
            return True  # "Oh", "Wu"; not "Ya"
        if " " not in key and not p.roles and key in self.org_words and self.votes.get(key) == _ORG:
            return False  # "Garuda mengungkapkan": the short name of "PT Garuda Indonesia"
        if " " not in key and (
            key in self.lower_words or key in s.d.corpus_words or key in s.d.not_entities
        ):
            return False
        return not s.d.gazetteer.get(tuple(key.split()))  # "Polsek Medan Tembung"

    def _org_first_words(self, accepted: list[_Cand]) -> frozenset[str]:
        """The first name word of every organisation of the text ("garuda" of "PT Garuda X")."""
        s = self.s
        out: set[str] = set()
        for c in accepted:
            if c.label != _ORG or c.j - c.i < 2:
                continue
            i = c.i + s.org_head_at(c.i)[0]
            while i < c.j and not s.keys[i]:
                i += 1
            if i < c.j:
                out.add(s.keys[i])
        return frozenset(out)

    def _district_context(self, i: int, j: int) -> bool:
        """A district name is a place when a known region follows it ("Menteng, Jakarta Pusat")."""
        s = self.s
        if j + 1 < s.n and s.toks[j].text == ",":
            hit = s.gaz_at(j + 1)
            if hit is not None and any(
                e.kind in ("city", "regency", "province") for e in hit.places
            ):
                return True
            if s.phrase_at(j + 1, PLACE_HEAD):
                return True
        if i > 0 and s.keys[i - 1] in ("kawasan", "kecamatan", "daerah", "wilayah"):
            return True
        return False

    # -- building the hits -----------------------------------------------------------------

    def run(self) -> Entities:
        definitions = find_definitions(self.s)
        self.defined = {fold(df.acronym) for df in definitions if df.org}
        # terms the text defines that are not organisations ("Sustainable Development Goals (SDG)")
        self.terms = {
            fold(x)
            for df in definitions
            if not df.org and df.entry is None
            for x in (df.acronym, df.long)
        }
        # long forms whose short form is a word, not capitals: "Joko Widodo (Jokowi)"
        self.nicknamed = {
            fold(df.long)
            for df in definitions
            if not df.org and df.entry is None and not df.acronym.isupper() and " " in df.long
        }
        self._facilities()
        self._headlines()
        self._people()
        # an organisation's name ends where a person found by a rule begins
        self.s.per_starts = self.model_per_starts | {c.i for c in self.cands if c.label == _PER}
        self._orgs(definitions)
        self._places()
        self._add_model()
        self.cands = [c for c in self.cands if not (c.label == _PER and self._address(c.j))]
        accepted = self._resolve()
        self._retype_people(accepted)
        self.org_words = self._org_first_words(accepted)
        people = [
            p
            for p in cluster_people(self.s, [c for c in accepted if c.label == _PER], self.exclude)
            if self._is_person(p)
        ]
        person_words = {w for p in people for w in fold(p.name).split()}
        orgs = cluster_orgs(
            self.s, [c for c in accepted if c.label == _ORG], definitions, self.exclude
        )
        places = cluster_places(
            self.s,
            [c for c in accepted if c.label == _LOC],
            person_words,
            self.exclude,
            near=self.near,
        )
        return Entities(people=tuple(people), organizations=tuple(orgs), places=tuple(places))


def _count_marked(items: list[tuple[int, int]], marks: set[int]) -> int:
    """How many of the token ranges ``items`` hold a marked token."""
    return sum(1 for a, b in items if any(x in marks for x in range(a, b)))


def find_entities(
    doc: Doc,
    *,
    text: str | None = None,
    exclude_names: Sequence[str] = (),
    near: Sequence[str] = (),
) -> Entities:
    """Find the people, organisations and places named in an article body.

    Args:
        doc: A spaCy ``Doc`` over the cleaned body; ``doc.ents`` holds the NER model's spans
            (labels PER, ORG, LOC), or nothing when no model ran.
        text: ``doc.text`` when the caller has it (spaCy rebuilds it token by token).
        exclude_names: Names that are not entities of the article, e.g. its own outlet and
            the people credited in its byline.
        near: Places the article is set in without naming them in the body (the dateline
            city): they settle a name several regions share.

    Returns:
        The entities, each once, with every mention as ``(start, end)`` offsets into ``doc.text``.
    """
    return _Finder(doc, doc.text if text is None else text, exclude_names, near).run()


_REDUPLICATED = regex.compile(r"(\w+)-\1")
_IS = frozenset({"merupakan", "adalah", "ialah", "menjabat"})  # "Dewi yang merupakan …"


def _joins_names(s: Scan, k: int) -> bool:
    """The hyphen at ``k`` joins two capitalised names with no space ("Prabowo-Gibran")."""
    return (
        0 < k < s.n - 1
        and not s.toks[k].space_before
        and not s.toks[k + 1].space_before
        and s.toks[k - 1].is_cap
        and s.toks[k + 1].is_cap
        and not s.toks[k - 1].is_upper
        and not s.toks[k + 1].is_upper
    )


def _paired(s: Scan, i: int, j: int) -> bool:
    """The name over ``[i, j)`` is one half of a hyphenated pair ("Ganjar-Mahfud")."""
    return (i > 0 and s.toks[i - 1].text == "-" and _joins_names(s, i - 1)) or (
        j < s.n and s.toks[j].text == "-" and _joins_names(s, j)
    )
