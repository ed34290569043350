import csv
import json
from pathlib import Path

import duckdb
import jsonschema
import pytest

from sitroom.corpus import analyse
from sitroom.publish.exports import export
from sitroom.publish.records import FILES, Corpus
from sitroom.publish.report import md_escape, readable_day, write_report
from sitroom.store.connection import open_store
from sitroom.store.writer import StoreWriter
from tests.factories import BODY, article

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"
HOSTILE = '<script>alert("x")</script> **bold** [link](javascript:alert(1))'


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    conn = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(conn)
    articles = [
        article("a1"),
        article(
            "a2", body=BODY.replace("2,000", "3,500"), published="2024-10-19", title=HOSTILE, outlet="Herald"
        ),
        article("r1", body="", rejected="empty file"),
    ]
    writer.write_articles(articles, "fp")
    view = analyse([a for a in articles if not a.rejected])
    writer.replace_corpus(view)
    return Corpus.load(conn)


def test_jsonl_exports_validate_and_offsets_quote_their_text(corpus: Corpus, tmp_path: Path):
    out = tmp_path / "out"
    export(corpus, out, "jsonl")
    bodies = {a.id: a.body for a in corpus.articles}
    for name in FILES:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
        lines = (out / f"{name}.jsonl").read_text().splitlines()
        for line in lines:
            record = json.loads(line)
            jsonschema.validate(record, schema)
            if "start" in record and "article_id" in record:
                quoted = bodies[record["article_id"]][record["start"] : record["end"]]
                assert quoted == record.get("text", quoted) and quoted.strip()
    assert len((out / "discrepancies.jsonl").read_text().splitlines()) == 1
    assert len((out / "articles.jsonl").read_text().splitlines()) == 3


def test_csv_parquet_and_geojson_carry_the_same_records(corpus: Corpus, tmp_path: Path):
    for fmt in ("csv", "parquet", "geojson"):
        export(corpus, tmp_path, fmt)
    with (tmp_path / "statements.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [r["speaker"] for r in rows] == ["Oleh Marchenko", "Oleh Marchenko"]
    assert json.loads(rows[0]["via"]) == []
    conn = duckdb.connect()
    assert conn.execute(f"SELECT count(*) FROM '{tmp_path / 'events.parquet'}'").fetchall() == [(2,)]
    assert conn.execute(f"SELECT count(*) FROM '{tmp_path / 'stories.parquet'}'").fetchall() == [(1,)]
    geo = json.loads((tmp_path / "places.geojson").read_text())
    kinds = sorted(f["properties"]["record"] for f in geo["features"])
    assert kinds == ["event", "event", "place", "place"]
    assert geo["features"][0]["geometry"]["coordinates"] == [36.25, 49.98]


def test_report_escapes_article_text_everywhere(corpus: Corpus, tmp_path: Path):
    html_path, md_path = write_report(corpus, tmp_path)
    html = html_path.read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Oleh Marchenko" in html and "<mark>We will respond to any provocation,</mark>" in html
    assert "troops (deployed)" in html  # the discrepancy is shown
    md = md_path.read_text()
    assert "<script>" not in md and "**bold**" not in md and "](javascript" not in md
    # who said it, with their role and the country the statements stage placed them in
    assert "**Oleh Marchenko**, a spokesman for the defence ministry (UKR) [threaten]" in md
    assert '<span class="muted">UKR</span>' in html
    assert "MOBILIZE (reported), troops (RUS)" in md  # an event's actors with the countries they code to


def test_md_escape_neutralises_markdown_and_html():
    assert md_escape("<b>*x*</b>\n[a](b)") == r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\]\(b\)"


def test_a_syndicated_copy_is_listed_once_under_its_original(tmp_path: Path):
    conn = open_store(tmp_path / "s.duckdb")
    writer = StoreWriter(conn)
    long = BODY + (
        "\n\nResidents of the border villages said they had heard heavy vehicles through the night and that "
        "several families had already left to stay with relatives in the city until the situation calmed."
    )
    articles = [article("a1", body=long, outlet="Wire Desk"), article("c1", body=long, outlet="Copydesk")]
    writer.write_articles(articles, "fp")
    writer.replace_corpus(analyse(articles))
    corpus = Corpus.load(conn)
    assert corpus.copy_of, "the two identical articles are copies"
    md = write_report(corpus, tmp_path)[1].read_text()
    said = md.split("### Who said what", 1)[1].split("###", 1)[0]
    assert said.count("We will respond to any provocation") == 1
    assert "copy of" in md


def test_md_mark_bolds_the_records_own_span_and_escapes_all_parts():
    from sitroom.publish.report import Evidence, md_mark

    ev = Evidence('He said *this* ', '"we will <b>stay</b>"', ", and left.")
    assert md_mark(ev) == r'He said \*this\* **"we will &lt;b&gt;stay&lt;/b&gt;"**, and left.'
    assert md_mark(Evidence("", "All of it.", "")) == "**All of it.**"
    assert md_mark(None) == ""


def test_partial_days_are_spelt_out_in_the_report():
    assert readable_day("2026-10-17") == "2026-10-17"
    assert readable_day("XXXX-WXX-4") == "a Thursday, date unknown"
    assert readable_day("2026-WXX-1") == "a Monday, in 2026"
    assert readable_day("XXXX-04-21") == "21 April, year unknown"
    assert readable_day("XXXX-10") == "October, year unknown"
    assert readable_day("2026-W43") == "week 43 of 2026"
    assert readable_day("XXXX-XX") == "date unknown" and readable_day("XXXX-WXX") == "date unknown"
    assert readable_day(None) == "" and readable_day("2026-Q3") == "2026-Q3"


def test_a_speakers_country_is_shown_where_the_name_does_not_say_it():
    from sitroom.publish.report import country_note

    def shown(speaker: str, kind: str, country: str | None = "MDA") -> bool:
        return country_note({"speaker": speaker, "speaker_kind": kind, "speaker_country": country})

    assert shown("interior ministry", "organization")
    assert shown("Ukraine's border guard service", "organization")
    assert shown("Natalia Grosu", "person") and shown("a senior official", "anonymous")
    assert not shown("Moldova", "organization") and not shown("The United States", "organization")
    assert not shown("interior ministry", "organization", None)


def test_counts_take_their_nouns_in_the_right_number():
    from sitroom.publish.report import counted

    assert counted(1, "article") == "1 article" and counted(2, "article") == "2 articles"
    assert counted(1, "copy") == "1 copy" and counted(3, "copy") == "3 copies"
    assert counted(0, "discrepancy") == "0 discrepancies" and counted(2, "day") == "2 days"
