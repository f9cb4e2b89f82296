"""A VoID and DCAT description of a built graph, stated in the graph itself.

:func:`describe_dataset` adds to a graph what a Linked Data client looks for first:
``<https://w3id.org/sgcn/dataset>``, a ``void:Dataset`` and ``dcat:Dataset`` with its
title, description, licence and rights, its size (``void:triples``, counting the
description's own triples, so it equals the number of triples of the written file;
``void:entities``, ``void:classes``, ``void:properties``, ``void:distinctSubjects``,
``void:documents``), one ``void:classPartition`` per entity type with its
``void:entities``, the vocabularies it uses, the topics it is about (``dcat:theme``),
its sources (``dcterms:source``: each sgcn:Document, with ``dcterms:license`` where
the folder's manifest gives one), and how it was made: ``prov:wasGeneratedBy`` a build
associated with sgcn at the version that built it (``schema:softwareVersion``).

Everything is counted or sorted from the graph, nothing is dated or random, so two
builds of the same sources stay byte-identical. ``ontology/shapes.ttl`` checks the
description (``DatasetDescriptionIsComplete``; the tests check its counts); ``sgcn serve``
answers it at ``/.well-known/void``, adding its own SPARQL endpoint.

Examples:
    >>> from rdflib import Graph
    >>> g = Graph(); _ = g.add((URIRef("https://w3id.org/sgcn/id/place/singapore"), RDF.type, SGCN.Place))
    >>> describe_dataset(g)
    >>> g.value(DATASET, VOID.triples).toPython() == len(g)
    True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SDO, SKOS, VOID

from sgcn.graph.rdf.iris import BASE, ID, ONTOLOGY
from sgcn.graph.rdf.namespace import SGCN
from sgcn.loaders.facts import ENTITY_TYPES

DATASET = URIRef(BASE + "dataset")
BUILD = URIRef(BASE + "dataset/build")
SOFTWARE = URIRef(BASE + "software")
RIGHTS_STATEMENT = URIRef(BASE + "dataset/rights")
LICENSE = URIRef("https://opensource.org/licenses/MIT")
RIGHTS = ("The graph is sgcn's reading of its sources, released under the MIT licence. The quotes and the "
          "kept texts of the source documents remain their publishers' and are included as the evidence of "
          "each fact, under each source's own terms (dcterms:license on the document where known).")
VOCABULARIES = (
    ONTOLOGY.rstrip("#"), "http://www.w3.org/ns/org#", "http://www.w3.org/2006/time#", "https://schema.org/",
    "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/",
    "http://purl.org/dc/elements/1.1/", "http://rdfs.org/ns/void#", "http://www.w3.org/ns/dcat#",
)


def sgcn_version() -> str:
    """The version of the installed sgcn (what built the graph).

    Examples:
        >>> sgcn_version().count(".") >= 1
        True
    """
    try:
        return version("sgcn")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def partition(entity_type: str) -> URIRef:
    """The IRI of the class partition of an entity type.

    Examples:
        >>> str(partition("Person"))
        'https://w3id.org/sgcn/dataset/class/person'
    """
    return URIRef(f"{BASE}dataset/class/{entity_type.lower()}")


def describe_dataset(graph: Graph) -> None:
    """Add the VoID/DCAT description of ``graph`` to it (see the module doc)."""
    documents = sorted(graph.subjects(RDF.type, SGCN.Document))
    entities = {name: sorted(s for s in graph.subjects(RDF.type, SGCN[name]) if str(s).startswith(ID))
                for name in ENTITY_TYPES}
    themes = sorted({o for o in graph.objects(None, DCTERMS.subject)
                     if isinstance(o, URIRef) and (o, RDF.type, SKOS.Concept) in graph})
    statements = description(documents, {name: len(found) for name, found in entities.items()},
                             [found[0] for found in entities.values() if found], themes)
    # the counts that the description's own triples take part in: stated as 0 first, then
    # set (a count's value does not change how many triples, classes, properties or
    # subjects there are)
    for triple in statements + counts(0, 0, 0, 0):
        graph.add(triple)
    for triple in counts(len(set(graph.objects(None, RDF.type))), len(set(graph.predicates())),
                         len(set(graph.subjects())), len(graph)):
        graph.set(triple)


DESCRIBED = (DATASET, BUILD, SOFTWARE, RIGHTS_STATEMENT, *(partition(name) for name in ENTITY_TYPES))
"""Every node the description states triples about (a graph has none of them before)."""


def description(documents: list[URIRef], entities: dict[str, int], examples: list[URIRef],
                themes: list[URIRef]) -> list[tuple]:
    """The description's triples, but for the four counts of :func:`counts`.

    Args:
        documents: the sgcn:Documents, sorted.
        entities: the number of entities of each type of ``ENTITY_TYPES``.
        examples: the first entity (in IRI order) of each type that has one, in the
            order of ``ENTITY_TYPES``; the first three are example resources.
        themes: the topic concepts the graph's facts are about, sorted.

    Examples:
        >>> len(description([], {name: 0 for name in ENTITY_TYPES}, [], []))
        55
    """
    d = DATASET
    statements = [
        (d, RDF.type, VOID.Dataset), (d, RDF.type, DCAT.Dataset),
        (d, DCTERMS.title, Literal("sgcn knowledge graph", lang="en")),
        (d, DCTERMS.description, Literal(
            "Singapore-China digital cooperation as read from press releases and news pages: people, "
            "organisations, initiatives, events, agreements, projects, places and publications, the relations, "
            "posts, event times, figures and topics between them, every fact with its evidence (the source "
            "document, the exact sentence, its offsets).", lang="en")),
        (d, DCTERMS.license, LICENSE),
        (d, DCTERMS.rights, RIGHTS_STATEMENT),
        (RIGHTS_STATEMENT, RDF.type, DCTERMS.RightsStatement),
        (RIGHTS_STATEMENT, RDFS.label, Literal(RIGHTS, lang="en")),
        (d, DCTERMS.conformsTo, URIRef(ONTOLOGY.rstrip("#"))),
        (d, VOID.uriSpace, Literal(ID)),
        (d, VOID.entities, Literal(sum(entities.values()))),
        (d, VOID.documents, Literal(len(documents))),
        (d, PROV.wasGeneratedBy, BUILD),
        (BUILD, RDF.type, PROV.Activity),
        (BUILD, RDFS.label, Literal("sgcn build", lang="en")),
        (BUILD, PROV.wasAssociatedWith, SOFTWARE),
        (SOFTWARE, RDF.type, PROV.SoftwareAgent),
        (SOFTWARE, RDF.type, SDO.SoftwareApplication),
        (SOFTWARE, SDO.name, Literal("sgcn")),
        (SOFTWARE, SDO.softwareVersion, Literal(sgcn_version())),
        (SOFTWARE, SDO.license, LICENSE),
    ]
    statements += [(d, VOID.vocabulary, URIRef(v)) for v in VOCABULARIES]
    statements += [(d, DCAT.theme, theme) for theme in themes]
    statements += [(d, DCTERMS.source, document) for document in documents]
    for name in ENTITY_TYPES:
        part = partition(name)
        statements += [(d, VOID.classPartition, part), (part, VOID["class"], SGCN[name]),
                       (part, VOID.entities, Literal(entities.get(name, 0)))]
    statements += [(d, VOID.exampleResource, example) for example in examples[:3]]
    return statements


def counts(classes: int, properties: int, subjects: int, triples: int) -> list[tuple]:
    """The description's counts of the whole graph, its own triples included.

    Examples:
        >>> [str(p).split("#")[-1] for _s, p, _o in counts(1, 2, 3, 4)]
        ['classes', 'properties', 'distinctSubjects', 'triples']
    """
    return [(DATASET, VOID.classes, Literal(classes)), (DATASET, VOID.properties, Literal(properties)),
            (DATASET, VOID.distinctSubjects, Literal(subjects)), (DATASET, VOID.triples, Literal(triples))]
