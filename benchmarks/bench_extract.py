"""Benchmark what the trained pipeline costs: ``sgcn build`` before and after it, side by side.

**Before** is sgcn as it was just before extraction read a trained spaCy pipeline: the
parent of the commit that added ``loaders/extract/nlp.py``, installed into its own
virtual environment. The first run makes it (``git archive`` of that revision and
``pip install``, about a minute, into ``benchmarks/out/before-REV/``, kept between runs);
``--before VENV`` names another install instead. **After** is this checkout's install,
the Python running this script.

Each corpus is built by both, ``sgcn build --no-cache`` into temporary files and caches,
interleaved (before, after, before, after, ...) so that both meet the same load on a
shared machine, after one uncounted build of the seed by each (bytecode caches). The corpora:

- **seed**: ``sources/`` (the five seed documents);
- **genre**: every ``tests/data/genre/*/docs`` file, in one folder;
- **synthetic**: the first ``--synthetic N`` documents of ``synthetic_corpus.py``'s corpus
  (``benchmarks/out/corpus-N``, as ``bench_build.py`` makes it); 0 leaves it out.

For each it prints the medians of wall time and processor time (user + system of the
build and every worker it started: this process adopts them, see ``process_tree.adopt_orphans``) per document, the peak memory (the
largest sum of the proportional set size, PSS, of the build's processes, sampled every
0.1 s as ``bench_build.py`` samples it), the triples written, and after / before.

Then the trained pipeline alone, in a fresh process of this install, in processor time
(which the load of a shared machine leaves alone): loading the pipeline (once per
process that extracts: the build and each of its workers), and, while each document of
every corpus is extracted, the time spent in the pipeline's ``pipe`` (every sentence it
parses), per document, per 1,000 characters of kept text and as a share of the
document's extraction.

A whole run is about 6 minutes of processor time (19 minutes of wall on 2 cores at a
load average of 9-15); ``--synthetic 0 --repeat 1`` is about a fifth of it.

Usage::

    python benchmarks/bench_extract.py                          # 2 runs each, 100 synthetic
    python benchmarks/bench_extract.py --repeat 1 --synthetic 0
    python benchmarks/bench_extract.py --before /path/to/venv   # another install as before
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
from bench_build import _corpus  # noqa: E402  (a sibling script, not a package)
from process_tree import adopt_orphans, run_measured  # noqa: E402

AFTER = Path(sys.executable).with_name("sgcn")
# children run as after a normal install, their bytecode cached
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def before_revision() -> str:
    """The revision before the trained pipeline: the parent of the commit adding nlp.py."""
    added = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--",
                            "loaders/extract/nlp.py"], capture_output=True, text=True, check=True).stdout.split()
    if not added:
        raise SystemExit("no commit adds loaders/extract/nlp.py here: give --before VENV")
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", added[-1] + "^"],
                          capture_output=True, text=True, check=True).stdout.strip()


def before_install(revision: str) -> Path:
    """A virtual environment with sgcn at ``revision`` installed (made once, then kept)."""
    home = OUT / f"before-{revision}"
    venv = home / "venv"
    if (venv / ".installed").exists():
        return venv
    print(f"installing sgcn {revision} into {venv} (once; about a minute) ...", file=sys.stderr, flush=True)
    shutil.rmtree(home, ignore_errors=True)
    (home / "src").mkdir(parents=True)
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", revision], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(home / "src")], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit(f"git archive {revision} failed")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(home / "src")], check=True)
    (venv / ".installed").write_text(revision + "\n", encoding="ascii")
    return venv


def build_command(sgcn: Path, folder: Path, work: Path, jobs: int) -> list[str]:
    return [str(sgcn), "build", "--sources", str(folder), "--out", str(work / "out.ttl"), "--no-cache",
            "--cache-dir", str(work / "cache"), "--jobs", str(jobs)]


def triples(summary: str) -> int:
    for line in summary.splitlines():
        if line.startswith("triples:"):
            return int(line.split()[1].replace(",", ""))
    return -1


def corpora(synthetic: int) -> list[tuple[str, Path]]:
    genre = Path(tempfile.mkdtemp(prefix="sgcn-bench-genre-")) / "genre"
    genre.mkdir()
    for path in sorted(ROOT.glob("tests/data/genre/*/docs/*")):
        if (genre / path.name).exists():
            raise SystemExit(f"two genre documents are named {path.name}")
        shutil.copy2(path, genre / path.name)
    found = [("seed", ROOT / "sources"), ("genre", genre)]
    if synthetic:
        found.append((f"synthetic {synthetic}", _corpus(synthetic)))
    return found


def documents_in(folder: Path) -> int:
    from_python = [sys.executable, "-c", "import sys; from sgcn.loaders import read_folder; "
                   "print(len(read_folder(sys.argv[1]).documents))", str(folder)]
    return int(subprocess.run(from_python, capture_output=True, text=True, check=True, env=ENV).stdout)


def side_by_side(name: str, folder: Path, before: Path, repeat: int, jobs: int) -> dict:
    count = documents_in(folder)
    work = Path(tempfile.mkdtemp(prefix="sgcn-bench-extract-"))
    runs: dict[str, list] = {"before": [], "after": []}
    try:
        for _ in range(repeat):
            for side, sgcn in (("before", before), ("after", AFTER)):
                shutil.rmtree(work / side, ignore_errors=True)
                (work / side).mkdir()
                runs[side].append(run_measured(build_command(sgcn, folder, work / side, jobs), ENV))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    row = {"corpus": name, "documents": count}
    for side, measured in runs.items():
        row[side] = {"wall": statistics.median(r.wall for r in measured),
                     "cpu": statistics.median(r.cpu for r in measured),
                     "peak": max(r.peak_mb for r in measured), "triples": triples(measured[-1].out)}
    b, a = row["before"], row["after"]
    print(f"  {name} ({count} documents): before {b['wall']:.1f} s wall, {b['cpu']:.1f} s cpu, {b['peak']:.0f} MB | "
          f"after {a['wall']:.1f} s wall, {a['cpu']:.1f} s cpu, {a['peak']:.0f} MB", file=sys.stderr, flush=True)
    return row


# In a fresh process of this install: the pipeline's load, then every document extracted
# with the time spent inside the pipeline's pipe() counted (every parse goes through it).
PIPELINE_COST = r"""
import json, sys, time
def resident_mb():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:")) / 1024
rss0 = resident_mb()
clock = time.process_time  # processor time: what the load of a shared machine leaves alone
t = clock(); import spacy; imported = clock() - t
from sgcn.loaders import read_folder
from sgcn.loaders.extract import extract
from sgcn.loaders.extract import nlp as sgcn_nlp
rss1 = resident_mb()
t, wall = clock(), time.perf_counter()
language = sgcn_nlp.pipeline()
loaded, loaded_wall = clock() - t, time.perf_counter() - wall
rss2 = resident_mb()
spent = [0.0, 0]
pipe = language.pipe
def timed_pipe(texts, *args, **kwargs):
    docs = pipe(texts, *args, **kwargs)
    while True:
        t = clock()
        try:
            doc = next(docs)
        except StopIteration:
            return
        finally:
            spent[0] += clock() - t
        spent[1] += 1
        yield doc
