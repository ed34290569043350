"""A refusal to do what a cue rule names is the refusal (REJECT); border guards, peacekeepers and
armoured vehicles are forces on the move; a named actor's clear act on no actor is an event; a halt
announced as a noun stops ties or fighting. Invented sentences."""

from __future__ import annotations

from tests.stages.events.sentences import actors_of as _actors
from tests.stages.events.sentences import events_of as _events
from tests.stages.events.sentences import pipeline_events


def test_refusing_a_movement_or_a_concession_is_a_rejection() -> None:
    (event,) = _events("Norway has refused to send troops to Iraq.")
    assert (event.type, event.factuality) == ("REJECT", "reported") and _actors(event) == ("Norway", "Iraq")
    (event,) = _events("Ankara still refuses to lift the ban on Cypriot ships.")
    assert (event.type, event.mode) == ("REJECT", "yield")


def test_deciding_to_send_troops_is_still_a_movement() -> None:
    (event,) = _events("Norway decided to send troops to Iraq.")
    assert (event.type, event.factuality) == ("MOBILIZE", "planned")


def test_border_guards_peacekeepers_and_armoured_vehicles_are_forces() -> None:
    (event,) = _events("Kenya sent 400 peacekeepers to Haiti.")
    assert (event.type, event.mode) == ("MOBILIZE", "troops")
    (event,) = _events("Ukraine has sent additional border guards and armoured vehicles to its frontier.")
    assert event.type == "MOBILIZE"
    (event,) = _events("The government sent aid vehicles to the flooded region of Romania.")
    assert event.type != "MOBILIZE"


def test_a_named_actors_clear_act_on_no_actor_is_an_event_but_a_pair_outranks_it() -> None:
    (event,) = _events("Baghdad has rejected the referendum as unconstitutional.")
    assert event.type == "REJECT" and _actors(event) == ("Baghdad", None)
    (event,) = _events("The Taliban have refused to allow any commercial flights out of Afghanistan.")
    assert event.type == "REJECT" and _actors(event) == ("Taliban", "Afghanistan")


def test_a_halt_to_ties_announced_as_a_noun_is_a_sanction_and_one_to_fighting_a_yield() -> None:
    (event,) = _events("Brazil announced a freeze on trade talks with Argentina.")
    assert (event.type, event.mode) == ("SANCTION", "discontinue")
    (event,) = _events("The rebels declared a halt to the offensive against Kyiv.")
    assert event.type == "RETREAT"
    assert all(e.type != "SANCTION" for e in _events("The company announced a halt to production."))


def test_the_one_who_receives_gives_nothing() -> None:
    (event,) = _events("Ukraine received 50 tanks from Germany.")
    assert event.type == "AID" and _actors(event) == ("Germany", "Ukraine")
    text = "Officials said the troops are receiving combat training at several Russian military sites."
    assert all(e.source_actor is None or e.source_actor.text != "troops" for e in _events(text))


def test_a_total_of_soldiers_sent_act_for_their_side() -> None:
    (event,) = _events(
        "Lima estimates that a total of 900 Chilean soldiers could be deployed to Bolivia by May."
    )
    assert (event.type, _actors(event)) == ("MOBILIZE", ("Chilean soldiers", "Bolivia"))


def test_a_rulers_side_is_coded_to_the_country_he_rules() -> None:
    from sitroom.stages.events.actors import LazyActorTables, resolve

    tables = LazyActorTables().get()
    for text, sector in (("pro-Gaddafi forces", "military"), ("Gaddafi's forces", "military"),
                         ("the Assad regime", "government"), ("Moammar Gadhafi", "government")):
        assert (resolve(tables, text).country, resolve(tables, text).sector) == (
            "SYR" if "Assad" in text else "LBY", sector
        ), text
    assert resolve(tables, "Obama's daughters").country is None


def test_a_states_own_forces_belong_to_the_country_the_story_is_about() -> None:
    text = (
        "Peru's opposition called for new elections. The unrest in Peru began in March, and Peru has "
        "since closed its borders.\n\nSecurity forces shot dead two protesters in the city on Friday. "
        "Coalition security forces detained a suspect near the border."
    )
    shot, held = (e for e in _events(text) if e.type in ("ASSAULT", "COERCE"))
    assert shot.source_actor is not None and shot.source_actor.country == "PER"
    assert held.source_actor is not None and held.source_actor.country is None


def test_a_national_body_takes_the_one_country_its_sentence_names_before_it() -> None:
    from tests.stages.test_events import _full

    article = _full(
        "LIMA (AP) -- Chilean President Ana Soto suffered a setback when lawmakers rejected a trade deal "
        "with Argentina. The defence ministry condemned Bolivia's missile test.",
        dateline="LIMA (AP)",
    )
    rejected = next(e for e in article.events if e.type == "REJECT")
    condemned = next(e for e in article.events if e.type == "ACCUSE")
    assert rejected.source_actor is not None and rejected.source_actor.country == "CHL"
    assert condemned.source_actor is not None and condemned.source_actor.country == "PER"


