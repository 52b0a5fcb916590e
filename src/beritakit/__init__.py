"""beritakit: turn Indonesian online news text into a typed, validated record.

>>> import beritakit
>>> art = beritakit.extract(text)            # doctest: +SKIP
>>> art.dateline.city, [c.name for c in art.credits]   # doctest: +SKIP
"""

from beritakit.api import extract, load, pipe
from beritakit.errors import (
    BeritakitError,
    ConfigError,
    ExtractionError,
    InputError,
    ModelNotFoundError,
    ResourceError,
)
from beritakit.html import extract_html
from beritakit.notebook import read_jsonl, to_frame
from beritakit.pipeline import Failure, Options, Pipeline
from beritakit.record import Article

__all__ = [
    "Article",
    "BeritakitError",
    "ConfigError",
    "ExtractionError",
    "Failure",
    "InputError",
    "ModelNotFoundError",
    "Options",
    "Pipeline",
    "ResourceError",
    "__version__",
    "extract",
    "extract_html",
    "load",
    "pipe",
    "read_jsonl",
    "to_frame",
]

__version__ = "0.1.0"
