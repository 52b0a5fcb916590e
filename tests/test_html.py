"""beritakit.html: trafilatura finds the article in a page, the pipeline extracts its record."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

pytest.importorskip("trafilatura")

import beritakit  # noqa: E402
from beritakit.html import extract_html, read_page  # noqa: E402

# A Kompas-style article page (dev-175346c1b8's text) with navigation, breadcrumbs, an
# in-article ad script, tags, reader comments, a most-read box and a footer around it;
# a tracking script carries a misleading date.
KOMPAS_PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Kumpulkan Rosan hingga Tito, Prabowo Bahas Pembangunan Tanggul Laut di Pulau Jawa -
  Kompas.com</title>
<meta name="description" content="Presiden RI Prabowo Subianto memimpin rapat terbatas bersama
  sejumlah menteri Kabinet Merah Putih.">
<meta property="og:title" content="Kumpulkan Rosan hingga Tito, Prabowo Bahas Pembangunan
  Tanggul Laut di Pulau Jawa">
<meta property="og:site_name" content="KOMPAS.com">
<meta property="og:type" content="article">
<meta property="og:url"
  content="https://nasional.kompas.com/read/2025/06/10/21085821/kumpulkan-rosan-hingga-tito-prabowo-bahas-pembangunan-tanggul-laut-di-pulau">
<meta property="article:published_time" content="2025-06-10T21:08:21+07:00">
<meta name="content_author" content="Rahel Narda Chaterine">
<meta name="content_editor" content="Dani Prabowo">
<link rel="canonical"
  href="https://nasional.kompas.com/read/2025/06/10/21085821/kumpulkan-rosan-hingga-tito-prabowo-bahas-pembangunan-tanggul-laut-di-pulau">
<script type="application/ld+json">
{
 "@context": "https://schema.org",
 "@type": "NewsArticle",
 "datePublished": "2025-06-10T21:08:21+07:00",
 "author": [
  {
   "@type": "Person",
   "name": "Rahel Narda Chaterine"
  }
 ],
 "publisher": {
  "@type": "Organization",
  "name": "KOMPAS.com"
 }
}
</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"kg_section": "nasional",
  "kg_date": "2023-01-01"});</script>
<style>.nav{display:flex}</style>
</head>
<body>
<header class="header">
  <nav class="nav">
    <ul>
      <li><a href="https://www.kompas.com/">Beranda</a></li>
      <li><a href="https://nasional.kompas.com/">Nasional</a></li>
      <li><a href="https://megapolitan.kompas.com/">Megapolitan</a></li>
      <li><a href="https://bola.kompas.com/">Bola</a></li>
      <li><a href="https://tekno.kompas.com/">Tekno</a></li>
    </ul>
  </nav>
  <div class="breadcrumb"><a href="https://www.kompas.com/">Kompas.com</a> &gt; <a
    href="https://nasional.kompas.com/">Nasional</a></div>
</header>
<main class="container">
  <div class="read__header">
    <h1 class="read__title">Kumpulkan Rosan hingga Tito, Prabowo Bahas Pembangunan Tanggul Laut
      di Pulau Jawa</h1>
    <div class="read__time">Kompas.com - 10/06/2025, 21:08 WIB</div>
    <div class="read__credit">Penulis: <a href="/tag/rahel">Rahel Narda Chaterine</a> | Editor:
      <a href="/tag/dani">Dani Prabowo</a></div>
  </div>
  <article class="read__content">
    <div class="clearfix">
      <p><strong>JAKARTA, KOMPAS.com</strong> - Presiden RI <a
        href="https://www.kompas.com/tag/prabowo-subianto">Prabowo Subianto</a> memimpin rapat
        terbatas bersama sejumlah menteri Kabinet Merah Putih guna membahas <a
        href="https://www.kompas.com/tag/tanggul-laut">pembangunan tanggul laut</a> atau
        <em>Giant Sea Wall</em> di sepanjang pantai utara Pulau Jawa.</p>
      <p>Rapat digelar di Istana Merdeka, Jakarta, Selasa (10/6/2025) bersama Mensesneg Prasetyo
        Hadi, Mendagri Tito Karnavian, Menteri Lingkungan Hidup Hanif Faisol, serta CEO
        Danantara Rosan Roeslani.</p>
      <p>"Presiden Prabowo Subianto memimpin rapat terbatas mengenai kesiapan pembentukan
        tanggul laut (Giant Sea Wall) di sepanjang pantai utara Pulau Jawa, Selasa (10/6/2025),"
        ujar Seskab Teddy Indra Wijaya dalam keterangannya, Selasa.</p>
      <script>googletag.cmd.push(function() { googletag.display('div-gpt-ad-inarticle');
        });</script>
      <div class="ads-on-body"><div id="div-gpt-ad-inarticle">Advertisement</div></div>
      <p>Seskab Teddy mengungkapkan bahwa inisiatif ini adalah salah satu upaya pemerintah untuk
        melindungi kawasan pesisir yang rawan terkena dampak <a
        href="https://www.kompas.com/tag/perubahan-iklim">perubahan iklim</a> dan naiknya
        permukaan air laut.</p>
      <p>Pembangunan Giant Sea Wall ini juga diharapkan tidak hanya dapat melindungi kawasan
        pesisir dari ancaman abrasi, tetapi juga berfungsi untuk meningkatkan ketahanan
        lingkungan serta menyediakan sumber air bersih bagi daerah-daerah pesisir yang
        membutuhkan.</p>
      <p>"Pembentukan tanggul ini diharapkan dapat mencegah air rob, meredam penurunan permukaan
        pantai, dan menjadi reservoir air bersih," ucap Teddy.</p>
      <p>Melalui proyek ini, pemerintah berharap dapat memberikan perlindungan yang lebih baik
        bagi masyarakat yang tinggal di sepanjang pantai utara Pulau Jawa dan memastikan
        ketahanan lingkungan yang berkelanjutan untuk masa depan.</p>
    </div>
    <div class="read__tagging">Tag: <a href="/tag/giant-sea-wall">Giant Sea Wall</a> <a
      href="/tag/prabowo">Prabowo</a></div>
  </article>
  <section class="comment" id="comments">
    <h3>Komentar</h3>
    <div class="comment__item"><span class="comment__user">budi_warga88</span><p>Semoga cepat
      terealisasi, rumah saya di Muara Baru sudah kebanjiran rob tiap bulan.</p></div>
    <div class="comment__item"><span class="comment__user">sarirahayu</span><p>Anggarannya dari
      mana ya? Jangan sampai mangkrak seperti proyek lain.</p></div>
  </section>
  <aside class="most__wrap">
    <h3>Terpopuler</h3>
    <ol>
      <li><a href="/read/1">Hasil Kualifikasi Piala Dunia 2026: Jepang Vs Indonesia 6-0, Garuda
        Tetap ke Ronde 4</a></li>
      <li><a href="/read/2">Pohon Setinggi 11 Meter Tumbang di Jalan Ciater Raya
        Tangsel</a></li>
    </ol>
  </aside>
</main>
<footer class="footer">
  <p>Copyright 2008 - 2025 PT. Kompas Cyber Media (Kompas Gramedia Digital Group). All Rights
    Reserved.</p>
  <a href="/about">Tentang Kami</a> <a href="/pedoman">Pedoman Media Siber</a>
</footer>
<script src="https://asset.kompas.com/js/app.js"></script>
</body>
</html>
"""

