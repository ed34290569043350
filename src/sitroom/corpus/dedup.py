"""Duplicates and syndicated copies: MinHash candidates over word 5-gram shingles, verified exactly.

A copy is kept (it is evidence that the story travelled) but marked as a duplicate of the
earliest version, so counts of independent sources and figure comparisons skip it.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from sitroom.model import Article
from sitroom.model.corpus import Duplicate

_WORD = re.compile(r"\w+")
_PRIME = (1 << 61) - 1
_HASHES, _BANDS = 128, 32
_rng = np.random.default_rng(20261123)
_A = _rng.integers(1, _PRIME, size=_HASHES, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=_HASHES, dtype=np.uint64)


def shingle_set(text: str, n: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    return {zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(max(0, len(words) - n + 1))}


def _signature(shingles: set[int]) -> np.ndarray:
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    # (a*x + b) mod p, in uint64 with wraparound: a fixed family of hash functions, enough for LSH.
    signature: np.ndarray = np.min(values[None, :] * _A[:, None] + _B[:, None], axis=1)
    return signature


def find_duplicates(
    articles: Sequence[Article], min_words: int = 40, jaccard: float = 0.5, containment: float = 0.8
) -> list[Duplicate]:
    """Each copy points at its original: the earliest published, then the first by source."""
    usable = [a for a in articles if not a.rejected and len(a.body.split()) >= min_words]
    usable.sort(key=lambda a: (a.published or "9999", a.source, a.id))
    sets = [shingle_set(a.body) for a in usable]
    rows = _HASHES // _BANDS
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for index, shingles in enumerate(sets):
        signature = _signature(shingles)
        for band in range(_BANDS):
            buckets[(band, signature[band * rows : (band + 1) * rows].tobytes())].append(index)
    original: dict[int, tuple[int, float]] = {}
    for members in buckets.values():
        for pos, later in enumerate(members):
            for earlier in members[:pos]:
                if later in original:
                    break
                score = _similarity(sets[earlier], sets[later], jaccard, containment)
                if score is not None:
                    root = original.get(earlier, (earlier, 1.0))[0]
                    original[later] = (root, score)
    return [
        Duplicate(usable[i].id, usable[root].id, round(score, 3))
        for i, (root, score) in sorted(original.items())
    ]


def _similarity(a: set[int], b: set[int], jaccard: float, containment: float) -> float | None:
    shared = len(a & b)
    if not shared:
        return None
    j = shared / len(a | b)
    c = shared / min(len(a), len(b))
    return j if j >= jaccard else (c if c >= containment else None)
