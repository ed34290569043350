"""Exports of the v1 records: JSONL (the reference), CSV, Parquet (through DuckDB) and GeoJSON."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError
from sitroom.publish.records import FILES, Corpus

FORMATS = ("jsonl", "csv", "parquet", "geojson")

# DuckDB column types for Parquet; nested values travel as JSON.
_PARQUET_TYPES = {
    "articles": {"captions": "VARCHAR[]"},
    "statements": {
        "direct": "BOOLEAN",
        "via": "VARCHAR[]",
        "hedges": "VARCHAR[]",
        "start": "INTEGER",
        "end": "INTEGER",
    },
    "events": {
        "source_actor": "JSON",
        "target_actor": "JSON",
        "location": "JSON",
        "date": "JSON",
        "quantities": "JSON",
        "start": "INTEGER",
        "end": "INTEGER",
    },
    "places": {"lat": "DOUBLE", "lon": "DOUBLE", "start": "INTEGER", "end": "INTEGER"},
    "stories": {"article_ids": "VARCHAR[]"},
    "discrepancies": {"claims": "JSON"},
    "entities": {"aliases": "VARCHAR[]", "mentions": "JSON", "article_ids": "VARCHAR[]"},
    "statement_groups": {"reports": "JSON", "independent_sources": "INTEGER"},
    "distances": {
        "stated_km": "DOUBLE",
        "computed_km": "DOUBLE",
        "checked": "BOOLEAN",
        "flagged": "BOOLEAN",
        "start": "INTEGER",
        "end": "INTEGER",
        "origin_start": "INTEGER",
        "origin_end": "INTEGER",
        "target_start": "INTEGER",
        "target_end": "INTEGER",
    },
}


def export(corpus: Corpus, out_dir: Path, fmt: str) -> list[Path]:
    """Write one format's files into out_dir; returns the paths written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format '{fmt}' (expected one of {', '.join(FORMATS)})")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "geojson":
        return [write_geojson(corpus, out_dir / "places.geojson")]
    written = []
    for name in FILES:
        records = list(corpus.records(name))
        if fmt == "jsonl":
            written.append(write_jsonl(records, out_dir / f"{name}.jsonl"))
        elif fmt == "csv":
            written.append(write_csv(records, out_dir / f"{name}.csv"))
        else:
            written.append(write_parquet(name, records, out_dir / f"{name}.parquet"))
    return written


def _atomic(path: Path) -> Path:
    """Write beside the target and rename, so a reader never sees half a file."""
    return path.with_name(f".{path.name}.tmp{os.getpid()}")


def write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> Path:
    tmp = _atomic(path)
    with tmp.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def write_csv(records: list[dict[str, Any]], path: Path) -> Path:
    tmp = _atomic(path)
    columns = list(records[0]) if records else []
    with tmp.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for record in records:
            writer.writerow([_cell(record[c]) for c in columns])
    tmp.replace(path)
    return path


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_parquet(name: str, records: list[dict[str, Any]], path: Path) -> Path:
    import duckdb

    jsonl = write_jsonl(records, path.with_name(f".{name}.parquet-input.jsonl"))
    try:
        conn = duckdb.connect()
        if records:
            types = {c: _PARQUET_TYPES[name].get(c, "VARCHAR") for c in records[0]}
            source = f"read_json(?, format='newline_delimited', columns={_struct(types)})"
            conn.execute(
                f"COPY (SELECT * FROM {source}) TO '{_sql_path(path)}' (FORMAT parquet)", [str(jsonl)]
            )
        else:
            conn.execute("CREATE TABLE empty_export (id VARCHAR)")
            conn.execute(f"COPY empty_export TO '{_sql_path(path)}' (FORMAT parquet)")
        conn.close()
    finally:
        jsonl.unlink(missing_ok=True)
    return path


def _struct(types: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in types.items()) + "}"


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def write_geojson(corpus: Corpus, path: Path) -> Path:
    """Places and located events as Point features (lon, lat order, as GeoJSON wants)."""
    features = []
    for record in corpus.records("places"):
        if record["lat"] is not None and record["lon"] is not None:
            features.append(_feature(record["lon"], record["lat"], {"record": "place", **record}))
    for record in corpus.records("events"):
        loc = record["location"]
        if loc and loc["lat"] is not None and loc["lon"] is not None:
            props = {k: v for k, v in record.items() if k != "location"}
            features.append(
                _feature(loc["lon"], loc["lat"], {"record": "event", "place": loc["name"], **props})
            )
    tmp = _atomic(path)
    tmp.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
    tmp.replace(path)
    return path


def _feature(lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
