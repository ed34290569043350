"""A worker process ends when the run that started it is killed outright."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

# The parent starts a child that watches it, prints the child's pid, then sleeps until killed.
_PARENT = """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]])
print(child.pid, flush=True)
import time; time.sleep(600)
"""
_CHILD = """
import time
from sitroom.runners.local import exit_with_parent
exit_with_parent(interval=0.1)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a dead child not yet reaped by init shows as a zombie: not running
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def test_worker_ends_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, _CHILD], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    try:
        time.sleep(1.0)  # the child has imported sitroom and started watching
        assert _alive(child)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 30  # a liveness bound, not a speed figure
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child)
    finally:
        parent.stdout.close()
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if _alive(child):
            os.kill(child, 9)


def test_a_killed_run_stops_its_workers_and_says_so(tmp_path: Path) -> None:
    """`kill` (SIGTERM) ends a run as Ctrl-C does: the one-line message, exit 130, no worker left
    working on a batch no one will store, and a store that still opens."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    sentence = "The minister said on Monday that the troops had moved toward the river near Bender. "
    (corpus / "long.txt").write_text("A long report\n\n" + sentence * 12000, encoding="utf-8")
    store = tmp_path / "store.duckdb"
    command = [sys.executable, "-c", "import sys; from sitroom.cli import main; sys.exit(main())", "run",
               str(corpus), "--db", str(store), "--out", str(tmp_path / "out"), "--workers", "2", "--quiet"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:  # the pool is up
            time.sleep(0.5)
            listing = subprocess.run(["pgrep", "-P", str(run.pid)], capture_output=True, text=True)
            workers = [int(pid) for pid in listing.stdout.split()]
        time.sleep(5)  # well into the long text (minutes of work)
        assert run.poll() is None
        run.terminate()
        _, err = run.communicate(timeout=60)
        assert run.returncode == 130
        assert "interrupted: what was stored is kept" in err
        assert "Traceback" not in err
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert workers and not any(_alive(pid) for pid in workers)
        import duckdb

        duckdb.connect(str(store), read_only=True).close()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
