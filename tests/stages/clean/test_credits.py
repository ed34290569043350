"""Credits a page prints around its story: a dateline from two bureaus, a credit line under the story,
and an "Issued on" line that dates the page without being its subtitle."""

from __future__ import annotations

from sitroom.stages.clean.outlet import closing_credit, find_wire
from sitroom.stages.clean.text import clean_text
from sitroom.stages.clean.textmeta import find_dateline, is_date_line

PAGE = """\
HARBOUR 9
Live
World
Africa

Ferry strike closes Lake Tana crossings as union talks stall

Issued on: 14/03/2025 - 09:12 Modified: 14/03/2025 - 17:40

Text by: HARBOUR 9

Ferry crews on Lake Tana stopped work on Friday, stranding about 3,000 passengers on both shores,
the regional transport bureau said, after talks over unpaid wages broke down late on Thursday.

The bureau's head, Selam Tadesse, said two boats would keep running for patients and schoolchildren.
The union said its members had not been paid since January and would stay out until they were.

Traders in Bahir Dar said the price of fish had doubled since the crossings closed.

(HARBOUR 9 with AFP)

Share
Read more on related topics:
"""


def test_a_dateline_from_two_bureaus_is_one_dateline_with_its_wire() -> None:
    lead = "DUBAI/LONDON, Jan 12 (Reuters) - The group said it had fired two missiles"
    assert find_dateline(lead) == "DUBAI/LONDON (Jan 12)"
    assert find_wire("the last paragraph.", lead) == "Reuters"


def test_a_credit_line_under_the_story_names_its_wire_and_the_house() -> None:
    assert closing_credit("(HARBOUR 9 with AFP)") == ("HARBOUR 9", "AFP")
    assert closing_credit("(With Reuters)") == (None, "Reuters")
    assert closing_credit("(AFP)") == (None, "AFP")
    # a story's end mark, a picture label and a reporting credit name no wire
    for line in ("(END)", "(Photo)", "(Reporting by Ada Berg)", "Share"):
        assert closing_credit(line) == (None, None)
    extraction = clean_text(PAGE)
    assert extraction.body.endswith("had doubled since the crossings closed.")
    assert (extraction.wire, extraction.outlet) == ("AFP", "HARBOUR 9")


def test_an_issued_on_line_dates_the_page_and_is_no_subtitle() -> None:
    # (a line about the page: the title ranker read one as a subtitle under a France 24-style headline)
    assert is_date_line("Issued on: 14/03/2025 - 09:12 Modified: 14/03/2025 - 17:40")
    extraction = clean_text(PAGE)
    assert extraction.title == "Ferry strike closes Lake Tana crossings as union talks stall"
    assert extraction.subtitle is None
    assert extraction.published == "2025-03-14"


def test_a_dateline_with_its_day_and_wire_needs_no_dash() -> None:
    assert find_dateline("Taipei, Oct. 15 (CNA) Taiwan's ministry said on Tuesday") == "Taipei (Oct. 15)"
    assert find_wire("", "Taipei, Oct. 15 (CNA) Taiwan's ministry said on Tuesday") == "CNA"
    # a name in brackets with no day is still no dateline
    assert find_dateline("UN (United Nations) Chief said on Tuesday") is None


def test_a_line_opening_with_a_quoted_lower_case_word_carries_on_the_sentence() -> None:
    from sitroom.stages.clean.blocks import split_units

    text = 'The minister told reporters that the army would respond\n"calmly and rationally" to the drills.'
    assert [u.text for u in split_units(text)] == [
        'The minister told reporters that the army would respond "calmly and rationally" to the drills.'
    ]
    # a quotation that opens a sentence of its own stays apart
    assert len(split_units('Prices rose again on Monday\n"We cannot go on," one trader said.')) == 2


def test_a_sites_tagline_over_the_headline_is_not_the_headline() -> None:
    page = (
        "Skip to main content\nHarbour Wire\nTrusted news and data for shipping professionals\n\n"
        "Port of Kelda closes two berths after crane collapse, operator says\n\n"
        "By Ada Berg\n\nMarch 3, 2025 9:12 AM GMT\n\n"
        "KELDA, March 3 (Harbour Wire) - The operator of the port of Kelda closed two container berths on"
        " Monday after a crane collapsed onto a moored ship, injuring two dock workers, the company said.\n\n"
        "The crane, one of six at the terminal, was being inspected when its boom gave way, a spokesman"
        " for the operator said, adding that the cause was not yet known.\n"
    )
    extraction = clean_text(page)
    assert extraction.title == "Port of Kelda closes two berths after crane collapse, operator says"


def test_a_day_first_dateline_with_the_wire_and_a_point_dash() -> None:
    lead = "LIMA, 18 mar (EFE).- The government declared a state of emergency in two provinces on Monday."
    assert find_dateline(lead) == "LIMA (18 mar)"
    assert find_wire("", lead) == "EFE"
    # a name in brackets that opens no dateline names no wire
    assert find_wire("", "UN (United Nations) Chief said the talks would go on.") is None
