"""Turn extracted facts into an RDF graph in the sgcn data model.

``build_graph`` takes the :class:`~sgcn.loaders.facts.Extraction` of every document
(entity keys already global, merged across documents) and states each entity,
document, piece of evidence and fact as README's "Data model" describes: entities
under readable IRIs from :func:`sgcn.graph.rdf.iris.mint`, every fact reified as an
``sgcn:Assertion`` (or an ``org:Membership`` / ``sgcn:Figure``) pointing at its
``sgcn:Evidence``. Posts are W3C ORG memberships with an ``org:Role`` and an OWL-Time
``org:memberDuring`` interval; an event's time is an OWL-Time interval whose beginning
and end carry every position the sources give them, and one ``schema:startDate`` /
``schema:endDate`` (the most precise) for schema.org clients. The graph includes the ontology and the topic scheme so that a
store holding only this graph can answer the contract queries.

The functions are small and free (``add_*(graph, ...)``); ``build_graph`` strings
them together.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.facts import Entity, Evidence, Extraction, Relation
    >>> text = "Luke Goh co-chaired the meeting."
    >>> doc = Document(source="a.txt", text=text, sha256="0" * 64, format="plaintext")
    >>> ev = Evidence(source="a.txt", start=0, end=len(text), quote=text)
    >>> people = Entity("Person/luke goh", "Person", "Luke Goh", ("Mr Goh",))
    >>> meeting = Entity("Event/the meeting", "Event", "Joint Meeting")
    >>> ex = Extraction(doc, entities=(people, meeting),
    ...                 relations=(Relation(people.key, "co_chaired", meeting.key, ev),))
    >>> g = build_graph([ex], vocabulary=False)
    >>> (mint("Person", "Luke Goh"), SGCN.coChaired, mint("Event", "Joint Meeting")) in g
    True
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Mapping

from rdflib import Graph, Literal, URIRef

from sgcn.graph.rdf.iris import mint, mint_document, mint_fact
from sgcn.graph.rdf.namespace import DC, DCTERMS, ORG, OWL, PROV, RDF, SDO, SGCN, SGCN_TOPIC, SKOS, TIME, XSD
from sgcn.loaders.document import Document
from sgcn.loaders.facts import (
    Entity,
    EventTime,
    Evidence,
    Extraction,
    Figure,
    Mention,
    Relation,
    Role,
    TopicTag,
)

log = logging.getLogger(__name__)

ONTOLOGY_FILES = ("sgcn.ttl", "topics.ttl")
"""The files of ``ontology/`` a built graph includes (a missing one is skipped)."""

PREFIXES = {
    "sgcn": SGCN._NS,
    "topic": SGCN_TOPIC,
    "org": ORG,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SDO,
    "skos": SKOS,
    "time": TIME,
    "dc": DC,
}


def ontology_text(name: str) -> str | None:
    """The Turtle of ``ontology/<name>`` as shipped with the package, or ``None``.

    Examples:
        >>> "owl:Ontology" in ontology_text("sgcn.ttl")
        True
        >>> ontology_text("no-such-file.ttl") is None
        True
    """
    resource = files("sgcn.ontology") / name
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _vocabulary_triples() -> tuple:
    vocabulary = Graph()
    for name in ONTOLOGY_FILES:
        turtle = ontology_text(name)
        if turtle is None:
            log.warning("ontology/%s not found; the graph will not include it", name)
            continue
        vocabulary.parse(data=turtle, format="turtle")
    return tuple(vocabulary)


def vocabulary_graph() -> Graph:
    """A fresh graph holding the ontology and the topic scheme (when present).

    Examples:
        >>> (SGCN.coChaired, SKOS.notation, Literal("co_chaired")) in vocabulary_graph()
        True
    """
    graph = Graph()
    for triple in _vocabulary_triples():
        graph.add(triple)
    return graph


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(data=ontology_text("sgcn.ttl"), format="turtle")


@lru_cache(maxsize=1)
def relation_types() -> Mapping[str, tuple[frozenset[str], frozenset[str]]]:
    """Contract relation name -> (subject types, object types), from the ontology's
    ``schema:domainIncludes`` / ``schema:rangeIncludes``.

    Examples:
        >>> sorted(relation_types()["witnessed"][1])
        ['Agreement', 'Event']
    """
    ontology = _ontology()

    def names(prop, which) -> frozenset[str]:
        return frozenset(str(ontology.value(c, SKOS.notation)) for c in ontology.objects(prop, which))

    return {
        name: (names(prop, SDO.domainIncludes), names(prop, SDO.rangeIncludes))
        for name, prop in relation_properties().items()
    }


@lru_cache(maxsize=1)
def relation_properties() -> Mapping[str, URIRef]:
    """Contract relation name -> ontology property, read from the ontology's ``skos:notation``.

    Examples:
        >>> relation_properties()["participated_in"] == SGCN.participatedIn
        True
    """
    ontology = _ontology()
    table = {}
    for prop, notation in ontology.subject_objects(SKOS.notation):
        if (prop, RDF.type, OWL.ObjectProperty) in ontology:
            table[str(notation)] = prop
    return dict(sorted(table.items()))



ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
"""An ISO 8601 date as precise as a source gives it: ``2020-03-05``, ``2020-03`` or ``2020``."""


def is_iso_date(text: str) -> bool:
    """Whether ``text`` is a date :func:`date_literal` can type.

    Examples:
        >>> is_iso_date("2020-03-05"), is_iso_date("2019"), is_iso_date("March 2020"), is_iso_date("")
        (True, True, False, False)
    """
    return bool(ISO_DATE.fullmatch(text))


def date_literal(iso: str) -> Literal:
    """An ISO date typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear.

    Examples:
        >>> date_literal("2020-03-05").datatype == XSD.date
        True
        >>> date_literal("2023-09").datatype == XSD.gYearMonth
        True
        >>> str(date_literal("2019")), date_literal("2019").datatype == XSD.gYear
        ('2019', True)
    """
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return Literal(iso, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return Literal(iso, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", iso):
        return Literal(iso, datatype=XSD.gYear)
    raise ValueError(f"not an ISO 8601 date of a known precision: {iso!r}")


def plain_decimal(value: Decimal | int | float | str) -> str:
    """A number written as a plain decimal: no exponent, no trailing zeros or point.

    Examples:
        >>> plain_decimal(Decimal("816.9E9"))
        '816900000000'
        >>> plain_decimal(Decimal("13.0")), plain_decimal(Decimal("0.50")), plain_decimal(40)
        ('13', '0.5', '40')
    """
    number = Decimal(str(value))
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def decimal_literal(value: Decimal | int | float | str) -> Literal:
    """An xsd:decimal literal in the lexical form Turtle writes it in (always with a point).

    Turtle writes an xsd:decimal as a bare number with a point (``1200.0``); stating it
    that way in the first place makes the graph in memory and the graph read back from
    its Turtle the same. The queries print values as :func:`plain_decimal` does.

    Examples:
        >>> str(decimal_literal(Decimal("4E7"))), str(decimal_literal(Decimal("2.50")))
        ('40000000.0', '2.5')
    """
    text = plain_decimal(value)
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def class_of(entity_type: str) -> URIRef:
    """The ontology class of an entity type name (``"Person"`` -> ``sgcn:Person``).

    Examples:
        >>> class_of("Place") == SGCN.Place
        True
    """
    return SGCN[entity_type]


def add_document(graph: Graph, document: Document) -> URIRef:
    """State a document: file name, digest, format, kept text, title, date, publisher.

    Examples:
        >>> doc = Document(source="b.txt", text="Hi.", sha256="1" * 64, format="plaintext",
        ...                date="2023-09")
        >>> g = Graph(); iri = add_document(g, doc)
        >>> str(g.value(iri, DCTERMS.date))
        '2023-09'
    """
    iri = mint_document(document.source)
    graph.add((iri, RDF.type, SGCN.Document))
    graph.add((iri, SGCN.fileName, Literal(document.source)))
    graph.add((iri, SGCN.sha256, Literal(document.sha256)))
    graph.add((iri, SGCN.format, Literal(document.format)))
    graph.add((iri, SGCN.text, Literal(document.text)))
    if document.title:
        graph.add((iri, DCTERMS.title, Literal(document.title)))
    if is_iso_date(document.date):
        graph.add((iri, DCTERMS.date, date_literal(document.date)))
    elif document.date:
        log.warning("%s: date %r is not an ISO date; not stated", document.source, document.date)
    if document.publisher:
        # the publisher's name as the page gives it: a string, so dc:publisher (DCMI's
        # dcterms:publisher expects a dcterms:Agent resource, not a literal)
        graph.add((iri, DC.publisher, Literal(document.publisher)))
    url = document.metadata.get("url", "")
    if re.match(r"https?://\S+$", url):
        graph.add((iri, SDO.url, URIRef(url)))
    licence = document.metadata.get("license", "")
    if re.match(r"https?://\S+$", licence):  # the source's licence, where its manifest gives one
        graph.add((iri, DCTERMS.license, URIRef(licence)))
    elif licence:
        log.warning("%s: licence %r is not an IRI; not stated", document.source, licence)
    return iri


def add_evidence(graph: Graph, evidence: Evidence) -> URIRef:
    """State where a fact was read: the document, the quote and its offsets.

    Examples:
        >>> g = Graph()
        >>> iri = add_evidence(g, Evidence(source="b.txt", start=0, end=3, quote="Hi."))
        >>> g.value(iri, PROV.wasQuotedFrom) == mint_document("b.txt")
        True
    """
    iri = mint_fact("evidence", evidence.source, evidence.start, evidence.end)
    graph.add((iri, RDF.type, SGCN.Evidence))
    graph.add((iri, PROV.wasQuotedFrom, mint_document(evidence.source)))
    graph.add((iri, SGCN.quote, Literal(evidence.quote)))
    graph.add((iri, SGCN.startOffset, Literal(evidence.start)))
    graph.add((iri, SGCN.endOffset, Literal(evidence.end)))
    return iri


def add_entity(graph: Graph, entity: Entity, iri: URIRef | None = None) -> URIRef:
    """State an entity: its class, preferred label and aliases.

    Two entities whose labels differ only in punctuation or case mint the same IRI;
    the first label stated stays the preferred one and the other becomes an alias,
    so an entity never has two preferred labels.

    Examples:
        >>> g = Graph()
        >>> iri = add_entity(g, Entity("Organization/mti", "Organization",
        ...                            "Ministry of Trade and Industry", ("MTI",)))
        >>> str(iri), str(g.value(iri, SKOS.altLabel))
        ('https://w3id.org/sgcn/id/organization/ministry-of-trade-and-industry', 'MTI')
        >>> _ = add_entity(g, Entity("Organization/m", "Organization", "Ministry of trade and industry"))
        >>> sorted(str(a) for a in g.objects(iri, SKOS.altLabel))
        ['MTI', 'Ministry of trade and industry']
    """
    iri = iri if iri is not None else mint_entity(entity)
    graph.add((iri, RDF.type, class_of(entity.type)))
    label = Literal(entity.label)
    stated = graph.value(iri, SKOS.prefLabel)
    if stated is None:
        graph.add((iri, SKOS.prefLabel, label))
        stated = label
    elif stated != label:
        log.info("%s is named both %r and %r; keeping the first as preferred label", iri, str(stated), entity.label)
    for alias in (entity.label, *entity.aliases):
        if Literal(alias) != stated:
            graph.add((iri, SKOS.altLabel, Literal(alias)))
    return iri


def add_assertion(graph: Graph, subject: URIRef, predicate: URIRef, obj, evidence: Evidence) -> URIRef:
    """Reify ``subject predicate obj`` as an ``sgcn:Assertion`` backed by ``evidence``.

    Examples:
        >>> g = Graph()
        >>> ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> a = add_assertion(g, mint("Place", "Singapore"), RDF.type, SGCN.Place, ev)
        >>> g.value(a, RDF.predicate) == RDF.type and g.value(a, SGCN.evidence) is not None
        True
    """
    evidence_iri = add_evidence(graph, evidence)
    iri = mint_fact("assertion", subject, predicate, obj, evidence_iri)
    graph.add((iri, RDF.type, SGCN.Assertion))
    graph.add((iri, RDF.subject, subject))
    graph.add((iri, RDF.predicate, predicate))
    graph.add((iri, RDF.object, obj))
    graph.add((iri, SGCN.evidence, evidence_iri))
    return iri


def add_mention(graph: Graph, mention: Mention, entity: URIRef, entity_type: str) -> None:
    """State that a document names ``entity`` as what it is (the evidence for its type).

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> add_mention(g, Mention("Place/sg", ev), mint("Place", "Singapore"), "Place")
        >>> g.value(predicate=RDF.object, object=SGCN.Place) is not None
        True
    """
    add_assertion(graph, entity, RDF.type, class_of(entity_type), mention.evidence)


def add_relation(graph: Graph, relation: Relation, subject: URIRef, obj: URIRef) -> None:
    """State ``subject <relation> obj`` with an assertion for its evidence.

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> li, expo = mint("Person", "Li Bo"), mint("Event", "Smart China Expo 2019")
        >>> add_relation(g, Relation("Person/li bo", "participated_in", "Event/sce", ev), li, expo)
        >>> (li, SGCN.participatedIn, expo) in g
        True
    """
    prop = relation_properties()[relation.relation]
    graph.add((subject, prop, obj))
    add_assertion(graph, subject, prop, obj, relation.evidence)


POSITIONS = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}
"""The OWL-Time property that positions an instant at a date of each precision."""

PRECISION = {XSD.date: 0, XSD.gYearMonth: 1, XSD.gYear: 2}
"""Rank of a date's precision, most precise first."""