CANONICAL = (
    "https://nasional.kompas.com/read/2025/06/10/21085821/"
    "kumpulkan-rosan-hingga-tito-prabowo-bahas-pembangunan-tanggul-laut-di-pulau"
)
FIRST_LINE = (
    "JAKARTA, KOMPAS.com - Presiden RI Prabowo Subianto memimpin rapat terbatas bersama "
    "sejumlah menteri Kabinet Merah Putih"
)


def test_read_page_keeps_the_article_and_drops_the_furniture() -> None:
    page = read_page(KOMPAS_PAGE)
    assert page.text.startswith(FIRST_LINE)
    assert (
        '"Pembentukan tanggul ini diharapkan dapat mencegah air rob, meredam penurunan '
        'permukaan pantai, dan menjadi reservoir air bersih," ucap Teddy.'
    ) in page.text
    assert page.text.rstrip().endswith("yang berkelanjutan untuk masa depan.")
    for furniture in (
        "Beranda",
        "googletag",
        "Advertisement",
        "Semoga cepat terealisasi",
        "Terpopuler",
        "Copyright",
        "Pedoman Media Siber",
        "Penulis:",
    ):
        assert furniture not in page.text, furniture


def test_read_page_metadata() -> None:
    page = read_page(KOMPAS_PAGE)
    assert page.title == (
        "Kumpulkan Rosan hingga Tito, Prabowo Bahas Pembangunan Tanggul Laut di Pulau Jawa"
    )
    assert page.author == "Rahel Narda Chaterine"
    assert page.sitename == "KOMPAS.com"
    # article:published_time, not the 2023 date in the tracking script
    assert page.date == dt.date(2025, 6, 10)
    assert page.url == CANONICAL


