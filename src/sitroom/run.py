"""`sitroom run`: read inputs, process what is new, store it, recompute the corpus view, publish."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.config import Settings
from sitroom.errors import InputError
from sitroom.ingest.readers import read_paths
from sitroom.model import RawArticle
from sitroom.pipeline import DEFAULT_STAGES, fingerprint, load_stage_classes
from sitroom.progress import Progress
from sitroom.store import queries
from sitroom.store.connection import open_store
from sitroom.store.writer import StoreWriter

Say = Callable[[str], None]
_MESSAGES_PER_REASON = 10  # a folder of 10,000 broken files must not bury the summary


@dataclass
class RunResult:
    read: int = 0
    unreadable: int = 0
    skipped: int = 0  # already stored by this pipeline version
    processed: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    summary: queries.StoreSummary | None = None


def run(
    paths: Sequence[Path], settings: Settings, say: Say, stages: Sequence[str] = DEFAULT_STAGES
) -> RunResult:
    started = time.monotonic()
    result = RunResult()
    # 1. open the store first: a locked or foreign file fails before any work is done
    conn = open_store(settings.db_path)
    try:
        # 2. read every input; unreadable ones are kept as problem records and reported
        raws = list(_read(paths, say, result))
        if result.read == 0:
            raise InputError(f"nothing readable in {', '.join(str(p) for p in paths)}")
        # 3. skip what this pipeline version already stored (a re-run or a resumed run)
        version = fingerprint(load_stage_classes(stages))
        done = queries.processed_ids(conn, version)
        todo = _unique([r for r in raws if r.id not in done])
        result.skipped = len(raws) - len(todo)
        # 4. process in batches on the local runner; the writer stores each batch as it arrives
        result.processed = _process(raws, todo, settings, conn, version, stages)
        # 5. corpus steps and publishing read everything stored, old and new
        result.outputs = refresh(conn, settings)
        result.summary = queries.summary(conn)
    finally:
        conn.close()
    result.seconds = time.monotonic() - started
    return result


def _read(paths: Sequence[Path], say: Say, result: RunResult) -> Iterator[RawArticle]:
    told: Counter[str] = Counter()
    for raw in read_paths(paths):
        if raw.problem is None:
            result.read += 1
        else:
            result.unreadable += 1
            key = raw.problem.split("(")[0]
            told[key] += 1
            if told[key] <= _MESSAGES_PER_REASON:
                say(f"skipped {raw.source}: {raw.problem}")
            elif told[key] == _MESSAGES_PER_REASON + 1:
                say(f"(more inputs with '{key.strip()}' are not listed; the summary counts them)")
        yield raw


def _unique(raws: list[RawArticle]) -> list[RawArticle]:
    """The same content given twice (two paths, one file) is one article."""
    seen: set[str] = set()
    unique = []
    for raw in raws:
        if raw.id not in seen:
            seen.add(raw.id)
            unique.append(raw)
    return unique


def _process(
    raws: list[RawArticle],
    todo: list[RawArticle],
    settings: Settings,
    conn: Any,
    version: str,
    stages: Sequence[str],
) -> int:
    from sitroom.runners.local import run_local
    from sitroom.stages.clean import learn_profile

    if not todo:
        return 0
    # Boilerplate is learned over every readable input of this run, not only the new ones.
    profile = learn_profile([r for r in raws if r.problem is None])
    writer = StoreWriter(conn)
    progress = Progress(len(todo), settings.progress)
    batches = [todo[i : i + settings.batch_size] for i in range(0, len(todo), settings.batch_size)]
    done = 0
    for articles in run_local(batches, settings, profile, stages):
        writer.write_articles(articles, version)
        done += len(articles)
        progress.advance(len(articles))
    progress.close()
    return done


def refresh(conn: Any, settings: Settings) -> list[Path]:
    """Recompute corpus records from the store, then write the exports and the report."""
    from sitroom.corpus import analyse
    from sitroom.publish.exports import export
    from sitroom.publish.records import Corpus
    from sitroom.publish.report import write_report

    view = analyse(list(queries.iter_articles(conn, include_rejected=False)))
    StoreWriter(conn).replace_corpus(view)
    corpus = Corpus.load(conn)
    outputs = export(corpus, settings.out_dir, "jsonl")
    outputs += export(corpus, settings.out_dir, "geojson")
    outputs += write_report(corpus, settings.out_dir)
    return outputs
