"""The library's questions give the answers the sources support, on the shipped graph and
on small graphs of our own whose right answer is known."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.sparql.query import Target, default_graph_path, execute, load_graph
from sgcn.graph.sparql.store import STORES, from_rdflib_graph
from sgcn.loaders.document import Document
from sgcn.loaders.facts import Entity, Evidence, Extraction, Figure, Mention, Relation


def extraction(source: str, date: str, text: str, entities: tuple[Entity, ...], *,
               relations: tuple[tuple[str, str, str, str], ...] = (),
               figures: tuple[tuple[str, str, str, str], ...] = ()) -> Extraction:
    """One document's facts, each read from the sentence of ``text`` holding the given words.

    ``relations``: (subject key, relation, object key, words); ``figures``: (subject key,
    measure, value, words), as of the document's date.
    """
    def evidence(words: str) -> Evidence:
        start = text.rfind(". ", 0, text.index(words)) + 2 if ". " in text[:text.index(words)] else 0
        end = text.index(".", text.index(words)) + 1
        return Evidence(source, start, end, text[start:end])

    doc = Document(source=source, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), format="plaintext",
                   title=text.split(".")[0], date=date)
    return Extraction(
        document=doc,
        entities=entities,
        mentions=tuple(Mention(e.key, evidence(e.label)) for e in entities if e.label in text),
        relations=tuple(Relation(s, r, o, evidence(words)) for s, r, o, words in relations),
        figures=tuple(Figure(s, m, Decimal(v), "", "", date, evidence(words)) for s, m, v, words in figures),
    )


HARBOUR = Entity("Initiative/harbour initiative", "Initiative", "Harbour Initiative")
FIRST = Entity("Event/first harbour council", "Event", "first Harbour Council")
FORUM = Entity("Event/harbour trade forum", "Event", "Harbour Trade Forum")
SECOND = Entity("Event/second harbour council", "Event", "second Harbour Council")


def harbour_graph():
    """An initiative, its meetings and the counts three sources report.

    2023: the first council signed 3 MoUs (said by a.txt and again by b.txt), the trade
    forum 4: the initiative's MoUs of 2023 are 3 + 4 = 7 (the council once).
    2024: the initiative has 12 MoUs to date (c.txt), of which the second council's 5;
    the council also launched 6 projects, and no project total is given: 12 and 6.
    """
    a = ("The first Harbour Council of the Harbour Initiative met in March. Three MoUs were signed at the "
         "first Harbour Council. Four MoUs were signed at the Harbour Trade Forum of the Harbour Initiative.")
    b = "The first Harbour Council signed three MoUs, the Harbour Initiative said."
    c = ("To date, 12 MoUs have been signed under the Harbour Initiative. The second Harbour Council of the "
         "Harbour Initiative saw five MoUs signed. Six projects were launched at the second Harbour Council.")
    return build_graph([
        extraction("a.txt", "2023-03-01", a, (HARBOUR, FIRST, FORUM),
                   relations=((FIRST.key, "part_of", HARBOUR.key, "met in March"),
                              (FORUM.key, "part_of", HARBOUR.key, "Four MoUs")),
                   figures=((FIRST.key, "mous_signed", "3", "Three MoUs"),
                            (FORUM.key, "mous_signed", "4", "Four MoUs"))),
        extraction("b.txt", "2023-04-01", b, (HARBOUR, FIRST),
                   figures=((FIRST.key, "mous_signed", "3", "signed three"),)),
        extraction("c.txt", "2024-05-01", c, (HARBOUR, SECOND),
                   relations=((SECOND.key, "part_of", HARBOUR.key, "saw five"),),
                   figures=((HARBOUR.key, "mous_signed", "12", "To date"),
                            (SECOND.key, "mous_signed", "5", "saw five"),
                            (SECOND.key, "projects_launched", "6", "Six projects"))),
    ])


def output(target: Target) -> list[tuple[str, ...]]:
    return [tuple(str(term) for term in row) for row in execute(target, name="initiative-output").fetch()]


@pytest.mark.parametrize("store", STORES)
def test_initiative_output_counts_a_running_total_once(store):
    """See :func:`harbour_graph` for the arithmetic; the old query said 10 and 17 + 6."""
    rows = output(Target(graph=from_rdflib_graph(harbour_graph(), store=store)))
    assert [(i, y, float(m), float(p)) for i, y, _, _, m, p in rows] == [
        ("Harbour Initiative", "2023", 7.0, 0.0), ("Harbour Initiative", "2024", 12.0, 6.0)]


def test_initiative_output_on_the_shipped_graph_says_what_the_sources_say():
    """003_28ee...: 'To date, a total of 29 projects have been initiated and 20 MOUs have been
    signed under SCI', of which the 3rd JIC meeting's 8 MoUs and 14 projects; 001_6aad...:
    55 agreements and 204 projects under the CCI."""
    rows = output(Target(graph=load_graph(default_graph_path())))
    assert ("Singapore-China (Shenzhen) Smart City Initiative", "2022", "0", "0", "20", "29") in rows
    assert ("China-Singapore (Chongqing) Demonstration Initiative on Strategic Connectivity", "2020", "0", "0",
            "55", "204") in rows


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("series", ["SCI", "Singapore-China (Shenzhen) Smart City Initiative",
                                    "https://w3id.org/sgcn/id/initiative/singapore-china-shenzhen-smart-city-initiative"])
def test_meeting_chairs_of_shenzhens_initiative_are_shenzhens_only(store, series):
    """Asked for the SCI (by acronym, name or IRI), the meetings part of the SCI: its 3rd JIC
    meeting, co-chaired by Joseph Leong and Qin Weizhong; none of the Chongqing
    initiative's Joint Implementation Committee meetings, whose labels say the same words."""
    target = Target(graph=load_graph(default_graph_path(), store))
    rows = {(row[0].value, row[2].value)
            for row in execute(target, name="meeting-chairs", params={"series": series}).fetch()}
    assert rows == {("3rd Joint Implementation Committee meeting", "Joseph Leong"),
                    ("3rd Joint Implementation Committee meeting", "Qin Weizhong")}


