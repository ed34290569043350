"""EventStage on invented sentences: cue rules, actor coding, factuality, arguments (issue 5)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.model import Article, Event
from sitroom.stages.events import EventStage
from sitroom.stages.events.actors import ActorTables, resolve
from sitroom.stages.events.factuality import factuality
from sitroom.stages.nlp import NlpStage
from sitroom.stages.quantities import QuantityStage


@cache
def _stages() -> tuple[NlpStage, QuantityStage, EventStage]:
    settings = Settings()
    return NlpStage(settings), QuantityStage(settings), EventStage(settings)


def annotate(text: str) -> Article:
    nlp, quantities, events = _stages()
    return events(quantities(nlp(Article(id="t", source="test", body=text))))


def one_event(text: str) -> Event:
    article = annotate(text)
    assert len(article.events) == 1, article.events
    event = article.events[0]
    assert (event.start, event.end) == (article.sentences[0].start, article.sentences[0].end)
    return event


@cache
def _tables() -> ActorTables:
    return ActorTables.load()


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Moscow", "RUS", "government"),
        ("the Kremlin", "RUS", "government"),
        ("Pyongyang", "PRK", "government"),
        ("Seoul's spy agency", "KOR", "intelligence"),
        ("North Korean troops", "PRK", "military"),
        ("the UN Security Council", None, "igo"),
        ("Chinese state media", "CHN", "media"),
        ("Iranian Foreign Minister Javad Zarif", "IRN", "diplomat"),
        ("Crimean authorities", "UKR", "government"),  # a region's adjective gives its country
        ("the Transnistrian delegation", "MDA", "diplomat"),
        ("President Putin", "RUS", "government"),  # a listed official's name codes the person
        ("Sergei Shoigu", "RUS", "military"),
        ("Chinese Premier Li Qiang", "CHN", "government"),  # offices other than "minister"
        ("Qatar's emir", "QAT", "government"),
        ("British Foreign Secretary Ada Lane", "GBR", "diplomat"),
        ("U.S. Defense Secretary Bo Reyes", "USA", "military"),
        ("the Russian Security Council", "RUS", "government"),  # a state's own, not the UN's
        ("Russia's NATO envoy", "RUS", "diplomat"),  # a country's envoy to an organisation
        ("the UN envoy for Syria", None, "igo"),  # the organisation's own envoy
    ],
)
def test_actor_resolution(text: str, country: str | None, sector: str) -> None:
    actor = resolve(_tables(), text)
    assert (actor.text, actor.country, actor.sector) == (text, country, sector)


def test_the_north_needs_a_korean_story() -> None:
    assert resolve(_tables(), "the North", ["KOR", "PRK"]).country == "PRK"
    assert resolve(_tables(), "the North", ["FRA"]).country is None


def test_pronoun_us_is_not_the_united_states() -> None:
    assert resolve(_tables(), "us").country is None
    assert resolve(_tables(), "the US").country == "USA"


def test_troop_movement_is_mobilize_with_actors_and_figure() -> None:
    event = one_event("North Korea has deployed about 1,500 soldiers to Russia, the spy agency said.")
    assert (event.type, event.mode, event.factuality) == ("MOBILIZE", "troops", "reported")
    assert event.source_actor is not None and event.source_actor.country == "PRK"
    assert event.target_actor is not None and event.target_actor.country == "RUS"
    assert [q.value for q in event.quantities] == [1500]


def test_condemned_is_accuse_by_an_international_organisation() -> None:
    event = one_event("The UN Security Council condemned the attack on the embassy.")
    assert (event.type, event.trigger) == ("ACCUSE", "condemned")
    assert event.source_actor is not None and event.source_actor.sector == "igo"


def test_threatened_sanctions_is_threaten_with_the_restrict_mode() -> None:
    event = one_event("Washington threatened to impose sanctions on Pyongyang over its missile tests.")
    assert (event.type, event.mode, event.trigger) == ("THREATEN", "restrict", "threatened")
    assert event.target_actor is not None and event.target_actor.country == "PRK"


def test_planned_sanctions() -> None:
    event = one_event("The European Union plans to introduce sanctions against Iran next month.")
    assert (event.type, event.factuality) == ("COERCE", "planned")


def test_an_intent_or_plans_named_as_a_noun_are_planned() -> None:
    for body, lemma in (
        ("South Korea has expressed its intent to send arms to Ukraine.", "express"),
        ("Russia announced plans to send more troops to the border.", "send"),
    ):
        article = _stages()[0](Article(id="p", source="t", body=body))
        verb = next(i for i, t in enumerate(article.tokens) if t.lemma == lemma)
        assert factuality(article.tokens, verb, 0, len(article.tokens), article.body) == "planned", body


def test_projection_is_estimated() -> None:
    event = one_event("Up to 10,000 Russian troops could be deployed to the border by December.")
    assert (event.type, event.factuality) == ("MOBILIZE", "estimated")


def test_dismissed_as_fake_news_is_denied() -> None:
    event = one_event("The Kremlin dismissed reports that Russia had sent troops to Syria as fake news.")
    assert event.factuality == "denied"


def test_would_is_hypothetical() -> None:
    article = _stages()[0](Article(id="h", source="t", body="The lake would be contaminated by the spill."))
    verb = next(i for i, t in enumerate(article.tokens) if t.lemma == "contaminate")
    assert factuality(article.tokens, verb, 0, len(article.tokens), article.body) == "hypothetical"


def test_plain_past_tense_is_reported_and_negation_denied() -> None:
    article = _stages()[0](Article(id="n", source="t", body="Ankara did not send troops."))
    verb = next(i for i, t in enumerate(article.tokens) if t.lemma == "send")
    assert factuality(article.tokens, verb, 0, len(article.tokens), article.body) == "denied"
    assert one_event("Police arrested three protesters in Minsk on Friday.").factuality == "reported"


def test_meeting_is_consult_with_both_leaders_coded() -> None:
    event = one_event("Chinese President Xi Jinping met South Korean President Yoon Suk Yeol in Lima.")
    assert event.type == "CONSULT"
    assert event.source_actor is not None and event.source_actor.country == "CHN"
    assert event.target_actor is not None and event.target_actor.country == "KOR"


def test_no_actor_no_event() -> None:
    assert annotate("The weather was sunny and the market was busy on the coast.").events == ()


def test_rejected_article_is_left_alone() -> None:
    article = Article(id="r", source="t", body="Moscow condemned it.", rejected="duplicate")
    assert _stages()[2](article) is article


def test_a_bare_north_in_a_korea_story_is_the_north() -> None:
    event = one_event("Seoul's spy agency said the North had sent about 3,000 soldiers to the Russian port.")
    assert event.type == "MOBILIZE"
    assert event.source_actor is not None and event.source_actor.country == "PRK"


def test_a_gazetteer_place_gives_an_unknown_city_its_country() -> None:
    assert resolve(_tables(), "Vladivostok").country is None
    assert resolve(_tables(), "Vladivostok", place_country="RUS").country == "RUS"


def test_protest_rule_keeps_the_target_not_the_location() -> None:
    event = one_event("Protesters rallied against the government in Tbilisi on Sunday.")
    assert (event.type, event.mode) == ("PROTEST", "demo")
    assert event.target_actor is not None and event.target_actor.sector == "government"


def test_yield_is_split_into_the_codebook_types():
    """Regression (issue 5): the PLV label YIELD is not a PLOVER 2021 type; promises concede, acts retreat."""
    from sitroom.stages.events.stage import plover_type

    assert plover_type("YIELD", "reported") == "RETREAT"
    assert plover_type("YIELD", "planned") == "CONCEDE"
    assert plover_type("MOBILIZE", "planned") == "MOBILIZE"


def _toy_examples() -> tuple[list[dict[str, float]], list[str]]:
    words = [("praise", "st"), ("hail", "st"), ("slam", "st"), ("condemn", "st")]
    words += [("bomb", "ts"), ("shell", "ts")]
    feats = [{f"w:{word}": 1.0, f"ord:{order}": 1.0} for word, order in words]
    return feats, ["SUPPORT", "SUPPORT", "ACCUSE", "ACCUSE", "ASSAULT", "ASSAULT"]


def test_classifier_round_trips_and_extra_examples_count_by_their_weight(tmp_path: Path) -> None:
    from sitroom.stages.events.classifier import NO_EXTRA, PloverModel, fit_with

    feats, labels = _toy_examples()
    plain = fit_with(feats, labels, NO_EXTRA)
    assert plain.predict({"w:praise": 1.0, "ord:st": 1.0})[0] == "SUPPORT"
    # An unseen word learnt only from an extra example: it decides when weighted, not when weight 0.
    extra = ([{"w:applaud": 1.0}], ["SUPPORT"])
    heard = fit_with(feats, labels, (*extra, [1.0]))
    unheard = fit_with(feats, labels, (*extra, [0.0]))
    assert heard.scores({"w:applaud": 1.0}).argmax() == heard.classes.index("SUPPORT")
    assert "w:applaud" not in unheard.index
    heard.save(tmp_path / "m.npz")
    loaded = PloverModel.load(tmp_path / "m.npz")
    probe = {"w:bomb": 1.0, "ord:ts": 1.0}
    assert loaded.predict(probe)[0] == heard.predict(probe)[0] == "ASSAULT"


def test_encoder_text_wraps_the_actors_and_blanks_stray_marker_characters() -> None:
    from sitroom.stages.events.features import encoder_text, unmark

    sentence, source, target = unmark("<s>Freedonia</s> told <t>the #1 team</t> to leave @ dawn.")
    assert sentence == "Freedonia told the #1 team to leave @ dawn."
    assert sentence[source[0] : source[1]] == "Freedonia" and sentence[target[0] : target[1]] == "the #1 team"
    assert encoder_text(sentence, source, target) == "@ Freedonia @ told # the 1 team # to leave dawn."
    assert encoder_text(sentence, None, target) == "Freedonia told # the 1 team # to leave dawn."


def test_blend_is_a_normalised_geometric_mean_over_the_union_of_classes() -> None:
    from sitroom.stages.events.classifier import blend

    mixed = blend({"ACCUSE": 0.6, "REJECT": 0.4}, {"ACCUSE": 0.2, "ASSAULT": 0.8}, weight=0.5)
    assert sum(mixed.values()) == pytest.approx(1.0)
    assert set(mixed) == {"ACCUSE", "REJECT", "ASSAULT"}
    # both give ACCUSE some weight; each of the others is missing on one side: ACCUSE wins
    assert max(mixed, key=lambda c: mixed[c]) == "ACCUSE"
    assert mixed["ACCUSE"] > 0.99
    assert blend({"A": 0.5, "B": 0.5}, {"A": 0.5, "B": 0.5}) == pytest.approx({"A": 0.5, "B": 0.5})


@pytest.mark.parametrize(
    ("marked", "label"),
    [
        ("<s>Freedonian artillery</s> shelled <t>Sylvanian border villages</t> overnight.", "ASSAULT"),
        ("<s>Freedonia</s> threatened <t>Sylvania</t> with military action if the talks fail.", "THREATEN"),
        ("<s>Freedonia</s> sent food and medicine to <t>flood victims in Sylvania</t>.", "AID"),
        ("<s>The Freedonian president</s> met <t>his Sylvanian envoy</t> for talks in Marlow.", "CONSULT"),
        ("<s>Freedonia</s> accused <t>Sylvania</t> of meddling in its election.", "ACCUSE"),
    ],
)
def test_shipped_encoder_reads_invented_sentences(marked: str, label: str) -> None:
    """The fine-tuned encoder alone (numpy inference) on clear cases it never saw."""
    from sitroom.stages.events.features import unmark

    probs = _stages()[2].model.encoder.get().probabilities(*unmark(marked))
    assert max(probs, key=lambda c: probs[c]) == label


def test_a_negated_plan_or_a_nobody_subject_denies_the_event_under_it() -> None:
    assert one_event("The ministry said it had no plans to send troops to Moldova.").factuality == "denied"
    expected = one_event("The ministry does not expect Russia to deploy troops to Belarus.")
    assert expected.factuality == "denied"
    assert one_event("Russia plans to deploy troops to Belarus.").factuality == "planned"
    assert one_event("Nobody will use the base to threaten Ukraine.").factuality == "denied"


def test_a_pronoun_source_is_the_speaker_the_statements_stage_resolved() -> None:
    article = _full(
        "Ilie Varga, the region's leader, spoke in the capital on Monday. "
        "He accused Moldova of sending police units to villages along the river."
    )
    accusation = next(e for e in article.events if e.type == "ACCUSE")
    assert accusation.source_actor is not None and accusation.source_actor.text == "Ilie Varga"
    assert accusation.target_actor is not None and accusation.target_actor.country == "MDA"


def _full(text: str, dateline: str | None = None) -> Article:
    from sitroom.stages.entities import EntityStage
    from sitroom.stages.statements import StatementStage

    settings = Settings()
    nlp, quantities, events = _stages()
    article = Article(id="t", source="test", body=text, dateline=dateline)
    for stage in (nlp, EntityStage(settings), StatementStage(settings), quantities, events):
        article = stage(article)
    return article


def test_a_name_beside_a_common_noun_subject_acts_and_a_fronted_place_is_no_target() -> None:
    article = _full("The head of the delegation, Igor Lupa, accused Transnistria of staging the attack.")
    accusation = next(e for e in article.events if e.type == "ACCUSE")
    assert accusation.source_actor is not None and accusation.source_actor.text == "Igor Lupa"
    fronted = _full("In Comrat, the capital of the region, the governor, Ana Cara, criticised the vote.")
    assert all(e.target_actor is None or e.target_actor.text != "Comrat" for e in fronted.events)


def test_a_surname_source_is_coded_by_the_speakers_full_name_and_role() -> None:
    article = _full(
        "Moldovan Defence Minister Petru Vasan said the troops had moved. "
        "Vasan accused Transnistria of staging the attack."
    )
    accusation = next(e for e in article.events if e.type == "ACCUSE")
    assert accusation.source_actor is not None
    assert (accusation.source_actor.text, accusation.source_actor.country) == ("Petru Vasan", "MDA")


def test_a_lowercase_who_or_us_is_never_an_actor() -> None:
    article = annotate("The ministry is ready to impose sanctions on anyone who threatens the port.")
    assert all(e.source_actor is None or e.source_actor.text.lower() != "who" for e in article.events)
    from sitroom.stages.events.actors import keyword_matches

    found = [m.group() for m in keyword_matches(_tables(), "who and us; the WHO and the US")]
    assert found == ["WHO", "US"]


def test_the_speaker_who_reports_an_event_is_not_its_target() -> None:
    article = _full(
        "VALDORA – Forces loyal to the separatist government in Transnistria have moved about 3,500 "
        "troops toward the Dniester ceasefire line since Friday, a senior Moldovan security official "
        "who asked not to be named told the Valdora Herald on Tuesday."
    )
    moved = next(e for e in article.events if e.type == "MOBILIZE")
    assert moved.target_actor is None or "official" not in moved.target_actor.text


def test_a_verb_without_a_subject_shares_the_subject_of_the_verb_it_hangs_from() -> None:
    walked = _full(
        "Talks between Moldova and the separatists ended on Monday after the Transnistrian delegation "
        "walked out, accusing Chisinau of staging the attack."
    )
    accusation = next(e for e in walked.events if e.type == "ACCUSE")
    assert accusation.source_actor is not None and accusation.source_actor.text == "Transnistrian delegation"
    plans = _full("Romania's defence ministry said that it had no plans to send troops to Moldova.")
    moved = next(e for e in plans.events if e.type == "MOBILIZE")
    assert moved.source_actor is not None
    assert (moved.source_actor.text, moved.source_actor.country) == ("Romania's defence ministry", "ROU")
    assert moved.factuality == "denied"


def test_a_speech_act_coordinated_with_reported_speech_is_the_speakers() -> None:
    for text in (
        "Spokeswoman Vera Lintu said Romania was pouring oil on the fire and accused Bucharest of meddling.",
        "Environmental groups said the floods showed that Italy was not prepared, and accused "
        "successive governments of neglect.",
    ):
        accusations = [e for e in _full(text).events if e.type == "ACCUSE"]
        countries = [e.source_actor.country for e in accusations if e.source_actor is not None]
        assert not set(countries) & {"ROU", "ITA"}, text
    lintu = _full(
        "Spokeswoman Vera Lintu said Romania was pouring oil on the fire and accused Bucharest of meddling."
    )
    accusation = next(e for e in lintu.events if e.type == "ACCUSE")
    assert accusation.source_actor is not None and "Vera Lintu" in accusation.source_actor.text


def test_what_is_asked_for_is_a_request_and_a_place_of_meeting_no_target() -> None:
    urged = _full("Two senators urged the administration to send Moldova air defence equipment.")
    assert [e.type for e in urged.events] == ["REQUEST"]
    request = urged.events[0]
    assert request.source_actor is not None and request.source_actor.sector == "legislature"
    assert request.target_actor is not None and request.target_actor.text == "administration"
    from sitroom.stages.places import PlaceStage

    met = _full("The Italian cabinet met in Rome late on Thursday with the Greek prime minister.")
    met = _stages()[2](PlaceStage(Settings())(met))  # the places stage says Rome is a city
    assert all(e.target_actor is None or e.target_actor.text != "Rome" for e in met.events)


def test_moved_troops_act_and_rivers_and_states_of_emergency_are_no_actors() -> None:
    moved = _full("The minister said on Monday that at least 2,000 Transnistrian troops had been moved.")
    mobilize = next(e for e in moved.events if e.type == "MOBILIZE")
    assert mobilize.source_actor is not None and "troops" in mobilize.source_actor.text
    assert mobilize.target_actor is None
    tables = _tables()
    from sitroom.stages.events.actors import keyword_matches

    words = [m.group() for m in keyword_matches(tables, "a state of emergency; the State of Palestine")]
    assert words == ["State", "Palestine"]
    sent = annotate("Romania sent troops to hospitals along the Dniester river.")
    assert all(e.target_actor is None or "Dniester" not in e.target_actor.text for e in sent.events)


def test_calling_on_someone_is_no_phone_call() -> None:
    article = _full("The European Union called on Moldova and Ukraine to resume talks on the border.")
    assert all(e.mode != "phone" for e in article.events)


def test_generic_threats_object_control_call_ups_and_a_leader_of_a_place() -> None:
    generic = _full("Those who threaten Moldova's peace will pay a price, said Marta Lindqvist, an envoy.")
    assert all(e.target_actor is None or "peace" not in e.target_actor.text for e in generic.events)
    called = _full(
        "The parliament voted to declare a state of emergency and authorised the government to call up "
        "5,000 reservists."
    )
    mobilize = next(e for e in called.events if e.type == "MOBILIZE")
    assert mobilize.source_actor is not None and mobilize.source_actor.text == "government"
    from sitroom.stages.places import PlaceStage

    leader = _full("The leader of the breakaway Transnistria region threatened to cut power to Moldova.")
    leader = _stages()[2](PlaceStage(Settings())(leader))  # the place gives the country
    threat = next(e for e in leader.events if e.type == "THREATEN")
    assert threat.source_actor is not None and threat.source_actor.country == "MDA"


def test_a_denied_abandonment_is_a_pledge_and_a_counterfactual_no_denial() -> None:
    pledge = _full('"Norland will not leave Vestia alone in the cold," the foreign minister told reporters.')
    assert all(e.type != "REJECT" and e.factuality != "denied" for e in pledge.events)
    assert any(e.type == "SUPPORT" and e.factuality == "planned" for e in pledge.events)
    expert = annotate(
        "One expert said the rebels would not have moved troops without a nod from the Russian officers."
    )
    moved = next(e for e in expert.events if e.type == "MOBILIZE")
    assert moved.factuality == "hypothetical"


def test_willing_actors_joint_partners_and_places_withdrawn_from() -> None:
    agreed = annotate("Norland and Vestia have agreed to start negotiations on a free trade agreement.")
    event = agreed.events[0]
    assert event.source_actor is not None and event.source_actor.text == "Norland"
    assert event.target_actor is not None and event.target_actor.text == "Vestia"
    willing = annotate("Russia is willing to withdraw its troops from Moldova.")
    event = willing.events[0]
    assert event.source_actor is not None and event.source_actor.country == "RUS"
    assert event.target_actor is not None and event.target_actor.country == "MDA"


def test_strikes_alerts_and_groups_of_actors() -> None:
    strike = annotate("A group of asylum-seekers has gone on hunger strike over conditions at the centre.")
    assert [(e.type, e.mode) for e in strike.events] == [("PROTEST", "hunger")]
    assert strike.events[0].source_actor is not None and "asylum" in strike.events[0].source_actor.text
    teachers = annotate("Teachers in the capital went on strike for better pay.")
    assert [(e.type, e.mode) for e in teachers.events] == [("PROTEST", "strike")]
    called_off = annotate("The teachers' union called off the strike on Friday.")
    assert all(e.type != "PROTEST" for e in called_off.events)
    alert = annotate("NATO troops remained on alert on Sunday near the border.")
    assert [e.type for e in alert.events] == ["MOBILIZE"]


def test_the_actor_behind_a_rejected_thing_is_the_target() -> None:
    motion = annotate("The appeals court rejected a motion by former president Ivan Dobrev to end the case.")
    event = next(e for e in motion.events if e.type == "REJECT")
    assert event.target_actor is not None and "Ivan Dobrev" in event.target_actor.text
    call = annotate("The Philippine government has rejected the call of the European Parliament.")
    event = next(e for e in call.events if e.type == "REJECT")
    assert event.target_actor is not None and event.target_actor.text == "the European Parliament"


def test_concessions_are_yield() -> None:
    for text in (
        "The Libyan army lifted a blockade on oil exports on Friday.",
        "The government has freed a former presidential candidate.",
        "The rebels have declared a unilateral ceasefire effective from Sunday.",
        "The prime minister resigned on Sunday.",
    ):
        assert [e.type for e in annotate(text).events] == ["RETREAT"], text
    assert annotate("The company released its annual report on Monday.").events == ()


def test_a_finite_verb_parsed_as_a_clause_on_its_subject_keeps_that_subject() -> None:
    article = annotate("Mikhail Petrov, a former Russian oil tycoon, called for sanctions against Belneft.")
    assert article.events and article.events[0].source_actor is not None
    assert article.events[0].source_actor.text == "Mikhail Petrov"


def test_a_recipient_is_the_target_and_we_in_a_quote_is_its_speaker() -> None:
    from sitroom.stages.events.mentions import arguments, sentence_mentions

    received = annotate("Ukraine received 40 tanks from Germany last week.")
    mentions = sentence_mentions(received, received.sentences[0], _tables())
    verb = next(i for i, t in enumerate(received.tokens) if t.lemma == "receive")
    source, target = arguments(received, verb, mentions)  # whatever type the model then gives it
    assert source is not None and received.body[source.start : source.end] == "Germany"
    assert target is not None and received.body[target.start : target.end] == "Ukraine"
    quoted = _full("\"We sternly denounce North Korea's behavior,\" Jeon Ha-kyu said.")
    event = next(e for e in quoted.events if e.type == "ACCUSE")
    assert event.source_actor is not None and event.source_actor.text == "Jeon Ha-kyu"


def test_an_event_under_whether_is_hypothetical() -> None:
    article = annotate("It remains to be seen whether North Korea will send troops to Russia.")
    assert [e.factuality for e in article.events] == ["hypothetical"]


def test_a_body_named_by_a_common_noun_is_the_body_it_points_back_to() -> None:
    article = _full(
        "The UN Security Council on Monday condemned the missile test.\n\n"
        'The council threatened to "take further significant measures including sanctions" against Norland.'
    )
    threat = next(e for e in article.events if e.type == "THREATEN")
    assert threat.source_actor is not None and "Security Council" in threat.source_actor.text


def test_issuing_a_statement_is_no_event() -> None:
    article = annotate("North Korea has not released any official statement on its deployment to Russia.")
    assert article.events == ()


def test_an_actor_is_never_its_own_target() -> None:
    article = _full(
        'Tension rose.\n\n"We asked to see the area and we were turned back at a checkpoint by armed men," '
        "said Henrik Dahl, the head of the mission."
    )
    assert all(e.source_actor is None or e.target_actor is None or e.source_actor != e.target_actor
               for e in article.events)  # fmt: skip


def test_a_source_of_the_news_is_never_the_target_found_late() -> None:
    article = _full(
        "The European Commission said it had activated its satellite mapping service.\n\n"
        "Slovenia and Austria sent teams with pumps, according to the civil protection department."
    )
    assert all(e.target_actor is None or "department" not in e.target_actor.text for e in article.events)
    assert all(e.target_actor is None or "Commission" not in e.target_actor.text for e in article.events)


def test_the_force_moved_and_the_site_it_moves_to_are_no_targets() -> None:
    from sitroom.stages.places import PlaceStage

    moved = _full("Separatist forces have moved about 3,500 troops toward the ceasefire line since Friday.")
    mobilize = next(e for e in moved.events if e.type == "MOBILIZE")
    assert mobilize.source_actor is not None and "forces" in mobilize.source_actor.text
    assert mobilize.target_actor is None  # the troops are what moved
    site = _full("The army deployed two battalions to the Cobasna depot.")
    site = _stages()[2](PlaceStage(Settings())(site))  # the places stage says Cobasna is a site
    assert [(e.type, e.target_actor) for e in site.events] == [("MOBILIZE", None)]
    sent = _full("Romania will send 200 troops to Moldova.")
    sent = _stages()[2](PlaceStage(Settings())(sent))
    assert any(e.target_actor is not None and e.target_actor.country == "MDA" for e in sent.events)


def test_joint_agreement_possessor_targets_and_a_titled_chief() -> None:
    failed = _full("Norland and Vestia failed to reach agreement on a new fishing treaty.")
    event = failed.events[0]
    assert event.source_actor is not None and event.source_actor.text == "Norland"
    assert event.target_actor is not None and event.target_actor.text == "Vestia"
    proposal = _full("Aid organisations rejected US President Harold Grant's proposal to close the camps.")
    reject = next(e for e in proposal.events if e.type == "REJECT")
    assert reject.target_actor is not None
    assert (reject.target_actor.text, reject.target_actor.country) == ("US President Harold Grant", "USA")
    from sitroom.stages.events.mentions import Mention, arguments

    words = [("Qadiri", "PROPN", "compound", 1), ("chief", "NOUN", "nsubj", 4),
             ("Omar", "PROPN", "compound", 3), ("Haddad", "PROPN", "appos", 1),
             ("rejected", "VERB", "ROOT", 4), ("the", "DET", "det", 6), ("call", "NOUN", "dobj", 4),
             (".", "PUNCT", "punct", 4)]  # fmt: skip
    article = _hand_parsed(words)
    tokens = article.tokens
    role_noun = Mention(tokens[0].start, tokens[1].end, 1, agentive=False)  # "Qadiri chief": a thing's head
    named = Mention(tokens[2].start, tokens[3].end, 3)
    assert arguments(article, 4, [role_noun, named])[0] == named  # the role noun's named appositive acts


def test_stated_support_is_support_and_a_name_left_without_its_verb_still_acts() -> None:
    pledged = _full("Norland's foreign minister pledged full support for the Vestian government at talks.")
    support = next(e for e in pledged.events if e.type == "SUPPORT")
    assert support.source_actor is not None and "foreign minister" in support.source_actor.text
    from sitroom.stages.events.clauses import shared_source
    from sitroom.stages.events.mentions import Mention

    # the parse the small model gives some such sentences: the name a conjunct of the place before it
    words = [("In", "ADP", "prep", 6), ("Lusaka", "PROPN", "pobj", 0), (",", "PUNCT", "punct", 1),
             ("President", "PROPN", "compound", 5), ("Ada", "PROPN", "compound", 5),
             ("Brenner", "PROPN", "conj", 1), ("voiced", "VERB", "ROOT", 6), ("support", "NOUN", "dobj", 6),
             (".", "PUNCT", "punct", 6)]  # fmt: skip
    article = _hand_parsed(words)
    tokens = article.tokens
    president = Mention(tokens[3].start, tokens[5].end, 5)
    assert shared_source(article, 6, 0, len(tokens), [president], lambda m: False) == president


def _hand_parsed(words: list[tuple[str, str, str, int]]) -> Article:
    """An article with a parse written by hand: (word, pos, dep, head index) per token."""
    from sitroom.model import Token

    body = " ".join(word for word, *_ in words)
    tokens, offset = [], 0
    for word, pos, dep, head in words:
        start = body.index(word, offset)
        offset = start + len(word)
        tag = "VBD" if pos == "VERB" else "NNP"
        tokens.append(Token(start, offset, pos, tag, dep, head, word.lower(), True))
    return Article(id="t", source="t", body=body, tokens=tuple(tokens))


def test_gunmen_an_air_force_and_allies_can_act() -> None:
    from sitroom.stages.events.mentions import sentence_mentions

    attack = _full("Masked gunmen attacked a police post in northern Vestia on Sunday, killing two officers.")
    assault = next(e for e in attack.events if e.type == "ASSAULT")
    assert assault.source_actor is not None and assault.source_actor.sector == "rebels"
    article = _full("Turkey's air force struck camps as NATO allies met in Brussels.")
    mentions = sentence_mentions(article, article.sentences[0], _tables())
    agentive = {article.body[m.start : m.end]: m.agentive for m in mentions}
    assert agentive["Turkey's air force"] and agentive["NATO allies"], agentive


def test_who_a_demand_is_put_on_and_a_joint_act_have_targets() -> None:
    demanded = _full("Senator Mara Quill demanded that the governor withdraw the new port tax.")
    request = next(e for e in demanded.events if e.type == "REQUEST")
    assert request.target_actor is not None and request.target_actor.text == "governor"
    joint = _full("Norland and Vestia held joint naval drills off the coast on Monday.")
    event = joint.events[0]
    assert event.source_actor is not None and event.target_actor is not None
    assert (event.source_actor.text, event.target_actor.text) == ("Norland", "Vestia")


def test_the_target_is_whom_not_where() -> None:
    from sitroom.stages.places import PlaceStage

    article = _full("Moscow on Tuesday sharply criticised Romania.")
    article = _stages()[2](PlaceStage(Settings())(article))
    event = article.events[0]
    assert event.target_actor is not None and event.target_actor.country == "ROU"
    assert event.location is not None and event.location.name == "Moscow"


def test_a_state_that_speaks_is_placed_at_home_not_where_the_paragraph_was() -> None:
    from sitroom.stages.places import PlaceStage

    article = _full(
        "Russia keeps soldiers at a depot close to the Ukrainian border. Moldova has repeatedly demanded "
        "their withdrawal."
    )
    article = _stages()[2](PlaceStage(Settings())(article))
    request = next(e for e in article.events if e.type == "REQUEST")
    assert request.location is not None and request.location.name == "Moldova"


def test_an_official_is_coded_by_a_full_name_or_a_surname_heading_the_mention() -> None:
    assert resolve(_tables(), "Major General Harlan").country is None  # "Major" is no John Major here
    assert resolve(_tables(), "the bush").country is None
    assert resolve(_tables(), "Antonio Guterres").sector == "igo"


def test_an_unnamed_national_body_belongs_to_the_country_the_story_is_filed_from() -> None:
    article = _full("SEOUL -- The defence ministry condemned the missile launch.", dateline="SEOUL")
    accuse = next(e for e in article.events if e.type == "ACCUSE")
    assert accuse.source_actor is not None  # the dateline does nothing; the ministry is Seoul's
    assert (accuse.source_actor.text, accuse.source_actor.country) == ("defence ministry", "KOR")
    dated = _full("The interior ministry condemned the attack.", dateline="PORTO, Portugal (March 4)")
    condemned = next(e for e in dated.events if e.type == "ACCUSE")
    assert condemned.source_actor is not None and condemned.source_actor.country == "PRT"  # not "(March 4)"


def test_a_dateline_in_the_text_never_acts_even_when_the_article_has_none_set() -> None:
    article = _full("JERUSALEM -- A district court on Monday dismissed a petition by two Norland farmers.")
    reject = next(e for e in article.events if e.type == "REJECT")
    assert reject.source_actor is not None and "court" in reject.source_actor.text


def test_a_thing_named_for_an_actor_stands_for_that_actor() -> None:
    article = _full("The Kremlin rejected the Moldova proposal on Monday.")
    reject = next(e for e in article.events if e.type == "REJECT")
    assert reject.target_actor is not None and reject.target_actor.text == "Moldova"


def test_whose_support_it_is_is_no_target_and_freed_prisoners_are() -> None:
    backed = _full("In Lusaka, Norland's president reiterated Norland's support for the Vestian government.")
    support = next(e for e in backed.events if e.type == "SUPPORT")
    assert support.target_actor is not None and "Vestian government" in support.target_actor.text
    freed = _full("Norland's government freed 25 jailed opposition politicians on Friday.")
    assert any(e.target_actor is not None and e.target_actor.sector == "opposition" for e in freed.events)


def test_a_place_quoted_in_an_accusation_is_not_where_it_was_made() -> None:
    from sitroom.stages.places import PlaceStage

    article = _full('The Kremlin accused Kyiv of "turning Odesa into a fortress" and of lying.')
    article = _stages()[2](PlaceStage(Settings())(article))
    accuse = next(e for e in article.events if e.type == "ACCUSE")
    assert accuse.location is None or accuse.location.name not in ("Odesa", "Kyiv"), accuse.location


def test_an_actor_named_inside_the_quoted_words_is_no_target() -> None:
    article = _full('Russia condemned the sanctions as "a crime against the people of Moldova".')
    accuse = next(e for e in article.events if e.type == "ACCUSE")
    assert accuse.target_actor is None or "Moldova" not in accuse.target_actor.text


def test_sharing_a_trait_is_no_event_but_sharing_intelligence_is() -> None:
    assert _full("Norland and Vestia share a language and much of their history.").events == ()
    shared = _full("Norland and Vestia agreed to share intelligence on smugglers.")
    assert shared.events and shared.events[0].source_actor is not None


def test_troops_in_a_story_filed_from_a_capital_are_not_that_capitals() -> None:
    body = "SEOUL -- Troops attacked a guard post near the border, killing two soldiers."
    article = _full(body, dateline="SEOUL")
    sources = [e.source_actor for e in article.events if e.source_actor is not None]
    assert sources and all(actor.country is None for actor in sources), sources


def test_a_single_force_patrol_or_officer_is_an_actor() -> None:
    detained = one_event("A coalition security force detained two suspected militants near the port.")
    assert detained.type == "COERCE"
    assert detained.source_actor is not None and detained.source_actor.sector == "police"
    patrol = one_event("An army patrol killed three gunmen near the border.")
    assert patrol.source_actor is not None and patrol.source_actor.sector == "military"


def test_harm_or_arrest_told_with_only_its_target_is_an_event_with_no_source() -> None:
    killed = one_event("Four militants were killed near the bridge on Sunday.")
    assert (killed.type, killed.source_actor) == ("ASSAULT", None)
    assert killed.target_actor is not None and killed.target_actor.sector == "rebels"
    bombed = one_event("A roadside bomb killed two soldiers near the bridge.")
    assert bombed.type == "ASSAULT" and bombed.target_actor is not None
    held = one_event("Three suspected militants were detained during the raid.")
    assert (held.type, held.mode) == ("COERCE", "arrest")
    assert annotate("Two farmers were killed in a car crash on the highway.").events == ()


def test_a_subject_the_parser_tied_to_a_fronted_place_list_still_acts() -> None:
    # the small model makes "forces" a conjunct of "province" and leaves "detained" without a subject
    event = one_event(
        "In Velmora district, Harju province, Norland and coalition forces detained several suspected "
        "militants during an operation yesterday."
    )
    assert event.type == "COERCE"
    assert event.source_actor is not None and event.source_actor.sector == "military"


def test_people_and_suspects_are_actors_short_words_included() -> None:
    held = one_event("Police arrested two suspects after the robbery at the market.")
    assert held.target_actor is not None and held.target_actor.sector == "criminal"
    men = one_event("Three men were arrested for planning an attack on the barracks.")
    assert men.target_actor is not None
    assert (men.target_actor.text, men.target_actor.sector) == ("men", "civilians")


def test_a_province_the_parser_made_the_subject_gives_way_to_the_force_beside_it() -> None:
    # the small model makes "province" the subject and the force its appositive
    event = one_event(
        "In Sorvik district, Harju province, a combined Norland and coalition security force detained "
        "several insurgents yesterday."
    )
    assert event.source_actor is not None and "province" not in event.source_actor.text


def test_whoever_is_suspected_or_alleged_is_a_person_to_arrest() -> None:
    event = one_event("An army patrol arrested a suspected bomb maker near the market.")
    assert event.type == "COERCE"
    assert event.target_actor is not None and event.target_actor.text == "bomb maker"


def test_strikes_a_named_country_fired_act_for_its_military_and_unnamed_ones_for_no_one() -> None:
    event = one_event("Norwegian airstrikes killed 12 fighters near the border on Monday.")
    assert event.type == "ASSAULT"
    assert event.source_actor is not None and (event.source_actor.country, event.source_actor.sector) == (
        "NOR", "military")
    assert event.target_actor is not None and event.target_actor.text == "fighters"
    unnamed = one_event("A roadside bomb killed two soldiers near the border on Monday.")
    assert unnamed.type == "ASSAULT" and unnamed.source_actor is None
    # a town the model took for an organisation names where, not who
    where = one_event("The Bergen attacks killed 30 people in 2011.")
    assert where.type == "ASSAULT" and where.source_actor is None


def test_taking_part_in_a_war_is_an_assault_on_no_ally_and_war_games_are_not() -> None:
    joined = annotate("North Korean troops have joined the fighting against Ukraine in the Kursk region.")
    event = next(e for e in joined.events if e.type == "ASSAULT")
    assert event.source_actor is not None and event.source_actor.country == "PRK"
    assert event.target_actor is not None and event.target_actor.country == "UKR"
    maybe = annotate("It is unclear whether North Korean forces will take part in the war against Ukraine.")
    assert [(e.type, e.factuality) for e in maybe.events] == [("ASSAULT", "hypothetical")]
    engaged = annotate("Officials doubt North Korean forces will engage in combat in the Ukraine war.")
    assert [e.type for e in engaged.events] == ["ASSAULT"]
    ally = annotate("The troops might engage in combat to support Russia's war in Ukraine.")
    assert [(e.type, e.target_actor) for e in ally.events] == [("ASSAULT", None)]  # Russia is no target
    games = annotate("Brazil and Argentina took part in joint war games in October.")
    assert all(e.type != "ASSAULT" for e in games.events)


def test_what_someone_holds_is_no_act_of_theirs() -> None:
    text = (
        "The measures, agreed by foreign ministers at a meeting in Brussels on Friday, freeze any assets "
        "the 13 individuals hold in the EU and bar them from entering the bloc."
    )
    assert all(e.type != "AGREE" for e in annotate(text).events)
    talks = annotate("Norland, which holds talks with Vestia every year, accused Vestia of spying.")
    assert [e.type for e in talks.events] == ["ACCUSE"]


def _placed(text: str, dateline: str | None = None) -> Article:
    from sitroom.stages.places import PlaceStage

    return _stages()[2](PlaceStage(Settings())(_full(text, dateline=dateline)))


def test_what_is_said_is_placed_where_it_was_said_not_where_its_words_point() -> None:
    filed = _placed(
        "CHISINAU, Moldova -- Interior Minister Elena Botnaru accused Transnistrian forces of launching "
        "the drone from the direction of the Bender fortress.",
        dateline="CHISINAU, Moldova",
    )
    accusation = next(e for e in filed.events if e.type == "ACCUSE")
    assert accusation.location is not None and accusation.location.name == "Chisinau"
    told = _placed("Premier Ana Lupescu told reporters in Chisinau that she condemned the attack on Bender.")
    said = next(e for e in told.events if e.type == "ACCUSE")
    assert said.location is not None and said.location.name == "Chisinau"


def test_a_foreign_speaker_is_not_placed_where_the_story_was_filed() -> None:
    article = _placed(
        "IASI, Romania -- Russian Foreign Minister Sergei Lavrov accused Bucharest of stoking tension.",
        dateline="IASI, Romania",
    )
    accusation = next(e for e in article.events if e.type == "ACCUSE")
    assert accusation.source_actor is not None and accusation.source_actor.country == "RUS"
    assert accusation.location is None or accusation.location.name != "Iaşi"


def test_what_reached_the_story_through_a_news_agency_was_not_said_where_it_was_filed() -> None:
    for speaker, accused, agency in (
        ("Peruvian Deputy Foreign Minister Luis Ortega", "Chile", "Peru's Andina news agency"),  # a foreigner
        ("Chilean Deputy Foreign Minister Rosa Vidal", "Peru", "the Andina news agency"),  # one of its own
    ):
        article = _placed(
            f"ARICA, Chile -- {speaker} accused {accused} on Monday of stoking tension, according to "
            f"{agency}.",
            dateline="ARICA, Chile",
        )
        accusation = next(e for e in article.events if e.type == "ACCUSE")
        assert accusation.location is None or accusation.location.name != "Arica", speaker


def test_market_rallies_released_data_births_and_one_actor_twice_are_no_events() -> None:
    for text, wrong in (
        ("Procter & Gamble rallied 6 per cent to $95.89 after its profit beat expectations.", "PROTEST"),
        ("A day earlier, Japan released weaker-than-expected trade data for December.", "RETREAT"),
        ("After 500 days, Amira Haddad gave birth to a third child, Judy.", "AID"),
    ):
        assert all(e.type != wrong for e in annotate(text).events), text
    same = annotate("Norland closed off Vestia's efforts to sidestep Norland's app store and its rules.")
    pairs = [(e.source_actor, e.target_actor) for e in same.events]
    assert all(not (s and t and s.text == t.text == "Norland") for s, t in pairs)
    shown = annotate("The federal government ought to demonstrate leadership in implementing the policy.")
    assert all(e.type != "PROTEST" for e in shown.events)  # to demonstrate something shows it
    protest = annotate("Thousands of farmers rallied against the government on Sunday.")
    assert [e.type for e in protest.events] == ["PROTEST"]


def test_deaths_in_a_natural_disaster_or_a_mishap_told_just_before_are_no_ones_attack() -> None:
    for text in (
        "A double quake-and-tsunami killed more than 2,000 people on Sulawesi island in September.",
        "It evoked the Indian Ocean tsunami triggered by an earthquake on Dec. 26, 2004, which killed "
        "226,000 people.",
        "A freight train derailed near Field early Friday. Three employees were killed.",
        "The tsunami washed away a stage where a band was playing.\n\nThe drummer was missing.\n\n"
        "Another 29 employees and relatives were also killed.",
        "Thousands were left homeless by the quake, which some have estimated has killed 20,000 people.",
        "Common seasonal flu kills up to 500,000 people a year worldwide.",
    ):
        assert all(e.type != "ASSAULT" for e in annotate(text).events), text
    fled = annotate("The two men tried to flee and crashed. One insurgent was detained by the force.")
    assert "COERCE" in [e.type for e in fled.events]  # an arrest is never the mishap's
    raid = annotate("A coalition force raided a compound in Kandahar province. Two insurgents were killed.")
    assert "ASSAULT" in [e.type for e in raid.events]


def test_a_site_is_no_target_of_a_threat() -> None:
    threat = _placed(
        "The leader of the breakaway Transnistria region has threatened to halt deliveries from the "
        "Cuciurgan power station."
    )
    threatened = next(e for e in threat.events if e.type == "THREATEN")
    assert threatened.target_actor is None


def test_forces_loyal_to_a_side_are_coded_to_it() -> None:
    moved = _placed("Forces loyal to the separatist government in Transnistria have moved troops east.")
    assert next(e for e in moved.events if e.type == "MOBILIZE").source_actor.country == "MDA"
    shelled = annotate("Fighters allied with the Syrian government shelled the town of Idlib on Monday.")
    assert next(e for e in shelled.events if e.type == "ASSAULT").source_actor.country == "SYR"
