"""The metadata matching rules of eval/extraction.py: what counts as the same title and author."""

from __future__ import annotations

from eval.extraction import author_matches, date_matches, title_matches


def test_title_match_folds_typesetting_only() -> None:
    assert title_matches("Tides turn… at the quay？", "Tides turn... at the quay?")
    assert title_matches("The harbour’s  new quay", "The harbour's new quay")
    assert not title_matches("The harbour's new quay", "The Harbour's New Quay")
    assert not title_matches("The harbour's new quay | Courier", "The harbour's new quay")


def test_author_match_ignores_credentials_and_job_titles_not_names() -> None:
    assert author_matches("Maren Holt", "Maren Holt, MD")
    assert author_matches("Maren Holt", "Dr. Maren Holt")
    assert author_matches("Maren Holt", "Maren Holt (Content Manager)")
    assert author_matches("By Maren Holt and Tomas Berg", "Maren Holt, Tomas Berg")
    assert not author_matches("Maren Holt", "Maren Holt, Tomas Berg")
    assert not author_matches("Editor", "Staff Writer")  # a role alone is no name
    assert not author_matches(None, "Maren Holt")
    assert author_matches("Maren Holt", "Maren Holt, Ph.D.")  # dots inside a credential
    assert author_matches("Maren Holt", "Maren Holt, MS, RD, FAND")
    assert author_matches("A. J. Holt", "A.J. Holt")


def test_date_match_is_the_same_day() -> None:
    assert date_matches("2024-03-03", "2024-03-03T22:10:00")
    assert not date_matches("2024-03-04", "2024-03-03")
    assert date_matches("2015-11-20", "2015-11")  # the gold knows only the month
    assert not date_matches("2015-12-01", "2015-11")


def test_an_all_role_byline_is_compared_as_it_is() -> None:
    assert author_matches("Community Editor", "Community Editor")
    assert not author_matches("Community Editor", "Travel Editor")
