"""The vectorised text helpers of the plain-text cleaner agree with the regexes they replace."""

from __future__ import annotations

import re

import numpy as np

from sitroom.stages.clean import chars
from sitroom.stages.clean.block_features import FEATURES, _PageText, _sentence_ends, unit_matrix
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.boilerplate import normalise, normalise_all
from sitroom.stages.clean.text import _head_above_dateline, _keep_last_paragraph

# Invented lines mixing scripts, digits, typographic spaces and punctuation, and one astral character.
LINES = [
    "Ström & Söhne — 3 500 km, über 12\u00a0Brücken!",
    "\u201cQuoted,\u201d she said. Then: (nothing)?  Yes…",
    "ÀÉÎ ØÞ Ā Ž Ё Ω и ω snake_case 42nd",
    "Emoji \U0001d400\U0001d401 bold maths and \U0001f600 face.",
    "tabs\tand\u2003em\u3000spaces",
    "",
]


def test_character_classes_match_the_regexes() -> None:
    text = "\n".join(LINES)
    bits = chars.classes(chars.codes(text))
    for bit, pattern in (
        (chars.WORD, r"\w"), (chars.DIGIT, r"\d"), (chars.UPPER, f"[{chars.UPPERCASE}]"),
        (chars.WHITESPACE, r"\s"), (chars.PUNCT, r"[.,;:!?]"),
    ):
        expected = [re.match(pattern, ch) is not None for ch in text]
        assert ((bits & bit) > 0).tolist() == expected, pattern
    assert ((bits & chars.LOWER) > 0).tolist() == [ch.islower() for ch in text]


def test_squeezed_spaces_and_batch_keys_match_the_one_by_one_versions() -> None:
    text = "\n".join(LINES)
    assert chars.squeeze_spaces(text) == re.sub(r"[ \t\u00a0\u2000-\u200b\u3000]+", " ", text)
    assert normalise_all(LINES) == [normalise(line) for line in LINES]
    assert normalise_all([]) == []


def test_sentence_ends_match_the_regex() -> None:
    units = split_units("\n\n".join(line for line in LINES if line))
    page = _PageText(units)
    expected = [m.start() for m in re.finditer(r"[.!?][\"'”’)]*(?:\s|$)", page.text)]
    assert _sentence_ends(page).tolist() == expected
    words = np.expm1(unit_matrix(units)[:, FEATURES.index("log_words")]).round()
    assert words.tolist() == [len(re.findall(r"\w+", unit.text.lower())) for unit in units]


def test_unpunctuated_lines_above_a_dateline_are_the_head() -> None:
    units = split_units(
        "Harbour to close quay\n\nPilings have rotted, survey finds\n\n"
        "OSLO -- The harbour authority said on Tuesday that it would close the northern quay.\n\n"
        "Engineers will start work next month, the authority said in a statement."
    )
    keep = np.array([True, True, True, True])
    assert _head_above_dateline(units, keep).tolist() == [False, False, True, True]
    # a first kept unit that ends a sentence is body, dateline or not
    units[0] = units[0]._replace(text="The quay will close.")
    assert _head_above_dateline(units, keep).tolist() == [True, True, True, True]


def test_a_prose_paragraph_right_after_the_body_is_its_last_one() -> None:
    units = split_units(
        "The council met on Monday and agreed to rebuild the quay before the summer season begins.\n\n"
        "Work is due to finish in June, and the ferries will use the southern pier until then, "
        "the harbour master said after the meeting in the town hall. (Nordwire)\n\nShare\n\nClose"
    )
    matrix = unit_matrix(units)
    keep = np.array([True, False, False, False])
    scores = np.array([0.9, 0.25, 0.1, 0.1])
    assert _keep_last_paragraph(units, scores, keep, matrix).tolist() == [True, True, False, False]
    low = np.array([0.9, 0.1, 0.1, 0.1])  # too little evidence: left out
    assert _keep_last_paragraph(units, low, keep, matrix).tolist() == [True, False, False, False]
