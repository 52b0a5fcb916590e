"""Names in the text that the context makes an organisation or not.

Media: cited sources are organisations, the article's own outlet is not. Makers: a maker
named with its model after a vehicle or device noun is a product (``names_a_product``).

Indonesian news names the outlet it borrows from with a small set of verbs: ``dilansir
(dari) Gekisaka``, ``dikutip dari Medical News Today, Senin (9/6/2025)``, ``melansir Tech
Crunch``, ``mengutip dari Investing.com``, ``dikutip dari situs lembaga Mongabay``. What
follows is an outlet (ANNOTATION.md: media cited as sources are organisations) that no list
can hold: foreign sports sites, health and lifestyle magazines, news agencies. The cue
words are ``citation_cues`` in ``patterns.jsonl``; lower-case words that may stand between
the cue and the name (``dari``, ``situs``, ``kantor berita``) are ``citation_fillers``.

Not taken: a weekday or month (``dikutip Selasa (10/6)``), a role or honorific
(``mengutip Presiden …``), a platform or product (``dilansir dari Instagram``,
``not_entities.txt``), a name that is only a place, a name opening with a common
Indonesian word (``corpus_words.txt``: ``Laporan Harta Kekayaan …``, ``Buku Manasik``) unless
the organisation list knows it (``Antara``, ``Tempo``). A name the NER model or a rule reads
as a person stays a person (``mengutip Heba Yosry``, ``dilansir dari Mark Gurman``), unless
a strong cue has it and a weekday follows (``melansir Tech Crunch, Sabtu (7/6/2025)``) or it
is one word after a strong cue and ``dari`` (``dinukil dari Sportsmole``).
"""

from __future__ import annotations

import functools

from beritakit.extractors.entities._rules import Scan, words
from beritakit.lang import LANG_ID
from beritakit.resources import read_table

__all__ = ["cited_sources", "names_a_product", "own_outlet"]

_CONNECT = frozenset({"of", "the", "de", "and", "&", "for", "du", "la", "el", "del"})
_DOMAIN = frozenset({"com", "co", "id", "net", "org", "tv", "news", "io", "uk", "au", "in"})
_MAX_WORDS = 6
# a word that cites a medium only when a weekday and a date follow the name: a person is
# quoted "menurut Andi," but a source is dated "menurut Healthline, Jumat (20/6/2025),"
_DATED_CUES = frozenset({"menurut"})
_FILLERS_MAX = 4


@functools.cache
def _calendar() -> frozenset[str]:
    """Weekday and month names and spellings (``lang/id``), folded."""
    out: set[str] = set()
    for name in ("weekdays.tsv", "months.tsv"):
        for row in read_table(LANG_ID, name):
            out.add(row[0])
            if len(row) > 2:
                out.update(x.strip() for x in row[2].split(",") if x.strip())
    return frozenset(out)


def _capital_inside(text: str) -> bool:
    return any(c.isupper() for c in text)


def _domain_after(s: Scan, k: int) -> int:
    """Tokens of a domain tail after word ``k`` (``.com``, ``.co.id``), or 0."""
    n = 0
    while (
        k + n + 2 < s.n
        and s.toks[k + n + 1].text == "."
        and not s.toks[k + n + 1].space_before
        and not s.toks[k + n + 2].space_before
        and s.keys[k + n + 2] in _DOMAIN
    ):
        n += 2
    return n


def _name_end(s: Scan, i: int) -> int:
    """Where the source's name that opens at ``i`` ends (``i`` when none opens there)."""
    tok = s.toks[i]
    dom = _domain_after(s, i)
    if not tok.is_word or not (tok.is_cap or _capital_inside(tok.text) or dom):
        return i
    j = i + 1 + dom
    n_words = 1
    while j < s.n and n_words < _MAX_WORDS and not s.hard[j] and not s.sent_start[j]:
        t = s.toks[j]
        if not t.is_word or s.keys[j] in _calendar():
            break
        if s.keys[j] in _CONNECT and not t.is_cap:
            if j + 1 < s.n and s.toks[j + 1].is_word and s.toks[j + 1].is_cap:
                j += 1
                continue
            break
        if not (t.is_cap or _capital_inside(t.text)):
            break
        j += 1 + _domain_after(s, j)
        n_words += 1
    return j


