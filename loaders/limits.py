"""How large a document sgcn reads, the guards that keep its time linear in its length, and
the limits ``sgcn add`` fetches pages within (:mod:`sgcn.loaders.fetch` uses them).

A module with no imports but ``re``, so that ``sgcn --help`` and ``sgcn add --help`` can
show the defaults without loading the fetcher or the loaders.

A press release is a few kilobytes; a file over :data:`DEFAULT_MAX_DOCUMENT_BYTES` is
refused with a :class:`~sgcn.loaders.errors.LoadError` before it is read (``sgcn build
--max-document-size`` raises the limit), so that a stray log file or data dump in a
sources folder never makes a build run for hours. The limit admits a document of
100,000 lines of up to 80 characters (a long transcript, a log of press releases).

A document's kept text is a literal of the graph (``sgcn:text``), and the N-Triples
reader the build validates and writes with (pyoxigraph's) holds at most 16 MiB at once:
:data:`MAX_WRITTEN_TEXT_BYTES`. Written, a text takes at most twice its bytes (a line break
or a quote is escaped in two), so a document within the default limit always fits; one
read under a raised limit whose text would not is refused (:func:`written_text_bytes`).

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

__all__ = ["DEADLINE", "DEFAULT_MAX_DOCUMENT_BYTES", "MAX_BYTES", "MAX_REDIRECTS", "MAX_WRITTEN_TEXT_BYTES", "TIMEOUT",
           "keep_long_tokens_whole", "parse_size", "written_text_bytes"]

#: Largest source file ``sgcn build`` reads by default, in bytes (8 MB): 100,000 lines of 80
#: characters. Extraction costs time linear in the text it keeps (README, "long documents"):
#: what this refuses would take some five minutes of processor time and more when all its
#: text is new; and twice its bytes, the most its text takes written, fit in a literal of the
#: graph (:data:`MAX_WRITTEN_TEXT_BYTES`).
DEFAULT_MAX_DOCUMENT_BYTES = 8_000_000

#: Largest kept text, in bytes as N-Triples writes it, a graph can hold: pyoxigraph's parser
#: reads at most 16 MiB at once, and the line holding the text has its subject and
#: predicate too (4 KiB left for them).
MAX_WRITTEN_TEXT_BYTES = 16 * 2**20 - 4096

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


def written_text_bytes(text: str) -> int:
    """The bytes ``text`` takes in an N-Triples literal: UTF-8, a backslash, quote, line feed
    or carriage return escaped in two.

    Examples:
        >>> written_text_bytes('He said "hi"\\n'), written_text_bytes("Zürich")
        (16, 7)
        >>> written_text_bytes("\\n" * DEFAULT_MAX_DOCUMENT_BYTES) <= MAX_WRITTEN_TEXT_BYTES  # 8 MB of line breaks fit
        True
    """
    return len(text.encode("utf-8")) + sum(text.count(c) for c in '\\"\n\r')


def keep_long_tokens_whole(tokenizer, then=None):
    """Make ``tokenizer`` (a spaCy ``Tokenizer``) keep long punctuation-edged chunks whole.

    Args:
        tokenizer: the tokenizer to change.
        then: the ``token_match`` to apply to other chunks (default: the tokenizer's own).
            Setting ``token_match`` makes spaCy load the tokenizer's special cases again,
            so a caller that extends it further passes its extension here and sets it once.

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
    before = tokenizer.token_match if then is None else then

    def token_match(chunk: str):
        if len(chunk) >= 50 and (match := _LONG_AFFIXED.fullmatch(chunk)):
            return match
        return before(chunk) if before is not None else None

    tokenizer.token_match = token_match
    return tokenizer
