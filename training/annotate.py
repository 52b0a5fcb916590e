"""Stand-off NER annotation of ``../shared/data/corpus/news.jsonl.gz`` (issue 12).

The article texts stay in ``../shared``; the repository keeps only article ids, the sha256
of each text and character offsets (``training/data/news-ner/``). Sub-commands:

``select``
    Choose the articles to annotate, stratified by outlet and section, split them by
    article into train / validation / test (stratified by outlet) and cut them into
    fixed batches of ten. Writes ``selection.jsonl``. Seeded: the same corpus gives the
    same selection.
``show BATCH``
    Print the batch's articles as numbered lines, the view annotators work from.
``check FILE...``
    Parse annotation files (format below), locate every mention in its line and report
    errors (mention not found, bad label) and doubts for the reviewer (a labelled
    surface that occurs more often in the body than it was labelled, a span that does
    not start or end at a word boundary).
``build``
    Turn the reviewed annotation files (``ann/BATCH.final.txt``) into
    ``{train,validation,test}.jsonl`` stand-off records and print counts.
``agree A B``
    Span-level agreement (exact start, end and label) between two annotation files of
    the same batch: precision, recall and F1 of B against A, per label.

Annotation file format (one file per batch and annotator, UTF-8)::

    === c-5d2afb1bb965
    SKIP: 4, 12-14
    L1: MML|PER ; Sumba Barat Daya|LOC ; Nusa Tenggara Timur|LOC ; NTT|LOC
    L6: Polda Nusa Tenggara Timur|ORG ; NTT|LOC

``Lk:`` lists line k's mentions in their order of appearance, each as ``surface|LABEL``
with the surface copied exactly from the line; a name written twice in the line is listed
twice. Lines without entities are not listed. Where the occurrence meant is not the next
one (an unlabelled copy comes first, inside a facility's name or a word), ``surface|LABEL@n``
names the nth occurrence in the whole line. ``SKIP:`` names the lines that are not
article body (credits, ``Baca juga`` links, captions, tags, share boilerplate): they are
left out of training and scoring. Labels: PER, ORG, LOC.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "news-ner"
SELECTION = DATA / "selection.jsonl"
ANN = DATA / "ann"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"
LABELS = ("PER", "ORG", "LOC")
BATCH_SIZE = 10
SPLIT_SIZES = {"test": 90, "validation": 70}  # the rest of the selection is train
TARGET = 470

OUTLETS = (
    ("liputan6", "liputan6"),
    ("detik", "detik"),
    ("tribun", "tribun"),
    ("okezone", "okezone"),
    ("sindonews", "sindonews"),
    ("kompas", "kompas"),
    ("tempo", "tempo"),
    ("kapanlagi", "kapanlagi"),
    ("posmetro", "posmetro"),
    ("republika", "republika"),
)
# Section words in the URL path, for a spread over topics.
SECTIONS = (
    ("sport", r"sport|bola|olahraga|liga|motogp|f1"),
    ("business", r"bisnis|ekonomi|finance|money|market|keuangan|properti|oto|otomotif"),
    ("entertainment", r"showbiz|celeb|selebriti|hot\.|seleb|musik|film|lifestyle|kapanlagi"),
    ("international", r"global|internasional|dunia|world|international"),
    ("regional", r"regional|daerah|[a-z]+\.tribunnews|jabar|jateng|jatim|sumut|news/read"),
    ("crime", r"kriminal|hukum|crime|peristiwa|polisi"),
    ("politics", r"politik|nasional|pemilu|pilkada|news"),
)
_LINE = re.compile(r"^L(\d+):\s*(.*)$")
_SKIP = re.compile(r"^SKIP:\s*(.*)$")
_WORD = re.compile(r"\w", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]*[A-Z0-9])")


def sha256(text: str) -> str:
    """Hex sha256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outlet_of(raw: str) -> str | None:
    """The outlet group of a scraper's outlet string."""
    low = raw.lower()
    for key, group in OUTLETS:
        if key in low:
            return group
    return None


