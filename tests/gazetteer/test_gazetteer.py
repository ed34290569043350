"""The gazetteer: name keys, a tiny build read back, rebuild when stale, and the packaged content."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.gazetteer import Gazetteer, build_gazetteer, ensure_built, gazetteer_path, name_key
from sitroom.gazetteer import lookup as lookup_module
from sitroom.gazetteer.sources import SourcePlace


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ensure_built(gazetteer_path(Settings())))


def _tiny() -> list[SourcePlace]:
    return [
        SourcePlace("Zarnovia", "country", "country", "ZRN", None, 10.0, 20.0, 5_000_000, 1,
                    aliases=["Republic of Zarnovia"], adjectives=["Zarnovian"]),
        SourcePlace("Port Elmwick", "city", "city", "ZRN", None, 10.5, 20.5, 80_000, 2),
        SourcePlace("Port Elmwick", "city", "city", "QQQ", None, -30.0, 60.0, 900, 3),
    ]


def test_name_key_folds_case_accents_dots_dashes_and_article() -> None:
    assert name_key("The U.S.") == "us"
    assert name_key("São Tomé") == "sao tome"
    assert name_key("Punggye-ri") == name_key("punggye ri")
    assert name_key("Côte d’Ivoire") == "cote d'ivoire"


def test_tiny_build_reads_back_names_aliases_and_adjectives(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", places=_tiny())
    gaz = Gazetteer(path)
    found = gaz.lookup("port elmwick")
    assert [c.country for c in found] == ["ZRN", "QQQ"]  # biggest first
    alias = gaz.lookup("the Republic of Zarnovia")
    assert alias[0].name == "Zarnovia" and not alias[0].main
    assert gaz.adjective("Zarnovian")[0].country == "ZRN"
    assert gaz.lookup("Atlantis") == ()


def test_ensure_built_rebuilds_a_stale_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.sqlite"
    calls: list[Path] = []

    def fake_build(target: Path, quiet: bool = True) -> Path:
        calls.append(target)
        return build_gazetteer(target, places=_tiny())

    monkeypatch.setattr(lookup_module, "build_gazetteer", fake_build)
    ensure_built(path)
    ensure_built(path)
    assert len(calls) == 1
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    ensure_built(path)
    assert len(calls) == 2


def test_packaged_gazetteer_has_curated_sites_regions_and_countries(gazetteer: Gazetteer) -> None:
    site = gazetteer.lookup("Punggye-ri")[0]
    assert (site.kind, site.country) == ("site", "PRK")
    assert gazetteer.lookup("the Russian Far East")[0].country == "RUS"
    assert gazetteer.lookup("Korean Peninsula")[0].kind == "region"
    assert gazetteer.lookup("Vandenberg Air Force Base")[0].kind == "site"
    assert gazetteer.lookup("Strait of Hormuz")[0].kind == "water"
    assert gazetteer.adjective("North Korean")[0].country == "PRK"
    usa = gazetteer.lookup("U.S.")[0]
    assert (usa.kind, usa.country) == ("country", "USA")


def test_packaged_gazetteer_has_towns_with_admin_regions(gazetteer: Gazetteer) -> None:
    vladivostok = gazetteer.lookup("Vladivostok")[0]
    assert vladivostok.country == "RUS" and abs(vladivostok.lat - 43.1) < 0.2
    texas = [c for c in gazetteer.lookup("Paris") if c.country == "USA" and c.admin1 == "Texas"]
    assert texas and texas[0].kind == "city"
    assert any(c.kind == "region" for c in gazetteer.lookup("Rapides Parish"))


def test_build_command_writes_where_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitroom.gazetteer import __main__ as command

    def tiny_build(target: Path, quiet: bool = True) -> Path:
        return build_gazetteer(target, places=_tiny())

    monkeypatch.setattr(command, "build_gazetteer", tiny_build)
    assert command.main(["build", "--out", str(tmp_path / "out.sqlite")]) == 0
    assert Gazetteer(tmp_path / "out.sqlite").lookup("Zarnovia")[0].kind == "country"
