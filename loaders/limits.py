"""How large a document sgcn reads, the guards that keep its time linear in its length, and
the limits ``sgcn add`` fetches pages within (:mod:`sgcn.loaders.fetch` uses them).

A module with no imports but ``re``, so that ``sgcn --help`` and ``sgcn add --help`` can
show the defaults without loading the fetcher or the loaders.

A press release is a few kilobytes; a file over :data:`DEFAULT_MAX_DOCUMENT_BYTES` is
refused with a :class:`~sgcn.loaders.errors.LoadError` before it is read (``sgcn build
--max-document-size`` raises the limit), so that a stray log file or data dump in a
sources folder never makes a build run for hours.

:func:`keep_long_tokens_whole` guards spaCy's tokenizer: it strips prefixes and
suffixes from a whitespace-free chunk one at a time, searching the whole chunk for a
suffix each time, so a chunk such as ``((((...))))`` costs time quadratic in its length
(2,000 characters took 9 s here, 8,000 took 103 s). A long chunk that opens or closes
with a run of punctuation is kept as one token instead; nothing a rule reads (a name, a
number, a date) is such a chunk.

Examples:
    >>> MAX_BYTES, TIMEOUT, DEADLINE, MAX_REDIRECTS
    (5242880, 15.0, 60.0, 5)
    >>> parse_size("5MB"), parse_size("500 kB"), parse_size("1234"), parse_size("2GiB")
    (5000000, 500000, 1234, 2147483648)
"""

from __future__ import annotations

import re

__all__ = ["DEADLINE", "DEFAULT_MAX_DOCUMENT_BYTES", "MAX_BYTES", "MAX_REDIRECTS", "TIMEOUT", "keep_long_tokens_whole",
           "parse_size"]

#: Largest source file ``sgcn build`` reads by default, in bytes (5 MB).
DEFAULT_MAX_DOCUMENT_BYTES = 5_000_000

MAX_BYTES = 5 * 1024 * 1024
"""Default size limit of a fetched page (press releases are tens of kilobytes)."""
MAX_REDIRECTS = 5
"""Redirects followed before a fetch is refused."""
TIMEOUT = 15.0
"""Seconds to wait to connect, and for each read."""
DEADLINE = 60.0
"""Seconds the whole download may take."""

_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)

# a chunk of 50 characters or more opening or closing with five marks in a row
_LONG_AFFIXED = re.compile(r"[^\w\s]{5}\S{45,}|\S{45,}[^\w\s]{5}")


def parse_size(text: str) -> int:
    """Bytes from ``5000000``, ``5MB``, ``500kB``, ``4MiB`` (decimal and binary units).

    Raises:
        ValueError: not a size.

    Examples:
        >>> parse_size("five")
        Traceback (most recent call last):
        ...
        ValueError: not a size: 'five' (write e.g. 5000000, 5MB or 4MiB)
    """
    match = _SIZE.fullmatch(text)
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {text!r} (write e.g. 5000000, 5MB or 4MiB)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def keep_long_tokens_whole(tokenizer):
    """Make ``tokenizer`` (a spaCy ``Tokenizer``) keep long punctuation-edged chunks whole.

    Returns:
        The same tokenizer, its ``token_match`` extended (an existing one still applies).

    Examples:
        >>> import spacy
        >>> tokenizer = keep_long_tokens_whole(spacy.blank("en").tokenizer)
        >>> len(tokenizer("a " + "(" * 50_000 + ")" * 50_000 + " b"))
        3
        >>> [t.text for t in tokenizer("Singapore's (MTI) said: 'Yes.'")]
        ['Singapore', "'s", '(', 'MTI', ')', 'said', ':', "'", 'Yes', '.', "'"]
    """
    before = tokenizer.token_match

    def token_match(chunk: str):
        if len(chunk) >= 50 and (match := _LONG_AFFIXED.fullmatch(chunk)):
            return match
        return before(chunk) if before is not None else None

    tokenizer.token_match = token_match
    return tokenizer
