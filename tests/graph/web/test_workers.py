"""The query workers of `sgcn serve` (``sgcn.graph.web.workers``) on their own, without a server."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver as forkserver
import os
import signal
import threading
import time

from sgcn.graph.sparql.query import default_graph_path
from sgcn.graph.web.workers import ServeError, WorkerPool, _Worker, _worker_process, death_reason


def test_a_killed_worker_is_reported_killed_whoever_waits_for_it(monkeypatch):
    """Two threads wait for a dying worker (its stderr's reader, the query's): each must read
    SIGKILL, not "exited with status 255". A forkserver child's status is read once from a
    pipe; reading it slowly (as on a busy machine) lets the second reader find the pipe's
    end if both read at once, which is what the test suite once saw."""
    process = _worker_process(multiprocessing.get_context("forkserver"), target=time.sleep, args=(60,), daemon=True)
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


def test_a_killed_worker_is_reported_killed_while_another_process_starts(monkeypatch):
    """Starting a process makes multiprocessing poll every living child of this one
    (``Process.start``), without any lock of the pool's: read slowly, the status of a
    killed worker is read by that poll and by the thread waiting for the worker at once,
    and one of them found the pipe's end (status 255)."""
    context = multiprocessing.get_context("forkserver")
    process = _worker_process(context, target=time.sleep, args=(60,), daemon=True)
    process.start()
    worker = _Worker(process, conn=None, stderr=None)
    read_signed = forkserver.read_signed
    sentinel = process.sentinel

    def slow_read(fd):
        if fd == sentinel:
            time.sleep(0.5)
        return read_signed(fd)

    monkeypatch.setattr(forkserver, "read_signed", slow_read)
    os.kill(process.pid, signal.SIGKILL)
    multiprocessing.connection.wait([sentinel], 10)
    waiting = threading.Thread(target=worker.join, args=(10,))
    waiting.start()
    time.sleep(0.1)
    other = _worker_process(context, target=time.sleep, args=(0,), daemon=True)
    other.start()  # polls the killed worker, as the pool does when it starts a replacement
    waiting.join(20)
    other.join(10)
    assert death_reason(worker.exitcode, []) == "crashed (killed; perhaps by the system's out-of-memory killer, SIGKILL)"
    assert process.exitcode == -signal.SIGKILL


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_two_busy_workers_killed_together_are_each_reported_as_they_died(monkeypatch, caplog):
    """Two busy workers of a real pool die at once (SIGKILL, then SIGSEGV), as in
    test_slow_queries_crashes_and_greedy_clients_leave_quick_queries_answered: while the
    pool starts the replacement of the second, multiprocessing polls the first, whose
    status the thread of its query is reading (slowly, as on a busy machine). Each
    client and the log must say how its worker died: once this said "exited with
    status 255" for the SIGKILL."""
    pool = WorkerPool(default_graph_path(), store="oxigraph", size=2, long_queries=2, quick=0.5, memory_mb=None)
    answers: dict = {}

    def ask(client):
        try:
            answers[client] = pool.ask(SLOW, accept="application/sparql-results+json", fmt=None, limit=10,
                                       timeout=60, client=client)
        except ServeError as err:
            answers[client] = (err.status, err.message)

    try:
        threads = [threading.Thread(target=ask, args=(client,)) for client in ("a", "b")]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while len(busy := [w for w in list(pool._workers) if w.busy]) < 2:
            assert time.monotonic() < deadline, "the two queries never ran"
            time.sleep(0.05)
        killed, segfaulted = busy
        read_signed = forkserver.read_signed
        sentinel = killed.process.sentinel
        reads = itertools.count()

        def slow_read(fd):
            if fd == sentinel and next(reads) == 0:
                time.sleep(1.5)  # the first reader is held up, as on a busy machine; a later one is not
            return read_signed(fd)

        monkeypatch.setattr(forkserver, "read_signed", slow_read)
        with caplog.at_level(logging.ERROR, logger="sgcn.graph.web.workers"):
            os.kill(killed.pid, signal.SIGKILL)
            multiprocessing.connection.wait([sentinel], 10)
            time.sleep(0.1)  # the first is being reaped (slowly) when the second dies
            os.kill(segfaulted.pid, signal.SIGSEGV)
            for thread in threads:
                thread.join(30)
        reasons = sorted(message for _, message in answers.values())
        assert reasons == [
            "the query worker crashed (killed; perhaps by the system's out-of-memory killer, SIGKILL) while running "
            "this query; a new one has taken its place",
            "the query worker crashed (segmentation fault, SIGSEGV) while running this query; a new one has taken "
            "its place"], reasons
        assert {status for status, _ in answers.values()} == {500}
        logged = [record.getMessage() for record in caplog.records]
        assert any(f"query worker {killed.pid} crashed (killed;" in line for line in logged), logged
        assert any(f"query worker {segfaulted.pid} crashed (segmentation fault" in line for line in logged), logged
        assert not any("exited with status" in line for line in logged), logged
    finally:
        pool.close()


def test_a_worker_that_dies_just_after_answering_is_logged_and_replaced_at_once(caplog):
    """A worker dies between its answer and its return among the idle ones: its stderr's
    reader finds it still busy and leaves its death to the thread of the query, which
    must tell it. It was left among the idle ones, dead, unlogged and not replaced until
    a query next took it."""
    pool = WorkerPool(default_graph_path(), store="oxigraph", size=1, spare=0, memory_mb=None)
    try:
        (worker,) = pool._workers
        pipe = worker.conn

        class DiesOnceItHasAnswered:
            """The worker's pipe; the worker is killed as its answer is read."""

            def __getattr__(self, name):
                return getattr(pipe, name)

            def recv(self):
                answer = pipe.recv()
                os.kill(worker.pid, signal.SIGKILL)
                worker.reader.join(10)  # its stderr's reader has seen it end, busy
                return answer

        worker.conn = DiesOnceItHasAnswered()
        with caplog.at_level(logging.ERROR, logger="sgcn.graph.web.workers"):
            content_type, message = pool.ask("ASK { ?s ?p ?o }", accept="application/sparql-results+json",
                                             fmt=None, limit=10, timeout=20)
            assert "true" in message[2]
            logged = [record.getMessage() for record in caplog.records]
        assert any(f"query worker {worker.pid} crashed (killed; perhaps by the system's out-of-memory killer, "
                   "SIGKILL) while idle" in line for line in logged), logged
        assert pool.events["died"] == 1
        deadline = time.monotonic() + 60
        while not pool.pids():
            assert time.monotonic() < deadline, "no worker took the dead one's place"
            time.sleep(0.1)
        assert worker.pid not in pool.pids()
        assert pool.ask("ASK { ?s ?p ?o }", accept="application/sparql-results+json", fmt=None, limit=10,
                        timeout=20)[1][2].count("true") == 1
    finally:
        pool.close()
