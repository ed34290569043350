"""The temporal tagger, third round (issue 5): tense inside quotes, scheduled presents, rates,
discourse markers, clock words and fiscal quarters, on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.stages.timex import tag

# A Monday: weekdays in past-tense sentences point to the week before it.
PUBLISHED = date(2024, 10, 21)


def values(text: str, reference: date | None = PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in tag(text, reference)}


@pytest.mark.parametrize(
    ("text", "reference", "expression", "value"),
    [
        # "ended" closes a period before the reference, though the month lies far back in the year
        (
            "In the fiscal year ended Jan. 31, the chain sold more lamps.",
            date(2024, 10, 29),
            "Jan. 31",
            "2024-01-31",
        ),
        # inside a quotation the quote's own tense counts, not the "he said" after it
        (
            "``The ferry will sail at dawn (6 a.m. Thursday),'' the captain said.",
            date(2024, 10, 21),
            "6 a.m. Thursday",
            "2024-10-24T06:00",
        ),
        ("The guards changed shift at 4 in the morning.", PUBLISHED, "4 in the morning", "2024-10-21T04:00"),
        ("The bells rang at ten at night.", PUBLISHED, "ten at night", "2024-10-21T22:00"),
        ("A decades-long quarrel over the pier ended.", PUBLISHED, "decades-long", "PXY"),
        ("Post-1990 housing lines the bay.", PUBLISHED, "Post-1990", "1990"),
        ("Farmers hope the valley will one day be green again.", PUBLISHED, "one day", "FUTURE_REF"),
        ("The repair could take up to one day.", PUBLISHED, "up to one day", "P1D"),
    ],
)
def test_quotes_ended_periods_clock_words_and_idioms(
    text: str, reference: date, expression: str, value: str
) -> None:
    assert values(text, reference).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Output should rise 8.5% annually through 2030.", "annually"),
        ("The mill turns out 4,000 crates annually.", "annually"),
        ("He spoke to USA Today on Monday.", "Today"),
    ],
)
def test_rate_adverbs_and_titles_are_no_expressions(text: str, expression: str) -> None:
    assert expression not in values(text)


def test_a_set_adverb_without_an_amount_stays() -> None:
    assert values("The ferry board meets annually.").get("annually") == "P1Y"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the verb a weekday follows decides a tie with a verb after it
        ("The mayor said on Friday she would resign.", "Friday", "2024-10-18"),
        (
            "The quake struck at 2:30 pm local time on Saturday.",
            "2:30 pm local time on Saturday",
            "2024-10-19T14:30",
        ),
        ("Stocks that had been falling for weeks rallied on Thursday.", "Thursday", "2024-10-17"),
        # a day that owns an event names a done one, unless the event is awaited
        ("Lawyers said they would look for ways around Wednesday's ruling.", "Wednesday", "2024-10-16"),
        ("Parties will campaign hard ahead of Saturday's vote.", "Saturday", "2024-10-26"),
    ],
)
def test_tense_ties_and_local_time(text: str, expression: str, value: str) -> None:
    assert values(text).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The mill opened in the 1970s and shut two decades later.", "two decades later", "1990"),
        ("Police were called at about 11.30pm.", "11.30pm", "2024-10-21T23:30"),
        ("The blast came at 10:35 a.m. (0735 GMT) Friday.", "Friday", "2024-10-18"),
    ],
)
def test_decades_told_dotted_clocks_and_asides(text: str, expression: str, value: str) -> None:
    assert values(text).get(expression) == value


def test_the_period_told_by_what_follows_is_no_quarter() -> None:
    assert "the period" not in values("The survey covers the period from 2008 to 2012.")


def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker() -> None:
    assert "Now" not in values("The dam held for years. Now, the engineers say, it is cracking.")
    assert values("The engineers now say it is cracking.").get("now") == "PRESENT_REF"


def test_a_scheduled_present_points_ahead() -> None:
    # a Monday reference: "opens Thursday" is the coming Thursday, though "since" points back
    assert values("The fair, the first since 2019, opens Thursday.").get("Thursday") == "2024-10-24"
    # a meeting in the present tense is still to come, even after a past-tense clause
    text = "Gaps remained before the talks. The two leaders meet separately Friday with the envoy."
    assert values(text).get("Friday") == "2024-10-25"
    assert values("The two leaders met separately Friday with the envoy.").get("Friday") == "2024-10-18"


def test_a_fiscal_quarter_still_under_way_is_reported_when_told_first_in_the_past() -> None:
    # October 21: the calendar fourth quarter is running, but a company closing its year in
    # September has just reported its fiscal fourth quarter
    text = "The mill reported a decline in fourth-quarter profit. Sales in the latest period fell."
    assert values(text)["the latest period"] == "2024-Q4"
    # an over quarter told first keeps its place against a later outlook for the running one
    text = (
        "Third-quarter profit fell. It gave no outlook for fourth-quarter results. "
        "The latest quarter was weak."
    )
    assert values(text)["The latest quarter"] == "2024-Q3"


def test_the_future_of_something_is_its_prospects() -> None:
    assert "the future" not in values("Talks matter for the future of both towns.")
    assert values("Prices may rise in the future.").get("the future") == "FUTURE_REF"


def test_a_title_cased_expression_before_a_capitalised_function_word_is_a_title() -> None:
    assert "This Week" not in values('She said on "This Week With Ann Lee" that the mill would close.')
    assert values("This Week the mill closed.").get("This Week") == "2024-W43"


def test_a_counted_noun_before_a_unit_makes_a_rate() -> None:
    assert "a week" not in values("The ferry runs four crossings a week.")
    assert values("The ferry runs four crossings a week.") == {}


def test_generic_today_is_the_present_age_and_left_unmarked() -> None:
    assert values("Few jobs suit today's youth.") == {}
    assert values("Today's vote was close.").get("Today") == "2024-10-21"


def test_a_quarter_century_low_is_no_reporting_quarter() -> None:
    text = "Joblessness sat near its quarter-century low. Wages were 3% higher than a year earlier."
    assert values(text)["a year earlier"] == "2023"
    text = "Third-quarter profit rose. Sales were 3% higher than a year earlier."
    assert values(text)["a year earlier"] == "2023-Q3"


def test_two_thousand_before_a_counted_noun_is_no_year() -> None:
    assert values("Two thousand soldiers crossed the river.") == {}
    assert values("By the year two thousand, the dam was full.")["the year two thousand"] == "2000"


def test_the_previous_weekday_counts_from_the_day_told() -> None:
    found = values("The index fell on Friday, 4% below the previous Friday.")
    assert found["Friday"] == "2024-10-18"
    assert found["the previous Friday"] == "2024-10-11"
    text = "The court sat on Tuesday, Oct. 1, and ruled the following Monday."
    assert values(text)["the following Monday"] == "2024-10-07"


def test_the_weeks_ahead_is_a_vague_duration() -> None:
    assert values("Lenders may tighten terms in the weeks ahead.")["the weeks ahead"] == "PXW"
    assert values("More floods are likely in the months to come.")["the months to come"] == "PXM"


def test_due_to_points_ahead_unless_it_was_due() -> None:
    assert values("The envoy is due to arrive on Saturday.")["Saturday"] == "2024-10-26"
    assert values("The offer had been due to expire Friday.")["Friday"] == "2024-10-18"


def test_a_tense_cue_past_a_comma_belongs_to_the_next_clause() -> None:
    found = values("The levy, passed in March, takes effect in July.", date(2024, 5, 6))
    assert found["March"] == "2024-03"
    assert found["July"] == "2024-07"


def test_a_decade_word_after_a_possessive_is_an_age() -> None:
    found = values("Pilots in their thirties and a nurse in her early forties were hurt. "
                   "Hits of the sixties.")
    assert "thirties" not in found and "forties" not in found and "early forties" not in found, found
    assert found.get("the sixties") == "196"


def test_a_vote_that_is_due_lies_ahead_unless_it_was_due() -> None:
    wednesday = date(2024, 10, 23)
    assert values("The vote is due on Monday.", wednesday)["Monday"] == "2024-10-28"
    assert values("The vote was due on Monday.", wednesday)["Monday"] == "2024-10-21"
