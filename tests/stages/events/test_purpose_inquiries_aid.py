"""Events the actor rules used to drop: a target named only in a purpose clause, an inquiry or a suit
whose object is no actor, and aid given with verbs the classifier rarely saw. Invented sentences."""

from __future__ import annotations

from tests.stages.events.sentences import actors_of as _actors
from tests.stages.events.sentences import events_of as _events


def test_a_target_named_only_in_a_purpose_clause_is_the_target() -> None:
    (event,) = _events("Japan gave 40 million dollars to rebuild schools in Nepal.")
    assert _actors(event) == ("Japan", "Nepal") and event.type == "AID"
    (event,) = _events("Canada donated 500 ventilators to help Kenya fight the outbreak.")
    assert _actors(event) == ("Canada", "Kenya") and event.type == "AID"


def test_a_purpose_clause_never_displaces_the_verbs_own_partner() -> None:
    (event,) = _events("Japan and Nepal signed a trade deal to cut tariffs on Indian rice.")
    assert _actors(event) == ("Japan", "Nepal")


def test_opening_an_inquiry_or_filing_a_suit_accuses_even_with_no_one_named_as_its_object() -> None:
    (event,) = _events(
        "Police in Leeds have launched an investigation after a fire destroyed a mosque on Sunday."
    )
    assert (event.type, event.mode) == ("ACCUSE", "investigate")
    assert event.source_actor is not None and "Police" in event.source_actor.text
    (event,) = _events("The Ruritanian Senate began an inquiry into the sale of the state airline.")
    assert (event.type, event.mode) == ("ACCUSE", "investigate")
    (event,) = _events("A rights group has filed a lawsuit over the demolition of homes in the old town.")
    assert (event.type, event.mode) == ("ACCUSE", "allege")


def test_an_ordinary_object_of_the_same_verbs_is_no_inquiry() -> None:
    for text in (
        "Police in Leeds have launched a new website for reporting lost property.",
        "The Ruritanian Senate began its spring session on Monday.",
    ):
        assert all(e.type != "ACCUSE" for e in _events(text)), text


def test_breaking_a_ceasefire_is_an_assault_but_being_accused_of_it_is_an_accusation() -> None:
    (event,) = _events("The Pakistan army violated the ceasefire by shelling villages along the border.")
    assert event.type == "ASSAULT" and _actors(event)[0] == "Pakistan army"
    (event,) = _events("India accused Pakistan of violating the ceasefire in Kashmir.")
    assert (event.type, *_actors(event)) == ("ACCUSE", "India", "Pakistan")


def test_an_arrest_or_killing_by_a_named_actor_is_an_event_when_the_one_it_befell_is_no_actor() -> None:
    (event,) = _events("Italian police have arrested the captain of a fishing boat near Lampedusa.")
    assert (event.type, event.mode, _actors(event)[0]) == ("COERCE", "arrest", "Italian police")
    # verbs of harm with another reading, and a harm the parser hung on a verb of saying, are not
    assert _events("The director shot a video in the old port of Genoa.") == []
    for event in _events("Rebels overran a base in the north, officials said on Tuesday, killing 17 people."):
        assert _actors(event)[0] != "officials"


def test_a_curfew_or_a_state_of_emergency_coerces_unless_a_disaster_called_for_it() -> None:
    (event,) = _events("Thai officials declared a state of emergency in Bangkok after the protests.")
    assert (event.type, event.mode) == ("COERCE", "curfew")
    (event,) = _events("Indian authorities imposed a curfew in parts of Kashmir on Friday.")
    assert (event.type, event.mode) == ("COERCE", "curfew")
    flood = _events("The Italian government declared a state of emergency in the region after floods.")
    assert all(e.type != "COERCE" for e in flood)


def test_a_coalition_led_by_a_country_acts_as_a_whole() -> None:
    (event,) = _events("The Saudi-led coalition fighting rebels in Yemen has declared a two-week ceasefire.")
    assert event.source_actor is not None and event.source_actor.text.startswith("Saudi-led coalition")
    assert event.source_actor.country == "SAU"


def test_saying_another_party_must_act_is_a_request_and_the_act_has_not_happened() -> None:
    (event,) = _events("Moldova's foreign minister said Russia must withdraw its troops from Transnistria.")
    assert (event.type, *_actors(event)) == ("REQUEST", "Moldova's foreign minister", "Russia")
    # a country's own official saying what it must do states an intent, asked of no one
    assert all(e.type != "REQUEST" for e in _events("Peskov said Russia must protect its citizens."))


def test_saying_another_party_was_responsible_accuses_it() -> None:
    (event,) = _events(
        "After the blast on Tuesday, the Afghan government said Taliban militants were responsible."
    )
    assert (event.type, *_actors(event)) == ("ACCUSE", "Afghan government", "Taliban militants")
    (event,) = _events("The ministry said Hamas was to blame for the blast.")
    assert (event.type, *_actors(event)) == ("ACCUSE", "ministry", "Hamas")  # Hamas blames no one


def test_calling_off_a_strike_halting_strikes_or_reversing_a_decision_yields() -> None:
    (event,) = _events("Dock workers in Antwerp called off a strike that had halted the port for a week.")
    assert event.type == "RETREAT" and "workers in Antwerp" in (_actors(event)[0] or "")
    (event,) = _events("The British government has reversed a decision to close the consulate in Basra.")
    assert event.type == "RETREAT" and _actors(event)[0] == "British government"
    # a halt named only as the aim of an agreement leaves the agreement the event
    (event,) = _events("India and Pakistan agreed to a cease-fire to end months of fighting in Kashmir.")
    assert event.type == "AGREE"


def test_providing_aid_is_aid_but_promising_it_is_an_agreement() -> None:
    (event,) = _events("The World Health Organization is providing urgent assistance to flood victims.")
    assert event.type == "AID" and _actors(event)[0] == "The World Health Organization"
    (event,) = _events("Japan will provide a grant of 20 million dollars to Nepal.")
    assert event.type == "AGREE"


def test_refusing_to_yield_is_a_rejection_but_not_yielding_in_the_past_is_a_denial() -> None:
    (event,) = _events("Dock workers in Antwerp said they will not end the strike until wages rise.")
    assert (event.type, event.mode, event.factuality) == ("REJECT", "yield", "reported")
    (event,) = _events("The rebels did not release the hostages.")
    assert (event.type, event.factuality) == ("RETREAT", "denied")
