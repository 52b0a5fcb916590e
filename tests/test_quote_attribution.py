"""Quote attribution, class by class (issue 13): who said it, and how the record knows.

Each class has sentences written for this file (short, realistic, not taken from any
article) and real lines from the dev articles, with positive and negative cases. The
entities are given as the entity extractor would give them (every mention of every form),
so these tests check the attribution, not the entity recogniser.
"""

from __future__ import annotations

from beritakit.extractors.quotes import PersonRef, QuoteHit, find_quotes


def ref(text: str, name: str, *forms: str) -> PersonRef:
    """A PersonRef with every mention of every form (the longest form claims a span)."""
    spans: list[tuple[int, int]] = []
    for form in sorted((name, *forms), key=len, reverse=True):
        at = text.find(form)
        while at >= 0:
            if not any(s <= at < e for s, e in spans):
                spans.append((at, at + len(form)))
            at = text.find(form, at + 1)
    return PersonRef(name, tuple(sorted(spans)))


def said(hits: list[QuoteHit]) -> list[tuple[str | None, str]]:
    return [(h.speaker, h.evidence) for h in hits]


# -- pronoun cues go to the last speaker, not to the last name ----------------------------

MINISTER = (
    "JAKARTA - Menteri Kesehatan Budi Gunadi Sadikin meminta rumah sakit bersiap menghadapi "
    "lonjakan pasien demam berdarah.\n"
    '"Kami sudah menyiapkan tambahan tempat tidur di 40 rumah sakit rujukan," kata Budi '
    "Gunadi di Jakarta, Senin.\n"
    "Sebelumnya Gubernur Jawa Barat Dedi Mulyadi meninjau RSUD Cibinong bersama Bupati Bogor "
    "Rudy Susmanto.\n"
    '"Stok obat aman sampai akhir bulan," ujarnya.\n'
    '"Masyarakat tidak perlu panik," tambahnya.'
)


def test_three_quotes_of_a_minister_with_others_named_between() -> None:
    people = (
        ref(MINISTER, "Budi Gunadi Sadikin", "Budi Gunadi"),
        ref(MINISTER, "Dedi Mulyadi"),
        ref(MINISTER, "Rudy Susmanto"),
    )
    hits = [h for h in find_quotes(MINISTER, people) if h.kind == "direct"]
    assert said(hits) == [
        ("Budi Gunadi Sadikin", "named"),
        ("Budi Gunadi Sadikin", "pronoun"),
        ("Budi Gunadi Sadikin", "pronoun"),
    ]


def test_a_new_speaker_between_takes_the_pronoun() -> None:
    # negative: when the person named between *speaks*, "ujarnya" is theirs
    text = MINISTER.replace(
        "meninjau RSUD Cibinong bersama Bupati Bogor Rudy Susmanto.",
        "mengatakan pemerintah provinsi menambah ambulans di setiap kecamatan.",
    )
    people = (ref(text, "Budi Gunadi Sadikin", "Budi Gunadi"), ref(text, "Dedi Mulyadi"))
    hits = [h for h in find_quotes(text, people) if h.kind == "direct"]
    assert said(hits)[1:] == [("Dedi Mulyadi", "pronoun"), ("Dedi Mulyadi", "pronoun")]


def test_the_subject_of_the_article_when_nobody_spoke_before() -> None:
    # a subject that reports nothing is the antecedent only when no speaker came before
    text = (
        "Sudah lima tahun, Waluyo (52) mengumpulkan paku di jalan raya Kalimalang.\n"
        '"Sehari bisa dapat setengah kilo," ujarnya.'
    )
    hit = find_quotes(text, (ref(text, "Waluyo"),))[0]
    assert (hit.speaker, hit.evidence, hit.speaker_start) == ("Waluyo", "pronoun", None)


def test_an_unnamed_speaker_stops_the_pronoun() -> None:
    text = (
        "Rombongan wisatawan mengunjungi Perpustakaan Desa Tiangau.\n"
        "Seorang wisman mengaku kagum dengan koleksi buku di sana.\n"
        '"Koleksinya lengkap sekali," ucapnya.'
    )
    hits = find_quotes(text, (ref(text, "Perpustakaan Desa Tiangau"),))
    assert said([h for h in hits if h.kind == "direct"]) == [(None, "none")]


