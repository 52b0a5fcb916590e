"""The language of an article: langdetect, with lingua to tell Indonesian from Malay.

The logic is :mod:`.detect`; :mod:`.extract` adapts it to the pipeline. Its word list,
``function_words.txt``, is shared and lives in ``beritakit.lang.id``.
"""

from __future__ import annotations

from beritakit.extractors.language.detect import detect

__all__ = ["detect"]
