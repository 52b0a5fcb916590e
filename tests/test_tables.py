"""One table schema: to_frame, the CLI's Parquet output and Dask write the same tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import beritakit
from beritakit import batch, tables
from beritakit.cli import main
from beritakit.pipeline import Failure, Options, Pipeline
from beritakit.record import Article

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def arrow(frame: Any) -> Any:
    return pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)


def test_the_three_writers_give_the_same_tables(tmp_path: Path) -> None:
    dask_bag = pytest.importorskip("dask.bag")
    from beritakit.dask import extract_bag

    paths = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    items = [{"text": Path(p).read_bytes(), "id": p} for p in paths]
    records = [r for r in beritakit.pipe(items) if isinstance(r, Article)]
    assert len(records) == len(paths) == 4
    out = tmp_path / "out"
    assert main(["extract", *paths, "-o", str(out), "--format", "parquet", "--tables"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(tables.TABLES)
    from_dask = extract_bag(dask_bag.from_sequence(items, npartitions=2)).compute(
        scheduler="synchronous"
    )
    for name, computed in zip(tables.TABLES, from_dask, strict=True):
        notebook = arrow(beritakit.to_frame(records, name, record=True))  # type: ignore[arg-type]
        parquet = pq.read_table(out / name).replace_schema_metadata(None)
        dask = arrow(computed)
        assert notebook.schema.equals(tables.arrow_schema(name, pa)), name
        assert parquet.schema.equals(notebook.schema), name
        assert dask.schema.equals(notebook.schema), name
        assert parquet.equals(notebook) and dask.equals(notebook), name
        assert computed.dtypes.astype(str).to_dict() == tables.dtypes(name), name
        wanted = sum(len(r) for r in (tables.rows(a, a.id)[name] for a in records))
        assert notebook.num_rows == wanted, name
    people = pq.read_table(out / "people").to_pandas()
    assert people["article_id"].isin(paths).all() and len(people) > 0
    for row in pq.read_table(out / "mentions").to_pylist():
        text = Path(row["article_id"]).read_text(encoding="utf-8")
        assert text[row["char_start"] : row["char_end"]] == row["text"]


def test_articles_rows_of_a_record_and_of_a_failure(seed_text: str) -> None:
    light = Options(extractors=("dateline.v1", "credits.v1", "dates.v1", "quotes.v1"))
    art = Pipeline(light)(seed_text, id="palembang")
    row = batch.flat_record(art)
    assert list(row) == [name for name, _ in tables.COLUMNS["articles"]]
    assert row["article_id"] == row["id"] == "palembang"
    assert row["dateline_city"] == "Palembang" and row["error"] is None
    assert row["credits"] == "writer: Devi; editor: Sarono PS"
    assert Article.model_validate_json(row["record"]) == art
    assert batch.flat_record(art, key="p1", record=False)["article_id"] == "p1"
    dates = tables.rows(art, "p1")["dates"]
    assert dates and all(seed_text[d["char_start"] : d["char_end"]] == d["text"] for d in dates)
    assert all(d["date_start"] <= d["date_end"] for d in dates)
    failed = batch.flat_record(Failure(index=2, id="x", error="InputError", message="kosong"))
    assert (failed["article_id"], failed["error"], failed["n_dates"], failed["record"]) == (
        "x",
        "InputError",
        0,
        None,
    )
    frame = tables.frame("articles", [row, failed], pd)
    assert frame.dtypes.astype(str).to_dict() == tables.dtypes("articles")
    assert tables.arrow_table("articles", [row, failed], pa).num_rows == 2
    assert json.loads(frame["record"][0])["id"] == "palembang"


def test_every_table_keys_by_article_id_and_names_offsets_alike() -> None:
    for name, columns in tables.COLUMNS.items():
        names = [c for c, _ in columns]
        assert names[0] == "article_id", name
        assert "start" not in names and "end" not in names and "article" not in names, name
        if "char_start" in names:
            assert names.index("char_end") == names.index("char_start") + 1, name
    assert ("date_start", "date") in tables.COLUMNS["dates"]


def test_parquet_tables_resume_after_a_kill(tmp_path: Path) -> None:
    light = ["--extractors", "dateline.v1,credits.v1,dates.v1,quotes.v1"]
    paths = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    full, cut = tmp_path / "full", tmp_path / "cut"
    for out in (full, cut):
        args = ["extract", *paths, "-o", str(out), "-f", "parquet", "--tables", *light]
        assert main([*args, "--rows-per-file", "3"]) == 0
    for name in tables.TABLES:  # killed while writing the second parts
        assert sorted(p.name for p in (cut / name).iterdir()) == [
            "part-00000.parquet",
            "part-00001.parquet",
        ]
        (cut / name / "part-00001.parquet").rename(cut / name / ".part-00001.parquet.inprogress")
    args = ["extract", *paths, "-o", str(cut), "-f", "parquet", "--tables", "--resume", *light]
    assert main(args) == 0
    for name in tables.TABLES:
        assert not list((cut / name).glob(".*"))
        again = pq.read_table(cut / name).to_pandas()
        whole = pq.read_table(full / name).to_pandas()
        assert again.equals(whole), name
