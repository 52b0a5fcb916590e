"""Datelines and credits survive what scrapers do to a news text (issue 14, item 2).

Every dev article is rewritten as scrapers lose its layout (evaluation/variants.py: the
whole article on one line, sentences glued without a space, lines joined with nothing)
and scored against the dev gold with the shared scorer's matching rules. The small
cases below are the shapes seen in scraped Tribun, Kompas, Liputan6 and detik texts.
"""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest

import beritakit
from beritakit.clean.boilerplate import find_boilerplate
from beritakit.clean.layout import relayout
from beritakit.extractors.credits import parse as credits
from beritakit.extractors.dateline import parse as dateline
from tests.conftest import DEV_GOLD, ROOT


def _variants() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "beritakit_variants", ROOT / "evaluation" / "variants.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="../shared is not beside the repo")
@pytest.mark.parametrize("name", ["oneline", "glued", "nospace", "oneline+glued"])
def test_dev_articles_keep_dateline_and_credits_when_the_layout_is_lost(name: str) -> None:
    v = _variants()
    golds = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines()]
    figures = v.score(golds, v.VARIANTS[name])
    assert figures["dateline.city"] >= 0.95, figures
    assert figures["dateline.outlet"] >= 0.95, figures
    assert figures["credits(role+name)"] >= 0.95, figures


def test_the_variants_really_damage_the_text() -> None:
    v = _variants()
    text = "Laporan Wartawan X, Rina Ayu\nTRIBUNNEWS.COM, JAKARTA - Ini dia. Lalu itu.\n(dry/din)"
    assert "\n" not in v.oneline(text) and "Ayu TRIBUNNEWS" in v.oneline(text)
    assert "Ayu" + "TRIBUNNEWS" in v.nospace(text)
    assert "dia.Lalu" in v.glued(text)


def _roles(text: str) -> list[tuple[str, str]]:
    return [(h.role, h.name) for h in credits(text)]


def test_byline_glued_to_dateline_gives_both() -> None:
    text = (
        "Laporan Wartawan Tribunnews.com, Rina AyuTRIBUNNEWS.COM, JAKARTA - Presiden "
        "meresmikan jembatan baru pada Senin (2/6/2025).Menurut dia, jembatan itu penting."
    )
    hit = dateline(text)
    assert hit is not None and (hit.city, hit.outlet) == ("Jakarta", "Tribunnews")
    assert text[hit.outlet_start : hit.outlet_end] == "TRIBUNNEWS.COM"  # type: ignore[misc]
    assert _roles(text) == [("reporter", "Rina Ayu")]
    assert credits(text)[0].name == text[credits(text)[0].name_start : credits(text)[0].name_end]


def test_reporter_line_after_a_photo_caption_on_the_same_line() -> None:
    text = (
        "Warga melihat jembatan yang rusak di Desa Sukamaju. (TRIBUNJABAR.ID/Handhika Rahman) "
        "Laporan Wartawan TribunJabar.id, Handhika Rahman TRIBUNJABAR.ID, INDRAMAYU - "
        "Jembatan penghubung dua desa ambruk. Warga berharap jembatan itu segera diperbaiki "
        "oleh pemerintah daerah karena menjadi satu-satunya akses menuju pasar dan sekolah."
    )
    hit = dateline(text)
    assert hit is not None and (hit.city, hit.outlet) == ("Indramayu", "Tribun Jabar")
    assert ("reporter", "Handhika Rahman") in _roles(text)


def test_laporan_kontributor_team_byline_name_with_role_and_kontributor_label() -> None:
    assert _roles(
        "Laporan Kontributor Tribunnews.com, Eko Sutriyanto\nTRIBUNNEWS.COM - Banjir."
    ) == [("contributor", "Eko Sutriyanto")]
    text = "KOMPAS.com - Unggahan soal vaksin.\nNarasi itu tidak benar.\nTIM CEK FAKTA KOMPAS.com"
    assert _roles(text) == [("writer", "TIM CEK FAKTA")]
    assert _roles("JAKARTA - Harga beras naik.\nPedagang mengeluh.\nSri Rahayu (Editor)") == [
        ("editor", "Sri Rahayu")
    ]
    text = "AMBON - Gempa mengguncang.\nWarga panik.\nKontributor: Rahmat Patty\nEditor: Dita Angga"
    assert _roles(text) == [("contributor", "Rahmat Patty"), ("editor", "Dita Angga")]
    # a team named inside a sentence is no byline
    assert _roles("Ia dihubungi Tim Cek Fakta Liputan6.com kemarin.\nWarga panik.") == []


def test_initials_code_after_an_inline_baca_juga_headline_on_one_line() -> None:
    body = " ".join(["Pemain itu mencetak gol kedua bagi timnya di babak pertama."] * 12)
    text = (
        f"Jakarta - {body} Baca juga: Hasil Jepang Vs Indonesia: Samurai Biru Libas Skuad "
        "Garuda 6-0 (cas/mrp) timnas indonesia timnas jepang ole romeny"
    )
    assert ("other", "cas/mrp") in _roles(text)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r.kind, text[r.start : r.end]) for r in find_boilerplate(text)]


