"""Stable ids: content hashes, so re-running on the same input yields the same ids."""

from __future__ import annotations

import hashlib


def content_id(content: str, salt: str = "") -> str:
    """Id of an input document: a hash of its decoded text (salted with the source when empty)."""
    digest = hashlib.blake2b((salt + "\x00" + content).encode("utf-8", "surrogatepass"), digest_size=8)
    return "a" + digest.hexdigest()


def record_id(article_id: str, kind: str, start: int, end: int, extra: str = "") -> str:
    """Id of a record inside an article: its article, its kind and its span."""
    key = f"{article_id}|{kind}|{start}|{end}|{extra}"
    return kind[0] + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def corpus_id(kind: str, members: list[str]) -> str:
    """Id of a cross-article record (story, discrepancy) from its sorted member ids."""
    key = kind + "|" + "|".join(sorted(members))
    return kind[0] + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def annotation_id(article_id: str, kind: str, record: object) -> str:
    """Id of a stored annotation: its span plus its type or label (two events may share a sentence), or
    for a statement its speaker's start ("Tiraspol and Moscow deny ...": two speakers, one span)."""
    extra = getattr(record, "type", None) or getattr(record, "label", None) or ""
    if kind == "statement":
        extra = str(getattr(record, "speaker_start", None))
    return record_id(article_id, kind, record.start, record.end, str(extra))  # type: ignore[attr-defined]
