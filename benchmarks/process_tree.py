"""What a command costs, its worker processes included: processor time and peak memory.

Shared by ``bench_build.py`` and ``bench_extract.py``. ``sgcn build`` starts its
workers from a fork server that outlives the build and is not waited for by it, so
their processor time would never reach the build's ``wait4``. This process therefore
becomes a child subreaper (:func:`adopt_orphans`): orphans are reparented to it and
reaped by :func:`reap_all`, and ``os.times()``'s children's times then hold the whole
tree's. The peak memory is the largest sum of the proportional set size (PSS: shared
pages split between the processes sharing them) over the process tree, sampled every
0.1 s.

Linux only (``/proc``, ``prctl``).

Usage::

    from process_tree import adopt_orphans, run_measured

    adopt_orphans()
    measured = run_measured(["sgcn", "build", ...])
    print(measured.wall, measured.cpu, measured.peak_mb)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass


def pss_kib(pid: int) -> int:
    """The proportional set size of process ``pid`` in KiB (0 when it has gone).

    Examples:
        >>> pss_kib(os.getpid()) > 0
        True
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, as ``/proc`` shows them now.

    Examples:
        >>> descendants(os.getpid())[0] == os.getpid()
        True
    """
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo.extend(int(c) for c in children.read().split())
        except OSError:
            pass
    return found


def adopt_orphans() -> None:
    """Become a child subreaper, so that the processor time of a command's orphaned
    workers (a fork server's) is counted in this process's children's times."""
    import ctypes

    PR_SET_CHILD_SUBREAPER = 36
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit("prctl(PR_SET_CHILD_SUBREAPER) failed: processor times would miss the workers")


def reap_all(seconds: float = 60) -> None:
    """Wait for every child left (a command's fork server and workers, adopted)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)
    raise SystemExit("a command left processes running for a minute after it ended")


@dataclass
class Measured:
    """One run of a command: wall seconds, processor seconds (user + system, its process
    tree), the peak of the tree's summed PSS in MB, and its standard output."""

    wall: float
    cpu: float
    peak_mb: float
    out: str


def run_measured(argv: list[str], env: dict | None = None) -> Measured:
    """Run ``argv`` to its end and measure it (see :class:`Measured`); ``SystemExit`` with
    the end of its stderr when it fails. Needs :func:`adopt_orphans` first, else the
    processor time misses the workers the command did not wait for."""
    reap_all()
    spent = os.times()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, text=True, env=env)
        peak, done = [0], threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], sum(pss_kib(p) for p in descendants(process.pid)))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status = os.waitpid(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        reap_all()
        now = os.times()
        if process.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}):\n{err.read()[-3000:]}")
        out.seek(0)
        cpu = (now.children_user - spent.children_user) + (now.children_system - spent.children_system)
        return Measured(wall, cpu, peak[0] / 1024, out.read())
