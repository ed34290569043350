"""Furniture at the edges of an extracted body (stages/clean/html_trim.py)."""

from __future__ import annotations

from sitroom.stages.clean.html_trim import trim_edges

STORY = [
    "The harbour authority said on Tuesday that the new breakwater would be finished before winter.",
    "Engineers told reporters that the last section was being laid at night, away from the ferries.",
]


def test_header_and_footer_lines_are_dropped() -> None:
    head = ["Back to blog", "Written by", "Maren Holt", "October 3, 2024"]
    body = "\n\n".join([*head, *STORY, "Share This", "Tags: harbour, ferries"])
    assert trim_edges(body, "Maren Holt") == "\n\n".join(STORY)


def test_story_lines_that_mention_dates_stay() -> None:
    opening = "On October 3, 2024 the council voted to close the old pier for good."
    body = "\n\n".join([opening, *STORY, "Updated by the harbour office"])
    assert trim_edges(body, None) == "\n\n".join([opening, *STORY])


def test_a_body_of_only_furniture_keeps_its_last_line() -> None:
    assert trim_edges("Share\n\nOctober 3, 2024", None) == "October 3, 2024"
