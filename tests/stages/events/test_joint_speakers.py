"""Speakers as actors: partners who also say something, and towns that speak for a government (issue 5).

All sentences are invented for these tests.
"""

from __future__ import annotations

from tests.stages.events.sentences import pipeline_events as events


def test_a_partner_who_also_insists_on_something_is_still_the_partner() -> None:
    (event,) = events(
        "Norway and Chile have agreed to hold joint naval exercises this month but insisted that the "
        "drills were not aimed at any other country."
    )
    assert event.type == "AGREE"
    assert event.source_actor is not None and event.source_actor.country == "NOR"
    assert event.target_actor is not None and event.target_actor.country == "CHL"


def test_a_town_that_speaks_for_its_government_acts_as_that_government() -> None:
    found = events("Talks broke up in Chisinau on Monday.\n\nTiraspol rejected the proposal on Tuesday.")
    rejected = [e for e in found if e.type == "REJECT"]
    assert rejected and rejected[0].source_actor is not None
    assert (rejected[0].source_actor.text, rejected[0].source_actor.country) == ("Tiraspol", "MDA")
    assert rejected[0].source_actor.sector == "government"


def test_a_speakers_surname_alone_acts_with_the_speakers_country() -> None:
    found = events(
        "SEOUL -- Secretary of the Russian Security Council Nikolay Patrushev told the Interfax news agency "
        "on Wednesday that the build-up was unacceptable.\n\nPatrushev also hit out at a growing trend among "
        "lawmakers in Tokyo calling for new missiles in response to Chinese threats."
    )
    accused = [e for e in found if e.source_actor is not None and e.source_actor.text == "Patrushev"]
    assert accused and accused[0].source_actor is not None and accused[0].source_actor.country == "RUS"


def test_a_national_security_council_is_the_states_and_a_shared_surname_codes_the_government() -> None:
    from sitroom.stages.events.actors import ActorTables, resolve

    tables = ActorTables.load()
    assert resolve(tables, "the Russian Security Council").country == "RUS"
    assert resolve(tables, "the UN Security Council").sector == "igo"
    # a president and a secretary of state share the surname: the same answer in every process
    assert resolve(tables, "Clinton").sector == "government"


def test_a_target_inside_what_another_cue_reports_is_not_the_verbs() -> None:
    found = events(
        "The rebels have spurned repeated offers of talks this year, insisting that they will only "
        "negotiate directly with Norway."
    )
    assert all(e.target_actor is None or e.target_actor.country != "NOR" for e in found)


def test_a_warning_read_as_a_threat_is_threaten_with_only_its_addressee_as_target() -> None:
    found = events(
        "Russia has denied that any of its soldiers took part in the movements and warned that new "
        'sanctions against the region\'s officials "will not go unanswered."\n\n'
        "The minister warned Norway that any attack would be met with force."
    )
    threats = [e for e in found if e.type == "THREATEN"]
    assert [(e.source_actor.country if e.source_actor else None) for e in threats][:1] == ["RUS"]
    assert threats[0].factuality == "reported" and threats[0].target_actor is None
    assert any(e.target_actor is not None and e.target_actor.country == "NOR" for e in threats)
