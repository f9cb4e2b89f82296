"""The gold loader: a valid file is read whole; a slip is refused with ``path:line: message``."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sgcn.graph.evaluate.gold import GoldError, load_gold, parse_gold

REPO = Path(__file__).resolve().parents[3]

VALID = textwrap.dedent("""\
    documents:
      a.txt: 2024-05-14
    entities:
      - id: forum
        type: Event
        names: [Harbourfront Forum 2024, the forum]
        optional: no
        sources: a.txt
      - {id: sg, type: Place, names: [Singapore], optional: "yes"}
      - {id: tan, type: Person, names: [Tan Wei Ling]}
      - {id: mda, type: Organization, names: [Ministry of Digital Affairs]}
    relations:
      - [forum, held_in, sg]
      - {subject: tan, relation: co_chaired, object: forum, source: a.txt}
    roles:
      - {person: tan, role: Senior Director, organization: mda, source: a.txt}
      - {person: tan, role: Speaker}
    events:
      - {event: forum, start: 2024-05-14, end: "2024-05-16", place: sg}
    figures:
      - {subject: forum, measure: delegates, value: "1200", qualifier: more than}
      - {subject: forum, measure: exhibition_area, value: 2.5e3, unit: sqm}
    topics:
      - {subject: forum, topic: artificial intelligence}
""")


def test_a_valid_gold_is_read_whole():
    gold = parse_gold(VALID, path="gold.yaml")
    assert gold.documents == ("a.txt",)
    assert list(gold.entities) == ["forum", "sg", "tan", "mda"]
    forum = gold.entities["forum"]
    assert (forum.label, forum.optional, forum.sources, forum.line) == ("Harbourfront Forum 2024", False, ("a.txt",), 4)
    assert gold.entities["sg"].optional is True
    assert [(r.subject, r.relation, r.object, r.source) for r in gold.relations] == [
        ("forum", "held_in", "sg", ""), ("tan", "co_chaired", "forum", "a.txt")]
    assert [(r.organization, r.role) for r in gold.roles] == [("mda", "Senior Director"), ("", "Speaker")]
    assert (gold.events[0].start, gold.events[0].end, gold.events[0].place) == ("2024-05-14", "2024-05-16", "sg")
    assert [f.value for f in gold.figures] == [1200.0, 2500.0]
    assert gold.topics[0].line == 24
    assert gold.required_entity("forum") and not gold.required_entity("sg")
    assert gold.warnings == ()


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("topics:", "topic:"), 23, "unknown section 'topic'"),
        (("optional: no", "optinal: no"), 4, "entity #1: unknown field 'optinal'"),
        (("{id: tan, type: Person", "{id: sg, type: Person"), 10, "entity 'sg' is defined twice (first at line 9)"),
        (("type: Place", "type: City"), 9, "entity 'sg': type 'City' is not one of Person, Organization"),
        (("names: [Tan Wei Ling]", "names: []"), 10, "entity 'tan': 'names' is missing or empty"),
        (('optional: "yes"', "optional: maybe"), 9, "entity 'sg': 'optional' must be true or false"),
        (("[forum, held_in, sg]", "[forum, held_at, sg]"), 13, "relation #1: relation 'held_at' is not one of"),
        (("[forum, held_in, sg]", "[forum, held_in, sgp]"), 13, "relation #1: no entity has the id 'sgp'"),
        (("[forum, held_in, sg]", "[forum, held_in]"), 13, "relation #1: write it as [subject, relation, object"),
        (("organization: mda", "organization: moda"), 16, "role #1: no entity has the id 'moda'"),
        (("{person: tan, role: Speaker}", "{role: Speaker}"), 17, "role #2: 'person' is missing"),
        (("place: sg}", "place: [sg]}"), 19, "event #1: 'place' must be a plain value, not a list"),
        (("measure: delegates", "measure: attendees"), 21, "figure #1: measure 'attendees' is not one of"),
        (('value: "1200"', "value: 1.2k"), 21, "figure #1: value '1.2k' is not a number"),
        (("{subject: forum, topic: artificial intelligence}", "{subject: forum}"), 24, "topic #1: 'topic' is missing"),
        (("  a.txt: 2024-05-14", "  a.txt: [2024"), 3, "not valid YAML"),
        (("relations:\n", "relations:\nrelations:\n"), 13, "key 'relations' given twice"),
    ],
)
def test_a_slip_is_refused_with_its_line(change, line, message):
    old, new = change
    assert old in VALID
    text = VALID.replace(old, new, 1)
    with pytest.raises(GoldError) as caught:
        parse_gold(text, path="my/gold.yaml")
    assert str(caught.value).startswith(f"my/gold.yaml:{line}: "), str(caught.value)
    assert message in str(caught.value)


def test_a_gold_that_is_not_a_mapping_or_a_file_is_refused(tmp_path):
    with pytest.raises(GoldError, match=r"^g.yaml:1: a gold file is a mapping"):
        parse_gold("- just\n- a list\n", path="g.yaml")
    with pytest.raises(GoldError, match="cannot read the gold file"):
        load_gold(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes("entities: [caf\xe9]".encode("latin-1"))
    with pytest.raises(GoldError, match="latin1.yaml: cannot read the gold file"):
        load_gold(tmp_path / "latin1.yaml")


def test_an_empty_gold_is_an_empty_gold():
    gold = parse_gold("", path="g.yaml")
    assert (gold.documents, gold.entities, gold.relations) == ((), {}, ())


def test_two_entities_with_one_name_are_a_warning_not_an_error():
    gold = parse_gold(VALID.replace("names: [Ministry of Digital Affairs]", "names: [Ministry of Digital Affairs, the forum]"))
    assert gold.warnings == ("the name 'theforum' belongs to forum, mda: a graph entity going by it maps to forum, "
                             "or to the one whose preferred label it is",)


@pytest.mark.parametrize("gold", ["tests/data/seed/gold.yaml", "tests/data/genre/dev/gold.yaml",
                                  "tests/data/genre/unseen/gold.yaml", "tests/data/genre/fresh/gold.yaml",
                                  "tests/data/genre/other-hands/gold.yaml"])
def test_the_project_golds_follow_the_format(gold):
    read = load_gold(REPO / gold)
    assert read.documents and read.entities and read.relations and read.topics
    assert read.warnings == ()
