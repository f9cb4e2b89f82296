"""Coreference inside one document: the last pass of entity recognition.

:func:`resolve_references` adds the mentions that refer back (or forward) to entities
the name passes found, and names the entities such references stand for. The
references back to a named entity are resolved here; the kinds of event that
coreference names have a module each. The passes, in the order they run:

1. people by surname: "Mr Goh" is the Goh named most recently before, else the first
   named after (here);
2. committee meetings: "the 3rd JIC meeting", "the fifth CCI JIC"
   (:mod:`~sgcn.loaders.extract.meetings`);
3. series and editions: "last year's expo", "the inaugural SCE in 2018", "The Harbour
   Tech Fair opened on Monday", the series at which things happen in a story about
   this year's edition (:mod:`~sgcn.loaders.extract.editions`); then a series named
   only inside an edition's name gets a mention of its own (the analyzer's
   ``unnamed_series``);
4. things announced before they are named: "a new fund ... . The fund, called the X
   Fund, ..." (here);
5. definite references: "the expo", "the initiative", "the Pavilion", "the meeting"
   are the nearest entity of their kind (here), leaving aside at first the occasions
   named by their kind ("the opening ceremony");
6. occasions: "at a signing ceremony", "the opening ceremony" are named after what
   they belong to (:mod:`~sgcn.loaders.extract.occasions`); definite references then
   run again for what is left;
7. acronyms written out: "SCE Organizing Committee" is also the "Smart China Expo
   Organizing Committee" (:mod:`~sgcn.loaders.extract.acronyms`);
8. short forms: "the Smart City Initiative" is the "Singapore-China (Shenzhen) Smart
   City Initiative" the document names, "Kaiyun Cloud" the "Chongqing Kaiyun Cloud
   Technology Co., Ltd." (here).

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> doc = Document(source="c.txt", sha256="0" * 64, format="plaintext", date="2020-03-09",
    ...     text="Chongqing will co-host the 2020 Smart China Expo. Deals were signed at last "
    ...          "year's expo, and Minister Luke Goh said the expo grows. Mr Goh agreed.")
    >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.type != "Place"]  # doctest: +NORMALIZE_WHITESPACE
    [('2020 Smart China Expo', 'Event/smart china expo 2020'),
     ('Smart China Expo', 'Event/smart china expo'),
     ("last year's expo", 'Event/smart china expo 2019'),
     ('Luke Goh', 'Person/luke goh'),
     ('the expo', 'Event/smart china expo 2019'),
     ('Mr Goh', 'Person/luke goh')]
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Iterable

from sgcn.loaders.extract import company_names, lexicon
from sgcn.loaders.extract.acronyms import _spelled_out
from sgcn.loaders.extract.editions import _ORDINAL, _current_edition, _running_series, _year_references
from sgcn.loaders.extract.meetings import _is_committee, _meetings
from sgcn.loaders.extract.naming import normalize
from sgcn.loaders.extract.occasions import _occasions
from sgcn.loaders.extract.spans import EntityMention

if TYPE_CHECKING:
    from sgcn.loaders.extract.mentions import Recognition


def resolve_references(an: "Recognition") -> None:
    """Add the mentions that refer back (or forward) to entities already named.

    Args:
        an: the analyzer of one document after its name passes.
    """
    _defined_names(an)
    _person_refs(an)
    _bare_surnames(an)
    _meetings(an)
    _year_references(an)
    _running_series(an)
    _current_edition(an)
    _series_by_short_form(an)
    an.unnamed_series()
    _named_later(an)
    _definite_references(an, skip_occasions=True)
    _occasions(an)
    _definite_references(an)
    _spelled_out(an)
    _short_forms(an)
    _company_short_forms(an)


def _defined_names(an: "Recognition") -> None:
    """A short name the text defines in brackets is the entity it was defined after, whatever else
    recognition made of it: 'Tidewater Pay Pte. Ltd. ("Tidewater") ... chief executive of Tidewater'.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="d.txt", sha256="0" * 64, format="plaintext", date="2026-03-04",
        ...     text='Harbourlight Pay Pte. Ltd. ("Harbourlight") went live. "It works," said Ann Lee, '
        ...          'chief executive of Harbourlight.')
        >>> sorted((e.type, e.label) for e in analyze(doc).entities.values())
        [('Organization', 'Harbourlight Pay Pte. Ltd.'), ('Person', 'Ann Lee')]
    """
    if not an.defined:
        return
    records = an.registry.records
    rename = {m.entity: target for m in an.mentions
              if (target := an.defined.get(normalize(records[m.entity].label))) and target != m.entity}
    for key, target in rename.items():
        an.registry.index[normalize(records[key].label)] = target
    an.retarget(rename, retype=True)


def _short_forms(an: "Recognition") -> None:
    """A name written without the places or acronym that open its full form is that entity.

    "the Smart City Initiative" after "the Singapore-China (Shenzhen) Smart City
    Initiative", "the Knowledge City" after "the China-Singapore Guangzhou Knowledge
    City", "the New International Land-Sea Trade Corridor" beside the "CCI-New
    International Land-Sea Trade Corridor": when exactly one entity of the same type
    (or of another of the types a place, programme or body is given) has such a full
    form in the document, the short one is a name of it. Occurrences
    and series are left to their own passes (a year or an ordinal is no place).

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="s.txt", sha256="0" * 64, format="plaintext", date="2021-03-04",
        ...     text="Work on the NDPI Northern Freight Corridor starts next year. The Northern Freight "
        ...          "Corridor will halve trucking times to Laos.")
        >>> sorted(e.label for e in analyze(doc).entities.values() if e.type != "Place")
        ['NDPI Northern Freight Corridor']
    """
    mentioned = {m.entity for m in an.mentions}
    places = {w for r in an.registry.records.values() if r.type == "Place" for w in (r.label, *r.aliases)}
    rename: dict[str, str] = {}
    ending = _by_ending((other, name) for other, full in an.registry.records.items()
                        if other in mentioned and not full.identity for name in _forms(full.label, *full.aliases))
    for key, record in an.registry.records.items():
        words = record.label.split()
        if key not in mentioned or len(words) < 2 or record.identity or record.type == "Person":
            continue
        fuller = {other for other in ending.get(record.label, ())
                  if other != key and (full := an.registry.records[other])
                  and (full.type == record.type or {full.type, record.type} <= _INTERCHANGED)
                  and any(opens_with_places(name, record.label, places) for name in _forms(full.label, *full.aliases))}
        if len(fuller) == 1:
            rename[key] = fuller.pop()
    if not rename:
        return
    for key, target in rename.items():
        an.registry.records[target].aliases.add(an.registry.records[key].label)
    an.retarget(rename)


def _company_short_forms(an: "Recognition") -> None:
    """A company named again by a short name ("Kaiyun Cloud", "Meridian Data Labs") is the company named in full.

    The short name is one of :func:`~sgcn.loaders.extract.company_names.short_forms` of
    exactly one organisation the document names; whatever recognition made of it (an
    organisation of its own, or a person, as the trained pipeline often labels a brand)
    becomes that organisation. Shorter names go to the company their longer ones went to
    ("Meridian" -> "Meridian Data Labs" -> "Meridian Data Labs Pte Ltd").

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="s.txt", sha256="0" * 64, format="plaintext", date="2026-03-04",
        ...     text="Xiamen Lumora Optics Technology Co., Ltd. opened a plant. Lumora Optics will hire 200 people.")
        >>> sorted(e.label for e in analyze(doc).entities.values() if e.type != "Place")
        ['Xiamen Lumora Optics Technology Co., Ltd.']
    """
    records = an.registry.records
    mentioned = {m.entity for m in an.mentions}
    places = {w for r in records.values() if r.type == "Place" for w in (r.label, *r.aliases)}
    shortened: dict[str, set[str]] = {}
    for key in mentioned:
        record = records[key]
        if record.type == "Organization" and not record.identity:
            for name in (record.label, *record.aliases):
                for short in company_names.short_forms(name, places):
                    shortened.setdefault(normalize(short), set()).add(key)
    rename: dict[str, str] = {}
    for key in sorted(mentioned, key=lambda k: (-len(records[k].label), k)):
        record = records[key]
        if record.identity or record.type not in ("Organization", "Person"):
            continue
        fuller = {rename.get(other, other) for other in shortened.get(normalize(record.label), ())} - {key}
        if len(fuller) == 1:
            rename[key] = fuller.pop()
    if not rename:
        return
    for key, target in rename.items():
        records[target].aliases.add(records[key].label)
        an.registry.index[normalize(records[key].label)] = target
    an.retarget(rename, retype=True)


def _forms(*names: str) -> list[str]:
    """The names as written and without their brackets: "Singapore-China (Shenzhen) Smart City
    Initiative" is shortened to "Shenzhen Smart City Initiative" as well as to "Smart City Initiative".

    Examples:
        >>> _forms("Singapore-China (Shenzhen) Smart City Initiative", "SCI")
        ['Singapore-China (Shenzhen) Smart City Initiative', 'SCI', 'Singapore-China Shenzhen Smart City Initiative']
    """
    bare = [" ".join(re.sub(r"[()]", " ", name).split()) for name in names if "(" in name]
    return [*names, *bare]


def _series_by_short_form(an: "Recognition") -> None:
    """A series the document names without the places its editions' names open with is that series.

    "The inaugural Singapore-China Digital Policy Dialogue took place ..." under the
    headline "Singapore and China open Digital Policy Dialogue": the dialogue of the
    headline is the series the edition belongs to, named in full inside the edition's
    name. Its mentions become the series' and the series keeps a mention inside each
    edition, so the edition is stated part of it.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="s.txt", sha256="0" * 64, format="plaintext", date="2024-06-28",
        ...     text="Singapore and China open Data Policy Dialogue. The inaugural Singapore-China "
        ...          "Data Policy Dialogue took place in Beijing on Thursday.")
        >>> sorted(e.label for e in analyze(doc).entities.values() if e.type == "Event")
        ['Singapore-China Data Policy Dialogue', 'Singapore-China Data Policy Dialogue 2024']
    """
    mentioned = {m.entity for m in an.mentions}
    places = {w for r in an.registry.records.values() if r.type == "Place" for w in (r.label, *r.aliases)}
    rename: dict[str, str] = {}
    labelled: dict[str, list[str]] = {}  # what a full name can end with: the label of a mentioned entity
    for key in mentioned:
        labelled.setdefault(an.registry.records[key].label, []).append(key)
    for _, _, series in an.inner_series:
        full = an.registry.records[series]
        if series in mentioned or series in rename.values():
            continue
        shorter = {key for ending in _endings(full.label) for key in labelled.get(ending, ())
                   if key not in an.occasion_keys
                   and (record := an.registry.records[key]).type == "Event" and not record.identity
                   and opens_with_places(full.label, record.label, places)}
        if len(shorter) == 1:
            rename[shorter.pop()] = series
    if not rename:
        return
    for key, series in rename.items():
        an.registry.records[series].aliases.add(an.registry.records[key].label)
    an.retarget(rename)
    for start, end, series in an.inner_series:
        if series not in rename.values() or any(m.entity == series for m in an.inside(start, end)):
            continue
        record = an.registry.records[series]
        found = re.search(rf"(?<!\w){re.escape(record.label)}(?!\w)", an.text[start:end])
        if found:
            an.mention(start + found.start(), start + found.end(), series)


# Types one named place, programme or body may be given by different clues in one
# document ("Knowledge City" read as a place, "China-Singapore Guangzhou Knowledge City" a project).
_INTERCHANGED = {"Place", "Project", "Initiative", "Organization"}


def _endings(name: str) -> list[str]:
    """What ``name`` ends with after a space or a hyphen: the shorter names :func:`opens_with_places` may find in it.

    Examples:
        >>> _endings("CCI-New Land-Sea Corridor")
        ['New Land-Sea Corridor', 'Land-Sea Corridor', 'Sea Corridor', 'Corridor']
    """
    return [name[at:] for at in range(1, len(name)) if name[at - 1] in " -"]


def _by_ending(named: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each ending of the names (see :func:`_endings`) -> the keys of the names ending so."""
    found: dict[str, set[str]] = {}
    for key, name in named:
        for ending in _endings(name):
            found.setdefault(ending, set()).add(key)
    return found


