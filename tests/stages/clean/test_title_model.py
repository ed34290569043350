"""The headline ranker: the title of a guide-style page is not the section label nearest the body."""

from __future__ import annotations

import numpy as np

from sitroom.model import Hints
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.text import _language, _score, clean_text
from sitroom.stages.clean.title_model import TITLE_FEATURES, candidates, load_title_model, title_features

from .guide_page import BODY

GUIDE = "\n\n".join(
    [
        "Skip to main content",
        "Home\nGuides\nTools\nShop\nContact",
        "Gardening Guides",
        "How to Start a Raised Vegetable Bed This Spring",
        "By Ada Berg",
        "Updated March 3, 2024",
        "Table of Contents\n  • Choosing a spot\n  • Building the frame\n  • Filling and planting",
        "Choosing a spot",
        *BODY,
        "Related Guides",
        "Ten Herbs That Grow Well on a Windowsill",
        "© 2024 Green Patch Media",
    ]
)


def test_the_headline_beats_the_section_heading_nearest_the_body() -> None:
    result = clean_text(GUIDE, Hints())
    assert result.title == "How to Start a Raised Vegetable Bed This Spring"
    assert result.byline == "Ada Berg"


def test_the_url_slug_names_the_headline() -> None:
    url = "https://example.org/guides/how-to-start-a-raised-vegetable-bed"
    assert clean_text(GUIDE, Hints(url=url)).title == "How to Start a Raised Vegetable Bed This Spring"


def test_candidates_skip_sentences_but_not_initialisms() -> None:
    text = "\n\n".join(["The Hottest Housing Markets in the U.S.", "Prices rose again this spring.", *BODY])
    units = split_units(text)
    page = _score(units, _language(units), None, None)
    texts = [units[int(i)].text for i in candidates(units, page.matrix, page.keep)]
    assert "The Hottest Housing Markets in the U.S." in texts
    assert "Prices rose again this spring." not in texts


def test_one_feature_row_per_candidate_and_a_probability_each() -> None:
    units = split_units(GUIDE)
    page = _score(units, _language(units), None, None)
    chosen = candidates(units, page.matrix, page.keep)
    rows = title_features(units, page.matrix, page.scores, page.keep, None, chosen)
    assert rows.shape == (len(chosen), len(TITLE_FEATURES))
    probability = load_title_model().probability(rows)
    assert np.all((probability >= 0) & (probability <= 1))


def test_the_date_under_a_headline_far_above_the_body_is_the_publication_date() -> None:
    topics = "\n".join(("Browse topics", *(f"Topic {n}" for n in range(1, 21))))  # a long menu
    page = GUIDE.replace("Updated March 3, 2024", f"March 3, 2024\n\n{topics}")
    result = clean_text(page, Hints())
    assert result.title == "How to Start a Raised Vegetable Bed This Spring"
    assert result.published == "2024-03-03"


def test_a_long_byline_line_still_dates_the_article() -> None:
    line = "By Ada Berg | March 3, 2024 | Raised Beds, Vegetables, Spring Jobs, Allotments | 12 comments"
    page = GUIDE.replace("By Ada Berg\n\nUpdated March 3, 2024", line)
    assert clean_text(page, Hints()).published == "2024-03-03"