def section_of(url: str) -> str:
    """A rough topic from the URL (host and path)."""
    low = url.lower()
    for name, pattern in SECTIONS:
        if re.search(pattern, low):
            return name
    return "other"


def read_corpus(path: Path) -> Iterator[dict[str, object]]:
    """The corpus records, one dict a line."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def count_sentences(text: str) -> int:
    """A rough count of sentences: non-empty lines, split at sentence ends."""
    return sum(
        len(_SENTENCE_END.findall(line)) + 1 for line in text.split("\n") if line.strip()
    )


def candidates(
    corpus: Path, exclude: Iterable[str] = ()
) -> dict[str, list[dict[str, object]]]:
    """Corpus articles of 1,200-6,000 characters by outlet, near-duplicates removed.

    Articles whose id is in ``exclude``, and near-duplicates of them, are left out.
    """
    pools: dict[str, list[dict[str, object]]] = defaultdict(list)
    seen: set[str] = set()
    records = list(read_corpus(corpus))
    excluded = set(exclude)
    for record in records:
        if str(record["id"]) in excluded:
            seen.add(re.sub(r"\W+", "", str(record["text"])[:300].lower()))
    for record in records:
        text = str(record["text"])
        group = outlet_of(str(record.get("outlet") or record.get("url") or ""))
        if group is None or not 1200 <= len(text) <= 6000:
            continue
        key = re.sub(r"\W+", "", text[:300].lower())
        if key in seen:
            continue
        seen.add(key)
        pools[group].append(record)
    return pools


def select(corpus: Path, seed: int = 12) -> list[dict[str, object]]:
    """Articles to annotate: stratified by outlet (every outlet, larger ones more) and topic."""
    rng = random.Random(seed)
    pools = candidates(corpus)
    total = sum(len(pool) for pool in pools.values())
    chosen = pick(pools, TARGET, rng, least=12)
    print(f"{total} candidates, {len(chosen)} chosen", file=sys.stderr)
    return assign_splits(chosen, rng)


def pick(
    pools: dict[str, list[dict[str, object]]], target: int, rng: random.Random, least: int
) -> list[dict[str, object]]:
    """About ``target`` articles: outlets by the square root of their size, topics in turn."""
    # Square-root allocation: every outlet is represented, large ones are not all.
    weights = {group: len(pool) ** 0.5 for group, pool in pools.items()}
    norm = sum(weights.values())
    quota = {
        group: min(len(pools[group]), max(least, round(target * weight / norm)))
        for group, weight in weights.items()
    }
    chosen: list[dict[str, object]] = []
    for group in sorted(pools):
        by_section: dict[str, list[dict[str, object]]] = defaultdict(list)
        for record in pools[group]:
            by_section[section_of(str(record.get("url") or ""))].append(record)
        for pool in by_section.values():
            rng.shuffle(pool)
        order = sorted(by_section)
        picked: list[dict[str, object]] = []
        while len(picked) < quota[group] and any(by_section.values()):
            for name in order:  # round robin over the sections
                if by_section[name] and len(picked) < quota[group]:
                    picked.append(by_section[name].pop())
        chosen.extend(picked)
    return chosen


def extend(corpus: Path, target: int, prefix: str, seed: int) -> list[dict[str, object]]:
    """About ``target`` more TRAIN articles, none of them (or a near-duplicate) selected yet.

    Stratified as ``select`` is; batches of ten named ``{prefix}00``, ``{prefix}01``, ...
    Validation and test are unchanged.
    """
    rows = load_selection()
    if any(str(row["batch"]).startswith(prefix) for row in rows):
        raise SystemExit(f"batches {prefix}NN exist already")
    rng = random.Random(seed)
    chosen = pick(candidates(corpus, (str(r["id"]) for r in rows)), target, rng, least=3)
    rng.shuffle(chosen)
    out = []
    for k, record in enumerate(chosen):
        group = str(outlet_of(str(record.get("outlet") or record.get("url"))))
        row = selection_row(record, group, "train")
        row["batch"] = f"{prefix}{k // BATCH_SIZE:02d}"
        out.append(row)
    return out


def draft(batch: str, corpus: Path) -> None:
    """Print the pipeline's people, organisations and places of a TRAIN batch as a draft file.

    Only for training batches: validation and test are annotated from the text alone.
    The reviewer reads every line of the text against the draft (``show``).
    """
    import beritakit  # noqa: PLC0415 - the pipeline is needed only here

    rows = [row for row in load_selection() if row["batch"] == batch]
    if not rows or any(row["split"] != "train" for row in rows):
        raise SystemExit(f"{batch!r}: not a training batch (drafts are for training only)")
    texts = texts_for((str(r["id"]) for r in rows), corpus)
    print("# draft: beritakit pipeline output, to be reviewed against the text")
    for row in rows:
        text = texts[str(row["id"])]
        record = beritakit.extract(text)
        spans = sorted(
            (m.start, m.end, label)
            for label, found in (
                ("PER", record.people),
                ("ORG", record.organizations),
                ("LOC", record.places),
            )
            for entity in found
            for m in entity.mentions
        )
        print(f"=== {row['id']}")
        starts = line_starts(text)
        by_line: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for start, end, label in spans:
            k = bisect.bisect_right(starts, start) - 1
            if text.find("\n", start, end) < 0:
                by_line[k].append((start - starts[k], end - starts[k], label))
        for k, found in sorted(by_line.items()):
            line = text[starts[k] : starts[k + 1] - 1 if k + 1 < len(starts) else len(text)]
            print(f"L{k + 1}: " + " ; ".join(_draft_items(line, found)))
        print()


def _draft_items(line: str, spans: list[tuple[int, int, str]]) -> Iterator[str]:
    """``surface|LABEL`` in order, with ``@n`` where ``locate`` would take another occurrence."""
    surfaces = [line[start:end] for start, end, _ in spans]
    cursor = 0
    for i, (start, end, label) in enumerate(spans):
        item = f"{surfaces[i]}|{label}"
        if find_mention(line, surfaces[i], cursor, surfaces[i + 1 :]) != start:
            nth, found = 1, line.find(surfaces[i])
            while found != start:
                nth, found = nth + 1, line.find(surfaces[i], found + 1)
            item += f"@{nth}"
        cursor = end
        yield item


def assign_splits(chosen: list[dict[str, object]], rng: random.Random) -> list[dict[str, object]]:
    """Split by article, stratified by outlet; batches of ten in test, validation, train order."""
    by_outlet: dict[str, list[dict[str, object]]] = defaultdict(list)
    for record in chosen:
        by_outlet[str(outlet_of(str(record.get("outlet") or record.get("url"))))].append(record)
    n = len(chosen)
    rows: list[dict[str, object]] = []
    for group, records in sorted(by_outlet.items()):
        rng.shuffle(records)
        n_test = round(len(records) * SPLIT_SIZES["test"] / n)
        n_val = round(len(records) * SPLIT_SIZES["validation"] / n)
        for i, record in enumerate(records):
            split = "test" if i < n_test else "validation" if i < n_test + n_val else "train"
            rows.append(selection_row(record, group, split))
    order = {"test": 0, "validation": 1, "train": 2}
    rows.sort(key=lambda row: (order[str(row["split"])], str(row["outlet"]), str(row["id"])))
    batch_of_split: Counter[str] = Counter()
    for row in rows:
        split = str(row["split"])
        index = batch_of_split[split] // BATCH_SIZE
        batch_of_split[split] += 1
        row["batch"] = f"{split[:3]}{index:02d}"
    return rows


def selection_row(record: dict[str, object], group: str, split: str) -> dict[str, object]:
    """The ``selection.jsonl`` row of a corpus article (without its batch)."""
    text = str(record["text"])
    return {
        "id": record["id"],
        "sha256": sha256(text),
        "outlet": group,
        "section": section_of(str(record.get("url") or "")),
        "split": split,
        "chars": len(text),
        "sentences": count_sentences(text),
    }


def load_selection() -> list[dict[str, object]]:
    """The rows of ``selection.jsonl``."""
    with SELECTION.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def texts_for(ids: Iterable[str], corpus: Path) -> dict[str, str]:
    """The corpus texts of the given ids."""
    wanted = set(ids)
    return {
        str(r["id"]): str(r["text"]) for r in read_corpus(corpus) if str(r["id"]) in wanted
    }


def show(batch: str, corpus: Path) -> None:
    """Print a batch's articles as numbered lines."""
    rows = [row for row in load_selection() if row["batch"] == batch]
    if not rows:
        raise SystemExit(f"no batch {batch!r}")
    texts = texts_for((str(r["id"]) for r in rows), corpus)
    for row in rows:
        text = texts[str(row["id"])]
        if sha256(text) != row["sha256"]:
            raise SystemExit(f"{row['id']}: text changed (sha256)")
        print(f"=== {row['id']}  ({row['outlet']}, {row['section']}, {row['split']})")
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                print(f"L{number}: {line}")
        print()


