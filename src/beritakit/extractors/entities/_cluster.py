"""Group accepted mentions into entities: one person, organisation or place, with every mention."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from beritakit.extractors.entities._acronyms import Definition
from beritakit.extractors.entities._data import KIND_PREFERENCE, OrgEntry, PlaceEntry, data, key_of
from beritakit.extractors.entities._hits import OrgHit, PersonHit, PlaceHit
from beritakit.extractors.entities._places import near_codes, resolve_shared
from beritakit.extractors.entities._rules import Scan, words
from beritakit.extractors.entities._tokens import fold
from beritakit.lang import LANG_ID
from beritakit.resources import read_lines

__all__ = ["Mention", "cluster_orgs", "cluster_people", "cluster_places", "same_person", "stem"]


@dataclass(slots=True)
class Mention:
    """An accepted mention over tokens ``[i, j)`` with what the rules learnt about it."""

    i: int
    j: int
    label: str
    tier: int = 0  # lower is stronger: rule, gazetteer, model
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    link: int | None = None
    org: OrgEntry | None = None
    acronym: str | None = None
    expansion: str | None = None
    places: tuple[PlaceEntry, ...] = ()
    kind: str | None = None
    explicit: bool = False  # the text says which (Kota X / Kabupaten X)
    district_ok: bool = False  # a district name with evidence enough to be a place
    src: str = ""  # which rule made it: "model", "list", "known" (a later bare mention) …
    # what produced it (model, gazetteer, rule, alias, acronym), set by the finder once it
    # is accepted; the entity's evidence is the union over its mentions
    evidence: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Person:
    name: str
    tokens: list[str]
    forms: dict[str, int] = field(default_factory=dict)
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[list[str]] = field(default_factory=list)  # linked names ("N alias Jack")
    evidence: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Org:
    forms: list[str] = field(default_factory=list)
    acronym: str | None = None
    expansion: str | None = None
    uses: dict[str, int] = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Place:
    entry: PlaceEntry | None
    kind: str | None
    forms: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    candidates: tuple[str, ...] = ()  # codes of the regions a shared name may be
    evidence: set[str] = field(default_factory=set)


def _add(values: list[str], new: list[str]) -> None:
    for v in new:
        if v and v not in values:
            values.append(v)


# -- people ----------------------------------------------------------------------------------


def cluster_people(s: Scan, mentions: list[Mention], exclude: set[str]) -> list[PersonHit]:
    """One person per real-world person: "Najib" joins "Akhmad Najib", "Jack" joins "N" (alias)."""
    clusters: list[_Person] = []
    index = NameIndex()
    by_start: dict[int, _Person] = {}
    for m in sorted(mentions, key=lambda m: (m.link is not None, -(m.j - m.i), m.i)):
        toks = [fold(s.toks[p].text) for p in range(m.i, m.j) if s.toks[p].is_word]
        target = by_start.get(m.link) if m.link is not None else None
        if target is not None:
            target.aliases.append(toks)
        if target is None:
            found = index.first_same(toks)
            if found is None:
                found = index.first_nickname(toks)
            target = None if found is None else clusters[found]
        if target is None:
            target = _Person(s.name_text(m.i, m.j), toks)
            index.add(toks, len(clusters))
            clusters.append(target)
        by_start[m.i] = target
        form = s.name_text(m.i, m.j)
        target.forms[form] = target.forms.get(form, 0) + 1
        _add(target.honorifics, m.honorifics)
        _add(target.degrees, m.degrees)
        _add(target.roles, m.roles)
        target.evidence |= m.evidence
        target.mentions.append((s.toks[m.i].start, s.toks[m.j - 1].end))
    clusters = _merge_aliases(clusters)
    for c in clusters:
        c.name = _canonical(c.name, c.forms)
    out = [
        PersonHit(
            name=c.name,
            honorifics=tuple(c.honorifics),
            degrees=tuple(c.degrees),
            roles=tuple(c.roles),
            mentions=tuple(sorted(set(c.mentions))),
            aliases=_other_names(c.name, c.forms),
            evidence=tuple(sorted(c.evidence)),
        )
        for c in clusters
        if stem(c.name) not in exclude
    ]
    out.sort(key=lambda p: p.mentions[0])
    return out


def _other_names(name: str, forms: dict[str, int]) -> tuple[str, ...]:
    """The written names of a person that are not a part or a longer form of ``name``.

    "Cak Imin" of "Muhaimin Iskandar", "Budi Cobra" of "Budi Hartono"; not "Muhaimin".
    """
    own = set(fold(name).split())
    out: list[str] = []
    for form in forms:
        words_ = set(fold(form).split())
        if words_ and not words_ <= own and not own <= words_ and form not in out:
            out.append(form)
    return tuple(out)


def _merge_aliases(clusters: list[_Person]) -> list[_Person]:
    """Fold into a person the clusters that are one of its linked names ("Jack" into "N")."""
    out: list[_Person] = []
    index = NameIndex()  # every alias of the people in ``out``, by position in ``out``
    for c in clusters:
        found = index.first_same(c.tokens, equal=True)
        if found is None:
            for alias in c.aliases:
                index.add(alias, len(out))
            out.append(c)
            continue
        into = out[found]
        for alias in c.aliases:
            index.add(alias, found)
        for form, n in c.forms.items():
            into.forms[form] = into.forms.get(form, 0) + n
        _add(into.honorifics, c.honorifics)
        _add(into.degrees, c.degrees)
        _add(into.roles, c.roles)
        into.mentions += c.mentions
        into.aliases += c.aliases
        into.evidence |= c.evidence
    return out


def _nickname_of(short: list[str], full: list[str]) -> bool:
    """Tell whether ``short`` may be a looser form of ``full`` (for clustering only).

    "Rico Waas" / "Rico Tri Putra Bayu Waas" (first and last name), "Kosmariam" /
    "Koesmariam Djatikusumo" (one slip), "Wira" / "Wiradarma Harefa" (a short form of
    the first name).
    """
    if not short or len(short) >= len(full):
        return False
    if len(short) >= 2:
        if short[0] != full[0] or short[-1] != full[-1]:
            return False
        rest = iter(full[1:-1])
        return all(w in rest for w in short[1:-1])
    word = short[0]
    return any(len(word) >= 6 and len(w) >= 6 and _one_edit(word, w) for w in full) or (
        len(word) >= 3 and len(full[0]) >= len(word) + 2 and full[0].startswith(word)
    )


# Names of more words, or words of more letters, than these are never seen in news text;
# the index below stays exact up to them and, past them, falls back to a bounded scan.
_MAX_INDEXED_WORDS = 12
_MAX_EDIT_WORD = 64
_SCAN_CAP = 256  # candidates tried per look-up that the index cannot answer exactly


def _edit_keys(word: str) -> list[tuple[str, ...]]:
    """Keys two words share when they are one edit apart (both 6 to 64 letters).

    ``("sub", k, rest)``: equal but for the letter at ``k``; ``("self", w)`` meets
    ``("del", w)``: one letter deleted from the longer word gives the shorter.
    """
    if not 6 <= len(word) <= _MAX_EDIT_WORD:
        return []
    keys: list[tuple[str, ...]] = [("self", word)]
    for k in range(len(word)):
        rest = word[:k] + word[k + 1 :]
        keys.append(("sub", str(k), rest))
        keys.append(("del", rest))
    return keys


def _edit_queries(word: str) -> list[tuple[str, ...]]:
    """The keys to look up for the words one edit from ``word``."""
    if not 6 <= len(word) <= _MAX_EDIT_WORD:
        return []
    out: list[tuple[str, ...]] = [("del", word)]
    for k in range(len(word)):
        rest = word[:k] + word[k + 1 :]
        out.append(("sub", str(k), rest))
        out.append(("self", rest))
    return out


class NameIndex:
    """Names (lists of folded words) by owner, to find the first owner a name matches.

    ``first_same(t)`` answers ``min(o for names n of owner o if same_person(t, n))`` and
    ``first_nickname(t)`` the same for :func:`_nickname_of`, without comparing ``t`` with
    every name: each name is filed under the keys a matching name must share with it
    (itself, its contiguous parts, its words' one-edit keys, its first word's prefixes),
    so a look-up reads a few buckets instead of all names, in linear time overall.
    Owners must be added in increasing order (each bucket stays sorted).
    """

    def __init__(self) -> None:
        self._buckets: dict[tuple[object, ...], list[int]] = {}
        self._names: dict[int, list[list[str]]] = {}
        self._long: list[int] = []  # owners of names past the indexed size

    def add(self, name: list[str], owner: int) -> None:
        """File ``name`` under ``owner``."""
        self._names.setdefault(owner, []).append(name)
        if len(name) > _MAX_INDEXED_WORDS:
            self._put(self._long, owner)
            return
        n = len(name)
        self._file(("eq", *name), owner)
        for size in range(1, n):  # proper contiguous parts: "Najib" in "Akhmad Najib"
            for k in range(n - size + 1):
                self._file(("part", *name[k : k + size]), owner)
        for p, word in enumerate(name):  # one slip in one word
            for key in _edit_keys(word):
                self._file(("slip", n, p, *name[:p], *name[p + 1 :], *key), owner)
        if n >= 2:
            self._file(("ends", name[0], name[-1]), owner)
            for word in set(name):
                for key in _edit_keys(word):
                    self._file(("nick", *key), owner)
            first = name[0]
            for size in range(3, min(len(first) - 2, _MAX_EDIT_WORD) + 1):
                self._file(("prefix", first[:size]), owner)

    def first_same(self, name: list[str], *, equal: bool = False) -> int | None:
        """The first owner of a name ``name`` is the same person as (:func:`same_person`).

        With ``equal``, an equal name matches even when empty.
        """
        keys: list[tuple[object, ...]] = [("eq", *name), ("part", *name)]
        n = len(name)
        for p, word in enumerate(name):
            for key in _edit_queries(word):
                keys.append(("slip", n, p, *name[:p], *name[p + 1 :], *key))
        if equal:
            return self._first(keys, name, lambda a, b: a == b or same_person(a, b))
        return self._first(keys, name, same_person)

    def first_nickname(self, name: list[str]) -> int | None:
        """The first owner of a name ``name`` may be a looser form of (:func:`_nickname_of`)."""
        if not name:
            return None
        keys: list[tuple[object, ...]]
        if len(name) >= 2:
            keys = [("ends", name[0], name[-1])]
        else:
            word = name[0]
            keys = [("nick", *key) for key in _edit_queries(word)]
            keys.append(("prefix", word[:_MAX_EDIT_WORD]))
        return self._first(keys, name, _nickname_of)

    def _first(
        self,
        keys: list[tuple[object, ...]],
        name: list[str],
        test: Callable[[list[str], list[str]], bool],
    ) -> int | None:
        best: int | None = None
        for bucket in [*(self._buckets.get(k, ()) for k in keys), self._long]:
            for tried, owner in enumerate(bucket):
                if (best is not None and owner >= best) or tried >= _SCAN_CAP:
                    break
                if any(test(name, other) for other in self._names[owner]):
                    best = owner
                    break
        return best

    def _file(self, key: tuple[object, ...], owner: int) -> None:
        self._put(self._buckets.setdefault(key, []), owner)

    @staticmethod
    def _put(bucket: list[int], owner: int) -> None:
        if not bucket or bucket[-1] < owner:
            bucket.append(owner)
            return
        at = bisect.bisect_left(bucket, owner)  # an alias added to an earlier owner
        if at == len(bucket) or bucket[at] != owner:
            bucket.insert(at, owner)


def _canonical(longest: str, forms: dict[str, int]) -> str:
    """Pick the name of a person from its written forms.

    The longest name, unless a shorter name of two words or more that starts it is written
    more often ("Marc Marquez" twice, "Marc Marquez Juara" once in a headline).
    """
    clean = [f for f in forms if not headline_like(f)]
    if headline_like(longest) and clean:
        longest = max(clean, key=len)  # "Donald Trump Langkah Trump": a headline run
    words_ = longest.split()
    for form, n in sorted(forms.items(), key=lambda f: -len(f[0])):
        parts = form.split()
        if (
            2 <= len(parts) < len(words_)
            and words_[: len(parts)] == parts
            and n > forms.get(longest, 0)
        ):
            return form
    return longest


def headline_like(form: str) -> bool:
    """A written name that runs into a title-case headline.

    A word after the first is a function word ("Billy Sudah Menikah") or a common verb form
    ("Gusti Meninggal Dunia"), or a word comes back ("Donald Trump Langkah Trump").
    """
    parts = [fold(w) for w in form.split()]
    particles = words("name_particles")
    function = _function_words()
    common = data().corpus_words
    return any(
        (w in function and w not in particles) or (w in common and _VERB_FORM.fullmatch(w))
        for w in parts[1:]
    ) or (len(set(parts)) < len(parts))


# a verb or verbal noun ("Meninggal", "Menggunakan", "Kehilangan", "Diejek", "Bersama"): with
# the common words of the corpus, a headline's word, never a name's
_VERB_FORM = regex.compile(
    r"(?:me[mnr]?|meng|meny|di|ber|ter)\p{Ll}{3,}|ke\p{Ll}{3,}an|\p{Ll}{3,}kan"
)


@functools.cache
def _function_words() -> frozenset[str]:
    """Indonesian function words (``lang/id/function_words.txt``) never inside a name."""
    # short words that also occur in names ("Jama Kita Purba", "Ke", "Di") are left out
    return frozenset(read_lines(LANG_ID, "function_words.txt")) - _IN_NAMES


_IN_NAMES = frozenset(
    "kita kami mereka ia kata ujar ada para di ke ini itu tak saat bagi antara lebih dan "
    "sebuah".split()
)


def same_person(short: list[str], full: list[str]) -> bool:
    """``short`` names the person ``full`` names: equal, a part, or one spelling slip apart."""
    if not short or not full:
        return False
    if short == full:
        return True
    if len(short) < len(full):
        n = len(short)
        return (
            short[0] in full
            if n == 1
            else any(full[k : k + n] == short for k in range(len(full) - n + 1))
        )
    if len(short) == len(full):
        diff = [(x, y) for x, y in zip(short, full, strict=True) if x != y]
        return len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 6 and _one_edit(*diff[0])
    return False


def _one_edit(x: str, y: str) -> bool:
    """Levenshtein distance of at most one ("Estianti"/"Estianty", "Nurlina"/"Nurliana")."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(1 for p, q in zip(x, y, strict=True) if p != q) == 1
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


