"""A national body no country qualifies ("the defense ministry") belongs to the country the story is
filed from, or to that of the national agency that wrote it; invented stories."""

from __future__ import annotations

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.entities import EntityStage
from sitroom.stages.statements import StatementStage
from tests.stages.test_events import _stages

_STORY = (
    "The defense ministry denounced Norway over the latest missile test.\n\n"
    '"The test is a grave provocation," Kim Min-jun, the spokesperson for the ministry, told a briefing.\n\n'
    "Troops said the border was quiet."
)


def _run(dateline: str | None = None, wire: str | None = None) -> Article:
    settings = Settings()
    nlp, quantities, events = _stages()
    article = Article(id="t", source="test", body=_STORY, dateline=dateline, wire=wire)
    for stage in (nlp, EntityStage(settings), StatementStage(settings), quantities, events):
        article = stage(article)
    return article


def _countries(article: Article) -> dict[str, str | None]:
    return {s.speaker or "": s.speaker_country for s in article.statements}


def test_a_national_agency_credited_as_the_wire_gives_its_country() -> None:
    article = _run(wire="Yonhap")
    countries = _countries(article)
    assert countries["defense ministry"] == "KOR"
    assert countries["Kim Min-jun"] == "KOR"  # speaks for "the ministry"
    assert countries["Troops"] is None  # troops in a story may be anyone's
    accusation = next(e for e in article.events if e.type == "ACCUSE" and "ministry" in e.source_actor.text)
    assert accusation.source_actor.country == "KOR"


def test_the_dateline_comes_before_the_wire_and_an_international_wire_gives_nothing() -> None:
    assert _countries(_run(dateline="TOKYO", wire="Yonhap"))["defense ministry"] == "JPN"
    assert _countries(_run(wire="Reuters"))["defense ministry"] is None


def test_a_body_a_country_owns_stays_that_countrys_whatever_the_wire() -> None:
    settings = Settings()
    nlp, quantities, events = _stages()
    text = "In a rebuke to Germany, Japan's foreign ministry condemned Norway over the launch on Sunday."
    article = Article(id="t", source="test", body=text, wire="Yonhap")
    for stage in (nlp, EntityStage(settings), StatementStage(settings), quantities, events):
        article = stage(article)
    assert {s.speaker_country for s in article.statements} == {"JPN"}
    assert all(e.source_actor is None or e.source_actor.country == "JPN" for e in article.events)