def add_instant(graph: Graph, iri: URIRef, date: Literal) -> URIRef:
    """State that the ``time:Instant`` ``iri`` lies at ``date`` (as precise as the date is).

    Returns the OWL-Time property used (``time:inXSDDate``, ``inXSDgYearMonth`` or ``inXSDgYear``).

    Examples:
        >>> g = Graph(); i = URIRef("https://w3id.org/sgcn/id/instant/x")
        >>> add_instant(g, i, date_literal("2019")) == TIME.inXSDgYear
        True
    """
    prop = POSITIONS[date.datatype]
    graph.add((iri, RDF.type, TIME.Instant))
    graph.add((iri, prop, date))
    return prop


def role_iri(title: str) -> URIRef:
    """The ``org:Role`` of a post's title, shared by every membership with that title.

    Examples:
        >>> str(role_iri("Vice Mayor"))
        'https://w3id.org/sgcn/id/role/vice-mayor'
    """
    return mint("Role", title)


def add_role(graph: Graph, role: Role, person: URIRef, organization: URIRef | None) -> URIRef:
    """State a post as W3C ORG states one: an ``org:Membership`` with its ``org:role``, its
    ``org:memberDuring`` interval and its evidence.

    The source says the person held the post on a date (the document's): the membership
    lasted over an interval of unknown bounds (``time:ProperInterval``) with that date
    ``time:inside`` it, as an instant positioned as precisely as the source gives it.

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> role = Role("Person/li bo", "Vice Mayor", None, "2020-03-05", ev)
        >>> m = add_role(g, role, mint("Person", "Li Bo"), None)
        >>> str(g.value(g.value(m, ORG.role), SKOS.prefLabel))
        'Vice Mayor'
        >>> instant = g.value(g.value(m, ORG.memberDuring), TIME.inside)
        >>> str(g.value(instant, TIME.inXSDDate))
        '2020-03-05'
    """
    iri = mint_fact(
        "membership", person, role.title, organization or "", role.as_of, role.evidence.source
    )
    graph.add((iri, RDF.type, ORG.Membership))
    graph.add((iri, ORG.member, person))
    if organization is not None:
        graph.add((iri, ORG.organization, organization))
    post = role_iri(role.title)
    graph.add((post, RDF.type, ORG.Role))
    stated = graph.value(post, SKOS.prefLabel)
    if stated is None:
        graph.add((post, SKOS.prefLabel, Literal(role.title)))
    elif str(stated) != role.title:
        log.info("role %s is titled both %r and %r; keeping the first", post, str(stated), role.title)
    graph.add((iri, ORG.role, post))
    during = mint_fact("interval", iri)
    graph.add((iri, ORG.memberDuring, during))
    graph.add((during, RDF.type, TIME.ProperInterval))
    instant = mint_fact("instant", iri)
    graph.add((during, TIME.inside, instant))
    add_instant(graph, instant, date_literal(role.as_of))
    graph.add((iri, SGCN.evidence, add_evidence(graph, role.evidence)))
    return iri


