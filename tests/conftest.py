"""Shared fixtures: the seed article and the dev gold from ../shared."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "palembang.txt"
SEED_GOLD = SHARED / "seed" / "palembang.gold.json"
DEV_GOLD = SHARED / "data" / "articles" / "dev.gold.jsonl"
DEV_TEXTS = SHARED / "data" / "articles" / "dev.jsonl"
NEWS_CORPUS = SHARED / "data" / "corpus" / "news.jsonl.gz"


def corpus_texts(ids: Iterable[str], path: Path = NEWS_CORPUS) -> dict[str, str]:
    """The texts of the given ids in a corpus file of ``../shared`` (stops when all are read)."""
    wanted = set(ids)
    out: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                out[row["id"]] = row["text"]
                if len(out) == len(wanted):
                    break
    return out


def extract_corpus(ids: Iterable[str]) -> dict[str, Any]:
    """The records ``beritakit.extract`` gives the given corpus articles (skips without it)."""
    if not NEWS_CORPUS.exists():
        pytest.skip("../shared/data/corpus/news.jsonl.gz is not beside the repo")
    import beritakit  # noqa: PLC0415  (conftest stays import-light)

    return {i: beritakit.extract(t) for i, t in corpus_texts(ids).items()}


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def dev_gold() -> list[dict[str, Any]]:
    if not DEV_GOLD.exists():
        pytest.skip("../shared/data/articles/dev.gold.jsonl is not beside the repo")
    lines = DEV_GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def dev_texts() -> list[str]:
    """The dev article texts, in file order."""
    if not DEV_TEXTS.exists():
        pytest.skip("../shared/data/articles/dev.jsonl is not beside the repo")
    lines = DEV_TEXTS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]
