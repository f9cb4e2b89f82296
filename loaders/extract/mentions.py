"""Entity recognition for one document: ``analyze(document) -> Analysis``.

The stage every rule stage builds on. It runs in passes over the sentences of
:func:`~sgcn.loaders.extract.sentences.split_sentences`:

1. *names* (:mod:`~sgcn.loaders.extract.names`): typed capitalised names, persons
   by titles, honorifics, appositions, possessives; acronyms defined in
   parentheses; media-contact blocks; described agreements, events and projects
   (:mod:`~sgcn.loaders.extract.described`);
2. *known names*: every later use of a name already found, of an alias or
   acronym, or of a gazetteer name ("IMDA", "SCE", "Singapore"), plus edition
   years around recurring events ("SCE 2019", "the 2019 Smart China Expo");
3. *coreference* (:mod:`~sgcn.loaders.extract.coref`): "Mr Goh", "the expo",
   "last year's event", "the inaugural SCE in 2018", "the initiative".

Each mention is resolved to an entity key ``"<Type>/<normalized label>"``; a
gazetteer entry gives the preferred label of what it knows.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext", date="2020-03-05",
    ...     text="The Infocomm Media Development Authority (IMDA) met Vice Mayor Li Bo. "
    ...          "IMDA and Mr Li visited the Smart China Expo (SCE) 2020 in Chongqing.")
    >>> a = analyze(doc)
    >>> [(m.text, m.entity) for m in a.mentions]  # doctest: +NORMALIZE_WHITESPACE
    [('Infocomm Media Development Authority (IMDA)', 'Organization/infocomm media development authority'),
     ('Li Bo', 'Person/li bo'),
     ('IMDA', 'Organization/infocomm media development authority'),
     ('Mr Li', 'Person/li bo'),
     ('Smart China Expo (SCE) 2020', 'Event/smart china expo 2020'),
     ('Smart China Expo', 'Event/smart china expo'),
     ('Chongqing', 'Place/chongqing')]
    >>> a.entities["Organization/infocomm media development authority"].aliases
    ('IMDA',)
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import re
from dataclasses import dataclass, field
from typing import Iterator

from sgcn.loaders.document import Document
from sgcn.loaders.extract import gazetteer, lexicon, open_world
from sgcn.loaders.extract.contacts import byline_authors, contact_blocks, is_body_field
from sgcn.loaders.extract.described import find_described
from sgcn.loaders.extract.described_kinds import retype_described
from sgcn.loaders.extract.literals import Literals
from sgcn.loaders.extract.names import Candidate, find_names, is_headline, is_small_word
from sgcn.loaders.extract.nlp import parse
from sgcn.loaders.extract.sentences import split_sentences
from sgcn.loaders.extract.naming import normalize
from sgcn.loaders.extract.spans import Analysis, EntityMention, dateline_span
from sgcn.loaders.facts import Entity
from sgcn.loaders.plaintext import is_byline, strip_marks

log = logging.getLogger(__name__)

_YEAR = re.compile(r"(?:19|20)\d\d")
_CURRENCY = re.compile(r"\s+(?:dollars?|cents?)\b")
# what may not stand before and after a known name (see Recognizer.known_names)
_NAME_BEFORE, _NAME_AFTER = re.compile(r"[\w@.-]"), re.compile(r"[\w@]|-[A-Z]")
_CAPS_BEFORE = _CAPS_AFTER = re.compile(r"[\w-]")


def entity_key(type_: str, label: str) -> str:
    """The key of an entity: ``"<Type>/<normalized label>"``.

    Examples:
        >>> entity_key("Person", "Luke Goh")
        'Person/luke goh'
    """
    return f"{type_}/{normalize(label)}"


def series_of(key: str, entities) -> str | None:
    """The key of the series an edition belongs to ("Smart China Expo 2019" -> the expo).

    Args:
        key: an entity key.
        entities: the keys known (a mapping or set), e.g. ``Analysis.entities``.

    Examples:
        >>> series_of("Event/smart china expo 2019", {"Event/smart china expo"})
        'Event/smart china expo'
        >>> series_of("Event/smart china expo", {"Event/smart china expo"}) is None
        True
    """
    m = re.fullmatch(r"(Event/.+) ((?:19|20)\d\d)", key)
    if m and m.group(1) in entities:
        return m.group(1)
    return None


@dataclass
class _Record:
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    generic: bool = False  # named by a description ("joint letter of intent"): the longest form wins
    identity: tuple[str, ...] = ()  # an occurrence's series, qualifier and number (facts.Entity.identity)


class Registry:
    """The entities one document names, with an index of all their names.

    Examples:
        >>> r = Registry()
        >>> k = r.add("Organization", "Ministry of Trade and Industry", ["MTI"])
        >>> r.find("MTI") == k == r.find("ministry of trade and industry")
        True
    """

    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}
        self.index: dict[str, str] = {}

    def find(self, name: str) -> str | None:
        """The key of the entity one of whose names is ``name``, or ``None``."""
        return self.index.get(normalize(name))

    def add(self, type_: str, label: str, aliases=(), *, generic: bool = False,
            identity: tuple[str, ...] = ()) -> str:
        """Register an entity (or more names of a known one) and return its key.

        ``identity`` marks an occurrence (see :class:`~sgcn.loaders.facts.Entity`); the
        first identity given to a record is kept.
        """
        if not generic:  # a description ("agreement between X and the Bank of China") keeps its words
            label, aliases = _without_country(label, list(aliases))
        entry = gazetteer.lookup(label)
        if entry is None and not generic:
            entry = next((gazetteer.lookup(a) for a in aliases if gazetteer.lookup(a)), None)
        hidden: tuple[str, ...] = ()
        if entry is not None:
            aliases = [label, *aliases]
            hidden = entry.names  # known names, indexed but not claimed as found
            type_, label = entry.type, entry.label
        key = self.find(label)
        if key is None or not key.startswith(type_ + "/"):
            key = entity_key(type_, label)
        record = self.records.get(key)
        if record is None:
            record = self.records[key] = _Record(type_, label, generic=generic)
        elif generic and len(label) > len(record.label):
            record.aliases.add(record.label)
            record.label = label
        for name in (label, *aliases):
            if name and normalize(name) != normalize(record.label):
                record.aliases.add(name)
        for name in (record.label, *record.aliases, *hidden):
            self.index.setdefault(normalize(name), key)
        if identity and not record.identity:
            record.identity = identity
        return key

    def extend(self, key: str, name: str) -> None:
        """Another description of the described entity ``key``; the longest becomes its label."""
        record = self.records[key]
        if len(name) > len(record.label):
            record.aliases.add(record.label)
            record.label = name
        elif normalize(name) != normalize(record.label):
            record.aliases.add(name)
        self.index.setdefault(normalize(name), key)

    def entity(self, key: str) -> Entity:
        """The :class:`Entity` registered under ``key``; an edition's identity is its series and year."""
        r = self.records[key]
        aliases = sorted({a for a in r.aliases if normalize(a) != normalize(r.label)})
        identity = r.identity
        if not identity:
            series = series_of(key, self.records)
            if series is not None:
                identity = (series, "", key.rsplit(" ", 1)[1])
        return Entity(key, r.type, r.label, tuple(aliases), identity)


