"""Time long and hostile documents through loading and extraction: is it linear?

Each case is a document made from the seed corpus (``sources/``): its lines cycled to
``N`` short lines, or its words joined into one line of a million characters and
more (extraction parses a sentence that recurs once, so these cost little of the
pipeline's time); the synthetic corpus's paragraphs, none repeated, to 170,000 and
850,000 characters (what a long text costs when every sentence is new); and the
hostile inputs of issue 13 (100,000 nested HTML elements, 50 MB of text, a YAML
"billion laughs" front matter, a symbolic link loop, a FIFO, NUL bytes, marks of
direction and zero-width characters inside names). For each it prints the seconds
``sgcn.loaders.read`` took, the seconds ``sgcn.loaders.extract.extract`` took (both
in one process, which shares a long parse with the helpers it forks), and what came of
it; for the long ones also the ratio to the case a fifth (or a tenth) of its size, where
5x (10x) is linear, and the processor time of the extraction, the helpers' included
(per 1,000 characters of kept text). ``--build`` times ``sgcn build`` end to end instead
(read, extract, graph, validation, writing; no cache, the size limit raised to the
document's size), in a process of its own. ``--profile`` adds the functions whose own
time grew fastest between the two sizes of each long case. ``--before VENV`` runs each case
in another install too (e.g. main before a change, ``bench_extract.py`` makes such
environments), just before this checkout's, and prints both times and the ratio of the
wall times.

Usage::

    python benchmarks/bench_long_documents.py                   # every case
    python benchmarks/bench_long_documents.py --cases lines-20000 one-line-1000001 --profile
    python benchmarks/bench_long_documents.py --max-seconds 300 # give up on a case after that (worker killed)
    python benchmarks/bench_long_documents.py --cases prose-170000 --before VENV  # another install, side by side
    python benchmarks/bench_long_documents.py --cases lines-100000 prose-850000 --build  # sgcn build end to end
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _seed_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        lines += [line.strip() for line in path.read_text("utf-8").splitlines() if 20 <= len(line.strip()) <= 120]
    return lines


def lines_document(count: int) -> bytes:
    """A plain-text release of ``count`` short lines: a title, then the seed lines cycled."""
    seed = _seed_lines()
    body = [seed[i % len(seed)] for i in range(count - 2)]
    return ("LONG RELEASE OF SHORT LINES\n\n" + "\n".join(body) + "\n").encode("utf-8")


def one_line_document(chars: int) -> bytes:
    """One line of ``chars`` characters: the seed lines joined by spaces, cut at a word."""
    seed = " ".join(_seed_lines())
    text = (seed + " ") * (chars // (len(seed) + 1) + 1)
    return text[:chars].encode("utf-8")


def prose_document(chars: int) -> bytes:
    """A plain-text release of about ``chars`` characters in which no paragraph repeats: the
    paragraphs of the synthetic corpus (``synthetic_corpus.py``, about 850,000 characters in
    its first 1,000 documents), one after another.

    The cases made from the seed repeat its text over and over, and extraction parses a
    repeated sentence once: this one is what a long document costs when every sentence is new.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic_corpus import write_corpus

    from sgcn.loaders import read_folder

    documents = 1000 * max(1, -(-chars // 850_000))
    with tempfile.TemporaryDirectory(prefix="sgcn-prose-") as tmp:
        corpus = read_folder(write_corpus(documents, Path(tmp) / "corpus")).documents
    paragraphs, total = [], 0
    for document in corpus:
        for paragraph in document.text.split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if len(paragraph) > 200 and total < chars:
                paragraphs.append(paragraph)
                total += len(paragraph) + 2
    return ("LONG RELEASE\n\n" + "\n\n".join(paragraphs) + "\n").encode("utf-8")


def nested_html(depth: int) -> bytes:
    page = ("<!DOCTYPE html><html><head><title>Deep</title></head><body><article>"
            "<p>Singapore and Chongqing signed a memorandum on data cooperation on 5 May 2021.</p>"
            + "<div>" * depth + "deep" + "</div>" * depth + "</article></body></html>")
    return page.encode("utf-8")


def billion_laughs() -> bytes:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        previous = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        levels.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return ("---\ntitle: Laughs\n" + "\n".join(levels) + "\n---\nSingapore met Chongqing on 5 May 2021.\n").encode()


NAMES_WITH_MARKS = (
    "TITLE\n\nVice Mayor Li\u200bBo of Chongqing met Luke\u200d Goh in Sing\u200capore on 5 May 2021. "
    "\u200fLi Bo\u200f signed a pact with the Ministry of Trade and Industry (MTI).\n"
)

CASES = {
    "lines-4000": ("plain text, 4,000 short lines", lambda d: _write(d, "r.txt", lines_document(4_000))),
    "lines-20000": ("plain text, 20,000 short lines", lambda d: _write(d, "r.txt", lines_document(20_000))),
    "lines-100000": ("plain text, 100,000 short lines", lambda d: _write(d, "r.txt", lines_document(100_000))),
    "one-line-200000": ("one line of 200,000 characters", lambda d: _write(d, "r.txt", one_line_document(200_000))),
    "one-line-1000001": ("one line of 1,000,001 characters",
                         lambda d: _write(d, "r.txt", one_line_document(1_000_001))),
    "prose-170000": ("plain text, 170,000 characters, no paragraph repeated",
                     lambda d: _write(d, "p.txt", prose_document(170_000))),
    "prose-850000": ("plain text, 850,000 characters, no paragraph repeated",
                     lambda d: _write(d, "p.txt", prose_document(850_000))),
    "html-nested-100000": ("HTML, 100,000 nested <div>", lambda d: _write(d, "p.html", nested_html(100_000))),
    "text-50MB": ("a 50 MB text file", lambda d: _write(d, "big.txt", one_line_document(50_000_000))),
    "yaml-billion-laughs": ("front matter: YAML billion laughs", lambda d: _write(d, "l.md", billion_laughs())),
    "nul-bytes": ("NUL bytes in a text", lambda d: _write(d, "n.txt", b"TITLE\n\nSingapore\x00 met China.\n")),
    "names-with-marks": ("RTL marks, zero-width joiners in names",
                         lambda d: _write(d, "z.txt", NAMES_WITH_MARKS.encode())),
    "symlink-loop": ("a symbolic link loop", lambda d: _link_loop(d)),
    "fifo": ("a FIFO", lambda d: _fifo(d)),
}
# long cases compared with the one a fifth (tenth) of their size
PAIRS = {"lines-20000": "lines-4000", "lines-100000": "lines-20000", "one-line-1000001": "one-line-200000",
         "prose-850000": "prose-170000"}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _link_loop(folder: Path) -> Path:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return folder / "a.txt"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def measure(case: str, folder: Path, profile: str | None = None) -> dict:
    """Read and extract one case's document; seconds of each, and what came of it."""
    import logging

    from sgcn.loaders import read, read_folder
    from sgcn.loaders.errors import LoadError
    from sgcn.loaders.extract import extract

    logging.disable(logging.WARNING)
    extract(read(_write(folder, "warm.txt", b"TITLE\n\nVice Mayor Li Bo visited Singapore on 5 May 2021.\n")))
    (folder / "warm.txt").unlink()
    path = CASES[case][1](folder)
    result = {"case": case, "bytes": path.lstat().st_size if not path.is_symlink() else 0}
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    started = time.perf_counter()
    if case in ("symlink-loop", "fifo"):
        folder_result = read_folder(folder)
        result.update(read=time.perf_counter() - started, extract=0.0,
                      outcome="; ".join(folder_result.skipped) or "read")
    else:
        try:
            document = read(path)
        except LoadError as err:
            result.update(read=time.perf_counter() - started, extract=0.0, outcome=f"refused: {err.message}")
        else:
            result["read"] = time.perf_counter() - started
            started, processor, helpers = time.perf_counter(), time.process_time(), _children_time()
            extraction = extract(document)
            result["extract"] = time.perf_counter() - started
            result["cpu"] = time.process_time() - processor
            result["helpers"] = _children_time() - helpers  # the processes a long parse is shared with
            result["chars"] = len(document.text)
            labels = sorted(e.label for e in extraction.entities)
            result["outcome"] = (f"{len(document.text):,} characters kept, {len(extraction.entities)} entities, "
                                 f"{len(extraction.relations)} relations" + (f": {labels}" if len(labels) <= 6 else ""))
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    return result


def _children_time() -> float:
    """Processor seconds of this process's children that have ended (the parse's helpers)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measure_build(case: str, folder: Path, max_seconds: float) -> dict:
    """``sgcn build`` end to end (read, extract, graph, validation, writing) of one case's
    document in a process of its own, no cache, the size limit raised to take it."""
    sources, out = folder / "sources", folder / "graph.ttl"
    sources.mkdir()
    path = CASES[case][1](sources)
    result = {"case": case, "bytes": path.lstat().st_size if not path.is_symlink() else 0, "read": 0.0}
    command = [sys.executable, "-c", "import sys; from sgcn.graph.cli import main; sys.exit(main(sys.argv[1:]))",
               "build", "--sources", str(sources), "--out", str(out), "--no-cache",
               "--max-document-size", str(max(result["bytes"], 1))]
    started, before = time.perf_counter(), _children_time()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=max_seconds)
    except subprocess.TimeoutExpired:
        result.update(extract=float("nan"), outcome=f"stopped after {max_seconds:.0f} s")
        return result
    result["extract"] = time.perf_counter() - started
    result["build_cpu"] = _children_time() - before
    summary = [line.strip() for line in done.stdout.splitlines() if line.startswith(("entities", "facts", "triples"))]
    result["outcome"] = (f"sgcn build exit {done.returncode}; " + "; ".join(summary) if done.returncode == 0
                         else f"sgcn build exit {done.returncode}: {done.stderr.strip()[-150:]}")
    return result


def _child(case: str, profile: str | None, queue, build_seconds: float | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="sgcn-long-") as tmp:
        if build_seconds is not None:
            queue.put(measure_build(case, Path(tmp), build_seconds))
        else:
            queue.put(measure(case, Path(tmp), profile))


def run_case(case: str, max_seconds: float, profile: str | None = None, build: bool = False) -> dict:
    """:func:`measure` (or :func:`measure_build`) in a worker process, stopped after ``max_seconds``.

    Not a daemon process: extraction may share a long parse with helpers it forks.
    """
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(case, profile, queue, max_seconds if build else None))
    process.start()
    try:
        return queue.get(timeout=max_seconds + 60)
    except Exception:  # noqa: BLE001 - queue.Empty: it ran past the limit
        return {"case": case, "read": float("nan"), "extract": float("nan"),
                "outcome": f"stopped after {max_seconds:.0f} s"}
    finally:
        process.kill()
        process.join()


def grown(small: str, large: str, top: int = 12) -> list[str]:
    """The functions whose own time grew fastest from the small profile to the large one."""
    a, b = pstats.Stats(small).stats, pstats.Stats(large).stats  # type: ignore[attr-defined]
    rows = []
    for key, (_, _, tottime, cumtime, _) in b.items():
        before = a.get(key, (0, 0, 0.0, 0.0, 0))[2]
        if tottime > 0.2:
            rows.append((tottime, before, key))
    rows.sort(reverse=True)
    out = []
    for tottime, before, (filename, line, name) in rows[:top]:
        ratio = f"{tottime / before:7.1f}x" if before > 0.001 else "    new"
        out.append(f"    {tottime:8.2f} s (was {before:6.2f} s, {ratio})  {name}  {Path(filename).name}:{line}")
    return out


def run_before(venv: Path, case: str, max_seconds: float, build: bool = False) -> dict:
    """:func:`run_case` in another install's Python (``venv``): this script, its ``--json`` output."""
    command = [str(venv / "bin" / "python"), str(Path(__file__).resolve()), "--json", "--cases", case,
               "--max-seconds", str(max_seconds), *(["--build"] if build else [])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=max_seconds + 600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"case": case, "read": float("nan"), "extract": float("nan"),
                "outcome": f"before failed: {done.stderr.strip()[-200:]}"}
    return json.loads(lines[-1])


def _processor(result: dict) -> float | None:
    """Processor seconds of the extraction (its helpers' included) or of the whole build."""
    if "build_cpu" in result:
        return result["build_cpu"]
    return result["cpu"] + result.get("helpers", 0.0) if "cpu" in result else None


def _per_1000(result: dict) -> str:
    processor = _processor(result)
    if processor is None:
        return ""
    helpers = f", {result['helpers']:.1f} s of it in the parse's helpers" if result.get("helpers") else ""
    per = f", {processor / result['chars'] * 1e6:.0f} ms per 1,000 characters" if result.get("chars") else ""
    return f"{processor:.1f} s ({result['extract']:.1f} s wall{helpers}{per})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES))
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop a case after this (default: 600)")
    parser.add_argument("--profile", action="store_true", help="profile the long cases and their smaller pair")
    parser.add_argument("--before", type=Path, metavar="VENV",
                        help="also run each case in this virtual environment's install, just before this checkout's")
    parser.add_argument("--build", action="store_true",
                        help="time `sgcn build` end to end (no cache, the size limit raised) instead of read and extract")
    parser.add_argument("--json", action="store_true", help="print each result as a line of JSON (for --before)")
    args = parser.parse_args(argv)
    if args.json:
        for case in args.cases:
            print(json.dumps(run_case(case, args.max_seconds, build=args.build)), flush=True)
        return 0
    cases = list(args.cases)
    if args.profile:  # each long case needs its smaller pair measured too
        cases = list(dict.fromkeys([c for case in cases for c in (PAIRS.get(case), case) if c]))
    profiles = Path(tempfile.mkdtemp(prefix="sgcn-long-profiles-"))
    results = {}
    print(f"{'case':<22}{'bytes':>12}{'read (s)':>10}{'build (s)' if args.build else 'extract (s)':>13}{'ratio':>8}"
          "  outcome")
    for case in cases:
        profile = str(profiles / f"{case}.prof") if args.profile else None
        before = run_before(args.before, case, args.max_seconds, args.build) if args.before is not None else None
        result = run_case(case, args.max_seconds, profile, args.build)
        results[case] = result
        total = result["read"] + result["extract"]
        ratio = ""
        if case in PAIRS and PAIRS[case] in results:
            other = results[PAIRS[case]]
            ratio = f"{total / (other['read'] + other['extract']):.1f}x"
        print(f"{case:<22}{result.get('bytes', 0):>12,}{result['read']:>10.2f}{result['extract']:>13.2f}"
              f"{ratio:>8}  {result['outcome'][:150]}", flush=True)
        what = "the build's" if args.build else "extraction's"
        now, then = _processor(result), before and _processor(before)
        if args.before is not None and (now is not None or then is not None):
            print(f"{'':<22}{what} processor time: before {_per_1000(before)}, now {_per_1000(result)}"
                  + (f", wall now / before {result['extract'] / before['extract']:.2f}x" if now and then else "")
                  + f" (before: {before['outcome'][:80]})", flush=True)
        elif now is not None:
            print(f"{'':<22}{what} processor time: {_per_1000(result)}", flush=True)
        if args.profile and case in PAIRS and PAIRS[case] in results and result["read"] == result["read"]:
            print(f"  grew most from {PAIRS[case]} to {case} (own time):")
            print("\n".join(grown(str(profiles / f"{PAIRS[case]}.prof"), str(profiles / f"{case}.prof"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
