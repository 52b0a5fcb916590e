"""``beritakit extract`` over archives: CSV/Parquet in and out, worker processes, --resume."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from beritakit.cli import main
from beritakit.models import ner_model_path

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "dev.jsonl"
LIGHT = ["--extractors", "dateline.v1,credits.v1,dates.v1,quotes.v1"]  # quick worker start-up


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    if not DEV.exists():
        pytest.skip("../shared/data/articles/dev.jsonl is not beside the repo")
    lines = DEV.read_text(encoding="utf-8").splitlines()[:12]
    return [{k: json.loads(x)[k] for k in ("id", "text", "published", "url")} for x in lines]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_csv_to_parquet_with_the_full_pipeline(
    tmp_path: Path, rows: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    if not (ner_model_path() / "config.cfg").is_file():
        pytest.skip("the NER model is not built (make model)")
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "text", "published", "url"])
        writer.writeheader()
        writer.writerows(rows[:5])
        writer.writerow({"id": "kosong", "text": "", "published": "", "url": ""})
    out = tmp_path / "out.parquet"
    code = main(["extract", str(source), "-o", str(out), "--rows-per-file", "2", "--summary"])
    assert code == 1  # one empty text failed, the others were written
    err = capsys.readouterr().err
    assert "kosong: InputError: text is empty" in err
    assert "5 extracted, 1 failed" in err and "articles/s" in err
    assert sorted(p.name for p in out.iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    table = pq.read_table(out).to_pandas()
    assert table["id"].tolist() == [r["id"] for r in rows[:5]]
    first = json.loads(table["record"][0])
    assert first["text"] == rows[0]["text"] and first["published"] == rows[0]["published"][:10]


def test_parquet_in_two_processes_write_what_one_writes(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    parquet_in = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows[:6]), parquet_in)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(parquet_in), "-o", str(one), *LIGHT]) == 0
    assert (
        main(["extract", str(parquet_in), "-o", str(two), "-n", "2", "--batch-size", "2", *LIGHT])
        == 0
    )
    assert ids_in(two) == [r["id"] for r in rows[:6]]
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")


def test_resume_after_a_cut_keeps_one_record_per_id(
    tmp_path: Path, rows: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    full = tmp_path / "full.jsonl"
    assert main(["extract", str(source), "-o", str(full), *LIGHT]) == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"  # a run killed while writing its sixth record
    cut.write_text("".join(lines[:5]) + lines[5][:300], encoding="utf-8")
    assert main(["extract", str(source), "-o", str(cut), "--resume", "--summary", *LIGHT]) == 0
    err = capsys.readouterr().err
    assert "removed an incomplete last line" in err
    assert "7 extracted, 0 failed, 5 already in the output" in err
    assert ids_in(cut) == [r["id"] for r in rows]
    assert cut.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")

    folder = tmp_path / "out.parquet"
    assert main(["extract", str(source), "-o", str(folder), "--rows-per-file", "5", *LIGHT]) == 0
    (folder / "part-00002.parquet").unlink()  # the last file had not been finished
    (folder / ".part-00002.parquet.inprogress").write_bytes(b"PAR1 cut short")
    assert main(["extract", str(source), "-o", str(folder), "--resume", "--summary", *LIGHT]) == 0
    assert "2 extracted, 0 failed, 10 already in the output" in capsys.readouterr().err
    assert sorted(pq.read_table(folder)["id"].to_pylist()) == sorted(r["id"] for r in rows)
    assert not list(folder.glob(".*"))


def test_an_interrupted_run_resumes_where_it_stopped(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    many = [{**r, "id": f"{r['id']}-{n}"} for n in range(4) for r in rows]  # 48 articles
    source = write_jsonl(tmp_path / "in.jsonl", many)
    out = tmp_path / "out.jsonl"
    args = ["extract", str(source), "-o", str(out), "--batch-size", "2", "--summary", *LIGHT]
    proc = subprocess.Popen(
        [sys.executable, "-m", "beritakit", *args, "-n", "2"],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > 20_000:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGINT)  # Ctrl-C: the parent stops, workers ignore it
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, stderr.decode()
    assert b"interrupted; rerun with --resume" in stderr
    written = ids_in(out)
    assert 0 < len(written) < len(many)
    assert main([*args, "--resume"]) == 0
    assert ids_in(out) == [r["id"] for r in many]


def test_resume_needs_an_output_file(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", rows[:1])
    assert main(["extract", str(source), "--resume"]) == 2
    assert main(["extract", str(source), "--format", "parquet"]) == 2


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its reaper has not looked yet


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    many = [{**r, "id": f"{r['id']}-{n}"} for n in range(40) for r in rows]  # 480 articles
    source = write_jsonl(tmp_path / "in.jsonl", many)
    out = tmp_path / "out.jsonl"
    args = ["extract", str(source), "-o", str(out), "-n", "2", "--batch-size", "2", *LIGHT]
    with subprocess.Popen(
        [sys.executable, "-m", "beritakit", *args],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as proc:
        workers: list[int] = []
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None:
                if out.exists() and out.stat().st_size > 0:
                    break
                time.sleep(0.05)
            workers = [p for p in _children(proc.pid) if _alive(p)]
            assert len(workers) >= 2  # the two workers (and multiprocessing's tracker)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            deadline = time.monotonic() + 10
            while any(_alive(p) for p in workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not [p for p in workers if _alive(p)]
        finally:
            for pid in [*_children(proc.pid), *workers]:  # leave nothing behind, even on failure
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