def _without_country(label: str, aliases: list[str]) -> tuple[str, list[str]]:
    """"Ministry of Trade and Industry of Singapore" -> the ministry, the full form an alias.

    Examples:
        >>> _without_country("Ministry of Trade and Industry of Singapore", [])
        ('Ministry of Trade and Industry', ['Ministry of Trade and Industry of Singapore'])
        >>> _without_country("Bank of China", [])
        ('Bank of China', [])
        >>> _without_country("State Council of the People's Republic of China", [])
        ("State Council of the People's Republic of China", [])
    """
    m = re.fullmatch(r"(.+ of .+) of ([A-Z][\w ]+)", label)
    if m and not m.group(1).endswith("Republic"):  # "... of the People's Republic of China" names the country
        place = gazetteer.lookup(m.group(2))
        if place is not None and place.type == "Place" and place.kind == "country":
            return m.group(1), [label, *aliases]
    return label, aliases


def _without_full_stop(cand: Candidate, sentence_end: int) -> Candidate:
    """A name ending its sentence in "Ltd." without the sentence's full stop.

    Examples:
        >>> c = Candidate(0, 14, "Acme Pte Ltd.", "Organization", "Acme Pte Ltd.")
        >>> _without_full_stop(c, 14).label, _without_full_stop(c, 20).label
        ('Acme Pte Ltd', 'Acme Pte Ltd.')
    """
    if cand.end != sentence_end or not re.search(r"\b[A-Z][a-z]+\.$", cand.text):  # not "U.S."
        return cand
    return dataclasses.replace(cand, end=cand.end - 1, text=cand.text[:-1], label=cand.label.rstrip("."))


