from pathlib import Path

import duckdb
import pytest

from sitroom.corpus import CorpusView
from sitroom.errors import StoreError
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
from sitroom.store import queries
from sitroom.store.connection import open_store
from sitroom.store.writer import StoreWriter
from tests.factories import article


def test_round_trip_keeps_every_record(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    original = article("a1")
    StoreWriter(conn).write_articles([original], "fp1")
    (loaded,) = queries.iter_articles(conn)
    assert loaded == original


def test_a_version_1_store_is_upgraded_in_place_and_keeps_its_articles(tmp_path: Path):
    from importlib import resources

    path = tmp_path / "v1.duckdb"
    schema = resources.files("sitroom.store").joinpath("schema.sql").read_text()
    conn = duckdb.connect(str(path))
    conn.execute(schema.replace("retrieved VARCHAR, ", ""))  # the articles table as version 1 made it
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute(
        "INSERT INTO articles (id, source, body, captions, problems) VALUES ('old', 's', 'B.', '[]', '[]')"
    )
    conn.close()
    with pytest.raises(StoreError, match="schema version 1: `sitroom run` once upgrades it"):
        open_store(path, read_only=True)
    conn = open_store(path)
    fetched = article("new", retrieved="2024-03-02T10:00:00Z")
    StoreWriter(conn).write_articles([fetched], "fp1")
    loaded = {a.id: a for a in queries.iter_articles(conn)}
    assert loaded["old"].body == "B." and loaded["old"].retrieved is None and loaded["new"] == fetched
    conn.close()
    assert open_store(path, read_only=True).execute("SELECT value FROM meta").fetchone() == ("2",)


def test_tokens_with_their_parse_round_trip(tmp_path: Path):
    from sitroom.model import Token

    conn = open_store(tmp_path / "s.duckdb")
    tokens = (
        Token(0, 7, "PROPN", "NNP", "nsubj", 1, "KHARKIV", True),
        Token(8, 9, "PUNCT", ",", "punct", 1, ",", False),
    )
    original = article("a1", tokens=tokens)
    StoreWriter(conn).write_articles([original], "fp1")
    (loaded,) = queries.iter_articles(conn)
    assert loaded.tokens == tokens


def test_writing_twice_adds_nothing(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(conn)
    batch = [article("a1"), article("a2")]
    writer.write_articles(batch, "fp1")
    before = queries.summary(conn)
    writer.write_articles(batch, "fp1")
    assert queries.summary(conn) == before
    per_article = sum(
        len(getattr(batch[0], f))
        for f in ("sentences", "entities", "statements", "places", "timexes", "quantities", "events")
    )
    assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 2 * per_article


def test_new_pipeline_version_replaces_rows(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(conn)
    writer.write_articles([article("a1")], "old")
    assert queries.processed_ids(conn, "old") == {"a1"}
    writer.write_articles([article("a1", statements=())], "new")
    assert queries.processed_ids(conn, "old") == set()
    assert queries.processed_ids(conn, "new") == {"a1"}
    assert queries.summary(conn).counts["statement"] == 0


def test_failed_batch_rolls_back_and_keeps_earlier_work(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(conn)
    writer.write_articles([article("a1")], "fp")
    broken = article("a2", captions=(object(),))  # not JSON-serialisable: the insert fails midway
    with pytest.raises(TypeError):
        writer.write_articles([broken], "fp")
    assert [a.id for a in queries.iter_articles(conn)] == ["a1"]


def test_rejected_reasons_are_counted_by_category(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    rejected = [
        article(f"r{i}", body="", rejected=reason)
        for i, reason in enumerate(["empty file", "not_article: index page", "not_article: error page"])
    ]
    StoreWriter(conn).write_articles([article("a1"), *rejected], "fp")
    summary = queries.summary(conn)
    assert summary.accepted == 1
    assert summary.rejected_by_reason == {"not_article": 2, "empty file": 1}


def test_corpus_tables_are_replaced_whole(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(conn)
    claim = Claim(2000.0, "a1", "q1", "Daily", "2024-10-18", "2,000 troops")
    other = Claim(3500.0, "a2", "q2", "Herald", "2024-10-19", "3,500 troops")
    story = Story("s1", "Troops", ("a1", "a2"), "2024-10-18", "2024-10-19")
    discrepancy = Discrepancy("d1", "s1", "troops (deployed)", "figure", (claim, other), "open")
    entity = MergedEntity(
        "e1", "Oleh Marchenko", "person", ("Marchenko",), (Mention("a1", 5, 19, "Oleh Marchenko"),), ("a1",)
    )
    group = StatementGroup(
        "g1",
        "Oleh Marchenko",
        "deny",
        (StatementReport("a1", 1, 9, "Daily", ()), StatementReport("a2", 3, 7, "Herald", ("Tass",))),
        2,
    )
    writer.replace_corpus(CorpusView([Duplicate("a3", "a1", 0.9)], [story], [discrepancy], [entity], [group]))
    assert queries.merged_entities(conn) == [entity] and queries.statement_groups(conn) == [group]
    writer.replace_corpus(CorpusView([], [story], [], [], []))
    assert queries.duplicates(conn) == [] and queries.discrepancies(conn) == []
    assert queries.merged_entities(conn) == [] and queries.statement_groups(conn) == []
    assert queries.stories(conn) == [story]


def test_foreign_and_locked_files_are_named_errors(tmp_path: Path):
    foreign = tmp_path / "notes.duckdb"
    foreign.write_text("this is not a database")
    with pytest.raises(StoreError, match="not a sitroom store"):
        open_store(foreign)
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "absent.duckdb", read_only=True)
    old = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(old))
    conn.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    conn.close()
    with pytest.raises(StoreError, match="schema version 0"):
        open_store(old)


def test_a_store_held_by_another_process_is_reported(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); "
            "time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(path)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
