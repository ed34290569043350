"""Quote extraction on Gender Gap Tracker-style gold: quote P/R/F1, speaker and resolved-name accuracy.

    python eval/quotes.py --data ../shared/data/quotes/ggt-dev/ggt-dev.jsonl
    python eval/quotes.py --data FILE --part holdout --show-errors 20

A gold quote is found when over 30% of its characters are covered by predicted statements (the GGT
rule); a predicted statement is right when over 30% of its characters lie in gold quotes. Speaker
accuracy counts found quotes whose predicted speaker overlaps the gold speaker span or names the
gold speaker or reference; resolved-name accuracy counts found quotes whose resolved speaker is the
gold `reference` (corporate suffixes aside; an anonymous description the annotators left unresolved
also matches a phrase that extends or trims it by its tail). Gold quotes listed twice (same span,
speaker and reference) count once. `--part` splits articles by position
(every fourth is `holdout`) for honest tuning.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.model import Article, Statement
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import StatementStage

COVER = 0.30
_TITLES = re.compile(r"^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen)\.?\s+")
_CORPORATE = re.compile(r"\s+(?:inc|co|corp|ltd|llc|plc)$")


_COUNTS = ("gold", "found", "predicted", "correct", "speaker", "resolved")


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    speaker: int = 0
    resolved: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    articles: list[tuple[int, ...]] = field(default_factory=list)  # one row of _COUNTS per article

    def add(self, other: Tally) -> None:
        for name in ("gold", "found", "predicted", "correct", "speaker", "resolved", "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.errors.extend(other.errors)
        self.articles.extend(other.articles or [tuple(getattr(other, name) for name in _COUNTS)])

    def intervals(self, draws: int = 2000, seed: int = 0) -> dict[str, tuple[float, float]]:
        """90% article-bootstrap intervals of F1, speaker and resolved-name accuracy."""
        import numpy as np

        if not self.articles:
            return {}
        counts = np.asarray(self.articles, dtype=float)
        picks = np.random.default_rng(seed).integers(0, len(counts), size=(draws, len(counts)))
        gold, found, predicted, correct, speaker, resolved = counts[picks].sum(axis=1).T
        precision, recall = correct / np.maximum(predicted, 1), found / np.maximum(gold, 1)
        scores = {
            "f1": 2 * precision * recall / np.maximum(precision + recall, 1e-9),
            "speaker": speaker / np.maximum(found, 1),
            "resolved": resolved / np.maximum(found, 1),
        }
        return {name: tuple(float(q) for q in np.quantile(v, [0.05, 0.95])) for name, v in scores.items()}

    def figures(self) -> dict[str, float]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speaker": self.speaker / self.found if self.found else 0.0,
            "resolved": self.resolved / self.found if self.found else 0.0,
            "words_per_s": self.words / self.seconds if self.seconds else 0.0,
        }


def load(path: Path, part: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if part == "all":
        return rows
    return [r for k, r in enumerate(rows) if (k % 4 == 3) == (part == "holdout")]


def normalise(name: str | None) -> str:
    if not name:
        return ""
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = _TITLES.sub("", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    text = " ".join(re.sub(r"[^\w\s-]", " ", text).split())
    return _CORPORATE.sub("", text)  # "Samsung Electronics Co." names the same company


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Pipeline:
    """The three stages the statement extractor needs, built once."""

    def __init__(self) -> None:
        settings = Settings()
        self.stages = (NlpStage(settings), EntityStage(settings), StatementStage(settings))

    def __call__(self, doc_id: str, text: str) -> Article:
        article = Article(id=doc_id, source=doc_id, body=text)
        for stage in self.stages:
            article = stage(article)
        return article


def score_article(row: dict[str, object], statements: Iterable[Statement], text: str) -> Tally:
    tally = Tally()
    predicted = list(statements)
    quotes: list[dict[str, Any]] = row["quotes"]  # type: ignore[assignment]
    gold = _unique([q for q in quotes if q.get("quote_span")])
    gold_spans = [tuple(q["quote_span"]) for q in gold]
    tally.gold, tally.predicted = len(gold), len(predicted)
    for s in predicted:
        inside = sum(overlap((s.start, s.end), g) for g in gold_spans)
        tally.correct += inside > COVER * max(1, s.end - s.start)
    for quote, span in zip(gold, gold_spans, strict=True):
        covered = sum(overlap((s.start, s.end), span) for s in predicted)
        if covered <= COVER * max(1, span[1] - span[0]):
            tally.errors.append(f"MISSED {row['id']} {text[span[0]:span[1]][:100]!r}")
            continue
        tally.found += 1
        best = max(predicted, key=lambda s: overlap((s.start, s.end), span))
        speaker_ok, resolved_ok = _judge(best, quote)
        tally.speaker += speaker_ok
        tally.resolved += resolved_ok
        if not resolved_ok:
            tally.errors.append(
                f"SPEAKER {row['id']} gold={quote.get('speaker')!r}/{quote.get('reference')!r} "
                f"got={best.speaker!r}/{best.speaker_resolved!r} :: {text[span[0]:span[1]][:70]!r}"
            )
    for s in predicted:
        if not any(overlap((s.start, s.end), g) for g in gold_spans):
            tally.errors.append(f"EXTRA {row['id']} {s.speaker!r} {s.text[:90]!r}")
    return tally


def _unique(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold quotes once each: one article of ggt-dev lists every quote twice, same span and speaker,
    which would count that article double."""
    seen: set[str] = set()
    kept = []
    for quote in quotes:
        key = json.dumps([quote.get("quote_span"), quote.get("speaker_span"), quote.get("reference")])
        if key not in seen:
            seen.add(key)
            kept.append(quote)
    return kept