def test_a_repeated_caption_tells_its_event_once_but_short_roundup_lines_each_count() -> None:
    caption = "Chile's foreign minister Ana Soto meets Peru's president Luis Ortega at the palace in Lima."
    text = f"{caption}\n\nThe talks lasted three hours.\n\n{caption}\n\nThe talks ended without a deal."
    assert len([e for e in _events(text) if e.type == "CONSULT"]) == 1
    roundup = ("In Kandahar province, troops searched a compound. Police arrested two suspects.\n\n"
               "In Helmand province, troops searched a village. Police arrested two suspects.")
    assert len([e for e in _events(roundup) if e.type == "COERCE"]) == 2


def test_a_persons_name_codes_no_country_by_its_words() -> None:
    (event,) = _events("Victoria Lindqvist accused Peru of stoking tension on the border.")
    assert event.source_actor is not None and event.source_actor.country != "SYC"
    (listed,) = _events("Victoria Nuland accused Peru of stoking tension on the border.")
    assert listed.source_actor is not None and listed.source_actor.country == "USA"  # the officials table


def test_a_speaker_asks_nothing_of_the_we_that_is_themselves() -> None:
    text = ('"To avoid any future problems, we should separate the two groups," said a Misrata man named '
            "Saleh as he stood near a camp.")
    assert [e.type for e in _events(text)] == []


def test_a_state_is_no_target_of_its_own_threat_nor_a_landform_of_a_demand() -> None:
    pence = "On Monday, U.S. Vice President Mike Pence vowed an overwhelming U.S. response to any attack."
    (event,) = pipeline_events(pence)
    assert event.type == "THREATEN" and _actors(event) == ("U.S. Vice President Mike Pence", None)
    (event,) = pipeline_events("North Korea demanded that the US ease sanctions on the Korean Peninsula.")
    assert event.type == "REQUEST" and _actors(event)[1] != "the Korean Peninsula"
    (event,) = pipeline_events("Taliban fighters overran an army base in northern Afghanistan.")
    assert event.type == "ASSAULT" and _actors(event) == ("Taliban fighters", "Afghanistan")  # their own land


def test_armed_groups_are_coded_to_the_country_they_fight_in() -> None:
    from sitroom.stages.events.actors import resolve
    from sitroom.stages.events.stage import LazyActorTables

    tables = LazyActorTables().get()
    coded = {text: (a.country, a.sector) for text in (
        "Houthi rebels", "Hezbollah", "the Rapid Support Forces", "al-Shabaab militants", "Boko Haram",
        "Islamic State fighters", "Pakistani Taliban", "Wagner mercenaries", "Richard Wagner",
    ) for a in [resolve(tables, text)]}  # fmt: skip
    assert coded == {
        "Houthi rebels": ("YEM", "rebels"), "Hezbollah": ("LBN", "rebels"),
        "the Rapid Support Forces": ("SDN", "rebels"), "al-Shabaab militants": ("SOM", "rebels"),
        "Boko Haram": ("NGA", "rebels"), "Islamic State fighters": (None, "rebels"),
        "Pakistani Taliban": ("PAK", "rebels"), "Wagner mercenaries": ("RUS", "military"),
        "Richard Wagner": (None, None),  # a surname alone is nobody's armed group
    }  # fmt: skip


def test_munitions_fired_at_something_attack_it_and_protestors_protest_without_a_target() -> None:
    (event,) = pipeline_events("Harbour rebels fired a missile at a tanker off the coast.")
    assert (event.type, event.mode) == ("ASSAULT", "heavy-weapons")
    assert pipeline_events("Norland fired a ballistic missile into the sea.") == []  # maybe a test
    assert pipeline_events("Norland fired a missile at 7:30 a.m. local time.") == []
    (event,) = pipeline_events("Opposition supporters protested in the capital on Sunday.")
    assert event.type == "PROTEST" and _actors(event) == ("Opposition supporters", None)


def test_a_town_the_model_tagged_as_a_time_is_where_the_drones_struck() -> None:
    (event,) = pipeline_events("Russia launched 40 drones at Kyiv overnight.")
    assert event.type == "ASSAULT" and event.location is not None and event.location.name == "Kyiv"


def test_weapons_that_strike_something_are_an_attack_by_whoever_fired_them() -> None:
    lead = "Russian drones struck grain silos at the port of Odesa overnight, the governor said."
    (event,) = pipeline_events(lead)
    assert (event.type, event.mode) == ("ASSAULT", "drone")
    assert event.location is not None and event.location.name == "Odesa"  # tagged as a language
    assert pipeline_events("The company struck a deal with the port.") == []  # no weapon, no attack


