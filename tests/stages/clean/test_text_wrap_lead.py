"""Hard wraps a two-line paragraph cannot show itself, and a news lead scored down by the head above it."""

from __future__ import annotations

import numpy as np

from sitroom.model import Hints
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.text import _keep_first_paragraph, _score, clean_text

# Wrapped at 92 columns: the three-line paragraph shows the width, the two-line ones cannot.
WRAPPED = """\
The Tern Valley Courier
Subscribe

Floodgates fail at Marrow Lock as river rises, canal authority says

by Ines Varga
March 4, 2025 09:12 AM  3 min read

Two floodgates at Marrow Lock gave way before dawn on March 4, sending water into the lower
town, the Tern Valley Canal Authority reported.

The lock, one of the oldest on the river, was rebuilt in 1988 and holds back about four metres
of water at its upper gate when the river is high, the authority said in a statement.

Residents of 40 homes on Wharf Street were moved to the school hall overnight, and the town's
two bridges were closed to traffic until engineers could inspect them, police said. Mayor
Helga Sorensen thanked volunteers who filled sandbags through the night.

"We asked for new gates three years ago and we were told there was no money," Mayor Helga
Sorensen told reporters at the hall.

Related: Canal authority publishes its repair plan
"""


def test_two_line_paragraph_of_a_wrapped_page_is_one_unit() -> None:
    texts = [unit.text for unit in split_units(WRAPPED)]
    assert (
        '"We asked for new gates three years ago and we were told there was no money," Mayor Helga'
        " Sorensen told reporters at the hall."
    ) in texts


def test_two_line_paragraph_a_column_wider_than_the_others_is_one_unit() -> None:
    # The wrapped paragraphs' longest line is 94 columns; this one's first line is 97, as a wrap at
    # 100 allows: still the page's wrap, not two units.
    page = WRAPPED.replace(
        '"We asked for new gates three years ago and we were told there was no money," Mayor Helga\n'
        "Sorensen told reporters at the hall.",
        "The canal authority said the pumps borrowed from the port would run until the water dropped below\n"
        "Marrow Lock's lower sill, which engineers expect by Friday.",
    )
    texts = [unit.text for unit in split_units(page)]
    assert (
        "The canal authority said the pumps borrowed from the port would run until the water dropped below"
        " Marrow Lock's lower sill, which engineers expect by Friday."
    ) in texts


def test_two_lines_whose_next_word_fit_above_stay_apart() -> None:
    # The headline ends well short of the page's width: the line after it is not its wrap.
    page = WRAPPED.replace(
        "Floodgates fail at Marrow Lock as river rises, canal authority says\n\n",
        "Floodgates fail at Marrow Lock\nRiver rises as canal authority counts the damage\n\n",
    )
    texts = [unit.text for unit in split_units(page)]
    assert "Floodgates fail at Marrow Lock" in texts
    # Without a wrapped paragraph, nothing shows a width: two capitalised lines stay two units.
    unwrapped = "Mayor Helga Sorensen thanked the volunteers who filled sandbags all night long\nBy the desk"
    assert len(split_units(unwrapped)) == 2
    # A caption printed twice fills the width too, but a line repeating the one above is no wrap.
    caption = "Volunteers fill sandbags outside the school hall on Wharf Street in the lower town overnight"
    twice = WRAPPED.replace("Related:", f"{caption}\n{caption}\n\nRelated:")
    assert [unit.text for unit in split_units(twice)].count(caption) == 2


def test_attributed_lead_under_the_byline_and_date_opens_the_body() -> None:
    result = clean_text(WRAPPED, Hints())
    assert result.body.startswith("Two floodgates at Marrow Lock gave way before dawn on March 4")
    assert result.body.endswith("told reporters at the hall.")
    assert result.title == "Floodgates fail at Marrow Lock as river rises, canal authority says"
    assert result.byline == "Ines Varga"


def test_unattributed_caption_above_the_body_does_not_join_it() -> None:
    units = split_units(WRAPPED)
    page = _score(units, "en", None, None)
    lead = next(i for i, unit in enumerate(units) if unit.text.startswith("Two floodgates"))
    keep = np.zeros(len(units), dtype=bool)
    keep[lead + 1 : lead + 3] = True
    scores = np.full(len(units), 0.4)
    assert _keep_first_paragraph(units, scores, keep, page.matrix)[lead]
    caption = units[lead]._replace(text="Sandbags along the lower gate of Marrow Lock in the morning.")
    swapped = [*units[:lead], caption, *units[lead + 1 :]]
    assert not _keep_first_paragraph(swapped, scores, keep, page.matrix)[lead]


def test_two_line_paragraphs_left_open_show_the_width_that_joins_a_capitalised_wrap() -> None:
    # no paragraph of three lines or more starts a line in lower case; the two-line ones that end on
    # 'by' or 'for' still show the page is wrapped, so the lead's 'Tarn,' line is its wrap
    page = (
        "KELDA, Norland (Wire) — Armed men attacked a farming village in central Norland early on Thursday\n"
        "Tarn, killing at least 12 people, including four children, the regional governor said on\n"
        "Friday.\n\n"
        "The attack on the village of Brenna began before dawn and was claimed hours later by\n"
        "Ostmark Brigade, according to a statement posted online by the group's leaders.\n\n"
        "Relief agencies said about 900 people had fled to the district town, where a school serves for\n"
        "Red Cross teams as a shelter and clinic.\n"
    )
    texts = [unit.text for unit in split_units(page)]
    assert texts[0].startswith("KELDA, Norland (Wire) —") and texts[0].endswith("said on Friday.")
