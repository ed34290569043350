"""Stance rules on invented statements: cue verbs, content cues, precedence and hedges."""

from __future__ import annotations

import pytest

from sitroom.stages.statements.stance import STANCES, hedges_in, stance_of


def stance(cue: str | None, content: str, cue_text: str = "", sentence: str = "") -> str:
    return stance_of(cue, content, sentence or content, cue_text or (cue or ""))

@pytest.mark.parametrize(
    ("cue", "cue_text", "content", "expected"),
    [
        # seventh round
        ("say", "said", "the bridge reopened on Tuesday", "assert"),
        ("deny", "denied", "that the mill had polluted the lake", "deny"),
        ("say", "said", "the story about the mayor was fabricated", "deny"),
        ("say", "said", "she brushed the photographs aside as fiction", "deny"),
        ("insist", "insisted", "that the council wasn't hiding anything", "deny"),
        ("call", "called", "the report a hoax", "deny"),
        ("say", "said", "the ministry would not comment on troop movements", "decline"),
        ("tell", "told", "reporters she would leave it to others to judge", "decline"),
        ("estimate", "estimated", "that the repairs would take a year", "estimate"),
        ("say", "said", "about 2,500 people had left the valley", "estimate"),
        ("say", "said", "the works would take two to three weeks", "estimate"),
        ("say", "said", "the rebels might try to retake the ridge", "speculate"),
        ("suggest", "suggested", "that the figure came from the treasury", "speculate"),
        ("say", "said", "I think the vote will go our way", "speculate"),
        ("urge", "urged", "residents to boil their water", "demand"),
        ("tell", "told", "his staff never to speak about the audit", "demand"),
        ("suggest", "suggests", "cutting fees for small farms", "demand"),
        ("make", "made an impassioned call for", "calm in the streets", "demand"),
        ("say", "said", "there is a need for a full inquiry", "demand"),
        ("threaten", "threatened", "to close the port", "threaten"),
        ("warn", "warned", "that the army will retaliate against any incursion", "threaten"),
        ("say", "said", "if the convoy crosses the river, the garrison will strike it", "threaten"),
        ("accuse", "accused", "the firm of dumping waste", "accuse"),
        ("call", "called", "the new tariff a cynical ploy", "accuse"),
        ("call", "called", "the coach a hero", "assert"),
        ("dismiss", "dismissed", "the governor as an ineffective leader", "accuse"),
        ("dismiss", "dismissed", "the reports as rumours", "deny"),
        ("rail", "railed at", "the board's refusal to act", "accuse"),
        ("frustrating", "frustrating", "the agency has lagged behind", "accuse"),
        ("say", "said", "the plan was misleading and unfair to tenants", "accuse"),
    ],
)
def test_stance_from_cue_and_content(cue: str, cue_text: str, content: str, expected: str) -> None:
    assert stance(cue, content, cue_text) == expected


def test_a_refusal_before_the_content_wins() -> None:
    sentence = "A spokesman declined to comment, saying only that the army is ready."
    assert stance_of("say", "the army is ready", sentence, "saying") == "decline"


def test_warnings_threaten_demand_speculate_or_accuse() -> None:
    assert stance("warn", "that the navy will retaliate against any blockade", "warned") == "threaten"
    assert stance("warn", "any attempt to cross the line", "warned against") == "demand"
    assert stance("warn", "the smugglers not to return", "warned") == "demand"
    assert stance("warn", "that prices could double", "warned") == "speculate"
    assert stance("warn", "that the plan is reckless", "warned") == "accuse"


def test_every_answer_is_a_known_stance() -> None:
    for cue in (None, "say", "call", "warn", "tell", "unknownverb"):
        assert stance(cue, "Whatever happens, it will be fine.") in STANCES


def test_hedges_kept_in_order_once() -> None:
    text = "The envoy was reportedly in town and is believed to be ill; he reportedly left."
    assert hedges_in(text) == ("reportedly", "is believed to be")
    assert hedges_in("The minister said the budget passed.") == ()


@pytest.mark.parametrize(
    ("sentence", "content", "cue_text", "expected"),
    [
        (
            "The mayor took aim at the council, saying its plan was a waste of money.",
            "its plan was a waste of money",
            "saying its",
            "accuse",
        ),
        (
            "The minister denied the report, saying the story was old.",
            "the story was old",
            "saying the",
            "deny",
        ),
        ("The minister said the story was old.", "the story was old", "said the", "assert"),
        ("The envoy made a strong condemnation of the launch.", "the launch", "made a", "accuse"),
    ],
)
def test_the_clause_before_the_content_counts(
    sentence: str, content: str, cue_text: str, expected: str
) -> None:
    lemma = "make" if cue_text.startswith("made") else "say"
    assert stance_of(lemma, content, sentence, cue_text) == expected