def opens_with_places(full: str, short: str, places: set[str] = frozenset()) -> bool:
    """Whether ``full`` is ``short`` after places or an acronym: "China-Singapore Guangzhou Knowledge City".

    Used within one document (:func:`_short_forms`) and across documents
    (:mod:`~sgcn.loaders.extract.merge`).

    A place is one the gazetteer knows or one of ``places`` (those the document names).

    Examples:
        >>> opens_with_places("Singapore-China (Shenzhen) Smart City Initiative", "Smart City Initiative")
        True
        >>> opens_with_places("CCI-New International Land-Sea Trade Corridor", "New International Land-Sea Trade Corridor")
        True
        >>> opens_with_places("2022 Smart China Expo", "Smart China Expo")
        False
        >>> opens_with_places("Digital Trade Initiative", "Trade Initiative")
        False
    """
    if not full.endswith(short) or len(full) == len(short):
        return False
    prefix = full[:-len(short)]
    if not prefix.endswith((" ", "-")):
        return False
    parts = [w for w in re.split(r"[\s()-]+", prefix) if w]
    return bool(parts) and all(re.fullmatch(r"[A-Z]{2,6}", w) or w in places or _is_place(w) for w in parts)


def _is_place(word: str) -> bool:
    from sgcn.loaders.extract import gazetteer

    entry = gazetteer.lookup(word)
    return entry is not None and entry.type == "Place"


