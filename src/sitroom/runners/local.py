"""The local runner: maps `Pipeline.run_batch` over batches with a process pool.

Each worker builds its Pipeline once (models load lazily inside it) and keeps it for every
batch. With one worker the batches run in this process, which keeps tests and small runs
free of process start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from sitroom.config import Settings
from sitroom.model import Article, RawArticle
from sitroom.pipeline import DEFAULT_STAGES, Pipeline

_worker_pipeline: Pipeline | None = None  # one per worker process, built by _init_worker


def _init_worker(settings: Settings, profile: Any, paths: Sequence[str]) -> None:
    global _worker_pipeline
    exit_with_parent()
    _worker_pipeline = Pipeline.build(settings, profile, paths)


def exit_with_parent(interval: float = 1.0) -> None:
    """End this process when the one that started it is gone. A run killed outright (SIGTERM or
    SIGKILL, not Ctrl-C, which reaches the workers too) would otherwise leave its workers to finish
    their batches for no one: minutes of both cores on a long text."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="sitroom-exit-with-parent", daemon=True).start()


def _run_in_worker(batch: list[RawArticle]) -> list[Article]:
    assert _worker_pipeline is not None, "worker started without its pipeline"
    return _worker_pipeline.run_batch(batch)


def run_local(
    batches: Iterable[list[RawArticle]],
    settings: Settings,
    profile: Any = None,
    paths: Sequence[str] = DEFAULT_STAGES,
) -> Iterator[list[Article]]:
    """Processed batches, as they finish (not in input order)."""
    if settings.workers <= 1:
        pipeline = Pipeline.build(settings, profile, paths)
        for batch in batches:
            yield pipeline.run_batch(batch)
        return
    # spawn, not fork: forking a process that holds threads (DuckDB, BLAS) can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=settings.workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings, profile, tuple(paths)),
    ) as pool:
        try:
            pending: set[Future[list[Article]]] = set()
            window = settings.workers * 2  # bounded: a million inputs never sit in memory at once
            for batch in batches:
                pending.add(pool.submit(_run_in_worker, batch))
                if len(pending) >= window:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            for future in pending:
                yield future.result()
        except BaseException:
            # Interrupted, or the caller stopped taking results: leaving the pool would wait for every
            # batch in flight (minutes on a long text) that no one will store.
            for worker in multiprocessing.active_children():
                worker.terminate()
            raise
