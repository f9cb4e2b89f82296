"""What a phrase is about: the entity a topic or a figure attaches to, read from the parse.

Topics (:mod:`~sgcn.loaders.extract.topics`) and figures
(:mod:`~sgcn.loaders.extract.figures`) both ask, for a word of a sentence, which entity
the sentence says it is about. The answer comes from the dependency parse, not from
the nearest name:

1. **The noun phrase.** From the word, climb through the phrase that holds it
   (modifiers, prepositions, appositions, coordinations, "the SCI's focus areas of X",
   "a forum focusing on X"): a name met on the way owns the word ("the MOU on AI", "the
   Fund, with a budget of S$12 million"), unless the word is only coordinated with it
   ("cooperation under the BRI, trade and finance" is not about the BRI). A person's or
   an organisation's name owns it too, for nothing: a title ("Minister for
   Sustainability") or a company name says nothing of what the text is about.
2. **The clause.** When the phrase is an argument of a verb, the clause's subject
   decides (found through passives, shared subjects, relative and participle clauses):
   a name; a pronoun, which stands for what the sentence before was about; a definite
   common noun, which stands for the last entity named before that it names ("the
   Blueprint", "the corridor", "the MoU"); what meetings produce ("the pacts", "13
   projects"), which belongs to the programme or occasion they were concluded under or
   at; the two parties ("the two sides", "Singapore and Shenzhen") or an organisation,
   whose work is about what frames it; a person, who is about nothing.
3. **The frame.** A prepositional phrase on the clause's verb, or on a verb it depends
   on, names an occasion ("at the meeting") or a programme ("under the MOU", "within the
   framework of the SCI") that the clause's work is about when its subject is not.

The words of the genre these rules read (frames, party nouns, pronouns, kind nouns)
live in ``aboutness.yaml``, checked against a schema when loaded.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("[Acme|Organization] and [Beta|Organization] signed the [Data Pact|Agreement]. "
    ...     "Besides ports, the pact covers other fields such as healthcare.")
    >>> reader = Reader(a, ("Agreement", "Event", "Initiative", "Project"))
    >>> second = a.sentences[1]
    >>> token = reader.parsed(second).token_at(second.start + second.text.index("healthcare"))
    >>> reader.owner(second, token).entity
    'Agreement/data pact'
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Iterable

from sgcn.loaders.extract.rules import load_rules

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sgcn.loaders.extract.nlp import Parsed
    from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence

_WORDS = {"type": list, "items": str}
_SCHEMA = {
    "frames": {"type": dict, "required": True, "keys": {
        "occasion": {**_WORDS, "required": True}, "programme": {**_WORDS, "required": True}}},
    "party_nouns": {**_WORDS, "required": True},
    "focus_nouns": _WORDS,
    "pronouns": {**_WORDS, "required": True},
    "personal_pronouns": {**_WORDS, "required": True},
    "kind_nouns": {"type": dict, "required": True, "values": _WORDS},
    "product_nouns": {**_WORDS, "required": True},
    "list_openers": {**_WORDS, "required": True},
    "noun_frames": {**_WORDS, "required": True},
    "attributions": {**_WORDS, "required": True},
    "topic_prepositions": {**_WORDS, "required": True},
    "speech_verbs": {**_WORDS, "required": True},
    "first_words": {**_WORDS, "required": True},
    "share_words": {**_WORDS, "required": True},
    "vehicle_nouns": {**_WORDS, "required": True},
    "theme_headings": {**_WORDS, "required": True},
    "occurrence_years": {"type": dict, "values": {"type": int}},
}


@functools.cache
def rules() -> dict:
    """The words of ``aboutness.yaml``, checked against their schema.

    Examples:
        >>> "side" in rules()["party_nouns"], rules()["frames"]["occasion"][0]
        (True, 'at')
    """
    return load_rules(files("sgcn.loaders.extract").joinpath("aboutness.yaml"), _SCHEMA)


@functools.cache
def _frame_phrases() -> dict[str, str]:
    """Each frame phrase (articles left out) -> its kind, ``occasion`` or ``programme``."""
    return {" ".join(phrase.lower().split()): kind
            for kind in ("occasion", "programme") for phrase in rules()["frames"][kind]}


@functools.cache
def _kind_of_noun() -> dict[str, str]:
    return {noun.lower(): kind for kind, nouns in rules()["kind_nouns"].items() for noun in nouns}


# dependencies that keep a word inside the noun phrase of its head
_NOMINAL = frozenset({"compound", "amod", "nmod", "appos", "pobj", "pcomp", "prep", "poss", "nummod",
                      "npadvmod", "quantmod", "det", "case", "dep", "punct", "cc", "predet", "advmod",
                      "dobj", "attr", "conj", "oprd", "agent", "dative"})
# dependencies of a clause on the word it hangs from
_CLAUSAL = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "csubj", "parataxis", "relcl", "acl"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "our"})


@dataclass(frozen=True)
class Owner:
    """What a word is about.

    Attributes:
        entity: the key of the entity, or ``None`` (about nothing the caller can hold).
        how: how it was found: ``name`` (a name holds the phrase), ``subject`` (the
            clause's subject), ``frame`` (a phrase framing the clause), ``antecedent``
            (a pronoun or common noun standing for something named before), ``focus``
            (the document's focus), or ``none``.
        umbrella: a programme a leading "Under X," frame puts the whole sentence under.
    """

    entity: str | None
    how: str = "none"
    umbrella: str | None = None


_NOBODY = Owner(None)


def _meetings_by_body(analysis: "Analysis") -> dict[str, list[tuple[str, tuple]]]:
    """The events with an identity (occurrences: meetings, editions) by what they are of
    (``identity[0]``), with their identity; once per analysis, for :meth:`Reader._meeting_of`."""
    found: dict[str, list[tuple[str, tuple]]] = {}
    for key, e in analysis.entities.items():
        identity = getattr(e, "identity", ())
        if e.type == "Event" and identity:
            found.setdefault(identity[0], []).append((key, identity))
    return found


def _kept(method):
    """Remember what a :class:`Reader` method answered, per reader and arguments.

    The answers are held by the reader and dropped with it, one document's worth
    (``functools.cache`` on a method holds every reader, with its analysis and parses,
    for the life of the process: a build worker's memory grew with each document).
    """
    name = method.__name__

    @functools.wraps(method)
    def kept(self, *args):
        answers = self.__dict__.setdefault("_answers", {})
        key = (name, *args)
        if key not in answers:
            answers[key] = method(self, *args)
        return answers[key]

    return kept


class Reader:
    """Reads, for one document, what the words of its sentences are about.

    Args:
        analysis: the document (sentences, mentions, parses).
        types: the entity types a word can be about, in order of preference when a
            pronoun stands for one of several (e.g. topics: projects before events).
        focus: what a sentence of the two parties or of an organisation is about when
            nothing frames it (the document's focus), or ``None``.
        actors_fall_back: whether a clause whose subject is an organisation is about
            a name the sentence gives, or the focus, when nothing frames it.
        work: what the parties' or an organisation's work is about when nothing frames
            it, if not the focus (a meeting's report: the programme it is a meeting of).
    """

    def __init__(self, analysis: "Analysis", types: Iterable[str], *, focus: str | None = None,
                 actors_fall_back: bool = True, work: str | None = None) -> None:
        self.analysis = analysis
        self.types = tuple(types)
        self.focus = focus
        self.work = work or focus
        self.actors_fall_back = actors_fall_back
        self._index = {s: i for i, s in enumerate(analysis.sentences)}
        self._topics: dict[int, str | None] = {}

    # ------------------------------------------------------------ the parse
    @_kept
    def parsed(self, sentence: "Sentence") -> "Parsed":
        """The parse of ``sentence`` (parsed here when the analysis holds none)."""
        found = self.analysis.parsed(sentence)
        if found is None:
            from sgcn.loaders.extract.nlp import parse

            found = parse([sentence])[0]
        return found

    @functools.cached_property
    def _first_named(self) -> int:
        """Where the focus is first named (the end of the text when it never is)."""
        return min((m.start for m in self.analysis.mentions if m.entity == self.focus),
                   default=len(self.analysis.document.text))

    @functools.cached_property
    def _by_end(self) -> tuple[list[int], list["EntityMention"]]:
        """The mentions of the reader's types by end, then length (text order among equals), and their ends."""
        ordered = sorted((m for m in self.analysis.mentions if m.type in self.types),
                         key=lambda m: (m.end, m.end - m.start))
        return [m.end for m in ordered], ordered

    @functools.cached_property
    def _by_head(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Where in :attr:`_by_end`'s order the mentions of each head word (:func:`_head_word`)
        and of each type stand, ascending: the last before an offset by bisection."""
        heads: dict[str, list[int]] = {}
        types: dict[str, list[int]] = {}
        for at, m in enumerate(self._by_end[1]):
            heads.setdefault(_head_word(m.text), []).append(at)
            types.setdefault(m.type, []).append(at)
        return heads, types

    @_kept
    def _mentions(self, sentence: "Sentence") -> tuple["EntityMention", ...]:
        return tuple(self.analysis.mentions_in(sentence))

    @_kept
    def _holders(self, sentence: "Sentence") -> dict[int, tuple["EntityMention", ...]]:
        """Token index -> the mentions holding the token, outermost first."""
        parsed = self.parsed(sentence)
        out: dict[int, tuple[EntityMention, ...]] = {}
        for token in parsed:
            start = parsed.offset(token)
            end = start + len(token.text)
            held = [m for m in self._mentions(sentence) if m.start <= start and end <= m.end]
            if held:
                out[token.i] = tuple(sorted(held, key=lambda m: (m.start - m.end, m.start)))
        return out

    def _holders_of(self, token: "Token") -> tuple["EntityMention", ...]:
        """The mentions holding ``token`` (any sentence of the reader's analysis).

        The sentence is the first whose parse holds the token's doc. The sentences are
        read in order once, each parse's doc remembered (by identity) as they go: a scan
        from the first sentence at each question was quadratic in a long document.
        """
        docs = self.__dict__.setdefault("_docs", [{}, 0])  # id(doc) -> (doc, its first sentence); how far read
        found = docs[0].get(id(token.doc))
        sentences = self.analysis.sentences
        while found is None and docs[1] < len(sentences):
            sentence = sentences[docs[1]]
            docs[1] += 1
            doc = self.parsed(sentence).doc
            docs[0].setdefault(id(doc), (doc, sentence))
            if doc is token.doc:
                found = docs[0][id(doc)]
        return self._holders(found[1]).get(token.i, ()) if found is not None else ()

    def mention(self, sentence: "Sentence", token: "Token") -> "EntityMention | None":
        """The outermost mention holding ``token``, preferring one of the reader's types."""
        held = self._holders(sentence).get(token.i, ())
        for m in held:
            if m.type in self.types:
                return m
        return held[0] if held else None

    # ------------------------------------------------------------ climbing
    def owner(self, sentence: "Sentence", token: "Token", *, skip: Iterable[int] = ()) -> Owner:
        """What the word ``token`` of ``sentence`` is about (see the module docstring).

        Args:
            sentence: one of the analysis's sentences.
            token: a token of its parse.
            skip: token indexes whose mentions do not count (the word's own phrase).
        """
        skipped = set(skip)
        node, via, listed, came_from = token, None, False, -1
        seen: set[int] = set()
        while node.i not in seen:
            seen.add(node.i)
            held = None if node.i in skipped else self.mention(sentence, node)
            if held is not None and (via != "conj" or listed):
                if held.type in self.types:
                    return Owner(held.entity, "name")
                if held.type != "Place":
                    return _NOBODY  # a title, a company's name, a body's description
            if node.i not in skipped and held is None and node.pos_ in ("NOUN", "PROPN") and via is not None \
                    and node.dep_ not in ("attr", "oprd", "appos"):  # a predicate describes, not refers
                found = self._noun(sentence, node)  # "The corridor, a trade and logistics passage, ..."
                if found is not None:
                    return Owner(found.entity, "antecedent")
            possessor = self._possessor(sentence, node, skipped)
            if possessor is not None:
                return possessor
            if node.pos_ in ("NOUN", "PROPN"):  # "ICT, under which ..." / "projects under the SCI"
                framed = self._framed([f for f in self.noun_frames(sentence, node)
                                       if f[2].i not in seen and f[2].i != came_from])
                if framed is not None:
                    return Owner(framed.entity, "frame")

            if node.i != token.i and is_clause(node) and node.dep_ != "ROOT":
                return self._clause(sentence, node, via, came_from)
            if node.dep_ == "ROOT" or node.head.i == node.i:
                if node.pos_ in ("VERB", "AUX"):
                    return self._clause(sentence, node, via, came_from)
                return self._fragment(sentence, node)
            if node.dep_ == "appos":
                anchor = self._appositive_anchor(sentence, node)
                if anchor is not None:
                    return Owner(anchor.entity, "name") if anchor.type in self.types else _NOBODY
            via = node.dep_
            if via == "conj" and not listed:
                # "the four sectors of the CCI, namely finance, ...": a list naming what the
                # noun before it holds, which the parser may coordinate with the noun
                between = node.doc[min(node.i, node.head.i) + 1:max(node.i, node.head.i)]
                listed = any(t.lower_ in rules()["list_openers"] for t in between)
            came_from = node.i
            node = node.head
        return _NOBODY

    def _fragment(self, sentence: "Sentence", root: "Token") -> Owner:
        """A sentence with no verb ("Scope: AI and 5G", a heading): its head noun's referent,
        else the item it is listed under."""
        found = self._referent(sentence, root, root, self.noun_frames(sentence, root))
        if found.entity is not None:
            return found
        parent = self.parent_item(sentence)
        return Owner(parent, "antecedent") if parent else _NOBODY

    def parent_item(self, sentence: "Sentence") -> str | None:
        """The entity a sub-item of a list belongs to: the first the item above it names.

        In a fact sheet, "  - Scope: AI; 5G" under "* MOU on X" is about that MOU.
        """
        text = self.analysis.document.text
        indent = _bullet_indent(text, sentence.start)
        if indent is None or indent == 0:
            return None
        line_start = text.rfind("\n", 0, sentence.start) + 1
        index = self._index.get(sentence, 0)
        for earlier in reversed(self.analysis.sentences[max(0, index - 12):index]):
            if text.rfind("\n", 0, earlier.start) + 1 == line_start:
                continue
            above = _bullet_indent(text, earlier.start)
            if above is not None and above < indent:
                named = sorted((m for m in self._mentions(earlier) if m.type in self.types),
                               key=lambda m: (m.start, m.start - m.end))
                return named[0].entity if named else None
        return None

    def theme_item(self, sentence: "Sentence") -> Owner:
        """What an item of a list under a "Themes" heading is about: the document's focus
        (an event page: "Themes" / "AI governance" / "Cross-border data flows for trade").
        An item is a line without a verb that names nothing of the reader's types; the
        items and the heading run on without a sentence between them."""
        if not self.focus or self._is_clausal(sentence):
            return _NOBODY
        index = self._index.get(sentence, 0)
        headings = {" ".join(h.lower().split()) for h in rules()["theme_headings"]}
        for earlier in reversed(self.analysis.sentences[max(0, index - 12):index]):
            words = " ".join(re.sub(r"[^\w\s-]", " ", earlier.text).lower().split())
            if words in headings:
                return Owner(self.focus, "focus")
            if self._is_clausal(earlier):
                return _NOBODY
        return _NOBODY

    @functools.cached_property
    def _in_first_person(self) -> bool:
        """Whether the document speaks in the first person singular outside quotations (a
        speech, a blog, an interview), as a release or a fact sheet does not."""
        for sentence in self.analysis.sentences:
            if any(q in sentence.text for q in '"\u201c\u201d'):
                continue
            if any(t.lower_ in ("i", "my", "me") and t.tag_ in ("PRP", "PRP$") for t in self.parsed(sentence)):
                return True
        return False

    def section_heading(self, sentence: "Sentence") -> Owner:
        """What a heading over prose is about in the report of an event (the document's
        focus): the event. A release on a meeting heads its outcomes by area ("## AI
        governance", then what was agreed on it), as a fact sheet does with a run-in head
        ("Digital economy. Both sides welcomed ..."). A heading is a line of its own, or the
        start of one ending in a full stop or colon, with no verb, naming nothing of the
        reader's types, of at most six words, and the sentence after it has a verb (a list
        of tags on a news page heads nothing). A speech's or a blog's headings are the
        speaker's or writer's own sections (a text in the first person), not the event's."""
        if not self.focus or not self.focus.startswith("Event/") or self._is_clausal(sentence) \
                or self._in_first_person:
            return _NOBODY
        text = self.analysis.document.text
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if not re.fullmatch(r"[#*\s]*", text[line_start:sentence.start]):
            return _NOBODY
        if not 0 < len(re.findall(r"[\w-]+", sentence.text)) <= 6:
            return _NOBODY
        line_end = text.find("\n", sentence.end)
        runs_on = text[sentence.end:line_end if line_end >= 0 else len(text)].strip("*# \t")
        if runs_on and not sentence.text.rstrip("*# ").endswith((".", ":")):
            return _NOBODY
        index = self._index.get(sentence, 0)
        after = self.analysis.sentences[index + 1] if index + 1 < len(self.analysis.sentences) else None
        if after is None or not any(t.pos_ in ("VERB", "AUX") for t in self.parsed(after)):
            return _NOBODY
        return Owner(self.focus, "focus")

    def _is_clausal(self, sentence: "Sentence") -> bool:
        """Whether a sentence has a verb or names something of the reader's types."""
        return any(t.pos_ in ("VERB", "AUX") for t in self.parsed(sentence)) or any(
            m.type in self.types for m in self._mentions(sentence))

    def _appositive_anchor(self, sentence: "Sentence", appos: "Token") -> "EntityMention | None":
        """The name right before an apposition, when the parser hung the apposition on a noun
        further back ("a project run under the SCI on TradeTrust, an interoperability
        framework that ...": TradeTrust's)."""
        before = appos.left_edge.i - 1
        while before >= 0 and appos.doc[before].is_punct:
            before -= 1
        if before < 0 or before == appos.head.i:
            return None
        held = self.mention(sentence, appos.doc[before])
        return held if held is not None and held != self.mention(sentence, appos.head) else None

    def _possessor(self, sentence: "Sentence", noun: "Token", skipped: set[int]) -> Owner | None:
        """A name or "its" possessing the noun ("the SCI's focus areas", "its umbrella")."""
        for child in noun.children:
            if child.dep_ != "poss" or child.i in skipped:
                continue
            held = self.mention(sentence, child)
            if held is not None and held.type in self.types:
                return Owner(held.entity, "name")
            if child.lower_ in rules()["pronouns"]:
                found = self._pronoun(sentence, child)
                if found is not None:
                    return Owner(found, "antecedent")
        return None

    # ------------------------------------------------------------ clauses
    def _clause(self, sentence: "Sentence", verb: "Token", via: str | None, child: int = -1) -> Owner:
        """What a clause is about, the word having come up to its verb by ``via`` from the
        token at index ``child``."""
        attached = self._low_attachment(sentence, verb, child)
        if attached is not None:
            return attached
        vehicle = self._vehicle(sentence, verb)
        if vehicle is not None:
            return vehicle
        if verb.dep_ in ("acl", "relcl") and verb.head.i != verb.i:
            own = [s for s in self._subjects(verb) if s.i != verb.head.i and s.tag_ not in ("WDT", "WP")]
            if verb.dep_ == "relcl" and own:
                found = self._referent(sentence, own[0], verb, fallback=False)
                if found.entity is not None:
                    return found
            return self.owner(sentence, verb.head, skip=[verb.i])
        described = self._described(verb)
        subjects = self._subjects(verb)
        if described is not None and (not subjects or verb.dep_ != "ROOT"):
            # a clause inside a relative or participle clause describes its noun, unless
            # its own subject is a name ("the link that Singapore built under the CCI")
            if subjects and via not in ("nsubj", "nsubjpass", "csubj"):
                kind, owner = self._resolve(sentence, subjects[0])
                if owner is not None:
                    return owner
            return self.owner(sentence, described, skip=[verb.i])
        frames = self.frames(sentence, verb)
        if via in ("nsubj", "nsubjpass", "csubj") or not subjects:
            found, kind = self._framed(frames) or _NOBODY, "none"
        else:
            kind, found = self._resolve(sentence, subjects[0])
            if found is None:
                found = self._by_kind(sentence, verb, kind, frames)
        if found.entity is None and kind == "none" and is_clause(verb) and verb.dep_ != "ROOT" \
                and verb.dep_ in ("advcl", "xcomp", "conj", "ccomp") and is_clause(verb.head):
            return self._clause(sentence, verb.head, verb.dep_)  # a purpose clause's subject
        if found.entity is not None:
            timed = self.timed(found.entity, verb)
            if timed != found.entity:
                found = Owner(timed, found.how, found.umbrella)
        if found.entity is not None and found.umbrella is None:
            umbrella = self._leading(sentence, verb)
            if umbrella is not None and umbrella != found.entity:
                return Owner(found.entity, found.how, umbrella)
        return found

    def _vehicle(self, sentence: "Sentence", verb: "Token") -> Owner | None:
        """What a purpose is pursued through: "take the Week as an opportunity to deepen
        cooperation in X", "use the expo as a platform to showcase X" are about the Week,
        the expo (the object taken "as" one of ``vehicle_nouns``)."""
        noun = verb.head
        if verb.dep_ not in ("acl", "relcl", "xcomp") or noun.lemma_.lower() not in rules()["vehicle_nouns"] \
                or noun.dep_ != "pobj" or noun.head.lower_ != "as":
            return None
        for obj in noun.head.head.children:
            if obj.dep_ in ("dobj", "nsubjpass"):
                held = self.mention(sentence, obj)
                if held is not None and held.type in self.types:
                    return Owner(held.entity, "subject")
        return None

    def timed(self, entity: str, verb: "Token", *, strict: bool = False) -> str | None:
        """The edition a clause's time words pick of a series or of another of its editions
        ("This year, the SCE ...": the SCE of the document's year; "This time, ... at the
        expo" after "last year's expo": this year's), or ``entity`` when they pick none.

        With ``strict``, an edition the words pick but the document never names gives
        ``None``: the figure is about an occurrence the graph cannot hold.
        """
        year = self.analysis.document.date[:4]
        if not year.isdigit():
            return entity
        offsets = rules().get("occurrence_years", {})
        identity = getattr(self.analysis.entities.get(entity), "identity", ())
        series = identity[0] if identity and identity[0].startswith("Event/") and \
            identity[-1].isdigit() and len(identity[-1]) == 4 else entity
        is_series = series != entity or any(
            getattr(e, "identity", ())[:1] == (entity,) for e in self.analysis.entities.values())
        if not is_series:
            return entity
        for governor in self._governors(verb):
            for child in governor.children:
                if child.dep_ not in ("npadvmod", "advmod", "prep", "tmod"):
                    continue
                words = " ".join(t.lower_ for t in child.subtree if not t.is_punct)
                if words in offsets:
                    edition = self.occurrence(series, str(int(year) + offsets[words]))
                    return edition or (None if strict else entity)
        return entity

    # ------------------------------------------------------------ for figures
    def clause_of(self, token: "Token") -> tuple["Token | None", str | None]:
        """The verb of the clause a word's phrase is an argument of, and the relation by
        which the phrase hangs from it (``nsubj``, ``dobj``, ``prep``...)."""
        node, via = token, None
        while node.head.i != node.i:
            if node.i != token.i and node.pos_ in ("VERB", "AUX") and is_clause(node):
                return node, via
            via = node.dep_
            node = node.head
        return (node, via) if node.pos_ in ("VERB", "AUX") else (None, None)

    def subjects(self, verb: "Token") -> list["Token"]:
        """The subject of ``verb`` (see :meth:`_subjects`)."""
        return self._subjects(verb)

    def resolve(self, sentence: "Sentence", noun: "Token") -> Owner | None:
        """The entity a subject stands for, if it stands for one (see :meth:`_resolve`)."""
        return self._resolve(sentence, noun)[1]

    def is_frame(self, prep: "Token") -> bool:
        """Whether a preposition opens a frame ("at", "under", "within the framework of")."""
        return prep.lower_ in _frame_phrases()

    def meeting_when(self, sentence: "Sentence", verb: "Token") -> str | None:
        """The meeting a "when the X Committee met (for the second time)" clause names."""
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(c.lower_ in ("when", "as") for c in clause.children):
                continue
            for subject in self._subjects(clause):
                held = self.mention(sentence, subject)
                if held is not None and held.type == "Organization":
                    ordinal = next((_ordinal(t) for t in clause.subtree if _ordinal(t)), None)
                    meeting = self._meeting_of(held.entity, ordinal)
                    if meeting is not None:
                        return meeting
        return None

    def _low_attachment(self, sentence: "Sentence", verb: "Token", child: int) -> Owner | None:
        """The object a topic phrase right after it modifies, though the parser hung the
        phrase on the verb ("signed the Drone Pact on blockchain")."""
        if child < 0:
            return None
        prep = verb.doc[child]
        if prep.dep_ != "prep" or prep.lower_ not in rules()["topic_prepositions"]:
            return None
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.i < prep.i:
                held = self.mention(sentence, obj)
                last = max(t.i for t in obj.subtree if t.i < prep.i)
                if held is not None and held.type in self.types and last + 1 == prep.i:
                    return Owner(held.entity, "name")
        return None

    @staticmethod
    def _described(verb: "Token") -> "Token | None":
        """The noun a clause describes, when it lies in a relative or participle clause."""
        node = verb
        while node.head.i != node.i:
            if node.dep_ in ("relcl", "acl"):
                return node.head
            if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                return None
            node = node.head
        return None

    def _subjects(self, verb: "Token") -> list["Token"]:
        """The subject of ``verb``, found through passives and shared subjects."""
        from sgcn.loaders.extract.frames import Roles

        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if not found:
            found = Roles(verb).agent(verb)
        if not found and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            return self._subjects(verb.head)
        if not found:
            stranded = _stranded_subject(verb)
            if stranded is not None:
                return [stranded]
        return found

    def _governors(self, verb: "Token") -> list["Token"]:
        """The verb, the verbs it depends on, and verbs coordinated with them."""
        chain, node = [], verb
        while True:
            chain.append(node)
            chain += [c for c in node.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
            if node.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "parataxis") or node.head.i == node.i:
                break
            node = node.head
        return list(dict.fromkeys(chain))

    def frames(self, sentence: "Sentence", verb: "Token") -> list[tuple[str, "EntityMention", "Token"]]:
        """The (kind, mention, preposition) frames of the clause of ``verb``, nearest verb first."""
        out = []
        chain = self._governors(verb)
        purposes = [c for g in chain for c in g.children if c.dep_ == "advcl" and c not in chain]
        preps = [p for g in chain + purposes for p in g.children if p.dep_ in ("prep", "mark")]
        opening = self._opening(sentence)
        for prep in preps + [p for p in opening if p not in preps]:
            framed = self._frame(sentence, prep)
            if framed is not None:
                out.append((*framed, prep))
        return out

    def _opening(self, sentence: "Sentence") -> list["Token"]:
        """The preposition opening a sentence ("Under the MoU, ..."), which frames all of it
        wherever the parser hung it."""
        parsed = self.parsed(sentence)
        first = next((t for t in parsed if t.is_alpha), None)
        if first is None or first.dep_ != "prep":
            return []
        comma = next((t for t in parsed if t.i > first.i and t.text == ","), None)
        return [first] if comma is not None and all(t.i < comma.i for t in first.subtree) else []

    def noun_frames(self, sentence: "Sentence", noun: "Token") -> list[tuple[str, "EntityMention", "Token"]]:
        """Frames inside a noun phrase ("the deals signed at the ceremony", "projects under X")."""
        out = []
        for child in noun.children:
            if child.dep_ == "prep":
                framed = self._frame(sentence, child, rules()["noun_frames"])
                if framed is not None:
                    out.append((*framed, child))
            if child.dep_ in ("acl", "relcl"):
                out += self.frames(sentence, child)
        return out

    def _frame(self, sentence: "Sentence", prep: "Token",
               extra: Iterable[str] = ()) -> tuple[str, "EntityMention"] | None:
        """(kind, mention) when ``prep`` opens a frame naming an entity of the reader's types.

        "within the framework of X", "on the sidelines of X": when the preposition's object
        is followed by its own "of", the phrase up to that "of" is looked up and X named.
        """
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            return None
        obj, words = objects[0], [prep.lower_]
        of = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
              and any(g.dep_ == "pobj" for g in c.children)]
        if of:
            longer = " ".join(words + [t.lower_ for t in prep.doc[prep.i + 1:obj.i + 1]
                                       if t.dep_ != "det"] + ["of"])
            if longer in _frame_phrases():
                kind = _frame_phrases()[longer]
                target = next(g for g in of[0].children if g.dep_ == "pobj")
                found = self._object(sentence, target)
                return (kind, found) if found is not None and found.type in self.types else None
        kind = _frame_phrases().get(prep.lower_) or ("programme" if prep.lower_ in extra else None)
        if kind is None:
            return None
        found = self._object(sentence, obj)
        return (kind, found) if found is not None and found.type in self.types else None

    def _object(self, sentence: "Sentence", obj: "Token") -> "EntityMention | None":
        """The mention a preposition's object names (its head, or a name compounded into it)."""
        held = self.mention(sentence, obj)
        if held is not None:
            return held
        if obj.lower_ in ("which", "whom"):  # "..., under which ICT is a priority area"
            position = self.parsed(sentence).offset(obj)
            before = [m for m in self._mentions(sentence) if m.end <= position and m.type in self.types]
            return _last(before)
        if obj.lower_ in ("it", "this"):  # "Under it, the two agencies will ...": what was named before
            found = self.topic_before(sentence)
            if found is not None:
                from sgcn.loaders.extract.spans import EntityMention

                position = self.parsed(sentence).offset(obj)
                return EntityMention(position, position, obj.text, found, found.split("/")[0])
        for child in obj.children:
            if child.dep_ in ("compound", "poss", "nmod"):
                held = self.mention(sentence, child)
                if held is not None:
                    return held
                if child.dep_ == "poss" and child.lower_ in rules()["pronouns"]:  # "under its umbrella"
                    found = self._pronoun(sentence, child)
                    if found is not None:
                        from sgcn.loaders.extract.spans import EntityMention

                        position = self.parsed(sentence).offset(child)
                        return EntityMention(position, position, child.text, found, found.split("/")[0])
        return self._noun(sentence, obj)

    def _framed(self, frames, *, leading: str | None = None) -> Owner | None:
        """The frame a clause's work is about: a programme before an occasion."""
        for wanted in ("programme", "occasion"):
            for kind, mention, _ in frames:
                if kind == wanted:
                    umbrella = leading if leading not in (None, mention.entity) else None
                    return Owner(mention.entity, "frame", umbrella)
        return None

    def umbrella(self, sentence: "Sentence") -> str | None:
        """The programme a sentence-opening "Under X," puts the whole sentence under."""
        root = next((t for t in self.parsed(sentence) if t.dep_ == "ROOT"), None)
        return self._leading(sentence, root) if root is not None else None

    def _leading(self, sentence: "Sentence", verb: "Token") -> str | None:
        """The programme a sentence-opening "Under X," puts the whole sentence under."""
        for kind, mention, prep in self.frames(sentence, verb):
            if kind == "programme" and all(not t.is_alpha for t in prep.doc[:prep.i]) \
                    and mention.type in ("Initiative", "Agreement"):
                return mention.entity
        return None

    # ------------------------------------------------------------ subjects
    def _referent(self, sentence: "Sentence", subject: "Token", verb: "Token",
                  frames: list | None = None, *, fallback: bool = True) -> Owner:
        """What the clause of ``verb`` is about, given its subject.

        With ``fallback`` false, a clause of the parties or of an organisation that
        nothing frames is about nothing (rather than the document's focus).
        """
        kind, owner = self._resolve(sentence, subject)
        if owner is not None:
            return owner
        return self._by_kind(sentence, verb, kind, frames, fallback=fallback)

    def _by_kind(self, sentence: "Sentence", verb: "Token", kind: str, frames: list | None,
                 *, fallback: bool = True) -> Owner:
        """What a clause whose subject is of ``kind`` (see :meth:`_resolve`) is about."""
        if frames is None:
            frames = self.frames(sentence, verb)
        framed = self._framed(frames)
        if framed is not None:
            return framed
        if self._reported(verb):
            return _NOBODY
        if kind == "actor":
            return self._fallback(sentence, verb, actor=True) if fallback else _NOBODY
        if kind == "party":
            return self._fallback(sentence, verb) if fallback else _NOBODY
        if kind == "products":
            return self._products_before(sentence) or self._focus(sentence, occasion=True)
        if kind == "focus":
            return self._focus(sentence)
        return _NOBODY

    def _resolve(self, sentence: "Sentence", noun: "Token", depth: int = 0) -> tuple[str, Owner | None]:
        """What a subject stands for: ``("entity", owner)``, or its kind with no owner:
        ``person`` (a person, "he"), ``actor`` (an organisation), ``party`` (a place,
        "the two sides"), ``products`` ("the pacts", "13 projects"), ``focus`` ("the
        cooperation"), ``none``."""
        words = rules()
        held = self.mention(sentence, noun)
        if held is None:
            for child in noun.children:  # "the 2021 Lancang Digital Expo" parsed around a number
                if child.dep_ in ("compound", "nmod", "appos"):
                    held = self.mention(sentence, child) or held
        if held is not None:
            if held.type in self.types:
                return "entity", Owner(held.entity, "subject")
            if held.type == "Organization":
                meeting = self._meeting_of(held.entity)
                return ("entity", Owner(meeting, "subject")) if meeting else ("actor", None)
            return {"Person": "person", "Place": "party"}.get(held.type, "none"), None
        possessor = self._possessor(sentence, noun, set())
        if possessor is not None:  # "Its focus areas are ...", "the SCI's work covers ..."
            return "entity", Owner(possessor.entity, "subject")
        lower, lemma = noun.lower_, noun.lemma_.lower()
        if lower in words["personal_pronouns"]:
            return "person", None
        if lower in words["pronouns"]:
            found = self._pronoun(sentence, noun)
            return ("entity", Owner(found, "antecedent")) if found else ("none", None)
        if lemma in words["party_nouns"] and noun.pos_ == "NOUN":
            return "party", None
        if self._is_products(noun):
            inner = self._framed(self.noun_frames(sentence, noun))
            return ("entity", Owner(inner.entity, "frame")) if inner else ("products", None)
        if lower in words["share_words"] and noun.pos_ in ("ADJ", "DET", "NOUN", "PRON", "NUM"):
            found = self._products_before(sentence)  # "Eleven deals were inked. Most were on X"
            if found is not None:
                return "entity", found
        if lemma in words.get("focus_nouns", ()):
            return "focus", None
        found = self._noun(sentence, noun)
        if found is not None:
            return "entity", Owner(found.entity, "antecedent")
        inner = self._framed(self.noun_frames(sentence, noun))  # "momentum in SCI collaboration"
        if inner is not None:
            return "entity", Owner(inner.entity, "frame")
        if depth < 3:  # what the subject is part of: "One of the key areas of cooperation"
            for part in [noun, *(c for c in noun.children if c.dep_ == "conj")]:
                for prep in part.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                return self._resolve(sentence, obj, depth + 1)
        return "none", None

    def _reported(self, verb: "Token") -> bool:
        """Whether a person's view frames the clause ("In his account, cooperation has ...",
        "Mr Li said the two sides should ..."): it is the person's, about nothing else."""
        words = rules()
        node = verb
        stated = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) and not any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)  # "the two sides have deepened ..."
        while node.dep_ in ("ccomp", "conj", "xcomp") and node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in words["speech_verbs"] and not stated:
                for subject in self._subjects(node):
                    if subject.lower_ in words["personal_pronouns"] or any(
                            m.type == "Person" for m in self._holders_of(subject)):
                        return True
        for governor in self._governors(verb):
            for prep in governor.children:
                if prep.dep_ != "prep":
                    continue
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in words["attributions"] and any(
                            c.dep_ == "poss" and c.lower_ in words["personal_pronouns"] for c in obj.children):
                        return True
        return False

    def _fallback(self, sentence: "Sentence", verb: "Token", *, actor: bool = False) -> Owner:
        """The parties' or an organisation's clause with nothing framing it: what it works on."""
        if actor and not self.actors_fall_back:
            return _NOBODY
        if actor and _describes(verb):
            return _NOBODY  # "Acme provides cloud services to 2,000 firms": what the body is, not its work here
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd"):
                held = self.mention(sentence, child)
                if held is not None and held.type in self.types:
                    return Owner(held.entity, "subject")
                if held is None and self._is_products(child):  # "Both sides launched 10 projects"
                    found = self._products_before(sentence)
                    if found is not None:
                        return found
                if held is None and child.dep_ == "dobj":  # "... launched a fund to ..." under its heading
                    meant = self._noun(sentence, child)
                    if meant is not None and meant.type in self.types:
                        return Owner(meant.entity, "antecedent")
        named = [m for m in self._mentions(sentence) if m.type in self.types]
        if actor and named:
            return Owner(named[0].entity, "subject")
        return self._focus(sentence)

    def _focus(self, sentence: "Sentence | None" = None, *, occasion: bool = False) -> Owner:
        """The document's focus; for the parties' work once the focus is named (past the
        headline and lead, which tell the news), what that work is about. What was
        concluded ("14 projects were signed on the spot", ``occasion``) is the focus's."""
        lead = sentence is not None and sentence.start < self._first_named
        found = self.focus if lead or occasion else self.work
        return Owner(found, "focus") if found else _NOBODY

    def _meeting_of(self, organization: str, ordinal: int | None = None) -> str | None:
        """The meeting of a council the document names ("the JCBC reviewed ..." at its
        meeting), the one of that number when given."""
        if "Event" not in self.types:
            return None
        meetings = sorted(key for key, identity in self.analysis.once(_meetings_by_body).get(organization, ())
                          if ordinal is None or identity[-1] == str(ordinal))
        return meetings[0] if len(meetings) == 1 else None

    def _is_products(self, noun: "Token") -> bool:
        """Whether the noun names what meetings produce, in the plural or counted."""
        lemma = noun.lemma_.lower()
        if lemma not in rules()["product_nouns"] and noun.lower_.rstrip("s") not in rules()["product_nouns"]:
            return False
        counted = any(c.dep_ == "nummod" or c.lower_ in ("another", "other") for c in noun.children)
        return noun.tag_ in ("NNS", "NNPS") or counted or noun.lower_.endswith("s")

    def _products_before(self, sentence: "Sentence") -> Owner | None:
        """The frame of the last sentence before that counted what meetings produce."""
        index = self._index.get(sentence, 0)
        for earlier in reversed(self.analysis.sentences[max(0, index - 3):index]):
            parsed = self.parsed(earlier)
            for token in parsed:
                if self._is_products(token):
                    head = token.head
                    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                        head = head.head
                    found = self._framed(self.noun_frames(earlier, token) + self.frames(earlier, head))
                    if found is not None:
                        return Owner(found.entity, "antecedent")
        return None

    # ------------------------------------------------------------ references
    def _noun(self, sentence: "Sentence", noun: "Token") -> "EntityMention | None":
        """The entity a common noun stands for: the last named before that it names.

        A definite noun ("the Blueprint", "the corridor", "the MoU") stands for the last
        entity of the reader's types whose name ends in it, else the last of the kind it
        names; an indefinite one of a kind ("Another project involves X") for the entity
        of that kind the sentence itself names.
        """
        if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ == "NNS":
            return None  # "those meetings" stand for several, not for one named before
        lemma = noun.lemma_.lower()
        definite = any(c.lower_ in _DEFINITE for c in noun.children if c.dep_ in ("det", "poss"))
        offset = _time_possessive(noun)
        if offset is not None:  # "this year's meeting": the one of the document's time, named before
            if offset != 0:
                return None  # "last year's meeting" is another occurrence than any named here
            definite = True
        kind = _kind_of_noun().get(lemma) or _kind_of_noun().get(noun.lower_)
        position = self.parsed(sentence).offset(noun)
        ends, ordered = self._by_end
        last = bisect.bisect_right(ends, position) - 1  # the last ending by ``position``
        if definite:
            # the last ending by ``position`` whose head word is the noun's; else of its kind
            # (found by bisection in where each head word and type stand: a scan back through
            # every mention before was quadratic in a long document)
            heads, types = self._by_head
            named = [_last_by(heads.get(word, ()), last) for word in {lemma, noun.lower_}]
            if max(named) >= 0:
                return ordered[max(named)]
            if kind is not None:
                at = _last_by(types.get(kind, ()), last)
                if at >= 0:
                    return ordered[at]
                if self.focus and self.focus.startswith(kind + "/"):
                    from sgcn.loaders.extract.spans import EntityMention

                    return EntityMention(position, position, noun.text, self.focus, kind)
            return None
        if kind is not None:
            same = [m for m in self._mentions(sentence) if m.type == kind]
            if len({m.entity for m in same}) == 1:
                return same[0]
            if not same:
                return self._heading(sentence, kind)
        return None

    def _heading(self, sentence: "Sentence", kind: str) -> "EntityMention | None":
        """The entity of ``kind`` a heading right before ``sentence`` is the name of ("CCI
        Data Fund." over "Two banks launched a US$300 million fund to ...", in a fact sheet)."""
        index = self._index.get(sentence, 0)
        if index == 0:
            return None
        before = self.analysis.sentences[index - 1]
        named = [m for m in self._mentions(before) if m.type == kind]
        if len(named) != 1:
            return None
        rest = (before.text[:named[0].start - before.start] + before.text[named[0].end - before.start:])
        return named[0] if re.fullmatch(r"[\W\d]*(?:[a-z]\W+)?[\W]*", rest) else None

    def _pronoun(self, sentence: "Sentence", pronoun: "Token") -> str | None:
        """What a pronoun stands for: a name before it in its sentence ("its"), else what
        the sentence before was about."""
        if pronoun.dep_ == "poss" or pronoun.lower_ in ("its", "their", "which"):
            position = self.parsed(sentence).offset(pronoun)
            before = [m for m in self._mentions(sentence) if m.end <= position and m.type in self.types]
            if before:
                return _last(before).entity
        return self.topic_before(sentence)

    def topic_before(self, sentence: "Sentence") -> str | None:
        """What the sentence before ``sentence`` was about (for "It ...", "They ...")."""
        index = self._index.get(sentence, 0)
        for back in (1, 2):
            if index - back < 0:
                return None
            earlier = self.analysis.sentences[index - back]
            found = self.topic(earlier)
            if found is not None:
                return found
            if self._mentions(earlier):
                return None
        return None

    def topic(self, sentence: "Sentence") -> str | None:
        """What a sentence is about: its main clause's subject, or the name its subject
        phrase gives; when that is no entity of the reader's types, the narrowest entity
        it names in the foreground (a project before the fund behind it)."""
        index = self._index.get(sentence, 0)
        if index in self._topics:
            return self._topics[index]
        self._topics[index] = None  # a pronoun of its own resolves to nothing, not to itself
        parsed = self.parsed(sentence)
        root = next((t for t in parsed if t.dep_ == "ROOT"), None)
        found: str | None = None
        subjects = (self._subjects(root) if root.pos_ in ("VERB", "AUX") else [root]) if root is not None else []
        if subjects:
            kind, owner = self._resolve(sentence, subjects[0])
            if owner is not None:
                found = owner.entity
        if found is None and subjects and root.lemma_ == "be":  # "What makes this possible is X."
            for child in root.children:
                held = self.mention(sentence, child) if child.dep_ == "attr" else None
                if held is not None and held.type in self.types:
                    found = held.entity
        if not subjects or (found is None and kind in ("products", "actor", "party")):
            # a body's or the parties' work: "It"/"This" is what they worked on
            found = self._narrowest(sentence)
        self._topics[index] = found
        return found

    def _narrowest(self, sentence: "Sentence") -> str | None:
        """The entity a sentence names in the foreground: not the programme framing it, nor
        a name modifying another noun ("a Care Grant-supported project")."""
        mentions = list(self._mentions(sentence))
        named = [m for m in mentions if m.type in self.types]
        if not named:
            return None
        parsed = self.parsed(sentence)
        framed = {m.entity for kind, m, _ in
                  [f for t in parsed if t.pos_ in ("VERB", "AUX") for f in self.frames(sentence, t)]
                  if kind == "programme"}
        heads = [m for m in named if not self._modifies(parsed, m)]
        foreground = [m for m in heads if m.entity not in framed] or heads
        if not foreground:
            return None
        order = {t: i for i, t in enumerate(self.types)}
        return min(foreground, key=lambda m: (order.get(m.type, len(order)), m.start)).entity

    @staticmethod
    def _modifies(parsed: "Parsed", mention: "EntityMention") -> bool:
        """Whether a name only modifies a noun outside it ("Care Grant-supported project")."""
        span = parsed.span(mention.start, mention.end)
        if span is None:
            return False
        root = span.root
        inside = {t.i for t in span}
        head = root.head
        while head.i not in inside and head.dep_ in ("amod", "compound") and head.head.i != head.i \
                and head.pos_ in ("VERB", "ADJ"):
            head = head.head  # "Grant" -> "supported" -> "project"
        return root.dep_ in ("compound", "amod", "npadvmod", "nmod") and root.head.i not in inside \
            and head.pos_ in ("NOUN", "PROPN") and head.i not in inside

    def occurrence(self, series: str, year: str) -> str | None:
        """The edition of ``series`` held in ``year`` the document names, if any."""
        for key, entity in sorted(self.analysis.entities.items()):
            identity = getattr(entity, "identity", ())
            if identity and identity[0] == series and identity[-1] == year:
                return key
        return None


def is_clause(token: "Token") -> bool:
    """Whether a verb heads a clause (not a gerund standing as a noun: "by enhancing X").

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("They met to sign deals, such as enhancing battery management.")
        >>> [(t.text, is_clause(t)) for t in doc if t.pos_ == "VERB"]
        [('met', True), ('sign', True), ('enhancing', False)]
        >>> doc = pipeline()("Nine deals worth $2 million were announced at the forum.")
        >>> [(t.text, is_clause(t)) for t in doc if t.pos_ == "VERB"]
        [('announced', True)]
    """
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.dep_ == "conj":  # a verb with an auxiliary of its own is a clause: "X worth $2m were announced"
        return is_clause(token.head) or any(c.dep_ in ("aux", "auxpass") for c in token.children)
    return token.dep_ in _CLAUSAL


def _bullet_indent(text: str, offset: int) -> int | None:
    """How far in the list item holding ``offset`` is indented ("  - Scope: ..." -> 2), or
    ``None`` when its line is no list item.

    Examples:
        >>> _bullet_indent("* MOU on X\\n  - Scope: AI", 14), _bullet_indent("* MOU on X", 3), _bullet_indent("AI", 0)
        (2, 0, None)
    """
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)]
    body = line.lstrip()
    if not body or body[0] not in "-*•–" or len(body) < 2 or not body[1].isspace():
        return None
    return len(line) - len(body)


def _last(mentions: list["EntityMention"]) -> "EntityMention | None":
    """The mention named last, the outermost of those ending there ("the 2019 X Forum, which
    ...": the edition, not the series inside its name)."""
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m.end, m.end - m.start))


