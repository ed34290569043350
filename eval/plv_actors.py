"""Who did it to whom, end to end: the events stage's source and target on PLV sentences.

    python eval/plv_actors.py --data ../shared/data/events/plv-train/PLV_train.tsv [--limit N]

`eval/plv.py` scores the event type given the gold actors. This script gives the whole pipeline
(parse, entities, statements, places, figures, events) each PLV sentence as an article of its own
and scores the actors the events stage chose against the gold source and target spans: an actor
counts as right when its words overlap the gold span's words by at least half of the shorter.
Types are not scored here: the shipped classifier was trained on these sentences, so its types
would be scored in sample. Every PLV sentence reports an event between its two actors, so
recall is over all rows and precision over the events the stage emitted.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.model import Actor, Article
from sitroom.pipeline import load_stage_classes

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/events/plv-train/PLV_train.tsv"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Row:
    sentence: str
    source: str
    target: str


def read_rows(path: Path, limit: int | None = None) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [Row(r["sentence"], r["source"], r["target"]) for r in csv.DictReader(handle, delimiter="\t")]
    return rows[:limit] if limit else rows


def matches(actor: Actor | None, gold: str) -> bool:
    """Whether the actor's words overlap the gold span's by at least half of the shorter."""
    if actor is None:
        return False
    mine, theirs = set(_WORD.findall(actor.text.lower())), set(_WORD.findall(gold.lower()))
    return bool(mine and theirs) and len(mine & theirs) >= 0.5 * min(len(mine), len(theirs))


def score(rows: list[Row]) -> dict[str, float]:
    settings = Settings()
    stages = [cls(settings) for cls in load_stage_classes()]
    keys = ("events", "source_given", "target_given", "source", "target", "both", "swapped")
    counts = dict.fromkeys(keys, 0)
    for n, row in enumerate(rows):
        article = Article(id=f"plv{n}", source="plv", body=row.sentence)
        for stage in stages:
            article = stage(article)
        if not article.events:
            continue
        event = max(article.events, key=lambda e: e.confidence)
        source, target = event.source_actor, event.target_actor
        counts["events"] += 1
        counts["source_given"] += source is not None
        counts["target_given"] += target is not None
        s_ok, t_ok = matches(source, row.source), matches(target, row.target)
        counts["source"] += s_ok
        counts["target"] += t_ok
        counts["both"] += s_ok and t_ok
        counts["swapped"] += matches(source, row.target) and matches(target, row.source)
    return {k: float(v) for k, v in counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"eval/plv_actors.py: no such file: {args.data}")
    rows = read_rows(args.data, args.limit)
    started = time.process_time()
    c = score(rows)
    seconds = time.process_time() - started
    total = len(rows)

    def rate(part: float, whole: float) -> float:
        return part / whole if whole else 0.0

    print(f"{total} sentences, each with a gold source and target; an event emitted for {int(c['events'])}")
    for side in ("source", "target"):
        p, r = rate(c[side], c[f"{side}_given"]), rate(c[side], total)
        f1 = rate(2 * p * r, p + r)
        print(f"  {side}: P {p:.3f} (of {int(c[f'{side}_given'])} given)  R {r:.3f}  F1 {f1:.3f}")
    both = rate(c["both"], total)
    print(f"  both right: {both:.3f} of sentences ({rate(c['both'], c['events']):.3f} of events)")
    print(f"  source and target swapped: {int(c['swapped'])}")
    print(f"  {rate(total, seconds):.1f} sentences per CPU-second (whole pipeline)")
    sp, sr = rate(c["source"], c["source_given"]), rate(c["source"], total)
    tp, tr = rate(c["target"], c["target_given"]), rate(c["target"], total)
    print(
        f"HEADLINE plv actors: events {rate(c['events'], total):.3f} | source P {sp:.3f} R {sr:.3f} | "
        f"target P {tp:.3f} R {tr:.3f} | both {rate(c['both'], total):.3f}"
    )


if __name__ == "__main__":
    main()
