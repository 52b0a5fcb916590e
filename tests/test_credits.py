"""Tests for beritakit.extractors.credits.parse on real and invented credit lines."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beritakit.extractors.credits import ROLES, CreditHit, parse
from beritakit.resources import read_table

BODY = (
    "Pemerintah menyatakan program itu akan dilanjutkan tahun depan. "
    '"Kami akan terus mengawal pelaksanaannya," kata Budi Santoso di Jakarta, Senin (9/6/2025).\n'
)


def roles_names(text: str, outlet: str | None = None) -> list[tuple[str, str]]:
    return [(h.role, h.name) for h in parse(text, outlet=outlet)]


# ---------------------------------------------------------------- real lines from dev texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # dev-6c7c179b6e, Posmetro
            (
                "“Pelaku Rian mempergunakan hasil penjualan motor untuk membeli narkoba,” ujar "
                "Kompol "
                "Jhonson Sitompul, Senin (9/6).\nEditor: Oki Budiman"
            ),
            [("editor", "Oki Budiman")],
        ),
        (  # dev-b59bf215e5: credits glued by the scraper
            (
                "Turut hadir dalam audiensi tersebut Kabid Poldagri Kesbangpol Zulfadli Matondang, "
                "serta tim peliputan dari Diskominfo.(rls)\nsumber: diskominfo Tebing "
                "Tinggieditor: "
                "syaputra"
            ),
            [
                ("other", "rls"),
                ("source", "diskominfo Tebing Tinggi"),
                ("editor", "syaputra"),
            ],
        ),
        (  # dev-4778317516
            (
                "Jadi kita sampaikan pada Kepala Desa agar dimusyawarahkan dulu,” pungkas Camat "
                "Tanjung "
                "Morawa. ( Wan)\nEDITOR : Rahmad"
            ),
            [("other", "Wan"), ("editor", "Rahmad")],
        ),
        (  # dev-d05484c205
            (
                "Disebutkan Binsar juga, saat ini pihaknya masih melakukan pengejaran satu pelaku "
                "lainnya yakni SU yang kini masih dalam pengejaran.(Ria)"
            ),
            [("other", "Ria")],
        ),
        (  # dev-a96d36f534: code, then Tribun footer boilerplate
            (
                "Laporan Wartawan Wartakotalive.com, Miftahul Munir\nWARTAKOTALIVE.COM, DUREN "
                "SAWIT - "
                "East Jakarta Agriculture Festival 2025 akan digelar besok.\n"
                '"Semoga kegiatan ini bisa menjadi berkontribusi dalam mewujudkan ketahanan '
                'pangan," '
                "imbuhnya. (m26)\nBaca berita Wartakotalive.com lainnya di WhatsApp.\n"
                "Baca berita Wartakotalive.com lainnya di Google News."
            ),
            [("reporter", "Miftahul Munir"), ("other", "m26")],
        ),
        (  # dev-43fd4a0988
            (
                "Laporan Reporter POS-KUPANG.COM, Robert Ropo\nPOS-KUPANG.COM, RUTENG -- Kembali "
                "terjadi kecelakaan lalu lintas maut di jalan raya Wae Ces.\nKini barang bukti "
                "telah "
                "diamankan di Mapolres Manggarai untuk diproses selanjutnya. (rob)\n"
                "Ikuti Berita POS-KUPANG.COM lainnya di GOOGLE NEWS"
            ),
            [("reporter", "Robert Ropo"), ("other", "rob")],
        ),
        (  # dev-f7ed6759ca
            (
                "Laporan Maulidi Alfata | Aceh Timur\nPROHABA.CO, IDI – Kebakaran hebat melanda "
                "Aceh "
                "Timur, sebuah rumah semi permanen ludes terbakar.\nArtikel ini telah tayang di "
                "SerambiNews.com dengan judul Diduga Korsleting Listrik Satu Rumah Semi Permanen "
                "di "
                "Idi Rayeuk Terbakar,\nUpdate berita lainnya di PROHABA.co dan Google News\n"
                "Ikuti kami di"
            ),
            [("reporter", "Maulidi Alfata"), ("source", "SerambiNews.com")],
        ),
        (  # dev-c7c108363c: a repeated caption comes first, then the reporter line
            (
                "Pertandingan yang mempertemukan para mantan pemain klub BOM-H ini berlangsung di "
                "Stadion Persada, Senin (9/6/2025).\nLaporan Masrian Mizani I Aceh Barat Daya\n"
                "SERAMBINEWS.COM, BLANGPIDIE - Pemuda Gampong Meudang Ara menggelar liga "
                "sepak bola.\n"
                "Pertandingan yang mempertemukan para mantan pemain klub BOM-H ini berlangsung di "
                "Stadion Persada, Senin (9/6/2025)."
            ),
            [("reporter", "Masrian Mizani")],
        ),
        (  # dev-99b1a98f65
            (
                "Laporan Wartawan Tribun Batam, Birri Fikrudin\nTRIBUNBATAM.id, NATUNA - Kebakaran "
                "lahan kembali terjadi di Kabupaten Natuna.\nSebelumnya, kejadian serupa juga "
                "sempat "
                "terjadi di sejumlah wilayah lain di Natuna.\n( tribunbatam.id/birrifikrudin )"
            ),
            [("reporter", "Birri Fikrudin"), ("other", "tribunbatam.id/birrifikrudin")],
        ),
        (  # dev-8257d9f812: detik code followed by its tag list
            (
                "Ketajaman\nRomeny\nmasih dibutuhkan Indonesia untuk menjalani babak keempat pada "
                "bulan "
                "September nanti.\nBaca juga:\nHasil Jepang Vs Indonesia: Samurai Biru Libas Skuad "
                "Garuda 6-0\n(cas/mrp)\ntimnas indonesia\ntimnas jepang\njepang vs indonesia"
            ),
            [("other", "cas/mrp")],
        ),
        (  # dev-dca23bcef7: tag words glued after the code
            (
                "25. Wakil Menteri Komdigi Nezar Patria - Komisaris Utama PT Indosat Tbk(acd/acd)"
                "wakil menterikomisaris bumnpt pupuk indonesiakabinet prabowo"
            ),
            [("other", "acd/acd")],
        ),
        (  # dev-6382260463, Okezone
            (
                "Selain lezat, camilan ini bisa menjadi pilihan tepat untuk menunjang gaya hidup "
                "sehat.\n(Kemas Irawan Nurrachman)"
            ),
            [("writer", "Kemas Irawan Nurrachman")],
        ),
        (  # dev-9c66f7d1b6, Sindonews: code glued to hashtags
            (
                "Download aplikasi VISION+ sekarang di App Store atau Play Store, dan nikmati "
                "pengalaman nonton LaLiga lebih seru.Streaming Ini Itu di VISION+#visionplus "
                "#Formula1(yov)"
            ),
            [("other", "yov")],
        ),
        (  # dev-78f2d9d2dd, KapanLagi
            (
                "Pemerintah California kini telah bersiap untuk menggugat Presiden Trump.\n"
                "Advertisement\n(Ayo ikuti saluran WhatsApp KapanLagi.com biar enggak ketinggalan "
                "update dan berita terbaru. Klik di sini ya, Klovers!)\n(kpl/eri)"
            ),
            [("other", "kpl/eri")],
        ),
    ],
)
def test_dev_credits(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles_names(text) == expected


def test_republika_source_glued_to_channel_notice_counts_once() -> None:
    # dev-992f74dfc6: the scraper repeats the article, and its source line with it
    para = (
        "Balai Teknik Perkeretaapian Kelas I Jakarta mencatat progres pengerjaan "
        "pembangunanStasiun Rangkasbitung Ultimate telah mencapai 84,71 persen."
    )
    text = (
        f"REPUBLIKA.CO.ID, LEBAK -- {para}Ikuti Whatsapp Channel Republikasumber : Antara Foto\n"
        f"{para}Ikuti Whatsapp Channel Republikasumber : Antara Foto\n{para}"
    )
    hits = parse(text)
    assert [(h.role, h.name, h.raw) for h in hits] == [
        ("source", "Antara Foto", "sumber : Antara Foto")
    ]


# ---------------------------------------------------------------- invented lines, other outlets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Antara
            "Jakarta (ANTARA) - " + BODY + "Baca juga: Menkeu pastikan anggaran aman\n"
            "Pewarta: Aditya Ramadhan\nEditor: Budi Suyanto\nCopyright © ANTARA 2025",
            [("reporter", "Aditya Ramadhan"), ("editor", "Budi Suyanto")],
        ),
        (  # Kompas, one line
            "JAKARTA, KOMPAS.com - " + BODY + "Penulis: Adhyasta Dirgantara | Editor: Jessi Carina",
            [("writer", "Adhyasta Dirgantara"), ("editor", "Jessi Carina")],
        ),
        (  # Kompas regional contributor in the writer slot
            BODY + "Penulis: Kontributor Sumba, Ignasius Sara | Editor: Dheri Agriesta",
            [("writer", "Ignasius Sara"), ("editor", "Dheri Agriesta")],
        ),
        (  # CNN Indonesia
            "Jakarta, CNN Indonesia -- " + BODY + "[Gambas:Video CNN]\n(ryh/DAL)",
            [("other", "ryh/DAL")],
        ),
        (  # Suara
            BODY + "Baca Juga: Harga Emas Antam Naik Lagi Hari Ini\nKontributor : Emi La Palau",
            [("contributor", "Emi La Palau")],
        ),
        (  # detik
            "Jakarta - " + BODY + 'Simak Video "Momen Prabowo Tiba di Istana"\n'
            "[Gambas:Video 20detik]\n(rdp/imk)",
            [("other", "rdp/imk")],
        ),
        (  # Tempo contributors; "Pilihan Editor" is a link, not a credit
            "TEMPO.CO, Jakarta - " + BODY + "Dani Aswara dan Andi Adam Faturahman berkontribusi "
            "dalam penulisan artikel ini.\nPilihan Editor: Kenapa Prabowo Pilih Danantara",
            [("contributor", "Dani Aswara"), ("contributor", "Andi Adam Faturahman")],
        ),
        (  # Tempo byline in capitals
            "TEMPO.CO, Jakarta - " + BODY + "DINI TEJA\nPilihan Editor: Jokowi Tanggapi Isu Ijazah",
            [("writer", "DINI TEJA")],
        ),
        (
            BODY + "M. JULNIS FIRMANSYAH | ANTARA",
            [("writer", "M. JULNIS FIRMANSYAH"), ("source", "ANTARA")],
        ),
        (  # Bisnis
            "Bisnis.com, JAKARTA - " + BODY + "Editor : Fatkhul Maskur",
            [("editor", "Fatkhul Maskur")],
        ),
        (  # JPNN
            "jpnn.com, JAKARTA - " + BODY + "(mcr8/jpnn)\nRedaktur : Friederich Batari\n"
            "Reporter : Fathan Sinaga",
            [
                ("other", "mcr8/jpnn"),
                ("editor", "Friederich Batari"),
                ("reporter", "Fathan Sinaga"),
            ],
        ),
        (BODY + "(tan/jpnn)", [("other", "tan/jpnn")]),
        (  # Republika
            BODY + "Rep: Dian Fath Risalah Red: Ratna Puspita",
            [("reporter", "Dian Fath Risalah"), ("editor", "Ratna Puspita")],
        ),
        (  # Liputan6
            BODY + "Reporter: Ika Defianti\nSumber: Merdeka.com",
            [("reporter", "Ika Defianti"), ("source", "Merdeka.com")],
        ),
        (  # Tribun republication with credits on the next line
            BODY + "Artikel ini telah tayang di TribunJatim.com dengan judul Warga Tuntut Jalan "
            "Diperbaiki, https://jatim.tribunnews.com/2025/06/10/warga\n"
            "Penulis: Ndaru Wijayanto | Editor: Dwi Prastika",
            [
                ("source", "TribunJatim.com"),
                ("writer", "Ndaru Wijayanto"),
                ("editor", "Dwi Prastika"),
            ],
        ),
        (
            BODY + "(Tribunnews.com/Rizki Sandi Saputra)",
            [("other", "Tribunnews.com/Rizki Sandi Saputra")],
        ),
        (
            BODY + "Teks: Rina Wulandari\nFoto: Agus Salim",
            [("writer", "Rina Wulandari"), ("photographer", "Agus Salim")],
        ),
        (
            BODY + "Diadaptasi oleh Nur Hidayah dari artikel berbahasa Inggris.",
            [("other", "Nur Hidayah")],
        ),
        (
            BODY + "Artikel ini telah tayang di detikJatim. Baca selengkapnya di sini.",
            [("source", "detikJatim")],
        ),
        (  # a one-line scrape: link, body, closing code
            "JAKARTA - " + BODY.strip() + " Baca Juga: Harga Emas Naik Lagi Pemerintah menyatakan "
            "hal itu sudah diputuskan. (poe)",
            [("other", "poe")],
        ),
        (  # credits at the top
            "Penulis: Adhyasta Dirgantara\nEditor: Jessi Carina\nJAKARTA, KOMPAS.com - " + BODY,
            [("writer", "Adhyasta Dirgantara"), ("editor", "Jessi Carina")],
        ),
        (
            "Laporan Kontributor TribunJabar.id Garut, Sidik Permana\nTRIBUNJABAR.ID, GARUT - "
            + BODY,
            [("contributor", "Sidik Permana")],
        ),
    ],
)
def test_other_outlets(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles_names(text) == expected


def test_outlet_is_stripped_from_names() -> None:
    text = BODY + "Penulis: Rina Wulandari / Harian Jogja"
    assert roles_names(text, outlet="Harian Jogja") == [("writer", "Rina Wulandari")]
    assert roles_names(BODY + "Reporter: Wahyu Setyo Widodo -detikTravel") == [
        ("reporter", "Wahyu Setyo Widodo")
    ]


# ---------------------------------------------------------------- what is not a credit


@pytest.mark.parametrize(
    "text",
    [
        # ages, acronyms and company forms that close a line inside the body
        BODY + "Pelaku, Usmanto (35), ditangkap di rumahnya.\nPolisi masih mendalami motif pelaku.",
        BODY + "Kementerian Perumahan dan Kawasan Permukiman (PKP)\nMenteri menyampaikan hal itu "
        "dalam rapat kerja bersama DPR di Senayan, Jakarta.",
        BODY + "Komisaris Utama PT Pertamina (Persero)\nPenunjukan itu diputuskan dalam RUPS yang "
        "digelar pekan lalu.",
        # "(Ria)" closing a paragraph that the article goes on after
        (
            "Warga itu mengaku sudah pulang sebelum kejadian.(Ria)\nPolisi kemudian melanjutkan "
            "penyelidikan di lokasi kejadian hingga malam hari."
        ),
        BODY + "(*)",
        # photo credits
        BODY + "Warga antre membeli beras murah di pasar. Foto: dok. Istimewa\nHarga beras di "
        "pasar tradisional masih tinggi pekan ini, kata pedagang.",
        BODY + "Foto: dok. Istimewa",
        # links and mentions
        BODY + "Pilihan Editor: Sri Mulyani Ungkap Alasan Defisit Melebar",
        BODY + "Hal itu disampaikan Audrey, dilansir dari Antara, Kamis (12/6/2025).",
        BODY + "Acara itu menghadirkan narasumber: Prof. Rhenald Kasali dan Dr. Faisal Basri.\n"
        "Diskusi berlangsung hingga sore hari dan diikuti ratusan peserta.",
        # a book's details in the middle of a review
        (
            "Buku ini layak dibaca oleh siapa saja yang tertarik sejarah Nusantara.\nJudul: Bumi "
            "Manusia\nPenulis: Pramoedya Ananta Toer\nPenerbit: Hasta Mitra\nBuku tersebut pertama "
            "kali terbit pada 1980 dan sempat dilarang beredar oleh pemerintah Orde Baru."
        ),
        (
            "Data menunjukkan inflasi naik. Sumber: diolah dari berbagai sumber\nPemerintah "
            "berjanji "
            "menekan inflasi pada semester kedua tahun ini, kata menteri."
        ),
        BODY + "BACA JUGA",
        BODY + "SELESAI",
        "",
    ],
)
def test_not_credits(text: str) -> None:
    assert parse(text) == []


# ---------------------------------------------------------------- spans, data, speed


def test_spans_point_into_the_text() -> None:
    text = BODY + "Penulis: Kontributor Sumba, Ignasius Sara | Editor: Dheri Agriesta\n(ab/cd)"
    hits = parse(text)
    assert hits
    for h in hits:
        assert isinstance(h, CreditHit)
        assert text[h.start : h.end] == h.raw
        assert text[h.name_start : h.name_end] == h.name
        assert h.start <= h.name_start < h.name_end <= h.end
    assert hits == sorted(hits, key=lambda h: h.start)


def test_data_files_use_known_roles() -> None:
    package = "beritakit.extractors.credits"
    assert {row[1] for row in read_table(package, "labels.tsv")} <= set(ROLES)
    assert {row[0] for row in read_table(package, "phrases.tsv")} <= set(ROLES)
    assert {row[1] for row in read_table(package, "laporan.tsv")} <= set(ROLES)
    assert all(
        row[2] in {"anywhere", "edge"} and row[3] in {"yes", "no"}
        for row in read_table(package, "labels.tsv")
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("aAbB jJ.:,|()/\n*-“”\"'0123456789")
            + [
                "Editor: ",
                "Penulis : ",
                "sumber:",
                "(ab/cd)",
                "(Ria)",
                "Laporan Wartawan X, ",
                "DINI TEJA",
            ]
        ),
        max_size=200,
    ).map("".join)
)
def test_hits_are_consistent_on_any_text(text: str) -> None:
    for h in parse(text):
        assert h.role in ROLES
        assert text[h.start : h.end] == h.raw
        assert text[h.name_start : h.name_end] == h.name
        assert h.name.strip() == h.name and h.name


ADVERSARIAL = {
    "plain": "a" * 1_000_000,
    "labels": "editor:" * 140_000,
    "sumber": "sumber : " * 110_000,
    "laporan": "Laporan Wartawan " + "X, " * 330_000,
    "codes": "(ab) " * 200_000,
    "brackets": "(" * 1_000_000,
    "caps": "ABC " * 250_000,
    "kontributor": "A berkontribusi " * 62_000,
    "names": "(Abc Def " * 110_000,
    "glued": "Tinggieditor: syaputra" * 45_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_one_megabyte_adversarial_line_is_fast(name: str) -> None:
    text = ADVERSARIAL[name]
    started = time.process_time()
    parse(text)
    assert time.process_time() - started < 1.0
