"""QuantityStage on invented sentences, plus floors on small re3d and ISAF slices (issue 5)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from eval.quantities import read_isaf, read_re3d, score_isaf, score_re3d

from sitroom.config import Settings
from sitroom.model import Article, Quantity
from sitroom.stages.nlp import NlpStage
from sitroom.stages.quantities import QuantityStage, number_value


@cache
def _stages() -> tuple[NlpStage, QuantityStage]:
    return NlpStage(Settings()), QuantityStage(Settings())


def figures(text: str) -> list[Quantity]:
    nlp, stage = _stages()
    article = stage(nlp(Article(id="t", source="test", body=text)))
    for q in article.quantities:
        assert article.body[q.start : q.end] == q.text
    return list(article.quantities)


def only(text: str) -> Quantity:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [("3,000", 3000), ("twenty-five", 25), ("2.5 million", 2_500_000), ("six", 6), ("a dozen", 12)],
)
def test_number_value_reads_digits_and_words(text: str, value: float) -> None:
    assert number_value(text) == value


def test_qualifier_value_unit_and_deployed_scope() -> None:
    q = only("The ministry said at least 3,000 soldiers had been deployed to the border region.")
    assert (q.text, q.value, q.qualifier, q.unit, q.scope) == (
        "at least 3,000 soldiers",
        3000,
        "at least",
        "soldiers",
        "deployed",
    )


def test_number_words_and_killed_scope() -> None:
    q = only("Six marines were killed when their convoy hit a mine near the river.")
    assert (q.value, q.unit, q.scope) == (6, "marines", "killed")


def test_range_with_wounded_scope() -> None:
    q = only("Between 20 and 30 villagers were wounded in the shelling.")
    assert (q.value, q.low, q.high, q.unit, q.scope) == (None, 20, 30, "villagers", "wounded")


def test_projection_is_estimated_and_plan_is_planned() -> None:
    assert only("Analysts said around 10,000 troops could be deployed by December.").scope == "estimated"
    planned = only("The navy plans to buy up to 40 cruise missiles next year.")
    assert (planned.qualifier, planned.unit, planned.scope) == ("up to", "missiles", "planned")


def test_decision_and_separate_clause_keep_their_own_scope() -> None:
    decided, arrived = figures(
        "The council decided to send about 12,000 special forces, and some 1,500 have already arrived."
    )
    assert (decided.unit, decided.scope, decided.qualifier) == ("forces", "decided", "about")
    assert (arrived.value, arrived.scope) == (1500, "deployed")


def test_vague_amount_keeps_a_floor_and_capture_scope() -> None:
    q = only("Police detained several suspects after the march.")
    assert (q.value, q.low, q.scope) == (None, 3, "captured")


def test_at_site_and_distance_without_scope() -> None:
    worker = figures("Roughly 240 engineers remain at the reactor.")[0]
    assert worker.scope == "at_site" and worker.qualifier == "about"
    distance = only("The depot lies only about 250km from the coast.")
    assert (distance.value, distance.unit, distance.scope) == (250, "km", None)


def test_dates_times_years_citations_and_identifiers_are_not_figures() -> None:
    assert figures("On March 3, 1999, at 10:30 the vote on Resolution 2249 began.[2]") == []


def test_labels_phone_numbers_serials_eras_and_coordinates_are_not_figures() -> None:
    """Issue 5: numbers that name or locate something count nothing."""
    assert figures("Chapter two covers it; the destroyer (DDG 72) sailed; call 555-123-4567.") == []
    assert figures("The clerk filed it as release 0591.") == []
    assert figures("The wall stood from 575 B.C. and talks ran 11-13 Dec. at 35.0325, 43.6463.") == []


def test_vague_amounts_with_multipliers_and_halves() -> None:
    several = only("Several thousand soldiers were deployed to the coast.")
    assert (several.value, several.low, several.scope) == (None, 3000, "deployed")
    assert only("Officials said half a million people fled.").value == 500_000
    counted = only("Police arrested a number of protesters outside the ministry.")
    assert (counted.low, counted.unit, counted.scope) == (3, "protesters", "captured")


def test_a_person_killed_or_detained_counts_as_one_but_a_person_searched_for_does_not() -> None:
    """Issue 5: "killed X insurgents and detained Y" with X given by the indefinite article."""
    found = figures("The patrol killed a rebel commander and detained two suspected smugglers.")
    assert [(q.text, q.value, q.scope) for q in found] == [
        ("a rebel commander", 1, "killed"),
        ("two suspected smugglers", 2, "captured"),
    ]
    searched = figures("The unit detained several men while searching for a bomb maker.")
    assert [(q.text, q.scope) for q in searched] == [("several men", "captured")]


def test_scope_from_a_verb_sharing_the_subject_but_not_from_a_governing_clause() -> None:
    assert only("Several gunmen opened fire on the convoy and were killed.").scope == "killed"
    marched = only("A few thousand farmers marched, and some of them were arrested later.")
    assert (marched.low, marched.scope) == (2000, None)


def test_a_prepositional_object_does_not_take_the_outcome_of_its_verb() -> None:
    men, raids = figures("Police detained five men during two raids in the capital.")
    assert (men.scope, raids.unit, raids.scope) == ("captured", "raids", None)
    assert only("Six of the soldiers were killed.").scope == "killed"


def test_a_bare_one_is_a_pronoun_and_a_coordinate_pair_is_no_figure() -> None:
    assert figures("The first truce failed, and the last one broke down in May.") == []
    assert figures("The camp lies at 12.345; 45.678 on the old map.") == []
    positions = only("Jets destroyed five fighting positions near the dam.")
    assert (positions.value, positions.unit) == (5, "positions")


def test_rejected_article_is_left_alone() -> None:
    article = Article(id="r", source="t", body="Two soldiers died.", rejected="empty")
    assert QuantityStage(Settings())(article) is article


def test_re3d_slice_floor(shared_dir: Path) -> None:
    scores = score_re3d(read_re3d(shared_dir / "data" / "events", 20))
    # measured 0.821 / 0.736 / 1.0 on this slice
    assert scores["recall"] >= 0.78 and scores["f1"] >= 0.70 and scores["value_accuracy"] >= 0.95


def test_isaf_slice_killed_floor(shared_dir: Path) -> None:
    scores = score_isaf(read_isaf(shared_dir / "data" / "events", 60))
    # measured 0.762 / 0.674 on this slice (0.762 / 0.478 before the ISAF minimum counts for
    # "numerous" and "multiple", "another" and purpose infinitives, 2026-11-24)
    assert scores["killed_exact"] >= 0.7 and scores["captured_exact"] >= 0.62


def test_a_qualified_figure_right_after_a_dateline_is_a_count():
    """Regression (issue 5): "KHARKIV, Ukraine -- About 2,000 troops" was taken for an identifier."""
    from sitroom.config import Settings
    from sitroom.model import Article
    from sitroom.stages.nlp import NlpStage
    from sitroom.stages.quantities import QuantityStage

    body = "KHARKIV, Ukraine -- About 2,000 troops moved toward the border on Friday, officials said."
    article = NlpStage(Settings(workers=1))(Article(id="a", source="s", body=body))
    (figure,) = [q for q in QuantityStage(Settings(workers=1))(article).quantities if q.value == 2000]
    assert (figure.text, figure.qualifier) == ("About 2,000 troops", "about")


@cache
def _context_stages() -> tuple[object, ...]:
    from sitroom.stages.dates import DateStage
    from sitroom.stages.entities import EntityStage
    from sitroom.stages.statements import StatementStage

    settings = Settings()
    return (_stages()[0], EntityStage(settings), DateStage(settings), StatementStage(settings), _stages()[1])


def annotated(body: str, published: str | None) -> Article:
    """An invented article through the stages that run before and with QuantityStage."""
    article = Article(id="c", source="test", body=body, published=published)
    for stage in _context_stages():
        article = stage(article)  # type: ignore[operator]
    return article


def test_figure_knows_its_statement_and_the_date_in_its_sentence() -> None:
    """Issue 5: each figure knows its source statement and its as-of date."""
    article = annotated(
        "The defence ministry said on Tuesday that at least 40 soldiers had been killed near the pass. "
        "Rescuers later pulled 12 people from the rubble.",
        "2024-03-15",
    )
    reported, rescued = article.quantities
    assert reported.statement is not None
    statement = article.statements[reported.statement]
    assert statement.start <= reported.start and reported.end <= statement.end
    assert (reported.as_of, reported.as_of_basis) == ("2024-03-12", "sentence")
    assert (rescued.statement, rescued.as_of, rescued.as_of_basis) == (None, "2024-03-15", "published")


def test_start_of_a_running_count_is_not_its_as_of_date_and_no_date_means_none() -> None:
    running = annotated("Since January, more than 300 civilians have died in the fighting.", "2024-03-15")
    assert [(q.as_of, q.as_of_basis) for q in running.quantities] == [("2024-03-15", "published")]
    undated = annotated("Rescuers pulled 12 people from the rubble.", None)
    assert [(q.as_of, q.as_of_basis) for q in undated.quantities] == [(None, None)]


def test_statement_and_as_of_survive_the_store_codec_and_the_events_export() -> None:
    import json

    import jsonschema

    from sitroom.model import Event
    from sitroom.model.ids import annotation_id
    from sitroom.publish.records import Corpus
    from sitroom.store.codec import from_dict, to_dict

    article = annotated('"We have detained nine suspects on Monday," the police chief said.', "2024-03-15")
    (figure,) = article.quantities
    assert from_dict(Quantity, json.loads(json.dumps(to_dict(figure)))) == figure
    event = Event(0, len(article.body), "COERCE", quantities=(figure,))
    corpus = Corpus(articles=[article.evolve(events=(event,))], duplicates=[], stories=[], discrepancies=[])
    (record,) = corpus.records("events")
    schema_path = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "events.schema.json"
    jsonschema.validate(record, json.loads(schema_path.read_text()))
    exported = record["quantities"][0]
    assert figure.statement is not None
    assert exported["statement_id"] == annotation_id("c", "statement", article.statements[figure.statement])
    assert (exported["as_of"], exported["as_of_basis"]) == ("2024-03-11", "sentence")


def test_vague_floors_another_person_and_a_person_only_set_out_for() -> None:
    """Issue 5: "numerous" counts 4 and "multiple" 3 (the ISAF coding's minimum counts); "another"
    counts one; "an operation to detain a leader" says what the force set out to do."""
    assert only("Police detained numerous suspects after the march.").low == 4
    assert only("Police detained multiple suspects after the march.").low == 3
    found = figures("Border guards detained a suspected smuggler and another man wanted for fraud.")
    assert [(q.text, q.value, q.scope) for q in found] == [
        ("a suspected smuggler", 1, "captured"),
        ("another man", 1, "captured"),
    ]
    planned = figures("Officers launched a raid to arrest a gang leader and arrested two couriers.")
    assert [(q.text, q.scope) for q in planned] == [("two couriers", "captured")]


def test_people_along_with_the_one_named_share_his_fate() -> None:
    found = figures("The raid killed a gang leader along with a number of his gunmen at the warehouse.")
    assert [(q.text, q.scope) for q in found] == [
        ("a gang leader", "killed"),
        ("a number of his gunmen", "killed"),
    ]


def test_measures_and_a_lone_one_are_no_figures_of_an_event() -> None:
    from sitroom.stages.quantities.numbers import counts_for_event

    def q(text: str, value: float, unit: str, scope: str | None = None) -> Quantity:
        return Quantity(0, len(text), text, value, unit=unit, scope=scope)

    assert counts_for_event(q("at least 2,000 troops", 2000, "troops", "deployed"))
    assert counts_for_event(q("One soldier", 1, "soldier", "killed"))
    for figure in (q("one metre", 1, "metre"), q("three hours", 3, "hours"), q("30-day state", 30, "state"),
                   q("One Moscow-based military expert", 1, "expert")):
        assert not counts_for_event(figure), figure.text


def test_a_share_of_them_counts_what_the_figure_before_it_counted_in_its_own_clause() -> None:
    sent, arrived = figures(
        "The navy decided to send about 2,000 marines to the islands, with roughly 600 of them already "
        "deployed to the northern base."
    )
    assert (sent.unit, sent.scope) == ("marines", "decided")
    assert (arrived.value, arrived.unit, arrived.scope) == (600, "marines", "deployed")
    assert arrived.qualifier == "about"
    _, lost = figures("Of the 30 passengers, 12 of them were killed.")
    assert (lost.unit, lost.scope) == ("passengers", "killed")


def test_a_count_before_a_word_that_starts_like_a_month_is_still_a_count() -> None:
    # "mar-", "sep-", "dec-", "may-" opened a month's name and made a small count a day of the month
    assert only("Rebels said 20 separatists were killed.").unit == "separatists"
    assert only("The navy sent 2,000 marines.").unit == "marines"
    assert only("About 12 mayors signed the letter.").value == 12
    assert figures("The talks resumed on Sept. 4 and ended 11-13 Dec. as planned.") == []


def test_dozens_capitalised_plurals_and_people_who_fled() -> None:
    wounded = only("Around two dozen soldiers were wounded.")
    assert (wounded.value, wounded.unit, wounded.scope) == (24, "soldiers", "wounded")
    assert only("Officials said 7 Marines were injured.").unit == "marines"  # a plural name counts too
    assert only("Some 3,500 residents fled the town.").scope == "displaced"
    assert only("The ministry said 1.2 million people had been displaced.").scope == "displaced"


def test_a_figure_the_sentence_leaves_its_noun_off_counts_what_the_one_before_counted() -> None:
    found = figures("The strike killed 12 people and wounded 56, among them nine children, officials said.")
    expected = [(12, "people", "killed"), (56, "people", "wounded")]
    assert [(q.value, q.unit, q.scope) for q in found][:2] == expected
    daily = figures("Norland has lost about 85,000 troops since the war, including 1,230 in the past day.")
    assert [(q.value, q.unit) for q in daily] == [(85000, "troops"), (1230, "troops")]
    assert [q.unit for q in figures("The team scored 3 goals and won 56 to 12.")] == ["goals"]