def test_a_question_demands_nothing() -> None:
    assert stance("say", "Why should anyone care about the harbour?", "said") == "assert"
    assert stance("say", "The council should publish the audit.", "said") == "demand"


def test_unverified_claims_are_hedged() -> None:
    text = "The video, which could not be independently verified, shows the depot burning."
    assert hedges_in(text) == ("could not be independently verified",)


def test_a_conditional_prediction_speculates() -> None:
    assert stance("say", "if the dam fails, the valley will flood", "said") == "speculate"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("What I want them to do is reopen the clinic", "demand"),
        ("it's time for the province to fund the shelters", "demand"),
        ("Hopefully the rain holds off for the parade", "speculate"),
        ("the board showed a lack of leadership", "accuse"),
    ],
)
def test_wishes_calls_and_faults_in_the_content(content: str, expected: str) -> None:
    assert stance("say", content, "said") == expected


@pytest.mark.parametrize(
    ("cue", "cue_text", "content", "expected"),
    [
        # someone else's past call or accusation inside the content is reported, not made
        ("say", "said", "the union has long called for a shorter week", "assert"),
        ("say", "said", "the rival club accused the referee of bias last season", "assert"),
        ("say", "said", "we called for an inquiry and we still want one", "demand"),
        # an epistemic modal before an obligation: nobody is told to do anything
        ("acknowledge", "acknowledged", "that the league may have to postpone the final", "speculate"),
        # naming accuses only with a negative word
        ("call", "called", "the delay a common hiccup in big projects", "assert"),
        ("call", "called", "the ferry contract a cynical stunt", "accuse"),
        # a rhetorical why-not question blames
        ("say", "said", "So why didn't the council fix the road?", "accuse"),
        # a refusal still to come, and harm promised by the speaker's side
        ("say", "has said", "he will refuse to answer any questions from the panel", "decline"),
        ("promise", "is promising", 'to "sue the hell" out of the landlords', "threaten"),
        # an oddly lemmatised accusation verb still maps to its word list entry
        ("lambast", "lambasting", "the harbour plan", "accuse"),
        # "could" after a person is ability, after anything else a possibility
        ("tell", "told", "she could hear the engines from the dock", "assert"),
        ("say", "said", "ticket prices could double next year", "speculate"),
        ("say", "said", "I don't think the bridge opens this year", "speculate"),
        ("say", "said", "the convoy appeared to be heading north", "speculate"),
        # epistemic and counterfactual modals: inference guesses, hindsight blames
        ("say", "said", "the driver must have known about the fault", "speculate"),
        ("say", "said", "the agency should have warned the town", "accuse"),
        # a hedged figure in words is an estimate
        ("say", "said", "at least nine boats were lost", "estimate"),
        ("say", "said", "about one-third of the ballots will be cast by mail", "estimate"),
        # a quote that opens with a command demands; a question does not
        ("say", "said", '"Forget the old ferry timetable,"', "demand"),
        ("say", "said", '"Then just scale back the parade!"', "demand"),
        ("say", "said", '"Watch what happens to rents?"', "assert"),
        # hopes and outcomes nobody controls, even the speaker's own, are predictions
        ("say", "said", "he hoped the new pool opens by summer", "speculate"),
        ("say", "said", '"We are going to win this riding,"', "speculate"),
        ("say", "said", '"We will rebuild the pier this summer,"', "assert"),
    ],
)
def test_general_signals_from_the_third_round(cue: str, cue_text: str, content: str, expected: str) -> None:
    assert stance(cue, content, cue_text) == expected


def test_a_refusal_in_the_lead_does_not_override_a_stance_cue() -> None:
    sentence = "Voters who did not respond to letters were struck off, in what is criticised as a purge."
    assert stance_of("criticize", "a purge", sentence, "is criticised as") == "accuse"


def test_a_sum_someone_will_give_is_a_commitment_a_figure_ahead_an_estimate() -> None:
    pledge = "the city will give the clinic 4 million dollars in emergency support"
    assert stance("say", pledge, "said") == "assert"
    assert stance("say", "output would grow 1.6 percent next year", "said") == "estimate"
    bill = "they would propose a bill providing 100 million dollars in security aid"
    assert stance("say", bill, "said") == "assert"


def test_an_act_the_content_only_weighs_is_not_the_speakers() -> None:
    weighed = "it would be hard for the ministry to deny the report given the photographs"
    assert stance("say", weighed, "said") == "assert"
    assert stance("say", "they deny any role in the attack", "said") == "deny"