def event_interval(event: URIRef) -> tuple[URIRef, URIRef, URIRef]:
    """The IRIs of an event's time: its interval, the interval's beginning and its end.

    Examples:
        >>> time, begins, ends = event_interval(mint("Event", "Smart China Expo 2023"))
        >>> time.split("/")[-2], begins.split("/")[-2], begins != ends
        ('interval', 'instant', True)
    """
    return mint_fact("interval", event), mint_fact("instant", event, "beginning"), mint_fact("instant", event, "end")


def add_event_time(graph: Graph, event_time: EventTime, event: URIRef) -> None:
    """State when an event began (and ended) as OWL-Time does, each position with an assertion.

    The event has one interval (``time:hasTime``) with one beginning and one end; a
    source that gives the year and another that gives the day both position the same
    beginning (``time:inXSDgYear``, ``time:inXSDDate``). :func:`add_event_dates` then
    states the single ``schema:startDate`` / ``schema:endDate``.

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> expo = mint("Event", "Smart China Expo 2023")
        >>> add_event_time(g, EventTime("Event/sce", "2023-09-04", "2023-09-06", ev), expo)
        >>> begins = g.value(g.value(expo, TIME.hasTime), TIME.hasBeginning)
        >>> str(g.value(begins, TIME.inXSDDate))
        '2023-09-04'
    """
    interval, beginning, end = event_interval(event)
    for instant, link, iso in ((beginning, TIME.hasBeginning, event_time.start), (end, TIME.hasEnd, event_time.end)):
        if iso and not is_iso_date(iso):
            log.warning("skipping %r: %r is not an ISO date", event_time, iso)
        elif iso:
            graph.add((event, TIME.hasTime, interval))
            graph.add((interval, RDF.type, TIME.ProperInterval))
            graph.add((interval, link, instant))
            literal = date_literal(iso)
            add_assertion(graph, instant, add_instant(graph, instant, literal), literal, event_time.evidence)


