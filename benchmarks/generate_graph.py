"""Generate a large synthetic sgcn graph (1 million triples by default) for the store benchmark.

The graph is made the way ``sgcn build`` makes the real one: synthetic press-release
documents become :class:`~sgcn.loaders.facts.Extraction` objects (people with posts,
organizations, places, initiatives, meeting editions, agreements, projects, figures,
topics, each fact with a quote of its document) and ``sgcn.graph.rdf.build.build_graph``
turns them into triples, so the benchmark exercises exactly the data model the query
library is written for. The same seed gives the same graph.

Usage::

    python benchmarks/generate_graph.py                     # benchmarks/out/synthetic-1m.ttl
    python benchmarks/generate_graph.py --triples 200000 --out /tmp/g.ttl --seed 7

Examples:
    >>> extractions = list(synthetic_extractions(3, seed=1))
    >>> len(extractions), all(x.relations for x in extractions)
    (3, True)
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import Graph

from sgcn.graph.rdf.build import build_graph, vocabulary_graph
from sgcn.loaders.document import Document
from sgcn.loaders.facts import (
    Entity,
    EventTime,
    Evidence,
    Extraction,
    Figure,
    Mention,
    Relation,
    Role,
    TopicTag,
)

log = logging.getLogger("generate_graph")

DEFAULT_OUT = Path(__file__).parent / "out" / "synthetic-1m.ttl"

_GIVEN = ["Wei", "Li", "Ming", "Hui", "Jun", "Mei", "Kai", "Ling", "Tan", "Yong", "Siew", "Hao",
          "Rui", "Xin", "Jia", "Boon", "Chee", "Kok", "Lan", "Qiang", "Ravi", "Anita", "Daniel",
          "Grace", "Peter", "Susan", "Arif", "Nur", "Omar", "Priya"]
_FAMILY = ["Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh", "Teo", "Zhang",
           "Wang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
           "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Menon", "Pillai", "Rahman", "Ismail"]
_PLACES = ["Singapore", "Chongqing", "Shenzhen", "Guangzhou", "Chengdu", "Suzhou", "Tianjin",
           "Nanning", "Xiamen", "Hangzhou", "Wuhan", "Xi'an", "Kunming", "Guiyang", "Shanghai",
           "Beijing", "Jurong", "Punggol", "Qingdao", "Dalian"]
_FIELDS = ["Digital Economy", "Trade", "Data", "Logistics", "Finance", "Innovation", "Smart City",
           "Connectivity", "Cybersecurity", "Fintech", "Health Technology", "Green Energy",
           "Semiconductors", "Artificial Intelligence", "Talent", "Aviation", "Media"]
_ORG_FORMS = ["{place} Bureau of {field}", "{place} {field} Authority",
              "{place} Municipal Commission of {field}", "{place} {field} Association",
              "{field} Institute of {place}", "{place} {field} Holdings"]
_TITLES = ["Minister", "Deputy Secretary", "Vice Mayor", "Director-General", "Chairman",
           "Chief Executive Officer", "Senior Minister of State", "Permanent Secretary", "Director"]
_UNITS = ["CNY", "USD", "SGD", ""]
_QUALIFIERS = ["", "more than", "about", "nearly", "over"]
_MEASURES = ["mous_signed", "projects_signed", "investment_value", "delegates",
             "companies_participating", "fund_size", "agreements_signed", "projects_launched"]


def _topics() -> list[str]:
    """Local names of the topic scheme's concepts (empty when the scheme is absent)."""
    resource = files("sgcn.ontology") / "topics.ttl"
    if not resource.is_file():
        return []
    scheme = Graph().parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    prefix = "https://w3id.org/sgcn/topic/"
    names = {str(s)[len(prefix):] for s in scheme.subjects() if str(s).startswith(prefix)}
    return sorted(n for n in names if n and n != "scheme")


