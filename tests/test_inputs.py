from __future__ import annotations

import datetime as dt

import pytest

import beritakit
from beritakit.inputs import coerce_date, coerce_text


@pytest.mark.parametrize("value", ["", "   \n\t ", b"", b"  \n"])
def test_empty_text_is_an_input_error(value: object) -> None:
    with pytest.raises(beritakit.InputError, match="empty"):
        coerce_text(value, max_chars=100)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["teks"], {"text": "x"}])
def test_non_text_is_an_input_error(value: object) -> None:
    with pytest.raises(beritakit.InputError, match="expected the article as str or bytes"):
        coerce_text(value, max_chars=100)


def test_input_error_is_a_value_error() -> None:
    assert issubclass(beritakit.InputError, ValueError)
    assert issubclass(beritakit.ConfigError, ValueError)
    assert issubclass(beritakit.ModelNotFoundError, beritakit.ResourceError)


def test_utf8_bytes_are_decoded() -> None:
    assert coerce_text("Dirjen Otda “hadir”".encode(), max_chars=100) == "Dirjen Otda “hadir”"


def test_bom_bytes_are_decoded() -> None:
    assert coerce_text("Kota Palembang".encode("utf-16"), max_chars=100) == "Kota Palembang"


def test_declared_charset_is_honoured() -> None:
    data = '<meta charset="windows-1252"><p>Caf\u00e9 “Jakarta”</p>'.encode("cp1252")
    assert "Caf\u00e9 “Jakarta”" in coerce_text(data, max_chars=1000)


def test_undeclared_latin1_bytes_are_an_input_error() -> None:
    with pytest.raises(beritakit.InputError, match="not valid UTF-8"):
        coerce_text("Caf\u00e9 di Jakarta".encode("latin-1"), max_chars=100)


def test_too_long_text_is_an_input_error() -> None:
    with pytest.raises(beritakit.InputError, match="limit"):
        coerce_text("a" * 101, max_chars=100)


def test_default_limit_applies_to_extract() -> None:
    with pytest.raises(beritakit.InputError, match="the limit is 1,000,000"):
        beritakit.extract("kata " * 200_001)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-09-14", dt.date(2018, 9, 14)),
        ("2025-06-18T10:00:00+07:00", dt.date(2025, 6, 18)),
        (dt.datetime(2025, 6, 18, 23, 59), dt.date(2025, 6, 18)),
        (dt.date(2018, 9, 14), dt.date(2018, 9, 14)),
        (None, None),
    ],
)
def test_published_is_coerced(value: object, expected: dt.date | None) -> None:
    assert coerce_date(value) == expected


@pytest.mark.parametrize("value", ["bukan tanggal", "Mei 2020", 20180914, "99999999"])
def test_coerce_date_is_strict_about_what_it_cannot_read(value: object) -> None:
    with pytest.raises(beritakit.InputError, match="published: cannot read"):
        coerce_date(value)


@pytest.mark.parametrize("value", [["2025-06-18"], {"date": "2025-06-18"}, True, b"2025-06-18"])
def test_published_of_a_type_that_cannot_be_a_date_is_an_input_error(value: object) -> None:
    with pytest.raises(beritakit.InputError, match="published must be a date"):
        coerce_date(value)