def best_date(dates: Iterable[Literal], *, latest: bool) -> Literal | None:
    """The most precise of ``dates``; among those, the earliest (or the ``latest``).

    Examples:
        >>> str(best_date([date_literal("2019"), date_literal("2019-08-26")], latest=False))
        '2019-08-26'
        >>> str(best_date([date_literal("2023-09-04"), date_literal("2023-09-06")], latest=True))
        '2023-09-06'
        >>> best_date([], latest=False) is None
        True
    """
    dates = [d for d in dates if d.datatype in PRECISION]
    if not dates:
        return None
    most = min(PRECISION[d.datatype] for d in dates)
    chosen = sorted(str(d) for d in dates if PRECISION[d.datatype] == most)
    value = chosen[-1] if latest else chosen[0]
    return next(d for d in dates if str(d) == value and PRECISION[d.datatype] == most)


def add_event_dates(graph: Graph) -> None:
    """Give every event with a time one ``schema:startDate`` and one ``schema:endDate``.

    They are the most precise position of the beginning (the earliest, when sources
    disagree at that precision) and of the end (the latest): what a schema.org client
    reads, never two start dates. The evidence stays with the OWL-Time positions.

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> expo = mint("Event", "Smart China Expo 2019")
        >>> add_event_time(g, EventTime("Event/sce", "2019", "", ev), expo)
        >>> add_event_time(g, EventTime("Event/sce", "2019-08-26", "2019-08-29", ev), expo)
        >>> add_event_dates(g)
        >>> [str(d) for d in g.objects(expo, SDO.startDate)], str(g.value(expo, SDO.endDate))
        (['2019-08-26'], '2019-08-29')
    """
    for event, interval in sorted(graph.subject_objects(TIME.hasTime)):
        for link, prop, latest in ((TIME.hasBeginning, SDO.startDate, False), (TIME.hasEnd, SDO.endDate, True)):
            instant = graph.value(interval, link)
            if instant is None:
                continue
            date = best_date((d for p in POSITIONS.values() for d in graph.objects(instant, p)), latest=latest)
            if date is not None:
                graph.add((event, prop, date))


