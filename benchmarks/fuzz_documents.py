"""Fuzz the loaders and extraction with mutated documents; minimise what breaks them.

A seeded mutator takes the documents the project ships (``sources/``, its
manifest, and every document under ``tests/data/``) and makes variants of them:
bytes flipped, text cut short, lines swapped, dropped or repeated, text spliced in
from another document, strings inserted that loaders find hard (dates that cannot
exist, odd Unicode: right-to-left marks, zero-width joiners, NUL; markup left open,
front matter and metadata dates, deep nesting of HTML, JSON-LD, YAML, brackets),
a file given another extension or none. Each variant is named by ``(seed, index)``
and is the same on every machine, so a failure is replayed by its name.

Each variant is written to a file and read as ``sgcn build`` reads it
(``sgcn.loaders.read`` for a document, ``load_manifest`` + ``merge`` for a
manifest), then extracted (``sgcn.loaders.extract.extract``) and stated as RDF
(``sgcn.graph.rdf.build.build_graph``). :func:`check` asserts what the issue asks:

- no exception other than :class:`~sgcn.loaders.errors.LoadError`;
- the same input read and extracted twice gives the same facts;
- every evidence quote is ``text[start:end]`` of the text the loader kept;
- no document takes longer than ``--limit`` seconds (load + extraction, each run).

A failure is minimised (:func:`minimise`: lines, then characters, removed while the
same failure remains) and written to ``--out`` so that it can become a regression
test in ``tests/data/fuzz/``. The bounded run of the test suite
(``tests/test_fuzz.py``) calls :func:`run` on a fixed seed and a fixed number of
documents; ``make fuzz`` runs a long one (2,000 documents).

Usage::

    python benchmarks/fuzz_documents.py                       # 2,000 documents, seed 1
    python benchmarks/fuzz_documents.py --documents 500 --seed 7 --out /tmp/crashes
    python benchmarks/fuzz_documents.py --replay 7:123         # one variant, verbose
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent

#: Seconds one document may take to load and extract (a few seconds, the issue says).
DEFAULT_LIMIT = 5.0


# ----------------------------------------------------------------------- the seeds


def seed_files(root: Path = ROOT) -> list[Path]:
    """The documents every variant starts from: each format the loaders read.

    Examples:
        >>> names = {p.suffix for p in seed_files()}
        >>> sorted(names)
        ['.html', '.md', '.txt', '.yaml']
    """
    data = root / "tests" / "data"
    found = [*sorted((root / "sources").glob("*.txt")), root / "sources" / "manifest.yaml"]
    found += sorted(p for p in (data / "loaders").rglob("*") if p.suffix in (".txt", ".md", ".html"))
    found += sorted((data / "genre").glob("*/docs/*"))
    return list(dict.fromkeys(found))


# ------------------------------------------------------------------- the mutations

# strings the loaders and the rules find hard, inserted at random places
IMPOSSIBLE_DATES = [
    "31 February 2021", "30 February 2021", "29 February 2023", "February 30, 2020",
    "31 April 2019", "June 31, 2022", "2020-02-31", "2021-13-05", "2020-00-10", "0000-01-01",
    "2020-02-30T09:00:00+08:00", "2020-03-05T09:00:00+25:00", "2020-03-05T25:61:00",
    "SINGAPORE, 31 February 2021 -", "CHONGQING, Feb. 30 (Xinhua) --", "31 FEBRUARY 2021",
    "from 30 to 31 February 2021", "February 28-31, 2021", "4-31 September 2023",
    "year 0", "0 BC", "March 0, 2020", "0 March 2020", "99 March 2020",
]  # fmt: skip
METADATA_DATES = [
    "---\ntitle: T\ndate: 2020-02-31\n---\n", "---\ndate: 2021-13-01\n---\n", "---\ndate: 0000-01-01\n---\n",
    "---\ndate: 2020-03-05 09:00:00 +25:00\n---\n", "---\ndate: 2020-03-05T09:00:00+99:99\n---\n",
    '<meta property="article:published_time" content="2020-02-31T10:00:00+08:00">',
    '<meta name="date" content="2021-13-40">', '<time datetime="0000-00-00">x</time>',
    '<script type="application/ld+json">{"datePublished": "2020-02-31"}</script>',
    "    date: 2020-02-31\n", "    date: 2020-13-01\n", "    date: 0000-01-01\n",
    "    date: 2020-03-05 10:00:00 +25:00\n",
]  # fmt: skip
ODD_UNICODE = [
    "\u200f", "\u200e", "\u202e", "\u202a", "\u2066", "\u2069", "\u200d", "\u200c", "\u200b", "\u2060",
    "\ufeff", "\x00", "\x01", "\x7f", "\u0085", "\u2028", "\u2029", "\u00a0", "\u3000", "\u0301",
    "\ufffd", "\U0001f600", "\u91cd\u5e86", "\u0645\u0631\u062d\u0628\u0627", "\uff33\uff47",
    "\U0001d400", "\u0130", "\u00df", "\ufb01", "\u1e9e",
]  # fmt: skip
MARKUP = [
    "---\n", "...\n", "**", "__", "# ", "> ", "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "<!--", "-->",
    "<html>", "</html>", "</body>", "<p>", "<script>", "</script>", "<![CDATA[", "\\", "`", "```\n",
    "[", "]", "(", ")", "{", "}", '"', "'", "\u2019", "|", ":", "\t", "\n", "\n\n", " /PRNewswire/ --",
    "SOURCE ", "date 2019-08-27\n", "For immediate release\n", "Annex A\n", "Issued by: ",
]  # fmt: skip
PHRASES = [
    "Vice Mayor Li Bo of the Chongqing Municipal People's Government", "Minister Chan Chun Sing",
    "Vice Mayor Li Bo", "Mr Li", "the Ministry of Trade and Industry (MTI)", "Smart China Expo",
    "the 3rd Smart China Expo", "the Joint Implementation Committee", "signed 13 MoUs worth S$1.5 billion",
    "more than 1,200 delegates", "a S$40 million fund", "co-chaired by", "in the presence of",
    "Luke Goh", "Li\u200bBo", "Li\u200d Bo", "\u200fLuke Goh\u200f", "Chong\u200bqing", "S\u200bingapore",
    "and", ",", ".", "The MoU", "It", "He said.", "99999999999999999999 MoUs", "1e400", "S$-0",
    "0.0000001%", "US$NaN", "12,34,5678", "100,000,000,000,000,000 yuan",
]  # fmt: skip
EXTENSIONS = [".txt", ".md", ".html", ".htm", ".text", ".markdown", "", ".TXT", ".pdf"]


def _nest(rng: random.Random) -> str:
    depth = rng.choice([50, 500, 3_000, 20_000])
    kind = rng.choice(["html", "json", "jsonld", "yaml", "brackets", "quote", "list"])
    if kind == "html":
        return "<div>" * depth + "deep" + "</div>" * depth
    if kind == "json":
        return "[" * depth + "]" * depth
    if kind == "jsonld":
        return '<script type="application/ld+json">' + '{"@graph": [' * depth + "{}" + "]}" * depth + "</script>"
    if kind == "yaml":
        return "---\n" + "".join(" " * i + "k:\n" for i in range(min(depth, 300))) + "---\n"
    if kind == "brackets":
        return "(" * depth + ")" * depth
    if kind == "quote":
        return "> " * min(depth, 3_000) + "quoted\n"
    return "".join("  " * i + "- item\n" for i in range(min(depth, 300)))


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def flip_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """Flip one to eight random bits."""
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """Cut the file short (at any byte, perhaps inside a character)."""
    return data[: rng.randrange(len(data) + 1)]


def _on_text(change: Callable[[str, random.Random, list[str]], str]):
    def mutation(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
        text = data.decode("utf-8", errors="replace")
        return change(text, rng, [o.decode("utf-8", errors="replace") for o in others]).encode("utf-8", "surrogatepass")

    mutation.__name__ = change.__name__
    mutation.__doc__ = change.__doc__
    return mutation


@_on_text
def swap_lines(text: str, rng: random.Random, others: list[str]) -> str:
    """Swap two lines."""
    lines = _lines(text)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


@_on_text
def drop_lines(text: str, rng: random.Random, others: list[str]) -> str:
    """Delete a run of lines."""
    lines = _lines(text)
    if lines:
        i = rng.randrange(len(lines))
        del lines[i : i + rng.randint(1, 5)]
    return "".join(lines)


@_on_text
def repeat_lines(text: str, rng: random.Random, others: list[str]) -> str:
    """Repeat a line or a run of lines many times."""
    lines = _lines(text)
    if lines:
        i = rng.randrange(len(lines))
        block = lines[i : i + rng.randint(1, 3)]
        lines[i:i] = block * rng.choice([2, 5, 10])
    return "".join(lines)


@_on_text
def splice(text: str, rng: random.Random, others: list[str]) -> str:
    """Insert or substitute a piece of another document."""
    other = rng.choice(others) if others else text
    a, b = sorted(rng.randrange(len(other) + 1) for _ in range(2))
    at = rng.randrange(len(text) + 1)
    end = at + (rng.randrange(len(text) - at + 1) if rng.random() < 0.5 else 0)
    return text[:at] + other[a:b] + text[end:]


def _insert(text: str, rng: random.Random, piece: str) -> str:
    if rng.random() < 0.3:  # at the start of a line
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        at = rng.choice(starts)
    else:
        at = rng.randrange(len(text) + 1)
    return text[:at] + piece + text[at:]


@_on_text
def insert_date(text: str, rng: random.Random, others: list[str]) -> str:
    """Insert a date that cannot exist, in the text or as metadata."""
    if rng.random() < 0.4:
        piece = rng.choice(METADATA_DATES)
        if piece.startswith("---") and rng.random() < 0.7:
            return piece + text
        if piece.startswith("<") and "</head>" in text.lower():
            at = text.lower().index("</head>")
            return text[:at] + piece + text[at:]
        return _insert(text, rng, piece)
    return _insert(text, rng, rng.choice(IMPOSSIBLE_DATES))


@_on_text
def insert_unicode(text: str, rng: random.Random, others: list[str]) -> str:
    """Insert odd characters, several times, inside words and names."""
    for _ in range(rng.randint(1, 12)):
        text = _insert(text, rng, rng.choice(ODD_UNICODE))
    return text


@_on_text
def insert_markup(text: str, rng: random.Random, others: list[str]) -> str:
    """Insert markup left open or closed out of place."""
    for _ in range(rng.randint(1, 4)):
        text = _insert(text, rng, rng.choice(MARKUP))
    return text


@_on_text
def insert_phrase(text: str, rng: random.Random, others: list[str]) -> str:
    """Insert names, titles, figures and words the rules react to."""
    for _ in range(rng.randint(1, 6)):
        piece = rng.choice(PHRASES)
        text = _insert(text, rng, piece if rng.random() < 0.5 else " " + piece + " ")
    return text


@_on_text
def nest_deeply(text: str, rng: random.Random, others: list[str]) -> str:
    """Insert deeply nested HTML, JSON(-LD), YAML, lists or brackets."""
    piece = _nest(rng)
    if piece.startswith("---") and rng.random() < 0.7:
        return piece + text
    return _insert(text, rng, piece)


@_on_text
def mangle_numbers(text: str, rng: random.Random, others: list[str]) -> str:
    """Change digits (dates, figures, ordinals) to others."""
    chars = list(text)
    digits = [i for i, c in enumerate(chars) if c.isdigit()]
    for i in rng.sample(digits, min(len(digits), rng.randint(1, 10))):
        chars[i] = rng.choice("0123456789")
    return "".join(chars)


@_on_text
def change_case(text: str, rng: random.Random, others: list[str]) -> str:
    """Put a run of lines in capitals, lower case or title case."""
    lines = _lines(text)
    if lines:
        i = rng.randrange(len(lines))
        how = rng.choice([str.upper, str.lower, str.title, str.swapcase])
        lines[i : i + 3] = [how(line) for line in lines[i : i + 3]]
    return "".join(lines)


@_on_text
def reflow(text: str, rng: random.Random, others: list[str]) -> str:
    """Change line breaks: join lines, break them, CRLF, no final newline."""
    how = rng.randrange(4)
    if how == 0:
        return text.replace("\n", " ", rng.randint(1, 50))
    if how == 1:
        return text.replace(". ", ".\n", rng.randint(1, 50))
    if how == 2:
        return text.replace("\n", "\r\n")
    return text.rstrip("\n")


MUTATIONS = [
    flip_bytes, truncate, swap_lines, drop_lines, repeat_lines, splice, insert_date, insert_unicode,
    insert_markup, insert_phrase, nest_deeply, mangle_numbers, change_case, reflow,
]  # fmt: skip
_WEIGHTS = [2, 2, 2, 1, 1, 2, 4, 3, 2, 3, 1, 2, 1, 1]


@dataclass(frozen=True)
class Variant:
    """One mutated document: its name, the file name to write it as, its bytes, how it was made."""

    name: str
    filename: str
    data: bytes
    seed_file: str
    mutations: tuple[str, ...]


def variants(seed: int, count: int, *, start: int = 0, seeds: list[Path] | None = None) -> Iterable[Variant]:
    """``count`` mutated documents, the same ones on every machine for a given ``seed``.

    Examples:
        >>> a = list(variants(1, 3)); b = list(variants(1, 3))
        >>> [v.data for v in a] == [v.data for v in b], len({v.name for v in a})
        (True, 3)
    """
    files = seeds or seed_files()
    originals = [p.read_bytes() for p in files]
    for index in range(start, start + count):
        rng = random.Random(f"{seed}:{index}")
        pick = rng.randrange(len(files))
        path, data = files[pick], originals[pick]
        others = [o for i, o in enumerate(originals) if i != pick]
        applied = []
        for mutation in rng.choices(MUTATIONS, weights=_WEIGHTS, k=rng.choice([1, 1, 2, 3])):
            data = mutation(data, rng, others)
            applied.append(mutation.__name__)
        filename = path.name
        if path.name != "manifest.yaml" and rng.random() < 0.12:
            filename = Path(path.name).stem + rng.choice(EXTENSIONS)
            applied.append("extension")
        yield Variant(f"{seed}:{index}", filename, data, str(path.relative_to(ROOT)), tuple(applied))


# ------------------------------------------------------------------- the checks


class Failure(Exception):
    """A property of the fuzzed document that did not hold (not a crash of the code)."""


@dataclass
class Outcome:
    """What one document did: read or refused, facts, seconds, and the failure if any."""

    loaded: bool = False
    refused: str = ""
    facts: int = 0
    seconds: float = 0.0
    failure: str = ""
    kind: str = ""
    warnings: list[str] = field(default_factory=list)


def _facts(extraction) -> tuple:
    return (extraction.entities, extraction.mentions, extraction.relations, extraction.roles,
            extraction.event_times, extraction.figures, extraction.topics)


def _evidence_of(extraction) -> Iterable:
    for group in _facts(extraction)[1:]:
        for fact in group:
            yield fact.evidence


def _read_and_extract(folder: Path, filename: str, data: bytes):
    """Write ``data`` as ``folder/filename``, read it as a build would, extract it, state it as RDF."""
    from sgcn.graph.rdf.build import build_graph
    from sgcn.loaders import read
    from sgcn.loaders.extract import extract, merge_extractions
    from sgcn.loaders.manifest import load_manifest, merge

    path = folder / filename
    path.write_bytes(data)
    if filename in ("manifest.yaml", "manifest.yml"):
        entries = load_manifest(path)
        from sgcn.loaders import read as read_document

        docs = []
        for name in sorted(entries)[:2]:
            source = ROOT / "sources" / name
            try:
                present = source.is_file()
            except OSError:  # a name the system cannot look up (too long, ...): no such source
                present = False
            if present:
                docs.append(merge(read_document(source), entries[name]))
        extractions = merge_extractions([extract(d) for d in docs])
        build_graph(extractions)
        return docs, extractions
    document = read(path)
    extraction = extract(document)
    build_graph(merge_extractions([extraction]))
    return [document], [extraction]


_WARM: list[bool] = []


def warm_up(folder: Path) -> None:
    """Load what extraction loads once per process (spaCy, gazetteer, patterns), so that
    the first document's time is its own. Once per process."""
    if _WARM:
        return
    _WARM.append(True)
    _read_and_extract(folder, "warm-up.txt", b"TITLE\n\nVice Mayor Li Bo of Chongqing visited Singapore on 5 May 2021.\n")


