from typing import ClassVar

import pytest

from sitroom.config import Settings
from sitroom.errors import ConfigError
from sitroom.ingest.readers import make_raw
from sitroom.model import Article, Hints
from sitroom.pipeline import DEFAULT_STAGES, Pipeline, check_order, fingerprint, load_stage_classes
from sitroom.runners.local import run_local

TEXT = (
    "Troops moved north\n\n"
    "KHARKIV, Ukraine -- About 2,000 troops moved toward the border on Friday, officials said. "
    "The defence ministry declined to comment on the figure when asked by reporters on Saturday.\n\n"
    '"We are watching the situation closely," said Oleh Marchenko, a spokesman for the border guard '
    "service, adding that no crossing points had been closed so far this week."
)


class _Needs:
    name: ClassVar[str] = "needs"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ("statements",)
    assigns: ClassVar[tuple[str, ...]] = ("events",)


class _Boom:
    name: ClassVar[str] = "boom"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ("body",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        raise RuntimeError("stage bug\nsecond line")


def test_the_default_order_checks_and_a_missing_requirement_is_named():
    check_order(load_stage_classes(DEFAULT_STAGES))
    with pytest.raises(ConfigError, match="stage 'needs' needs statements"):
        check_order([_Needs])


def test_fingerprint_follows_stage_versions():
    classes = load_stage_classes(DEFAULT_STAGES)
    before = fingerprint(classes)

    class Bumped(_Needs):
        version: ClassVar[str] = "2"

    assert fingerprint([*classes, _Needs]) != fingerprint([*classes, Bumped]) != before


def test_a_failing_stage_is_noted_and_the_others_still_run():
    pipeline = Pipeline.build(Settings(workers=1), None, ("sitroom.stages.nlp:NlpStage",))
    pipeline.stages.insert(0, _Boom())
    article = pipeline.process(make_raw("a.txt", "text", TEXT, Hints()))
    assert article.rejected is None and article.sentences
    assert article.problems == ("boom: RuntimeError: stage bug",)


class _PickyBatch:
    """Fails its batch when it holds the poisoned source; one by one only that article fails."""

    name: ClassVar[str] = "picky"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ("body",)
    assigns: ClassVar[tuple[str, ...]] = ("problems",)

    def __call__(self, article: Article) -> Article:
        if article.source == "poison.txt":
            raise ValueError("poisoned")
        return article.evolve(problems=(*article.problems, "seen"))

    def batch(self, articles: list[Article]) -> list[Article]:
        return [self(article) for article in articles]


def test_a_failing_batch_is_redone_one_by_one_so_only_the_bad_article_carries_the_note():
    pipeline = Pipeline(cleaner=Pipeline.build(Settings(workers=1), None, ()).cleaner, stages=[_PickyBatch()])
    raws = [make_raw(f"{name}.txt", "text", TEXT, Hints()) for name in ("a", "poison", "b")]
    articles = pipeline.run_batch(raws)
    assert [a.problems for a in articles] == [("seen",), ("picky: ValueError: poisoned",), ("seen",)]


def test_local_pool_and_in_process_runs_give_the_same_articles():
    raws = [make_raw(f"{i}.txt", "text", TEXT.replace("2,000", f"{i},000"), Hints()) for i in range(1, 5)]
    batches = [raws[:2], raws[2:]]
    paths = ("sitroom.stages.nlp:NlpStage", "sitroom.stages.quantities:QuantityStage")
    inline = [a for batch in run_local(batches, Settings(workers=1), None, paths) for a in batch]
    pooled = [a for batch in run_local(batches, Settings(workers=2), None, paths) for a in batch]
    assert sorted(pooled, key=lambda a: a.id) == sorted(inline, key=lambda a: a.id)
    assert all(a.quantities for a in inline)
