"""Words per second of the shipped NER model with ``nlp.pipe`` over the dev article texts."""

from __future__ import annotations

import os

# Measure one process on one thread (set before numpy is imported).
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

REPO_DIR = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = REPO_DIR / "src" / "beritakit" / "models" / "ner-id"
DEFAULT_TEXTS = REPO_DIR.parent / "shared" / "data" / "articles" / "dev.jsonl"


def measure(
    model: Path, texts: Sequence[str], *, repeats: int = 5, batch_size: int | None = None
) -> dict[str, float]:
    """Time ``nlp.pipe`` (tokenizer + ner) over ``texts``.

    Args:
        model: Model folder.
        texts: Article texts.
        repeats: Timed passes after one warm-up pass; the median is reported.
        batch_size: ``nlp.pipe`` batch size; None for the model's own (``nlp.batch_size``).

    Returns:
        ``words`` (non-space tokens per pass), ``seconds`` (median wall time of a pass),
        ``words_per_s`` and ``cpu_words_per_s`` (per second of this process's CPU time:
        the figure to trust when other processes share the machine).
    """
    nlp = spacy.load(model)
    words = sum(1 for doc in nlp.pipe(texts, batch_size=batch_size) for t in doc if not t.is_space)
    timings = []
    cpu_timings = []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        timings.append(time.perf_counter() - start)
        cpu_timings.append(time.process_time() - cpu_start)
    seconds = statistics.median(timings)
    cpu_seconds = statistics.median(cpu_timings)
    return {
        "words": float(words),
        "seconds": seconds,
        "words_per_s": words / seconds,
        "cpu_words_per_s": words / cpu_seconds,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print words/s."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="JSONL with 'text'")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the model's")
    args = parser.parse_args(argv)
    lines = args.texts.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    result = measure(args.model, texts, repeats=args.repeats, batch_size=args.batch_size)
    print(
        f"{len(texts)} texts, {int(result['words'])} words, median of {args.repeats} passes "
        f"{result['seconds']:.2f} s: {result['words_per_s']:,.0f} words/s wall, "
        f"{result['cpu_words_per_s']:,.0f} words/s of CPU time (nlp.pipe, 1 process, 1 thread)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
