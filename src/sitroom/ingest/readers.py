"""Readers: paths (files or folders of .txt, .html, .jsonl, .warc[.gz]) to RawArticles.

A reader never raises on bad input: it yields a RawArticle whose `problem` says what was
wrong, so the run goes on and the rejection is stored and counted like any other.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitroom.ingest.decode import DecodeError, decode
from sitroom.model import Hints, RawArticle
from sitroom.model.ids import content_id

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
_NAMED = (".txt", ".html", ".jsonl", ".warc", ".warc.gz")

# Longer single documents are cut at a line break: no news article is this long, and a
# 200 MB dump must not take the whole machine's memory through spaCy.
MAX_DOCUMENT_BYTES = 4_000_000


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def expand(paths: Iterable[Path]) -> Iterator[Path | RawArticle]:
    """Files to read, in a stable order; a missing or unsupported path becomes a problem record."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and suffix_of(child) in SUPPORTED:
                        yield child
        elif path.is_file():
            if suffix_of(path) in SUPPORTED:
                yield path
            else:
                yield _problem(
                    str(path),
                    f"unsupported file type '{path.suffix}' (expected one of {' '.join(_NAMED)})",
                )
        else:
            yield _problem(str(path), "no such file or directory")


def read_paths(paths: Iterable[Path]) -> Iterator[RawArticle]:
    """Every RawArticle in the given files and folders."""
    for item in expand(paths):
        if isinstance(item, RawArticle):
            yield item
            continue
        suffix = suffix_of(item)
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(item)
        elif suffix in WARC_SUFFIXES:
            from sitroom.ingest.warc import read_warc

            yield from read_warc(item)
        else:
            yield read_document(item, "html" if suffix in HTML_SUFFIXES else "text")


def read_document(path: Path, kind: str) -> RawArticle:
    source = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        return _problem(source, f"cannot read: {exc.strerror or exc}")
    notes: tuple[str, ...] = ()
    if len(data) > MAX_DOCUMENT_BYTES:
        cut = data.rfind(b"\n", 0, MAX_DOCUMENT_BYTES)
        data = data[: cut if cut > 0 else MAX_DOCUMENT_BYTES]
        notes = (f"ingest: file larger than {MAX_DOCUMENT_BYTES:,} bytes, only its start was read",)
    try:
        text = decode(data)
    except DecodeError as exc:
        return _problem(source, str(exc))
    return make_raw(source, kind, text, Hints(), notes)


def make_raw(source: str, kind: str, content: str, hints: Hints, notes: tuple[str, ...] = ()) -> RawArticle:
    content = content.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return RawArticle(
        id=content_id(content, salt=kind), source=source, kind=kind, content=content, hints=hints, notes=notes
    )


def _problem(source: str, reason: str) -> RawArticle:
    return RawArticle(id=content_id("", salt=source), source=source, kind="text", content="", problem=reason)


def read_jsonl(path: Path) -> Iterator[RawArticle]:
    """One article a line: {id?, url?, text? | html?, published?, outlet?, title?, byline?, retrieved?}."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _jsonl_record(f"{path}:{number}", line)


def _jsonl_record(source: str, line: bytes) -> RawArticle:
    try:
        record = json.loads(decode(line))
    except (DecodeError, json.JSONDecodeError):
        return _problem(source, "line is not valid JSON")
    if not isinstance(record, dict):
        return _problem(source, "line is not a JSON object")
    html, text = record.get("html"), record.get("text")
    kind, content = ("html", html) if isinstance(html, str) and html.strip() else ("text", text)
    if not isinstance(content, str) or not content.strip():
        return _problem(source, "record has no 'text' or 'html'")
    ident = record.get("id")
    if ident is not None:
        source = f"{source}#{ident}"
    return make_raw(source, kind, content, _hints(record))


def _hints(record: dict[str, Any]) -> Hints:
    def text(key: str) -> str | None:
        value = record.get(key)
        return value.strip() or None if isinstance(value, str) else None

    return Hints(
        url=text("url"),
        title=text("title"),
        published=text("published") or text("date"),
        outlet=text("outlet") or text("source"),
        byline=text("byline") or text("author"),
        language=text("language"),
        retrieved=text("retrieved") or text("fetched"),
    )
