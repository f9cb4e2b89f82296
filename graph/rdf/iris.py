"""Stable, readable IRIs for everything sgcn puts in the graph.

An entity's IRI is made from its type and preferred label only, so a rebuild gives
the same IRI and an export embedded elsewhere still resolves:
``https://w3id.org/sgcn/id/person/luke-goh``. Nodes that stand for facts (evidence,
assertions, memberships, figures) get an IRI from a digest of what they state.

Examples:
    >>> str(mint("Person", "Luke Goh"))
    'https://w3id.org/sgcn/id/person/luke-goh'
    >>> str(mint("Organization", "Chongqing Municipal People's Government"))
    'https://w3id.org/sgcn/id/organization/chongqing-municipal-peoples-government'
    >>> slug("Singapore-China (Shenzhen) Smart City Initiative")
    'singapore-china-shenzhen-smart-city-initiative'
    >>> str(mint_fact("figure", "a", "b")) == str(mint_fact("figure", "a", "b"))
    True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where an IRI is minted: reading the namespaces below needs no rdflib
    from rdflib import URIRef

from sgcn.loaders.document import without_invisible

BASE = "https://w3id.org/sgcn/"
ID = BASE + "id/"
ONTOLOGY = BASE + "ontology#"
TOPIC = BASE + "topic/"


def slug(label: str) -> str:
    """Lower-case ASCII words of ``label`` joined by hyphens; apostrophes and invisible
    format characters (zero-width space, marks of direction) vanish.

    Examples:
        >>> slug("Luke Go\u200bh"), slug("\u200fLi Bo\u200f")
        ('luke-goh', 'li-bo')
    """
    text = without_invisible(unicodedata.normalize("NFKD", label))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`]", "", text.lower())
    words = re.findall(r"[a-z0-9]+|[^\x00-\x7f]+", text)
    return "-".join(words) or "unnamed"


def mint(kind: str, label: str) -> URIRef:
    """The IRI of an entity of type ``kind`` (``"Person"``) named ``label``."""
    from rdflib import URIRef

    return URIRef(f"{ID}{kind.lower()}/{slug(label)}")


def mint_fact(kind: str, *parts: object) -> URIRef:
    """The IRI of a fact node of ``kind``, stable for the same ``parts``."""
    from rdflib import URIRef

    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{ID}{kind}/{digest}")


def mint_document(source: str) -> URIRef:
    """The IRI of a source document from its file name.

    Examples:
        >>> str(mint_document("000_451af802f011b263.txt"))
        'https://w3id.org/sgcn/id/document/000-451af802f011b263-txt'
    """
    from rdflib import URIRef

    return URIRef(f"{ID}document/{slug(source)}")
