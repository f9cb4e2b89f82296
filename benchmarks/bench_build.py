"""Benchmark ``sgcn build`` on synthetic corpora of 100, 1,000 and 10,000 documents.

For each size the corpus is written by ``benchmarks/synthetic_corpus.py`` (distinct
press releases in all five formats; into ``benchmarks/out/corpus-N``, kept between
runs) and built four ways, each in a fresh process so peak memory is its own:

- **today** (the build before incremental builds: one process, every document read
  and extracted, one rdflib graph of the whole corpus, pySHACL over all of it, rdflib's
  ``longturtle``): skipped above ``--today-up-to`` documents (default 1,000);
- **cold**: ``sgcn build`` with an empty cache, worker processes on every core;
- **warm**: again, nothing changed;
- **one changed**: one document edited (a city renamed in it), then rebuilt.

It prints wall times, documents per second, peak memory (the sum of the proportional
set size, PSS, of the build process and its workers, sampled every 0.1 s) and, for the
cold build, the share of the processor time all processes spent validating and writing.

Usage::

    python benchmarks/bench_build.py                         # 100, 1000, 10000
    python benchmarks/bench_build.py --sizes 100 1000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
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


def run_measured(argv: list[str]) -> tuple[float, float, dict]:
    """Run ``argv``; return (wall seconds, peak MB of the process tree's PSS, its JSON report)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], sum(_pss_kib(p) for p in _tree(process.pid)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}):\n{err[-3000:]}")
    report = json.loads(out.strip().splitlines()[-1])
    return wall, peak[0] / 1024, report


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
    if not summary.written:
        print(json.dumps({"error": [str(v) for v in summary.report.violations][:5]}))
        return 1
    print(json.dumps({"documents": summary.documents, "extracted": summary.extracted, "triples": summary.triples,
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
    """A copy of ``folder`` with one document changed (its first city renamed)."""
    copy = Path(tempfile.mkdtemp(prefix="sgcn-bench-")) / folder.name
    shutil.copytree(folder, copy)
    target = sorted(copy.iterdir())[len(list(copy.iterdir())) // 2]
    text = target.read_text(encoding="utf-8")
    for city in ("Chongqing", "Shenzhen", "Guangzhou", "Chengdu", "Suzhou", "Singapore"):
        if city in text:
            target.write_text(text.replace(city, "Xiamen", 1), encoding="utf-8")
            break
    return copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--today-up-to", type=int, default=1000, help="run today's build up to this many documents")
    parser.add_argument("--child", choices=("today", "build"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    me = [sys.executable, str(Path(__file__).resolve())]
    rows = []
    print(f"sgcn build benchmark: {os.cpu_count()} cores, {args.jobs} worker processes", flush=True)
    for size in args.sizes:
        folder = _corpus(size)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir()) / size
        work = Path(tempfile.mkdtemp(prefix="sgcn-bench-"))
        cache = work / "cache"
        row = {"size": size, "words": words}
        if size <= args.today_up_to:
            row["today"] = run_measured(me + ["--child", "today", "--folder", str(folder), "--out", str(work / "today.ttl")])
        base = me + ["--child", "build", "--jobs", str(args.jobs), "--cache", str(cache)]
        row["cold"] = run_measured(base + ["--folder", str(folder), "--out", str(work / "cold.ttl")])
        row["warm"] = run_measured(base + ["--folder", str(folder), "--out", str(work / "warm.ttl")])
        assert (work / "warm.ttl").read_bytes() == (work / "cold.ttl").read_bytes(), "warm build differs from cold"
        edited = _edit_one(folder)
        row["changed"] = run_measured(base + ["--folder", str(edited), "--out", str(work / "changed.ttl")])
        assert row["changed"][2]["extracted"] == 1, row["changed"][2]
        shutil.rmtree(edited.parent, ignore_errors=True)
        rows.append(row)
        _print_row(row)
        shutil.rmtree(work, ignore_errors=True)
    print()
    _print_table(rows)
    return 0


def _print_row(row: dict) -> None:
    cold = row["cold"]
    work = cold[2]["work"]
    share = (work.get("validate", 0) + work.get("write", 0)) / max(sum(work.values()), 1e-9)
    print(f"{row['size']:>6} docs ({row['words']:.0f} words each): cold {cold[0]:.1f} s, {cold[2]['triples']:,} triples; "
          f"processor seconds {json.dumps({k: round(v, 1) for k, v in work.items()})}, validation+writing {share:.0%}",
          flush=True)


def _print_table(rows: list[dict]) -> None:
    print("| documents | today's build | docs/s | peak | cold build | docs/s | peak | warm (nothing changed) | "
          "one document changed | validation + writing, share of the cold build's work |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        size = row["size"]
        today = row.get("today")
        today_cells = (f"{today[0]:.1f} s | {size / today[0]:.1f} | {today[1]:.0f} MB" if today else "- | - | -")
        cold, warm, changed = row["cold"], row["warm"], row["changed"]
        work = cold[2]["work"]
        share = (work.get("validate", 0) + work.get("write", 0)) / max(sum(work.values()), 1e-9)
        print(f"| {size:,} | {today_cells} | {cold[0]:.1f} s | {size / cold[0]:.1f} | {cold[1]:.0f} MB | "
              f"{warm[0]:.1f} s | {changed[0]:.1f} s | {share:.0%} |")


if __name__ == "__main__":
    raise SystemExit(main())
