"""StatementStage on the project's seed articles (read from ../shared at test time): issue 4's cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.model import Article, Statement
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import StatementStage


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    settings = Settings()
    stages = (NlpStage(settings), EntityStage(settings), StatementStage(settings))
    result: dict[str, Article] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        article = Article(id=path.stem, source=str(path), body=path.read_text(encoding="utf-8"))
        for stage in stages:
            article = stage(article)
        result[path.name[:3]] = article
    return result


def by(article: Article, speaker_part: str) -> list[Statement]:
    return [s for s in article.statements if s.speaker_resolved and speaker_part in s.speaker_resolved]


def test_offsets_are_exact(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for statement in article.statements:
            assert article.body[statement.start : statement.end] == statement.text


def test_peskov_refusal_is_decline_in_both_reports(seeds: dict[str, Article]) -> None:
    for key in ("000", "002"):
        statements = by(seeds[key], "Dmitry Peskov")
        assert statements, key
        assert all(s.stance == "decline" for s in statements), [s.stance for s in statements]


def test_zakharova_dismissal_is_deny(seeds: dict[str, Article]) -> None:
    stances = {s.stance for s in by(seeds["001"], "Maria Zakharova")}
    assert "deny" in stances
    assert any(s.speaker_country == "RUS" for s in by(seeds["001"], "Maria Zakharova"))


def test_ryabkov_urging_via_tass_is_demand(seeds: dict[str, Article]) -> None:
    statements = by(seeds["000"], "Sergey Ryabkov")
    assert statements
    assert statements[0].stance == "demand"
    assert statements[0].via == ("Tass",)


def test_reporting_chains_of_agencies(seeds: dict[str, Article]) -> None:
    assert any(s.via == ("Interfax",) for s in by(seeds["003"], "Patrushev"))
    assert any(s.via == ("Yonhap",) for s in by(seeds["001"], "Kirby"))


def test_role_and_anonymous_speakers(seeds: dict[str, Article]) -> None:
    gordeyev = by(seeds["000"], "Alexander Gordeyev")[0]
    assert gordeyev.speaker_role == "spokesman for Russia's Eastern military district"
    assert gordeyev.speaker_org == "Eastern military district"
    anonymous = [s for s in seeds["000"].statements if s.speaker == "a Japanese official"]
    assert anonymous and anonymous[0].speaker_kind == "anonymous"
    assert anonymous[0].speaker_country == "JPN"


def test_surnames_resolve_to_full_names(seeds: dict[str, Article]) -> None:
    surnames = [s for s in seeds["004"].statements if s.speaker == "Jeon"]
    assert surnames and all(s.speaker_resolved == "Jeon Ha-kyou" for s in surnames)
    assert all(s.speaker_resolved == "John Kirby" for s in seeds["001"].statements if s.speaker == "Kirby")
