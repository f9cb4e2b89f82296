"""What a query sent to ``sgcn serve`` may not do: reach the network, nest without end.

A SPARQL engine is also an HTTP client: ``SERVICE <http://host:port/...> { ... }``
makes Oxigraph and rdflib send a request to any host and port, loopback included,
and hand the reply back, so an endpoint open to others would be a proxy into its
machine's network (server-side request forgery). ``sgcn serve`` closes this three
times over, unless the operator passes ``--allow-service``:

1. :func:`scan` reads the query's tokens (strings, IRIs and comments are skipped) and
   the server refuses a query that uses the ``SERVICE`` keyword, with a message
   naming the flag, before any engine sees it. It also measures how deeply groups
   and brackets nest, so that a query of thousands of nested braces, which overflows
   the stack of Oxigraph's parser (a segmentation fault), is refused with a message.
2. In each query worker, rdflib's engine refuses a ``SERVICE`` pattern itself
   (:func:`refuse_rdflib_service`, one of rdflib's ``CUSTOM_EVALS``) and does not
   load the graphs a ``FROM`` clause names (``SPARQL_LOAD_GRAPHS``). pyoxigraph
   offers no switch for its service handler (its Python ``query`` takes none).
3. :func:`deny_network` installs a seccomp filter in the query worker: from then on
   the process, every thread of it included, cannot create a socket (``socket(2)``
   fails with ``EACCES``) nor an io_uring (which could make one). The graph is loaded
   and the pipe to the server is open before, so the worker keeps working; whatever
   an engine tries (``SERVICE``, ``FROM``, a future feature), nothing leaves the
   process. Linux on x86-64 and arm64; elsewhere the first two layers remain and the
   server says so in its log.

Examples:
    >>> scan('SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }').service
    True
    >>> scan('SELECT ?service { ?s <http://x/SERVICE> "SERVICE" . ?s ex:service ?o } # SERVICE').service
    False
    >>> scan('SELECT * { { { ?s ?p ?o } } FILTER((1 < 2)) }').depth
    3
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import platform
import re
import struct
from dataclasses import dataclass

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- the query's tokens

# What the scanner steps over whole, in the SPARQL 1.1 grammar's terms: comments, the
# four kinds of string, IRIREF (no spaces, controls or <>"{}|^`\ inside), variables,
# blank node labels, language tags, and prefixed names (PN_PREFIX? ':' PN_LOCAL?, with
# '.' allowed inside a local name, %hh and \-escapes); a word that is none of them is
# a keyword or a function name.
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^\x00-\x20<>"{}|^`\\]*>)
    | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<name>(?:[^\W\d]|_)?[\w\-.\u00b7\u0300-\u036f\u203f-\u2040]*
               :(?:[\w\-.:\u00b7\u0300-\u036f\u203f-\u2040]|%[0-9A-Fa-f]{2}|\\[^\s])*)
    | (?P<word>[^\W\d][\w]*)
    | (?P<number>\d[\w.]*)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryShape:
    """What :func:`scan` found in a query's text.

    Attributes:
        service: the ``SERVICE`` keyword occurs (a federated query).
        depth: the deepest nesting of ``{}``, ``()`` and ``[]``.
    """

    service: bool
    depth: int


def scan(text: str) -> QueryShape:
    """The shape of a query's text: whether it uses ``SERVICE``, how deep it nests.

    Strings, IRIs, comments, variables and prefixed names are read whole, so
    ``<http://x/SERVICE>``, ``"SERVICE"``, ``?service`` and ``ex:service`` are not the
    keyword. A word the grammar has no use for that merely contains the keyword
    (``trueSERVICE``) counts as the keyword: a parser might split it.

    Examples:
        >>> scan("select * where { ?s ?p ?o .service <urn:x> {} }").service
        True
        >>> scan("SELECT * WHERE { ?s ?p 1SERVICE <urn:x> {} }").service
        True
        >>> scan("SELECT * { ?s ?p '''a 'SERVICE' b''' }").service
        False
        >>> scan(r"SELECT * { \\u0053ERVICE <urn:x> { ?s ?p ?o } }").service
        True
    """
    expanded = _expand_escapes(text)
    shapes = [_scan(text)] + ([_scan(expanded)] if expanded != text else [])
    return QueryShape(any(s.service for s in shapes), max(s.depth for s in shapes))


# SPARQL lets \uXXXX and \UXXXXXXXX stand for any character anywhere in a query, keywords
# included; rdflib expands them before parsing (so "\u0053ERVICE" is SERVICE there),
# Oxigraph only inside strings and IRIs. scan() reads the text both ways.
_ESCAPE = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", re.IGNORECASE)


def _expand_escapes(text: str) -> str:
    def expand(match: re.Match) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(expand, text)


def _scan(text: str) -> QueryShape:
    service, depth, deepest = False, 0, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("word", "number", "other") and "service" in match.group().lower():
            service = True
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
    return QueryShape(service, deepest)


# ----------------------------------------------------------------------------- rdflib


class ServiceRefused(Exception):
    """rdflib met a SERVICE pattern in a worker where federation is off."""


def refuse_rdflib_service(ctx, part):
    """An rdflib custom evaluation that refuses ``SERVICE`` and leaves every other part alone."""
    if getattr(part, "name", None) == "ServiceGraphPattern":
        raise ServiceRefused("SERVICE (federated query) is turned off on this endpoint")
    raise NotImplementedError  # rdflib's own evaluation goes on


def close_rdflib_fetching() -> None:
    """Stop rdflib's SPARQL engine from fetching anything: no SERVICE, no FROM <url> loading."""
    import rdflib.plugins.sparql as sparql

    sparql.SPARQL_LOAD_GRAPHS = False
    sparql.CUSTOM_EVALS["sgcn-no-service"] = refuse_rdflib_service


