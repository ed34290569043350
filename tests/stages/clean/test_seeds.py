"""The five seed articles: clean bodies, titles, datelines and the one explicit date (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.model import Hints
from sitroom.stages.clean.extraction import Extraction
from sitroom.stages.clean.text import clean_text

# seed prefix -> (body start, body end, title, dateline, words that must not survive)
EXPECTED = {
    "000": (
        "VLADIVOSTOK, Russia -- Reports that Russia",
        "according to Russia's Tass news agency.",
        "Russia on high alert for possible clash in North Korea",
        "VLADIVOSTOK, Russia",
        ("Sponsored", "free article", "subscription", "Icon", "Unlimited", "NAR on print"),
    ),
    "001": (
        "Washington: North Korea has deployed",
        "military engagement with Russia.",
        "North Korea Sends Troops to Russia, Raising Concerns Over Potential Combat Role in Ukraine",
        "Washington",
        ("spot_img", "Get in Touch", "Latest Posts"),
    ),
    "002": (
        "The Kremlin says it will not comment",
        "had expressed its support for it.",
        "Kremlin: No Comment On Reported Military Movements Near North Korea",
        None,
        ("Accessibility links", "Breaking News", "16x9", "undesirable organization", "click here"),
    ),
    "003": (
        "SEOUL – The continued build-up",
        "in a series of articles last week.",
        "Russia speaks out against foreign military presence in Korea",
        "SEOUL",
        ("Recommended for You", "Ebola", "balloon launch", "2014", "Join the discussion", "About the Author"),
    ),
    "004": (
        "North Korea has remained silent",
        "trash balloon campaign. (Yonhap)",
        "N. Korea keeps mum on its troop deployment to Russia",
        None,
        ("share button", "font-size", "Top 10 Stories", "CLOSE", "go top", "Settings"),
    ),
}


def _clean(seeds_dir: Path, prefix: str) -> Extraction:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return clean_text(path.read_text(encoding="utf-8"), Hints())


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_body_title_and_dateline(seeds_dir: Path, prefix: str) -> None:
    start, end, title, dateline, junk = EXPECTED[prefix]
    result = _clean(seeds_dir, prefix)
    assert result.rejected is None
    assert result.body.startswith(start)
    assert result.body.endswith(end)
    assert result.title == title
    assert result.dateline == dateline
    assert result.language == "en"
    for word in junk:
        assert word not in result.body, word


def test_only_seed_003_has_a_publication_date_and_it_is_not_a_teaser_date(seeds_dir: Path) -> None:
    dated = {prefix: _clean(seeds_dir, prefix) for prefix in EXPECTED}
    assert (dated["003"].published, dated["003"].published_basis) == ("2013-05-30", "text")
    assert all(result.published is None for prefix, result in dated.items() if prefix != "003")


def test_seed_captions_kept_apart_and_wire_credit_kept(seeds_dir: Path) -> None:
    korea = _clean(seeds_dir, "004")
    assert korea.wire == "Yonhap"
    assert len(korea.captions) == 1 and korea.captions[0].startswith("This handout from South Korea")
    assert "This handout" not in korea.body
    kremlin = _clean(seeds_dir, "002")
    assert kremlin.captions == ("A Tor-M2U surface-to-air missile system",)
    assert "Tor-M2U surface-to-air missile system\n" not in kremlin.body


def test_teasers_and_promos_printed_twice_are_not_captions(seeds_dir: Path) -> None:
    # "Recommended for You" teasers print their title twice (alt text, link) after the story, and a
    # paywall repeats its pitch: neither is the caption of one of the story's pictures.
    assert _clean(seeds_dir, "003").captions == ()
    assert _clean(seeds_dir, "000").captions == ()


def test_seed_subtitles(seeds_dir: Path) -> None:
    assert _clean(seeds_dir, "000").subtitle == (
        "Troops reportedly moving to border in likely attempt to block refugees"
    )
    assert (_clean(seeds_dir, "003").subtitle or "").startswith('"Pumping the region')


def test_seed_outlets_from_the_wire_credit_or_the_pages_own_furniture(seeds_dir: Path) -> None:
    # "(Yonhap)" closes the story; the paywall names Nikkei's publication ("Your full access to the
    # Nikkei Asian Review has expired") and RFE/RL's about box its own ("RFE/RL journalists report ...").
    outlets = {prefix: _clean(seeds_dir, prefix).outlet for prefix in EXPECTED}
    expected = {"000": "Nikkei Asian Review", "001": None, "002": "RFE/RL", "003": None, "004": "Yonhap"}
    assert outlets == expected
