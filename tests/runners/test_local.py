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
