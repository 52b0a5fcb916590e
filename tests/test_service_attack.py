"""What a hostile or careless client sends the service (issue 16): never a 500, never a
stall, and a connection that stays usable or says ``Connection: close``."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("fastapi_offline")

import httpx  # noqa: E402

from beritakit.service import create_app  # noqa: E402
from tests.test_service import Server, _free_port, _start, _stop  # noqa: E402

MAX_BODY = 300_000
HEAD_TIMEOUT = 1.5


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``beritakit serve`` with a small body limit and a short head timeout."""
    port = _free_port()
    log = tmp_path_factory.mktemp("attack") / "server.log"
    cmd = [sys.executable, "-m", "beritakit", "serve", "--port", str(port)]
    cmd += ["--workers", "1", "--max-body", str(MAX_BODY), "--timeout", "20"]
    os.environ["BERITAKIT_SERVICE_HEAD_TIMEOUT"] = str(HEAD_TIMEOUT)
    try:
        srv = _start(cmd, port, log)
    finally:
        del os.environ["BERITAKIT_SERVICE_HEAD_TIMEOUT"]
    yield srv
    _stop(srv)


def _port(server: Server) -> int:
    return int(server.base.rsplit(":", 1)[1])


def _problem(status: int, body: bytes, headers: http.client.HTTPMessage) -> dict[str, Any]:
    assert 400 <= status < 500, body[:300]
    assert headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]
    assert problem["message"] == problem["detail"] and problem["request_id"]
    return problem


# -- every client error is a 4xx problem; the connection stays usable or says close ------

_JSON = "application/json"
_CASES = [
    ("rot13", "text/plain; charset=rot13", b"JAKARTA - Rapat digelar.", 415),
    ("base64", "text/plain; charset=base64", b"SkFLQVJUQQ==", 415),
    ("zlib", "text/plain; charset=zlib", b"x\x9c\xf3\x02\x00\x00K\x00L", 415),
    ("bz2", "text/plain; charset=bz2", b"BZh91AY", 415),
    ("hex", "text/html; charset=hex", b"4a414b41525441", 415),
    ("punycode", "text/plain; charset=punycode", b"a" * 50_000 + b"-", 415),
    ("unknown-charset", "text/plain; charset=klingon", b"Rapat", 415),
    ("big-int", _JSON, b'{"text": "Rapat", "id": ' + b"9" * 5_000 + b"}", 422),
    ("big-int-in-array", _JSON, b"[" + b"1" * 4_301 + b"]", 422),
    ("bad-json", _JSON, b'{"text": "Rapat digelar", ', 422),
    ("nested-json", _JSON, b"[" * 100_000, 422),
    ("nan", _JSON, b'{"text": NaN}', 422),
    ("not-utf8-json", _JSON, b'{"text": "Rapat \xff"}', 400),
    ("not-utf8-text", "text/plain", b"Rapat \xc3\x28 digelar", 400),
    ("over-the-limit", "text/plain", b"kata " * 70_000, 413),
    ("no-content-type", "", b"Rapat digelar.", 415),
    ("form", "application/x-www-form-urlencoded", b"text=Rapat", 415),
]


@pytest.mark.parametrize(("name", "ctype", "body", "status"), _CASES, ids=[c[0] for c in _CASES])
def test_client_errors_are_4xx_problems(
    server: Server, name: str, ctype: str, body: bytes, status: int
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=30)
    headers = {"Content-Type": ctype} if ctype else {}
    for path in ("/v1/extract", "/v1/extract/html", "/v1/extract/batch"):
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        assert response.status < 500, (path, data[:300])
        if path == "/v1/extract":
            assert response.status == status, data[:300]
            problem = _problem(response.status, data, response.headers)
            assert response.headers["x-request-id"] == problem["request_id"]
        if response.will_close:  # it said so; open a new one
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=30)
        else:  # the same connection still works
            conn.request("GET", "/healthz")
            ok = conn.getresponse()
            assert (ok.status, ok.read()) == (200, b'{"status":"ok"}')
    conn.close()


def test_an_error_before_the_body_is_read_closes_the_connection(server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=30)
    conn.request("POST", "/v1/extract", body=b"x" * 400_000, headers={"Content-Type": "text/plain"})
    response = conn.getresponse()
    _problem(response.status, response.read(), response.headers)
    assert response.status == 413 and response.will_close
    assert response.headers["connection"] == "close"
    conn.close()


def _raw(server: Server, data: bytes, *, wait: float = 0.0) -> bytes:
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=30) as sock:
        try:
            sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        time.sleep(wait)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def _raw_problem(answer: bytes) -> tuple[int, dict[str, str], dict[str, Any]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    assert headers["content-type"] == "application/problem+json"
    return status, headers, json.loads(body)


def test_a_huge_header_is_refused_with_431(server: Server) -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n"
    status, headers, problem = _raw_problem(_raw(server, head))
    assert (status, problem["error"]) == (431, "header_too_large")
    assert headers["connection"] == "close"


def test_a_64_mb_header_is_cut_off_early(server: Server) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=30) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ")
        sent = 0
        chunk = b"a" * (1 << 20)
        try:
            while sent < 64 << 20:
                sock.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
    assert sent < 16 << 20, "the server kept reading a header far over its limit"
    assert time.monotonic() - started < 10
    assert httpx.get(server.base + "/healthz").status_code == 200


