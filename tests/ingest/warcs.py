"""Write small WARC files for tests (the reader is ours, so the writer is independent of it)."""

from __future__ import annotations

import gzip
from pathlib import Path


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    """Write (url, html) pages as WARC response records, each gzip member on its own when .gz."""
    chunks = []
    for url, html in pages:
        body = html.encode("utf-8")
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        ).encode()
        chunks.append(head + http + b"\r\n\r\n")
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(chunk) for chunk in chunks))
    else:
        path.write_bytes(b"".join(chunks))
