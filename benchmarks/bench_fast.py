"""Benchmark what starting sgcn costs, side by side with the floor each target is set against.

Each target runs two commands, each ``--repeat`` times, interleaved (A, B, A, B, ...)
so that both meet the same load on a shared machine, and prints the median wall time,
the median processor time (user + system, from ``wait4``) and the peak resident
memory of each, with the ratio of the first to the second and the target's goal:

=================  =============================================  ===================================
target             sgcn                                           against
=================  =============================================  ===================================
help               ``sgcn --help``                                Python starting (``python -c pass``)
query, shipped     ``sgcn query entities``                        a bare pyoxigraph script: load, query, CSV
first query, 1M    ``sgcn query entities --graph 1M`` (no cache)  the same bare script on the 1M graph
repeat query, 1M   the same, its on-disk store built              the first query
maplib, 1M         ``sgcn query evidence --store columnar``       the same on Oxigraph (``--store oxigraph``)
read for exports   ``sgcn export --format csv-nodes`` (250k)      pyoxigraph parsing the file; rdflib's parser
viz, 2,000         ``sgcn viz`` on a 2,000-entity graph           pyoxigraph parsing the file
=================  =============================================  ===================================

With ``--install``, it also installs sgcn into two fresh virtual environments (``pip
install .`` and ``pip install '.[columnar,network]'``, the default install of before:
maplib and the network commands' networkx and igraph were dependencies then) and prints
their sizes (``du``) side by side; that takes minutes.

The graphs are made by ``generate_graph.py`` when missing (``benchmarks/out/``, not
committed). The cache of on-disk stores goes to a temporary folder; a first query's
background builder is waited for (and its time reported) before the next run starts.

Usage::

    python benchmarks/bench_fast.py                 # every target, 5 runs each
    python benchmarks/bench_fast.py --repeat 3 --only help,query
    python benchmarks/bench_fast.py --install       # and the install sizes
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
from generate_graph import DEFAULT_OUT, generate  # noqa: E402  (a sibling script, not a package)

PYTHON = sys.executable
SGCN = str(Path(sys.executable).with_name("sgcn"))
SHIPPED = ROOT / "graph" / "sgcn.ttl"
QUERIES = ROOT / "queries"

# the floor: what a script that only loads the graph with pyoxigraph, runs the query
# and writes its CSV costs (sgcn's answer is the same bytes, checked below)
BARE = """
import sys, pyoxigraph as ox
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.TURTLE)
sys.stdout.buffer.write(store.query(open(sys.argv[2], encoding="utf-8").read()).serialize(format=ox.QueryResultsFormat.CSV))
"""
PARSE = "import sys, pyoxigraph as ox\nfor _ in ox.parse(path=sys.argv[1], format=ox.RdfFormat.TURTLE): pass\n"
RDFLIB = "import sys, rdflib\nrdflib.Graph().parse(sys.argv[1], format='turtle')\n"


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    out: bytes


# children run as after a normal install: with their compiled bytecode cached (pip
# compiles a wheel's modules when it installs them; PYTHONDONTWRITEBYTECODE would make
# every run compile sgcn's sources again)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


TIME = "/usr/bin/time"  # GNU time: a small parent, so the child's peak memory is its own


def run(command: list[str], env: dict | None = None) -> Run:
    """One run of ``command``: its wall time, processor time and peak memory.

    The processor time comes from ``wait4`` (to the microsecond). The peak memory comes
    from GNU ``time`` where there is one, the command running under it: a child forked
    from this (larger) process would report this process's memory as its own peak.
    """
    env = ENV if env is None else {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as measured:
        timed = [TIME, "-q", "-f", "%M", "-o", measured.name, *command] if Path(TIME).exists() else command
        started = time.perf_counter()
        process = subprocess.Popen(timed, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed ({os.waitstatus_to_exitcode(status)})")
        out.seek(0)
        data = out.read()
        cpu = usage.ru_utime + usage.ru_stime  # microseconds; includes what time waited for
        if timed is command:
            return Run(wall, cpu, usage.ru_maxrss / 1024, data)
        peak_kb = measured.read().split()[-1]
    return Run(wall, cpu, int(peak_kb) / 1024, data)


@dataclass
class Measured:
    label: str
    runs: list[Run]

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mb for r in self.runs)


def compare(a: tuple[str, list[str]], b: tuple[str, list[str]], repeat: int, *, before_a=None, after_a=None,
            env_a: dict | None = None) -> tuple[Measured, Measured]:
    """Run the two commands ``repeat`` times each, interleaved, after one run of each
    that is not counted (it writes the bytecode caches and warms the file cache)."""
    if before_a:
        before_a()
    run(a[1], env_a)
    if after_a:
        after_a()
    run(b[1])
    first, second = Measured(a[0], []), Measured(b[0], [])
    for _ in range(repeat):
        if before_a:
            before_a()
        first.runs.append(run(a[1], env_a))
        if after_a:
            after_a()
        second.runs.append(run(b[1]))
    return first, second


ROWS: list[tuple] = []
BEFORE: str | None = None  # another install's sgcn (--before), measured beside this one


def report(target: str, a: Measured, b: Measured, goal: str, ok: bool | None,
           before: list[str] | None = None, env: dict | None = None, repeat: int = 1) -> None:
    """Record a target's row; with ``--before`` and a ``before`` command (the same
    command, run with the other install's sgcn), that is measured too."""
    then = None
    if BEFORE and before:
        run([BEFORE, *before[1:]], env)  # not counted: bytecode and file caches
        then = Measured("before", [run([BEFORE, *before[1:]], env) for _ in range(repeat)])
    ROWS.append((target, a, b, goal, ok, then))
    print(f"  {target}: {a.label} {a.wall:.3f} s ({a.cpu:.3f} s cpu, {a.rss:.0f} MB) | "
          f"{b.label} {b.wall:.3f} s ({b.cpu:.3f} s cpu, {b.rss:.0f} MB)"
          + (f" | before {then.wall:.3f} s ({then.cpu:.3f} s cpu, {then.rss:.0f} MB)" if then else ""),
          file=sys.stderr)