def _org_hit(s: Scan, p: int) -> bool:
    hit = s.gaz_at(p)
    return hit is not None and bool(hit.orgs)


def _dated(s: Scan, j: int) -> bool:
    """A weekday and a date follow the name: ``Tech Crunch, Sabtu (7/6/2025)`` (a citation)."""
    k = j + 1 if j < s.n and s.toks[j].text == "," else j
    return k < s.n and s.keys[k] in _calendar()


def cited_sources(
    s: Scan, person_starts: set[int], person_words: dict[str, set[int]] | None = None
) -> list[tuple[int, int]]:
    """Token ranges of the media an article cites after a citation verb.

    ``person_words``: each folded word of the people the model or the rules found, with the
    starts of their spans; a name after a cue that cites only with a date (``menurut``) is
    no medium when a person found elsewhere in the text holds one of its words.
    """
    person_words = person_words or {}
    cues = words("citation_cues")
    weak = words("citation_cues_weak")
    fillers = words("citation_fillers")
    newsroom = words("newsroom_cues")
    not_entities = s.d.not_entities
    out: list[tuple[int, int]] = []
    for k in range(s.n - 1):
        key = s.keys[k]
        dated_only = key in _DATED_CUES  # "Menurut Healthline, Jumat (20/6/2025), ..."
        if key not in cues and key not in weak and not dated_only:
            continue
        i = k + 1
        while i < s.n and i - k <= _FILLERS_MAX and s.toks[i].is_lower and s.keys[i] in fillers:
            i += 1
        if i >= s.n or s.hard[i] or s.keys[i] in _calendar():
            continue
        j = _name_end(s, i)
        if j <= i or len(s.span_text(i, j)) < 2 or s.role_head_at(i) or s.honorifics_at(i)[2]:
            continue
        if dated_only and (
            not _dated(s, j) or any(person_words.get(s.keys[p], set()) - {i} for p in range(i, j))
        ):
            continue  # "Menurut Andi, ...": a person as often as a source
        one_word_source = key in cues and s.keys[k + 1] == "dari" and j - i == 1
        strong = key in cues or dated_only
        if i in person_starts and (not strong or not (_dated(s, j) or one_word_source)):
            # "mengutip Heba Yosry", "dilansir dari Mark Gurman": a person; one word after
            # "dinukil dari", "dilansir dari" is a medium ("Sportsmole", "Givemesport")
            continue
        if key in newsroom and s.span_text(i, j).casefold() in _outlet_spellings():
            continue  # "Diberitakan detikOto sebelumnya": the article's own outlet
        if s.fold_span(i, j) in not_entities or s.keys[i] in not_entities:
            continue  # "dilansir dari Instagram", "dikutip dari YouTube MAIA TV"
        hit = s.gaz_at(i)
        known = hit is not None and hit.j == j and bool(hit.orgs)
        if hit is not None and hit.j >= j and hit.places and not hit.orgs:
            continue  # a place: "dikutip dari Jepang"
        if any(s.org_head_at(p)[0] or _org_hit(s, p) for p in range(i + 1, j)):
            continue  # a known body inside: "Keterbukaan Informasi Bursa Efek Indonesia"
        if j < s.n and s.toks[j].text[0].isdigit() and not s.hard[j]:
            continue  # numbered: a document or a competition ("SKB 3 Menteri", "Liga 1")
        if s.keys[i] in s.d.corpus_words and not known:
            continue  # a document or page: "dikutip dari Laporan Harta Kekayaan …", "Buku …"
        out.append((i, j))
    return out


