"""A floret vectors table that remembers the vectors of the words it has seen.

A floret table has no rows of its own for words: spaCy builds each word's vector from
the hashes of its character n-grams, in Python, every time a batch of documents goes
through the model -- about 3 ms an article, a sixth of the whole pipeline. News repeats
its words, so :class:`CachedFloret` keeps the finished vector of each word (by the hash
spaCy keys it with) in a fixed-size array and builds only the words it has not seen.
The values are the ones spaCy computes (same rows, same mean); the cache is emptied when
it is full, so memory is bounded (``capacity`` × width × 4 bytes; 20 MB by default).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.language import Language
from spacy.vectors import Mode, Vectors

__all__ = ["CAPACITY", "CachedFloret", "cache_floret"]

CAPACITY = 50_000


class CachedFloret(Vectors):  # type: ignore[misc]
    """spaCy's floret :class:`~spacy.vectors.Vectors` with a bounded cache in ``get_batch``."""

    def __init__(self, *args: Any, capacity: int = CAPACITY, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._capacity = capacity
        self._slots: dict[int, int] = {}
        self._rows: np.ndarray[Any, Any] | None = None

    def get_batch(self, keys: Any) -> Any:
        """The vectors of ``keys`` (string hashes or strings), as spaCy's ``get_batch``."""
        if self.mode != Mode.floret:
            return super().get_batch(keys)
        ids = [k if isinstance(k, int) else self.strings.add(k) for k in _ints(keys)]
        slots = self._slots
        missing = list(dict.fromkeys(k for k in ids if k not in slots))
        if missing:
            if len(slots) + len(missing) > self._capacity:
                slots.clear()
                missing = list(dict.fromkeys(ids))
            fresh = np.asarray(super().get_batch(missing), dtype=np.float32)
            if len(missing) <= self._capacity:
                rows = self._table(fresh.shape[1])
                first = len(slots)
                rows[first : first + len(missing)] = fresh
                slots.update(zip(missing, range(first, first + len(missing)), strict=True))
            else:  # more new words in one batch than the cache holds: no caching
                where = dict(zip(missing, range(len(missing)), strict=True))
                return fresh[[where[k] for k in ids]]
        rows = self._table(self.shape[1])
        return rows[[slots[k] for k in ids]]

    def _table(self, width: int) -> np.ndarray[Any, Any]:
        if self._rows is None:
            self._rows = np.zeros((self._capacity, width), dtype=np.float32)
        return self._rows


def _ints(keys: Any) -> list[Any]:
    if isinstance(keys, np.ndarray):
        return [int(k) for k in keys.tolist()]
    return list(keys)


def cache_floret(nlp: Language, capacity: int = CAPACITY) -> Language:
    """Give ``nlp`` a :class:`CachedFloret` in place of its floret table (else unchanged)."""
    old = nlp.vocab.vectors
    if not isinstance(old, Vectors) or old.mode != Mode.floret or isinstance(old, CachedFloret):
        return nlp
    # the same table, not a copy (serialising it costs half a second of cold start); no
    # strings of its own: the vocab's setter adds the table's strings to the vocab's one
    # by one, then gives the table the vocab's store
    nlp.vocab.vectors = CachedFloret(
        data=old.data,
        name=old.name,
        mode=Mode.floret,
        minn=old.minn,
        maxn=old.maxn,
        hash_count=old.hash_count,
        hash_seed=old.hash_seed,
        bow=old.bow,
        eow=old.eow,
        attr=old.attr,
        capacity=capacity,
    )
    return nlp
