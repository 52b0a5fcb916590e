"""The accuracy gate: the dev figures may not fall below evaluation/floors.json.

The floors hold for the data they were measured on only: floors.json pins the sha256 of
the dev gold and of the scorer, and the gate refuses other data instead of comparing
figures that mean something else.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import DEV_GOLD, ROOT, SHARED

SCORE_DEV = ROOT / "evaluation" / "score_dev.py"


def score_dev() -> ModuleType:
    """evaluation/score_dev.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("beritakit_score_dev", SCORE_DEV)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="../shared is not beside the repo")
def test_the_floors_were_measured_on_this_gold_and_scorer() -> None:
    assert score_dev().pin_problems(DEV_GOLD) == []


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="../shared is not beside the repo")
def test_other_gold_is_refused(tmp_path: Path) -> None:
    gate = score_dev()
    lines = DEV_GOLD.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = tmp_path / "dev.gold.jsonl"
    edited.write_text("".join(lines[:-1]), encoding="utf-8")  # one article fewer
    problems = gate.pin_problems(edited)
    assert len(problems) == 1 and problems[0].startswith("gold:")
    run = subprocess.run(
        [sys.executable, str(SCORE_DEV), "--gold", str(edited)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "re-pin" in run.stderr


def test_every_floor_lives_in_floors_json() -> None:
    data = json.loads((ROOT / "evaluation" / "floors.json").read_text(encoding="utf-8"))
    assert set(data["_pinned_sha256"]) == {"gold", "scorer"}
    assert "people" in data and "quotes.direct(found+speaker)" in data
    assert score_dev().gate_floors("quotes_without_entities")["direct+speaker"] > 0.8


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="../shared is not beside the repo")
def test_dev_figures_hold_their_floors(tmp_path: Path) -> None:
    gate = score_dev()
    assert gate.pin_problems(DEV_GOLD) == []
    out = tmp_path / "figures.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(DEV_GOLD), "--json", str(out)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert gate.check(figures) == []


NEWS_CORPUS = SHARED / "data" / "corpus" / "news.jsonl.gz"


@pytest.mark.skipif(not NEWS_CORPUS.exists(), reason="../shared corpus is not beside the repo")
@pytest.mark.parametrize(
    ("gate", "damage"), [("news_validation", []), ("news_validation_joined", ["--damage", "join"])]
)
def test_news_validation_figures_hold_their_floors(gate: str, damage: list[str]) -> None:
    """Entities on 70 annotated articles of ten outlets that no rule was written from.

    Also with every line break made a space, as scrapers that lose the lines do.
    """
    floors = score_dev().gate_floors(gate)
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "evaluation" / "score_news.py"),
            "--split",
            "validation",
            "--json",
            *damage,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT / "evaluation",
    )
    figures = json.loads(run.stdout)
    low = {k: figures[k]["f"] for k, floor in floors.items() if figures[k]["f"] < floor}
    assert low == {}, f"below the {gate} floors {floors}: {low}"
    assert figures["crashes"]["n"] == 0


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the repo")
def test_news_gold_gives_a_name_with_an_inner_short_form_the_dev_gold_variants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "evaluation"))
    spec = importlib.util.spec_from_file_location(
        "beritakit_score_news", ROOT / "evaluation" / "score_news.py"
    )
    assert spec is not None and spec.loader is not None
    news = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(news)
    text = "Kepala Dinas Kesehatan (Diskes) Bandar Lampung hadir bersama PT PLN (Persero) Batam."
    spans = [
        (text.index("Dinas"), text.index(" hadir"), "ORG"),
        (text.index("PT PLN"), text.index(" Batam"), "ORG"),
    ]
    variants = news.gold_entities(text, spans)["ORG"]
    assert {
        "dinas kesehatan (diskes) bandar lampung",
        "dinas kesehatan bandar lampung",
        "diskes bandar lampung",
    } <= variants[0]
    assert not any(v.startswith("persero") for group in variants for v in group)
