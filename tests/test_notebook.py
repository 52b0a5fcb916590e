from __future__ import annotations

import gzip
import io
import json
import re
import sys
import time
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beritakit
from beritakit import cli
from beritakit.notebook import TABLES, Table, article_html, highlights
from beritakit.record import Article, Organization, Person, Place, Span

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "quickstart.ipynb"


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


@pytest.fixture(scope="module")
def examples() -> list[Article]:
    paths = sorted(EXAMPLES.glob("*.txt"))
    return [
        beritakit.extract(p.read_text(encoding="utf-8"), id=p.stem, published=None) for p in paths
    ]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    """The seed article, with people, organisations and places added by hand.

    The spans are real offsets of the seed text, so the record is what the entity
    extractor will give, whatever it finds today.
    """
    art = beritakit.extract(seed_text, published="2018-09-14", id="palembang")
    t = art.text
    people = (
        Person(
            name="Soni Sumarsono",
            roles=("Dirjen Otonomi Daerah Kementerian Dalam Negeri",),
            quotes=2,
            mentions=(span(t, "Soni Sumarsono"),),
        ),
        Person(
            name="Akhmad Najib",
            honorifics=("Dr", "H"),
            degrees=("SH", "MHum"),
            roles=("Penjabat (Pj) Walikota Palembang",),
            mentions=(span(t, "Akhmad Najib"), span(t, "Akhmad Najib", 1)),
        ),
    )
    organizations = (
        Organization(
            name="Asosiasi Pemerintah Kota Indonesia",
            acronym="Apkasi",
            mentions=(span(t, "Asosiasi Pemerintah Kota Indonesia"), span(t, "Apkasi")),
        ),
        Organization(
            name="Kementerian Dalam Negeri", mentions=(span(t, "Kementerian Dalam Negeri"),)
        ),
        Organization(name="UCLG ASPAC", aliases=("UCLG",), mentions=()),
    )
    places = (
        Place(
            name="Palembang",
            kind="city",
            code="16.71",
            province="Sumatera Selatan",
            lat=-2.99,
            lon=104.76,
            mentions=(span(t, "Palembang", 2),),
        ),
        # "Indonesia" inside the organisation's name: the organisation's highlight wins
        Place(name="Indonesia", kind="country", mentions=(span(t, "Indonesia"),)),
        Place(name="Surabaya", kind="city", mentions=(span(t, "Surabaya"),)),
    )
    return art.model_copy(
        update={"people": people, "organizations": organizations, "places": places}
    )


def item_counts(records: list[Article]) -> dict[str, int]:
    return {
        "articles": len(records),
        "people": sum(len(a.people) for a in records),
        "organizations": sum(len(a.organizations) for a in records),
        "places": sum(len(a.places) for a in records),
        "dates": sum(len(a.dates) for a in records),
        "credits": sum(len(a.credits) for a in records),
        "quotes": sum(len(a.quotes) for a in records),
        "mentions": sum(
            sum(len(e.mentions) for e in group)
            for a in records
            for group in (a.people, a.organizations, a.places)
        ),
    }


# -- to_frame -------------------------------------------------------------------


def test_rows_per_table_equal_items_in_the_records(seed: Article, examples: list[Article]) -> None:
    records = [seed, *examples]
    expected = item_counts(records)
    assert set(expected) == set(TABLES)
    assert expected["people"] >= 2 and expected["dates"] >= 8 and expected["quotes"] >= 8
    for table in get_args(Table):
        frame = beritakit.to_frame(records, table)
        assert len(frame) == expected[table], table
        assert frame["article_id"].notna().all(), table
        assert set(frame["article_id"]) <= {a.id for a in records}, table


def test_tables_are_tidy_and_typed(seed: Article) -> None:
    people = beritakit.to_frame(seed, "people")
    najib = people[people["name"] == "Akhmad Najib"].iloc[0]
    assert najib["honorifics"] == "Dr; H" and najib["degrees"] == "SH; MHum"
    assert najib["mentions"] == 2
    assert seed.text[najib["char_start"] : najib["char_end"]] == "Akhmad Najib"

    dates = beritakit.to_frame(seed, "dates").set_index("text")
    # "Kongres ke-7 UCLG ASPAC digelar 12-15 September di Surabaya"
    sept = dates.loc["12-15 September"]
    assert sept["date_start"] == pd.Timestamp("2018-09-12")
    assert sept["date_end"] == pd.Timestamp("2018-09-15")
    assert sept["days"] == 4 and sept["granularity"] == "range"
    assert str(dates["date_start"].dtype) == "datetime64[ms]"
    for row in dates.reset_index().itertuples():
        assert seed.text[row.char_start : row.char_end] == row.text
    assert "Surabaya" in sept["sentence"]

    orgs = beritakit.to_frame(seed, "organizations")
    uclg = orgs[orgs["name"] == "UCLG ASPAC"].iloc[0]
    assert uclg["mentions"] == 0 and pd.isna(uclg["char_start"])  # no mention: no offset

    mentions = beritakit.to_frame(seed, "mentions")
    assert sorted(mentions["type"].unique()) == ["organization", "person", "place"]
    for row in mentions.itertuples():
        assert seed.text[row.char_start : row.char_end] == row.text

    credits = beritakit.to_frame(seed, "credits")
    assert list(zip(credits["role"], credits["name"], strict=True)) == [
        ("writer", "Devi"),
        ("editor", "Sarono PS"),
    ]
    article = beritakit.to_frame(seed).iloc[0]
    assert article["dateline_city"] == "Palembang" and article["n_people"] == 2
    assert article["published"] == pd.Timestamp("2018-09-14")


