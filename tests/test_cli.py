"""Run the real ``beritakit`` command, as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "palembang.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "beritakit", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_extract_one_file_as_json() -> None:
    proc = run("extract", str(EXAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["dateline"]["city"] == "Palembang"
    assert {(c["role"], c["name"]) for c in record["credits"]} == {
        ("writer", "Devi"),
        ("editor", "Sarono PS"),
    }


def test_folder_jsonl_stdin_and_failures(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    rows = [
        {"uid": "x1", "body": "JAKARTA, KOMPAS.com - Presiden meninjau banjir di Bekasi."},
        {"uid": "x2", "body": ""},
    ]
    lines = [json.dumps(r) for r in rows] + ["{not json"]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run(
        "extract",
        str(folder),
        "--text-field",
        "body",
        "--id-field",
        "uid",
        "-o",
        str(out),
        "--summary",
    )
    assert proc.returncode == 1  # some inputs failed, the rest were written
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [str(folder / "a.txt"), "x1"]
    err = proc.stderr.decode()
    assert "x2: InputError" in err and "empty.txt: InputError" in err
    assert "batch.jsonl:3: malformed JSON" in err
    assert "2 extracted, 3 failed" in err


def test_stdin_text_and_jsonl() -> None:
    proc = run("extract", "-", stdin=EXAMPLE.read_bytes())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["credits"]
    proc = run("extract", "-", stdin=b'{"id": "s1", "text": "Jakarta (ANTARA) - Hujan turun."}\n')
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["id"] == "s1"


def test_missing_path_is_a_usage_error() -> None:
    proc = run("extract", "/no/such/file.txt")
    assert proc.returncode == 2
    assert b"no such file" in proc.stderr


@pytest.mark.parametrize("args", [(), ("extract",), ("extract", "a", "--format", "xml")])
def test_bad_arguments_exit_2(args: tuple[str, ...]) -> None:
    assert run(*args).returncode == 2


def test_schema_command_prints_the_json_schema() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["title"] == "Article"
    assert "dateline" in schema["properties"]