def _person_refs(an: "Recognition") -> None:
    """"Mr Goh": the Goh named most recently before, else the first named after."""
    persons = [m for m in an.mentions if m.type == "Person"]
    for ref in an.person_refs:
        surname = ref.label
        named = [m for m in persons if surname in an.registry.records[m.entity].label.split()]
        before = [m for m in named if m.start < ref.start]
        target = before[-1] if before else (named[0] if named else None)
        if target is None or an.taken(ref.start, ref.end):
            continue
        an.registry.records[target.entity].aliases.add(ref.text)
        an.mention(ref.start, ref.end, target.entity)


def _bare_surnames(an: "Recognition") -> None:
    """"After the meeting, Ding and Gan witnessed ...": people named again by the surname alone.

    The surname is the first word of a name that opens with one of the lexicon's surnames
    ("Ding Xuexiang", "Gan Kim Yong"), else its last ("Lawrence Wong"). A word is such a
    reference where the parse takes it for a proper noun standing alone (no capitalised
    word beside it, which would make it part of another name) after the person was named;
    the person of that surname named most recently before it is the one meant. The word
    is no alias of the person (another document's "Ding" may be someone else).

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="s.txt", sha256="0" * 64, format="plaintext", date="2026-03-04",
        ...     text="Vice Premier Ding Xuexiang met Lawrence Wong. Later, Ding and Wong toured the port.")
        >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.start > 40]
        [('Ding', 'Person/ding xuexiang'), ('Wong', 'Person/lawrence wong')]
    """
    persons = sorted((m for m in an.mentions if m.type == "Person"), key=lambda m: m.start)
    by_surname: dict[str, list[EntityMention]] = {}
    for m in persons:
        words = an.registry.records[m.entity].label.split()
        if len(words) >= 2:
            by_surname.setdefault(words[0] if lexicon.is_surname(words[0]) else words[-1], []).append(m)
    if not by_surname:
        return
    ends = {word: [m.end for m in named] for word, named in by_surname.items()}  # once: a long text names many
    for parsed in an.parses:
        if parsed is None:
            continue
        for token in parsed:
            named = by_surname.get(token.text)
            if named is None or token.pos_ != "PROPN" or _capitalised_beside(token):
                continue
            start = parsed.offset(token)
            end = start + len(token.text)
            at = bisect.bisect_right(ends[token.text], start)
            other = an.registry.find(token.text)
            if at == 0 or an.taken(start, end) or other is not None and not other.startswith("Person/"):
                continue
            an.mention(start, end, named[at - 1].entity)


