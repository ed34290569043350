"""Where an event happened: its sentence's place, not whose something is; else the paragraph's (issue 5)."""

from __future__ import annotations

from sitroom.model import Event
from tests.stages.events.sentences import pipeline_events as events


def where(event: Event) -> str | None:
    return event.location.name if event.location is not None else None


def test_a_place_named_as_whose_something_is_is_not_where() -> None:
    (event,) = events("An army patrol detained a leader of the Liberation Front of Chad near Maiduguri.")
    assert where(event) == "Maiduguri"
    (town,) = events("Police arrested two protesters in the town of Bunia.")
    assert where(town) == "Bunia"  # "the town of", "the outskirts of": still a place


def test_a_sentence_without_a_place_takes_the_one_its_paragraph_named_just_before() -> None:
    text = "Rebels shelled the outskirts of Goma on Sunday. Three soldiers were killed, the army said."
    killed = next(e for e in events(text) if e.trigger == "killed")
    assert where(killed) == "Goma"
    apart = "Rebels shelled the outskirts of Goma on Sunday.\n\nThree soldiers were killed, the army said."
    killed_apart = next(e for e in events(apart) if e.trigger == "killed")
    assert where(killed_apart) is None


def test_troops_sent_somewhere_happen_where_they_go_not_in_the_country_sending_them() -> None:
    found = events("Chad has deployed at least 2,000 troops to northern Niger, officials said on Monday.")
    moved = [e for e in found if e.type == "MOBILIZE"]
    assert moved and where(moved[0]) == "Niger"


def test_the_sending_country_stays_the_place_when_the_sentence_names_no_other() -> None:
    found = events("Russia has deployed ground troops on a large scale for the first time, officials said.")
    moved = [e for e in found if e.type == "MOBILIZE"]
    assert moved and where(moved[0]) == "Russia"


def test_an_event_told_further_down_happens_where_the_lead_put_the_story() -> None:
    text = (
        "KABUL, Afghanistan (Oct. 10) — An Afghan and coalition force detained a Taliban leader in Andar "
        "district, Ghazni province, yesterday.\n\nThe leader planned attacks on the district centre.\n\n"
        "The force also killed two insurgents who fired on it."
    )
    killed = next(e for e in events(text) if e.trigger == "killed")
    assert where(killed) == "Ghazni"  # not Kabul, where the release was filed


def test_a_capital_the_lead_names_as_a_party_and_what_is_said_take_no_place_from_the_lead() -> None:
    party = "Tension between Pyongyang and Seoul rose sharply on Monday.\n\nSoldiers shot two men at dawn."
    shot = next(e for e in events(party) if e.trigger == "shot")
    assert where(shot) is None
    said = (
        "Rebels attacked army positions in Goma on Sunday.\n\nThe army said it was on alert.\n\n"
        "The governor accused the rebels of targeting civilians."
    )
    accused = next(e for e in events(said) if e.trigger == "accused")
    assert where(accused) is None


def test_the_country_owning_the_weapons_is_not_where_they_struck() -> None:
    found = events("Ukraine's drones hit an oil depot in Russia overnight, the General Staff reported.")
    assert found and where(found[0]) == "Russia"


def test_the_country_of_whoever_told_of_an_event_is_not_where_it_happened() -> None:
    told = (
        "The Houthis have launched more than 100 attacks on ships since November, sinking two vessels and"
        " killing four seafarers, according to the U.S. military."
    )
    (alone,) = events(told)
    assert where(alone) is None  # not the United States
    (_, after) = events(f"The Houthis fired two missiles at a tanker in the Gulf of Aden on Sunday. {told}")
    assert where(after) == "Gulf of Aden"  # the paragraph's place


def test_the_tellers_own_country_places_what_its_own_side_does_before_the_dateline() -> None:
    text = (
        "WASHINGTON -- The State Department warned of costs for anyone threatening the region.\n\n"
        "Moldova says that at least 2,000 Transnistrian troops have been moved toward the ceasefire line."
    )
    moved = next(e for e in events(text) if e.type == "MOBILIZE")
    assert where(moved) == "Moldova"  # not the dateline's Washington
