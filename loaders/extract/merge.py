"""Merging entities across documents: one key per real entity in a build.

Each document is analysed alone, so the same body may come out under different
names ("Chongqing Connectivity Initiative" here, its full name there). Entities of
the same type are merged when a name of one (label or strong alias) equals a
name of the other; names compare normalized. A body, a framework and a project count
as one type here: a name one document files as a body, another may say is a project
or a framework, and that is what the merged entity is (the facts only a body may have
are dropped from it). A *weak* alias (an honorific and a
surname, "Mr Goh") never merges, so that two people sharing a surname stay apart;
an acronym alias merges only an entity the other document names by that acronym
alone (two documents may define "JIC" for two different committees).
A generic agreement ("letter of intent") named in one document merges with the
one named agreement of the corpus that carries the same words, if there is
exactly one. The merged entity's label is the fullest official name: the
gazetteer's label when one document took it from there, else the longest label,
ties broken alphabetically; every other name becomes an alias. All keys in all
facts are rewritten. :func:`merge_extractions` shows an example.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from sgcn.loaders.extract import company_names, gazetteer, lexicon
from sgcn.loaders.extract.naming import fold, normalize
from sgcn.loaders.facts import Entity, Extraction


def is_weak_alias(name: str) -> bool:
    """Whether ``name`` may not merge entities across documents ("Mr Goh", "the expo").

    A description in lower case alone ("opening ceremony", "videoconference") names a
    different occasion in each document.

    Examples:
        >>> is_weak_alias("Mr Goh"), is_weak_alias("IMDA"), is_weak_alias("Luke Goh")
        (True, False, False)
        >>> is_weak_alias("opening ceremony"), is_weak_alias("opening ceremony of the Expo 2021")
        (True, False)
    """
    words = name.split()
    if words and lexicon.is_honorific(words[0]) and len(words) <= 2:
        return True
    if name == name.lower() and not re.search(r"\d", name):
        return True
    return words[:1] in (["the"], ["this"], ["last"])


def _generic(entity: Entity) -> bool:
    """An agreement named only by its kind ("letter of intent")."""
    return entity.type == "Agreement" and entity.label[:1].islower() and len(entity.label.split()) <= 4


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _best_label(entities: list[Entity]) -> str:
    for e in entities:
        entry = gazetteer.lookup(e.label)
        if entry is not None and entry.label == e.label:
            return e.label
    specific = [e for e in entities if not _generic(e)] or entities
    return max((e.label for e in specific), key=lambda label: (len(label), label.split()[0][:1].isupper(),
                                                               [-ord(c) for c in label]))


def merge_extractions(extractions: list[Extraction]) -> list[Extraction]:
    """The same extractions with one key per real entity across all of them.

    Args:
        extractions: one per document, keys local to each document.

    Returns:
        Extractions in the same order, entities merged and every key rewritten (see
        :func:`merged_entities`).

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> d = Document(source="a.txt", sha256="0" * 64, format="plaintext", text="x")
        >>> a = Extraction(d, entities=(Entity("Initiative/cci", "Initiative", "CCI", ()),))
        >>> b = Extraction(d, entities=(Entity("Initiative/chongqing connectivity initiative", "Initiative",
        ...                "Chongqing Connectivity Initiative", ("CCI",)),))
        >>> [e.key for x in merge_extractions([a, b]) for e in x.entities]
        ['Initiative/chongqing connectivity initiative', 'Initiative/chongqing connectivity initiative']
    """
    merged = merged_entities([x.entities for x in extractions])
    return [rewrite(x, local) for x, local in zip(extractions, merged)]


def rewrite(x: Extraction, merged: dict[str, Entity]) -> Extraction:
    """``x`` with its entities and every key of its facts as :func:`merged_entities` merged them."""
    return _rewrite(x, {old: entity.key for old, entity in merged.items()},
                    {entity.key: entity for entity in merged.values()})


def merged_entities(documents) -> list[dict[str, Entity]]:
    """Per document, each local entity key -> the entity it is merged into across the corpus.

    What :func:`merge_extractions` applies, computed from the entities alone (one
    sequence per document, in document order), so that a build can merge without
    holding every document's facts (``sgcn.graph.rdf.incremental``); :func:`rewrite`
    applies one document's mapping to its extraction.

    Entities are merged in two steps. Named things (bodies, people, places,
    initiatives, series) merge when they share a name. Occurrences (an edition, a
    numbered meeting: entities with an :attr:`~sgcn.loaders.facts.Entity.identity`)
    merge when their identities agree once the entities they are made of are merged:
    the same series (or committee and what it belongs to) and the same year or number,
    however each document names them; two occurrences with different identities never
    merge, whatever their names. An occurrence without an identity merges by name with
    at most one identity.

    Args:
        documents: per document, its entities (keys local to the document).

    Returns:
        Per document, local key -> merged entity. The key of a merged occurrence says
        its identity ("Event/3 joint implementation committee meeting of
        singapore-china (shenzhen) smart city initiative").

    Examples:
        >>> def doc(initiative):
        ...     return (Entity("Organization/jic", "Organization", "Joint Implementation Committee"),
        ...             Entity("Initiative/i", "Initiative", initiative),
        ...             Entity("Event/3rd jic meeting", "Event", "3rd JIC meeting", (),
        ...                    ("Organization/jic", "Initiative/i", "3")))
        >>> merged = merged_entities([doc("CCI"), doc("SCI"), doc("CCI")])
        >>> [local["Event/3rd jic meeting"].key for local in merged]  # doctest: +NORMALIZE_WHITESPACE
        ['Event/3 joint implementation committee meeting of cci',
         'Event/3 joint implementation committee meeting of sci',
         'Event/3 joint implementation committee meeting of cci']
    """
    documents = [list(dict.fromkeys(entities)) for entities in documents]  # the same entity twice changes nothing
    nodes: list[tuple[str, Entity]] = [(_node(i, e.key), e) for i, entities in enumerate(documents) for e in entities]
    entity_of = dict(nodes)
    union = _Union()
    named = [(n, e) for n, e in nodes if not e.identity]
    by_name: dict[tuple[str, str], str] = {}
    for node, e in named:
        union.find(node)
        for name in _merge_names(e):
            slot = (_merge_type(e), fold(name))
            if slot in by_name:
                union.union(by_name[slot], node)
            else:
                by_name[slot] = node
    _merge_generic(named, union)
    _merge_acronyms(named, union)
    _merge_short_forms(named, union)
    identity_of = _occurrences(nodes, union, entity_of)
    occurrence_names: dict[tuple[str, str], list[str]] = {}
    for node, e in nodes:
        if e.identity:
            for name in _merge_names(e):
                occurrence_names.setdefault((e.type, fold(name)), []).append(node)
    for node, e in named:  # an occurrence without an identity of its own joins one by name
        for name in _merge_names(e):
            for other in occurrence_names.get((e.type, fold(name)), ()):
                _join(union, identity_of, other, node)
    groups: dict[str, list[tuple[str, Entity]]] = {}
    for node, e in nodes:
        groups.setdefault(union.find(node), []).append((node, e))
    labels = {root: _best_label([e for _, e in members]) for root, members in groups.items()}
    key_of = {}
    for root, members in groups.items():
        identity = identity_of.get(root, ())
        name = _identity_name(identity, labels, union) if identity else labels[root]
        key_of[root] = f"{_group_type([e for _, e in members])}/{normalize(name)}"
    merged: dict[str, Entity] = {}
    rename: dict[str, str] = {}
    for root, members in sorted(groups.items()):
        entities = [e for _, e in members]
        label, key = labels[root], key_of[root]
        identity = identity_of.get(root, ())
        if identity:  # the parts as the merged entities' keys
            identity = tuple(key_of.get(union.find(p), p) if p else "" for p in identity[1:-1]) + identity[-1:]
        names = {n for e in entities for n in (e.label, *e.aliases)}
        aliases = tuple(sorted({n for n in names if fold(n) != fold(label)}))
        merged[key] = Entity(key, _group_type(entities), label, aliases, identity)
        for node, _ in members:
            rename[node] = key
    return [{e.key: merged[rename[_node(i, e.key)]] for e in entities} for i, entities in enumerate(documents)]


# what a body one document names may be in another, where the text says what it is: a council
# meeting in numbered sessions (an Initiative), a platform or a pilot (a Project)
_BODY_OR_PROGRAMME = ("Organization", "Initiative", "Project")


def _merge_type(e: Entity) -> str:
    """The type under which ``e``'s names merge: a name one document files as a body and another as
    the framework or project its text says it is (a council meeting in numbered sessions,
    :func:`~sgcn.loaders.extract.meetings._bilateral_councils`; "X, a platform that ...",
    :mod:`~sgcn.loaders.extract.described_kinds`) merges across those types; any other
    within its own type.

    Examples:
        >>> _merge_type(Entity("Organization/x", "Organization", "Joint Council for Port Cooperation"))
        'Body or programme'
        >>> _merge_type(Entity("Person/y", "Person", "Port Authority"))
        'Person'
    """
    return "Body or programme" if e.type in _BODY_OR_PROGRAMME else e.type


def _group_type(entities: list[Entity]) -> str:
    """The type of merged entities: what the texts that say what it is call it (an organisation is
    what a name is when a text says nothing), the most of them, Initiative before Project at equal."""
    said = [e.type for e in entities if e.type != "Organization"]
    if not said or any(t not in _BODY_OR_PROGRAMME for t in said):
        return entities[0].type
    return max(sorted(set(said)), key=said.count)


def _node(index: int, key: str) -> str:
    """The node of an entity in the merge: its extraction's index and its local key."""
    return f"{index:06d}\x1f{key}"


@functools.lru_cache(maxsize=1 << 16)
def _merge_names(e: Entity) -> tuple[str, ...]:
    """The names by which ``e`` may merge with another document's entity (worked out once per
    entity: the merge asks for them several times, and an entity recurs in many documents)."""
    names = []
    for name in (e.label, *e.aliases):
        if name != e.label and is_weak_alias(name):
            continue
        if _generic(e) and name != e.label:
            continue
        if name != e.label and (_is_acronym(name) or _acronym_phrase(name)):
            continue  # two documents may spell the same acronym out differently
        names.append(name)
    return tuple(names)


def _occurrences(nodes, union: _Union, entity_of) -> dict[str, tuple[str, ...]]:
    """Merge the occurrences whose identities agree; root -> identity (parts as merged roots)."""
    first: dict[tuple[str, ...], str] = {}
    for node, e in nodes:
        if not e.identity:
            continue
        prefix = node.split("\x1f", 1)[0]
        parts = tuple(union.find(f"{prefix}\x1f{part}") if f"{prefix}\x1f{part}" in entity_of else part
                      for part in e.identity[:-1])
        identity = (e.type, *parts, e.identity[-1])
        union.find(node)
        if identity in first:
            union.union(first[identity], node)
        else:
            first[identity] = node
    return {union.find(node): identity for identity, node in first.items()}


def _join(union: _Union, identity_of: dict[str, tuple[str, ...]], a: str, b: str) -> None:
    """Union two groups unless both are occurrences of different identities."""
    ra, rb = union.find(a), union.find(b)
    if ra == rb:
        return
    ia, ib = identity_of.get(ra), identity_of.get(rb)
    if ia and ib and ia != ib:
        return
    union.union(ra, rb)
    identity_of[union.find(ra)] = ia or ib


def _identity_name(identity: tuple[str, ...], labels: dict[str, str], union: _Union) -> str:
    """A readable name for an occurrence's identity, from the merged labels of its parts.

    An edition reads "<series> <year>"; a meeting "<number> <committee> meeting of <what
    it belongs to>".
    """
    type_, *parts, number = identity
    names = [labels.get(union.find(p), p.split("/", 1)[-1].split("\x1f")[-1]) if p else "" for p in parts]
    series, qualifier = (names + ["", ""])[:2]
    if type_ == "Event" and len(parts) == 2 and parts[1] == "" and re.fullmatch(r"(?:19|20)\d\d", number):
        return f"{series} {number}"
    return f"{number} {series} meeting" + (f" of {qualifier}" if qualifier else "")


def _merge_generic(nodes: list[tuple[str, Entity]], union: _Union) -> None:
    """Merge a generic agreement with the only specific one of the corpus sharing its words."""
    specific = [(n, e) for n, e in nodes if e.type == "Agreement" and not _generic(e)]
    for node, e in nodes:
        if not _generic(e):
            continue
        words = fold(e.label)
        matches = {union.find(n) for n, s in specific if any(words in fold(x) for x in (s.label, *s.aliases))}
        if len(matches) == 1:
            union.union(matches.pop(), node)


def _is_acronym(name: str) -> bool:
    """Whether ``name`` is a bare acronym ("JIC", "CQBDB").

    Examples:
        >>> _is_acronym("JIC"), _is_acronym("IDC Forum"), _is_acronym("TusStar")
        (True, False, False)
    """
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&*.]+s?", name))