def _ordinal(token: "Token") -> int | None:
    """The number an ordinal word stands for ("second", "13th", "inaugural"), else ``None``.

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> [_ordinal(t) for t in pipeline()("the second and 13th and inaugural meetings")]
        [None, 2, None, 13, None, 1, None]
    """
    word = token.lower_
    if word in rules()["first_words"]:
        return 1
    try:
        from sgcn.loaders.extract.editions import _ORDINAL_NUMBERS  # the lead's table of ordinal words
    except ImportError:  # pragma: no cover - only if the table moves
        _ORDINAL_NUMBERS = {}
    if word in _ORDINAL_NUMBERS:
        return _ORDINAL_NUMBERS[word]
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(match.group(1)) if match else None


def _describes(verb: "Token") -> bool:
    """Whether a clause says what its subject habitually is or does (the simple present,
    no auxiliary: "Acme provides cloud services", "it works with banks"), as an
    organisation's description does, rather than what it does on this occasion.

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> [_describes(next(t for t in pipeline()(text) if t.dep_ == "ROOT")) for text in (
        ...     "Acme provides cloud services to banks.", "Acme will provide cloud services.",
        ...     "Acme signed a deal on cloud services.")]
        [True, False, False]
    """
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _stranded_subject(verb: "Token") -> "Token | None":
    """The noun right before a finite main verb the parser gave no subject, past an
    apposition between commas ("At the centre, the expo, the tenth since 2018, features X":
    the parser hung "the expo" on "the centre").

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("Running until Sunday at the Bayfront Hall, the fair, the fifth since its launch, features robots.")
        >>> verb = next(t for t in doc if t.dep_ == "ROOT")
        >>> verb.text, _stranded_subject(verb).text
        ('features', 'fair')
    """
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBZ", "VBD", "VBP"):
        return None
    doc, at = verb.doc, verb.i - 1
    if at >= 0 and doc[at].text == ",":
        at -= 1
        while at >= 0 and doc[at].text != ",":
            at -= 1
        at -= 1
    if at < 0 or doc[at].dep_ not in ("appos", "conj", "pobj", "dobj") or (
            doc[at].pos_ not in ("NOUN", "PROPN") and doc[at].dep_ != "appos"):
        return None
    return doc[at]


