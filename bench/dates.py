"""Throughput of the DateStage (tagging, inference, normalisation) against dateparser's text search.

    python bench/dates.py [--data DIR] [--repeat N]

Bodies are plain text files (default: ../shared/seeds) and TimeML documents' text, undated so the
inference runs too. One process, figures per core; dateparser's `search_dates` on the same
bodies is the anchor when installed: quote the ratio, these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.timeml import read_document

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.dates import DateStage

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_bodies(folder: Path, limit: int) -> list[str]:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    bodies += [read_document(p).text for p in sorted(folder.rglob("*.tml"))]
    return bodies[:limit]


def time_stage(bodies: list[str], repeat: int) -> tuple[float, int]:
    stage = DateStage(Settings())
    stage(Article(id="warm", source="bench", body=bodies[0]))  # compile the rules before timing
    started = time.perf_counter()
    found = 0
    for round_ in range(repeat):
        for i, body in enumerate(bodies):
            found += len(stage(Article(id=f"{round_}-{i}", source="bench", body=body)).timexes)
    return time.perf_counter() - started, found


def time_dateparser(bodies: list[str]) -> float | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("warm up on Friday", languages=["en"])
    started = time.perf_counter()
    for body in bodies:
        search_dates(body, languages=["en"])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "seeds", help="*.txt and/or *.tml files")
    parser.add_argument("--limit", type=int, default=100, help="at most this many documents")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bodies = load_bodies(args.data, args.limit)
    if not bodies:
        parser.error(f"no *.txt or *.tml files under {args.data}")
    chars = sum(len(b) for b in bodies) * args.repeat
    seconds, found = time_stage(bodies, args.repeat)
    docs = len(bodies) * args.repeat
    print(f"DateStage: {docs} docs, {chars:,} chars, {found} timexes in {seconds:.2f} s")
    print(f"  {docs / seconds:.0f} docs/s  {chars / seconds / 1000:.0f} k chars/s")
    anchor = time_dateparser(bodies)
    ratio = ""
    if anchor is not None:
        anchor_rate = len(bodies) / anchor
        ratio = f"  dateparser search {anchor_rate:.1f} docs/s ({docs / seconds / anchor_rate:.1f}x)"
        print(f"anchor: dateparser.search_dates {anchor_rate:.1f} docs/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB")
    rate = f"{docs / seconds:.0f} docs/s  {chars / seconds / 1000:.0f} k chars/s"
    print(f"DATES {args.data.name}: {rate}{ratio}")


if __name__ == "__main__":
    main()
