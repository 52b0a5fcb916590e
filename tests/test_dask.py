"""beritakit.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import beritakit
from beritakit import batch, tables
from beritakit.pipeline import Options
from beritakit.record import Article

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from beritakit.dask import extract_bag, extract_frame  # noqa: E402

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "dev.jsonl"
# the engine does not depend on the extractors: the light ones keep worker start-up short
LIGHT = Options(extractors=("dateline.v1", "credits.v1", "dates.v1", "quotes.v1"))


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    if not DEV.exists():
        pytest.skip("../shared/data/articles/dev.jsonl is not beside the repo")
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:9]]
    chosen = [{k: r[k] for k in ("text", "id", "published", "url")} for r in rows]
    chosen.insert(4, {"text": "  ", "id": "kosong", "published": None, "url": None})
    return chosen


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_bag_and_frame_give_the_records_of_pipe(client: Any, items: list[dict[str, Any]]) -> None:
    expected = list(beritakit.pipe(items, on_error="record", options=LIGHT))
    out = extract_bag(db.from_sequence(items, npartitions=3), options=LIGHT)
    articles, dates, credits = out.compute("articles", "dates", "credits")
    assert articles["article_id"].tolist() == [i["id"] for i in items]
    for want, row in zip(expected, articles.itertuples(), strict=True):
        if isinstance(want, Article):
            assert Article.model_validate_json(row.record) == want
            assert pd.isna(row.error)
        else:
            assert (row.error, row.message) == (want.error, want.message)
            assert pd.isna(row.record)
    # tidy tables: one row per date and per credit, linked by the article id
    assert len(dates) == sum(len(a.dates) for a in expected if isinstance(a, Article))
    first = next(a for a in expected if isinstance(a, Article) and a.dates)
    mine = dates[dates["article_id"] == first.id]
    assert mine["text"].tolist() == [d.text for d in first.dates]
    assert len(credits) == sum(len(a.credits) for a in expected if isinstance(a, Article))
    # every worker that ran a partition built exactly one pipeline
    built = client.run(lambda: len(batch._SHARED))
    assert set(built.values()) <= {0, 1} and sum(built.values()) >= 1

    frame = dd.from_pandas(pd.DataFrame(items), npartitions=2)
    (again,) = extract_frame(frame, text="text", options=LIGHT).compute("articles")
    assert again["record"].tolist() == articles["record"].tolist()
    assert again.dtypes.astype(str).to_dict() == tables.dtypes("articles")


def test_a_missing_text_column_is_a_config_error(items: list[dict[str, Any]]) -> None:
    frame = dd.from_pandas(pd.DataFrame(items), npartitions=1)
    with pytest.raises(beritakit.ConfigError, match="no column 'body'"):
        extract_frame(frame, text="body")