def _acronym_phrase(name: str) -> bool:
    """Whether ``name`` is an acronym with only numbers and common words ("4th JIC meeting").

    Such a name is as ambiguous across documents as the acronym alone.

    Examples:
        >>> _acronym_phrase("4th JIC meeting"), _acronym_phrase("IDC Forum"), _acronym_phrase("JIC")
        (True, False, False)
    """
    words = name.split()
    acronyms = [w for w in words if _is_acronym(w)]
    rest = [w for w in words if not _is_acronym(w)]
    return bool(acronyms) and bool(rest) and all(not w[:1].isupper() for w in rest)


def _merge_acronyms(nodes: list[tuple[str, Entity]], union: _Union) -> None:
    """An entity named only by an acronym joins the one entity that spells it out, if unique."""
    for node, e in nodes:
        if not _is_acronym(e.label):
            continue
        owners = {union.find(n) for n, o in nodes if _merge_type(o) == _merge_type(e) and n != node
                  and e.label in o.aliases}
        if len(owners) == 1:
            union.union(owners.pop(), node)


# Types whose names another document may write without the places they open with.
_SHORTENED = ("Organization", "Initiative", "Project", "Agreement", "Event")


def _merge_short_forms(nodes: list[tuple[str, Entity]], union: _Union) -> None:
    """A name one document writes without the places another's opens with is that entity, if unique.

    "the Joint Council for Bilateral Cooperation" in one release and "the China-Singapore
    Joint Council for Bilateral Cooperation" in another are one council (so their 15th
    meetings are one meeting); a short name two fuller ones of the corpus end with
    ("Joint Implementation Committee" of two initiatives) joins neither. A company's short
    name (:func:`~sgcn.loaders.extract.company_names.short_forms`: "Kaiyun Cloud") is the
    company another document names in full.

    Examples:
        >>> union = _Union()
        >>> nodes = [("a", Entity("Organization/x", "Organization", "Joint Council for Bilateral Cooperation")),
        ...          ("b", Entity("Organization/y", "Organization", "China-Singapore Joint Council for Bilateral Cooperation"))]
        >>> _merge_short_forms(nodes, union)
        >>> union.find("a") == union.find("b")
        True
    """
    from sgcn.loaders.extract.coref import _forms, opens_with_places

    places = {n for _, e in nodes if e.type == "Place" for n in (e.label, *e.aliases)}
    by_short: dict[tuple[str, str], set[str]] = {}
    shorts_of: dict[Entity, list[tuple[str, str]]] = {}  # an entity named by many documents is read once

    def shorts(e: Entity) -> list[tuple[str, str]]:
        found = []
        for full in _forms(*_merge_names(e)):  # "X (Shenzhen) Smart City Initiative" read without its brackets too
            for cut in re.finditer(r"[\s-]+", full):
                short = full[cut.end():]
                if len(short.split()) >= 2 and short[:1].isupper() and opens_with_places(full, short, places):
                    found.append((_merge_type(e), fold(short)))
            if e.type == "Organization":  # "Meridian Data Labs" of "Meridian Data Labs Pte Ltd"
                for short in company_names.short_forms(full, places):
                    found.append((_merge_type(e), fold(short)))
        return found

    for node, e in nodes:
        if e.type not in _SHORTENED:
            continue
        if e not in shorts_of:
            shorts_of[e] = shorts(e)
        for slot in shorts_of[e]:
            by_short.setdefault(slot, set()).add(node)
    del shorts_of
    for node, e in nodes:
        if e.type not in _SHORTENED:
            continue
        for name in _merge_names(e):
            fuller = {union.find(n) for n in by_short.get((_merge_type(e), fold(name)), ())} - {union.find(node)}
            if len(fuller) == 1:
                union.union(fuller.pop(), node)
                break


