"""Tag events, initiatives, agreements, projects and publications with the topics they are about.

The concepts and their names come from the SKOS scheme ``ontology/topics.ttl``
(preferred, alternative and hidden labels); the words that say which entity a label
belongs to come from ``topic_rules.yaml`` and ``aboutness.yaml``. For each concept
label in a sentence (a spaCy ``PhraseMatcher``: case-blind for words, case-exact for
acronyms such as "AI", "IoT", "eBL"; longest match wins; a plural or singular of the
last word also matches; "augmented and virtual reality" names both):

1. a label inside the name of an event, initiative, agreement or project tags that
   entity ("the new energy battery management project"); inside any other name (a
   ministry, a company, a bureau) it is no topic of the text;
2. otherwise the sentence's syntax says what the label is about
   (:class:`~sgcn.loaders.extract.aboutness.Reader`): the name the label's phrase
   modifies ("an MOU on AI", "the SCI's focus areas of digital connectivity"), else the
   subject of the clause whose object or complement holds it ("the Blueprint covers
   healthcare"), a pronoun or definite noun standing for what was named before ("It
   collects data from sensors", "The plan spells out cooperation in trade"), the frame
   of a clause whose subject is the two parties ("Under the MOU, the two sides will
   explore ...", "At the meeting, ..."), or the document's focus when nothing frames the
   parties' work. A person's clause, a title ("Minister for Sustainability"), a company's
   name or a passing mention in a clause about something else tags nothing;
3. a clause opened by "Under X," (X an initiative or agreement) also tags X: what is
   done under a programme is within its scope;
4. a heading over prose in an event's report ("## AI governance" over what was agreed
   on it, a fact sheet's run-in "Digital economy. Both sides welcomed ...") is the
   event's, as an item under an event page's "Themes" heading is.

A publication takes the topics its name gives ("the Fintech Outlook 2024"), not the
sentences about it: a report or a guide is what an event released, seldom what a
sentence is about.

The document's focus is the initiative or event it names most often.

Everyday words that are concepts too ("trade", "manufacturing", "new energy") count
only where they head their phrase ("services trade", "cooperation in finance"), not as
a modifier ("trade supply chain"), unless right before the head of a description of
the subject ("a trade and logistics passage"), nor as a word of an unrecognised name
("Minister-in-charge of Trade Relations").

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


from sgcn.loaders.errors import SgcnError
from sgcn.loaders.extract.aboutness import Owner, Reader
from sgcn.loaders.extract.rules import load_rules
from sgcn.loaders.extract.spans import Analysis, EntityMention
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


_TYPES = ("Event", "Initiative", "Agreement", "Project", "Publication")
_SCHEMA = {
    "taggable": {"type": list, "required": True, "items": str, "choices": _TYPES},
    "generic": {"type": list, "required": True, "items": str},
    "carry_order": {"type": list, "required": True, "items": str, "choices": _TYPES},
}


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The rules of ``topic_rules.yaml``, checked against their schema.

    Examples:
        >>> sorted(_rules()["taggable"])
        ['Agreement', 'Event', 'Initiative', 'Project', 'Publication']
    """
    return load_rules(files("sgcn.loaders.extract").joinpath("topic_rules.yaml"), _SCHEMA)


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
    from spacy.matcher import PhraseMatcher

    from sgcn.loaders.extract.nlp import blank

    nlp = blank()
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
        >>> [(m.slug, m.start) for m in find_topic_mentions("augmented and virtual reality")]
        [('augmented-reality', 0), ('virtual-reality', 14)]
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
    taken = {i for s in kept for i in range(s.start, s.end)}
    for span in kept:
        shared = _shared_head(doc, span, taken)
        if shared is not None:
            found.append(shared)
    return sorted(found)


