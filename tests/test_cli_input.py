"""``beritakit extract`` on awkward input: BOM, invalid UTF-8, bad lines, duplicate ids,
a garbage tail on a resumed output, a wrong --text-field, other field names."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from beritakit.cli import main

LIGHT = ["--extractors", "dateline.v1,credits.v1,dates.v1"]  # the input side is what is tested
TEXT = "JAKARTA, KOMPAS.com - Presiden meninjau banjir di Bekasi, Senin (3/2/2025)."


def line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_bom_invalid_utf8_and_every_unreadable_line_in_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"\xef\xbb\xbf"  # a BOM before line 1
        + line({"id": "a", "text": TEXT})
        + b'{"id": "b", "text": "Bekasi \xff\xfe rusak"}\n'  # invalid UTF-8
        + b"{not json\n"
        + b"[1, 2]\n"
        + b"\n"
        + line({"id": "c", "text": TEXT})
        + b'{"id": "d", "text": '
        + b"9" * 5000
        + b"}\n"  # an integer Python refuses
    )
    out, failures = tmp_path / "out.jsonl", tmp_path / "failed.jsonl"
    args = ["extract", str(source), "-o", str(out), "--failures", str(failures), "--summary"]
    assert main([*args, *LIGHT]) == 1
    assert [r["id"] for r in records(out)] == ["a", "c"]
    assert records(out)[0]["dateline"]["city"] == "Jakarta"
    failed = records(failures)
    assert [(f["index"], f["id"], f["error"]) for f in failed] == [
        (1, f"{source}:2", "InputError"),
        (2, f"{source}:3", "InputError"),
        (3, f"{source}:4", "InputError"),
        (5, f"{source}:7", "InputError"),
    ]
    assert failed[0]["message"] == "not valid UTF-8: byte 0xff at byte 29 of the line"
    assert failed[1]["message"].startswith("malformed JSON")
    assert failed[2]["message"] == "expected a JSON object, got list"
    err = capsys.readouterr().err
    assert f"{source}:2: not valid UTF-8" in err
    assert "2 extracted, 4 failed" in err and "failures: unreadable 4" in err


def test_failures_from_the_pipeline_carry_the_input_position(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"{oops\n" + line({"id": "a", "text": TEXT}) + line({"id": "kosong", "text": " "})
    )
    failures = tmp_path / "failed.jsonl"
    code = main(["extract", str(source), "-o", str(tmp_path / "o.jsonl"), *LIGHT,
                 "--failures", str(failures)])  # fmt: skip
    assert code == 1
    assert [(f["index"], f["id"]) for f in records(failures)] == [
        (0, f"{source}:1"),
        (2, "kosong"),
    ]


def test_duplicate_ids_are_warned_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(line({"id": i, "text": TEXT}) for i in ["a", "b", "a", "a"]))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "-o", str(out), "--summary", *LIGHT]) == 0
    assert [r["id"] for r in records(out)] == ["a", "b", "a", "a"]
    err = capsys.readouterr().err
    assert err.count("a: duplicate id") == 2
    assert "4 extracted, 0 failed, 2 duplicate ids" in err


@pytest.mark.parametrize(
    "tail",
    [
        b'{"schema_version": 1, "id": "c", "text": "JAKAR',  # cut short, no newline
        b'{"schema_version": 1, "id": "c", "text": "JAKAR\n',  # cut, then a newline
        b"\x00" * 300,  # a block of zeros after a crash
        b"\x00\x00\n\x00\x00",
    ],
)
def test_resume_drops_a_garbage_tail(
    tmp_path: Path, tail: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(line({"id": i, "text": TEXT}) for i in "abcd"))
    full = tmp_path / "full.jsonl"
    assert main(["extract", str(source), "-o", str(full), *LIGHT]) == 0
    kept = b"".join(full.read_bytes().splitlines(keepends=True)[:2])
    out = tmp_path / "out.jsonl"
    out.write_bytes(kept + tail)
    assert main(["extract", str(source), "-o", str(out), "--resume", "--summary", *LIGHT]) == 0
    err = capsys.readouterr().err
    assert "removed an incomplete last line" in err
    assert "2 extracted, 0 failed, 2 already in the output" in err
    assert out.read_bytes() == full.read_bytes()


def test_a_wrong_text_field_stops_at_once_listing_the_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(line({"id": i, "body": TEXT, "url": None}) for i in range(50)))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "-o", str(out), "-n", "2", *LIGHT]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        (
            f"beritakit: {source}:1: no 'text' field; fields present: 'id', 'body', 'url' "
            "(name the text field with --text-field)"
        )
    ]
    table = tmp_path / "in.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["uid", "isi"], ["1", TEXT]])
    assert main(["extract", str(table), "--text-field", "body", *LIGHT]) == 2
    assert "fields present: 'uid', 'isi'" in capsys.readouterr().err


def test_published_and_url_fields_and_a_csv_row_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        line({"id": "a", "isi": TEXT, "tanggal": "2025-02-04", "tautan": "https://x.id/a"})
    )
    out = tmp_path / "out.jsonl"
    args = ["--text-field", "isi", "--published-field", "tanggal", "--url-field", "tautan"]
    assert main(["extract", str(source), "-o", str(out), *args, *LIGHT]) == 0
    (record,) = records(out)
    assert (record["published"], record["url"]) == ("2025-02-04", "https://x.id/a")
    assert record["dates"][0]["start"] == "2025-02-03"
    table = tmp_path / "in.csv"
    table.write_bytes(b"id,text\r\nok," + TEXT.encode() + b"\r\nbad,Bekasi \xff banjir\r\n")
    assert main(["extract", str(table), "-o", str(out), *LIGHT]) == 1
    assert [r["id"] for r in records(out)] == ["ok"]
    assert f"{table}:2: not valid UTF-8" in capsys.readouterr().err


def test_the_rate_counts_only_extracted_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(line({"id": "a", "text": TEXT}) + b"{bad\n" * 3000)
    assert main(["extract", str(source), "-o", str(tmp_path / "o.jsonl"), "--summary"]) == 1
    err = capsys.readouterr().err
    m = re.search(r"1 extracted, 3000 failed in ([\d.]+) s \(([\d.]+) articles/s", err)
    assert m is not None, err
    seconds, rate = float(m.group(1)), float(m.group(2))
    # the summary rounds the seconds to 0.1 and the rate to 0.1: the rate is one article
    # over the true time, which lies within 0.05 s of the printed one
    low, high = 1 / (seconds + 0.05), 1 / max(seconds - 0.05, 1e-3)
    assert low - 0.05 <= rate <= high + 0.05, (rate, seconds)
