"""The HTTP service: real server processes on loopback, spoken to with httpx."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

import httpx  # noqa: E402

from beritakit.record import Article  # noqa: E402

SEED = Path("/work/shared/seed/palembang.txt")
DEV = Path("/work/shared/data/articles/dev.jsonl")
ROOT = Path(__file__).resolve().parents[1]
MAX_BODY = 300_000
MAX_BATCH = 4

# A small article page: the dateline and opening of dev-175346c1b8 inside site furniture.
PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Prabowo Bahas Pembangunan Tanggul Laut di Pulau Jawa - Kompas.com</title>
<meta property="og:site_name" content="KOMPAS.com">
<meta property="article:published_time" content="2025-06-10T21:08:21+07:00">
</head><body><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav>
<article><h1>Prabowo Bahas Pembangunan Tanggul Laut di Pulau Jawa</h1>
<p><strong>JAKARTA, KOMPAS.com</strong> - Presiden RI Prabowo Subianto memimpin rapat terbatas
bersama sejumlah menteri Kabinet Merah Putih guna membahas pembangunan tanggul laut atau
<em>Giant Sea Wall</em> di sepanjang pantai utara Pulau Jawa.</p>
<p>Rapat digelar di Istana Merdeka, Jakarta, Selasa (10/6/2025) bersama Mensesneg Prasetyo
Hadi, Mendagri Tito Karnavian, Menteri Lingkungan Hidup Hanif Faisol, serta CEO Danantara
Rosan Roeslani.</p></article>
<section class="comments"><p>Semoga cepat terealisasi.</p></section>
<footer>Copyright 2008 - 2025 PT. Kompas Cyber Media</footer></body></html>"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    base: str
    log: Path
    proc: subprocess.Popen[bytes]

    def log_lines(self) -> list[dict[str, Any]]:
        out = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                out.append(json.loads(line))
        return out


def _start(cmd: list[str], port: int, log: Path, *, ready: bool = True) -> Server:
    with log.open("wb") as err:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT, start_new_session=True
        )
    server = Server(f"http://127.0.0.1:{port}", log, proc)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited ({proc.returncode}): {log.read_text()[-2000:]}")
        try:
            response = httpx.get(server.base + "/readyz", timeout=2)
            if not ready or response.status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    _stop(server)
    raise RuntimeError(f"server not ready in 60 s: {log.read_text()[-2000:]}")


def _stop(server: Server) -> None:
    if server.proc.poll() is None:
        os.killpg(server.proc.pid, signal.SIGTERM)
        try:
            server.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``beritakit serve`` itself, with small limits."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    cmd = [
        sys.executable,
        "-m",
        "beritakit",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        "--max-body",
        str(MAX_BODY),
        "--max-batch",
        str(MAX_BATCH),
        "--timeout",
        "30",
    ]
    srv = _start(cmd, port, log)
    yield srv
    _stop(srv)


# A server whose pipeline misbehaves on marker words: it waits for a file before it
# finishes loading, sleeps on LAMBAT, has an extractor fail on RUSAK (as a bug in an
# extractor does) and raises an unexpected error on PANIK. The rest is the real service.
FAULTY = """
import os, sys, time
import uvicorn
from beritakit import pipeline as p
from beritakit.service import create_app, log_config

flag, port = sys.argv[1], int(sys.argv[2])
real_init, real_call, real_run = p.Pipeline.__init__, p.Pipeline.__call__, p.Pipeline._run

def init(self, options=None):
    while not os.path.exists(flag):
        time.sleep(0.05)
    real_init(self, options)

def call(self, text, **kw):
    if isinstance(text, str) and "LAMBAT" in text:  # as a pathological text: CPU-bound
        end = time.monotonic() + 600
        while time.monotonic() < end:
            pass
    if isinstance(text, str) and "PANIK" in text:
        raise RuntimeError("secret internal state 0xdeadbeef")
    if isinstance(text, str) and "BOROS" in text:  # 3 GB: over the 2 GB a request may use
        hog = bytearray(3 << 30)
    return real_call(self, text, **kw)

def broken(doc, ctx):
    return {}["bulan"]

def run(spec, func, doc, ctx):
    return real_run(spec, broken if "RUSAK" in ctx.clean.original else func, doc, ctx)

