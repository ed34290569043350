"""Statements as conflict reporting words them: misparsed subjects, trailing attributions, denials
without a clause, threats under a warning (issue 4). Invented sentences."""

from __future__ import annotations

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import StatementStage


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
