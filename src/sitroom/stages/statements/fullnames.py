"""Full names by their parts: which full name a short one ("Rusnac", "Kim") stands for, found by
lookup instead of a scan of every full name in the article (a transcript names thousands, and the
resolver asks once per mention)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

# An Arabic article or particle joined to a surname: "al-Gallal" is written "Gallal" on second mention.
_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|ben)-(?=[A-Z])")


class FullNames:
    """The article's full names (two words or more), indexed by their trailing and leading words."""

    def __init__(self, full: Iterable[tuple[int, str]]) -> None:
        self._tails: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self._heads: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        joined: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        for start, name in sorted(full):
            parts = tuple(name.split())
            for k in range(1, len(parts)):
                self._tails.setdefault(parts[-k:], []).append((start, name))
                self._heads.setdefault(parts[:k], []).append((start, name))
            particle = _PARTICLE.match(parts[-1]) if len(parts) > 1 else None
            if particle:  # "Jalal al-Gallal", then "Gallal said"
                joined.setdefault((parts[-1][particle.end() :],), []).append((start, name))
        for tail, named in joined.items():  # not one two people share: "Hafez al-Assad", "Bashar al-Assad"
            if tail not in self._tails and len({name for _, name in named}) == 1:
                self._tails[tail] = named
        self._starts = {id(group): [start for start, _ in group]
                        for index in (self._tails, self._heads) for group in index.values()}  # fmt: skip

    def nearest(self, words: tuple[str, ...], offset: int) -> str | None:
        """The longer full name that ends with the words (else one that starts with them, East Asian
        order), nearest before the offset, else the first after it; None when there is none."""
        for index in (self._tails, self._heads):
            group = index.get(words)
            if group:
                return self._nearest(group, offset)
        return None

    def _nearest(self, group: list[tuple[int, str]], offset: int) -> str:
        starts = self._starts[id(group)]
        at = bisect.bisect_right(starts, offset)
        chosen = starts[at - 1] if at else starts[at]  # the last at or before the offset, else the next
        return group[bisect.bisect_left(starts, chosen)][1]  # the same place twice: the first by name
