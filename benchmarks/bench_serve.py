"""Load test of ``sgcn serve``: throughput, latency and errors under concurrent clients.

Starts a real ``sgcn serve`` on a free loopback port (nothing else is contacted) and,
for a library query (``relations``, through the SPARQL endpoint) and an entity page
(``/id/person/luke-goh``, HTML: two queries and a page), runs 8 and 32 concurrent
clients for ``--seconds`` each, without and then with two clients sending slow
queries (a query that never ends on its own, stopped by the server) all the time.
Each client is a loopback address of its own (127.0.0.10, 127.0.0.11, ...), as
distinct clients are for the server's per-client bound, and keeps one connection.
It prints one row per run: requests per second answered, median and 99th percentile
latency, errors by status, and the resident memory of the server and its workers
before the runs and after them.

``--compare`` measures instead what the choice of process model is about: how long a
trivial query takes while two, four or six clients send slow queries, with two
workers that may all run long (the old model), four such workers, and four workers
of which only two may run long (the model chosen). Each run is measured once every
slow client has had its first answer: a client's first slow query runs a second, as
anyone's may; after that, clients whose queries run long share the long seats.

``--burst`` measures a client's first slow queries, which run a second as anyone's
may: one new client sends 4 or 8 slow queries at once and, a tenth of a second later,
another client asks a trivial query again and again for two seconds; five bursts,
each from a new client, with no bound on the queries one client runs (every worker)
and with the default bound (``--client-running``, 2). It prints the trivial query's
latencies (its first answer after each burst, the median and the longest) and what
became of the burst's queries: run to the time limit, stopped after a second for want
of a long seat (each costs a worker), refused at once (429).

Usage::

    python benchmarks/bench_serve.py                     # the project's graph, 10 s a run
    python benchmarks/bench_serve.py --seconds 5 --graph benchmarks/out/synthetic-1m.ttl
    python benchmarks/bench_serve.py --compare
    python benchmarks/bench_serve.py --burst
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from sgcn.graph.sparql.query import default_graph_path, query_text

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TRIVIAL = "ASK { ?s ?p ?o }"
SGCN = [sys.executable, "-c", "import sys; from sgcn.graph.cli import main; sys.exit(main())"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(graph: Path, *flags: str):
    """A running ``sgcn serve`` on loopback: (base URL, its process id)."""
    port = free_port()
    process = subprocess.Popen([*SGCN, "serve", "--graph", str(graph), "--port", str(port), *flags],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    try:
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/")
                connection.getresponse().read()
                connection.close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("sgcn serve did not start")
                time.sleep(0.3)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def resident_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (the fork server, the query
    workers it forked), in MB."""
    def rss(p: int) -> int:
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    family, grown = {pid}, True
    while grown:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grown = bool(more)
    return sum(rss(p) for p in family) / 2**20


class Client(threading.Thread):
    """One client: its own loopback address and connection, sending ``path`` until told to stop."""

    def __init__(self, base: str, path: str, address: str, stop: threading.Event, timeout: float = 60):
        super().__init__(daemon=True)
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.path, self.address = parts.hostname, parts.port, path, address
        self.stop, self.timeout = stop, timeout
        self.latencies: list[float] = []
        self.statuses: Counter[int | str] = Counter()

    def run(self) -> None:
        connection = None
        while not self.stop.is_set():
            if connection is None:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                        source_address=(self.address, 0))
            started = time.perf_counter()
            try:
                connection.request("GET", self.path, headers={"Accept": "text/csv, text/html;q=0.9"})
                response = connection.getresponse()
                response.read()
                status: int | str = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as err:
                status = type(err).__name__
                connection.close()
                connection = None
            if self.stop.is_set():
                break  # a request cut by the end of the run is not counted
            self.latencies.append(time.perf_counter() - started)
            self.statuses[status] += 1
            if status == 429:
                time.sleep(1)  # as Retry-After says
        if connection is not None:
            connection.close()


def load(base: str, path: str, clients: int, seconds: float, slow: int) -> dict:
    """``clients`` clients asking ``path`` for ``seconds``, while ``slow`` clients send slow queries."""
    stop = threading.Event()
    slow_path = "/sparql?" + urllib.parse.urlencode({"query": SLOW})
    background = [Client(base, slow_path, f"127.0.1.{10 + i}", stop) for i in range(slow)]
    for client in background:
        client.start()
    if slow:
        # the slow queries are running (and long) before the measure starts, and each slow
        # client has had an answer (a client's first slow query runs a second, as anyone's may)
        deadline = time.monotonic() + 30
        time.sleep(1.5)
        while any(not client.statuses for client in background) and time.monotonic() < deadline:
            time.sleep(0.1)
    workers = [Client(base, path, f"127.0.0.{10 + i}", stop) for i in range(clients)]
    started = time.perf_counter()
    for client in workers:
        client.start()
    time.sleep(seconds)
    stop.set()
    elapsed = time.perf_counter() - started
    for client in workers + background:
        client.join(timeout=90)
    latencies = sorted(x for client in workers for x in client.latencies)
    statuses = sum((client.statuses for client in workers), Counter())
    answered = statuses.get(200, 0)
    return {
        "throughput": answered / elapsed,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan"),
        "max": latencies[-1] if latencies else float("nan"),
        "requests": sum(statuses.values()),
        "errors": {status: n for status, n in sorted(statuses.items(), key=str) if status != 200},
        "slow": sum((client.statuses for client in background), Counter()),
    }


