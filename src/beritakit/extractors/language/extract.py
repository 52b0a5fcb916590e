"""The ``language.v1`` extractor: wraps :func:`beritakit.extractors.language.detect`."""

from __future__ import annotations

from spacy.tokens import Doc

from beritakit.context import Context, Result
from beritakit.extractors.language import detect

__all__ = ["extract"]


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Detect the language of the article body."""
    text = ctx.body.text if ctx.body is not None and ctx.body.text.strip() else ctx.clean.text
    code, score = detect(text)
    warnings: list[str] = []
    if code == "und":
        warnings.append("language: too little text to tell the language")
    elif code != "id":
        warnings.append(
            f"language: the text reads as {code!r} (score {score:.2f}), not Indonesian; "
            "the extractors are built for Indonesian and may miss or misread values"
        )
    elif score < 0.8:
        warnings.append(f"language: Indonesian with low confidence ({score:.2f})")
    return Result(fields={"language": code, "language_score": score}, warnings=warnings)
