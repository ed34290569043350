"""Cross-article people and statement groups (issue 4), on invented articles."""

from __future__ import annotations

import pytest

from sitroom.config import Settings
from sitroom.corpus.people import group_statements, merge_entities, normalise
from sitroom.model import Article
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import StatementStage

FIRST = (
    "President Anton Volkov's spokesman, Dmitry Lebedev, said on Monday that troop movements inside "
    'the country were "not a public matter."\n\n'
    "Lebedev added that the drills had ended on schedule."
)
SECOND = (
    "Volkov's spokesman said the reports about troop movements did not belong in public debate, "
    "declining to comment further.\n\n"
    "Dmitry Lebedev, speaking to reporters, said the drills had ended on schedule."
)
THIRD = (
    "North Korean leader Kim Jong Un inspected a missile plant on Friday.\n\n"
    "South Korea's defense minister Kim Yong-hyun said the plant had been expanded.\n\n"
    '"We are watching closely," Kim Yong-hyun told reporters.'
)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    settings = Settings()
    stages = (NlpStage(settings), EntityStage(settings), StatementStage(settings))
    result = []
    for k, text in enumerate((FIRST, SECOND, THIRD)):
        article = Article(id=f"a{k}", source="test", body=text, outlet=f"outlet{k}")
        for stage in stages:
            article = stage(article)
        result.append(article)
    return result


def test_normalise_meets_spelling_variants() -> None:
    assert normalise("Kim Jong-un") == normalise("kim jong un")
    assert normalise("the U.N. Security Council") == normalise("UN Security Council")


def test_same_person_across_articles_and_descriptions(articles: list[Article]) -> None:
    entities = merge_entities(articles)
    lebedev = [e for e in entities if e.name == "Dmitry Lebedev"]
    assert len(lebedev) == 1
    assert set(lebedev[0].article_ids) == {"a0", "a1"}
    assert "Lebedev" in lebedev[0].aliases
    assert "Volkov's spokesman" in lebedev[0].aliases


def test_two_kims_stay_apart(articles: list[Article]) -> None:
    entities = merge_entities(articles)
    kims = [e for e in entities if e.kind == "person" and e.name.startswith("Kim")]
    assert {e.name for e in kims} == {"Kim Jong Un", "Kim Yong-hyun"}


def test_one_statement_reported_twice(articles: list[Article]) -> None:
    groups = group_statements(articles, merge_entities(articles))
    drills = [g for g in groups if g.speaker == "Dmitry Lebedev" and len(g.reports) == 2]
    assert drills
    assert all(g.independent_sources == 2 for g in drills)
    assert {r.article_id for r in drills[0].reports} == {"a0", "a1"}
