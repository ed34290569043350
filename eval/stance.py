"""Stance of statements: accuracy and per-class F1 on a hand-labelled PolNeAR dev sample.

    python eval/stance.py --data ../shared/data/quotes/polnear/dev
    python eval/stance.py --data DIR --labels eval/stance_labels.tsv

The labels (eval/stance_labels.tsv: document, content and cue offsets, label; no text) were written
by hand. Two figures: the stance rules on the gold content and cue spans (the classifier alone), and
end to end, the stance of the StatementStage statement that overlaps each labelled content span
most (only where the stage found one). A majority-class baseline is printed beside them.
The rules were revised against the even rows (`--part tune`); `--part holdout` scores the odd rows.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.quotes import Pipeline
from sitroom.model import Article
from sitroom.stages.statements.stance import STANCES, stance_of

LABELS = Path(__file__).resolve().parent / "stance_labels.tsv"
Item = tuple[str, int, int, int, int, str]


def load_labels(path: Path) -> list[Item]:
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        doc, cs, ce, qs, qe, label = line.split("\t")
        items.append((doc, int(cs), int(ce), int(qs), int(qe), label))
    return items


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--part", choices=("all", "tune", "holdout"), default="all")
    args = parser.parse_args()
    items = load_labels(args.labels)
    if args.part != "all":  # rules were tuned on the even rows only; the odd rows check them
        items = [item for k, item in enumerate(items) if (k % 2 == 1) == (args.part == "holdout")]
    pipeline = Pipeline()
    articles: dict[str, Article] = {}
    gold, rules, end_gold, end_pred = [], [], [], []
    errors: list[str] = []
    for doc, cs, ce, qs, qe, label in items:
        if doc not in articles:
            text = (args.data / "text" / f"{doc}.txt").read_text(encoding="utf-8")
            articles[doc] = pipeline(doc, text)
        article = articles[doc]
        content = article.body[cs:ce]
        context = sentence_context(article, min(cs, qs), max(ce, qe))
        predicted = stance_of(cue_lemma(article, qs, qe), content, context, article.body[qs:qe])
        gold.append(label)
        rules.append(predicted)
        if predicted != label:
            errors.append(f"{doc} {cs}-{ce}: gold {label} got {predicted} (cue {article.body[qs:qe]!r})")
        overlapping = [s for s in article.statements if min(s.end, ce) - max(s.start, cs) > 0]
        if overlapping:
            best = max(overlapping, key=lambda s: min(s.end, ce) - max(s.start, cs))
            end_gold.append(label)
            end_pred.append(best.stance)
    for line in errors[: args.show_errors]:
        print(line)
    majority = Counter(gold).most_common(1)[0][0]
    accuracy = report("rules on gold spans", gold, rules)
    end_accuracy = report("end to end (statements found)", end_gold, end_pred)
    base = report(f"baseline: always {majority}", gold, [majority] * len(gold))
    print(f"HEADLINE stance accuracy {accuracy:.3f} on {len(gold)} labelled statements "
          f"(end to end {end_accuracy:.3f} on {len(end_gold)}; majority baseline {base:.3f})")


if __name__ == "__main__":
    main()
