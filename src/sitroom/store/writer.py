"""The single writer: the driver hands it finished records; it writes each batch in one transaction.

Writes are idempotent: an article's rows are deleted and re-inserted under its content-hash
id, so a re-run or a resumed run never duplicates anything, and a killed run loses at most
the batch it was writing (DuckDB rolls the open transaction back).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

from sitroom.model import Article
from sitroom.model.corpus import CorpusRecords, Discrepancy, MergedEntity, StatementGroup, Story
from sitroom.model.ids import annotation_id
from sitroom.store.codec import ARTICLE_COLUMNS, FIELDS, JSON_COLUMNS, to_dict

_ROWS_PER_STATEMENT = 400


class StoreWriter:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def write_articles(self, articles: Sequence[Article], fingerprint: str) -> None:
        if not articles:
            return
        ids = [a.id for a in articles]
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            marks = ",".join("?" * len(ids))
            self.conn.execute(f"DELETE FROM annotations WHERE article_id IN ({marks})", ids)
            self.conn.execute(f"DELETE FROM tokens WHERE article_id IN ({marks})", ids)
            self.conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)
            rows = [_article_row(a, fingerprint, now) for a in articles]
            self._insert("articles", len(ARTICLE_COLUMNS) + 2, rows, _ARTICLE_NAMES)
            self._insert("annotations", 6, [row for a in articles for row in _annotation_rows(a)])
            self._insert("tokens", 2, [(a.id, _tokens_json(a)) for a in articles if a.tokens])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def replace_corpus(self, view: CorpusRecords) -> None:
        """Corpus steps are recomputed from all stored articles; their tables are replaced whole."""
        rows = {
            "duplicates": [(d.article_id, d.duplicate_of, d.similarity) for d in view.duplicates],
            "stories": [_story_row(s) for s in view.stories],
            "discrepancies": [_discrepancy_row(d) for d in view.discrepancies],
            "entities": [_entity_row(e) for e in view.entities],
            "statement_groups": [_group_row(g) for g in view.statement_groups],
        }
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for table, table_rows in rows.items():
                self.conn.execute(f"DELETE FROM {table}")
                if table_rows:
                    self._insert(table, len(table_rows[0]), table_rows)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _insert(self, table: str, width: int, rows: list[tuple[Any, ...]], names: str = "") -> None:
        # Multi-row VALUES statements: far faster in DuckDB than executemany.
        for chunk in _chunks(rows, _ROWS_PER_STATEMENT):
            values = ",".join(["(" + ",".join("?" * width) + ")"] * len(chunk))
            flat = [v for row in chunk for v in row]
            self.conn.execute(f"INSERT INTO {table} {names} VALUES {values}", flat)


# Articles are inserted by column name: a migrated store has its newer columns at the end.
_ARTICLE_NAMES = "(" + ", ".join([*ARTICLE_COLUMNS, "fingerprint", "processed_at"]) + ")"


def _chunks(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _article_row(article: Article, fingerprint: str, now: datetime) -> tuple[Any, ...]:
    values = [getattr(article, column) for column in ARTICLE_COLUMNS]
    for i, column in enumerate(ARTICLE_COLUMNS):
        if column in JSON_COLUMNS:
            values[i] = json.dumps(list(values[i]), ensure_ascii=False)
    return (*values, fingerprint, now)


def _annotation_rows(article: Article) -> Iterator[tuple[Any, ...]]:
    for kind, field in FIELDS.items():
        for record in getattr(article, field):
            data = json.dumps(to_dict(record), ensure_ascii=False)
            yield (annotation_id(article.id, kind, record), article.id, kind, record.start, record.end, data)


def _story_row(story: Story) -> tuple[Any, ...]:
    return (story.id, story.title, json.dumps(list(story.article_ids)), story.start, story.end)


def _discrepancy_row(item: Discrepancy) -> tuple[Any, ...]:
    claims = json.dumps([to_dict(c) for c in item.claims], ensure_ascii=False)
    return (item.id, item.story_id, item.subject, item.kind, claims, item.status)


def _json_list(items: Any) -> str:
    return json.dumps([to_dict(i) if not isinstance(i, str) else i for i in items], ensure_ascii=False)


def _entity_row(entity: MergedEntity) -> tuple[Any, ...]:
    return (
        entity.id,
        entity.name,
        entity.kind,
        _json_list(entity.aliases),
        _json_list(entity.mentions),
        _json_list(entity.article_ids),
    )


def _group_row(group: StatementGroup) -> tuple[Any, ...]:
    return (group.id, group.speaker, group.stance, _json_list(group.reports), group.independent_sources)


def _tokens_json(article: Article) -> str:
    rows = [[t.start, t.end, t.pos, t.tag, t.dep, t.head, t.lemma, t.space] for t in article.tokens]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
