"""A speaker who condemns another actor's deed accuses that actor; violent verbs the classifier never
learned still make an attack, and so do helicopters, tanks and warships a modifier names; deaths in a
crash are no one's attack. Invented sentences."""

from __future__ import annotations

from tests.stages.events.sentences import actors_of as _actors
from tests.stages.events.sentences import events_of as _events


def test_a_quoted_judgement_of_a_deed_is_the_speakers_accusation_of_the_doer() -> None:
    (event,) = _events(
        '"Belarus sending troops into the war is an illegal act that violates the treaty," '
        "Anna Berg, the spokesperson for the ministry, told a press briefing."
    )
    assert event.type == "ACCUSE" and _actors(event) == ("Anna Berg", "Belarus")


def test_the_doer_may_own_the_deed_or_perform_it() -> None:
    (event,) = _events("Seoul said the deployment of Russian troops was illegal.")
    assert event.type == "ACCUSE" and _actors(event) == ("Seoul", "Russian troops")
    (event,) = _events("Moscow said Washington's new sanctions were unacceptable.")
    assert event.type == "ACCUSE" and _actors(event) == ("Moscow", "Washington")


def test_a_neutral_judgement_accuses_no_one() -> None:
    for text in (
        "The minister said the talks with China were productive.",
        "Berlin said the visit by the French president was a success.",
    ):
        assert all(e.type != "ACCUSE" for e in _events(text)), text


def test_violent_verbs_the_classifier_never_saw_make_an_attack() -> None:
    (event,) = _events("Russian forces shelled Kharkiv on Monday.")
    assert (event.type, event.mode) == ("ASSAULT", "heavy-weapons")
    assert _actors(event) == ("Russian forces", "Kharkiv")
    (event,) = _events("Gunmen kidnapped two Chinese engineers in Pakistan on Sunday.")
    assert (event.type, event.mode) == ("ASSAULT", "abduct")


def test_shelling_out_money_is_no_attack() -> None:
    assert all(e.type != "ASSAULT" for e in _events("The company shelled out 5 million dollars to Germany."))


def test_helicopters_tanks_and_warships_a_modifier_names_fire_for_their_side() -> None:
    (event,) = _events("Israeli warships fired on Gaza overnight.")
    assert event.type == "ASSAULT" and _actors(event) == ("Israeli warships", "Gaza")
    assert event.source_actor is not None and event.source_actor.country == "ISR"


def test_deaths_in_a_crash_are_no_ones_attack() -> None:
    text = "A Turkish helicopter crashed in the mountains on Sunday, killing two soldiers."
    assert all(e.type != "ASSAULT" for e in _events(text))


def test_a_claim_others_deny_was_still_made() -> None:
    made = _events(
        "Chile accused Peruvian forces this week of moving 900 troops toward the border, a claim Lima and "
        "La Paz deny."
    )
    assert [(e.type, e.factuality) for e in made if e.type == "ACCUSE"] == [("ACCUSE", "reported")]
    denied = _events("Peru denied claims that it had moved troops toward the border.")
    assert [(e.type, e.factuality) for e in denied] == [("MOBILIZE", "denied")]


def test_who_died_is_the_target_and_only_a_violent_death_is_an_attack() -> None:
    (event,) = _events("Two soldiers died when their patrol was ambushed near Arica.")
    assert (event.type, _actors(event)) == ("ASSAULT", (None, "soldiers"))
    for text in (
        "A soldier died in an accident in Arica.",
        "Captain Luis Soto, 43, a member of the fire service, died in hospital in Lima.",
        "Corporal Ana Ruiz had previously served with the Parachute Regiment.",
    ):
        assert _events(text) == [], text
