"""Article-level people / organisations / places F1 of the pipeline on the annotated news splits.

The annotated news articles (``training/data/news-ner``: stand-off spans over corpus articles
from ten outlets, none of them a dev article) are scored the way
``../shared/tools/score.py`` scores the dev gold: per article, a set of entities per type,
an entity matched when one of its names (name, acronym, expansion, aliases) equals one of the
gold entity's variants after ``score.py``'s ``norm``. The gold entities are built from the
spans of the article body:

- identical surfaces (after ``norm``) are one entity;
- a person's surface that is a run of words of a longer person surface in the same article is
  a variant of it (``Prabowo`` of ``Prabowo Subianto``);
- a bracketed surface right after another of the same type is its variant
  (``Komisi Pemberantasan Korupsi (KPK)``);
- surfaces that a shipped knowledge table gives as names of one entry are one entity, as
  ``data/ANNOTATION.md`` asks ("one entry per real-world entity"): a place's official code
  (``places.tsv``, ``place_aliases.tsv``, the world tables: ``Provinsi Jatim`` = ``Jawa
  Timur``, ``Tiongkok`` = ``China``), an organisation's short forms (``orgs.tsv``,
  ``teams.tsv``, ``clubs.tsv``, ``orgs_editorial.tsv``: ``Kemendagri`` = ``Kementerian Dalam
  Negeri``), a public figure's
  aliases (``people.tsv``). A name two entries share (``Sukabumi``: city and regency) merges
  nothing. Before the sixth session these were scored as separate gold entities, so a
  record that joined them correctly lost recall (``--no-knowledge`` scores that way);
- each name also has the variants the dev gold writes for every such name (sixth session;
  ``--no-knowledge`` leaves them out too): a place without its type word (``Kota Bekasi|Bekasi``,
  ``Kecamatan Harjamukti|Harjamukti``, ``Pulau Rempang|Rempang``), a company without its
  legal form (``PT Jasa Marga (Persero) Tbk|PT Jasa Marga|Jasa Marga``), an organisation with
  its short form in brackets inside the name without the brackets or with the short form
  for the long one (``Dinas Kesehatan (Diskes) Bandar Lampung|Dinas Kesehatan Bandar
  Lampung|Diskes Bandar Lampung``; eighth session); and a bare name
  written beside one such longer name is that entity (``Bekasi`` with ``Kota Bekasi``; not
  ``Sukabumi`` beside both ``Kota Sukabumi`` and ``Kabupaten Sukabumi``).

So this is not span F1: a name the pipeline finds once scores like a name found every time.
Use ``--split validation`` for every choice; ``--split test`` only to report.

    .venv/bin/python evaluation/score_news.py --split validation
    .venv/bin/python evaluation/score_news.py --split validation --damage join
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import beritakit
from beritakit.lang import LANG_ID, ORG_TABLES
from beritakit.resources import read_table

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "training"))

import news_ner  # noqa: E402  (also used by news_errors.py)
from variants import scorer  # noqa: E402

FIELDS = {"PER": "people", "ORG": "organizations", "LOC": "places"}


SCORE = scorer()  # ../shared/tools/score.py: its norm, names_of, match_sets, Tally


# a place's type word before its name, and the kinds of places.tsv entry it names
_PLACE_HEADS = {
    "provinsi": {"province"},
    "prov": {"province"},
    "kabupaten": {"regency"},
    "kab": {"regency"},
    "kota": {"city"},
    "negara": {"country"},
}
_AMBIGUOUS = "\0"
# the type words the dev gold drops from a place's name for a variant (GOLD.md's examples)
_PLACE_TYPE = re.compile(
    r"^(?:kota|kabupaten|kab|provinsi|prov|kecamatan|kec|desa|kelurahan|kel|dusun|pulau|gunung) "
)
_LEGAL_SUFFIX = re.compile(r"\(?\bpersero\b\)?|\btbk\b")
# a short form in brackets inside a name: "dinas kebudayaan dan pariwisata (disbudpar) kota bandung"
_INNER_SHORT = re.compile(r"^(?P<long>.+?) \((?P<short>[^()\s]+)\) (?P<rest>[^()]+)$")


def conventional_variants(label: str, name: str) -> set[str]:
    """The variants the dev gold gives every name like ``name`` (normalised)."""
    if label == "LOC":
        forms = {_PLACE_TYPE.sub("", name)}
    elif label == "ORG":  # PT X (Persero) Tbk|PT X|X
        company = SCORE.norm(_LEGAL_SUFFIX.sub(" ", name))
        forms = {company, company.removeprefix("pt ")}
        inner = _INNER_SHORT.match(name)
        if inner and inner["short"] != "persero":
            # Dinas Kesehatan (Diskes) Bandar Lampung|Dinas Kesehatan Bandar Lampung|Diskes
            # Bandar Lampung, as the dev gold writes every such name
            forms |= {f"{inner['long']} {inner['rest']}", f"{inner['short']} {inner['rest']}"}
    else:
        return set()
    return forms - {"", name}


@functools.cache
def knowledge() -> dict[str, dict[tuple[str, str], str]]:
    """Per label, ``(kind, normalised name) -> entry id`` from the shipped tables.

    ``kind`` is a place's kind (``""`` for a name written without a type word, which may be
    any kind but a district); an id is ``_AMBIGUOUS`` when two entries share the name.
    """
    table: dict[str, dict[tuple[str, str], str]] = {"PER": {}, "ORG": {}, "LOC": {}}

    def put(label: str, kind: str, name: str, entry: str) -> None:
        key = (kind, SCORE.norm(name))
        if key[1]:
            seen = table[label].setdefault(key, entry)
            if seen != entry:
                table[label][key] = _AMBIGUOUS

    names: dict[str, list[str]] = defaultdict(list)  # code -> its names
    kinds: dict[str, str] = {}
    for code, name, kind, *_ in read_table(LANG_ID, "places.tsv"):
        if kind == "district":
            continue
        kinds[code] = kind
        names[code].append(name)
        for head in ("Kabupaten ", "Kota ", "Provinsi "):
            if name.startswith(head):
                names[code].append(name[len(head) :])
    for code, alias, *_ in read_table(LANG_ID, "place_aliases.tsv"):
        if code in kinds:
            names[code].append(alias)
    for code, name, kind, *_ in read_table(LANG_ID, "places_world.tsv"):
        if kind == "country":
            kinds[code] = kind
            names[code].append(name)
    for code, alias, *_ in read_table(LANG_ID, "place_world_aliases.tsv"):
        if code in kinds:
            names[code].append(alias)
    for code, forms in names.items():
        for name in forms:
            put("LOC", kinds[code], name, code)
            put("LOC", "", name, code)
    for table_name in ORG_TABLES:
        for row in read_table(LANG_ID, table_name):
            name, short = row[0], row[2] if len(row) > 2 else ""
            for form in (name, *short.split("|")):
                put("ORG", "", form, name)
    for row in read_table(LANG_ID, "people.tsv")[1:]:  # a header line
        for form in (row[0], *row[1].split("|")):
            put("PER", "", form, row[0])
    return table


def entry_of(label: str, name: str) -> str | None:
    """The knowledge-table entry a normalised gold surface names, if exactly one."""
    table = knowledge()[label]
    kinds = {""}
    head, _, rest = name.partition(" ")
    if label == "LOC" and head in _PLACE_HEADS and rest:
        kinds, name = _PLACE_HEADS[head], rest
    found = {table.get((kind, name)) for kind in kinds} - {None}
    if len(found) != 1 or _AMBIGUOUS in found:
        return None
    return found.pop()


def gold_entities(
    text: str, spans: Sequence[Sequence[Any]], *, merge_known: bool = True
) -> dict[str, list[set[str]]]:
    """Gold entities per label, each a set of normalised variants."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        parent[find(a)] = find(b)

    ordered = sorted((int(s), int(e), str(lab)) for s, e, lab in spans)
    keys = []
    for start, end, label in ordered:
        name = SCORE.norm(text[start:end])
        if name:
            keys.append((label, name))
            find((label, name))
    for (s1, e1, l1), (s2, e2, l2) in zip(ordered, ordered[1:], strict=False):
        between = text[e1:s2].strip()
        if l1 == l2 and between == "(" and text[e2 : e2 + 1] == ")":
            a, b = SCORE.norm(text[s1:e1]), SCORE.norm(text[s2:e2])
            if a and b:
                union((l1, a), (l2, b))
    people = sorted({name for label, name in keys if label == "PER"}, key=lambda n: (len(n), n))
    for i, short in enumerate(people):
        for long in people[i + 1 :]:
            if f" {short} " in f" {long} ":
                union(("PER", short), ("PER", long))
                break
    if merge_known:
        entries: dict[tuple[str, str], tuple[str, str]] = {}
        for label, name in sorted(set(keys)):
            entry = entry_of(label, name)
            if entry is not None:
                union((label, name), entries.setdefault((label, entry), (label, name)))
        # "Bekasi" in an article that writes "Kota Bekasi" (and no other "... Bekasi")
        longer: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for label, name in sorted(set(keys)):
            for bare in conventional_variants(label, name):
                longer[(label, bare)].add((label, name))
        for key in sorted(set(keys)):
            if len(longer.get(key, ())) == 1:
                union(key, next(iter(longer[key])))
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in sorted(set(keys)):
        groups[find(key)].add(key[1])
        if merge_known:
            groups[find(key)] |= conventional_variants(*key)
    out: dict[str, list[set[str]]] = {label: [] for label in FIELDS}
    for (label, _), names in groups.items():
        out[label].append(names)
    return out


