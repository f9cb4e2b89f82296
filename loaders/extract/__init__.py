"""sgcn.loaders.extract: rules that read entities and facts from a Document's text.

The pipeline of one document is :func:`extract`: :func:`~sgcn.loaders.extract.mentions.analyze`
(sentences, entity mentions resolved to entities) and then each rule stage
``find_*(analysis)``. :func:`extract_all` runs it over a corpus and merges the
same entity across documents (:func:`~sgcn.loaders.extract.merge.merge_extractions`).
Nothing here touches rdflib.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext", date="2020-03-05",
    ...     text="Vice Mayor Li Bo of the Chongqing Municipal People's Government visited Singapore.")
    >>> ex = extract(doc)
    >>> [e.label for e in ex.entities]
    ["Chongqing Municipal People's Government", 'Li Bo', 'Singapore']
    >>> sorted({m.entity for m in ex.mentions})[:2]
    ["Organization/chongqing municipal people's government", 'Person/li bo']
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Iterable

from sgcn.loaders.document import Document
from sgcn.loaders.extract import gazetteer
from sgcn.loaders.extract.events import find_event_times
from sgcn.loaders.extract.figures import find_figures
from sgcn.loaders.extract.mentions import analyze
from sgcn.loaders.extract.merge import merge_extractions
from sgcn.loaders.extract.relations import find_relations
from sgcn.loaders.extract.roles import find_roles
from sgcn.loaders.extract.spans import Analysis
from sgcn.loaders.extract.topics import find_topics
from sgcn.loaders.facts import Entity, Evidence, Extraction, Mention, Relation, Role

log = logging.getLogger(__name__)

__all__ = ["analyze", "extract", "extract_all", "merge_extractions"]


def _evidence(analysis: Analysis, start: int, end: int) -> Evidence | None:
    """The (first) sentence holding ``start:end`` as evidence (asked for every mention:
    found by bisection, :meth:`~sgcn.loaders.extract.spans.Analysis.sentence_holding`)."""
    s = analysis.sentence_holding(start, end)
    if s is None:
        return None
    return Evidence(analysis.document.source, s.start, s.end, s.text)


def type_mentions(analysis: Analysis) -> list[Mention]:
    """One :class:`Mention` fact per entity per sentence that names it.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext",
        ...                text="Singapore met China. Singapore left.")
        >>> [(m.entity, m.evidence.quote) for m in type_mentions(analyze(doc))]
        [('Place/china', 'Singapore met China.'), ('Place/singapore', 'Singapore met China.'), ('Place/singapore', 'Singapore left.')]
    """
    found = set()
    for m in analysis.mentions:
        evidence = _evidence(analysis, m.start, m.end)
        if evidence is not None:
            found.add(Mention(m.entity, evidence))
    return sorted(found)


def derived_memberships(roles: Iterable[Role]) -> list[Relation]:
    """A ``member_of`` relation for every role that names an organisation, but a past one.

    Examples:
        >>> ev = Evidence("a.txt", 0, 5, "Hello")
        >>> derived_memberships([Role("Person/a", "CEO", "Organization/b", "2020", ev),
        ...                      Role("Person/a", "Minister", None, "2020", ev),
        ...                      Role("Person/a", "former Chairman", "Organization/c", "2020", ev)])
        [Relation(subject='Person/a', relation='member_of', object='Organization/b', evidence=Evidence(source='a.txt', start=0, end=5, quote='Hello'))]
    """
    return sorted({Relation(r.person, "member_of", r.organization, r.evidence)
                   for r in roles if r.organization and not _past(r.title)})


def _past(title: str) -> bool:
    """Whether a title is a post the person no longer holds ("former Chairman", "then Minister for X")."""
    return title.split(" ", 1)[0].lower() in ("former", "then", "ex-")


def known_organizations(roles: Iterable[Role], entities: dict[str, Entity]) -> tuple[list[Role], list[Entity], list[Mention]]:
    """Roles whose organisation the document does not name but the gazetteer knows.

    "Senior Minister of State for Digital Development and Information Dr A" belongs to
    the Ministry of Digital Development and Information even when the document never
    names it: the roles stage may give the key of a gazetteer body
    (:func:`~sgcn.loaders.extract.lexicon.portfolio_ministry` names it), and the body
    joins the document's entities with the role's sentence as its evidence. A role
    naming a key that is neither the document's nor the gazetteer's loses its
    organisation rather than point at nothing.

    Returns:
        (roles, entities added, their type mentions).

    Examples:
        >>> ev = Evidence("a.txt", 0, 5, "Hello")
        >>> roles, added, _ = known_organizations(
        ...     [Role("Person/a", "Minister", "Organization/ministry of trade and industry", "2020", ev)], {})
        >>> [(e.label, e.aliases) for e in added]
        [('Ministry of Trade and Industry', ('MTI',))]
        >>> known_organizations([Role("Person/a", "Minister", "Organization/nowhere", "2020", ev)], {})[0][0].organization
    """
    from sgcn.loaders.extract.mentions import entity_key

    by_key = {entity_key(e.type, e.label): e for e in gazetteer.entries()}
    kept, added, mentions = [], {}, []
    for role in roles:
        key = role.organization
        if key is None or key in entities:
            kept.append(role)
            continue
        entry = by_key.get(key)
        if entry is None:
            log.warning("%s: role of %s names no known organisation %s", role.evidence.source, role.person, key)
            kept.append(dataclasses.replace(role, organization=None))
            continue
        added.setdefault(key, Entity(key, entry.type, entry.label, tuple(n for n in entry.names if n != entry.label)))
        mentions.append(Mention(key, role.evidence))
        kept.append(role)
    return kept, sorted(added.values()), sorted(set(mentions))


def extract(document: Document) -> Extraction:
    """Everything the rules read from one document.

    Args:
        document: a document as its loader kept it.

    Returns:
        An :class:`~sgcn.loaders.facts.Extraction` with entities, type mentions,
        relations (``member_of`` derived from roles included), roles, event times,
        figures and topics, each fact list sorted.
    """
    analysis = analyze(document)
    found_roles = _stage(find_roles, analysis)  # each stage runs once; later ones read what it found
    stated = _stage(find_relations, analysis, found_roles)
    roles, gazetteer_bodies, body_mentions = known_organizations(found_roles, analysis.entities)
    relations = set(stated) | set(derived_memberships(roles))
    event_times = _stage(find_event_times, analysis, stated)
    figures = _stage(find_figures, analysis, event_times)  # its focus event is one of these
    topics = _stage(find_topics, analysis)
    return Extraction(
        document=document,
        entities=tuple(sorted([*analysis.entities.values(), *gazetteer_bodies])),
        mentions=tuple(sorted({*type_mentions(analysis), *body_mentions})),
        relations=tuple(sorted(relations)),
        roles=tuple(sorted(set(roles))),
        event_times=tuple(sorted(set(event_times))),
        figures=tuple(sorted(set(figures))),
        topics=tuple(sorted(set(topics))),
    )


def _stage(find, analysis: Analysis, *found_before) -> list:
    found = list(find(analysis, *found_before))
    log.debug("%s: %s found %d", analysis.document.source, find.__name__, len(found))
    return found


def extract_all(documents: Iterable[Document]) -> list[Extraction]:
    """Extract every document and merge the same entity across documents.

    Args:
        documents: the corpus, in any order.

    Returns:
        One extraction per document, sorted by source, with global entity keys.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> a = Document(source="a.txt", sha256="0" * 64, format="plaintext",
        ...              text="The Infocomm Media Development Authority (IMDA) spoke.")
        >>> b = Document(source="b.txt", sha256="1" * 64, format="plaintext", text="IMDA spoke.")
        >>> [[e.key for e in x.entities] for x in extract_all([b, a])]
        [['Organization/infocomm media development authority'], ['Organization/infocomm media development authority']]
    """
    extractions = [extract(d) for d in sorted(documents, key=lambda d: d.source)]
    return merge_extractions(extractions)
