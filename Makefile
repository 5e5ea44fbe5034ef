# The two commands a new user runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test fuzz bench clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	rm -rf src/newsgraph.egg-info  # setuptools' leftover; the installed metadata lives in the venv
	touch $@

$(DEV_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,dask]'
	rm -rf src/newsgraph.egg-info
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph build seeds/ --out out/
	$(BIN)/newsgraph ask who-met-where --store out/

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

# The long fuzz budget: 2,000 examples a target (the CLI 1,000), over 10,000 cases in all.
fuzz: $(DEV_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/fuzz

# The benchmark of README "Scale" (several minutes; corpora that are absent are reported as such).
CORPORA ?= ../shared/corpora/news-meetings.jsonl ../shared/corpora/news-68k.jsonl.gz
bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py $(CORPORA) --limit 2000 --triples 1000000 --sample 40

clean:
	rm -rf $(VENV) out
