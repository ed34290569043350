"""UTF-8 read as Windows-1252 upstream is put back; real accents and quotes stay as written."""

from __future__ import annotations

import pytest

from sitroom.model import Hints
from sitroom.stages.clean.html import extract_html
from sitroom.stages.clean.mojibake import repair
from sitroom.stages.clean.text import clean_text


@pytest.mark.parametrize(
    ("scraped", "meant"),
    [
        ("Investorâ€™s Guide", "Investor’s Guide"),
        ("Doctorsâ\x80\x99 Day", "Doctors’ Day"),  # the same bytes read as Latin-1
        ("EspaÃ±ol, FranÃ§ais, Ã©tÃ©", "Español, Français, été"),
        ("for cats.Â\xa0Dogs", "for cats.\xa0Dogs"),
        ("â€œquotedâ€\x9d â€“ and", "“quoted” – and"),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"),
    ],
)
def test_mis_decoded_utf8_is_put_back(scraped: str, meant: str) -> None:
    assert repair(scraped) == meant


@pytest.mark.parametrize("text", ["café à la crème", "naïve façade", "‘K’/‘ß’/‘İ’", "Â is a letter", "plain"])
def test_real_accents_and_quotes_stay(text: str) -> None:
    assert repair(text) == text


def test_both_tracks_repair_before_any_span_is_taken() -> None:
    paragraph = (
        "The harbourâ€™s northern quay will close for three weeks while engineers replace the pilings, "
        "the authority said on Tuesday, and ferries will dock at the southern pier instead of the old one."
    )
    text = "\n\n".join(["Harbourâ€™s quay to close", paragraph, paragraph.replace("three", "four")])
    cleaned = clean_text(text, Hints())
    assert "harbour’s northern quay" in cleaned.body and "â€" not in cleaned.body
    page = f"<html><body><article><h1>Quay</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    assert "â€" not in extract_html(page, Hints()).body
