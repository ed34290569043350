"""What happened and when, end to end, on ISAF press releases: kill and capture events and their day.

    python eval/isaf_events.py --data ../shared/data/events/isaf-press-releases [--limit N]

Each release goes through the whole pipeline as scraped text (clean, parse, dates, events). Its gold
label says what the operation did (kill, capture, air strike) and the day it took place (resolved by
the annotator from "yesterday", "Tuesday night" against the release date). Printed:
- found: share of releases where the events stage reports an assault, fight or coercion (arrest)
  event at all;
- dated right: of those, share whose first such event is dated to the gold day, by sitroom's rule
  (`as_of`: a day in the event's sentence, else one the paragraph named just before, else the day
  the story's lead names, else the publication date) and, in the same run, by two simpler rules:
  the publication date for every event (how GDELT dates an event) and only a day written in the
  event's own sentence;
- how many more are right to the month and day with the year left open, as the text gives none;
- by basis: how many events took each basis and how often each was right;
- placed right: of the releases whose gold province the gazetteer knows, share whose first such
  event is placed at a town, district or province within 161 km of that province's centre (a country
  alone is not placed); provinces are 100-400 km across, so this is a coarse check of "where";
- the corpus step over all releases: storylines, and figure discrepancies flagged between releases.
  Each release reports its own operation, so a flag mostly means two raids were taken for one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.corpus import analyse
from sitroom.gazetteer import Gazetteer, ensure_built, gazetteer_path
from sitroom.model import Article, Event, RawArticle
from sitroom.pipeline import Pipeline
from sitroom.stages.places.geo import haversine_km

VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE"})
FILE = "isaf_press_releases_test_messages.jsonl"


def read_releases(folder: Path, limit: int | None) -> list[tuple[str, dict[str, object]]]:
    rows = []
    with (folder / FILE).open(encoding="utf-8") as handle:
        for line in handle:
            messages = json.loads(line)["messages"]
            text = messages[1]["content"].removeprefix("PRESS RELEASE TEXT: ")
            rows.append((text, json.loads(messages[2]["content"])))
            if limit and len(rows) >= limit:
                break
    return rows


def first_violent(article: Article) -> Event | None:
    return next((e for e in article.events if e.type in VIOLENT), None)


def rule_values(article: Article, event: Event) -> dict[str, str | None]:
    """The day each dating rule gives the event."""
    published = article.published[:10] if article.published else None
    own = event.date.value if event.date is not None and event.as_of_basis == "sentence" else None
    return {"sitroom": event.as_of, "published date": published, "own sentence only": own}


def province_centre(gazetteer: Gazetteer, names: object) -> tuple[float, float] | None:
    """The gazetteer's point for the gold province (an Afghan admin region), when it knows the name."""
    for name in names if isinstance(names, list) else []:
        found = gazetteer.lookup(str(name).title())
        regions = [c for c in found if c.country == "AFG" and c.kind == "region"]
        if regions:
            return regions[0].lat, regions[0].lon
    return None


def placed(event: Event, centre: tuple[float, float]) -> bool:
    where = event.location
    if where is None or where.kind == "country":
        return False
    return bool(haversine_km(where.lat, where.lon, *centre) <= 161)


def score(rows: list[tuple[str, dict[str, object]]], batch: int = 32) -> dict[str, float]:
    settings = Settings()
    pipeline = Pipeline.build(settings)
    gazetteer = Gazetteer(ensure_built(gazetteer_path(settings)))
    tally: Counter[str] = Counter()
    articles: list[Article] = []
    started = time.process_time()
    for offset in range(0, len(rows), batch):
        chunk = rows[offset : offset + batch]
        raws = [RawArticle(id=str(offset + k), source="isaf", kind="text", content=text)
                for k, (text, _) in enumerate(chunk)]  # fmt: skip
        for article, (_, gold) in zip(pipeline.run_batch(raws), chunk, strict=True):
            tally["releases"] += 1
            articles.append(article)
            event = first_violent(article)
            if event is None:
                continue
            tally["found"] += 1
            day = str(gold["start_date"])
            for rule, value in rule_values(article, event).items():
                tally[f"right {rule}"] += (value or "")[:10] == day
            centre = province_centre(gazetteer, gold.get("province"))
            if centre is not None:
                tally["located"] += 1
                tally["placed right"] += placed(event, centre)
            open_year = (event.as_of or "").startswith("XXXX-")
            tally["right but the year"] += open_year and (event.as_of or "")[4:10] == day[4:]
            basis = event.as_of_basis or "none"
            tally[f"basis {basis}"] += 1
            tally[f"basis {basis} right"] += (event.as_of or "")[:10] == day
    seconds = time.process_time() - started
    view = analyse(articles)
    tally["stories"], tally["discrepancies"] = len(view.stories), len(view.discrepancies)
    return report(tally, seconds)


def report(tally: Counter[str], seconds: float) -> dict[str, float]:
    releases, found = tally["releases"], tally["found"]
    figures = {"found": found / releases if releases else 0.0}
    print(f"{releases} releases; a kill, capture or arrest event found in {found} ({figures['found']:.3f})")
    for rule in ("sitroom", "published date", "own sentence only"):
        figures[rule] = tally[f"right {rule}"] / found if found else 0.0
        print(f"  dated right, {rule:<18} {figures[rule]:.3f}  ({tally[f'right {rule}']} of {found})")
    print(f"  and {tally['right but the year']} more right to the day with the year left open (XXXX-06-13): "
          "the text gives no year")  # fmt: skip
    for basis in ("sentence", "paragraph", "lead", "published", "none"):
        n = tally[f"basis {basis}"]
        if n:
            print(f"  basis {basis:<10} {n:>4} events, right {tally[f'basis {basis} right'] / n:.3f}")
    located = tally["located"]
    figures["placed"] = tally["placed right"] / located if located else 0.0
    print(f"  placed right {figures['placed']:.3f} ({tally['placed right']} of {located} whose province the "
          "gazetteer knows): a town, district or province within 161 km of the province's centre")
    figures["discrepancies"] = tally["discrepancies"]
    print(f"  corpus step: {tally['stories']} storylines, {tally['discrepancies']} figure discrepancies "
          "flagged between releases (each release tells its own operation, so a flag mostly means two "
          "raids taken for one)")  # fmt: skip
    print(f"  {releases / seconds if seconds else 0.0:.1f} releases per CPU-second (whole pipeline)")
    print(
        f"HEADLINE isaf events: found {figures['found']:.3f} | dated right {figures['sitroom']:.3f} "
        f"(publication date {figures['published date']:.3f}, own sentence {figures['own sentence only']:.3f})"
        f" | placed right {figures['placed']:.3f} | discrepancies flagged {tally['discrepancies']}"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the isaf-press-releases folder")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not (args.data / FILE).is_file():
        sys.exit(f"isaf_events: no {FILE} in {args.data}")
    score(read_releases(args.data, args.limit))


if __name__ == "__main__":
    main()
