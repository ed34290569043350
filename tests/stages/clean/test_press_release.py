"""Press releases as scraped text: stock lines, reference numbers, a dated dateline, Unicode line breaks."""

from __future__ import annotations

from sitroom.config import Settings
from sitroom.model import RawArticle
from sitroom.stages.clean import Cleaner
from sitroom.stages.clean.blocks import split_units, unify_line_breaks
from sitroom.stages.clean.outlet import find_wire
from sitroom.stages.clean.textmeta import dateline_date, find_dateline

LEAD = (
    "VELMORA, Norland (March 4, 2019) — A coast guard patrol detained two suspected smugglers and "
    "seized a tanker carrying 40 tonnes of untaxed diesel off the Velmora coast yesterday, the Norland "
    "Coast Guard said."
)
REST = [
    "The patrol stopped the vessel about 12 nautical miles offshore after it failed to answer radio calls. "
    "Both men were handed to the police in Velmora for questioning, and the fuel was pumped ashore.",
    "The coast guard said smuggling of fuel across the bay had doubled since the autumn, when the price gap "
    "between Norland and its neighbour widened sharply.",
]
HEAD = ["Harbour Guard Seizes Smuggled Fuel Off Velmora Coast", "2019-03-PR-014", "For Immediate Release",
        "Download PDF"]  # fmt: skip


def _clean(text: str):  # type: ignore[no-untyped-def]
    return Cleaner(Settings())(RawArticle(id="pr", source="test", kind="text", content=text))


def test_datelines_that_carry_their_date() -> None:
    assert find_dateline(LEAD) == "VELMORA, Norland (March 4, 2019)"
    assert dateline_date(LEAD) == "2019-03-04"
    short = "VELMORA, Norland (Sept. 4) - A patrol detained two men."
    assert find_dateline(short) == "VELMORA, Norland (Sept. 4)"
    assert dateline_date(short) is None  # no year: the date stage works out which
    assert find_wire("", short) is None  # a date in brackets is no wire credit
    own_line = "VELMORA, Norland (March 4)\nA patrol detained two men."
    assert find_dateline(own_line) == "VELMORA, Norland (March 4)"
    assert find_dateline("Breaking News") is None
    assert find_dateline("UN (United Nations) Secretary General Ana Rossi said") is None  # no dash, no date


def test_unicode_line_separators_break_lines_and_paragraphs() -> None:
    assert unify_line_breaks("a\u2028b\u2029c\r\nd\u0085e") == "a\nb\n\nc\nd\ne"
    units = split_units("First line of a block\u2028second line\u2028\u2028A new block here")
    assert [unit.block for unit in units][-1] > units[0].block


def test_a_press_release_scraped_with_line_separators() -> None:
    text = "\u2028".join([*HEAD, "", LEAD, "", *REST])
    article = _clean(text)
    assert article.rejected is None
    assert article.title == HEAD[0]
    assert article.body.startswith("VELMORA, Norland (March 4, 2019) — A coast guard patrol")
    assert article.dateline == "VELMORA, Norland (March 4, 2019)"
    assert (article.published, article.published_basis) == ("2019-03-04", "text")


def test_stock_lines_are_neither_title_nor_body() -> None:
    text = "\n\n".join([HEAD[1], "For Immediate Release", LEAD.split(" — ", 1)[1], *REST])
    article = _clean(text)
    assert article.title != HEAD[1]
    assert not article.body.startswith("For Immediate Release")
    assert article.body.startswith("A coast guard patrol detained")


def test_a_title_with_a_number_is_still_a_title() -> None:
    text = "\n\n".join(["2024 Regatta", LEAD, *REST])
    assert _clean(text).title == "2024 Regatta"


def test_a_dateline_on_its_own_line_is_never_the_headline() -> None:
    lead = LEAD.replace("VELMORA, Norland (March 4, 2019) — ", "")
    text = "\u2028".join(["Norland Coast Guard - Press Office", "2019-03-PR-014", "For Immediate Release", "",
                          "VELMORA, Norland (March 4, 2019)", lead, *REST])  # fmt: skip
    article = _clean(text)
    assert article.title not in ("VELMORA, Norland (March 4, 2019)", "For Immediate Release")
    assert article.dateline == "VELMORA, Norland (March 4, 2019)"
    assert article.body.startswith("VELMORA, Norland (March 4, 2019)")


def test_a_dateline_without_its_year_takes_the_release_numbers() -> None:
    lead = LEAD.replace("(March 4, 2019)", "(March 4)")
    article = _clean("\n".join([*HEAD, "", lead, "", *REST]))
    assert article.dateline == "VELMORA, Norland (March 4)"
    assert (article.published, article.published_basis) == ("2019-03-04", "text")


def test_a_release_number_from_another_season_or_none_leaves_the_year_open() -> None:
    lead = LEAD.replace("(March 4, 2019)", "(March 4)")
    autumn = _clean("\n".join([HEAD[0], "2019-10-PR-014", *HEAD[2:], "", lead, "", *REST]))
    assert autumn.published is None
    unnumbered = _clean("\n".join([HEAD[0], *HEAD[2:], "", lead, "", *REST]))
    assert unnumbered.published is None


def test_a_january_release_numbered_in_december() -> None:
    lead = LEAD.replace("(March 4, 2019)", "(Jan. 2)")
    article = _clean("\n".join([HEAD[0], "2018-12-PR-311", *HEAD[2:], "", lead, "", *REST]))
    assert article.published == "2019-01-02"
