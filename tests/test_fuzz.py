"""No text may make extract raise anything but InputError, or hang."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import beritakit

# Pieces of real articles, so the fuzzer reaches the extractors' patterns.
FRAGMENTS = [
    "JAKARTA, KOMPAS.com -",
    "SWARNANEWS.CO.ID, PALEMBANG |",
    "Jakarta (ANTARA) -",
    "TEMPO.CO,Jakarta-",
    "Laporan Wartawan Tribunnews.com, Bayu",
    "\nEditor: Sarono PS",
    "Teks: Devi",
    "(dry/din)",
    "Kamis (13/9)",
    "12-15 September",
    "kemarin",
    "Minggu lalu",
    "“Kota,” ujarnya.",
    "Baca juga: ",
    "&nbsp;",
    "\xa0",
    "\r\n",
    "Pilihan Editor:",
    "(*)",
    "Rabu (31/2/2025)",
    "tahun 1960-an",
    "awal Juli",
    "Triwulan III 2025",
    "s.d.",
    "<p>",
    "(",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=25))
def test_extract_never_raises_anything_but_input_error(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        art = beritakit.extract(text, published="2025-06-18")
    except beritakit.InputError:
        return
    for span in [c.span for c in art.credits] + [d.span for d in art.dates]:
        assert text[span.start : span.end] == span.text


def test_a_megabyte_adversarial_line_is_fast() -> None:
    # Every rule-based extractor (regex patterns) on 1 MB of hostile text; the NER model
    # is left out because its time is linear in the tokens, not a backtracking risk.
    rules = beritakit.load(
        beritakit.Options(
            extractors=("dateline.v1", "credits.v1", "language.v1", "dates.v1", "quotes.v1")
        )
    )
    lines = [
        "JAKARTA, " * 100_000,
        "(" * 900_000,
        "Editor: " + "a " * 400_000,
        "12-" * 300_000,
        "“" + "kata " * 190_000,
    ]
    for line in lines:
        started = time.process_time()
        try:
            rules(line)
        except beritakit.InputError:
            pass
        assert time.process_time() - started < 5.0, line[:20]
