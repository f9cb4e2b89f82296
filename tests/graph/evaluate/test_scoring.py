"""Scores worked out by hand on small golds and answers of our own.

Each test's docstring gives the arithmetic; the answers are rows as ``sgcn query NAME``
prints them (column -> text), so the matching rules are tested apart from any graph.
"""

from __future__ import annotations

import pytest

from sgcn.graph.evaluate.gold import parse_gold
from sgcn.graph.evaluate.scoring import QUESTIONS, graph_entities, score_answers

GOLD = """
documents:
  a.txt: 2024-05-14
  b.txt: 2024-06-01
entities:
  - {id: tan, type: Person, names: [Tan Wei Ling, Ms Tan], sources: [a.txt]}
  - {id: zhou, type: Person, names: [Zhou Ming], sources: [a.txt]}
  - {id: mda, type: Organization, names: [Ministry of Digital Affairs, MDA], sources: [a.txt]}
  - {id: acme, type: Organization, names: [Acme Pte Ltd, Acme], sources: [a.txt]}
  - {id: forum, type: Event, names: [Harbourfront Forum 2024, the forum], sources: [a.txt]}
  - {id: sg, type: Place, names: [Singapore], sources: [a.txt]}
  - {id: fund, type: Initiative, names: [Open Ledger Fund], sources: [a.txt]}
  - {id: asia, type: Place, names: [Southeast Asia], optional: true, sources: [a.txt]}
  - {id: later, type: Organization, names: [Later Corp], sources: [z.txt]}
relations:
  - [tan, co_chaired, forum, a.txt]
  - [zhou, co_chaired, forum, a.txt]
  - [forum, held_in, sg, a.txt]
  - [mda, collaborates_with, acme, a.txt]
  - [mda, launched, fund, a.txt]
  - [forum, held_in, asia, a.txt]
  - [tan, member_of, mda, z.txt]
  - [later, launched, fund, a.txt]
"""


def entity_rows(*entities: tuple[str, str, str, str]) -> list[dict[str, str]]:
    return [{"entity": iri, "label": label, "type": kind, "aliases": aliases}
            for iri, label, kind, aliases in entities]


ENTITIES = entity_rows(
    ("x:tan", "Tan Wei Ling", "Person", "Ms Tan"),
    ("x:zhou", "Zhou Ming", "Person", ""),
    ("x:mda", "Ministry of Digital Affairs", "Organization", "MDA"),
    ("x:acme", "Acme", "Organization", "Acme Pte Ltd"),
    ("x:forum", "Harbourfront Forum 2024", "Event", ""),
    ("x:sg", "Singapore", "Place", ""),
    ("x:fund", "Open Ledger Fund", "Initiative", ""),
)


def relation(subject: str, name: str, obj: str, source: str = "a.txt") -> dict[str, str]:
    return {"subject": subject, "relation": name, "object": obj, "source": source}


