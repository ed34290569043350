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
        return self.run_batch([raw])[0]

    def run_batch(self, raws: Sequence[RawArticle]) -> list[Article]:
        """Clean each input, then run every stage over the batch's live articles in order."""
        articles = [self._clean(raw) for raw in raws]
        live = [k for k, article in enumerate(articles) if not article.rejected]
        for stage in self.stages:
            results = apply_stage(stage, [articles[k] for k in live])
            for k, article in zip(live, results, strict=True):
                articles[k] = article
        return articles

    def _clean(self, raw: RawArticle) -> Article:
        # a reader's problem or an unusable page becomes a rejected article
        try:
            article: Article = self.cleaner(raw)
        except Exception as exc:  # a cleaning bug must not lose the input: keep it, rejected
            reason = f"clean failed: {_brief(exc)}"
            article = Article(id=raw.id, source=raw.source, body="", rejected=reason, problems=raw.notes)
        return article


def apply_stage(stage: Any, articles: list[Article]) -> list[Article]:
    """A stage over several articles: its own batch method when it has one (spaCy batches faster)."""
    batch = getattr(stage, "batch", None)
    if batch is not None and len(articles) > 1:
        try:
            return list(batch(articles))
        except Exception:  # redone one by one below, so only the failing article gets the note
            pass
    return [_one(stage, article) for article in articles]


def _one(stage: Any, article: Article) -> Article:
    # a failing stage is noted and the others still run
    try:
        result: Article = stage(article)  # stages are typed by the Stage protocol
    except Exception as exc:
        result = article.evolve(problems=(*article.problems, f"{stage.name}: {_brief(exc)}"))
    return result


def _brief(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
