"""The accuracy gate: the dev figures may not fall below evaluation/floors.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV_GOLD, ROOT, SHARED


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="../shared is not beside the repo")
def test_dev_figures_hold_their_floors(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(DEV_GOLD), "--json", str(out)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    figures = json.loads(out.read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT / "evaluation"))
    try:
        from score_dev import check
    finally:
        sys.path.pop(0)
    assert check(figures) == []