@pytest.mark.parametrize(
    ("cue", "cue_text", "content", "expected"),
    [
        # refusals without "decline" or "no comment"
        ("say", "said", "the league is unwilling to reopen the contract", "decline"),
        ("say", "said", "“We respect the confidentiality of our donors,”", "decline"),
        ("reply", "replied", "the club would have a further statement next week", "decline"),
        # denials without "deny" or "false"
        ("say", "said", "“There never was a secret deal with the builders,”", "deny"),
        ("tell", "told", "the bureau that it has not carried out any such survey", "deny"),
        ("insist", "insisting", "the province won't add another cent", "deny"),
        ("call", "called", "the report about the ferry contract a lie", "deny"),
        ("call", "called", "the claims in the newsletter outrageous", "deny"),
        # demands without "must" or "urge"
        ("say", "said", "“It's very important for us to finish the levee before spring,”", "demand"),
        ("say", "said", "“What the valley needs most is a second bridge,”", "demand"),
        ("say", "said", "“If you want lower fares, you better show up at the hearing,”", "demand"),
        ("call", "calls", "to merge the two school boards", "demand"),
        # open outcomes and hopes
        ("say", "said", "the final route was still up in the air", "speculate"),
        ("say", "said", "“I'm hoping the tenants will get their deposits back,”", "speculate"),
        ("say", "said", "the team has an excellent chance to reach the final", "speculate"),
        # criticism by cue phrase or pejorative
        ("take", "took some shots at", "the mayor over the library closures", "accuse"),
        ("hit", "has been hitting", "the senator", "accuse"),
        ("say", "said", "the plan to sell the park was absurd", "accuse"),
        ("say", "said", "the company was abusing the loophole", "accuse"),
    ],
)
def test_stance_without_the_usual_words(cue: str, cue_text: str, content: str, expected: str) -> None:
    assert stance(cue, content, cue_text) == expected


def test_a_named_report_is_denied_only_when_named_badly() -> None:
    assert stance("call", "the report on the harbour a careful piece of work", "called") == "assert"
    assert stance("call", "the report on the harbour a lie", "called") == "deny"


def test_a_pejorative_in_a_question_accuses_nobody() -> None:
    assert stance("say", "who would call the plan to sell the park absurd?", "said") == "assert"
    assert stance("say", "the plan to sell the park was absurd", "said") == "accuse"


def test_a_conditional_prediction_with_going_to_speculates() -> None:
    content = "“If the ferry fare doubles, the island is going to empty out,”"
    assert stance("say", content, "said") == "speculate"


def test_a_modal_inside_a_relative_clause_hedges_nothing() -> None:
    assert stance("say", "the board hired a planner who could redraw the wards", "said") == "assert"
    assert stance("say", "the board could redraw the wards", "said") == "speculate"
    assert stance("say", "which the board may redraw next year", "said") == "speculate"


def test_no_obligation_and_blaming_questions() -> None:
    assert stance("say", "the council doesn't have to hold a second vote", "said") == "assert"
    assert stance("say", "the council has to hold a second vote", "said") == "demand"
    assert stance("ask", "“Why didn't the mayor pay his share?”", "asked") == "accuse"
    assert stance("ask", "the mayor to pay his share", "asked") == "demand"


def test_backshifted_threats_judgements_under_a_modal_and_unconfirmed_figures() -> None:
    said = "He said so."
    threat = 'the army would "respond with every means" to any further raid'
    assert stance_of("warn", threat, f"He warned that {threat}.", "warned") == "threaten"
    costs = 'it is ready to impose "real costs" on anyone who attacks the port'
    assert stance_of("warn", costs, f"The ministry has warned that {costs}.", "warned") == "threaten"
    assert stance_of("say", "the raid could mark a dangerous change", said, "said") == "speculate"
    assert stance_of("say", "the raid was dangerous and reckless", said, "said") == "accuse"
    idle = 'the region "will not watch quietly" if the police stay'
    assert stance_of("warn", idle, f"He warned that {idle}.", "warned") == "threaten"
    made_up = 'the figures had been "invented to order"'
    assert stance_of("say", made_up, f"She said {made_up}.", "said") == "deny"
    unconfirmed = "the mission could not confirm any figure for the troops involved"
    assert stance_of("say", unconfirmed, said, "said") == "decline"


def test_a_told_clause_with_to_and_a_noun_is_no_order() -> None:
    content = "Forces loyal to the government have moved about 3,500 troops toward the river"
    assert stance_of("tell", content, f"{content}, an official told the paper.", "told") == "estimate"
    order = "his staff never to speak of it"
    assert stance_of("tell", order, f"He told {order}.", "told") == "demand"


