"""PLOVER source-target classification: the shipped ensemble vs a TF-IDF + LR baseline, one run.

    python eval/plv.py --data ../shared/data/events/plv-train/PLV_train.tsv      # 5-fold CV
    python eval/plv.py --data OTHER.tsv                                          # shipped model

Given the training file (or --cv) both systems are cross-validated (k=5, stratified, seed 0);
given any other PLV-style file the shipped weights are scored on it and the baseline is
trained on the training split. Macro-F1 is over the gold labels present.

The shipped model combines the linear model's probabilities with the fine-tuned MiniLM encoder's
(a normalised geometric mean, when the linear model is below 0.9 confidence).
Fine-tuning needs PyTorch, which this venv lacks, so in CV the encoder's half is its out-of-fold
probabilities on the same folds, written by `train/plover_encoder.py --cv` to
resources/plover/encoder_oof.npz (keyed by sentence_id); the linear half is refitted here. The
linear model's softmax temperature is the shipped one (one scalar, itself fitted out of fold).

The baseline is TF-IDF word 1-2-grams over the sentence with SRC/TGT markers and a class-balanced
logistic regression (C=10): stronger than the plain anchor in FIELD-NOTES (0.644), on purpose.
In CV the NGEC headline templates and synthetic story leads join every training fold of our model
(as in training) and are never scored; --plv-only leaves them out (the figure on PLV alone).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from train.plover import DEFAULT_DATA, Example, features, ngec_extra, read_plv

from sitroom.config import RESOURCES_DIR
from sitroom.stages.events.classifier import (
    ENCODER_WEIGHT,
    LINEAR_SURE,
    NO_EXTRA,
    LazyPloverModel,
    PloverModel,
    combine,
    fit_with,
)

SEED = 0
ENCODER_OOF = RESOURCES_DIR / "plover" / "encoder_oof.npz"
Probs = dict[str, float]


def folds(labels: Sequence[str], k: int, seed: int = SEED) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [(list(tr), list(te)) for tr, te in splitter.split(list(labels), list(labels))]


def cross_validate(
    examples: list[Example], k: int = 5, headlines: bool = True, stories: bool = True
) -> list[str]:
    """Out-of-fold predictions of the linear model (folds seeded 0)."""
    return [argmax(p) for p in repeated_cv(examples, k, headlines, stories, (SEED,))[0]]


def repeated_cv(
    examples: list[Example], k: int, headlines: bool, stories: bool, seeds: Sequence[int]
) -> list[list[Probs]]:
    """The linear model's out-of-fold probabilities, one list per fold seed, trained as
    train/plover.py trains it.

    Features are computed once (they use no labels); the NGEC examples join every training fold
    and are never scored.
    """
    feats = features(examples)
    labels = [e.label for e in examples]
    extra = ngec_extra(set(labels), stories) if headlines else NO_EXTRA
    temperature = PloverModel.load().temperature
    runs = []
    for seed in seeds:
        probs: list[Probs] = [{} for _ in examples]
        for train, test in folds(labels, k, seed):
            model = fit_with([feats[i] for i in train], [labels[i] for i in train], extra, temperature)
            for i in test:
                probs[i] = model.probabilities(feats[i])
        runs.append(probs)
    return runs


def argmax(probs: Probs) -> str:
    return max(probs, key=lambda c: probs[c])


def encoder_oof(examples: list[Example], seed: int, path: Path = ENCODER_OOF) -> list[Probs] | None:
    """The encoder's out-of-fold probabilities for these sentences on folds `seed`; None if absent."""
    import numpy as np

    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        if f"seed{seed}" not in data:
            return None
        row = {str(s): i for i, s in enumerate(data["sentence_id"])}
        classes, table = [str(c) for c in data["classes"]], data[f"seed{seed}"].astype(float)
    if any(e.sentence_id not in row for e in examples):
        return None
    return [dict(zip(classes, table[row[e.sentence_id]].tolist(), strict=True)) for e in examples]


def _baseline_text(example: Example) -> str:
    from sitroom.stages.events.features import mark

    return str(mark(example.sentence, example.source, example.target))


