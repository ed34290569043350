"""Read side of the gazetteer: candidates for a name, places for an adjective, built on first use."""

from __future__ import annotations

import sqlite3
import sys
import threading
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.config import Settings
from sitroom.errors import ResourceError
from sitroom.gazetteer.build import GAZETTEER_VERSION, build_gazetteer
from sitroom.gazetteer.names import name_key

_COLUMNS = "p.id, p.name, p.kind, p.level, p.country, p.admin1, p.lat, p.lon, p.population, p.geonames_id"


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    name: str
    kind: str
    level: int  # 0 country, 1 macro region, 2 admin1, 3 admin2, 4 city, 5 site or water
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    main: bool = True  # the name matched is the place's own name, not an alternate


def gazetteer_path(settings: Settings) -> Path:
    return settings.built_dir / "gazetteer.sqlite"


def ensure_built(path: Path) -> Path:
    """Build the gazetteer if it is missing or stale; an exclusive file lock keeps workers from racing."""
    if _current(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.with_suffix(".lock")):
        if not _current(path):  # another worker may have built it while we waited
            print(f"sitroom: building the gazetteer at {path} (once, about a minute)", file=sys.stderr)
            build_gazetteer(path)
    return path


def _current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == GAZETTEER_VERSION


class _locked:
    """fcntl lock where available; elsewhere the atomic rename in the builder is the only guard."""

    def __init__(self, lock_path: Path) -> None:
        self.lock_path = lock_path
        self.handle: object = None

    def __enter__(self) -> None:
        handle = self.lock_path.open("a")
        self.handle = handle
        with suppress(ImportError):
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        self.handle.close()  # type: ignore[attr-defined]  # closing releases the lock


class Gazetteer:
    """A read-only connection per thread; lookups by name key are cached."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ResourceError(f"gazetteer not found at {path}: run `python -m sitroom.gazetteer build`")
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every place called `name` (any spelling the gazetteer knows), biggest first."""
        key = name_key(name)
        if key not in self._cache:
            rows = self._db().execute(
                f"SELECT {_COLUMNS}, n.main FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.key = ? ORDER BY p.population DESC LIMIT 200",
                (key,),
            ).fetchall()
            self._cache[key] = tuple(_candidate(row[:10], main=bool(row[10])) for row in rows)
        return self._cache[key]

    def adjective(self, word: str) -> tuple[Candidate, ...]:
        """The place an adjectival form or demonym refers to ('Russian' -> Russia)."""
        key = "adj:" + name_key(word)
        if key not in self._cache:
            rows = self._db().execute(
                f"SELECT {_COLUMNS} FROM adjectives a JOIN places p ON p.id = a.place WHERE a.key = ?",
                (name_key(word),),
            ).fetchall()
            self._cache[key] = tuple(_candidate(row, main=True) for row in rows)
        return self._cache[key]

    def has_name(self, name: str) -> bool:
        return bool(self.lookup(name))


def _candidate(row: tuple[Any, ...], main: bool) -> Candidate:
    place_id, name, kind, level, country, admin1, lat, lon, population, geonames_id = row
    return Candidate(place_id, name, kind, level, country, admin1, lat, lon, population, geonames_id, main)


class LazyGazetteer:
    """The gazetteer at `path`, opened on first use and built first if missing (once per machine, under a
    file lock); the stages that read places share this, whichever of them asks first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._gazetteer: Gazetteer | None = None
        self._lock = threading.Lock()

    def get(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = Gazetteer(ensure_built(self.path))
        return self._gazetteer
