"""Tests for the NER training path (corpus merging, a few training steps) and the shipped model."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.attrs import LOWER
from spacy.pipeline import EntityRecognizer
from spacy.tokens import DocBin

REPO_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_DIR / "training"))

import ner_corpus  # noqa: E402
import train_ner  # noqa: E402

MODEL_DIR = REPO_DIR / "src" / "beritakit" / "models" / "ner-id"

# Real sentences from idner-news-2k train.txt (MIT, khairunnisaor/idner-news-2k), in its
# "token POS tag" format with CRLF line ends.
IDNER_SAMPLE = """\
Dikatakan VERB O
jika SCONJ O
seluruh DET O
aktivitas NOUN O
itu DET O
dilakukan VERB O
bersama ADP O
Wapres PROPN O
Boediono PROPN B-PER
di ADP O
Istana PROPN B-LOC
Negara PROPN I-LOC
. PUNCT O

kata NOUN O
Abbas PROPN B-PER
di ADP O
Kairo PROPN B-LOC
. PUNCT O

Pengadilan PROPN B-ORG
Negeri PROPN I-ORG
Jakarta PROPN I-ORG
Selatan PROPN I-ORG
memutuskan VERB O
penetapan NOUN O
tersangka NOUN O
Budi PROPN B-PER
tidak PART O
sah ADJ O
. PUNCT O

Keluarga PROPN O
Mendur PROPN B-PER
adalah AUX O
putra NOUN O
daerah NOUN O
Kawangkoan PROPN B-LOC
, PUNCT O
Minahasa PROPN B-LOC
, PUNCT O
Sulawesi PROPN B-LOC
Utara PROPN I-LOC
. PUNCT O

Ketua NOUN O
Umum ADJ O
Partai PROPN B-ORG
Persatuan PROPN I-ORG
Pembangunan PROPN I-ORG
(PPP) PROPN I-ORG
hasil NOUN O
Muktamar PROPN O
VIII PROPN O
Surabaya PROPN B-LOC
, PUNCT O
M PROPN B-PER
Romahurmuziy PROPN I-PER
, PUNCT O
telah ADV O
menyatakan VERB O
mendukung NOUN O
Joko PROPN B-PER
Widodo PROPN I-PER
. PUNCT O
""".replace("\n", "\r\n")
# Real lines from IndoNLU NERP train_preprocess.txt (MIT): lower-cased, tab-separated.
NERP_SAMPLE = """\
kepala\tO
dinas\tO
tata\tO
kota\tO
manado\tB-PLC
amos\tB-PPL
kenda\tI-PPL
menyatakan\tO
tidak\tO
tahu\tO
-\tO
menahu\tO
soal\tO
pencabutan\tO
baliho\tO

menjadi\tO
official\tO
merchant\tO
bandung\tB-EVT
great\tI-EVT
sale\tI-EVT
2017\tI-EVT