def _shared_head(doc, span, taken: set[int]) -> TopicMention | None:
    """The concept a word coordinated with a label's first word names with the label's
    last words: "augmented [reality] and virtual reality", "digital [economies] and green
    economies"."""
    if len(span) < 2 or span.start < 2 or doc[span.start - 1].lower_ not in ("and", "or", "&"):
        return None
    word = doc[span.start - 2]
    if word.i in taken or not word.is_alpha:
        return None
    nlp, words, acronyms = _matchers()
    phrase = nlp.make_doc(" ".join([word.text] + [t.text for t in span[1:]]))
    for matcher in (words, acronyms):
        for match_id, start, end in matcher(phrase):
            if (start, end) == (0, len(phrase)):
                return TopicMention(word.idx, word.idx + len(word.text), nlp.vocab.strings[match_id])
    return None


def is_concept_name(text: str) -> bool:
    """Whether ``text`` is, as a whole, a name of a concept of the scheme ("AI", "Big Data").

    Examples:
        >>> is_concept_name("AI"), is_concept_name("Internet of Things"), is_concept_name("Alibaba")
        (True, True, False)
    """
    return any((m.start, m.end) == (0, len(text)) for m in find_topic_mentions(text))


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


def _in_a_name(span) -> bool:
    """Whether an everyday word is capitalised inside its sentence: a word of a name or a
    title ("Minister for Trade and Industry", "Trade Relations", "B. TRADE AND ...").

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("Trade grew, said the Minister for Trade, as trade deals rose.")
        >>> [_in_a_name(doc[i:i + 1]) for i in (0, 7, 10)]
        [False, True, False]
    """
    first = span[0]
    return first.text[:1].isupper() and first.i > 0 and not first.is_sent_start


def _in_unread_name(span) -> bool:
    """Whether a label written capitalised inside a sentence runs on into more capitalised
    words: part of a name that recognition did not read ("the Penang-Xiamen Digital Talent
    Bridge"), whose entity is unknown, not the concept of a clause about something else.
    A heading in capitals or in title case, and a label at the end of its name ("cooperation
    in Artificial Intelligence"), are not.

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("They launched the Penang Digital Talent Bridge and talks on Artificial Intelligence.")
        >>> _in_unread_name(doc[5:6]), _in_unread_name(doc[10:12])
        (True, False)
        >>> _in_unread_name(pipeline()("Penang Opens Talent Bridge")[2:3])
        False
    """
    first, after = span[0], span.doc[span.end] if span.end < len(span.doc) else None
    if not first.text[:1].isupper() or first.is_sent_start or after is None:
        return False
    if not (after.is_alpha and after.text[:1].isupper() and not after.is_upper):
        return False
    from sgcn.loaders.extract.names import is_title_case

    return not is_title_case(span.doc.text)  # a heading in title case capitalises every word


def _innermost(analysis: Analysis, holding: list[EntityMention]) -> EntityMention | None:
    """The name a label's words belong to: the innermost of the names holding them, but an
    edition's rather than its series' ("Smart City Expo 2022" holds "Smart City Expo"), and
    the whole name rather than a shorter reading of its first words of the same type ("MOU
    on AI Safety Testing" holds "MOU on AI")."""
    ordered = sorted(holding, key=lambda m: m.end - m.start)
    for mention in ordered:
        outer = [m for m in ordered if m.end - m.start > mention.end - mention.start]
        if not any(getattr(analysis.entities.get(m.entity), "identity", ())[:1] == (mention.entity,)
                   or (m.start == mention.start and m.type == mention.type) for m in outer):
            return mention
    return ordered[-1] if ordered else None


def _stands_alone(span) -> bool:
    """Whether an everyday word heads its phrase rather than modifying another noun.

    "cooperation in finance, trade and education", "services trade": it does; "the trade
    supply chain", "manufacturing know-how": it does not, unless it stands right before
    the head of a description ("The corridor, a trade and logistics passage, ...").
    """
    if _in_a_name(span):
        return False
    root = span.root
    if len(span) == 1 and root.pos_ == "ADJ":
        return True  # an adjective names its noun's domain: "educational exchanges"
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "finance, trade and education": as the first item stands
    if root.dep_ not in ("compound", "amod", "nmod"):
        return True
    head = root.head
    inside = {t.i for t in span}
    if head.i in inside:
        return True
    last = max([root.i, span[-1].i] + [c.i for c in root.conjuncts])
    return head.dep_ in ("appos", "attr") and head.i == last + 1


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
    councils = analysis.once(council_sessions)  # a council is named for what it does, not as the story's subject
    current = _current_editions(analysis)
    counts = Counter(current.get(m.entity, m.entity) for m in analysis.mentions
                     if m.type in ("Initiative", "Event") and m.entity not in councils)
    if not counts:
        return None
    first = {}
    for m in analysis.mentions:
        first.setdefault(m.entity, m.start)
    return min(counts, key=lambda key: (-counts[key], first[key]))