@dataclass
class Article:
    """One article's annotation as written in a file."""

    id: str
    skip: set[int] = field(default_factory=set)
    lines: dict[int, list[tuple[str, str]]] = field(default_factory=dict)


def parse_ranges(spec: str) -> set[int]:
    """``"4, 12-14"`` → {4, 12, 13, 14}."""
    out: set[int] = set()
    for part in spec.replace(";", ",").split(","):
        part = part.strip().lstrip("L")
        if not part or part == "-":
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.update(range(int(a.strip().lstrip("L")), int(b.strip().lstrip("L")) + 1))
        else:
            out.add(int(part))
    return out


def parse_file(path: Path) -> tuple[list[Article], list[str]]:
    """Articles of an annotation file, and format errors."""
    articles: list[Article] = []
    errors: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("==="):
            articles.append(Article(id=line[3:].split()[0]))
            continue
        if not articles:
            errors.append(f"{path.name}:{number}: text before the first '=== id'")
            continue
        skip = _SKIP.match(line)
        if skip:
            try:
                articles[-1].skip |= parse_ranges(skip.group(1))
            except ValueError:
                errors.append(f"{path.name}:{number}: bad SKIP list {skip.group(1)!r}")
            continue
        match = _LINE.match(line)
        if not match:
            errors.append(f"{path.name}:{number}: not 'Lk: ...': {line[:60]!r}")
            continue
        mentions: list[tuple[str, str]] = []
        for item in match.group(2).split(" ; "):
            item = item.strip().rstrip(";").strip()
            if not item:
                continue
            surface, _, label = item.rpartition("|")
            label, _, nth = label.strip().upper().partition("@")
            if not surface or label not in LABELS or (nth and not nth.isdigit()):
                errors.append(f"{path.name}:{number}: bad mention {item!r}")
                continue
            mentions.append((surface, f"{label}@{nth}" if nth else label))
        articles[-1].lines.setdefault(int(match.group(1)), []).extend(mentions)
    return articles, errors


