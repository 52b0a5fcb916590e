"""The stand-off annotation tools of training/ (annotate.py, news_ner.py) on short texts."""

from __future__ import annotations

import sys
from pathlib import Path

import spacy

REPO_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_DIR / "training"))

import annotate  # noqa: E402
import news_ner  # noqa: E402


def _spans(text: str, *items: tuple[str, str]) -> list[tuple[int, int, str]]:
    out, cursor = [], 0
    for surface, label in items:
        start = text.index(surface, cursor)
        out.append((start, start + len(surface), label))
        cursor = start + len(surface)
    return out


def test_whole_word_preferred_unless_later_mentions_need_the_glued_one() -> None:
    line = "Situs Koreaboo menulis, budaya Korea digemari."
    assert annotate.find_mention(line, "Korea", 0) == line.index("Korea ")
    glued = "Ia bilang bahwaDonaldremaja, lalu Donald Trumpditunjuk."
    # "Donald" listed before "Donald Trump": the glued one must be taken first
    assert annotate.find_mention(glued, "Donald", 0, ["Donald Trump"]) == glued.index("Donald")


def test_nth_occurrence_and_locate(tmp_path: Path) -> None:
    text = "Liputan6.com, Solo - Wali Kota Solo di Balai Kota Solo.\nBaca juga: Solo"
    path = tmp_path / "x.txt"
    path.write_text("=== a1\nSKIP: 2\nL1: Solo|LOC@2\n", encoding="utf-8")
    (article,), errors = annotate.parse_file(path)
    assert not errors and article.skip == {2}
    spans, errors, _ = annotate.locate(article, text, "x")
    assert not errors
    assert [(text[s:e], s) for s, e, _ in spans] == [("Solo", text.index("Kota Solo") + 5)]


def test_acronym_inside_a_name_joins_acronym_at_the_end_does_not() -> None:
    text = (
        "Badan Reserse Kriminal (Bareskrim) Polri, Polda Sumatera Utara (Sumut) dan KPK (KPK) Ali"
    )
    spans = _spans(
        text,
        ("Badan Reserse Kriminal", "ORG"),
        ("Bareskrim", "ORG"),
        ("Polri", "ORG"),
        ("Polda Sumatera Utara", "ORG"),
        ("Sumut", "LOC"),
        ("KPK", "ORG"),
        ("KPK", "ORG"),
        ("Ali", "PER"),
    )
    joined = [(text[s:e], label) for s, e, label in annotate.join_bracketed(text, spans)]
    assert joined[0] == ("Badan Reserse Kriminal (Bareskrim) Polri", "ORG")
    assert ("Polda Sumatera Utara", "ORG") in joined and ("Sumut", "LOC") in joined
    assert joined[-1] == ("Ali", "PER") and len(joined) == 6


def test_glued_span_is_missing_not_wrong() -> None:
    nlp = spacy.blank("id")
    text = "Lautan pasir kawasan wisataGunung Bromo di Jawa Timur."
    line = news_ner.Line(
        "a", "liputan6", text, tuple(_spans(text, ("Gunung Bromo", "LOC"), ("Jawa Timur", "LOC")))
    )
    doc = news_ner.line_to_doc(nlp, line)
    assert [(e.text, e.label_) for e in doc.ents] == [("Jawa Timur", "LOC")]
    glued = [t for t in doc if t.text == "wisataGunung"][0]
    assert glued.ent_iob == 0  # missing: neither entity nor outside
    assert doc[0].ent_iob == 2  # outside


def test_draft_items_name_the_occurrence_locate_would_miss(tmp_path: Path) -> None:
    line = "Warga Bogor menuju Kota Bogor, kata Budi dari Bogor."
    spans = [(24, 29, "LOC"), (36, 40, "PER"), (46, 51, "LOC")]  # not the first "Bogor"
    items = list(annotate._draft_items(line, spans))
    assert items == ["Bogor|LOC@2", "Budi|PER", "Bogor|LOC"]
    # read back as annotation files are read: the same offsets
    path = tmp_path / "draft.txt"
    path.write_text("=== a1\nL1: " + " ; ".join(items) + "\n", encoding="utf-8")
    (article,), errors = annotate.parse_file(path)
    assert not errors
    located, errors, _ = annotate.locate(article, line, "draft")
    assert not errors and located == spans