def _capitalised_beside(token) -> bool:
    """Whether a capitalised word stands right before or after ``token`` in its sentence, a title
    before it aside ("Minister Lee", "Vice Premier Wang" name the person by title and surname)."""
    doc = token.doc
    capitalised = [0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha
                   for i in (token.i - 1, token.i + 1)]
    return capitalised[1] or capitalised[0] and not _title_before(token)


def _title_before(token) -> bool:
    """Whether the capitalised words right before ``token`` are a title and nothing more.

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("Vice Premier Wang and Hong Kong Lee met.")
        >>> _title_before(doc[2]), _title_before(doc[6])
        (True, False)
    """
    doc = token.doc
    for k in range(1, 5):
        first = token.i - k
        if first < 0:
            break
        words = [t.text for t in doc[first:token.i]]
        if lexicon.title_length(words, 0) == k and (
                first == 0 or not (doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha)):
            return True  # else a longer title may hold it ("Vice Premier")
    return False


def _named_later(an: "Recognition") -> None:
    """A thing announced before it is named: "launched a new fund ... . The fund, called the X, ...".

    "<the|a> <kind>, called|named|known as|dubbed <Name>" makes the kind phrase a
    mention of the name's entity; after a definite "The fund", the nearest indefinite
    "a new RMB 30 million fund" in that sentence or the two before it is one too, so
    that what is said of it (who launched it, its size) is said of the name.
    """
    refs = lexicon.data()["references"]
    nouns = {n.lower(): t for t, ns in refs.items() for n in ns}
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = re.compile(rf"\b(?P<det>[Tt]he|[Tt]his|[Aa]n?)\s+(?:[\w.-]+\s+){{0,6}}?(?P<n>{alternation})"
                         rf"\s*,?\s+(?:called|named|known\s+as|dubbed)\s+(?:the\s+)?(?=[A-Z])")
    for i, sentence in enumerate(an.sentences):
        for m in pattern.finditer(sentence.text):
            at = sentence.start + m.end()
            named = [x for x in an.starting_at(at) if x.type == nouns[m.group("n").lower()]]
            start, end = sentence.start + m.start(), sentence.start + m.end("n")
            if not named or an.taken(start, end):
                continue
            key = max(named, key=lambda x: x.end).entity
            an.mention(start, end, key)
            if m.group("det").lower() in ("the", "this"):
                _indefinite_before(an, an.sentences[max(0, i - 2):i + 1], start, m.group("n"), key)
    _named_next(an, nouns)