def line_starts(text: str) -> list[int]:
    """Offset of the start of each line (1-based index: starts[k - 1])."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def find_mention(line: str, surface: str, cursor: int, later: Sequence[str] = ()) -> int:
    """The next occurrence of ``surface`` from ``cursor``, a whole word where possible.

    The next whole-word occurrence is taken (``Korea`` skips ``Koreaboo``) when the
    mentions listed after this one (``later``) still fit after it; otherwise the next
    occurrence of any kind, which the scraper glued to its neighbours
    (``wisataGunung Bromo``, ``bahwaDonaldremaja … Donald Trump``).
    """
    anywhere = line.find(surface, cursor)
    whole = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)").search(line, cursor)
    if whole is None or whole.start() == anywhere:
        return anywhere
    position = whole.end()
    for other in later:
        found = line.find(other, position)
        if found < 0:
            return anywhere
        position = found + len(other)
    return whole.start()


def locate(
    article: Article, text: str, where: str
) -> tuple[list[tuple[int, int, str]], list[str], list[str]]:
    """Character spans of an article's mentions; errors; doubts for the reviewer."""
    lines = text.split("\n")
    starts = line_starts(text)
    spans: list[tuple[int, int, str]] = []
    errors: list[str] = []
    doubts: list[str] = []
    for number, mentions in sorted(article.lines.items()):
        if not 1 <= number <= len(lines):
            errors.append(f"{where} {article.id} L{number}: no such line")
            continue
        if number in article.skip:
            errors.append(f"{where} {article.id} L{number}: line is both SKIP and annotated")
        line = lines[number - 1]
        cursor = 0
        for i, (surface, tag) in enumerate(mentions):
            label, _, nth = tag.partition("@")
            if nth:  # the annotator named the occurrence: the nth in the whole line
                found = -1
                for _ in range(int(nth)):
                    found = line.find(surface, found + 1)
                    if found < 0:
                        break
            else:
                found = find_mention(line, surface, cursor, [m for m, _ in mentions[i + 1 :]])
            if found < 0:
                earlier = line.find(surface)
                hint = " (it occurs earlier: wrong order?)" if earlier >= 0 else ""
                errors.append(f"{where} {article.id} L{number}: {surface!r} not found{hint}")
                continue
            end = found + len(surface)
            if (found > 0 and _WORD.match(line[found - 1])) or (
                end < len(line) and _WORD.match(line[end])
            ):
                doubts.append(f"{article.id} L{number}: {surface!r} is inside a word")
            spans.append((starts[number - 1] + found, starts[number - 1] + end, label))
            cursor = end
    # A labelled surface written more often in the body than it was labelled.
    labelled = Counter(
        (s, lab.partition("@")[0]) for ms in article.lines.values() for s, lab in ms
    )
    body = "\n".join(
        line for k, line in enumerate(lines, start=1) if k not in article.skip
    )
    for (surface, label), count in labelled.items():
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        occurs = len(re.findall(pattern, body))
        nested = sum(
            c for (s, _), c in labelled.items() if s != surface and surface in s
        )
        if occurs > count + nested:
            doubts.append(
                f"{article.id}: {surface!r} ({label}) labelled {count}x, "
                f"written {occurs}x in the body"
            )
    spans.sort()
    for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            errors.append(
                f"{where} {article.id}: overlapping spans {text[s1:e1]!r} / {text[s2:e2]!r}"
            )
    return spans, errors, doubts


