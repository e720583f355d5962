# The two commands of the README's Quick start: `make demo` and `make test`.
# Everything installs from the hashed lock files in requirements/ into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.factx-installed

.PHONY: demo test lint install clean bench smoke fuzz

$(STAMP): requirements/bootstrap.txt requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

## Run factx over the bundled corpus: NDJSON to out/corpus.jsonl, summary and scores on stderr.
demo: $(STAMP)
	mkdir -p out
	$(BIN)/factx batch corpus -o out/corpus.jsonl
	$(BIN)/factx eval corpus

## Lint, type-check and run the test suite (the real model, the real CLI).
test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest -q

## Real text: every document of the development sets in ../shared/dev, no error record (also in `make test`).
smoke: $(STAMP)
	$(BIN)/pytest -q tests/robustness/test_real_text_smoke.py

## News-like fuzz at scale: 10,000 generated articles, no exception, every offset true.
fuzz: $(STAMP)
	FACTX_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q tests/robustness/test_news_fuzz.py

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) out
