"""Score the answers of the six contract questions against a gold: precision, recall, F1.

Each question's answer (the rows of ``sgcn query NAME``) is reduced to keys, and so is
the gold; a key found on both sides is a true positive, a graph key the gold lacks a
false positive, a required gold key the graph lacks a false negative. What the keys
are (``docs/spec/gold-format.md``):

========== ==================================================================
entities   the gold entity a graph entity maps to (a second graph entity for
           the same gold entity is wrong)
relations  (subject, relation, object); ``collaborates_with`` either way round
roles      (person, organization); the person alone where the gold names no
           organization
events     the event
figures    (subject, measure, value within 0.5 %)
topics     (subject, normalized topic)
========== ==================================================================

Labels in answers are mapped to gold entities through names (:mod:`.names`): first the
graph's own entities (each ``entities`` row group maps to the gold entity sharing one
of its names, preferring one of its type, then one whose preferred label is its label,
then the one sharing most names, then the first in the gold), so a label maps through
the entity that carries it, labels before aliases; failing that, straight to the gold
entity with that name. Facts about a gold entity that is not required (optional, or
named only outside the gold's documents) count neither way.

Beside the counts, each question measures how right the matched answers are:
entities their type and preferred label, roles the overlap of the role's words,
events their start, end and place, figures their unit and qualifier.

Examples:
    >>> from sgcn.graph.evaluate.gold import parse_gold
    >>> gold = parse_gold('''
    ... entities:
    ...   - {id: goh, type: Person, names: [Luke Goh, Mr Goh]}
    ...   - {id: mti, type: Organization, names: [Ministry of Trade and Industry, MTI]}
    ... relations:
    ...   - [goh, member_of, mti]
    ... ''')
    >>> answers = {
    ...     "entities": [{"entity": "x:goh", "label": "Luke Goh", "type": "Person", "aliases": ""},
    ...                  {"entity": "x:mti", "label": "MTI", "type": "Organization", "aliases": ""}],
    ...     "relations": [{"subject": "Mr Goh", "relation": "member_of", "object": "MTI", "source": "a.txt"},
    ...                   {"subject": "Luke Goh", "relation": "launched", "object": "MTI", "source": "a.txt"}],
    ... }
    >>> result = score_answers(gold, answers)
    >>> entities, relations = result.questions["entities"], result.questions["relations"]
    >>> entities.f1, entities.accuracy["preferred label"]
    (1.0, (1, 2))
    >>> relations.tp, relations.fp, round(relations.f1, 3)
    (1, 1, 0.667)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Mapping

from sgcn.graph.evaluate.gold import Gold, to_number
from sgcn.graph.evaluate.names import normalize, plain_number, same_date, same_value, word_overlap

__all__ = [
    "QUESTIONS", "Evaluation", "Finding", "GraphEntity", "QuestionScore", "graph_entities", "score_answers",
]

QUESTIONS = ("entities", "relations", "roles", "events", "figures", "topics")
# the key of an answer row that involves a gold entity the graph need not hold
_IGNORED = ("ignored",)

Row = Mapping[str, str]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Finding:
    """One thing missed or wrong, as a reader is shown it.

    Attributes:
        text: the fact, in the words of the gold (missed) or of the graph (wrong).
        sources: the documents it was read from, where known.
        reason: why it did not match, where that can be told.
    """

    text: str
    sources: tuple[str, ...] = ()
    reason: str = ""

    def __str__(self) -> str:
        out = self.text
        if self.sources:
            out += f"   [{', '.join(self.sources)}]"
        if self.reason:
            out += f"   -- {self.reason}"
        return out


@dataclass
class QuestionScore:
    """How well one question was answered.

    Attributes:
        question: the contract question (a name of :data:`QUESTIONS`).
        problem: why the answer could not be scored (the query failed, or its columns
            are not the contract's): precision and recall are then 0; ``""`` otherwise.
        tp, fp, fn: matched, wrong and missed keys.
        missing, wrong: the missed and wrong facts, sorted.
        details: matched facts that are not quite right (a type, a date, a unit, ...).
        accuracy: for each measure of rightness, (right, out of) over the matched facts.
        role_text_overlap: roles only: the mean best word overlap of the matched roles.
    """

    question: str
    problem: str = ""
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missing: list[Finding] = field(default_factory=list)
    wrong: list[Finding] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)
    role_text_overlap: float | None = None

    @property
    def precision(self) -> float:
        if self.problem:
            return 0.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        if self.problem:
            return 0.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        out = {
            "problem": self.problem, "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "accuracy": {name: {"right": right, "of": total, "share": right / total if total else None}
                         for name, (right, total) in self.accuracy.items()},
            "missing": [_finding_dict(f) for f in self.missing],
            "wrong": [_finding_dict(f) for f in self.wrong],
            "details": list(self.details),
        }
        if self.question == "roles":
            out["role_text_overlap"] = self.role_text_overlap
        return out


def _finding_dict(finding: Finding) -> dict:
    return {"text": finding.text, "sources": list(finding.sources), "reason": finding.reason}


@dataclass
class Evaluation:
    """The scores of every contract question for one graph against one gold."""

    gold: Gold
    graph: str
    questions: dict[str, QuestionScore]

    @property
    def overall_f1(self) -> float:
        """The mean F1 of the questions."""
        return sum(q.f1 for q in self.questions.values()) / len(self.questions) if self.questions else 0.0

    def as_dict(self) -> dict:
        return {
            "gold": self.gold.path,
            "graph": self.graph,
            "documents": len(self.gold.documents),
            "required_entities": self.gold.required_entities,
            "warnings": list(self.gold.warnings),
            "questions": {name: score.as_dict() for name, score in self.questions.items()},
            "overall_f1": self.overall_f1,
        }


# --------------------------------------------------------------------------- the graph's entities


@dataclass
class GraphEntity:
    """The rows of ``entities`` about one IRI, and the gold entity they map to.

    Attributes:
        iri: the entity's IRI.
        label: its preferred label (of its first row).
        types: its types over all its rows (one, in a graph that conforms).
        names: the label, then every alias, each once.
        gold: the id of the gold entity it maps to, or ``None``.
    """

    iri: str
    label: str
    types: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)
    gold: str | None = None


def graph_entities(gold: Gold, rows: Iterable[Row]) -> list[GraphEntity]:
    """Group the ``entities`` rows by IRI and map each entity to a gold entity.

    A graph entity's candidates are the gold entities one of whose names is its label,
    or failing that one of its aliases. Of several, the one of its type wins, then one
    whose preferred label is its label, then the one sharing most names, then the first
    in the gold file.

    Examples:
        >>> from sgcn.graph.evaluate.gold import parse_gold
        >>> gold = parse_gold('''
        ... entities:
        ...   - {id: sce, type: Event, names: [Smart China Expo, SCE]}
        ...   - {id: sce-org, type: Organization, names: [SCE Organizing Committee, SCE]}
        ... ''')
        >>> [e.gold for e in graph_entities(gold, [
        ...     {"entity": "x:1", "label": "SCE", "type": "Organization", "aliases": ""},
        ...     {"entity": "x:2", "label": "SCE", "type": "Event", "aliases": "Smart China Expo"}])]
        ['sce-org', 'sce']
    """
    by_iri: dict[str, GraphEntity] = {}
    for n, row in enumerate(rows):
        key = row["entity"] or f"row {n + 2}"
        entity = by_iri.setdefault(key, GraphEntity(row["entity"], row["label"]))
        entity.types.add(row["type"])
        for name in [row["label"], *row["aliases"].split("|")]:
            name = name.strip()
            if name and name not in entity.names:
                entity.names.append(name)
    index = _gold_names(gold)
    for entity in by_iri.values():
        own = {normalize(n) for n in entity.names} - {""}
        label = normalize(entity.label)
        candidates = index.get(label) or [gid for name in own for gid in index.get(name, [])]

        def preference(gid: str, entity: GraphEntity = entity, own: set[str] = own, label: str = label):
            wanted = gold.entities[gid]
            return (wanted.type not in entity.types, normalize(wanted.label) != label,
                    -len(own & {normalize(n) for n in wanted.names}), wanted.order)

        entity.gold = min(candidates, key=preference, default=None)
    return list(by_iri.values())


def _gold_names(gold: Gold) -> dict[str, list[str]]:
    """Normalized name -> the gold entities going by it, in gold order."""
    index: dict[str, list[str]] = {}
    for entity in gold.entities.values():
        for name in sorted({normalize(n) for n in entity.names} - {""}):
            index.setdefault(name, []).append(entity.id)
    return index


class _Resolver:
    """Maps a label of an answer row to a gold entity id."""

    def __init__(self, gold: Gold, entities: list[GraphEntity]):
        self.gold = gold
        self.gold_names = _gold_names(gold)
        self.names: dict[str, str] = {}
        for entity in entities:  # the graph's labels first, then its aliases
            if entity.gold:
                self.names.setdefault(normalize(entity.label), entity.gold)
        for entity in entities:
            if entity.gold:
                for name in entity.names:
                    self.names.setdefault(normalize(name), entity.gold)

    def __call__(self, label: str) -> str | None:
        name = normalize(label)
        if name in self.names:
            return self.names[name]
        owners = self.gold_names.get(name, [])
        preferred = [gid for gid in owners if normalize(self.gold.entities[gid].label) == name]
        return (preferred or owners or [None])[0]

    def key(self, labels: tuple[str, ...], make: Callable[[list[str]], Hashable],
            rest: tuple = ()) -> tuple[Hashable, str]:
        """The key of a row naming these labels (``""``: none), and why it cannot match.

        :data:`_IGNORED` when one names a gold entity that is not required; when one
        names no gold entity, a key that nothing in the gold has, made of the labels
        (normalized) and the row's ``rest`` (so two such rows are one wrong answer only
        when they say the same).
        """
        ids = [self(label) if label else "" for label in labels]
        if any(gid and not self.gold.required_entity(gid) for gid in ids):
            return _IGNORED, ""
        unknown = [label for label, gid in zip(labels, ids) if gid is None]
        if unknown:
            return ("?", *(normalize(label) for label in labels), *rest), \
                "no gold entity goes by " + ", ".join(f'"{label}"' for label in unknown)
        return make(ids), ""


# --------------------------------------------------------------------------- counting


@dataclass
class _Expected:
    shown: str
    required: bool = False
    sources: list[str] = field(default_factory=list)


@dataclass
class _Claimed:
    shown: str
    reason: str
    sources: list[str] = field(default_factory=list)


class _Ledger:
    """The gold keys a question expects and the keys the graph's rows claim."""

    def __init__(self):
        self.expected: dict[Hashable, _Expected] = {}
        self.claims: list[tuple[Hashable, str, str, str]] = []

    def expect(self, key: Hashable, shown: str, required: bool, source: str = "") -> None:
        """One gold line; the same fact from several lines (sources) is one key."""
        item = self.expected.setdefault(key, _Expected(shown))
        item.required = item.required or required
        if source and source not in item.sources:
            item.sources.append(source)

    def claim(self, key: Hashable, shown: str, reason: str = "", source: str = "") -> None:
        self.claims.append((key, shown, reason, source))

    def close(self, score: QuestionScore, why_missing: Callable[[Hashable], str] = lambda key: "") -> set:
        """Count into ``score``; return the required gold keys the graph found."""
        found: set = set()
        wrong: dict[Hashable, _Claimed] = {}
        for key, shown, reason, source in self.claims:
            if key == _IGNORED:
                continue
            if key in self.expected:
                if self.expected[key].required:
                    found.add(key)
                continue
            claimed = wrong.setdefault(key, _Claimed(shown, reason))
            if source and source not in claimed.sources:
                claimed.sources.append(source)
        missed = [key for key, item in self.expected.items() if item.required and key not in found]
        score.tp, score.fp, score.fn = len(found), len(wrong), len(missed)
        score.missing = sorted(
            (Finding(self.expected[k].shown, tuple(self.expected[k].sources), why_missing(k)) for k in missed),
            key=str)
        score.wrong = sorted((Finding(c.shown, tuple(c.sources), c.reason) for c in wrong.values()), key=str)
        return found