def test_a_role_alone_or_someone_elses_relative_names_nobody() -> None:
    text = (
        "SEMARANG - Banjir merendam puluhan rumah di Kelurahan Tambakrejo sejak Senin pagi.\n"
        "Warga setempat mengatakan air mulai naik sekitar pukul 03.00 WIB.\n"
        '"Kami tidak sempat menyelamatkan barang," kata Siti Aminah, warga RT 05.\n'
        "Kuasa hukumnya menyebut kliennya tidak bersalah.\n"
        '"Kami akan mengajukan banding," ujarnya.'
    )
    hits = find_quotes(text, (ref(text, "Siti Aminah"),))
    assert said(hits) == [
        (None, "none"),  # not "Warga"
        ("Siti Aminah", "named"),
        (None, "none"),  # her lawyer, not Siti Aminah
        (None, "none"),  # the pronoun stops at the unnamed lawyer
    ]


def test_a_role_named_before_is_its_holder() -> None:
    # negative: the role written with its holder's name earlier points back to that person
    text = (
        "PALEMBANG - Kapolrestabes Palembang Kombes Harryo Sugihhartono memimpin apel pagi.\n"
        "Kapolrestabes mengatakan ratusan personel disiagakan selama libur panjang.\n"
        '"Kami tidak ingin ada kemacetan," ujarnya.'
    )
    hits = find_quotes(text, (ref(text, "Harryo Sugihhartono"),))
    assert [h.speaker for h in hits] == ["Harryo Sugihhartono", "Harryo Sugihhartono"]


def test_dev_pronouns_after_a_named_quote() -> None:
    # dev-60e26a057d (Tribun Lampung)
    text = (
        "Ia menjelaskan, sejumlah langkah telah diterapkan. \u201cDi antaranya pemantauan "
        "informasi dan situasi terkini terkait peningkatan kasus Covid-19,\u201d kata Desti.\n"
        "\u201cDeteksi dini dan respons kasus sesuai pedoman penanggulangan,\u201d sambungnya.\n"
        "Pihaknya juga melakukan pelaporan aktif melalui Sistem Kewaspadaan Dini dan Respon "
        "(SKDR)\n"
        "\u201cUntuk gejala seperti ILI, SARI, pneumonia, dan Covid-19 melalui Sistem "
        "Kewaspadaan Dini dan Respon,\u201d katanya."
    )
    people = (ref(text, "Desti Mega Putri", "Desti"),)
    hits = [h for h in find_quotes(text, people) if h.kind == "direct"]
    assert said(hits) == [
        ("Desti Mega Putri", "named"),
        ("Desti Mega Putri", "pronoun"),
        ("Desti Mega Putri", "pronoun"),
    ]


def test_a_quotation_without_a_cue_carries_the_turn() -> None:
    text = (
        '"Jalan ini rusak sejak Lebaran," kata Sutarmi, pedagang sayur.\n'
        '"Kalau hujan, motor sering tergelincir di depan pasar."'
    )
    hits = find_quotes(text)
    assert said(hits) == [("Sutarmi", "named"), ("Sutarmi", "carried")]


# -- social media: the account, or no person ---------------------------------------------


def test_a_comment_quoted_from_an_account() -> None:
    text = (
        "Gubernur Andi Sudirman meninjau jalan yang rusak di Maros.\n"
        '"Pak, jalan di kampung kami juga tolong diperbaiki," tulis akun @daeng_maros.\n'
        '"Semoga bukan cuma difoto," cuit @anak.pesisir.'
    )
    hits = find_quotes(text, (ref(text, "Andi Sudirman"),))
    assert said(hits) == [("@daeng_maros", "named"), ("@anak.pesisir", "named")]


def test_warganet_comments_get_no_person() -> None:
    text = (
        "Wali Kota Hendra Gunawan mengunggah foto taman baru di akun Instagram pribadinya.\n"
        '"Tamannya bagus, tapi parkirnya di mana, Pak?" komentar seorang warganet.\n'
        "Unggahan itu juga dibanjiri komentar lain: "
        '"Kapan giliran taman di kecamatan kami dibangun?"'
    )
    hits = find_quotes(text, (ref(text, "Hendra Gunawan"),))
    assert [h.speaker for h in hits] == [None, None]
    assert all(h.evidence == "none" for h in hits)