def test_relations_counted_by_hand():
    """Gold keys: 8 lines; required are the first 5 only.

    - ``[forum, held_in, asia]`` involves an optional entity: not required;
    - ``[tan, member_of, mda]`` is read from z.txt, outside the gold's documents;
    - ``[later, launched, fund]``: Later Corp is named only in z.txt, so not required.

    Rows: 1 ``Ms Tan co_chaired Harbourfront Forum 2024`` (alias -> tan: TP),
    2 the same from b.txt (same key: no new count), 3 ``Acme collaborates_with MDA``
    (reversed, still the gold's key: TP), 4 ``the forum held_in Singapore`` (TP),
    5 ``Harbourfront Forum 2024 held_in Southeast Asia`` (optional: ignored),
    6 ``Zhou Ming participated_in Harbourfront Forum 2024`` (FP), 7 ``Nobody co_chaired
    Harbourfront Forum 2024`` (no gold entity: FP), 8 ``Tan Wei Ling member_of MDA``
    (a gold key, but not required: neither way).
    TP 3, FP 2, FN 2 (zhou co_chaired, mda launched fund); P = 3/5 = 0.6,
    R = 3/5 = 0.6, F1 = 0.6.
    """
    gold = parse_gold(GOLD)
    rows = [
        relation("Ms Tan", "co_chaired", "Harbourfront Forum 2024"),
        relation("Ms Tan", "co_chaired", "Harbourfront Forum 2024", "b.txt"),
        relation("Acme", "collaborates_with", "MDA"),
        relation("the forum", "held_in", "Singapore"),
        relation("Harbourfront Forum 2024", "held_in", "Southeast Asia"),
        relation("Zhou Ming", "participated_in", "Harbourfront Forum 2024"),
        relation("Nobody", "co_chaired", "Harbourfront Forum 2024"),
        relation("Tan Wei Ling", "member_of", "MDA", "z.txt"),
    ]
    score = score_answers(gold, {"entities": ENTITIES, "relations": rows}).questions["relations"]
    assert (score.tp, score.fp, score.fn) == (3, 2, 2)
    assert score.precision == pytest.approx(0.6) and score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(0.6)
    missing = {m.text: m.reason for m in score.missing}
    assert missing == {
        "Zhou Ming -[co_chaired]-> Harbourfront Forum 2024": "the graph relates them by participated_in",
        "Ministry of Digital Affairs -[launched]-> Open Ledger Fund": 'no relation of the graph names '
                                                                      '"Open Ledger Fund"',
    }
    wrong = {w.text: w.reason for w in score.wrong}
    assert wrong == {
        "Zhou Ming -[participated_in]-> Harbourfront Forum 2024": "the gold relates them by co_chaired",
        "Nobody -[co_chaired]-> Harbourfront Forum 2024": 'no gold entity goes by "Nobody"',
    }


def test_entities_counted_by_hand():
    """Required gold entities: tan, zhou, mda, acme, forum, sg, fund (7; asia is
    optional, Later Corp named only outside the documents).

    Graph entities: Tan Wei Ling (TP), ``Mr Zhou Ming`` typed Organization (TP: the
    honorific is dropped; type wrong), ``MDA`` with alias Ministry of Digital Affairs
    (TP; preferred label wrong), a second ``Ministry of Digital Affairs`` entity (FP,
    "a second entity"), Harbourfront Forum 2024 (TP), Southeast Asia (optional:
    ignored), Open Ledger Fund (TP), Jurong (no gold entity: FP).
    TP 5, FP 2, FN 2 (acme, sg). P = 5/7, R = 5/7, F1 = 5/7 = 0.714.
    Type right for 4 of 5 (Zhou); preferred label right for 5 of 5: the entity labelled
    with the gold's preferred label (x:mda2) claims mda first, so it is the one whose
    label is checked and ``MDA`` is the second entity; Zhou's label is right once the
    honorific is dropped.
    """
    gold = parse_gold(GOLD)
    rows = entity_rows(
        ("x:tan", "Tan Wei Ling", "Person", ""),
        ("x:zhou", "Mr Zhou Ming", "Organization", ""),
        ("x:mda", "MDA", "Organization", "Ministry of Digital Affairs"),
        ("x:mda2", "Ministry of Digital Affairs", "Organization", ""),
        ("x:forum", "Harbourfront Forum 2024", "Event", "the forum"),
        ("x:asia", "Southeast Asia", "Place", ""),
        ("x:fund", "Open Ledger Fund", "Initiative", ""),
        ("x:jurong", "Jurong", "Place", ""),
    )
    score = score_answers(gold, {"entities": rows}).questions["entities"]
    assert (score.tp, score.fp, score.fn) == (5, 2, 2)
    assert score.f1 == pytest.approx(5 / 7)
    assert score.accuracy == {"type": (4, 5), "preferred label": (5, 5)}
    wrong = sorted(w.reason for w in score.wrong)
    assert wrong == ['a second entity for "Ministry of Digital Affairs" (the first: "Ministry of Digital Affairs")',
                     "no gold entity goes by any of its names"]
    assert [m.text for m in score.missing] == ["Acme Pte Ltd [Organization]", "Singapore [Place]"]
    assert score.details == ["type: Zhou Ming: the graph says Organization, the gold Person"]


