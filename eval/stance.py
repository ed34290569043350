"""Stance of statements: accuracy and per-class F1 on hand-labelled statements from three sources.

    python eval/stance.py --data ../shared/data/quotes/polnear/dev
    python eval/stance.py --data DIR --show-errors 30 --part tune

Labels (offsets and a label, never text) were written by hand, blind, following eval/STANCE-GUIDE.md.
The tuning split, which the rules were revised against: eval/stance_labels.tsv (PolNeAR dev),
eval/stance_labels_polnear_train.tsv (PolNeAR train, found beside --data), eval/stance_labels_ggt.tsv
(Gender Gap Tracker dev, ../ggt-dev beside the PolNeAR folder) and eval/stance_labels_tune4.tsv to
eval/stance_labels_tune10.tsv (plain random draws from all three, fourth to tenth rounds, each labelled blind
and scored once before any rule was revised against it).
The clean test split, eval/stance_labels_test.tsv (a fresh random draw from all three), was never
tuned on: only its aggregate figures are printed and --show-errors never lists its rows. Two figures:
the classifier on the gold content and cue spans, and end to end, the stance of the StatementStage
statement overlapping each labelled content span most.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.quotes import Pipeline
from sitroom.model import Article
from sitroom.stages.statements.stance import STANCES, stance_of

HERE = Path(__file__).resolve().parent
LABELS = HERE / "stance_labels.tsv"
TEST_LABELS = HERE / "stance_labels_test.tsv"
# later tuning draws, seven columns (the source first); rounds four to thirteen: plain random, labelled blind
TUNE_DRAWS = tuple(HERE / f"stance_labels_tune{k}.tsv" for k in (4, 5, 6, 7, 8, 9, 10, 11, 12, 13))


class Item(NamedTuple):
    source: str
    doc: str
    content: tuple[int, int]
    cue: tuple[int, int]
    label: str
    test: bool
    batch: str = ""  # the label file's stem


def load_labels(path: Path, source: str = "polnear-dev", test: bool = False) -> list[Item]:
    """Rows of one label file; a seven-column file names each row's source in its first column."""
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        row_source = fields.pop(0) if len(fields) == 7 else source
        doc, cs, ce, qs, qe, label = fields
        items.append(Item(row_source, doc, (int(cs), int(ce)), (int(qs), int(qe)), label, test, path.stem))
    return items


def text_readers(args: argparse.Namespace) -> dict[str, Callable[[str], str] | None]:
    """A reader of document text per source, or None where the data is not there."""

    def folder(path: Path) -> Callable[[str], str] | None:
        return (lambda doc: (path / f"{doc}.txt").read_text(encoding="utf-8")) if path.is_dir() else None

    ggt = args.ggt or args.data.parent.parent / "ggt-dev" / "ggt-dev.jsonl"
    by_id: dict[str, str] = {}
    if ggt.is_file():
        for line in ggt.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            by_id[row["id"]] = row["text"]
    return {
        "polnear-dev": folder(args.data / "text"),
        "polnear-train": folder((args.polnear_train or args.data.parent / "train") / "text"),
        "ggt-dev": by_id.__getitem__ if by_id else None,
    }


SOURCES = {
    "polnear-dev": LABELS,
    "polnear-train": HERE / "stance_labels_polnear_train.tsv",
    "ggt-dev": HERE / "stance_labels_ggt.tsv",
}


def cue_lemma(article: Article, start: int, end: int) -> str | None:
    """The lemma of the cue's verb (the last verb inside the cue span, else its last token)."""
    inside = [t for t in article.tokens if start <= t.start < end]
    verbs = [t for t in inside if t.pos in ("VERB", "AUX") and t.lemma not in ("be", "have", "do")]
    chosen = verbs[-1] if verbs else (inside[-1] if inside else None)
    return chosen.lemma.lower() if chosen else None


def sentence_context(article: Article, start: int, end: int) -> str:
    spans = [s for s in article.sentences if s.end > start and s.start < end]
    if not spans:
        return article.body[start:end]
    return article.body[spans[0].start : spans[-1].end]


def per_class(gold: list[str], predicted: list[str]) -> dict[str, tuple[float, int]]:
    scores: dict[str, tuple[float, int]] = {}
    for label in STANCES:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        scores[label] = (f1, sum(g == label for g in gold))
    return scores


def report(name: str, gold: list[str], predicted: list[str]) -> float:
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(1, len(gold))
    scores = per_class(gold, predicted)
    present = [f1 for f1, support in scores.values() if support]
    macro = sum(present) / max(1, len(present))
    print(f"{name}: n {len(gold)}  accuracy {accuracy:.3f}  macro-F1 {macro:.3f}")
    print("   " + "  ".join(f"{label} {f1:.2f} (n={support})" for label, (f1, support) in scores.items()))
    return accuracy


def classify(article: Article, item: Item) -> str:
    """The classifier alone, on the gold content and cue spans."""
    (cs, ce), (qs, qe) = item.content, item.cue
    context = sentence_context(article, min(cs, qs), max(ce, qe))
    return stance_of(cue_lemma(article, qs, qe), article.body[cs:ce], context, article.body[qs:qe])


def end_to_end(article: Article, item: Item) -> str | None:
    """The stance of the found statement overlapping the labelled content most, if any."""
    cs, ce = item.content
    overlapping = [s for s in article.statements if min(s.end, ce) - max(s.start, cs) > 0]
    if not overlapping:
        return None
    return max(overlapping, key=lambda s: min(s.end, ce) - max(s.start, cs)).stance