def test_the_politicians_own_post_is_theirs() -> None:
    # negative: the post's author named by the cue is the speaker
    text = (
        "Hendra Gunawan membagikan video peresmian taman.\n"
        '"Taman ini untuk anak-anak kita," tulis Hendra dalam unggahannya.\n'
        '"Mari kita jaga bersama," tulisnya lagi.'
    )
    hits = find_quotes(text, (ref(text, "Hendra Gunawan", "Hendra"),))
    assert said(hits) == [("Hendra Gunawan", "named"), ("Hendra Gunawan", "pronoun")]


def test_dev_a_post_quoted_from_an_instagram_account() -> None:
    # dev-aaae5875f0 (Kompas): the account posted it
    text = (
        "\u201cSehubungan dengan Tahun Baru Islam 1447 H, pelaksanaan Sistem Ganjil Genap di "
        "berbagai ruas jalan di Jakarta DITIADAKAN,\u201d dikutip dari akun Instagram "
        "@dishubdkijakarta, Rabu (18/6/2025)."
    )
    assert said(find_quotes(text)) == [("@dishubdkijakarta", "named")]


def test_dev_netizen_inside_the_quote_changes_nothing() -> None:
    # dev-c5c557bec8 (detik): "netizen" is in what Sarwendah said, not who said it
    text = (
        "Meski sempat ramai dijodoh-jodohkan oleh netizen, Sarwendah memilih untuk menanggapi "
        "dengan santai.\n"
        "\u201cKalau didoain yang baik-baik, ya udah gitu kan. Kalau misalnya netizen sama aku "
        "kan kadang didoain, kadang dikatain, ya kan? Sampai bingung aku,\u201d katanya sembari "
        "tertawa kecil."
    )
    hits = find_quotes(text, (ref(text, "Sarwendah"),))
    assert said(hits) == [("Sarwendah", "pronoun")]


def test_dikutip_dari_a_news_agency_is_no_speaker() -> None:
    # negative: "dikutip dari Antara" names where the text came from, not who spoke
    text = (
        "Harga cabai naik dua kali lipat di Pasar Induk.\n"
        '"Pasokan dari Garut berkurang karena hujan terus," dikutip dari Antara, Senin.'
    )
    hit = find_quotes(text)[0]
    assert hit.speaker != "Antara"


# -- short forms: the full name when the article gives one, never a relative -------------


def test_kata_ari_s_warga_setempat() -> None:
    text = (
        "BANDUNG - Banjir setinggi satu meter merendam Kampung Cieunteung.\n"
        '"Air naik sejak subuh, kami belum dapat bantuan," kata Ari S, warga setempat.'
    )
    assert said(find_quotes(text)) == [("Ari S", "named")]
    # the article gives the full name elsewhere: the initial stands for it
    full = text + "\nAri Setiawan mengaku sudah tiga kali mengungsi tahun ini."
    people = (ref(full, "Ari Setiawan"), ref(full, "Ari S"))
    assert find_quotes(full, people)[0].speaker == "Ari Setiawan"


def test_an_initial_shared_by_two_people_stays_as_written() -> None:
    text = (
        "Ari Setiawan dan Ari Susanto sama-sama bertahan di rumah.\n"
        '"Air naik sejak subuh," kata Ari S, warga setempat.'
    )
    people = (ref(text, "Ari Setiawan"), ref(text, "Ari Susanto"), ref(text, "Ari S"))
    assert find_quotes(text, people)[0].speaker == "Ari S"


FAMILY = (
    "SURABAYA - Keluarga korban mendatangi Polrestabes Surabaya. Budi Santoso, ayah korban, "
    "meminta polisi mengusut kasus itu. Adik korban, Budi Hartono, juga hadir.\n"
    '"Kami ingin pelakunya dihukum setimpal," kata Santoso.\n'
    '"Anak saya tidak pernah punya musuh," kata Budi.\n'
    '"Saya melihat sendiri motor itu," ujar Hartono.'
)