# a verb that makes the thing its indefinite object names: "to set up a S$40 million fund"
_CREATES = re.compile(r"\b(?:creat|set(?:s|ting)?\s+up|launch|establish|start|unveil|announc|form|roll\w*\s+out|"
                      r"introduc|inaugurat)\w*\s+(?:a|an)\s", re.I)


def _named_next(an: "Recognition", nouns: dict[str, str]) -> None:
    """"... set up a US$20 million fund on Friday. The Mekong Agritech Fund will invest ...".

    A sentence that opens with a name first given there, whose head is a kind noun
    ("Fund", "Initiative", "Programme"), names the indefinite "a ... fund" of the
    sentence just before it: that phrase becomes a mention of the
    name, so that its size and founders are the named fund's. Across a paragraph break
    (a news paragraph is often one sentence) the fund must be one being made ("to
    create a S$40 million fund"), not one that merely exists ("runs a fund").
    """
    for previous, sentence in zip(an.sentences, an.sentences[1:]):
        if "\n\n" in an.text[previous.end:sentence.start] and not _CREATES.search(previous.text):
            continue
        lead = re.match(r"(?:[Tt]he\s+)?", sentence.text).end()
        named = [x for x in an.starting_at(sentence.start + lead) if x.end <= sentence.end]
        if not named:
            continue
        first = max(named, key=lambda x: x.end)
        record = an.registry.records.get(first.entity)
        noun = record.label.split()[-1].lower() if record else ""
        if nouns.get(noun) != first.type or any(x.entity == first.entity and x.start < first.start
                                                 for x in an.mentions):
            continue
        _indefinite_before(an, [previous], sentence.start, noun, first.entity)