def test_a_slow_head_gets_408(server: Server) -> None:
    started = time.monotonic()
    answer = _raw(server, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Ty")
    took = time.monotonic() - started
    status, headers, problem = _raw_problem(answer)
    assert (status, problem["error"]) == (408, "request_timeout")
    assert headers["connection"] == "close"
    assert HEAD_TIMEOUT - 0.2 < took < HEAD_TIMEOUT + 3


def test_a_silent_connection_is_closed(server: Server) -> None:
    started = time.monotonic()
    assert _raw(server, b"") == b""
    assert time.monotonic() - started < HEAD_TIMEOUT + 3


def test_malformed_http_is_a_400_problem(server: Server) -> None:
    answer = _raw(server, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
    status, headers, problem = _raw_problem(answer)
    assert (status, problem["error"], headers["connection"]) == (400, "bad_request", "close")


# -- /docs and /redoc work with the network closed --------------------------------------

_URL = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']|url\s*:\s*['"]([^'"]+)['"]""")


def _fetch_docs(page: str) -> tuple[str, dict[str, httpx.Response]]:
    """The page and every URL it names, fetched from the app (no lifespan: no pipeline)."""

    async def run() -> tuple[str, dict[str, httpx.Response]]:
        transport = httpx.ASGITransport(app=create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            response = await client.get(page)
            assert response.status_code == 200
            urls = {a or b for a, b in _URL.findall(response.text)}
            return response.text, {url: await client.get(url) for url in urls}

    return asyncio.run(run())


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_from_the_service(page: str) -> None:
    html, fetched = _fetch_docs(page)
    assert not re.search(r"(?i)\b(?:https?:)?//[a-z0-9.-]+", html), "names another host"
    assert "/openapi.json" in fetched
    assets = {u for u in fetched if u.startswith("/docs-assets/")}
    wanted = {"/docs": {".js", ".css", ".png"}, "/redoc": {".js", ".png"}}[page]
    assert {Path(u).suffix for u in assets} == wanted
    for url, response in fetched.items():
        assert response.status_code == 200, url
        assert len(response.content) > 500, url
    script = next(u for u in assets if u.endswith(".js"))
    # the bundle is the real UI, not a stub
    marker = "SwaggerUIBundle" if page == "/docs" else "Redoc"
    assert marker in fetched[script].text


_BROWSER = next(
    (b for b in ("chromium-headless-shell", "chromium", "google-chrome") if shutil.which(b)), None
)


@pytest.mark.skipif(_BROWSER is None, reason="no headless Chromium (chromium-headless-shell)")
@pytest.mark.parametrize(
    ("page", "rendered"),
    [("/docs", 'data-path="/v1/extract/batch"'), ("/redoc", "/v1/extract/batch")],
)
def test_docs_render_in_a_browser_that_reaches_no_other_host(
    server: Server, page: str, rendered: str
) -> None:
    assert _BROWSER is not None
    result = subprocess.run(
        [
            _BROWSER,
            "--no-sandbox",
            "--disable-gpu",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # the network, closed
            "--virtual-time-budget=8000",
            "--dump-dom",
            server.base + page,
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # the DOM the scripts built: the operations are listed, so the assets loaded and ran
    assert rendered in result.stdout, result.stdout[:2000]
    assert "/v1/extract/html" in result.stdout


# -- the service's processes die with it ---------------------------------------------


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            out.setdefault(ppid, []).append(int(entry.name))
    return out


def _descendants(pid: int) -> set[int]:
    tree, out, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_of_the_server_leaves_no_process(server: Server) -> None:
    # last in this file: it kills the module's server
    assert httpx.post(server.base + "/v1/extract", json={"text": "Rapat digelar."}).status_code
    left = _descendants(server.proc.pid)
    assert len(left) >= 2, "expected a zygote and an extraction process"
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in left) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in left if _alive(p)], "processes outlived the server"


def test_an_unexpected_error_is_a_500_problem_that_closes_the_connection() -> None:
    app = create_app()

    async def boom() -> None:
        raise RuntimeError("secret internal state 0xdeadbeef")

    app.add_api_route("/boom", boom)

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.get("/boom", headers={"X-Request-ID": "uji-500"})

    response = asyncio.run(run())
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["connection"] == "close"
    assert response.headers["x-request-id"] == "uji-500"
    problem = response.json()
    assert problem["error"] == "extraction_failed" and "uji-500" in problem["detail"]
    assert "deadbeef" not in response.text