def _current_editions(analysis: Analysis) -> dict[str, str]:
    """Each series -> its edition of the document's year, where the document names one: what
    "the Dialogue" of a release on this year's dialogue stands for when the story's subject
    is counted ("Fifth Digital Policy Dialogue" in the headline, "the Dialogue" after).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> import dataclasses
        >>> a = analysis_from_markup("The [Port Forum 2025|Event] opened. The [Port Forum|Event] began in 2020.",
        ...                          date="2025-05-01")
        >>> e = a.entities["Event/port forum 2025"]
        >>> a.entities["Event/port forum 2025"] = dataclasses.replace(e, identity=("Event/port forum", "", "2025"))
        >>> _current_editions(a)
        {'Event/port forum': 'Event/port forum 2025'}
    """
    year = (analysis.document.date or "")[:4]
    if not year.isdigit():
        return {}
    return {identity[0]: key for key, e in analysis.entities.items()
            if e.type == "Event" and len(identity := getattr(e, "identity", ())) == 3 and identity[2] == year
            and identity[0] != key}


def council_sessions(analysis: Analysis) -> dict[str, str]:
    """Each council that meets in numbered sessions (filed as an initiative, see
    :func:`~sgcn.loaders.extract.meetings._bilateral_councils`) -> its session the document names
    most (the first of equals): what "the Council agreed to deepen cooperation in finance" is about
    in a story of its 15th meeting is that meeting.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [6th Port Council meeting|Event] opened. "
        ...     "The [Port Council|Initiative] agreed on AI.")
        >>> meeting = a.entities["Event/6th port council meeting"]
        >>> a.entities["Event/6th port council meeting"] = type(meeting)(meeting.key, meeting.type,
        ...     meeting.label, meeting.aliases, ("Initiative/port council", "", "6"))
        >>> council_sessions(a)
        {'Initiative/port council': 'Event/6th port council meeting'}
    """
    counts = Counter(m.entity for m in analysis.mentions)
    first: dict[str, int] = {}
    for m in analysis.mentions:
        first.setdefault(m.entity, m.start)
    sessions: dict[str, list[str]] = {}
    for entity in analysis.entities.values():
        identity = getattr(entity, "identity", ())
        council = analysis.entities.get(identity[0]) if len(identity) == 3 and identity[2].isdigit() else None
        if entity.type == "Event" and council is not None and council.type == "Initiative":
            sessions.setdefault(council.key, []).append(entity.key)
    return {council: min(keys, key=lambda k: (-counts[k], first.get(k, 0), k)) for council, keys in sessions.items()}


def says_what_it_is(token) -> bool:
    """Whether the clause holding ``token`` says what its subject is or does as a rule:
    its first finite verb up the parse is in the simple present with no auxiliary
    ("the Council is a platform to deepen cooperation in X", "the Council oversees X"),
    not what was done or will be done on an occasion ("the Council agreed to deepen
    cooperation in X", "the Council will focus on X").

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> def finance(text):
        ...     return says_what_it_is(next(t for t in pipeline()(text) if t.text == "finance"))
        >>> finance("Set up in 2001, the Port Council is a forum for the two cities to deepen cooperation in finance.")
        True
        >>> finance("The Port Council oversees cooperation in finance.")
        True
        >>> finance("The Port Council agreed to deepen cooperation in finance.")
        False
        >>> finance("The Port Council will deepen cooperation in finance.")
        False
    """
    verb = _finite_verb(token)
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and not _auxiliaries(verb)