def check(filename: str, data: bytes, *, folder: Path, limit: float = DEFAULT_LIMIT, twice: bool = True) -> Outcome:
    """Read and extract one document; raise on a crash or a property that does not hold.

    Raises:
        Failure: the facts differ between two runs, a quote is not the kept text
            between its offsets, or the document took longer than ``limit`` seconds.
        Exception: any exception the code raised other than ``LoadError``.

    Examples:
        >>> import tempfile
        >>> outcome = check("a.txt", b"TITLE\\n\\nSingapore met Chongqing on 31 February 2021.\\n",
        ...                 folder=Path(tempfile.mkdtemp()))
        >>> outcome.loaded
        True
        >>> check("a.pdf", b"%PDF", folder=Path(tempfile.mkdtemp())).refused.startswith("unknown format")
        True
    """
    from sgcn.loaders.errors import LoadError

    outcome = Outcome()
    runs = []
    for _ in range(2 if twice else 1):
        started = time.perf_counter()
        try:
            documents, extractions = _read_and_extract(folder, filename, data)
        except LoadError as err:
            outcome.refused = err.message
            outcome.seconds = max(outcome.seconds, time.perf_counter() - started)
            runs.append(("refused", err.message))
            continue
        outcome.seconds = max(outcome.seconds, time.perf_counter() - started)
        outcome.loaded = True
        for document, extraction in zip(documents, extractions):
            for evidence in _evidence_of(extraction):
                if evidence.source != document.source:
                    raise Failure(f"evidence names {evidence.source!r}, not {document.source!r}")
                if document.text[evidence.start : evidence.end] != evidence.quote:
                    raise Failure(f"quote {evidence.quote!r} is not the kept text at {evidence.start}-{evidence.end}")
        outcome.facts = sum(len(g) for x in extractions for g in _facts(x)[1:])
        runs.append(("read", [(d, _facts(x)) for d, x in zip(documents, extractions)]))
    if len(runs) == 2 and runs[0] != runs[1]:
        raise Failure("the same input gave different results twice")
    if outcome.seconds > limit:
        raise Failure(f"took {outcome.seconds:.1f} s (limit {limit} s)")
    return outcome


