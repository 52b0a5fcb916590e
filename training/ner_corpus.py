"""Read, harmonise, de-duplicate and merge the Indonesian NER corpora into spaCy DocBins."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

TRAINING_DIR = Path(__file__).resolve().parent
REPO_DIR = TRAINING_DIR.parent
DEFAULT_DATA_DIR = REPO_DIR.parent / "shared" / "data" / "ner"
DEFAULT_CORPUS_DIR = TRAINING_DIR / "build" / "corpus"
LABEL_MAP_PATH = TRAINING_DIR / "label_map.tsv"
LABELS = ("PER", "ORG", "LOC")

# Tokens glued to these characters are split off; they are never part of an entity.
_OPEN = frozenset("([{“‘")
_CLOSE = frozenset(")]}”’")
# No space is written before these tokens (and none after the opening ones) when the
# CoNLL tokens are joined back into raw text.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "“", "‘"})


@dataclass(frozen=True)
class SplitSpec:
    """Where one split of one corpus lives under the data directory.

    Attributes:
        corpus: Corpus folder name, also the first column of ``label_map.tsv``.
        split: Split name as the corpus calls it.
        files: Paths relative to the data directory; their sentences are concatenated.
    """

    corpus: str
    split: str
    files: tuple[str, ...]


IDNER_TRAIN = SplitSpec("idner-news-2k", "train", ("idner-news-2k/train.txt",))
IDNER_DEV = SplitSpec("idner-news-2k", "dev", ("idner-news-2k/dev.txt",))
IDNER_TEST = SplitSpec("idner-news-2k", "test", ("idner-news-2k/test.txt",))
NERGRIT_TRAIN = SplitSpec("indonlu-nergrit", "train", ("indonlu-nergrit/train_preprocess.txt",))
NERGRIT_VALID = SplitSpec("indonlu-nergrit", "valid", ("indonlu-nergrit/valid_preprocess.txt",))
NERGRIT_TEST = SplitSpec(
    "indonlu-nergrit", "test", ("indonlu-nergrit/test_preprocess_masked_label.txt",)
)
NERP_TRAIN = SplitSpec("indonlu-nerp", "train", ("indonlu-nerp/train_preprocess.txt",))
NERP_VALID = SplitSpec("indonlu-nerp", "valid", ("indonlu-nerp/valid_preprocess.txt",))
NERP_TEST = SplitSpec("indonlu-nerp", "test", ("indonlu-nerp/test_preprocess_masked_label.txt",))
NERUI_TEST = SplitSpec(
    "indolem-nerui", "test", tuple(f"indolem-nerui/test.0{fold}.tsv" for fold in range(1, 6))
)

# Corpora whose licences allow shipping a model trained on them, in de-duplication priority
# order (a sentence found in several is kept from the first: cased news before lower-cased).
TRAIN_SPLITS = (IDNER_TRAIN, NERGRIT_TRAIN, NERP_TRAIN, NERP_VALID)
# Corpora that tag organisations only partly (NERP: companies and brands, not government
# bodies or parties); see ``mask_untagged_orgs``. The ORG names come from the others.
PARTIAL_ORG_CORPORA = ("indonlu-nerp",)
# How many times each corpus's training sentences are written to train.spacy (a weight:
# NERGrit is the only encyclopedic corpus and the smallest of the three).
TRAIN_REPEATS = {"idner-news-2k": 1, "indonlu-nergrit": 2, "indonlu-nerp": 1}
# Every test split of every corpus: no training or dev sentence may occur in one of them.
# NERGrit valid is our NERGrit test set (its test labels are masked); indolem-nerui has no
# licence and is used for evaluation only (its five test folds are the whole corpus).
TEST_SPLITS = (IDNER_TEST, NERGRIT_VALID, NERGRIT_TEST, NERP_TEST, NERUI_TEST)
# Evaluation sets printed by evaluation/ner.py.
EVAL_SPLITS = {
    "idner-news-2k test": IDNER_TEST,
    "NERGrit valid": NERGRIT_VALID,
    "indolem-nerui test (5 folds)": NERUI_TEST,
}


@dataclass(frozen=True)
class Sentence:
    """One CoNLL sentence with IOB2 tags over beritakit's labels (PER, ORG, LOC).

    Attributes:
        corpus: Corpus it came from.
        split: Split it came from.
        tokens: Tokens as given by the corpus (after harmonisation, if requested).
        tags: IOB2 tags, one per token.
    """

    corpus: str
    split: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def key(self) -> str:
        """De-duplication key: the lower-cased letters and digits of the sentence."""
        return "".join(ch for ch in "".join(self.tokens).lower() if ch.isalnum())


@cache
def label_map(path: Path = LABEL_MAP_PATH) -> dict[tuple[str, str], str]:
    """Read the label mapping (corpus, source label) -> PER/ORG/LOC or O.

    Args:
        path: TSV file with the columns corpus, source_label, target_label.

    Returns:
        The mapping.
    """
    mapping: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        corpus, source, target = line.split("\t")
        if target not in ("O", "-") and target not in LABELS:
            raise ValueError(f"{path}: unknown target label {target!r}")
        mapping[(corpus, source)] = target
    return mapping


def _map_tag(corpus: str, tag: str, mapping: dict[tuple[str, str], str]) -> str:
    """Map one IOB2 tag; ``O`` and ``-`` (missing: neither entity nor O) come out bare."""
    if tag == "O":
        return "O"
    prefix, _, label = tag.partition("-")
    if prefix not in ("B", "I") or not label:
        raise ValueError(f"{corpus}: malformed tag {tag!r}")
    target = mapping[(corpus, label)]
    return target if target in ("O", "-") else f"{prefix}-{target}"


def repair_iob(tags: Sequence[str]) -> list[str]:
    """Make a tag sequence valid IOB2: an ``I-X`` that does not continue an ``X`` becomes ``B-X``.

    Args:
        tags: IOB tags.

    Returns:
        The repaired tags.
    """
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def _split_token(token: str, tag: str) -> list[tuple[str, str]]:
    """Split brackets glued to a token off as O tokens, e.g. ``(BEI)`` -> ``( BEI )``.

    idner-news-2k writes ``Bursa Efek Indonesia (BEI)`` as one ORG whose last token is
    ``(BEI)``; the other corpora tag ``( BEI )`` as O + ORG + O, a separate entity. The
    inner token starts a new entity (``B-``) so that the two conventions agree.
    """
    start, end = 0, len(token)
    while start < end - 1 and token[start] in _OPEN:
        start += 1
    while end > start + 1 and token[end - 1] in _CLOSE:
        end -= 1
    if start == 0 and end == len(token):
        return [(token, tag)]
    inner_tag = tag if tag in ("O", "-") or start == 0 else "B-" + tag[2:]
    pieces = [(ch, "O") for ch in token[:start]]
    pieces.append((token[start:end], inner_tag))
    pieces.extend((ch, "O") for ch in token[end:])
    return pieces


def parse_conll(
    text: str,
    corpus: str,
    split: str,
    *,
    harmonise: bool = True,
    mapping: dict[tuple[str, str], str] | None = None,
) -> list[Sentence]:
    """Parse CoNLL text (token first, IOB2 tag last, blank line between sentences).

    Args:
        text: File content; CRLF line ends and space- or tab-separated columns are accepted.
        corpus: Corpus name (selects the label mapping).
        split: Split name, recorded on each sentence.
        harmonise: Split multi-word tokens on spaces and brackets off tokens (see
            ``_split_token``). Without it the tokens and tags are kept as published
            (labels still mapped).
        mapping: Label mapping; ``label_map()`` if None. A type mapped to ``-`` is
            marked missing (the model learns nothing about those tokens).

    Returns:
        The sentences, with tags mapped to PER/ORG/LOC (or ``-``) and repaired to IOB2.
    """
    mapping = label_map() if mapping is None else mapping
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(Sentence(corpus, split, tuple(tokens), tuple(repair_iob(tags))))
        tokens.clear()
        tags.clear()

    for raw in text.splitlines():
        line = raw.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        columns = line.split("\t") if "\t" in line else line.split(" ")
        token, tag = columns[0], _map_tag(corpus, columns[-1].strip(), mapping)
        if not token.strip():
            continue
        if not harmonise:
            tokens.append(token)
            tags.append(tag)
            continue
        for i, word in enumerate(token.split()):
            word_tag = tag if i == 0 or tag in ("O", "-") else "I-" + tag[2:]
            for piece, piece_tag in _split_token(word, word_tag):
                tokens.append(piece)
                tags.append(piece_tag)
    flush()
    return sentences


def read_split(
    spec: SplitSpec,
    data_dir: Path = DEFAULT_DATA_DIR,
    *,
    harmonise: bool = True,
    mapping: dict[tuple[str, str], str] | None = None,
) -> list[Sentence]:
    """Read every file of one split.

    Args:
        spec: The split.
        data_dir: Folder holding the corpus folders (``shared/data/ner``).
        harmonise: See ``parse_conll``.
        mapping: See ``parse_conll``.

    Returns:
        The sentences of all its files, in order.
    """
    sentences: list[Sentence] = []
    for name in spec.files:
        text = (data_dir / name).read_text(encoding="utf-8")
        sentences.extend(
            parse_conll(text, spec.corpus, spec.split, harmonise=harmonise, mapping=mapping)
        )
    return sentences


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[bool]]:
    """Rebuild raw text from tokens: a space between tokens except around punctuation.

    Args:
        tokens: The tokens.

    Returns:
        The text and, per token, whether a space follows it.
    """
    spaces: list[bool] = []
    in_quote = False
    for i, token in enumerate(tokens):
        space = i < len(tokens) - 1
        if token == '"':
            in_quote = not in_quote
            if in_quote:
                space = False
        elif token in _NO_SPACE_AFTER:
            space = False
        if space:
            nxt = tokens[i + 1]
            if nxt in _NO_SPACE_BEFORE or (nxt == '"' and in_quote):
                space = False
        spaces.append(space)
    text = "".join(t + (" " if s else "") for t, s in zip(tokens, spaces, strict=True))
    return text, spaces


def iob_char_spans(sentence: Sentence) -> tuple[str, list[tuple[int, int, str]]]:
    """Raw text of a sentence and its entities as character spans.

    Args:
        sentence: The sentence.

    Returns:
        The text (see ``join_tokens``) and (start, end, label) triples; runs of missing
        tokens (tag ``-``) come as spans labelled ``-``.
    """
    text, spaces = join_tokens(sentence.tokens)
    spans: list[tuple[int, int, str]] = []
    offset = 0
    current: tuple[int, int, str] | None = None
    for token, tag, space in zip(sentence.tokens, sentence.tags, spaces, strict=True):
        end = offset + len(token)
        if current is not None and (tag.startswith("I-") or (tag == "-" == current[2])):
            current = (current[0], end, current[2])
        else:
            if current is not None:
                spans.append(current)
                current = None
            if tag.startswith("B-"):
                current = (offset, end, tag[2:])
            elif tag == "-":
                current = (offset, end, "-")
        offset = end + (1 if space else 0)
    if current is not None:
        spans.append(current)
    return text, spans


def sentence_to_doc(nlp: Language, sentence: Sentence, stats: Counter[str] | None = None) -> Doc:
    """Tokenise a sentence's raw text with ``nlp``'s tokenizer and set its entities.

    The model then trains and is evaluated on exactly the tokens it sees at inference.
    An entity whose edges fall inside a spaCy token is widened to whole tokens.

    Args:
        nlp: Pipeline whose tokenizer to use (a blank ``id`` pipeline).
        sentence: The sentence.
        stats: Optional counter; ``entities`` and ``widened`` are incremented.

    Returns:
        The Doc: entity, O, or missing (for tags ``-``) on every token.
    """
    text, char_spans = iob_char_spans(sentence)
    doc = nlp.make_doc(text)
    ents: list[Span] = []
    missing: list[Span] = []
    for start, end, label in char_spans:
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if stats is not None and label != "-":
                stats["widened"] += 1
        if span is None:
            continue
        if label == "-":
            missing.append(span)
        else:
            ents.append(span)
            if stats is not None:
                stats["entities"] += 1
    ents = filter_spans(ents)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    missing = [m for m in missing if not taken.intersection(range(m.start, m.end))]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def conll_doc(nlp: Language, sentence: Sentence) -> Doc:
    """A Doc with the corpus's own tokens and tags (no re-tokenisation).

    Args:
        nlp: Pipeline whose vocab to use.
        sentence: The sentence.

    Returns:
        The Doc.
    """
    _, spaces = join_tokens(sentence.tokens)
    return Doc(nlp.vocab, words=list(sentence.tokens), spaces=spaces, ents=list(sentence.tags))


def org_lexicon(sentences: Iterable[Sentence], min_share: float = 0.5) -> set[tuple[str, ...]]:
    """Lower-cased organisation names that the given (cased) sentences tag as ORG.

    A name is kept when the tokens, with their case, are an ORG entity in at least
    ``min_share`` of the places they occur (so ``Indonesia``, mostly a place, is not kept).

    Args:
        sentences: Cased training sentences.
        min_share: Minimum share of occurrences tagged ORG.

    Returns:
        The names as tuples of lower-cased tokens.
    """
    sentences = list(sentences)
    as_org: Counter[tuple[str, ...]] = Counter()
    for s in sentences:
        start = None
        for i, tag in enumerate((*s.tags, "O")):
            if start is not None and tag != "I-ORG":
                as_org[s.tokens[start:i]] += 1
                start = None
            if tag == "B-ORG":
                start = i
    lengths = {len(name) for name in as_org}
    seen: Counter[tuple[str, ...]] = Counter()
    for s in sentences:
        for n in lengths:
            for i in range(len(s.tokens) - n + 1):
                gram = s.tokens[i : i + n]
                if gram in as_org:
                    seen[gram] += 1
    return {
        tuple(t.lower() for t in name)
        for name, count in as_org.items()
        if count >= min_share * seen[name]
    }


def mask_untagged_orgs(sentence: Sentence, lexicon: set[tuple[str, ...]]) -> Sentence:
    """Mark as missing (``-``) the O tokens that spell a name in ``lexicon`` (longest first).

    NERP's guidelines leave government bodies, parties and agencies untagged (its IND type
    covers companies, brands and media), so ``kpk`` or ``partai demokrat`` are O there; left
    as O they would teach the model that these are not organisations.

    Args:
        sentence: A sentence from a corpus that does not tag such organisations.
        lexicon: Names from ``org_lexicon``.

    Returns:
        The sentence with those tokens' tags set to ``-``.
    """
    if not lexicon:
        return sentence
    longest = max(len(name) for name in lexicon)
    lower = [t.lower() for t in sentence.tokens]
    tags = list(sentence.tags)
    i = 0
    while i < len(lower):
        step = 1
        for n in range(min(longest, len(lower) - i), 0, -1):
            if tuple(lower[i : i + n]) in lexicon and all(t == "O" for t in tags[i : i + n]):
                tags[i : i + n] = ["-"] * n
                step = n
                break
        i += step
    return replace(sentence, tags=tuple(tags))


def _dedupe(
    sentences: Iterable[Sentence], exclude: set[str], stats: Counter[str], name: str
) -> list[Sentence]:
    """Keep the first of each key; drop keys in ``exclude`` and sentences with no letters."""
    kept: list[Sentence] = []
    seen: set[str] = set()
    for sentence in sentences:
        key = sentence.key
        if not key:
            stats[f"{name}: dropped, no letters or digits"] += 1
        elif key in exclude:
            stats[f"{name}: dropped, in a test/dev split ({sentence.corpus})"] += 1
        elif key in seen:
            stats[f"{name}: dropped, duplicate ({sentence.corpus} {sentence.split})"] += 1
        else:
            seen.add(key)
            kept.append(sentence)
    return kept


def merge(
    data_dir: Path = DEFAULT_DATA_DIR,
    *,
    seed: int = 0,
    dev_fraction: float = 0.1,
    mapping: dict[tuple[str, str], str] | None = None,
    exclude: Collection[str] = (),
    repeats: Mapping[str, int] | None = None,
) -> tuple[list[Sentence], list[Sentence], Counter[str]]:
    """Merge the shippable corpora into de-duplicated train and dev sentence lists.

    Dev is idner-news-2k dev plus a seeded ``dev_fraction`` of NERGrit train. Train is
    idner-news-2k train, the rest of NERGrit train, NERP train and valid (EVT and FNB
    dropped). No train or dev sentence occurs in any test split, no train sentence in dev,
    and each sentence occurs once (compared on lower-cased letters and digits).

    Args:
        data_dir: Folder holding the corpus folders.
        seed: Seed for carving the NERGrit dev split.
        dev_fraction: Share of NERGrit train moved to dev.
        mapping: Label mapping (``label_map()`` if None).
        exclude: Corpus names to leave out of train (for experiments).
        repeats: Times each corpus's train sentences are repeated (``TRAIN_REPEATS``
            if None); applied after de-duplication.

    Returns:
        Train sentences, dev sentences and counts of what was dropped and kept.
    """
    stats: Counter[str] = Counter()
    test_keys = {s.key for spec in TEST_SPLITS for s in read_split(spec, data_dir)}
    nergrit = read_split(NERGRIT_TRAIN, data_dir, mapping=mapping)
    rng = random.Random(seed)
    dev_ids = set(rng.sample(range(len(nergrit)), round(len(nergrit) * dev_fraction)))
    nergrit_dev = [s for i, s in enumerate(nergrit) if i in dev_ids]
    nergrit_train = [s for i, s in enumerate(nergrit) if i not in dev_ids]
    idner_dev = read_split(IDNER_DEV, data_dir, mapping=mapping)
    dev = _dedupe(idner_dev + nergrit_dev, test_keys, stats, "dev")
    dev_keys = {s.key for s in dev}
    raw_train: list[Sentence] = []
    for spec in TRAIN_SPLITS:
        if spec.corpus in exclude:
            continue
        if spec == NERGRIT_TRAIN:
            raw_train.extend(nergrit_train)
        else:
            raw_train.extend(read_split(spec, data_dir, mapping=mapping))
    train = _dedupe(raw_train, test_keys | dev_keys, stats, "train")
    lexicon = org_lexicon(s for s in train if s.corpus not in PARTIAL_ORG_CORPORA)
    train = [
        mask_untagged_orgs(s, lexicon) if s.corpus in PARTIAL_ORG_CORPORA else s for s in train
    ]
    stats["train: tokens marked missing (NERP IND, untagged ORG names)"] = sum(
        s.tags.count("-") for s in train if s.corpus in PARTIAL_ORG_CORPORA
    )
    for name, part in (("train", train), ("dev", dev)):
        for sentence in part:
            stats[f"{name}: kept ({sentence.corpus})"] += 1
    repeats = TRAIN_REPEATS if repeats is None else repeats
    train = [s for s in train for _ in range(repeats.get(s.corpus, 1))]
    return train, dev, stats


def write_docbin(
    nlp: Language, sentences: Iterable[Sentence], path: Path, extra: Iterable[Doc] = ()
) -> Counter[str]:
    """Convert sentences to Docs (``sentence_to_doc``) and save them as a DocBin.

    Args:
        nlp: Pipeline whose tokenizer to use.
        sentences: The sentences.
        path: Output ``.spacy`` file.
        extra: Docs to add as they are (the annotated news lines, ``news_ner``).

    Returns:
        Counts: sentences, tokens, entities, widened entities and entities per label.
    """
    stats: Counter[str] = Counter()
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for sentence in sentences:
        doc = sentence_to_doc(nlp, sentence, stats)
        stats["sentences"] += 1
        stats["tokens"] += len(doc)
        stats.update(f"label {ent.label_}" for ent in doc.ents)
        docbin.add(doc)
    for doc in extra:
        stats["news lines"] += 1
        stats["tokens"] += len(doc)
        stats.update(f"label {ent.label_}" for ent in doc.ents)
        docbin.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return stats


def build(
    data_dir: Path = DEFAULT_DATA_DIR,
    out_dir: Path = DEFAULT_CORPUS_DIR,
    *,
    seed: int = 0,
    dev_fraction: float = 0.1,
    mapping: dict[tuple[str, str], str] | None = None,
    exclude: Collection[str] = (),
    repeats: Mapping[str, int] | None = None,
    news_repeat: int = 1,
) -> dict[str, dict[str, int]]:
    """Write ``train.spacy``, ``dev.spacy`` and ``manifest.json`` into ``out_dir``.

    The annotated news articles (``training/data/news-ner``, see ``news_ner``) join train
    (their train split, ``news_repeat`` times) and dev (their validation split, which so
    takes part in choosing the best checkpoint); their test split is never read here.

    Args:
        data_dir: Folder holding the corpus folders.
        out_dir: Output folder.
        seed: Seed for the NERGrit dev split.
        dev_fraction: Share of NERGrit train moved to dev.
        mapping: Label mapping (``label_map()`` if None).
        exclude: Corpus names to leave out of train.
        repeats: See ``merge``.
        news_repeat: Times the annotated news train lines are written (0: none).

    Returns:
        The manifest: merge counts and per-file document counts.
    """
    import news_ner  # noqa: PLC0415 - training/ is the working directory's package

    nlp = spacy.blank("id")
    news_stats: Counter[str] = Counter()
    news_train = list(news_ner.docs(nlp, "train", news_stats)) * news_repeat
    news_dev = list(news_ner.docs(nlp, "validation", news_stats))
    train, dev, merge_stats = merge(
        data_dir,
        seed=seed,
        dev_fraction=dev_fraction,
        mapping=mapping,
        exclude=exclude,
        repeats=repeats,
    )
    manifest = {
        "merge": dict(sorted((merge_stats + news_stats).items())),
        "train.spacy": dict(
            sorted(write_docbin(nlp, train, out_dir / "train.spacy", news_train).items())
        ),
        "dev.spacy": dict(sorted(write_docbin(nlp, dev, out_dir / "dev.spacy", news_dev).items())),
    }
    (out_dir / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build the train/dev DocBins."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="shared/data/ner")
    parser.add_argument("--out", type=Path, default=DEFAULT_CORPUS_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dev-fraction", type=float, default=0.1)
    parser.add_argument("--label-map", type=Path, default=LABEL_MAP_PATH)
    parser.add_argument("--exclude", action="append", default=[], help="corpus to leave out")
    args = parser.parse_args(argv)
    manifest = build(
        args.data,
        args.out,
        seed=args.seed,
        dev_fraction=args.dev_fraction,
        mapping=label_map(args.label_map),
        exclude=args.exclude,
    )
    json.dump(manifest, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
