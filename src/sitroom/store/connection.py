"""Opening the DuckDB store: schema, version check, and named errors for the usual failures."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from sitroom.errors import StoreError

SCHEMA_VERSION = "2"


def open_store(path: Path, read_only: bool = False) -> Any:
    """A DuckDB connection with the schema in place; StoreError when it cannot be used."""
    import duckdb

    if read_only and not path.exists():
        raise StoreError(f"no store at {path}: run `sitroom run PATH --db {path}` first")
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc).splitlines()[0]
        if "could not set lock" in message.lower():
            raise StoreError(f"store {path} is in use by another process; wait for it to finish") from exc
        raise StoreError(f"{path} is not a sitroom store or cannot be opened: {message}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path} is not a sitroom store: {str(exc).splitlines()[0]}") from exc
    if not read_only:
        conn.execute(resources.files("sitroom.store").joinpath("schema.sql").read_text())
    _check_version(conn, path, read_only)
    return conn


# Upgrades from an older schema version, applied in place by a writing connection.
_MIGRATIONS = {"1": "ALTER TABLE articles ADD COLUMN IF NOT EXISTS retrieved VARCHAR"}


def _check_version(conn: Any, path: Path, read_only: bool) -> None:
    import duckdb

    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"{path} is not a sitroom store: {str(exc).splitlines()[0]}") from exc
    if row is None and not read_only:
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    elif row is not None and row[0] in _MIGRATIONS:
        if read_only:
            raise StoreError(f"store {path} has schema version {row[0]}: `sitroom run` once upgrades it")
        conn.execute(_MIGRATIONS[row[0]])
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
    elif row is not None and row[0] != SCHEMA_VERSION:
        raise StoreError(
            f"store {path} has schema version {row[0]}; this sitroom reads version {SCHEMA_VERSION}"
        )
