"""The entity and document pages' contents, from the library's CONSTRUCT answers on graphs built here."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.namespace import PROV
from sgcn.graph.rdf.iris import mint, mint_document
from sgcn.graph.web.pages import document_page, entity_page, result_links, source_link
from sgcn.graph.sparql.query import Target, execute
from sgcn.graph.sparql.store import from_rdflib_graph
from sgcn.loaders.document import Document
from sgcn.loaders.facts import Entity, Evidence, EventTime, Extraction, Figure, Mention, Relation, Role

PUBLISHERS = {"mti-1.txt": "Ministry of Trade and Industry", "mti-2.txt": "Ministry of Trade and Industry",
              "wire.txt": "Xinhua", "copy.txt": ""}


def _release(source: str, date: str, text: str, *, sha: str | None = None) -> tuple[Document, callable]:
    document = Document(source=source, text=text, sha256=sha or source[0] * 64, format="plaintext", date=date,
                        title=f"Release {source}", publisher=PUBLISHERS[source],
                        metadata={"url": f"https://example.org/{source}"})

    def quote(words: str) -> Evidence:
        start = text.index(words)
        return Evidence(source=source, start=start, end=start + len(words), quote=words)

    return document, quote


GOH = Entity("Person/goh", "Person", "Luke Goh", ("Mr Goh",))
MTI = Entity("Organization/mti", "Organization", "Ministry of Trade and Industry", ("MTI",))
FORUM = Entity("Event/forum", "Event", "Harbour Data Forum")


def extractions() -> list[Extraction]:
    """The same facts told by two releases of one ministry, a wire story and a copy of the wire story."""
    found = []
    for source, date in (("mti-1.txt", "2020-03-05"), ("mti-2.txt", "2021-04-01"), ("wire.txt", "2021-04-02"),
                         ("copy.txt", "2021-04-03")):
        text = ("Deputy Secretary Luke Goh of the Ministry of Trade and Industry co-chaired the Harbour Data Forum. "
                "The forum drew more than 1200 delegates.")
        document, quote = _release(source, date, text, sha="w" * 64 if source in ("wire.txt", "copy.txt") else None)
        chaired = quote("Deputy Secretary Luke Goh of the Ministry of Trade and Industry co-chaired the Harbour Data Forum.")
        drew = quote("The forum drew more than 1200 delegates.")
        found.append(Extraction(
            document,
            entities=(GOH, MTI, FORUM),
            mentions=(Mention(GOH.key, chaired), Mention(MTI.key, chaired), Mention(FORUM.key, chaired)),
            relations=(Relation(GOH.key, "co_chaired", FORUM.key, chaired), Relation(GOH.key, "member_of", MTI.key, chaired)),
            roles=(Role(GOH.key, "Deputy Secretary", MTI.key, date, chaired),),
            figures=(Figure(FORUM.key, "delegates", Decimal(1200), "", "more than", date, drew),),
            event_times=(EventTime(FORUM.key, "2020-03", "", chaired) if source == "mti-1.txt"
                         else EventTime(FORUM.key, "2021-03-30", "2021-03-31", chaired),),
        ))
    return found


@pytest.fixture(scope="module")
def target() -> Target:
    return Target(graph=from_rdflib_graph(build_graph(extractions()), "oxigraph"))


def constructed(target: Target, query: str, **params) -> Graph:
    return execute(target, name=query, params=params).graph


def test_entity_page_groups_every_fact_with_its_sources(target):
    iri = str(mint("Person", "Luke Goh"))
    page = entity_page(constructed(target, "entity-graph", entity=iri), iri)
    assert page["label"] == "Luke Goh" and page["aliases"] == ["Mr Goh"] and page["types"] == ["Person"]
    # one line per type, however many quotes say it
    assert [line["type"] for line in page["named"]] == ["Person"]
    assert page["named"][0]["count"] == 4 and len(page["named"][0]["sources"]) == 4
    # two releases of one ministry count once; a wire story and its copy (same text) once
    assert page["named"][0]["independent"] == 2
    # roles with their dates, one line per post
    assert [(r["title"], r["organization"], r["dates"]) for r in page["roles"]] == [
        ("Deputy Secretary", "Ministry of Trade and Industry", ["2020-03-05", "2021-04-01", "2021-04-02", "2021-04-03"])]
    assert page["roles"][0]["link"] == "/id/organization/ministry-of-trade-and-industry"
    # relations grouped by relation, every source listed, linked to its quote
    assert [(g["relation"], [(r["direction"], r["other"]) for r in g["rows"]]) for g in page["relations"]] == [
        ("co_chaired", [("out", "Harbour Data Forum")]), ("member_of", [("out", "Ministry of Trade and Industry")])]
    chaired = page["relations"][0]["rows"][0]
    assert [s.file for s in chaired["sources"]] == ["mti-1.txt", "mti-2.txt", "wire.txt", "copy.txt"]
    assert (chaired["count"], chaired["independent"]) == (4, 2)
    first = chaired["sources"][0]
    assert first.link == f"/doc/mti-1-txt?start=0&end={len(first.quote)}#quote"
    assert (first.title, first.publisher, first.url) == ("Release mti-1.txt", "Ministry of Trade and Industry",
                                                         "https://example.org/mti-1.txt")


def test_page_of_says_what_the_server_shows(target):
    """The model a query worker sends the server: the entity's page, a quote's place in its
    document, the document's page, or nothing."""
    from sgcn.graph.web.pages import page_of

    iri = str(mint("Person", "Luke Goh"))
    kind, model = page_of("entity", constructed(target, "entity-graph", entity=iri), iri)
    assert kind == "entity" and model == entity_page(constructed(target, "entity-graph", entity=iri), iri)
    evidence = next(iter(constructed(target, "entity-graph", entity=iri).subjects(PROV.wasQuotedFrom)))
    kind, link = page_of("entity", constructed(target, "entity-graph", entity=str(evidence)), str(evidence))
    assert kind == "redirect" and link.startswith("/doc/") and link.endswith("#quote")
    nobody = str(mint("Person", "Nobody At All"))
    assert page_of("entity", constructed(target, "entity-graph", entity=nobody), nobody) == ("missing",)
    document = "https://w3id.org/sgcn/id/document/mti-1-txt"
    kind, model = page_of("document", constructed(target, "document-graph", document=document), document,
                          {"start": "0", "end": "5"})
    assert kind == "document" and model["highlighted"] == (0, 5)
    assert page_of("document", constructed(target, "document-graph", document=nobody), nobody) == ("missing",)


