"""Build beritakit's Indonesian NER model: merge corpora, train with spaCy, export it."""

from __future__ import annotations

import os

# One BLAS/OpenMP thread: the build machine is shared (set before numpy is imported).
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Mapping, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import augment  # noqa: E402,F401  (registers beritakit.ner_augmenter.v1)
import ner_corpus  # noqa: E402
import spacy  # noqa: E402
from spacy.cli.train import train as spacy_train  # noqa: E402

from beritakit.models.tokenizer import TOKENIZER  # noqa: E402  (registers it)

TRAINING_DIR = ner_corpus.TRAINING_DIR
CONFIG_PATH = TRAINING_DIR / "config.cfg"
BUILD_DIR = TRAINING_DIR / "build"
MODEL_DIR = ner_corpus.REPO_DIR / "src" / "beritakit" / "models" / "ner-id"
MODEL_NAME = "ner_id"
MODEL_VERSION = "0.4.0"
VECTORS_DIR = BUILD_DIR / "vectors" / "spacy"

SOURCES: list[dict[str, str]] = [
    {
        "name": "idner-news-2k (train)",
        "url": "https://github.com/khairunnisaor/idner-news-2k",
        "license": "MIT",
        "author": "Khairunnisa, Imankulova, Komachi (2020)",
    },
    {
        "name": "NERGrit via IndoNLU (train)",
        "url": "https://github.com/indobenchmark/indonlu",
        "license": "MIT (IndoNLU); NERGrit contributors credited, see SOURCE.md",
        "author": "NERGrit contributors (grit-id/nergrit-corpus); IndoNLU authors",
    },
    {
        "name": "NERP via IndoNLU (train, valid)",
        "url": "https://github.com/indobenchmark/indonlu",
        "license": "MIT (IndoNLU)",
        "author": "Prosa.ai; IndoNLU authors",
    },
    {
        "name": "news-ner (train split; validation for model selection)",
        "url": "training/data/news-ner (beritakit; stand-off spans over scraped news texts)",
        "license": "annotations MIT (beritakit); article texts (c) their publishers",
        "author": "beritakit annotators (see training/data/news-ner/README.md)",
    },
    {
        "name": "floret vectors (training/vectors.py)",
        "url": "CLICK-ID (github.com/andikawilliam/CLICK-ID), nlp-id 0.1.23.0, news corpus",
        "license": "CLICK-ID CC BY 4.0; nlp-id MIT (c) kumparan.com",
        "author": "William & Sari (CLICK-ID, 2020); kumparan (nlp-id)",
    },
]


def train(
    config_path: Path,
    corpus_dir: Path,
    output_dir: Path,
    overrides: Mapping[str, Any] | None = None,
) -> Path:
    """Train with ``spacy train`` on ``corpus_dir/{train,dev}.spacy``.

    Args:
        config_path: spaCy config.
        corpus_dir: Folder with ``train.spacy`` and ``dev.spacy``.
        output_dir: spaCy's output folder (``model-best``, ``model-last``).
        overrides: Extra config overrides, e.g. ``{"training.max_steps": 10}``.

    Returns:
        The ``model-best`` folder.
    """
    all_overrides: dict[str, Any] = {
        "paths.train": str(corpus_dir / "train.spacy"),
        "paths.dev": str(corpus_dir / "dev.spacy"),
    }
    all_overrides.update(overrides or {})
    spacy_train(config_path, output_dir, overrides=all_overrides, use_gpu=-1)
    return output_dir / "model-best"


