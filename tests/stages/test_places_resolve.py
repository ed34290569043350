"""Resolution rules on a tiny invented gazetteer: context, containers, shadowed provinces, demonyms."""

from __future__ import annotations

import pytest

from sitroom.gazetteer import Gazetteer, build_gazetteer
from sitroom.gazetteer.sources import SourcePlace
from sitroom.stages.places.resolve import Mention, resolve


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    places = [
        SourcePlace(
            "Norland", "country", "country", "NRL", None, 60.0, 10.0, 9_000_000, adjectives=["Norlandic"]
        ),
        SourcePlace("Sudmark", "country", "country", "SDM", None, -20.0, 30.0, 4_000_000),
        SourcePlace("Ostvale", "region", "admin1", "SDM", None, -21.0, 31.0, 600_000),
        SourcePlace("Brenna", "city", "city", "NRL", "Fjordal", 61.0, 11.0, 900_000),
        SourcePlace("Brenna", "city", "city", "SDM", "Ostvale", -21.2, 31.2, 30_000),
        SourcePlace("Kelso Bay", "city", "city", "SDM", "Ostvale", -21.5, 30.8, 20_000),
        SourcePlace("Harrow", "city", "city", "NRL", "Fjordal", 59.0, 9.0, 1_200_000),
        SourcePlace("Harrow", "region", "admin1", "NRL", None, 59.1, 9.1, 1_500_000),
        SourcePlace("Norlandic", "city", "city", "SDM", "Ostvale", -22.0, 29.0, 900),
    ]
    return Gazetteer(build_gazetteer(tmp_path_factory.mktemp("g") / "g.sqlite", places=places))


def _mentions(body: str, names: list[str]) -> list[Mention]:
    return [Mention(body.index(n), body.index(n) + len(n), n) for n in names]


def test_without_context_the_bigger_place_wins(gazetteer: Gazetteer) -> None:
    (result,) = resolve(_mentions("Brenna voted.", ["Brenna"]), gazetteer)
    assert result is not None and result.candidate.country == "NRL"


def test_other_places_in_the_story_pull_the_choice(gazetteer: Gazetteer) -> None:
    body = "Floods hit Brenna and Kelso Bay in Sudmark."
    results = resolve(_mentions(body, ["Brenna", "Kelso Bay", "Sudmark"]), gazetteer)
    assert [r.candidate.country for r in results if r] == ["SDM", "SDM", "SDM"]


def test_an_explicit_container_decides(gazetteer: Gazetteer) -> None:
    body = "The fair in Brenna, Ostvale opened."
    results = resolve(_mentions(body, ["Brenna", "Ostvale"]), gazetteer)
    assert results[0] is not None and results[0].candidate.admin1 == "Ostvale"


def test_a_city_shadows_its_same_named_province(gazetteer: Gazetteer) -> None:
    (result,) = resolve(_mentions("Talks in Harrow.", ["Harrow"]), gazetteer)
    assert result is not None and result.candidate.kind == "city"


def test_a_demonym_given_as_a_place_means_its_country(gazetteer: Gazetteer) -> None:
    (result,) = resolve(_mentions("Norlandic troops", ["Norlandic"]), gazetteer)
    assert result is not None and result.candidate.country == "NRL" and result.candidate.kind == "country"


def test_unknown_names_stay_unresolved(gazetteer: Gazetteer) -> None:
    assert resolve(_mentions("In Atlantis.", ["Atlantis"]), gazetteer) == [None]
