"""The outlet named by a copyright footer is the brand, not the company that holds the copyright."""

from __future__ import annotations

from sitroom.stages.clean.outlet import brand_name, find_outlet


def test_copyright_holder_loses_its_legal_form() -> None:
    footer = ["© 2025 The Ashford Courier Company. All rights reserved."]
    assert find_outlet(footer) == "The Ashford Courier"
    assert find_outlet(["Copyright 2024 Lakeside Herald Ltd."]) == "Lakeside Herald"


def test_business_word_goes_only_when_the_page_uses_the_short_name() -> None:
    holder = "Kestrel Media Ltd."
    used = ["Sign up to Kestrel Weekly", "© 2025 Kestrel Media Ltd."]
    assert brand_name(holder, used) == "Kestrel"
    alone = ["© 2025 Kestrel Media Ltd.", "Kestrel Media is independent."]
    assert brand_name(holder, alone) == "Kestrel Media"


def test_a_place_prefix_is_never_taken_for_the_brand() -> None:
    page = ["News from Port Elwood and beyond", "© 2025 Port Elwood Times Company"]
    assert brand_name("Port Elwood Times Company", page) == "Port Elwood Times"