def test_a_graph_entity_prefers_the_gold_entity_of_its_type():
    """'SCE' names both an event and an organizing committee in the gold: each graph
    entity goes to the one of its own type."""
    gold = parse_gold("""
entities:
  - {id: sce, type: Event, names: [Smart China Expo, SCE]}
  - {id: org, type: Organization, names: [SCE Organizing Committee, SCE]}
""")
    assert gold.warnings  # the shared name is reported
    mapped = graph_entities(gold, entity_rows(("x:1", "SCE", "Organization", ""), ("x:2", "SCE", "Event", "")))
    assert [e.gold for e in mapped] == ["org", "sce"]


def test_roles_counted_by_hand():
    """Gold roles: (tan, mda) "Senior Director", (zhou, no organization) "Deputy Mayor".

    Rows: Tan Wei Ling @ Ministry of Digital Affairs "Director" (TP; overlap
    {director} / {senior, director} = 1/2), Zhou Ming @ Acme "Deputy Mayor" (the gold
    names no organization for Zhou, so any will do: TP, overlap 1), Tan Wei Ling @ Acme
    "Adviser" (FP). TP 2, FP 1, FN 0: P = 2/3, R = 1, F1 = 0.8; mean overlap (0.5 + 1)/2
    = 0.75.
    """
    gold = parse_gold(GOLD + """
roles:
  - {person: tan, role: Senior Director, organization: mda, source: a.txt}
  - {person: zhou, role: Deputy Mayor, organization: "", source: a.txt}
""")
    rows = [
        {"person": "Tan Wei Ling", "role": "Director", "organization": "Ministry of Digital Affairs",
         "as_of": "2024-05-14", "source": "a.txt"},
        {"person": "Zhou Ming", "role": "Deputy Mayor", "organization": "Acme", "as_of": "2024-05-14",
         "source": "a.txt"},
        {"person": "Tan Wei Ling", "role": "Adviser", "organization": "Acme", "as_of": "2024-05-14",
         "source": "a.txt"},
    ]
    score = score_answers(gold, {"entities": ENTITIES, "roles": rows}).questions["roles"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert score.f1 == pytest.approx(0.8)
    assert score.role_text_overlap == pytest.approx(0.75)
    assert [w.reason for w in score.wrong] == ["the gold has them @ Ministry of Digital Affairs"]


def test_events_and_their_dates_and_places_by_hand():
    """Gold events: the forum, 2024-05-14..2024-05-16 in Singapore, on two lines (a.txt
    and b.txt) that make one key.

    Rows: the forum 2024-05 .. 2024-05-16 @ Singapore (start agrees: "2024-05-14" starts
    with "2024-05"), and a second row for it with no end and no place (empty values of a
    second row do not count against it) -> TP 1; ``Open Ledger Fund`` listed as an event
    (FP: "the gold does not list it"). P = 1/2, R = 1, F1 = 2/3. start 1/1, end 1/1,
    place 1/1.  A third row with end 2024-06 makes the end disagree: end 0/1.
    """
    gold = parse_gold(GOLD + """
events:
  - {event: forum, start: 2024-05-14, end: 2024-05-16, place: sg}
  - {event: forum, start: 2024-05-14, end: 2024-05-16, place: sg, source: b.txt}
""")
    rows = [
        {"event": "the forum", "start": "2024-05", "end": "2024-05-16", "place": "Singapore"},
        {"event": "Harbourfront Forum 2024", "start": "2024-05-14", "end": "", "place": ""},
        {"event": "Open Ledger Fund", "start": "", "end": "", "place": ""},
    ]
    score = score_answers(gold, {"entities": ENTITIES, "events": rows}).questions["events"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.accuracy == {"start": (1, 1), "end": (1, 1), "place": (1, 1)}
    assert [w.reason for w in score.wrong] == ["the gold does not list it among the events"]
    rows.append({"event": "the forum", "start": "2024-05-14", "end": "2024-06", "place": "Singapore"})
    score = score_answers(gold, {"entities": ENTITIES, "events": rows}).questions["events"]
    assert score.accuracy["end"] == (0, 1)
    assert score.details == ["end: Harbourfront Forum 2024: the graph says 2024-05-16 / 2024-06, the gold 2024-05-16"]


def test_figures_within_half_a_percent_by_hand():
    """Gold: fund fund_size 40000000 SGD; forum delegates 1200 "more than".

    Rows: fund 40,150,000 (0.375 % off: within 0.5 %, TP; unit "sgd" agrees, case
    ignored), forum delegates 1210 (0.83 % off: FP, and the gold's 1200 is missed),
    forum delegates "many" (not a number: FP). TP 1, FP 2, FN 1: P = 1/3, R = 1/2,
    F1 = 2 * (1/3 * 1/2) / (1/3 + 1/2) = 0.4. Unit 1/1; qualifier 1/1 (both empty).
    """
    gold = parse_gold(GOLD + """
figures:
  - {subject: fund, measure: fund_size, value: 40000000, unit: SGD, qualifier: "", source: a.txt}
  - {subject: forum, measure: delegates, value: 1200, unit: "", qualifier: more than, source: a.txt}
""")

    def figure(subject, measure, value, unit="", qualifier=""):
        return {"subject": subject, "measure": measure, "value": value, "unit": unit, "qualifier": qualifier,
                "as_of": "2024-05-14", "source": "a.txt"}

    rows = [figure("Open Ledger Fund", "fund_size", "40150000", "sgd"),
            figure("Harbourfront Forum 2024", "delegates", "1210", "", "more than"),
            figure("Harbourfront Forum 2024", "delegates", "many")]
    score = score_answers(gold, {"entities": ENTITIES, "figures": rows}).questions["figures"]
    assert (score.tp, score.fp, score.fn) == (1, 2, 1)
    assert score.f1 == pytest.approx(0.4)
    assert score.accuracy == {"unit": (1, 1), "qualifier": (1, 1)}
    assert sorted(w.reason for w in score.wrong) == ["the gold has 1200", "the value is not a number"]
    assert [m.reason for m in score.missing] == ["the graph has delegates = 1210, many"]


def test_topics_compare_normalized_names_by_hand():
    """Gold: forum -> "artificial intelligence", forum -> "5G". Rows: forum ->
    "Artificial Intelligence" (TP: case ignored), forum -> "5-G" (TP: punctuation is a
    word break and spaces are ignored), fund -> "fintech" (FP). P = 2/3, R = 1, F1 = 0.8."""
    gold = parse_gold(GOLD + """
topics:
  - {subject: forum, topic: artificial intelligence, source: a.txt}
  - {subject: forum, topic: 5G, source: a.txt}
""")
    rows = [{"subject": "the forum", "topic": "Artificial Intelligence", "source": "a.txt"},
            {"subject": "Harbourfront Forum 2024", "topic": "5-G", "source": "a.txt"},
            {"subject": "Open Ledger Fund", "topic": "fintech", "source": "a.txt"}]
    score = score_answers(gold, {"entities": ENTITIES, "topics": rows}).questions["topics"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert score.f1 == pytest.approx(0.8)


def test_a_question_that_could_not_be_answered_scores_zero_and_says_why():
    """Entities all found (F1 1); relations' query 'failed' (F1 0, its 5 required keys
    missed); the four questions with nothing in the gold and nothing answered have
    P = R = 1 by convention, F1 1. Overall: (1 + 0 + 1 + 1 + 1 + 1) / 6 = 5/6."""
    gold = parse_gold(GOLD)
    rows = ENTITIES + entity_rows(("x:asia", "Southeast Asia", "Place", ""))
    result = score_answers(gold, {"entities": rows}, problems={"relations": "query failed: timed out"})
    assert result.questions["entities"].f1 == 1.0
    relations = result.questions["relations"]
    assert relations.problem == "query failed: timed out"
    assert (relations.precision, relations.recall, relations.f1, relations.fn) == (0.0, 0.0, 0.0, 5)
    assert list(result.questions) == list(QUESTIONS)
    assert result.overall_f1 == pytest.approx(5 / 6)
    assert result.as_dict()["questions"]["relations"]["problem"] == "query failed: timed out"
