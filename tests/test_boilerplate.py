"""Tests for beritakit.clean.boilerplate: what is cut from the body, and what is not."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import beritakit
from beritakit.clean.boilerplate import Region, find_boilerplate

PROSE = (
    "Gubernur Banten Andra Soni mengecek Jalan Cipanas-Ciparay, Lebak yang longsor pada "
    "Desember lalu. Akses ke tempat wisata itu akan diperbaiki Juli mendatang.\n"
)


def cut(text: str) -> list[tuple[str, str]]:
    """Return (kind, text) for each region found."""
    return [(r.kind, text[r.start : r.end]) for r in find_boilerplate(text)]


def kinds_of(text: str, snippet: str) -> set[str]:
    """Kinds of the regions that overlap ``snippet`` in ``text``."""
    s = text.index(snippet)
    e = s + len(snippet)
    return {r.kind for r in find_boilerplate(text) if r.start < e and s < r.end}


# ---------------------------------------------------------------- real lines from dev texts


@pytest.mark.parametrize(
    ("tail", "kind", "expected"),
    [
        # detik video teasers
        (
            (
                "Simak juga Video: 4 Pulau Masuk Aceh, Bobby Minta Warga Sumut Tak Terhasut Isu\n"
                "[Gambas:Video 20detik]"
            ),
            "video_teaser",
            (
                "Simak juga Video: 4 Pulau Masuk Aceh, Bobby Minta Warga Sumut Tak Terhasut Isu\n"
                "[Gambas:Video 20detik]"
            ),
        ),
        (
            (
                "Video: Ria Ricis Kurban Sapi 1,2 Ton di Pesantren Kakaknya\n"
                "Video: Ria Ricis Kurban Sapi 1,2 Ton di Pesantren Kakaknya\n(mau/nu2)"
            ),
            "video_teaser",
            (
                "Video: Ria Ricis Kurban Sapi 1,2 Ton di Pesantren Kakaknya\n"
                "Video: Ria Ricis Kurban Sapi 1,2 Ton di Pesantren Kakaknya"
            ),
        ),
        (  # the teaser title printed twice without "Video:"
            (
                "Rumor Chris Martin Putus dengan Dakota Johnson\n"
                "Rumor Chris Martin Putus dengan Dakota Johnson\n(nu2/ass)"
            ),
            "video_teaser",
            (
                "Rumor Chris Martin Putus dengan Dakota Johnson\n"
                "Rumor Chris Martin Putus dengan Dakota Johnson"
            ),
        ),
        # Kompas and Tribun links to other stories
        (
            "Baca juga:Apakah Orang Dewasa Butuh Tidur Siang? Ini Kata Ahli",
            "read_also",
            "Baca juga:Apakah Orang Dewasa Butuh Tidur Siang? Ini Kata Ahli",
        ),
        (
            (
                "Baca juga: Nasib Penjaga Perlintasan saat Kecelakaan Kereta Api Hantam 7 Pemotor "
                "di Magetan, Diamankan Polisi"
            ),
            "read_also",
            (
                "Baca juga: Nasib Penjaga Perlintasan saat Kecelakaan Kereta Api Hantam 7 Pemotor "
                "di Magetan, Diamankan Polisi"
            ),
        ),
        (  # detik puts the linked headline on the next line
            "Baca juga:\nHasil Jepang Vs Indonesia: Samurai Biru Libas Skuad Garuda 6-0",
            "read_also",
            "Baca juga:\nHasil Jepang Vs Indonesia: Samurai Biru Libas Skuad Garuda 6-0",
        ),
        (
            (
                "Baca berita Wartakotalive.com lainnya di WhatsApp.\n"
                "Baca berita Wartakotalive.com lainnya di Google News."
            ),
            "follow_channel",
            (
                "Baca berita Wartakotalive.com lainnya di WhatsApp.\n"
                "Baca berita Wartakotalive.com lainnya di Google News."
            ),
        ),
        (
            "Update berita lainnya di PROHABA.co dan Google News\nIkuti kami di",
            "follow_channel",
            "Update berita lainnya di PROHABA.co dan Google News\nIkuti kami di",
        ),
        (
            (
                "Akses TribunJakarta.com di Google News atau WhatsApp Channel TribunJakarta.com. "
                "Pastikan Tribunners sudah install aplikasi WhatsApp ya"
            ),
            "follow_channel",
            (
                "Akses TribunJakarta.com di Google News atau WhatsApp Channel TribunJakarta.com. "
                "Pastikan Tribunners sudah install aplikasi WhatsApp ya"
            ),
        ),
        (
            (
                "(Ayo ikuti saluran WhatsApp KapanLagi.com biar enggak ketinggalan update dan "
                "berita "
                "terbaru seputar dunia hiburan tanah air dan juga luar negeri. Klik di sini ya, "
                "Klovers!)\n(kpl/khs)"
            ),
            "follow_channel",
            (
                "(Ayo ikuti saluran WhatsApp KapanLagi.com biar enggak ketinggalan update dan "
                "berita "
                "terbaru seputar dunia hiburan tanah air dan juga luar negeri. Klik di sini ya, "
                "Klovers!)"
            ),
        ),
        (
            (
                "Simak\nbreaking news\ndan\nberita pilihan\nkami langsung di ponselmu. Pilih "
                "saluran "
                "andalanmu akses berita Kompas.com WhatsApp Channel :\n"
                "https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D\n"
                ". Pastikan kamu sudah install aplikasi WhatsApp ya."
            ),
            "follow_channel",
            (
                "Simak\nbreaking news\ndan\nberita pilihan\nkami langsung di ponselmu. Pilih "
                "saluran "
                "andalanmu akses berita Kompas.com WhatsApp Channel :\n"
                "https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D\n"
                ". Pastikan kamu sudah install aplikasi WhatsApp ya."
            ),
        ),
        (
            (
                "Artikel ini telah tayang di SerambiNews.com dengan judul Diduga Korsleting "
                "Listrik "
                "Satu Rumah Semi Permanen di Idi Rayeuk Terbakar,"
            ),
            "republished_notice",
            (
                "Artikel ini telah tayang di SerambiNews.com dengan judul Diduga Korsleting "
                "Listrik "
                "Satu Rumah Semi Permanen di Idi Rayeuk Terbakar,"
            ),
        ),
        # captions
        (
            "Statistik Ole Romeny saat Indonesia dibantai Jepang 0-6. Foto: dok.Istimewa\n" + PROSE,
            "caption",
            "Statistik Ole Romeny saat Indonesia dibantai Jepang 0-6. Foto: dok.Istimewa",
        ),
        (
            "Ilustrasi Poster Film (Image by Justwatch)\n" + PROSE,
            "caption",
            "Ilustrasi Poster Film (Image by Justwatch)",
        ),
        (
            "Dok. Polres BlitarPersonel Satlantas Polres Blitar dan seorang saksi menunjuk titik "
            "benturan pada kecelakaan motor\n" + PROSE,
            "caption",
            (
                "Dok. Polres BlitarPersonel Satlantas Polres Blitar dan seorang saksi menunjuk "
                "titik "
                "benturan pada kecelakaan motor"
            ),
        ),
        ("SCROLL TO CONTINUE WITH CONTENT\n" + PROSE, "ad", "SCROLL TO CONTINUE WITH CONTENT"),
        ("ADVERTISEMENT\n" + PROSE, "ad", "ADVERTISEMENT"),
    ],
)
def test_real_boilerplate_is_cut(tail: str, kind: str, expected: str) -> None:
    text = PROSE + tail
    assert (kind, expected) in cut(text)


def test_detik_tag_list_after_initials_code() -> None:
    tail = (
        "(cas/mrp)\ntimnas indonesia\ntimnas jepang\njepang vs indonesia\nole romeny\n"
        "kualifikasi piala dunia 2026"
    )
    text = PROSE + tail
    assert cut(text) == [
        (
            "tags",
            (
                "timnas indonesia\ntimnas jepang\njepang vs indonesia\nole romeny\n"
                "kualifikasi piala dunia 2026"
            ),
        )
    ]


def test_detik_promo_after_tags_and_glued_tags() -> None:
    text = PROSE + (
        "(fca/azh)\ntito karnavian\nprabowo subianto\nHoegeng Awards 2025\n"
        "Baca kisah inspiratif kandidat polisi teladan di sini\nSelengkapnya"
    )
    found = cut(text)
    assert all(kind in {"tags", "share"} for kind, _ in found)
    assert "(fca/azh)" not in "".join(t for _, t in found)
    assert found[-1] == ("share", "Selengkapnya")
    glued = PROSE + (
        "25. Wakil Menteri Komdigi Nezar Patria - Komisaris Utama PT Indosat Tbk(acd/acd)"
        "wakil menterikomisaris bumnpt pupuk indonesiakabinet prabowo"
    )
    assert cut(glued) == [("tags", "wakil menterikomisaris bumnpt pupuk indonesiakabinet prabowo")]


def test_hashtags_are_cut_but_not_the_sentence() -> None:
    text = (
        "Saksikan Layar Drama Indonesia “Preman Pensiun X” setiap hari pukul 17.00 WIB hanya di "
        "RCTI #PremanPensiunX #LayarDramaIndonesia #LayarDramaRCTI #LayarDramaTerOke\n(kha)"
    )
    assert cut(text) == [
        ("tags", "#PremanPensiunX #LayarDramaIndonesia #LayarDramaRCTI #LayarDramaTerOke")
    ]


def test_republika_channel_notice_stops_before_glued_source() -> None:
    text = (
        "Kawasan hijau ini juga ditargetkan menciptakan ribuan lapangan kerja baru dan mempercepat "
        "transfer teknologi maju ke industri nasional.Ikuti Whatsapp Channel Republikasumber : "
        "Antara"
    )
    assert cut(text) == [("follow_channel", "Ikuti Whatsapp Channel Republika")]


def test_republika_glued_headlines_end_where_the_body_resumes() -> None:
    text = (
        "“Sore ini pencarian kita hentikan,” ujar Kapolres Cirebon Kota, AKBP Eko Iskandar, Rabu "
        "(18/6/2025).Baca JugaSMAN 1 Bandung Minta KY Pantau Hakim Kasus Sengketa Lahan dengan "
        "PLKDi Tengah Efisiensi, DPRD Jabar Studi Banding Ke BaliWarga Bandung Terkena Virus Hanta "
        "Usai Digigit TikusAdapun kedua korban bernama Dani (29) dan Rian (23). Mereka merupakan "
        "warga RW 10 Kedung Jumbleng, Kelurahan Argasunya."
    )
    [(kind, region)] = cut(text)
    assert kind == "read_also"
    assert region.startswith("Baca JugaSMAN 1 Bandung")
    assert region.endswith("Digigit Tikus")


def test_sindonews_headline_separated_by_a_space_only() -> None:
    text = (
        "Menurutnya, skema kredit yang selama ini digunakan sering kali tidak efektif dalam "
        "mengembalikan kredit yang bermasalah.Baca juga: Penuhi Panggilan Penyidik, Dirut Sritex "
        "Iwan Kurniawan Lukminto Datangi Kejagung Dia pun mendorong Kejagung untuk menelusuri "
        "lebih jauh penggunaan dana kredit tersebut."
    )
    assert cut(text) == [
        (
            "read_also",
            (
                "Baca juga: Penuhi Panggilan Penyidik, Dirut Sritex Iwan Kurniawan Lukminto "
                "Datangi "
                "Kejagung"
            ),
        )
    ]


def test_liputan6_bare_marker_keeps_the_next_paragraph() -> None:
    text = (
        "Pameran ini diikuti lebih dari 60 peserta.\nBaca Juga\n"
        '"PameranGIIAS 2025, menjadi yang terbesar dan terlengkap di luar China yang bisa '
        'digelar Indonesia," jelas pria yang akrab disapa Nangoi.'
    )
    assert cut(text) == [("read_also", "Baca Juga")]


def test_scraper_repeat_marks_the_earlier_copy() -> None:
    caption = (
        "Pertandingan yang mempertemukan para mantan pemain klub BOM-H ini berlangsung di Stadion "
        "Persada, Gampong Kedai Siblah, Kecamatan Blangpidie, Kabupaten Abdya, Senin (9/6/2025)."
    )
    text = (
        f"{caption}\nLaporan Masrian Mizani I Aceh Barat Daya\n"
        "SERAMBINEWS.COM, BLANGPIDIE - Pemuda Gampong Meudang Ara menggelar silaturahmi dalam "
        f"bentuk liga sepak bola persahabatan.\n{caption}\nDalam liga persahabatan tersebut, Ketua "
        "DPRK Abdya ikut bermain."
    )
    regions = find_boilerplate(text)
    assert regions == [Region(0, len(caption), "repeat")]


# ---------------------------------------------------------------- invented lines, other outlets


@pytest.mark.parametrize(
    ("tail", "kind"),
    [
        ("Pilihan Editor: Kenapa Prabowo Memilih Danantara", "editor_pick"),
        ("[Gambas:Video CNN]", "video_teaser"),
        ("Copyright © ANTARA 2025", "copyright"),
        ("Tags: banjir, jakarta, bmkg", "tags"),
        ("Lihat Juga: Jokowi Tanggapi Isu Ijazah", "read_also"),
        (
            (
                "Tinggalkan Balasan\nBatalkan balasan\nAlamat email Anda tidak akan "
                "dipublikasikan. "
                "Ruas yang wajib ditandai *\nKomentar *\nNama *\nEmail *\nSitus Web\n"
                "Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya "
                "berikutnya."
            ),
            "comment_form",
        ),
    ],
)
def test_other_outlets_boilerplate(tail: str, kind: str) -> None:
    text = PROSE + tail
    assert [(k, t) for k, t in cut(text)] == [(kind, tail)]


# ---------------------------------------------------------------- what must stay


@pytest.mark.parametrize(
    "text",
    [
        PROSE,
        # a quote paragraph from dev-3e452d8f42
        (
            '"Jadi kalau sekarang itu trennya kita sebutnya experience tourism. Bagaimana wisata '
            "ini "
            'lebih ke experience, tidak hanya sekadar datang dan melihat." ungkap Gigih Gesang, '
            "Sekjen "
            "Asosiasi Experential Learning Indonesia (AELI), Selasa (17/6/2025)."
        ),
        # a hashtag inside a sentence is body
        PROSE + "Warganet ramai-ramai menggunakan tagar #SaveRafah di media sosial.",
        # "baca juga" as ordinary words
        PROSE + "Anda bisa baca juga ulasan lengkapnya di buku tersebut, kata penulisnya.",
        # a body sentence that starts like a caption word
        PROSE + "Tangkapan layar video itu menunjukkan kendaraan yang melintas di jalur cepat.",
        # the same short phrase twice is not a scraper repeat
        PROSE + "Kami siap.\nKami siap.",
    ],
)
def test_ordinary_paragraphs_are_kept(text: str) -> None:
    assert find_boilerplate(text) == []


@pytest.mark.parametrize(
    "credit",
    [
        "Editor: Oki Budiman",
        "sumber : ANTARA",
        "(kha)",
        "EDITOR : Rahmad",
        "Penulis: Adhyasta Dirgantara | Editor: Jessi Carina",
        "Foto: Agus Salim",
    ],
)
def test_credit_lines_are_not_boilerplate(credit: str) -> None:
    text = PROSE + credit
    assert find_boilerplate(text) == []


def test_label_after_a_code_ends_the_tag_list() -> None:
    text = PROSE + "(rdp/imk)\npolisi\nEditor: Ahmad"
    assert cut(text) == [("tags", "polisi")]


# ---------------------------------------------------------------- invariants and speed


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("aAbB jJ.:,#()/\n*-“”\"'0123456789")
            + ["Baca juga:", "Baca Juga", "Video: ", "(ab/cd)", "Foto: ", "Editor: ", "#tag "]
            + ["Ini kalimat yang cukup panjang untuk diulang dua kali. "]
        ),
        max_size=200,
    ).map("".join)
)
def test_regions_are_sorted_disjoint_and_in_bounds(text: str) -> None:
    regions = find_boilerplate(text)
    for r in regions:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end].strip() == text[r.start : r.end]
    for a, b in zip(regions, regions[1:], strict=False):
        assert a.end <= b.start


ADVERSARIAL = {
    "plain": "a" * 1_000_000,
    "baca_glued": "Baca JugaAa" * 90_000,
    "baca_spaced": "Baca juga: " + "Aa " * 330_000,
    "hashtags": "#ab" * 330_000,
    "brackets": "(ab/" * 250_000,
    "foto": "x " * 250_000 + "Foto: " + "y" * 500_000,
    "caption": "Dok." + " a" * 500_000,
    "sentences": "Ini kalimat yang cukup panjang untuk diulang berkali kali. " * 16_000,
    "glue": "aB" * 500_000,
    "quotes": "\u201cA " * 330_000,
    "mixed": "Rabu (18/6/2025).Baca JugaX " * 35_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_one_megabyte_adversarial_line_is_fast(name: str) -> None:
    text = ADVERSARIAL[name]
    started = time.process_time()
    find_boilerplate(text)
    assert time.process_time() - started < 1.0


def test_bulleted_headlines_under_a_read_also_marker() -> None:
    # a Sindonews-style list (news corpus c-e98e6e355199): the marker on its own line, one
    # headline, then bulleted headlines; a bulleted list item of the body stays body
    text = (
        "Serangan itu membuat Kremlin marah, kata pejabat tersebut kepada wartawan.\n"
        "Baca juga:\n"
        "Rekor, Rusia Tembakkan 479 Drone ke Ukraina dalam Sehari\n"
        "- Trump Kerahkan Marinir ke Los Angeles, Gubernur California Geram!\n"
        "Gubernur negara bagian California mengecam keputusan itu pada Selasa.\n"
        "Baca juga:\n"
        "KPK Lelang Tas LV Koruptor Mulai Rp 10 Juta Besok, Siapa Minat?\n"
        "- 1 unit rumah susun di Kemayoran, Jakarta Pusat. Harga limit Rp 1.806.728.000\n"
    )
    removed = [text[r.start : r.end] for r in find_boilerplate(text) if r.kind == "read_also"]
    assert any("Trump Kerahkan Marinir" in r for r in removed)
    assert not any("rumah susun" in r for r in removed)
    assert "Trump Kerahkan" not in {p.name for p in beritakit.extract(text).people}


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        # held-out c-71fa755e, c-6c0dd6af, c-2f574019 with their line breaks dropped (as
        # some scrapers do): the markers sit inside a line, after a sentence's end
        (
            (
                'Kalau ini sudah bagus, baru kita mainkan," katanya. Tonton juga "Putin Kunjungi '
                'PLTN di Kursk setelah Rusia Pukul Balik" [Gambas:Video 20detik]'
            ),
            'Tonton juga "Putin Kunjungi PLTN di Kursk setelah Rusia Pukul Balik"',
        ),
        (
            (
                'Pokoknya aku sudah minta," pungkasnya. Video: Dinilai Bergizi, Ria Ricis Ingin '
                "Bagian Otak Kurbannya untuk Moana"
            ),
            "Video: Dinilai Bergizi, Ria Ricis Ingin Bagian Otak Kurbannya untuk Moana",
        ),
        ("Ia menjelaskan hal itu. Advertisement Prasetyo mengatakan hal lain.", "Advertisement"),
    ],
)
def test_teasers_and_ad_markers_inside_a_joined_line_are_cut(text: str, teaser: str) -> None:
    assert any(teaser in t for _, t in cut(text))
    assert "Prasetyo mengatakan" not in " ".join(t for _, t in cut(text))


def test_the_word_advertisement_in_a_sentence_stays() -> None:
    assert cut("Ia melihat advertisement di layar. Kata Advertisement berarti iklan.") == []


@pytest.mark.parametrize(
    ("text", "link"),
    [
        # held-out c-8a53d8c7, c-6c024a96 with their line breaks made spaces: a "Baca juga:"
        # after another marker or after a list item with no full stop
        (
            (
                "tak bisa lanjut bermain. SCROLL TO CONTINUE WITH CONTENT Baca juga: Jepang Vs "
                "Indonesia: Yakob Sayuri Cedera, Marselino Masuk Jepang bisa menambah gol lagi."
            ),
            "Baca juga: Jepang Vs Indonesia: Yakob Sayuri Cedera, Marselino Masuk",
        ),
        (
            (
                "2. Diskon Pajak Restoran Jakarta Baca juga:Pemutihan Pajak Kendaraan Jakarta "
                "Mulai 14 Juni, Ini Syaratnya Pramono menjelaskan, bahwa langkah ini tidak hanya."
            ),
            "Baca juga:Pemutihan Pajak Kendaraan Jakarta Mulai 14 Juni, Ini Syaratnya",
        ),
    ],
)
def test_read_also_with_a_colon_is_a_link_anywhere(text: str, link: str) -> None:
    assert ("read_also", link) in cut(text)
