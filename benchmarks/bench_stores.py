"""Benchmark the embedded stores on the query library: median latencies side by side.

Every library query (``queries/*.rq``) runs on the synthetic graph of
``benchmarks/generate_graph.py`` (1 million triples by default; made if missing) in
each embedded store, ``--repeat`` times; a run is the query with its parameters bound
plus writing the whole answer as CSV, timed inside a worker process holding the
store. A run longer than ``--max-seconds`` is stopped (the worker is killed and the
store reloaded) and shown as ``>N``. The table gives the median per store and the
ratio to the default store; the exit status is 1 when the default store takes a
second or more on any query.

Usage::

    python benchmarks/bench_stores.py                       # 1M triples, both stores
    python benchmarks/bench_stores.py --graph /tmp/g.ttl --stores oxigraph --repeat 5
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

from sgcn.graph.query import Target, execute, library, write_result
from sgcn.graph.store import DEFAULT_STORE, STORES, load_graph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_graph import DEFAULT_OUT, generate  # noqa: E402  (a sibling script, not a package)

BUDGET = 1.0  # seconds the default store may take on any library query


def pick_params(target: Target) -> dict[str, dict[str, str]]:
    """Parameters for the parameterized queries: well-connected people of the graph."""
    rows = target.run(
        "PREFIX sgcn: <https://w3id.org/sgcn/ontology#> "
        "SELECT ?p (COUNT(?e) AS ?n) WHERE { ?p a sgcn:Person ; sgcn:coChaired ?e } "
        "GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 2").fetch()
    first, second = (row[0].value for row in rows)
    return {
        "entity-facts": {"entity": first}, "entity-graph": {"entity": first},
        "entity-timeline": {"entity": first}, "entity-lookup": {"name": "Chongqing"},
        "shortest-chain": {"from": first, "to": second},
        "figures-by-measure": {"measure": "fund_size"},
        "bridging-people": {"here": "Chongqing", "there": "Shenzhen"},
    }


def _worker(conn, graph: str, store: str, params: dict) -> None:
    """Hold ``graph`` in ``store``; time each query sent, answer with (seconds, rows)."""
    started = time.perf_counter()
    target = Target(graph=load_graph(graph, store=store))
    conn.send(("loaded", time.perf_counter() - started))
    while True:
        name = conn.recv()
        if name is None:
            return
        started = time.perf_counter()
        text = write_result(execute(target, name=name, params=params.get(name, {})), "csv")
        conn.send((time.perf_counter() - started, text.count("\n") - 1))


class _Store:
    """A worker process holding one store; restarted after a run is stopped."""

    def __init__(self, graph: str, store: str, params: dict):
        self.args = (graph, store, params)
        self.load_seconds = 0.0
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, *self.args), daemon=True)
        self.process.start()
        child.close()
        self.load_seconds = self.conn.recv()[1]

    def run(self, name: str, cap: float) -> tuple[float, int] | None:
        self.conn.send(name)
        if self.conn.poll(cap):
            return self.conn.recv()
        self.process.kill()
        self.process.join()
        self._start()
        return None

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; 1 when the default store is over budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, default=DEFAULT_OUT, help=f"graph to query (default {DEFAULT_OUT})")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the graph made when missing")
    parser.add_argument("--stores", default=",".join(STORES), help=f"stores to compare (default {','.join(STORES)})")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query and store (default 3)")
    parser.add_argument("--max-seconds", type=float, default=30.0, help="stop a run after this long (default 30)")
    parser.add_argument("--queries", default="", help="comma-separated query names (default: the whole library)")
    args = parser.parse_args(argv)
    if not args.graph.exists():
        print(f"making {args.graph} ({args.triples} triples) ...", file=sys.stderr)
        generate(args.graph, triples=args.triples)
    stores = [s.strip() for s in args.stores.split(",") if s.strip()]
    names = [n for n in library() if not args.queries or n in args.queries.split(",")]
    params = pick_params(Target(graph=load_graph(args.graph)))
    medians: dict[str, dict[str, float | None]] = {}
    loads: dict[str, float] = {}
    for store in stores:
        print(f"loading {args.graph} into {store} ...", file=sys.stderr)
        worker = _Store(str(args.graph), store, params)
        loads[store] = worker.load_seconds
        medians[store] = {}
        for name in names:
            times, rows = [], 0
            for _ in range(args.repeat):
                result = worker.run(name, args.max_seconds)
                if result is None:
                    times = []
                    break
                times.append(result[0])
                rows = result[1]
                if result[0] > 5 * BUDGET and len(times) >= 1:
                    break  # slow runs are not repeated: the run stays bounded
            medians[store][name] = statistics.median(times) if times else None
            shown = f"{medians[store][name]:.3f} s" if times else f"> {args.max_seconds:g} s"
            print(f"  {store:9} {name:20} {rows:7} rows  {shown}", file=sys.stderr)
        worker.close()

    default = DEFAULT_STORE if DEFAULT_STORE in stores else stores[0]
    header = f"{'query':20}" + "".join(f"{s + ' (s)':>16}" for s in stores)
    others = [s for s in stores if s != default]
    header += "".join(f"{s + '/' + default:>20}" for s in others)
    print(f"graph: {args.graph} | load: " + ", ".join(f"{s} {loads[s]:.1f} s" for s in stores))
    print(header)
    over = []
    for name in names:
        line = f"{name:20}"
        for store in stores:
            value = medians[store][name]
            line += f"{value:16.3f}" if value is not None else f"{'>' + format(args.max_seconds, 'g'):>16}"
        base = medians[default][name]
        for store in others:
            value = medians[store][name]
            if base and value is not None:
                line += f"{value / base:19.1f}x"
            elif base and value is None:
                line += f"{'>' + format(args.max_seconds / base, '.0f') + 'x':>20}"
            else:
                line += f"{'-':>20}"
        print(line)
        if base is None or base >= BUDGET:
            over.append(name)
    if over:
        print(f"over the {BUDGET:g} s budget on {default}: {', '.join(over)}")
        return 1
    print(f"{default} answered every library query in under {BUDGET:g} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