def test_inline_links_bullets_and_ad_markers_are_boilerplate() -> None:
    text = "JAKARTA - Harga beras naik (Baca: Prabowo Kunjungi Surabaya). Pedagang mengeluh."
    assert ("read_also", "(Baca: Prabowo Kunjungi Surabaya)") in _kinds(text)
    text = (
        "JAKARTA - Harga beras naik di pasar.\n• Anies Baswedan Kunjungi Makassar\n"
        "• PDIP dan Gerindra Bertemu di Solo\nPedagang mengeluh karena pasokan berkurang."
    )
    regions = _kinds(text)
    assert len(regions) == 1 and regions[0][0] == "read_also"
    assert "Anies" in regions[0][1] and "Solo" in regions[0][1]
    text = "JAKARTA - Harga naik. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Pedagang mengeluh."
    assert ("ad", "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT") in _kinds(text)
    # a bulleted sentence of the article stays body
    assert (
        _kinds("JAKARTA - Ini daftarnya.\n• Harga beras naik menjadi Rp 15.000 per kilogram.") == []
    )


def test_related_links_give_no_entities() -> None:
    text = (
        "JAKARTA - Harga beras naik di Pasar Induk Cipinang, kata pedagang Budi Santoso.\n"
        "• Anies Baswedan Kunjungi Makassar\n"
        "Pedagang mengeluh karena pasokan berkurang sejak pekan lalu (Baca: Ganjar ke Semarang)."
    )
    record = beritakit.extract(text)
    names = {p.name for p in record.people} | {p.name for p in record.places}
    assert "Budi Santoso" in names
    assert not names & {"Anies Baswedan", "Makassar", "Ganjar", "Semarang"}


def test_html_entities_and_repeated_text_keep_the_credits() -> None:
    para = "Pedagang mengeluh karena pasokan beras dari Jawa Tengah berkurang sejak pekan lalu."
    text = (
        f"JAKARTA, KOMPAS.com &ndash; Harga beras naik.&nbsp;{para}\n{para}\n"
        "Penulis: Budi&nbsp;Santoso"
    )
    record = beritakit.extract(text)
    assert record.dateline is not None and record.dateline.city == "Jakarta"
    assert [(c.role, c.name) for c in record.credits] == [("writer", "Budi Santoso")]
    assert all(record.text[c.span.start : c.span.end] for c in record.credits)


def test_relayout_maps_offsets_back_and_leaves_intact_text_alone() -> None:
    intact = "JAKARTA - Harga naik.\nPedagang mengeluh.\n(dry/din)"
    assert relayout(intact).text is intact and relayout(intact).inserted == ()
    text = "Laporan Wartawan Tribunnews.com, Rina AyuTRIBUNNEWS.COM, JAKARTA - Isi berita."
    relaid = relayout(text)
    assert "Rina Ayu\nTRIBUNNEWS.COM" in relaid.text and len(relaid.inserted) == 1
    for pos in range(len(text) + 1):
        assert relaid.to_original(relaid.from_original(pos)) == pos
    k = relaid.text.index("TRIBUNNEWS")
    assert text[relaid.to_original(k) :].startswith("TRIBUNNEWS")


def test_outlet_of_a_reporter_line_is_no_dateline() -> None:
    # corpus c-ce4ebf2bd814: `Tribun Batam.id,` is the byline's outlet, not a dateline
    text = (
        "Laporan Wartawan Tribun Batam.id, Ronnye Lodo Laleng\n"
        "TRIBUNBATAM.id, BINTAN - Kondisi bayi korban speed boat terbalik membaik."
    )
    for variant in (text, text.replace("\n", " ")):
        assert _roles(variant) == [("reporter", "Ronnye Lodo Laleng")]
        hit = dateline(variant)
        assert hit is not None and (hit.city, hit.outlet) == ("Bintan", "Tribun Batam")


def test_credit_line_followed_by_a_related_headline_closes_the_text() -> None:
    # Liputan6 (corpus c-d9031e809820): `Penulis:` then the headline of another story
    text = (
        "Pelajar diimbau menaati aturan jam malam, kata dia.\nPenulis: Arby Salim\n"
        "Tim Gabungan Pemalang Cek Barang Kedaluwarsa Jelang Lebaran Idul Fitri 2024"
    )
    assert _roles(text) == [("writer", "Arby Salim")]
    # a label inside the article, with prose after it, stays no credit
    text = (
        "Warga berkumpul di balai desa sejak pagi tadi.\nPenulis: Arby Salim menyebut hal itu.\n"
        "Lalu ia pergi melapor ke kantor polisi terdekat."
    )
    assert _roles(text) == []
