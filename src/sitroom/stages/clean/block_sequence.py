"""A second opinion on each unit: a small dilated convolution over the page's units, in numpy.

The trees see a unit and its few neighbours; this model reads about thirty units on each side
through five dilated layers, so it judges a unit by the stretch of page it lies in. Its P(body)
is averaged with the trees'. Trained by `train/clean_sequence.py` (PyTorch, training venv only).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from sitroom.config import RESOURCES_DIR
from sitroom.stages.clean.block_features import FEATURES

SEQUENCE_PATH = RESOURCES_DIR / "clean_sequence.npz"
# Standardised features are clipped here, as in training: a freak value cannot swamp a layer.
CLIP = 5.0


@dataclass(frozen=True, slots=True)
class Layer:
    """One residual layer: h + relu(h[i - dilation] @ W0 + h[i] @ W1 + h[i + dilation] @ W2 + bias)."""

    dilation: int
    weight: np.ndarray  # (members, hidden, 3 x hidden): [W0 | W1 | W2], one product for all taps
    bias: np.ndarray  # (members, 1, hidden)


@dataclass(frozen=True, slots=True)
class SequenceModel:
    """Networks trained from different seeds on the same standardised features, averaged.

    Every weight is stacked along a first axis, one entry per network, so the networks run together.
    """

    mean: np.ndarray
    scale: np.ndarray
    w_in: np.ndarray  # (members, features, hidden)
    b_in: np.ndarray  # (members, 1, hidden)
    layers: tuple[Layer, ...]
    w_out: np.ndarray  # (members, hidden, 1)
    b_out: np.ndarray  # (members, 1)

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        """P(body) for every unit of one page from its feature matrix."""
        if len(matrix) == 0:
            return np.zeros(0)
        z = np.clip((np.asarray(matrix, dtype=np.float32) - self.mean) / self.scale, -CLIP, CLIP)
        # One BLAS thread: these products are small, and on a loaded machine a second thread only
        # spins waiting (measured 2.2 against 31 CPU-ms per page).
        with _blas().limit(limits=1, user_api="blas"):
            logits = self._logits(z)
        out: np.ndarray = (1.0 / (1.0 + np.exp(-logits.astype(np.float64)))).mean(axis=0)
        return out

    def _logits(self, z: np.ndarray) -> np.ndarray:
        """(members, units) body logits from standardised features in reading order."""
        h = np.maximum(z @ self.w_in + self.b_in, 0.0)
        width = h.shape[2]
        for layer in self.layers:
            taps = h @ layer.weight
            mixed = taps[:, :, width : 2 * width] + layer.bias
            d = layer.dilation
            if h.shape[1] > d:  # zeros past the page's ends, as the training padding
                mixed[:, d:] += taps[:, :-d, :width]
                mixed[:, :-d] += taps[:, d:, 2 * width :]
            h += np.maximum(mixed, 0.0)
        logits: np.ndarray = (h @ self.w_out)[:, :, 0] + self.b_out
        return logits


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    """The process's thread pools, inspected once (the inspection costs milliseconds)."""
    return ThreadpoolController()


@lru_cache(maxsize=4)
def load_sequence(path: Path = SEQUENCE_PATH) -> SequenceModel:
    """The shipped networks, read once per process."""
    with np.load(path, allow_pickle=False) as arrays:
        names = tuple(str(name) for name in arrays["features"])
        if names != FEATURES:
            raise ValueError(f"{path} was trained on other features; re-run train/clean_sequence.py")
        count = int(arrays["members"])
        mean, scale = arrays["m0_mean"], arrays["m0_scale"]
        if any(not np.array_equal(arrays[f"m{k}_mean"], mean) for k in range(count)):
            raise ValueError(f"{path}: members standardise differently; re-run train/clean_sequence.py")

        def stacked(name: str) -> np.ndarray:
            return np.stack([arrays[f"m{k}_{name}"] for k in range(count)]).astype(np.float32)

        layers = tuple(
            # stored as (3 x hidden, hidden), the taps stacked by rows: put them side by side
            Layer(int(d), np.concatenate(np.split(stacked(f"w{i}"), 3, axis=1), axis=2),
                  stacked(f"b{i}")[:, None, :])
            for i, d in enumerate(arrays["m0_dilations"])
        )
        return SequenceModel(
            mean=mean.astype(np.float32), scale=scale.astype(np.float32),
            w_in=stacked("w_in"), b_in=stacked("b_in")[:, None, :], layers=layers,
            w_out=stacked("w_out")[:, :, None], b_out=stacked("b_out")[:, None],
        )
