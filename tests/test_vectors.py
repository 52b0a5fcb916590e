"""The cached floret table gives the vectors and entities spaCy's own table gives."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from beritakit.models import ner_model_path
from beritakit.models.vectors import CachedFloret, cache_floret


@pytest.fixture(scope="module")
def texts(dev_texts: list[str]) -> list[str]:
    return dev_texts[:40]


def _ents(nlp: spacy.language.Language, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]


def test_the_shipped_model_reads_a_floret_table_the_cache_replaces() -> None:
    nlp = cache_floret(spacy.load(ner_model_path()))
    assert isinstance(nlp.vocab.vectors, CachedFloret)
    assert nlp.vocab.vectors.mode == "floret"
    assert nlp.vocab.vectors.shape[1] == 100


@pytest.mark.parametrize("capacity", [50_000, 700, 5])
def test_same_vectors_and_entities_with_any_capacity(texts: list[str], capacity: int) -> None:
    plain = spacy.load(ner_model_path())
    cached = cache_floret(spacy.load(ner_model_path()), capacity=capacity)
    words = "Rapat di Kota Palembang dihadiri wali kota rapat Palembang".split()
    keys = [plain.vocab.strings.add(w.lower()) for w in words]
    expected = np.asarray(plain.vocab.vectors.get_batch(keys))
    for _ in range(2):  # the second call reads the cache (or refills it)
        assert np.array_equal(cached.vocab.vectors.get_batch(keys), expected)
    assert _ents(cached, texts) == _ents(plain, texts)
    assert len(cached.vocab.vectors._slots) <= capacity


def test_a_pipeline_without_floret_vectors_is_left_as_it_is() -> None:
    blank = spacy.blank("id")
    assert cache_floret(blank).vocab.vectors is blank.vocab.vectors
