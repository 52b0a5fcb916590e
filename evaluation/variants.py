"""Score the dateline and credits on dev articles as scrapers damage them.

Usage (from the project root):
    .venv/bin/python evaluation/variants.py [--gold PATH] [--verbose]

Each dev article is rewritten the ways scrapers lose its layout, and the dateline and
credits are scored against the dev gold exactly as ``../shared/tools/score.py`` does
(its ``norm``, ``alts``, ``match_sets`` and ``Tally`` are imported, not copied):

- ``oneline``: every line break becomes one space (the whole article on one line);
- ``glued``: the space after each sentence end is dropped (``wartawan.Menurut``);
- ``nospace``: lines are joined with nothing between them (``Rina AyuTRIBUNNEWS.COM``).

Only the text-stage extractors run (``dateline.v1``, ``credits.v1``): the others do not
change these two fields.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
DEV_GOLD = SHARED / "data" / "articles" / "dev.gold.jsonl"

_LINES = re.compile(r"[ \t]*\n[\n \t]*")
# a sentence end, its spaces, and the capital or opening quote of the next sentence
_SENTENCE_GAP = re.compile(r"(?<=[a-z0-9)\"\u201d][.!?])[ \t]+(?=[\"\u201cA-Z])")


def oneline(text: str) -> str:
    """The whole article on one line: each run of line breaks becomes one space."""
    return _LINES.sub(" ", text).strip()


def glued(text: str) -> str:
    """Sentences glued: the space after a sentence end is dropped (``wartawan.Menurut``)."""
    return _SENTENCE_GAP.sub("", text)


def nospace(text: str) -> str:
    """Lines joined with nothing between them (``Rina AyuTRIBUNNEWS.COM, JAKARTA -``)."""
    return _LINES.sub("", text).strip()


VARIANTS: dict[str, Callable[[str], str]] = {
    "oneline": oneline,
    "glued": glued,
    "nospace": nospace,
    "oneline+glued": lambda t: glued(oneline(t)),
}


def scorer() -> ModuleType:
    """``../shared/tools/score.py`` as a module (its matching rules are the gold's)."""
    spec = importlib.util.spec_from_file_location("beritakit_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(
    golds: list[dict[str, Any]], transform: Callable[[str], str], verbose: bool = False
) -> dict[str, float]:
    """Dateline city and outlet accuracy and credits role+name F1 on transformed texts."""
    import beritakit  # noqa: PLC0415

    sc = scorer()
    pipeline = beritakit.load(beritakit.Options(extractors=("dateline.v1", "credits.v1")))
    accs = {"dateline.city": sc.Accuracy(), "dateline.outlet": sc.Accuracy()}
    tally = sc.Tally()
    for g in golds:
        given = (g.get("given") or {}).get("published")
        published = dt.date.fromisoformat(given[:10]) if given else None
        art = sc.as_dict(pipeline(transform(g["text"]), published=published))
        ident = g["id"]
        say = (lambda *a: print(ident, *a)) if verbose else (lambda *a: None)  # noqa: B023
        if "dateline" in g:
            gd, pd = g["dateline"], art.get("dateline") or {}
            for part in ("city", "outlet"):
                if gd is None:
                    ok = not (pd.get("city") or pd.get("outlet"))
                elif (want := gd.get(part)) is None:
                    ok = not pd.get(part)
                else:
                    got = {sc.norm(pd.get(part))}
                    if part == "outlet" and pd.get("outlet_domain"):
                        got.add(sc.norm(pd["outlet_domain"]))
                    ok = bool(got & sc.alts(want))
                accs[f"dateline.{part}"].add(ok)
                if not ok:
                    say(f"dateline.{part}", gd and gd.get(part), "got", pd.get(part))
        if "credits" in g:
            pred = art.get("credits") or []
            pairs, missed, extra = sc.match_sets(
                g["credits"],
                pred,
                lambda a, b: (
                    bool(sc.alts(a["name"]) & {sc.norm(b.get("name"))})
                    and a["role"] == b.get("role")
                ),
            )
            tally.add(len(pairs), len(extra), len(missed))
            for m in missed:
                say("credit missed", m)
            for e in extra:
                say("credit extra", {k: e.get(k) for k in ("role", "name")})
    out = {name: acc.value() for name, acc in accs.items()}
    out["credits(role+name)"] = tally.prf()[2]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEV_GOLD))
    ap.add_argument("--variant", choices=sorted(VARIANTS), action="append")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    golds = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    names = args.variant or ["as given", *VARIANTS]
    for name in names:
        figures = score(golds, VARIANTS.get(name, lambda t: t), verbose=args.verbose)
        cells = "  ".join(f"{k} {v:.3f}" for k, v in figures.items())
        print(f"{name:<14} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
