"""Throughput of the QuantityStage and the EventStage on parsed articles, and the classifier alone.

    python bench/events.py [--data DIR] [--repeat N]

Bodies are plain text files (default: ../shared/seeds). The spaCy parse (NlpStage) runs once
before the clock: only the two stages are timed, after one warm-up article loads the weights and
actor tables. The PLV sentences time the bare classifier (features + linear scores) per sentence.
One process = one core; these machines are shared, so quote figures as rough.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from train.plover import DEFAULT_DATA, features, read_plv

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.events import EventStage
from sitroom.stages.events.classifier import PloverModel
from sitroom.stages.nlp import NlpStage
from sitroom.stages.quantities import QuantityStage

SHARED = Path(__file__).resolve().parents[2] / "shared"


def parsed_articles(folder: Path) -> list[Article]:
    nlp = NlpStage(Settings())
    bodies = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [nlp(Article(id=str(i), source="bench", body=b)) for i, b in enumerate(bodies)]


def time_stages(articles: list[Article], repeat: int) -> dict[str, float]:
    quantities, events = QuantityStage(Settings()), EventStage(Settings())
    events(quantities(articles[0]))  # warm-up: weights and actor tables load once
    began = time.perf_counter()
    found_q = found_e = 0
    for _ in range(repeat):
        for article in articles:
            done = events(quantities(article))
            found_q, found_e = found_q + len(done.quantities), found_e + len(done.events)
    seconds = time.perf_counter() - began
    sentences = sum(len(a.sentences) for a in articles) * repeat
    return {
        "articles_per_s": len(articles) * repeat / seconds,
        "sentences_per_s": sentences / seconds,
        "quantities": found_q / repeat,
        "events": found_e / repeat,
    }


def time_classifier(limit: int) -> float:
    feats = features(read_plv(DEFAULT_DATA)[:limit])
    model = PloverModel.load()
    began = time.perf_counter()
    for f in feats:
        model.predict(f)
    return len(feats) / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED / "seeds")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--plv", type=int, default=300, help="PLV sentences for the classifier timing")
    args = parser.parse_args()
    articles = parsed_articles(args.data)
    stages = time_stages(articles, args.repeat)
    classifier = time_classifier(args.plv)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(articles)} articles x {args.repeat}: "
        f"{stages['quantities']:.0f} figures, {stages['events']:.0f} events"
    )
    print(
        f"quantities + events: {stages['articles_per_s']:.1f} articles/s, "
        f"{stages['sentences_per_s']:.0f} sentences/s"
    )
    print(f"classifier alone: {classifier:.0f} sentences/s (features + scores, parse excluded)")
    print(f"peak memory {peak:.0f} MB (spaCy included)")
    print(
        f"HEADLINE events {stages['sentences_per_s']:.0f} sent/s | classifier {classifier:.0f} sent/s"
        f" | peak {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