def _judge(statement: Statement, quote: dict[str, object]) -> tuple[bool, bool]:
    reference = normalise(quote.get("reference"))  # type: ignore[arg-type]
    resolved = normalise(statement.speaker_resolved or statement.speaker)
    resolved_ok = bool(reference) and (resolved == reference or _same_description(quote, resolved))
    span = quote.get("speaker_span")
    span_ok = bool(span) and statement.speaker_start is not None and statement.speaker_end is not None and (
        overlap((statement.speaker_start, statement.speaker_end), tuple(span)) > 0  # type: ignore[arg-type]
    )
    named_ok = bool(quote.get("speaker")) and normalise(statement.speaker) == normalise(quote["speaker"])  # type: ignore[arg-type]
    return span_ok or named_ok or resolved_ok, resolved_ok


def _same_description(quote: dict[str, object], resolved: str) -> bool:
    """An anonymous speaker the gold leaves unresolved ("a person familiar with the talks") is named
    right by a phrase that only adds to it or cuts its tail, when they share two words or more."""
    raw = str(quote.get("reference") or "").strip()
    reference = normalise(raw)
    if reference != normalise(quote.get("speaker")) or any(w[:1].isupper() for w in raw.split()[1:]):  # type: ignore[arg-type]
        return False  # resolved by the annotator, or holding a proper name: exact match only
    shorter, longer = sorted((reference.split(), resolved.split()), key=len)
    return len(shorter) >= 2 and longer[: len(shorter)] == shorter


def evaluate(rows: list[dict[str, object]], pipeline: Pipeline) -> Tally:
    total = Tally()
    for row in rows:
        text = str(row["text"])
        began = time.perf_counter()
        article = pipeline(str(row["id"]), text)
        elapsed = time.perf_counter() - began
        tally = score_article(row, article.statements, text)
        tally.words, tally.seconds = len(text.split()), elapsed
        total.add(tally)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--part", choices=("all", "tune", "holdout"), default="all")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    rows = load(args.data, args.part)
    rows = rows[: args.limit] if args.limit else rows
    pipeline = Pipeline()
    pipeline("warm-up", "She said it was warm.")  # load spaCy outside the timing
    tally = evaluate(rows, pipeline)
    for line in tally.errors[: args.show_errors]:
        print(line)
    figures = tally.figures()
    print(f"articles {len(rows)}  gold quotes {tally.gold}  predicted {tally.predicted}")
    for name, value in figures.items():
        print(f"{name:>12}: {value:.3f}" if name != "words_per_s" else f"{name:>12}: {value:.0f}")
    spans = "  ".join(f"{name} {low:.3f}-{high:.3f}" for name, (low, high) in tally.intervals().items())
    print(f"90% article-bootstrap intervals (another set of such articles): {spans}")
    print("anchors: GGT extractor F1 0.837, speaker 0.865 (all 98 articles)")
    print(
        f"HEADLINE quotes P {figures['precision']:.3f} R {figures['recall']:.3f} F1 {figures['f1']:.3f} "
        f"speaker {figures['speaker']:.3f} resolved {figures['resolved']:.3f} "
        f"words/s {figures['words_per_s']:.0f}"
    )


if __name__ == "__main__":
    main()
