"""Token-shingle scoring as in the ScrapingHub article-extraction benchmark.

Text -> `\\w+` tokens -> 4-gram shingles (a shorter text is one shingle); per document
precision and recall of the extracted shingles against the gold ones; the means are
averaged over documents and F1 is taken of the means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(extracted: str, gold: str) -> tuple[float, float]:
    got, want = shingles(extracted), shingles(gold)
    overlap = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0
    precision = overlap / sum(got.values()) if got else (1.0 if not want else 0.0)
    recall = overlap / sum(want.values()) if want else 1.0
    return precision, recall


def f1_of_means(pairs: Iterable[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall, and the F1 of those means."""
    items = list(pairs)
    if not items:
        return 0.0, 0.0, 0.0
    p = sum(x for x, _ in items) / len(items)
    r = sum(y for _, y in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bootstrap_interval(
    pairs: Sequence[tuple[float, float]],
    against: Sequence[tuple[float, float]] | None = None,
    draws: int = 2000,
    level: float = 0.90,
    seed: int = 0,
) -> tuple[float, float]:
    """The page bootstrap's interval for the F1 of means, or for its difference with `against`.

    Pages are drawn with replacement (the same draws for both systems, so the difference is paired);
    how far the figure could move on another page set like this one.
    """
    if not pairs:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    ours = np.asarray(pairs, dtype=float)
    theirs = np.asarray(against, dtype=float) if against is not None else None
    picks = rng.integers(0, len(ours), size=(draws, len(ours)))
    figures = _f1(ours[picks].mean(axis=1))
    if theirs is not None:
        figures = figures - _f1(theirs[picks].mean(axis=1))
    low, high = np.quantile(figures, [(1 - level) / 2, (1 + level) / 2])
    return float(low), float(high)


def _f1(means: np.ndarray) -> np.ndarray:
    p, r = means[:, 0], means[:, 1]
    total = p + r
    f1: np.ndarray = (2 * p * r) / (total + (total == 0))
    return f1
