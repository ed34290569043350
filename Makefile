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

# Lint and types first (seconds), then every test, the slow end-to-end ones included.
test: setup
	$(VENV)/bin/ruff check src tests eval bench train docs
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

lint: setup
	$(VENV)/bin/ruff check src tests eval bench train
	$(VENV)/bin/mypy

SHARED ?= ../shared/data

# Rebuild the shipped trained weights from ../shared/data (reproducible, fixed seeds).
train: setup
	$(PIP) install --quiet faker==37.12.0  # MIT; only to rebuild the given-name list, not at run time
	$(PY) train/given_names.py
	$(PY) train/plover.py --data $(SHARED)/events/plv-train/PLV_train.tsv
	$(PY) train/clean_blocks.py --data $(SHARED)/extraction/wcxb-dev-articles

# Every benchmark in eval/, each ending with one HEADLINE line (slow: tens of minutes on 2 cores).
eval: setup
	$(PY) eval/extraction.py --data $(SHARED)/extraction/wcxb-dev-articles --track text --part holdout
	$(PY) eval/extraction.py --data $(SHARED)/extraction/wcxb-dev-articles --track html
	$(PY) eval/quotes.py --data $(SHARED)/quotes/ggt-dev/ggt-dev.jsonl
	$(PY) eval/polnear.py --data $(SHARED)/quotes/polnear/dev
	$(PY) eval/stance.py --data $(SHARED)/quotes/polnear/dev
	$(PY) eval/people.py --data $(SHARED)/quotes/gum_wikinews --seeds ../shared/seeds
	$(PY) eval/plv.py --data $(SHARED)/events/plv-train/PLV_train.tsv
	$(PY) eval/quantities.py --data $(SHARED)/events
	$(PY) eval/geo.py --data $(SHARED)/geo/LGL/lgl.xml
	$(PY) eval/geo.py --data $(SHARED)/geo/GeoVirus/GeoVirus.xml
	$(PY) eval/timex.py --data $(SHARED)/time

clean:
	rm -rf $(VENV) demo-out sitroom-out sitroom.duckdb
