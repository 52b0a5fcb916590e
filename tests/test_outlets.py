"""The survey of Indonesian outlets: one table, real examples, and the page generated from it."""

from __future__ import annotations

import gzip
import importlib.util
import json
from importlib.resources import files
from types import ModuleType

import pytest

from beritakit.extractors.credits import parse as credits
from beritakit.extractors.dateline import parse as dateline
from tests.conftest import ROOT, SHARED

ASPECTS = {"dateline", "byline", "editor", "codes", "source", "read_also", "notice"}


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(name: str) -> list[list[str]]:
    text = files("beritakit.lang.id").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_the_survey_covers_forty_outlets_with_real_examples() -> None:
    outlets = {row[0] for row in _rows("outlets.tsv")}
    styles = _rows("outlet_styles.tsv")
    assert all(len(row) == 6 and row[1] in ASPECTS and row[3].strip() for row in styles)
    assert {row[0] for row in styles} <= outlets
    assert len({row[0] for row in styles}) >= 40
    wanted = {"Kompas.com", "detikcom", "Tribunnews", "Liputan6.com", "CNN Indonesia", "Antara"}
    assert wanted <= {row[0] for row in styles}
    assert all(row[4].split(":", 1)[0] in {"dev", "corpus", "github"} for row in styles)


def test_every_dateline_example_names_its_outlet() -> None:
    for outlet, aspect, convention, example, where, _ in _rows("outlet_styles.tsv"):
        if aspect != "dateline" or convention.split()[0] in ("<City>", "<CITY>", "<CITY>-"):
            if aspect == "dateline":  # `Jakarta -`: a city alone, the outlet is not written
                hit = dateline(example)
                assert hit is not None and hit.city is not None, (where, example)
            continue
        hit = dateline(example)
        assert hit is not None and hit.outlet == outlet, (where, example)


def test_credit_examples_give_their_credit() -> None:
    roles = {"editor": {"editor"}, "codes": {"other"}, "source": {"source"}}
    prose = "Harga beras di pasar induk kota itu naik lagi sejak pekan lalu, kata pedagang.\n"
    for _, aspect, _, example, where, _ in _rows("outlet_styles.tsv"):
        if aspect in roles and not where.startswith("github"):
            found = {h.role for h in credits(prose + example)}  # a closing line, after prose
            assert found & roles[aspect], (where, example)


@pytest.mark.skipif(not (SHARED / "data" / "corpus").exists(), reason="no ../shared")
def test_examples_are_quoted_from_the_article_they_cite() -> None:
    wanted = {}
    for row in _rows("outlet_styles.tsv"):
        if not row[4].startswith("github"):
            wanted.setdefault(row[4].split(":", 1)[1], []).append(row[3])
    texts = {}
    for line in (
        (SHARED / "data" / "articles" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    ):
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    with gzip.open(SHARED / "data" / "corpus" / "news.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                texts[rec["id"]] = rec["text"]
    for ident, examples in wanted.items():
        flat = " ".join(texts[ident].replace("\t", " ").split())
        for example in examples:
            assert example in flat, (ident, example)


def test_docs_outlets_md_is_generated_from_the_tables() -> None:
    page = (ROOT / "docs" / "outlets.md").read_text(encoding="utf-8")
    assert page == _script("outlets_doc").render()
    assert "outlets.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_agencies_come_from_the_outlet_table() -> None:
    prose = "Harga minyak dunia naik tajam pada perdagangan hari Senin, kata analis."
    for agency in ("Reuters", "Kyodo", "ANTARA"):
        found = [(h.role, h.name) for h in credits(f"{prose}\n({agency})")]
        assert found == [("source", agency)]
