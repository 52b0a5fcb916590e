# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SHARED ?= ../shared
LINTED := $(wildcard src tests benchmarks evaluation training scripts)

.PHONY: setup demo test lint eval bench bench-service bench-ner serve docs model eval-ner clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/beritakit extract examples/palembang.txt --format json

lint: $(STAMP)  ## ruff (with C901), mypy --strict, and the import contract of pyproject.toml
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python evaluation/score_dev.py --gold $(SHARED)/data/articles/dev.gold.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/dates.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis

serve: $(STAMP)
	$(BIN)/beritakit serve --workers 2

bench-service: $(STAMP)
	$(BIN)/python benchmarks/load.py --workers 1,2 --concurrency 32 --requests 2000

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

model: $(STAMP)  ## vectors (~4 min) + NER model into src/beritakit/models/ner-id (~30 min, one thread)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python training/train_ner.py --data $(SHARED)/data/ner

eval-ner: $(STAMP)  ## span P/R/F1 per label of the NER model
	$(BIN)/python evaluation/ner.py --data $(SHARED)/data/ner --articles $(SHARED)/data/articles/dev.gold.jsonl

bench-ner: $(STAMP)  ## words/s of the NER model with nlp.pipe
	$(BIN)/python benchmarks/ner_speed.py --texts $(SHARED)/data/articles/dev.jsonl