# -- organisations -------------------------------------------------------------------------------


def cluster_orgs(
    s: Scan, mentions: list[Mention], definitions: list[Definition], exclude: set[str]
) -> list[OrgHit]:
    """One organisation per gazetteer entry, acronym definition or written name."""
    acr_to_def = {fold(df.acronym): df for df in definitions if df.org}
    clusters: dict[str, _Org] = {}
    by_form: dict[str, str] = {}
    for m in mentions:
        written = s.name_text(m.i, m.j)
        if m.org is not None and m.org.type == "national_team" and written[:1].islower():
            written = written[0].upper() + written[1:]  # "timnas Belanda": a listed team
        if m.org is None and m.acronym:
            m.org = _gaz_org(m.acronym)  # "Komisi Yudisial (KY)" is the gazetteer's KY
            if m.org is not None:
                m.evidence.add("gazetteer")
        key = f"gaz:{m.org.id}" if m.org is not None else org_key(written)
        acronym, expansion = m.acronym, m.expansion
        if m.org is not None and m.org.acronym:
            acronym = acronym or m.org.acronym
            expansion = expansion or m.org.name
        df = acr_to_def.get(fold(written))
        if df is not None:
            key = f"def:{fold(df.acronym)}" if df.entry is None else f"gaz:{df.entry.id}"
            acronym, expansion = df.acronym, df.long
        if m.acronym is not None:
            key = f"def:{fold(m.acronym)}" if m.org is None else f"gaz:{m.org.id}"
        forms = _org_forms(written, m.acronym or acronym, m.expansion)
        lookups = [org_key(f) for f in [*forms, written, *([m.acronym] if m.acronym else [])]]
        key = next((by_form[f] for f in lookups if f in by_form), key)
        for f in lookups:
            by_form.setdefault(f, key)
        cl = clusters.setdefault(key, _Org())
        use = written if (m.acronym is None or written == m.acronym) else (m.expansion or written)
        cl.uses[use] = cl.uses.get(use, 0) + 1
        _add(cl.forms, forms)
        cl.acronym = cl.acronym or acronym
        cl.expansion = cl.expansion or expansion
        cl.evidence |= m.evidence
        cl.mentions.append((s.toks[m.i].start, s.toks[m.j - 1].end))
    out: list[OrgHit] = []
    for cl in clusters.values():
        if any(stem(f) in exclude for f in cl.forms):
            continue
        name = max(cl.forms, key=lambda f: (len(f.split()), len(f)))
        expansion = cl.expansion
        if cl.acronym and _mostly_acronym(cl.uses, cl.acronym):
            name, expansion = (
                cl.acronym,
                expansion or name,
            )  # "UCLG ASPAC", written so again and again
        out.append(
            OrgHit(
                name=name,
                acronym=cl.acronym,
                expansion=expansion if expansion != name else None,
                aliases=tuple(f for f in cl.forms if f != name),
                mentions=tuple(sorted(set(cl.mentions))),
                evidence=tuple(sorted(cl.evidence)),
            )
        )
    return out


