"""The query workers of `sgcn serve` (``sgcn.graph.web.workers``) on their own, without a server."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import signal
import threading
import time

from sgcn.graph.web.workers import _Worker, death_reason


def test_a_killed_worker_is_reported_killed_whoever_waits_for_it(monkeypatch):
    """Two threads wait for a dying worker (its stderr's reader, the query's): each must read
    SIGKILL, not "exited with status 255". A forkserver child's status is read once from a
    pipe; reading it slowly (as on a busy machine) lets the second reader find the pipe's
    end if both read at once, which is what the test suite once saw."""
    process = multiprocessing.get_context("forkserver").Process(target=time.sleep, args=(60,), daemon=True)
    process.start()
    worker = _Worker(process, conn=None, stderr=None)
    read_signed = forkserver.read_signed

    def slow_read(fd):
        time.sleep(0.3)
        return read_signed(fd)

    monkeypatch.setattr(forkserver, "read_signed", slow_read)
    os.kill(process.pid, signal.SIGKILL)
    reasons = []
    threads = [threading.Thread(target=lambda: (worker.join(10), reasons.append(death_reason(worker.exitcode, []))))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert not worker.alive()
    assert reasons == ["crashed (killed; perhaps by the system's out-of-memory killer, SIGKILL)"] * 3
    assert process.exitcode == -signal.SIGKILL