@pytest.mark.parametrize(
    ("cue", "cue_text", "content", "expected"),
    [
        # fifth round: a refusal or denial in the speaker's own words
        ("say", "said", "“We do not comment on staffing at the depot,”", "decline"),
        ("say", "said", "he did not recall whether the minister had visited the farm", "decline"),
        ("say", "said", "“I've never said the bridge was unsafe.”", "deny"),
        ("say", "said", "the audit ended up debunking the rumours about the fund", "deny"),
        ("cast", "casting doubt on", "the value of a second survey", "deny"),
        # a figure given as a range is an estimate; a share quoted with "to the top" is not a forecast
        ("say", "said", "the repair bill was between $40,000 and $90,000", "estimate"),
        ("say", "said", "a new permit can take between three and five months", "estimate"),
        ("say", "said", "“Almost all of the new land is going to the top 5 percent.”", "assert"),
        # obligations: "got to", "what is required is"; a described need asks for nothing
        ("say", "said", "“You've really got to hold the council to its word.”", "demand"),
        ("say", "said", "“What is required is that the two towns share the depot.”", "demand"),
        ("say", "said", "“There is some repair work that needs to be done on the pier.”", "assert"),
        ("say", "said", "“Walking more can prevent back pain and the need for surgery.”", "assert"),
        # the speaker's own conditional offer is no prediction; an admitted uncertainty is a hedge
        ("say", "said", "“I would be glad to help, if the club asks for it.”", "assert"),
        ("say", "said", "she is unsure what the board will decide on the orchard", "speculate"),
        # judgement words and cues of condemnation
        ("say", "said", "“Anyone who ignores the flood maps has no business running the port.”", "accuse"),
        ("say", "said", "the council's silence is an insult to every tenant in the block", "accuse"),
        ("say", "said", "“It is unacceptable that the wardens were never consulted.”", "accuse"),
        ("say", "said", "“The plan raises a lot of concerns about the wetlands,”", "accuse"),
        ("deliver", "delivering a sharp indictment of", "the port authority's record", "accuse"),
        ("warn", "warned", "that the dispute will raise many questions in the coming years", "speculate"),
        ("say", "said", "Ottawa has long opposed capital punishment", "assert"),
    ],
)
def test_general_signals_from_the_fifth_round(cue: str, cue_text: str, content: str, expected: str) -> None:
    assert stance(cue, content, cue_text) == expected


def test_a_yes_no_question_with_really_doubts_its_subject() -> None:
    content = "“He promised a new clinic twice. Can we really trust him to build it this time?”"
    assert stance("say", content, "said") == "accuse"
    assert stance("say", "“Is the ferry really leaving at noon, or later?”", "said") != "accuse"


def test_a_modal_in_a_that_relative_or_purpose_clause_hedges_nothing() -> None:
    assert stance("say", "the town has few lenders that the council could ask for help", "said") == "assert"
    assert stance("say", "he opened the hall so the families could sleep in the warm", "said") == "assert"
    assert stance("say", "officials said that the river could flood by Friday", "said") == "speculate"
    assert stance("say", "that the river could flood by Friday", "said") == "speculate"


def test_a_judgement_under_can_or_would_is_a_possibility_not_a_charge() -> None:
    assert stance("say", "that space heaters can also be very dangerous in small rooms", "said") == "assert"
    assert stance("say", "“A fall on the ice would be a dangerous setback for him.”", "said") != "accuse"
    assert stance("say", "“We can't keep this reckless approach to the harbour.”", "said") == "accuse"


def test_a_threat_is_made_with_will_and_a_guess_is_not() -> None:
    assert stance_of("say", "those who attack the harbour will pay a heavy price", "") == "threaten"
    assert stance_of("say", "the harbour will reopen in spring", "") == "assert"


def test_a_harm_unless_the_other_side_gives_way_threatens_and_a_forecast_does_not() -> None:
    plant = 'the Velmora plant could be "switched off within hours" if Norland did not pull its police back'
    assert stance_of("say", plant, f"The region's leader said {plant}.", "said") == "threaten"
    gas = "the company will halt gas deliveries unless the city pays its debts"
    assert stance_of("say", gas, f"A spokesman said {gas}.", "said") == "threaten"
    prices = "prices could rise if the central bank does not act"
    assert stance_of("say", prices, f"An economist said {prices}.", "said") == "speculate"
    done = "the plant was switched off on Monday"
    assert stance_of("say", done, f"She said {done}.", "said") == "assert"


def test_a_modal_in_a_relative_clause_without_that_speculates_nothing() -> None:
    offer = 'the ministry offered "any assistance Norland may ask for"'
    assert stance_of("say", offer, f"The minister said {offer}.", "said") == "assert"
    guess = "the talks may collapse"
    assert stance_of("say", guess, f"He said {guess}.", "said") == "speculate"


