"""Find people, organisations and places: rules and gazetteers merged with the NER model's spans.

Merge policy (documented in SOURCE.md and the package docstring):

1. Rule and gazetteer hits come first. Organisation names (gazetteer, head patterns such as
   ``Polres X``, acronym definitions) and people found by a rule (honorific, role, speech cue,
   initials) are strong; places from the gazetteers and place heads (``Desa X``) come next.
2. Model spans fill what the rules left: a span is taken only where it overlaps no accepted hit,
   after its edges are cleaned (honorifics, degrees and role words cut off). A model span whose
   text is a gazetteer entry takes the gazetteer's type (``Jepang`` tagged ORG is the country).
   A model ORG span that reads more of a name than one rule organisation or gazetteer place
   inside it takes that hit's tier (``Unit Reskrim Polsek X``, ``Imigrasi Batam``). Each model
   mention keeps its own label.
3. Among overlapping candidates of one tier the longest wins, so a place inside an organisation's
   name is not listed by itself (flat names); a role is not an entity, so places and organisations
   inside a role are listed.
4. Facilities (``Jalan``, ``Bandara``, ``Stadion`` …) swallow the names inside them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import regex
from spacy.tokens import Doc

from beritakit.extractors.entities._acronyms import (
    find_definitions,
)
from beritakit.extractors.entities._acronyms import (
    org_words as _org_words,
)
from beritakit.extractors.entities._cited import cited_sources, names_a_product, own_outlet
from beritakit.extractors.entities._cluster import (
    cluster_orgs,
    cluster_people,
    cluster_places,
    headline_like,
    same_person,
    stem,
)
from beritakit.extractors.entities._hits import Entities, PersonHit
from beritakit.extractors.entities._ids import known_person
from beritakit.extractors.entities._org_place_rules import OrgPlaceRules
from beritakit.extractors.entities._orgs import (
    reads_as_org,
    sport_only,
    venue_spans,
    venue_tail,
)
from beritakit.extractors.entities._people_rules import PeopleRules, epithet_roles
from beritakit.extractors.entities._places import place_word_ok
from beritakit.extractors.entities._rules import (
    FACILITY,
    PLACE_HEAD,
    ROLE_HEAD,
    Scan,
    person_particles,
    words,
)
from beritakit.extractors.entities._tiers import (
    COUNTRY_SUFFIX,
    LOC,
    MODEL_LABELS,
    ORG,
    PER,
    T_GAZ,
    T_MODEL,
    T_RULE,
    Cand,
)
from beritakit.extractors.entities._tokens import fold

__all__ = ["find_entities"]


class _Finder:
    def __init__(
        self,
        doc: Doc,
        text: str,
        exclude: Sequence[str],
        near: Sequence[str] = (),
        outlet_named: bool = False,
    ) -> None:
        self.near = tuple(near)  # places the article is about without naming them (dateline)
        self.doc = doc
        self.s = Scan(text)
        self.exclude = {stem(e) for e in exclude if e and e.strip()} - {""}
        self.outlet_known = outlet_named
        self.cands: list[Cand] = []
        self.blocked = [False] * self.s.n
        self.defined: set[str] = set()
        self.terms: set[str] = set()
        self.nicknamed: set[str] = set()
        self.listed: set[tuple[int, int]] = set()  # names found only in a list of people
        self.votes: dict[str, str] = {}
        self.rule_org_ends: dict[int, int] = {}
        self.votes_of: dict[str, dict[str, int]] = {}  # the model's labels of each text
        self.numbered: set[str] = set()
        self.org_words: frozenset[str] = frozenset()
        self.tok_at: dict[int, int] = {}  # token index by start offset (built when needed)
        self.lower_words = {self.s.keys[k] for k in range(self.s.n) if self.s.toks[k].is_lower}
        # words the text capitalises inside a sentence (not only after a full stop)
        self.mid_caps = {
            self.s.keys[k]
            for k in range(self.s.n)
            if self.s.toks[k].is_cap and not self.s.sent_start[k]
        }
        self.model_spans = self._model_spans()
        self.model_per_starts = {i for i, _, label in self.model_spans if label == PER}
        self.model_org_spans = {(i, j) for i, j, label in self.model_spans if label == ORG}
        # the model's label of each token it tagged: a rule's hit the model also saw has
        # "model" evidence too
        self.model_label = {p: label for i, j, label in self.model_spans for p in range(i, j)}
        self.s.per_starts = self.model_per_starts
        self.people_edges: tuple[set[int], set[int]] | None = None  # built when needed

    # -- model spans -------------------------------------------------------------

    def _model_spans(self) -> list[tuple[int, int, str]]:
        s = self.s
        starts = {t.start: k for k, t in enumerate(s.toks)}
        ends = {t.end: k for k, t in enumerate(s.toks)}
        out: list[tuple[int, int, str]] = []
        for ent in self.doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            text = ent.text
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            i = starts.get(ent.start_char + lead)
            j = ends.get(ent.end_char - trail)
            if i is None or j is None or j < i:
                continue
            if s.reduplicated_after(j + 1):
                j += 2  # "Gunung Lewotobi Laki" + "-Laki"
            if label == PER:
                # a ticket the model tagged as one person ("Ganjar-Mahfud"), or two names
                # joined by "dan" ("Al Ghazali dan Alyssa Daguise", "Marc Marquezdan
                # Francesco Bagnaia"): each name
                for k in range(i + 1, j):
                    if (s.toks[k].text == "-" and _joins_names(s, k) and _ticket(s, i, k)) or (
                        s.keys[k] in ("dan", "&")
                        and k + 1 < j
                        and (s.toks[k + 1].is_cap or (s.is_title(k - 1) and s.is_title(k + 1)))
                    ):
                        out.append((i, k, label))
                        i = k + 1
            out.append((i, j + 1, label))
        return _hyphenated_surnames(s, out)

    def _hyphenated_given_names(self) -> None:
        """A rule's person that starts after "Jean-" starts at "Jean" ("Jean-Paul van Gastel").

        The rules read a name from a capitalised word on; a hyphenated given name whose first
        half is no ticket (:func:`_ticket`) belongs to the name.
        """
        s = self.s
        for c in self.cands:
            k = c.i - 1
            if c.label != PER or k < 1 or s.toks[k].text != "-" or not _joins_names(s, k):
                continue
            if not _ticket(s, k - 1, k) and not (k > 1 and s.toks[k - 2].text == "-"):
                c.i = k - 1

    # -- facilities ----------------------------------------------------------------

    def _sentence_word_before_names(self) -> None:
        """Cut a common word that opens a sentence from the person a rule found after it.

        "Penunjukan Yovie sebagai …", "Sepakan Ryoya Morishita menyambut …", "Debut Chivu
        sebagai …": a rule reads the capitalised run before a verb as the name, and the
        sentence's first word is capitalised only by the full stop. It is cut when it is a
        common lower-case word, the article never capitalises it inside a sentence, and the
        words after it are a name the article knows: the model or another person found in
        the text starts with them, not with this word.
        """
        s = self.s
        people = [c for c in self.cands if c.label == PER and c.j - c.i >= 2 and s.sent_start[c.i]]
        if not people:
            return
        firsts = {s.keys[i] for i, _, label in self.model_spans if label == PER} | {
            s.keys[c.i] for c in self.cands if c.label == PER and not s.sent_start[c.i]
        }
        for c in people:
            key = s.keys[c.i]
            if (
                key in s.d.corpus_words
                and key not in self.mid_caps
                and not c.honorifics
                and (c.i + 1 in self.model_per_starts or s.keys[c.i + 1] in firsts)
            ):
                c.i += 1

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
            if hit is not None and hit.orgs and hit.j - k >= n:
                k += 1  # "Pos Indonesia"; but "Gelora Bung Karno" is a venue, not the party
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
            # a line of names with two or more separators is a list (a team's line-up
            # "Bek: Mees Hilgers, Jay Idzes, Kevin Diks"), not a headline
            separators = sum(s.toks[p].text in ",;" for p in range(start, k))
            if (
                len(words_) >= 4
                and not listed
                and separators < 2
                and s.toks[k - 1].text not in '.!?:"”'
                and sum(s.toks[p].is_cap for p in words_) >= 0.85 * len(words_)
            ):
                for p in range(start, k):
                    self.blocked[p] = True
            start = k

    # -- resolution ----------------------------------------------------------------------

    def _add_model(self) -> None:
        s = self.s
        d = s.d
        counts: dict[str, dict[str, int]] = self.votes_of
        for i, j, label in self.model_spans:
            tally = counts.setdefault(s.fold_span(i, j), {})
            tally[label] = tally.get(label, 0) + 1
        self.votes = {
            text: max(t, key=lambda lab: (t[lab], lab == PER)) for text, t in counts.items()
        }
        for c in self.cands:  # the shortest rule organisation starting at each token
            if c.label == ORG and c.j < self.rule_org_ends.get(c.i, s.n + 1):
                self.rule_org_ends[c.i] = c.j
        rule_people = {c.i for c in self.cands if c.label == PER}
        unsure: list[tuple[int, int]] = []  # model organisations without evidence of their own
        for i, j, label in self.model_spans:
            if any(self.blocked[p] for p in range(i, j)):
                continue
            i, j, hons = self._clean_model(i, j, label)
            if (
                j - i >= 2
                and s.sent_start[i]
                and i + 1 in rule_people
                and s.keys[i] not in self.mid_caps
            ):
                i += 1  # "Sepengetahuan Pinkan Mambo": a sentence's first word, then a person
            if j <= i:
                continue
            hit = s.gaz_at(i)
            if label != PER and j - i == 1 and (i, j) in self.listed and hit is None:
                continue  # "Hosa, Odot, Acon, Dai": a name in a list of people
            if hit is not None and hit.j == j:
                # a team's short form that is also a town or a word is the team only about
                # sport, whatever the model says ("berlibur ke Bournemouth", "Magic Mike")
                if (
                    hit.orgs
                    and label != PER
                    and ((label == ORG and not sport_only(hit)) or reads_as_org(s, i, hit))
                ):
                    self.cands.append(Cand(i, j, ORG, T_MODEL, org=hit.orgs[0], src="model"))
                    continue
                if hit.orgs and not hit.places and sport_only(hit):
                    continue
                if hit.places:
                    if place_word_ok(s, i, j):
                        self.cands.append(
                            Cand(
                                i,
                                j,
                                LOC,
                                T_MODEL,
                                places=hit.places,
                                district_ok=True,
                                src="model",
                            )
                        )
                    continue
            known = label == PER and j - i == 1 and known_person(s.toks[i].text)
            if (
                j - i == 1
                and s.sent_start[i]
                and s.keys[i] not in self.mid_caps
                and not known
                and not self._opens_sentences_as_person(i, label)
            ):
                continue  # one capitalised word opening a sentence, never seen elsewhere: too weak
            if j - i == 1 and s.toks[i].is_upper and label == LOC and s.keys[i] not in self.defined:
                continue  # an unknown bare acronym as a place: as often a term (MLS, SUV)
            if j - i == 1 and s.keys[i] in d.common_words:
                continue
            if fold(s.span_text(i, j)) in self.terms and not (
                label == PER and fold(s.span_text(i, j)) in self.nicknamed and s.name_run(i) >= j
            ):
                continue  # a term the text defines, unless a personal name: "Joko Widodo (Jokowi)"
            if (
                label == PER
                and j - i == 1
                and self._tagged_once(i, j)
                and not _paired(s, i, j)
                and not known
                and not self._person_context(i, j)
            ):
                continue  # a lone one-word "person" named once by the model: often a term
            if label == PER and self._not_person(i, j):
                continue
            if label == PER:
                end, degrees = s.degrees_at(j)
                self.cands.append(
                    Cand(i, j, PER, T_MODEL, honorifics=hons, degrees=degrees, src="model")
                )
            elif label == ORG:
                if self._org_evidence(i, j):
                    self.cands.append(Cand(i, j, ORG, T_MODEL, src="model"))
                else:
                    unsure.append((i, j))
            elif (
                place_word_ok(s, i, j)
                and not venue_tail(s, j - 1)
                and not (j - i == 1 and len(s.toks[i].text) <= 2 and not s.toks[i].is_upper)
                and not (i > 0 and s.keys[i - 1] in words("thing_before_place"))
            ):
                # a two-letter word no gazetteer holds is no place ("kata Alonso di As",
                # "Kartu As"); a country's code in capitals ("di AS") is the gazetteer's;
                # nor a name after a noun of a kind of thing ("indeks Kosdaq")
                self.cands.append(Cand(i, j, LOC, T_MODEL, district_ok=True, src="model"))
        self._listed_orgs(unsure)

    def _listed_orgs(self, unsure: list[tuple[int, int]]) -> None:
        """Take model organisations listed beside a sure one: "Flamengo, LAFC, dan Esperance".

        Items of one list are of one kind: a model ORG span without evidence of its own is
        an organisation when a list ("A, B, dan C": commas and a conjunction, "dan", "serta",
        "&", "atau") holds it and an organisation the rules, the gazetteers or the model with
        evidence found; a comma alone may open an apposition ("Komisioner X, Natalie
        Pawlik"). Each walk reads at most ``_LIST_ITEMS`` items each way, so the pass stays
        linear.
        """
        if not unsure:
            return
        s = self.s
        sure = {c.i: c.j for c in self.cands if c.label == ORG}
        sure_back = {c.j: c.i for c in self.cands if c.label == ORG}
        ahead = dict(unsure)
        back = {j: i for i, j in unsure}

        def chain(
            p: int,
            move: Callable[[Scan, int], int | None],
            sure_at: dict[int, int],
            unsure_at: dict[int, int],
            sep_end: Callable[[int, int], int],
        ) -> tuple[bool, bool]:
            """Walk one way along a list from ``p``: (a sure item met, a conjunction met)."""
            found = joined = False
            for _ in range(_LIST_ITEMS):
                q = move(s, p)
                if q is None or (q not in sure_at and q not in unsure_at):
                    break
                joined = joined or s.keys[sep_end(p, q)] != ","
                found = found or q in sure_at
                p = sure_at[q] if q in sure_at else unsure_at[q]
            return found, joined

        def walk(i: int, j: int) -> bool:
            right = chain(j, _after_separator, sure, ahead, lambda p, q: q - 1)
            left = chain(i, _before_separator, sure_back, back, lambda p, q: p - 1)
            # a list ends with "dan": one comma alone is an apposition
            return (right[0] or left[0]) and (right[1] or left[1])

        for i, j in unsure:
            if walk(i, j):
                self.cands.append(Cand(i, j, ORG, T_MODEL, src="model"))

    def _person_context(self, i: int, j: int) -> bool:
        """The words around a one-word name read as a person's: a name the model tags once.

        A word before it that only a person follows ("kepada Avis", "milik Sugianto",
        "sapaan Igun", "putra sulungnya, Rafathar", "kata Maidi"), a verb or predicate after
        it ("Tiffany mewakili", "Greta bukan"), or another person joined to it by "dan",
        "atau" or "sebagai" ("Rodhi dan Maidi", "Andri Mashadi sebagai Bisma").
        """
        s = self.s
        k = i - 1
        if k > 0 and s.toks[k].text == "," and s.keys[k - 1] in words("name_cue"):
            k -= 1  # "putra sulungnya, Rafathar"
        if k >= 0 and not s.hard[i] and not s.sent_start[i]:
            if s.toks[k].is_lower and (
                s.keys[k] in words("person_before")
                or s.keys[k] in words("name_cue")
                or s.keys[k] in words("speech_before")
            ):
                return True
            if s.keys[k] in _JOINED_NAMES and k > 0 and k in self._people_edges()[1]:
                return True
        if j < s.n and s.toks[j].is_lower and not s.hard[j]:
            nxt = s.keys[j]
            if nxt in words("speech_after") or nxt in _PERSON_PREDICATES or _ACTIVE_VERB.match(nxt):
                return True
            if nxt in ("dan", "atau") and j + 1 in self._people_edges()[0]:
                return True
        return False

    def _split_joined_names(self) -> None:
        """Cut a long run of names the scraper joined into the names the article knows.

        A list written one name a line ("Marc Marquez / Alex Marquez / Franco Morbidelli")
        loses its line breaks and reads as one capitalised run; the rules and the model take
        it for one person. A person span of four words or more is cut into the two- and
        three-word names the text gives elsewhere (another person span outside it) or a
        list knows; the words between two known names make a name of their own when there
        are at least two of them. Nothing is cut unless two known names are found in it.
        When the lines were joined with nothing between them, each capital glued to the word
        before it starts a name ("Marc MarquezAlex Marquez"): cut there when at most one part
        is a lone word.
        """
        s = self.s
        people = [c for c in self.cands if c.label == PER]
        long = [c for c in people if c.j - c.i >= 4]
        if not long:
            return
        known: set[tuple[str, ...]] = set()
        for c in people:
            if 2 <= c.j - c.i <= 3:
                known.add(tuple(s.keys[c.i : c.j]))
        for i, j, label in self.model_spans:
            if label == PER and 2 <= j - i <= 3:
                known.add(tuple(s.keys[i:j]))
        out: list[Cand] = []
        for c in long:
            if any(not s.is_title(p) for p in range(c.i, c.j)):
                continue
            # a capital glued to the word before it is where a line ended ("MarquezAlex")
            glued = [p for p in range(c.i + 1, c.j) if not s.toks[p].space_before]
            if glued:
                bounds = [c.i, *glued, c.j]
                parts = list(zip(bounds, bounds[1:], strict=False))
                names = [(a, b) for a, b in parts if b - a >= 2]
                if len(names) >= 2 and len(names) >= len(parts) - 1:
                    c.j = c.i  # a lone word at an edge is a name the span cut in two: dropped
                    out += [Cand(a, b, PER, c.tier, src=c.src) for a, b in names]
                continue
            pieces: list[tuple[int, int, bool]] = []
            p = c.i
            while p < c.j:
                size = next(
                    (
                        n
                        for n in (3, 2)
                        if p + n <= c.j
                        and (
                            (tuple(s.keys[p : p + n]) in known and (p, p + n) != (c.i, c.j))
                            or known_person(s.span_text(p, p + n))
                        )
                    ),
                    0,
                )
                if size:
                    pieces.append((p, p + size, True))
                    p += size
                elif pieces and not pieces[-1][2]:
                    pieces[-1] = (pieces[-1][0], p + 1, False)
                    p += 1
                else:
                    pieces.append((p, p + 1, False))
                    p += 1
            if sum(1 for _, _, sure in pieces if sure) < 2:
                continue
            c.j = c.i  # dropped below; its pieces take its place
            for a, b, sure in pieces:
                if sure or b - a >= 2:
                    out.append(Cand(a, b, PER, c.tier, src=c.src))
        if out:
            self.cands[:] = [c for c in self.cands if c.j > c.i] + out

    def _opens_sentences_as_person(self, i: int, label: str) -> bool:
        """A word the model reads as a person at the start of several sentences, no common word.

        A story about a character or a player opens one sentence after another with the bare
        name ("Cantika melangkah …", "Cantika terkejut …"); a common word the model happens
        to tag at a sentence's start is in the corpus's lower-case words (the gazetteers'
        common words are dropped right after, whatever this says), and a short form in
        capitals is as often a team's or a body's ("PJ menutup kuarter …").
        """
        s = self.s
        return (
            label == PER
            and not s.toks[i].is_upper
            and self.votes_of.get(s.keys[i], {}).get(PER, 0) >= 2
            and s.keys[i] not in s.d.corpus_words
        )

    def _tagged_once(self, i: int, j: int) -> bool:
        """The model tags the words of ``[i, j)`` at most once in the text, whatever the label."""
        return sum(self.votes_of.get(self.s.fold_span(i, j), {}).values()) < 2

    def _people_edges(self) -> tuple[set[int], set[int]]:
        """Where people start and end: rule people, and model people but lone names.

        A one-word name the model tags once vouches for nobody ("Bintara, Tamtama dan Akpol").
        """
        if self.people_edges is None:
            spans = [(c.i, c.j) for c in self.cands if c.label == PER] + [
                (i, j)
                for i, j, label in self.model_spans
                if label == PER and (j - i > 1 or not self._tagged_once(i, j))
            ]
            self.people_edges = ({i for i, _ in spans}, {j for _, j in spans})
        return self.people_edges

    def _model_names_over_rules(self) -> None:
        """A model ORG span that holds one shorter rule organisation is the whole name.

        The rules find an organisation by its head ("Polsek Kutalimbaru", "PT KPI",
        "School of Finance"); the model reads the words around it that belong to the same
        name ("Unit Reskrim Polsek Kutalimbaru", "PT KPI RU VI Balongan", "Wharton School of
        Finance"). Such a span competes with the rules' hits on length, unless it runs over
        a person a rule found, a rank ("Polres Pasuruan Iptu Joko") or a sentence end, starts
        with a word the text also writes in lower case ("Perwakilan SMAN 1 Bandung"), or
        holds two organisations the rules tell apart ("Polsek Rupit Polres Muratara").
        """
        s = self.s
        by_start: dict[int, list[Cand]] = {}
        places: dict[int, list[Cand]] = {}
        in_person = [False] * s.n
        for c in self.cands:
            if c.label == ORG and c.tier < T_MODEL:
                by_start.setdefault(c.i, []).append(c)
            elif c.label == LOC and c.tier < T_MODEL:
                places.setdefault(c.i, []).append(c)
            elif c.label == PER and c.tier < T_MODEL:
                for p in range(c.i, c.j):
                    in_person[p] = True
        gaz_at: dict[int, list[Cand]] = {}
        for c in self.cands:
            if c.tier == T_GAZ and c.label != PER:
                gaz_at.setdefault(c.i, []).append(c)
        for c in self.cands:
            if c.label == LOC and c.tier == T_MODEL:
                self._model_place_over_gazetteer(c, places)
                continue
            if c.label == PER and c.tier == T_MODEL and c.j - c.i >= 2:
                self._model_person_over_gazetteer(c, gaz_at)
                continue
            if c.label != ORG or c.tier != T_MODEL or any(in_person[p] for p in range(c.i, c.j)):
                continue
            inner = [
                r
                for p in range(c.i, c.j)
                for r in by_start.get(p, ())
                if r.j <= c.j and r.j - r.i < c.j - c.i
            ]
            outer = {(r.i, r.j) for r in inner if not any(_holds(x, r) for x in inner)}
            if not outer:
                self._model_org_over_places(c, places)
                continue
            if len(outer) != 1:
                continue
            ((a, b),) = outer
            extra = [*range(c.i, a), *range(b, c.j)]
            if any(s.sent_start[p] or s.hard[p] or s.honorifics_at(p)[2] for p in extra if p > c.i):
                continue
            if any(s.keys[p] in self.lower_words for p in range(c.i, a)) or any(
                s.keys[p] in s.d.not_entities for p in extra
            ):
                continue  # a word never in a name (not_entities.txt): "YouTube Trans TV"
            c.tier = min(r.tier for r in inner)
            if a == c.i and s.fold_span(b, c.j) in COUNTRY_SUFFIX:
                # "Kementerian Kesehatan Indonesia" is the gazetteer's Kementerian Kesehatan
                c.org = next((r.org for r in inner if (r.i, r.j) == (a, b) and r.org), None)

    def _model_place_over_gazetteer(self, c: Cand, places: dict[int, list[Cand]]) -> None:
        """A model LOC span that reads on past a gazetteer place is a longer place's name.

        "Papua Niugini", "Mediterania Timur", "Tegal Angus" (a village), "Batang Pele": the
        gazetteer knows the first word as a place, the model reads the whole name. The span
        competes with the gazetteer hit on length when it starts with it and the words after
        it are capitalised words of the same sentence that name no place, person rank or
        common word of their own ("Bandung Jawa Barat" stays two places; "Cirebon Kota" is
        Cirebon and a head word), a compass word aside ("Mediterania Timur"), nor an acronym
        ("Cirebon TV") or a word glued to the next by the scraper ("Jawa Baratagar").
        """
        s = self.s
        inner = [r for r in places.get(c.i, ()) if r.tier == T_GAZ and r.j < c.j]
        if len(inner) != 1:
            return
        extra = range(inner[0].j, c.j)
        if all(
            s.toks[p].is_cap
            and not s.toks[p].is_upper  # "China PR", "Cirebon TV"
            and not _glued_word(s.keys[p], s.d.corpus_words)
            and not s.sent_start[p]
            and not s.hard[p]
            and s.gaz_at(p) is None
            and s.keys[p] not in s.d.not_entities
            and (
                s.keys[p] in _COMPASS
                or (s.keys[p] not in self.lower_words and s.keys[p] not in s.d.corpus_words)
            )
            and not s.phrase_at(p, PLACE_HEAD)
            and not s.org_head_at(p)[0]
            and not s.honorifics_at(p)[2]
            for p in extra
        ):
            c.tier = T_GAZ

    def _model_person_over_gazetteer(self, c: Cand, gaz_at: dict[int, list[Cand]]) -> None:
        """A model PER span around one word a list knows is a person ("Junnosuke Suzuki").

        Surnames are also brands, clubs, countries and towns ("Suzuki", "Heather Hamilton",
        "Keisuke Honda"). The span competes with the gazetteer hit on length when the hit is
        one word, not the first ("Minnesota Terry Sandven", "Ford Ranger") nor in capitals
        ("Lisa BLACKPINK"), and every other word is capitalised, of the same sentence and
        line, and no place, organisation, head, role or common word of its own.
        """
        s = self.s
        inner = [r for p in range(c.i, c.j) for r in gaz_at.get(p, ()) if r.j <= c.j]
        if len(inner) != 1 or inner[0].j - inner[0].i != 1:
            return
        hit = inner[0].i
        if hit == c.i or s.toks[hit].is_upper:
            return  # a place or maker before a name ("Minnesota Terry Sandven", "Ford Ranger")
        for p in range(c.i, c.j):
            if p == hit:
                continue
            key = s.keys[p]
            if not (
                s.toks[p].is_cap
                and s.toks[p].is_word
                and not s.toks[p].is_upper
                and not (p > c.i and (s.sent_start[p] or s.hard[p]))
                and s.gaz_at(p) is None
                and key not in s.d.corpus_words
                and key not in self.lower_words
                and key not in s.d.not_entities
                and not s.org_head_at(p)[0]
                and not s.phrase_at(p, PLACE_HEAD)
                and not s.role_head_at(p)
            ):
                return
        c.tier = inner[0].tier

    def _model_org_over_places(self, c: Cand, places: dict[int, list[Cand]]) -> None:
        """A model ORG span around a place is an organisation named after it ("Imigrasi Batam").

        Places inside an organisation's name are not listed by themselves (flat names), so the
        span competes with the place on length. Not when a place runs across its edge, nor
        over a sentence end or a rank.
        """
        s = self.s
        inner: list[Cand] = []
        for p in range(max(0, c.i - 4), c.j):
            for r in places.get(p, ()):
                if r.i < c.i < r.j or r.i < c.j < r.j:
                    return  # a place across the edge: "Kota Batam" / "Imigrasi Kota"
                if c.i <= r.i and r.j <= c.j and r.j - r.i < c.j - c.i:
                    inner.append(r)
        if not inner or any(
            s.sent_start[p] or s.hard[p] or s.honorifics_at(p)[2] for p in range(c.i + 1, c.j)
        ):
            return
        c.tier = min(r.tier for r in inner)

    def _not_person(self, i: int, j: int) -> bool:
        """A model PER span that names a thing: "Nasdaq Composite", "Kapal Dewi Iriana 3".

        Its last word closes the name of a thing (``not_person_heads.txt``), or a number is
        written right after it or ends it (ships, vehicles and products are numbered, people
        are not); such a name is not taken as a person anywhere in the text.
        """
        s = self.s
        last = s.toks[j - 1]
        numbered = last.text.isdigit() or (
            j < s.n
            and (s.toks[j].text.isdigit() or _PRODUCT_CODE.fullmatch(s.toks[j].text))
            and s.toks[j].space_before
            and not s.hard[j]
        )
        if numbered:
            k = j - 1 if last.text.isdigit() else j
            if k > i:
                self.numbered.add(s.fold_span(i, k))
            return True
        return j - i > 1 and s.keys[j - 1] in s.d.not_person_heads

    def _org_evidence(self, i: int, j: int) -> bool:
        """Tell whether to keep a model ORG span the rules do not know.

        It is taken when it looks like an organisation's name (an organisation word in it:
        "Sky Sport Italia" no, "Ohio State University" yes), holds an organisation the rules
        found ("SSB Mitra Surabaya"), or the model calls the same words an organisation more
        than once.
        """
        s = self.s
        if not self._tagged_once(i, j):
            return True
        if self._kind_before(i):
            return True
        if i > 1 and s.keys[i - 1] == "dari" and s.keys[i - 2] in _SOURCE_NOUNS:
            return True  # a cited source: "berdasarkan data dari Coingecko"
        org_words = _org_words()
        return any(
            s.keys[p] in org_words or self.rule_org_ends.get(p, s.n + 1) <= j for p in range(i, j)
        )

    def _kind_before(self, i: int) -> bool:
        """A noun of a kind of organisation comes before the name at ``i``.

        "maskapai Emirates", "bursa kripto CFX", "perusahaan intelijen bisnis Strategy",
        "perusahaan investasi Jepang Metaplanet": the noun, then at most two lower-case words
        and a place of origin; not "platform komunitas Weverse" (a thing's noun before it).
        """
        s = self.s
        kinds = words("org_kind_before")
        k = i - 1
        if k > 0 and not s.hard[i] and (hit := self._place_ending(k)) is not None:
            k = hit - 1  # "perusahaan investasi Jepang Metaplanet"
        for _ in range(3):
            if k <= 0 or s.hard[k + 1] or not s.toks[k].is_lower:
                return False
            if s.keys[k] in kinds:
                return s.keys[k - 1] not in words("thing_before")
            k -= 1
        return False

    def _place_ending(self, k: int) -> int | None:
        """Where a gazetteer place that ends at token ``k`` starts (one or two words)."""
        for start in (k, k - 1):
            hit = self.s.gaz_at(start) if start >= 0 else None
            if hit is not None and hit.places and hit.j == k + 1:
                return start
        return None

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
                if label != PER or i + head >= j:
                    return i, i, hons  # a role tagged as a name ("Komisaris Utama", "Kabid Humas")
                i = s.role_tail(i + head)
                continue
            h_end, found_h, found = s.honorifics_at(i)
            if found and h_end < j:
                hons += found_h
                i = h_end
                continue
            if label == PER and s.keys[i] in d.role_words and i + 1 < j:
                i += 1  # "Permukiman Fahri Hamzah": the end of a role
                continue
            break
        while j - i >= 2 and not hons and self._lead_word(i, label):
            # a common word before the name: "Lanjut Nangoi", "Skuad Garuda"; a noun of a
            # kind of thing or a source verb before an organisation: "Pesawat Saudia
            # Airlines", "Dilansir AFP"
            i += 1
            if j - i == 1 and s.toks[i].is_upper and label == PER:
                return i, i, hons  # "Sinar UV"
        if i >= j:
            return i, i, hons
        if label == PER and s.degrees_at(i)[1] and s.degrees_at(i)[0] >= j:
            return i, i, hons  # only degrees: "S.I.K"
        if label == PER and all(s.keys[p] in d.rank_words or not s.keys[p] for p in range(i, j)):
            return i, i, hons  # only a rank: "Kombes", "Pol"
        if label != ORG and all(s.keys[p] in d.role_words or not s.keys[p] for p in range(i, j)):
            return i, i, hons  # only words of a role or unit: "Jatanras", "Humas"
        first = s.toks[i]
        if not (
            first.is_cap or first.text[0].isdigit() or any(c.isupper() for c in first.text[1:])
        ):
            return i, i, hons  # lowercase: "adanya hazard", "gigi"
        if s.phrase_at(i, FACILITY) and first.is_cap:
            return i, i, hons
        j = self._cut_glued(i, j, label)
        particles = words("name_particles") | words("role_connectors")
        if label == PER:
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
        if label != PER and j - i >= 2 and s.keys[j - 1] in _TIME_WORDS:
            j -= 1  # the year after a name: "RUPTL PT PLN (Persero) Tahun 2025-2034"
        if j > i and (s.fold_span(i, j) in d.not_entities):
            return i, i, hons
        if label == PER and j > i:
            i, j = self._widen_name(i, j)
        return i, j, hons

    def _lead_word(self, i: int, label: str) -> bool:
        """The word at ``i`` opens a model span but is no part of the name."""
        s = self.s
        key = s.keys[i]
        if label == PER:
            return key in s.d.corpus_words and (s.sent_start[i] or key in self.lower_words)
        if label == ORG and s.toks[i].is_cap and not s.org_head_at(i)[0]:
            return key in words("source_before") or key in words("thing_before")
        return False

    def _cut_glued(self, i: int, j: int, label: str) -> int:
        """Where a model span stops being a name (``j`` if it does not).

        At the first lower-case word that is not a name particle ("Alyssa siraman";
        "Marquez dan Bagnaia" is two people), or a number or letter glued on.
        """
        s = self.s
        particles = person_particles()
        if label != PER:  # "Pekerjaan Umum dan Perumahan"; a person's name has no "dan"
            particles = words("name_particles") | words("role_connectors")
        for p in range(i + 1, j):
            t = s.toks[p]
            if t.is_word and t.is_lower and s.keys[p] not in particles:
                return p
            if t.is_word and t.text[0].isdigit() and not t.space_before:
                return p  # a list number glued on: "(Persero)13"
            if len(t.text) == 1 and t.is_cap and not t.space_before and s.toks[p - 1].is_word:
                return p  # an option letter glued on: "Yesus KristusC. AllahD."
            if t.text == "," and p + 1 < j and not s.toks[p + 1].space_before:
                return p  # a list whose space the scraper lost: "Timnas U-17,Evandra Florasta"
        return j

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
            and s.keys[i - 1] not in self.lower_words  # "acara Ngunduh Mantu" / "ngunduh mantu"
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

    def _resolve(self) -> list[Cand]:
        taken = [False] * self.s.n
        accepted: list[Cand] = []
        order = sorted(self.cands, key=lambda c: (c.tier, -(c.j - c.i), c.i))
        for c in order:
            if c.link is not None:
                continue
            if any(taken[p] for p in range(c.i, c.j)):
                continue
            if (
                c.label == LOC
                and not c.district_ok
                and c.places
                and all(e.kind == "district" for e in c.places)
            ):
                if not self._district_context(c.i, c.j):
                    continue
            for p in range(c.i, c.j):
                taken[p] = True
            accepted.append(c)
        same = {(c.i, c.j): c for c in accepted if c.label == PER}
        for c in self.cands:  # linked names ("FBN alias Feri Marbun") ride along
            if c.link is None:
                continue
            if not any(taken[p] for p in range(c.i, c.j)):
                accepted.append(c)
            elif (c.i, c.j) in same:
                same[c.i, c.j].link = c.link  # the model found the alias too ("alias Jack")
        accepted.sort(key=lambda c: c.i)
        return accepted

    def _evidence(self, c: Cand) -> set[str]:
        """What produced an accepted mention: model, gazetteer, rule, alias, acronym.

        ``model`` when the model tagged it, or tagged a span over it with the same label;
        ``gazetteer`` when an organisation or place list holds it; ``acronym`` when an
        acronym definition of the text gave it; ``alias`` when the text links it to
        another name of the person (``alias``, ``atau``, a bracket); ``rule`` when a rule
        found it (a head word, a role, an honorific, a cue, a list of names, a later bare
        mention of a name a rule found).
        """
        out: set[str] = set()
        if c.src == "model" or any(self.model_label.get(p) == c.label for p in range(c.i, c.j)):
            out.add("model")
        if c.org is not None or c.places:
            out.add("gazetteer")
        if c.acronym:
            out.add("acronym")
        if c.link is not None and c.src != "known":
            out.add("alias")
        if c.src not in ("model", "acronym") and (c.tier != T_GAZ or c.src == "known"):
            out.add("rule")
        return out

    def _retype_people(self, accepted: list[Cand]) -> None:
        """A model ORG/LOC span that names a person found elsewhere is that person ("El Rumi").

        Not when the model tags that text at least twice, never as a person, and it is not
        written in capitals: a company a speech rule took for a speaker ("Nintendo
        mengatakan") stays a company.
        """
        s = self.s
        names = [
            [s.keys[p] for p in range(c.i, c.j) if s.keys[p]] for c in accepted if c.label == PER
        ]
        # last words of the full names of the text: "Inzaghi" of "Simone Inzaghi"
        surnames = {n[-1] for n in names if len(n) >= 2}
        for c in accepted:
            if c.tier != T_MODEL or c.label == PER or c.org is not None or c.places:
                continue
            tags = self.votes_of.get(s.fold_span(c.i, c.j), {})
            if (
                not tags.get(PER)
                and sum(tags.values()) >= 2
                and not s.toks[c.i].is_upper
                and not (c.j - c.i == 1 and s.keys[c.i] in surnames)
            ):
                # the model reads it twice as no person ("Nintendo"); initials ("SNZ (23)")
                # stay a person whatever the model says, and so does the surname of a full
                # name of the text ("Simone Inzaghi" ... "Inzaghi dan Inter sepakat")
                continue
            toks = [s.keys[p] for p in range(c.i, c.j) if s.keys[p]]
            if any(
                same_person(toks, n) or (len(n) >= 2 and same_person(n, toks)) for n in names if n
            ):
                c.label = PER

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
        if not p.honorifics and self._named_thing(p, words("product_before")):
            return False  # "mobil Gran Max", even when "sopir Gran Max" gave it a role
        if " " not in key and not p.honorifics and not p.roles and self._named_thing(p):
            return False  # "kapal Madleen", "kapal bernama Madleen"
        if key in s.d.not_people or key in s.d.not_entities:
            return False  # a religion, a generation, a series: "Islam", "Gen Z", "Formula One"
        if " " not in key and "news" in key[1:]:
            return False  # an outlet's one-word name: "Carnewschina", "Antaranews"
        if key.rsplit(" ", 1)[-1] in s.d.not_person_heads:
            return False  # "Nasdaq Composite", "Swansea City", and "City" alone
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
        if " " in key and all(w in s.d.corpus_words for w in key.split()):
            return False  # common words in title case: "Kendaraan Bermotor"
        if len(key) <= 2 and key not in s.d.corpus_words:
            return True  # "Oh", "Wu" ("Ya" is in not_people.txt)
        if " " not in key and not p.roles and key in self.org_words and self.votes.get(key) == ORG:
            return False  # "Garuda mengungkapkan": the short name of "PT Garuda Indonesia"
        if " " not in key and (
            key in self.lower_words or key in s.d.corpus_words or key in s.d.not_entities
        ):
            return False
        return not s.d.gazetteer.get(tuple(key.split()))  # "Polsek Medan Tembung"

    def _product_names(self) -> None:
        """One-word names the text writes before a model code ("Xpeng G6", "Jaecoo J8AWD").

        A brand or product line is numbered, a person is not: such a word is no person in
        any of its mentions ("Xpeng di Indonesia", "Jaecoo bakal ...").
        """
        s = self.s
        toks = s.toks
        for found in _CODE_AFTER_SPACE.finditer(s.text):  # usually none: no token loop
            m = bisect.bisect_left(toks, found.start(), key=lambda t: t.start)
            if not 0 < m < s.n or toks[m].start != found.start():
                continue
            k, tok, code = m - 1, toks[m - 1], toks[m].text
            if (
                tok.is_cap
                and tok.is_word
                and not tok.is_upper
                and not s.hard[m]
                and _PRODUCT_CODE.fullmatch(code)
                and not _AGE_GROUP.fullmatch(code)
            ):
                self.numbered.add(s.keys[k])

    def _named_thing(self, p: PersonHit, things: frozenset[str] | None = None) -> bool:
        """A mention comes right after a noun naming a kind of thing ("kapal [bernama] X").

        ``things`` defaults to ``thing_before``; the vehicle and device nouns of
        ``product_before`` ("mobil Gran Max") also hold for a name of several words, where a
        film or a song may be named by its maker ("film Joko Anwar"), and never before
        ``bernama`` ("pencurian sepeda motor bernama Rian": the thief).
        """
        s = self.s
        named = things is None
        things = words("thing_before") if things is None else things
        if not self.tok_at:
            self.tok_at = {t.start: k for k, t in enumerate(s.toks)}
        for start, _end in p.mentions:
            k = self.tok_at.get(start, 0) - 1
            if k > 0 and s.keys[k] == "bernama" and named:
                k -= 1
            if (
                k >= 0
                and s.keys[k] in things
                and (s.toks[k].is_lower or s.sent_start[k])
                and (s.sent_start[k] or (s.toks[k - 1].is_lower and not s.role_head_at(k - 1)))
            ):
                return True  # not the end of a role: "nakhoda kapal Budi", "Kapten kapal Budi"
        return False

    def _org_first_words(self, accepted: list[Cand]) -> frozenset[str]:
        """The first name word of every organisation of the text ("garuda" of "PT Garuda X")."""
        s = self.s
        out: set[str] = set()
        for c in accepted:
            if c.label != ORG or c.j - c.i < 2:
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

    def _cited(self) -> None:
        """Media cited after a citation verb are organisations (``_cited.py``)."""
        s = self.s
        people = self.model_per_starts | {c.i for c in self.cands if c.label == PER}
        spans = [(i, j) for i, j, label in self.model_spans if label == PER]
        spans += [(c.i, c.j) for c in self.cands if c.label == PER]
        person_words: dict[str, set[int]] = {}
        for i, j in spans:
            for p in range(i, j):
                person_words.setdefault(s.keys[p], set()).add(i)
        cited: set[tuple[int, int]] = set()
        for i, j in cited_sources(s, people, person_words):
            if any(self.blocked[p] for p in range(i, j)):
                continue
            hit = s.gaz_at(i)
            org = hit.orgs[0] if hit is not None and hit.orgs and hit.j == j else None
            self.cands.append(Cand(i, j, ORG, T_RULE, org=org, src="cited"))
            cited.add((i, j))
        # a person there was weighed against the citation and lost ("dinukil dari Sportsmole,
        # bek ..." read as an apposition)
        self.cands[:] = [c for c in self.cands if c.label != PER or (c.i, c.j) not in cited]

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
        PeopleRules(
            self.s,
            self.cands,
            self.blocked,
            self.defined,
            self.listed,
            self.model_spans,
            self.model_per_starts,
            self.model_org_spans,
        ).find()
        self._hyphenated_given_names()
        self._sentence_word_before_names()
        # an organisation's name ends where a person found by a rule begins
        self.s.per_starts = self.model_per_starts | {c.i for c in self.cands if c.label == PER}
        rules = OrgPlaceRules(self.s, self.cands, self.blocked)
        rules.orgs(definitions)
        self._cited()
        rules.places()
        self._add_model()
        self._model_names_over_rules()
        self.cands = [  # "motor Yamaha RX King": a product
            c for c in self.cands if c.label != ORG or not names_a_product(self.s, c.i, c.j)
        ]
        if not self.outlet_known:  # the article's own outlet named as the newsroom
            self.cands = [
                c for c in self.cands if c.label != ORG or not own_outlet(self.s, c.i, c.j)
            ]
        self.cands = [c for c in self.cands if not (c.label == PER and self._address(c.j))]
        self._split_joined_names()
        accepted = self._resolve()
        self._retype_people(accepted)
        epithet_roles(self.s, [c for c in accepted if c.label == PER])
        for c in accepted:
            c.evidence = self._evidence(c)
        self.org_words = self._org_first_words(accepted)
        self._product_names()
        people = [
            p
            for p in cluster_people(self.s, [c for c in accepted if c.label == PER], self.exclude)
            if self._is_person(p)
        ]
        person_words = {w for p in people for w in fold(p.name).split()}
        orgs = cluster_orgs(
            self.s, [c for c in accepted if c.label == ORG], definitions, self.exclude
        )
        places = cluster_places(
            self.s,
            [c for c in accepted if c.label == LOC],
            person_words,
            self.exclude,
            near=self.near,
        )
        return Entities(people=tuple(people), organizations=tuple(orgs), places=tuple(places))


def find_entities(
    doc: Doc,
    *,
    text: str | None = None,
    exclude_names: Sequence[str] = (),
    near: Sequence[str] = (),
    outlet_named: bool = False,
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
        outlet_named: The dateline names the article's outlet (it is in ``exclude_names``);
            when it does not, an outlet named as the newsroom (``pantauan detikcom``) is
            taken for the article's own and left out.

    Returns:
        The entities, each once, with every mention as ``(start, end)`` offsets into ``doc.text``.
    """
    return _Finder(doc, doc.text if text is None else text, exclude_names, near, outlet_named).run()


_REDUPLICATED = regex.compile(r"(\w+)-\1")
# words of a time that follow a name and open a date or a season ("Tahun 2025", "Musim 2024/25")
_TIME_WORDS = frozenset({"tahun", "periode", "musim", "edisi"})
_LIST_SEPARATORS = frozenset({",", "dan", "serta", "&", "atau"})
_LIST_ITEMS = 8  # items of a list read each way from an organisation without evidence
# what an organisation publishes: "data dari X", "laporan dari X" (a model organisation)
_SOURCE_NOUNS = frozenset({"data", "laporan", "riset", "survei", "studi", "rilis", "catatan"})


def _after_separator(s: Scan, j: int) -> int | None:
    """The token after the list separator at ``j`` (", " "dan" ", dan"), or None."""
    if j >= s.n or s.keys[j] not in _LIST_SEPARATORS or s.hard[j]:
        return None
    j += 1
    if j < s.n and s.keys[j] in _LIST_SEPARATORS and s.toks[j - 1].text == ",":
        j += 1  # ", dan"
    return j if j < s.n and not s.hard[j] else None


def _before_separator(s: Scan, i: int) -> int | None:
    """The end of the item before the list separator that ends at ``i``, or None."""
    k = i - 1
    if k < 0 or s.keys[k] not in _LIST_SEPARATORS or s.hard[i]:
        return None
    if k > 0 and s.toks[k - 1].text == "," and s.keys[k] != ",":
        k -= 1  # ", dan"
    return k if k > 0 and not s.hard[k] else None


_JOINED_NAMES = frozenset({"dan", "atau", "sebagai"})  # "Rodhi dan Maidi", "Ali sebagai Bisma"
# what follows a person who acts: "Greta bukan ...", "Tiffany mewakili", "Kkcal bertekad"
_PERSON_PREDICATES = frozenset({"bukan", "masih", "sudah", "telah", "akan", "sedang", "belum"})
_ACTIVE_VERB = regex.compile(r"(?:me[mnrlwy]?|mem|men|meng|meny|ber)\p{Ll}{3,}")
_PRODUCT_CODE = regex.compile(r"\p{Lu}{1,3}\p{Nd}{1,4}\p{L}{0,4}")  # "J8", "X5", "J8AWD"
_CODE_AFTER_SPACE = regex.compile(r"(?<=\p{L} )\p{Lu}{1,3}\p{Nd}")  # where a model code may start
_AGE_GROUP = regex.compile(r"U\p{Nd}{2}")  # "Indonesia U23": a team's age group, no model


def _hyphenated_surnames(s: Scan, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join a full name and one word the model tagged apart at a hyphen: "Trent Alexander-Arnold".

    A ticket joins two people ("Prabowo-Gibran", "Anies Baswedan-Muhaimin Iskandar"); a
    two-word name glued to one more word that the text never writes alone and that is no
    public figure of the table is one person's double surname ("Rayan Ait-Nouri").
    """
    out: list[tuple[int, int, str]] = []
    for span in spans:
        i, j, label = span
        if out and label == PER:
            a, b, prev = out[-1]
            if (
                prev == PER
                and b == i
                and b - a == 2
                and s.toks[b - 1].text == "-"
                and _joins_names(s, b - 1)
                and not _ticket(s, a, b - 1)
            ):
                out[-1] = (a, j, PER)  # "Jean-" + "Paul van Gastel": a hyphenated given name
                continue
            if (
                prev == PER
                and b + 1 == i
                and s.name_run(i) == i + 1
                and b - a >= 2
                and s.toks[b].text == "-"
                and _joins_names(s, b)
                and s.keys[i] not in _written_alone(s)
                and not known_person(s.toks[i].text)
            ):
                out[-1] = (a, j, PER)
                continue
        out.append(span)
    return out


def _written_alone(s: Scan) -> set[str]:
    """Capitalised words the text writes other than joined to another by a hyphen (cached)."""
    if s.alone is None:
        s.alone = _alone_words(s)
    return s.alone


def _alone_words(s: Scan) -> set[str]:
    return {
        s.keys[k]
        for k in range(s.n)
        if s.toks[k].is_cap
        and not (k > 0 and s.toks[k - 1].text == "-" and not s.toks[k].space_before)
        and not (k + 1 < s.n and s.toks[k + 1].text == "-" and not s.toks[k + 1].space_before)
    }


def _ticket(s: Scan, i: int, k: int) -> bool:
    """The hyphen at ``k`` of a person span from ``i`` joins two people, not a given name.

    A ticket joins two names ("Prabowo-Gibran", "Anies Baswedan-Muhaimin Iskandar"): the
    side before the hyphen is a full name of two words or more, a public figure of the
    table, or a word the text also writes on its own. A one-word unknown first half is a
    hyphenated given name ("Jean-Paul van Gastel", "Jean-Philippe Mateta").
    """
    first = [p for p in range(i, k) if s.keys[p]]
    if len(first) != 1:
        return len(first) >= 2
    word = s.toks[first[0]].text
    if known_person(word):
        return True
    return s.keys[first[0]] in _written_alone(s)  # "Bobby-Surya" ... "Bobby mengatakan"


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


# compass words end place names ("Jakarta Timur", "Asia Tenggara") though common words
_COMPASS = frozenset(("utara", "selatan", "timur", "barat", "tengah", "tenggara", "daya", "laut"))


_GLUED_TAIL = 20  # letters; no common word glued after a name is longer


def _glued_word(key: str, common: frozenset[str]) -> bool:
    """``key`` reads as a name glued to a common word ("baratagar", "serikattengah").

    A compass word with more letters after it, or a head of five letters or more before a
    common word of four or more ("Niugini", "Prapat", "Takzim" are names).
    """
    if key not in _COMPASS and any(key.startswith(c) for c in _COMPASS):
        return True
    # tails of at most _GLUED_TAIL letters: linear in the word's length
    first = max(5, len(key) - _GLUED_TAIL)
    return any(key[cut:] in common for cut in range(first, len(key) - 3))


def _holds(outer: Cand, inner: Cand) -> bool:
    """``outer`` covers more tokens than ``inner``, ``inner``'s among them."""
    return outer.i <= inner.i and inner.j <= outer.j and outer.j - outer.i > inner.j - inner.i


def _paired(s: Scan, i: int, j: int) -> bool:
    """The name over ``[i, j)`` is one half of a hyphenated pair ("Ganjar-Mahfud")."""
    return (i > 0 and s.toks[i - 1].text == "-" and _joins_names(s, i - 1)) or (
        j < s.n and s.toks[j].text == "-" and _joins_names(s, j)
    )
