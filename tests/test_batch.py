"""Many articles: worker processes, order, failures, crashes, flat memory, flat rows."""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import os
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import beritakit
from beritakit import batch
from beritakit.pipeline import Failure, Options, Pipeline
from beritakit.record import Article

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "dev.jsonl"
POISON = "MATIKAN-PROSES"
# the machinery does not depend on the extractors: the light ones keep worker start-up short
LIGHT = Options(extractors=("dateline.v1", "credits.v1", "dates.v1", "quotes.v1"))
LOAD_LIGHT = functools.partial(Pipeline, LIGHT)


@pytest.fixture(scope="module")
def dev_items() -> list[dict[str, Any]]:
    if not DEV.exists():
        pytest.skip("../shared/data/articles/dev.jsonl is not beside the repo")
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:10]]
    return [{k: r[k] for k in ("text", "id", "published", "url")} for r in rows]


class _Counting:
    """An input that counts how far it was read."""

    def __init__(self, items: Iterable[object]) -> None:
        self.items = list(items)
        self.read = 0

    def __iter__(self) -> Iterator[object]:
        for item in self.items:
            self.read += 1
            yield item


def test_two_processes_give_the_records_of_pipe_in_order(
    dev_items: list[dict[str, Any]],
) -> None:
    items: list[object] = list(dev_items)
    items[3:3] = [42, {"id": "kosong", "text": "   "}]  # two failures in the middle
    serial = list(beritakit.pipe(items, on_error="record", options=LIGHT))
    source = _Counting(items)
    results = beritakit.pipe(source, n_process=2, batch_size=2, on_error="record", options=LIGHT)
    first = next(results)
    # bounded input: at most 2 * n_process chunks of 2 were read for the first record
    assert source.read <= 4 * 2
    parallel = [first, *results]
    assert parallel == serial
    assert [type(r).__name__ for r in parallel[2:6]] == ["Article", "Failure", "Failure", "Article"]
    failure = parallel[4]
    assert isinstance(failure, Failure)
    assert (failure.index, failure.id, failure.error) == (4, "kosong", "InputError")
    assert parallel[5].id == dev_items[3]["id"]


class _Crashing(Pipeline):
    """Kills its process on an article holding ``POISON``, as a segfault would."""

    def pipe(self, items: Iterable[object], **kwargs: Any) -> Iterator[Article | Failure]:
        chunk = list(items)
        if any(POISON in str(item) for item in chunk):
            os._exit(3)
        return super().pipe(chunk, **kwargs)


def crashing_loader() -> Pipeline:
    return _Crashing(Options(extractors=("credits.v1",)))


def test_a_worker_that_dies_loses_no_other_article(dev_items: list[dict[str, Any]]) -> None:
    texts = [f"{dev_items[0]['text']}\n{POISON}"] + [d["text"] for d in dev_items[1:4]]
    results = list(
        batch.pipe(texts, n_process=2, batch_size=1, loader=crashing_loader, on_error="record")
    )
    assert [type(r).__name__ for r in results] == ["Failure", "Article", "Article", "Article"]
    failure = results[0]
    assert isinstance(failure, Failure)
    assert failure.index == 0 and failure.message.startswith(batch.WORKER_CRASHED)
    assert "worker exited with code 3" in failure.message
    assert [r.text for r in results[1:] if isinstance(r, Article)] == texts[1:]


def test_in_process_batches_match_the_serial_pipeline(dev_items: list[dict[str, Any]]) -> None:
    items: list[object] = [*dev_items[:5], None, (dev_items[5]["text"], {"id": 7})]
    expected = list(beritakit.pipe(items, on_error="record", options=LIGHT))
    got = list(batch.pipe(items, batch_size=2, on_error="record", loader=LOAD_LIGHT))
    assert got == expected
    assert isinstance(got[5], Failure) and "got NoneType" in got[5].message
    assert got[6].id == "7"
    skipped = list(batch.pipe(items, batch_size=2, on_error="skip", loader=LOAD_LIGHT))
    assert [r.id for r in skipped] == [r.id for r in expected if isinstance(r, Article)]


def test_raise_yields_the_articles_before_the_failure(dev_items: list[dict[str, Any]]) -> None:
    results = batch.pipe(
        [dev_items[0], "  ", dev_items[1]], batch_size=4, on_error="raise", loader=LOAD_LIGHT
    )
    assert next(results).id == dev_items[0]["id"]
    with pytest.raises(beritakit.InputError, match="text is empty or only whitespace"):
        next(results)