def load_items(args: argparse.Namespace) -> tuple[list[Item], dict[str, Callable[[str], str] | None]]:
    readers = text_readers(args)
    items: list[Item] = []
    for source, path in SOURCES.items():
        if readers[source] is None:
            print(f"note: no data for {source}; its labels are left out")
            continue
        items += load_labels(args.labels if source == "polnear-dev" else path, source)
    for path in TUNE_DRAWS:
        items += [item for item in load_labels(path) if readers[item.source] is not None]
    items += [item for item in load_labels(TEST_LABELS, test=True) if readers[item.source] is not None]
    if args.part != "all":
        items = [item for item in items if item.test == (args.part == "test")]
    return items, readers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR dev folder")
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels for the --data folder")
    parser.add_argument("--polnear-train", type=Path, help="PolNeAR train folder (default: beside --data)")
    parser.add_argument("--ggt", type=Path, help="ggt-dev.jsonl (default: ../../ggt-dev from --data)")
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--part", choices=("all", "tune", "test"), default="all")
    args = parser.parse_args()
    items, readers = load_items(args)
    pipeline = Pipeline()
    articles: dict[tuple[str, str], Article] = {}
    predicted: list[str] = []
    ends: list[tuple[str, str]] = []
    for item in items:
        key = (item.source, item.doc)
        if key not in articles:
            articles[key] = pipeline(item.doc, readers[item.source](item.doc))  # type: ignore[misc]
        predicted.append(classify(articles[key], item))
        found = end_to_end(articles[key], item)
        if found is not None:
            ends.append((item.label, found))
    # the test split stays clean: its rows are never listed
    errors = [(i, p) for i, p in zip(items, predicted, strict=True) if i.label != p and not i.test]
    for item, guess in errors[: args.show_errors]:
        article = articles[(item.source, item.doc)]
        print(
            f"{item.batch} {item.source} {item.doc[:30]} {item.content}: gold {item.label} got {guess} "
            f"(cue {article.body[slice(*item.cue)]!r}) {article.body[slice(*item.content)][:150]!r}"
        )
    print_figures(items, predicted, ends)


def print_figures(items: list[Item], predicted: list[str], ends: list[tuple[str, str]]) -> None:
    gold = [item.label for item in items]
    accuracy = report("classifier on gold spans, all rows", gold, predicted)
    parts = {"tuning rows": False, "clean test rows": True}
    figures = {name: _part(name, test, items, gold, predicted) for name, test in parts.items()}
    for source in dict.fromkeys(item.source for item in items):
        rows = [k for k, item in enumerate(items) if item.source == source]
        report(f"  {source}", [gold[k] for k in rows], [predicted[k] for k in rows])
    for path in TUNE_DRAWS:  # a later draw: its figure was honest only before the rules saw its rows
        rows = [k for k, item in enumerate(items) if item.batch == path.stem]
        if rows:
            report(f"  tuning draw {path.name}", [gold[k] for k in rows], [predicted[k] for k in rows])
    end_accuracy = report("end to end (statements found)", [g for g, _ in ends], [p for _, p in ends])
    held = [label for label, item in zip(gold, items, strict=True) if item.test] or gold
    majority = Counter(held).most_common(1)[0][0]
    base = report(f"baseline on the test rows: always {majority}", held, [majority] * len(held))
    (test_acc, n_test), (tune_acc, n_tune) = figures["clean test rows"], figures["tuning rows"]
    print(
        f"HEADLINE stance accuracy {test_acc:.3f} on {n_test} clean test statements (always-{majority} "
        f"{base:.3f}; tuning rows {tune_acc:.3f} on {n_tune}; all {accuracy:.3f} on {len(gold)}; "
        f"end to end {end_accuracy:.3f} on {len(ends)})"
    )


def _part(
    name: str, test: bool, items: list[Item], gold: list[str], predicted: list[str]
) -> tuple[float, int]:
    """Accuracy and size of the tuning or the test rows, printed with per-class F1."""
    rows = [k for k, item in enumerate(items) if item.test == test]
    if not rows:
        return 0.0, 0
    chosen = ([gold[k] for k in rows], [predicted[k] for k in rows])
    accuracy = report(f"classifier on gold spans, {name}", *chosen)
    right = [g == p for g, p in zip(*chosen, strict=True)]
    low, high = document_interval([(items[k].source, items[k].doc) for k in rows], right)
    print(f"   accuracy, 90% document-bootstrap interval (another such set of rows): {low:.3f}-{high:.3f}")
    return accuracy, len(rows)


def document_interval(
    documents: list[tuple[str, str]], right: list[bool], draws: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Statements of one article are not independent: draw whole articles with replacement."""
    import numpy as np

    groups: dict[tuple[str, str], list[bool]] = {}
    for document, ok in zip(documents, right, strict=True):
        groups.setdefault(document, []).append(ok)
    counts = np.array([(sum(oks), len(oks)) for oks in groups.values()], dtype=float)
    if not len(counts):
        return 0.0, 0.0
    picks = np.random.default_rng(seed).integers(0, len(counts), size=(draws, len(counts)))
    sums = counts[picks].sum(axis=1)
    low, high = np.quantile(sums[:, 0] / sums[:, 1], [0.05, 0.95])
    return float(low), float(high)


if __name__ == "__main__":
    main()