def _finite_verb(token):
    """The first finite verb up the parse from ``token`` (one with a tense or an auxiliary), else ``None``."""
    node, seen = token, set()
    while node.i not in seen:
        seen.add(node.i)
        if node.pos_ in ("VERB", "AUX") and (node.tag_ in ("VBZ", "VBP", "VBD", "MD") or _auxiliaries(node)):
            return node
        node = node.head
    return None


def _auxiliaries(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]


def _whole_event(analysis: Analysis) -> dict[str, str]:
    """Event key -> the event its topics belong to, where that is another.

    An occasion named by its kind ("the opening ceremony of the 2027 Harbour Fair": what
    was signed there, "covering X and Y") is part of the event it names; a series the
    document counts ("the third Harbour Fair") stands for the edition it names, or for
    the one it is about (its focus) when it names several.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Harbour Fair 2027|Event] opened. At the "
        ...     "[opening ceremony of the Harbour Fair 2027|Event], deals were signed.")
        >>> _whole_event(a)
        {'Event/opening ceremony of the harbour fair 2027': 'Event/harbour fair 2027'}
    """
    from sgcn.loaders.extract import lexicon

    events = [e for e in analysis.entities.values() if e.type == "Event"]
    editions: dict[str, list[str]] = {}
    for e in events:
        identity = getattr(e, "identity", ())
        if identity and identity[0] != e.key:
            editions.setdefault(identity[0], []).append(e.key)
    text = analysis.document.text
    counted = {m.entity for m in analysis.mentions if m.entity in editions
               and _ordinal_before(text[max(0, m.start - 20):m.start])}
    focus = document_focus(analysis)
    whole = {series: keys[0] if len(keys) == 1 else focus for series, keys in editions.items()
             if series in counted and (len(keys) == 1 or focus in keys)}
    for e in events:
        kind = next((k for k in lexicon.occasions() if e.label.lower().startswith(k + " of ")), None)
        if kind is None:
            continue
        named = e.label[len(kind) + 4:]
        named = named[4:] if named.startswith("the ") else named
        owner = next((o.key for o in events if o.key != e.key and named in (o.label, *o.aliases)), None)
        if owner is not None:
            whole[e.key] = whole.get(owner, owner)
    return whole


def _ordinal_before(text: str) -> bool:
    """Whether ``text`` ends with an ordinal word ("the third ", "the 10th ").

    Examples:
        >>> _ordinal_before("at the third "), _ordinal_before("the 10th "), _ordinal_before("the annual ")
        (True, True, False)
    """
    from sgcn.loaders.extract.aboutness import rules as words
    from sgcn.loaders.extract.editions import _ORDINAL

    firsts = "|".join(words()["first_words"])
    return re.search(rf"\b(?:{_ORDINAL}|{firsts})\s+$", text, re.IGNORECASE) is not None


def _another_edition(analysis: Analysis, key: str, focus: str | None) -> bool:
    """Whether ``key`` is an edition of the series of ``focus``, an edition too, but not it
    (a report on the 2025 fair naming "the fourth fair next year").

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> import dataclasses
        >>> a = analysis_from_markup("The [Trade Fair 2025|Event] opened. [Penang|Place] hosts the [Trade Fair 2026|Event].")
        >>> ids = {"Event/trade fair 2025": ("Event/trade fair", "", "2025"), "Event/trade fair 2026": ("Event/trade fair", "", "2026")}
        >>> a = dataclasses.replace(a, entities={k: dataclasses.replace(e, identity=ids.get(k, ())) for k, e in a.entities.items()})
        >>> _another_edition(a, "Event/trade fair 2026", "Event/trade fair 2025"), _another_edition(a, "Event/trade fair 2025", "Event/trade fair 2025")
        (True, False)
    """
    if focus is None or key == focus:
        return False
    mine = getattr(analysis.entities.get(key), "identity", ())
    theirs = getattr(analysis.entities.get(focus), "identity", ())
    return bool(mine) and bool(theirs) and mine[0] == theirs[0] and mine[0] != key


