"""Statements as conflict reporting words them: misparsed subjects, trailing attributions, denials
without a clause, threats under a warning (issue 4). Invented sentences."""

from __future__ import annotations

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import StatementStage
from sitroom.stages.statements.stance import stance_of


def _run(body: str) -> Article:
    settings = Settings()
    article = Article(id="t", source="test", body=body)
    for stage in (NlpStage(settings), EntityStage(settings), StatementStage(settings)):
        article = stage(article)
    return article


def test_a_subject_the_parser_took_for_the_cues_object_opens_what_was_said() -> None:
    article = _run("The mayor said debris from a drone had hit a school.")
    (statement,) = article.statements
    assert statement.text == "debris from a drone had hit a school"
    assert statement.speaker == "The mayor"


def test_a_count_the_parser_took_for_a_second_subject_is_what_was_said_not_who_said_it() -> None:
    article = _run(
        "A missile hit a residential building in Poltava, killing at least nine people, including two"
        " children, regional governor Volodymyr Kohut said."
    )
    (statement,) = article.statements
    assert statement.speaker_resolved == "Volodymyr Kohut"
    assert statement.speaker_role == "regional governor"
    assert statement.text.endswith("killing at least nine people, including two children")


def test_a_denial_of_a_claim_in_two_words_is_a_statement_but_a_refused_request_is_not() -> None:
    (denial,) = _run("The militia denied any involvement.").statements
    assert (denial.text, denial.stance) == ("any involvement", "deny")
    (wrongdoing,) = _run("The ministry denied wrongdoing.").statements
    assert (wrongdoing.text, wrongdoing.stance) == ("wrongdoing", "deny")
    assert not _run("The council rejected the request.").statements


def test_a_body_is_not_its_own_spokesman() -> None:
    article = _run(
        '"These actions put our crews at risk," coast guard spokesman Tomas Ilagan told reporters.\n\n'
        "Vietnam's coast guard said the fishing boat had entered its waters illegally."
    )
    first, second = article.statements
    assert first.speaker_resolved == "Tomas Ilagan"
    assert second.speaker_resolved != "Tomas Ilagan"
    assert (first.speaker_country, second.speaker_country) == (None, "VNM")


def test_an_unnamed_spokesperson_is_not_the_director_quoted_after() -> None:
    article = _run(
        "A ministry spokesperson declined to comment on the strikes.\n\n"
        "Analysts say the escalation could derail the talks.\n\n"
        '"Neither side wants a war," said Leila Haddad, director of the Cedar Policy Institute.'
    )
    first = article.statements[0]
    assert first.speaker == "A ministry spokesperson"
    assert first.speaker_resolved != "Leila Haddad"


def test_speakers_the_parser_hung_on_what_was_said_still_speak() -> None:
    # 'residents' parsed as one more of the children killed, leaving 'said' without a subject
    article = _run(
        "A fighter jet dropped two bombs on the village on Saturday, killing 18 civilians including six"
        " children, residents and a local resistance group said."
    )
    (statement,) = article.statements
    assert statement.speaker == "residents"
    assert statement.text.startswith("A fighter jet dropped two bombs")


def test_an_attribution_the_parser_made_a_conjunct_of_the_claim_is_still_its_source() -> None:
    article = _run(
        "Insurers could raise war-risk premiums for the route by as much as 50%, two brokers told the"
        " Harbour Ledger, speaking on condition of anonymity."
    )
    (statement,) = article.statements
    assert statement.speaker == "two brokers"
    assert statement.text == "Insurers could raise war-risk premiums for the route by as much as 50%"
    # a verb joined by 'and' is a second act of the same subject, not an attribution
    assert not _run("The convoy reached the depot at noon and told the guards nothing.").statements


