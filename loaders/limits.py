"""The limits ``sgcn add`` fetches pages within (:mod:`sgcn.loaders.fetch` uses them).

A module of their own, with no imports, so that ``sgcn add --help`` can show the
defaults without loading the fetcher (its dataclasses and dates cost some 30 ms of a
``sgcn --help`` held to 0.1 s).

Examples:
    >>> MAX_BYTES, TIMEOUT, DEADLINE, MAX_REDIRECTS
    (5242880, 15.0, 60.0, 5)
"""

MAX_BYTES = 5 * 1024 * 1024
"""Default size limit of a fetched page (press releases are tens of kilobytes)."""
MAX_REDIRECTS = 5
"""Redirects followed before a fetch is refused."""
TIMEOUT = 15.0
"""Seconds to wait to connect, and for each read."""
DEADLINE = 60.0
"""Seconds the whole download may take."""
