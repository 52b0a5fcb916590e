"""The NER model's matrix products through numpy's BLAS, on one thread.

thinc multiplies matrices with BLIS by default. On the x86 machines measured here
(AMD EPYC with AVX-512) BLIS ran the model's products (about 100,000 rows by 144 columns
a batch) at 25 GFLOPS and numpy's OpenBLAS at 73 on one thread, the same values to the
last bit of every entity: about 1.1 ms of the model's 6.5 ms an article
(``benchmarks/throughput.py``, ``docs/benchmarks.md``). thinc supports this itself:
``NumpyOps(use_blis=False)`` hands ``gemm`` to numpy.

OpenBLAS would use every core for one product, which makes one pipeline take two
cores and several processes fight for them; :func:`one_blas_thread` holds it to one
thread while spaCy runs (threadpoolctl, 10 µs a batch), then gives back the caller's
setting. The parser's own per-step products are compiled against BLIS and stay there.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps

__all__ = ["numpy_blas", "one_blas_thread"]


def numpy_blas(nlp: Language) -> Language:
    """Make every layer of ``nlp``'s trained components multiply with numpy (in place)."""
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Numpy's BLAS on one thread inside the block (the process-wide setting comes back)."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


@functools.cache
def _controller() -> Any:
    # built once, on first use: it lists the BLAS libraries loaded by then (numpy's)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
