"""Geoparsing benchmark on LGL and GeoVirus layouts: resolution given gold spans, and end to end.

    python eval/geo.py --data ../shared/data/geo/LGL/lgl.xml [--limit N] [--track spans|e2e|both]

Prints accuracy@161 km, mean and median error, AUC of the log error curve, detection P/R/F1
(end to end) and places/s, and ends with one line of headline figures.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.places.geo import haversine_km

ACC_KM = 161.0
_MAX_ERROR_KM = 20039.0  # half the equator: the AUC's worst case


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def load(path: Path) -> list[GoldArticle]:
    """Both layouts: LGL (<toponyms><toponym><gaztag>) and GeoVirus (<locations><location>)."""
    root = ET.parse(path).getroot()
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        toponyms = [_lgl(t) for t in node.iter("toponym")] + [_geovirus(t) for t in node.iter("location")]
        kept = tuple(a for t in toponyms if t is not None and (a := _aligned(text, t)) is not None)
        articles.append(GoldArticle(text, tuple(sorted(kept, key=lambda t: t.start))))
    return articles


def _aligned(text: str, toponym: GoldToponym) -> GoldToponym | None:
    """GeoVirus offsets are often one character off: move the span to the phrase if it is that near."""
    for shift in (0, -1, 1, -2, 2, -3, 3):
        start = toponym.start + shift
        if start >= 0 and text[start : start + len(toponym.phrase)] == toponym.phrase:
            end = start + len(toponym.phrase)
            return GoldToponym(start, end, toponym.phrase, toponym.lat, toponym.lon)
    return None


def _lgl(node: ET.Element) -> GoldToponym | None:
    tag = node.find("gaztag")
    if tag is None or tag.findtext("lat") is None:
        return None  # LGL leaves a few toponyms unresolved: they are not scored
    return GoldToponym(int(node.findtext("start") or 0), int(node.findtext("end") or 0),
                       node.findtext("phrase") or "", float(tag.findtext("lat") or 0),
                       float(tag.findtext("lon") or 0))


def _geovirus(node: ET.Element) -> GoldToponym:
    return GoldToponym(int(node.findtext("start") or 0), int(node.findtext("end") or 0),
                       node.findtext("name") or "", float(node.findtext("lat") or 0),
                       float(node.findtext("lon") or 0))


def error_figures(errors: list[float], total: int) -> dict[str, float]:
    """acc@161 over `total` gold toponyms (unresolved count as misses), and error statistics."""
    if not total:
        return {"acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 1.0}
    padded = errors + [_MAX_ERROR_KM] * (total - len(errors))
    auc = sum(math.log(1 + e) for e in padded) / (total * math.log(1 + _MAX_ERROR_KM))
    return {
        "acc161": sum(e <= ACC_KM for e in padded) / total,
        "mean_km": statistics.fmean(padded),
        "median_km": statistics.median(padded),
        "auc": auc,
    }


def given_spans(articles: list[GoldArticle], settings: Settings) -> dict[str, float]:
    """Resolve the gold toponym spans only: the recognition step is taken out."""
    from sitroom.stages.places import PlaceStage

    stage = PlaceStage(settings)
    errors: list[float] = []
    total = 0
    began = time.perf_counter()
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        places = stage.resolve_spans(article.text, spans)
        for gold, place in zip(article.toponyms, places, strict=True):
            total += 1
            if place is not None and place.lat is not None and place.lon is not None:
                errors.append(haversine_km(gold.lat, gold.lon, place.lat, place.lon))
    figures = error_figures(errors, total)
    figures.update(toponyms=total, places_per_s=total / max(time.perf_counter() - began, 1e-9))
    return figures


def end_to_end(articles: list[GoldArticle], settings: Settings) -> dict[str, float]:
    """Raw text through the stages up to places; a found place matches a gold toponym it overlaps."""
    stages = _stages_to_places(settings)
    found = gold = matched = correct = 0
    errors: list[float] = []
    began = time.perf_counter()
    for item in articles:
        article = Article(id="geo", source="eval", body=item.text)
        for stage in stages:
            article = stage(article)
        found += len(article.places)
        gold += len(item.toponyms)
        correct += sum(any(_overlap(p, t) for t in item.toponyms) for p in article.places)
        for toponym in item.toponyms:
            hit = next((p for p in article.places if p.start < toponym.end and toponym.start < p.end), None)
            if hit is not None and hit.lat is not None and hit.lon is not None:
                matched += 1
                errors.append(haversine_km(toponym.lat, toponym.lon, hit.lat, hit.lon))
    seconds = max(time.perf_counter() - began, 1e-9)
    figures = error_figures(errors, matched)
    precision = correct / found if found else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures.update(precision=precision, recall=recall, f1=f1, gold=gold, found=found, matched=matched,
                   acc161_of_gold=figures["acc161"] * recall, places_per_s=found / seconds)
    return figures


def _overlap(place: Any, toponym: GoldToponym) -> bool:
    return bool(place.start < toponym.end and toponym.start < place.end)


def _stages_to_places(settings: Settings) -> list[Any]:
    """The pipeline's order up to places: NLP, entity repair, places (dates and quotes do not feed it)."""
    from sitroom.stages.entities import EntityStage
    from sitroom.stages.nlp import NlpStage
    from sitroom.stages.places import PlaceStage

    return [NlpStage(settings), EntityStage(settings), PlaceStage(settings)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--track", choices=("spans", "e2e", "both"), default="both")
    args = parser.parse_args(argv)
    articles = load(args.data)
    if args.limit:
        articles = articles[: args.limit]
    settings = Settings()
    headline = [f"geo {args.data.name} articles={len(articles)}"]
    if args.track in ("spans", "both"):
        spans = given_spans(articles, settings)
        _print("given gold spans", spans)
        headline.append(f"spans_acc161={spans['acc161']:.3f}")
    if args.track in ("e2e", "both"):
        e2e = end_to_end(articles, settings)
        _print("end to end", e2e)
        headline.append(f"e2e_acc161={e2e['acc161']:.3f} e2e_f1={e2e['f1']:.3f}")
    print(" ".join(headline))
    return 0


def _print(title: str, figures: dict[str, float]) -> None:
    print(f"== {title}")
    for name, value in figures.items():
        print(f"  {name:14s} {value:.3f}" if isinstance(value, float) else f"  {name:14s} {value}")


if __name__ == "__main__":
    raise SystemExit(main())