def _or_none(label: str) -> str:
    return label or "(none)"


# --------------------------------------------------------------------------- the questions


def _score_entities(gold: Gold, entities: list[GraphEntity], resolve: _Resolver) -> QuestionScore:
    score, ledger = QuestionScore("entities"), _Ledger()
    for gid, wanted in gold.entities.items():
        ledger.expect(gid, f"{wanted.label} [{wanted.type}]", gold.required_entity(gid))
        ledger.expected[gid].sources = list(wanted.sources)
    first: dict[str, GraphEntity] = {}
    # an entity whose label is its gold entity's preferred label claims it first
    ordered = sorted(entities, key=lambda e: not e.gold or normalize(e.label) != normalize(gold.label(e.gold)))
    for entity in ordered:
        shown = f"{entity.label} [{'/'.join(sorted(entity.types))}]"
        if len(entity.names) > 1:
            shown += "  aka " + " | ".join(entity.names[1:])
        if entity.gold is None:
            ledger.claim(("?", entity.iri, entity.label), shown, "no gold entity goes by any of its names")
        elif gold.required_entity(entity.gold) and entity.gold in first:
            ledger.claim(("second", entity.iri, entity.label), shown,
                         f'a second entity for "{gold.label(entity.gold)}" (the first: "{first[entity.gold].label}")')
        else:
            first.setdefault(entity.gold, entity)
            ledger.claim(entity.gold, shown)

    def why_missing(gid: str) -> str:
        names = {normalize(n) for n in gold.entities[gid].names}
        taken = [e for e in entities if names & {normalize(n) for n in e.names}]
        if taken:
            return "the graph's " + ", ".join(f'"{e.label}"' for e in taken[:3]) + \
                " goes by one of its names but stands for " + \
                ", ".join(f'"{gold.label(e.gold)}"' if e.gold else "nothing in the gold" for e in taken[:3])
        return "no entity of the graph goes by any of its names"

    found = ledger.close(score, why_missing)
    types = labels = 0
    for gid in sorted(found, key=gold.label):
        wanted, entity = gold.entities[gid], first[gid]
        if wanted.type in entity.types:
            types += 1
        else:
            score.details.append(f"type: {wanted.label}: the graph says {'/'.join(sorted(entity.types))}, "
                                 f"the gold {wanted.type}")
        if normalize(entity.label) == normalize(wanted.label):
            labels += 1
        else:
            score.details.append(f'preferred label: the graph says "{entity.label}", the gold "{wanted.label}"')
    score.accuracy = {"type": (types, len(found)), "preferred label": (labels, len(found))}
    return score