def test_a_denial_with_its_own_clause_leaves_the_account_after_it_an_assertion() -> None:
    article = _run(
        "Army spokesman Colonel Ivo Marsh denied that civilians were targeted, telling state radio that the"
        " air force had struck a training camp in the area."
    )
    denial, account = article.statements
    assert (denial.stance, denial.text) == ("deny", "civilians were targeted")
    assert account.stance == "assert"
    assert account.text == "the air force had struck a training camp in the area"
    # without a clause of its own, the denial is carried by what follows it
    (carried,) = [s for s in _run("The ministry denied it, saying the report was invented.").statements
                  if s.cue == "saying"]
    assert carried.stance == "deny"


def test_a_source_whose_name_holds_and_speaks_once() -> None:
    article = _run(
        "Violence has killed more than 20,000 people since 2015, according to the Armed Conflict Location"
        " & Event Data Project, a U.S.-based nonprofit."
    )
    assert len(article.statements) == 1


def test_an_attribution_after_the_claim_bids_no_one_do_anything() -> None:
    # 'linked to al-Qaida' read as 'told ... to <act>': a demand
    article = _run(
        "Fighters linked to al-Qaida attacked an army base over the weekend, killing at least 50 soldiers,"
        " two security sources told the Harbour Ledger on Sunday."
    )
    (statement,) = article.statements
    assert statement.stance != "demand"
    sentence = "The commander told his crews never to leave the bridge."
    assert stance_of("tell", "his crews never to leave the bridge", sentence, "told") == "demand"


def test_a_second_speaker_inside_what_the_first_said_speaks_for_itself() -> None:
    article = _run(
        "The Norland Defence Forces said Thursday it carried out a strike on a rebel command center embedded"
        " in a school compound in Port Ardent, as the rebel-run health ministry said 22 people had been"
        " killed, most of them women and children."
    )
    army, ministry = article.statements
    assert army.text.endswith("in a school compound in Port Ardent")
    assert ministry.speaker == "health ministry"
    assert ministry.text.startswith("22 people had been killed")
    # the same speaker saying it again stays one statement
    assert len(_run("He said the plan would fail, as he had said many times before.").statements) == 1


def test_a_line_crossed_on_the_map_is_no_accusation() -> None:
    content = "Of the aircraft, 22 crossed the median line of the strait"
    assert stance_of("say", content, f"{content}, the ministry said.", "said") == "assert"
    sentence = "He said the government had crossed a red line."
    assert stance_of("say", "the government had crossed a red line", sentence, "said") == "accuse"


def test_an_inverted_attribution_parsed_as_a_conjunct_and_the_pronoun_after_it() -> None:
    article = _run(
        "The attack on the base in Djibo, near the border, began before dawn on Saturday and lasted several"
        " hours, said one of the sources, who spoke on condition of anonymity. Dozens of the attackers were"
        " also killed, he said."
    )
    first, second = article.statements
    assert first.speaker == "one of the sources" and first.text.startswith("The attack on the base")
    # 'he' is the one unnamed source, not an unknown speaker
    assert (second.speaker_resolved, second.speaker_kind) == ("one of the sources", "anonymous")


def test_a_monitor_named_with_for_speaks_after_the_toll_it_reports() -> None:
    # the parser hung the monitor on 'people' as an appositive: the toll spoke
    article = _run(
        "Air strikes hit army positions near the town of Kelda on Saturday, killing at least four people,"
        " the Norland Observatory for Human Rights said."
    )
    (statement,) = article.statements
    assert statement.speaker == "the Norland Observatory for Human Rights"


def test_a_body_and_a_spokesperson_take_the_country_their_words_name() -> None:
    guard = _run("China's coast guard said it had taken necessary measures.").statements[0]
    assert (guard.speaker_kind, guard.speaker_country) == ("organization", "CHN")
    person = _run("Philippine Coast Guard spokesperson Jay Tarriela said the ships had used water cannon.")
    assert person.statements[0].speaker_country == "PHL"


def test_an_appositive_taken_for_a_second_subject_does_not_displace_the_speaker() -> None:
    article = _run(
        "Norland's military, in a statement issued by its media wing, the Inter-Services Press Office (ISPO),"
        " said Vestian shelling hit homes in the Kelda Valley."
    )
    assert article.statements[0].speaker == "Norland's military"
