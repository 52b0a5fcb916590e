"""Every stage is linear: each adversarial pattern of benchmarks/complexity.py, at two sizes.

A pattern fails when doubling its size multiplies the CPU time of ``extract`` by more
than 2.6 (a linear stage gives about 2, a quadratic one 4). CPU time of this process is
used, not wall time, so other work on a shared machine does not count; a growth above
2.0 is measured again, keeping the fastest of three runs, and a growth still above 2.6 is
measured once more at twice the sizes: the pattern fails only when both doublings grow
too fast (a quadratic term shows at every size, a busy machine's noise rarely twice). Patterns
that run in well under a tenth of a second are measured again at four times the size,
where a quadratic term would show. ``benchmarks/complexity.py`` prints the full table at
100,000 and 1,000,000 characters.
"""

from __future__ import annotations

import gc
import math
import sys
import time
from pathlib import Path

import pytest

import beritakit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
try:
    from complexity import PATTERNS  # type: ignore[import-not-found]
finally:
    sys.path.pop(0)

MAX_GROWTH = 2.6
# People are clustered and quoted per name: a quadratic term there shows only at larger sizes.
_LARGER = {"names_distinct", "names_listed", "names_quoted", "kata_cues"}


def _cpu(text: str, repeats: int) -> float:
    # the collector's passes over the test session's whole heap are not the extractor's
    # cost and grow with what the session holds: collect first, time without them
    best = math.inf
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            beritakit.extract(text)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def _growth(name: str, n: int, repeats: int) -> tuple[float, float]:
    make = PATTERNS[name]
    small, big = make(n), make(2 * n)
    t_small, t_big = _cpu(small, repeats), _cpu(big, repeats)
    return t_big / max(t_small, 1e-3), t_big


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    beritakit.extract("JAKARTA - Rapat digelar di Balai Kota, kata Budi Santoso.")


def test_there_are_at_least_thirty_patterns() -> None:
    assert len(PATTERNS) >= 30


@pytest.mark.parametrize("name", list(PATTERNS))
def test_doubling_the_input_at_most_doubles_the_time(name: str) -> None:
    n = 16_000 if name in _LARGER else 8_000
    growth, t_big = _growth(name, n, repeats=1)
    if t_big < 0.1:  # too quick to tell: four times larger
        n *= 4
        growth, t_big = _growth(name, n, repeats=1)
    if growth > 2.0:  # noise or a real trend: the fastest of three
        growth, t_big = _growth(name, n, repeats=3)
    if growth > MAX_GROWTH:  # a quadratic term grows at every size, noise seldom twice
        larger, _ = _growth(name, 2 * n, repeats=3)
        assert larger <= MAX_GROWTH, (
            f"{name}: x{growth:.2f} from {n:,} to {2 * n:,} chars, "
            f"x{larger:.2f} from {2 * n:,} to {4 * n:,}"
        )
