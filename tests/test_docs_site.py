from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import beritakit

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"


def nav_pages(nav: list[Any]) -> list[str]:
    pages: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    data: dict[str, Any] = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings_handlers.python")
    out = tmp_path_factory.mktemp("site")
    # Any attempt to reach the network goes to a closed port and fails the build.
    offline = {
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "NO_PROXY": "",
        "no_proxy": "",
        "NO_MKDOCS_2_WARNING": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env={**os.environ, **offline},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-3000:]
    return out


def test_every_nav_page_exists_and_every_page_is_in_the_nav(config: dict[str, Any]) -> None:
    pages = nav_pages(config["nav"])
    assert len(pages) == len(set(pages))
    for page in pages:
        assert (DOCS / page).is_file(), page
    for required in (
        "install.md",
        "quickstart.md",
        "record.md",
        "schema.md",
        "cli.md",
        "scaling.md",
        "service.md",
        "accuracy.md",
        "benchmarks.md",
        "extractors.md",
        "reference.md",
    ):
        assert required in pages, required
    on_disk = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert on_disk - set(pages) == set(), "pages missing from the nav in mkdocs.yml"


def test_theme_and_plugins_need_no_network(config: dict[str, Any]) -> None:
    assert config["theme"]["name"] == "material"
    assert config["theme"]["font"] is False  # Google Fonts would be fetched by readers
    plugin_names = {next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]}
    assert not plugin_names & {"privacy", "social", "optimize"}


def test_site_builds_strict_offline(site: Path) -> None:
    assert (site / "index.html").is_file()
    # the JSON Schema is served as a file and shown in a page
    served = json.loads((site / "schema.json").read_text(encoding="utf-8"))
    assert served == json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    schema_page = (site / "schema" / "index.html").read_text(encoding="utf-8")
    assert "EventDate" in schema_page and "--8&lt;--" not in schema_page
    # the highlighted seed article
    assert (site / "img" / "palembang.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    quickstart = (site / "quickstart" / "index.html").read_text(encoding="utf-8")
    assert 'src="../img/palembang.png"' in quickstart
    for page in site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


def test_api_reference_is_generated_from_the_docstrings(site: Path) -> None:
    page = (site / "reference" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(beritakit[\w.]*)"', page))
    for name in (
        "beritakit.extract",
        "beritakit.pipe",
        "beritakit.load",
        "beritakit.to_frame",
        "beritakit.read_jsonl",
        "beritakit.record.Article",
        "beritakit.record.EventDate",
        "beritakit.errors.InputError",
    ):
        assert name in anchors, name
    # text that only the docstrings hold
    assert "Extract the record of one Indonesian news article" in page
    assert "Return one table of the records as a tidy pandas DataFrame" in page


def test_quickstart_shows_what_extract_returns(seed_text: str) -> None:
    """The values written in docs/quickstart.md are what the seed article gives."""
    doc = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    art = beritakit.extract(seed_text, published="2018-09-14")
    assert art.dateline is not None
    shown = (art.dateline.city, art.dateline.outlet)
    assert f"# {shown!r}" in doc
    credits = [(c.role, c.name) for c in art.credits]
    assert f"# {credits!r}" in doc
    assert [(d.text, d.start, d.end) for d in art.dates] == [
        ("12-15 September", dt.date(2018, 9, 12), dt.date(2018, 9, 15)),
        ("Kamis (13/9)", dt.date(2018, 9, 13), dt.date(2018, 9, 13)),
    ]
    quotes = [(q.speaker, q.kind, q.cue) for q in art.quotes][:2]
    assert f"# {quotes!r}" in doc
    # "without it beritakit infers the year from the weekday and says so in art.warnings"
    bare = beritakit.extract(seed_text)
    assert any("13/9" in w for w in bare.warnings)