def test_deterrence_by_definition_threatens() -> None:
    content = "the navy would regard any blockade of the strait as an act of war"
    assert stance_of("warn", content, content, "warned") == "threaten"


def test_an_obligation_a_relative_clause_lays_on_its_noun_does_not_demand() -> None:
    condemned = "the blockade of the port is an illegal act and one that should be condemned by every nation"
    assert stance_of("tell", condemned, f'"{condemned}," the minister told reporters.', "told") == "accuse"
    asked = "the government should resign"
    assert stance_of("say", asked, f"She said {asked}.", "said") == "demand"
    named = "there is one rule that Norland must follow: it must leave the port"
    assert stance_of("say", named, f"She said {named}.", "said") == "demand"


def test_a_response_promised_to_any_attack_threatens() -> None:
    content = 'an "overwhelming and effective" response to any attack on the islands'
    assert stance_of("vow", content, f"The president vowed {content}.", "vowed") == "threaten"
    assert stance_of("say", "the response to the flood was slow", "", "said") == "assert"


def test_a_measure_named_in_the_condition_and_a_closing_we_will_threatens() -> None:
    content = "If we have to start looking at sanctions or other steps, we will"
    assert stance_of("tell", content, f'"{content}," the envoy told reporters.', "told") == "threaten"
    content = "If we have to start looking at the figures again, we will"
    assert stance_of("tell", content, f'"{content}," the clerk told reporters.', "told") != "threaten"


def test_a_need_a_text_is_described_as_stressing_asks_for_nothing() -> None:
    content = 'wording stressing the need to settle the row "through talks" was kept in the final text'
    assert stance_of("insist", content, f"Norland insisted {content}.", "insisted") == "assert"
    assert stance_of("stress", "the need to settle the row", "", "stressed") == "demand"


def test_saying_someone_cannot_be_trusted_accuses() -> None:
    content = "the threats from the council have proven hollow, suggesting they cannot be trusted"
    assert stance_of("say", content, f"The mayor said {content}.", "said") == "accuse"


def test_a_figure_that_only_describes_a_noun_is_no_estimate() -> None:
    described = "the city was more worried about the depot, which lies about two kilometres from the border"
    assert stance_of("say", described, described, "said") == "assert"  # nor are "lies" told where it lies
    assert stance_of("say", "they were spreading lies about Moldova", "", "said") == "accuse"
    counted = "the depot, which the army guards, holds about 20,000 tonnes of shells"
    assert stance_of("say", counted, counted, "said") == "estimate"  # the main clause's own figure


def test_a_hypothetical_someone_blames_no_one() -> None:
    ready = "We are making sure that if someone tries to create chaos, the state is ready."
    assert stance_of("say", ready, ready, "said") == "assert"
    blamed = "They are trying to create chaos in the region."
    assert stance_of("say", blamed, blamed, "said") == "accuse"


def test_a_condition_set_on_the_other_side_demands() -> None:
    content = "talks could only resume once the police units were withdrawn"
    assert stance_of("say", content, f"The delegation said {content}.") == "demand"
    guess = "talks could resume next week"
    assert stance_of("say", guess, f"The delegation said {guess}.") == "speculate"


@pytest.mark.parametrize(
    "content",
    [
        "the whole episode was, in her view, made up",
        "he was unaware of any plan to sell the harbour",
        "that she had no idea where the figures came from",
        "there is nothing to see here",
        "that nothing happened at the quay that night",
    ],
)
def test_a_claim_called_invented_or_unknown_to_the_speaker_is_denied(content: str) -> None:
    assert stance("say", content, "said") == "deny"


def test_what_a_thing_is_made_up_of_denies_nothing() -> None:
    assert stance("say", "the council is made up of eleven members", "said") == "assert"


@pytest.mark.parametrize(
    ("cue", "cue_text", "content", "expected"),
    [
        # a complaint as the cue accuses
        ("protest", "protested", "that the mill's managers had been unfair to the night shift", "accuse"),
        ("object", "objected to", "the council's plan to close the ferry in winter", "accuse"),
        # outrage and a worry the speaker owns accuse
        ("say", "said", "he was outraged to even hear about the plan", "accuse"),
        ("say", "said", "the new levy is the only point that really worries me", "accuse"),
        # information withheld or a call not returned declines
        ("supply", "did not supply", "a figure for the repairs", "decline"),
        ("seek", "a message seeking", "comment", "decline"),
        # not knowing how, and a fear of what others will do, speculate
        ("know", "don't know", "how the two councils settle their quarrel", "speculate"),
        ("say", "said", "they fear the board will sell the harbour before spring", "speculate"),
        # fighting back promised threatens
        ("say", "said", "we will fight back if the port is closed", "threaten"),
    ],
)
def test_sixth_round_cues(cue: str, cue_text: str, content: str, expected: str) -> None:
    lead = "The harbour master did not immediately return " if content == "comment" else ""
    sentence = f"{lead}{cue_text} {content}." if lead else ""
    assert stance_of(cue, content, sentence or content, cue_text) == expected


