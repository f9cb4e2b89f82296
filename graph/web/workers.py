"""The query workers of ``sgcn serve``: processes that hold the graph and answer queries.

A query runs in a worker process, never in the server, so that what a query does to
its process (run for minutes, take gigabytes, crash the engine) costs at most that
worker, which is stopped and replaced while the others keep answering:

- **Time.** A query that runs past the time limit is stopped with its worker (503).
- **Long queries have a few seats.** Every query starts as a quick one. One that is
  still running after ``quick`` seconds (1 s) becomes a long query if fewer than
  ``long_queries`` long queries are running; otherwise it is stopped (503, "try again
  later"). So whatever slow queries clients send, at most ``long_queries`` of the
  ``size`` workers are held by them, and the others turn over at least every
  ``quick`` seconds: a trivial query waits at most about that long, never the time
  limit. A long query's worker runs at a lower priority (niceness 10) until it is
  done, so the quick ones also get the processors first. (Measured in
  ``benchmarks/bench_serve.py --compare``.)
- **Memory.** Before each query a worker caps its own data segment
  (``RLIMIT_DATA``) at what it holds plus the per-query limit. An allocation past it
  fails: rdflib gets a ``MemoryError`` and the worker answers 503 and is replaced;
  Oxigraph and maplib abort the process ("memory allocation of N bytes failed"),
  which the server reads on the worker's stderr and reports as the memory limit.
  The cap covers memory the query asks for, not the graph the worker loaded.
- **A lane for clients whose queries run long.** A client whose query held a long
  seat, or was stopped (for want of a long seat, at the time or memory limit) or
  crashed its worker, in the last ``RAN_LONG_SECONDS`` (60 s), has its queries run
  only while fewer than ``long_queries`` such queries run; beyond that it is refused
  at once (429, ``Retry-After``). Without this lane, more clients sending slow queries
  without pause than there are long seats hold every other worker for a second in
  turn, each stopped query costs its worker a reload, and the reloads fall behind:
  a trivial query waited seconds (``benchmarks/bench_serve.py --compare``). With it,
  each such client costs at most one stopped worker a minute while the seats are
  full, and at least ``size - long_queries`` workers are left to the others.
- **A bound per client.** One client (one address) runs at most ``client_running``
  queries at once: as many as may run long (``long_queries``, 2), and always fewer
  than ``size``. Its further queries wait while the queries of others go past them.
  So one client's queries, whatever they are, never hold every worker: before it has
  any query counted as long (its first slow ones run a second, as anyone's may),
  ``size - client_running`` workers stay free for everyone else, and once they run long
  its waiting queries are refused at once (the lane above). Without it, one client
  sending as many slow queries as there are workers held them all for that second,
  and the one it could not seat was stopped, costing a worker.
- **Fair turns.** A query waiting for a worker goes before those of clients that
  already have more queries running, and every client whose queries ran long waits
  behind those whose did not.
- **A spare.** One worker more than can run queries at once is kept loaded, so that
  a worker stopped or dead is replaced at once while its successor loads the graph.
- **Deaths.** A worker that dies (a segmentation fault, an abort, the system's
  out-of-memory killer), busy or idle, is logged with its exit signal and the last
  lines it wrote, and replaced; the query it was running gets a 500 (503 for memory).
- **Network.** Unless federation is allowed, a worker cannot open a socket
  (``sgcn.graph.web.sandbox``).

Examples:
    >>> death_reason(-11, [])
    'crashed (segmentation fault, SIGSEGV)'
    >>> death_reason(-6, ["memory allocation of 268435456 bytes failed"])
    'went past its memory limit'
"""

from __future__ import annotations

import collections
import functools
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sgcn.graph.sparql.params import QueryError
from sgcn.graph.web.sandbox import ServiceRefused
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 4
DEFAULT_LONG_QUERIES = 2
DEFAULT_QUICK = 1.0
# how long a client counts as one whose queries run long, after its last query that did
RAN_LONG_SECONDS = 60.0
# what a client refused for want of a seat in the lane of long-running clients is told to wait
RETRY_AFTER = 2
DEFAULT_MEMORY_MB = 512
# a long query's worker runs at this niceness until it is done, so that on a busy
# machine the quick queries get the processors first
LONG_NICENESS = 10
SERVICE_OFF = ("SERVICE (federated query) is turned off on this endpoint: it would make the server "
               "send requests to other hosts; its operator can turn it on with sgcn serve --allow-service")
