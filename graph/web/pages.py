"""What the entity and document pages of ``sgcn serve`` show, read from a small graph.

The server asks the query library for the triples about one entity
(``queries/entity-graph.rq``) or one document (``queries/document-graph.rq``) and
hands the answer, parsed, to :func:`entity_page` or :func:`document_page`; they return
plain dictionaries and lists for the page templates, sorted so that the same graph
gives the same page.

An entity page groups its facts: one line per type the sources give it, roles with
their dates, figures as a table, relations grouped by relation with every source. A
source is a quote in a document and links to the document page with the quote
highlighted (:func:`document_link`). Each fact says how many sources back it and how
many of them are independent (:func:`independent`): documents of different publishers,
where copies of one text count once.

A document page shows the text its loader kept (the text every quote's offsets index),
the document's title, date, publisher and original URL, one quote highlighted at its
offsets, and every fact read from the document, grouped by quote.

Examples:
    >>> document_link("https://w3id.org/sgcn/id/document/a-txt", 68, 97)
    '/doc/a-txt?start=68&end=97#quote'
    >>> document_link("https://example.org/x") is None
    True
"""

from __future__ import annotations

import re
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from sgcn.graph.rdf.iris import ID, slug
from sgcn.graph.rdf.build import POSITIONS
from sgcn.graph.rdf.namespace import DC, DCTERMS, ORG, PROV, RDF, SDO, SGCN, SKOS, TIME

DOCUMENT = ID + "document/"


def document_link(document: str, start: int | None = None, end: int | None = None) -> str | None:
    """The server path of a document's page, with a quote's offsets to highlight.

    ``None`` for an IRI that is not an sgcn document.
    """
    if not str(document).startswith(DOCUMENT):
        return None
    path = "/doc/" + urllib.parse.quote(str(document)[len(DOCUMENT):], safe="")
    if start is not None and end is not None and 0 <= start < end:
        path += f"?start={start}&end={end}#quote"
    return path


def entity_link(iri: str) -> str | None:
    """The server path of an sgcn IRI's page (documents have their own), or ``None``.

    Examples:
        >>> entity_link("https://w3id.org/sgcn/id/person/luke-goh")
        '/id/person/luke-goh'
        >>> entity_link("https://w3id.org/sgcn/id/document/a-txt")
        '/doc/a-txt'
    """
    iri = str(iri)
    if iri.startswith(DOCUMENT):
        return document_link(iri)
    if not iri.startswith(ID):
        return None
    return "/id/" + "/".join(urllib.parse.quote(part, safe="") for part in iri[len(ID):].split("/"))


def source_link(file_name: str, quote: str | None = None) -> str | None:
    """The document page of a source named by its file name (as the query library's
    ``source`` columns give it), asked to find and highlight ``quote``.

    Examples:
        >>> source_link("000_451af802f011b263.txt")
        '/doc/000-451af802f011b263-txt'
        >>> source_link("a.txt", "It was held in Xiamen.")
        '/doc/a-txt?quote=It%20was%20held%20in%20Xiamen.#quote'
        >>> source_link("") is None
        True
    """
    if not file_name or not file_name.strip():
        return None
    path = document_link(DOCUMENT + slug(file_name))
    if quote:
        path += "?quote=" + urllib.parse.quote(quote, safe="") + "#quote"
    return path


@dataclass(frozen=True, order=True)
class Source:
    """One quote backing a fact: where it was read and where it sits in the kept text."""

    date: str
    file: str
    start: int
    end: int
    quote: str
    document: str = field(compare=False)
    title: str = field(default="", compare=False)
    publisher: str = field(default="", compare=False)
    url: str = field(default="", compare=False)
    digest: str = field(default="", compare=False)

    @property
    def link(self) -> str | None:
        return document_link(self.document, self.start, self.end)