def test_entity_page_shows_figures_as_a_table_and_posts_held_in_an_organization(target):
    forum = str(mint("Event", "Harbour Data Forum"))
    page = entity_page(constructed(target, "entity-graph", entity=forum), forum)
    assert [(f["measure"], f["qualifier"], f["value"], f["as_of"], f["count"]) for f in page["figures"]] == [
        ("delegates", "more than", "1200", date, 1) for date in ("2020-03-05", "2021-04-01", "2021-04-02", "2021-04-03")]
    assert [(g["relation"], g["rows"][0]["direction"], g["rows"][0]["other"]) for g in page["relations"]] == [
        ("co_chaired", "in", "Luke Goh")]
    # the dates each source gives its beginning and end (OWL-Time positions), with their sources
    assert [(d["what"], d["value"], d["count"]) for d in page["dates"]] == [
        ("end", "2021-03-31", 3), ("start", "2020-03", 1), ("start", "2021-03-30", 3)]
    mti = str(mint("Organization", "Ministry of Trade and Industry"))
    page = entity_page(constructed(target, "entity-graph", entity=mti), mti)
    assert [(p["person"], p["title"], p["link"]) for p in page["posts"]] == [
        ("Luke Goh", "Deputy Secretary", "/id/person/luke-goh")]


def test_document_page_highlights_the_quote_at_its_offsets(target):
    iri = str(mint_document("wire.txt"))
    graph = constructed(target, "document-graph", document=iri)
    whole = document_page(graph, iri)
    assert (whole["title"], whole["date"], whole["publisher"], whole["url"]) == (
        "Release wire.txt", "2021-04-02", "Xinhua", "https://example.org/wire.txt")
    assert whole["highlighted"] is None and whole["before"].startswith("Deputy Secretary") and whole["note"] == ""
    kept = whole["before"]
    start = kept.index("The forum drew")
    page = document_page(graph, iri, start=str(start), end=str(len(kept)))
    assert page["before"] == kept[:start] and page["highlight"] == "The forum drew more than 1200 delegates."
    assert page["after"] == "" and page["highlighted"] == (start, len(kept))
    # every fact read from it, by quote in text order; the highlighted quote is marked
    assert [q["quote"][:16] for q in page["quotes"]] == ["Deputy Secretary", "The forum drew m"]
    assert [q["current"] for q in page["quotes"]] == [False, True]
    facts = {(f["subject"], f["fact"], f["object"]) for f in page["quotes"][0]["facts"]}
    assert {("Luke Goh", "co_chaired", "Harbour Data Forum"), ("Luke Goh", "type", "Person"),
            ("Luke Goh", "role", "Deputy Secretary, Ministry of Trade and Industry (as of 2021-04-02)"),
            ("Harbour Data Forum", "start", "2021-03-30"), ("Harbour Data Forum", "end", "2021-03-31")} <= facts
    assert page["quotes"][1]["facts"] == [{"subject": "Harbour Data Forum", "subject_link": "/id/event/harbour-data-forum",
                                           "fact": "delegates", "object": "more than 1200 (as of 2021-04-02)",
                                           "object_link": None}]
    # a quote asked for by its text
    assert document_page(graph, iri, quote="The forum drew more than 1200 delegates.")["highlighted"] == (start, len(kept))
    assert document_page(graph, iri, quote="drew more")["highlight"] == "drew more"
    # what cannot be highlighted says why
    assert "not in this document" in document_page(graph, iri, quote="Atlantis")["note"]
    assert "outside" in document_page(graph, iri, start="5", end="99999")["note"]
    assert "whole numbers" in document_page(graph, iri, start="x", end="9")["note"]
    assert document_page(graph, iri, start="9", end="3")["highlighted"] is None