def table(graph: Path, seconds: float, flags: list[str]) -> None:
    library = "/sparql?" + urllib.parse.urlencode({"query": query_text("relations")})
    targets = {"library query (relations)": library, "entity page (/id/person/luke-goh)": "/id/person/luke-goh"}
    with serving(graph, *flags) as (base, pid):
        # warm up: every worker answers each target once
        for path in targets.values():
            load(base, path, clients=4, seconds=1, slow=0)
        before = resident_mb(pid)
        print(f"sgcn serve {' '.join(flags)} | graph {graph} | {seconds:g} s a run | "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'target':34} {'clients':>7} {'slow':>4} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'requests':>8}  errors")
        for name, path in targets.items():
            for clients in (8, 32):
                for slow in (0, 2):
                    result = load(base, path, clients, seconds, slow)
                    errors = ", ".join(f"{status}: {n}" for status, n in result["errors"].items()) or "none"
                    print(f"{name:34} {clients:>7} {slow:>4} {result['throughput']:>7.1f} "
                          f"{result['p50'] * 1000:>8.0f} {result['p99'] * 1000:>8.0f} {result['requests']:>8}  {errors}",
                          flush=True)
        after = resident_mb(pid)
        print(f"server and workers, resident: {before:.0f} MB before the runs, {after:.0f} MB after")


def compare(graph: Path, seconds: float) -> None:
    models = {
        "2 workers, all may run long (the old model)": ["--workers", "2", "--long-queries", "2"],
        "4 workers, all may run long": ["--workers", "4", "--long-queries", "4"],
        "4 workers, 2 may run long (chosen)": ["--workers", "4", "--long-queries", "2"],
    }
    print(f"a trivial query ({TRIVIAL}) from 4 clients while 2, 4 or 6 other clients send slow queries "
          f"without pause; {seconds:g} s a run, time limit 10 s | load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores")
    print(f"{'model':44} {'slow':>4} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  errors")
    path = "/sparql?" + urllib.parse.urlencode({"query": TRIVIAL})
    for name, flags in models.items():
        for slow in (2, 4, 6):
            with serving(graph, "--timeout", "10", *flags) as (base, _):
                load(base, path, clients=4, seconds=1, slow=0)
                result = load(base, path, clients=4, seconds=seconds, slow=slow)
            errors = ", ".join(f"{status}: {n}" for status, n in result["errors"].items()) or "none"
            print(f"{name:44} {slow:>4} {result['throughput']:>7.1f} {result['p50'] * 1000:>8.0f} "
                  f"{result['p99'] * 1000:>8.0f} {result['max'] * 1000:>8.0f}  {errors}", flush=True)


def _get(base: str, query: str, address: str, timeout: float = 60) -> tuple[int | str, str, float]:
    """One GET of ``query`` from ``address``: (status, body, seconds)."""
    parts = urllib.parse.urlsplit(base)
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(address, 0))
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        status, body = response.status, response.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException) as err:
        status, body = type(err).__name__, ""
    finally:
        connection.close()
    return status, body, time.perf_counter() - started


def burst(graph: Path, bursts: int = 5) -> None:
    models = {"no bound per client (every worker)": ["--client-running", "4"],
              "2 queries a client (the default)": []}
    print(f"one new client sends 4 or 8 slow queries at once, another asks {TRIVIAL} for 2 s; {bursts} bursts, "
          f"4 workers, 2 long seats, time limit 3 s | load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'bound':36} {'burst':>5} {'first ms':>9} {'p50 ms':>7} {'max ms':>7} {'trivial':>8}  the burst's queries")
    for name, flags in models.items():
        for size in (4, 8):
            firsts, latencies, trivial, fates = [], [], Counter(), Counter()
            with serving(graph, "--timeout", "3", *flags) as (base, _):
                for _ in range(4):  # warm up: every worker answers once
                    _get(base, TRIVIAL, "127.0.0.9")
                for number in range(bursts):
                    outcomes: list = []
                    address = f"127.0.2.{10 + number}"
                    senders = [threading.Thread(target=lambda: outcomes.append(_get(base, SLOW, address)), daemon=True)
                               for _ in range(size)]
                    for sender in senders:
                        sender.start()
                    time.sleep(0.1)
                    until = time.perf_counter() + 2
                    first = True
                    while time.perf_counter() < until:
                        status, _, seconds = _get(base, TRIVIAL, "127.0.0.20")
                        trivial[status] += 1
                        latencies.append(seconds)
                        if first:
                            firsts.append(seconds)
                            first = False
                    for sender in senders:
                        sender.join(timeout=60)
                    for status, body, _ in outcomes:
                        fates["stopped for want of a seat" if "long queries were already running" in body else
                              "time limit" if "time limit" in body else str(status)] += 1
                    time.sleep(1)  # the stopped workers are replaced
            latencies.sort()
            print(f"{name:36} {size:>5} {max(firsts) * 1000:>9.0f} {statistics.median(latencies) * 1000:>7.0f} "
                  f"{latencies[-1] * 1000:>7.0f} {', '.join(f'{s}: {n}' for s, n in trivial.items()):>8}  "
                  + ", ".join(f"{fate} {n}" for fate, n in sorted(fates.items())), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, default=default_graph_path(), help="graph to serve")
    parser.add_argument("--seconds", type=float, default=10, help="length of each run (default: 10)")
    parser.add_argument("--compare", action="store_true", help="compare process models on a trivial query")
    parser.add_argument("--burst", action="store_true", help="one client's first slow queries, with and "
                                                              "without the bound per client")
    parser.add_argument("flags", nargs="*", help="extra flags for sgcn serve (after --)")
    args = parser.parse_args(argv)
    if args.compare:
        compare(args.graph, args.seconds)
    elif args.burst:
        burst(args.graph)
    else:
        table(args.graph, args.seconds, args.flags)
    return 0


if __name__ == "__main__":
    sys.exit(main())