def _gaz_org(text: str) -> OrgEntry | None:
    for alias in data().gazetteer.get(key_of(text), ()):
        if isinstance(alias.entry, OrgEntry):
            return alias.entry
    return None


_ORG_SHORT = (
    ("pemerintah provinsi ", "pemprov "),
    ("pemerintah kabupaten ", "pemkab "),
    ("pemerintah kota ", "pemkot "),
    ("pemerintah daerah ", "pemda "),
    ("dewan perwakilan rakyat daerah ", "dprd "),
    ("mapolres ", "polres "),
    ("mapolda ", "polda "),
    ("mapolsek ", "polsek "),
    ("pt. ", "pt "),
)


def org_key(name: str) -> str:
    """Return one key for the spellings of one organisation.

    ("Pemerintah Provinsi Jabar", "Pemprov Jabar", "DPRD Provinsi Jabar", "DPRD Jabar",
    "Mapolres Manggarai", "Polres Manggarai").
    """
    key = " ".join(fold(name).replace(".", " ").split()) + " "
    for long, short in _ORG_SHORT:
        if key.startswith(long):
            key = short + key[len(long) :]
    words_ = key.split()
    if (
        len(words_) > 2
        and words_[1] in ("provinsi", "kabupaten", "kota", "kab")
        and words_[0]
        in (
            "dprd",
            "pemprov",
            "pemkab",
            "pemkot",
            "pemda",
            "bpbd",
            "dinas",
            "polres",
            "kejari",
        )
    ):
        words_.pop(1)
    return " ".join(words_)