_JOIN_OPEN = re.compile(r"\s?\($")
_JOIN_CLOSE = re.compile(r"^\)\s(?:(?:Provinsi|Kabupaten|Kota|Kab\.)\s)?$")


def join_bracketed(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join ``ORG (ORG|LOC) ORG|LOC`` parts into one ORG span (one name cut by its acronym).

    ``Badan Reserse Kriminal (Bareskrim) Polri`` is one organisation in the dev gold; some
    annotators wrote it as three spans. A bracket that ends a name is left alone.
    """
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        if i + 2 < len(spans):
            (s1, e1, l1), (s2, e2, l2), (s3, e3, l3) = spans[i : i + 3]
            if (
                l1 == "ORG"
                and l2 in ("ORG", "LOC")
                and l3 in ("ORG", "LOC")
                and _JOIN_OPEN.search(text[e1:s2])
                and _JOIN_CLOSE.match(text[e2:s3])
            ):
                out.append((s1, e3, "ORG"))
                i += 3
                continue
        out.append(spans[i])
        i += 1
    return out


def check(paths: Sequence[Path], corpus: Path) -> int:
    """Report errors and doubts of annotation files; exit status 1 on an error."""
    selection = {str(r["id"]): r for r in load_selection()}
    parsed = [(path, *parse_file(path)) for path in paths]
    ids = {a.id for _, articles, _ in parsed for a in articles}
    texts = texts_for(ids, corpus)
    failed = False
    for path, articles, errors in parsed:
        doubts: list[str] = []
        batch = path.name.split(".")[0]
        expected = {i for i, r in selection.items() if r["batch"] == batch}
        got = {a.id for a in articles}
        for missing in sorted(expected - got):
            errors.append(f"{path.name}: article {missing} of batch {batch} not annotated")
        for extra in sorted(got - set(selection)):
            errors.append(f"{path.name}: {extra} is not in the selection")
        n_spans = 0
        for article in articles:
            if article.id not in texts:
                continue
            spans, errs, dbts = locate(article, texts[article.id], path.name)
            errors += errs
            doubts += dbts
            n_spans += len(spans)
        print(f"{path.name}: {len(articles)} articles, {n_spans} spans, "
              f"{len(errors)} errors, {len(doubts)} doubts")
        for message in errors:
            print(f"  ERROR {message}")
        for message in doubts:
            print(f"  doubt {message}")
        failed |= bool(errors)
    return 1 if failed else 0


# Training batches annotated after the shipped model was trained and kept out of its
# training data: a model trained with them (session 6, model 0.5.0 candidates, two seeds)
# did not beat the shipped one through the pipeline on validation (entity F1 sum 2.527 /
# 2.526 against 2.539). ``build`` writes them to ``heldout.jsonl``, a further check set for
# the rules (pipeline drafts reviewed against the text), so ``train.jsonl`` stays the data
# ``make model`` reproduces the shipped model from.
HELD_OUT = ("trf",)


def build(corpus: Path) -> int:
    """Write the stand-off split files from the ``*.final.txt`` annotation files."""
    selection = {str(r["id"]): r for r in load_selection()}
    texts = texts_for(selection, corpus)
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    failed = False
    for path in sorted(ANN.glob("*.final.txt")):
        articles, errors = parse_file(path)
        for article in articles:
            text = texts[article.id]
            row = selection[article.id]
            if sha256(text) != row["sha256"]:
                errors.append(f"{article.id}: text changed")
                continue
            spans, errs, _ = locate(article, text, path.name)
            spans = join_bracketed(text, spans)
            errors += errs
            starts = line_starts(text)
            lines = text.split("\n")
            skip = [
                [starts[k - 1], starts[k - 1] + len(lines[k - 1])]
                for k in sorted(article.skip)
                if 1 <= k <= len(lines)
            ]
            body = "\n".join(
                line for k, line in enumerate(lines, start=1) if k not in article.skip
            )
            held = str(row["batch"]).startswith(HELD_OUT)
            out["heldout" if held else str(row["split"])].append(
                {
                    "id": article.id,
                    "sha256": row["sha256"],
                    "outlet": row["outlet"],
                    "section": row["section"],
                    "batch": row["batch"],
                    "sentences": count_sentences(body),
                    "skip": skip,
                    "spans": [list(span) for span in spans],
                }
            )
        for message in errors:
            print(f"ERROR {message}")
        failed |= bool(errors)
    for split, rows in sorted(out.items()):
        rows.sort(key=lambda r: str(r["id"]))
        with (DATA / f"{split}.jsonl").open("w", encoding="utf-8") as handle:
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
        labels = Counter(str(s[2]) for r in rows for s in r["spans"])  # type: ignore[attr-defined]
        outlets = Counter(str(r["outlet"]) for r in rows)
        sentences = sum(int(r["sentences"]) for r in rows)  # type: ignore[call-overload]
        print(f"{split}: {len(rows)} articles, {sentences} sentences, {dict(labels)}, "
              f"{len(outlets)} outlets")
    return 1 if failed else 0


def agree(a: Path, b: Path, corpus: Path) -> dict[str, tuple[int, int, int]]:
    """Span agreement of file b with file a on the articles both annotate.

    Lines either annotator skipped are left out. Prints P/R/F1 per label and returns
    (matched, spans in a, spans in b) per label.
    """
    arts_a = {x.id: x for x in parse_file(a)[0]}
    arts_b = {x.id: x for x in parse_file(b)[0]}
    common = sorted(set(arts_a) & set(arts_b))
    texts = texts_for(common, corpus)
    gold: set[tuple[str, int, int, str]] = set()
    pred: set[tuple[str, int, int, str]] = set()
    for article_id in common:
        skip = arts_a[article_id].skip | arts_b[article_id].skip
        for target, art in ((gold, arts_a[article_id]), (pred, arts_b[article_id])):
            art.skip = skip  # compare the body both call body
            art.lines = {k: v for k, v in art.lines.items() if k not in skip}
            spans, _, _ = locate(art, texts[article_id], "")
            target.update((article_id, s, e, lab) for s, e, lab in spans)
    result: dict[str, tuple[int, int, int]] = {}
    for label in (*LABELS, "ALL"):
        g = {x for x in gold if label in ("ALL", x[3])}
        p = {x for x in pred if label in ("ALL", x[3])}
        result[label] = (len(g & p), len(g), len(p))
        print(_prf_line(label, *result[label]))
    return result


def _prf_line(label: str, tp: int, n_a: int, n_b: int) -> str:
    prec = tp / n_b if n_b else 0.0
    rec = tp / n_a if n_a else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f"{label}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f} (spans {n_a} / {n_b})"


def agreement(corpus: Path) -> None:
    """Pooled span agreement over every batch annotated independently by two annotators."""
    pooled: Counter[tuple[str, int]] = Counter()
    for batch in sorted({p.name.split(".")[0] for p in ANN.glob("*.txt")}):
        firsts = sorted(
            p for p in ANN.glob(f"{batch}.*.txt") if not p.name.endswith(".final.txt")
        )
        if len(firsts) != 2:
            continue
        print(f"== {firsts[0].name} vs {firsts[1].name}")
        for label, counts in agree(firsts[0], firsts[1], corpus).items():
            for i, n in enumerate(counts):
                pooled[(label, i)] += n
    print("== pooled")
    for label in (*LABELS, "ALL"):
        print(_prf_line(label, pooled[(label, 0)], pooled[(label, 1)], pooled[(label, 2)]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("select")
    show_p = sub.add_parser("show")
    show_p.add_argument("batch")
    check_p = sub.add_parser("check")
    check_p.add_argument("files", nargs="+", type=Path)
    extend_p = sub.add_parser("extend", help="more training articles, appended")
    extend_p.add_argument("target", type=int)
    extend_p.add_argument("--prefix", default="trb")
    extend_p.add_argument("--seed", type=int, default=13)
    draft_p = sub.add_parser("draft", help="pipeline pre-annotation of a training batch")
    draft_p.add_argument("batch")
    sub.add_parser("build")
    sub.add_parser("agreement")
    agree_p = sub.add_parser("agree")
    agree_p.add_argument("a", type=Path)
    agree_p.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "select":
        rows = select(args.corpus)
        DATA.mkdir(parents=True, exist_ok=True)
        with SELECTION.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        stats = Counter((str(r["split"]), str(r["outlet"])) for r in rows)
        for key, value in sorted(stats.items()):
            print(*key, value)
        print("sentences", sum(int(r["sentences"]) for r in rows))  # type: ignore[call-overload]
        return 0
    if args.command == "extend":
        rows = extend(args.corpus, args.target, args.prefix, args.seed)
        with SELECTION.open("a", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(Counter(str(r["outlet"]) for r in rows), len(rows))
        return 0
    if args.command == "draft":
        draft(args.batch, args.corpus)
        return 0
    if args.command == "show":
        show(args.batch, args.corpus)
        return 0
    if args.command == "check":
        return check(args.files, args.corpus)
    if args.command == "build":
        return build(args.corpus)
    if args.command == "agreement":
        agreement(args.corpus)
        return 0
    agree(args.a, args.b, args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
