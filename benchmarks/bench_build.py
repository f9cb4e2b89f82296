"""Benchmark ``sgcn build`` on synthetic corpora of 100, 1,000 and 10,000 documents.

For each size the corpus is written by ``benchmarks/synthetic_corpus.py`` (distinct
press releases in all five formats; into ``benchmarks/out/corpus-N``, kept between
runs) and built four ways, each in a fresh process so peak memory is its own:

- **today** (the build before incremental builds: one process, every document read
  and extracted, one rdflib graph of the whole corpus, pySHACL over all of it, rdflib's
  ``longturtle``): skipped above ``--today-up-to`` documents (default 1,000);
- **cold**: ``sgcn build`` with an empty cache, worker processes on every core;
- **warm**: again, nothing changed, into another output file (every pass runs, from the cache);
- **unchanged**: again, into the warm build's output (a build with nothing to do stops at once);
- **one changed**: one document edited in place (a city renamed in it), then rebuilt.

The builds read a copy of the corpus (the one document is changed in the copy). With
``--before``, that install's cold, warm and one-changed builds run too, each just
before this checkout's, with a cache of their own, and the row says whether the two
changed graphs are the same bytes.

It prints wall times, documents per second, processor time (user + system of the build
and every process it started, its fork server's workers included: this process adopts
and reaps them), peak memory (the sum of the proportional set size, PSS, of the build
process and its workers, sampled every 0.1 s) and, for the cold build, the share of the
processor time all processes spent validating and writing. Beside today's build (and
``--before``'s cold build, when given) it prints the ratios of the cold build's wall
time, processor time and peak to it, measured in the same run: on a shared machine the
load changes between runs, the ratios of neighbouring runs much less.

Usage::

    python benchmarks/bench_build.py                         # 100, 1000, 10000
    python benchmarks/bench_build.py --sizes 100 1000 --jobs 2
    python benchmarks/bench_build.py --sizes 1000 --before benchmarks/out/before-REV/venv
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
import process_tree  # noqa: E402  (a sibling module, not a package)
from process_tree import adopt_orphans  # noqa: E402


# builds run as after a normal install: with their compiled bytecode cached (pip compiles a
# wheel's modules when it installs them); under PYTHONDONTWRITEBYTECODE every build compiled
# sgcn's sources again, some 0.3-0.5 processor s of each rebuild
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(argv: list[str], env: dict | None = None) -> tuple[float, float, dict, float]:
    """Run ``argv``; return (wall seconds, peak MB of the process tree's PSS, its JSON report,
    processor seconds of it and every process it started). Needs :func:`adopt_orphans` first."""
    measured = process_tree.run_measured(argv, ENV if env is None else env)
    lines = measured.out.strip().splitlines()
    report = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return measured.wall, measured.peak_mb, report, measured.cpu


def _child(args: argparse.Namespace) -> int:
    """In a fresh process: one build, its report as JSON on the last line."""
    import logging

    logging.basicConfig(level=logging.ERROR)
    if args.child == "today":
        from rdflib import Graph  # noqa: F401  (imported as today's build did)

        from sgcn.graph.rdf.build import build_graph
        from sgcn.graph.rdf.serialize import write_atomic
        from sgcn.graph.rdf.validate import validate
        from sgcn.loaders import read_folder
        from sgcn.loaders.extract import extract_all

        times = {}
        t = time.perf_counter()
        documents = read_folder(args.folder).documents
        extractions = extract_all(documents)
        times["extract"] = time.perf_counter() - t
        t = time.perf_counter()
        graph = build_graph(extractions)
        times["build"] = time.perf_counter() - t
        t = time.perf_counter()
        report = validate(graph)
        times["validate"] = time.perf_counter() - t
        t = time.perf_counter()
        if report.conforms:
            write_atomic(args.out, graph.serialize(format="longturtle").encode("utf-8"))
        times["write"] = time.perf_counter() - t
        print(json.dumps({"documents": len(documents), "triples": len(graph), "times": times}))
        return 0
    from sgcn.graph.rdf.pipeline import build

    summary = build(args.folder, args.out, cache_dir=args.cache, jobs=args.jobs)
    if not (summary.written or getattr(summary, "unchanged", False)):
        print(json.dumps({"error": [str(v) for v in summary.report.violations][:5]}))
        return 1
    print(json.dumps({"documents": summary.documents, "extracted": summary.extracted, "triples": summary.triples,
                      "unchanged": getattr(summary, "unchanged", False),
                      "times": summary.timings, "work": summary.work}))
    return 0


def _corpus(size: int) -> Path:
    sys.path.insert(0, str(HERE))
    from synthetic_corpus import write_corpus

    folder = OUT / f"corpus-{size}"
    if not folder.is_dir() or sum(1 for _ in folder.iterdir()) != size:
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(size, folder)
    return folder


def _edit_one(folder: Path) -> Path:
    """Change one document of ``folder`` in place (its first city renamed); returns it."""
    target = sorted(folder.iterdir())[len(list(folder.iterdir())) // 2]
    text = target.read_text(encoding="utf-8")
    for city in ("Chongqing", "Shenzhen", "Guangzhou", "Chengdu", "Suzhou", "Singapore"):
        if city in text:
            target.write_text(text.replace(city, "Xiamen", 1), encoding="utf-8")
            break
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--today-up-to", type=int, default=1000, help="run today's build up to this many documents")
    parser.add_argument("--before", type=Path, help="a virtual environment of another sgcn install: its cold build "
                        "runs beside this checkout's, just before it (e.g. the one bench_extract.py makes)")
    parser.add_argument("--child", choices=("today", "build"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    adopt_orphans()
    me = [sys.executable, str(Path(__file__).resolve())]
    rows = []
    print(f"sgcn build benchmark: {os.cpu_count()} cores, {args.jobs} worker processes, load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    for size in args.sizes:
        folder = _corpus(size)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir()) / size
        work = Path(tempfile.mkdtemp(prefix="sgcn-bench-"))
        cache = work / "cache"
        row = {"size": size, "words": words, "load": [os.getloadavg()[0]]}
        if size <= args.today_up_to:
            row["today"] = run_measured(me + ["--child", "today", "--folder", str(folder), "--out", str(work / "today.ttl")])
        # the builds read a copy, in which one document is then changed, as a user edits one
        copy = work / folder.name
        shutil.copytree(folder, copy)

        def before(name: str) -> tuple:
            return run_measured([str(args.before / "bin" / "sgcn"), "-q", "build", "--sources", str(copy), "--out",
                                 str(work / f"before-{name}.ttl"), "--cache-dir", str(work / "before-cache"),
                                 "--jobs", str(args.jobs)])

        if args.before:
            row["before"] = before("cold")
            row["before warm"] = before("warm")
            row["before unchanged"] = before("warm")
        base = me + ["--child", "build", "--jobs", str(args.jobs), "--cache", str(cache), "--folder", str(copy)]
        row["cold"] = run_measured(base + ["--out", str(work / "cold.ttl")])
        row["warm"] = run_measured(base + ["--out", str(work / "warm.ttl")])
        assert (work / "warm.ttl").read_bytes() == (work / "cold.ttl").read_bytes(), "warm build differs from cold"
        row["unchanged"] = run_measured(base + ["--out", str(work / "warm.ttl")])
        assert (work / "warm.ttl").read_bytes() == (work / "cold.ttl").read_bytes(), "unchanged build changed it"
        _edit_one(copy)
        if args.before:
            row["before changed"] = before("changed")
        row["changed"] = run_measured(base + ["--out", str(work / "changed.ttl")])
        assert row["changed"][2]["extracted"] == 1, row["changed"][2]
        if args.before:
            row["same as before"] = (work / "before-changed.ttl").read_bytes() == (work / "changed.ttl").read_bytes()
        row["load"].append(os.getloadavg()[0])
        rows.append(row)
        _print_row(row)
        shutil.rmtree(work, ignore_errors=True)
    print()
    _print_table(rows)
    return 0


def _share(run: tuple) -> float:
    work = run[2]["work"]
    return (work.get("validate", 0) + work.get("write", 0)) / max(sum(work.values()), 1e-9)


def _print_row(row: dict) -> None:
    cold, size = row["cold"], row["size"]
    work = cold[2]["work"]
    line = (f"{size:>6} docs ({row['words']:.0f} words each), load average {row['load'][0]:.1f}-{row['load'][1]:.1f}: "
            f"cold {cold[0]:.1f} s, {cold[3]:.1f} processor s ({cold[3] / size:.3f} s a document), "
            f"{cold[2]['triples']:,} triples; processor seconds {json.dumps({k: round(v, 1) for k, v in work.items()})}, "
            f"validation+writing {_share(cold):.0%}")
    for name in ("today", "before"):
        if name in row:
            other = row[name]
            line += (f"; {name} {other[0]:.1f} s, {other[3]:.1f} processor s, {other[1]:.0f} MB "
                     f"(cold / {name}: wall {cold[0] / other[0]:.2f}x, processor {cold[3] / other[3]:.2f}x, "
                     f"peak {cold[1] / other[1]:.2f}x)")
    for name in ("warm", "unchanged", "changed"):
        run = row[name]
        line += f"; {name} {run[0]:.1f} s, {run[3]:.1f} processor s"
        if f"before {name}" in row:
            other = row[f"before {name}"]
            line += f" (before: {other[0]:.1f} s, {other[3]:.1f} processor s)"
    if "same as before" in row:
        line += "; the changed graph is " + ("byte for byte --before's" if row["same as before"] else
                                             "NOT --before's (another extraction, or a bug)")
    print(line, flush=True)


def _print_table(rows: list[dict]) -> None:
    """One row per size; wall time, documents per second, processor seconds per document and
    peak memory, with the ratios of the cold build to today's (and to ``--before``'s) beside them."""
    before = any("before" in row for row in rows)
    head = ("| documents | today's build | docs/s | processor s/doc | peak | cold build | docs/s | processor s/doc | peak "
            "| cold / today: wall, processor, peak |")
    if before:
        head += " before (--before): cold build, processor s/doc, peak | cold / before: wall, processor, peak |"
    rebuilt = " (processor s)" + (" / before's" if before else "")
    head += (f" warm (nothing changed){rebuilt} | nothing changed, same output{rebuilt} | one document changed{rebuilt} "
             "| validation + writing, share of the cold build's work |")
    print(head)
    print("|---:" * (head.count("|") - 1) + "|")
    for row in rows:
        size = row["size"]
        cold, warm, changed = row["cold"], row["warm"], row["changed"]

        def cells(run):
            return f"{run[0]:.1f} s | {size / run[0]:.1f} | {run[3] / size:.3f} | {run[1]:.0f} MB"

        def ratios(other):
            return f"{cold[0] / other[0]:.2f}x, {cold[3] / other[3]:.2f}x, {cold[1] / other[1]:.2f}x"

        def rebuild(name):  # wall and processor seconds, --before's beside them
            run, other = row[name], row.get(f"before {name}")
            return f"{run[0]:.1f} s ({run[3]:.1f})" + (f" / {other[0]:.1f} s ({other[3]:.1f})" if other else "")

        today = row.get("today")
        line = (f"| {size:,} | {cells(today) if today else '- | - | - | -'} | {cells(cold)} | "
                f"{ratios(today) if today else '-'} |")
        if before:
            other = row.get("before")
            line += (f" {other[0]:.1f} s, {other[3] / size:.3f}, {other[1]:.0f} MB | {ratios(other)} |" if other
                     else " - | - |")
        print(line + f" {rebuild('warm')} | {rebuild('unchanged')} | {rebuild('changed')} | {_share(cold):.0%} |")


if __name__ == "__main__":
    raise SystemExit(main())
