"""Train floret subword vectors for the NER model (issue 12) and import them into spaCy.

Text, lower-cased and tokenised into words (one sentence or line a line):

- ``../shared/data/corpus/news.jsonl.gz`` (scraped news, 2025 and earlier), except the articles
  of the annotated validation and test splits (``training/data/news-ner/selection.jsonl``), so
  that no evaluation text shapes the vectors;
- ``../shared/data/corpus/clickid.jsonl.gz`` (CLICK-ID, 2019, CC BY 4.0);
- ``nlp_id/data/dataset_postag.txt`` from the ``nlp-id`` 0.1.23.0 wheel (kumparan news, MIT);
- the raw sentences of the *training* splits of the NER corpora in ``../shared/data/ner``
  (idner-news-2k train, NERGrit train, NERP train; no dev or test split).

Lower-cased, so that the vectors serve upper-case and lower-case text alike; spaCy looks them
up by the token's ``LOWER`` attribute. floret (``mode="floret"``) stores only hashed subword
rows (``bucket`` × ``dim``), so the table's size does not grow with the vocabulary.

    .venv/bin/python training/vectors.py --out training/build/vectors

The text file, the floret model and the spaCy vectors folder go under ``--out``; the run
prints the time taken. One training thread (fastText's default seed) makes reruns identical.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
SELECTION = HERE / "data" / "news-ner" / "selection.jsonl"
_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}'’-]*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]")
_SENTENCE = regex.compile(r"(?<=[.!?])\s+(?=[\"“'‘(]*\p{Lu})")


def words(line: str) -> str:
    """One line of lower-cased, space-separated tokens."""
    return " ".join(_TOKEN.findall(line.lower()))


def held_out() -> set[str]:
    """Ids of the annotated validation and test articles (kept out of the vectors)."""
    if not SELECTION.exists():
        return set()
    with SELECTION.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {r["id"] for r in rows if r["split"] in ("validation", "test")}


def corpus_lines(path: Path, skip: set[str]) -> Iterator[str]:
    """Sentences of the corpus texts, except the held-out ids."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            if record["id"] in skip:
                continue
            for line in str(record["text"]).split("\n"):
                for sentence in _SENTENCE.split(line):
                    if sentence.strip():
                        yield sentence


def conll_sentences(lines: Iterable[str]) -> Iterator[str]:
    """Sentences of CoNLL-like lines (token first, a blank line between sentences)."""
    tokens: list[str] = []
    for raw in lines:
        parts = raw.split()
        if not parts:
            if tokens:
                yield " ".join(tokens)
            tokens = []
            continue
        tokens.append(parts[0])
    if tokens:
        yield " ".join(tokens)


def conll_lines(path: Path) -> Iterator[str]:
    """Sentences of a CoNLL-like file."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from conll_sentences(handle)


NLP_ID = "nlp-id==0.1.23.0"
NLP_ID_DATA = "nlp_id/data/dataset_postag.txt"


def nlp_id_lines(cache: Path = HERE / "build" / "wheels") -> Iterator[str]:
    """Sentences of nlp-id's POS-tagged kumparan news (MIT), read from its wheel.

    The wheel is fetched with ``pip download --no-deps`` (nlp-id pins numpy, scikit-learn
    and more; installing it could change the project's environment) and read as a zip.
    """
    wheels = sorted(cache.glob("nlp_id-*.whl"))
    if not wheels:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), NLP_ID],
            check=True,
        )
        wheels = sorted(cache.glob("nlp_id-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as wheel, wheel.open(NLP_ID_DATA) as raw:
        yield from conll_sentences(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))


def ner_train_lines() -> Iterator[str]:
    """Raw sentences of the NER corpora's training splits."""
    for name in (
        "idner-news-2k/train.txt",
        "indonlu-nergrit/train_preprocess.txt",
        "indonlu-nerp/train_preprocess.txt",
    ):
        yield from conll_lines(SHARED / "ner" / name)


def write_text(out: Path) -> dict[str, int]:
    """Write the training text; return lines per source."""
    skip = held_out()
    sources = {
        "news": corpus_lines(SHARED / "corpus" / "news.jsonl.gz", skip),
        "clickid": corpus_lines(SHARED / "corpus" / "clickid.jsonl.gz", set()),
        "nlp-id": nlp_id_lines(),
        "ner-train": ner_train_lines(),
    }
    counts: dict[str, int] = {}
    with out.open("w", encoding="utf-8") as handle:
        for name, lines in sources.items():
            n = 0
            for line in lines:
                text = words(line)
                if text:
                    handle.write(text + "\n")
                    n += 1
            counts[name] = n
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "build" / "vectors")
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=50000)
    parser.add_argument("--minn", type=int, default=4)
    parser.add_argument("--maxn", type=int, default=5)
    parser.add_argument("--epoch", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    import floret  # noqa: PLC0415 - an optional training dependency

    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    text = args.out / "text.txt"
    counts = write_text(text)
    print(f"text: {counts} in {time.perf_counter() - started:.0f} s", flush=True)
    model = floret.train_unsupervised(
        str(text),
        model="cbow",
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        minn=args.minn,
        maxn=args.maxn,
        dim=args.dim,
        epoch=args.epoch,
        minCount=3,
        thread=args.threads,
        verbose=0,
    )
    vec = args.out / "vectors.floret"
    model.save_floret_vectors(str(vec))
    print(f"floret: {time.perf_counter() - started:.0f} s", flush=True)
    spacy_dir = args.out / "spacy"
    subprocess.run(
        [
            sys.executable, "-m", "spacy", "init", "vectors", "id", str(vec), str(spacy_dir),
            "--mode", "floret", "--attr", "LOWER",
        ],
        check=True,
    )
    print(f"done in {time.perf_counter() - started:.0f} s: {spacy_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
