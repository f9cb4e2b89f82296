"""Merging entities across documents: one key per real entity in a build.

Each document is analysed alone, so the same body may come out under different
names ("Chongqing Connectivity Initiative" here, its full name there). Entities of
the same type are merged when a name of one (label or strong alias) equals a
name of the other; names compare normalized. A *weak* alias (an honorific and a
surname, "Mr Goh") never merges, so that two people sharing a surname stay apart;
an acronym alias merges only an entity the other document names by that acronym
alone (two documents may define "JIC" for two different committees).
A generic agreement ("letter of intent") named in one document merges with the
one named agreement of the corpus that carries the same words, if there is
exactly one. The merged entity's label is the fullest official name: the
gazetteer's label when one document took it from there, else the longest label,
ties broken alphabetically; every other name becomes an alias. All keys in all
facts are rewritten.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.facts import Entity, Extraction
    >>> d = Document(source="a.txt", sha256="0" * 64, format="plaintext", text="x")
    >>> a = Extraction(d, entities=(Entity("Initiative/cci", "Initiative", "CCI", ()),))
    >>> b = Extraction(d, entities=(Entity("Initiative/chongqing connectivity initiative", "Initiative",
    ...                "Chongqing Connectivity Initiative", ("CCI",)),))
    >>> [e.key for x in merge_extractions([a, b]) for e in x.entities]
    ['Initiative/chongqing connectivity initiative', 'Initiative/chongqing connectivity initiative']
"""

from __future__ import annotations

import dataclasses
import re

from sgcn.loaders.extract import gazetteer, lexicon
from sgcn.loaders.facts import Entity, Extraction


def _norm(name: str) -> str:
    name = name.replace("’", "'").replace("‘", "'").lower()
    return re.sub(r"[^\w']+", " ", name).strip()


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
        Extractions in the same order, entities merged and every key rewritten.
    """
    merged = merged_entities(e for x in extractions for e in x.entities)
    return [rewrite(x, merged) for x in extractions]


def merged_entities(entities) -> dict[str, Entity]:
    """Each document-local entity key -> the entity it is merged into across the corpus.

    What :func:`merge_extractions` computes, from the entities alone (in document
    order), so that a build can merge without holding every document's facts
    (``sgcn.graph.rdf.incremental``); :func:`rewrite` applies it to one extraction.

    Examples:
        >>> a = Entity("Initiative/cci", "Initiative", "CCI", ())
        >>> b = Entity("Initiative/chongqing connectivity initiative", "Initiative",
        ...            "Chongqing Connectivity Initiative", ("CCI",))
        >>> merged_entities([a, b])["Initiative/cci"].key
        'Initiative/chongqing connectivity initiative'
    """
    all_entities = list(dict.fromkeys(entities))  # the same entity twice changes nothing
    union = _Union()
    by_name: dict[tuple[str, str], str] = {}
    for e in all_entities:
        union.find(e.key)
        for name in (e.label, *e.aliases):
            if name != e.label and is_weak_alias(name):
                continue
            if _generic(e) and name != e.label:
                continue
            if name != e.label and (_is_acronym(name) or _acronym_phrase(name)):
                continue  # two documents may spell the same acronym out differently
            slot = (e.type, _norm(name))
            if slot in by_name:
                union.union(by_name[slot], e.key)
            else:
                by_name[slot] = e.key
    _merge_generic(all_entities, union)
    _merge_acronyms(all_entities, union)
    groups: dict[str, list[Entity]] = {}
    for e in all_entities:
        groups.setdefault(union.find(e.key), []).append(e)
    merged: dict[str, Entity] = {}
    rename: dict[str, str] = {}
    for members in groups.values():
        type_ = members[0].type
        label = _best_label(members)
        key = f"{type_}/{_norm_key(label)}"
        names = {n for e in members for n in (e.label, *e.aliases)}
        aliases = tuple(sorted({n for n in names if _norm(n) != _norm(label)}))
        merged[key] = Entity(key, type_, label, aliases)
        for e in members:
            rename[e.key] = key
    return {old: merged[new] for old, new in rename.items()}


def rewrite(x: Extraction, merged: dict[str, Entity]) -> Extraction:
    """``x`` with its entities and every key of its facts as :func:`merged_entities` merged them."""
    return _rewrite(x, {old: entity.key for old, entity in merged.items()},
                    {entity.key: entity for entity in merged.values()})


def _norm_key(label: str) -> str:
    return re.sub(r"\s+", " ", label.replace("’", "'").replace("‘", "'")).strip().lower()


def _merge_generic(entities: list[Entity], union: _Union) -> None:
    """Merge a generic agreement with the only specific one of the corpus sharing its words."""
    specific = [e for e in entities if e.type == "Agreement" and not _generic(e)]
    for e in entities:
        if not _generic(e):
            continue
        words = _norm(e.label)
        matches = {union.find(s.key) for s in specific
                   if any(words in _norm(n) for n in (s.label, *s.aliases))}
        if len(matches) == 1:
            union.union(matches.pop(), e.key)


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


def _merge_acronyms(entities: list[Entity], union: _Union) -> None:
    """An entity named only by an acronym joins the one entity that spells it out, if unique."""
    for e in entities:
        if not _is_acronym(e.label):
            continue
        owners = {union.find(o.key) for o in entities
                  if o.type == e.type and o.key != e.key and e.label in o.aliases}
        if len(owners) == 1:
            union.union(owners.pop(), e.key)


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

    entities = tuple(sorted({merged[rename[e.key]] for e in x.entities}))
    return dataclasses.replace(
        x,
        entities=entities,
        mentions=tuple(sorted({fix(m) for m in x.mentions})),
        relations=tuple(sorted({fix(r) for r in x.relations})),
        roles=tuple(sorted({fix(r) for r in x.roles})),
        event_times=tuple(sorted({fix(t) for t in x.event_times})),
        figures=tuple(sorted({fix(f) for f in x.figures})),
        topics=tuple(sorted({fix(t) for t in x.topics})),
    )