def add_figure(graph: Graph, figure: Figure, subject: URIRef) -> URIRef:
    """State a reported number as an ``sgcn:Figure`` observation.

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> fig = Figure("Event/sce", "investment_value", Decimal("816.9E9"), "CNY", "", "2019", ev)
        >>> f = add_figure(g, fig, mint("Event", "Smart China Expo 2019"))
        >>> str(g.value(f, SGCN.value)), str(g.value(f, SGCN.unit)), g.value(f, SGCN.qualifier)
        ('816900000000.0', 'CNY', None)
    """
    value = plain_decimal(figure.value)
    iri = mint_fact(
        "figure", subject, figure.measure, value, figure.unit, figure.qualifier,
        figure.as_of, figure.evidence.source,
    )
    graph.add((iri, RDF.type, SGCN.Figure))
    graph.add((iri, SGCN.about, subject))
    graph.add((iri, SGCN.measure, Literal(figure.measure)))
    graph.add((iri, SGCN.value, decimal_literal(value)))
    if figure.unit:
        graph.add((iri, SGCN.unit, Literal(figure.unit)))
    if figure.qualifier:
        graph.add((iri, SGCN.qualifier, Literal(figure.qualifier)))
    graph.add((iri, SGCN.asOf, date_literal(figure.as_of)))
    graph.add((iri, SGCN.evidence, add_evidence(graph, figure.evidence)))
    return iri


