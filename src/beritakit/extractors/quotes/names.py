"""Read who is named in a speaker phrase: strip roles, ranks, honorifics and degrees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from beritakit.extractors.quotes.lexicon import Lexicon
from beritakit.extractors.quotes.text import Tok

__all__ = ["Evidence", "Named", "PhraseReading", "read_phrase", "split_glued", "word_kind"]

# Where a scraper glued two words when it dropped a link: "MedanRico", "PSSIErick",
# "kepadaKompas". Both sides need three letters, so "GoPay" or "YouTube" stay whole.
_GLUE = regex.compile(r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}{2})|(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})")
_DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
_BRACKETS = "()"  # stands for a bracketed group dropped from a phrase
# pe-…-an / ke-…-an nouns ("Perjalanan", "Keputusan", "Kehadiran"), never first names
_NOUN_SHAPE = regex.compile(r"(?:pe|ke)\p{Ll}{3,}an")
_REDUPLICATED = regex.compile(r"(\p{L}+)-\1\p{L}*")
_ROMAN = regex.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_QUANTIFIERS = frozenset({"seorang", "salah", "para", "sejumlah", "beberapa", "banyak"})
_NICKNAME_CUES = frozenset({"disapa", "dipanggil", "alias", "sapaan", "panggilan", "dijuluki"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the whole article shows about its capitalised words.

    Attributes:
        inside: Words written with a capital somewhere other than at a sentence start.
        starts: Words that begin a person's name where the text uses it alone: after a
            cue ("ujar Tony"), after an honorific, or as a sentence's subject ("Edy berharap").
        places: Words written after a locative preposition ("di Jakarta", "ke Bekasi").

    """

    inside: frozenset[str]
    starts: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True, slots=True)
class Named:
    """A name found in a phrase, with its offsets in the article text.

    ``territory`` is set when the name was read after a territorial role with no comma
    ("Camat Tanjung Morawa"): the role phrase, so the caller can check whether the text
    names the holder of that role elsewhere.
    """

    text: str
    start: int
    end: int
    org: bool = False
    territory: Named | None = None


@dataclass(frozen=True, slots=True)
class PhraseReading:
    """What a speaker phrase says about the speaker.

    Attributes:
        kind: ``name`` (a person or organisation is named), ``back`` (a pronoun or a
            description such as "pelatih berusia 67 tahun itu" that points back to someone
            named before), ``many`` (several people), ``unnamed`` (a common noun such as
            "pewawancara", or a crowd of social-media users, "warganet"), ``role``
            (only a job title, "Wali Kota": ``name`` holds it), ``account`` (a social-media
            account, "akun @warga_peduli": ``name`` holds the handle) or ``none``.
        name: The name when ``kind`` is ``name``.
        start: Start of the phrase in the text (or -1).
        end: End of the phrase in the text (or -1).

    """

    kind: str
    name: Named | None = None
    start: int = -1
    end: int = -1


def split_glued(toks: Sequence[Tok], lex: Lexicon | None = None) -> list[Tok]:
    """Split tokens glued by a scraper ("MedanRico" → "Medan", "Rico").

    With ``lex``, a dateline glued to a title by a hyphen is split too ("Jakarta-Ketua").
    """
    out: list[Tok] = []
    for t in toks:
        rest = t.text[1:]
        if t.is_quote or len(t.text) < 6 or rest == rest.lower():
            out.append(t)  # no capital inside the word: nothing glued
            continue
        cuts = [m.start() for m in _GLUE.finditer(t.text)]
        if lex is not None and "-" in t.text and t.capital:
            left, _, right = t.text.partition("-")
            if right[:1].isupper() and (
                right.casefold() in lex.roles or right.casefold() in lex.org_words
            ):
                out.append(Tok(left, t.start, t.start + len(left)))
                t = Tok(right, t.start + len(left) + 1, t.end)
                cuts = [m.start() for m in _GLUE.finditer(t.text)]
        if not cuts:
            out.append(t)
            continue
        prev = 0
        for c in [*cuts, len(t.text)]:
            out.append(Tok(t.text[prev:c], t.start + prev, t.start + c))
            prev = c
    return out


