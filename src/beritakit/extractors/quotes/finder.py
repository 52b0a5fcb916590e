"""Find direct and indirect quotes in an article body and tell who said them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from beritakit.extractors.quotes.lexicon import Lexicon, lexicon
from beritakit.extractors.quotes.names import (
    Evidence,
    Named,
    PhraseReading,
    read_phrase,
    split_glued,
)
from beritakit.extractors.quotes.sentence import (
    Draft,
    SentenceReader,
    Shared,
    abbreviation_dot,
    headline,
    is_word,
    verbish,
)
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


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A speaker: canonical (or written) name and where this quote names them."""

    name: str
    start: int | None
    end: int | None
    org: bool = False


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
            self.layout.tokens(s, e)
            for s, e in sentence_spans(text, self.layout.quoted)
            if _MIN_SENTENCE <= e - s <= _MAX_SENTENCE
        ]
        self.shared = Shared(text, self.lex, self.layout, _evidence(self.sentences, self.lex))
        self.entities = _Entities(people, organizations)
        self.drafts: list[Draft] = []
        # where a person (or organisation) was named as a speaker or a subject
        self.events: list[tuple[int, _Resolved]] = []
        self.holders: dict[str, _Resolved | None] = {}  # role text -> its holder

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
        for k, draft in directs:
            q = draft.quoted
            if q is not None and draft.cue is None and q.open in self.shared.introduced:
                draft.cue, draft.reading = self.shared.introduced[q.open]
            if self.is_speech(sent, k, draft):
                self.drafts.append(draft)
                self.note(draft.reading)
        if indirect is not None:
            self.drafts.append(indirect)
            self.note(indirect.reading)
        if not directs and indirect is None:
            for phrase in (sent.subject_phrase(), sent.agent_phrase()):
                if phrase and self.note(sent.read(phrase), subject=True):
                    break

    def note(self, reading: PhraseReading, subject: bool = False) -> bool:
        """Remember a name given at this point, for the pronouns that follow.

        A sentence's subject (``subject``) counts only when it is a person and, when the
        caller passed entities, one of them.

        Returns:
            Whether a name was remembered.
        """
        name = reading.name
        if reading.kind != "name" or name is None or (subject and name.org):
            return False
        got = self.named(reading, strict=subject)
        if got is None or (subject and got.org):
            return False
        self.events.append((name.start, got))
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
        if ents:
            lo = reading.start if reading.start >= 0 else name.start
            hi = reading.end if reading.end >= 0 else name.end
            hit = ents.inside(lo, hi)
            if hit is not None:
                return _Resolved(hit[2], hit[0], hit[1], hit[3])
            canon = ents.canonical(name.text, name.org)
            if canon is not None:
                return _Resolved(canon, name.start, name.end, canon in ents.orgs)
            if strict:
                return None
        return _Resolved(name.text, name.start, name.end, name.org)

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
        for d in sorted(self.drafts, key=lambda d: d.start):
            # scrapers repeat whole page blocks: a quote already given is not a new one
            key = " ".join(self.text[d.start : d.end].casefold().split())[:_DUPLICATE_KEY]
            if key in seen:
                continue
            seen.add(key)
            r = d.reading
            speaker: _Resolved | None = None
            if r.kind == "name":
                speaker = self.named(r)
            elif r.kind == "role" and r.name is not None:
                speaker = (
                    self.role_holder(r.name)
                    or _back(positions, events, d.back_at)
                    or _Resolved(r.name.text, r.name.start, r.name.end)
                )
            elif r.kind == "back":
                speaker = _back(positions, events, d.back_at)
            hits.append(self.hit(d, speaker))
        return hits if self.entities else _merge_short_names(hits)

    def hit(self, d: Draft, speaker: _Resolved | None) -> QuoteHit:
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
        )


def _back(positions: list[int], events: list[tuple[int, _Resolved]], at: int) -> _Resolved | None:
    """Return the person (else the organisation) named last before ``at``."""
    k = bisect.bisect_left(positions, at) - 1
    org: _Resolved | None = None
    while k >= 0:
        got = events[k][1]
        if not got.org:
            return _Resolved(got.name, None, None)
        if org is None:
            org = _Resolved(got.name, None, None, True)
        k -= 1
    return org


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
    return _Article(text[:MAX_TEXT], people, organizations).run()
