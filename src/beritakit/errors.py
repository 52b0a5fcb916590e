"""The exceptions beritakit raises.

The tree::

    BeritakitError
     ├── InputError (ValueError)        not text, undecodable bytes, empty, too large
     ├── ConfigError (ValueError)       unknown extractor or option
     ├── ResourceError                  a packaged data file or model cannot be read
     │    └── ModelNotFoundError        the shipped NER model is missing
     └── ExtractionError                an extractor failed on one document

Doubtful input (non-Indonesian text, no dateline, an inferred year) is not an
error: the record says so in ``Article.warnings``.
"""

from __future__ import annotations

__all__ = [
    "BeritakitError",
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelNotFoundError",
    "ResourceError",
]


class BeritakitError(Exception):
    """Base class of every error beritakit raises on purpose."""


class InputError(BeritakitError, ValueError):
    """The input cannot be read as article text."""


class ConfigError(BeritakitError, ValueError):
    """An option or extractor name is unknown or invalid."""


class ResourceError(BeritakitError):
    """A data file or model shipped with the package cannot be read."""


class ModelNotFoundError(ResourceError):
    """The NER model directory is missing or incomplete."""


class ExtractionError(BeritakitError):
    """An extractor raised while processing one document.

    Attributes:
        extractor: Registered name of the extractor that failed (``"dateline.v1"``).
        index: Position of the document in the batch, or ``None`` for a single call.
    """

    def __init__(self, message: str, *, extractor: str, index: int | None = None) -> None:
        super().__init__(message)
        self.extractor = extractor
        self.index = index

    def __str__(self) -> str:
        where = f" (document {self.index})" if self.index is not None else ""
        return f"{self.extractor}{where}: {self.args[0]}"
