"""The per-article pipeline: stage order check, `run_batch`, and the pipeline fingerprint.

Runners (local process pool, Ray) only map `run_batch` over batches; the stages and the
order live here, so every runner produces the same records.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitroom import __version__
from sitroom.config import Settings
from sitroom.errors import ConfigError
from sitroom.model import Article, RawArticle
from sitroom.stages.base import Stage

# The default order. Each entry is "module:Class"; imported when a pipeline is built, so
# importing this module loads no model.
DEFAULT_STAGES = (
    "sitroom.stages.nlp:NlpStage",
    "sitroom.stages.entities:EntityStage",
    "sitroom.stages.dates:DateStage",
    "sitroom.stages.statements:StatementStage",
    "sitroom.stages.places:PlaceStage",
    "sitroom.stages.quantities:QuantityStage",
    "sitroom.stages.events:EventStage",
)

# What the clean step provides to the first stage.
CLEAN_ASSIGNS = frozenset({"body", "title", "published", "outlet", "byline", "dateline", "language"})


def load_stage_classes(paths: Sequence[str] = DEFAULT_STAGES) -> list[type[Stage]]:
    classes = []
    for path in paths:
        module_name, _, class_name = path.partition(":")
        module = importlib.import_module(module_name)
        classes.append(getattr(module, class_name))
    return classes


def check_order(stages: Sequence[Any]) -> None:
    """Raise ConfigError when a stage needs a field that no earlier step assigns."""
    available = set(CLEAN_ASSIGNS)
    for stage in stages:
        missing = [need for need in stage.requires if need not in available]
        if missing:
            raise ConfigError(
                f"stage '{stage.name}' needs {', '.join(missing)}, which no earlier stage assigns"
            )
        available.update(stage.assigns)


def fingerprint(stages: Sequence[Any]) -> str:
    """Changes whenever any stage's output may change: stored articles with another one are redone."""
    key = "|".join([__version__, "clean"] + [f"{s.name}:{s.version}" for s in stages])
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


@dataclass
class Pipeline:
    """The clean step and the stages, built once per worker process."""

    cleaner: Any
    stages: list[Any]

    @classmethod
    def build(
        cls, settings: Settings, profile: Any = None, paths: Sequence[str] = DEFAULT_STAGES
    ) -> Pipeline:
        from sitroom.stages.clean import Cleaner

        classes = load_stage_classes(paths)
        check_order(classes)
        return cls(cleaner=Cleaner(settings, profile), stages=[c(settings) for c in classes])

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.stages)

    def process(self, raw: RawArticle) -> Article:
        # 1. clean: a reader's problem or an unusable page becomes a rejected article
        try:
            article: Article = self.cleaner(raw)
        except Exception as exc:  # a cleaning bug must not lose the input: keep it, rejected
            reason = f"clean failed: {_brief(exc)}"
            article = Article(id=raw.id, source=raw.source, body="", rejected=reason, problems=raw.notes)
        if article.rejected:
            return article
        # 2. stages in order; a failing stage is noted and the others still run
        for stage in self.stages:
            try:
                article = stage(article)  # stages are typed by the Stage protocol
            except Exception as exc:
                article = article.evolve(problems=(*article.problems, f"{stage.name}: {_brief(exc)}"))
        return article

    def run_batch(self, raws: Sequence[RawArticle]) -> list[Article]:
        return [self.process(raw) for raw in raws]


def _brief(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
