"""The NER model multiplies with numpy's BLAS, on one thread, and finds the same entities."""

from __future__ import annotations

import pytest
import spacy
from threadpoolctl import ThreadpoolController

from beritakit import Pipeline
from beritakit.models import ner_model_path
from beritakit.models.blas import numpy_blas, one_blas_thread
from beritakit.models.tokenizer import parse_all


@pytest.fixture(scope="module")
def texts(dev_texts: list[str]) -> list[str]:
    return dev_texts[:60]


def _ents(docs: object) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]  # type: ignore[attr-defined]


def _blas_threads() -> list[int]:
    """Threads of numpy's BLAS (a library loaded later, e.g. scipy's, is not the model's)."""
    return [
        lib["num_threads"]
        for lib in ThreadpoolController().info()
        if lib["user_api"] == "blas" and "numpy" in str(lib["filepath"])
    ]


def test_numpy_products_find_the_entities_blis_finds(texts: list[str]) -> None:
    plain = spacy.load(ner_model_path())
    fast = numpy_blas(spacy.load(ner_model_path()))
    nodes = list(fast.get_pipe("ner").model.walk())
    assert len(nodes) > 10
    assert all(getattr(node.ops, "use_blis", True) is False for node in nodes)
    assert _ents(parse_all(fast, texts)) == _ents(plain.pipe(texts))


def test_the_pipeline_loads_the_model_with_numpy_products() -> None:
    ner = Pipeline().nlp.get_pipe("ner")
    assert ner.model.ops.use_blis is False


def test_one_blas_thread_inside_the_block_and_the_callers_setting_after() -> None:
    if not _blas_threads():
        pytest.skip("numpy's BLAS is not one threadpoolctl can see")
    with ThreadpoolController().limit(limits=2, user_api="blas"):
        before = _blas_threads()
        with one_blas_thread():
            assert set(_blas_threads()) == {1}
        assert _blas_threads() == before