def _relation_key(subject: str, relation: str, obj: str) -> tuple[str, str, str]:
    relation = relation.strip()
    if relation == "collaborates_with" and subject > obj:
        subject, obj = obj, subject
    return subject, relation, obj


def _score_relations(gold: Gold, rows: list[Row], resolve: _Resolver) -> QuestionScore:
    score, ledger = QuestionScore("relations"), _Ledger()
    for fact in gold.relations:
        ledger.expect(_relation_key(fact.subject, fact.relation, fact.object),
                      f"{gold.label(fact.subject)} -[{fact.relation}]-> {gold.label(fact.object)}",
                      gold.required((fact.subject, fact.object), fact.source), fact.source)
    between: dict[tuple[str, str], set[str]] = {}
    for subject, relation, obj in ledger.expected:
        between.setdefault((subject, obj), set()).add(relation)
    stated: dict[tuple[str, str], set[str]] = {}
    mapped: set[str] = set()
    for row in rows:
        relation = row["relation"]
        key, reason = resolve.key((row["subject"], row["object"]),
                                  lambda ids: _relation_key(ids[0], relation, ids[1]), (relation,))
        if not reason and key != _IGNORED:
            subject, _, obj = key
            mapped.update((subject, obj))
            stated.setdefault((subject, obj), set()).add(relation.strip())
            other = sorted(between.get((subject, obj), set()) - {relation.strip()})
            other += sorted(f"{r} (the other way round)" for r in between.get((obj, subject), ()))
            reason = "the gold relates them by " + ", ".join(other) if other else ""
        ledger.claim(key, f"{row['subject']} -[{relation}]-> {row['object']}", reason, row["source"])

    def why_missing(key: tuple[str, str, str]) -> str:
        subject, relation, obj = key
        absent = [gold.label(e) for e in (subject, obj) if e and e not in mapped]
        if absent:
            return "no relation of the graph names " + " or ".join(f'"{a}"' for a in absent)
        other = sorted(stated.get((subject, obj), set()) - {relation})
        other += sorted(f"{r} (the other way round)" for r in stated.get((obj, subject), ()))
        return "the graph relates them by " + ", ".join(other) if other else "the graph does not relate them"

    ledger.close(score, why_missing)
    return score


