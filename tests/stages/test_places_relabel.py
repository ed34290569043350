"""Towns the small model calls a person or an organisation, or leaves untagged (issue 5, places).

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.places import PlaceStage

Stages = tuple[NlpStage, EntityStage, PlaceStage]


@pytest.fixture(scope="module")
def stages() -> Stages:
    settings = Settings()
    return NlpStage(settings), EntityStage(settings), PlaceStage(settings)


def run(stages: Stages, body: str) -> Article:
    nlp, entities, places = stages
    return places(entities(nlp(Article(id="t", source="test", body=body))))


def places_by_text(article: Article) -> dict[str, tuple[str, str, str | None]]:
    return {article.body[p.start : p.end]: (p.name, p.kind, p.country) for p in article.places}


def labels(article: Article) -> dict[str, str]:
    return {e.text: e.label for e in article.entities}


def test_towns_in_a_place_context_become_places_and_their_entities_are_relabelled(stages: Stages) -> None:
    article = run(
        stages, "Farmers near Dubasari saw drones at night, and a convoy drove from Ungheni to Chisinau."
    )
    found = places_by_text(article)
    assert found["Dubasari"][2] == "MDA" and found["Ungheni"][2] == "MDA" and "Chisinau" in found
    assert {labels(article)[name] for name in ("Dubasari", "Ungheni", "Chisinau")} == {"GPE"}
    opening = run(stages, "Ungheni: Police closed the bridge on Monday after a protest by residents.")
    assert places_by_text(opening)["Ungheni"][:1] == ("Ungheni",)


def test_a_big_town_never_used_as_a_person_is_a_place(stages: Stages) -> None:
    article = run(
        stages, "Tiraspol rejected the offer on Friday. Officials in Chisinau said talks would resume."
    )
    assert places_by_text(article)["Tiraspol"] == ("Tiraspol", "city", "MDA")
    assert labels(article)["Tiraspol"] == "GPE"


def test_a_town_that_speaks_for_its_government_is_a_place_of_the_storys_country(stages: Stages) -> None:
    article = run(stages, "Talks broke up in Chisinau on Monday.\n\nTiraspol says the movements are routine.")
    assert places_by_text(article)["Tiraspol"] == ("Tiraspol", "city", "MDA")
    elsewhere = run(stages, "Talks broke up in Oslo on Monday.\n\nTiraspol says the movements are routine.")
    assert "Tiraspol" not in places_by_text(elsewhere)  # a town of a country the story is not in


def test_a_name_used_as_a_person_stays_a_person(stages: Stages) -> None:
    article = run(stages, "Mr Lincoln said the budget was sound. Lincoln added that he would run again.")
    assert article.places == ()
    assert "GPE" not in labels(article).values()
    between = run(stages, "The quarrel between Bell and Okafor ended when Okafor left the room.")
    assert "Bell" not in places_by_text(between)


def test_curated_region_river_and_site_of_the_demo_story(stages: Stages) -> None:
    article = run(
        stages,
        "Troops in Transnistria moved closer to the Dniester, and guards at the Cobasna depot were "
        "reinforced.",
    )
    found = places_by_text(article)
    assert found["Transnistria"] == ("Transnistria", "region", "MDA")
    assert found["Dniester"][1] == "water"
    assert found["Cobasna depot"] == ("Cobasna", "site", "MDA")
    assert labels(article)["Cobasna"] == "LOC" and labels(article)["Dniester"] == "LOC"


def test_demonyms_before_geographic_nouns_keep_their_label(stages: Stages) -> None:
    article = run(stages, "Russian officials said no aircraft had crossed into Russian airspace near Rostov.")
    assert "GPE" not in {e.label for e in article.entities if e.text == "Russian"}


def test_a_given_name_that_speaks_is_a_person_wherever_it_is_written(stages: Stages) -> None:
    from sitroom.stages.places.relabel import speaking_given_names

    nlp, entities, _ = stages
    article = entities(nlp(Article(id="t", source="test", body=(
        "Later, Colton told an audience about the first time he met her. Racing Victoria said the meeting "
        "would go ahead, and Helena Rossi said she would ride."
    ))))
    assert speaking_given_names(article, {"Colton", "Victoria", "Helena", "Racing"}) == {"Colton"}


def test_a_town_listed_after_one_of_several_words_known_by_another_name_is_a_place(stages: Stages) -> None:
    # the model calls both towns persons; the first is the gazetteer's town under an English spelling
    found = places_by_text(run(stages, "Jets struck targets in Khan Younis and Rafah overnight."))
    assert found.get("Rafah", ("", "", None))[1:] == ("city", "PSE")
    assert "Khan Younis" in found


def test_a_town_with_a_distance_set_beside_it_is_a_place(stages: Stages) -> None:
    # the model calls "Faenza" an organisation; ", some 150 kilometers from Bologna" says it is a place
    article = run(stages, "Faenza, some 150 kilometers from Bologna, was among the worst-hit towns.")
    assert places_by_text(article).get("Faenza", ("", "", None))[1:] == ("city", "ITA")
    (claim,) = article.distances
    assert (claim.origin, claim.target, claim.flagged) == ("Faenza", "Bologna", True)