def test_could_in_a_time_clause_is_no_guess() -> None:
    content = "the ferry left the quay before the inspectors could board it"
    assert stance("say", content, "said") == "assert"
    assert stance("say", "the inspectors could board the ferry next week", "said") == "speculate"


def test_for_fear_that_is_a_reason_not_a_forecast() -> None:
    content = "she cut her trips short for fear the ferry would stop running"
    assert stance("say", content, "said") == "assert"


@pytest.mark.parametrize(
    ("cue", "cue_text", "content", "expected"),
    [
        ("go", "has gone after", "the mayor as a 'spoiled brat'", "accuse"),
        ("speak", "spoke out sharply against", "the council's influence", "accuse"),
        ("call", "to call into question", "whether the harbour board can run the port", "accuse"),
        ("be", "is still upset by", "the board's suggestion that the ferry may close", "accuse"),
        ("take", "took issue with", "the forecast of a poor harvest", "deny"),
        ("plead", "has pleaded", "not guilty", "deny"),
        ("plead", "pleaded", "guilty to two counts of fraud", "assert"),
        ("call", "called", "the councillors' walk-out \"childish.\"", "accuse"),
        ("say", "said", "the ferry company broke the law", "accuse"),
        ("say", "said", "the landlord showed the consciousness of guilt of a cheat", "accuse"),
        ("say", "said", "it is the latest example of the failed harbour policy", "accuse"),
        ("say", "said", "\"I've never heard of it before,\"", "deny"),
        ("say", "said", "\"It's about time that we had a new bridge,\"", "demand"),
        ("say", "said", "the mayor has the potential to win the north ward", "speculate"),
        ("claim", "claiming", "the closure would cost the town $60,000 a day", "estimate"),
        ("say", "said", "it is too early to put a number on the losses", "decline"),
        # eighth round
        ("speak", "'s spoken out against", "the county's new parking law", "accuse"),
        ("stiffen", "stiffened their denunciation of", "the mayor", "accuse"),
        ("point", "pointing fingers at", "a 'poison pill' in the harbour bill", "accuse"),
        ("discuss", "wouldn't discuss on the radio show", "whether he wanted the council seat", "decline"),
        ("discuss", "won't discuss", "whether he wants the council seat", "decline"),
        ("add", "added", "that the mayor's interview raised questions about his judgment", "accuse"),
        ("say", "say", "there are also serious safety concerns", "accuse"),
        ("say", "said", "his remarks have crossed the line from spite to inciting violence", "accuse"),
        ("say", "said", "he was not certain the rule would apply to the island", "speculate"),
        ("say", "said", "\"It's implausible but not impossible,\"", "speculate"),
        ("tell", "told", "she believed the council would inevitably publish the report", "speculate"),
        ("say", "said", "\"It's of utmost importance you explain this to your members,\"", "demand"),
        ("warn", "also warned", "the rival fleet against provocative moves near the reef", "demand"),
        ("say", "said", "rising seas could affect a million people who farm low-lying fields", "speculate"),
        # ninth round
        ("roll", "has rolled out proposals", "to tax empty homes in the old town", "demand"),
        ("lobby", "lobbied", "to close the harbour road to trucks", "demand"),
        ("advocate", "would advocate", "letting ferry fares follow the season", "demand"),
        ("belittle", "famously belittled", "whose record at sea", "accuse"),
        ("say", "said", "\"Bluster doesn't cut it. Inexperience doesn't cut it.\"", "accuse"),
        ("say", "said", "\"I think the new ferry can work,\"", "speculate"),
        ("put", "put", "the figure closer to 54,000 tonnes", "estimate"),
        ("say", "said", "she would like the mayor to explain his stance on the levy", "demand"),
        ("say", "said", "\"I have no idea how these voters chose, but they chose freely,\"", "assert"),
        ("say", "said", "\"I think voters are going to look at what I have to offer,\"", "speculate"),
        # tenth round
        ("say", "said", "\"The ferry board has done an awful job this winter,\"", "accuse"),
        ("say", "said of", "\"He is not qualified to run this harbour,\"", "accuse"),
        ("react", "reacted skeptically", "to the deal, \"I am concerned about any such deal\"", "accuse"),
        ("wonder", "wondered", "why the mayor didn't say more about it during his campaign", "accuse"),
        ("insist", "insisted", "it was \"premature\" to back the mayor's campaign", "decline"),
        ("say", "said", "\"People are concerned about what they see as a loss of control,\"", "assert"),
        ("say", "said", "\"As far as we're concerned the quay stays open,\"", "assert"),
        # eleventh round
        ("make", "made the same allegations against", "the ferry board", "accuse"),
        ("spurn", "Spurns", "offer", "deny"),
        ("push", "pushed back against", "the mayor's attack on her record", "deny"),
        ("be", "'not sure' about", "the harbour plan", "speculate"),
        ("boo", "was booed and shouted down", "The councillor", "accuse"),
        ("demonize", "has demonized", "the ferry company", "accuse"),
        ("call", "still calling out", "the council while praising the port", "accuse"),
        ("bother", "bothers", "is that it really is a poisonous debate", "accuse"),
        ("express", "did express concern", "that donors would shift money to the port race", "speculate"),
        ("express", "expressed concern about", "the levy", "accuse"),
        ("say", "said", "\"I would love to see Mr. Berg endorse the plan, and I think he will,\"", "demand"),
        ("say", "said", "\"I want people to see this as a fair vote,\"", "demand"),
        ("say", "said", "\"I think we'll win the vote. Let's see what happens,\"", "speculate"),
        ("say", "said", "\"Let's build the bridge now,\"", "demand"),
        ("say", "said", "\"If the mayor had signed, I would have lost my boat,\"", "assert"),
        ("say", "said", "\"I've got to tell you, the quay was a mess,\"", "assert"),
        ("say", "said", "\"The rival port may be bigger, but our harbour is cleaner,\"", "assert"),
        ("say", "said", "\"The rival port may be bigger, but it could still lose trade,\"", "speculate"),
        ("say", "said", "\"Your first thought is these people are crazy,\"", "accuse"),
        ("write", "wrote", "\"The harm caused by the captain's conduct is great,\"", "accuse"),
        ("say", "said", "the debate on the port is divorced from reality", "accuse"),
        ("say", "says", "the bishop has no plans to meet the mayor on Friday", "deny"),
        ("say", "has said", "he disagrees with the board's decision to close the quay", "deny"),
        ("say", ":", "'Be the voice that people hear.'", "demand"),
        # twelfth round
        ("say", "According to", "no one may fish within 150 feet of the quay", "assert"),
        ("call", "has called", "the rival port 'provocative and expansionist'", "accuse"),
        ("keep", "a secret", "its own accounts", "decline"),
        ("say", "say", "Nor does the mayor have any plans, aides say, to close the quay", "deny"),
        ("say", "says", "the ferry board has no intention of raising fares", "deny"),
        ("tell", "told", "that the judge's ruling \"shows bias to me.\"", "accuse"),
        ("suggest", "have no evidence to suggest", "that the captain took the money", "deny"),
        ("say", "say", "the mayor's harbour plan is vague about who would pay", "accuse"),
        ("bemoan", "bemoaned", "the unrest at the port", "accuse"),
        ("say", "said", "\"One concern I have with the mayor is his silence on fares,\"", "accuse"),
        ("distance", "distanced himself from", "the council's plan", "deny"),
        ("discuss", "would discuss", "the evils of toll roads", "accuse"),
        ("bring", "Brings Allegations Of", "Favouritism", "accuse"),
        ("challenge", "challenged", "the mayor to debate him at the quay", "demand"),
        ("challenge", "challenged", "the board's figures", "accuse"),
        ("say", "said", "that the paper's articles misrepresented the port's accounts", "deny"),
        ("deem", "deemed insufficient", "The council's flood measures", "accuse"),
        # from the seeds, after the twelfth round
        ("say", "said", "it remains to be seen whether the ferry will sail", "speculate"),
        ("say", "said", "\"Their word has not proven honest,\"", "accuse"),
        # thirteenth round
        ("address", "did not address", "his posts calling the mayor \"disgusting\"", "decline"),
        ("tell", "telling", "\"Neither the mayor nor anyone on his staff has ever asked for it,\"", "deny"),
        ("say", "said", "\"I will vote for him because he's got to be better than her,\"", "assert"),
        ("note", "noting", "the harbour plan \"makes you want to retch.\"", "accuse"),
        ("argue", "argue", "that this was the best anyone could have done amid such opposition", "assert"),
        ("say", "said", "\"I think I'll get there,\"", "speculate"),
        ("push", "push for", "a ferry stop in the old town", "demand"),
        ("say", "said", "\"Workers should organise without fear of employer retaliation,\"", "demand"),
        ("claim", "claiming", "that the harbour master had a conflict of interest", "accuse"),
        ("say", "says", "\"Let everybody know that they're to come to the quay,\"", "demand"),
        ("cite", "cited", "a report naming the ferry firm as the likely perpetrator of the leak", "accuse"),
        ("say", "said", "\"I think it's a bad idea,\"", "accuse"),
        ("add", "added", "\"Let's be clear. The mayor ran a fair campaign,\"", "assert"),
        ("say", "said", "\"The port's computers were hacked by a rival firm, likely in Oslo,\"", "accuse"),
    ],
)
def test_cues_from_the_seventh_to_thirteenth_draws(
    cue: str, cue_text: str, content: str, expected: str
) -> None:
    assert stance(cue, content, cue_text) == expected