def ensure(path: Path, triples: int) -> Path:
    if not path.exists():
        print(f"making {path} ({triples} triples) ...", file=sys.stderr)
        generate(path, triples=triples)
    return path


def cache_env(folder: Path) -> dict:
    return {**ENV, "SGCN_CACHE_DIR": str(folder)}


def wait_for_store(folder: Path, seconds: float = 900) -> float:
    """Wait until the background builder has put a finished store under ``folder``."""
    started = time.perf_counter()
    while not list(folder.glob("oxigraph-*/stores/*/sgcn-store.json")):
        if time.perf_counter() - started > seconds:
            raise SystemExit("the background builder made no store")
        time.sleep(0.1)
    return time.perf_counter() - started


def bench_help(repeat: int) -> None:
    a, b = compare(("sgcn --help", [SGCN, "--help"]), ("python -c pass", [PYTHON, "-c", "pass"]), repeat)
    report("help", a, b, "< 0.1 s", a.cpu < 0.1, before=[SGCN, "--help"], repeat=repeat)


def bench_query(repeat: int) -> None:
    a, b = compare(("sgcn query entities", [SGCN, "query", "entities"]),
                   ("bare pyoxigraph", [PYTHON, "-c", BARE, str(SHIPPED), str(QUERIES / "entities.rq")]), repeat)
    _same_answer(a, b)
    report("query, shipped graph", a, b, "< 0.15 s", a.cpu < 0.15, before=[SGCN, "query", "entities"],
           repeat=repeat)


def _same_answer(a: Measured, b: Measured) -> None:
    """sgcn writes the SPARQL CSV with LF line ends: the same rows as the bare script's."""
    if a.runs[0].out.replace(b"\r\n", b"\n") != b.runs[0].out.replace(b"\r\n", b"\n"):
        raise SystemExit(f"{a.label} and {b.label} gave different answers")