def test_meeting_chairs_series_means_the_entity_not_words_of_a_label():
    from sgcn.graph.sparql.params import QueryError

    target = Target(graph=load_graph(default_graph_path()))
    cci = {row[2].value for row in execute(target, name="meeting-chairs", params={"series": "CCI"}).fetch()}
    assert cci == {"Li Bo", "Luke Goh", "Tang Liangzhi"}
    with pytest.raises(QueryError, match="no entity is named 'Joint Implementation'"):
        execute(target, name="meeting-chairs", params={"series": "Joint Implementation"})


def test_without_graph_the_working_folders_graph_is_read_and_named(tmp_path, monkeypatch, capsys, extraction):
    """A folder holding graph/sgcn.ttl (what `sgcn build` writes there) is queried, not the
    packaged graph, and stderr says which graph was read; elsewhere the packaged one, said so."""
    from sgcn.graph.cli import main
    from sgcn.graph.rdf.serialize import write_turtle
    from sgcn.graph.sparql.query import packaged_graph_path

    write_turtle(build_graph([extraction]), tmp_path / "mine" / "graph" / "sgcn.ttl")
    monkeypatch.chdir(tmp_path / "mine")
    assert main(["query", "events", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "event,start,end,place\nHarbourfront Forum 2024,2024-05-14,2024-05-16,Singapore\n"
    assert "reading graph/sgcn.ttl in the working folder" in captured.err

    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    assert main(["query", "events", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "Smart China Expo 2019" in captured.out
    assert f"reading the graph shipped with sgcn, {packaged_graph_path()}" in captured.err


@pytest.mark.parametrize("store", STORES)
def test_bridging_people_between_singapore_and_chongqing(store):
    """The README's example: Singapore-side people (MTI is a well-known Singapore body, its
    label says no 'Singapore') and their Chongqing counterparts, met at the meetings and
    signings the seed sources name together. By words of labels it found nobody."""
    target = Target(graph=load_graph(default_graph_path(), store))
    rows = execute(target, name="bridging-people", params={"here": "Singapore", "there": "Chongqing"}).fetch()
    pairs = {(r[0].value, r[1].value, r[2].value, r[3].value) for r in rows}
    assert pairs == {("Luke Goh", "Ministry of Trade and Industry", "Li Bo", "Chongqing Municipal People's Government")}
    links = {r[4].value for r in rows}
    assert "Chongqing Connectivity Initiative Joint Implementation Committee Senior Officials Meeting" in links
    assert len(links) >= 3
    # the other way round, and China (the side) holds Chongqing's government
    back = execute(target, name="bridging-people", params={"here": "Chongqing", "there": "Singapore"}).fetch()
    assert {(r[0].value, r[2].value) for r in back} == {("Li Bo", "Luke Goh")}
    china = execute(target, name="bridging-people", params={"here": "China", "there": "Singapore"}).fetch()
    assert {r[1].value for r in china} >= {"Chongqing Municipal People's Government"}
    assert "Ministry of Trade and Industry" not in {r[1].value for r in china}


def test_a_side_parameter_is_a_side_or_a_place_not_any_words():
    from sgcn.graph.sparql.params import QueryError

    target = Target(graph=load_graph(default_graph_path()))
    with pytest.raises(QueryError, match="'Trade' is neither a side"):
        execute(target, name="bridging-people", params={"here": "Trade"})
    every = execute(target, name="bridging-people").fetch()
    assert len(every) > len(execute(target, name="bridging-people", params={"here": "Singapore"}).fetch()) > 0