def test_a_failure_from_a_worker_is_raised_as_the_same_error() -> None:
    failure = Failure(
        index=7,
        id="a",
        error="ExtractionError",
        message="dates.v1 (document 7): ValueError: bulan 13",
        extractor="dates.v1",
    )
    exc = failure.to_exception()
    assert isinstance(exc, beritakit.ExtractionError)
    assert (exc.extractor, exc.index, str(exc)) == ("dates.v1", 7, failure.message)
    exc = Failure(index=0, error="InputError", message="text is empty").to_exception()
    assert isinstance(exc, beritakit.InputError) and str(exc) == "text is empty"


def _tokenizing() -> Pipeline:
    """A light pipeline that still runs spaCy (a blank tokenizer) over every body."""
    pipeline = Pipeline(Options(extractors=("language.v1",)))
    pipeline._needs_doc = True
    return pipeline


def test_memory_zones_keep_the_vocabulary_flat() -> None:
    # a line of dev article dev-3e452d8f42, then words spaCy has never seen
    line = "Perusahaan swasta maupun instansi pemerintah kerap menggelar outing."
    novel = [f"{line} Kata{n}unik{n * 7} muncul{n}." for n in range(40)]
    for run in (
        lambda p, items: p.pipe(items, batch_size=4),  # serial
        lambda p, items: batch.pipe(items, n_process=1, batch_size=4, loader=lambda: p),
    ):
        pipeline = _tokenizing()
        results = run(pipeline, [line] * 4 + novel)
        assert len(list(itertools.islice(results, 4))) == 4  # first batch: outside a zone
        strings = pipeline.nlp.vocab.strings
        before = len(strings)
        assert [a.language for a in results] == ["id"] * 40
        assert len(strings) == before
    plain = _tokenizing()  # one article at a time: no zone, the vocab grows
    plain(line)
    grown = len(plain.nlp.vocab.strings)
    for text in novel:
        plain(text)
    assert len(plain.nlp.vocab.strings) > grown + 40


def test_memory_zones_leave_the_ner_records_unchanged(dev_items: list[dict[str, Any]]) -> None:
    pipeline = Pipeline()
    try:
        pipeline.nlp  # noqa: B018
    except beritakit.ModelNotFoundError:
        pytest.skip("the NER model is not built (make model)")
    items = dev_items[:6]
    plain = list(pipeline.pipe(items))  # no memory zone
    strings = len(pipeline.nlp.vocab.strings)
    zoned = list(batch.pipe(items, batch_size=2, loader=lambda: pipeline))
    assert zoned == plain
    assert any(isinstance(a, Article) and (a.people or a.organizations) for a in zoned)
    assert len(pipeline.nlp.vocab.strings) == strings


def test_bad_n_process_is_a_config_error() -> None:
    with pytest.raises(beritakit.ConfigError, match="n_process"):
        list(beritakit.pipe(["Jakarta (ANTARA) - Hujan turun."], n_process=0))
    assert batch.resolve_n_process(-1) >= 1


# -- workers that die ----------------------------------------------------------------


class _Killing:
    """An input that SIGKILLs one live worker when the pool reads item ``at`` (for each)."""

    def __init__(self, items: list[object], at: set[int]) -> None:
        self.items = items
        self.at = at
        self.kills = 0

    def __iter__(self) -> Iterator[object]:
        for n, item in enumerate(self.items):
            workers = multiprocessing.active_children()
            if n in self.at and workers:
                os.kill(workers[0].pid or 0, signal.SIGKILL)
                self.kills += 1
            yield item


def test_stray_kills_of_workers_lose_and_blame_nothing(dev_items: list[dict[str, Any]]) -> None:
    items: list[object] = [{**d, "id": f"{d['id']}-{n}"} for n in range(4) for d in dev_items]
    serial = list(beritakit.pipe(items, on_error="record", options=LIGHT))
    source = _Killing(items, at={8, 20, 32})
    results = list(
        batch.pipe(source, n_process=2, batch_size=2, on_error="record", loader=LOAD_LIGHT)
    )
    assert source.kills == 3
    assert not [r for r in results if isinstance(r, Failure)]
    assert results == serial


