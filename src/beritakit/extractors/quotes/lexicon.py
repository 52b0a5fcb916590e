"""The quote recogniser's word lists, read once from the data files beside this module."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from beritakit.lang import LANG_ID, fold
from beritakit.resources import read_lines, read_table

__all__ = ["Lexicon", "lexicon"]

_PACKAGE = "beritakit.extractors.quotes"


def _lines(name: str, package: str = _PACKAGE) -> tuple[str, ...]:
    """Return the non-blank, non-comment lines of data file ``name``, stripped."""
    return tuple(line.strip() for line in read_lines(package, name))


def _folded(name: str, package: str = _PACKAGE) -> frozenset[str]:
    return frozenset(fold(line) for line in _lines(name, package))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists the recogniser uses.

    Attributes:
        after: Attribution words written after a quote (``kata``, ``ujar`` …), casefolded.
        lead: Cues that open the content with the speaker after them (``menurut`` …).
        verbs: Reporting verbs with the speaker as subject (``mengatakan`` …).
        weak: Those of ``verbs`` that report speech only when a clause follows.
        fused_only: Cues only in their ``-nya`` form (``baginya``).
        honorifics: Titles and ranks before a name, dots removed, case kept.
        degrees: Degrees after a name, dots removed, casefolded.
        roles: Words of job titles and descriptions, casefolded.
        org_words: Words that make a phrase an organisation or place, casefolded.
        pronouns: Pronoun forms mapped to ``one``, ``many`` or ``self``.
        adverbs: Words allowed between a subject and its reporting verb.
        blockers: Words before a reporting verb that cancel the report.
        title_nouns: Nouns before a quoted title or term.
        abbreviations: Dotted abbreviations that do not end a sentence.
        connectors: Phrases (tuples of casefolded words) that may open a clause.
        speaker_stops: Words that end a speaker phrase written after a cue.
        territorial: Roles followed by the name of their territory (``gubernur``).
        weekdays: Weekday spellings, casefolded (from ``beritakit.lang.id``).
        particles: Lower-case words that may stand inside a name (``bin``, ``van``).
        function_words: Words that are never part of a name even when capitalised at the
            start of a sentence (adverbs, connectors, prepositions, cue words …).
        org_prefixes: Beginnings of words that name government bodies (``kemen``).
        connectors_by_head: Connector phrases indexed by their first word, longest first.
        connector_width: Words in the longest connector phrase.
        cue_words: Every word that can start a cue, with the ``-nya`` forms.
        place_cues: Words after which a capitalised word names a place (``di``, ``kota``).
        not_verbs: Words that look like verbs by their prefix but are not (``menteri``).
        formulae: Set phrases (word tuples) that are a verb's object, not content (``maaf``).
        clause_markers: Words showing that a clause follows a weak verb (``bahwa``, ``akan``).
        passives: The ``di-`` forms of the reporting verbs (``diungkap``, ``dibenarkan``):
            their agent ("… diungkap oleh X") is a speaker.
        social: Words of social-media users and posts (``warganet``, ``akun``, ``unggahan``).

    """

    after: frozenset[str]
    lead: frozenset[str]
    verbs: frozenset[str]
    weak: frozenset[str]
    fused_only: frozenset[str]
    honorifics: frozenset[str]
    degrees: frozenset[str]
    roles: frozenset[str]
    org_words: frozenset[str]
    pronouns: dict[str, str]
    adverbs: frozenset[str]
    blockers: frozenset[str]
    title_nouns: frozenset[str]
    abbreviations: frozenset[str]
    connectors: tuple[tuple[str, ...], ...]
    connectors_set: frozenset[tuple[str, ...]]
    speaker_stops: frozenset[str]
    territorial: frozenset[str]
    weekdays: frozenset[str]
    particles: frozenset[str]
    function_words: frozenset[str]
    org_prefixes: tuple[str, ...]
    connectors_by_head: dict[str, tuple[tuple[str, ...], ...]]
    connector_width: int
    cue_words: frozenset[str]
    place_cues: frozenset[str]
    not_verbs: frozenset[str]
    formulae: frozenset[tuple[str, ...]]
    clause_markers: frozenset[str]
    passives: frozenset[str]
    social: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """Return the word lists (read on first use, then cached)."""
    cues: dict[str, set[str]] = {
        "after": set(),
        "lead": set(),
        "verb": set(),
        "weak": set(),
        "nya": set(),
    }
    for line in _lines("speech_cues.tsv", LANG_ID):
        form, _, position = line.partition("\t")
        cues[position.strip()].add(form.strip().casefold())
    pronouns: dict[str, str] = {}
    for line in _lines("pronouns.tsv"):
        form, _, kind = line.partition("\t")
        pronouns[form.strip().casefold()] = kind.strip()
    connectors = sorted(
        {tuple(line.casefold().split()) for line in _lines("connectors.txt")}, key=len, reverse=True
    )
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for phrase in connectors:
        by_head.setdefault(phrase[0], []).append(phrase)
    cue_words: set[str] = set()
    for group in cues.values():
        for form in group:
            head = form.split()[0]
            cue_words.update((head, head + "nya"))
    return Lexicon(
        after=frozenset(cues["after"]),
        lead=frozenset(cues["lead"]),
        verbs=frozenset(cues["verb"] | cues["weak"]),
        weak=frozenset(cues["weak"]),
        fused_only=frozenset(cues["nya"]),
        honorifics=_honorific_words(),
        degrees=frozenset(
            line.replace(".", "").casefold() for line in _lines("degrees.txt", LANG_ID)
        ),
        roles=_roles(),
        org_words=_folded("non_person_words.txt"),
        pronouns=pronouns,
        adverbs=_folded("adverbs.txt"),
        blockers=_folded("blockers.txt"),
        title_nouns=_folded("title_nouns.txt"),
        abbreviations=_folded("abbreviations.txt"),
        connectors=tuple(connectors),
        connectors_set=frozenset(connectors),
        speaker_stops=_folded("speaker_stops.txt"),
        territorial=_folded("territorial_roles.txt"),
        weekdays=_weekdays(),
        particles=_folded("name_particles.txt", LANG_ID),
        function_words=_function_words(),
        org_prefixes=tuple(sorted(_folded("org_prefixes.txt"))),
        connectors_by_head={head: tuple(group) for head, group in by_head.items()},
        connector_width=max((len(p) for p in connectors), default=0),
        cue_words=frozenset(cue_words),
        place_cues=_folded("place_cues.txt"),
        not_verbs=_folded("not_verbs.txt"),
        formulae=frozenset(tuple(line.casefold().split()) for line in _lines("formulae.txt")),
        clause_markers=_folded("clause_markers.txt"),
        social=_folded("social_words.txt"),
        passives=frozenset(p for v in cues["verb"] | cues["weak"] for p in _passive(v)),
    )


