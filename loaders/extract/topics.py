"""Tag events, initiatives, agreements and projects with the topics they are about.

The concepts and their names come from the SKOS scheme ``ontology/topics.ttl``
(preferred, alternative and hidden labels); the rules that attach a label found in
a sentence to an entity come from ``topic_rules.yaml``. For each concept label in a
sentence (a spaCy ``PhraseMatcher``: case-blind for words, case-exact for acronyms
such as "AI", "IoT", "eBL"; longest match wins; a plural or singular of the last
word also matches):

1. a label inside the name of an event, initiative, agreement or project tags that
   entity ("the new energy battery management project"); inside any other name
   (a ministry, a bureau, a guide) it is not a topic of the text;
2. otherwise it tags a subject the sentence names: the nearest event, initiative,
   agreement or project before the label (after it, when none comes before),
   passing over one named as background ("held within the framework of X",
   "under X") while another is named;
3. a sentence naming none of them whose subject is a bare pronoun ("It will ...",
   "Using 5G, they aim ...") is about the subject of the sentence before it;
4. any other sentence is about the document's focus: the initiative or event the
   document names most often (the first named, on a tie), which is what a release
   announcing a meeting under a programme, or an expo's edition, keeps returning to.

Everyday words that are concepts too ("trade", "manufacturing", "new energy") only
count where they stand as an item of an enumeration, not as a modifier ("trade
supply chain").

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
    >>> text = "The Forum covered AI and cross-border data flows."
    >>> doc = Document(source="a.txt", text=text, sha256="0" * 64, format="plaintext")
    >>> forum = EntityMention(0, 9, "The Forum", "Event/forum", "Event")
    >>> analysis = Analysis(doc, (Sentence(0, len(text), text),), (forum,), {})
    >>> [(t.subject, t.topic) for t in find_topics(analysis)]
    [('Event/forum', 'artificial-intelligence'), ('Event/forum', 'cross-border-data-flows')]
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from sgcn.loaders.errors import SgcnError
from sgcn.loaders.extract.rel_text import outermost
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import Evidence, TopicTag

log = logging.getLogger(__name__)

SKOS = "http://www.w3.org/2004/02/skos/core#"
TOPIC = "https://w3id.org/sgcn/topic/"
_LABELS = {SKOS + "prefLabel": "pref", SKOS + "altLabel": "alt", SKOS + "hiddenLabel": "hidden"}


class TopicSchemeError(SgcnError):
    """The topic scheme cannot be read."""


@dataclass(frozen=True)
class Concept:
    """A concept of the topic scheme.

    Attributes:
        slug: its local name under ``https://w3id.org/sgcn/topic/``.
        label: its English preferred label.
        labels: every label it may be named by (preferred, alternative, hidden).
    """

    slug: str
    label: str
    labels: tuple[str, ...]


@dataclass(frozen=True, order=True)
class TopicMention:
    """A place in a text that names a concept (offsets into that text)."""

    start: int
    end: int
    slug: str


@lru_cache(maxsize=1)
def load_scheme() -> dict[str, Concept]:
    """The concepts of ``ontology/topics.ttl`` by slug.

    Examples:
        >>> load_scheme()["artificial-intelligence"].label
        'artificial intelligence'
        >>> "AI" in load_scheme()["artificial-intelligence"].labels
        True
    """
    import pyoxigraph

    path = files("sgcn.ontology").joinpath("topics.ttl")
    try:
        quads = list(pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    except (OSError, SyntaxError) as err:
        raise TopicSchemeError(f"cannot read the topic scheme {path}: {err}") from err
    labels: dict[str, dict[str, list[str]]] = {}
    concepts = set()
    for quad in quads:
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        if not isinstance(subject, pyoxigraph.NamedNode) or not subject.value.startswith(TOPIC):
            continue
        slug = subject.value[len(TOPIC):]
        if predicate == SKOS + "inScheme":
            concepts.add(slug)
        kind = _LABELS.get(predicate)
        if kind and isinstance(obj, pyoxigraph.Literal) and obj.language in (None, "en"):
            labels.setdefault(slug, {}).setdefault(kind, []).append(obj.value)
    scheme = {}
    for slug in sorted(concepts):
        named = labels.get(slug, {})
        if len(named.get("pref", [])) != 1:
            raise TopicSchemeError(f"concept {slug!r} needs exactly one English prefLabel")
        every = named["pref"] + sorted(named.get("alt", [])) + sorted(named.get("hidden", []))
        scheme[slug] = Concept(slug, named["pref"][0], tuple(every))
    return scheme


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The attachment rules of ``topic_rules.yaml``."""
    path = files("sgcn.loaders.extract").joinpath("topic_rules.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def is_acronym(label: str) -> bool:
    """Whether ``label`` is matched case-exactly: a single word with capitals inside.

    Examples:
        >>> is_acronym("AI"), is_acronym("IoT"), is_acronym("eBLs"), is_acronym("5G")
        (True, True, True, True)
        >>> is_acronym("Internet of Things"), is_acronym("blockchain")
        (False, False)
    """
    return " " not in label and any(c.isupper() for c in label[1:])


def _variants(label: str) -> set[str]:
    """``label`` with the plural or singular of its last word."""
    head, _, last = label.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = {label}
    if last.endswith("ies"):
        forms.add(prefix + last[:-3] + "y")
    elif last.endswith("s") and not last.endswith("ss"):
        forms.add(prefix + last[:-1])
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms.add(prefix + last[:-1] + "ies")
    else:
        forms.add(prefix + last + "s")
    return forms


@lru_cache(maxsize=1)
def _matchers():
    """The spaCy tokenizer and two phrase matchers: case-blind words, exact acronyms."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    words, acronyms = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for slug, concept in load_scheme().items():
        exact = sorted({label for label in concept.labels if is_acronym(label)})
        blind = sorted({v for label in concept.labels if not is_acronym(label) for v in _variants(label)})
        if exact:
            acronyms.add(slug, [nlp.make_doc(label) for label in exact])
        if blind:
            words.add(slug, [nlp.make_doc(label) for label in blind])
    return nlp, words, acronyms


def find_topic_mentions(text: str) -> list[TopicMention]:
    """Every place ``text`` names a concept of the scheme, longest match first.

    Examples:
        >>> [(m.slug, text[m.start:m.end]) for text in ["IoT, AI and 5G technology."]
        ...  for m in find_topic_mentions(text)]
        [('internet-of-things', 'IoT'), ('artificial-intelligence', 'AI'), ('5g', '5G technology')]
        >>> find_topic_mentions("the ai of it")
        []
    """
    import spacy

    nlp, words, acronyms = _matchers()
    doc = nlp.make_doc(text)
    labels = {}
    for matcher in (words, acronyms):
        for match_id, start, end in matcher(doc):
            labels[(start, end)] = nlp.vocab.strings[match_id]
    kept = spacy.util.filter_spans([doc[start:end] for start, end in labels])
    found = [TopicMention(s.start_char, s.end_char, labels[(s.start, s.end)]) for s in kept]
    return sorted(found)


def is_concept_name(text: str) -> bool:
    """Whether ``text`` is, as a whole, a name of a concept of the scheme ("AI", "Big Data").

    Examples:
        >>> is_concept_name("AI"), is_concept_name("Internet of Things"), is_concept_name("Alibaba")
        (True, True, False)
    """
    return any((m.start, m.end) == (0, len(text)) for m in find_topic_mentions(text))


def _alternation(phrases) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _stands_as_item(text: str, mention: TopicMention) -> bool:
    """Whether a generic concept stands as a whole item ("such as trade, ...")."""
    rules = _rules()
    before = text[:mention.start].rstrip()
    after = text[mention.end:].lstrip()
    opened = re.search(rf"(?:^|(?<=\W)|\b)(?:{_alternation(rules['item_before'])})$", before, re.IGNORECASE)
    closed = not after or re.match(rf"(?:{_alternation(rules['item_after'])})(?:\W|$)", after, re.IGNORECASE)
    return bool(opened) and bool(closed)


def _modifies_head(analysis: Analysis, holder: EntityMention, end: int) -> bool:
    """Whether an everyday word ending at ``end`` names the domain of a described thing.

    A thing named by its description ("a smart logistics platform", "a tourism app")
    is about the noun right before its head; words further in ("new energy battery
    management project") and words of proper names ("Deputy Secretary of Trade") only
    modify.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.spans import Analysis, EntityMention
        >>> text = "a smart logistics platform and a new energy battery project"
        >>> doc = Document(source="a.txt", text=text, sha256="0" * 64, format="plaintext")
        >>> a = Analysis(doc, (), (), {})
        >>> _modifies_head(a, EntityMention(2, 26, "smart logistics platform", "Project/p", "Project"), 17)
        True
        >>> _modifies_head(a, EntityMention(33, 59, "new energy battery project", "Project/q", "Project"), 43)
        False
    """
    words = analysis.document.text[holder.start:holder.end]
    if words != words.lower():
        return False
    return re.fullmatch(r"\s+[a-z][\w-]*", analysis.document.text[end:holder.end]) is not None


def _is_background(sentence: Sentence, mention: EntityMention) -> bool:
    """Whether ``mention`` is named as the background ("under X", "X-supported")."""
    before = sentence.text[:mention.start - sentence.start]
    after = sentence.text[mention.end - sentence.start:]
    phrases = _alternation(_rules()["background"])
    suffixes = _alternation(_rules()["background_suffixes"])
    return (re.search(rf"\b(?:{phrases})\s+(?:the\s+)?$", before, re.IGNORECASE) is not None
            or re.match(rf"-(?:{suffixes})\b", after, re.IGNORECASE) is not None)


def _subject_of(sentence: Sentence, candidates: list[EntityMention], position: int) -> EntityMention | None:
    """The candidate a label at ``position`` (document offset) is about."""
    foreground = [m for m in candidates if not _is_background(sentence, m)] or candidates
    before = [m for m in foreground if m.end <= position]
    if before:
        return before[-1]
    after = [m for m in foreground if m.start >= position]
    return after[0] if after else None


def _pronoun_subject(text: str) -> bool:
    """Whether the sentence's subject is a bare pronoun ("It will", "they aim")."""
    rules = _rules()
    words = re.findall(r"[\w'’-]+", text)[:rules["subject_window"]]
    lowered = [w.lower() for w in words]
    for index, word in enumerate(lowered):
        if word in rules["pronouns"]:
            return True
        if word in rules["demonstratives"] and index + 1 < len(lowered) \
                and lowered[index + 1] in rules["after_demonstrative"]:
            return True
    return False


def _carried_subject(sentence: Sentence, mentions: list[EntityMention],
                     candidates: list[EntityMention], fallback: str | None) -> str | None:
    """What a bare pronoun in the next sentence refers to.

    The narrowest subject the sentence names in the foreground (a project before the
    fund behind it), the first of its kind; when it names none, what the sentence was
    attributed to, unless it names a person, organisation or publication, which the
    pronoun then more likely stands for (no tag).
    """
    if candidates:
        order = _rules()["carry_order"]
        foreground = [m for m in candidates if not _is_background(sentence, m)]
        if not foreground:
            return None
        return min(foreground, key=lambda m: (order.index(m.type) if m.type in order else len(order),
                                              m.start)).entity
    if any(m.type in ("Person", "Organization", "Publication") for m in mentions):
        return None
    return fallback


def _frame_noun(text: str) -> str | None:
    """The kind of entity a sentence's opening common noun names ("Under the MoU," -> Agreement).

    Examples:
        >>> _frame_noun("Under the MoU, both sides will cooperate on AI.")
        'Agreement'
        >>> _frame_noun("The fund will invest in smart grids.")
        'Initiative'
        >>> _frame_noun("The two ministers discussed AI.") is None
        True
    """
    rules = _rules()
    lead = _alternation(rules["frame_lead"])
    determiners = _alternation(rules["frame_determiners"])
    for kind, nouns in rules["frame_nouns"].items():
        pattern = rf"^\s*(?:(?:{lead})\s+)?(?:{determiners})\s+(?:{_alternation(nouns)})(?=[\s,])"
        if re.match(pattern, text, re.IGNORECASE):
            return kind
    return None


def _framed_subject(analysis: Analysis, sentence: Sentence) -> str | None:
    """The entity a sentence framed by a common noun is about: the last of its kind named before.

    "Under the MoU, the two sides will cooperate on e-invoicing": the agreement the
    document named last before this sentence, when the noun's own kind has one.
    """
    kind = _frame_noun(sentence.text)
    if kind is None:
        return None
    before = [m for m in analysis.mentions if m.end <= sentence.start and m.type == kind]
    return before[-1].entity if before else None


def _umbrella(analysis: Analysis, sentence: Sentence) -> str | None:
    """The entity a sentence's work is done under ("Under the partnership, A and B signed ...").

    What is done under an agreement or initiative is within its scope: the topics of
    the sentence are its topics too. Only a leading preposition frames a sentence so
    ("The fund will invest in ..." has the fund as its plain subject).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_lines
        >>> a = analysis_from_lines(["The Harbour Partnership was launched.",
        ...     "Under the partnership, A and B will build an AI lab."],
        ...     {"Harbour Partnership": "Initiative/harbour partnership"})
        >>> _umbrella(a, a.sentences[1]), _umbrella(a, a.sentences[0])
        ('Initiative/harbour partnership', None)
    """
    if not re.match(rf"^\s*(?:{_alternation(_rules()['frame_lead'])})\s", sentence.text, re.IGNORECASE):
        return None
    return _framed_subject(analysis, sentence)


def document_focus(analysis: Analysis) -> str | None:
    """The key of the initiative or event the document names most often.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
        >>> doc = Document(source="a.txt", text="X Y X", sha256="0" * 64, format="plaintext")
        >>> ms = (EntityMention(0, 1, "X", "Event/x", "Event"),
        ...       EntityMention(2, 3, "Y", "Initiative/y", "Initiative"),
        ...       EntityMention(4, 5, "X", "Event/x", "Event"))
        >>> document_focus(Analysis(doc, (Sentence(0, 5, "X Y X"),), ms, {}))
        'Event/x'
    """
    counts = Counter(m.entity for m in analysis.mentions if m.type in ("Initiative", "Event"))
    if not counts:
        return None
    first = {}
    for m in analysis.mentions:
        first.setdefault(m.entity, m.start)
    return min(counts, key=lambda key: (-counts[key], first[key]))


def find_topics(analysis: Analysis) -> list[TopicTag]:
    """Topic tags of the document's events, initiatives, agreements and projects.

    Args:
        analysis: the document with its sentences and resolved mentions.

    Returns:
        One :class:`~sgcn.loaders.facts.TopicTag` per (subject, concept, sentence),
        in text order, with the sentence as evidence.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
        >>> text = "GCI was launched in 2020.\\nIts focus areas are blockchain and trade."
        >>> doc = Document(source="a.txt", text=text, sha256="0" * 64, format="plaintext")
        >>> gci = EntityMention(0, 3, "GCI", "Initiative/gci", "Initiative")
        >>> sentences = (Sentence(0, 25, text[:25]), Sentence(26, len(text), text[26:]))
        >>> [(t.subject, t.topic) for t in find_topics(Analysis(doc, sentences, (gci,), {}))]
        [('Initiative/gci', 'blockchain'), ('Initiative/gci', 'trade')]
    """
    rules = _rules()
    taggable, generic = set(rules["taggable"]), set(rules["generic"])
    focus = document_focus(analysis)
    tags: list[TopicTag] = []
    previous: str | None = focus
    for sentence in analysis.sentences:
        # a series named inside its edition's name is not what the sentence is about
        mentions = outermost(analysis.mentions_in(sentence))
        candidates = [m for m in mentions if m.type in taggable]
        evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
        framed = None if candidates else _framed_subject(analysis, sentence)
        umbrella = _umbrella(analysis, sentence)
        if candidates:
            fallback = None
        elif framed is not None:
            fallback = framed
        elif _pronoun_subject(sentence.text):
            fallback = previous
        else:
            fallback = focus
        for found in find_topic_mentions(sentence.text):
            start, end = sentence.start + found.start, sentence.start + found.end
            holder = next((m for m in mentions if m.start <= start and end <= m.end), None)
            named = holder is not None and holder.type in taggable and _modifies_head(analysis, holder, end)
            if found.slug in generic and not named and not _stands_as_item(sentence.text, found):
                continue
            if holder is not None:
                subject = holder.entity if holder.type in taggable else None
            elif candidates:
                chosen = _subject_of(sentence, candidates, start)
                subject = chosen.entity if chosen else None
            else:
                subject = fallback
            if subject is None:
                continue
            for holder_key in dict.fromkeys([subject, umbrella or subject]):
                tag = TopicTag(subject=holder_key, topic=found.slug, evidence=evidence)
                if tag not in tags:
                    tags.append(tag)
        previous = _carried_subject(sentence, mentions, candidates, fallback)
    log.debug("%d topic tags in %s", len(tags), analysis.document.source)
    return tags