# What scrapers do to a text (the texts of tests/test_scraper_variants.py, for entities):
# every line break a space, or dropped with nothing between the lines.
DAMAGE: dict[str, Any] = {
    "join": lambda text: text.replace("\n", " "),
    "glue": lambda text: text.replace("\n", ""),
}


def score(
    split: str, *, merge_known: bool = True, damage: str | None = None
) -> dict[str, dict[str, float]]:
    """P/R/F1 per entity type, and per outlet for all types together.

    ``damage`` names a scraper damage (:data:`DAMAGE`) done to each text before extraction;
    the gold is the undamaged text's (entities are compared by name, not offset).
    """
    path = news_ner.DATA_DIR / f"{split}.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    texts = news_ner.texts_for((r["id"] for r in records), news_ner.CORPUS)
    tallies: dict[str, Any] = defaultdict(SCORE.Tally)
    crashes: list[str] = []
    for record in records:
        text = texts[record["id"]]
        try:
            damaged = DAMAGE[damage](text) if damage else text
            art: beritakit.Article | None = beritakit.extract(damaged, id=record["id"])
        except beritakit.BeritakitError as exc:  # scored as an article with no entities
            print(f"{record['id']}: {exc}", file=sys.stderr)
            crashes.append(record["id"])
            art = None
        gold = gold_entities(text, record["spans"], merge_known=merge_known)
        for label, field in FIELDS.items():
            predicted = [SCORE.names_of(e.model_dump(mode="json")) for e in getattr(art, field, ())]
            pairs, missed, extra = SCORE.match_sets(
                gold[label], predicted, lambda g, p: bool(g & p)
            )
            for key in (field, f"outlet {record['outlet']}"):
                tallies[key].add(len(pairs), len(extra), len(missed))
    result = {key: dict(zip("prf", t.prf(), strict=True)) for key, t in sorted(tallies.items())}
    result["crashes"] = {"n": float(len(crashes))}
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=news_ner.SPLITS, default="validation")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--no-knowledge",
        action="store_true",
        help="do not join gold surfaces the knowledge tables name as one entry (the old yardstick)",
    )
    parser.add_argument(
        "--damage",
        choices=sorted(DAMAGE),
        help="score the texts with their line breaks made spaces (join) or dropped (glue)",
    )
    args = parser.parse_args(argv)
    result = score(args.split, merge_known=not args.no_knowledge, damage=args.damage)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"| {args.split} | P | R | F1 |\n|---|---|---|---|")
    for key, prf in result.items():
        if key == "crashes":
            print(f"| articles that failed (scored as empty) | {int(prf['n'])} | | |")
            continue
        print(f"| {key} | {prf['p']:.3f} | {prf['r']:.3f} | **{prf['f']:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