def programme_of(analysis: Analysis, event: str | None) -> str | None:
    """The programme a meeting is a meeting of, when its name holds the programme's name
    ("the 11th Joint Committee of the Harbour Initiative meeting": the Harbour Initiative):
    what the parties say of their cooperation in its report, unframed, is about it.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Harbour Initiative|Initiative] turns five. The "
        ...     "[11th Joint Committee of the Harbour Initiative meeting|Event] was held in May.")
        >>> programme_of(a, "Event/11th joint committee of the harbour initiative meeting")
        'Initiative/harbour initiative'
    """
    entity = analysis.entities.get(event) if event else None
    if entity is None or entity.type != "Event":
        return None
    named = {m.entity for m in analysis.mentions if m.type == "Initiative"}
    label = entity.label.lower()
    for key in sorted(named):
        programme = analysis.entities.get(key)
        if programme is not None and any(name.lower() in label for name in (programme.label, *programme.aliases)
                                         if len(name) > 3):
            return key
    return None


def find_topics(analysis: Analysis) -> list[TopicTag]:
    """Topic tags of the document's events, initiatives, agreements and projects.

    Args:
        analysis: the document with its sentences, resolved mentions and parses
            (a sentence the analysis holds no parse of is parsed here).

    Returns:
        One :class:`~sgcn.loaders.facts.TopicTag` per (subject, concept, sentence),
        in text order, with the sentence as evidence.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[GCI|Initiative] was launched in 2020. "
        ...     "Its focus areas are blockchain and trade.")
        >>> [(t.subject, t.topic) for t in find_topics(a)]
        [('Initiative/gci', 'blockchain'), ('Initiative/gci', 'trade')]
    """
    rules = _rules()
    taggable, generic = set(rules["taggable"]), set(rules["generic"])
    focus = document_focus(analysis)
    reader = Reader(analysis, rules["carry_order"], focus=focus, work=programme_of(analysis, focus))
    sessions = analysis.once(council_sessions)
    whole = _whole_event(analysis)
    tags: list[TopicTag] = []
    seen: set[TopicTag] = set()  # the tags so far, as a set: a list's `in` made long documents quadratic
    for sentence in analysis.sentences:
        found_here = find_topic_mentions(sentence.text)
        if not found_here:
            continue
        mentions = analysis.mentions_in(sentence)
        parsed = reader.parsed(sentence)
        evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
        for found in found_here:
            start, end = sentence.start + found.start, sentence.start + found.end
            holding = [m for m in mentions if m.start <= start and end <= m.end]
            if any(m.type not in taggable for m in holding):
                continue  # a word of a ministry's, a company's or a person's name
            holder = _innermost(analysis, holding)
            span = parsed.span(start, end)
            if span is None or len(span) == 0:
                continue
            if found.slug in generic and not (_modifies_head(analysis, holder, end) if holder
                                              else _stands_alone(span)):
                continue
            if holder is None and _in_unread_name(span):
                continue  # "launched the Penang-Xiamen Digital Talent Bridge": a name not read as one
            if holder is not None:
                if _another_edition(analysis, holder.entity, focus):
                    continue  # "... will host the fourth X Trade Fair next year": the series' words
                owner = Owner(holder.entity, "name")
            else:
                owner = reader.owner(sentence, span.root, skip=[t.i for t in span])
                if owner.entity is None:
                    owner = reader.theme_item(sentence)
                if owner.entity is None:
                    owner = reader.section_heading(sentence)
            umbrella = owner.umbrella or (reader.umbrella(sentence) if owner.entity else None)
            # a council or a series said to be what it is ("the Council is a platform for X") is
            # itself, not its session or edition the story reports
            described = owner.how == "subject" and says_what_it_is(span.root) and (
                owner.entity in sessions or owner.entity in whole and _finite_verb(span.root).lemma_ == "be")
            subjects = [s if s == owner.entity and described else whole.get(sessions.get(s, s), sessions.get(s, s))
                        for s in (owner.entity, umbrella) if s]
            for subject in dict.fromkeys(subjects):
                tag = TopicTag(subject=subject, topic=found.slug, evidence=evidence)
                if tag not in seen:
                    seen.add(tag)
                    tags.append(tag)
    log.debug("%d topic tags in %s", len(tags), analysis.document.source)
    return tags