def signature(error: BaseException) -> str:
    """What identifies a failure for deduplication and minimisation: its type, message
    shape and the innermost sgcn frame.

    Examples:
        >>> try:
        ...     {}["x"]
        ... except KeyError as err:
        ...     signature(err).startswith("KeyError")
        True
    """
    if isinstance(error, Failure):
        text = str(error)
        return "Failure: " + ("took too long" if text.startswith("took") else text.split(" ")[0] + " " + text.split(" ")[-1])
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/sgcn/" in f.filename or "/loaders/" in f.filename or "/graph/" in f.filename]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].name}" if ours else (
        f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?")
    message = "".join(c if not c.isdigit() else "N" for c in str(error).split("\n")[0])[:80]
    return f"{type(error).__name__} at {where}: {message}"


def probe(filename: str, data: bytes, folder: Path, limit: float) -> str:
    """The signature of the failure ``data`` causes, ``""`` when it passes."""
    try:
        check(filename, data, folder=folder, limit=limit)
    except Exception as err:  # noqa: BLE001 - a fuzzer reports every crash
        return signature(err)
    return ""


# --------------------------------------------------------------------- minimising


def _ddmin(items: list, fails: Callable[[list], bool], budget: list[int]) -> list:
    """Remove chunks of ``items`` while ``fails`` still holds (delta debugging, greedy)."""
    chunk = max(1, len(items) // 2)
    while chunk >= 1 and budget[0] > 0:
        index, removed = 0, False
        while index < len(items) and budget[0] > 0:
            candidate = items[:index] + items[index + chunk :]
            budget[0] -= 1
            if candidate and fails(candidate):
                items, removed = candidate, True
            else:
                index += chunk
        if not removed:
            chunk //= 2
    return items


def _probe_worker(tasks, results, folder: str, limit: float) -> None:
    """A prober process: answer each ``(filename, data)`` on ``tasks`` with its signature."""
    logging.disable(logging.WARNING)
    warm_up(Path(folder))
    results.put("ready")
    while (task := tasks.get()) is not None:
        filename, data = task
        results.put(probe(filename, data, Path(folder) / "probe", limit))


class Prober:
    """:func:`probe` in a worker process with a time limit: a candidate that hangs (or
    kills its process) while minimising costs ``hang`` seconds and a fresh process, not
    the run. The process is warmed up once and reused while it answers.

    A candidate still running after ``hang`` seconds gets the signature
    ``"Failure: the process hangs (over N s)"``, one whose process died
    ``"Failure: the process died (exit code N)"``: the ones :func:`run_parallel` gives.
    """

    def __init__(self, folder: Path, limit: float, hang: float, warm_up_timeout: float = 300.0):
        self.folder, self.limit, self.hang, self.warm_up_timeout = folder, limit, hang, warm_up_timeout
        self._context = multiprocessing.get_context("spawn")
        self._process = None

    def _launch(self) -> None:
        import queue

        here = str(Path(__file__).resolve().parent)
        if __name__ != "__main__" and here not in sys.path:
            sys.path.append(here)  # a spawned process imports this module by its name (as the tests load it)
        (self.folder / "probe").mkdir(parents=True, exist_ok=True)
        self._tasks, self._results = self._context.Queue(), self._context.Queue()
        self._process = self._context.Process(target=_probe_worker, daemon=True,
                                              args=(self._tasks, self._results, str(self.folder), self.limit))
        self._process.start()
        deadline = time.monotonic() + self.warm_up_timeout
        while True:
            try:
                self._results.get(timeout=1.0)
                return
            except queue.Empty:
                if not self._process.is_alive() or time.monotonic() > deadline:
                    code = self._process.exitcode
                    self.close()
                    raise RuntimeError(f"the prober did not warm up (exit code {code})") from None

    def __call__(self, filename: str, data: bytes, *, hang: float | None = None) -> str:
        """The signature of the failure ``data`` causes, ``""`` when it passes (``hang``:
        this candidate's time limit, if not the prober's)."""
        import queue

        hang = self.hang if hang is None else hang
        if self._process is None or not self._process.is_alive():
            self._launch()
        self._tasks.put((filename, data))
        deadline = time.monotonic() + hang
        while True:
            try:
                return self._results.get(timeout=min(1.0, max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                if not self._process.is_alive():
                    code = self._process.exitcode
                    self.close()
                    return f"Failure: the process died (exit code {code})"
                if time.monotonic() >= deadline:
                    self.close()
                    return f"Failure: the process hangs (over {hang:.0f} s)"

    def close(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=10)
            self._process = None

    def __enter__(self) -> "Prober":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def minimise(filename: str, data: bytes, wanted: str, *, folder: Path, limit: float = DEFAULT_LIMIT,
             budget: int = 400, hang: float = 120.0, seconds: float = 900.0,
             prober: Callable[[str, bytes], str] | None = None) -> bytes:
    """A smaller input that fails with the same signature: lines removed, then characters.

    Each candidate runs in a worker process (:class:`Prober`) stopped after ``hang``
    seconds, so a candidate that hangs costs that long and no more. ``budget`` bounds the
    number of tries and ``seconds`` the time spent: past either, the smallest input found
    so far is returned. Undecodable inputs are minimised as bytes.
    """
    tries = [budget]
    until = time.monotonic() + seconds
    own = prober is None
    check_one = prober or Prober(folder, limit, hang)

    def same(candidate: bytes) -> bool:
        if time.monotonic() > until:
            tries[0] = 0  # out of time: stop at the smallest so far
            return False
        return check_one(filename, candidate) == wanted

    try:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            lines = _ddmin(data.splitlines(keepends=True), lambda c: same(b"".join(c)), tries)
            parts = [x for line in lines for x in (line[i : i + 1] for i in range(len(line)))]
            return b"".join(_ddmin(parts, lambda c: same(b"".join(c)), tries))
        lines = _ddmin(text.splitlines(keepends=True), lambda c: same("".join(c).encode("utf-8")), tries)
        chars = _ddmin(list("".join(lines)), lambda c: same("".join(c).encode("utf-8")), tries)
        return "".join(chars).encode("utf-8")
    finally:
        if own:
            check_one.close()


# --------------------------------------------------------------------------- runs


@dataclass
class Report:
    """A run's numbers and its failures by signature (the first variant of each)."""

    documents: int = 0
    loaded: int = 0
    refused: Counter = field(default_factory=Counter)
    failures: dict[str, list[str]] = field(default_factory=dict)
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [
            f"{self.documents} documents in {self.seconds:.0f} s: {self.loaded} read and extracted, "
            f"{sum(self.refused.values())} refused with a LoadError, "
            f"{sum(len(v) for v in self.failures.values())} failed ({len(self.failures)} kinds)",
            f"slowest document: {self.slowest[0]:.2f} s ({self.slowest[1]})",
        ]
        for sig, names in sorted(self.failures.items()):
            out.append(f"  {len(names):4d} x {sig}  (first: {names[0]})")
        return out


def _run_one(variant: Variant, folder: Path, limit: float) -> tuple[str, Outcome | None, str]:
    try:
        return variant.name, check(variant.filename, variant.data, folder=folder, limit=limit), ""
    except Exception as err:  # noqa: BLE001 - a fuzzer reports every crash
        return variant.name, None, signature(err)


def run(seed: int, count: int, *, folder: Path, limit: float = DEFAULT_LIMIT, start: int = 0,
        progress: Callable[[str], None] | None = None) -> Report:
    """Check ``count`` variants of ``seed`` in this process; the report of what happened."""
    report = Report()
    warm_up(folder)
    began = time.perf_counter()
    for variant in variants(seed, count, start=start):
        sub = folder / hashlib.sha1(variant.name.encode()).hexdigest()[:10]
        sub.mkdir(parents=True, exist_ok=True)
        name, outcome, sig = _run_one(variant, sub, limit)
        _tally(report, name, outcome, sig)
        if progress and report.documents % 100 == 0:
            progress(f"{report.documents} documents, {sum(len(v) for v in report.failures.values())} failures")
    report.seconds = time.perf_counter() - began
    return report


def _tally(report: Report, name: str, outcome: Outcome | None, sig: str) -> None:
    report.documents += 1
    if sig:
        report.failures.setdefault(sig, []).append(name)
        return
    assert outcome is not None
    if outcome.loaded:
        report.loaded += 1
    else:
        report.refused[outcome.refused.split(":")[0][:40]] += 1
    if outcome.seconds > report.slowest[0]:
        report.slowest = (outcome.seconds, name)


def _worker(slot: int, tasks, results, folder: str, limit: float) -> None:
    """A worker process: check the variants named on ``tasks`` until it reads ``None``."""
    logging.disable(logging.WARNING)
    warm_up(Path(folder))
    results.put((slot, None, None, ""))  # ready
    while (name := tasks.get()) is not None:
        variant = replay(name)
        sub = Path(folder) / hashlib.sha1(variant.name.encode()).hexdigest()[:10]
        sub.mkdir(parents=True, exist_ok=True)
        results.put((slot, *_run_one(variant, sub, limit)))


def run_parallel(seed: int, count: int, *, folder: Path, limit: float, processes: int, start: int = 0,
                 hang: float = 120.0, progress: Callable[[str], None] | None = None) -> Report:
    """:func:`run` spread over worker processes; a document still running after ``hang``
    seconds is a failure ("hangs") and its worker is replaced."""
    import queue

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    report = Report()
    pending = [f"{seed}:{index}" for index in range(start, start + count)][::-1]
    # slot -> [process, its task queue, the variant it is checking, when it started]
    workers: dict[int, list] = {}

    def launch(slot: int) -> None:
        tasks = context.Queue()
        process = context.Process(target=_worker, args=(slot, tasks, results, str(folder), limit), daemon=True)
        process.start()
        workers[slot] = [process, tasks, None, 0.0]

    def feed(slot: int) -> None:
        worker = workers[slot]
        worker[2] = pending.pop() if pending else None
        worker[3] = time.perf_counter()
        worker[1].put(worker[2])

    for slot in range(processes):
        launch(slot)
    began = time.perf_counter()
    while pending or any(w[2] is not None or w[3] == 0.0 for w in workers.values()):
        try:
            slot, name, outcome, sig = results.get(timeout=1.0)
        except queue.Empty:
            slot = None
        if slot is not None:
            if name is not None:
                _tally(report, name, outcome, sig)
                if sig and len(report.failures[sig]) == 1 and progress:
                    progress(f"new failure {name}: {sig}")
                if progress and report.documents % 100 == 0:
                    progress(f"{report.documents}/{count} documents, "
                             f"{sum(len(v) for v in report.failures.values())} failures")
            feed(slot)
        now = time.perf_counter()
        for slot, (process, _, current, started) in list(workers.items()):
            if current is None and started:
                continue  # told to stop
            dead = not process.is_alive()
            if dead or (current is not None and now - started > hang):
                process.kill()
                process.join()
                what = f"died (exit code {process.exitcode})" if dead else f"hangs (over {hang:.0f} s)"
                _tally(report, current or "warm-up", None, f"Failure: the process {what}")
                if progress:
                    progress(f"hang {current}")
                launch(slot)
    for process, *_ in workers.values():
        process.join(timeout=10)
    report.seconds = time.perf_counter() - began
    return report


def replay(name: str) -> Variant:
    """The variant named ``seed:index``."""
    seed, index = (int(x) for x in name.split(":"))
    return next(iter(variants(seed, 1, start=index)))


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000, help="variants to check (default: 2000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the mutator (default: 1)")
    parser.add_argument("--limit", type=float, default=DEFAULT_LIMIT, help="seconds a document may take")
    parser.add_argument("--processes", type=int, default=max(1, (multiprocessing.cpu_count() or 1)),
                        help="worker processes (default: one per core)")
    parser.add_argument("--hang", type=float, default=120.0,
                        help="seconds after which a document is a hang and its worker is killed (default: 120)")
    parser.add_argument("--out", type=Path, help="write each failure kind's minimised input here")
    parser.add_argument("--replay", metavar="SEED:INDEX", help="check one variant and show its traceback")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sgcn-fuzz-") as tmp:
        folder = Path(tmp)
        if args.replay:
            variant = replay(args.replay)
            print(f"{variant.name}: {variant.seed_file} as {variant.filename!r}, {'+'.join(variant.mutations)}")
            logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
            print(check(variant.filename, variant.data, folder=folder, limit=args.limit))
            return 0
        say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
        if args.processes > 1:
            report = run_parallel(args.seed, args.documents, folder=folder, limit=args.limit,
                                  processes=args.processes, hang=args.hang, progress=say)
        else:
            logging.disable(logging.WARNING)
            report = run(args.seed, args.documents, folder=folder, limit=args.limit, progress=say)
        print("\n".join(report.lines()))
        if args.out and report.failures:
            args.out.mkdir(parents=True, exist_ok=True)
            logging.disable(logging.WARNING)
            for number, (sig, names) in enumerate(sorted(report.failures.items())):
                variant = replay(names[0])
                small = minimise(variant.filename, variant.data, sig, folder=folder / "minimise",
                                 limit=args.limit * 3, hang=args.hang)
                target = args.out / f"{number:02d}-{variant.filename or 'noext'}"
                target.write_bytes(small)
                print(f"minimised {names[0]} ({len(variant.data)} -> {len(small)} bytes): {target}  [{sig}]")
        return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