def add_topic(graph: Graph, tag: TopicTag, subject: URIRef) -> None:
    """State that ``subject`` is about a concept of the topic scheme.

    Examples:
        >>> g = Graph(); ev = Evidence(source="b.txt", start=0, end=3, quote="Hi.")
        >>> expo = mint("Event", "Smart China Expo 2019")
        >>> add_topic(g, TopicTag("Event/sce", "5g", ev), expo)
        >>> str(g.value(expo, DCTERMS.subject))
        'https://w3id.org/sgcn/topic/5g'
    """
    concept = SGCN_TOPIC[tag.topic]
    graph.add((subject, DCTERMS.subject, concept))
    add_assertion(graph, subject, DCTERMS.subject, concept, tag.evidence)


def mint_entity(entity: Entity) -> URIRef:
    """The IRI of an entity: from its preferred label, or for an occurrence from its identity.

    Two meetings both labelled "3rd Joint Implementation Committee meeting" but of two
    initiatives are two occurrences: their merged keys say their identities, and so do
    their IRIs.

    Examples:
        >>> str(mint_entity(Entity("Person/x", "Person", "Luke Goh")))
        'https://w3id.org/sgcn/id/person/luke-goh'
        >>> str(mint_entity(Entity("Event/3 jic meeting of cci", "Event", "3rd JIC meeting", (),
        ...                        ("Organization/jic", "Initiative/cci", "3"))))
        'https://w3id.org/sgcn/id/event/3-jic-meeting-of-cci'
    """
    if entity.identity:
        return mint(entity.type, entity.key.split("/", 1)[1])
    return mint(entity.type, entity.label)


def entity_index(extractions: Iterable[Extraction]) -> dict[str, tuple[URIRef, str]]:
    """Entity key -> (IRI, type) over all extractions (the first extraction naming a key wins).

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> doc = Document(source="a.txt", text="", sha256="0" * 64, format="plaintext")
        >>> ex = Extraction(doc, entities=(Entity("Place/sg", "Place", "Singapore"),))
        >>> entity_index([ex])["Place/sg"][0]
        rdflib.term.URIRef('https://w3id.org/sgcn/id/place/singapore')
    """
    index: dict[str, tuple[URIRef, str]] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            index.setdefault(entity.key, (mint_entity(entity), entity.type))
    return index


def _resolve(index, key: str | None, what: object) -> URIRef | None:
    if key is None or key not in index:
        log.warning("skipping %r: entity key %r is not among the extracted entities", what, key)
        return None
    return index[key][0]