def _score_roles(gold: Gold, rows: list[Row], resolve: _Resolver) -> QuestionScore:
    score, ledger = QuestionScore("roles"), _Ledger()
    gold_titles: dict[tuple[str, str], list[str]] = {}
    for fact in gold.roles:
        key = (fact.person, fact.organization)
        ledger.expect(key, f"{gold.label(fact.person)} @ {gold.label(fact.organization) or '(no organization)'}",
                      gold.required(key, fact.source), fact.source)
        gold_titles.setdefault(key, []).append(fact.role)
    posts: dict[str, list[str]] = {}
    for person, organization in ledger.expected:
        posts.setdefault(person, []).append(gold.label(organization) or "(no organization)")
    graph_titles: dict[Hashable, list[str]] = {}
    graph_posts: dict[str, list[str]] = {}
    for row in rows:
        key, reason = resolve.key((row["person"], row["organization"]), tuple)
        if not reason and key != _IGNORED:
            graph_posts.setdefault(key[0], []).append(row["organization"] or "(no organization)")
            if key not in ledger.expected and (key[0], "") in ledger.expected:
                key = (key[0], "")  # the gold names no organization: any will do
            if key not in ledger.expected and key[0] in posts:
                reason = "the gold has them @ " + ", @ ".join(sorted(posts[key[0]]))
        ledger.claim(key, f"{row['person']} @ {row['organization'] or '(no organization)'}: {row['role']}",
                     reason, row["source"])
        graph_titles.setdefault(key, []).append(row["role"])

    def why_missing(key: tuple[str, str]) -> str:
        elsewhere = graph_posts.get(key[0])
        if elsewhere:
            return "the graph has them @ " + ", @ ".join(sorted(set(elsewhere)))
        return "the graph gives them no post"

    found = ledger.close(score, why_missing)
    overlaps = []
    for key in sorted(found):
        best, graph_title, gold_title = max(
            (word_overlap(a, b), a, b) for a in graph_titles[key] for b in gold_titles[key])
        overlaps.append(best)
        if best < 1:
            score.details.append(f'role text: {ledger.expected[key].shown}: the graph says "{graph_title}", '
                                 f'the gold "{gold_title}" (overlap {best:.2f})')
    score.role_text_overlap = sum(overlaps) / len(overlaps) if overlaps else None
    return score