@functools.cache
def _outlet_spellings() -> frozenset[str]:
    """Every spelling of an Indonesian outlet (``lang/id/outlets.tsv``), casefolded.

    Not news agencies and foreign broadcasters (``Reuters``, ``DW Indonesia``): an article
    quotes what someone told them (``kata pejabat itu kepada Reuters``).
    """
    out: set[str] = set()
    for row in read_table(LANG_ID, "outlets.tsv"):
        if len(row) > 4 and row[4] in ("agency", "foreign"):
            continue
        for cell in row[:3]:
            out.update(form.casefold() for form in cell.split("|") if form)
    return frozenset(out)


def own_outlet(s: Scan, i: int, j: int) -> bool:
    """An Indonesian outlet named as the newsroom writing the story, not as a source.

    ``pantauan detikcom``, ``saat dihubungi Kompas.com``, ``kepada Liputan6.com``, ``dilihat
    detikcom``: an outlet after a newsroom word (``newsroom_cues`` in ``patterns.jsonl``) is
    the article's own (ANNOTATION.md: not an organisation). The finder asks only when the
    dateline names no outlet: when it does, that outlet is left out anyway, and another one
    after ``kepada`` is a source the article reprints (a Tribun article: ``ujar Harianto
    kepada Kompas.com``). Only outlets of ``lang/id/outlets.tsv``: a foreign medium after
    ``kepada`` is a source (``kata pejabat itu kepada The Post``).
    """
    if i == 0 or s.keys[i - 1] not in words("newsroom_cues"):
        return False
    return s.span_text(i, j).casefold() in _outlet_spellings()


_MAKER_TYPES = frozenset({"brand", "company"})


def names_a_product(s: Scan, i: int, j: int) -> bool:
    """A maker's name written as part of a product's: ``sepeda motor matik Honda Scoopy``.

    With a model code right after it, no noun is needed: ``Yamaha XMAX``, ``Honda HR-V``.

    A vehicle or device noun (``product_before`` in ``patterns.jsonl``: ``motor``,
    ``bermerek``, ``ponsel``, ``teknologi``) comes right before, the name opens with a maker
    the organisation list knows as a brand or company, and a model name follows it, in the
    span or right after it (a capitalised word or one with a digit: ``RX King``,
    ``N-Max``, ``Mate XT``). ``mobil Honda yang …`` is left alone: no model is named.
    """
    hit = s.gaz_at(i)
    if hit is None or not any(o.type in _MAKER_TYPES for o in hit.orgs):
        return False
    k = hit.j
    if k == j and k < s.n and _model_code(s, k):
        return True  # a model code after the maker needs no noun: "Yamaha XMAX", "Honda HR-V"
    if i == 0 or s.keys[i - 1] not in words("product_before") or not s.toks[i - 1].is_lower:
        return False
    if k < j:
        return True  # the span runs on into the model: "Yamaha N-Max"
    if k >= s.n or s.hard[k] or s.sent_start[k] or not s.toks[k].is_word:
        return False
    tok = s.toks[k]
    return (tok.is_cap or any(c.isdigit() for c in tok.text)) and s.keys[k] not in _NOT_MODEL


def _model_code(s: Scan, k: int) -> bool:
    """Token ``k``, right after a maker's name, is a model code.

    A digit or two capitals after the first letter: "XMAX", "R1", "HR-V", "BeAT", "SU7".
    """
    tok = s.toks[k]
    if s.hard[k] or s.sent_start[k] or not tok.is_word or not tok.space_before:
        return False
    text = tok.text
    capitals = sum(c.isupper() for c in text[1:])
    return s.keys[k] not in _NOT_MODEL and (
        any(c.isdigit() for c in text) or (len(text) >= 3 and capitals >= 2)
    )


# words after a maker that name the company, not a model
_NOT_MODEL = frozenset({"indonesia", "motor", "motors", "group", "grup", "corp", "inc", "tbk"})
