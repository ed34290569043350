"""The PLOVER classifier: a class-balanced linear model over the features in `features.py`.

Weights are a plain npz (feature names, classes, coefficients), so the runtime needs only
numpy; `fit` (scikit-learn) is used by train/plover.py and eval/plv.py.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sitroom.config import RESOURCES_DIR
from sitroom.errors import ResourceError

WEIGHTS_PATH = RESOURCES_DIR / "plover" / "classifier.npz"
# Features whose largest weight is below this carry no decision; pruning keeps the file small.
_PRUNE = 0.02


def scale(features: dict[str, float]) -> dict[str, float]:
    """Sublinear counts, then unit length: long sentences must not shout."""
    logged = {k: math.log1p(v) for k, v in features.items() if v > 0}
    norm = math.sqrt(sum(v * v for v in logged.values())) or 1.0
    return {k: v / norm for k, v in logged.items()}


class PloverModel:
    """Feature weights per PLOVER type; `probabilities` is a softmax over the linear scores."""

    def __init__(self, vocab: Sequence[str], classes: Sequence[str], coef: Any, intercept: Any) -> None:
        self.index = {name: i for i, name in enumerate(vocab)}
        self.classes = list(classes)
        self.coef = np.asarray(coef, dtype=np.float32)  # (n_features, n_classes)
        self.intercept = np.asarray(intercept, dtype=np.float32)

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = self.intercept.astype(np.float64).copy()
        for name, value in scale(features).items():
            row = self.index.get(name)
            if row is not None:
                scores += value * self.coef[row]
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {c: float(p) for c, p in zip(self.classes, scores, strict=False)}

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        probs = self.probabilities(features)
        best = max(probs, key=lambda c: probs[c])
        return best, probs[best]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        vocab = sorted(self.index, key=lambda k: self.index[k])
        np.savez_compressed(
            path,
            vocab=np.array(vocab),
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept,
        )

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> PloverModel:
        if not path.is_file():
            raise ResourceError(f"PLOVER weights missing at {path}: run `python train/plover.py`")
        with np.load(path, allow_pickle=False) as data:
            return cls(data["vocab"].tolist(), data["classes"].tolist(), data["coef"], data["intercept"])


def fit(features: Sequence[dict[str, float]], labels: Sequence[str], c: float = 10.0) -> PloverModel:
    """Train a class-balanced logistic regression and keep only the features that matter."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([scale(f) for f in features])
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(matrix, list(labels))
    coef = model.coef_.T  # (n_features, n_classes)
    keep = np.abs(coef).max(axis=1) >= _PRUNE
    vocab = [name for name, kept in zip(vectorizer.get_feature_names_out(), keep, strict=False) if kept]
    return PloverModel(vocab, [str(c) for c in model.classes_], coef[keep], model.intercept_)


class LazyPloverModel:
    """Loads the shipped weights on first use, once per process."""

    def __init__(self, path: Path = WEIGHTS_PATH) -> None:
        self.path = path
        self._model: PloverModel | None = None
        self._lock = threading.Lock()

    def get(self) -> PloverModel:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = PloverModel.load(self.path)
        return self._model