# what Rust's allocation failure prints before it aborts (Oxigraph, maplib/Polars)
_RUST_OOM = "memory allocation of"
_SIGNALS = {
    signal.SIGSEGV: "segmentation fault",
    signal.SIGABRT: "abort",
    signal.SIGKILL: "killed; perhaps by the system's out-of-memory killer",
    signal.SIGBUS: "bus error",
    signal.SIGILL: "illegal instruction",
    signal.SIGFPE: "arithmetic error",
}


class ServeError(SgcnError):
    """A request the endpoint refuses: carries the HTTP status and the message."""

    def __init__(self, status: int, message: str, *, retry_after: int | None = None):
        self.status = status
        self.message = message
        self.retry_after = retry_after  # seconds, sent as Retry-After
        super().__init__(message)


def death_reason(exitcode: int | None, last_words: list[str]) -> str:
    """Why a worker process ended, from its exit code and the last lines it wrote."""
    if any(_RUST_OOM in line or "MemoryError" in line for line in last_words):
        return "went past its memory limit"
    if exitcode is None:
        return "stopped answering"
    if exitcode < 0:
        number = -exitcode
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"crashed ({_SIGNALS.get(number, 'signal')}, {name})"
    return f"exited with status {exitcode}"


# --------------------------------------------------------------------------- inside a worker


class _TooLarge(Exception):
    """An answer over the result-size limit (inside a worker only)."""


def _kind(answer_type: str) -> str:
    return "CONSTRUCT" if answer_type in ("CONSTRUCT", "DESCRIBE") else answer_type


def _answer_message(answer, fmt: str, limit: int):
    """What a worker sends back for an answer: text in ``fmt``, or rows for an HTML page."""
    from sgcn.graph.sparql.query import write_result

    if fmt == "html":
        if answer.type == "SELECT":
            rows = answer.fetch(limit)
            if len(rows) > limit:
                raise _TooLarge(f"the answer has more than {limit} rows")
            return ("html", answer.type, answer.variables, rows)
        if answer.type == "ASK":
            return ("html", "ASK", [], [(bool(answer.boolean),)])
        return ("html", "CONSTRUCT", [], write_result(answer, "turtle", limit=limit))
    try:
        return ("text", answer.type, write_result(answer, fmt, limit=limit))
    except QueryError as err:
        if "more than" in str(err):
            raise _TooLarge(str(err)) from err
        raise


def _page_message(answer, page: tuple, limit: int) -> tuple:
    """The model of an entity or document page (``sgcn.graph.web.pages.page_of``) from a
    CONSTRUCT answer: the server then only renders its template."""
    from sgcn.graph.web.pages import page_of

    if answer.type not in ("CONSTRUCT", "DESCRIBE"):
        raise QueryError(f"a page is made from a graph, not a {answer.type} answer")
    if len(answer.graph) > limit:
        raise _TooLarge(f"the answer has more than {limit} triples")
    kind, iri, options = page
    return page_of(kind, answer.graph, iri, options)