def _types_fit(index, relation: Relation) -> bool:
    """Whether a relation links the types the contract allows (else it is logged and dropped).

    The shapes would refuse the whole graph over one mistyped relation; dropping it
    here keeps one extraction slip on an unseen document from stopping the build.
    """
    subjects, objects = relation_types()[relation.relation]
    subject_type, object_type = index[relation.subject][1], index[relation.object][1]
    if subject_type in subjects and object_type in objects:
        return True
    log.warning(
        "skipping %r: %s links %s to %s, not %s to %s", relation, relation.relation,
        subject_type, object_type, "/".join(sorted(subjects)), "/".join(sorted(objects)),
    )
    return False


def add_extraction(graph: Graph, extraction: Extraction, index) -> None:
    """State one document's entities and facts, resolving keys through :func:`entity_index`.

    Examples:
        >>> doc = Document(source="a.txt", text="Hi.", sha256="0" * 64, format="plaintext")
        >>> ex = Extraction(doc, entities=(Entity("Place/sg", "Place", "Singapore"),))
        >>> g = Graph(); add_extraction(g, ex, entity_index([ex]))
        >>> str(g.value(mint("Place", "Singapore"), SKOS.prefLabel))
        'Singapore'
    """
    add_document(graph, extraction.document)
    for entity in extraction.entities:
        add_entity(graph, entity, index[entity.key][0])
    for mention in extraction.mentions:
        iri = _resolve(index, mention.entity, mention)
        if iri is not None:
            add_mention(graph, mention, iri, index[mention.entity][1])
    for relation in extraction.relations:
        subject = _resolve(index, relation.subject, relation)
        obj = _resolve(index, relation.object, relation)
        if subject is not None and obj is not None and _types_fit(index, relation):
            add_relation(graph, relation, subject, obj)
    for role in extraction.roles:
        person = _resolve(index, role.person, role)
        organization = None
        if role.organization is not None:
            organization = _resolve(index, role.organization, role)
            if organization is None:
                continue
            if index[role.organization][1] != "Organization":
                log.warning("skipping %r: %r is not an Organization", role, role.organization)
                continue
        if person is None:
            continue
        if not is_iso_date(role.as_of):
            log.warning("skipping %r: no ISO date to state the role as of", role)
            continue
        add_role(graph, role, person, organization)
    for event_time in extraction.event_times:
        event = _resolve(index, event_time.event, event_time)
        if event is not None:
            add_event_time(graph, event_time, event)
    for figure in extraction.figures:
        subject = _resolve(index, figure.subject, figure)
        if subject is None:
            continue
        if not is_iso_date(figure.as_of):
            log.warning("skipping %r: no ISO date to state the figure as of", figure)
            continue
        add_figure(graph, figure, subject)
    for tag in extraction.topics:
        subject = _resolve(index, tag.subject, tag)
        if subject is not None:
            add_topic(graph, tag, subject)


def build_graph(extractions: Iterable[Extraction], *, vocabulary: bool = True) -> Graph:
    """The sgcn graph of ``extractions``, with the ontology and topic scheme when ``vocabulary``.

    Args:
        extractions: one :class:`~sgcn.loaders.facts.Extraction` per document, entity
            keys global to the build.
        vocabulary: include ``ontology/sgcn.ttl`` and ``ontology/topics.ttl``, the
            reviewed links to Wikidata of ``ontology/wikidata-links.yaml``
            (:mod:`sgcn.graph.rdf.links`) and the graph's VoID/DCAT description
            (:mod:`sgcn.graph.rdf.describe`), so the graph describes itself (turn off
            for small test graphs).

    Returns:
        A new ``rdflib.Graph`` with sgcn's prefixes bound.

    Examples:
        >>> g = build_graph([])
        >>> (SGCN.Person, RDF.type, OWL.Class) in g
        True
        >>> len(build_graph([], vocabulary=False))
        0
    """
    extractions = list(extractions)
    graph = vocabulary_graph() if vocabulary else Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    index = entity_index(extractions)
    for extraction in extractions:
        add_extraction(graph, extraction, index)
    add_event_dates(graph)
    if vocabulary:
        from sgcn.graph.rdf.describe import describe_dataset
        from sgcn.graph.rdf.links import add_links

        add_links(graph)
        describe_dataset(graph)
    return graph