def _flaky_loader(folder: str, deaths: int) -> Pipeline:
    """Kill this worker while it loads, the first ``deaths`` times (counted in files)."""
    for n in range(deaths):
        try:
            os.close(os.open(os.path.join(folder, f"death-{n}"), os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            continue
        os.kill(os.getpid(), signal.SIGKILL)
    return Pipeline(LIGHT)


def test_workers_killed_while_the_pool_starts_are_replaced(
    tmp_path: Path, dev_items: list[dict[str, Any]]
) -> None:
    loader = functools.partial(_flaky_loader, str(tmp_path), 2)
    results = list(batch.pipe(dev_items[:4], n_process=2, loader=loader, on_error="record"))
    assert [r.id for r in results] == [d["id"] for d in dev_items[:4]]
    assert len(list(tmp_path.glob("death-*"))) == 2


def test_workers_that_always_die_stop_the_run_with_the_cause(tmp_path: Path) -> None:
    loader = functools.partial(_flaky_loader, str(tmp_path), 1000)
    with pytest.raises(batch.PoolError, match=r"could not start .*killed by signal 9 \(SIGKILL\)"):
        list(batch.pipe(["Jakarta (ANTARA) - Hujan."], n_process=2, loader=loader))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("kernel", [True, False], ids=["pdeathsig", "watchdog-only"])
def test_a_worker_knows_when_its_parent_dies(tmp_path: Path, kernel: bool) -> None:
    """The child of a killed parent exits (PR_SET_PDEATHSIG on Linux, else the watchdog)."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import multiprocessing, os, sys, time\n"
        "from beritakit import batch\n"
        "def child(parent):\n"
        f"    if not {kernel}: batch._set_pdeathsig = lambda signum: False\n"
        "    batch.die_with_parent(parent)\n"
        "    time.sleep(120)\n"
        "if __name__ == '__main__':\n"
        "    p = multiprocessing.get_context('spawn').Process(target=child, args=(os.getpid(),))\n"
        "    p.start()\n"
        "    print(p.pid, flush=True)\n"
        "    time.sleep(120)\n",
        encoding="utf-8",
    )
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE) as parent:
        try:
            child = int(parent.stdout.readline()) if parent.stdout else 0
            time.sleep(1.0)  # the child has set itself up
            assert _alive(child)
            parent.kill()
            parent.wait(timeout=10)
            deadline = time.monotonic() + 10
            while _alive(child) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not _alive(child)
        finally:
            if parent.poll() is None:
                parent.kill()


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its reaper has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_worker_killed_while_sending_its_result_does_not_hang_the_run(
    dev_items: list[dict[str, Any]],
) -> None:
    """concurrent.futures waits forever for a result cut off by its sender's death.

    The cut is made for real: a frame header announcing 1,000 bytes and 10 of them go
    into the result pipe, then a worker is killed. The pool must notice, replace
    itself, and run the chunk again.
    """
    pool = batch._Pool(LOAD_LIGHT, batch._identity, 2)
    pool.start()
    try:
        assert pool.executor is not None
        writer = pool.executor._result_queue._writer  # type: ignore[attr-defined]
        os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        time.sleep(0.2)  # the manager thread reads the header and waits for the rest
        os.kill(pool.processes[0].pid, signal.SIGKILL)
        job = batch._Job([batch._Sent(0, dev_items[0]["text"], {"id": "a"})])
        pool.submit(job)
        assert job.future is not None
        started = time.monotonic()
        with pytest.raises(BrokenProcessPool):
            pool.wait(job.future)
        assert time.monotonic() - started < 10
        assert pool.restart() == "worker killed by signal 9 (SIGKILL)"
        pool.submit(job)
        assert job.future is not None
        (article,) = pool.wait(job.future)
        assert article.id == "a" and article.text == dev_items[0]["text"]
    finally:
        pool.close()


class _Unreadable(dict[str, object]):
    """A mapping whose ``get`` raises, as a broken lazy record of a caller's may."""

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        raise KeyError(f"lazy field {key!r} failed to load")


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_unreadable_item_is_its_own_failure(n_process: int) -> None:
    items: list[object] = [
        "Jakarta (ANTARA) - Hujan turun sejak pagi.",
        _Unreadable(),
        {"text": "PALEMBANG - Banjir surut kemarin.", "id": "b"},
    ]
    out = list(beritakit.pipe(items, n_process=n_process, on_error="record", options=LIGHT))
    assert [type(r).__name__ for r in out] == ["Article", "Failure", "Article"]
    failure = out[1]
    assert isinstance(failure, Failure) and failure.index == 1
    assert failure.error == "InputError" and "lazy field" in failure.message
    assert isinstance(out[2], Article) and out[2].id == "b"
