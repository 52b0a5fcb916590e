from __future__ import annotations

import pytest

from beritakit.extractors.language import detect
from beritakit.extractors.language.detect import _surely_malay_or_indonesian


def test_seed_article_is_indonesian(seed_text: str) -> None:
    code, score = detect(seed_text)
    assert code == "id"
    assert score > 0.9


def test_malay_is_told_from_indonesian() -> None:
    text = (
        "Kerajaan Malaysia telah mengumumkan bahawa sekolah-sekolah akan dibuka semula pada "
        "bulan hadapan, kata Menteri Pendidikan kepada pemberita di Putrajaya semalam. "
        "Keputusan itu dibuat selepas mesyuarat Jemaah Menteri."
    )
    assert detect(text)[0] == "ms"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The government announced on Tuesday that schools will reopen next month.", "en"),
        ("Die Regierung kündigte am Dienstag an, dass die Schulen nächsten Monat öffnen.", "de"),
    ],
)
def test_other_languages(text: str, code: str) -> None:
    assert detect(text)[0] == code


def test_detection_is_deterministic(seed_text: str) -> None:
    assert len({detect(seed_text[:300]) for _ in range(5)}) == 1


def test_no_letters_is_undetermined() -> None:
    assert detect("123 456 !!!") == ("und", 0.0)


def test_every_dev_article_is_indonesian(dev_gold: list[dict[str, object]]) -> None:
    wrong = [g["id"] for g in dev_gold if detect(str(g["text"]))[0] != g["language"]]
    assert wrong == []


@pytest.mark.parametrize(
    "text",
    [
        # Javanese, Sundanese, Tagalog: share words with Indonesian, are not Indonesian.
        (
            "Aku arep lunga menyang pasar karo ibu sesuk esuk. Bapak lagi nyambut gawe ing sawah, "
            "adhiku sekolah ing kutha. Yen udan, aku ora sida lunga amarga dalane lunyu banget."
        ),
        (
            "Abdi bade angkat ka pasar sareng indung enjing-enjing. Bapa nuju damel di sawah, adi "
            "abdi sakola di kota. Upami hujan, abdi moal jadi angkat sabab jalanna leueur pisan."
        ),
        (
            "Ang pamahalaan ay nagpahayag noong Martes na muling magbubukas ang mga paaralan sa "
            "susunod na buwan, ayon sa kalihim ng edukasyon ng bansa at ng mga lokal na opisyal."
        ),
    ],
)
def test_regional_languages_do_not_take_the_short_path(text: str) -> None:
    assert not _surely_malay_or_indonesian(text)


def test_most_dev_articles_take_the_short_path(dev_gold: list[dict[str, object]]) -> None:
    short = [g for g in dev_gold if _surely_malay_or_indonesian(str(g["text"])[:1000])]
    assert len(short) >= 0.85 * len(dev_gold)
