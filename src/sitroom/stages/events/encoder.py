"""The fine-tuned MiniLM half of the PLOVER ensemble, run in numpy by `sitroom.nn` (no torch).

train/plover_encoder.py writes the weights: MiniLM-L6 with its top layers fine-tuned on PLV and a
linear head over three vectors of the last layer: the mean, the source's opening marker and the
target's opening marker (see `features.encoder_text`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitroom.errors import ResourceError
from sitroom.stages.events.features import SOURCE_MARK, TARGET_MARK, Span, encoder_text

F32 = npt.NDArray[np.float32]
# Sentences the stage asks about again (one per candidate verb with the same actors) hit this cache.
_CACHE_SIZE = 4096


class PloverEncoder:
    """Class probabilities of marked sentences from the fine-tuned encoder."""

    def __init__(self, path: Path) -> None:
        from sitroom.nn import TextEncoder, load_npz

        weights = load_npz(path)
        self.text = TextEncoder(weights)
        self.classes: list[str] = list(weights.meta["labels"])
        self.weight = weights.arrays["head.weight"]  # (classes, 3 * hidden)
        self.bias = weights.arrays["head.bias"]
        self.marks = [weights.vocab.index(m) for m in (SOURCE_MARK, TARGET_MARK)]
        self._cache: OrderedDict[str, F32] = OrderedDict()
        self._lock = threading.Lock()

    def batch(self, texts: Sequence[str], batch_size: int = 32) -> F32:
        """Probabilities (n, classes) for encoder texts (markers in), in input order."""
        from threadpoolctl import threadpool_limits

        # One BLAS thread: the runner already keeps one worker per core, and on a loaded machine a
        # second BLAS thread spins waiting for the first (measured 20x the CPU per sentence).
        with threadpool_limits(1, user_api="blas"):
            return self._forward(texts, batch_size)

    def _forward(self, texts: Sequence[str], batch_size: int) -> F32:
        from sitroom.nn import mean_pool, softmax

        out = np.zeros((len(texts), len(self.classes)), dtype=np.float32)
        for rows, batch in self.text.batches(self.text.encode(texts), batch_size):
            hidden = self.text.encoder(batch.ids, batch.mask, batch.type_ids)
            index = np.arange(len(rows))
            at = [_first(batch.ids, mark) for mark in self.marks]
            pooled = np.concatenate([mean_pool(hidden, batch.mask), *(hidden[index, a] for a in at)], axis=1)
            out[rows] = softmax(pooled @ self.weight.T + self.bias)
        return out

    def probabilities(self, sentence: str, source: Span | None, target: Span | None) -> dict[str, float]:
        """Probability per PLOVER type for one sentence with its actors (spans relative to it)."""
        text = encoder_text(sentence, source, target)
        with self._lock:
            probs = self._cache.get(text)
        if probs is None:
            probs = self.batch([text])[0]
            with self._lock:
                self._cache[text] = probs
                if len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        return {c: float(p) for c, p in zip(self.classes, probs, strict=True)}


def _first(ids: npt.NDArray[np.int64], token: int) -> npt.NDArray[np.int64]:
    """Position of each row's first `token`; 0 ([CLS]) when the row lacks it, as in training."""
    hits = ids == token
    return np.where(hits.any(axis=1), hits.argmax(axis=1), 0)


class LazyPloverEncoder:
    """Loads the encoder on first use, once per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._encoder: PloverEncoder | None = None
        self._lock = threading.Lock()

    def get(self) -> PloverEncoder:
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    if not self.path.is_file():
                        raise ResourceError(
                            f"PLOVER encoder missing at {self.path}: run `make train-encoder`"
                        )
                    self._encoder = PloverEncoder(self.path)
        return self._encoder
