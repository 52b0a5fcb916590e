"""Shared fixtures: the seed article and the dev gold from ../shared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "palembang.txt"
SEED_GOLD = SHARED / "seed" / "palembang.gold.json"
DEV_GOLD = SHARED / "data" / "articles" / "dev.gold.jsonl"


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
