"""Readers: paths (files or folders of .txt, .html, .jsonl, .warc, each plain or gzipped) to RawArticles.

A reader never raises on bad input: it yields a RawArticle whose `problem` says what was
wrong, so the run goes on and the rejection is stored and counted like any other.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
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
_NAMED = (".txt", ".html", ".jsonl", ".warc")
# What a gzip stream that is damaged or cut short raises while it is read.
_GZIP_ERRORS = (OSError, EOFError, zlib.error)

# Longer single documents are cut at a line break: no news article is this long, and a
# 200 MB dump must not take the whole machine's memory through spaCy.
MAX_DOCUMENT_BYTES = 4_000_000


def suffix_of(path: Path) -> str:
    """The file's kind by its name, gzipped or not: "feed.jsonl.gz" is ".jsonl" (a WARC keeps ".warc.gz",
    which its own reader opens)."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return Path(name.removesuffix(".gz")).suffix if name.endswith(".gz") else path.suffix.lower()


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


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
                    f"unsupported file type '{path.suffix}' (expected one of {' '.join(_NAMED)}, "
                    "plain or gzipped)",
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
        with (gzip.open(path, "rb") if _gzipped(path) else path.open("rb")) as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except _GZIP_ERRORS as exc:
        return _problem(source, _unreadable(exc))
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
    number = 0
    try:
        with gzip.open(path, "rb") if _gzipped(path) else path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _jsonl_record(f"{path}:{number}", line)
    except _GZIP_ERRORS as exc:  # lines read before a damaged or cut-off stretch are kept
        yield _problem(f"{path}:{number + 1}" if number else str(path), _unreadable(exc))


def _unreadable(exc: BaseException) -> str:
    """One line on why a file could not be read: the system's reason, or a damaged gzip stream."""
    if isinstance(exc, EOFError):
        return "gzip stream cut short"
    if isinstance(exc, gzip.BadGzipFile):
        return "not a valid gzip file"
    if isinstance(exc, zlib.error):
        return "damaged gzip stream"
    return f"cannot read: {getattr(exc, 'strerror', None) or exc}"


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
