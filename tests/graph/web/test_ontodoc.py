"""The ontology documentation: every term and concept on one page, and docs/ontology.html current."""

from __future__ import annotations

from html.parser import HTMLParser

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from sgcn.graph.rdf.build import ontology_text
from sgcn.graph.cli import main
from sgcn.graph.rdf.iris import ONTOLOGY, TOPIC
from sgcn.graph.rdf.namespace import SGCN
from sgcn.graph.web.ontodoc import ontology_document


class Sections(HTMLParser):
    """The text of every element with an id, by id (nested ids count for each)."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = {}
        self.links: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.open.append((tag, attrs.get("id")))
        if attrs.get("id"):
            self.text[attrs["id"]] = ""
        if tag == "a" and attrs.get("href"):
            self.links.add(attrs["href"])

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, ident in self.open:
            if ident:
                self.text[ident] += data


def sections() -> Sections:
    parser = Sections()
    parser.feed(ontology_document())
    return parser


def test_every_term_has_an_entry_with_label_definition_domain_and_range():
    ontology = Graph().parse(data=ontology_text("sgcn.ttl"), format="turtle")
    page = sections()
    terms = [t for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in ontology.subjects(RDF.type, k) if str(t).startswith(ONTOLOGY)]
    assert len(terms) == len(SGCN.__annotations__)
    for term in terms:
        name = str(term)[len(ONTOLOGY):]
        entry = " ".join(page.text[name].split())
        assert str(ontology.value(term, SKOS.prefLabel)) in entry, name
        assert " ".join(str(ontology.value(term, SKOS.definition)).split()) in entry, name
        for prop, heading in (("domain", "domain"), ("range", "range"), ("subClassOf", "sub-class of"),
                              ("subPropertyOf", "sub-property of")):
            for value in ontology.objects(term, RDFS[prop]):
                assert heading in entry and value.n3(ontology.namespace_manager).split(":")[-1] in entry, (name, prop)
    # the vocabularies it reuses are named and linked
    assert {"https://www.w3.org/TR/vocab-org/", "https://www.w3.org/TR/owl-time/", "https://schema.org/"} <= page.links
    # internal links all land on an entry
    assert {href[1:] for href in page.links if href.startswith("#")} <= set(page.text)


def test_every_topic_concept_has_an_entry():
    topics = Graph().parse(data=ontology_text("topics.ttl"), format="turtle")
    page = sections()
    concepts = list(topics.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) >= 40
    for concept in concepts:
        entry = page.text["topic-" + str(concept)[len(TOPIC):]]
        assert str(topics.value(concept, SKOS.prefLabel)) in entry
        for alias in topics.objects(concept, SKOS.altLabel):
            assert str(alias) in entry


def test_the_committed_documentation_is_current(repo, tmp_path):
    """docs/ontology.html is what `sgcn docs` writes from today's ontology (run it after a change)."""
    committed = (repo / "docs" / "ontology.html").read_bytes()
    assert committed == ontology_document().encode("utf-8"), "run: sgcn docs --out docs/ontology.html"
    out = tmp_path / "ontology.html"
    assert main(["docs", "--out", str(out)]) == 0
    assert out.read_bytes() == committed
    assert main(["docs", "--out", str(tmp_path / "missing" / "x.html")]) == 2
