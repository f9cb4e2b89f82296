"""Python names for the terms of the sgcn ontology (``ontology/sgcn.ttl``).

The ontology is the source of truth; this module lists its terms so code can write
``SGCN.coChaired`` and a typo fails at import time rather than minting a stray IRI.
A test checks that the names here and the terms the ontology defines agree as sets.
The vocabularies sgcn reuses come from rdflib itself and are re-exported here.

Examples:
    >>> str(SGCN.coChaired)
    'https://w3id.org/sgcn/ontology#coChaired'
    >>> SGCN.coChaird
    Traceback (most recent call last):
    ...
    AttributeError: term 'coChaird' not in namespace 'https://w3id.org/sgcn/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DC, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace

from sgcn.graph.rdf.iris import ONTOLOGY, TOPIC

__all__ = [
    "SGCN",
    "SGCN_TOPIC",
    "ONTOLOGY_IRI",
    "DC",
    "DCTERMS",
    "FOAF",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "TIME",
    "XSD",
]

ONTOLOGY_IRI = URIRef(ONTOLOGY.rstrip("#"))
SGCN_TOPIC = Namespace(TOPIC)


class SGCN(DefinedNamespace):
    """The terms of ``ontology/sgcn.ttl``."""

    _NS = Namespace(ONTOLOGY)
    _fail = True

    # classes: entities
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Initiative: URIRef
    Event: URIRef
    Agreement: URIRef
    Project: URIRef
    Place: URIRef
    Publication: URIRef
    # classes: documents, evidence and facts
    Document: URIRef
    Evidence: URIRef
    Assertion: URIRef
    Figure: URIRef
    # the closed list of relations
    coChaired: URIRef
    witnessed: URIRef
    partyTo: URIRef
    organized: URIRef
    participatedIn: URIRef
    partOf: URIRef
    heldIn: URIRef
    memberOf: URIRef
    fundedBy: URIRef
    partnerIn: URIRef
    launched: URIRef
    collaboratesWith: URIRef
    # evidence and figures
    evidence: URIRef
    about: URIRef
    # datatype properties
    fileName: URIRef
    sha256: URIRef
    format: URIRef
    text: URIRef
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    asOf: URIRef
    measure: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