def baseline(train: list[Example], test: list[Example]) -> list[str]:
    """The anchor: TF-IDF word n-grams over the marked sentence + logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    matrix = vectorizer.fit_transform([_baseline_text(e) for e in train])
    model = LogisticRegression(max_iter=2000, C=10, class_weight="balanced").fit(
        matrix, [e.label for e in train]
    )
    return [str(p) for p in model.predict(vectorizer.transform([_baseline_text(e) for e in test]))]


def baseline_cv(examples: list[Example], k: int = 5) -> list[str]:
    predicted = [""] * len(examples)
    for train, test in folds([e.label for e in examples], k):
        for i, label in zip(
            test, baseline([examples[j] for j in train], [examples[j] for j in test]), strict=False
        ):
            predicted[i] = label
    return predicted


def scores(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, dict[str, float]]:
    """Macro-F1, accuracy and per-class F1 over the gold labels."""
    from sklearn.metrics import f1_score

    classes = sorted(set(gold))
    per_class = f1_score(gold, predicted, labels=classes, average=None, zero_division=0)
    macro = float(per_class.mean())
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=False)) / max(1, len(gold))
    return macro, accuracy, {c: float(f) for c, f in zip(classes, per_class, strict=False)}


def _score_shipped(examples: list[Example]) -> list[str]:
    model = LazyPloverModel()
    pairs = zip(examples, features(examples), strict=True)
    return [model.predict(f, e.sentence, e.source, e.target)[0] for e, f in pairs]


def cv_runs(
    examples: list[Example], k: int, plv_only: bool, seeds: Sequence[int], oof: Path = ENCODER_OOF
) -> tuple[list[list[str]], dict[str, list[str]]]:
    """Ensemble predictions per fold seed, plus each half alone on the first seed's folds.

    Seeds the encoder has no out-of-fold run for are left out (said so), never mixed in as linear
    runs; without any encoder run every seed scores the linear model alone.
    """
    linear_runs = repeated_cv(examples, k, not plv_only, True, seeds)
    encoder_runs = {seed: encoder_oof(examples, seed, oof) for seed in seeds}
    halves = {"linear": [argmax(p) for p in linear_runs[0]]}
    if encoder_runs[seeds[0]] is None:
        print(f"no encoder out-of-fold run in {oof}: the linear model alone")
        return [[argmax(p) for p in run] for run in linear_runs], halves
    runs = []
    for seed, linear in zip(seeds, linear_runs, strict=True):
        encoder = encoder_runs[seed]
        if encoder is None:
            print(f"fold seed {seed}: no encoder out-of-fold run in {oof}: left out")
            continue
        if seed == seeds[0]:
            halves["encoder"] = [argmax(p) for p in encoder]
        runs.append([argmax(combine(a, b)) for a, b in zip(linear, encoder, strict=True)])
    return runs, halves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cv", action="store_true", help="cross-validate even on another file")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--plv-only", action="store_true", help="cross-validate on PLV alone")
    parser.add_argument("--repeats", type=int, default=3, help="CV runs with fold seeds 0, 1, ...")
    parser.add_argument(
        "--encoder-oof", type=Path, default=ENCODER_OOF, help="the encoder's out-of-fold file (experiments)"
    )
    args = parser.parse_args()
    examples = read_plv(args.data)
    gold = [e.label for e in examples]
    cv = args.cv or args.data.resolve() == DEFAULT_DATA.resolve()
    started = time.perf_counter()
    seeds = list(range(max(1, args.repeats)))
    if cv:
        runs, halves = cv_runs(examples, args.k, args.plv_only, seeds, args.encoder_oof)
    else:
        runs, halves = [_score_shipped(examples)], {}
    seconds = time.perf_counter() - started
    anchor = baseline_cv(examples, args.k) if cv else baseline(read_plv(DEFAULT_DATA), examples)
    macro, accuracy, per_class = scores(gold, runs[0])
    base_macro, base_accuracy, _ = scores(gold, anchor)
    source = f"out-of-fold probabilities from {args.encoder_oof.name}"
    mode = f"{args.k}-fold CV (encoder: {source})" if cv else "shipped"
    print(f"{len(examples)} sentences, {mode}, encoder weight {ENCODER_WEIGHT}, "
          f"asked only below linear confidence {LINEAR_SURE}")
    for label, f1 in per_class.items():
        print(f"  {label:<10} F1 {f1:.3f}  (n={gold.count(label)})")
    for name, predicted in halves.items():
        print(f"{name + ' only':<14} macro-F1 {scores(gold, predicted)[0]:.3f}")
    print(f"sitroom    macro-F1 {macro:.3f}  accuracy {accuracy:.3f}")
    print(f"tfidf+lr   macro-F1 {base_macro:.3f}  accuracy {base_accuracy:.3f}")
    # One fold split is a noisy figure (+-0.01 between seeds): the mean over seeds is steadier.
    per_seed = [scores(gold, run)[0] for run in runs]
    repeated = sum(per_seed) / len(runs)
    if len(runs) > 1:
        each = " / ".join(f"{m:.3f}" for m in per_seed)
        print(f"sitroom    macro-F1 per fold seed {each}, mean over {len(runs)} fold seeds: {repeated:.3f}")
    speed = len(examples) * (len(seeds) if cv else 1) / seconds if seconds else 0.0
    print(f"speed {speed:.0f} sentences/s (parse + features + {'train + ' if cv else 'encoder + '}predict)")
    print(
        f"HEADLINE plv macro-F1 {macro:.3f} acc {accuracy:.3f} (mean of {len(runs)} seeds {repeated:.3f})"
        f" | tfidf+lr {base_macro:.3f} | {speed:.0f} sent/s"
    )


if __name__ == "__main__":
    main()