def independent(sources) -> int:
    """How many of ``sources`` are independent of each other: one per publisher, and
    a document without a publisher on its own; copies of one text (same digest) count once.

    Examples:
        >>> s = lambda file, publisher, digest: Source("", file, 0, 1, "q", "d", publisher=publisher, digest=digest)
        >>> independent([s("a", "MTI", "1"), s("b", "MTI", "2"), s("c", "", "3"), s("d", "", "3"), s("e", "Xinhua", "4")])
        3
    """
    seen: list[set] = []
    for source in sources:
        keys = {("text", source.digest or source.file)}
        if source.publisher.strip():
            keys.add(("publisher", source.publisher.strip().casefold()))
        merged = [group for group in seen if group & keys]
        for group in merged:
            seen.remove(group)
            keys |= group
        seen.append(keys)
    return len(seen)


def _text(graph: Graph, node, prop) -> str:
    value = graph.value(node, prop)
    return str(value) if value is not None else ""


def _offset(graph: Graph, node, prop) -> int:
    try:
        return int(graph.value(node, prop))
    except (TypeError, ValueError):
        return -1


def _label(graph: Graph, node) -> str:
    """The preferred label (English or untagged first), else the IRI's last part."""
    labels = sorted(graph.objects(node, SKOS.prefLabel), key=lambda l: (getattr(l, "language", None) not in (None, "en"), str(l)))
    return str(labels[0]) if labels else str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _post(graph: Graph, membership) -> tuple[str, str]:
    """A membership's title (its ``org:Role``'s label) and the date the source states the
    post (the position of the instant inside its ``org:memberDuring`` interval)."""
    title = _label(graph, graph.value(membership, ORG.role)) if graph.value(membership, ORG.role) is not None else ""
    instant = graph.value(graph.value(membership, ORG.memberDuring), TIME.inside)
    as_of = min((str(d) for p in POSITIONS.values() for d in graph.objects(instant, p)), default="")
    return title, as_of


def _bounds(graph: Graph) -> dict:
    """Each instant beginning or ending an event's time: ``instant -> (event, "start" | "end")``."""
    found = {}
    for event, interval in graph.subject_objects(TIME.hasTime):
        for link, what in ((TIME.hasBeginning, "start"), (TIME.hasEnd, "end")):
            for instant in graph.objects(interval, link):
                found[instant] = (event, what)
    return found


def _sources(graph: Graph, fact) -> list[Source]:
    found = set()
    for evidence in graph.objects(fact, SGCN.evidence):
        document = graph.value(evidence, PROV.wasQuotedFrom)
        if document is None:
            continue
        found.add(Source(
            date=_text(graph, document, DCTERMS.date),
            file=_text(graph, document, SGCN.fileName),
            start=_offset(graph, evidence, SGCN.startOffset),
            end=_offset(graph, evidence, SGCN.endOffset),
            quote=_text(graph, evidence, SGCN.quote),
            document=str(document),
            title=_text(graph, document, DCTERMS.title),
            publisher=_text(graph, document, DC.publisher),
            url=_text(graph, document, SDO.url),
            digest=_text(graph, document, SGCN.sha256),
        ))
    return sorted(found)


def _backed(sources: list[Source]) -> dict:
    return {"sources": sources, "count": len({s.document for s in sources}), "independent": independent(sources)}


def _plain_number(value: str) -> str:
    """A decimal as the queries print it: ``1200.0`` -> ``1200``, ``2.50`` -> ``2.5``.

    Examples:
        >>> _plain_number("1200.0"), _plain_number("2.50"), _plain_number("7")
        ('1200', '2.5', '7')
    """
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


def _notation(graph: Graph, node) -> str:
    value = graph.value(node, SKOS.notation)
    return str(value) if value is not None else str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _merge(groups: dict, key, sources: list[Source], **extra) -> None:
    entry = groups.setdefault(key, {"sources": set(), **extra})
    entry["sources"].update(sources)


def _finish(groups: dict) -> list[dict]:
    rows = []
    for key in sorted(groups, key=lambda k: tuple(str(part) for part in (k if isinstance(k, tuple) else (k,)))):
        entry = dict(groups[key])
        entry.update(_backed(sorted(entry.pop("sources"))))
        rows.append(entry)
    return rows


