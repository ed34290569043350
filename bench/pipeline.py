"""Throughput and memory of the whole per-article pipeline, per stage, against spaCy alone.

    python bench/pipeline.py [--data DIR] [--repeat N]
    python bench/pipeline.py --long 40

Runs in one process (figures are per core). The anchor is spaCy's small model run over the
same clean bodies in the same run: quote the ratio, since these machines are shared and noisy.
`--long K` instead reads one article made of the inputs' bodies K times over (a transcript or a
report dumped to text), so that a stage whose cost grows faster than the text shows: its ratio to
spaCy should stay near the short articles' one.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.ingest.readers import make_raw, read_paths
from sitroom.model import Article, Hints, RawArticle
from sitroom.pipeline import Pipeline, apply_stage
from sitroom.stages.clean import learn_profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / "demo" / "corpus")
    parser.add_argument(
        "--repeat", type=int, default=5, help="process the inputs this many times (distinct ids)"
    )
    parser.add_argument("--long", type=int, default=0, help="one article of the bodies this many times over")
    args = parser.parse_args()
    originals = [r for r in read_paths([args.data]) if r.problem is None]
    raws = [
        make_raw(f"{r.source}#{i}", r.kind, r.content + f"\n\n{i}", r.hints)
        for i in range(args.repeat)
        for r in originals
    ]
    pipeline = Pipeline.build(Settings(workers=1), learn_profile(raws))
    pipeline.run_batch(raws[:2])  # load models before timing
    if args.long:
        bodies = [a.body for a in pipeline.run_batch(raws[: len(originals)]) if a.body]
        text = "\n\n".join(bodies * args.long)
        raws = [make_raw("long.txt", "text", "A long report on the Dniester\n\n" + text, Hints())]
    stage_seconds: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    articles: list[Article] = []
    size = Settings().batch_size
    for first in range(0, len(raws), size):  # batches as the runner hands them out
        articles.extend(run_timed(pipeline, raws[first : first + size], stage_seconds))
    total = time.perf_counter() - started
    words = sum(len(a.body.split()) for a in articles)
    import spacy  # the anchor is the stock model, as anyone would run it

    nlp = spacy.load(Settings().spacy_model)
    nlp.max_length = max([nlp.max_length] + [len(a.body) + 1 for a in articles])  # --long: 1M characters
    t = time.perf_counter()
    for _ in nlp.pipe([a.body for a in articles if a.body]):
        pass
    anchor = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shape = f"one article of {len(originals)} bodies x {args.long}" if args.long else (
        f"{len(originals)} distinct x {args.repeat}")
    print(f"inputs: {len(raws)} ({shape}), {words:,} words in clean bodies")
    for name, seconds in stage_seconds.items():
        print(f"  {name:<12} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    print(f"spaCy alone (anchor): {words / anchor:,.0f} words/s")
    print(
        f"HEADLINE pipeline {len(raws) / total:.1f} articles/s, {words / total:,.0f} words/s per core "
        f"({words / total / (words / anchor):.2f}x spaCy alone), peak memory {peak_mb:,.0f} MB"
    )


def run_timed(pipeline: Pipeline, raws: list[RawArticle], seconds: dict[str, float]) -> list[Article]:
    """`Pipeline.run_batch`, with the time of each step added to `seconds`."""
    t = time.perf_counter()
    articles = [pipeline.cleaner(raw) for raw in raws]
    seconds["clean"] += time.perf_counter() - t
    live = [k for k, article in enumerate(articles) if not article.rejected]
    for stage in pipeline.stages:
        t = time.perf_counter()
        for k, article in zip(live, apply_stage(stage, [articles[k] for k in live]), strict=True):
            articles[k] = article
        seconds[stage.name] += time.perf_counter() - t
    return articles


if __name__ == "__main__":
    main()