def test_relatives_sharing_a_first_name_are_not_merged() -> None:
    # the linker joined both men into one person: the text still says which is which
    joined = PersonRef(
        "Budi Hartono",
        ref(FAMILY, "x", "Budi Santoso", "Budi Hartono", "Santoso", "Hartono", "Budi").mentions,
    )
    hits = [h for h in find_quotes(FAMILY, (joined,)) if h.kind == "direct"]
    assert [h.speaker for h in hits] == ["Budi Santoso", "Budi", "Budi Hartono"]


def test_relatives_sharing_a_surname_are_not_merged() -> None:
    text = (
        "Sri Wahyuni dan suaminya, Joko Wahyudi, kehilangan rumah. Kakaknya, Agus Wahyudi, "
        "menampung mereka.\n"
        '"Semua dokumen ikut terbakar," kata Wahyudi.\n'
        '"Mereka boleh tinggal di sini selama perlu," kata Agus.'
    )
    people = (
        ref(text, "Sri Wahyuni"),
        ref(text, "Joko Wahyudi"),
        ref(text, "Agus Wahyudi", "Agus"),
    )
    hits = find_quotes(text, people)
    assert [h.speaker for h in hits] == ["Wahyudi", "Agus Wahyudi"]


def test_dev_short_form_resolves_to_the_one_full_name() -> None:
    # dev-112d721281 (Kompas): "Andra" is Andra Soni, the only Andra in the article
    text = (
        "Gubernur Banten Andra Soni mengecek Jalan Cipanas-Ciparay, Lebak yang longsor.\n"
        "Andra pun mewanti-wanti agar proyek pembangunan dikaji dengan matang."
    )
    assert said(find_quotes(text)) == [("Andra Soni", "named")]


# -- Menurut X, / X menuturkan bahwa / tutur X kepada wartawan ------------------------------


def test_menurut_and_other_cues_name_their_subject() -> None:
    texts = {
        "Menurut Sri Rahayu, harga beras di Pasar Kosambi mulai turun pekan ini.": "Menurut",
        "Kepala Dinas Pertanian Sri Rahayu menuturkan bahwa panen raya dimulai bulan depan.": (
            "menuturkan"
        ),
        '"Panen raya dimulai bulan depan," tutur Sri Rahayu kepada wartawan.': "tutur",
        '"Harga beras mulai turun," ujar Sri Rahayu, pedagang setempat.': "ujar",
    }
    for text, cue in texts.items():
        hit = find_quotes(text, (ref(text, "Sri Rahayu"),))[0]
        assert (hit.cue, hit.speaker, hit.evidence) == (cue, "Sri Rahayu", "named"), text


def test_menurut_a_document_is_not_a_person() -> None:
    # negative: a report or a plan is no person named before
    text = (
        "Menteri Pertanian Andi Amran meninjau gudang Bulog.\n"
        "Menurut data Badan Pusat Statistik, produksi beras naik empat persen tahun ini."
    )
    hits = find_quotes(text, (ref(text, "Andi Amran"),))
    assert said(hits) == [("Badan Pusat Statistik", "named")]
    # "Menurut rencana," reports nobody's words
    assert find_quotes("Menurut rencana, acara dimulai pukul 09.00 di alun-alun kota.") == []


def test_dev_menurut_with_a_name_and_with_an_apposition() -> None:
    # dev-1eccee7633 (detik) and dev-fd37cbb6f4 (Kompas)
    one = (
        "Menurut Patrick Kluivert, Timnas Indonesia punya skill atau kemampuan yang bisa "
        "membawa tim meraih kesuksesan."
    )
    two = (
        "Menurut Danton Satgas BPBD Kota Tangerang Selatan, Dian Wiriyawan, insiden tersebut "
        "terjadi sekitar pukul 15.30 WIB."
    )
    assert said(find_quotes(one)) == [("Patrick Kluivert", "named")]
    assert said(find_quotes(two)) == [("Dian Wiriyawan", "named")]