def entity_page(graph: Graph, iri: str) -> dict:
    """The grouped facts of entity ``iri`` from its entity graph (``entity-graph.rq``).

    Returns a dictionary with ``label``, ``types``, ``aliases``, and lists ``named``
    (one line per type), ``dates``, ``roles``, ``posts`` (posts held in it, for an
    organization), ``figures``, ``relations`` (grouped by relation), ``topics`` and
    ``statements`` (every triple about it, for the linked-data minded). Every fact
    carries ``sources`` (:class:`Source`, sorted), ``count`` (documents) and
    ``independent``.
    """
    entity = URIRef(iri)
    named: dict = {}
    dates: dict = {}
    topics: dict = {}
    relations: dict = defaultdict(dict)
    bounds = _bounds(graph)
    positions = set(POSITIONS.values())
    for assertion in graph.subjects(RDF.type, SGCN.Assertion):
        subject, predicate, obj = (graph.value(assertion, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        sources = _sources(graph, assertion)
        if predicate == RDF.type and subject == entity:
            _merge(named, _notation(graph, obj), sources, type=_notation(graph, obj))
        elif predicate in positions and subject in bounds:  # a position of the entity's time (OWL-Time)
            if bounds[subject][0] == entity:
                what = bounds[subject][1]
                _merge(dates, (what, str(obj)), sources, what=what, value=str(obj))
        elif predicate == DCTERMS.subject and subject == entity:
            _merge(topics, _label(graph, obj), sources, label=_label(graph, obj), iri=str(obj))
        elif subject == entity or obj == entity:
            outgoing = subject == entity
            other = obj if outgoing else subject
            relation = _notation(graph, predicate)
            _merge(relations[relation], ("out" if outgoing else "in", _label(graph, other), str(other)), sources,
                   direction="out" if outgoing else "in", other=_label(graph, other), link=entity_link(str(other)))
    roles: dict = {}
    posts: dict = {}
    for membership in graph.subjects(RDF.type, ORG.Membership):
        member, organization = graph.value(membership, ORG.member), graph.value(membership, ORG.organization)
        title, as_of = _post(graph, membership)
        sources = _sources(graph, membership)
        if member == entity:
            key = (title, _label(graph, organization) if organization is not None else "")
            entry = roles.setdefault(key, {"title": title, "organization": key[1], "dates": set(), "sources": set(),
                                           "link": entity_link(str(organization)) if organization is not None else None})
        elif organization == entity:
            key = (_label(graph, member), title)
            entry = posts.setdefault(key, {"person": key[0], "title": title, "dates": set(), "sources": set(),
                                           "link": entity_link(str(member))})
        else:
            continue
        entry["dates"].add(as_of)
        entry["sources"].update(sources)
    for entry in (*roles.values(), *posts.values()):
        entry["dates"] = sorted(d for d in entry["dates"] if d)
    figures: dict = {}
    for figure in graph.subjects(SGCN.about, entity):
        measure = _text(graph, figure, SGCN.measure)
        value = _plain_number(_text(graph, figure, SGCN.value))
        unit, qualifier, as_of = (_text(graph, figure, p) for p in (SGCN.unit, SGCN.qualifier, SGCN.asOf))
        _merge(figures, (measure, as_of, value, unit, qualifier), _sources(graph, figure),
               measure=measure, value=value, unit=unit, qualifier=qualifier, as_of=as_of)
    statements = sorted(
        (str(p), str(o), entity_link(str(o)) if isinstance(o, URIRef) else None)
        for p, o in graph.predicate_objects(entity)
    )
    return {
        "iri": iri,
        "label": _label(graph, entity),
        "types": sorted(_notation(graph, t) for t in graph.objects(entity, RDF.type)),
        "aliases": sorted({str(a) for a in graph.objects(entity, SKOS.altLabel)} - {_label(graph, entity)}),
        "named": _finish(named),
        "dates": _finish(dates),
        "roles": _finish(roles),
        "posts": _finish(posts),
        "figures": _finish(figures),
        "relations": [{"relation": name, "label": name.replace("_", " "), "rows": _finish(rows)}
                      for name, rows in sorted(relations.items())],
        "topics": _finish(topics),
        "statements": statements,
    }


def _fact_line(graph: Graph, fact, bounds: dict) -> dict:
    """One fact of a document page: who, what, whom or which value (``bounds``: :func:`_bounds`)."""
    if (fact, RDF.type, ORG.Membership) in graph:
        member, organization = graph.value(fact, ORG.member), graph.value(fact, ORG.organization)
        value, as_of = _post(graph, fact)
        if organization is not None:
            value += ", " + _label(graph, organization)
        return {"subject": _label(graph, member), "subject_link": entity_link(str(member)), "fact": "role",
                "object": value + (f" (as of {as_of})" if as_of else ""),
                "object_link": entity_link(str(organization)) if organization is not None else None}
    if (fact, RDF.type, SGCN.Figure) in graph:
        about = graph.value(fact, SGCN.about)
        parts = [_text(graph, fact, SGCN.qualifier), _plain_number(_text(graph, fact, SGCN.value)), _text(graph, fact, SGCN.unit)]
        as_of = _text(graph, fact, SGCN.asOf)
        return {"subject": _label(graph, about), "subject_link": entity_link(str(about)),
                "fact": _text(graph, fact, SGCN.measure),
                "object": " ".join(p for p in parts if p) + (f" (as of {as_of})" if as_of else ""), "object_link": None}
    subject, predicate, obj = (graph.value(fact, p) for p in (RDF.subject, RDF.predicate, RDF.object))
    if predicate == RDF.type:
        name, value, link = "type", _notation(graph, obj), None
    elif predicate in POSITIONS.values() and subject in bounds:
        event, name = bounds[subject]
        return {"subject": _label(graph, event), "subject_link": entity_link(str(event)), "fact": name,
                "object": str(obj), "object_link": None}
    elif predicate == DCTERMS.subject:
        name, value, link = "topic", _label(graph, obj), None
    else:
        name, value, link = _notation(graph, predicate), _label(graph, obj), entity_link(str(obj))
    return {"subject": _label(graph, subject), "subject_link": entity_link(str(subject)), "fact": name,
            "object": value, "object_link": link}


_FACT_ORDER = {"type": 0, "start": 1, "end": 1, "role": 2, "topic": 4}


def document_page(graph: Graph, iri: str, *, start: str | None = None, end: str | None = None,
                  quote: str | None = None) -> dict:
    """The page of document ``iri`` from its document graph (``document-graph.rq``).

    The quote to highlight is given by its offsets (``start``, ``end``: strings from
    the request, checked against the text) or by its text (``quote``: a quote of the
    document, else the first place the text occurs). Returns ``title``, ``date``,
    ``publisher``, ``url`` (http(s) only), ``file``, ``format``, ``digest``, the text cut
    in three (``before``, ``highlight``, ``after``), ``highlighted`` (the offsets, or
    ``None``), ``note`` (why nothing is highlighted, when something was asked) and
    ``quotes``: every quote read from the document in text order, each with its facts.
    """
    document = URIRef(iri)
    text = _text(graph, document, SGCN.text)
    by_quote: dict[tuple[int, int], dict] = {}
    bounds = _bounds(graph)
    for evidence in graph.subjects(PROV.wasQuotedFrom, document):
        span = (_offset(graph, evidence, SGCN.startOffset), _offset(graph, evidence, SGCN.endOffset))
        entry = by_quote.setdefault(span, {"start": span[0], "end": span[1], "quote": _text(graph, evidence, SGCN.quote),
                                           "link": document_link(iri, *span), "facts": []})
        for fact in graph.subjects(SGCN.evidence, evidence):
            entry["facts"].append(_fact_line(graph, fact, bounds))
    quotes = []
    for span in sorted(by_quote):
        entry = by_quote[span]
        unique = {tuple(sorted(f.items(), key=lambda kv: kv[0])): f for f in entry["facts"]}
        entry["facts"] = sorted(unique.values(), key=lambda f: (_FACT_ORDER.get(f["fact"], 3), f["subject"], f["fact"], f["object"]))
        quotes.append(entry)

    highlighted, note = None, ""
    if start is not None or end is not None:
        try:
            span = (int(start), int(end))
        except (TypeError, ValueError):
            span, note = None, "The offsets asked for are not whole numbers."
        if span is not None:
            if 0 <= span[0] < span[1] <= len(text):
                highlighted = span
            else:
                note = f"The offsets {span[0]}-{span[1]} are outside this document's text ({len(text)} characters)."
    elif quote:
        exact = sorted(span for span, entry in by_quote.items() if entry["quote"] == quote)
        position = text.find(quote)
        if exact:
            highlighted = exact[0]
        elif position >= 0:
            highlighted = (position, position + len(quote))
        else:
            note = "The quote asked for is not in this document's text."
    for entry in quotes:
        entry["current"] = highlighted == (entry["start"], entry["end"])
    url = _text(graph, document, SDO.url)
    before, middle, after = (text[: highlighted[0]], text[highlighted[0]: highlighted[1]], text[highlighted[1]:]) if highlighted else (text, "", "")
    return {
        "iri": iri,
        "file": _text(graph, document, SGCN.fileName),
        "title": _text(graph, document, DCTERMS.title),
        "date": _text(graph, document, DCTERMS.date),
        "publisher": _text(graph, document, DC.publisher),
        "url": url if re.match(r"https?://", url) else "",
        "format": _text(graph, document, SGCN.format),
        "digest": _text(graph, document, SGCN.sha256),
        "length": len(text),
        "before": before,
        "highlight": middle,
        "after": after,
        "highlighted": highlighted,
        "note": note,
        "quotes": quotes,
        "facts": sum(len(q["facts"]) for q in quotes),
    }


def page_of(kind: str, graph: Graph, iri: str, options: dict | None = None) -> tuple:
    """What the server shows for ``iri`` from its graph (the answer of ``entity-graph.rq``
    for an ``"entity"``, of ``document-graph.rq`` for a ``"document"``), computed where
    the query ran (a query worker) so that the server only renders a template:

    - ``("missing",)``: the graph says nothing about it (404);
    - ``("redirect", path)``: a piece of evidence, shown at its place in its document;
    - ``("entity", model)``: :func:`entity_page`'s model;
    - ``("document", model)``: :func:`document_page`'s model (``options``: ``start``,
      ``end`` and ``quote`` of the request).

    Examples:
        >>> page_of("entity", Graph(), "https://w3id.org/sgcn/id/person/nobody")
        ('missing',)
    """
    node = URIRef(iri)
    if kind == "document":
        if (node, RDF.type, SGCN.Document) not in graph:
            return ("missing",)
        return ("document", document_page(graph, iri, **(options or {})))
    if not any(graph.triples((node, None, None))) and not any(graph.triples((None, None, node))):
        return ("missing",)
    if str(iri).startswith(ID + "evidence/"):  # a quote: its place in its document
        quoted_from = graph.value(node, PROV.wasQuotedFrom)
        start, end = graph.value(node, SGCN.startOffset), graph.value(node, SGCN.endOffset)
        if quoted_from is not None and start is not None and end is not None:
            return ("redirect", document_link(str(quoted_from), int(start), int(end)))
    return ("entity", entity_page(graph, iri))


def result_links(variables: list[str], rows: list) -> list[list[str | None]]:
    """For a SELECT answer shown as an HTML table, the link of each cell (or ``None``).

    An sgcn IRI links to its page; a ``source`` column (a file name, as the query
    library gives it) links to the document's page, asked to highlight the row's
    ``quote`` when the answer has that column.

    Examples:
        >>> class Cell:
        ...     def __init__(self, value, kind="literal"):
        ...         self.value, self.kind = value, kind
        >>> result_links(["subject", "source", "quote"],
        ...              [[Cell("https://w3id.org/sgcn/id/person/x", "uri"), Cell("a.txt"), Cell("It rained.")]])
        [['/id/person/x', '/doc/a-txt?quote=It%20rained.#quote', None]]
    """
    names = [str(v).lstrip("?") for v in variables]
    quote_at = names.index("quote") if "quote" in names else None
    links = []
    for row in rows:
        line = []
        for name, cell in zip(names, row):
            link = None
            if cell is not None and getattr(cell, "kind", "") == "uri":
                link = entity_link(cell.value)
            elif cell is not None and name == "source":
                quote = row[quote_at].value if quote_at is not None and row[quote_at] is not None else None
                link = source_link(cell.value, quote)
            line.append(link)
        links.append(line)
    return links

