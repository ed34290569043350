"""Publication-date inference on invented undated articles (issue 5)."""

from __future__ import annotations

from datetime import date

from sitroom.stages.timex import find
from sitroom.stages.timex.infer import Inference, infer_published
from sitroom.stages.timex.officials import load_terms

TODAY = date(2026, 1, 15)


def infer(text: str) -> Inference | None:
    return infer_published(text, find(text), load_terms(), latest=TODAY)


def test_a_weekday_date_pair_alone_leaves_several_years() -> None:
    # Oct. 18 was a Friday in 2002, 2013, 2019 and 2024.
    text = "A cargo ship ran aground on Friday, Oct. 18, the port authority said. Later Monday, divers came."
    assert infer(text) is None


def test_pair_plus_an_explicit_past_year_pins_one_year() -> None:
    text = (
        "The festival, first held in 2020, opened on Friday, Oct. 18, the organisers said. "
        "Later Monday, the last stalls were taken down."
    )
    result = infer(text)
    assert result is not None
    assert result.published == date(2024, 10, 21)
    assert result.confidence >= 0.6


def test_officials_in_office_pin_the_year() -> None:
    text = (
        "Defense Minister Kim Yong-hyun told lawmakers on Oct. 18 that the drills had ended. "
        "He repeated the point on Tuesday."
    )
    result = infer(text)
    assert result is not None
    assert result.published == date(2024, 10, 22)
    assert "Kim Yong-hyun" in result.evidence


def test_a_former_official_says_nothing() -> None:
    text = "Former Defense Minister Kim Yong-hyun spoke on Oct. 18 about the drills."
    assert infer(text) is None


def test_an_ousted_official_or_a_ruler_listed_for_actors_only_dates_nothing() -> None:
    ousted = "Ousted Defense Minister Kim Yong-hyun spoke on Oct. 18 about the drills."
    assert infer(ousted) is None
    ruler = "Libyan leader Muammar Gaddafi said on Sept. 3 that the revolt begun in February 2011 had failed."
    assert infer(ruler) is None  # Gaddafi's term codes actors; its end would pin 2011
    assert any(t.name == "Muammar Gaddafi" and not t.dating for t in load_terms())


def test_overlapping_terms_that_leave_two_years_are_not_enough() -> None:
    text = "Defense Secretary Jim Mattis said on April 21 that the exercise went well."
    assert infer(text) is None  # Mattis served in April 2017 and April 2018


def test_a_dateline_is_taken_as_written() -> None:
    text = "March 3rd, 2011\n\nThe harbour reopened on Wednesday after repairs."
    result = infer(text)
    assert result is not None and result.published == date(2011, 3, 3)
    assert result.confidence >= 0.9


def test_no_evidence_no_date() -> None:
    assert infer("The harbour reopened on Wednesday after repairs, officials said.") is None


def test_the_articles_own_dateline_gives_the_day_and_officials_the_year() -> None:
    text = "Defense Minister Kim Yong-hyun said the drills were over, two days after they began."
    result = infer_published(text, find(text), load_terms(), latest=TODAY, dateline="SEOUL, Oct. 21 (Yonhap)")
    assert result is not None and result.published == date(2024, 10, 21)


def test_a_full_date_in_the_dateline_is_taken_as_written() -> None:
    text = "The harbour reopened after repairs."
    result = infer_published(text, find(text), load_terms(), latest=TODAY, dateline="LISBON, 4 March 2019")
    assert result is not None and result.published == date(2019, 3, 4)


def test_a_published_stamp_inside_the_page_is_the_date() -> None:
    text = "The harbour reopened on Wednesday after repairs.\nPublished: 4 March 2019 | Share this story"
    result = infer(text)
    assert result is not None and result.published == date(2019, 3, 4)


def test_an_old_date_in_a_sentence_is_no_stamp() -> None:
    text = "The memo, dated September 14 2003, described the harbour. It reopened on Wednesday."
    assert infer(text) is None


def test_later_weekday_follows_the_one_told_before() -> None:
    text = (
        "Defense Minister Kim Yong-hyun first spoke of the drills on Oct. 12. "
        "On Friday, the navy said the ships had returned. Later Monday, the minister repeated it."
    )
    result = infer(text)
    assert result is not None and result.published == date(2024, 10, 21)
