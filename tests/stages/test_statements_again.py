"""An unnamed speaker met again ("The official said ...") is the one the article introduced, and a
capital named in an unnamed speaker's phrase places them (issue 4). Invented sentences."""

from __future__ import annotations

from tests.stages.test_statements_described import _run


def _speakers(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(s.speaker, s.speaker_resolved, s.speaker_country) for s in _run(body).statements]


def test_the_official_said_is_the_official_introduced_before() -> None:
    found = _speakers(
        "A senior Chilean security official told The Courier on Tuesday that 900 troops had moved.\n\n"
        "The official said the number included reservists.\n\n"
        "According to the official, the troops were concentrated in three areas."
    )
    introduced = "A senior Chilean security official"
    assert found == [
        (introduced, introduced, "CHL"),
        ("The official", introduced, "CHL"),
        ("the official", introduced, "CHL"),
    ]


def test_another_head_noun_or_no_one_introduced_stays_unresolved() -> None:
    found = _speakers(
        "A Chilean security source said 900 troops had moved.\n\n"
        "The official said the number included reservists."
    )
    assert found[1] == ("The official", "The official", None)


def test_a_capital_in_an_unnamed_speakers_phrase_places_them_but_not_visitors() -> None:
    found = _speakers(
        "Analysts in Chisinau said the move was a signal. Diplomats in Brussels said the talks would resume. "
        "Foreign journalists in Kyiv said the road was closed. Officials in Kyiv said it would reopen."
    )
    assert [country for _, _, country in found] == ["MDA", None, None, "UKR"]


def test_the_official_after_a_named_office_holder_is_that_holder() -> None:
    found = _speakers(
        "Rosa Vidal, the spokesperson for the Chilean defence ministry, told a regular briefing that the "
        "border was calm. Vidal said the army would stay alert.\n\n"
        "When asked if the measures could include new patrols, the official said the ministry would "
        "review them."
    )
    assert found[-1] == ("the official", "Rosa Vidal", "CHL")


def test_the_government_of_a_capital_the_sentence_opens_with_is_that_countrys() -> None:
    found = _speakers(
        "Arica says the movements are part of routine training.\n\n"
        "In Lima, shops reported a run on candles, and the government urged people not to hoard."
    )
    assert found[-1] == ("the government", "the government", "PER")


def test_a_name_the_parse_hung_on_the_town_is_the_office_holders() -> None:
    found = _run("The mayor of Faenza, Luca Berardi, said some neighbourhoods had been hit twice.").statements
    assert [(s.speaker_resolved, s.speaker_role) for s in found] == [("Luca Berardi", "mayor of Faenza")]


def test_a_name_described_as_a_body_speaks_as_one_throughout() -> None:
    found = _run(
        'The key battle now is for the capital, said Stratfor, a consultancy. "Such warfare requires a '
        'well-trained force," Stratfor said.'
    ).statements
    assert [(s.speaker_resolved, s.speaker_kind) for s in found] == [("Stratfor", "organization")] * 2


def test_a_possessive_country_before_a_surname_is_whose_not_a_given_name_or_a_role() -> None:
    found = _run("Libya's al-Obeidy said the navy was laying mines. Russia's Lavrov said the strikes were "
                 "illegal.").statements
    assert [(s.speaker_resolved, s.speaker_kind, s.speaker_role, s.speaker_country) for s in found] == [
        ("al-Obeidy", "person", None, "LBY"),
        ("Lavrov", "person", None, "RUS"),
    ]


def test_a_body_named_for_its_ruler_keeps_the_whole_name_and_its_country() -> None:
    (found,) = _run(
        "The government of President Bashar al-Assad has said it will pull its forces off the streets."
    ).statements
    assert (found.speaker, found.speaker_country) == ("The government of President Bashar al-Assad", "SYR")


def test_a_surname_with_a_joined_particle_is_found_again_without_it() -> None:
    found = _run(
        'NTC spokesman Jalal al-Gallal said those who committed crimes should be tried. "At the moment it '
        'is a very sensitive topic," Gallal said.'
    ).statements
    assert [s.speaker_resolved for s in found] == ["Jalal al-Gallal", "Jalal al-Gallal"]


def test_a_surname_two_people_share_with_a_particle_stays_unresolved() -> None:
    found = _run(
        "President Omar al-Hadi met envoys on Monday. His father, Karim al-Hadi, ruled for 30 years.\n\n"
        '"We will not bend," Hadi said.'
    ).statements
    assert [s.speaker_resolved for s in found] == ["Hadi"]