def export(trained_dir: Path, model_dir: Path, meta: Mapping[str, Any] | None = None) -> Path:
    """Copy the trained ``ner`` pipe into a fresh blank ``id`` pipeline and save it.

    The saved pipeline holds only the tokenizer, the vocab and ``ner``; its config refers
    to nothing outside spaCy but beritakit's fast Indonesian tokenizer
    (``beritakit.id_tokenizer.v1``: spaCy's ``id`` tokens, built in a tenth of the time);
    the training augmenter is not needed to load it.

    Args:
        trained_dir: A ``model-best`` folder written by ``spacy train``.
        model_dir: Target folder; replaced if it exists.
        meta: Extra ``meta.json`` fields (e.g. performance figures).

    Returns:
        ``model_dir``.
    """
    trained = spacy.load(trained_dir)
    nlp = spacy.blank(
        "id",
        config={"nlp": {"batch_size": trained.batch_size, "tokenizer": {"@tokenizers": TOKENIZER}}},
    )
    # The ner pipe may read static vectors (``include_static_vectors``): the new pipeline
    # must carry the same table, or sourcing leaves it empty (spaCy warning W113).
    nlp.vocab.vectors = trained.vocab.vectors
    nlp.add_pipe("ner", source=trained)
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "Indonesian NER (PER, ORG, LOC) for beritakit; CNN tok2vec "
            "inside the ner pipe with floret subword vectors, trained on idner-news-2k, NERGrit, "
            "NERP and beritakit's annotated news.",
            "license": "MIT; NERGrit contributors credited (see SOURCE.md)",
            "sources": SOURCES,
            "spacy_version": f">={spacy.about.__version__.rsplit('.', 1)[0]},<3.9",
        }
    )
    nlp.meta.update(meta or {})
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.to_disk(model_dir)
    return model_dir


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: prepare the corpora, train, export (``make model``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ner_corpus.DEFAULT_DATA_DIR)
    parser.add_argument("--config", type=Path, default=CONFIG_PATH)
    parser.add_argument("--build", type=Path, default=BUILD_DIR, help="corpus and run folder")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="export folder")
    parser.add_argument(
        "--seed", type=int, default=1, help="dev split and training seed (1: see README)"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=JSON",
        help="config override, e.g. training.max_epochs=2 (repeatable)",
    )
    parser.add_argument("--label-map", type=Path, default=ner_corpus.LABEL_MAP_PATH)
    parser.add_argument("--exclude", action="append", default=[], help="corpus to leave out")
    parser.add_argument(
        "--repeat",
        action="append",
        default=[],
        metavar="CORPUS=N",
        help="override ner_corpus.TRAIN_REPEATS for one corpus (repeatable)",
    )
    parser.add_argument(
        "--news-repeat", type=int, default=1, help="times the annotated news train lines are used"
    )
    parser.add_argument(
        "--vectors",
        type=Path,
        default=VECTORS_DIR,
        help="spaCy vectors folder (built by training/vectors.py when missing)",
    )
    parser.add_argument(
        "--no-vectors", action="store_true", help="train without static vectors (ablation)"
    )
    parser.add_argument("--no-export", action="store_true", help="train only")
    args = parser.parse_args(argv)

    overrides: dict[str, Any] = {"system.seed": args.seed}
    if args.no_vectors:
        overrides["components.ner.model.tok2vec.embed.include_static_vectors"] = False
    else:
        if not (args.vectors / "config.cfg").exists():
            import vectors  # noqa: PLC0415 - floret is needed only here

            vectors.main(["--out", str(args.vectors.parent)])
        overrides["paths.vectors"] = str(args.vectors)
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)

    started = time.perf_counter()
    corpus_dir = args.build / "corpus"
    manifest = ner_corpus.build(
        args.data,
        corpus_dir,
        seed=args.seed,
        mapping=ner_corpus.label_map(args.label_map),
        exclude=args.exclude,
        repeats={
            **ner_corpus.TRAIN_REPEATS,
            **{k: int(v) for k, _, v in (r.partition("=") for r in args.repeat)},
        },
        news_repeat=args.news_repeat,
    )
    print(json.dumps(manifest["train.spacy"]), json.dumps(manifest["dev.spacy"]), flush=True)
    prepared = time.perf_counter()
    best = train(args.config, corpus_dir, args.build / "run", overrides)
    trained = time.perf_counter()
    print(f"prepare {prepared - started:.0f} s, train {trained - prepared:.0f} s", flush=True)
    if not args.no_export:
        out = export(best, args.model)
        print(f"exported {out} ({_dir_size(out) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
