"""`sgcn serve` under load and abuse: slow queries, memory, crashes, sizes, clients.

Every test runs against a real `sgcn serve` (waitress, real worker processes) started
on loopback with three query workers of which two may run long, a memory limit of
128 MB a query and at most four requests at once per client (conftest.HARDENED).
Clients of their own are separate loopback addresses (127.0.0.10, ...).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
import time
import urllib.parse

import pytest

from sgcn.graph.cli import main

# never ends on the project's graph: four unconstrained triple patterns
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TRIVIAL = "ASK { ?s ?p ?o }"


def doubling_query() -> str:
    """A 2 KB query that doubles a 1,000-character string 28 times (to 268 GB)."""
    binds = ['BIND("' + "x" * 1000 + '" AS ?s0)']
    binds += [f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(28)]
    return "SELECT (STRLEN(?s28) AS ?n) WHERE { " + " ".join(binds) + " }"


def test_the_doubling_query_is_the_one_of_the_issue():
    assert 1800 < len(doubling_query()) < 2100 and doubling_query().count("CONCAT") == 28


def _in_thread(results: dict, key, call, *args, **kwargs) -> threading.Thread:
    def run():
        started = time.monotonic()
        results[key] = (*call(*args, **kwargs), time.monotonic() - started)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _busiest(server, web, count: int) -> list[int]:
    """The ``count`` workers using the most CPU over half a second (those running a query)."""
    pids = server.workers()
    before = {pid: web.cpu_seconds(pid) for pid in pids}
    time.sleep(0.5)
    return sorted(pids, key=lambda pid: web.cpu_seconds(pid) - before[pid], reverse=True)[:count]


def _wait_for_workers(server, count: int, timeout: float = 90) -> list[int]:
    deadline = time.monotonic() + timeout
    while len(server.workers()) < count:
        assert time.monotonic() < deadline, f"the server has {len(server.workers())} workers, not {count}"
        time.sleep(0.2)
    return server.workers()


def _idle_workers(server, web, count: int, timeout: float = 90) -> list[int]:
    """The workers, once there are ``count`` and none of them uses CPU (all loaded, none busy)."""
    deadline = time.monotonic() + timeout
    while True:
        pids = _wait_for_workers(server, count, timeout)
        before = {pid: web.cpu_seconds(pid) for pid in pids}
        time.sleep(0.5)
        if len(server.workers()) == count and all(web.cpu_seconds(pid) - before[pid] < 0.02 for pid in pids):
            return pids
        assert time.monotonic() < deadline, "the workers never settled"


def test_slow_queries_crashes_and_greedy_clients_leave_quick_queries_answered(hardened, web):
    server = hardened("auto")
    processes = len(_wait_for_workers(server, 4))  # three that run queries and a spare
    assert processes == 4
    slow: dict = {}

    # two slow queries, each from its own client, take the two long seats ...
    threads = [_in_thread(slow, i, web.ask, server.base, SLOW, source=f"127.0.0.{10 + i}") for i in range(2)]
    time.sleep(1.8)
    assert not slow, "the slow queries ended already"
    long_ones = _busiest(server, web, 2)  # the workers running them
    # ... and a trivial query still answers at once, again and again
    for _ in range(3):
        started = time.monotonic()
        status, _, body = web.ask(server.base, TRIVIAL, source="127.0.0.20")
        assert status == 200 and "true" in body and time.monotonic() - started < 1.0

    # a third slow query finds no long seat: it is stopped after a second, not after 60
    started = time.monotonic()
    status, _, body = web.ask(server.base, SLOW, source="127.0.0.21")
    assert status == 503 and "2 long queries were already running" in body, body
    assert time.monotonic() - started < 6

    # a client whose query holds a long seat, sending more while both seats are held, is refused at once
    for _ in range(3):
        started = time.monotonic()
        status, headers, body = web.exchange(f"{server.base}/sparql?" + urllib.parse.urlencode({"query": SLOW}),
                                             source="127.0.0.10")
        assert status == 429 and headers.get("Retry-After") == "2" and "ran long in the last 60 s" in body, body
        assert time.monotonic() - started < 1.0
    # ... and so is the client whose query was stopped for want of a seat, for a minute
    status, headers, body = web.exchange(f"{server.base}/sparql?" + urllib.parse.urlencode({"query": TRIVIAL}),
                                         source="127.0.0.21")
    assert status == 429 and headers.get("Retry-After") == "2", body

    # one client may have four requests in progress (one running, three waiting): a fifth is refused at once
    greedy: dict = {}
    extra = [_in_thread(greedy, i, web.ask, server.base, SLOW, source="127.0.0.23") for i in range(4)]
    time.sleep(0.3)
    status, headers, body = web.exchange(f"{server.base}/sparql?" + urllib.parse.urlencode({"query": TRIVIAL}),
                                         source="127.0.0.23")
    assert status == 429 and headers.get("Retry-After") == "1" and "already has 4 requests in progress" in body
    # ... while another client is served before its waiting ones
    status, _, body = web.ask(server.base, TRIVIAL, source="127.0.0.22")
    assert status == 200, body
    for thread in extra:
        thread.join(timeout=30)
    # the running one is stopped for want of a long seat; the waiting ones, now of a client
    # whose queries run long, are refused without running
    assert sorted(greedy[i][0] for i in range(4)) == [429, 429, 429, 503], greedy

    # the two long queries' workers crash: each client is told, the log says how, fresh workers come
    busy = long_ones
    os.kill(busy[0], signal.SIGSEGV)
    os.kill(busy[1], signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(slow[i][0] for i in range(2)) == [500, 500]
    bodies = " ".join(slow[i][2] for i in range(2))
    assert "crashed (segmentation fault, SIGSEGV) while running this query" in bodies
    assert "crashed (killed" in bodies
    # an idle worker that dies is noticed, logged and replaced too
    idle = _idle_workers(server, web, processes)
    os.kill(idle[0], signal.SIGSEGV)
    time.sleep(1)
    renewed = _wait_for_workers(server, processes)
    assert not set(busy) & set(renewed) and idle[0] not in renewed
    log = server.log()
    assert log.count("crashed (segmentation fault, SIGSEGV) while running") == 1
    assert "crashed (killed; perhaps by the system's out-of-memory killer, SIGKILL) while running" in log
    assert f"query worker {idle[0]} crashed (segmentation fault, SIGSEGV) while idle" in log
    assert log.count("starting a new one") >= 3
    for _ in range(4):
        assert web.ask(server.base, TRIVIAL)[0] == 200


def test_one_clients_slow_queries_never_hold_every_worker(hardened, web):
    """One client sends as many slow queries as it may have in progress (four, more than
    the three workers) and another a trivial one: the first client runs two at once (as
    many as may run long), so the trivial query finds a free worker; once the two run
    long, the client's waiting queries are refused without running. Before the bound,
    the client's first slow queries took every worker for a second, and the one left
    without a long seat was stopped (503), costing a worker: what is asserted is who
    ran and who was refused, not how fast."""
    server = hardened("auto")
    pids = _idle_workers(server, web, 4)  # none running a query of an earlier test
    stopped_before = server.log().count("a quick query ran long while every long seat was taken")
    slow: dict = {}
    threads = [_in_thread(slow, i, web.ask, server.base, SLOW, source="127.0.0.60", timeout=120) for i in range(4)]
    status, _, body = web.ask(server.base, TRIVIAL, source="127.0.0.61", timeout=120)
    assert status == 200 and "true" in body, body
    # the two it may run take the long seats; its two others are refused, never run
    deadline = time.monotonic() + 60
    while len(slow) < 2:
        assert time.monotonic() < deadline, slow
        time.sleep(0.1)
    time.sleep(0.5)
    assert len(slow) == 2, slow  # the two running ones run on (60 s time limit)
    for status, headers, body, _ in slow.values():
        assert status == 429 and "127.0.0.60 ran long in the last 60 s" in body, body
    assert server.log().count("a quick query ran long while every long seat was taken") == stopped_before
    # while they run, the others are served
    for _ in range(3):
        assert web.ask(server.base, TRIVIAL, source="127.0.0.61", timeout=120)[0] == 200
    # stop the two long queries (their workers are the busy ones): each client hears why
    busy = _busiest(server, web, 2)
    assert set(busy) <= set(pids) | set(server.workers())
    for pid in busy:
        os.kill(pid, signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(status for status, *_ in slow.values()) == [429, 429, 500, 500], slow
    _wait_for_workers(server, 4)


def test_more_slow_clients_than_workers_leave_quick_queries_answered(tmp_path, web):
    """Six clients send a never-ending query without pause (more than the two long seats,
    more than the four workers) while another asks a trivial query four times a second:
    each trivial query is answered, well within the time limit that stops the slow ones
    (how fast is ``benchmarks/bench_serve.py --compare``'s to measure: milliseconds here,
    but a loaded 2-core machine can stall any request for a second). The default pool
    (four workers, two long seats), a time limit of 4 s so that the long seats turn over
    during the test."""
    from sgcn.graph.sparql.query import default_graph_path

    with web.running_serve(tmp_path, "--graph", str(default_graph_path()), "--timeout", "4") as server:
        stop = threading.Event()
        slow: dict = {}

        def hammer(address: str) -> None:
            statuses = slow.setdefault(address, [])
            while not stop.is_set():
                status, _, _ = web.ask(server.base, SLOW, source=address, timeout=30)
                statuses.append(status)

        hammers = [threading.Thread(target=hammer, args=(f"127.0.0.{40 + i}",), daemon=True) for i in range(6)]
        for thread in hammers:
            thread.start()
        # each has had a slow query stopped, or holds a long seat (a client's first slow query
        # runs a second, as anyone's first query may)
        deadline = time.monotonic() + 30
        while sum(1 for statuses in slow.values() if statuses) < 4:
            assert time.monotonic() < deadline, slow
            time.sleep(0.1)
        quick = []
        until = time.monotonic() + 9  # past the long seats' time limit: they turn over once at least
        while time.monotonic() < until:
            started = time.monotonic()
            status, _, body = web.ask(server.base, TRIVIAL, source="127.0.0.50", timeout=30)
            quick.append((status, round(time.monotonic() - started, 3)))
            time.sleep(0.25)
        stop.set()
        for thread in hammers:
            thread.join(timeout=30)
        assert all(status == 200 for status, _ in quick), (quick, server.log()[-5000:])
        assert max(seconds for _, seconds in quick) < 4.0, (quick, server.log()[-5000:])  # the time limit
        assert len(quick) >= 20
        every = [status for statuses in slow.values() for status in statuses]
        # the slow clients: stopped at the time limit or for want of a seat (503), refused at once (429)
        assert set(every) <= {503, 429} and every.count(503) >= 4 and every.count(429) > every.count(503), slow


@pytest.mark.parametrize("store", ["auto", "memory"])
def test_the_string_doubling_query_is_stopped_at_its_memory_limit(hardened, web, store):
    """Oxigraph aborts on the refused allocation (auto sends ad-hoc queries to it); rdflib
    raises MemoryError. Either way the client hears of the memory limit, long before the
    time limit, and the worker is replaced."""
    server = hardened(store)
    processes = len(_wait_for_workers(server, 4))
    started = time.monotonic()
    status, _, body = web.ask(server.base, doubling_query(), source="127.0.0.30")
    assert status == 503 and "went past the memory limit of 128 MB" in body, body
    assert time.monotonic() - started < 25
    log = server.log()
    if store == "auto":
        assert "went past its memory limit while running" in log and "memory allocation of" in log
    else:
        assert "recycled after a query that took much memory" in log
    _wait_for_workers(server, processes)
    assert web.ask(server.base, TRIVIAL)[0] == 200


def test_request_sizes_are_bounded(hardened, web):
    server = hardened("auto")
    long_url = f"{server.base}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o } #" + "x" * 70_000})
    status, _, body = web.exchange(long_url)
    assert status == 414 and "this endpoint takes at most 65536" in body
    big_query = ("ASK { ?s ?p ?o } #" + "x" * 70_000).encode()
    status, _, body = web.exchange(f"{server.base}/sparql", data=big_query,
                                   headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and "the query is 70018 bytes" in body
    status, _, body = web.exchange(f"{server.base}/sparql", data=b"x" * 300_000,
                                   headers={"Content-Type": "application/sparql-query"})
    assert status == 413  # waitress, before the application sees it
    status, _, body = web.exchange(f"{server.base}/", headers={"X-Padding": "y" * 20_000})
    assert status == 431 and "this endpoint takes at most 16384" in body
    status, _, _ = web.exchange(f"{server.base}/", headers={"X-Padding": "y" * 100_000})
    assert status == 431  # waitress
    status, headers, _ = web.exchange(f"{server.base}/")
    assert status == 200 and headers.get("Server") == "sgcn"  # waitress, not Werkzeug's development server


def test_it_listens_on_loopback_only_unless_told(hardened):
    server = hardened("auto")
    port = int(server.base.rsplit(":", 1)[1])
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:  # LISTEN
                    listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, and nothing on IPv6


def test_help_names_the_limits_and_the_service_switch():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["serve", "--help"]) == 0
    text = " ".join(out.getvalue().split())
    for flag in ("--allow-service", "--max-memory", "--long-queries", "--max-client-queries", "--client-running", "--workers",
                 "--timeout", "--host"):
        assert flag in text
    assert "127.0.0.1, loopback only" in text and "SERVICE is refused (403)" in text
