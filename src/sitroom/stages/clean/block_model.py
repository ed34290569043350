"""The shipped unit classifier: two stages of gradient-boosted trees, evaluated with numpy.

Stage one scores each unit from its own and its neighbours' features; stage two adds the
stage-one scores around it, because body text comes in one run. Weights are built by
`train/clean_blocks.py` and stored as plain arrays (no pickle, no scikit-learn at run time).
The trees' P(body) is averaged with a sequence model's (`block_sequence.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitroom.config import RESOURCES_DIR
from sitroom.stages.clean.block_features import FEATURES, moving_sum
from sitroom.stages.clean.block_sequence import SEQUENCE_PATH, load_sequence

MODEL_PATH = RESOURCES_DIR / "clean_blocks.npz"
STAGE_FIELDS = ("feature", "threshold", "left", "right", "leaf", "value")


@dataclass(frozen=True, slots=True)
class Forest:
    """Trees flattened into node arrays; `roots` index each tree's first node.

    `children[2 * node]` is a node's left child and `children[2 * node + 1]` its right one.
    """

    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    children: np.ndarray
    value: np.ndarray
    baseline: float
    depth: int

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        """P(body) for every row, walking all trees level by level at once."""
        if len(matrix) == 0:
            return np.zeros(0)
        matrix = np.ascontiguousarray(matrix, dtype=np.float64)
        flat = matrix.ravel()
        offsets = (np.arange(len(matrix)) * matrix.shape[1])[:, None]
        # Every row starts at the same roots: their test is a plain column pick, no per-row index.
        right = matrix[:, self.feature[self.roots]] > self.threshold[self.roots]
        node = self.children.take(2 * self.roots + right)
        # Leaves point to themselves with an infinite threshold, so walking on past one is a no-op.
        # (`take` gathers faster than fancy indexing, the same values.)
        for _ in range(self.depth - 1):
            right = flat.take(offsets + self.feature.take(node)) > self.threshold.take(node)
            node = self.children.take(2 * node + right)
        raw = self.baseline + self.value.take(node).sum(axis=1)
        probability: np.ndarray = 1.0 / (1.0 + np.exp(-raw))
        return probability


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> tuple[Forest, Forest]:
    """Both stages, read once per process."""
    with np.load(path, allow_pickle=False) as arrays:
        names = tuple(str(name) for name in arrays["features"])
        if names != FEATURES:
            raise ValueError(f"{path} was trained on other features; re-run train/clean_blocks.py")
        return _forest(arrays, "s1"), _forest(arrays, "s2")


def load_forest(path: Path, prefix: str, features: tuple[str, ...], trainer: str) -> Forest:
    """One forest stored under `prefix` in an npz, checked against the features it must be fed."""
    with np.load(path, allow_pickle=False) as arrays:
        if tuple(str(name) for name in arrays["features"]) != features:
            raise ValueError(f"{path} was trained on other features; re-run {trainer}")
        return _forest(arrays, prefix)


def _forest(arrays: np.lib.npyio.NpzFile, prefix: str) -> Forest:
    parts = {name: arrays[f"{prefix}_{name}"] for name in STAGE_FIELDS}
    leaf = parts["leaf"].astype(bool)
    itself = np.arange(len(leaf), dtype=np.intp)
    # numpy indexes fastest with its native index type
    left = np.where(leaf, itself, parts["left"]).astype(np.intp)
    right = np.where(leaf, itself, parts["right"]).astype(np.intp)
    return Forest(
        roots=arrays[f"{prefix}_roots"].astype(np.intp),
        feature=np.where(leaf, 0, parts["feature"]).astype(np.intp),
        threshold=np.where(leaf, np.inf, parts["threshold"]),
        children=np.column_stack([left, right]).ravel(),
        value=parts["value"],
        baseline=float(arrays[f"{prefix}_baseline"]),
        depth=int(arrays[f"{prefix}_depth"]),
    )


def neighbour_scores(scores: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Stage-two inputs: the stage-one scores around each unit, and where the main run lies."""
    n = len(scores)
    padded = np.concatenate([np.zeros(3), scores, np.zeros(3)])
    columns = [padded[3 - k : 3 - k + n] for k in (1, 2, 3)] + [padded[3 + k : 3 + k + n] for k in (1, 2, 3)]
    window = moving_sum(scores, 9) / 9
    cumulative = np.cumsum(scores)
    total = max(float(cumulative[-1]), 1e-9)
    before = (cumulative - scores) / total
    after = 1.0 - cumulative / total
    max_before = np.concatenate([[0.0], np.maximum.accumulate(scores)[:-1]])
    max_after = np.concatenate([np.maximum.accumulate(scores[::-1])[::-1][1:], [0.0]])
    inside, distance = _main_run(scores, words)
    return np.column_stack(
        [scores, *columns, window, before, after, max_before, max_after, inside, distance]
    )


def _main_run(scores: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The run of units with the most word-weighted evidence of body (maximum-sum segment).

    Returns, per unit, whether it lies in that run and its distance from it in units (capped).
    """
    best_start, best_end, _ = best_run((scores - 0.5) * np.log1p(words))
    index = np.arange(len(scores))
    inside = ((index >= best_start) & (index <= best_end)).astype(np.float64)
    distance = np.maximum(best_start - index, index - best_end).clip(0, 30) / 30.0
    return inside, distance


def best_run(gains: np.ndarray) -> tuple[int, int, float]:
    """The contiguous run with the largest sum of gains (Kadane): first index, last index, sum."""
    best, best_start, best_end, running, start = -np.inf, 0, 0, 0.0, 0
    for i, gain in enumerate(gains):
        if running <= 0:
            running, start = 0.0, i
        running += gain
        if running > best:
            best, best_start, best_end = running, start, i
    return best_start, best_end, float(best)


def body_probability(
    matrix: np.ndarray, path: Path = MODEL_PATH, sequence_path: Path = SEQUENCE_PATH
) -> np.ndarray:
    """P(body) per unit of one page from its feature matrix: trees and sequence model averaged.

    Two model families err on different units; their mean beat either alone in cross-validation.
    """
    first, second = load_model(path)
    scores = first.probability(matrix)
    if len(scores) == 0:
        return scores
    words = np.expm1(matrix[:, FEATURES.index("log_words")])
    trees = second.probability(np.hstack([matrix, neighbour_scores(scores, words)]))
    averaged: np.ndarray = 0.5 * (trees + load_sequence(sequence_path).probability(matrix))
    return averaged
