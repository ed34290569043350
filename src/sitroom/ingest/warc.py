"""WARC crawls (plain or gzipped) to RawArticles: HTML responses only, URL from the record.

A small streaming reader on the standard library: WARC records are a header block and a
Content-Length body, and gzip's multi-member streams are handled by `gzip.open`. A
truncated file yields what was read and then one problem record.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sitroom.ingest.decode import DecodeError, decode
from sitroom.ingest.readers import MAX_DOCUMENT_BYTES, _problem, make_raw
from sitroom.model import Hints, RawArticle


class WarcFormatError(ValueError):
    pass


def read_warc(path: Path) -> Iterator[RawArticle]:
    source = str(path)
    count = 0
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as stream:
            for headers, payload in _records(stream):  # type: ignore[arg-type]
                if headers.get("warc-type") != "response":
                    continue
                article = _response(source, headers, payload)
                if article is not None:
                    count += 1
                    yield article
    except (OSError, EOFError, WarcFormatError, gzip.BadGzipFile) as exc:
        yield _problem(f"{source}@{count}", f"WARC truncated or corrupt after {count} records ({exc})")
        return
    if count == 0:
        yield _problem(source, "WARC holds no HTML responses")


def _records(stream: BinaryIO) -> Iterator[tuple[dict[str, str], bytes]]:
    while True:
        line = stream.readline()
        while line in (b"\r\n", b"\n"):
            line = stream.readline()
        if not line:
            return
        if not line.startswith(b"WARC/"):
            raise WarcFormatError("record does not start with a WARC version line")
        headers = _header_block(stream)
        try:
            length = int(headers.get("content-length", ""))
        except ValueError as exc:
            raise WarcFormatError("record without a valid Content-Length") from exc
        payload = stream.read(length)
        if len(payload) < length:
            raise WarcFormatError("record cut short")
        yield headers, payload


def _header_block(stream: BinaryIO) -> dict[str, str]:
    headers: dict[str, str] = {}
    while True:
        line = stream.readline()
        if not line:
            raise WarcFormatError("file ends inside a header block")
        if line in (b"\r\n", b"\n"):
            return headers
        key, _, value = line.decode("utf-8", "replace").partition(":")
        headers[key.strip().lower()] = value.strip()


def _response(source: str, headers: dict[str, str], payload: bytes) -> RawArticle | None:
    url = headers.get("warc-target-uri")
    head, _, body = payload.partition(b"\r\n\r\n")
    if not body and b"\n\n" in payload:
        head, _, body = payload.partition(b"\n\n")
    http = head.decode("latin-1").lower()
    if "content-type:" in http and "html" not in http.split("content-type:", 1)[1].split("\n", 1)[0]:
        return None
    name = f"{source}#{url}" if url else source
    try:
        text = decode(body[:MAX_DOCUMENT_BYTES])
    except DecodeError as exc:
        return _problem(name, str(exc))
    return make_raw(name, "html", text, Hints(url=url, retrieved=headers.get("warc-date")))