def _rewrite(x: Extraction, rename: dict[str, str], merged: dict[str, Entity]) -> Extraction:
    def k(key):
        return rename.get(key, key) if key is not None else None

    def fix(fact):
        changes = {}
        for f in dataclasses.fields(fact):
            if f.name in ("entity", "subject", "object", "person", "organization", "event"):
                value = getattr(fact, f.name)
                if isinstance(value, str) or value is None:
                    changes[f.name] = k(value)
        return dataclasses.replace(fact, **changes)

    def typed(relation) -> bool:  # a council merged into a framework keeps only what a framework may have
        subject, obj = merged.get(relation.subject), merged.get(relation.object)
        allowed_subject, allowed_object = contract[relation.relation]
        return subject is None or obj is None or subject.type in allowed_subject and obj.type in allowed_object

    def member(role):
        body = merged.get(role.organization) if role.organization is not None else None
        if body is not None and body.type != "Organization":
            return dataclasses.replace(role, organization=None)
        return role

    from sgcn.loaders.extract.relations import contract as relation_contract

    contract = relation_contract()
    entities = tuple(sorted({merged[rename[e.key]] for e in x.entities}))
    return dataclasses.replace(
        x,
        entities=entities,
        mentions=tuple(sorted({fix(m) for m in x.mentions})),
        relations=tuple(sorted(r for r in {fix(r) for r in x.relations} if typed(r))),
        roles=tuple(sorted({member(fix(r)) for r in x.roles})),
        event_times=tuple(sorted({fix(t) for t in x.event_times})),
        figures=tuple(sorted({fix(f) for f in x.figures})),
        topics=tuple(sorted({fix(t) for t in x.topics})),
    )
