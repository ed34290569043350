"""Extraction throughput and peak memory: sitroom vs trafilatura, text and HTML tracks, one run.

    python bench/extraction.py --data ../shared/data/extraction/wcxb-dev-articles --limit 200

Each (track, system) runs in its own fresh process, so peak memory (ru_maxrss) is that system's
alone; one warm-up page (and the text cleaner's `warm_up`) loads models and lazy imports before
the clock starts. Pages are read and flattened before timing: only the extraction call is timed.
One process = one core; articles per CPU-second are the per-core rate, wall-clock rates are shown too.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.extraction import Page, flatten, load_pages, systems_for

RUNS = (("text", "sitroom"), ("text", "trafilatura"), ("html", "sitroom"), ("html", "trafilatura"))


def _rss_mb() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(data: Path, limit: int, track: str, system: str) -> dict[str, float]:
    """Articles per second and memory of one system on one track, in this process."""
    pages = load_pages(data, limit)
    flats = [flatten(page.html) for page in pages]
    extract = systems_for(track)[system]
    _quiet(extract, pages[0], flats[0])  # warm-up: imports, models, lazy resources
    if (track, system) == ("text", "sitroom"):
        from sitroom.stages.clean.text import warm_up

        warm_up()  # the language model loads only for a page that is not plainly English
    before = _rss_mb()
    began, cpu_began = time.perf_counter(), time.process_time()
    for page, flat in zip(pages, flats, strict=True):
        _quiet(extract, page, flat)
    # CPU time is what one core gives: on a shared machine the wall clock also counts waiting
    cpu = time.process_time() - cpu_began
    seconds = time.perf_counter() - began
    peak = _rss_mb()
    return {
        "pages": len(pages), "per_s": len(pages) / seconds, "cpu_per_s": len(pages) / cpu,
        "peak_mb": peak, "growth_mb": peak - before,
    }


def _quiet(extract: object, page: Page, flat: str) -> None:
    # A crash on one page costs its time, as it would in production.
    with contextlib.suppress(Exception):
        extract(page, flat)  # type: ignore[operator]


def _child(args: tuple[Path, int, str, str]) -> dict[str, float]:
    return measure(*args)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--track", choices=("text", "html", "both"), default="both")
    args = parser.parse_args(argv)
    tracks = ("text", "html") if args.track == "both" else (args.track,)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter per run: clean peak memory
    results: dict[tuple[str, str], dict[str, float]] = {}
    columns = f"{'pages':>6} {'art/s':>8} {'CPU art/s':>10} {'peak MB':>8} {'growth MB':>10}"
    print(f"{'track':<6} {'system':<12} {columns}")
    for track, system in (run for run in RUNS if run[0] in tracks):
        with context.Pool(1) as pool:
            got = pool.apply(_child, ((args.data, args.limit, track, system),))
        results[(track, system)] = got
        print(
            f"{track:<6} {system:<12} {got['pages']:>6.0f} {got['per_s']:>8.1f} {got['cpu_per_s']:>10.1f} "
            f"{got['peak_mb']:>8.0f} "
            f"{got['growth_mb']:>10.0f}"
        )
    head = []
    for track in tracks:
        ours, theirs = results[(track, "sitroom")], results[(track, "trafilatura")]
        head.append(
            f"{track} sitroom {ours['cpu_per_s']:.1f} art/s per core vs trafilatura "
            f"{theirs['cpu_per_s']:.1f} "
            f"(peak {ours['peak_mb']:.0f} MB vs {theirs['peak_mb']:.0f} MB)"
        )
    print("HEADLINE bench: " + " | ".join(head))


if __name__ == "__main__":
    main()
