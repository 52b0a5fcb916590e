from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beritakit.clean import looks_like_html, normalise


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("REPUBLIKA.CO.ID,\xa0JAKARTA -- Gelombang", "REPUBLIKA.CO.ID, JAKARTA -- Gelombang"),
        ("Garuda&nbsp;Indonesia", "Garuda Indonesia"),
        ("&ldquo;Kota yang berkelanjutan&rdquo;", "\u201cKota yang berkelanjutan\u201d"),
        ("Teks: Devi\r\n\r\nEditor: Sarono PS", "Teks: Devi\n\nEditor: Sarono PS"),
        ("Kecut\u200b\u00a0Sapari", "Kecut Sapari"),
        ("Kota\u00a0\u00a0 Palembang", "Kota Palembang"),
        ("Jose\u0301", "Jos\u00e9"),
        ("tanpa\ufeffBOM", "tanpaBOM"),
        ("PT&amp;T", "PT&T"),
        ("5 &lt; 6 &unknown; tetap", "5 < 6 &unknown; tetap"),
    ],
)
def test_normalise_cleans_scraper_residue(raw: str, clean: str) -> None:
    assert normalise(raw).text == clean


def test_offsets_map_back_to_original() -> None:
    raw = "JAKARTA,&nbsp;KOMPAS.com\r\n- Presiden\xa0RI &ldquo;Prabowo&rdquo; berkata"
    mapped = normalise(raw)
    i = mapped.text.index("Prabowo")
    span = mapped.span(i, i + len("Prabowo"))
    assert raw[span.start : span.end] == "Prabowo" == span.text
    j = mapped.text.index("KOMPAS")
    # the entity before KOMPAS is one normalised space that covers six characters
    assert raw[mapped.span(j - 1, j).start : mapped.span(j - 1, j).end] == "&nbsp;"


def test_without_cuts_regions_and_keeps_offsets() -> None:
    raw = "SWARNANEWS.CO.ID, PALEMBANG |Kota Palembang maju.\n\nTeks: Devi\n\nEditor: Sarono PS"
    mapped = normalise(raw)
    head = mapped.text.index("Kota")
    teks = mapped.text.index("Teks:")
    body = mapped.without([(0, head), (teks, len(mapped.text))])
    assert body.text == "Kota Palembang maju."
    span = body.span(0, 4)
    assert raw[span.start : span.end] == "Kota"


def test_html_tags_are_stripped_with_offsets() -> None:
    raw = (
        "<html><body><p>Gubernur <b>Banten</b> hadir.</p>"
        "<script>var x = '<p>';</script></body></html>"
    )
    assert looks_like_html(raw)
    mapped = normalise(raw)
    assert mapped.text.strip() == "Gubernur Banten hadir."
    i = mapped.text.index("Banten")
    assert mapped.span(i, i + 6).text == "Banten"


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    assert not looks_like_html("Skor 3 < 5 dan a > b di Jakarta")


def test_adversarial_input_is_fast() -> None:
    for line in ("&" * 1_000_000, "<p " * 300_000, "e\u0301" * 300_000, "<!--" + "-" * 1_000_000):
        started = time.process_time()
        normalise(line, strip_html=True)
        assert time.process_time() - started < 2.0


@given(st.text(max_size=300))
def test_every_normalised_span_points_into_the_original(raw: str) -> None:
    mapped = normalise(raw)
    n = len(mapped.text)
    for i in range(0, n, max(1, n // 7)):
        s, e = mapped.orig_range(i, min(n, i + 5))
        assert 0 <= s <= e <= len(raw)
