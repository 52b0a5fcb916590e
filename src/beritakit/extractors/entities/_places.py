"""Place rules: names that are also words, and names several regions share.

A place name that is also a common word (``place_words.txt``: ``Natal``, ``Surat``,
``Metro``, ``Kita``) is a place only with capitalisation AND context: not the first word
of a sentence, and after a place cue (``di``, ``ke``, ``dari``, ``Kota``, ``Kabupaten`` …)
or inside a list of places (``Malang, Batu, dan Blitar``).

A gazetteer name that several regions of one kind share (a district name found in many
regencies) is resolved from the article: the region whose regency or province the text
names elsewhere. Without such evidence it keeps no code and lists its candidates.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from beritakit.extractors.entities._data import PlaceEntry, data, key_of
from beritakit.extractors.entities._rules import Scan
from beritakit.extractors.entities._tokens import fold
from beritakit.resources import read_lines

__all__ = ["PLACE_CUES", "near_codes", "place_word_ok", "place_words", "resolve_shared"]

_PKG = "beritakit.extractors.entities"

# Words right before a place name that say it is one.
PLACE_CUES = frozenset(
    """
    di ke dari menuju asal kota kabupaten kab provinsi kecamatan kelurahan desa wilayah daerah
    kawasan sekitar hingga sampai antara warga penduduk
    """.split()
)


@functools.cache
def place_words() -> frozenset[str]:
    """Folded place names that are also common words (``place_words.txt``)."""
    return frozenset(fold(w) for w in read_lines(_PKG, "place_words.txt"))


def _place_at(s: Scan, k: int) -> bool:
    hit = s.gaz_at(k) if 0 <= k < s.n else None
    return hit is not None and bool(hit.places) and s.keys[k] not in place_words()


def _in_list(s: Scan, i: int, j: int) -> bool:
    """A list of places around ``[i, j)``: "Malang, Batu, dan Blitar"."""
    before = i - 1
    if before > 0 and s.keys[before] in (",", "dan", "atau", "/"):
        p = before - 1
        while p > 0 and not s.toks[p].is_cap and p > before - 4:
            p -= 1
        start = p
        while start > 0 and s.gaz_at(start) is None and start > p - 3:
            start -= 1
        hit = s.gaz_at(start)
        if hit is not None and hit.places and hit.j == before and _place_at(s, start):
            return True
    if j + 1 < s.n and s.keys[j] in (",", "dan", "atau", "/"):
        if _place_at(s, j + 1):
            return True
    return False


def place_word_ok(s: Scan, i: int, j: int) -> bool:
    """Tell whether a place name at ``[i, j)`` may be read as a place here.

    Only one-word names of ``place_words.txt`` are in question; they need a capital, a
    position other than a sentence's start, no capitalised word or glued characters right
    after them (``Bursa Efek``), and a cue before them or a list of places.
    """
    if j - i != 1 or s.keys[i] not in place_words():
        return True
    tok = s.toks[i]
    if not tok.is_cap or s.sent_start[i]:
        return False
    if j < s.n and not s.hard[j]:
        after = s.toks[j]
        if not after.space_before and after.text[:1].isalnum():
            return False  # glued to what follows: "Galeri24"
        if after.is_cap and after.is_word and not s.sent_start[j] and s.gaz_at(j) is None:
            return False  # the first word of a longer name: "Bursa Efek Singapura"
    return (i > 0 and s.keys[i - 1] in PLACE_CUES) or _in_list(s, i, j)


def resolve_shared(
    entries: Sequence[PlaceEntry], context_codes: set[str]
) -> tuple[PlaceEntry | None, tuple[str, ...]]:
    """Pick among same-kind regions sharing a name; else none, with their codes.

    ``context_codes`` are the Kemendagri codes of regions the article names without doubt
    (and their parents). The entry whose code lies under the deepest of those wins.
    """
    codes = sorted({e.code for e in entries if e.code})
    if len(codes) <= 1:
        return (entries[0] if entries else None), ()
    best: list[PlaceEntry] = []
    best_depth = 0
    for e in entries:
        if not e.code:
            continue
        parts = e.code.split(".")
        depth = max(
            (n for n in range(1, len(parts)) if ".".join(parts[:n]) in context_codes), default=0
        )
        if depth > best_depth:
            best, best_depth = [e], depth
        elif depth == best_depth and depth:
            best.append(e)
    if len({e.code for e in best}) == 1:
        return best[0], ()
    return None, tuple(codes)


def near_codes(names: Sequence[str]) -> set[str]:
    """Codes (and parent codes) of the Indonesian regions named by ``names`` (a dateline city).

    What all the regions bearing the name share counts: ``Jakarta`` gives ``31``, ``Malang``
    (a city and a regency) the province ``35``.
    """
    out: set[str] = set()
    for name in names:
        entries = {
            a.entry.code
            for a in data().gazetteer.get(key_of(name), ())
            if isinstance(a.entry, PlaceEntry)
            and a.entry.indonesian_admin
            and a.entry.kind != "district"
        }
        split = [c.split(".") for c in entries if c]
        if not split:
            continue
        # what all its readings share: "Malang" (city 35.73, regency 35.07) is in province 35
        common = 0
        while all(len(p) > common and p[common] == split[0][common] for p in split):
            common += 1
        out.update(".".join(split[0][:n]) for n in range(1, common + 1))
    return out