# patched here, so in the zygote too: it imports this file again (spawn), as __mp_main__
p.Pipeline.__init__, p.Pipeline.__call__, p.Pipeline._run = init, call, staticmethod(run)
if __name__ == "__main__":
    app = create_app(p.Options(max_chars=5000), timeout=1.5, threads=1)
    uvicorn.run(app, host="127.0.0.1", port=port, log_config=log_config(), access_log=False)
"""


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    port = _free_port()
    folder = tmp_path_factory.mktemp("faulty")
    script = folder / "faulty.py"
    script.write_text(FAULTY, encoding="utf-8")
    flag = folder / "may-load"
    srv = _start(
        [sys.executable, str(script), str(flag), str(port)],
        port,
        folder / "server.log",
        ready=False,
    )
    yield srv, flag
    _stop(srv)


def _loaded(faulty: tuple[Server, Path]) -> Server:
    srv, flag = faulty
    flag.touch()
    deadline = time.monotonic() + 30
    while httpx.get(srv.base + "/readyz").status_code != 200:
        assert time.monotonic() < deadline, "never became ready"
        time.sleep(0.1)
    return srv


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def dev() -> list[dict[str, Any]]:
    with DEV.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _post(
    server: Server, path: str, content: bytes | str, ctype: str | None, **kw: Any
) -> httpx.Response:
    headers = {"Content-Type": ctype} if ctype else {}
    return httpx.post(server.base + path, content=content, headers=headers, timeout=30, **kw)


def _error(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == error
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return body


# -- happy paths ------------------------------------------------------------------


def _check_seed(record: dict[str, Any]) -> Article:
    article = Article.model_validate(record)
    assert article.dateline is not None
    assert article.dateline.city == "Palembang"
    credits = {(c.role, c.name) for c in article.credits}
    assert {("writer", "Devi"), ("editor", "Sarono PS")} <= credits
    for credit in article.credits:
        assert article.text[credit.span.start : credit.span.end] == credit.span.text
    return article


def test_seed_as_json(server: Server, seed: str) -> None:
    response = httpx.post(
        server.base + "/v1/extract", json={"text": seed, "id": "seed"}, timeout=30
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert len(response.headers["x-request-id"]) == 32
    article = _check_seed(response.json())
    assert article.id == "seed"
    assert article.text == seed


def test_seed_as_text_plain_with_query(server: Server, seed: str) -> None:
    response = _post(
        server,
        "/v1/extract",
        seed.encode("utf-8"),
        "text/plain; charset=utf-8",
        params={"published": "2018-09-14T08:00:00+07:00", "id": "seed-2"},
    )
    assert response.status_code == 200, response.text
    article = _check_seed(response.json())
    assert (article.id, str(article.published)) == ("seed-2", "2018-09-14")


def test_query_fills_what_the_json_leaves_out(server: Server, seed: str) -> None:
    response = httpx.post(
        server.base + "/v1/extract",
        params={"id": "q", "url": "https://q.id/"},
        json={"text": seed, "id": "body"},
        timeout=30,
    )
    assert response.status_code == 200
    assert (response.json()["id"], response.json()["url"]) == ("body", "https://q.id/")


def test_batch_keeps_order_and_records_failures(
    server: Server, seed: str, dev: list[dict[str, Any]]
) -> None:
    items = [
        {"text": seed, "id": "seed"},
        {"text": "   ", "id": "blank"},
        {"text": dev[0]["text"], "id": dev[0]["id"], "published": dev[0]["published"]},
    ]
    response = httpx.post(server.base + "/v1/extract/batch", json=items, timeout=30)
    assert response.status_code == 200, response.text
    first, failure, third = response.json()
    _check_seed(first)
    assert failure == {
        "index": 1,
        "id": "blank",
        "error": "InputError",
        "message": "text is empty or only whitespace",
        "extractor": None,
    }
    assert third["id"] == dev[0]["id"]
    assert third["published"] == dev[0]["published"][:10]


def test_empty_batch(server: Server) -> None:
    response = httpx.post(server.base + "/v1/extract/batch", json=[], timeout=30)
    assert (response.status_code, response.json()) == (200, [])


def test_html_page(server: Server) -> None:
    response = _post(
        server, "/v1/extract/html", PAGE.encode("utf-8"), "text/html", params={"id": "page"}
    )
    assert response.status_code == 200, response.text
    article = Article.model_validate(response.json())
    assert article.id == "page"
    assert article.dateline is not None and article.dateline.city == "Jakarta"
    assert "\nJAKARTA, KOMPAS.com - Presiden RI Prabowo Subianto memimpin" in article.text
    assert "Semoga cepat" not in article.text and "Beranda" not in article.text
    assert str(article.published) == "2025-06-10"
    assert "published: from the page metadata (htmldate)" in article.warnings


def test_html_page_as_json(server: Server) -> None:
    response = httpx.post(
        server.base + "/v1/extract/html",
        timeout=30,
        json={"html": PAGE, "published": "2025-06-11", "url": "https://k.id/a"},
    )
    assert response.status_code == 200, response.text
    assert (response.json()["published"], response.json()["url"]) == (
        "2025-06-11",
        "https://k.id/a",
    )


def test_schema_health_ready_docs(server: Server) -> None:
    assert httpx.get(server.base + "/v1/schema").json() == Article.model_json_schema()
    assert httpx.get(server.base + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(server.base + "/readyz").json()
    assert ready["status"] == "ready" and "dateline.v1" in ready["extractors"]
    docs = httpx.get(server.base + "/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    openapi = httpx.get(server.base + "/openapi.json").json()
    ok = openapi["paths"]["/v1/extract"]["post"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Article"}
    assert set(openapi["components"]["schemas"]["Article"]["properties"]) == set(
        Article.model_fields
    )


def test_concurrent_requests_get_their_own_records(
    server: Server, dev: list[dict[str, Any]]
) -> None:
    items = [{"text": r["text"], "id": r["id"], "published": r["published"]} for r in dev[:24]]

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=server.base, timeout=60) as client:
            return await asyncio.gather(*(client.post("/v1/extract", json=i) for i in items))

    responses = asyncio.run(run())
    assert [r.status_code for r in responses] == [200] * len(items), [
        r.text[:300] for r in responses if r.status_code != 200
    ]
    for item, response in zip(items, responses, strict=True):
        assert response.json()["id"] == item["id"]
        assert response.json()["text"] == item["text"]
    assert httpx.get(server.base + "/healthz").status_code == 200


def test_access_log_is_json_with_the_request_id(server: Server, seed: str) -> None:
    response = httpx.post(
        server.base + "/v1/extract",
        json={"text": seed},
        headers={"X-Request-ID": "uji-akses-42"},
        timeout=30,
    )
    assert response.headers["x-request-id"] == "uji-akses-42"
    time.sleep(0.2)
    lines = [line for line in server.log_lines() if line.get("request_id") == "uji-akses-42"]
    assert lines, "no access log line"
    line = lines[-1]
    assert line["logger"] == "beritakit.access"
    assert (line["method"], line["path"], line["status"]) == ("POST", "/v1/extract", 200)
    assert line["duration_ms"] > 0 and line["bytes_out"] == len(response.content)


def test_an_unsafe_request_id_is_replaced(server: Server) -> None:
    response = httpx.get(server.base + "/healthz", headers={"X-Request-ID": "a b\tc" * 30})
    assert len(response.headers["x-request-id"]) == 32


# -- errors ---------------------------------------------------------------------------


def test_413_body_over_the_limit(server: Server) -> None:
    body = _error(
        _post(server, "/v1/extract", b"kata " * 70_000, "text/plain"), 413, "payload_too_large"
    )
    assert "limit is 300,000" in body["message"]


def test_413_streamed_body_over_the_limit(server: Server) -> None:
    chunks = (b"kata " * 2_000 for _ in range(40))  # no Content-Length: chunked
    _error(_post(server, "/v1/extract", chunks, "text/plain"), 413, "payload_too_large")  # type: ignore[arg-type]


def test_413_batch_over_the_limit(server: Server, seed: str) -> None:
    items = [{"text": seed}] * (MAX_BATCH + 1)
    response = httpx.post(server.base + "/v1/extract/batch", json=items, timeout=30)
    assert "limit is 4" in _error(response, 413, "payload_too_large")["message"]


@pytest.mark.parametrize(
    ("path", "ctype"),
    [
        ("/v1/extract", "application/x-www-form-urlencoded"),
        ("/v1/extract", None),
        ("/v1/extract", "text/html"),
        ("/v1/extract/batch", "text/plain"),
        ("/v1/extract/html", "text/plain"),
        ("/v1/extract", "text/plain; charset=klingon-8"),
    ],
)
def test_415_wrong_content_type(server: Server, path: str, ctype: str | None) -> None:
    body = _error(
        _post(server, path, b"JAKARTA - Rapat digelar.", ctype), 415, "unsupported_media_type"
    )
    assert "send " in body["message"] or "charset" in body["message"]


@pytest.mark.parametrize(
    ("path", "content", "field", "says"),
    [
        ("/v1/extract", b'{"text": "Rapat digelar", ', "body", "malformed JSON"),
        ("/v1/extract", b'{"teks": "Rapat digelar"}', "text", "text: Field required"),
        ("/v1/extract", b'{"text": 42}', "text", "text: Input should be a valid string"),
        ("/v1/extract", b'{"text": ""}', "text", "text: String should have at least 1"),
        (
            "/v1/extract",
            b'{"text": "Rapat", "published": ["2025-06-10"]}',
            "published",
            "published: expected a date or date-time string",
        ),
        (
            "/v1/extract",
            b'{"text": "Rapat", "published": true}',
            "published",
            "published: expected a date or date-time string",
        ),
        ("/v1/extract", b'{"text": "Rapat \\ud800 digelar"}', "text", "valid string"),
        ("/v1/extract", b'{"text": "  \\n "}', "text", "empty or only whitespace"),
        ("/v1/extract", b'{"text": "- - -"}', "text", "no letters or digits"),
        ("/v1/extract", b'["Rapat digelar"]', "body", "valid dictionary"),
        ("/v1/extract", b"[" * 100_000, "body", "nested too deeply"),
        (
            "/v1/extract/batch",
            b'[{"text": "Rapat"}, {"text": null}]',
            "[1].text",
            "[1].text: Input should be a valid string",
        ),
        ("/v1/extract/batch", b'{"text": "Rapat"}', "body", "valid list"),
        ("/v1/extract/html", b'{"html": "<p>x</p>", "extra": 1}', "extra", "extra: Extra inputs"),
    ],
)
def test_422_names_the_field(
    server: Server, path: str, content: bytes, field: str, says: str
) -> None:
    body = _error(_post(server, path, content, "application/json"), 422, "invalid_request")
    assert body["field"] == field
    assert says in body["message"]


def test_422_bad_query_parameter(server: Server) -> None:
    response = _post(
        server, "/v1/extract", b"Rapat digelar.", "text/plain", params={"published": "1" * 201}
    )
    body = _error(response, 422, "invalid_request")
    assert body["field"] == "query.published"
    assert "query.published: expected a date or date-time string" in body["message"]
    assert "got 201 characters (at most 200)" in body["message"]


def test_published_as_scrapers_write_it_and_a_batch_with_one_bad_date(server: Server) -> None:
    text = "JAKARTA, KOMPAS.com - Rapat kabinet digelar kemarin di Istana."
    response = _post(
        server, "/v1/extract", text.encode(), "text/plain", params={"published": "3/2/2025"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["published"] == "2025-02-03"
    items = [
        {"text": text, "id": "a", "published": "Tayang: Selasa, 10 Juni 2025 08:52 WITA"},
        {"text": text, "id": "b", "published": "Tidak Ditemukan"},
        {"text": text, "id": "c", "published": 1749532800000},
    ]
    response = httpx.post(server.base + "/v1/extract/batch", json=items, timeout=30)
    assert response.status_code == 200, response.text
    a, b, c = response.json()
    assert (a["published"], a["published_at"]) == ("2025-06-10", "2025-06-10T08:52:00+08:00")
    assert a["dates"][0]["start"] == "2025-06-09"
    assert (b["id"], b["published"], b["published_at"]) == ("b", None, None)
    assert "published: cannot read 'Tidak Ditemukan' as a date; it is ignored" in b["warnings"]
    assert (c["published"], c["published_at"]) == ("2025-06-10", "2025-06-10T12:20:00+07:00")


@pytest.mark.parametrize(
    ("path", "ctype", "field"),
    [("/v1/extract", "text/plain", "text"), ("/v1/extract/html", "text/html", "html")],
)
@pytest.mark.parametrize(
    "content",
    [b"", b" \n\t", b"\x1e", "\u3000".encode()],
    ids=["empty", "ascii-space", "record-separator", "ideographic-space"],
)
def test_422_blank_text_body(
    server: Server, path: str, ctype: str, field: str, content: bytes
) -> None:
    body = _error(_post(server, path, content, ctype), 422, "invalid_request")
    assert body["field"] == field


def test_422_html_without_article(server: Server) -> None:
    body = _error(
        _post(
            server,
            "/v1/extract/html",
            b"<html><head><script>x()</script></head><body></body></html>",
            "text/html",
        ),
        422,
        "invalid_request",
    )
    assert body["field"] == "html"


@pytest.mark.parametrize(
    ("path", "content", "ctype"),
    [
        ("/v1/extract", b'{"text": "Rapat \xff digelar"}', "application/json"),
        ("/v1/extract", "Kafe di Cianjur: café".encode("latin-1"), "text/plain; charset=utf-8"),
        ("/v1/extract", b"Rapat \xc3\x28 digelar", "text/plain"),
        (
            "/v1/extract/html",
            b"<html><body><p>Rapat \xff\xfe digelar</p></body></html>",
            "text/html",
        ),
    ],
)
def test_400_undecodable_bytes(server: Server, path: str, content: bytes, ctype: str) -> None:
    _error(_post(server, path, content, ctype), 400, "bad_request")


def test_a_declared_charset_is_honoured(server: Server) -> None:
    text = "PALEMBANG - Rapat digelar di Palembang, Kamis (13/9)."
    response = _post(server, "/v1/extract", text.encode("utf-16"), "text/plain; charset=utf-16")
    assert response.status_code == 200
    assert response.json()["text"] == text


def test_404_and_405_are_json(server: Server) -> None:
    _error(httpx.get(server.base + "/v1/extract"), 405, "method_not_allowed")
    _error(httpx.get(server.base + "/v2/nothing"), 404, "not_found")


# -- the faulty server: readiness, 500s, timeouts -----------------------------------


def test_not_ready_until_the_pipeline_loads(faulty: tuple[Server, Path]) -> None:
    srv, flag = faulty
    assert httpx.get(srv.base + "/healthz").status_code == 200
    ready = httpx.get(srv.base + "/readyz")
    assert (ready.status_code, ready.json()["status"]) == (503, "loading")
    started = time.monotonic()
    body = _error(_post(srv, "/v1/extract", b"Rapat digelar.", "text/plain"), 503, "not_ready")
    assert 1.0 < time.monotonic() - started < 10
    assert "loading" in body["message"]
    _loaded(faulty)


def test_413_text_over_max_chars(faulty: tuple[Server, Path]) -> None:
    srv = _loaded(faulty)
    body = _error(
        _post(srv, "/v1/extract", "kata " * 1_200, "text/plain"), 413, "payload_too_large"
    )
    assert body["field"] == "text" and "limit is 5,000" in body["message"]


@pytest.mark.parametrize("marker", ["RUSAK", "PANIK"])
def test_500_has_a_request_id_and_no_trace(faulty: tuple[Server, Path], marker: str) -> None:
    srv = _loaded(faulty)
    response = _post(srv, "/v1/extract", f"Rapat {marker} digelar.", "text/plain")
    body = _error(response, 500, "extraction_failed")
    assert body["request_id"] in body["message"]
    assert "0xdeadbeef" not in response.text and "bulan" not in response.text
    if marker == "RUSAK":
        assert "in the extractor" in body["message"]
    time.sleep(0.2)
    logged = [
        line
        for line in srv.log_lines()
        if line.get("request_id") == body["request_id"] and line["level"] == "error"
    ]
    assert logged and "Traceback" in logged[0]["exception"]


def test_batch_extractor_failure_is_recorded_in_place(faulty: tuple[Server, Path]) -> None:
    srv = _loaded(faulty)
    items = [
        {"text": "Rapat digelar.", "id": "a"},
        {"text": "Rapat RUSAK.", "id": "b"},
        {"text": "Rapat ditunda.", "id": "c"},
    ]
    response = httpx.post(srv.base + "/v1/extract/batch", json=items, timeout=30)
    assert response.status_code == 200, response.text
    first, failure, third = response.json()
    assert (first["id"], third["id"]) == ("a", "c")
    assert (failure["index"], failure["id"], failure["error"]) == (1, "b", "ExtractionError")
    time.sleep(0.2)
    rid = response.headers["x-request-id"]
    assert any(
        line.get("request_id") == rid and line["message"] == "batch article failed"
        for line in srv.log_lines()
    )


def test_504_when_extraction_outlives_the_timeout(faulty: tuple[Server, Path]) -> None:
    srv = _loaded(faulty)
    started = time.monotonic()
    body = _error(_post(srv, "/v1/extract", b"Rapat LAMBAT digelar.", "text/plain"), 504, "timeout")
    assert time.monotonic() - started < 3.5
    assert "1.5 s" in body["message"]
    # the process that ran it is gone: killed, not left to sleep on
    time.sleep(0.2)
    killed = [
        line
        for line in srv.log_lines()
        if line.get("request_id") == body["request_id"]
        and line["message"] == "extraction process killed"
    ]
    assert killed and killed[0]["reason"] == "timeout"
    pid = killed[0]["process"]
    assert not Path(f"/proc/{pid}").exists(), Path(f"/proc/{pid}/status").read_text()[:300]
    assert _post(srv, "/v1/extract", b"Rapat digelar.", "text/plain").status_code == 200


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS on Linux")
def test_413_when_an_extraction_needs_too_much_memory(faulty: tuple[Server, Path]) -> None:
    srv = _loaded(faulty)
    response = _post(srv, "/v1/extract", b"Rapat BOROS.", "text/plain")
    body = _error(response, 413, "payload_too_large")
    assert "more memory than one request may use" in body["message"]
    assert _post(srv, "/v1/extract", b"Rapat digelar.", "text/plain").status_code == 200


def test_a_stuck_request_holds_up_no_other(faulty: tuple[Server, Path]) -> None:
    """One extraction process per worker (threads=1), and yet: a spare one serves."""
    srv = _loaded(faulty)

    async def run() -> tuple[httpx.Response, list[tuple[float, int]]]:
        async with httpx.AsyncClient(base_url=srv.base, timeout=30) as client:
            slow = asyncio.ensure_future(
                client.post("/v1/extract", content=b"Rapat LAMBAT.", headers=_TEXT)
            )
            await asyncio.sleep(0.2)
            timed = []
            for i in range(6):
                started = time.monotonic()
                ok = await client.post("/v1/extract", content=f"Rapat ke-{i}.", headers=_TEXT)
                timed.append((time.monotonic() - started, ok.status_code))
            return await slow, timed

    slow, timed = asyncio.run(run())
    assert slow.status_code == 504
    assert [status for _, status in timed] == [200] * 6
    assert max(took for took, _ in timed) < 1.4, timed  # never waited out the 1.5 s timeout


_TEXT = {"Content-Type": "text/plain"}


# -- the command line and the optional extra ------------------------------------------


def test_serve_rejects_bad_settings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "beritakit", "serve", "--workers", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "workers must be positive" in result.stderr


def test_without_fastapi_the_error_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['fastapi'] = None\n"
        "try:\n    import beritakit.service\n"
        "except Exception as e:\n    print(type(e).__name__, e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert "ConfigError" in result.stdout and "pip install 'beritakit[server]'" in result.stdout


# -- schemathesis against the served OpenAPI schema ---------------------------------

SCHEMATHESIS_CONFIG = """
[checks.positive_data_acceptance]
# a schema cannot say "has a letter once cleaned": such text is a documented 422
expected-statuses = ["2xx", "413", "422"]

[checks.negative_data_rejection]
# a batch over maxItems is a documented 413
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422",
                     "428", "429", "5xx"]
"""


def test_schemathesis_finds_no_server_error(server: Server, tmp_path: Path) -> None:
    st = Path(sys.executable).with_name("st")
    if not st.exists():
        pytest.skip("schemathesis is not installed")
    config = tmp_path / "schemathesis.toml"
    config.write_text(SCHEMATHESIS_CONFIG, encoding="utf-8")
    result = subprocess.run(
        [
            str(st),
            "--config-file",
            str(config),
            "run",
            server.base + "/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "25",
            "--seed",
            "20250610",
            "--no-color",
            "--generation-database",
            "none",
            "--request-timeout",
            "30",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
