"""Occurrences by identity: same-named different meetings and editions stay apart, one thing named two ways is one.

An occurrence is its series (a committee and what it belongs to, an expo series) plus
its number or year; the graph's IRIs come from that identity, so two "3rd Joint
Implementation Committee meeting"s of two initiatives are two events, each with its
own date, place and co-chairs, whatever the documents call them.
"""

from __future__ import annotations

import textwrap

import pytest
from rdflib import Graph, URIRef

from sgcn.graph.rdf.namespace import SGCN, SKOS
from sgcn.graph.rdf.pipeline import build
from sgcn.graph.sparql.query import run_query

CHONGQING = textwrap.dedent("""\
    Chongqing and Singapore review connectivity projects

    CHONGQING, 14 May 2019 - The 3rd Joint Implementation Committee (JIC) meeting of the
    China-Singapore (Chongqing) Demonstration Initiative on Strategic Connectivity (CCI)
    was held in Chongqing today. The meeting was co-chaired by Minister Ada Lim and
    Chongqing Vice Mayor Bo Wenhua.
    """)

SHENZHEN = textwrap.dedent("""\
    Smart city partners meet in Shenzhen

    SHENZHEN, 25 November 2022 - The 3rd Joint Implementation Committee (JIC) meeting of
    the Singapore-China (Shenzhen) Smart City Initiative (SCI) took place in Shenzhen
    today. It was co-chaired by Minister Cara Yeo and Shenzhen Vice Mayor Du Jiang.
    """)

# the Chongqing meeting again, named another way by another release
CHONGQING_AGAIN = textwrap.dedent("""\
    Logistics projects agreed

    SINGAPORE, 20 May 2019 - The China-Singapore (Chongqing) Demonstration Initiative on
    Strategic Connectivity (CCI) has two new logistics projects. Officials said the third
    meeting of the Joint Implementation Committee (JIC) of the CCI, held last week,
    agreed on both.
    """)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("meetings")
    for name, text in (("cq.txt", CHONGQING), ("sz.txt", SHENZHEN), ("cq-later.txt", CHONGQING_AGAIN)):
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "graph.ttl"
    assert build(folder, out).written
    return out


def _meetings(graph):
    _, rows = run_query("entities", graph)
    return {r["entity"]: r for r in rows if r["type"] == "Event" and "Joint Implementation" in r["label"]}


def test_two_meetings_of_two_initiatives_are_two_events(graph):
    meetings = _meetings(graph)
    assert len(meetings) == 2, meetings
    assert all(m["label"].startswith("3rd ") and m["label"].endswith("Joint Implementation Committee meeting")
               for m in meetings.values())


def test_each_meeting_keeps_its_own_date_place_and_co_chairs(graph):
    _, events = run_query("events", graph)
    by_date = {e["start"]: e for e in events if "Joint Implementation" in e["event"]}
    assert set(by_date) == {"2019-05-14", "2022-11-25"}
    assert by_date["2019-05-14"]["place"] == "Chongqing"
    assert by_date["2022-11-25"]["place"] == "Shenzhen"
    g = Graph().parse(graph)
    chairs = {event: {str(g.value(person, SKOS.prefLabel)) for person in g.subjects(SGCN.coChaired, URIRef(event))}
              for event in _meetings(graph)}
    assert sorted(map(sorted, chairs.values())) == [["Ada Lim", "Bo Wenhua"], ["Cara Yeo", "Du Jiang"]]


def test_the_same_meeting_named_another_way_is_one_event(graph):
    """"the third meeting of the JIC of the CCI" in a later release is the Chongqing meeting, not a third event."""
    _, evidence = run_query("evidence", graph)
    later = {r["subject"] for r in evidence if r["source"] == "cq-later.txt" and r["predicate"] == "type"
             and r["object"] == "Event"}
    chongqing = {m["label"] for m in _meetings(graph).values() if "Chongqing" in m["label"]}
    assert later == chongqing and len(chongqing) == 1
