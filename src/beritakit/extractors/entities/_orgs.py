"""Organisation names the lists share with places: which one the text means.

``lang/id/orgs.tsv`` gives candidates; the context decides. A club's short form that is
also a city (``Milan``, ``Valencia``, ``Leipzig``) names the club in a sentence about the
game (``laga``, ``gol``, ``pelatih`` …) and the city elsewhere (``tinggal di Milan``).
"""

from __future__ import annotations

from beritakit.extractors.entities._data import OrgEntry, PlaceEntry
from beritakit.extractors.entities._rules import GazMatch, Scan

__all__ = [
    "GAME_WORDS",
    "english_head",
    "inside_places",
    "reads_as_org",
    "sport_article",
    "sport_context",
    "sport_only",
    "venue_spans",
    "venue_tail",
    "year_tail",
]

# Words of a sentence about sport: a club name there is the club.
SPORT_WORDS = frozenset(
    """
    laga liga gol skor klub tim skuad pelatih pemain bek kiper striker gelandang penyerang
    juara kalah menang imbang menjamu dijamu tandang kandang pertandingan musim bola sepak
    turnamen final semifinal klasemen vs kontra melawan bertanding transfer kontrak
    trofi piala ucl ucl champions serie bundesliga laliga premier ligue
    """.split()
)
# Words only a text about a game uses (not "tim", "menang", "musim", "final", which news of
# elections, police teams and seasons use too): an article with a few of them is about sport.
GAME_WORDS = frozenset(
    """
    gol liga klub pelatih striker gelandang penyerang bek kiper skuad klasemen laga
    pertandingan sepak bola basket nba bundesliga laliga ucl playoff playoffs pemain transfer
    """.split()
)
_GAME_ARTICLE = 3  # uses of GAME_WORDS that make an article about sport
_SPORT_TYPES = frozenset({"club", "national_team"})
_WINDOW = 12  # tokens either side: about a clause


def sport_article(s: Scan) -> bool:
    """The article is about a game: it uses a few words only sport news uses (cached)."""
    if s.sport_article is None:
        s.sport_article = sum(k in GAME_WORDS for k in s.keys) >= _GAME_ARTICLE
    return s.sport_article


def sport_context(s: Scan, i: int, j: int) -> bool:
    """The clause around ``[i, j)`` or the whole article is about sport."""
    lo, hi = max(0, i - _WINDOW), min(s.n, j + _WINDOW)
    return any(s.keys[p] in SPORT_WORDS for p in range(lo, hi)) or sport_article(s)


def sport_only(hit: GazMatch) -> bool:
    """Every organisation reading of the hit is a team's short form read only about sport."""
    teams = [a for a in hit.aliases if isinstance(a.entry, OrgEntry)]
    return bool(teams) and all(a.sport for a in teams)


def reads_as_org(s: Scan, i: int, hit: GazMatch) -> bool:
    """Tell whether a gazetteer hit at ``i`` that lists organisations names one here.

    A hit that is also a place (``Milan``: AC Milan and the city, ``Napoli``) is the
    organisation only when the organisations it may be are not clubs or national teams, or
    the text around it or the article is about sport; otherwise it is the place. A team's
    short form that is a word or a town (``Pacers``, ``Thunder``, ``Bournemouth``) is the
    team only about sport.
    """
    orgs: tuple[OrgEntry, ...] = hit.orgs
    places: tuple[PlaceEntry, ...] = hit.places
    if not orgs:
        return False
    if sport_only(hit):
        return sport_context(s, i, hit.j)
    if not places:
        return True
    if all(o.type in _SPORT_TYPES for o in orgs):
        return sport_context(s, i, hit.j)
    return True


def inside_places(s: Scan) -> set[int]:
    """Tokens inside a place name that starts before them ("Serikat" of "Amerika Serikat")."""
    inside: set[int] = set()
    for p, hit in s.gaz.items():
        if hit.places and not hit.orgs:
            inside.update(range(p + 1, hit.j))
    return inside


# The last word of a venue's name (ANNOTATION.md: venues are neither places nor
# organisations): "Rose Bowl", "Lincoln Financial Field", "Jakarta Convention Center".
VENUE_TAILS = frozenset("stadium bowl field arena hall mall plaza square".split())
_VENUE_BEFORE_CENTER = frozenset("convention exhibition expo trade shopping sport sports".split())


def venue_tail(s: Scan, k: int) -> bool:
    """Tell whether the word at ``k`` ends the name of a venue."""
    key = s.keys[k]
    if key in VENUE_TAILS:
        return True
    return key in ("center", "centre") and k > 0 and s.keys[k - 1] in _VENUE_BEFORE_CENTER


def venue_spans(s: Scan) -> list[tuple[int, int]]:
    """Capitalised names ending in a venue word ("Lincoln Financial Field"), as token ranges."""
    out: list[tuple[int, int]] = []
    for k in range(1, s.n):
        if not (s.toks[k].is_cap and venue_tail(s, k)):
            continue
        b = k
        while b > 0 and k - b < 5 and s.toks[b - 1].is_cap and s.toks[b - 1].is_word:
            if s.hard[b] or s.sent_start[b]:
                break
            b -= 1
        if b < k:
            out.append((b, k + 1))
    return out


def year_tail(s: Scan, i: int, j: int) -> bool:
    """The words after an organisation head are only a year ("Klub 2025", "Kabinet 2024")."""
    words = [s.toks[p].text for p in range(i, j) if s.toks[p].is_word]
    return (
        len(words) == 1
        and len(words[0]) == 4
        and words[0].isdigit()
        and words[0][:2]
        in (
            "19",
            "20",
        )
    )


def english_head(s: Scan, j: int) -> int:
    """Where an English name opened by a suffix head ends, or 0.

    "Center of Economic and Law Studies", "Institute for Essential Services Reform": the
    head comes first and ``of``/``for`` at ``j`` continues the name.
    """
    if j >= s.n or s.keys[j] not in ("of", "for") or s.hard[j]:
        return 0
    end = j
    while end < s.n and end - j < 8 and not s.hard[end]:
        tok = s.toks[end]
        if tok.is_word and (tok.is_cap or s.keys[end] in ("of", "for", "and", "the")):
            end += 1
        else:
            break
    while end > j and not s.toks[end - 1].is_cap:
        end -= 1
    return end if end > j + 1 else 0