def memory_bytes(field: str = "VmData") -> int | None:
    """A memory figure of this process from ``/proc/self/status``: ``VmData`` (its data
    segment: private writable memory, what ``RLIMIT_DATA`` bounds) or ``VmRSS`` (what
    it holds in RAM); ``None`` where ``/proc`` does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _cap_memory(limit: int | None) -> None:
    """Let this process take at most ``limit`` bytes more than it holds now (``None``: no cap)."""
    try:
        import resource
    except ImportError:  # not a POSIX system: no cap
        return

    held = memory_bytes("VmData")
    soft = resource.RLIM_INFINITY if limit is None or held is None else held + limit
    resource.setrlimit(resource.RLIMIT_DATA, (soft, resource.getrlimit(resource.RLIMIT_DATA)[1]))


def _memory_message(limit: int) -> str:
    return (f"the query went past the memory limit of {limit // 2**20} MB a query may use and was stopped; "
            "ask for less (LIMIT, fewer or shorter values) or ask the server for a larger --max-memory")


def _worker_main(conn, stderr_conn, graph_path: str, store: str, allow_service: bool, memory_limit: int | None) -> None:
    """A query worker: holds the graph, answers one request at a time over ``conn``.

    Unless ``allow_service``, the worker first makes itself unable to reach the network:
    rdflib's engine refuses SERVICE and FROM loading, and a seccomp filter forbids the
    process to open any socket (``sgcn.graph.web.sandbox``). Its stderr goes to the server,
    which logs it (and reads there why a worker died).
    """
    os.dup2(stderr_conn.fileno(), 2)
    stderr_conn.close()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not allow_service:
        from sgcn.graph.web.sandbox import close_rdflib_fetching, deny_network

        deny_network()
        close_rdflib_fetching()
    from sgcn.graph.sparql.store import load_graph, run_query
    from sgcn.graph.web.media import format_content_type, negotiate

    try:
        graph = load_graph(graph_path, store=store)
    except SgcnError as err:
        conn.send(("failed", str(err)))
        return
    baseline = memory_bytes("VmRSS")
    conn.send(("ready", baseline))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        text, accept, fmt, limit, page = request
        recycle = False
        try:
            _cap_memory(memory_limit)
            answer = run_query(graph, text)
            kind = _kind(answer.type)
            chosen = format_content_type(fmt, kind) if fmt else negotiate(accept, kind)
            if page is not None:  # a page's model, computed here rather than in the server
                reply = ("ok", "text/html; charset=utf-8", ("page", _page_message(answer, page, limit)))
            elif chosen is None:
                reply = ("error", 406, f"cannot write a {kind} answer as {fmt or accept!r}")
            else:
                reply = ("ok", chosen[1], _answer_message(answer, chosen[0], limit))
        except MemoryError:  # rdflib (Python) met the cap: answer, then make way for a fresh worker
            answer = None
            reply, recycle = ("error", 503, _memory_message(memory_limit or 0)), True
        except _TooLarge as err:
            reply = ("error", 422, f"{err}; add a LIMIT or ask the server for a larger --max-results")
        except QueryError as err:
            if not allow_service and isinstance(err.__cause__, (ServiceRefused, PermissionError)):
                reply = ("error", 403, SERVICE_OFF)
            else:
                reply = ("error", 400, str(err))
        except (ServiceRefused, PermissionError):  # rdflib's SERVICE, or a socket the sandbox refused
            reply = ("error", 403, SERVICE_OFF)
        except RecursionError:  # rdflib's parser and evaluator recurse per level of nesting
            reply = ("error", 400, "the query nests too deeply for this store")
        except RuntimeError as err:  # pyoxigraph's errors met while evaluating, lazily
            reply = ("error", 400, f"query cannot run: {err}")
        except Exception as err:  # a bug: keep the worker alive, tell the client without a traceback
            log.exception("query failed")
            reply = ("error", 500, f"the query failed inside the server: {type(err).__name__}")
        answer = None
        _cap_memory(None)
        held = memory_bytes("VmRSS")
        if memory_limit and baseline and held and held - baseline > memory_limit:
            recycle = True  # what the queries left behind is as much as one may take: start afresh
        conn.send((*reply, recycle))


# --------------------------------------------------------------------------- the pool


def _renice(pid: int, niceness: int) -> bool:
    """Set a process's niceness; ``False`` when that is not allowed (or not possible here)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
        return True
    except (OSError, AttributeError):
        return False


#: what a worker imports before it loads the graph: the fork server imports it once for all
_PRELOAD = ["sgcn.graph.web.workers", "sgcn.graph.web.sandbox", "sgcn.graph.web.media", "sgcn.graph.web.pages",
            "sgcn.graph.sparql.store", "sgcn.graph.sparql.query", "rdflib.plugins.sparql"]