def test_markup_in_a_document_stays_text_in_its_page_model():
    text = 'The <b>forum</b> said "<script>alert(1)</script>".'
    document = Document(source="copy.txt", text=text, sha256="c" * 64, format="plaintext",
                        metadata={"url": "javascript:alert(1)"})
    evidence = Evidence(source="copy.txt", start=0, end=len(text), quote=text)
    graph = build_graph([Extraction(document, entities=(FORUM,), mentions=(Mention(FORUM.key, evidence),))],
                        vocabulary=False)
    iri = str(mint_document("copy.txt"))
    page = document_page(constructed(Target(graph=from_rdflib_graph(graph, "oxigraph")), "document-graph", document=iri),
                         iri, start="0", end=str(len(text)))
    assert page["highlight"] == text and page["url"] == ""  # only http(s) links to the original


def test_query_results_link_sources_to_their_documents():
    class Cell:
        def __init__(self, value, kind="literal"):
            self.value, self.kind = value, kind

    links = result_links(["?subject", "?source", "?quote"], [
        [Cell("Luke Goh"), Cell("000_451af802f011b263.txt"), Cell("He said so.")],
        [Cell("https://w3id.org/sgcn/id/evidence/abc", "uri"), None, Cell("x")],
    ])
    assert links == [[None, "/doc/000-451af802f011b263-txt?quote=He%20said%20so.#quote", None],
                     ["/id/evidence/abc", None, None]]
    assert source_link("a b.txt") == "/doc/a-b-txt"