class _Pools:
    """The synthetic world: entity pools sized so facts overlap like in real news."""

    def __init__(self, rng: random.Random, scale: int):
        self.people = sorted({f"{rng.choice(_GIVEN)} {rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
                              for _ in range(max(40, scale * 2))})
        self.organizations = sorted({rng.choice(_ORG_FORMS).format(place=rng.choice(_PLACES),
                                                                     field=rng.choice(_FIELDS))
                                     for _ in range(max(30, scale))})
        self.initiatives = sorted({f"{a}-{b} {f} Initiative" for a in _PLACES[:3] for b in _PLACES[1:8]
                                   for f in _FIELDS[: max(2, scale // 200)] if a != b})
        self.series = sorted({f"{p} {f} Expo" for p in _PLACES for f in _FIELDS[:6]}
                             | {f"Joint Committee on {f}" for f in _FIELDS})
        self.topics = _topics()
        # the world is stable, as in real news: a person holds one post in one organization,
        # an expo or committee series belongs to one initiative and is held in one place
        self.home = {person: (rng.choice(self.organizations), rng.choice(_TITLES)) for person in self.people}
        self.series_initiative = {series: rng.choice(self.initiatives) for series in self.series}
        self.series_place = {series: rng.choice(_PLACES) for series in self.series}


def _entity(kind: str, label: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(f"{kind}/{label.lower()}", kind, label, aliases)


def _document(rng: random.Random, pools: _Pools, number: int) -> Extraction:
    """One synthetic press release and everything read from it."""
    year = 2015 + number % 10
    month = 1 + rng.randrange(12)
    day = 1 + rng.randrange(28)
    date = f"{year}-{month:02d}-{day:02d}"
    source = f"synthetic-{number:06d}.txt"
    series_label = rng.choice(pools.series)
    place = _entity("Place", pools.series_place[series_label])
    edition = 1 + (year - 2015)
    event = _entity("Event", f"{series_label} {year}")
    series = _entity("Event", series_label)
    initiative = _entity("Initiative", pools.series_initiative[series_label])
    people = [_entity("Person", label, (f"Mr {label.split()[-1]}",))
              for label in rng.sample(pools.people, 4)]
    homes = [pools.home[person.label] for person in people]
    organizations = [_entity("Organization", label) for label in rng.sample(pools.organizations, 4)]
    members = [_entity("Organization", label) for label, _ in homes]
    agreement = _entity("Agreement", f"MoU on {rng.choice(_FIELDS)} between "
                                     f"{organizations[0].label} and {organizations[1].label}")
    project = _entity("Project", f"{rng.choice(_PLACES)} {rng.choice(_FIELDS)} Pilot {number % 97}")

    sentences: list[str] = []
    spans: list[Evidence] = []
    offset = 0

    def say(sentence: str) -> Evidence:
        nonlocal offset
        evidence = Evidence(source=source, start=offset, end=offset + len(sentence), quote=sentence)
        sentences.append(sentence)
        offset += len(sentence) + 1
        spans.append(evidence)
        return evidence

    relations: list[Relation] = []
    roles: list[Role] = []
    figures: list[Figure] = []
    topics: list[TopicTag] = []
    times: list[EventTime] = []
    mentions: list[Mention] = []

    opening = say(f"{place.label}, {day} {month}/{year}: the {event.label}, edition {edition}, was held in {place.label} "
                  f"from {day} to {min(day + 2, 28)} of the month, within the framework of the "
                  f"{initiative.label}.")
    relations += [Relation(event.key, "held_in", place.key, opening),
                  Relation(event.key, "part_of", initiative.key, opening),
                  Relation(event.key, "part_of", series.key, opening)]
    times.append(EventTime(event.key, date, f"{year}-{month:02d}-{min(day + 2, 28):02d}", opening))
    mentions += [Mention(e.key, opening) for e in (place, event, initiative)]
    for person, organization, (_, title) in zip(people, members, homes):
        said = say(f"{title} of the {organization.label} {person.label} attended the meeting, "
                   f"and {person.aliases[0]} spoke on cooperation.")
        roles.append(Role(person.key, title, organization.key, date, said))
        relations += [Relation(person.key, "participated_in", event.key, said),
                      Relation(person.key, "member_of", organization.key, said)]
        mentions += [Mention(person.key, said), Mention(organization.key, said)]
    chaired = say(f"The meeting was co-chaired by {people[0].label} and {people[1].label}.")
    relations += [Relation(people[0].key, "co_chaired", event.key, chaired),
                  Relation(people[1].key, "co_chaired", event.key, chaired)]
    signed = say(f"The {agreement.label} was signed between the {organizations[0].label} and the "
                 f"{organizations[1].label}, witnessed by {people[2].label}.")
    relations += [Relation(organizations[0].key, "party_to", agreement.key, signed),
                  Relation(organizations[1].key, "party_to", agreement.key, signed),
                  Relation(people[2].key, "witnessed", agreement.key, signed),
                  Relation(agreement.key, "part_of", initiative.key, signed)]
    mentions.append(Mention(agreement.key, signed))
    launched = say(f"The {organizations[2].label} launched the {project.label} with the "
                   f"{organizations[3].label}, funded by the {initiative.label}.")
    relations += [Relation(organizations[2].key, "launched", project.key, launched),
                  Relation(organizations[3].key, "partner_in", project.key, launched),
                  Relation(project.key, "funded_by", initiative.key, launched),
                  Relation(project.key, "part_of", initiative.key, launched),
                  Relation(organizations[2].key, "collaborates_with", organizations[3].key, launched),
                  Relation(organizations[0].key, "organized", event.key, launched)]
    mentions.append(Mention(project.key, launched))
    for _ in range(2):
        measure = rng.choice(_MEASURES)
        value = Decimal(rng.randrange(1, 500)) * (10 ** rng.randrange(0, 7))
        unit = rng.choice(_UNITS) if measure in ("investment_value", "fund_size") else ""
        qualifier = rng.choice(_QUALIFIERS)
        stated = say(f"The organisers reported {qualifier} {value} {unit} for {measure.replace('_', ' ')}.")
        figures.append(Figure(rng.choice([event.key, initiative.key]), measure, value, unit,
                              qualifier, date, stated))
    if pools.topics:
        about = say(f"Talks covered {', '.join(rng.sample(pools.topics, 2))}.")
        for topic in rng.sample(pools.topics, 2):
            topics.append(TopicTag(rng.choice([event.key, agreement.key, project.key]), topic, about))

    text = " ".join(sentences)
    document = Document(source=source, text=text, sha256=f"{number:064x}", format="plaintext",
                        title=f"Synthetic release {number}", date=date, publisher="Synthetic Press")
    entities = {e.key: e for e in (place, event, series, initiative, agreement, project,
                                   *people, *organizations, *members)}
    return Extraction(document, entities=tuple(entities.values()), mentions=tuple(mentions),
                      relations=tuple(relations), roles=tuple(roles), event_times=tuple(times),
                      figures=tuple(figures), topics=tuple(topics))


def synthetic_extractions(documents: int, *, seed: int = 42) -> Iterator[Extraction]:
    """``documents`` synthetic extractions, the same for the same seed.

    Examples:
        >>> a = [x.document.text for x in synthetic_extractions(2, seed=3)]
        >>> a == [x.document.text for x in synthetic_extractions(2, seed=3)]
        True
    """
    rng = random.Random(seed)
    pools = _Pools(rng, scale=max(documents // 4, 10))
    for number in range(documents):
        yield _document(rng, pools, number)


def synthetic_graph(documents: int, *, seed: int = 42, vocabulary: bool = True) -> Graph:
    """A small synthetic graph in memory (for tests): ``documents`` releases' worth.

    Examples:
        >>> len(synthetic_graph(2, vocabulary=False)) > 100
        True
    """
    return build_graph(synthetic_extractions(documents, seed=seed), vocabulary=vocabulary)


def generate(out: Path, *, triples: int = 1_000_000, seed: int = 42, batch: int = 200) -> int:
    """Write a synthetic graph of at least ``triples`` triples to ``out`` (Turtle); return its size.

    Documents are built ``batch`` at a time with ``build_graph`` and gathered in an
    Oxigraph store, which merges the entities they share.
    """
    store = ox.Store()
    store.load(vocabulary_graph().serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    per_document = 170  # a first guess, corrected as documents come in
    rng = random.Random(seed)
    pools = _Pools(rng, scale=max(triples // per_document // 4, 10))
    number = 0
    started = time.perf_counter()
    while len(store) < triples:
        missing = triples - len(store)
        count = max(1, min(batch, missing // per_document + 1))
        graph = build_graph([_document(rng, pools, number + i) for i in range(count)], vocabulary=False)
        store.load(graph.serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        number += count
        per_document = max(1, len(store) // number)
        log.info("%d documents, %d triples (%.0f s)", number, len(store), time.perf_counter() - started)
    out.parent.mkdir(parents=True, exist_ok=True)
    prefixes = {"sgcn": "https://w3id.org/sgcn/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
                "prov": "http://www.w3.org/ns/prov#", "org": "http://www.w3.org/ns/org#",
                "schema": "https://schema.org/", "dcterms": "http://purl.org/dc/terms/"}
    store.dump(str(out), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    return len(store)


def main(argv: list[str] | None = None) -> int:
    """Command line: write the synthetic graph and say how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"Turtle file to write (default {DEFAULT_OUT})")
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples (default 1000000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    size = generate(args.out, triples=args.triples, seed=args.seed)
    print(f"wrote {args.out}: {size} triples", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