def _context():
    """How workers are started: forked from a fork server that has imported what a worker
    needs (a fresh worker then only loads the graph: a stopped one is replaced in a
    fraction of the time a new interpreter takes), else spawned.

    Not plain ``fork``: the server runs threads (waitress's, the pool's) whose locks a
    forked child would inherit held.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


class _OneReader:
    """Mixed into a worker's ``Popen`` (multiprocessing's handle on the process): its exit
    status is read by one thread at a time, whichever thread asks.

    A fork server's child is the fork server's to reap: it writes the child's status
    once, to a pipe whose other end is the process's ``sentinel``, and closes it. Whoever
    reads the pipe first takes the status; a thread reading it at the same time finds
    the pipe's end, which multiprocessing's ``poll`` takes for a lost fork server and
    records as status 255 (and the later of the two assignments wins). Several threads
    read a worker's status: its stderr's reader and the thread of its query, and also
    multiprocessing itself, which polls every living child of this process each time a
    process is started (``Process.start``), so while the pool starts the replacement of
    one dead worker it reads the status of any other that is dying (two workers killed
    together: one was reported as "exited with status 255"). A lock of the pool's own
    could not cover that poll; this one, in the handle, covers every reader.
    """

    def __init__(self, process_obj):
        self._reading = threading.Lock()
        super().__init__(process_obj)

    def poll(self, flag=os.WNOHANG):
        if flag != os.WNOHANG and self.returncode is None:
            multiprocessing.connection.wait([self.sentinel])  # the waiting, without the lock
        with self._reading:
            return super().poll(flag)


@functools.cache
def _read_by_one(popen: type) -> type:
    return type(f"OneReader{popen.__name__}", (_OneReader, popen), {})


if sys.platform != "win32":  # (Windows reads a process's status from its handle, any thread)
    class _ForkServerWorker(multiprocessing.context.ForkServerProcess):
        """A query worker forked from the fork server, its status read by one thread at a time."""

        @staticmethod
        def _Popen(process_obj):
            from multiprocessing.popen_forkserver import Popen

            return _read_by_one(Popen)(process_obj)

    class _SpawnedWorker(multiprocessing.context.SpawnProcess):
        """A query worker spawned, its status read by one thread at a time (two
        ``waitpid`` at once: the second finds no child and the status unknown)."""

        @staticmethod
        def _Popen(process_obj):
            from multiprocessing.popen_spawn_posix import Popen

            return _read_by_one(Popen)(process_obj)

    _WORKER_PROCESS = {"forkserver": _ForkServerWorker, "spawn": _SpawnedWorker}
else:
    _WORKER_PROCESS = {}


def _worker_process(context, **kwargs) -> multiprocessing.Process:
    """A query worker's process, not started, for ``context`` (see :func:`_context`)."""
    return _WORKER_PROCESS.get(context.get_start_method(), context.Process)(**kwargs)


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    conn: object
    stderr: object
    last_words: collections.deque = field(default_factory=lambda: collections.deque(maxlen=20))
    reader: threading.Thread | None = None
    busy: str | None = None  # the query it is running
    ended: bool = False  # stopped on purpose, or its death already handled
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def pid(self) -> int:
        return self.process.pid

    def join(self, timeout: float | None = None) -> None:
        """Wait at most ``timeout`` seconds for the process to end (its status then read
        by one thread at a time: :class:`_OneReader`)."""
        self.process.join(timeout)

    def alive(self) -> bool:
        return self.process.is_alive()

    @property
    def exitcode(self) -> int | None:
        return self.process.exitcode