def word_kind(t: Tok, lex: Lexicon) -> str:
    """Classify a token of a speaker phrase.

    Returns:
        ``H`` honorific or rank, ``D`` degree, ``R`` role word, ``O`` organisation or
        place word, ``A`` acronym, ``L`` other lower-case word, ``p`` name particle,
        ``N`` name word, ``F`` capitalised function word ("Di", "Dalam"), ``P``
        punctuation, number or Roman numeral.

    """
    raw = t.text
    if t.is_quote:
        return "P"
    bare = raw.replace(".", "")
    if not bare or not bare[0].isalpha():
        return "P"
    if bare in lex.honorifics or (len(bare) >= 3 and bare.upper() in lex.honorifics):
        return "H"  # "AKP" is also written "Akp"
    folded = bare.casefold()
    if raw[0].isupper() and folded in lex.degrees and bare not in lex.honorifics and len(bare) <= 6:
        if not (bare[0].isupper() and bare[1:].islower() and len(bare) > 3):
            return "D"
    if raw[0].islower():
        return "p" if folded in lex.particles else "L"
    if folded in lex.function_words:
        return "F"  # "Di", "Sempat", "Namun": a name word only inside a name
    if folded in lex.roles:
        return "R"
    if folded in lex.org_words or folded.startswith(lex.org_prefixes):
        return "O"
    if _ROMAN.fullmatch(bare):
        return "P"
    if _REDUPLICATED.fullmatch(folded):
        return "L"  # "Hari-hari", "Anak-anak": plural nouns, never names
    if bare.isupper() and len(bare) >= 3:
        return "A"
    return "N"


def _parts(toks: Sequence[Tok]) -> list[list[Tok]]:
    """Split a phrase at commas outside brackets, dropping bracketed groups."""
    parts: list[list[Tok]] = [[]]
    depth = 0
    for t in toks:
        if t.text == "(":
            if not depth:
                parts[-1].append(Tok(_BRACKETS, t.start, t.end))  # a bracket ends a name
            depth += 1
            continue
        if t.text == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if t.text in ",;":
            parts.append([])
            continue
        parts[-1].append(t)
    return [p for p in parts if p]


def _best_name(
    part: list[Tok], lex: Lexicon, evidence: Evidence, first: int
) -> tuple[int, Named] | None:
    """Return the score and the name at the end of one comma part, if any."""
    kinds = [word_kind(t, lex) for t in part]
    for n, kind in enumerate(kinds):
        # a capitalised function word inside a name ("Kementerian Dalam Negeri", "menurut
        # Di Giannantonio") is part of it; at the start of the sentence it is not
        if kind == "F":
            inner = n > 0 and kinds[n - 1] in "NOA" and part[n - 1].capital
            leads = (
                n + 1 < len(part)
                and word_kind(part[n + 1], lex) == "N"
                and part[n].start != first
                and part[n].folded not in lex.pronouns
                and part[n].folded not in lex.weekdays
            )
            kinds[n] = "N" if inner or leads else "L"
    for n in range(1, len(kinds)):
        # a role word after a name word is a surname ("Ahmad Fauzan Hakim")
        if (
            kinds[n] == "R"
            and kinds[n - 1] == "N"
            and part[n].capital
            and (n + 1 == len(kinds) or kinds[n + 1] in "ND")
        ):
            kinds[n] = "N"
    j = len(part)
    while j > 0 and (kinds[j - 1] == "D" or part[j - 1].text in (".", "-", _BRACKETS)):
        j -= 1
    i = j
    while i > 0 and (
        kinds[i - 1] == "N" or (kinds[i - 1] == "p" and i < j and i - 1 > 0 and kinds[i - 2] == "N")
    ):
        i -= 1
    if i == j:
        # a part made of one acronym-like token stands for a person named by initials ("AM")
        if j == 1 and kinds[0] == "A" and len(part[0].text) <= 4 and len(part) == 1:
            return 1, Named(part[0].text, part[0].start, part[0].end)
        return None
    run = part[i:j]
    b = i - 1
    while b > 0 and part[b].text == ".":
        b -= 1  # "H. Iman Irdian Saragih": the honorific before the dot counts
    before = kinds[b] if b >= 0 else ""
    if run[0].start == first and run[0].text not in evidence.inside:
        # a capital only because it opens the sentence: "Longsor membuat …",
        # "Perjalanan Syaloomitha Meirika …"; "Patrick Kluivert sendiri …" stays
        if len(run) == 1:
            return None
        if _NOUN_SHAPE.fullmatch(run[0].folded):
            run = run[1:]
    territory: Named | None = None
    if before == "R" and part[i - 1].text.casefold() in lex.territorial:
        territory = Named(
            " ".join(t.text for t in part[i - 1 : j]), part[i - 1].start, part[j - 1].end
        )
        head = run[0].text
        if len(run) >= 2 and (
            head in evidence.places
            or (head not in evidence.starts and any(t.text in evidence.starts for t in run[1:]))
            or (len(run) >= 3 and head not in evidence.starts)
        ):
            run = run[1:]  # "Gubernur Banten Andra Soni": the first word is the territory
    if (
        before == "O"
        and not any(kinds[n] == "R" and part[n].capital for n in range(i))
        and not any(t.text in evidence.starts for t in run)
    ):
        # "Departemen Keamanan Dalam Negeri": an organisation, not a person
        k = i - 1
        while k > 0 and kinds[k - 1] in "NOA":
            k -= 1
        org = part[k:j]
        return 1, Named(" ".join(t.text for t in org), org[0].start, org[-1].end, org=True)
    while before != "H" and len(run) >= 2 and run[0].text in evidence.places:
        run = run[1:]  # "Kepala Dinas KPKP DKI Jakarta Hasudungan Sidabalok"
    if before != "H" and len(run) >= 3:
        # "Chief Equity strategist … Minnesota Terry Sandven": the text names the person
        # elsewhere by a later word alone ("Menurut Sandven")
        at = next((n for n in range(2, len(run)) if run[n].text in evidence.starts), 0)
        if at and not any(t.text in evidence.starts for t in run[:at]):
            run = run[at:]
    if before == "H":
        score = 4
    elif not before:
        score = 3 if len(run) >= 2 else 2
    else:
        score = 2 if len(run) >= 2 else 1
    return score, Named(
        " ".join(t.text for t in run), run[0].start, run[-1].end, territory=territory
    )


