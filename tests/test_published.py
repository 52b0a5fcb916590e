"""Publication dates as callers, scrapers and pages write them (issue 14, item 3).

``read_published`` reads ISO, epoch seconds and milliseconds, and any date or date-time
string in Indonesian or English with dateparser (day first, ``WIB``/``WITA``/``WIT``);
an unreadable value is a warning in the record, never a failed article, in ``extract``,
``pipe``, the CLI (and the service: tests/test_service.py).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

import beritakit
from beritakit.cli import main
from beritakit.inputs import WIB, read_published

NOW = dt.datetime(2025, 6, 20, 15, 30, tzinfo=WIB)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "news.jsonl.gz"
LIGHT = ("dateline.v1", "dates.v1")
TEXT = "JAKARTA, KOMPAS.com - Rapat kabinet digelar kemarin di Istana."


@pytest.mark.parametrize(
    ("value", "moment"),
    [
        # the strings
        ("Senin 11 Mei 2020 23:31 WIB", "2020-05-11T23:31:00+07:00"),
        ("Diperbarui 18 Jun 2025, 14:05 WIB", "2025-06-18T14:05:00+07:00"),
        ("Kompas.com- 29/05/2025, 12:31 WIB", "2025-05-29T12:31:00+07:00"),
        ("2025/07/03 16:13:50", "2025-07-03T16:13:50+07:00"),
        ("Tayang: Selasa, 10 Juni 2025 08:52 WITA", "2025-06-10T08:52:00+08:00"),
        (1749532800000, "2025-06-10T12:20:00+07:00"),
        ("1749532800000", "2025-06-10T12:20:00+07:00"),
        (1749532800, "2025-06-10T12:20:00+07:00"),
        ("2 jam yang lalu", "2025-06-20T13:30:00+07:00"),
        ("30 menit lalu", "2025-06-20T15:00:00+07:00"),
        # forms of news.jsonl.gz's published_raw
        ("Rabu, 18 Jun 2025 14:29 WIB", "2025-06-18T14:29:00+07:00"),
        ("09 Juni 2025 |16:12 WIB", "2025-06-09T16:12:00+07:00"),
        ("\u00a0Jurnalis-Jum'at, 20 Juni 2025 |15:44 WIB", "2025-06-20T15:44:00+07:00"),
        ("Senin, 09 Juni 2025 - 17:55 WIB", "2025-06-09T17:55:00+07:00"),
        ("Kompas.com - 10/06/2025, 21:03 WIB 21:03", "2025-06-10T21:03:00+07:00"),
        ("Senin, 9 Jun 2025 - 18:28 WIB_x0000_", "2025-06-09T18:28:00+07:00"),
        # zones, English, separators
        ("Rabu, 2 Juli 2025 14:05 WIT", "2025-07-02T14:05:00+09:00"),
        ("18 Jun 2025 14:05 GMT+8", "2025-06-18T14:05:00+08:00"),
        ("June 18, 2025 2:05 PM", "2025-06-18T14:05:00+07:00"),
        ("Sabtu, 7 Desember 2024 pukul 10.00 WIB", "2024-12-07T10:00:00+07:00"),
        ("2025-06-18T10:00:00+07:00", "2025-06-18T10:00:00+07:00"),
        ("2025-06-18 03:00:00Z", "2025-06-18T03:00:00+00:00"),
        ("2025-06-18 10:00", "2025-06-18T10:00:00+07:00"),
        (dt.datetime(2025, 6, 18, 10, 0), "2025-06-18T10:00:00+07:00"),
    ],
)
def test_a_value_with_a_time_gives_the_day_and_the_moment(value: object, moment: str) -> None:
    found = read_published(value, now=NOW)
    assert found.warning is None
    assert found.at is not None and found.at.isoformat() == moment
    assert found.date == dt.date.fromisoformat(moment[:10])


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("11/05/2020", "2020-05-11"),  # day first
        ("3/2/2025", "2025-02-03"),
        ("Senin, 3 Februari 2025", "2025-02-03"),
        ("4 Pebruari 2025", "2025-02-04"),
        ("20250204", "2025-02-04"),
        ("2025-02-04", "2025-02-04"),
        ("kemarin", "2025-06-19"),
        ("3 hari yang lalu", "2025-06-17"),
        ("Feb 4, 2025", "2025-02-04"),
        (dt.date(2025, 2, 4), "2025-02-04"),
    ],
)
def test_a_value_without_a_time_gives_only_the_day(value: object, day: str) -> None:
    found = read_published(value, now=NOW)
    assert (found.date, found.at, found.warning) == (dt.date.fromisoformat(day), None, None)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Tidak Ditemukan", ""),
        ("Scroll ke bawah untuk membaca berita", ""),
        ("Mei 2020", " (it names a month, not a day)"),
        (123, " (not epoch seconds or milliseconds between 1990 and 2099)"),
        ("99999999999999", " (not epoch seconds or milliseconds between 1990 and 2099)"),
        ("2025" * 60, " (longer than 200 characters)"),
    ],
)
def test_an_unreadable_value_is_a_warning(value: object, why: str) -> None:
    found = read_published(value, now=NOW)
    assert (found.date, found.at) == (None, None)
    assert found.warning is not None
    assert found.warning.startswith("published: cannot read ")
    assert found.warning.endswith(f"as a date{why}; it is ignored")


@pytest.mark.parametrize("value", [None, "", "   \u00a0"])
def test_no_value_is_no_date_and_no_warning(value: object) -> None:
    assert read_published(value, now=NOW) == read_published(None)
    assert read_published(None).date is None and read_published(None).warning is None


@pytest.mark.parametrize("value", [[2025], {"published": "2025-06-18"}, True, b"2025-06-18"])
def test_a_type_that_cannot_be_a_date_is_an_input_error(value: object) -> None:
    with pytest.raises(beritakit.InputError, match="published must be a date"):
        read_published(value)


def test_relative_values_count_back_from_options_now() -> None:
    pipeline = beritakit.load(beritakit.Options(extractors=LIGHT, now=NOW))
    article = pipeline(TEXT, published="2 jam yang lalu")
    assert article.published == dt.date(2025, 6, 20)
    assert article.published_at == dt.datetime(2025, 6, 20, 13, 30, tzinfo=WIB)
    assert [d.start for d in article.dates] == [dt.date(2025, 6, 19)]  # "kemarin"
    naive = beritakit.load(beritakit.Options(extractors=LIGHT, now=dt.datetime(2025, 6, 20, 1)))
    assert naive(TEXT, published="2 jam yang lalu").published == dt.date(2025, 6, 19)


def test_without_options_now_relative_values_count_from_the_current_time() -> None:
    before = dt.datetime.now(WIB)
    article = beritakit.load(beritakit.Options(extractors=LIGHT))(TEXT, published="1 jam lalu")
    after = dt.datetime.now(WIB)
    assert article.published_at is not None
    hour = dt.timedelta(hours=1)
    assert before - hour - dt.timedelta(minutes=1) <= article.published_at <= after - hour


def test_extract_keeps_the_moment_and_a_bad_value_is_a_warning() -> None:
    pipeline = beritakit.load(beritakit.Options(extractors=LIGHT, now=NOW))
    article = pipeline(TEXT, published="Tayang: Selasa, 10 Juni 2025 08:52 WITA")
    assert article.to_dict()["published"] == "2025-06-10"
    assert article.to_dict()["published_at"] == "2025-06-10T08:52:00+08:00"
    assert [d.start for d in article.dates] == [dt.date(2025, 6, 9)]
    bad = pipeline(TEXT, published="Tidak Ditemukan")
    assert (bad.published, bad.published_at, bad.dates) == (None, None, ())
    assert "published: cannot read 'Tidak Ditemukan' as a date; it is ignored" in bad.warnings
    with pytest.raises(beritakit.InputError, match="published must be a date"):
        pipeline(TEXT, published=["2025-06-10"])


def test_pipe_one_bad_date_never_fails_the_others() -> None:
    pipeline = beritakit.load(beritakit.Options(extractors=LIGHT, now=NOW))
    items = [
        {"text": TEXT, "id": "a", "published": "Diperbarui 18 Jun 2025, 14:05 WIB"},
        {"text": TEXT, "id": "b", "published": "Scroll ke bawah untuk membaca berita"},
        (TEXT, {"id": "c", "published": 1749532800000}),
        {"text": TEXT, "id": "d", "published": {"tanggal": "kemarin"}},
    ]
    out = list(pipeline.pipe(items, on_error="record"))
    a, b, c, d = out
    assert isinstance(a, beritakit.Article) and a.published == dt.date(2025, 6, 18)
    assert isinstance(b, beritakit.Article) and b.published is None
    assert any(w.startswith("published: cannot read") for w in b.warnings)
    assert isinstance(c, beritakit.Article) and c.published == dt.date(2025, 6, 10)
    # a dict is not a date of any kind: that item (only) fails, as any bad input does
    assert isinstance(d, beritakit.Failure) and d.error == "InputError"
    # with on_error="raise" the batch of readable types goes through whole
    assert len(list(pipeline.pipe(items[:3]))) == 3


def test_cli_a_batch_with_one_bad_date_yields_every_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "isi": TEXT, "tgl": "Tayang: Selasa, 10 Juni 2025 08:52 WITA", "link": "u"},
        {"id": "b", "isi": TEXT, "tgl": "Tidak Ditemukan"},
        {"id": "c", "isi": TEXT, "tgl": 1749532800000},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["--text-field", "isi", "--published-field", "tgl", "--url-field", "link"]
    assert (
        main(["extract", str(source), "-o", str(out), *args, "--extractors", ",".join(LIGHT)]) == 0
    )
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[0]["published_at"] == "2025-06-10T08:52:00+08:00"
    assert records[0]["url"] == "u"
    assert (records[1]["published"], records[1]["published_at"]) == (None, None)
    assert (
        "published: cannot read 'Tidak Ditemukan' as a date; it is ignored"
        in (records[1]["warnings"])
    )
    assert records[2]["published"] == "2025-06-10"


def test_cli_published_for_a_text_input(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    extractors = ["--extractors", ",".join(LIGHT)]
    published = ["--published", "Senin, 9 Juni 2025 18:27 WIB"]
    assert main(["extract", str(source), "-o", str(out), *published, *extractors]) == 0
    (record,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (record["published"], record["published_at"]) == (
        "2025-06-09",
        "2025-06-09T18:27:00+07:00",
    )
    assert record["dates"][0]["start"] == "2025-06-08"


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/data/corpus/news.jsonl.gz")
def test_the_corpus_published_raw_values_parse() -> None:
    """Every published_raw of the corpus that is a date at all reads, to the right day.

    Measured on all 7,267 values: 7,201 read (99.1%); the 66 others are not dates
    ('Tidak Ditemukan' 48, 'Scroll ke bawah untuk membaca berita' 18).
    """
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        values = [json.loads(line)["published_raw"] for line in f]
    sample = values[::7]  # about a thousand, every outlet of the file
    unread = [v for v in sample if read_published(v, now=NOW).date is None]
    assert {v.casefold() for v in unread} <= {
        "tidak ditemukan",
        "scroll ke bawah untuk membaca berita",
    }
    assert len(unread) <= 0.02 * len(sample)
    zones = {"WITA": 8, "WIT": 9}  # a time without a zone is WIB
    for value in sample:
        if value in unread:
            continue
        found = read_published(value, now=NOW)
        assert found.at is not None, value  # every one of them writes a time
        written = next((h for z, h in zones.items() if value.rstrip().endswith(z)), 7)
        assert found.at.utcoffset() == dt.timedelta(hours=written), value
