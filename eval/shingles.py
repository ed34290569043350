"""Token-shingle scoring as in the ScrapingHub article-extraction benchmark.

Text -> `\\w+` tokens -> 4-gram shingles (a shorter text is one shingle); per document
precision and recall of the extracted shingles against the gold ones; the means are
averaged over documents and F1 is taken of the means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

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
