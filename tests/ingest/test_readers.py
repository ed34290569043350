import gzip
import json
from pathlib import Path

from sitroom.ingest.readers import MAX_DOCUMENT_BYTES, read_paths
from tests.ingest.warcs import write_warc

ARTICLE = "SEOUL – Officials said on Friday that the talks would resume.\n\nA second paragraph follows."


def test_folder_reads_supported_files_in_stable_order(tmp_path: Path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    raws = list(read_paths([tmp_path]))
    assert [Path(r.source).name for r in raws] == ["a.html", "b.txt"]
    assert [r.kind for r in raws] == ["html", "text"]
    assert all(r.problem is None for r in raws)


def test_same_content_same_id_and_crlf_normalised(tmp_path: Path):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    one, two = read_paths([tmp_path])
    assert one.id == two.id and "\r" not in two.content


def test_bad_files_become_problem_records(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    unsupported = tmp_path / "image.png"
    unsupported.write_bytes(b"\x89PNG")
    raws = list(read_paths([tmp_path / "empty.txt", tmp_path / "binary.txt", missing, unsupported]))
    problems = {Path(r.source).name: r.problem for r in raws}
    assert problems == {
        "empty.txt": "empty file",
        "binary.txt": "binary content, not text",
        "missing.txt": "no such file or directory",
        "image.png": (
            "unsupported file type '.png' (expected one of .txt .html .jsonl .warc, plain or gzipped)"
        ),
    }


def test_encodings_are_decoded(tmp_path: Path):
    (tmp_path / "latin1.txt").write_bytes("Café officials in Zürich said so.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Kyiv – officials said so.".encode("utf-16"))
    texts = {Path(r.source).name: r.content for r in read_paths([tmp_path])}
    assert texts == {
        "latin1.txt": "Café officials in Zürich said so.",
        "utf16.txt": "Kyiv – officials said so.",
    }


def test_jsonl_good_lines_survive_a_bad_one(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": ARTICLE, "published": "2024-10-18", "outlet": "Daily", "title": "T"}),
        "{not json",
        json.dumps(
            {"id": "x2", "html": "<p>Hello there, this is an article.</p>", "url": "https://e.org/x2",
             "fetched": "2024-10-19T08:00:00Z"}
        ),
        json.dumps({"id": "x3"}),
        json.dumps(["a", "list"]),
    ]
    feed.write_text("\n".join(lines) + "\n")
    raws = list(read_paths([feed]))
    assert [r.problem for r in raws] == [
        None,
        "line is not valid JSON",
        None,
        "record has no 'text' or 'html'",
        "line is not a JSON object",
    ]
    assert raws[0].source.endswith("feed.jsonl:1#x1")
    assert raws[0].hints.published == "2024-10-18" and raws[0].hints.outlet == "Daily"
    assert raws[2].kind == "html" and raws[2].hints.url == "https://e.org/x2"
    assert raws[2].hints.retrieved == "2024-10-19T08:00:00Z" and raws[0].hints.retrieved is None


def test_warc_plain_gzip_and_truncated(tmp_path: Path):
    pages = [(f"https://example.org/{i}", f"<html><body><p>Story {i}.</p></body></html>") for i in range(3)]
    write_warc(tmp_path / "crawl.warc", pages)
    write_warc(tmp_path / "crawl.warc.gz", pages)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 25])
    plain = list(read_paths([tmp_path / "crawl.warc"]))
    assert [r.hints.url for r in plain] == [u for u, _ in pages]
    assert [r.content for r in read_paths([tmp_path / "crawl.warc.gz"])] == [r.content for r in plain]
    cut = list(read_paths([tmp_path / "cut.warc.gz"]))
    assert [r.problem for r in cut[:2]] == [None, None]
    assert cut[-1].problem is not None and cut[-1].problem.startswith(
        "WARC truncated or corrupt after 2 records"
    )


def test_huge_text_file_is_read_only_up_to_the_cap(tmp_path: Path):
    big = tmp_path / "dump.txt"
    paragraph = ("Officials said the convoy moved north overnight. " * 20 + "\n\n").encode()
    with big.open("wb") as out:
        for _ in range(200_000_000 // len(paragraph) + 1):
            out.write(paragraph)
    (raw,) = read_paths([big])
    assert raw.problem is None
    assert len(raw.content.encode()) <= MAX_DOCUMENT_BYTES
    assert raw.notes and "only its start was read" in raw.notes[0]


def test_gzipped_text_html_and_jsonl_read_as_their_plain_forms(tmp_path: Path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    page = f"<html><body><p>{ARTICLE}</p></body></html>"
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(page.encode()))
    lines = [json.dumps({"id": f"x{i}", "text": f"{ARTICLE} Number {i}."}) for i in range(3)]
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    raws = list(read_paths([tmp_path]))
    assert [(Path(r.source.split(":")[0]).name, r.kind, r.problem) for r in raws] == [
        ("a.txt.gz", "text", None),
        ("b.html.gz", "html", None),
        *[("c.jsonl.gz", "text", None)] * 3,
    ]
    assert raws[0].content == ARTICLE


def test_a_damaged_or_cut_gzip_is_a_problem_and_lines_before_the_cut_are_kept(tmp_path: Path):
    (tmp_path / "fake.txt.gz").write_bytes(ARTICLE.encode())  # named gzip, but plain text
    records = ({"id": f"x{i}", "text": f"{ARTICLE} {i} " + "word " * 3000} for i in range(40))
    lines = "\n".join(json.dumps(record) for record in records)
    packed = gzip.compress(lines.encode())
    (tmp_path / "feed.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])  # a download cut short
    raws = list(read_paths([tmp_path]))
    fake = next(r for r in raws if r.source.endswith("fake.txt.gz"))
    assert fake.problem == "not a valid gzip file"
    feed = [r for r in raws if "feed.jsonl.gz" in r.source]
    assert [r.problem for r in feed[:-1]] == [None] * (len(feed) - 1) and len(feed) > 5
    assert feed[-1].problem == "gzip stream cut short"