def _mostly_acronym(uses: dict[str, int], acronym: str) -> bool:
    """The text writes the acronym more often than any other name of the organisation."""
    n = uses.get(acronym, 0)
    others = [v for k, v in uses.items() if k != acronym]
    return n > max(others) if others else n > 1


def _org_forms(written: str, acronym: str | None, expansion: str | None) -> list[str]:
    """The names an organisation's written form stands for ("Dinas X (ACR) Y" → "Dinas X Y", …)."""
    if not acronym or f"({acronym.split()[-1]})" not in written:
        return [written]
    if expansion and written.startswith(expansion) and written.endswith(f"({acronym.split()[-1]})"):
        return [expansion]  # a plain definition: "Komisi Yudisial (KY)"
    if expansion and " " in acronym:
        return [expansion]  # a split definition: "United Cities ... (UCLG) Asian Pacific (ASPAC)"
    bracket = f" ({acronym})"
    forms = [written.replace(bracket, "")]
    if expansion and expansion in written:
        head = written[: written.index(expansion)]
        rest = written[written.index(bracket) + len(bracket) :] if bracket in written else ""
        forms += [f"{head}{acronym}{rest}".strip(), f"{head}{acronym}".strip()]
    return forms


# -- places ----------------------------------------------------------------------------------------