def test_menurutnya_is_a_pronoun() -> None:
    text = (
        "Kepala BPBD Lumajang Patria Dwi Hastiadi mengatakan status tanggap darurat "
        "diperpanjang.\nMenurutnya, masih ada 120 warga yang mengungsi di balai desa."
    )
    hits = find_quotes(text, (ref(text, "Patria Dwi Hastiadi"),))
    assert said(hits) == [("Patria Dwi Hastiadi", "named"), ("Patria Dwi Hastiadi", "pronoun")]


# -- a subject with its role between commas is the antecedent of "Dia" ---------------------


def test_subject_with_an_apposition_between_commas() -> None:
    text = (
        "Pelatih Persebaya, Eduardo Perez, tetap percaya diri menjelang laga tandang.\n"
        "Dia menegaskan timnya tidak akan bermain bertahan."
    )
    hit = find_quotes(text, (ref(text, "Eduardo Perez"),))[0]
    assert (hit.speaker, hit.evidence) == ("Eduardo Perez", "pronoun")
    # the role alone before the name: "Sekretaris Jenderal PSSI, Yunus Nusi, optimistis …"
    text = (
        "Sekretaris Jenderal PSSI, Yunus Nusi, optimistis menatap laga terakhir.\n"
        "Dia yakin skuad Garuda bakal mendapat poin."
    )
    hit = find_quotes(text, (ref(text, "Yunus Nusi"),))[0]
    assert (hit.speaker, hit.evidence) == ("Yunus Nusi", "pronoun")


def test_a_list_of_names_is_no_subject() -> None:
    # negative: "A, B, dan C datang …" names no one subject for the next "Dia"
    text = (
        "Sejak pagi, Rina Marlina, Dedi Kurnia, dan Budi Santoso menunggu di balai desa.\n"
        "Dia mengatakan bantuan belum datang."
    )
    people = tuple(ref(text, n) for n in ("Rina Marlina", "Dedi Kurnia", "Budi Santoso"))
    hit = find_quotes(text, people)[0]
    assert hit.speaker is None


def test_a_description_with_a_place_before_the_name() -> None:
    text = (
        '"Kami yakin produk ini memuaskan pembeli," ujar Direktur PT Kaca Prima (KP), '
        "agen resmi kaca film di Indonesia, Andi Setiawan."
    )
    hit = find_quotes(text, (ref(text, "Andi Setiawan"),))[0]
    assert (hit.speaker, hit.evidence) == ("Andi Setiawan", "named")
    # an occupation that looks like a di- verb ("distributor") is a description too
    text = text.replace("agen resmi", "distributor")
    hit = find_quotes(text, (ref(text, "Andi Setiawan"),))[0]
    assert hit.speaker == "Andi Setiawan"
    # negative: an unnamed speaker with a place stays unnamed
    text = '"Harga cabai naik terus," ujar seorang pedagang di Pasar Induk, Jumat (12/6).'
    assert find_quotes(text, ())[0].speaker is None


def test_a_subject_whose_title_has_dan() -> None:
    text = (
        "Menteri Kelautan dan Perikanan Sakti Wahyu Trenggono meninjau pelabuhan itu.\n"
        "Dia menegaskan kapal asing dilarang masuk."
    )
    hit = find_quotes(text, (ref(text, "Sakti Wahyu Trenggono"),))[0]
    assert (hit.speaker, hit.evidence) == ("Sakti Wahyu Trenggono", "pronoun")
    # negative: "dan" between two people makes a plural subject, no antecedent
    text = (
        "Kapolres Budi Santoso dan Andi Wijaya meninjau pelabuhan itu.\n"
        "Dia menegaskan kapal asing dilarang masuk."
    )
    people = (ref(text, "Budi Santoso"), ref(text, "Andi Wijaya"))
    assert find_quotes(text, people)[0].speaker is None


def test_two_single_marks_written_for_a_double_mark() -> None:
    text = (
        "Dia mengakui kegiatan itu punya landasan hukum.\u2018\u2019Studi banding memang ada "
        "aturannya, tetapi anggota dewan harus peka,\u2019\u2019 ujar Poppy Nuraeni kepada "
        "wartawan."
    )
    hits = [h for h in find_quotes(text, (ref(text, "Poppy Nuraeni"),)) if h.kind == "direct"]
    assert [(h.speaker, h.text[:13]) for h in hits] == [("Poppy Nuraeni", "Studi banding")]
    # negative: apostrophes inside names and words are no quotation marks
    text = "Wakil Presiden Ma\u2019ruf Amin menyukai musik rock \u2019n\u2019 roll sejak muda."
    assert [h for h in find_quotes(text, ()) if h.kind == "direct"] == []


