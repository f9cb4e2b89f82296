"""Links from the graph's entities to Wikidata: a reviewed file of data, and proposals for it.

``ontology/wikidata-links.yaml`` lists links a person has checked (``reviewed: true``);
:func:`add_links` states each as ``<entity> skos:exactMatch <wikidata item>`` when the
graph holds the entity, and nothing else enters the graph. :func:`propose` (``sgcn link
wikidata``) looks the graph's entities up through Wikidata's public search API
(``wbsearchentities``, then ``wbgetentities`` for the candidates' labels, aliases and
``instance of`` classes) and proposes a link only where exactly one candidate has a
label or alias equal to one of the entity's names (case, accents and punctuation
ignored) and, where the type table knows the entity's type, is an instance of a class
that fits it (``ontology/wikidata-types.yaml``). Proposals go into the links file with ``reviewed: false``, the
candidate's label, description and classes beside them, for a person to check; an
ambiguous or unconfirmed match is reported, never written as a proposal.

The API address is a parameter (``--api``), so the tests run the proposer against a
local server that answers like Wikidata with recorded answers.

Examples:
    >>> names_match("Chongqing Municipality", ["chongqing municipality"])
    True
    >>> wikidata_iri("Q334")
    rdflib.term.URIRef('http://www.wikidata.org/entity/Q334')
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Iterable

import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from sgcn.graph.rdf.iris import ID
from sgcn.graph.rdf.namespace import SGCN
from sgcn.graph.rdf.options import WIKIDATA_API  # noqa: F401  (sgcn.graph.rdf.links.WIKIDATA_API)
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
LINKS_FILE = "wikidata-links.yaml"
USER_AGENT = "sgcn-link/1 (https://w3id.org/sgcn; Linked Data tooling of a research knowledge graph)"

TYPES_FILE = "wikidata-types.yaml"


class LinkError(SgcnError):
    """The links file cannot be read, or the Wikidata API cannot be reached or understood."""


def wikidata_iri(qid: str) -> URIRef:
    """The entity IRI of a Wikidata item."""
    return URIRef(WIKIDATA_ENTITY + qid)


def normalize(name: str) -> str:
    """A name compared without case, accents or punctuation.

    Examples:
        >>> normalize("People's Republic of China"), normalize("Chóngqìng")
        ('peoples republic of china', 'chongqing')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`]", "", text)
    return " ".join(re.findall(r"[^\W_]+", text))


def names_match(name: str, others: Iterable[str]) -> bool:
    """Whether ``name`` equals one of ``others`` once normalized."""
    wanted = normalize(name)
    return bool(wanted) and any(normalize(other) == wanted for other in others)


# --------------------------------------------------------------------------- the links file


@dataclass
class Link:
    """One line of the links file."""

    entity: str
    wikidata: str
    label: str = ""
    reviewed: bool = False
    description: str = ""
    classes: list[str] = field(default_factory=list)

    def as_yaml(self) -> dict:
        data = {"entity": self.entity, "wikidata": self.wikidata, "label": self.label, "reviewed": self.reviewed}
        if self.description:
            data["description"] = self.description
        if self.classes:
            data["classes"] = list(self.classes)
        return data


def default_links_path() -> Path:
    """``ontology/wikidata-links.yaml`` as shipped with the package."""
    return Path(str(files("sgcn.ontology") / LINKS_FILE))


def load_links(path: str | Path | None = None) -> list[Link]:
    """The links of the file (the shipped one by default); a file that is missing has none.

    Raises:
        LinkError: the file is not a list of links with an entity IRI and a Q-identifier.
    """
    path = Path(path) if path is not None else default_links_path()
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise LinkError(f"{path}: not YAML: {err}") from err
    links = []
    for number, item in enumerate(data.get("links") or [], start=1):
        if not isinstance(item, dict) or not str(item.get("entity", "")).startswith(ID) \
                or not re.fullmatch(r"Q[1-9][0-9]*", str(item.get("wikidata", ""))):
            raise LinkError(f"{path}: link {number} needs an entity IRI under {ID} and a wikidata Q-identifier: {item!r}")
        links.append(Link(entity=str(item["entity"]), wikidata=str(item["wikidata"]),
                          label=str(item.get("label", "")), reviewed=item.get("reviewed") is True,
                          description=str(item.get("description", "")), classes=list(item.get("classes") or [])))
    return links


def add_links(graph: Graph, links: Iterable[Link] | None = None) -> int:
    """State every reviewed link whose entity the graph holds; returns how many.

    Examples:
        >>> g = Graph(); sg = URIRef(ID + "place/singapore")
        >>> _ = g.add((sg, RDF.type, SGCN.Place))
        >>> add_links(g, [Link(str(sg), "Q334", reviewed=True), Link(ID + "place/mars", "Q111", reviewed=True),
        ...               Link(ID + "place/singapore", "Q1", reviewed=False)])
        1
        >>> g.value(sg, SKOS.exactMatch)
        rdflib.term.URIRef('http://www.wikidata.org/entity/Q334')
    """
    links = load_links() if links is None else links
    stated = 0
    for link in links:
        entity = URIRef(link.entity)
        if link.reviewed and (entity, RDF.type, None) in graph:
            graph.add((entity, SKOS.exactMatch, wikidata_iri(link.wikidata)))
            stated += 1
    return stated


def write_links(path: str | Path, links: Iterable[Link]) -> None:
    """Write the links file: the header comment kept, links sorted by reviewed, entity."""
    from sgcn.graph.rdf.serialize import write_atomic

    path = Path(path)
    header = ""
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        header = "".join(line for line in lines[:next((i for i, l in enumerate(lines) if not l.startswith("#")), len(lines))])
    ordered = sorted(links, key=lambda l: (not l.reviewed, l.entity))
    body = yaml.safe_dump({"links": [link.as_yaml() for link in ordered]}, sort_keys=False, allow_unicode=True)
    write_atomic(path, (header + ("\n" if header else "") + body).encode("utf-8"))


# --------------------------------------------------------------------------- proposals


@dataclass
class Candidate:
    """A Wikidata item that might be the entity."""

    qid: str
    label: str
    description: str
    aliases: list[str]
    classes: dict[str, str]  # Q-id -> label, of its "instance of" values


@dataclass
class Proposal:
    """What the search found for one entity."""

    entity: str
    label: str
    entity_type: str
    verdict: str  # "proposed", "ambiguous", "no match", "type not confirmed"
    candidates: list[Candidate]

    def line(self) -> str:
        found = "; ".join(f"{c.qid} {c.label!r} ({c.description or 'no description'}; "
                          f"{', '.join(c.classes.values()) or 'no class'})" for c in self.candidates)
        return f"{self.verdict:<18} {self.entity_type:<12} {self.label!r}: {found or 'no candidate'}"


class WikidataClient:
    """The two calls of Wikidata's public API the proposer needs, at ``api`` (any server
    that answers like https://www.wikidata.org/w/api.php)."""

    def __init__(self, api: str = WIKIDATA_API, *, timeout: float = 20, language: str = "en"):
        self.api, self.timeout, self.language = api, timeout, language

    def _get(self, params: dict) -> dict:
        url = self.api + "?" + urllib.parse.urlencode({**params, "format": "json"})
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError) as err:
            raise LinkError(f"cannot reach the Wikidata API at {self.api} ({err}); are you online?") from err
        except ValueError as err:
            raise LinkError(f"the Wikidata API at {self.api} did not answer JSON: {err}") from err
        if "error" in data:
            raise LinkError(f"the Wikidata API refused {params.get('action')}: {data['error'].get('info', data['error'])}")
        return data

    def search(self, name: str, limit: int = 7) -> list[str]:
        """Q-identifiers of the items whose label or alias matches ``name`` (wbsearchentities)."""
        data = self._get({"action": "wbsearchentities", "search": name, "language": self.language,
                          "uselang": self.language, "type": "item", "limit": limit})
        return [hit["id"] for hit in data.get("search", []) if re.fullmatch(r"Q[0-9]+", hit.get("id", ""))]

    def items(self, qids: list[str]) -> list[Candidate]:
        """Labels, descriptions, aliases and ``instance of`` classes of items (wbgetentities)."""
        if not qids:
            return []
        data = self._get({"action": "wbgetentities", "ids": "|".join(qids), "props": "labels|descriptions|aliases|claims",
                          "languages": self.language})
        entities = data.get("entities", {})
        classes_of = {}
        for qid in qids:
            claims = entities.get(qid, {}).get("claims", {}).get("P31", [])
            classes_of[qid] = [c["mainsnak"]["datavalue"]["value"]["id"] for c in claims
                               if c.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")]
        every_class = sorted({c for found in classes_of.values() for c in found})
        class_labels = {}
        if every_class:
            named = self._get({"action": "wbgetentities", "ids": "|".join(every_class[:50]), "props": "labels",
                               "languages": self.language}).get("entities", {})
            class_labels = {q: named.get(q, {}).get("labels", {}).get(self.language, {}).get("value", q) for q in every_class}

        def text(item, key):
            return item.get(key, {}).get(self.language, {}).get("value", "")

        return [Candidate(qid=qid, label=text(entities.get(qid, {}), "labels"),
                          description=text(entities.get(qid, {}), "descriptions"),
                          aliases=[a["value"] for a in entities.get(qid, {}).get("aliases", {}).get(self.language, [])],
                          classes={c: class_labels.get(c, c) for c in classes_of[qid]})
                for qid in qids if qid in entities]


def entities_to_link(graph: Graph, types: Iterable[str]) -> list[tuple[str, str, str, list[str]]]:
    """(IRI, type, preferred label, every name) of the graph's entities of ``types``, by IRI."""
    found = []
    for entity_type in types:
        for entity in graph.subjects(RDF.type, SGCN[entity_type]):
            if not str(entity).startswith(ID):
                continue
            label = str(graph.value(entity, SKOS.prefLabel) or "")
            names = [label] + sorted(str(a) for a in graph.objects(entity, SKOS.altLabel))
            found.append((str(entity), entity_type, label, names))
    return sorted(found)


def type_classes() -> dict[str, dict[str, str]]:
    """sgcn type -> the Wikidata classes (Q-id -> label) its items may be instances of
    (``ontology/wikidata-types.yaml``).

    Examples:
        >>> type_classes()["Person"]
        {'Q5': 'human'}
    """
    data = yaml.safe_load((files("sgcn.ontology") / TYPES_FILE).read_text(encoding="utf-8")) or {}
    return {str(k): {str(q): str(label) for q, label in v.items()} for k, v in data.items()}


def judge(entity_type: str, names: list[str], candidates: list[Candidate]) -> tuple[str, list[Candidate]]:
    """The verdict on an entity's candidates and the ones it rests on (see the module doc)."""
    named = [c for c in candidates if any(names_match(n, [c.label, *c.aliases]) for n in names)]
    if not named:
        return "no match", candidates[:3]
    wanted = type_classes().get(entity_type)
    if wanted is not None:
        fitting = [c for c in named if set(c.classes) & set(wanted)]
        if not fitting:
            return "type not confirmed", named
        named = fitting
    if len(named) > 1:
        return "ambiguous", named
    return ("proposed" if wanted is not None else "type not confirmed"), named


def propose(graph: Graph, client: WikidataClient, *, types: Iterable[str] = ("Place", "Organization", "Person"),
            links: list[Link] | None = None) -> list[Proposal]:
    """A proposal for every entity of ``types`` that has no link in ``links`` yet."""
    linked = {link.entity for link in (links if links is not None else load_links())}
    proposals = []
    for iri, entity_type, label, names in entities_to_link(graph, types):
        if iri in linked:
            continue
        qids: list[str] = []
        for name in names:
            for qid in client.search(name):
                if qid not in qids:
                    qids.append(qid)
        verdict, resting_on = judge(entity_type, names, client.items(qids))
        proposals.append(Proposal(iri, label, entity_type, verdict, resting_on))
        log.info("%s", proposals[-1].line())
    return proposals


def proposed_links(proposals: Iterable[Proposal]) -> list[Link]:
    """The links to add to the file for review (``reviewed: false``)."""
    return [Link(entity=p.entity, wikidata=p.candidates[0].qid, label=p.candidates[0].label, reviewed=False,
                 description=p.candidates[0].description, classes=sorted(p.candidates[0].classes.values()))
            for p in proposals if p.verdict == "proposed"]