class WorkerPool:
    """Query workers holding the graph (see the module's text for what each limit does).

    Args:
        graph_path: the graph file every worker loads.
        store: the embedded store (see ``sgcn.graph.sparql.store.STORES``).
        size: how many queries run at once.
        long_queries: how many of them may run longer than ``quick`` seconds (default:
            2, and at most ``size - 1`` so one worker stays for quick queries; ``size``
            lets every worker run long).
        client_running: how many queries of one client run at once (default:
            ``long_queries``, at least 1 and, with more than one worker, fewer than
            ``size``; given, at most ``size``).
        spare: workers kept loaded beyond ``size``, to take a stopped one's place at once.
        quick: seconds after which a running query is a long one.
        memory_mb: megabytes a query may take beyond what its worker holds
            (``None``: no limit).
        allow_service: let queries reach the network (``SERVICE``); off, the workers
            cannot open a socket.
        load_timeout: seconds a worker may take to load the graph.
    """

    def __init__(self, graph_path: str | Path, *, store: str, size: int = DEFAULT_WORKERS,
                 long_queries: int | None = None, quick: float = DEFAULT_QUICK,
                 memory_mb: int | None = DEFAULT_MEMORY_MB, allow_service: bool = False, spare: int = 1,
                 load_timeout: float = 300, client_running: int | None = None):
        if size < 1:
            raise SgcnError("a worker pool needs at least one worker")
        self.graph_path, self.store, self.load_timeout = str(graph_path), store, load_timeout
        self.size, self.quick, self.allow_service = size, quick, allow_service
        if long_queries is None:
            long_queries = max(1, min(DEFAULT_LONG_QUERIES, size - 1))
        self.long_queries = max(0, min(size, long_queries))
        if client_running is None:
            client_running = min(self.long_queries, size - 1)
        self.client_running = max(1, min(client_running, size))
        self.memory_limit = memory_mb * 2**20 if memory_mb else None
        self._context = _context()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._long = threading.BoundedSemaphore(max(1, self.long_queries))
        self._turns = threading.Condition()
        self._running = 0
        self._by_client: collections.Counter[str] = collections.Counter()
        self._waiting: list[list] = []  # [ran long, queries its client runs, arrival, client]
        self._ran_long: dict[str, float] = {}  # client -> when a query of it last ran long (or was stopped)
        self._long_by_client: collections.Counter[str] = collections.Counter()  # long seats each client holds
        self._arrivals = itertools.count()
        self._closed = False
        self.events: collections.Counter[str] = collections.Counter()
        for _ in range(size + spare):
            self._idle.put(self._start())

    # ---------------------------------------------------------------- workers come and go

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        stderr_read, stderr_write = self._context.Pipe(duplex=False)
        process = _worker_process(
            self._context, target=_worker_main,
            args=(child, stderr_write, self.graph_path, self.store, self.allow_service, self.memory_limit),
            daemon=True, name="sgcn-query-worker")
        process.start()
        child.close()
        stderr_write.close()
        worker = _Worker(process, parent, stderr_read)
        worker.reader = threading.Thread(target=self._read_stderr, args=(worker,), daemon=True,
                                         name=f"sgcn-worker-{process.pid}-stderr")
        worker.reader.start()
        if not parent.poll(self.load_timeout):
            self._end(worker)
            raise SgcnError(f"a query worker did not load {self.graph_path} within {self.load_timeout} s")
        try:
            message = parent.recv()
        except EOFError:
            self._end(worker)
            raise SgcnError(f"a query worker died loading {self.graph_path}: "
                            f"{death_reason(worker.exitcode, list(worker.last_words))}") from None
        if message[0] != "ready":
            self._end(worker)
            raise SgcnError(message[1])
        with self._lock:
            if self._closed:
                self._end(worker)
                raise SgcnError("the worker pool is closed")
            self._workers.add(worker)
        log.debug("query worker %d ready", process.pid)
        return worker

    def _read_stderr(self, worker: _Worker) -> None:
        """Log what a worker writes to stderr; when it closes, the worker has ended.

        This thread alone closes the pipe, once it has read its end: were another
        thread to close it while this one is between two reads, the number of the
        pipe could be given meanwhile to a new pipe or socket (a new worker's, a
        client's), which this thread would then read from.
        """
        pending = b""
        fd = worker.stderr.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                text = line.decode("utf-8", "replace").rstrip()
                if text:
                    worker.last_words.append(text)
                    log.warning("query worker %d: %s", worker.pid, text)
        if pending.strip():
            worker.last_words.append(pending.decode("utf-8", "replace").rstrip())
        worker.stderr.close()
        worker.join(timeout=5)
        # a busy worker's death is its query's thread to tell (which, should the worker
        # have died just after answering, tells it as an idle one's: see ask)
        if not worker.ended and not self._closed and worker.busy is None:
            self._died(worker, while_running=None)

    def _died(self, worker: _Worker, *, while_running: str | None) -> str:
        """Log an unexpected death and start a replacement (once); the reason."""
        worker.join(timeout=5)
        ended = worker.exitcode is not None
        if worker.reader is not None and worker.reader is not threading.current_thread():
            # its last words (why it died, for the memory limit): once the process has
            # ended, its reader ends as soon as it has read them, however busy the machine
            worker.reader.join(timeout=30 if ended else 2)
        reason = death_reason(worker.exitcode, list(worker.last_words))
        with worker.lock:
            if worker.ended:
                return reason
            worker.ended = True
        if not ended:  # it broke its pipe but runs on: it is forgotten, so it must not stay
            worker.process.kill()
        self.events["died"] += 1
        doing = f"while running {while_running[:200]!r}" if while_running else "while idle"
        last = " | ".join(list(worker.last_words)[-3:]) or "nothing"
        log.error("query worker %d %s %s (its last words: %s); starting a new one", worker.pid, reason, doing, last)
        self._forget(worker)
        self._restart()
        return reason

    def _stop(self, worker: _Worker, why: str) -> None:
        """Kill a worker on purpose and start a replacement."""
        with worker.lock:
            if worker.ended:
                return
            worker.ended = True
        self.events[why] += 1
        log.warning("stopping query worker %d: %s", worker.pid, why)
        worker.process.kill()
        worker.join(timeout=5)
        self._forget(worker)
        self._restart()

    def _end(self, worker: _Worker) -> None:
        worker.ended = True
        if worker.alive():
            worker.process.kill()
        worker.join(timeout=5)
        self._forget(worker)

    def _forget(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        try:
            worker.conn.close()  # (its stderr is closed by its reader: see _read_stderr)
        except OSError:
            pass

    def _restart(self) -> None:
        def restart() -> None:
            for attempt in range(3):  # a newcomer can die loading too (killed from outside, ...)
                try:
                    self._idle.put(self._start())
                    return
                except SgcnError as err:
                    if self._closed:
                        return
                    log.error("cannot start a query worker (attempt %d of 3): %s", attempt + 1, err)
                    time.sleep(1)

        if not self._closed:
            threading.Thread(target=restart, daemon=True, name="sgcn-worker-restart").start()

    # ---------------------------------------------------------------- asking

    def _take(self, deadline: float) -> _Worker:
        """An idle, living worker, waiting until ``deadline`` for one."""
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ServeError(503, "every query worker stayed busy; try again") from None
            if worker.ended:
                continue
            if not worker.alive():
                self._died(worker, while_running=None)
                continue
            return worker

    def _runs_long(self, client: str, now: float) -> bool:
        """Whether ``client``'s queries run long: one holds a long seat now, or one held
        one, was stopped or crashed its worker less than ``RAN_LONG_SECONDS`` ago (under ``_turns``)."""
        if self._long_by_client[client]:
            return True
        last = self._ran_long.get(client)
        return last is not None and now - last < RAN_LONG_SECONDS

    def _long_lane_running(self, now: float) -> int:
        """How many queries of clients whose queries run long are running (under ``_turns``)."""
        return sum(count for client, count in self._by_client.items() if self._runs_long(client, now))

    def _mark_ran_long(self, client: str) -> None:
        with self._turns:
            now = time.monotonic()
            self._ran_long[client] = now
            if len(self._ran_long) > 10_000:  # forget the clients whose mark has run out
                self._ran_long = {c: t for c, t in self._ran_long.items() if now - t < RAN_LONG_SECONDS}

    def _next_turn(self) -> list | None:
        """The waiting query whose turn it is (under ``_turns``): the first in order
        (ran long, queries its client runs, arrival) whose client runs fewer than
        ``client_running`` queries."""
        ready = [entry for entry in self._waiting if self._by_client[entry[3]] < self.client_running]
        return min(ready) if ready else None

    def _admit(self, client: str, deadline: float) -> bool:
        """Wait for a turn to run a query: at most ``size`` run at once, at most
        ``client_running`` of one client; a client whose queries run long runs one only
        while fewer than ``long_queries`` such run (else 429 at once, also if it comes to
        run long while waiting); a waiting query of a client whose queries do not run
        long goes first, then one of a client that runs fewer queries, then the
        earliest. Whether the client's queries run long."""
        lane = max(1, self.long_queries)
        with self._turns:
            entry = None
            while True:
                now = time.monotonic()
                runs_long = self._runs_long(client, now)
                if runs_long and self._long_lane_running(now) >= lane:
                    refusal = ServeError(
                        429, f"queries from {client or 'this client'} ran long in the last {RAN_LONG_SECONDS:g} s, "
                             f"and {lane} queries of clients like it are running, the most this endpoint runs at "
                             f"once; try again in {RETRY_AFTER} s", retry_after=RETRY_AFTER)
                elif now >= deadline and self._by_client[client] >= self.client_running:
                    refusal = ServeError(
                        503, f"{client or 'this client'} had {self.client_running} queries running, the most one client "
                             "runs at once, until this one's time was up; try again")
                elif now >= deadline:
                    refusal = ServeError(503, "every query worker stayed busy; try again")
                else:
                    refusal = None
                if refusal is not None:
                    if entry is not None:
                        self._waiting.remove(entry)
                        self._turns.notify_all()
                    self.events[f"refused {refusal.status}"] += 1
                    raise refusal
                if entry is None:
                    entry = [runs_long, self._by_client[client], next(self._arrivals), client]
                    self._waiting.append(entry)
                if self._running < self.size and self._next_turn() is entry:
                    break
                self._turns.wait(deadline - now)
            self._waiting.remove(entry)
            self._running += 1
            self._by_client[client] += 1
            self._turns.notify_all()
            return runs_long

    def _leave(self, client: str) -> None:
        with self._turns:
            self._running -= 1
            self._by_client[client] -= 1
            if not self._by_client[client]:
                del self._by_client[client]
            self._turns.notify_all()

    def ask(self, text: str, *, accept: str | None, fmt: str | None, limit: int, timeout: float,
            client: str = "", page: tuple | None = None):
        """Run ``text`` on a free worker: ``(content type, message)``, or a :class:`ServeError`.

        ``page``: ``(kind, iri, options)`` to have the worker make that page's model from
        the answer (``sgcn.graph.web.pages.page_of``): the message is then ``("page", model)``.

        Waits at most ``timeout`` seconds for a free worker (``client``, its address,
        decides whose turn comes first), then lets the query run ``timeout`` seconds (a
        long query needs a free long seat after ``quick`` seconds).
        """
        deadline = time.monotonic() + timeout
        runs_long = self._admit(client, deadline)
        try:
            worker = self._take(deadline)
        except ServeError:
            self._leave(client)
            raise
        worker.busy = text
        long_seat = ran_long = False
        # a query of a client whose queries run long starts at a lower priority: on a busy
        # machine the quick queries of others get the processors first from the start
        reniced = runs_long and _renice(worker.pid, LONG_NICENESS)
        try:
            try:
                worker.conn.send((text, accept, fmt, limit, page))
                answered = worker.conn.poll(min(self.quick, timeout))
                if not answered and timeout > self.quick:
                    long_seat = self.long_queries > 0 and self._long.acquire(blocking=False)
                    ran_long = True
                    if long_seat:
                        with self._turns:
                            self._long_by_client[client] += 1
                            self._turns.notify_all()  # its waiting queries now run long: refused at once
                    else:
                        self._stop(worker, "a quick query ran long while every long seat was taken")
                        raise ServeError(503, f"the query ran past {self.quick:g} s while {self.long_queries} "
                                              "long queries were already running, and was stopped; try again later")
                    self.events["long"] += 1
                    _renice(worker.pid, LONG_NICENESS)  # quick queries go first on the CPUs too
                    answered = worker.conn.poll(timeout - self.quick)
                if not answered:
                    ran_long = True
                    self._stop(worker, "a query ran past the time limit")
                    raise ServeError(503, f"the query ran past the time limit of {timeout:g} s and was stopped")
                *reply, recycle = worker.conn.recv()
            except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
                ran_long = True
                reason = self._died(worker, while_running=text)
                if reason == "went past its memory limit":
                    raise ServeError(503, _memory_message(self.memory_limit or 0)) from None
                raise ServeError(500, f"the query worker {reason} while running this query; "
                                      "a new one has taken its place") from None
            worker.busy = None
            if (long_seat or reniced) and not _renice(worker.pid, 0):
                recycle = True  # it may not get its priority back (no CAP_SYS_NICE): a fresh one will
            if reply[0] == "error" and reply[1] == 503:
                ran_long = True  # past the memory limit: its worker is replaced
            if recycle:
                self._stop(worker, "recycled after a query that took much memory or ran long")
            elif not worker.alive():
                # it died after answering, before it was idle again: its stderr's reader,
                # finding it busy, left its death to this thread (else it would be logged
                # and replaced only when a query next took it from the idle ones)
                self._died(worker, while_running=None)
            else:
                self._idle.put(worker)
        finally:
            worker.busy = None
            if long_seat:
                self._long.release()
                with self._turns:
                    self._long_by_client[client] -= 1
                    if not self._long_by_client[client]:
                        del self._long_by_client[client]
            if ran_long:
                self._mark_ran_long(client)
            self._leave(client)
        if reply[0] == "error":
            if reply[1] == 503:
                self.events["memory"] += 1
            raise ServeError(reply[1], reply[2])
        return reply[1], reply[2]

    def pids(self) -> list[int]:
        """The process ids of the living workers."""
        with self._lock:
            return sorted(w.pid for w in self._workers if not w.ended)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.ended = True
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            worker.join(timeout=2)
            if worker.alive():
                worker.process.kill()
                worker.join(timeout=5)
