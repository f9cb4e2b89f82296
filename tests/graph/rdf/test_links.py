"""Links to Wikidata: the reviewed file enters the graph; `sgcn link wikidata` proposes, for review.

The proposer is run against a local HTTP server that these tests start and that answers
like Wikidata's API (``/w/api.php``, ``wbsearchentities`` and ``wbgetentities``) with the
answers of ``tests/data/wikidata/answers.json``; nothing here goes to the internet.
"""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from sgcn.graph.cli import main
from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.iris import ID, mint
from sgcn.graph.rdf.links import (
    Link, LinkError, WikidataClient, add_links, load_links, propose, proposed_links, wikidata_iri,
)
from sgcn.graph.rdf.namespace import SGCN
from sgcn.graph.sparql.query import default_graph_path
from sgcn.loaders.document import Document
from sgcn.loaders.facts import Entity, Extraction

ANSWERS = json.loads((Path(__file__).parents[2] / "data" / "wikidata" / "answers.json").read_text(encoding="utf-8"))


class FakeWikidata(http.server.BaseHTTPRequestHandler):
    """Answers /w/api.php like Wikidata does, from the recorded answers; counts the requests."""

    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 (the http.server name)
        url = urllib.parse.urlparse(self.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        type(self).requests.append(query)
        if url.path != "/w/api.php" or query.get("format") != "json" or "sgcn" not in self.headers.get("User-Agent", ""):
            return self.answer(400, {"error": {"code": "badrequest", "info": "not the API"}})
        if query.get("action") == "wbsearchentities":
            return self.answer(200, ANSWERS["search"].get(query.get("search", ""), {"search": [], "success": 1}))
        if query.get("action") == "wbgetentities":
            ids = query.get("ids", "").split("|")
            found = {q: ANSWERS["entities"].get(q, {"id": q, "missing": ""}) for q in ids}
            return self.answer(200, {"entities": found, "success": 1})
        return self.answer(200, {"error": {"code": "unknown_action", "info": "Unrecognized value for parameter \"action\""}})

    def answer(self, status: int, data: dict) -> None:
        body = json.dumps(data).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def api():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeWikidata)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    server.shutdown()


def entities_graph() -> Graph:
    doc = Document(source="a.txt", text="x", sha256="0" * 64, format="plaintext")
    entities = (
        Entity("Place/sg", "Place", "Singapore", ("Republic of Singapore",)),
        Entity("Place/lionport", "Place", "Lionport"),
        Entity("Organization/lion agency", "Organization", "Lion Agency"),
        Entity("Person/ada lim", "Person", "Ada Lim"),
        Entity("Place/china", "Place", "China"),  # already linked below: not looked up
    )
    return build_graph([Extraction(doc, entities=entities)], vocabulary=False)


ALREADY = [Link(str(mint("Place", "China")), "Q148", "People's Republic of China", reviewed=True)]


def test_proposals_need_one_candidate_of_the_right_name_and_type(api):
    FakeWikidata.requests.clear()
    proposals = {p.label: p for p in propose(entities_graph(), WikidataClient(api), links=ALREADY)}
    assert set(proposals) == {"Singapore", "Lionport", "Lion Agency", "Ada Lim"}  # China is linked already
    assert proposals["Singapore"].verdict == "proposed"
    assert [c.qid for c in proposals["Singapore"].candidates] == ["Q334"]  # not the Singapore River
    assert proposals["Singapore"].candidates[0].description == "sovereign city-state in Southeast Asia"
    assert set(proposals["Singapore"].candidates[0].classes.values()) == {"sovereign state", "country", "city"}
    assert proposals["Lionport"].verdict == "ambiguous" and len(proposals["Lionport"].candidates) == 2
    assert proposals["Lion Agency"].verdict == "type not confirmed"  # a person of that name
    assert proposals["Ada Lim"].verdict == "no match"
    links = proposed_links(proposals.values())
    assert [(l.entity, l.wikidata, l.reviewed) for l in links] == [(str(mint("Place", "Singapore")), "Q334", False)]
    # the aliases were searched too, and every request named sgcn in its User-Agent (checked by the server)
    assert {"Singapore", "Republic of Singapore"} <= {r.get("search") for r in FakeWikidata.requests}


