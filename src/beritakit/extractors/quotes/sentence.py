"""Read one sentence: its quotations' attributions, its reporting cue and its subject.

Every loop here looks at a bounded number of tokens around the word it starts from, so a
sentence of any length is read in linear time.
"""

from __future__ import annotations

from beritakit.extractors.quotes._words import (
    AND,
    BY,
    CLAUSE_WINDOW,
    DASHES,
    DEMONSTRATIVES,
    DESCRIPTION_PREPOSITIONS,
    LOOK_BACK,
    MAX_PHRASE,
    MAX_SUBJECT,
    MIN_CONTENT,
    NICKNAME_CUES,
    ONE_OF,
    PP_HEADS,
    PURPOSE,
    RELATIVE,
    SHORT_OBJECT,
    SOURCE_CUES,
    THAT,
    TO,
    Draft,
    Shared,
    abbreviation_dot,
    headline,
    is_connector,
    is_handle,
    is_word,
    strip_connectors,
    verbish,
)
from beritakit.extractors.quotes.names import (
    PhraseReading,
    read_phrase,
    split_glued,
    word_kind,
)
from beritakit.extractors.quotes.text import Tok

__all__ = ["SentenceReader"]


class SentenceReader:
    """The analysis of one sentence."""

    def __init__(self, shared: Shared, toks: list[Tok]) -> None:
        self.shared = shared
        self.lex = shared.lex
        self.toks = toks
        self.first = toks[0].start if toks else -1
        self.used: set[int] = set()
        self.has_quote = any(t.is_quote for t in toks)
        self._words: list[int] | None = None

    @property
    def words(self) -> list[int]:
        """``words[k]`` is the number of word tokens before token ``k`` (computed once)."""
        if self._words is None:
            counts = [0]
            for t in self.toks:
                counts.append(counts[-1] + (1 if is_word(t) else 0))
            self._words = counts
        return self._words

    def read(self, phrase: list[Tok]) -> PhraseReading:
        """Read a speaker phrase of this sentence."""
        return read_phrase(phrase, self.lex, self.shared.evidence, self.first)

    # -- speaker phrases ---------------------------------------------------------------

    def phrase_after(self, i: int, descriptions: bool = False) -> tuple[list[Tok], int]:
        """Collect the speaker phrase that starts at token ``i``; return it and where it ends.

        With ``descriptions``, a comma may also be followed by a lower-case description
        ("…, agen pemegang merek ICE-µ di Indonesia, Andi Setiawan."): only where the
        phrase closes an attribution, never inside reported content.
        """
        toks, lex = self.toks, self.lex
        out: list[Tok] = []
        k = i
        while k < len(toks) and len(out) < MAX_PHRASE:
            t = toks[k]
            if t.text == "." and self._abbreviation_dot(out, k):
                out.append(t)  # "U.S. Bank", "H. M. Ghazali", "dr. Deviana"
                k += 1
                continue
            if t.is_quote or t.text in ".!?;:":
                break
            if t.text == ",":
                if not self._apposition_follows(k, descriptions):
                    break
                out.append(t)
                k += 1
                continue
            if t.text == "(":
                close = next(
                    (j for j in range(k + 1, min(k + 8, len(toks))) if toks[j].text == ")"), -1
                )
                if close < 0 or toks[k + 1].text[:1].isdigit():
                    break  # an age, "Yuni (31)", ends the name
                out.extend(toks[k : close + 1])
                k = close + 1
                continue
            if not is_word(t):
                if t.text not in "&'-\u2019" and not is_handle(t):
                    break
            elif t.text[:1].isdigit():
                break
            elif t.text[0].islower():
                described = descriptions and any(u.text == "," for u in out)
                if not (described and self._place_in_description(k)) and self._ends_phrase(
                    k, bool(out)
                ):
                    break
            elif t.folded in lex.weekdays and out:
                break
            out.append(t)
            k += 1
        while out and out[-1].text in ",-&":
            out.pop()
        return out, k

    def _place_in_description(self, k: int) -> bool:
        """``di``/``dari`` + a capitalised word inside a description that a name closes.

        "…, agen pemegang merek ICE-µ di Indonesia, Andi Setiawan.": the description goes
        on over "di Indonesia" when a comma and a capitalised word follow within a few words.
        """
        toks = self.toks
        if toks[k].folded not in DESCRIPTION_PREPOSITIONS or k + 1 >= len(toks):
            return False
        if not toks[k + 1].capital:
            return False
        for j in range(k + 2, min(k + 6, len(toks) - 1)):
            if toks[j].text == ",":
                return toks[j + 1].capital
            if not toks[j].capital:
                return False
        return False

    def _abbreviation_dot(self, out: list[Tok], k: int) -> bool:
        toks = self.toks
        return bool(out) and k + 1 < len(toks) and abbreviation_dot(out[-1], toks[k + 1], self.lex)

    def _apposition_follows(self, k: int, descriptions: bool) -> bool:
        toks, lex = self.toks, self.lex
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or nxt.is_quote or not is_word(nxt) or nxt.text[:1].isdigit():
            return False
        f = nxt.folded
        if f in lex.weekdays or f in lex.speaker_stops or f in lex.pronouns:
            return False
        return nxt.capital or f in lex.roles or (descriptions and not verbish(f))

    def _ends_phrase(self, k: int, started: bool) -> bool:
        """Whether the lower-case word at token ``k`` ends a speaker phrase."""
        toks, lex = self.toks, self.lex
        t = toks[k]
        head = split_glued([t])[0].folded
        if head != t.folded and head in lex.speaker_stops:
            return True  # "kepadaKompas.com"
        if head == "yang":
            # "wanita yang akrab disapa Ami ini"
            return not any(u.folded in NICKNAME_CUES for u in toks[k + 1 : k + 4])
        if head in DEMONSTRATIVES:
            return False
        if head == "dan":
            return not (k + 1 < len(toks) and toks[k + 1].capital)
        if head in lex.speaker_stops or head in lex.verbs or head in lex.adverbs:
            return True
        if head in lex.after and started:
            return True
        return (
            verbish(head)
            and head not in lex.roles
            and head not in lex.pronouns
            and head not in NICKNAME_CUES
        )

    # -- direct quotes -------------------------------------------------------------------

    def attribution_after(self, k: int) -> tuple[Tok, PhraseReading] | None:
        """Read ``kata X`` / ``ujarnya`` written after the quotation at token ``k``."""
        toks, lex = self.toks, self.lex
        j = k + 1
        if j < len(toks) and toks[j].text == ",":
            j += 1
        if j >= len(toks) or not is_word(toks[j]):
            return None
        glued = split_glued([toks[j]]) if toks[j].text[:1].islower() else [toks[j]]
        cue = glued[0]
        f = cue.folded
        if f in lex.after:
            phrase, stop = self.phrase_after(j + 1, descriptions=True)
            if len(glued) > 1:  # "kataWali Kota DepokSupian Suri"
                phrase = glued[1:] + phrase
            reading = self.read(phrase)
            if reading.kind == "none":
                reading = PhraseReading("back")  # '…," kata\nMario juga …': the name was cut
            self.used.update(range(k + 1, stop))
            return cue, reading
        if f.endswith("nya") and f[:-3] in lex.after:
            self.used.update(range(k + 1, j + 1))
            return cue, PhraseReading("back")
        if f in SOURCE_CUES:
            # '…," dikutip dari akun Instagram @dishubdkijakarta': the account posted it;
            # "dikutip dari Antara" names a source, not a speaker
            for n in range(j + 1, min(j + 6, len(toks))):
                if is_handle(toks[n]):
                    self.used.update(range(k + 1, n + 1))
                    return cue, self.read(toks[j + 1 : n + 1])
                if not is_word(toks[n]):
                    break
        return None

    # -- indirect quotes -----------------------------------------------------------------

    def subject_before(self, i: int) -> tuple[PhraseReading, int] | None:
        """Read the subject of the reporting verb at token ``i``; ``None`` if it has none."""
        toks, lex = self.toks, self.lex
        j = i - 1
        while j >= 0 and toks[j].text[:1].islower() and toks[j].folded in lex.adverbs:
            j -= 1
        if j >= 1 and toks[j].folded.endswith("nya") and toks[j - 1].folded in PP_HEADS:
            j -= 2  # "Juru bicara ICE dalam pernyataannya mengatakan"
            while j >= 0 and toks[j].text[:1].islower() and toks[j].folded in lex.adverbs:
                j -= 1
        if j < 0:
            return None
        prev = toks[j]
        if not prev.capital and (prev.folded in lex.blockers or prev.folded in lex.verbs):
            return None  # "yang mengatakan", "tidak menyebutkan"
        parts = self._clause_parts(j)
        last = parts[-1]
        for d in range(len(last) - 1, -1, -1):
            if last[d].text in DASHES:
                last = last[d + 1 :]  # a dateline glued before the first clause
                break
        if len(last) == 1 and last[0].folded in AND and len(parts) > 1:
            # "…, dan mengaku …": a second predicate shares the subject named before
            return PhraseReading("back", None, last[0].start, last[0].end), last[0].start
        last = strip_connectors(last, lex)
        if not last:
            return None
        if len(last) == 1 and last[0].folded in lex.pronouns:
            kind = lex.pronouns[last[0].folded]
            reading = PhraseReading(
                "back" if kind == "one" else "many", None, last[0].start, last[0].end
            )
            return reading, last[0].start
        words = [t for t in last if is_word(t)]
        if not words:
            return None
        np = last
        cut = next((n for n, t in enumerate(last) if t.folded in RELATIVE), -1)
        if cut > 0 and last[cut].folded != "yang" and not any(t.capital for t in last[:cut]):
            cut = -1  # "Pembalap asal Italia tersebut": no name before "asal"
        if cut >= 0:
            np = last[:cut]
            if (
                not np
                or len(np) > MAX_SUBJECT
                or len(last) - cut > MAX_SUBJECT
                or not self.np_like(np)
            ):
                return None
        elif len(last) > MAX_SUBJECT:
            return None
        elif words[-1].folded in DEMONSTRATIVES:
            # "Pelatih berusia 67 tahun itu menilai": someone named before
            if any(t.folded in lex.blockers or t.folded in lex.verbs for t in words[:-1]):
                return None
            return PhraseReading("back", None, last[0].start, last[-1].end), last[0].start
        elif not self.np_like(np):
            return None
        reading = self.read(np)
        if reading.kind != "back" and len(parts) > 1:
            wider = self._apposition_before(parts, np, reading)
            if wider is not None:
                return wider
        if reading.kind == "unnamed" and len(words) > 2:
            return None
        return reading, np[0].start

    def _clause_parts(self, j: int) -> list[list[Tok]]:
        """Split the clause ending at token ``j`` at its commas (outside brackets)."""
        toks = self.toks
        lo = max(0, j - LOOK_BACK)
        for q in range(j, lo - 1, -1):
            if toks[q].is_quote:
                lo = q + 1
                break
        parts: list[list[Tok]] = [[]]
        depth = 0
        for t in toks[lo : j + 1]:
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth = max(0, depth - 1)
            if t.text == "," and not depth:
                parts.append([])
            else:
                parts[-1].append(t)
        if not parts[-1] and len(parts) > 1:
            parts.pop()  # "AKP Prapto Lasono, menjelaskan"
        return parts

    def _apposition_before(
        self, parts: list[list[Tok]], np: list[Tok], reading: PhraseReading
    ) -> tuple[PhraseReading, int] | None:
        """Read "Vishal Mehta, Regional Division Business Head … mengatakan" as a whole."""
        weak = reading.kind in ("unnamed", "role", "none") or (
            reading.name is not None and (reading.name.org or np[0].start > reading.name.start)
        )
        chain: list[Tok] = list(np)
        for prev in reversed(parts[-3:-1]):
            prev = strip_connectors(prev, self.lex)
            if not prev or not self.np_like(prev) or not prev[0].capital:
                break
            if prev[0].folded in self.lex.function_words:
                # "Dalam keterangannya di Bursa Efek Indonesia, Garuda mengungkapkan": a
                # clause opened by a preposition sets the scene, it names no speaker
                break
            if "yang" in (t.folded for t in prev):
                prev = prev[: next(n for n, t in enumerate(prev) if t.folded == "yang")]
            chain = [*prev, Tok(",", prev[-1].end, prev[-1].end), *chain]
        if len(chain) == len(np):
            return None
        wider = self.read(chain)
        if wider.kind == "name" and wider.name is not None and (weak or not wider.name.org):
            return wider, chain[0].start
        return None

    def np_like(self, np: list[Tok]) -> bool:
        """Whether tokens can be a subject noun phrase (names, roles, no verbs)."""
        lex = self.lex
        words = [t for t in np if is_word(t)]
        if not words:
            return False
        lower = [
            t for t in words if not t.capital and t.text.replace(".", "") not in lex.honorifics
        ]
        for t in lower:
            f = t.folded
            if f in lex.blockers or f in lex.verbs or f in lex.after:
                return False
            if verbish(f) and f not in lex.roles and f not in NICKNAME_CUES:
                return False
        if lower and not (
            words[0].capital or words[0].folded in lex.roles or words[0].text in lex.honorifics
        ):
            # a lone common noun: "korban mengaku", "seorang wisman mengaku"
            return len(words) == 1 or (len(words) == 2 and words[0].folded in ONE_OF)
        return True

    def np_like_loose(self, phrase: list[Tok]) -> bool:
        """Whether a phrase after a leading cue names someone rather than says something."""
        words = [t for t in phrase if is_word(t)]
        if not words or len(words) > 10:
            return False
        return all(
            not (verbish(t.folded) and t.folded not in self.lex.roles)
            for t in words
            if not t.capital
        )

    def content_from(self, c: int) -> tuple[int, int] | None:
        """Return the span of the reported content from token ``c`` to the sentence end."""
        toks = self.toks
        while c < len(toks) and toks[c].text in ",:":
            c += 1
        if c < len(toks) and toks[c].folded in THAT:
            c += 1
            while c < len(toks) and toks[c].text in ",:":
                c += 1
        if c >= len(toks) or toks[c].is_quote:
            return None
        if self.words[-1] - self.words[c] < MIN_CONTENT:
            return None
        return toks[c].start, self._end()

    def _end(self) -> int:
        """The end of the sentence without its final punctuation."""
        text = self.shared.text
        start, end = self.toks[0].start, self.toks[-1].end
        while end > start and text[end - 1] in ".,;: ":
            end -= 1
        return end

    def lead_phrase(self, i: int) -> tuple[list[Tok], int] | None:
        """Read ``X,`` (and an apposition ``Y,``) after a leading cue at token ``i``."""
        toks, lex = self.toks, self.lex
        k = i + 1
        while (
            k < len(toks)
            and not toks[k].capital
            and (toks[k].folded in lex.adverbs or toks[k].folded in BY)
        ):
            k += 1
        stop = next(
            (j for j in range(k, min(k + MAX_PHRASE, len(toks))) if toks[j].text == ","), -1
        )
        if stop > k:
            phrase = toks[k:stop]
            while phrase and phrase[-1].folded in lex.adverbs:
                phrase = phrase[:-1]
            if phrase and not any(t.is_quote for t in phrase) and self.np_like_loose(phrase):
                after = self._lead_apposition(phrase, stop)
                if after is not None:
                    return toks[k:after], after + 1
                return phrase, stop + 1
        # no comma: "Menurut David cuaca dan …", "Diuraikan Binsar kronologis …"
        run: list[Tok] = []
        j = k
        while j < len(toks) and len(run) < 8:
            t = toks[j]
            if t.is_quote or not (t.capital or t.text in ".()" or t.folded in lex.pronouns):
                break
            run.append(t)
            j += 1
        if any(is_word(t) for t in run):
            return run, j
        return None

    def _lead_apposition(self, phrase: list[Tok], stop: int) -> int | None:
        """Where "Menurut Danton Satgas BPBD, Dian Wiriyawan, insiden …" names the person."""
        toks, lex = self.toks, self.lex
        nxt = next(
            (j for j in range(stop + 1, min(stop + 7, len(toks))) if toks[j].text == ","), -1
        )
        if nxt <= stop + 1 or phrase[0].folded in lex.pronouns:
            return None
        between = toks[stop + 1 : nxt]
        if not all(t.capital or not is_word(t) or t.folded in lex.particles for t in between):
            return None
        got = self.read(between)
        if got.kind == "name" and got.name is not None and not got.name.org:
            return nxt
        return None

    def mid_phrase(self, i: int, to_comma: bool) -> tuple[list[Tok], int] | None:
        """Read the speaker after a cue inside a sentence ("…, kata Iqbal, berlangsung …").

        With ``to_comma`` the phrase runs to the next comma (or the sentence end);
        otherwise it is the run of capitalised words ("… terjadi menurut Kemenkes akibat …").
        """
        toks = self.toks
        stop = i
        if to_comma:
            while (
                stop < len(toks)
                and stop - i < MAX_PHRASE
                and toks[stop].text not in ",.!?;"
                and not toks[stop].is_quote
            ):
                stop += 1
            phrase = toks[i:stop]
            if not phrase or not self.np_like_loose(phrase):
                return None
            return phrase, stop
        while (
            stop < len(toks)
            and stop - i < MAX_PHRASE
            and (toks[stop].capital or toks[stop].text in "().")
            and not toks[stop].is_quote
        ):
            stop += 1
        return (toks[i:stop], stop) if stop > i else None

    def cue_at(self, i: int) -> Draft | None:
        """Try every cue pattern at token ``i``: leading, parenthetical, reporting verb."""
        toks, lex = self.toks, self.lex
        t = toks[i]
        if t.is_quote or t.folded not in lex.cue_words or i in self.used:
            return None
        f = t.folded
        two = f + " " + toks[i + 1].folded if i + 1 < len(toks) else ""
        base = f[:-3] if f.endswith("nya") else ""
        lead = f in lex.lead or two in lex.lead
        fused = base in lex.lead or base in lex.after or base in lex.fused_only
        clause_start = (
            i == 0
            or toks[i - 1].is_quote
            or (i <= lex.connector_width + 1 and is_connector(toks[:i], lex))
        )
        after_comma = i > 0 and toks[i - 1].text == ","
        if clause_start and (lead or f in lex.after or fused):
            return self._leading(i, lead and f not in lex.lead, fused)
        if (after_comma and (lead or f in lex.after or fused)) or f == "menurut":
            return self._inserted(i, after_comma, fused)
        verb = f if f in lex.verbs else two if two in lex.verbs else ""
        if verb and not t.capital:
            return self._reporting_verb(i, verb)
        return None

    def _leading(self, i: int, two_words: bool, fused: bool) -> Draft | None:
        """Read a leading cue: "Menurut X, …", "Menurutnya, …", "Kata dia, …"."""
        toks, lex = self.toks, self.lex
        t = toks[i]
        if fused:
            c = i + 1
            while c < len(toks) and not toks[c].capital and toks[c].folded in lex.adverbs:
                c += 1
            reading = PhraseReading("back", None, t.start, t.end)
        else:
            got = self.lead_phrase(i + 1 if two_words else i)
            if got is None:
                return None
            phrase, c = got
            reading = self.read(phrase)
            if reading.kind in ("none", "unnamed"):
                return None
        if c < len(toks) and toks[c].is_quote:
            self.introduce(c, t, reading)
            return None
        span = self.content_from(c)
        if span is None:
            return None
        return Draft("indirect", span[0], span[1], t, reading, t.start)

    def _inserted(self, i: int, after_comma: bool, fused: bool) -> Draft | None:
        """Read an inserted cue: "…, kata Iqbal, berlangsung …", "…, lanjutnya, …"."""
        toks = self.toks
        t = toks[i]
        if self.has_quote:
            return None
        if fused:
            reading, stop = PhraseReading("back", None, t.start, t.end), i + 1
        else:
            got = self.mid_phrase(i + 1, to_comma=after_comma)
            if got is None:
                return None
            phrase, stop = got
            reading = self.read(phrase)
            if reading.kind in ("none", "unnamed"):
                return None
        if not after_comma and reading.kind != "name":
            return None
        if after_comma and not (stop >= len(toks) or toks[stop].text in ",.!?;"):
            return None
        before = self.words[i]
        around = before + self.words[-1] - self.words[min(stop, len(toks))]
        if before < 1 or around < 3:
            return None
        self.used.update(range(i, stop))
        # the content is the whole sentence, the cue inside it
        return Draft("indirect", toks[0].start, self._end(), t, reading, t.start)

    def _reporting_verb(self, i: int, verb: str) -> Draft | None:
        """Read a reporting verb: "X mengatakan …", "Ia menambahkan bahwa …"."""
        toks, lex = self.toks, self.lex
        got = self.subject_before(i)
        if got is None:
            return None
        reading, at = got
        c = i + len(verb.split())
        if c < len(toks) and toks[c].folded in TO:
            # "menjelaskan kepada wartawan bahwa …"
            that = next((j for j in range(c, min(c + 8, len(toks))) if toks[j].folded in THAT), -1)
            if that > 0:
                c = that
        if c + 1 < len(toks) and toks[c].text in ",:" and toks[c + 1].is_quote:
            c += 1
        if c < len(toks) and toks[c].is_quote:
            self.introduce(c, toks[i], reading)
            return None
        span = self.content_from(c)
        if span is None or not self.reported(c, verb in lex.weak):
            return None
        return Draft("indirect", span[0], span[1], toks[i], reading, at)

    def reported(self, c: int, weak: bool) -> bool:
        """Whether the words from token ``c`` report content rather than name an object.

        Rejects set phrases ("meminta maaf", "menyampaikan terima kasih") and a short
        noun phrase closed by a demonstrative ("membenarkan insiden tersebut"); after a
        weak verb, a clause must follow (a conjunction, or a subject and then an
        auxiliary or a verb).
        """
        toks, lex = self.toks, self.lex
        while c < len(toks) and toks[c].text in ",:":
            c += 1
        head = [t for t in toks[c : c + 3 * SHORT_OBJECT] if is_word(t)][: 2 * SHORT_OBJECT]
        words = [t.folded for t in head]
        if not words:
            return False
        # a verb is a lower-case word with a verbal prefix ("Teguh" is a name)
        verbs = [not t.capital and verbish(t.folded) for t in head]
        for phrase in lex.formulae:
            if tuple(words[: len(phrase)]) == phrase:
                return False
        if (
            self.words[-1] - self.words[c] <= SHORT_OBJECT
            and words[-1] in DEMONSTRATIVES
            and not any(verbs)
        ):
            return False
        if not weak:
            return True
        if words[0] in THAT or words[0] in PURPOSE:
            return True
        if words[0] in lex.clause_markers or verbs[0]:
            return False
        return any(
            w in lex.clause_markers or v
            for w, v in zip(words[1:CLAUSE_WINDOW], verbs[1:CLAUSE_WINDOW], strict=False)
        )

    def introduce(self, k: int, cue: Tok, reading: PhraseReading) -> None:
        """Give the quotation at token ``k`` the speaker named before it."""
        q = self.shared.layout.quote_at(self.toks[k].start)
        if q is not None:
            self.shared.introduced[q.open] = (cue, reading)

    # -- who the sentence is about --------------------------------------------------------

    def subject_phrase(self) -> list[Tok] | None:
        """The name that opens the sentence as its subject ("Artis Teuku Ryan selepas …")."""
        toks, lex = self.toks, self.lex
        if not toks or toks[0].is_quote or headline(toks):
            return None
        parts: list[list[Tok]] = [[]]
        for t in toks[: 3 * MAX_SUBJECT]:
            if t.is_quote:
                break
            if t.text == ",":
                parts.append([])
            else:
                parts[-1].append(t)
        for n, part in enumerate(parts[:3]):
            for d in range(len(part) - 1, -1, -1):
                if part[d].text in DASHES or part[d].text.endswith("-"):
                    part = part[d + 1 :]  # a dateline before the first clause
                    break
            part = strip_connectors(part, lex)
            run: list[Tok] = []
            depth = 0
            titled = False  # the run opens with a role: "dan" joins the parts of its title
            for n_t, t in enumerate(part):
                kind = word_kind(t, lex)
                titled = titled or (not run and kind == "R")
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth = max(0, depth - 1)
                if depth or kind in "HNROADp" or (kind == "F" and run) or t.text in "().&":
                    run.append(t)  # "Usmanto (35) mengumpulkan …": the age goes with the name
                elif titled and t.folded == "dan" and self._title_goes_on(run, part[n_t + 1 :]):
                    run.append(t)  # "Menteri Kelautan dan Perikanan Sakti Trenggono …"
                else:
                    break
            if not any(word_kind(t, lex) == "N" for t in run):
                continue  # an opening phrase: "Sudah lima tahun, Usmanto (35) …"
            rest = part[len(run) :]
            phrase = run
            if not rest and n + 1 < len(parts):
                # "Kapolsek Betung, Iptu Ryadi Sasongko membenarkan …"
                more: list[Tok] = []
                for t in parts[n + 1][:MAX_SUBJECT]:
                    if not (t.capital or t.text in "()."):
                        break
                    more.append(t)
                if more:
                    phrase = [*run, Tok(",", run[-1].end, run[-1].end), *more]
                    rest = parts[n + 1][len(more) :]
                    if not rest and n + 2 < len(parts):
                        rest = parts[n + 2]  # "Pelatih Timnas, Patrick Kluivert, berapi-api …"
                else:
                    rest = parts[n + 1]  # "…, Yunus Nusi, optimistis …": the apposition closed
            if rest and rest[0].text[:1].islower() and rest[0].folded != "dan":
                return phrase
            return None
        return None

    def _title_goes_on(self, run: list[Tok], after: list[Tok]) -> bool:
        """Whether ``dan`` after ``run`` (which opens with a role) joins parts of its title.

        Yes after an organisation word or acronym ("Lembaga Bantuan Hukum dan Advokasi
        Publik …"), or after one word right after the role when a title part and a name
        follow ("Menteri Kelautan dan Perikanan Sakti Trenggono"); not between two names
        ("Kapolres Budi Santoso dan Andi Wijaya").
        """
        lex = self.lex
        if not after or word_kind(after[0], lex) not in "ROAN":
            return False
        if any(word_kind(t, lex) in "OA" for t in run[1:]):
            return True
        capitals = 0
        for t in after:
            if not t.capital:
                break
            capitals += 1
        return len(run) == 2 and capitals >= 3

    def agent_phrase(self) -> list[Tok] | None:
        """Return the agent of a passive, the person the sentence is about.

        "… dibenarkan oleh Wakil Ketua DPRD Iwan Suryawan", "Hal itu disampaikan Kepala
        Dinas Perhubungan … Edy Suryanto".
        """
        toks, lex = self.toks, self.lex
        for k in range(1, len(toks) - 1):
            if not toks[k + 1].capital or toks[k + 1].is_quote:
                continue
            f = toks[k].folded
            if (f in BY and verbish(toks[k - 1].folded)) or (f in lex.lead and f.startswith("di")):
                return self.phrase_after(k + 1)[0]
        return None
