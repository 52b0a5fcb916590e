"""Trained models shipped with beritakit (see SOURCE.md; built by ``make model``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from beritakit.models.tokenizer import TOKENIZER

__all__ = ["NER_MODEL", "TOKENIZER", "ner_model_path"]

NER_MODEL = "ner-id"


def ner_model_path() -> Path:
    """Folder of the Indonesian NER pipeline, for ``spacy.load`` or ``add_pipe(source=...)``.

    Returns:
        The ``ner-id`` folder inside the installed package.
    """
    return Path(str(files(__name__).joinpath(NER_MODEL)))
