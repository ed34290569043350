"""Quality floor for the PLOVER classifier: cross-validation on a slice of PLV (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.plv import cross_validate, scores
from train.plover import read_plv


def test_plv_cv_floor_on_a_slice(shared_dir: Path) -> None:
    # Every fourth sentence, 3 folds: measured macro-F1 0.566, accuracy 0.665 (TF-IDF + LR: 0.443).
    examples = read_plv(shared_dir / "data/events/plv-train/PLV_train.tsv")[::4]
    gold = [e.label for e in examples]
    macro, accuracy, _ = scores(gold, cross_validate(examples, k=3))
    assert macro >= 0.52 and accuracy >= 0.62