def test_article_id_falls_back_to_position_and_tables_join() -> None:
    texts = [
        "JAKARTA, KOMPAS.com - Rapat digelar Kamis (13/3/2025).\n\nPenulis: Nama Contoh",
        "Semarang (ANTARA) - Banjir surut pada Senin (3/2/2025).",
    ]
    records = list(beritakit.pipe(texts))
    dates = beritakit.to_frame(records, "dates")
    assert list(dates["article_id"]) == ["#0", "#1"]
    joined = dates.merge(beritakit.to_frame(records), on="article_id")
    assert list(joined["dateline_city"]) == ["Jakarta", "Semarang"]


def test_empty_tables_keep_their_columns() -> None:
    art = beritakit.extract("Hujan turun di kota itu sepanjang sore.")
    people = beritakit.to_frame([art], "people")
    assert people.empty and list(people.columns)[:2] == ["article_id", "name"]
    assert (
        beritakit.to_frame([], "dates").columns.tolist()
        == beritakit.to_frame(art, "dates").columns.tolist()
    )


def test_dicts_are_records_too(seed: Article) -> None:
    frame = beritakit.to_frame([seed.to_dict()], "places")
    assert list(frame["name"]) == ["Palembang", "Indonesia", "Surabaya"]
    assert frame.loc[0, "code"] == "16.71" and frame.loc[0, "lat"] == pytest.approx(-2.99)
    with pytest.raises(beritakit.InputError, match="item 0"):
        beritakit.to_frame([{"text": "no body, no language"}])


def test_bad_table_and_failures_are_refused(seed: Article) -> None:
    with pytest.raises(ValueError, match="unknown table 'persons'"):
        beritakit.to_frame(seed, "persons")  # type: ignore[arg-type]
    out = list(beritakit.pipe(["Rapat digelar Senin.", "   "], on_error="record"))
    assert isinstance(out[1], beritakit.Failure)
    with pytest.raises(TypeError, match="item 1 is Failure; drop failures first"):
        beritakit.to_frame(out)