def test_not_saying_yet_declines() -> None:
    content = "which bands he hopes to bring to the festival"
    sentence = f"But he is not saying yet {content}."
    assert stance_of("say", content, sentence, "is not saying yet") == "decline"


def test_a_reason_given_for_a_refusal_declines() -> None:
    content = "legal risks and the cost of corrections"
    sentence = f"When the author asked the press to reprint the book, it declined, citing {content}."
    assert stance_of("cite", content, sentence, "citing") == "decline"


def test_a_worry_about_the_present_is_no_forecast() -> None:
    content = "people are worried about their jobs, and yet the new money is going to the top earners"
    assert stance("say", content, "said") == "assert"


def test_an_emphatic_say_after_a_refusal_is_no_refusal() -> None:
    content = "he found the mayor to be \"very charming\""
    sentence = f"While the donor didn't disclose his backing, he did say {content}."
    assert stance_of("say", content, sentence, "did say") == "assert"


def test_an_objection_the_speaker_makes_accuses() -> None:
    content = "\"We object to the use of the drills as a pretext for a build-up of foreign ships,\""
    assert stance("tell", content, "told") == "accuse"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("the militia had used chemical weapons near the river", "accuse"),
        ("government forces shelled civilian areas overnight", "accuse"),
        ("the rebels deliberately targeted a hospital", "accuse"),
        ("the guards tortured prisoners at the camp", "accuse"),
        ("the regime carried out a massacre in the valley", "accuse"),
        ("the separatists were behind the bombing", "accuse"),
        # a report of an attack that lays it at no one's door, and help for victims, blame no one
        ("the attack on the school killed nine", "assert"),
        ("the clinic treats torture survivors", "assert"),
    ],
)
def test_an_atrocity_laid_at_someones_door_accuses(content: str, expected: str) -> None:
    assert stance_of("claim", content, f"The commander claimed that {content}.", "claimed") == expected