# active prefix -> the letters the passive puts back ("menyebut" -> "disebut")
_NASALS = (("meny", ("s",)), ("meng", ("", "k")), ("mem", ("", "p")), ("men", ("", "t")))


def _passive(verb: str) -> tuple[str, ...]:
    """The possible ``di-`` forms of an active verb (over-generating is harmless)."""
    if " " in verb or not verb.startswith("me"):
        return ()
    for prefix, restored in _NASALS:
        if verb.startswith(prefix):
            return tuple("di" + r + verb[len(prefix) :] for r in restored)
    return ("di" + verb[2:],)


def _honorific_words() -> frozenset[str]:
    """The one-word titles, ranks, forms of address and rank parts, dots removed, case kept.

    A speaker phrase is read word by word, so a multi-word rank counts through its
    ``part`` rows (``Ajun``, ``Komisaris``, ``Besar``, ``Polisi``).
    """
    forms = (row[0].replace(".", "") for row in read_table(LANG_ID, "honorifics.tsv"))
    return frozenset(form for form in forms if " " not in form)


def _roles() -> frozenset[str]:
    """Words of roles in a speaker phrase.

    The one-word job titles, role prefixes and status words of ``lang/id`` and the
    descriptions of ``speaker_roles.txt`` (kin, ``warga``, ``pihak``). Not the occupations
    of ``lang/id/occupations.txt``: alone they are an unnamed group ("Nelayan setempat").
    """
    shared = [
        line
        for name in ("job_titles.txt", "role_prefixes.txt", "status_words.txt")
        for line in _lines(name, LANG_ID)
    ]
    return frozenset(fold(w) for w in shared if " " not in w) | _folded("speaker_roles.txt")


def _function_words() -> frozenset[str]:
    """Words that never belong to a name.

    The lists above, ``lang/id/function_words.txt`` and ``sentence_openers.txt``.
    """
    words = set(_folded("function_words.txt", LANG_ID) | _folded("sentence_openers.txt"))
    for name in ("adverbs.txt", "blockers.txt", "speaker_stops.txt"):
        words |= _folded(name)
    for line in _lines("connectors.txt"):
        words.update(line.casefold().split())
    for line in _lines("speech_cues.tsv", LANG_ID):
        words.update(line.partition("\t")[0].casefold().split())
    for line in _lines("pronouns.tsv"):
        words.add(line.partition("\t")[0].casefold())
    return frozenset(words | _weekdays())


def _weekdays() -> frozenset[str]:
    """Return every weekday spelling listed in ``beritakit.lang.id/weekdays.tsv``."""
    out: set[str] = set()
    for line in read_lines(LANG_ID, "weekdays.tsv"):
        cells = line.split("\t")
        out.add(cells[0].strip().casefold())
        if len(cells) > 2:
            out.update(form.strip().casefold() for form in cells[2].split(",") if form.strip())
    return frozenset(out)
