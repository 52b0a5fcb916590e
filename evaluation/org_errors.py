"""Organisation errors of the pipeline by class, on dev and on the news validation split.

Each gold organisation the record misses and each record organisation no gold one matches
(matched as ``../shared/tools/score.py`` matches them) is put in one class:

- ``boundary``: a missed gold organisation and an extra record organisation share a name word
  (counted once, as a pair: the record has the name, cut or run on);
- ``as PER`` / ``as LOC``: a missed gold organisation is a person or place of the record, or
  an extra record organisation is a gold person or place (type confusion);
- ``merged``: a record organisation has the missed gold name among its names, but was
  matched to another gold organisation (the news split's gold does not link a name written two
  ways without a bracket: ``Kemnaker`` / ``Kementerian Ketenagakerjaan``; a scorer artefact);
- ``missed`` / ``spurious``: the rest.

and, by its head word, in one kind (club, company, police/army, agency, school, party, media,
legislature, coalition/community, acronym, other). Never pass the test split.

    .venv/bin/python evaluation/org_errors.py                  # both sets, counts
    .venv/bin/python evaluation/org_errors.py --list validation  # every error with its text
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import score_news

import beritakit

SC = score_news.SCORE
DEV_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "dev.gold.jsonl"

KINDS: tuple[tuple[str, str], ...] = (
    (
        "police/army",
        (
            r"polri|polda|polres|polresta|polrestabes|polsek|polisi|satreskrim|satres"
            r"|satlantas|reskrim|bareskrim|densus|brimob|ditreskrimum|ditreskrimsus|ditres|ditlantas"
            r"|korlantas|propam|tni|kodam|kodim|korem|koramil|kopassus|yonif|lanud|lantamal|lanal"
            r"|kostrad|marinir|paspampres|polairud|polair|unit|subdit|satgas|detasemen|batalyon|den"
        ),
    ),
    (
        "agency",
        (
            r"kementerian|kemenko|kemen\w*|badan|dinas|disdik|dishub|dinkes|direktorat|ditjen"
            r"|balai|biro|sekretariat|pusat|otoritas|komisi\b(?! [ivx]+\b)|lembaga|kantor"
            r"|pemerintah|pemkot"
            r"|pemkab|pemprov|pemda|bpbd|basarnas|bnpb|kpk|ojk|bi|bpk|bpom|bmkg|imigrasi|kejaksaan|kejati"
            r"|kejari|kejagung|pengadilan|mahkamah|pn|ptun|ma|mk|ky|kpu|bawaslu|dkpp|satpol"
        ),
    ),
    ("legislature", r"dpr|dprd|mpr|dpd|komisi [ivx]+|fraksi|pansus|baleg|banggar"),
    (
        "party",
        (
            r"partai|pdip|pdi|golkar|gerindra|nasdem|pkb|pks|pan|demokrat|psi|perindo|ppp"
            r"|hanura|gelora|pkn|garuda"
        ),
    ),
    (
        "school",
        (
            r"universitas|univ|institut|sekolah|sma|smp|sd|smk|sman|smpn|sdn|man|mts|mi"
            r"|madrasah|pesantren|ponpes|politeknik|akademi|stikes|stie|fakultas|ui|ugm|itb|ipb|unpad"
            r"|university|college|school"
        ),
    ),
    ("company", r"pt|cv|tbk|bank|perum|perumda|pd|koperasi|inc|corp|ltd|group|grup|holding"),
    (
        "club",
        (
            r"fc|persib|persija|persebaya|arema|psm|psis|persis|bali|madura|timnas|tim|klub"
            r"|real|barcelona|manchester|liverpool|chelsea|arsenal|juventus|inter|ac|as|bayern"
            r"|borussia|atletico|psg|madrid|milan|napoli|united|city|ssc|rb"
        ),
    ),
    (
        "coalition/community",
        (
            r"koalisi|komunitas|kelompok|forum|aliansi|asosiasi|ikatan"
            r"|perhimpunan|persatuan|himpunan|gerakan|serikat|lsm|yayasan|organisasi|federasi"
            r"|persatuan|pengurus|ormas|nu|muhammadiyah|pbnu|pp|mui|kadin|ylki|walhi|icw"
        ),
    ),
    (
        "media",
        (
            r"tv|tvri|rri|antara|kompas|tempo|detik|liputan6|tribun|okezone|republika"
            r"|sindonews|cnn|bbc|reuters|afp|ap|times|post|news|media|radio"
        ),
    ),
)


_CITED = re.compile(
    r"(dilansir|dikutip|melansir|mengutip|menurut|kepada|laporan)( dari| oleh)?"
    r"( situs| laman| media| kantor berita| harian| majalah)?( resmi)? ?$"
)


def kind_of(name: str, org_types: dict[str, str]) -> str:
    low = name.casefold()
    if low in org_types:
        return org_types[low]
    words = re.findall(r"\w+", low)
    for kind, pattern in KINDS:
        if any(re.fullmatch(pattern, w) for w in words[:2]) or (
            words and re.fullmatch(pattern, words[-1])
        ):
            return kind
    if re.fullmatch(r"[A-Z0-9-]{2,8}", name.strip()):
        return "acronym"
    return "other"


def load_org_types() -> dict[str, str]:
    out: dict[str, str] = {}
    path = Path(beritakit.__file__).parent / "lang" / "id" / "orgs.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        kind = {
            "ministry": "agency",
            "soe": "company",
            "brand": "company",
            "national_team": "club",
            "survey": "company",
            "military": "police/army",
            "police": "police/army",
            "court": "agency",
            "university": "school",
            "intl_org": "intl",
        }.get(cols[1], cols[1])
        for name in [cols[0], *cols[2].split("|")]:
            if name:
                out[name.casefold()] = kind
    return out


def dev_items() -> Iterator[tuple[str, str, dict[str, list[set[str]]], list[str]]]:
    """id, text, gold entities per label (sets of variants), the gold org display names."""
    for line in DEV_GOLD.open(encoding="utf-8"):
        if not line.strip():
            continue
        g = json.loads(line)
        gold = {
            lab: [SC.alts(SC.gold_name(x)) for x in g.get(key) or []]
            for lab, key in (("ORG", "organizations"), ("PER", "persons"), ("LOC", "places"))
        }
        yield g["id"], g["text"], gold, [SC.gold_name(x) for x in g.get("organizations") or []]


def val_items() -> Iterator[tuple[str, str, dict[str, list[set[str]]], list[str]]]:
    path = score_news.news_ner.DATA_DIR / "validation.jsonl"
    records = [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]
    texts = score_news.news_ner.texts_for((r["id"] for r in records), score_news.news_ner.CORPUS)
    for r in records:
        text = texts[r["id"]]
        gold = score_news.gold_entities(text, r["spans"])
        names = []
        for variants in gold["ORG"]:
            shown = [
                text[s:e]
                for s, e, lab in r["spans"]
                if lab == "ORG" and SC.norm(text[s:e]) in variants
            ]
            names.append(max(shown, key=len) if shown else sorted(variants)[0])
        yield r["id"], text, gold, names


def context(text: str, names: set[str]) -> str:
    low = SC.norm(text)
    for name in sorted(names, key=len, reverse=True):
        i = low.find(name)
        if i >= 0:
            return low[max(0, i - 60) : i + len(name) + 40].replace("\n", " ")
    return ""


def _words(names: set[str]) -> set[str]:
    return {w for n in names for w in n.split() if len(w) > 2}


def analyse(
    items: Iterator[tuple[str, str, dict[str, list[set[str]]], list[str]]],
    org_types: dict[str, str],
) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    for art_id, text, gold, shown in items:
        art = beritakit.extract(text).model_dump(mode="json")
        pred = {
            lab: [SC.names_of(e) for e in art.get(f) or []]
            for lab, f in (("ORG", "organizations"), ("PER", "people"), ("LOC", "places"))
        }
        display = {
            id(n): e["name"]
            for n, e in zip(pred["ORG"], art.get("organizations") or [], strict=True)
        }
        pairs, missed, extra = SC.match_sets(gold["ORG"], pred["ORG"], lambda g, p: bool(g & p))
        index = {id(g): n for n, g in enumerate(gold["ORG"])}
        extra_left = list(extra)
        for variants in missed:
            g = index[id(variants)]
            row = {"id": art_id, "gold": shown[g], "kind": kind_of(shown[g], org_types)}
            partner = next((p for p in extra_left if _words(variants) & _words(p)), None)
            if any(variants & pred["ORG"][k] for k in range(len(pred["ORG"]))):
                row.update(cls="merged")  # a record entity holds it, matched to another gold one
            elif partner is not None:
                extra_left.remove(partner)
                row.update(cls="boundary", got=display[id(partner)])
            elif any(variants & p for p in pred["PER"]):
                row.update(cls="as PER")
            elif any(variants & p for p in pred["LOC"]):
                row.update(cls="as LOC")
            else:
                row.update(cls="missed")
            row["ctx"] = context(text, variants)
            if _CITED.search(row["ctx"].split(sorted(variants, key=len)[-1])[0][-40:]):
                row["kind"] = "media (cited)"
            errors.append(row)
        for p in extra_left:
            name = display[id(p)]
            row = {"id": art_id, "got": name, "kind": kind_of(name, org_types)}
            if any(p & v for v in gold["PER"]):
                row.update(cls="PER as ORG")
            elif any(p & v for v in gold["LOC"]):
                row.update(cls="LOC as ORG")
            else:
                row.update(cls="spurious")
            row["ctx"] = context(text, p)
            errors.append(row)
        errors.append({"id": art_id, "cls": "_tp", "n": len(pairs), "gold_n": len(gold["ORG"])})
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("dev", "validation"), action="append")
    parser.add_argument("--list", action="store_true", help="print every error")
    parser.add_argument("--jsonl", type=Path, help="write every error as JSON lines")
    args = parser.parse_args(argv)
    org_types = load_org_types()
    for which in args.set or ("dev", "validation"):
        errors = analyse(dev_items() if which == "dev" else val_items(), org_types)
        rows = [e for e in errors if e["cls"] != "_tp"]
        tp = sum(e["n"] for e in errors if e["cls"] == "_tp")
        print(f"\n## {which}: {tp} matched, {len(rows)} error rows")
        by_cls = Counter(e["cls"] for e in rows)
        kinds = sorted({e["kind"] for e in rows})
        print("| class | n | " + " | ".join(kinds) + " |")
        for cls, n in by_cls.most_common():
            counts = Counter(e["kind"] for e in rows if e["cls"] == cls)
            print(f"| {cls} | {n} | " + " | ".join(str(counts.get(k, "")) for k in kinds) + " |")
        if args.list:
            for e in sorted(rows, key=lambda e: (e["cls"], e["kind"])):
                print(
                    f"{e['cls']:10} {e['kind']:12} {e.get('gold', '')!s:40} -> "
                    f"{e.get('got', '')!s:35} | {e['ctx']}"
                )
        if args.jsonl:
            with args.jsonl.with_suffix(f".{which}.jsonl").open("w", encoding="utf-8") as out:
                for e in rows:
                    out.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