def test_a_scene_clause_before_the_subject_names_no_speaker() -> None:
    # a real dev line: the organisation after the comma speaks, not the one in the clause
    text = (
        "Garuda Indonesia sendiri sudah buka suara. Dalam keterangannya di keterbukaan "
        "informasi Bursa Efek Indonesia, Garuda mengungkapkan pertimbangan dan aksi korporasi "
        "perusahaan sepenuhnya adalah pemegang saham."
    )
    orgs = (ref(text, "Garuda Indonesia"), ref(text, "Bursa Efek Indonesia"))
    hit = find_quotes(text, (), orgs)[0]
    assert (hit.speaker, hit.evidence) == ("Garuda Indonesia", "named")
    # a sentence of our own: a person after "Pada rapat di kantor Kementerian Keuangan,"
    text = (
        "Pada rapat di kantor Kementerian Keuangan, Sri Wahyuni menjelaskan anggaran "
        "daerah akan dipangkas."
    )
    hit = find_quotes(text, (ref(text, "Sri Wahyuni"),), (ref(text, "Kementerian Keuangan"),))[0]
    assert hit.speaker == "Sri Wahyuni"
    # negative: an apposition before the name still widens it to the person
    text = "Vishal Mehta, Regional Division Business Head Samsung, mengatakan penjualan naik."
    hit = find_quotes(text, (ref(text, "Vishal Mehta"),), (ref(text, "Samsung"),))[0]
    assert hit.speaker == "Vishal Mehta"


def test_a_reporting_verb_glued_onto_the_name() -> None:
    # a real dev line: the scraper dropped the space before the verb
    text = (
        "Ketua Umum PSSIErick Thohirmenyatakan penetapan Jakarta sebagai pusat kegiatan "
        "regional FIFA adalah pencapaian sejarah."
    )
    hits = find_quotes(text, (ref(text, "Erick Thohir"),))
    assert [(h.kind, h.cue, h.speaker) for h in hits] == [
        ("indirect", "menyatakan", "Erick Thohir")
    ]
    # a sentence of our own
    text = "Warga Desa Sukamaju, Budi Santosomengaku belum menerima bantuan beras dari desa."
    hits = find_quotes(text, (ref(text, "Budi Santoso"),))
    assert [(h.cue, h.speaker) for h in hits] == [("mengaku", "Budi Santoso")]


def test_a_word_ending_like_a_verb_is_not_split() -> None:
    # negative: a capitalised word that is itself a verb of the lexicon, or ends in no verb
    text = "Pemberdayaan warga berjalan baik. Menyatakan sikap itu tidak mudah, katanya."
    assert all(h.cue not in ("berdayaan", "nyatakan") for h in find_quotes(text))


def test_a_territorial_role_without_its_holder_names_no_place() -> None:
    # the word after "Kapolres" is its territory: no place as a speaker
    text = "Kapolres Bogor juga mengatakan bahwa jalan menuju Puncak ditutup sementara."
    hit = find_quotes(text)[0]
    assert (hit.speaker, hit.evidence) == (None, "none")
    # negative: a one-word name after the role, which the text uses as a name elsewhere
    text = '"Kami siaga," kata Camat Rudi. Rudi mengatakan petugas sudah disiapkan.'
    hits = find_quotes(text, (ref(text, "Rudi"),))
    assert [h.speaker for h in hits] == ["Rudi", "Rudi"]
    # negative: the holder named before still takes the role alone
    text = (
        "Kapolres Bogor AKBP Rio Wahyu Anggoro meninjau jalur Puncak.\n"
        '"Kami siaga," kata Kapolres Bogor.'
    )
    hit = find_quotes(text, (ref(text, "Rio Wahyu Anggoro"),))[0]
    assert hit.speaker == "Rio Wahyu Anggoro"