salah satu\tO
kota\tO
di\tO
jawa\tB-PLC
barat\tI-PLC
"""


def _ents(sentence: ner_corpus.Sentence) -> list[tuple[str, str]]:
    text, spans = ner_corpus.iob_char_spans(sentence)
    return [(text[start:end], label) for start, end, label in spans]


def test_labels_are_mapped_and_events_dropped() -> None:
    nerp = ner_corpus.parse_conll(NERP_SAMPLE, "indonlu-nerp", "train")
    assert _ents(nerp[0]) == [("manado", "LOC"), ("amos kenda", "PER")]
    assert _ents(nerp[1]) == []  # EVT "bandung great sale 2017" is not a beritakit label
    # the multi-word token "salah satu" is split into two tokens
    assert nerp[2].tokens[:2] == ("salah", "satu")
    assert _ents(nerp[2]) == [("jawa barat", "LOC")]


def test_bracketed_acronym_becomes_its_own_entity() -> None:
    sentences = ner_corpus.parse_conll(IDNER_SAMPLE, "idner-news-2k", "train")
    assert len(sentences) == 5
    assert _ents(sentences[4])[:2] == [
        ("Partai Persatuan Pembangunan", "ORG"),
        ("PPP", "ORG"),
    ]
    published = ner_corpus.parse_conll(IDNER_SAMPLE, "idner-news-2k", "train", harmonise=False)
    assert _ents(published[4])[0] == ("Partai Persatuan Pembangunan (PPP)", "ORG")


def test_untagged_nerp_organisations_become_missing() -> None:
    # NERP train: the party is O there, while idner-news-2k tags it ORG
    nerp_line = (
        "partai\tO\npersatuan\tO\npembangunan\tO\n(\tO\nppp\tO\n)\tO\nmenyatakan\tO\n"
        "ketidaksetujuannya\tO\npada\tO\nide\tO\npembubaran\tO\nkpk\tO\n.\tO\n"
    )
    lexicon = ner_corpus.org_lexicon(ner_corpus.parse_conll(IDNER_SAMPLE, "idner-news-2k", "train"))
    assert ("partai", "persatuan", "pembangunan") in lexicon
    assert ("ppp",) in lexicon
    sentence = ner_corpus.parse_conll(nerp_line, "indonlu-nerp", "train")[0]
    masked = ner_corpus.mask_untagged_orgs(sentence, lexicon)
    assert masked.tags == ("-", "-", "-", "O", "-", "O", "O", "O", "O", "O", "O", "O", "O")
    nlp = spacy.blank("id")
    doc = ner_corpus.sentence_to_doc(nlp, masked)
    assert [t.ent_iob_ for t in doc[:5]] == ["", "", "", "O", ""]  # "" = missing


def test_raw_text_and_spacy_tokens() -> None:
    text, _ = ner_corpus.join_tokens(["kata", '"', "Abbas", '"', "di", "Kairo", ",", "Mesir", "."])
    assert text == 'kata "Abbas" di Kairo, Mesir.'
    nlp = spacy.blank("id")
    sentence = ner_corpus.parse_conll(IDNER_SAMPLE, "idner-news-2k", "train")[4]
    doc = ner_corpus.sentence_to_doc(nlp, sentence)
    assert [(e.text, e.label_) for e in doc.ents][:3] == [
        ("Partai Persatuan Pembangunan", "ORG"),
        ("PPP", "ORG"),
        ("Surabaya", "LOC"),
    ]
    assert doc.has_annotation("ENT_IOB", require_complete=True)


def test_dedupe_key_ignores_case_and_tokenisation() -> None:
    cased = ner_corpus.Sentence("a", "x", ("Bandung", ",", "Jawa", "Barat"), ("O",) * 4)
    lower = ner_corpus.Sentence("b", "y", ("bandung,", "jawa barat"), ("O",) * 2)
    assert cased.key == lower.key == "bandungjawabarat"


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Iterator[Path]:
    nlp = spacy.blank("id")
    sentences = ner_corpus.parse_conll(IDNER_SAMPLE, "idner-news-2k", "train")
    sentences += ner_corpus.parse_conll(NERP_SAMPLE, "indonlu-nerp", "train")
    ner_corpus.write_docbin(nlp, sentences, tmp_path / "corpus" / "train.spacy")
    ner_corpus.write_docbin(nlp, sentences[:2], tmp_path / "corpus" / "dev.spacy")
    yield tmp_path


def test_train_a_few_steps_and_export(tiny_corpus: Path) -> None:
    overrides = {
        "training.max_steps": 6,
        "training.max_epochs": 0,
        "training.eval_frequency": 3,
        "components.ner.model.tok2vec.embed.include_static_vectors": False,
    }
    best = train_ner.train(
        train_ner.CONFIG_PATH, tiny_corpus / "corpus", tiny_corpus / "run", overrides
    )
    out = train_ner.export(best, tiny_corpus / "ner-id")
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["ner"]
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    assert set(ner.labels) == {"PER", "ORG", "LOC"}
    assert nlp.meta["name"] == "ner_id"
    # the exported config names nothing from training/ (loads without augment.py)
    assert "beritakit.ner_augmenter" not in (out / "config.cfg").read_text(encoding="utf-8")
    assert len(DocBin().from_disk(tiny_corpus / "corpus" / "train.spacy")) == 8


def test_export_keeps_static_vectors(tiny_corpus: Path) -> None:
    import numpy as np
    from spacy.vectors import Vectors

    # floret mode, as training/vectors.py makes them (spaCy 3.8 saves the LOWER attr of
    # floret tables only)
    vectors_nlp = spacy.blank("id")
    data = np.arange(20 * 8, dtype="float32").reshape(20, 8) / 160
    vectors_nlp.vocab.vectors = Vectors(
        strings=vectors_nlp.vocab.strings,
        data=data,
        mode="floret",
        minn=2,
        maxn=3,
        hash_count=2,
        attr="LOWER",
    )
    vectors_nlp.to_disk(tiny_corpus / "vectors")
    overrides = {
        "training.max_steps": 4,
        "training.max_epochs": 0,
        "training.eval_frequency": 2,
        "components.ner.model.tok2vec.embed.include_static_vectors": True,
        "initialize.vectors": str(tiny_corpus / "vectors"),
    }
    best = train_ner.train(
        train_ner.CONFIG_PATH, tiny_corpus / "corpus", tiny_corpus / "run", overrides
    )
    out = train_ner.export(best, tiny_corpus / "ner-id")
    nlp = spacy.load(out)
    assert nlp.vocab.vectors.shape == (20, 8)
    assert nlp.vocab.vectors.attr == vectors_nlp.vocab.vectors.attr
    assert np.array_equal(nlp.vocab.vectors.data, data)


@pytest.mark.skipif(not MODEL_DIR.exists(), reason="model not built (make model)")
def test_shipped_model() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 30_000_000
    nlp = spacy.load(MODEL_DIR)
    # the floret vectors the ner pipe was trained with are shipped with it (an export
    # that sources the pipe into a blank pipeline used to drop them: spaCy warning W113)
    assert nlp.vocab.vectors.mode == "floret"
    assert nlp.vocab.vectors.shape[0] >= 20_000
    assert nlp.vocab.vectors.attr == LOWER  # one table for any letter case
    assert nlp.pipe_names == ["ner"]
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    assert set(ner.labels) == {"PER", "ORG", "LOC"}
    # from the dev articles (detik.com, dev-3e452d8f42)
    doc = nlp(
        '"Jadi kalau sekarang itu trennya kita sebutnya experience tourism," ungkap Gigih '
        "Gesang, Sekjen Asosiasi Experential Learning Indonesia (AELI) dalam acara launching "
        "Indonesia Outing Expo, Selasa (17/6/2025)."
    )
    assert ("Gigih Gesang", "PER") in {(e.text, e.label_) for e in doc.ents}
