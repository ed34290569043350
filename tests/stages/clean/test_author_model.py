"""The byline ranker: the author of scraped text printed without a "By ..." line."""

from __future__ import annotations

import pytest

from sitroom.model import Hints
from sitroom.stages.clean.author_model import candidates, name_of
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.text import clean_text

from .guide_page import BODY


def _page(head: str) -> str:
    return "\n\n".join(
        [
            "Skip to main content",
            "Home\nGuides\nTools\nShop\nContact",
            "How to Start a Raised Vegetable Bed This Spring",
            head,
            *BODY,
            "Related Guides",
            "Ten Herbs That Grow Well on a Windowsill",
        ]
    )


def test_a_name_over_a_date_line_is_the_byline_without_by() -> None:
    result = clean_text(_page("Picture of Ada Berg\nAda Berg\n  • March 3, 2024\n  • 5 min read"), Hints())
    assert result.byline == "Ada Berg"
    assert "Ada Berg" not in result.body


def test_a_date_then_by_names_the_author() -> None:
    assert clean_text(_page("March 3, 2024 by Ada Berg"), Hints()).byline == "Ada Berg"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ada Berg Ada Berg", "Ada Berg"),
        ("Ada BergAda Berg", "Ada Berg"),
        ("By Ada BergPublished: Jan 29, 2025", "Ada Berg"),
        ("ByAda Berg HARBOUR GAZETTE logo", "Ada Berg"),
        ("By Ada Berg on January 21, 2023", "Ada Berg"),
        ("Ada Berg in Gardening", "Ada Berg"),
        ("Ada Berg December 9, 2024 0 Comments", "Ada Berg"),
        ("Author: Ada Berg", "Ada Berg"),
        ("by Ada Berg—10 min read", "Ada Berg"),
        ("Byline profile imageWritten by Ada Berg, MD", "Ada Berg"),
        ("Shelby Lund, DVM", "Shelby Lund"),  # no "by" inside "Shelby"
        ("By Shelby Lund, DVM. Reviewed by Bo Lind, DVM", "Shelby Lund"),
        ("AdaBy AdaJanuary 4, 2026Updated:January 8, 20262 Comments", "Ada"),
        ("Ada3/4/2025", "Ada"),
        ("May 18, 2023 By Ada Berg In", "Ada Berg"),
        ("Harbourline- 2025/4/29", "Harbourline"),
        ("ADA BERG", "ADA BERG"),  # all capitals: no outlet name to cut from the tail
        ("Dec. 19, 2025 · Ada Berg on behalf of the harbour team", "Ada Berg"),
        ("Avatar photo by Ada Berg August 25, 2025August 29, 2025", "Ada Berg"),
        ("On January 12, 2025January 22, 2025 By Ada BergIn Budget Travel, Budget Travel Guides, Travel Tips",
         "Ada Berg"),
        ("Posted on December 20, 2025 by Ada Berg - 5 Comments on Do you need fourteen USB ports on your "
         "harbour radio?", "Ada Berg"),
        ("The ferry line is planning for growth beyond the two islands and the mainland coast in the spring. "
         "By Ada Berg on Dec. 19, 2025", "Ada Berg"),
    ],
)
def test_the_name_part_of_a_byline_line(line: str, name: str) -> None:
    found = name_of(line)
    assert found is not None and found[0] == name


def test_prose_is_no_name() -> None:
    assert name_of("the harbour authority said on Tuesday that it would close the quay") is None


@pytest.mark.parametrize(
    "line",
    ["October 8, 2024 Photo of Harbourline", "Mar 27, 2025 5 mins", "Reviewed by Bo Lind, DVM",
     "Medically reviewed by Dr. Bo Lind", "Photo by Ada Berg", "Powered by Harbourline",
     "Dec 5, 2024 · 3 min read",
     "The harbour study, which was led by Professor Ada Berg of the island college, found that the "
     "ferry wake is eroding the dunes on both shores faster than the council had thought"],
)
def test_dates_and_credits_name_no_author(line: str) -> None:
    assert name_of(line) is None


def test_names_after_the_body_end_are_candidates() -> None:
    units = split_units("\n\n".join(["Title of the Story Here", *BODY * 4, "Share", "Ada Berg", "Footer"]))
    found = candidates(units, 0, 1, end=4 * len(BODY))
    assert "Ada Berg" in [c.name for c in found]
    assert "Ada Berg" not in [c.name for c in candidates(units, 0, 1)]  # too far below the headline
