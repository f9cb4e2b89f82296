"""Content negotiation of ``sgcn serve``: which format and Content-Type an answer gets.

The server's routes and its query workers both decide it (a worker knows only once a
query has run whether its answer is rows or a graph), so it lives here, below both.

Examples:
    >>> negotiate("text/csv, */*;q=0.1", "SELECT")
    ('csv', 'text/csv; charset=utf-8')
    >>> negotiate("application/ld+json", "CONSTRUCT")
    ('json-ld', 'application/ld+json')
    >>> negotiate("image/png", "SELECT") is None
    True
    >>> negotiate("application/sparql-results+xml, application/rdf+xml", "CONSTRUCT")
    ('rdf-xml', 'application/rdf+xml')
"""

from __future__ import annotations

# What each answer kind can be written as: (format, media types it answers to, Content-Type).
ROW_MEDIA = (
    ("json", ("application/sparql-results+json", "application/json"), "application/sparql-results+json"),
    ("xml", ("application/sparql-results+xml", "application/xml", "text/xml"), "application/sparql-results+xml"),
    ("csv", ("text/csv",), "text/csv; charset=utf-8"),
    ("tsv", ("text/tab-separated-values",), "text/tab-separated-values; charset=utf-8"),
    ("html", ("text/html", "application/xhtml+xml"), "text/html; charset=utf-8"),
    ("table", ("text/plain",), "text/plain; charset=utf-8"),
)
PAGE_MEDIA = (
    ("html", ("text/html", "application/xhtml+xml"), "text/html; charset=utf-8"),
    ("turtle", ("text/turtle", "application/x-turtle"), "text/turtle; charset=utf-8"),
    ("json-ld", ("application/ld+json",), "application/ld+json"),
    ("nt", ("application/n-triples",), "application/n-triples"),
    ("rdf-xml", ("application/rdf+xml",), "application/rdf+xml"),
)
GRAPH_MEDIA = (
    ("turtle", ("text/turtle", "application/x-turtle"), "text/turtle; charset=utf-8"),
    ("json-ld", ("application/ld+json",), "application/ld+json"),
    ("nt", ("application/n-triples", "text/plain"), "application/n-triples"),
    ("rdf-xml", ("application/rdf+xml",), "application/rdf+xml"),
    ("html", ("text/html", "application/xhtml+xml"), "text/html; charset=utf-8"),
)
# A description (the Service Description, the VoID description): a graph, but no HTML of its own.
DESCRIPTION_MEDIA = tuple(entry for entry in GRAPH_MEDIA if entry[0] != "html")
# ``format=`` names a client may send for a graph answer: SPARQLWrapper sends its return
# format (``xml``, ``json``) whatever the query form.
GRAPH_FORMAT_NAMES = {"xml": "rdf-xml", "rdfxml": "rdf-xml", "json": "json-ld", "jsonld": "json-ld",
                      "ttl": "turtle", "n-triples": "nt", "ntriples": "nt"}
def _accepted(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header, best first (stable for ties)."""
    ranges = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    quality = float(f[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, quality) for media, quality, _ in ranges if quality > 0]


def negotiate(accept: str | None, kind: str) -> tuple[str, str] | None:
    """The format and Content-Type to answer a ``kind`` query with, by the Accept header.

    ``kind`` is ``"SELECT"``/``"ASK"`` (rows), ``"CONSTRUCT"`` (graphs) or ``"PAGE"``
    (an entity's page); without an Accept header, rows are SPARQL results JSON,
    graphs Turtle and pages HTML. ``None`` when
    nothing acceptable can be made (406).
    """
    table = {"CONSTRUCT": GRAPH_MEDIA, "PAGE": PAGE_MEDIA, "DESCRIPTION": DESCRIPTION_MEDIA}.get(kind, ROW_MEDIA)
    if not accept or not accept.strip():
        return table[0][0], table[0][2]
    for media, _ in _accepted(accept):
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            for fmt, types, content_type in table:
                if media == "*/*" or types[0].startswith(prefix):
                    return fmt, content_type
        for fmt, types, content_type in table:
            if media in types:
                return fmt, content_type
    return None


def format_content_type(fmt: str, kind: str) -> tuple[str, str] | None:
    """The format named by a ``format=`` request parameter (``json``, ``csv``, ``turtle``, a
    media type, ...) and its Content-Type, or ``None`` when it cannot apply to ``kind``.

    Examples:
        >>> format_content_type("csv", "SELECT")
        ('csv', 'text/csv; charset=utf-8')
        >>> format_content_type("text/turtle", "CONSTRUCT")
        ('turtle', 'text/turtle; charset=utf-8')
        >>> format_content_type("xml", "CONSTRUCT")
        ('rdf-xml', 'application/rdf+xml')
    """
    table = {"CONSTRUCT": GRAPH_MEDIA, "PAGE": PAGE_MEDIA, "DESCRIPTION": DESCRIPTION_MEDIA}.get(kind, ROW_MEDIA)
    if kind not in ("SELECT", "ASK"):
        fmt = GRAPH_FORMAT_NAMES.get(fmt, fmt)
    for name, types, content_type in table:
        if fmt == name or fmt in types:
            return name, content_type
    return None