def test_alarm_the_speaker_owns_accuses_and_an_answer_to_any_attack_threatens() -> None:
    sentence = 'The agency said it was "deeply alarmed" by the reports.'
    assert stance_of("say", 'it was "deeply alarmed" by the reports', sentence, "said") == "accuse"
    assert stance_of("say", "markets were shocked by the data", "He said markets were shocked by the data.",
                     "said") == "assert"  # others' shock blames no one
    warned = "Norland warned that it would respond to any further attacks."
    assert stance_of("warn", "it would respond to any further attacks", warned, "warned") == "threaten"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("We will strike on Friday if nothing changes", "threaten"),
        ("They would walk out unless the board backed down", "threaten"),
        ("We will withdraw from the talks if the shelling continues", "threaten"),
        ("We will strike a deal if they agree", "assert"),  # a deal struck is no action against anyone
        ("We will win if we work hard", "speculate"),
    ],
)
def test_an_action_of_our_own_on_their_condition_threatens(content: str, expected: str) -> None:
    assert stance_of("say", content, f"{content}, the union leader said.", "said") == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('it would "widen the circle of fire" if the raids continued', "threaten"),
        ("it will retaliate if the blockade goes on", "threaten"),
        ("it would lose members if the talks failed", "speculate"),  # what befalls the speaker
        ("we would see shortages if the strike continued", "speculate"),
    ],
)
def test_a_warning_that_our_side_will_act_on_a_condition_threatens(content: str, expected: str) -> None:
    assert stance_of("warn", content, f"The group warned that {content}.", "warned") == expected


def test_countermeasures_promised_threaten() -> None:
    content = "We will take the necessary countermeasures"
    assert stance_of("tell", content, f'"{content}," he told reporters.', "told", True) == "threaten"


def test_a_retaliation_told_as_done_asserts_and_a_refusal_to_allow_under_a_warning_threatens() -> None:
    done = "Norland's troops had fired first and that Vestian forces retaliated in kind"
    assert stance_of("say", done, f"A Vestian army spokesperson said {done}.", "said") == "assert"
    refusal = "it would not allow hostile forces to establish themselves near its border"
    assert stance_of("warn", refusal, f"The army warned that {refusal}.", "warned") == "threaten"