# ----------------------------------------------------------------------------- seccomp

# linux/filter.h, linux/seccomp.h, linux/audit.h
_BPF_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_BPF_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_BPF_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_BPF_RET_K = 0x06  # BPF_RET | BPF_K
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1
# offsets in struct seccomp_data: nr, arch
_NR, _ARCH = 0, 4
_X32_SYSCALL_BIT = 0x40000000
# per machine: (AUDIT_ARCH_*, socket, io_uring_setup, seccomp)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425, 317),
    "aarch64": (0xC00000B7, 198, 425, 277),
}


def _filter(arch: int, sys_socket: int, sys_io_uring_setup: int, x32: bool) -> bytes:
    """The BPF program: on a foreign ABI, and for socket(2) and io_uring_setup(2), fail
    with EACCES; allow everything else."""
    deny = _SECCOMP_RET_ERRNO | errno.EACCES
    program = [
        (_BPF_LD_W_ABS, 0, 0, _ARCH),
        (_BPF_JEQ_K, 1, 0, arch),  # our ABI: go on; another (i386 on x86-64): deny
        (_BPF_RET_K, 0, 0, deny),
        (_BPF_LD_W_ABS, 0, 0, _NR),
    ]
    if x32:  # x32 system calls are numbered from 0x40000000 on the same ABI
        program.append((_BPF_JGE_K, 3, 0, _X32_SYSCALL_BIT))
    program += [
        (_BPF_JEQ_K, 2, 0, sys_socket),
        (_BPF_JEQ_K, 1, 0, sys_io_uring_setup),
        (_BPF_RET_K, 0, 0, _SECCOMP_RET_ALLOW),
        (_BPF_RET_K, 0, 0, deny),
    ]
    return b"".join(struct.pack("HBBI", *instruction) for instruction in program)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def deny_network() -> bool:
    """Forbid this process (all its threads) to create sockets from now on.

    Returns ``True`` once the seccomp filter is in force, ``False`` where it cannot be
    (not Linux, another machine type, a kernel without seccomp), after logging why.
    Sockets already open (the worker's pipe to the server) keep working.
    """
    machine = platform.machine().lower()
    if os.name != "posix" or platform.system() != "Linux" or machine not in _ARCHES:
        log.warning("cannot forbid sockets to query workers on %s %s; SERVICE is still refused "
                    "by the query check", platform.system(), machine)
        return False
    arch, sys_socket, sys_io_uring, sys_seccomp = _ARCHES[machine]
    code = _filter(arch, sys_socket, sys_io_uring, x32=machine == "x86_64")
    buffer = ctypes.create_string_buffer(code)
    program = _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        log.warning("cannot forbid sockets to query workers: prctl(NO_NEW_PRIVS) failed: %s",
                    os.strerror(ctypes.get_errno()))
        return False
    # every thread at once (TSYNC); older kernels: this thread, which is the only one yet
    if libc.syscall(sys_seccomp, _SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC,
                    ctypes.byref(program)) != 0:
        if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
            log.warning("cannot forbid sockets to query workers: seccomp failed: %s",
                        os.strerror(ctypes.get_errno()))
            return False
    return True