def _score_events(gold: Gold, rows: list[Row], resolve: _Resolver) -> QuestionScore:
    score, ledger = QuestionScore("events"), _Ledger()
    wanted: dict[str, dict[str, str]] = {}
    for fact in gold.events:
        want = wanted.setdefault(fact.event, {"start": fact.start, "end": fact.end, "place": fact.place})
        when = want["start"] + (f"..{want['end']}" if want["end"] else "")
        ledger.expect(fact.event, f"{gold.label(fact.event)}  {when or '(no date)'}  @ "
                                  f"{gold.label(want['place']) or '-'}", gold.required((fact.event,), fact.source))
    got: dict[Hashable, list[Row]] = {}
    for row in rows:
        key, reason = resolve.key((row["event"],), lambda ids: ids[0])
        if not reason and key != _IGNORED and key not in ledger.expected:
            reason = "the gold does not list it among the events"
        ledger.claim(key, f"{row['event']}  {row['start']}..{row['end']}  @ {row['place'] or '-'}", reason)
        got.setdefault(key, []).append(row)

    def why_missing(gid: str) -> str:
        return "the graph has no event by any of its names"

    found = ledger.close(score, why_missing)
    checks: dict[str, Callable[[str, str], bool]] = {
        "start": same_date,
        "end": same_date,
        "place": lambda label, gid: (resolve(label) if label else "") == gid,
    }
    right = dict.fromkeys(checks, 0)
    for gid in sorted(found, key=gold.label):
        for name, agrees in checks.items():
            # of several rows for one event, those that leave the field empty do not count
            values = {row[name] for row in got[gid]} - {""} or {""}
            if all(agrees(value, wanted[gid][name]) for value in values):
                right[name] += 1
            else:
                told = gold.label(wanted[gid][name]) if name == "place" else wanted[gid][name]
                score.details.append(f"{name}: {gold.label(gid)}: the graph says "
                                     f"{' / '.join(_or_none(v) for v in sorted(values))}, the gold {_or_none(told)}")
    score.accuracy = {name: (right[name], len(found)) for name in checks}
    return score


