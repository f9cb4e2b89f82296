"""Benchmark the embedded stores on the query library: median latencies side by side.

Every library query (``queries/*.rq``) runs on the synthetic graph of
``benchmarks/generate_graph.py`` (1 million triples by default; made if missing) in
each embedded store, ``--repeat`` times; a run is the query with its parameters bound
plus writing the whole answer as CSV, timed inside a worker process holding the
store. A run longer than ``--max-seconds`` is stopped (the worker is killed and the
store reloaded) and shown as ``>N``. The table gives the median per store and the
ratio to the default store; the exit status is 1 when the default store takes a
second or more on any query, 2 when the stores loaded different graphs (the file
changed during the run). Where the stores' answers differ in length, a line says so.

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

from sgcn.graph.sparql.query import Target, execute, library, write_result
from sgcn.graph.sparql.store import DEFAULT_STORE, STORES, graph_size, load_graph

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
    document = target.run("SELECT ?d WHERE { ?d a <https://w3id.org/sgcn/ontology#Document> } ORDER BY ?d LIMIT 1").fetch()[0][0].value
    return {
        "entity-facts": {"entity": first}, "entity-graph": {"entity": first},
        "document-graph": {"document": document},
        "entity-timeline": {"entity": first}, "entity-lookup": {"name": "Chongqing"},
        "shortest-chain": {"from": first, "to": second},
        "figures-by-measure": {"measure": "fund_size"},
        "bridging-people": {"here": "Chongqing", "there": "Shenzhen"},
    }


def _worker(conn, graph: str, store: str, params: dict) -> None:
    """Hold ``graph`` in ``store``; time each query sent, answer with (seconds, rows)."""
    started = time.perf_counter()
    loaded = load_graph(graph, store=store)
    conn.send(("loaded", time.perf_counter() - started, graph_size(loaded)))
    target = Target(graph=loaded)
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
        self.triples = 0
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, *self.args), daemon=True)
        self.process.start()
        child.close()
        _, self.load_seconds, self.triples = self.conn.recv()

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
    counts: dict[str, dict[str, int]] = {}
    loads: dict[str, float] = {}
    sizes: dict[str, int] = {}
    for store in stores:
        print(f"loading {args.graph} into {store} ...", file=sys.stderr)
        worker = _Store(str(args.graph), store, params)
        loads[store], sizes[store] = worker.load_seconds, worker.triples
        medians[store], counts[store] = {}, {}
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
            if times:
                counts[store][name] = rows
            shown = f"{medians[store][name]:.3f} s" if times else f"> {args.max_seconds:g} s"
            print(f"  {store:9} {name:20} {rows:7} rows  {shown}", file=sys.stderr)
        worker.close()

    default = DEFAULT_STORE if DEFAULT_STORE in stores else stores[0]
    header = f"{'query':20}" + "".join(f"{s + ' (s)':>16}" for s in stores)
    others = [s for s in stores if s != default]
    header += "".join(f"{s + '/' + default:>20}" for s in others)
    print(f"graph: {args.graph}, {sizes[default]:,} triples | load: "
          + ", ".join(f"{s} {loads[s]:.1f} s" for s in stores))
    if len(set(sizes.values())) > 1:  # the file changed under the run: the stores answered different graphs
        print("the stores loaded different graphs: " + ", ".join(f"{s} {sizes[s]:,} triples" for s in stores))
        return 2
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
    for name in names:
        answered = {store: counts[store][name] for store in stores if name in counts[store]}
        if len(set(answered.values())) > 1:
            print(f"{name}: the stores disagree on the answer's lines: "
                  + ", ".join(f"{s} {n}" for s, n in answered.items()))
    if over:
        print(f"over the {BUDGET:g} s budget on {default}: {', '.join(over)}")
        return 1
    print(f"{default} answered every library query in under {BUDGET:g} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
