"""Issue 16, extraction side: each input a hostile or careless client sent, replayed.

Timing (growth per doubling) is in tests/test_complexity.py; these tests pin the
behaviour: a record or a typed error, never a crash, and one item per input in ``pipe``.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

import pytest

import beritakit
from beritakit import Article, ConfigError, InputError, Options
from beritakit.extractors.entities._cluster import NameIndex, _nickname_of, same_person
from beritakit.inputs import MAX_CHARS, coerce_date
from beritakit.models.tokenizer import NER_SKIPPED, PARSE_TOKENS, parse_all
from beritakit.pipeline import Failure
from beritakit.record import MAX_WARNINGS

# -- 1. runs of quotes and brackets: linear, and still a record ----------------------------


@pytest.mark.parametrize("char", ["(", '"', "'", "\u201c", "\u2018", "[", ")", "\u00ab"])
def test_a_run_of_one_quote_or_bracket_is_fast_and_keeps_offsets(char: str) -> None:
    # 8k characters took 7-10 s before (3.9x per doubling); the whole run is now one pass
    text = "JAKARTA - Rapat " + char * 8000 + " digelar."
    beritakit.extract("JAKARTA - Rapat digelar.")  # the model loads outside the timing
    t0 = time.process_time()
    art = beritakit.extract(text)
    assert time.process_time() - t0 < 4.0
    assert art.text == text
    assert art.body.endswith("digelar.")
    for place in art.places:
        for m in place.mentions:
            assert text[m.start : m.end] == m.text


def test_long_stretches_without_spaces_tokenise_to_the_same_text() -> None:
    nlp = beritakit.load().nlp
    text = "Rapat " + "(" * 1000 + "kata" + "\u201c" * 700 + " di Jakarta " + "ab-" * 300
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= 256
    # text with no long stretch is tokenised exactly as before
    plain = "Kata Budi (Ketua RT), “kami siap”."
    assert [t.text for t in nlp.make_doc(plain)] == [
        "Kata", "Budi", "(", "Ketua", "RT", ")", ",", "“", "kami", "siap", "”", ".",
    ]  # fmt: skip


def test_a_long_doc_is_parsed_in_pieces_with_the_same_entities(
    dev_gold: list[dict[str, Any]],
) -> None:
    nlp = beritakit.load().nlp
    text = "\n\n".join(str(row["text"]) for row in dev_gold[:60])
    whole = nlp(text)
    assert len(whole) > 2 * PARSE_TOKENS  # so it is cut at least twice
    (pieces,) = parse_all(nlp, [text])
    assert pieces.text == text and len(pieces) == len(whole)
    assert [(e.start_char, e.end_char, e.label_) for e in pieces.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents
    ]


def test_a_long_doc_skips_only_stretches_that_are_not_prose(
    dev_gold: list[dict[str, Any]],
) -> None:
    # prose, then 30,000 tokens of `1/1/2020` (no letter) and of `a a a` (two characters
    # a token), then prose again: the model reads both prose parts, and says what it skipped
    nlp = beritakit.load().nlp
    prose = "\n\n".join(str(row["text"]) for row in dev_gold[:12])
    junk = "1/1/2020 " * 6_000 + "a " * 15_000
    text = prose + "\n\n" + junk + "\n\n" + prose
    (doc,) = parse_all(nlp, [text])
    assert doc.text == text
    skipped = doc.user_data[NER_SKIPPED]
    start = len(prose) + 2
    assert sum(b - a for a, b in skipped) >= 0.9 * len(junk)
    assert all(start - 10_000 < a and b < start + len(junk) + 10_000 for a, b in skipped)
    alone = [(e.start_char, e.end_char, e.label_) for e in nlp(prose).ents]
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    second = len(text) - len(prose)
    assert [e for e in ents if e[1] <= len(prose)] == alone
    assert [(a - second, b - second, lab) for a, b, lab in ents if a >= second] == alone
    record = beritakit.extract("JAKARTA - " + text)
    assert any("is not used for" in w for w in record.warnings)
    assert not any("is not used for" in w for w in beritakit.extract(prose * 3).warnings)


def test_a_long_list_of_names_gets_no_model_spans(dev_gold: list[dict[str, Any]]) -> None:
    # 12,000 tokens of acronyms, then prose: the list's model spans are dropped (each would
    # cost the rules again), the prose keeps its own, and the record says so
    nlp = beritakit.load().nlp
    prose = "\n\n".join(str(row["text"]) for row in dev_gold[:12])
    text = "PDIP KPK DPR " * 4_000 + "\n\n" + prose
    (doc,) = parse_all(nlp, [text])
    start = text.index(prose)
    assert not [e for e in doc.ents if e.end_char <= start - 2_000]
    assert len([e for e in doc.ents if e.start_char >= start + 2_000]) > 50
    assert any(a < start and b > 1_000 for a, b in doc.user_data[NER_SKIPPED])


# -- 2. many distinct people: clustered through an index, same answers as all pairs --------


def test_the_name_index_answers_as_the_pairwise_scan_did() -> None:
    words = [
        "santoso", "santosa", "santos", "budi", "bud", "najib", "akhmad", "wiradarma",
        "wira", "harefa", "koesmariam", "kosmariam", "estianti", "estianty", "rico", "waas",
    ]  # fmt: skip
    rng = random.Random(16)
    for _ in range(2000):
        names = [[rng.choice(words) for _ in range(rng.randint(0, 4))] for _ in range(12)]
        index = NameIndex()
        for owner, name in enumerate(names):
            index.add(name, owner)
        query = [rng.choice(words) for _ in range(rng.randint(0, 4))]
        same = next((o for o, n in enumerate(names) if same_person(query, n)), None)
        nick = next((o for o, n in enumerate(names) if _nickname_of(query, n)), None)
        assert index.first_same(query) == same, (query, names)
        assert index.first_nickname(query) == nick, (query, names)


def test_thousands_of_distinct_people_are_each_kept() -> None:
    first = ["Budi", "Andi", "Siti", "Rina", "Agus", "Dewi", "Eko", "Sri"]
    syllables = ("ka", "lo", "mu", "ri", "se", "ta")  # any two differ in both letters
    last = [f"{a.capitalize()}{b}wan" for a in syllables for b in syllables]
    names = [f"{f} {lst}" for f in first for lst in last]  # 288 people, no two one slip apart
    text = "JAKARTA - " + " ".join(f"{n} mengatakan hal itu." for n in names)
    art = beritakit.extract(text)
    found = [p.name for p in art.people]
    assert len(found) == len(set(found)) >= 200  # each a person of its own, none merged
    assert set(found) <= set(names)


# -- 3. short inputs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["kata", "Wakil", "Rapat dipimpin oleh Plt", '"Kami siap\u2026," ujar', "Plt", "oleh Wakil"],
)
def test_short_inputs_give_a_record(text: str) -> None:
    art = beritakit.extract(text)
    assert art.text == text


def test_dev_articles_cut_anywhere_give_a_record(dev_gold: list[dict[str, Any]]) -> None:
    rng = random.Random(1616)
    cuts: list[str] = []
    for row in dev_gold:
        words = str(row["text"]).split(" ")
        for _ in range(3):
            cuts.append(" ".join(words[: rng.randint(1, len(words))]))
        cuts.append(" ".join(words[rng.randint(0, len(words) - 1) :]))
    failures = [
        (i, item)
        for i, item in enumerate(beritakit.pipe(cuts, on_error="record"))
        if isinstance(item, Failure) and item.error != "InputError"
    ]
    assert failures == []


# -- 4. one limit: the documented one ----------------------------------------------------


def test_the_limit_is_spacys_and_options_cannot_raise_it() -> None:
    assert MAX_CHARS == 1_000_000
    assert Options().max_chars == MAX_CHARS
    with pytest.raises(ConfigError, match="max_chars"):
        Options(max_chars=2_000_000)


@pytest.mark.parametrize("value", [0, -5, "100", 1.5, True, None])
def test_bad_max_chars_is_a_config_error(value: object) -> None:
    with pytest.raises(ConfigError, match="max_chars"):
        Options(max_chars=value)  # type: ignore[arg-type]


def test_an_unknown_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="max_char"):
        Options(max_char=10)  # type: ignore[call-arg]


def test_text_over_the_limit_is_an_input_error_and_a_failure_in_pipe() -> None:
    big = "kata " * 200_001  # 1,000,005 characters
    with pytest.raises(InputError, match="the limit is 1,000,000"):
        beritakit.extract(big)
    out = list(beritakit.pipe(["Rapat di Jakarta.", big, "Rapat di Bandung."], on_error="record"))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    assert isinstance(out[1], Failure) and out[1].error == "InputError"


def test_text_at_the_limit_is_accepted_and_spacy_takes_it() -> None:
    pipeline = beritakit.load(Options(max_chars=1000))
    text = ("Rapat digelar di Jakarta. " * 40)[:999] + "."
    assert pipeline(text).text == text
    with pytest.raises(InputError, match="the limit is 1,000"):
        pipeline(text + "!")
    # the whole 1,000,000 characters: benchmarks/complexity.py runs every pattern at it
    assert pipeline.nlp.max_length >= MAX_CHARS


def test_text_that_normalising_lengthens_past_the_limit_is_an_input_error() -> None:
    # U+0344 is one combining character that NFC writes as two
    text = "a" + "\u0344" * 600_000
    with pytest.raises(InputError, match="once normalised"):
        beritakit.extract(text)


# -- 5. surrogates, wrong types ------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "Rapat di Jakarta \ud800 kemarin."},
        {"text": "Rapat di Jakarta.", "url": "https://x.id/\udcff"},
        {"text": "Rapat di Jakarta.", "id": "a\ud83d"},
        {"text": "Rapat di Jakarta.", "url": 123},
        {"text": "Rapat di Jakarta.", "id": 5},
        {"text": "Rapat di Jakarta.", "published": ["2025-06-17"]},
        {"text": "Rapat di Jakarta.", "published": {"date": "2025-06-17"}},
    ],
)
def test_bad_fields_are_input_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        beritakit.extract(**kwargs)


@pytest.mark.parametrize("published", ["2025-06-17junk", "2025-06-17T25:99", "\ud800", "9" * 500])
def test_a_published_string_that_is_no_date_is_a_warning(published: str) -> None:
    article = beritakit.extract("Rapat di Jakarta.", published=published)
    assert article.published is None and article.published_at is None
    assert any(w.startswith("published: cannot read ") for w in article.warnings)


def test_iso_timestamps_are_still_dates() -> None:
    assert coerce_date("2025-06-17T18:35:00+07:00") == dt.date(2025, 6, 17)
    assert coerce_date("2025-06-17 18:35") == dt.date(2025, 6, 17)
    assert coerce_date(" 2025-06-17 ") == dt.date(2025, 6, 17)


def test_pipe_record_yields_one_item_per_input_whatever_the_input() -> None:
    good = "JAKARTA - Rapat digelar di Balai Kota, kata Budi Santoso."

    class Explodes:
        def __str__(self) -> str:
            raise RuntimeError("no")

    items: list[object] = [
        good,
        "",
        42,
        None,
        "Rapat \ud800 digelar.",
        {"text": good, "url": 5},
        {"text": good, "id": "x\udc80"},
        {"text": good, "id": Explodes()},
        (good, {"published": ["2025-06-17"]}),  # a string that is no date is a warning
        b"Rapat \xc3\x28 digelar \xa0.",
        "kata " * 200_001,
        {"text": good, "id": 7},
        good,
    ]
    out = list(beritakit.pipe(items, on_error="record", n_process=1, batch_size=4))
    assert len(out) == len(items)
    kinds = [type(x).__name__ for x in out]
    assert kinds[0] == kinds[-1] == kinds[-2] == "Article"
    assert kinds[1:-2] == ["Failure"] * (len(items) - 3)
    assert all(x.error == "InputError" for x in out if isinstance(x, Failure))
    assert [x.index for x in out if isinstance(x, Failure)] == list(range(1, len(items) - 2))
    last = out[-2]
    assert isinstance(last, Article) and last.id == "7"
    skipped = list(beritakit.pipe(items, on_error="skip", batch_size=4))
    assert len(skipped) == 3


@pytest.mark.parametrize("bad", ["ignore", "", None, 1])
def test_a_bad_on_error_is_a_config_error_at_the_call(bad: object) -> None:
    with pytest.raises(ConfigError, match="on_error"):
        beritakit.pipe(["Rapat."], on_error=bad)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="on_error"):
        beritakit.load().pipe(["Rapat."], on_error=bad)  # type: ignore[arg-type]


# -- 8. warnings are capped ------------------------------------------------------------------


def test_warnings_are_capped_with_a_count_of_the_rest() -> None:
    many = tuple(f"dates: cannot place {i}" for i in range(10_001))
    art = Article(text="x", body="x", language="id", language_score=1.0, warnings=many)
    assert len(art.warnings) == MAX_WARNINGS
    assert art.warnings[:3] == many[:3]
    assert art.warnings[-1] == f"record: {10_001 - MAX_WARNINGS + 1:,} more warnings not shown"
    again = Article.model_validate_json(art.model_dump_json())
    assert again == art


def test_warnings_of_a_pathological_text_stay_capped() -> None:
    text = "Rapat " + "Senin (1/1/2020) Selasa (32/13/2020) " * 3000
    art = beritakit.extract(text)
    assert len(art.warnings) <= MAX_WARNINGS