def _score_figures(gold: Gold, rows: list[Row], resolve: _Resolver) -> QuestionScore:
    score, ledger = QuestionScore("figures"), _Ledger()
    unit_and_qualifier: dict[tuple, tuple[str, str]] = {}
    for fact in gold.figures:
        key = (fact.subject, fact.measure, fact.value)
        qualifier = f"{fact.qualifier} " if fact.qualifier else ""
        ledger.expect(key, f"{gold.label(fact.subject)}  {fact.measure} = {qualifier}{plain_number(fact.value)} "
                           f"{fact.unit}".rstrip(), gold.required((fact.subject,), fact.source), fact.source)
        unit_and_qualifier.setdefault(key, (fact.unit, fact.qualifier))
    values: dict[tuple[str, str], list[float]] = {}
    for subject, measure, value in ledger.expected:
        values.setdefault((subject, measure), []).append(value)
    got: dict[Hashable, list[Row]] = {}
    stated: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        measure, value = row["measure"], to_number(row["value"])

        def make(ids: list[str], measure: str = measure, value: float | None = None, raw: str = row["value"]):
            near = [v for v in values.get((ids[0], measure), []) if value is not None and same_value(value, v)]
            if near:
                return ids[0], measure, min(near, key=lambda v: abs(v - value))
            return ids[0], measure, raw if value is None else value

        key, reason = resolve.key((row["subject"],), lambda ids: make(ids, value=value), (measure, row["value"]))
        if not reason and key != _IGNORED:
            stated.setdefault(key[:2], []).append(row["value"])
            if key not in ledger.expected:
                known = values.get(key[:2])
                reason = ("the value is not a number" if value is None
                          else "the gold has " + ", ".join(plain_number(v) for v in known) if known else "")
        qualifier = f"{row['qualifier']} " if row["qualifier"] else ""
        ledger.claim(key, f"{row['subject']}  {measure} = {qualifier}{row['value']} {row['unit']}".rstrip(),
                     reason, row["source"])
        got.setdefault(key, []).append(row)

    def why_missing(key: tuple) -> str:
        told = stated.get(key[:2])
        return f"the graph has {key[1]} = " + ", ".join(sorted(set(told))) if told else \
            f"the graph has no {key[1]} figure about it"

    found = ledger.close(score, why_missing)
    units = qualifiers = 0
    for key in sorted(found):
        unit, qualifier = unit_and_qualifier[key]
        if any(row["unit"].upper() == unit.upper() for row in got[key]):
            units += 1
        else:
            score.details.append(f"unit: {ledger.expected[key].shown}: the graph says "
                                 + " / ".join(_or_none(row["unit"]) for row in got[key]))
        if any(row["qualifier"].lower() == qualifier.lower() for row in got[key]):
            qualifiers += 1
        else:
            score.details.append(f"qualifier: {ledger.expected[key].shown}: the graph says "
                                 + " / ".join(_or_none(row["qualifier"]) for row in got[key]))
    score.accuracy = {"unit": (units, len(found)), "qualifier": (qualifiers, len(found))}
    return score


def _score_topics(gold: Gold, rows: list[Row], resolve: _Resolver) -> QuestionScore:
    score, ledger = QuestionScore("topics"), _Ledger()
    for fact in gold.topics:
        ledger.expect((fact.subject, normalize(fact.topic)), f"{gold.label(fact.subject)} -> {fact.topic}",
                      gold.required((fact.subject,), fact.source), fact.source)
    tagged: dict[str, list[str]] = {}
    for row in rows:
        topic = normalize(row["topic"])
        key, reason = resolve.key((row["subject"],), lambda ids: (ids[0], topic), (topic,))
        if not reason and key != _IGNORED:
            tagged.setdefault(key[0], []).append(row["topic"])
        ledger.claim(key, f"{row['subject']} -> {row['topic']}", reason, row["source"])

    def why_missing(key: tuple[str, str]) -> str:
        told = tagged.get(key[0])
        return "the graph tags it with " + ", ".join(sorted(set(told))) if told else "the graph gives it no topic"

    ledger.close(score, why_missing)
    return score


_SCORERS = {
    "relations": _score_relations, "roles": _score_roles, "events": _score_events,
    "figures": _score_figures, "topics": _score_topics,
}


def score_answers(gold: Gold, answers: Mapping[str, list[Row]], *, problems: Mapping[str, str] | None = None,
                  graph: str = "") -> Evaluation:
    """Score the rows each contract question returned (a missing question: no rows).

    Args:
        gold: the gold to score against.
        answers: question name -> its rows, each a mapping of the contract's columns to
            strings (``""`` for empty).
        problems: question name -> why its answer could not be had or read; such a
            question is scored as answering nothing right (its F1 is 0).
        graph: what was queried, for the report.
    """
    problems = dict(problems or {})
    entities = graph_entities(gold, answers.get("entities") or [])
    resolve = _Resolver(gold, entities)
    questions = {"entities": _score_entities(gold, entities, resolve)}
    for name, scorer in _SCORERS.items():
        questions[name] = scorer(gold, list(answers.get(name) or []), resolve)
    for name, problem in problems.items():
        if problem:
            questions[name].problem, questions[name].tp, questions[name].fp = problem, 0, 0
    return Evaluation(gold, graph, questions)