def _indefinite_before(an: "Recognition", sentences, position: int, noun: str, key: str) -> None:
    """Make the last "a/an ... <noun>" before ``position`` in ``sentences`` a mention of ``key``."""
    pattern = re.compile(rf"\b[Aa]n?\s+(?:[\w.$€£¥%-]+\s+){{0,6}}?{re.escape(noun)}\b(?!s\b|-)", re.I)
    found = [(s.start + m.start(), s.start + m.end()) for s in sentences for m in pattern.finditer(s.text)
             if s.start + m.end() <= position]
    if found and not an.taken(*found[-1]):
        an.mention(*found[-1], key)


def _definite_references(an: "Recognition", *, skip_occasions: bool = False) -> None:
    """"the expo", "the initiative", "this event": the nearest entity of the kind (see :func:`_antecedent`).

    A span inside a described entity's mention ("the signing ceremony of the letter")
    is that entity's; with ``skip_occasions``, occasions still to be named ("the
    opening ceremony") are left for :func:`~sgcn.loaders.extract.occasions._occasions`.
    """
    refs = lexicon.data()["references"]
    nouns = {n.lower(): t for t, ns in refs.items() for n in ns}
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?P<n>{alternation})\b(?!-|['’](?!s\b))",
                         re.I)
    patterns = [pattern]
    if named := {n: t for n, t in _named_heads(an, set(refs)).items() if n not in nouns}:
        nouns.update(named)
        alternation = "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
        patterns.append(re.compile(  # written in lower case: a common noun, not a name
            rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?P<n>{alternation})\b(?!-|['’](?!s\b))"))
    antecedents = _Antecedents(an)
    other_occurrence = set(lexicon.data()["other_occurrence_words"])
    for sentence in an.sentences:
        for m in (m for p in patterns for m in p.finditer(sentence.text)):
            start = sentence.start + m.start()
            end = sentence.start + m.end()
            if an.taken(start, end) or an.overlapped(start, end):
                continue
            if skip_occasions and any(c.start < end and start < c.end for c in an.occasions):
                continue
            noun = m.group("n").lower()
            type_ = nouns[noun]
            between = m.group(0).lower().split()[1:-1]
            if other_occurrence.intersection(between):
                continue  # "the next meeting": not the one named before
            if any(_NUMBERED.fullmatch(word) for word in between):
                continue  # "the seventh JIC meeting": a numbered one, no other than its number says
            head = noun.split()[-1]
            target = _antecedent(an, start, type_, head, antecedents)
            if target:
                an.mention(start, end, target)


_NUMBERED = re.compile(_ORDINAL, re.I)


def _named_heads(an: "Recognition", types: set[str]) -> dict[str, str]:
    """The head nouns of the names of ``types`` the document mentions, with their type.

    A story that names "the Singapore-China Digital Policy Dialogue" goes on with "the
    dialogue"; one that names "the Western Land-Sea Corridor", with "the corridor". The
    head is the last word of the name before its complement and any year or number.
    Occurrences (a numbered meeting, an edition) are referred to by their own passes:
    "the council met in X last year" is no reference to this year's meeting of it. Of the
    bodies, a committee that meets is referred to so ("A and B, who co-chair the committee").

    Examples:
        >>> _name_head("Singapore-China Digital Policy Dialogue 2024")
        'dialogue'
        >>> _name_head("Memorandum of Understanding on Smart Cities")
        'memorandum'
    """
    heads = {}
    for m in an.mentions:
        record = an.registry.records[m.entity]
        if (record.type in types or record.type == "Organization" and _is_committee(record.label)) \
                and not record.identity and (head := _name_head(record.label)):
            heads.setdefault(head, record.type)  # a committee too: "who co-chair the committee"
    return heads


def _name_head(label: str) -> str | None:
    words = re.split(r"\s+(?:of|on|for|between|to|in|with|at|under)\s+", label, maxsplit=1)[0].split()
    words = [w for w in words if re.fullmatch(r"[A-Za-z][a-z]+", w)]
    return words[-1].lower() if words else None


def _antecedent(an: "Recognition", position: int, type_: str, head: str,
                antecedents: "_Antecedents | None" = None) -> str | None:
    """The entity of ``type_`` whose name has the head word ``head`` nearest before ``position``, else first after.

    "event", "initiative", "project" and "agreement" (and its plain synonyms "pact",
    "deal", "accord") refer to any entity of the type; "the expo" also finds an
    exposition, "the meeting" a committee that meets, "the MoU" a memorandum. A pact,
    deal or accord is referred back to only: "The deal will ..." before any agreement
    is named is no agreement of the story's. Of mentions ending together the longer
    comes first, then the first made; of those starting together after, the first made.
    ``antecedents``, kept for a pass, finds them without reading every mention again.
    """
    antecedents = antecedents or _Antecedents(an)
    generic = head in ("event", "initiative", "project", "agreement", "pact", "deal", "accord")
    if head == "mou":
        head = "memorandum"
    kind = (type_, None if generic else head, False)
    if head == "event":  # "the four-day event" is the event, not a ceremony within it
        kind = (type_, None, True) if antecedents.any(type_, None, True) else kind
    ends, starts = antecedents.of(*kind)
    before = bisect.bisect_left(ends, (position + 1,)) - 1
    if type_ == "Event":
        while before >= 0 and _one_of_a_plural(an.mentions[-ends[before][2]]):
            before -= 1
    if before >= 0 and type_ == "Event" and an.year:
        before = _past_editions_skipped(an, ends, before, position)
    if before >= 0 and type_ == "Event":
        before = _other_meetings_skipped(an, ends, before, position)
    if before >= 0:
        return an.mentions[-ends[before][2]].entity
    if head in ("pact", "deal", "accord"):  # plain words, not a name written out later
        return None
    after = bisect.bisect_left(starts, (position + 1,))
    return an.mentions[starts[after][1]].entity if after < len(starts) else None


def _one_of_a_plural(mention: EntityMention) -> bool:
    """Whether an event's mention is one of several made at a plural ("the meetings of the A Council
    and the B Council"), which "the meeting" does not refer back to. (A meeting named in passing in
    an earlier sentence, "since the 23rd meeting", is passed over by :func:`_other_meetings_skipped`.)

    Examples:
        >>> _one_of_a_plural(EntityMention(4, 20, "the meetings of", "Event/a council meeting", "Event"))
        True
    """
    return bool(re.search(r"\b(?:meetings|sessions)\b", mention.text, re.I))


def _past_editions_skipped(an: "Recognition", ends: list, before: int, position: int) -> int:
    """The antecedent's place in ``ends`` once earlier years' editions named in passing are passed over.

    "Since the first expo in 2018, the annual event has grown. Mayor Li opened the expo":
    an earlier year's edition named in an earlier sentence is no antecedent when the
    story's own edition of the same series was named before it.
    """
    from sgcn.loaders.extract.mentions import series_of

    sentence = an.sentence_at(position)
    opening = sentence.start if sentence is not None else 0
    at = before
    while at >= 0:
        mention = an.mentions[-ends[at][2]]
        series = series_of(mention.entity, an.registry.records)
        if mention.start >= opening or series is None or mention.entity.endswith(f" {an.year}"):
            break
        current = f"{series} {an.year}"
        if not any(an.mentions[-ends[j][2]].entity == current for j in range(at)):
            break
        at -= 1
    return at


def _other_meetings_skipped(an: "Recognition", ends: list, before: int, position: int) -> int:
    """The antecedent's place in ``ends`` once other numbered meetings named in passing are passed over.

    "The 24th meeting of the Council was held today. The two sides reviewed the work done
    since the 23rd meeting. After the meeting, ...": a numbered meeting of a body named in
    an earlier sentence is no antecedent when another meeting of the same body, the
    story's (the first of them named), was named before it.
    """
    sentence = an.sentence_at(position)
    opening = sentence.start if sentence is not None else 0
    records = an.registry.records
    at = before
    while at >= 0:
        mention = an.mentions[-ends[at][2]]
        identity = records[mention.entity].identity
        if mention.start >= opening or len(identity) != 3 or not identity[2].isdigit():
            break
        story = _first_meetings(an).get(identity[0])
        if story is None or story.entity == mention.entity or story.start >= mention.start:
            break
        at -= 1
    return at


def _first_meetings(an: "Recognition") -> dict[str, EntityMention]:
    """The first-named numbered meeting of each body, kept on the recognition and read on from
    where it was as mentions are added (a scan of every mention at each reference was
    quadratic in a long document); read again if the list of mentions was replaced or cut."""
    kept = an.first_meetings_kept
    if kept is None or kept[0] is not an.mentions or kept[1] > len(an.mentions):
        kept = an.first_meetings_kept = [an.mentions, 0, {}]
    mentions, read, first = kept
    records = an.registry.records
    for m in mentions[read:]:
        identity = records[m.entity].identity if m.entity in records else ()
        if len(identity) == 3 and identity[2].isdigit() and (
                identity[0] not in first or m.start < first[identity[0]].start):
            first[identity[0]] = m
    kept[1] = len(mentions)
    return first


class _Antecedents:
    """The mentions each kind of reference ("the expo", "the event") may refer to, kept for a pass.

    A kind is (type, head word or ``None`` for any name of the type, whether occasions
    are left out). Its mentions are held in two sorted lists: ``(end, -start, -at)``
    (the last ending by an offset, the longer and then the first made of equals) and
    ``(start, at)``, ``at`` being a mention's place in the list of mentions. The pass
    only adds mentions, which :meth:`of` takes in; were the list replaced or shortened,
    everything is read again. Without it, each reference read every mention of the
    document (a long document: quadratic).
    """

    def __init__(self, an: "Recognition") -> None:
        self.an = an
        self.mentions: list | None = None
        self.read = 0
        self.kinds: dict[tuple, tuple[list, list]] = {}

    def _fits(self, m: EntityMention, type_: str, head: str | None, no_occasions: bool) -> bool:
        record = self.an.registry.records[m.entity]
        return record.type == type_ and (head is None or _headed_by(record.label, head)) and not (
            no_occasions and m.entity in self.an.occasion_keys)

    def of(self, type_: str, head: str | None, no_occasions: bool) -> tuple[list, list]:
        mentions = self.an.mentions
        if self.mentions is not mentions or self.read > len(mentions):
            self.mentions, self.read, self.kinds = mentions, 0, {}
        for at in range(self.read, len(mentions)):
            m = mentions[at]
            for (t, h, o), (ends, starts) in self.kinds.items():
                if self._fits(m, t, h, o):
                    bisect.insort(ends, (m.end, -m.start, -at))
                    bisect.insort(starts, (m.start, at))
        self.read = len(mentions)
        kind = (type_, head, no_occasions)
        if kind not in self.kinds:
            fit = [(at, m) for at, m in enumerate(mentions) if self._fits(m, *kind)]
            self.kinds[kind] = (sorted((m.end, -m.start, -at) for at, m in fit), sorted((m.start, at) for at, m in fit))
        return self.kinds[kind]

    def any(self, type_: str, head: str | None, no_occasions: bool) -> bool:
        return bool(self.of(type_, head, no_occasions)[0])


@functools.lru_cache(maxsize=1 << 14)
def _headed_by(label: str, head: str) -> bool:
    """Whether "the <head>" can refer to a name ``label``: its head word, another word for a
    fair, or a committee for "the meeting" (asked of every mention at each reference: kept)."""
    words = _head_words(label)
    return head in words or (lexicon.is_fair_word(head) and any(lexicon.is_fair_word(w) for w in words)) or (
        head == "meeting" and _is_committee(label))


def _head_words(label: str) -> list[str]:
    """The words of a label before its complement: "opening ceremony of the Expo 2021" -> opening, ceremony.

    Examples:
        >>> _head_words("opening ceremony of the Harbour Expo 2021")
        ['opening', 'ceremony']
        >>> _head_words("Letter of Intent between A and B")
        ['letter', 'of', 'intent']
    """
    return re.split(r"\s+(?:of\s+the|between)\s+", label.lower(), maxsplit=1)[0].split()