language.pipe = timed_pipe
rows = []
for folder in sys.argv[1:]:
    documents = read_folder(folder).documents
    extract(documents[0])  # not counted: the rules' first load
    parse = extracted = 0.0
    chars = sentences = 0
    for document in documents:
        spent[:] = [0.0, 0]
        t = clock(); extract(document); extracted += clock() - t
        parse += spent[0]; sentences += spent[1]; chars += len(document.text)
    rows.append({"folder": folder, "documents": len(documents), "chars": chars, "sentences": sentences,
                 "parse": parse, "extract": extracted})
print(json.dumps({"pipeline": sgcn_nlp.identity(), "import": imported, "load": loaded, "load_wall": loaded_wall,
                  "load_mb": rss2 - rss1, "import_mb": rss1 - rss0, "rows": rows}))
"""


def pipeline_cost(folders: list[Path]) -> dict:
    found = run_measured([sys.executable, "-c", PIPELINE_COST, *map(str, folders)], ENV)
    return json.loads(found.out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="virtual environment of the install to measure as before "
                        "(default: benchmarks/out/before-REV, made from the revision before the trained pipeline)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each build (default 2)")
    parser.add_argument("--synthetic", type=int, default=100, help="synthetic documents (default 100; 0: none)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="build worker processes (default: cores)")
    args = parser.parse_args(argv)
    adopt_orphans()
    if args.before:
        venv, label = args.before, str(args.before)
    else:
        revision = before_revision()
        venv, label = before_install(revision), revision
    before = venv / "bin" / "sgcn"
    if not before.exists():
        raise SystemExit(f"{before} does not exist: --before wants a virtual environment with sgcn installed")
    print(f"sgcn build, before ({label}) and after (this checkout), interleaved, --no-cache, --jobs {args.jobs}, "
          f"{args.repeat} runs each; {os.cpu_count()} cores", file=sys.stderr, flush=True)
    found = corpora(args.synthetic)
    for sgcn in (before, AFTER):  # not counted: writes the bytecode caches, warms the file cache
        with tempfile.TemporaryDirectory(prefix="sgcn-bench-extract-") as work:
            run_measured(build_command(sgcn, ROOT / "sources", Path(work), args.jobs), ENV)
    rows = [side_by_side(name, folder, before, args.repeat, args.jobs) for name, folder in found]
    cost = pipeline_cost([folder for _, folder in found])
    shutil.rmtree(found[1][1].parent, ignore_errors=True)
    print_tables(rows, cost, label, args)
    return 0


def print_tables(rows: list[dict], cost: dict, label: str, args: argparse.Namespace) -> None:
    print(f"sgcn build --no-cache --jobs {args.jobs}, median of {args.repeat} interleaved runs, {os.cpu_count()} cores; "
          f"before = {label}, after = this checkout")
    print()
    print("| corpus | documents | wall per document, before -> after | ratio | processor time per document, "
          "before -> after | ratio | peak memory, before -> after | ratio | triples, before -> after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        n, b, a = row["documents"], row["before"], row["after"]
        print(f"| {row['corpus']} | {n} | {b['wall'] / n:.2f} s -> {a['wall'] / n:.2f} s | {a['wall'] / b['wall']:.1f}x | "
              f"{b['cpu'] / n:.2f} s -> {a['cpu'] / n:.2f} s | {a['cpu'] / b['cpu']:.1f}x | "
              f"{b['peak']:.0f} MB -> {a['peak']:.0f} MB | {a['peak'] / b['peak']:.1f}x | "
              f"{b['triples']:,} -> {a['triples']:,} |")
    print()
    print(f"The trained pipeline ({cost['pipeline']}), in one process: loading it {cost['load']:.2f} s of processor "
          f"time ({cost['load_wall']:.2f} s wall), +{cost['load_mb']:.0f} MB resident, once per process that extracts "
          f"(the build's own and each worker's); importing spaCy and sgcn's extraction, {cost['import']:.2f} s and "
          f"+{cost['import_mb']:.0f} MB, was paid before too (spaCy's sentencizer). Per document, processor time:")
    print()
    print("| corpus | characters per document | sentences parsed per document | parse per document | "
          "parse per 1,000 characters | extraction per document | parse, share of extraction |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row, measured in zip(rows, cost["rows"]):
        n = measured["documents"]
        print(f"| {row['corpus']} | {measured['chars'] / n:,.0f} | {measured['sentences'] / n:.0f} | "
              f"{measured['parse'] / n * 1000:.0f} ms | {measured['parse'] / measured['chars'] * 1e6:.1f} ms | "
              f"{measured['extract'] / n * 1000:.0f} ms | {measured['parse'] / measured['extract']:.0%} |")


if __name__ == "__main__":
    raise SystemExit(main())
