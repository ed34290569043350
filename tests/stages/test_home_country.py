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


def _statements(body: str, dateline: str | None) -> dict[str, str | None]:
    settings = Settings()
    nlp, _, _ = _stages()
    article = Article(id="t", source="test", body=body, dateline=dateline)
    for stage in (nlp, EntityStage(settings), StatementStage(settings)):
        article = stage(article)
    return {s.speaker_resolved or s.speaker or "": s.speaker_country for s in article.statements}


_OFFICIALS = (
    "The government put the police on alert in Chisinau after troops were seen near the river in Moldova. "
    "Defence Minister Petra Lindholm said the units had moved overnight.\n\n"
    "Norway criticised the decision. Foreign ministry spokeswoman Ingrid Solberg said it would only "
    "raise tension.\n\n"
    "Moldova and Ungheni officials met on Monday. Marta Jensen, the head of the monitoring mission, "
    "said her team had been turned back."
)


def test_an_official_with_a_bare_title_is_of_the_country_the_story_is_about() -> None:
    countries = _statements(_OFFICIALS, "CHISINAU")
    assert countries["Petra Lindholm"] == "MDA"  # the dateline's country, named more than any other
    assert countries["Ingrid Solberg"] == "NOR"  # the sentence before makes Norway its subject
    assert countries["Marta Jensen"] is None  # "head of the mission" is no government title


def test_a_minister_in_a_story_from_elsewhere_is_not_given_the_datelines_country() -> None:
    # Filed from Brussels about Moldova: the minister may be anyone's, so none is guessed.
    assert _statements(_OFFICIALS, "BRUSSELS")["Petra Lindholm"] is None


def test_a_nationality_as_subject_says_nothing_of_whose_the_official_is() -> None:
    story = (
        "Moldova put its border police on alert in Chisinau on Monday.\n\n"
        "Russian troops were seen near the river. Defence Minister Petra Lindholm said the units had moved."
    )
    assert _statements(story, "CHISINAU")["Petra Lindholm"] == "MDA"


def test_a_national_institution_gives_its_country_wherever_the_story_is_filed() -> None:
    story = (
        "Moldova put its border police on alert in Chisinau on Monday.\n\n"
        '"We are deeply concerned," State Department spokesperson Rachel Hendricks told reporters.\n\n'
        "The Pentagon said it was watching the situation closely."
    )
    countries = _statements(story, "CHISINAU")
    assert countries["Rachel Hendricks"] == "USA"
    assert countries["Pentagon"] == "USA"


def test_the_lead_places_an_official_in_the_paragraph_after_it_and_all_their_statements() -> None:
    story = (
        'Oslo: Norway has denied that its ships entered the strait and warned that any fine "will not go '
        'unanswered."\n\n'
        "Foreign ministry spokeswoman Ingrid Solberg told her weekly briefing that the reports were false. "
        "She said the ships had stayed in port.\n\n"
        "Moldova put its border police on alert on Monday.\n\n"
        "Defence Minister Petra Lindholm said the units had moved."
    )
    countries = _statements(story, None)
    assert countries["Ingrid Solberg"] == "NOR"  # both her statements, the pronoun's too
    assert countries["Petra Lindholm"] is None  # a later paragraph is another part of the story
