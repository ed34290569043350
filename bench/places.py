"""Throughput of the place stage alone (mentions, resolution, distance claims) on already-parsed text.

    python bench/places.py --data ../shared/data/geo/GeoVirus/GeoVirus.xml [--limit 100]

Parses every article once with the NLP stage first (not timed), then times the place stage, and the
gold-span resolution on its own; ends with one line of headline figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.geo import load

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.nlp import NlpStage
from sitroom.stages.places import PlaceStage


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args(argv)
    gold = load(args.data)[: args.limit]
    settings = Settings()
    nlp, stage = NlpStage(settings), PlaceStage(settings)
    parsed = [nlp(Article(id=str(i), source="bench", body=item.text)) for i, item in enumerate(gold)]
    began = time.perf_counter()
    _ = stage.gazetteer
    open_s = time.perf_counter() - began
    began = time.perf_counter()
    places = sum(len(stage(article).places) for article in parsed)
    stage_s = time.perf_counter() - began
    began = time.perf_counter()
    spans = sum(len(stage.resolve_spans(g.text, [(t.start, t.end) for t in g.toponyms])) for g in gold)
    spans_s = time.perf_counter() - began
    print(f"gazetteer open      {open_s * 1000:.1f} ms")
    print(f"place stage         {len(parsed) / stage_s:.1f} articles/s, {places / stage_s:.1f} places/s")
    print(f"gold-span resolve   {spans / spans_s:.1f} places/s")
    print(f"bench places articles={len(parsed)} stage_articles_per_s={len(parsed) / stage_s:.1f} "
          f"stage_places_per_s={places / stage_s:.1f} resolve_places_per_s={spans / spans_s:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