def bench_large(repeat: int, graph: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="sgcn-bench-cache-"))
    builds: list[float] = []
    command = [SGCN, "query", "entities", "--graph", str(graph)]
    bare = ("bare pyoxigraph", [PYTHON, "-c", BARE, str(graph), str(QUERIES / "entities.rq")])

    def empty_cache():
        shutil.rmtree(folder, ignore_errors=True)

    def let_the_builder_finish():
        builds.append(wait_for_store(folder))

    try:
        first, raw = compare(("sgcn, first query", command), bare, repeat, before_a=empty_cache,
                             after_a=let_the_builder_finish, env_a=cache_env(folder))
        _same_answer(first, raw)
        ok = first.cpu <= 1.2 * raw.cpu and first.rss <= 1.2 * raw.rss
        report("first query, 1M triples", first, raw, "<= 1.2x time and memory", ok, before=command,
               env={**ENV, "SGCN_CACHE_DIR": "off"})
        print(f"  (the background builder then took {statistics.median(builds):.1f} s to make the store)",
              file=sys.stderr)
        again = Measured("sgcn, store built", [run(command, cache_env(folder)) for _ in range(repeat)])
        opened = Measured("sgcn, store built: ASK {}", [run([SGCN, "query", "--text", "ASK {}", "--graph", str(graph)],
                                                           cache_env(folder)) for _ in range(repeat)])
        report("repeat query, 1M: start", opened, first, "well under 1 s", opened.cpu < 0.5)
        report("repeat query, 1M: entities", again, first, "(11k rows, sorted, from disk)", None)
        facts = [SGCN, "query", "entity-facts", "-p", "entity=" + _someone(graph), "--graph", str(graph)]
        run(facts, cache_env(folder))
        warm = Measured("entity-facts, store built", [run(facts, cache_env(folder)) for _ in range(repeat)])
        cold = Measured("entity-facts, cache off", [run(facts, {**ENV, "SGCN_CACHE_DIR": "off"})
                                                    for _ in range(max(1, repeat // 2))])
        report("repeat entity-facts, 1M", warm, cold, "(61 rows)", None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _someone(graph: Path) -> str:
    """A well-connected person of the graph (its IRI), for entity-facts."""
    import pyoxigraph as ox

    for triple in ox.parse(path=str(graph), format=ox.RdfFormat.TURTLE):
        if triple.predicate.value == "https://w3id.org/sgcn/ontology#coChaired":
            return triple.subject.value
    raise SystemExit(f"{graph}: nobody co-chaired anything")


def bench_columnar(repeat: int, graph: Path) -> None:
    """Would ``sgcn query`` gain from maplib (the columnar extra)? One whole-graph query
    per process, as ``sgcn query`` runs: maplib's load against Oxigraph's."""
    env = {**ENV, "SGCN_CACHE_DIR": "off"}
    for name in ("evidence", "relations"):
        command = [SGCN, "query", name, "--graph", str(graph)]
        both = Measured(f"{name}, --store columnar", [])
        alone = Measured(f"{name}, Oxigraph in memory", [])
        for _ in range(repeat):
            both.runs.append(run(command + ["--store", "columnar"], env))
            alone.runs.append(run(command + ["--store", "oxigraph"], env))
        _same_answer(both, alone)
        report(f"one {name}, 1M, maplib", both, alone, "why sgcn query does not load maplib", None)


def bench_read(repeat: int, graph: Path) -> None:
    out = Path(tempfile.mkdtemp(prefix="sgcn-bench-export-")) / "nodes.csv"
    a, b = compare(("sgcn export csv-nodes", [SGCN, "export", "--format", "csv-nodes", "--graph", str(graph),
                                              "--out", str(out)]),
                   ("pyoxigraph parse", [PYTHON, "-c", PARSE, str(graph)]), repeat)
    report("export csv-nodes, 250k", a, b, "(read, network, write)", None,
           before=[SGCN, "export", "--format", "csv-nodes", "--graph", str(graph), "--out", str(out)],
           repeat=max(1, repeat // 3))
    old = Measured("rdflib parse", [run([PYTHON, "-c", RDFLIB, str(graph)]) for _ in range(max(1, repeat // 3))])
    report("export csv-nodes, 250k", a, old, "(rdflib's parser alone)", None)


def bench_viz(repeat: int, graph: Path) -> None:
    out = Path(tempfile.mkdtemp(prefix="sgcn-bench-viz-")) / "network.html"
    a, b = compare(("sgcn viz", [SGCN, "viz", "--graph", str(graph), "--out", str(out)]),
                   ("pyoxigraph parse", [PYTHON, "-c", PARSE, str(graph)]), repeat)
    report("viz, 2,000 entities", a, b, "(page written; the browser's part: bench_viz.py)", None,
           before=[SGCN, "viz", "--graph", str(graph), "--out", str(out)], repeat=max(1, repeat // 3))


def bench_install() -> None:
    work = Path(tempfile.mkdtemp(prefix="sgcn-bench-install-"))
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "out", ".git", "*.egg-info", "build"))
    sizes = {}
    for label, spec in (("pip install .", str(source)),
                        ("pip install '.[columnar,network]'", f"{source}[columnar,network]")):
        venv = work / "".join(c if c.isalnum() else "_" for c in label)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", spec], check=True)
        du = subprocess.run(["du", "-sm", str(venv)], check=True, capture_output=True, text=True)
        packages = subprocess.run([str(venv / "bin" / "pip"), "list", "--format=freeze"], check=True,
                                  capture_output=True, text=True).stdout.count("\n")
        sizes[label] = (int(du.stdout.split()[0]), packages)
        print(f"  {label}: {sizes[label][0]} MB, {packages} packages", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)
    (default, n_default), (full, n_full) = sizes.values()
    print(f"install: {default} MB, {n_default} packages (pip install .) | {full} MB, {n_full} packages "
          f"(with the columnar and network extras, the default install of before): {default / full:.2f}x; "
          "goal <= 0.5x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("--only", default="help,query,large,columnar,read,viz",
                        help="targets to run, comma-separated (default: help,query,large,columnar,read,viz)")
    parser.add_argument("--large", type=Path, default=DEFAULT_OUT, help=f"the 1M graph (default {DEFAULT_OUT})")
    parser.add_argument("--install", action="store_true", help="also measure the install sizes (minutes)")
    parser.add_argument("--before", metavar="SGCN", help="another install's sgcn command, measured beside this one")
    args = parser.parse_args(argv)
    global BEFORE
    BEFORE = args.before
    only = set(args.only.split(","))
    if "help" in only:
        bench_help(args.repeat)
    if "query" in only:
        bench_query(args.repeat)
    if "large" in only:
        bench_large(args.repeat, ensure(args.large, 1_000_000))
    if "columnar" in only:
        bench_columnar(max(1, args.repeat // 2), ensure(args.large, 1_000_000))
    if "read" in only:
        bench_read(args.repeat, ensure(OUT / "synthetic-250k.ttl", 250_000))
    if "viz" in only:
        from bench_viz import built_graph  # the graph bench_viz.py times end to end: 2,005 entities

        bench_viz(args.repeat, built_graph(2000))
    print(f"{os.cpu_count()} cores; median of {args.repeat} runs, interleaved; cpu: user + system time of the "
          "command (its wall time on an idle machine); MB: peak resident memory; goals are held to the cpu time")
    print(f"{'target':29}{'sgcn':>8}{'MB':>6}  {'against':28}{'cpu':>8}{'MB':>6}{'cpu':>8}{'mem':>7}"
          + (f"{'before':>9}{'MB':>6}" if BEFORE else "") + "  goal")
    failed = False
    for target, a, b, goal, ok, then in ROWS:
        mark = "" if ok is None else ("  ok" if ok else "  MISSED")
        failed |= ok is False
        print(f"{target:29}{a.cpu:7.3f}s{a.rss:6.0f}  {b.label:28}{b.cpu:7.3f}s{b.rss:6.0f}{a.cpu / b.cpu:7.2f}x"
              f"{a.rss / b.rss:6.2f}x" + ((f"{then.cpu:8.3f}s{then.rss:6.0f}" if then else f"{'':>15}") if BEFORE else "")
              + f"  {goal}{mark}")
    print("wall times (s): " + "; ".join(f"{target} {a.wall:.2f} against {b.wall:.2f}" for target, a, b, *_ in ROWS))
    if args.install:
        bench_install()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