def test_without_pandas_the_error_says_what_to_install(
    seed: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(beritakit.ConfigError, match=r"pip install 'beritakit\[notebook\]'"):
        beritakit.to_frame(seed)
    assert "Soni Sumarsono" in seed._repr_html_()  # the HTML view does not need pandas


# -- read_jsonl -----------------------------------------------------------------


def test_read_jsonl_loads_what_the_cli_wrote(tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    texts = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    assert cli.main(["extract", *texts, "-o", str(out), "--no-progress"]) == 0
    records = beritakit.read_jsonl(out)
    assert len(records) == len(texts) == 4
    assert sorted(a.id or "" for a in records) == texts  # the CLI's id is the path
    by_city = {a.dateline.city for a in records if a.dateline}
    assert {"Palembang", "Semarang", "Jakarta"} <= by_city
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a.to_dict() for a in records] == again
    assert len(beritakit.to_frame(records, "credits")) == sum(len(a.credits) for a in records)


def test_read_jsonl_gzip_blank_lines_and_bad_lines(tmp_path: Path, seed: Article) -> None:
    gz = tmp_path / "records.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write(seed.model_dump_json() + "\n\n" + seed.model_dump_json() + "\n")
    assert beritakit.read_jsonl(gz) == [seed, seed]

    bad = tmp_path / "bad.jsonl"
    bad.write_text(seed.model_dump_json() + "\n{not json\n", encoding="utf-8")
    with pytest.raises(beritakit.InputError, match=r"bad\.jsonl:2: not an Article record"):
        beritakit.read_jsonl(bad)


# -- the HTML view and the terminal ----------------------------------------------------


def marks(html: str) -> list[tuple[str, str]]:
    """(text, label) of each displaCy highlight, in order."""
    pattern = r'<mark class="entity"[^>]*>\s*(.*?)\s*<span[^>]*>(\w+)</span>\s*</mark>'
    return [(m.group(1), m.group(2)) for m in re.finditer(pattern, html, re.S)]


def test_html_highlights_every_kind_in_its_colour(seed: Article) -> None:
    html = seed._repr_html_()
    assert html == article_html(seed)
    found = marks(html)
    assert ("Soni Sumarsono", "PERSON") in found
    assert ("Kementerian Dalam Negeri", "ORG") in found
    assert ("Apkasi", "ORG") in found
    assert ("Surabaya", "PLACE") in found
    assert ("12-15 September", "DATE") in found and ("Kamis (13/9)", "DATE") in found
    assert ("SWARNANEWS.CO.ID, PALEMBANG |", "DATELINE") in found
    assert ("Editor: Sarono PS", "CREDIT") in found
    # "Asosiasi Pemerintah Kota Indonesia": the longer organisation wins over the place
    assert ("Asosiasi Pemerintah Kota Indonesia", "ORG") in found
    assert ("Indonesia", "PLACE") not in found
    colours = {
        label: re.search(rf"background: (#\w+);[^>]*>\s*[^<]*<span[^>]*>{label}<", html)
        for label in ("PERSON", "ORG", "PLACE", "DATE")
    }
    assert len({m.group(1) for m in colours.values() if m}) == 4
    # the facts above the text
    head = html[: html.index('<div class="entities"')]
    assert "Palembang · Swarnanews · swarnanews.co.id" in head
    assert "writer: <b>Devi</b>" in head and "editor: <b>Sarono PS</b>" in head
    assert "Dr H, SH MHum, Penjabat (Pj) Walikota Palembang" in head


def test_html_escapes_the_text_and_handles_no_entities() -> None:
    art = beritakit.extract("Warga menulis <script>alert(1)</script> di papan, Senin (3/2/2025).")
    html = art._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "No entities or dates found" not in html  # the date is there
    assert [label for _, label in marks(html)] == ["DATE"]
    empty = beritakit.extract("Hujan turun sepanjang sore.")._repr_html_()
    assert "No entities or dates found" in empty and "none found" in empty


def test_html_of_a_long_text_is_cut(seed: Article) -> None:
    html = article_html(seed, max_chars=900)  # "Kamis (13/9)" ends at 870; the credits are later
    found = marks(html)
    assert ("Kamis (13/9)", "DATE") in found and ("Editor: Sarono PS", "CREDIT") not in found
    assert f"… {len(seed.text) - 900:,} more characters not shown" in html


def test_repr_stays_short_and_rich_shows_a_summary(seed: Article) -> None:
    console_module = pytest.importorskip("rich.console")

    assert len(repr(seed)) < 200 and "\n" not in repr(seed)
    out = io.StringIO()
    console_module.Console(file=out, width=100).print(seed)
    shown = out.getvalue()
    assert "Swarnanews" in shown and "Soni Sumarsono" in shown and "12-15 September" in shown
    assert len(shown.splitlines()) < 20


@given(
    st.lists(
        st.tuples(
            st.integers(0, 60), st.integers(1, 15), st.sampled_from(["PERSON", "ORG", "PLACE"])
        ),
        max_size=25,
    )
)
def test_highlights_never_overlap_and_longer_spans_win(
    raw: list[tuple[int, int, str]],
) -> None:
    text = "x" * 70
    people: list[Span] = []
    orgs: list[Span] = []
    places: list[Span] = []
    for start, length, kind in raw:
        mention = Span(start=start, end=start + length, text=text[start : start + length])
        bucket = {"PERSON": people, "ORG": orgs, "PLACE": places}[kind]
        bucket.append(mention)
    art = Article(
        text=text,
        body=text,
        language="id",
        language_score=1.0,
        people=(Person(name="p", mentions=tuple(people)),),
        organizations=(Organization(name="o", mentions=tuple(orgs)),),
        places=(Place(name="l", mentions=tuple(places)),),
    )
    kept = highlights(art)
    assert [k["start"] for k in kept] == sorted(k["start"] for k in kept)
    for a, b in zip(kept, kept[1:], strict=False):
        assert a["end"] <= b["start"]
    for start, length, _ in raw:
        end = min(start + length, len(text))
        if not any(k["start"] == start and k["end"] == end for k in kept):
            # dropped only for an overlapping highlight at least as long
            assert any(
                k["start"] < end and start < k["end"] and k["end"] - k["start"] >= end - start
                for k in kept
            )


# -- the quickstart notebook --------------------------------------------------------


def test_quickstart_notebook_runs_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    pytest.importorskip("ipykernel")
    # A kernel of this very interpreter, whatever "python3" kernels the user has installed.
    spec = tmp_path / "kernels" / "beritakit-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "beritakit test", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    began = time.monotonic()
    client = nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="beritakit-test",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError on any error
    assert time.monotonic() - began < 60
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = [set(o.get("data", {})) for o in outputs]
    assert sum("image/png" in k for k in kinds) == 2  # the two charts
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('<mark class="entity"' in h and "Kamis (13/9)" in h for h in html)
    assert any("Swarnanews" in h for h in html)
    assert not any(
        o.output_type == "stream" and o.name == "stderr" and "Warning" in o.text for o in outputs
    )
    # the notebook file is stored without outputs, so a diff shows only code changes
    stored = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in stored.cells if c.cell_type == "code")
