"""Date-string normalisation shared by the HTML and text cleaners (stages/clean/dates.py)."""

from __future__ import annotations

import pytest

from sitroom.stages.clean.dates import date_from_url, month_from_url, normalise_date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2024-10-08T21:40:00-04:00", "2024-10-08"),  # the printed day, not shifted to UTC
        ("2024/3/9", "2024-03-09"),
        ("20240309", "2024-03-09"),
        ("March 9, 2024", "2024-03-09"),
        ("Sept. 9th 2024", "2024-09-09"),
        ("9 March 2024", "2024-03-09"),
        ("Published: Sat, 09 Mar 2024 10:00:00 GMT", "2024-03-09"),
        ("13/05/2024", "2024-05-13"),  # only day-first can be valid
        ("05/04/2024", "2024-05-04"),  # ambiguous: month first unless told otherwise
        ("1710000000", "2024-03-09"),  # epoch seconds
        ("1710000000000", "2024-03-09"),  # epoch milliseconds
    ],
)
def test_normalise_date(text: str, want: str) -> None:
    assert normalise_date(text) == want


def test_day_first_convention() -> None:
    assert normalise_date("05/04/2024", day_first=True) == "2024-04-05"


@pytest.mark.parametrize("text", ["", None, "yesterday", "2024-02-30", "March 2024", "1066-10-14", "May"])
def test_no_full_valid_date(text: str | None) -> None:
    assert normalise_date(text) is None


def test_dates_in_urls() -> None:
    assert date_from_url("https://news.example/2023/07/04/parade-route") == "2023-07-04"
    assert date_from_url("https://news.example/world/20230704-parade.html") == "2023-07-04"
    assert date_from_url("https://news.example/world/parade-2023") is None
    assert date_from_url("https://news.example/blog/2023/october/03/parade") == "2023-10-03"
    assert date_from_url("https://news.example/2023/parade/03/") is None
    assert month_from_url("https://news.example/2023/07/parade") == "2023-07"
