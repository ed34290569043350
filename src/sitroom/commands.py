"""What each CLI command does, as plain functions returning an exit code (the CLI only parses)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sitroom.config import Settings
from sitroom.publish.report import counted
from sitroom.run import RunResult, run
from sitroom.store import queries
from sitroom.store.connection import open_store

Say = Callable[[str], None]


def run_command(paths: Sequence[Path], settings: Settings, say: Say) -> int:
    result = run(paths, settings, say)
    print(format_summary(result, settings))
    return 0


def format_summary(result: RunResult, settings: Settings) -> str:
    """One screen: what was read, rejected (by reason), found, and where the outputs are."""
    s = result.summary
    assert s is not None
    rejected = ", ".join(f"{reason} {n}" for reason, n in s.rejected_by_reason.items()) or "none"
    lines = [
        f"sitroom: {counted(result.read, 'input')} read, {result.unreadable} unreadable; "
        f"{result.processed} processed, {result.skipped} already stored ({result.seconds:.1f} s)",
        f"  store {settings.db_path}: {counted(s.articles, 'article')}, {s.accepted} accepted, "
        f"rejected: {rejected}",
        f"  {counted(s.counts['statement'], 'statement')}, {counted(s.counts['event'], 'event')}, "
        f"{counted(s.counts['place'], 'place')}, {counted(s.counts['timex'], 'date')}, "
        f"{counted(s.counts['quantity'], 'figure')}",
        f"  {counted(s.stories, 'story')}, {counted(s.duplicates, 'copy')}, "
        f"{counted(s.discrepancies, 'discrepancy')}, {counted(s.entities, 'entity', 'entities')} across "
        f"articles, {counted(s.statement_groups, 'statement')} reported twice or more",
        f"  report:  {settings.out_dir / 'report.html'}  ({settings.out_dir / 'report.md'})",
        f"  exports: {settings.out_dir}/{{articles,statements,events,places,stories,discrepancies,entities,"
        f"statement_groups,distances}}.jsonl, "
        f"places.geojson",
    ]
    return "\n".join(lines)


def export_command(settings: Settings, fmt: str, say: Say) -> int:
    from sitroom.publish.exports import export
    from sitroom.publish.records import Corpus

    conn = open_store(settings.db_path, read_only=True)
    try:
        written = export(Corpus.load(conn), settings.out_dir, fmt)
    finally:
        conn.close()
    for path in written:
        print(path)
    return 0


def report_command(settings: Settings, say: Say) -> int:
    from sitroom.publish.records import Corpus
    from sitroom.publish.report import write_report

    conn = open_store(settings.db_path, read_only=True)
    try:
        summary = queries.summary(conn)
        written = write_report(Corpus.load(conn), settings.out_dir)
    finally:
        conn.close()
    say(f"report of {summary.accepted} articles in {summary.stories} stories")
    for path in written:
        print(path)
    return 0


def setup(say: Say) -> int:
    from sitroom.gazetteer import build_gazetteer

    settings = Settings()
    path = settings.built_dir / "gazetteer.sqlite"
    say(f"building the offline gazetteer at {path} ...")
    build_gazetteer(path)
    print(path, file=sys.stdout)
    return 0