def test_forces_that_strike_and_offensives_launched_are_attacks_but_deals_struck_are_not() -> None:
    (event,) = pipeline_events("Norland denied that its forces had struck the hospital.")
    assert (event.type, event.factuality) == ("ASSAULT", "denied")
    (event,) = pipeline_events("If talks fail, Varnel would launch a counteroffensive.")
    assert (event.type, event.factuality) == ("ASSAULT", "hypothetical")
    assert all(e.type != "ASSAULT" for e in pipeline_events("The army struck a deal with the rebels."))
    words = "The former premier launched a scathing attack on the spy chiefs, calling them reckless."
    assert all(e.type != "ASSAULT" for e in pipeline_events(words))  # an attack in words


def test_a_listed_group_the_tagger_took_for_a_person_codes_to_its_country() -> None:
    found = pipeline_events(
        "The Houthis have launched more than 100 attacks on ships since November, sinking two vessels and"
        " killing four seafarers."
    )
    assert found and found[0].source_actor is not None
    assert (found[0].source_actor.text, found[0].source_actor.country) == ("Houthis", "YEM")


def test_an_actor_named_in_a_condition_is_not_the_target() -> None:
    # the actor after 'until' was taken as the target: an AGREE with Gaza
    text = (
        "Houthi military spokesman Omar Dagan said the tanker had broken the group's ban on vessels linked to"
        ' Israel. "We will continue our operations until the aggression on Gaza stops," he said.'
    )
    assert not [e for e in pipeline_events(text) if e.target_actor and e.target_actor.text == "Gaza"]


def test_a_ship_owned_or_flagged_by_a_country_is_the_target_not_the_country() -> None:
    (event,) = pipeline_events("The Houthis fired two missiles at a Greek-owned oil tanker in the Red Sea.")
    assert event.target_actor is not None
    assert (event.target_actor.text, event.target_actor.country) == ("Greek-owned oil tanker", "GRC")
    (led,) = pipeline_events("A Saudi-led coalition bombed the port of Hodeidah on Sunday.")
    assert led.source_actor is not None and led.source_actor.text == "Saudi-led coalition"


def test_ties_that_describe_the_doer_are_no_act_on_whom_they_name() -> None:
    # the parser made 'linked' the verb: an attack by the fighters on al-Qaida
    found = pipeline_events("Rebels linked to Norland killed 12 villagers near the river on Saturday.")
    assert found and found[0].trigger == "killed"
    assert found[0].source_actor is not None and found[0].source_actor.text == "Rebels"
    assert not [e for e in pipeline_events("Fighters linked to al-Qaida attacked an army base in Djibo.")
                if e.target_actor and e.target_actor.text == "al-Qaida"]


def test_whom_a_purpose_clause_keeps_from_harm_is_not_attacked() -> None:
    text = "The army said it used precise munitions and aerial surveillance to reduce the risk to civilians."
    assert not [e for e in pipeline_events(text) if e.target_actor and e.target_actor.text == "civilians"]
    # a purpose clause that helps someone still names whom the act is for
    (aid,) = pipeline_events("Japan gave 40 million dollars to help Ethiopia rebuild schools.")
    assert aid.target_actor is not None and aid.target_actor.text == "Ethiopia"


def test_drones_launched_are_an_attack_even_with_no_target_named() -> None:
    found = pipeline_events("Norland launched 154 drones and three missiles overnight, the air force said.")
    assert [(e.type, e.source_actor.text if e.source_actor else None) for e in found] == [
        ("ASSAULT", "Norland")
    ]
    # missiles fired into the sea may be a test
    assert not pipeline_events("Norland fired two ballistic missiles into the sea early on Tuesday.")


def test_a_will_reported_in_the_past_is_planned_and_a_condition_stays_hypothetical() -> None:
    said = pipeline_events("The minister said Norland would send troops to the border next week.")
    assert [(e.type, e.factuality) for e in said] == [("MOBILIZE", "planned")]
    condition = pipeline_events("The minister said Norland would send troops if the talks failed.")
    assert [(e.type, e.factuality) for e in condition] == [("MOBILIZE", "hypothetical")]


def test_a_body_that_only_qualifies_a_place_is_no_target() -> None:
    (moved,) = pipeline_events("Norland moved troops into a UN-patrolled buffer zone near the border.")
    assert moved.type == "MOBILIZE" and moved.target_actor is None


def test_the_dead_the_parser_took_for_a_second_speaker_are_still_the_killings_target() -> None:
    (event,) = pipeline_events(
        "A missile hit a residential building in Kelda, killing at least nine people, including two"
        " children, regional governor Ada Berg said."
    )
    assert event.trigger == "killing"
    assert event.target_actor is not None and event.target_actor.text == "people"