def test_sgcn_link_wikidata_writes_proposals_for_review_and_only_reviewed_links_enter_the_graph(api, tmp_path, capsys):
    graph_file = tmp_path / "g.ttl"
    entities_graph().serialize(graph_file, format="turtle")
    links_file = tmp_path / "links.yaml"
    links_file.write_text("# my reviewed links\nlinks:\n  - entity: " + str(mint("Place", "China"))
                          + "\n    wikidata: Q148\n    label: People's Republic of China\n    reviewed: true\n")
    argv = ["link", "wikidata", "--graph", str(graph_file), "--links", str(links_file), "--api", api]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "proposed" in out and "Q334" in out and "sovereign city-state in Southeast Asia" in out
    assert "ambiguous" in out and "Lionport" in out
    assert yaml.safe_load(links_file.read_text())["links"][0]["wikidata"] == "Q148"
    assert len(load_links(links_file)) == 1  # nothing written without --write

    assert main([*argv, "--write"]) == 0
    text = links_file.read_text()
    assert text.startswith("# my reviewed links\n")
    written = {l.wikidata: l for l in load_links(links_file)}
    assert set(written) == {"Q148", "Q334"} and written["Q334"].reviewed is False
    assert written["Q334"].description == "sovereign city-state in Southeast Asia"

    graph = entities_graph()
    add_links(graph, load_links(links_file))
    assert graph.value(mint("Place", "China"), SKOS.exactMatch) == wikidata_iri("Q148")
    assert graph.value(mint("Place", "Singapore"), SKOS.exactMatch) is None  # proposed, not reviewed
    links_file.write_text(text.replace("reviewed: false", "reviewed: true"))
    add_links(graph, load_links(links_file))
    assert graph.value(mint("Place", "Singapore"), SKOS.exactMatch) == wikidata_iri("Q334")
    capsys.readouterr()
    assert main(argv) == 0  # a second run skips what the file links, reviewed or not
    assert "Singapore" not in capsys.readouterr().out


def test_offline_or_bad_input_is_a_clear_error(tmp_path, capsys):
    graph_file = tmp_path / "g.ttl"
    entities_graph().serialize(graph_file, format="turtle")
    assert main(["link", "wikidata", "--graph", str(graph_file), "--links", str(tmp_path / "none.yaml"),
                 "--api", "http://127.0.0.1:9/w/api.php"]) == 2
    assert "cannot reach the Wikidata API" in capsys.readouterr().err
    assert main(["link", "wikidata", "--types", "Planet"]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("links:\n  - entity: https://example.org/x\n    wikidata: 334\n")
    with pytest.raises(LinkError, match="Q-identifier"):
        load_links(bad)


def test_the_shipped_links_are_reviewed_and_in_the_built_graph():
    links = load_links()
    assert links and all(link.reviewed for link in links)
    assert all(link.entity.startswith(ID + "place/") for link in links)  # countries and cities first
    assert len({link.wikidata for link in links}) == len(links) == len({link.entity for link in links})
    built = Graph().parse(default_graph_path(), format="turtle")
    for link in links:
        entity = URIRef(link.entity)
        if (entity, RDF.type, SGCN.Place) in built:
            assert list(built.objects(entity, SKOS.exactMatch)) == [wikidata_iri(link.wikidata)], link.entity
    linked = {s for s in built.subjects(SKOS.exactMatch, None)}
    assert linked == {URIRef(l.entity) for l in links if (URIRef(l.entity), RDF.type, None) in built}
    assert {str(mint("Place", "Singapore")), str(mint("Place", "China"))} <= {str(s) for s in linked}
