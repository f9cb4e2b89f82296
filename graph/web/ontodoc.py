"""Documentation of the ontology and the topic scheme that a person can browse.

:func:`ontology_document` renders ``ontology/sgcn.ttl`` and ``ontology/topics.ttl`` as
one self-contained HTML page (no script, no fetch: it reads the same from ``file://``,
from the repository's ``docs/ontology.html`` and from ``sgcn serve`` at ``/ontology``):
the ontology's header and modelling notes, every class and property with its label,
definition, scope notes, contract name, super- and sub-terms, domain and range (and
schema.org's domainIncludes/rangeIncludes), the terms it names with ``rdfs:seeAlso``,
the outside vocabularies it reuses, and every topic concept with its labels,
definition and broader and narrower concepts. Each term's anchor is its local name, so
``https://w3id.org/sgcn/ontology#coChaired`` lands on its entry; each concept's is
``topic-<slug>``.

The page is a pure function of the two files (sorted, no dates of its own), so
``sgcn docs`` writes the same bytes for the same ontology and a test checks that the
committed ``docs/ontology.html`` is current.

Examples:
    >>> html = ontology_document()
    >>> 'id="coChaired"' in html and 'id="topic-artificial-intelligence"' in html
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

from sgcn.graph.rdf.build import ontology_text
from sgcn.graph.rdf.iris import ONTOLOGY, TOPIC
from sgcn.graph.rdf.namespace import ONTOLOGY_IRI

TEMPLATES = Path(__file__).parent / "templates"

# The vocabularies a page names by prefix, with where a person reads them.
VOCABULARIES = {
    "sgcn": (ONTOLOGY, "https://w3id.org/sgcn/ontology"),
    "topic": (TOPIC, "https://w3id.org/sgcn/topic/scheme"),
    "org": (str(ORG), "https://www.w3.org/TR/vocab-org/"),
    "time": (str(TIME), "https://www.w3.org/TR/owl-time/"),
    "schema": (str(SDO), "https://schema.org/"),
    "foaf": (str(FOAF), "http://xmlns.com/foaf/spec/"),
    "prov": (str(PROV), "https://www.w3.org/TR/prov-o/"),
    "skos": (str(SKOS), "https://www.w3.org/TR/skos-reference/"),
    "dcterms": (str(DCTERMS), "https://www.dublincore.org/specifications/dublin-core/dcmi-terms/"),
    "dc": ("http://purl.org/dc/elements/1.1/", "https://www.dublincore.org/specifications/dublin-core/dcmi-terms/"),
    "rdf": (str(RDF), "https://www.w3.org/TR/rdf11-schema/"),
    "rdfs": (str(RDFS), "https://www.w3.org/TR/rdf11-schema/"),
    "owl": (str(OWL), "https://www.w3.org/TR/owl2-overview/"),
    "xsd": (str(XSD), "https://www.w3.org/TR/xmlschema11-2/"),
}


@dataclass(frozen=True, order=True)
class Link:
    """A term shown by its prefixed name, linking to its entry (ours) or its IRI."""

    curie: str
    href: str
    ours: bool = False


@dataclass
class Term:
    """One class or property of the ontology, as the page shows it."""

    name: str
    iri: str
    kind: str
    label: str
    definition: str
    notes: list[str] = field(default_factory=list)
    notation: str = ""
    facts: list[tuple[str, list[Link]]] = field(default_factory=list)


@dataclass
class Concept:
    """One concept of the topic scheme."""

    slug: str
    iri: str
    label: str
    definition: str
    alt_labels: list[str]
    broader: list[Link]
    narrower: list[Link]
    top: bool


def link(term: URIRef, topic_href: str = "#topic-") -> Link:
    """A term as the page links it: ours to our anchors, others to their IRI.

    Examples:
        >>> link(URIRef("https://w3id.org/sgcn/ontology#Person"))
        Link(curie='sgcn:Person', href='#Person', ours=True)
        >>> link(URIRef("https://schema.org/Event")).curie
        'schema:Event'
    """
    text = str(term)
    if text.startswith(ONTOLOGY):
        return Link("sgcn:" + text[len(ONTOLOGY):], "#" + text[len(ONTOLOGY):], True)
    if text.startswith(TOPIC):
        return Link("topic:" + text[len(TOPIC):], topic_href + text[len(TOPIC):], True)
    for prefix, (namespace, _) in VOCABULARIES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return Link(f"{prefix}:{text[len(namespace):]}", text)
    return Link(text, text)


def _english(graph: Graph, subject, predicate) -> str:
    values = sorted(graph.objects(subject, predicate), key=lambda v: (getattr(v, "language", None) not in ("en", None), str(v)))
    return str(values[0]) if values else ""


def _links(graph: Graph, subject, predicate) -> list[Link]:
    return sorted(link(o) for o in graph.objects(subject, predicate) if isinstance(o, URIRef))


def _terms(ontology: Graph) -> list[Term]:
    kinds = ((OWL.Class, "Class"), (OWL.ObjectProperty, "Object property"), (OWL.DatatypeProperty, "Datatype property"))
    terms = []
    for rdf_type, kind in kinds:
        for iri in sorted(s for s in ontology.subjects(RDF.type, rdf_type) if str(s).startswith(ONTOLOGY)):
            name = str(iri)[len(ONTOLOGY):]
            term = Term(name=name, iri=str(iri), kind=kind, label=_english(ontology, iri, SKOS.prefLabel),
                        definition=_english(ontology, iri, SKOS.definition),
                        notes=sorted(str(n) for n in ontology.objects(iri, SKOS.scopeNote)),
                        notation=str(ontology.value(iri, SKOS.notation) or ""))
            if (iri, RDF.type, OWL.SymmetricProperty) in ontology:
                term.facts.append(("characteristics", [link(OWL.SymmetricProperty)]))
            rows = (
                ("sub-class of", RDFS.subClassOf, False),
                ("super-class of", RDFS.subClassOf, True),
                ("sub-property of", RDFS.subPropertyOf, False),
                ("domain", RDFS.domain, False),
                ("range", RDFS.range, False),
                ("domain includes (schema.org)", SDO.domainIncludes, False),
                ("range includes (schema.org)", SDO.rangeIncludes, False),
                ("in the domain of", RDFS.domain, True),
                ("in the range of", RDFS.range, True),
                ("see also", RDFS.seeAlso, False),
            )
            for heading, predicate, inverse in rows:
                found = (sorted(link(s) for s in ontology.subjects(predicate, iri) if isinstance(s, URIRef))
                         if inverse else _links(ontology, iri, predicate))
                if inverse and predicate in (RDFS.domain, RDFS.range):
                    found = sorted(set(found) | {link(s) for s in ontology.subjects(
                        SDO.domainIncludes if predicate == RDFS.domain else SDO.rangeIncludes, iri)})
                if found:
                    term.facts.append((heading, found))
            terms.append(term)
    return terms


def concepts(topics: Graph, topic_href: str = "#topic-") -> list[Concept]:
    """The scheme's concepts by label; links to concepts are ``topic_href`` + slug.

    Examples:
        >>> from sgcn.graph.rdf.build import ontology_text
        >>> found = concepts(Graph().parse(data=ontology_text("topics.ttl"), format="turtle"), "/topic/")
        >>> ai = next(c for c in found if c.slug == "artificial-intelligence")
        >>> ai.label, ai.broader[0].href.startswith("/topic/")
        ('artificial intelligence', True)
    """
    found = []
    for iri in topics.subjects(RDF.type, SKOS.Concept):
        slug = str(iri)[len(TOPIC):]
        found.append(Concept(
            slug=slug, iri=str(iri), label=_english(topics, iri, SKOS.prefLabel),
            definition=_english(topics, iri, SKOS.definition),
            alt_labels=sorted(str(a) for a in topics.objects(iri, SKOS.altLabel)),
            broader=sorted(link(o, topic_href) for o in topics.objects(iri, SKOS.broader)),
            narrower=sorted(link(s, topic_href) for s in topics.subjects(SKOS.broader, iri)),
            top=(iri, SKOS.topConceptOf, None) in topics or (None, SKOS.hasTopConcept, iri) in topics,
        ))
    return sorted(found, key=lambda c: (c.label.lower(), c.slug))


def _reused(ontology: Graph) -> list[tuple[str, str, list[Link]]]:
    """(prefix, where to read it, terms aligned to) for every outside vocabulary the ontology
    references (``dcterms:references``) or aligns to."""
    used: dict[str, set[Link]] = {}
    for vocabulary in ontology.objects(ONTOLOGY_IRI, DCTERMS.references):
        for prefix, (namespace, _) in VOCABULARIES.items():
            if str(vocabulary) == namespace:
                used.setdefault(prefix, set())
    predicates = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, RDFS.seeAlso,
                  SDO.domainIncludes, SDO.rangeIncludes)
    for predicate in predicates:
        for subject, obj in ontology.subject_objects(predicate):
            if isinstance(obj, URIRef) and str(subject).startswith(ONTOLOGY) and not str(obj).startswith(ONTOLOGY):
                item = link(obj)
                prefix = item.curie.split(":", 1)[0]
                if prefix in VOCABULARIES and prefix not in ("xsd", "topic"):
                    used.setdefault(prefix, set()).add(item)
    return [(prefix, VOCABULARIES[prefix][1], sorted(used[prefix])) for prefix in sorted(used)]


def _header(ontology: Graph, topics: Graph) -> dict:
    scheme = URIRef(TOPIC + "scheme")
    licence = ontology.value(ONTOLOGY_IRI, DCTERMS.license)
    return {
        "iri": str(ONTOLOGY_IRI),
        "title": _english(ontology, ONTOLOGY_IRI, DCTERMS.title),
        "description": _english(ontology, ONTOLOGY_IRI, DCTERMS.description),
        "version": str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo) or ""),
        "created": str(ontology.value(ONTOLOGY_IRI, DCTERMS.created) or ""),
        "modified": str(ontology.value(ONTOLOGY_IRI, DCTERMS.modified) or ""),
        "license": str(licence or ""),
        "notes": sorted(str(n) for n in ontology.objects(ONTOLOGY_IRI, SKOS.note)),
        "scheme_iri": str(scheme),
        "scheme_title": _english(topics, scheme, DCTERMS.title),
        "scheme_description": _english(topics, scheme, DCTERMS.description),
    }


def ontology_document(ontology: Graph | None = None, topics: Graph | None = None) -> str:
    """The HTML documentation of the ontology and topic scheme (the shipped files by default)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                            trim_blocks=True, lstrip_blocks=True)
    if ontology is None:
        ontology = Graph().parse(data=ontology_text("sgcn.ttl"), format="turtle")
    if topics is None:
        topics = Graph().parse(data=ontology_text("topics.ttl") or "", format="turtle")
    terms = _terms(ontology)
    return templates.get_template("ontology.html").render(
        header=_header(ontology, topics),
        sections=[(heading, anchor, [t for t in terms if t.kind == kind]) for kind, heading, anchor in (
            ("Class", "Classes", "classes"), ("Object property", "Object properties", "object-properties"),
            ("Datatype property", "Datatype properties", "datatype-properties"))],
        reused=_reused(ontology),
        concepts=concepts(topics),
        prefixes=sorted((p, ns) for p, (ns, _) in VOCABULARIES.items()),
    )