def cluster_places(
    s: Scan,
    mentions: list[Mention],
    person_words: set[str],
    exclude: set[str],
    near: Sequence[str] = (),
) -> list[PlaceHit]:
    """One place per gazetteer entry (Kota X and Kabupaten X apart) or written name."""
    # a bare name that several entries share means the one the text names explicitly, else by kind
    explicit = {m.places[0].id for m in mentions if m.explicit and len(m.places) == 1}
    # regions the text names without doubt, and their parents: they settle shared names
    sure = {
        ".".join(e.code.split(".")[:n])
        for m in mentions
        if len({x.code for x in m.places}) == 1
        for e in m.places[:1]
        if e.code and e.code[0].isdigit()
        for n in range(1, len(e.code.split(".")) + 1)
    }
    sure |= near_codes(near)
    clusters: dict[str, _Place] = {}
    for m in mentions:
        written = s.name_text(m.i, m.j)
        entry: PlaceEntry | None = None
        candidates: tuple[str, ...] = ()
        if m.places:
            chosen = [e for e in m.places if e.id in explicit] or list(m.places)
            entry = min(chosen, key=lambda e: KIND_PREFERENCE.get(e.kind, 9))
            same_kind = [e for e in chosen if e.kind == entry.kind]
            if entry.kind in ("district", "regency", "city"):
                entry, candidates = resolve_shared(same_kind, sure)
        if fold(written) in person_words and (
            entry is None or entry.kind in ("world", "district", "other")
        ):
            continue  # "Hamilton" once "Heather Hamilton" is a person here
        # "Jakarta" (31:city) and "DKI Jakarta" (31) are one place
        key = (
            f"gaz:{entry.id.split(':')[0] if entry.id[0].isdigit() else entry.id}"
            if entry
            else f"txt:{s.fold_span(m.i, m.j)}"
        )
        cl = clusters.setdefault(key, _Place(entry, m.kind))
        cl.candidates = cl.candidates or candidates
        _add(cl.forms, [written])
        cl.evidence |= m.evidence
        cl.mentions.append((s.toks[m.i].start, s.toks[m.j - 1].end))
    # a bare name joins a headed place of the same name ("Kohod" → "Desa Kohod")
    for key in [k for k in clusters if k.startswith("txt:")]:
        into = next(
            (
                k
                for k in clusters
                if k != key and k.startswith("txt:") and k.endswith(" " + key[4:])
            ),
            None,
        )
        if into is not None:
            _add(clusters[into].forms, clusters[key].forms)
            clusters[into].evidence |= clusters[key].evidence
            clusters[into].mentions += clusters.pop(key).mentions
    displays = [cl.entry.name for cl in clusters.values() if cl.entry is not None]
    out: list[PlaceHit] = []
    for cl in clusters.values():
        if any(stem(f) in exclude for f in cl.forms):
            continue
        name = max(cl.forms, key=lambda f: (len(f.split()), len(f)))
        spans = tuple(sorted(set(cl.mentions)))
        entry = cl.entry
        if entry is None:
            kind = cl.kind if cl.kind in ("city", "regency", "province") else "other"
            out.append(
                PlaceHit(
                    name,
                    kind or "other",
                    None,
                    None,
                    None,
                    None,
                    spans,
                    cl.candidates,
                    evidence=tuple(sorted(cl.evidence)),
                )
            )
            continue
        if entry.name in cl.forms and displays.count(entry.name) == 1:
            name = entry.name  # the usual name ("Indonesia", "Palembang") when the text uses it
        code = entry.code if entry.code and ":" not in entry.code else None
        out.append(
            PlaceHit(
                name,
                entry.public_kind,
                code,
                entry.province if code else None,
                entry.lat,
                entry.lon,
                spans,
                evidence=tuple(sorted(cl.evidence)),
            )
        )
    return out


_DOMAIN_TAIL = ("coid", "com", "id", "co", "net", "tv")


def stem(name: str) -> str:
    """Compare outlet names loosely: "KOMPAS.com", "Kompas" and "kompas.com" are one."""
    letters = "".join(ch for ch in fold(name) if ch.isalnum())
    for tail in _DOMAIN_TAIL:
        if (
            letters.endswith(tail)
            and len(letters) > len(tail) + 2
            and ("." in name or tail == "com")
        ):
            return letters[: -len(tail)]
    return letters
