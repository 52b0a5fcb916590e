"""Find direct and indirect quotes in an article body and tell who said them.

Attribution is one algorithm in two passes (``docs/extractors.md``, "Quotes"):

1. Reading, sentence by sentence (:mod:`.sentence`, :mod:`.names`): each quote's cue gets
   its speaker phrase — after an ``after`` cue (``kata X``, ``ujar X, warga setempat``),
   after a leading cue up to the comma (``Menurut X,``), or the subject of a reporting verb
   (``X menuturkan bahwa``; ``…, dan mengaku`` shares the subject before). The phrase reads
   as a name, a pronoun (``ujarnya``), a social-media account (``@akun``), an unnamed
   speaker (``seorang warga``, ``warganet``) or a plural. The discourse is kept as events:
   people named as *speakers* (a cue next to the name, the subject of a reporting clause),
   unnamed speakers, and apart the subjects of sentences that report nothing.
2. Resolving, quote by quote (:meth:`_Article.resolve`): a name is the speaker (the entity
   mention it lies in; a short form becomes the one full name of the article that has all
   its words, and stays as written when two people share it) — ``named``; an account is
   the speaker as written, an unnamed speaker gives ``None``; a pronoun goes to the last
   speaker, not to the last name, and stops at an unnamed speaker; a subject that reports
   nothing counts only when nobody spoke before (:func:`_back`) — ``pronoun``; a quotation
   without a cue continues the previous quote's turn unless someone else was named between
   — ``carried``; otherwise ``None`` — ``none``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from beritakit.extractors.quotes._words import (
    Draft,
    Shared,
    abbreviation_dot,
    headline,
    is_word,
    verbish,
)
from beritakit.extractors.quotes.lexicon import Lexicon, lexicon
from beritakit.extractors.quotes.names import (
    Evidence,
    Named,
    PhraseReading,
    read_phrase,
    split_glued,
)
from beritakit.extractors.quotes.sentence import SentenceReader
from beritakit.extractors.quotes.text import Layout, Tok, find_quoted, sentence_spans

__all__ = ["PersonRef", "QuoteHit", "find_quotes"]

_MIN_SPEECH_WORDS = 3  # a quotation without a cue needs this many words to count as speech
_LONG_SPEECH_WORDS = 8  # ... or this many when it stands inside a sentence
_DUPLICATE_KEY = 80  # characters of a quote's start that identify a repeated one
_ROLE_SEARCHES = 6  # earlier mentions of a bare role ("Wali Kota") tried for its holder
_ROLE_REACH = 80  # characters after such a mention read for the holder's name
MAX_TEXT = 100_000  # characters searched for quotes (twenty long articles)
_MIN_SENTENCE = 8  # characters; a shorter line holds neither a quote nor a subject
_MAX_SENTENCE = 3000  # characters; a longer stretch without a sentence end is not prose
_MAX_CANDIDATES = 8  # full names a short form may stand for; more is ambiguous anyway
# a verb glued onto a capitalised name: "Thohirmenyatakan", "Ramosberharap" (bounded scan)
_GLUED_VERB = regex.compile(r"^\p{Lu}\p{Ll}{3,40}?((?:me|ber)\p{Ll}{4,20})$")


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person (or organisation) the entity extractor found, with every mention's offsets."""

    name: str
    mentions: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quote: what was said, the cue that reports it and who said it.

    Attributes:
        kind: ``direct`` (inside quotation marks) or ``indirect`` (reported with a cue).
        text: The content, without quotation marks.
        start: Start of the content in the text.
        end: End of the content in the text.
        cue: The reporting word as written (``ujarnya``, ``kata``, ``Menurutnya`` …).
        cue_start: Start of the cue, or ``None``.
        cue_end: End of the cue, or ``None``.
        speaker: The canonical name from ``people``/``organizations`` when resolved, else
            the name as written next to the cue (roles, ranks and degrees stripped).
        speaker_start: Where the speaker is named for this quote (``None`` when resolved
            through a pronoun or when unknown).
        speaker_end: End of that name.
        evidence: How the speaker was told: ``named``, ``pronoun``, ``carried`` or ``none``
            (see the module's description of the algorithm).
    """

    kind: str
    text: str
    start: int
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    evidence: str = "none"


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A speaker: canonical (or written) name and where this quote names them."""

    name: str
    start: int | None
    end: int | None
    org: bool = False


# where a name was given, who it is, and whether they spoke there (else: only the subject)
_Event = tuple[int, _Resolved, bool]
# a speaker the text does not name ("seorang warga", "warganet", "@akun")
_NOBODY_SPOKE = _Resolved("", None, None)
_NOBODY = frozenset({"unnamed", "account"})


class _Entities:
    """The people and organisations the caller passed, indexed by mention offsets."""

    def __init__(self, people: Sequence[PersonRef], organizations: Sequence[PersonRef]) -> None:
        rows: list[tuple[int, int, str, bool]] = []
        for group, is_org in ((people, False), (organizations, True)):
            for ref in group:
                rows.extend((s, e, ref.name, is_org) for s, e in ref.mentions if e > s)
        rows.sort()
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.people = [p.name for p in people]
        self.orgs = [o.name for o in organizations]

    def __bool__(self) -> bool:
        return bool(self.people or self.orgs)

    def inside(self, start: int, end: int) -> tuple[int, int, str, bool] | None:
        """Return the last mention lying within ``[start, end)``, preferring people."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        found = [r for r in self.rows[lo:hi] if r[1] <= end]
        persons = [r for r in found if not r[3]]
        if persons:
            return persons[-1]
        return found[-1] if found else None

    def canonical(self, written: str, is_org: bool) -> str | None:
        """Map a name as written ("Najib") to a canonical name ("Akhmad Najib")."""
        key = written.casefold().replace(".", "")
        words = set(key.split())
        if not words:
            return None
        pools = (self.orgs, self.people) if is_org else (self.people, self.orgs)
        for pool in pools:
            for name in pool:
                if name.casefold().replace(".", "") == key:
                    return name
            hits = [n for n in pool if words <= set(n.casefold().replace(".", "").split())]
            if len(hits) == 1:
                return hits[0]
        return None


def _split_glued_verbs(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Split a reporting verb a scraper glued onto a name: "Santosomengaku" → "Santoso mengaku".

    Only a verb of the cue lexicon with a ``me-``/``ber-`` prefix, after a capitalised head
    of four or more letters written in lower case after its capital ("Thohirmenyatakan";
    not "PDIP", not a word the lexicon knows).
    """
    out: list[Tok] = []
    for t in toks:
        m = None if t.is_quote or not t.capital else _GLUED_VERB.search(t.text)
        if m is None or t.folded in lex.verbs or m.group(1) not in lex.verbs:
            out.append(t)
            continue
        cut = t.start + m.start(1)
        out += [Tok(t.text[: m.start(1)], t.start, cut), Tok(m.group(1), cut, t.end)]
    return out


def _evidence(all_toks: list[list[Tok]], lex: Lexicon) -> Evidence:
    """Collect what the article shows about its capitalised words (see :class:`Evidence`)."""
    inside: set[str] = set()
    starts: set[str] = set()
    places: set[str] = set()
    for toks in all_toks:
        glued = split_glued(toks)
        title_case = headline(glued)  # a headline says nothing about which words are names
        for k, t in enumerate(glued):
            if not t.capital or t.is_quote:
                continue
            prev = glued[k - 1] if k else None
            nxt = glued[k + 1] if k + 1 < len(glued) else None
            if prev is not None and not prev.is_quote:
                if not title_case:
                    inside.add(t.text)
                if prev.folded in lex.place_cues:
                    places.add(t.text)
                if (
                    prev.folded in lex.after
                    or prev.folded in lex.lead
                    or prev.text.replace(".", "") in lex.honorifics
                ):
                    starts.add(t.text)  # "ujar Tony", "H. Iman"
            opens = (
                prev is None
                or prev.is_quote
                or prev.text == ","
                or (not prev.capital and prev.folded in lex.function_words)
            )
            if (
                opens
                and nxt is not None
                and nxt.text[:1].islower()
                and (verbish(nxt.folded) or nxt.folded in lex.adverbs)
                and t.folded not in lex.function_words
                and t.folded not in lex.roles
                and t.folded not in lex.org_words
            ):
                starts.add(t.text)  # "Edy berharap", "Meski demikian Hasudungan tak …"
    return Evidence(frozenset(inside), frozenset(starts), frozenset(places - starts))


class _Article:
    """One article's analysis: sentences in order, then speakers resolved."""

    def __init__(
        self, text: str, people: Sequence[PersonRef], organizations: Sequence[PersonRef]
    ) -> None:
        self.text = text
        self.lex = lexicon()
        self.layout = Layout(text, find_quoted(text))
        # a "sentence" longer than any real one is not prose (a table, a list, garbage)
        self.sentences = [
            _split_glued_verbs(self.layout.tokens(s, e), self.lex)
            for s, e in sentence_spans(text, self.layout.quoted)
            if _MIN_SENTENCE <= e - s <= _MAX_SENTENCE
        ]
        self.shared = Shared(text, self.lex, self.layout, _evidence(self.sentences, self.lex))
        self.entities = _Entities(people, organizations)
        self.drafts: list[Draft] = []
        # where a person (or organisation) was named as a speaker or a subject
        self.events: list[_Event] = []
        self.holders: dict[str, _Resolved | None] = {}  # role text -> its holder
        # the people's full names the article gives (entities, speaker and subject
        # phrases), as word sets: what a short form ("Budi", "Ari S") may stand for
        self.pool: dict[str, frozenset[str]] = {}
        # word (and "initial" key "x.") -> the full names having it: lookups stay linear
        self.by_word: dict[str, list[str]] = {}
        for person in people:
            # the canonical name, then each mention as written (the linker may have
            # joined "Budi Santoso" to "Budi Hartono": the text still says which)
            forms = [person.name, *(text[s:e] for s, e in person.mentions if 0 <= s < e)]
            for form in forms:
                form = " ".join(form.split())
                words = frozenset(_words(form))
                if len(words) >= 2 and form[:1].isupper():
                    self.pool_add(form, words)

    def run(self) -> list[QuoteHit]:
        for toks in self.sentences:
            if toks:
                self.sentence(SentenceReader(self.shared, toks))
        return self.resolve()

    def sentence(self, sent: SentenceReader) -> None:
        """Find the sentence's quotes; remember who it names for later pronouns."""
        toks = sent.toks
        directs: list[tuple[int, Draft]] = []
        for k, t in enumerate(toks):
            q = self.layout.quote_at(t.start) if t.is_quote else None
            if q is None:
                continue
            got = sent.attribution_after(k)
            cue, reading = got if got is not None else (None, PhraseReading("back"))
            directs.append((k, Draft("direct", q.start, q.end, cue, reading, q.open, q)))
        indirect: Draft | None = None
        cue_words = self.lex.cue_words
        for i, t in enumerate(toks):
            if t.folded in cue_words:
                indirect = sent.cue_at(i)
                if indirect is not None:
                    break
        if directs and directs[0][0] > 0:
            # "Dakota mengangguk, “…,” katanya": the subject of the quote's own sentence
            phrase = sent.subject_phrase()
            if phrase:
                self.note(sent.read(phrase), subject=True)
        for k, draft in directs:
            q = draft.quoted
            if q is not None and draft.cue is None and q.open in self.shared.introduced:
                draft.cue, draft.reading = self.shared.introduced[q.open]
            elif draft.cue is None and any(t.folded in self.lex.social for t in toks[:k]):
                # "Unggahan itu dibanjiri komentar warganet: “…”": no person said it
                draft.reading = PhraseReading("unnamed")
            if self.is_speech(sent, k, draft):
                self.drafts.append(draft)
                self.remember(draft.reading)
                self.note(draft.reading)
        if indirect is not None:
            self.drafts.append(indirect)
            self.remember(indirect.reading)
            # "korban yakin …" (a weak verb) reports a belief, not a turn of speech
            cue = indirect.cue
            self.note(indirect.reading, weak=cue is not None and cue.folded in self.lex.weak)
        if not directs and indirect is None:
            # a sentence that reports without content ("X membenarkan kejadian itu", "…
            # diungkap oleh X") still makes its subject (its agent) a speaker; any other
            # subject is only who the text is about
            lex = self.lex
            folded = [t.folded for t in toks if not t.capital]
            active = any(f in lex.verbs or f in lex.lead for f in folded)
            passive = any(f in lex.passives or f in lex.lead for f in folded)
            if active and self.unnamed_speaker(sent):
                return
            for phrase, speaks in ((sent.subject_phrase(), active), (sent.agent_phrase(), passive)):
                if phrase and self.note(sent.read(phrase), subject=True, speaks=speaks):
                    break

    def unnamed_speaker(self, sent: SentenceReader) -> bool:
        """Note "Seorang wisman mengaku kagum …": someone unnamed spoke last."""
        lex = self.lex
        for i, t in enumerate(sent.toks):
            if not t.capital and t.folded in lex.verbs and t.folded not in lex.weak:
                got = sent.subject_before(i)
                if got is not None and got[0].kind == "unnamed":
                    self.events.append((got[1], _NOBODY_SPOKE, True))
                    return True
                return False
        return False

    def note(
        self,
        reading: PhraseReading,
        subject: bool = False,
        speaks: bool = True,
        weak: bool = False,
    ) -> bool:
        """Remember a name given at this point, for the pronouns that follow.

        A sentence's subject (``subject``) counts only when it is a person and, when the
        caller passed entities, one of them.

        Returns:
            Whether a name was remembered.
        """
        name = reading.name
        if reading.kind in _NOBODY and not subject and not weak and reading.start >= 0:
            # "seorang wisman mengaku …": the next "ucapnya" is that unnamed person too
            self.events.append((reading.start, _NOBODY_SPOKE, True))
            return False
        if reading.kind != "name" or name is None or (subject and name.org):
            return False
        self.remember(reading)
        got = self.named(reading, strict=subject)
        if got is None or (subject and got.org):
            return False
        self.events.append((name.start, got, speaks))
        return True

    def is_speech(self, sent: SentenceReader, k: int, draft: Draft) -> bool:
        """Tell speech from a scare-quoted term, a title or a slogan."""
        q = draft.quoted
        if q is None:
            return True
        content = self.text[q.start : q.end]
        words = len(content.split())
        prev = sent.toks[k - 1] if k > 0 else None
        if draft.cue is not None:
            return True
        if prev is not None and prev.folded in self.lex.title_nouns:
            return False  # mengangkat tema “Innovation-driven Development …”
        if content[:1].islower() and prev is not None and is_word(prev):
            return False  # a phrase quoted inside a reported sentence
        ends_clause = content.rstrip()[-1:] in ".!?"
        if k == 0 or (prev is not None and prev.text == ":"):
            return words >= _MIN_SPEECH_WORDS or ends_clause
        return words >= _LONG_SPEECH_WORDS and (
            ends_clause or (prev is not None and prev.text in ",:")
        )

    # -- speakers ------------------------------------------------------------------------

    def named(self, reading: PhraseReading, strict: bool = False) -> _Resolved | None:
        """Resolve a name to the caller's canonical entity when possible.

        With ``strict``, a name the caller's entities do not know gives ``None`` (when the
        caller passed entities at all).
        """
        name = reading.name
        if name is None:
            return None
        if name.territory is not None:
            holder = self.role_holder(name.territory)
            if holder is not None:
                return holder
        ents = self.entities
        got: _Resolved | None = None
        if ents:
            lo = reading.start if reading.start >= 0 else name.start
            hi = reading.end if reading.end >= 0 else name.end
            # the mention the name read here lies in ("kata Gede Ady Suardi selaku General
            # Manager Aston …": not a later one in the phrase), else one in the phrase
            hit = None if name.org else ents.inside(name.start, name.end)
            if hit is None or hit[3]:
                hit = ents.inside(lo, hi) or hit  # a person in the phrase comes first
            if hit is not None and hit[3] and not name.org and hit[0] >= name.end:
                hit = None  # "kata Edward Plaisted, CEO Skytrax": the person, not the firm
            if hit is not None:
                got = _Resolved(hit[2], hit[0], hit[1], hit[3])
            else:
                canon = ents.canonical(name.text, name.org)
                if canon is not None:
                    got = _Resolved(canon, name.start, name.end, canon in ents.orgs)
                elif strict and not self.person_like(name):
                    return None
        if (
            got is None
            and name.territory is not None
            and " " not in name.text
            and not self.person_like(name)
        ):
            return None  # "Kapolres Bogor mengatakan": the territory, no holder named
        if got is None:
            got = _Resolved(name.text, name.start, name.end, name.org)
        if got.org or name.org:
            return got
        return self.settle(name, got)

    def person_like(self, name: Named) -> bool:
        """Whether a subject the entities missed is still surely a person's name.

        It is when the article also writes it alone before a verb or after a cue
        ("Hamilton mengelola …", "ujar Tifany"): the way Indonesian news refers back to
        a person by one of their names.
        """
        words = name.text.split()
        return len(words) <= 3 and any(w in self.shared.evidence.starts for w in words)

    def settle(self, name: Named, got: _Resolved) -> _Resolved:
        """Check a person's name against the full names the article gives.

        The full names whose words include every word of the name as written ("Budi",
        "Santoso"; an initial stands for a word it begins: "Ari S") are its candidates.
        One candidate: the speaker is that person, whatever the entity linker said (it
        may have joined two relatives). Several: the
        name is ambiguous (two people share a first name or a surname) and stays as
        written. None: the resolution stands (an alias, a name the text gives once).
        """
        words = frozenset(_words(name.text))
        if not words:
            return got
        found = self.containing(words)
        if found is None:
            return _Resolved(name.text, name.start, name.end)  # very many: ambiguous
        # one person written two ways ("Budi Gunadi", "Budi Gunadi Sadikin") is one
        cands = [
            f
            for f in found
            if not any(g != f and _covers(self.pool[f], self.pool[g]) for g in found)
        ]
        if not cands:
            return got
        if len(cands) > 1:
            return _Resolved(name.text, name.start, name.end)
        if got.name == cands[0] or self.pool[cands[0]] <= frozenset(_words(got.name)):
            return got
        return _Resolved(cands[0], got.start, got.end)

    def pool_add(self, form: str, words: frozenset[str]) -> None:
        """Add a full name to the pool and its word index."""
        if form in self.pool:
            return
        self.pool[form] = words
        for key in words | {w[0] + "." for w in words}:
            self.by_word.setdefault(key, []).append(form)

    def containing(self, words: frozenset[str]) -> list[str] | None:
        """The full names that have every word of a short form (``None``: too many)."""
        keys = [w + "." if len(w) == 1 else w for w in words]
        found: set[str] | None = None
        for key in sorted(keys, key=lambda k: len(self.by_word.get(k, ()))):
            names = self.by_word.get(key, [])
            if len(names) > _MAX_CANDIDATES * 8 and found is None:
                return None  # a word in very many names says nothing
            found = set(names) if found is None else found & set(names)
            if not found:
                return []
        out = sorted(f for f in found or () if _covers(words, self.pool[f]))
        return out if len(out) <= _MAX_CANDIDATES else None

    def remember(self, reading: PhraseReading) -> None:
        """Keep a person's full name read in a speaker or subject phrase (no entities)."""
        name = reading.name
        if self.entities:
            return  # the entities' names are the pool; phrases read here are rougher
        if reading.kind == "name" and name is not None and not name.org:
            words = frozenset(_words(name.text))
            # "Kesehatan Budi Gunadi Sadikin" (a role word kept) when the entities
            # already give "Budi Gunadi Sadikin": the shorter full name stands
            if len(words) >= 2 and name.text not in self.pool:
                shorter = [
                    f
                    for w in words
                    for f in self.by_word.get(w, ())[:_MAX_CANDIDATES]
                    if self.pool[f] < words
                ]
                if not shorter:
                    self.pool_add(name.text, words)

    def role_holder(self, role: Named) -> _Resolved | None:
        """Find who holds ``role`` ("Wali Kota") where the text named them with it earlier."""
        if role.text not in self.holders:
            self.holders[role.text] = self._role_holder(role)
        return self.holders[role.text]

    def _role_holder(self, role: Named) -> _Resolved | None:
        text = self.text
        pos = role.start
        for _ in range(_ROLE_SEARCHES):
            at = text.rfind(role.text, 0, pos)
            if at < 0:
                return None
            toks = self.layout.tokens(at, min(len(text), at + len(role.text) + _ROLE_REACH))
            phrase: list[Tok] = []
            for k, t in enumerate(toks):
                if (
                    t.text == "."
                    and 0 < k < len(toks) - 1
                    and abbreviation_dot(toks[k - 1], toks[k + 1], self.lex)
                ):
                    phrase.append(t)  # "H. Iman Irdian Saragih"
                    continue
                if (
                    t.is_quote
                    or t.text in ".;:!?"
                    or (t.text[:1].islower() and t.folded not in self.lex.particles)
                ):
                    break
                phrase.append(t)
            reading = read_phrase(phrase, self.lex, self.shared.evidence)
            got = reading.name
            if (
                reading.kind == "name"
                and got is not None
                and not got.org
                and got.end > at + len(role.text)
            ):
                bare = Named(got.text, got.start, got.end)
                return self.named(PhraseReading("name", bare, reading.start, reading.end))
            pos = at
        return None

    def resolve(self) -> list[QuoteHit]:
        """Give every quote its speaker; drop quotes a scraper repeated."""
        events = sorted(self.events, key=lambda e: e[0])
        positions = [e[0] for e in events]
        hits: list[QuoteHit] = []
        seen: set[str] = set()
        turn: tuple[int, _Resolved | None] | None = None  # the last quote's end and speaker
        for d in sorted(self.drafts, key=lambda d: d.start):
            # scrapers repeat whole page blocks: a quote already given is not a new one
            key = " ".join(self.text[d.start : d.end].casefold().split())[:_DUPLICATE_KEY]
            if key in seen:
                continue
            seen.add(key)
            r = d.reading
            speaker: _Resolved | None = None
            evidence = "named"
            if r.kind == "name":
                speaker = self.named(r)
            elif r.kind == "account" and r.name is not None:
                speaker = _Resolved(r.name.text, r.name.start, r.name.end)
            elif r.kind == "role" and r.name is not None:
                # "Kapolres mengatakan": the holder named with that role earlier, else the
                # last speaker; a role alone ("Warga setempat mengatakan") names nobody
                speaker = self.role_holder(r.name)
                if speaker is None:
                    speaker = _back(positions, events, d.back_at)
                    evidence = "pronoun"
            elif (
                r.kind == "back"
                and d.cue is None
                and turn is not None
                and not _between(positions, events, turn[0], d.start, turn[1])
            ):
                # a quotation with no cue goes on with the previous quote's speaker (and
                # with nobody when that one was unnamed), unless someone else was named
                speaker, evidence = turn[1], "carried"
            elif r.kind == "back":
                speaker = _back(positions, events, d.back_at)
                evidence = "pronoun" if d.cue is not None else "carried"
            turn = (d.end, speaker)
            hits.append(self.hit(d, speaker, evidence if speaker is not None else "none"))
        return hits if self.entities else _merge_short_names(hits)

    def hit(self, d: Draft, speaker: _Resolved | None, evidence: str) -> QuoteHit:
        """Build the public record of one quote."""
        text = self.text[d.start : d.end]
        if d.quoted is not None and d.quoted.inner:
            # the marks that reopen a quotation in later paragraphs are not content
            for mark in sorted(d.quoted.inner, reverse=True):
                if d.start <= mark < d.end:
                    off = mark - d.start
                    text = text[:off] + text[off + 1 :]
        cue = d.cue
        return QuoteHit(
            kind=d.kind,
            text=text,
            start=d.start,
            end=d.end,
            cue=cue.text if cue is not None else None,
            cue_start=cue.start if cue is not None else None,
            cue_end=cue.end if cue is not None else None,
            speaker=speaker.name if speaker is not None else None,
            speaker_start=speaker.start if speaker is not None else None,
            speaker_end=speaker.end if speaker is not None else None,
            evidence=evidence,
        )


def _back(positions: list[int], events: list[_Event], at: int) -> _Resolved | None:
    """Return who a pronoun (or a quote without a cue) before ``at`` points back to.

    The last *speaker* (a person named by a cue or as the subject of a reporting clause);
    the subject of a sentence that reports nothing only when nobody spoke before it. A
    person comes before an organisation.
    """
    k = bisect.bisect_left(positions, at) - 1
    person: _Resolved | None = None
    org: _Resolved | None = None
    while k >= 0:
        _, got, speaks = events[k]
        k -= 1
        if got is _NOBODY_SPOKE:
            return org  # the last speaker has no name
        if not speaks:
            if person is None and not got.org:
                person = got  # a fallback: nobody spoke since the text's start
            continue
        if not got.org:
            return _Resolved(got.name, None, None)
        if org is None:
            org = _Resolved(got.name, None, None, True)
    if org is not None:
        return org
    return _Resolved(person.name, None, None) if person is not None else None


def _words(name: str) -> list[str]:
    """The words of a name, casefolded, dots dropped ("Ari S." -> ["ari", "s"])."""
    return name.casefold().replace(".", " ").split()


def _covers(short: frozenset[str], full: frozenset[str]) -> bool:
    """Whether a full name has every word of a short form (an initial begins a word)."""
    return all(w in full or (len(w) == 1 and any(f.startswith(w) for f in full)) for w in short)


def _between(
    positions: list[int], events: list[_Event], lo: int, hi: int, who: _Resolved | None
) -> bool:
    """Whether someone other than ``who`` was named between ``lo`` and ``hi``."""
    k = bisect.bisect_right(positions, lo)
    end = bisect.bisect_left(positions, hi)
    return any(who is None or events[n][1].name != who.name for n in range(k, end))


def _merge_short_names(hits: list[QuoteHit]) -> list[QuoteHit]:
    """Without the caller's entities, write "Wildan" as "Ahmad Wildan" when both speak."""
    names = {h.speaker for h in hits if h.speaker}
    longer: dict[str, str] = {}
    for n in names:
        words = n.casefold().split()
        best: str | None = None
        for m in names:
            mw = m.casefold().split()
            if len(mw) > len(words) and all(w in mw for w in words):
                if best is None or len(mw) > len(best.split()):
                    best = m
        if best is not None:
            longer[n] = best
    if not longer:
        return hits
    return [
        replace(h, speaker=longer[h.speaker])
        if h.speaker is not None and h.speaker in longer
        else h
        for h in hits
    ]


def find_quotes(
    text: str,
    people: Sequence[PersonRef] = (),
    organizations: Sequence[PersonRef] = (),
) -> list[QuoteHit]:
    """Find the direct and indirect quotes of an article body and their speakers.

    Args:
        text: The cleaned, normalised article body; only its first :data:`MAX_TEXT`
            characters are searched.
        people: People found by the entity extractor, with the offsets of every mention;
            a speaker named in a mention (or by a short form of a name) gets the
            canonical name.
        organizations: Organisations, likewise (an organisation may speak).

    Returns:
        The quotes in text order.
    """
    if not text.strip():
        return []
    # a bound on the work for any input: no article body comes near this length
    return _Article(double_single_marks(text[:MAX_TEXT]), people, organizations).run()


# Two single marks written for one double mark ("‘’Studi banding …,’’ ujar Poppy"): an
# opening pair before a word, a closing pair after a word or punctuation.
_PAIR_OPEN = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\u2018\u2019|\u2018\u2018|\u2019\u2019|'')(?=\p{L})"
)
_PAIR_CLOSE = regex.compile(
    r"(?<=[\p{L}\p{N}.,!?])(?:\u2019\u2019|\u2018\u2019|'')(?![\p{L}\p{N}])"
)


def double_single_marks(text: str) -> str:
    """Write pairs of single quotation marks as one double mark, keeping every offset.

    The pair becomes a space and a curly double mark (opening: " “", closing: "” "), so
    that each character of the text stays where it was.
    """
    if "\u2019" not in text and "''" not in text:
        return text
    text = _PAIR_OPEN.sub(" \u201c", text)
    return _PAIR_CLOSE.sub("\u201d ", text)
