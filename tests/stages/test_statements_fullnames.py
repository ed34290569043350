"""Full names found by their parts answer as the scan of every full name they replace."""

from __future__ import annotations

import random

from sitroom.stages.statements.fullnames import FullNames


def _scan(full: list[tuple[int, str]], name: str, offset: int) -> str | None:
    """The rule as a scan: a longer name ending with the words (else starting with them), nearest
    before the offset, else the first after it."""
    words = name.split()
    best: tuple[int, int, str] | None = None
    for start, candidate in full:
        parts = candidate.split()
        if len(parts) <= len(words) or not (parts[-len(words):] == words or parts[: len(words)] == words):
            continue
        distance = offset - start if start <= offset else 10**6 + start
        key = (0 if parts[-len(words):] == words else 1, distance, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def test_nearest_full_name_matches_the_scan() -> None:
    given = ["Kim", "Ana", "Jong", "Lee", "Park"]
    family = ["Kim", "Rotaru", "Un", "Yong-hyun", "Lee"]
    for seed in range(10):
        rng = random.Random(seed)
        full = []
        for _ in range(rng.randrange(1, 60)):
            words = [rng.choice(given) for _ in range(rng.randrange(1, 3))] + [rng.choice(family)]
            full.append((rng.randrange(0, 3000), " ".join(words)))
        index = FullNames(full)
        for _ in range(300):
            name = " ".join(rng.choice(given + family) for _ in range(rng.randrange(1, 3)))
            offset = rng.randrange(0, 3000)
            assert index.nearest(tuple(name.split()), offset) == _scan(full, name, offset), (name, offset)


def test_surname_prefers_the_nearest_earlier_person() -> None:
    index = FullNames([(0, "Ana Rotaru"), (500, "Mihai Rotaru"), (900, "Kim Jong Un")])
    assert index.nearest(("Rotaru",), 400) == "Ana Rotaru"
    assert index.nearest(("Rotaru",), 800) == "Mihai Rotaru"
    assert index.nearest(("Kim",), 0) == "Kim Jong Un"  # East Asian order, named later
    assert index.nearest(("Dahl",), 100) is None