def test_extract_html_runs_the_pipeline_on_the_extracted_text() -> None:
    article = extract_html(KOMPAS_PAGE, id="kompas-page")
    assert article.id == "kompas-page"
    assert article.text == read_page(KOMPAS_PAGE).text
    assert article.dateline is not None
    assert article.dateline.city == "Jakarta"
    span = article.dateline.span
    assert article.text[span.start : span.end] == span.text
    assert span.text.startswith("JAKARTA, KOMPAS.com")
    assert article.language == "id"
    assert article.published == dt.date(2025, 6, 10)
    assert "published: from the page metadata (htmldate)" in article.warnings
    assert article.url == CANONICAL
    assert "url: from the page metadata (canonical link)" in article.warnings


def test_the_callers_date_and_url_win() -> None:
    article = extract_html(
        KOMPAS_PAGE.encode("utf-8"), published="2025-06-11", url="https://example.org/a"
    )
    assert article.published == dt.date(2025, 6, 11)
    assert article.url == "https://example.org/a"
    assert not any(w.startswith("url:") for w in article.warnings)
    assert (
        "published: the caller's date 2025-06-11 differs from the page metadata "
        "(htmldate) 2025-06-10"
    ) in article.warnings


def test_bytes_in_a_declared_charset() -> None:
    page = KOMPAS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace('"Pembentukan tanggul', "\u201cPembentukan tanggul").replace(
        'air bersih," ucap', "air bersih,\u201d ucap"
    )
    article = extract_html(page.encode("windows-1252"))
    assert "\u201cPembentukan tanggul ini diharapkan" in article.text


def test_a_custom_pipeline_is_used() -> None:
    pipeline = beritakit.load(beritakit.Options(extractors=("dateline.v1",)))
    article = extract_html(KOMPAS_PAGE, pipeline=pipeline)
    assert article.dateline is not None and article.dateline.city == "Jakarta"
    assert article.language == "und"  # the language extractor did not run


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        b"<html><body><p>Rapat digelar \xff\xfe di Istana</p></body></html>",
        (
            "<html><head><script>x()</script></head><body><div class='footer'>"
            "Copyright 2025</div><style>p{}</style></body></html>"
        ),
    ],
    ids=["empty", "whitespace", "undecodable", "no-article"],
)
def test_unreadable_pages_raise_input_error(html: str | bytes) -> None:
    with pytest.raises(beritakit.InputError):
        extract_html(html)


def test_unreadable_published_is_a_warning_and_the_page_date_fills_it() -> None:
    article = extract_html(KOMPAS_PAGE, published="tidak diketahui")
    assert article.published == dt.date(2025, 6, 10)
    assert "published: cannot read 'tidak diketahui' as a date; it is ignored" in article.warnings
    assert "published: from the page metadata (htmldate)" in article.warnings


def test_a_scraped_published_string_is_read() -> None:
    article = extract_html(KOMPAS_PAGE, published="Tayang: Rabu, 11 Juni 2025 08:52 WITA")
    assert article.published == dt.date(2025, 6, 11)
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-06-11T08:52:00+08:00"


def test_published_of_a_wrong_type_raises_input_error() -> None:
    with pytest.raises(beritakit.InputError, match="published"):
        extract_html(KOMPAS_PAGE, published=["2025-06-11"])


def test_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(beritakit.ConfigError, match=r"pip install 'beritakit\[html\]'"):
        extract_html(KOMPAS_PAGE)
