"""The temporal tagger on invented sentences with a known publication date (issue 5)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.stages.timex import tag

# A Monday: weekdays in past-tense sentences point to the week before it.
PUBLISHED = date(2024, 10, 21)


def values(text: str, reference: date | None = PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in tag(text, reference)}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The envoy said on Friday that the talks had stalled.", "Friday", "2024-10-18"),
        ("The ministry said the convoy will arrive on Friday.", "Friday", "2024-10-25"),
        ("Lorries crossed the bridge earlier this month, officials said.", "earlier this month", "2024-10"),
        ("Shops have stayed shut since last weekend.", "last weekend", "2024-W42-WE"),
        ("The mayor spoke on April 21 about the floods.", "April 21", "2024-04-21"),
        ("Another 2,000 engineers could be sent by December.", "December", "2024-12"),
        ("The ferry sank on Oct. 18 near the harbour.", "Oct. 18", "2024-10-18"),
        ("Later Monday, the council voted again.", "Monday", "2024-10-21"),
        ("Prices rose last week across the valley.", "last week", "2024-W42"),
        ("The dam was finished in 2016.", "2016", "2016"),
        ("The committee met this April to plan the fair.", "this April", "2024-04"),
        ("The bakery closed two years ago.", "two years ago", "2022"),
        ("Rents doubled in the 1990s.", "the 1990s", "199"),
        ("Yesterday the river reached its peak.", "Yesterday", "2024-10-20"),
        ("The orchard was planted last year.", "last year", "2023"),
        ("Results for the third quarter were weak.", "the third quarter", "2024-Q3"),
        ("The pier was rebuilt on Friday, Oct. 18, 2019.", "Friday, Oct. 18, 2019", "2019-10-18"),
        ("The fire started at 6 a.m. Friday.", "6 a.m. Friday", "2024-10-18T06:00"),
        ("Voting begins next month.", "next month", "2024-11"),
        ("The bridge opens in two weeks.", "two weeks", "P2W"),
    ],
)
def test_dates_against_a_known_publication_date(text: str, expression: str, value: str) -> None:
    assert values(text).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("The strike lasted three days.", "three days", "duration", "P3D"),
        ("The ban has held for several years now.", "several years", "duration", "PXY"),
        ("The ferry sails every week.", "every week", "set", "P1W"),
        ("The market opens on Saturdays.", "Saturdays", "set", "XXXX-WXX-6"),
        ("The paper appears daily.", "daily", "set", "P1D"),
        ("Talks ran for 5 1/2 hours.", "5 1/2 hours", "duration", "PT5H30M"),
        ("Eight trading days later, the index fell.", "Eight trading days", "duration", "P8D"),
        ("The loan may run for an additional year.", "an additional year", "duration", "P1Y"),
    ],
)
def test_durations_and_sets(text: str, expression: str, kind: str, value: str) -> None:
    found = {t.text: t for t in tag(text, PUBLISHED)}
    assert found[expression].kind == kind
    assert found[expression].value == value


def test_partial_values_when_the_reference_is_unknown() -> None:
    found = values("The mayor spoke on April 21 and again on Friday, in March and last week.", None)
    assert found["April 21"] == "XXXX-04-21"
    assert found["Friday"] == "XXXX-WXX-5"
    assert found["March"] == "XXXX-03"
    assert found["last week"] == "XXXX-WXX"


def test_full_dates_need_no_reference() -> None:
    assert values("The treaty was signed on March 3, 2011.", None)["March 3, 2011"] == "2011-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "We said we may go, and we will.",
        "The march through the square may end soon after we arrive.",
        "She may wed in the sun; we sat on the grass.",
    ],
)
def test_modal_may_and_pronoun_we_are_not_dates(text: str) -> None:
    assert not [t for t in tag(text, PUBLISHED) if t.kind in ("date", "time") and t.value != "FUTURE_REF"]


def test_counts_are_not_years() -> None:
    assert values("The army moved 2000 troops and 1500 tanks.") == {}
    assert values("Some 1600 North Korean soldiers arrived.") == {}
    assert values("The fort was built in 1648.") == {"1648": "1648"}


def test_spans_point_into_the_text() -> None:
    text = "On Friday, Oct. 18, the agency said the ships left in early- to mid-October."
    for timex in tag(text, PUBLISHED):
        assert text[timex.start : timex.end] == timex.text
    assert values(text)["early- to mid-October"] == "2024-10"


@pytest.mark.parametrize(
    ("text", "reference", "expression", "value"),
    [
        # A month eight months back in this year is nearer in the next: the coming one.
        ("The dividend is payable Jan. 2 to holders of record.", date(2024, 11, 2), "Jan. 2", "2025-01-02"),
        ("The mill was bought in November, the owners said.", date(2024, 1, 20), "November", "2023-11"),
        # A month a few weeks away keeps the year of the reference.
        ("The mill was bought in March, the owners said.", date(2024, 5, 20), "March", "2024-03"),
        ("Sales for the full year rose by a tenth.", PUBLISHED, "the full year", "2024"),
        ("Revenue was flat for the year ended March 31.", PUBLISHED, "the year", "P1Y"),
        (
            "The canal was to be finished by the year two thousand.",
            PUBLISHED,
            "the year two thousand",
            "2000",
        ),
    ],
)
def test_nearest_month_and_the_year(text: str, reference: date, expression: str, value: str) -> None:
    assert values(text, reference).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The market will shut on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28"),
        ("Sales fell sharply last Thanksgiving.", "last Thanksgiving", "2023-11-23"),
        ("Pilgrims gathered at Easter, 2019.", "Easter, 2019", "2019-04-21"),
        ("Profit in this year's third quarter doubled.", "this year's third quarter", "2024-Q3"),
        ("Margins improved from last year's quarter.", "last year's quarter", "2023-Q3"),
        ("The mine has run for two decades.", "two decades", "P20Y"),
        ("Output should grow over the next three quarters.", "the next three quarters", "P9M"),
        ("The ovation lasted a minute and a half.", "a minute and a half", "PT1M30S"),
    ],
)
def test_feasts_year_relative_quarters_and_scaled_durations(text: str, expression: str, value: str) -> None:
    assert values(text).get(expression) == value


def test_rates_are_not_durations_and_year_end_is_the_last_day() -> None:
    found = values("The plan saves $500 million a year and adds 700 seats a week.")
    assert "a year" not in found and "a week" not in found
    assert values("The lease ran for a year.")["a year"] == "P1Y"
    assert values("Debt should fall by year-end, the bank said.")["year-end"] == "2024-12-31"
    assert values("Prices may ease in the near term.")["the near term"] == "FUTURE_REF"


def test_told_dates_anchor_the_following_year_and_later_that_day() -> None:
    text = (
        "The plant opened in 1996 and closed the following year. On March 3, 2001, a fire broke out; "
        "later that day the roof fell, and the next morning crews returned. Repairs began three days later."
    )
    found = values(text)
    assert found["the following year"] == "1997"
    assert found["later that day"] == "2001-03-03"
    assert found["the next morning"] == "2001-03-04TMO"
    assert found["three days"] == "P3D"
    # Without a told date the reference anchors them.
    assert values("Talks resumed the following week.")["the following week"] == "2024-W44"


def test_a_named_year_period_is_its_reported_quarter() -> None:
    assert values("Net rose from the 2023 period.")["the 2023 period"] == "2023-Q3"
    assert values("Net rose from the 2023 period.", None)["the 2023 period"] == "2023-QX"


def test_the_quarter_is_the_one_the_story_named() -> None:
    text = "Net rose in the fiscal first quarter. In the quarter, sales grew, against the 2023 period."
    found = values(text)
    assert found["the fiscal first quarter"] == "2024-Q1"
    assert found["the quarter"] == "2024-Q1"
    assert found["the 2023 period"] == "2023-Q1"
    assert values("In the quarter, sales grew.")["the quarter"] == "2024-Q3"


@pytest.mark.parametrize(
    ("text", "reference", "expression", "value"),
    [
        # A future tense keeps a month late in the year in this year, however far away it is.
        ("Captain Ola Reyes will command a flight in December.", date(2024, 3, 4), "December", "2024-12"),
        # Irregular past forms carry the tense too: an August told in February is last August.
        ("The index rose to its record on Aug. 6.", date(2024, 2, 6), "Aug. 6", "2023-08-06"),
        ("The bridge fell on Aug. 6.", date(2024, 2, 6), "Aug. 6", "2023-08-06"),
        # A clock time takes the day named after a time-zone aside, and the day stays its own.
        ("The blast came at 10:35 a.m. (0735 GMT) Friday.", PUBLISHED, "10:35 a.m.", "2024-10-18T10:35"),
        ("The blast came at 10:35 a.m. (0735 GMT) Friday.", PUBLISHED, "Friday", "2024-10-18"),
        # A date fronted before a past-tense clause stays in the past however far back it is;
        # "vs." ends no sentence. Elsewhere a far month is the nearest one, whatever the tense.
        ("In January, after the Lee vs. Park ruling, a fire killed two.", PUBLISHED, "January", "2024-01"),
        ("The dividend is payable Jan. 2, the board said.", date(2024, 11, 2), "Jan. 2", "2025-01-02"),
        # "the spring" is a season; wire copy's ``quotes'' end sentences for the tense window.
        ("In the spring, prices fell.", PUBLISHED, "In the spring", "2024-SP"),
        (
            "``It held,'' he said. ``Output will slide in the spring.''",
            date(2024, 2, 6),
            "in the spring",
            "2024-SP",
        ),
        (
            "The summit is due in the second half of next year.",
            PUBLISHED,
            "the second half of next year",
            "2025-H2",
        ),
        (
            "Output fell in the fourth quarter of last year.",
            PUBLISHED,
            "the fourth quarter of last year",
            "2023-Q4",
        ),
        ("The plant opened in 2019 and grew three years later.", PUBLISHED, "three years later", "2022"),
        # "the Fed", "a bit" and the won are no past-tense verbs.
        ("The Fed will meet again, a bit later, on Friday.", PUBLISHED, "Friday", "2024-10-25"),
        # Broadcast transcripts spell days and years out.
        (
            "The vote is this coming Sunday, March eighth.",
            date(1998, 3, 5),
            "Sunday, March eighth",
            "1998-03-08",
        ),
        (
            "It rained on the twenty-first of June.",
            date(1998, 7, 5),
            "the twenty-first of June",
            "1998-06-21",
        ),
        (
            "Prices peaked in the winter of nineteen ninety-four.",
            date(1998, 3, 5),
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        (
            "January nineteen ninety-seven. A second blast hit the clinic.",
            date(1998, 2, 27),
            "January nineteen ninety-seven",
            "1997-01",
        ),
        (
            "The offer expires at 5 p.m. EST, Nov. 6.",
            date(1989, 11, 1),
            "5 p.m. EST, Nov. 6",
            "1989-11-06T17:00",
        ),
        # "would" in reported speech points ahead; "from" alone points nowhere.
        ("The minister said the team would travel on Thursday.", PUBLISHED, "Thursday", "2024-10-24"),
        ("Tickets go on sale from August 6.", date(2024, 2, 13), "August 6", "2024-08-06"),
        # "this coming Sunday" is the next Sunday, not the Sunday of next week.
        ("The vote is this coming Sunday.", PUBLISHED, "this coming Sunday", "2024-10-27"),
        ("The shop reopened this past Friday.", PUBLISHED, "this past Friday", "2024-10-18"),
        ("The fair opens each July.", PUBLISHED, "each July", "XXXX-07"),
        ("Shares have fallen 8% since year-end.", PUBLISHED, "year-end", "2023-12-31"),
        ("The merger should close by year-end.", PUBLISHED, "year-end", "2024-12-31"),
        ("Sales slowed in the last half of 2019.", PUBLISHED, "the last half of 2019", "2019-H2"),
        (
            "Prices may ease in the first two quarters of 2025.",
            PUBLISHED,
            "the first two quarters of 2025",
            "2025-H1",
        ),
        (
            "Net for the year-earlier nine months was $3 million.",
            PUBLISHED,
            "the year-earlier nine months",
            "P9M",
        ),
        ("Polls close early on Election Day.", date(2024, 10, 1), "Election Day", "2024-11-05"),
        ("The board kept the then-current chairman.", PUBLISHED, "then-current", "PAST_REF"),
        ("Hearings are set for the week of March 6.", date(2000, 2, 24), "the week of March 6", "2000-W10"),
        ("The summit will be held on April 24 and 25.", date(2024, 2, 1), "25", "2024-04-25"),
        # "a year earlier" in results for a named quarter is that quarter, a year before.
        (
            "Acme earned $5 million in the fiscal-first quarter ended Sept. 30, against $4 million a year "
            "earlier.",
            PUBLISHED,
            "a year earlier",
            "2023-Q1",
        ),
        (
            "Acme lost $2 million in the third quarter. For the quarter a year ago, it earned $1 million.",
            PUBLISHED,
            "the quarter a year ago",
            "2023-Q3",
        ),
    ],
)
def test_tense_and_day_rules(text: str, reference: date, expression: str, value: str) -> None:
    assert values(text, reference).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Mr. Vance, 52 years old, joined the board.", "52 years"),
        ("Critics called it a second betrayal.", "a second"),
        ("A second group of directors resigned.", "A second"),
        ("Crowds joined the March for Peace downtown.", "March"),
        ("Shares may fall in value.", "fall"),
        ("In March the third round of talks began.", "March the third"),
        ("New firms spring from the crisis.", "spring"),
        ("For the town, high noon comes today.", "noon"),
        ("The quarter-to-quarter comparison was flattering.", "The quarter"),
    ],
)
def test_ages_and_ordinals_are_no_durations(text: str, expression: str) -> None:
    assert expression not in values(text)


def test_a_second_after_for_is_still_a_duration() -> None:
    assert values("The screen went dark for a second.").get("a second") == "PT1S"
