# sitroom: `make demo` sets everything up and processes the demo corpus; `make test` runs every test.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip
STAMP   := $(VENV)/.sitroom-installed

.PHONY: setup demo test lint train eval clean

setup: $(STAMP)

# Pinned installs from requirements.lock (the default install has no PyTorch), then the
# package itself, then the resources compiled at install time (the offline gazetteer).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(VENV)/bin/sitroom setup
	touch $(STAMP)

demo: setup
	$(VENV)/bin/sitroom run demo/corpus --db demo-out/sitroom.duckdb --out demo-out

test: setup
	$(VENV)/bin/pytest

lint: setup
	$(VENV)/bin/ruff check src tests eval bench train
	$(VENV)/bin/mypy

# Rebuild the shipped trained weights from ../shared/data (reproducible, fixed seeds).
train: setup
	$(PY) train/plover.py

eval: setup
	$(PY) eval/extraction.py --data ../shared/data/extraction/wcxb-dev-articles --track text
	$(PY) eval/extraction.py --data ../shared/data/extraction/wcxb-dev-articles --track html

clean:
	rm -rf $(VENV) demo-out sitroom-out sitroom.duckdb