def read_phrase(
    toks: Sequence[Tok],
    lex: Lexicon,
    evidence: Evidence,
    first: int = -1,
) -> PhraseReading:
    """Read a speaker phrase: a pronoun, a description pointing back, or a name.

    Args:
        toks: The phrase's tokens (commas between appositions included).
        lex: The word lists.
        evidence: What the article shows about its capitalised words.
        first: Offset of the sentence's first word; a capital there needs evidence.

    Returns:
        The reading; for a name, the part of the phrase that names the person (the
        honorifics, ranks, roles and degrees around it left out).

    """
    toks = [t for t in split_glued(toks, lex) if not t.is_quote]
    if not toks:
        return PhraseReading("none")
    start, end = toks[0].start, toks[-1].end
    head = toks[0].folded
    handle = next((t for t in toks if len(t.text) > 1 and t.text[0] == "@"), None)
    if handle is not None:  # "tulis akun @warga_peduli": the account, not a person
        return PhraseReading("account", Named(handle.text, handle.start, handle.end), start, end)
    if head in lex.social or (
        head in _QUANTIFIERS and any(t.folded in lex.social for t in toks[1:3])
    ):
        return PhraseReading("unnamed", None, start, end)  # "komentar seorang warganet"
    kind = lex.pronouns.get(head)
    if kind is None and head.endswith("nya") and len(toks) == 1 and head[:-3] in lex.after:
        kind = "one"  # "ujar lanjutnya"
    if kind is not None:
        return PhraseReading("back" if kind == "one" else "many", None, start, end)
    for k, t in enumerate(toks[:-1]):
        if t.folded in _NICKNAME_CUES and toks[k + 1].capital:
            run = [toks[k + 1]]
            for u in toks[k + 2 :]:
                if u.capital and word_kind(u, lex) == "N":
                    run.append(u)
                else:
                    break
            name = Named(" ".join(u.text for u in run), run[0].start, run[-1].end)
            return PhraseReading("name", name, start, end)
    words = [t for t in toks if t.text[:1].isalnum()]
    if words and words[-1].folded in _DEMONSTRATIVES:
        return PhraseReading("back", None, start, end)
    best: tuple[int, Named] | None = None
    for part in _parts(toks):
        got = _best_name(part, lex, evidence, first)
        if got is not None and (best is None or got[0] > best[0]):
            best = got
    if best is not None:
        return PhraseReading("name", best[1], start, end)
    kinds = [word_kind(t, lex) for t in words]
    if any(k in "OA" for k in kinds):
        k0 = next(i for i, k in enumerate(kinds) if k in "OA")
        at = toks.index(words[k0])
        lo = at
        while lo > 0 and toks[lo - 1].capital:
            lo -= 1
        hi = at + 1
        while hi < len(toks) and toks[hi].capital:
            hi += 1
        caps = toks[lo:hi]
        org = Named(" ".join(t.text for t in caps), caps[0].start, caps[-1].end, org=True)
        return PhraseReading("name", org, start, end)
    if len(words) >= 2 and words[-1].folded.endswith("nya") and len(words[-1].folded) > 5:
        # "Kuasa hukumnya", "Ayah korbannya": someone of someone else's, not named
        return PhraseReading("unnamed", None, start, end)
    if any(k == "R" for k in kinds) and words[0].capital:
        caps = [t for t in words if t.capital]
        role = Named(" ".join(t.text for t in caps), caps[0].start, caps[-1].end)
        return PhraseReading("role", role, start, end)
    return PhraseReading("unnamed", None, start, end)
