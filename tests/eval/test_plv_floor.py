"""Quality floor for the PLOVER classifier: cross-validation on a slice of PLV (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.plv import _score_shipped, argmax, encoder_oof, repeated_cv, scores
from train.plover import read_plv

from sitroom.stages.events.classifier import blend

ENSEMBLE_FLOOR = 0.76  # measured 0.787 (the encoder's out-of-fold probabilities alone: 0.743)


def test_plv_cv_floor_on_a_slice(shared_dir: Path) -> None:
    # Every fourth sentence, 3 folds, headlines but not the 4,400 story leads (parsing them takes
    # minutes): measured macro-F1 0.602, accuracy 0.658 (TF-IDF + LR: 0.443). The encoder's shipped
    # out-of-fold probabilities (5 folds over all of PLV) are out of fold for these sentences too:
    # blended with the linear model's they measured macro-F1 0.787 (0.793 with the arithmetic mean
    # shipped before; on all of PLV with 5 folds the geometric mean is the better one).
    examples = read_plv(shared_dir / "data/events/plv-train/PLV_train.tsv")[::4]
    gold = [e.label for e in examples]
    linear = repeated_cv(examples, 3, True, False, (0,))[0]
    macro, accuracy, _ = scores(gold, [argmax(p) for p in linear])
    assert macro >= 0.56 and accuracy >= 0.62
    encoder = encoder_oof(examples, 0)
    assert encoder is not None, "resources/plover/encoder_oof.npz lacks these sentences"
    blended, _, _ = scores(gold, [argmax(blend(a, b)) for a, b in zip(linear, encoder, strict=True)])
    assert blended >= ENSEMBLE_FLOOR and blended > macro


def test_shipped_weights_match_the_features(shared_dir: Path) -> None:
    # The weights were fitted on these rows: a low score means features.py changed without
    # `python train/plover.py` being re-run.
    examples = read_plv(shared_dir / "data/events/plv-train/PLV_train.tsv")[:60]
    predicted = _score_shipped(examples)
    assert sum(p == e.label for p, e in zip(predicted, examples, strict=True)) >= 55