def in_capitals(text: str) -> bool:
    """Whether a line is set in capitals (nine letters in ten, a dozen at least).

    Examples:
        >>> in_capitals("SPEECH BY MRS JOSEPHINE TEO"), in_capitals("The MTI said so.")
        (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def recased(text: str, acronyms: frozenset[str] = frozenset()) -> str:
    """A line set in capitals in title case, each word in place (offsets unchanged); other text as it is.

    A speech's or a release's heading in capitals ("SPEECH BY SENIOR MINISTER OF STATE TAN
    KIAT HOW AT THE ...") holds names the rules read by their capitals. Small words go
    to lower case; a word the gazetteer or the lexicon knows in capitals, or one of the
    ``acronyms`` the document writes in capitals elsewhere, stays so.

    Examples:
        >>> recased("SPEECH BY MRS JOSEPHINE TEO AT THE OPENING OF THE SMART CHINA EXPO, 22 AUGUST 2022")
        'Speech by Mrs Josephine Teo at the Opening of the Smart China Expo, 22 August 2022'
        >>> recased("REMARKS BY MINISTER TAN AT THE CCI JIC MEETING", frozenset({"JIC"}))
        'Remarks by Minister Tan at the CCI JIC Meeting'
        >>> recased("The Ministry of Trade and Industry (MTI) said so.")
        'The Ministry of Trade and Industry (MTI) said so.'
    """
    if not in_capitals(text):
        return text

    def word(match: re.Match) -> str:
        w = match.group(0)
        if match.start() > 0 and is_small_word(w):
            return w.lower()  # "of", "the"; "SECOND" of "SECOND ... COMMITTEE MEETING" is no name's word
        if lexicon.is_honorific(w.capitalize()):
            return w.capitalize()  # "MRS", "DR"
        if gazetteer.lookup(w) is not None and gazetteer.lookup(w.capitalize()) is None \
                or lexicon.is_generic_acronym(w) or w in acronyms or not re.search(r"[AEIOUY]", w):
            return w  # "CCI", "MOU", "JIC": an acronym
        return "-".join(part.capitalize() for part in w.split("-"))

    return re.sub(r"[A-Za-z][A-Za-z'’-]*", word, text)


def generic_agreement(label: str) -> bool:
    """Whether a capitalised agreement name is only its kind ("Joint Letter of Intent").

    Examples:
        >>> generic_agreement("Joint Letter of Intent"), generic_agreement("Free Trade Agreement")
        (True, False)
    """
    kind = re.sub(r"^joint ", "", label.lower())
    return kind in ("letter of intent", "memorandum of understanding", "agreement", "mou", "contract")


def _edition_label(series: str, year: str) -> str:
    return f"{series} {year}"


# a short name defined in brackets right after a name: ("Tidewater"), (the "Fund"), (hereinafter "SGX")
_DEFINED_NAME = re.compile(r"\s*\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?[\"“]"
                           r"(?P<short>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})[\"”]\s*\)")


class Recognition:
    """The state recognition and coreference share while they read one document.

    :func:`analyze` makes one, runs the recognition passes (names, described things,
    the gazetteer, open-world candidates) and then coreference
    (:func:`~sgcn.loaders.extract.coref.resolve_references`: editions, meetings,
    occasions, references), each pass reading and changing the attributes below, and
    finally freezes it into an :class:`~sgcn.loaders.extract.spans.Analysis`.

    Attributes:
        doc, text: the document and its kept text.
        year: the document's year (``""`` when undated), which "last year" is read against.
        sentences, dateline, parses: the sentences, the dateline's span, the trained
            pipeline's parses.
        registry: the entities found so far, by key, with every name they go by.
        mentions: the resolved mentions so far (see :meth:`mention`, :meth:`taken`).
        person_refs: "Mr Goh"-like references waiting for their full name.
        containers: described spans ("the MOU between A and B") that may hold names.
        cores: (type, kind) -> the described entity of that kind ("the MOU").
        occasions: "the opening ceremony"-like mentions waiting for their event.
        inner_series: edition mentions holding a series' name ("the 2022 Harbour Expo").
        occasion_keys: the keys of the occasions coreference named.
    """

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.text = document.text
        self.year = document.date[:4] if _YEAR.fullmatch(document.date[:4] or "") else ""
        self.sentences = split_sentences(document)
        self.dateline = dateline_span(document)
        self.parses = parse(self.sentences, skip=self.dateline)
        self.registry = Registry()
        self.mentions: list[EntityMention] = []
        self._index: list | None = None  # of mentions by start offset (see _overlapping)
        self._reach: tuple | None = None  # of sentences by offset (see sentence_at)
        self.person_refs: list[Candidate] = []
        self.containers: set[tuple[int, int, str]] = set()  # described spans, which may hold names
        self.cores: dict[tuple[str, str], str] = {}  # (type, kind) -> key of a described entity
        self.occasions: list[Candidate] = []  # "the opening ceremony": resolved by coreference
        self.inner_series: list[tuple[int, int, str]] = []  # edition mentions holding a series' name
        self.occasion_keys: set[str] = set()  # keys of the occasions coreference named
        self.defined: dict[str, str] = {}  # a short name the text defines ("Acme Pte. Ltd. ("Acme")") -> key
        # [mentions read, how many, body -> its first-named numbered meeting] (coref._first_meetings)
        self.first_meetings_kept: list | None = None

    # ---------------------------------------------------------------- helpers
    def taken(self, start: int, end: int, *, nested_ok: bool = False) -> bool:
        """Whether a mention (not a described container) overlaps ``start:end``.

        With ``nested_ok``, mentions lying inside the span do not count.
        """
        for m in self._overlapping(start, end):
            if (m.start, m.end, m.entity) not in self.containers:
                if nested_ok and start <= m.start and m.end <= end:
                    continue
                return True
        return False

    def _overlapping(self, start: int, end: int) -> Iterator[EntityMention]:
        """The mentions overlapping ``start:end``, found in an index by start offset.

        Asked once per candidate name, a scan of every mention made a long document's
        recognition quadratic (a million characters: minutes). The index follows
        :attr:`mentions` as it grows by :meth:`mention` and is made again when the list
        is replaced or shortened; only mentions starting within the longest mention's
        length before ``start`` can reach it.
        """
        mentions = self.mentions
        starts, longest = self._starts()
        low = bisect.bisect_left(starts, (start - longest + 1, -1))
        high = bisect.bisect_left(starts, (end, -1))
        for _, at in starts[low:high]:
            if start < mentions[at].end:
                yield mentions[at]

    def _starts(self) -> tuple[list[tuple[int, int]], int]:
        """The index of :attr:`mentions`: (start, position in the list) sorted, and the longest's length."""
        mentions = self.mentions
        index = self._index
        if index is None or index[0] is not mentions or index[1] > len(mentions):
            index = self._index = [mentions, 0, [], 0]  # the list, how many indexed, sorted (start, at), longest
        starts = index[2]
        if len(mentions) - index[1] > 16:  # made again (a list replaced): sorted at once, not one by one
            starts.extend((mentions[at].start, at) for at in range(index[1], len(mentions)))
            starts.sort()
        else:
            for at in range(index[1], len(mentions)):
                bisect.insort(starts, (mentions[at].start, at))
        for at in range(index[1], len(mentions)):
            index[3] = max(index[3], mentions[at].end - mentions[at].start)
        index[1] = len(mentions)
        return starts, index[3]

    def overlapped(self, start: int, end: int) -> bool:
        """Whether any mention, described containers included, overlaps ``start:end`` (see :meth:`taken`)."""
        return next(self._overlapping(start, end), None) is not None

    def starting_at(self, start: int) -> list[EntityMention]:
        """The mentions starting at offset ``start``, in the order they were made."""
        starts, _ = self._starts()
        low, high = bisect.bisect_left(starts, (start, -1)), bisect.bisect_left(starts, (start + 1, -1))
        return [self.mentions[at] for _, at in starts[low:high]]

    def inside(self, start: int, end: int) -> list[EntityMention]:
        """The mentions lying within ``start:end``, in the order they were made."""
        starts, _ = self._starts()
        low, high = bisect.bisect_left(starts, (start, -1)), bisect.bisect_left(starts, (end + 1, -1))
        mentions = self.mentions
        return [mentions[at] for at in sorted(at for _, at in starts[low:high] if mentions[at].end <= end)]

    def sentence_at(self, offset: int):
        """The first sentence (in the list's order) holding ``offset``, or ``None``.

        Found by bisection, where a scan of every sentence per mention made long documents
        quadratic: among the sentences starting by ``offset`` (a prefix, the sentences being
        in text order), the first whose end passes it is the first at which the running
        maximum of ends does. Sentences out of text order are scanned.
        """
        sentences = self.sentences
        reach = self._reach
        if reach is None or reach[0] is not sentences or reach[1] != len(sentences):
            starts = [s.start for s in sentences]
            ordered = all(a <= b for a, b in zip(starts, starts[1:]))
            ends = list(itertools.accumulate((s.end for s in sentences), max)) if ordered else None
            reach = self._reach = (sentences, len(sentences), starts, ends)
        _, _, starts, ends = reach
        if ends is None:
            return next((s for s in sentences if s.start <= offset < s.end), None)
        starting = bisect.bisect_right(starts, offset)
        found = bisect.bisect_right(ends, offset, 0, starting)
        return sentences[found] if found < starting else None

    def ending_at(self, end: int) -> list[EntityMention]:
        """The mentions ending at offset ``end``, in the order they were made."""
        starts, longest = self._starts()
        low, high = bisect.bisect_left(starts, (end - longest, -1)), bisect.bisect_left(starts, (end + 1, -1))
        mentions = self.mentions
        return [mentions[at] for at in sorted(at for _, at in starts[low:high] if mentions[at].end == end)]

    def retarget(self, rename: dict[str, str], *, retype: bool = False) -> None:
        """Point the mentions of each entity ``rename`` holds at the entity it names instead
        (with ``retype``, taking that entity's type too)."""
        if rename:
            self.mentions = [m if m.entity not in rename else EntityMention(
                m.start, m.end, m.text, rename[m.entity],
                self.registry.records[rename[m.entity]].type if retype else m.type) for m in self.mentions]

    def mention(self, start: int, end: int, key: str) -> None:
        """Record a mention of the entity ``key`` at ``start:end`` of the text."""
        type_ = self.registry.records[key].type
        self.mentions.append(EntityMention(start, end, self.text[start:end], key, type_))

    def _possessive_label(self, cand: Candidate) -> tuple[str, list[str]]:
        """"Shenzhen's Bureau of Commerce" -> "Shenzhen Bureau of Commerce" (a local body)."""
        place = gazetteer.lookup(cand.possessor)
        if (cand.type == "Organization" and place is not None and place.type == "Place"
                and place.kind in ("city", "province") and not gazetteer.lookup(cand.label)):
            return f"{place.label} {cand.label}", [cand.label, f"{cand.possessor}'s {cand.label}"]
        return cand.label, []

    # ---------------------------------------------------------------- pass 1
    def names(self) -> None:
        # the acronyms the document writes in running text ("JIC"), kept in capitals in a heading's words
        acronyms = frozenset(w for sentence in self.sentences if not in_capitals(sentence.text)
                             for w in re.findall(r"\b[A-Z][A-Z0-9&]{1,6}\b", sentence.text))
        self._byline_authors()
        for sentence, parsed in zip(self.sentences, self.parses):
            headline = is_headline(sentence.text)
            found = find_names(sentence.text, sentence.start)
            if self.dateline and sentence.start < self.dateline[1] < sentence.end:
                # no name runs over a dateline's end ("SINGAPORE--(BUSINESS WIRE)--Acme Pte. Ltd.")
                cut = self.dateline[1] - sentence.start
                found = find_names(sentence.text[:cut], sentence.start) + find_names(sentence.text[cut:],
                                                                                       sentence.start + cut)
            text = recased(sentence.text, acronyms)
            if text != sentence.text:
                # a heading set in capitals ("SPEECH BY MRS JOSEPHINE TEO, MINISTER ..., AT THE X
                # DIALOGUE"), read as a title: its people and its named series' editions (its
                # meetings and ceremonies are read from the capitals as they stand)
                # ("... AT THE CHINA-SINGAPORE (SUZHOU) DIGITAL TRADE WEEK 2026": the whole edition,
                # not the pieces the capitals give inside it)
                titled = [c for c in find_names(text, sentence.start)
                          if c.type == "Person" or c.type == "Event" and lexicon.is_recurring_event(
                              next((w for w in reversed(c.label.split()) if not _YEAR.fullmatch(w)), ""))]
                titled = [c for c in titled if not any(f.start < c.end and c.start < f.end
                                                       and not (c.start <= f.start and f.end <= c.end) for f in found)]
                found = [f for f in found if not any(c.start <= f.start and f.end <= c.end for c in titled)] + titled
            for cand in found if headline else self._split_by_model(found, parsed):
                cand = _without_full_stop(cand, sentence.end)
                if headline and not self._headline_name(cand, sentence):
                    continue
                if cand.type == "PersonRef":
                    self.person_refs.append(cand)
                    continue
                if cand.type == "Agreement" and (self._batch(cand.start) or generic_agreement(cand.label)):
                    continue
                label, aliases = self._possessive_label(cand)
                aliases += cand.aliases + ([cand.acronym] if cand.acronym else [])
                edition = self._edition_in(cand) if cand.type == "Event" else None
                if edition:
                    series_label, year, series_aliases = edition
                    series = self.registry.add("Event", series_label, series_aliases)
                    key = self.registry.add("Event", _edition_label(self.registry.records[series].label, year),
                                            [label])
                    self.mention(cand.start, cand.end, key)
                    self._series_inside(cand.start, cand.end, series)
                    continue
                defined = _DEFINED_NAME.match(self.text, cand.end) if cand.type not in ("Person", "Event") and not any(
                    o.end == cand.end and o.start > cand.start for o in found) else None
                if defined and defined.group("short").isupper():
                    defined = None  # an acronym ("hereinafter "CCI""): the acronym passes read those
                if defined:  # 'Tidewater Pay Pte. Ltd. ("Tidewater")': the name the text goes on with (the
                    # innermost name before it: "the X Committee of the Y Fund (the "Fund")")
                    aliases.append(defined.group("short"))
                key = self.registry.add(cand.type, label, aliases)
                if defined:
                    self.defined.setdefault(normalize(defined.group("short")), key)
                if cand.nested:
                    self.mention(cand.start, cand.end, key)
                else:
                    self._mention_or_its_edition(cand.start, cand.end, key)
        self._contact_blocks()
        self._described()
        self._dateline_place()
        open_world.recognize(self)
        retype_described(self)

    def _split_by_model(self, cands: list[Candidate], parsed) -> list[Candidate]:
        """The rule names, each name joined over "and" that the model reads as two replaced by its pieces.

        A piece the rules type stays; one they cannot ("PSA International") is left to
        open-world recognition, which reads the model's label.
        """
        if parsed is None:
            return cands
        out: list[Candidate] = []
        for cand in cands:
            pieces = open_world.coordinated_names(parsed, cand.start, cand.end) \
                if re.search(r" (?:and|&) ", cand.text) else []
            if not pieces:
                out.append(cand)
                continue
            for start, end in pieces:
                out += [c for c in find_names(self.text[start:end], start) if c.start >= start and c.end <= end]
        return out

    def _dateline_place(self) -> None:
        """The place a dateline opens with, in capitals or not ("SHENZHEN, China, June 6, 2022 -")."""
        if self.dateline is None:
            return
        start, end = self.dateline
        for m in re.finditer(r"[^,/(]+", self.text[start:end]):
            name = m.group(0).strip()
            entry = gazetteer.lookup(name) or gazetteer.lookup_casefold(name)
            if entry is None or entry.type != "Place":
                break  # the places come first; the date follows
            at = start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            if not self.taken(at, at + len(name)):
                self.mention(at, at + len(name), self.registry.add(entry.type, entry.label, [name]))

    def _headline_name(self, cand: Candidate, sentence) -> bool:
        """Whether a name read in a title-case headline is evidence of an entity.

        Every word of such a headline is capitalised, so "Logistics Cooperation
        Memorandum" may be a description set in capitals: an agreement, initiative,
        project or publication counts only when the rest of the document names it too
        (in any case). Persons, organisations, events and places keep their head-word evidence.
        """
        if cand.type not in ("Agreement", "Initiative", "Project", "Publication"):
            return True
        rest = (self.text[:sentence.start] + " " + self.text[sentence.end:]).lower()
        return normalize(cand.label) in normalize(rest)

    def _described(self) -> None:
        """Agreements, events, projects named by description; one entity per kind per document."""
        for sentence, parsed in zip(self.sentences, self.parses):
            finite = frozenset(parsed.offset(t) - sentence.start for t in parsed
                               if t.tag_ in ("VBZ", "VBP", "VBD", "MD") and t.pos_ in ("VERB", "AUX")) \
                if parsed is not None else frozenset()
            for cand in find_described(sentence.text, sentence.start, finite):
                if cand.rule == "occasion":
                    self.occasions.append(cand)
                    continue
                if any(m.start == cand.start and (m.end == cand.end or m.type == cand.type and re.match(
                        r"\s+(?:with|between|by|to|for)\s", self.text[m.end:cand.end]))
                       for m in self._overlapping(cand.start, cand.end)):
                    # a name the rules read ("a Memorandum of Understanding on X"), also with a
                    # complement after it ("... on X with B": B signed it; "... on AI safety testing"
                    # is a longer name): no description
                    continue
                core = cand.aliases[0]
                key = self.cores.get((cand.type, core))
                if key is None:
                    key = self.cores[(cand.type, core)] = self.registry.add(cand.type, cand.label, cand.aliases[1:],
                                                                            generic=True)
                else:
                    self.registry.extend(key, cand.label)
                if self.taken(cand.start, cand.end, nested_ok=True):
                    continue
                self.containers.add((cand.start, cand.end, key))
                self.mention(cand.start, cand.end, key)

    def _batch(self, start: int) -> bool:
        """Whether the agreement named at ``start`` is counted ("eight Memorandum ...")."""
        before = self.text[max(0, start - 20):start].split()
        return bool(before) and (before[-1].isdigit() or before[-1].lower() in _NUMBER_WORDS)

    def _edition_in(self, cand: Candidate) -> tuple[str, str, list[str]] | None:
        """(series label, year, series aliases) when the name holds a year: "2019 Smart China Expo"."""
        words = cand.label.split()
        if len(words) < 2:
            return None
        if _YEAR.fullmatch(words[-1]) and lexicon.is_recurring_event(words[-2]):
            return " ".join(words[:-1]), words[-1], [cand.acronym] if cand.acronym else []
        if _YEAR.fullmatch(words[0]) and lexicon.is_recurring_event(words[-1]):
            return " ".join(words[1:]), words[0], [cand.acronym] if cand.acronym else []
        return None

    def _byline_authors(self) -> None:
        """The authors a byline names are persons ("By Chloe Ang-Tan, Tech Editor | 9 June"), read
        before the names of the sentence so that their whole name is the mention."""
        for sentence in self.sentences:
            line = strip_marks(sentence.text)
            if not is_byline(line):
                continue
            at = sentence.start + sentence.text.index(line)
            for start, end in byline_authors(line):
                name = line[start:end]
                if not gazetteer.lookup(name) and not self.taken(at + start, at + end):
                    self.mention(at + start, at + end, self.registry.add("Person", name))

    def _contact_blocks(self) -> None:
        """The name of a media contact names a person, a field after it shaped as a name their body
        (:func:`~sgcn.loaders.extract.contacts.contact_blocks`): "Ann Lee, Quayline Robotics, ann@...".
        """
        for contact in contact_blocks(self.text):
            start, end = contact.name
            name = self.text[start:end]
            words = name.split()
            if words and lexicon.is_honorific(words[0]):
                start += len(name) - len(name.split(None, 1)[1])
                name = self.text[start:end]
            if not (gazetteer.lookup(name) or self.registry.find(name) or self.taken(start, end)):
                self.mention(start, end, self.registry.add("Person", name))
            elif not any(m.type == "Person" for m in self._overlapping(start, end)):
                continue
            for start, end in contact.fields:
                body = self.text[start:end]
                if is_body_field(body) and not gazetteer.lookup(body) and not self.taken(start, end):
                    self.mention(start, end, self.registry.add("Organization", body))

    # ---------------------------------------------------------------- pass 2
    def known_names(self) -> None:
        names: dict[str, str] = {}
        for key, record in self.registry.records.items():
            for name in (record.label, *record.aliases):
                if not record.generic or name == record.label:
                    names.setdefault(name, key)
        for name in gazetteer.names():
            names.setdefault(name, "")
        ordered = sorted(names, key=lambda n: (-len(n), n))
        # the alternation (?<![\w@.-])(?:name|...)(?![\w@]|-[A-Z]), found without compiling it
        pattern = Literals(ordered, before=_NAME_BEFORE, after=_NAME_AFTER)
        folded = {normalize(n): n for n in ordered if not n.isupper()}
        upper: dict[str, str] = {}
        rx = None
        for sentence in self.sentences:
            caps = sentence.text.isupper()
            found = []
            if caps:
                if rx is None:
                    upper = {n.upper(): n for n in folded.values()}
                    rx = Literals(upper, before=_CAPS_BEFORE, after=_CAPS_AFTER)  # (?<![\w-])(?:NAME|...)(?![\w-])
                for m in rx.finditer(sentence.text):
                    found.append((m.start(), m.end(), upper[m.group(0)]))
            else:
                for m in pattern.finditer(sentence.text):
                    found.append((m.start(), m.end(), m.group(0)))
            for s, e, name in found:
                start, end = sentence.start + s, sentence.start + e
                if self.taken(start, end):
                    continue
                if _CURRENCY.match(self.text, end):  # "U.S. dollars", "Singapore dollars"
                    continue
                key = names.get(name) or self._gazetteer_key(name)
                if key is not None:
                    self._mention_or_its_edition(start, end, key)

    def _gazetteer_key(self, name: str) -> str | None:
        entry = gazetteer.lookup(name)
        if entry is None:
            return None
        return self.registry.add(entry.type, entry.label, [name])

    def _venue_cities(self) -> None:
        """Mention the city a venue's name opens with ("the Chengdu Century City Convention Centre").

        A careful reader takes the city of such a venue as where the event was; the
        relation rules read it from this nested mention. Only cities and provinces of
        the gazetteer count, and only at the start of a longer place name.
        """
        for venue in [m for m in self.mentions if m.type == "Place"]:
            record = self.registry.records[venue.entity]
            if gazetteer.lookup(record.label) is not None:
                continue
            for name in gazetteer.names():
                if not venue.text.startswith(name + " "):
                    continue
                entry = gazetteer.lookup(name)
                if entry.type == "Place" and entry.kind in ("city", "province"):
                    key = self._gazetteer_key(name)
                    if not any(m.entity == key for m in self.starting_at(venue.start)):
                        self.mention(venue.start, venue.start + len(name), key)
                break

    def _mention_or_its_edition(self, start: int, end: int, key: str) -> None:
        """Mention ``key`` over ``start:end``, or, where the words around name a year of
        it ("the 2019 Harbour Expo"), that edition over the wider span with the series
        mentioned inside; nothing where the span is already taken."""
        start, end, edition = self._edition_around(start, end, key)
        if self.taken(start, end):
            return
        self.mention(start, end, edition)
        if edition != key:
            self._series_inside(start, end, key)

    def _series_inside(self, start: int, end: int, series: str) -> None:
        """Remember that the edition mentioned at ``start:end`` holds the name of ``series``."""
        self.inner_series.append((start, end, series))

    def unnamed_series(self) -> None:
        """Mention a well-known series named only inside an edition's name ("The 2021 Smart China Expo opened").

        An edition of a series the gazetteer knows (the recurring events the graph tracks
        as series, such as the Smart China Expo) still gives the series, with the first
        sentence naming the edition as evidence, so that the edition can be stated part of
        it. Any other series named only inside its edition's name ("the 2022 CCI-ILSTC
        Forum") is a name of that edition, not an entity of its own; a series the
        document names on its own needs nothing more.
        """
        mentioned = {m.entity for m in self.mentions}
        for start, end, series in self.inner_series:
            if series in mentioned:
                continue
            if gazetteer.lookup(self.registry.records[series].label) is None:
                continue
            if not any(m.end == end for m in self.starting_at(start)):
                continue  # the edition's mention gave way to a longer one
            if self.mention_inside(start, end, series):
                mentioned.add(series)

    def mention_inside(self, start: int, end: int, key: str) -> bool:
        """Mention ``key`` at the longest of its names that stands inside ``start:end`` as a
        part of it (a series inside its edition's name, a council inside its session's); whether
        one does."""
        record = self.registry.records[key]
        for name in sorted((record.label, *record.aliases), key=len, reverse=True):
            found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text[start:end])
            if found and (found.start(), found.end()) != (0, end - start):
                self.mention(start + found.start(), start + found.end(), key)
                return True
        return False

    def _edition_around(self, start: int, end: int, key: str) -> tuple[int, int, str]:
        """Widen a mention of a recurring event to an edition year next to it ("SCE 2019")."""
        record = self.registry.records[key]
        if record.type != "Event" or not lexicon.is_recurring_event(record.label.split()[-1]):
            return start, end, key
        after = re.match(r"(\s*\([A-Z]{2,}\))?\s+((?:19|20)\d\d)\b", self.text[end:end + 16])
        before = re.search(r"(?:^|\b(?:[Tt]he|[Tt]his|[Ll]ast|[Aa]t|[Oo]f)\s+)((?:19|20)\d\d)\s+$",
                           self.text[max(0, start - 12):start])
        if after:
            year, end = after.group(2), end + after.end()
        elif before:
            year, start = before.group(1), start - (len(self.text[max(0, start - 12):start]) - before.start(1))
        else:
            return start, end, key
        surface = self.text[start:end]
        surface = re.sub(r"\s*\([A-Z]{2,}\)", "", surface)
        edition = self.registry.add("Event", _edition_label(record.label, year), [surface])
        return start, end, edition

    # ---------------------------------------------------------------- assemble
    def _rekey(self) -> None:
        """Give entities whose label grew (described ones) the key of their final label."""
        rename = {}
        for key, record in list(self.registry.records.items()):
            new = entity_key(record.type, record.label)
            if new != key and new not in self.registry.records:
                self.registry.records[new] = self.registry.records.pop(key)
                rename[key] = new
        if rename:
            self.retarget(rename)
            for record in self.registry.records.values():
                record.identity = tuple(rename.get(part, part) for part in record.identity)

    def analysis(self) -> Analysis:
        from sgcn.loaders.extract.coref import resolve_references

        resolve_references(self)
        self._rekey()
        if self.dateline:  # a dateline names where the story was filed and the wire, no party of it
            start, end = self.dateline
            self.mentions = [m for m in self.mentions if m.type == "Place" or not (start <= m.start and m.end <= end)]
        mentions = tuple(sorted(set(self.mentions), key=lambda m: (m.start, -m.end, m.entity)))
        keys = {m.entity for m in mentions}
        entities = {k: self.registry.entity(k) for k in sorted(keys)}
        return Analysis(self.doc, tuple(self.sentences), mentions, entities, tuple(self.parses))


_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "several", "many", "multiple", "some", "15", "dozens"}


def analyze(document: Document) -> Analysis:
    """Sentences, resolved entity mentions and entities of ``document``.

    Args:
        document: a document as a loader kept it; ``document.date`` anchors
            references such as "last year's expo".

    Returns:
        The :class:`~sgcn.loaders.extract.spans.Analysis` every rule stage reads.
        Mentions are in text order; a name nested in a longer one ("Chongqing
        Connectivity Initiative" inside "... Senior Officials Meeting") is a
        mention of its own and follows the longer one.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> doc = Document(source="b.txt", sha256="0" * 64, format="plaintext", date="2019-08-27",
        ...     text="Alibaba's Jack Ma attended the expo. This year's event built on the inaugural "
        ...          "Smart China Expo in 2018.")
        >>> sorted({m.entity for m in analyze(doc).mentions})  # doctest: +NORMALIZE_WHITESPACE
        ['Event/smart china expo 2018', 'Event/smart china expo 2019', 'Organization/alibaba',
         'Person/jack ma']
    """
    analyzer = Recognition(document)
    analyzer.names()
    analyzer.known_names()
    analyzer.unnamed_series()
    analyzer._venue_cities()
    return analyzer.analysis()
