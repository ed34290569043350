"""End to end: the seeds and the demo corpus through `sitroom run`, the store's idempotence and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import jsonschema
import pytest

from sitroom.cli import main
from sitroom.publish.records import FILES

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "docs" / "schemas"
DEMO = REPO / "demo" / "corpus"
# Text that must not survive cleaning in any seed body (paywall, share buttons, teasers, icons).
JUNK = [
    "free article",
    "Get Unlimited access",
    "Facebook share button",
    "Recommended for You",
    "Icon Facebook",
    "spot_img",
    "Sponsored Content",
    "Top 10 Stories",
    "font-size",
    "Latest Posts",
    "Join the discussion",
    "Accessibility links",
    "Try 3 months",
]

pytestmark = pytest.mark.slow


def _load(out: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (out / f"{name}.jsonl").read_text().splitlines()]


def _check_outputs(out: Path) -> dict[str, list[dict]]:
    records = {name: _load(out, name) for name in FILES}
    bodies = {a["id"]: a["body"] for a in records["articles"]}
    for name in FILES:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
        for record in records[name]:
            jsonschema.validate(record, schema)
            if "start" in record and "article_id" in record:
                quoted = bodies[record["article_id"]][record["start"] : record["end"]]
                assert quoted.strip(), (name, record)
                if name == "statements":
                    assert quoted == record["text"]
    return records


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    code = main(
        ["run", str(seeds_dir), "--db", str(out / "s.duckdb"), "--out", str(out), "--workers", "1", "--quiet"]
    )
    assert code == 0
    return out


def test_seeds_write_six_valid_files_with_clean_bodies(seeds_run: Path):
    records = _check_outputs(seeds_run)
    articles = records["articles"]
    assert len(articles) == 5 and all(a["rejected"] is None for a in articles)
    for article in articles:
        for junk in JUNK:
            assert junk not in article["body"], (article["source"], junk)
    assert records["statements"] and records["places"]
    assert (seeds_run / "report.html").stat().st_size > 2000
    assert (seeds_run / "places.geojson").exists()


def test_a_stated_distance_is_exported_with_its_check(seeds_run: Path):
    bodies = {a["id"]: a["body"] for a in _load(seeds_run, "articles")}
    (distance,) = [d for d in _load(seeds_run, "distances") if d["target"] and "Punggye" in d["target"]]
    body = bodies[distance["article_id"]]
    assert body[distance["start"] : distance["end"]] == distance["text"] and distance["stated_km"] == 250
    assert body[distance["origin_start"] : distance["origin_end"]] == distance["origin"] == "Vladivostok"
    assert distance["checked"] and not distance["flagged"] and 250 < distance["computed_km"] < 330


def test_seed_003_keeps_its_explicit_date(seeds_run: Path):
    (article,) = [a for a in _load(seeds_run, "articles") if a["source"].endswith("003_f5359a7b8f7a0260.txt")]
    assert article["published"] == "2013-05-30" and article["published_basis"] == "text"


def test_demo_corpus_end_to_end_and_rerun_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    args = ["run", str(DEMO), "--db", str(tmp_path / "d.duckdb"), "--out", str(tmp_path), "--workers", "2"]
    assert main(args) == 0
    first = capsys.readouterr().out
    records = _check_outputs(tmp_path)
    accepted = [a for a in records["articles"] if a["rejected"] is None]
    assert len(accepted) >= 10
    assert any(a["duplicate_of"] for a in accepted), "the syndicated copy is found"
    assert records["discrepancies"], "the figure two outlets report differently is flagged"
    assert any(s["stance"] == "deny" for s in records["statements"])
    assert any(a["published"] is None for a in accepted), "the undated article stays undated or is inferred"
    counts = (
        duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
        .execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM annotations)")
        .fetchall()
    )
    assert main(args) == 0
    second = capsys.readouterr().out
    assert "0 processed" in second and "processed" in first
    again = (
        duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
        .execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM annotations)")
        .fetchall()
    )
    assert again == counts


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path):
    db = tmp_path / "k.duckdb"
    command = [
        sys.executable,
        "-m",
        "sitroom.cli",
        "run",
        str(DEMO),
        "--db",
        str(db),
        "--out",
        str(tmp_path),
        "--workers",
        "1",
        "--batch-size",
        "1",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    victim = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert victim.stderr is not None
    for line in victim.stderr:
        if line.startswith("processed 2/"):
            victim.send_signal(signal.SIGKILL)
            break
    victim.wait()
    victim.stderr.close()
    assert victim.returncode == -signal.SIGKILL
    partial = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert partial >= 2
    finished = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "already stored" in finished.stdout
    conn = duckdb.connect(str(db), read_only=True)
    total, distinct = conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert total == distinct and total > partial
    dupes = conn.execute("SELECT count(*) - count(DISTINCT id) FROM annotations").fetchone()[0]
    assert dupes == 0


def test_a_folder_of_ten_thousand_tiny_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "tiny"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"Share this {i}")
    code = main(
        [
            "run",
            str(folder),
            "--db",
            str(tmp_path / "t.duckdb"),
            "--out",
            str(tmp_path / "o"),
            "--workers",
            "1",
            "--quiet",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "10000 inputs read" in out
    count = (
        duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
        .execute("SELECT count(*), count(rejected) FROM articles")
        .fetchone()
    )
    assert count == (10_000, 10_000)


def test_the_exports_are_the_same_whatever_the_hash_seed(tmp_path: Path):
    """Python salts string hashes per process: nothing written may follow a set's or a hash's order."""
    written = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        command = [sys.executable, "-m", "sitroom.cli", "run", str(DEMO), "--db", str(out / "s.duckdb"),
                   "--out", str(out)]  # fmt: skip
        subprocess.run(command, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})  # fmt: skip
        written.append({name: (out / name).read_bytes() for name in
                        ("statements.jsonl", "events.jsonl", "places.jsonl", "entities.jsonl", "report.md")})
    assert written[0] == written[1]