def _time_possessive(noun: "Token") -> int | None:
    """The offset in years of a time word possessing ``noun`` ("this year's meeting": 0,
    "last year's expo": -1), from ``occurrence_years``; ``None`` when there is none.

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("This year's meeting followed last year's forum and the summit.")
        >>> [_time_possessive(t) for t in doc if t.pos_ == "NOUN" and t.dep_ != "poss"]
        [0, -1, None]
    """
    offsets = rules().get("occurrence_years", {})
    for child in noun.children:
        if child.dep_ == "poss":
            words = " ".join(t.lower_ for t in child.subtree if not t.is_punct and t.dep_ != "case")
            for phrase in (words, words + "'s"):
                if phrase in offsets:
                    return offsets[phrase]
    return None


def _last_by(places, last: int) -> int:
    """The greatest of the ascending ``places`` not above ``last``, else -1."""
    at = bisect.bisect_right(places, last) - 1
    return places[at] if at >= 0 else -1


@functools.lru_cache(maxsize=1 << 14)
def _head_word(name: str) -> str:
    """The head noun of a name: its last word before a preposition, lower case, singular.

    Examples:
        >>> _head_word("CCI Overall Blueprint"), _head_word("Protocol to Upgrade the FTA")
        ('blueprint', 'protocol')
        >>> _head_word("New International Land-Sea Trade Corridors")
        'corridor'
    """
    words = name.split()
    for i, word in enumerate(words):
        if i and word.lower() in ("of", "on", "for", "to", "between", "in", "with", "under", "and"):
            words = words[:i]
            break
    head = words[-1].lower().strip("()\"'’") if words else ""
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head
