"""Every read of the store. The report, the exports, the CLI and the corpus steps ask here."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitroom.model import Article, Token
from sitroom.model.corpus import (
    Claim,
    Discrepancy,
    Duplicate,
    Mention,
    MergedEntity,
    StatementGroup,
    StatementReport,
    Story,
)
from sitroom.store.codec import ARTICLE_COLUMNS, FIELDS, JSON_COLUMNS, KINDS, from_dict


def processed_ids(conn: Any, fingerprint: str) -> set[str]:
    """Ids already stored by a pipeline with this fingerprint: a re-run skips them."""
    rows = conn.execute("SELECT id FROM articles WHERE fingerprint = ?", [fingerprint]).fetchall()
    return {row[0] for row in rows}


def iter_articles(conn: Any, include_rejected: bool = True) -> Iterator[Article]:
    """Stored articles with their annotations, in a stable order (by source)."""
    where = "" if include_rejected else "WHERE rejected IS NULL"
    rows = conn.execute(
        f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles {where} ORDER BY source, id"
    ).fetchall()
    annotations = _annotations_by_article(conn)
    tokens = dict(conn.execute("SELECT article_id, data FROM tokens").fetchall())
    for row in rows:
        values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
        for column in JSON_COLUMNS:
            values[column] = tuple(json.loads(values[column] or "[]"))
        values.update(annotations.get(values["id"], {}))
        if values["id"] in tokens:
            values["tokens"] = tuple(Token(*row) for row in json.loads(tokens[values["id"]]))
        yield Article(**values)


def _annotations_by_article(conn: Any) -> dict[str, dict[str, tuple[Any, ...]]]:
    grouped: dict[str, dict[str, list[Any]]] = {}
    rows = conn.execute(
        'SELECT article_id, kind, data FROM annotations ORDER BY article_id, kind, "start", "end"'
    )
    for article_id, kind, data in rows.fetchall():
        record = from_dict(KINDS[kind], json.loads(data))
        grouped.setdefault(article_id, {}).setdefault(FIELDS[kind], []).append(record)
    return {aid: {f: tuple(v) for f, v in fields.items()} for aid, fields in grouped.items()}


@dataclass(frozen=True)
class StoreSummary:
    articles: int
    accepted: int
    rejected_by_reason: dict[str, int]
    counts: dict[str, int]  # annotation kind -> number
    stories: int
    discrepancies: int
    duplicates: int
    entities: int
    statement_groups: int


def summary(conn: Any) -> StoreSummary:
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    reasons: Counter[str] = Counter()
    for (reason,) in conn.execute("SELECT rejected FROM articles WHERE rejected IS NOT NULL").fetchall():
        reasons[reason_key(reason)] += 1
    counts = dict(conn.execute("SELECT kind, count(*) FROM annotations GROUP BY kind").fetchall())
    return StoreSummary(
        articles=total,
        accepted=total - sum(reasons.values()),
        rejected_by_reason=dict(reasons.most_common()),
        counts={kind: counts.get(kind, 0) for kind in KINDS},
        stories=conn.execute("SELECT count(*) FROM stories").fetchone()[0],
        discrepancies=conn.execute("SELECT count(*) FROM discrepancies").fetchone()[0],
        duplicates=conn.execute("SELECT count(*) FROM duplicates").fetchone()[0],
        entities=conn.execute("SELECT count(*) FROM entities").fetchone()[0],
        statement_groups=conn.execute("SELECT count(*) FROM statement_groups").fetchone()[0],
    )


def reason_key(reason: str) -> str:
    """The reason's category: the text before its first colon ('not_article: index page' -> 'not_article')."""
    return reason.split(":", 1)[0].strip() or reason


def duplicates(conn: Any) -> list[Duplicate]:
    rows = conn.execute("SELECT article_id, duplicate_of, similarity FROM duplicates ORDER BY article_id")
    return [Duplicate(*row) for row in rows.fetchall()]


def stories(conn: Any) -> list[Story]:
    rows = conn.execute('SELECT id, title, article_ids, "start", "end" FROM stories ORDER BY "start", id')
    return [Story(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4]) for r in rows.fetchall()]


def discrepancies(conn: Any) -> list[Discrepancy]:
    rows = conn.execute(
        "SELECT id, story_id, subject, kind, claims, status FROM discrepancies ORDER BY story_id, subject"
    )
    return [
        Discrepancy(r[0], r[1], r[2], r[3], tuple(from_dict(Claim, c) for c in json.loads(r[4])), r[5])
        for r in rows.fetchall()
    ]


def merged_entities(conn: Any) -> list[MergedEntity]:
    rows = conn.execute("SELECT id, name, kind, aliases, mentions, article_ids FROM entities ORDER BY id")
    return [
        MergedEntity(
            r[0],
            r[1],
            r[2],
            tuple(json.loads(r[3])),
            tuple(from_dict(Mention, m) for m in json.loads(r[4])),
            tuple(json.loads(r[5])),
        )
        for r in rows.fetchall()
    ]


def statement_groups(conn: Any) -> list[StatementGroup]:
    rows = conn.execute(
        "SELECT id, speaker, stance, reports, independent_sources FROM statement_groups ORDER BY id"
    )
    return [
        StatementGroup(r[0], r[1], r[2], tuple(from_dict(StatementReport, x) for x in json.loads(r[3])), r[4])
        for r in rows.fetchall()
    ]
