"""Coreference inside one document: the last pass of entity recognition.

Resolves what the name passes leave: honorific surnames ("Mr Goh" is the Goh
named most recently before, else the first named after), references relative to
the document's date ("last year's expo", "the event last year", "this year's
SCE", "the inaugural SCE in 2018", "the 2018 inaugural event" are editions of the
recurring event the text is about), definite references ("the expo", "the
initiative", "the Pavilion", "the meeting") to the nearest entity of their kind,
things announced before they are named ("a new fund ... . The fund, called
the X Fund, ..."), and named bodies followed by an event noun ("the 3rd Joint Implementation
Committee (JIC) meeting", "the fifth CCI JIC") which are meetings, not bodies.

Series and sub-events: a series said to open in a dated story ("The Harbour Tech
Fair opened on Monday"), "the 2021 edition of the fair" and "the first edition ...
in 2025" are editions; in a story about this year's edition, what happens "at" or
"within the framework of" the series happens at that edition; occasions named by
their kind ("the opening ceremony", "a signing ceremony") are named after the
agreement done at them or the edition the story is about ("opening ceremony of the
2021 Harbour Tech Fair"); a name holding an acronym gets its written-out alias.

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

import re
from typing import TYPE_CHECKING

from sgcn.loaders.extract import lexicon
from sgcn.loaders.extract.spans import EntityMention

if TYPE_CHECKING:
    from sgcn.loaders.extract.mentions import _Analyzer

_ORDINAL = (r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
            r"tenth|eleventh|twelfth)")
_YEAR = r"(?:19|20)\d\d"


def resolve_references(an: "_Analyzer") -> None:
    """Add the mentions that refer back (or forward) to entities already named.

    Args:
        an: the analyzer of one document after its name passes.
    """
    _person_refs(an)
    _meetings(an)
    _year_references(an)
    _running_series(an)
    _current_edition(an)
    an._unnamed_series()
    _named_later(an)
    _definite_references(an, skip_occasions=True)
    _occasions(an)
    _definite_references(an)
    _spelled_out(an)


def _person_refs(an: "_Analyzer") -> None:
    persons = [m for m in an.mentions if m.type == "Person"]
    for ref in an.person_refs:
        surname = ref.label
        named = [m for m in persons if surname in an.registry.records[m.entity].label.split()]
        before = [m for m in named if m.start < ref.start]
        target = before[-1] if before else (named[0] if named else None)
        if target is None or an._taken(ref.start, ref.end):
            continue
        an.registry.records[target.entity].aliases.add(ref.text)
        an._mention(ref.start, ref.end, target.entity)


def _series(an: "_Analyzer", key: str) -> str | None:
    from sgcn.loaders.extract.mentions import series_of

    record = an.registry.records[key]
    if record.type != "Event":
        return None
    series = series_of(key, an.registry.records)
    if series:
        return series
    return key if lexicon.is_recurring_event(record.label.split()[-1]) else None


def _nearest_series(an: "_Analyzer", position: int) -> str | None:
    """The recurring event named most recently before ``position`` (else first after)."""
    found = [(m.start, s) for m in an.mentions if (s := _series(an, m.entity))]
    before = [s for start, s in sorted(found) if start < position]
    if before:
        return before[-1]
    return min(found)[1] if found else None


def _edition(an: "_Analyzer", series: str, year: str) -> str:
    from sgcn.loaders.extract.mentions import _edition_label

    label = an.registry.records[series].label
    return an.registry.add("Event", _edition_label(label, year))


def _claim(an: "_Analyzer", start: int, end: int, key: str, drop=("Event",)) -> None:
    """Mention ``key`` at ``start:end``, replacing the mentions of types ``drop`` inside the span."""
    an.mentions = [m for m in an.mentions
                   if not (start <= m.start and m.end <= end and m.type in drop)]
    if not an._taken(start, end, nested_ok=True):
        an._mention(start, end, key)


def _series_words(an: "_Analyzer") -> str:
    names = set()
    for key, record in an.registry.records.items():
        if _series(an, key) == key:
            names.update(n for n in (record.label, *record.aliases) if not re.search(_YEAR, n))
    generic = [n for n in lexicon.data()["references"]["Event"]]
    return "|".join(re.escape(n) for n in sorted(names | set(generic), key=len, reverse=True))


def _year_references(an: "_Analyzer") -> None:
    if not an.year:
        return
    words = _series_words(an)
    shift = {"this": 0, "last": -1, "next": 1, "previous": -1}
    patterns = [
        (rf"\b(this|last|next) year['’]s\s+(?:[a-z-]+\s+)?(?P<n>{words})\b", 1),
        (rf"\b[Tt]he\s+(?:[a-z-]+\s+)?(?P<n>{words})\s+(last|next|this) year\b", 2),
        (rf"\b[Tt]he\s+inaugural\s+(?P<n>{words})(?:\s+in\s+(?P<y>{_YEAR}))?", 0),
        (rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+inaugural\s+(?P<n>{words})\b", 0),
        (rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+edition\s+of\s+(?:the\s+)?(?P<n>{words})\b", 0),
    ]
    _numbered_editions(an)
    for sentence in an.sentences:
        for pattern, group in patterns:
            for m in re.finditer(pattern, sentence.text, flags=re.I if group else 0):
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if m.group(0)[:3].lower() == "the" and group == 0 and not m.groupdict().get("y"):
                    continue
                named = an.registry.find(m.group("n"))
                series = _series(an, named) if named else _nearest_series(an, start)
                if series is None:
                    continue
                if group:
                    year = str(int(an.year) + shift[m.group(group).lower()])
                else:
                    year = m.group("y")
                if m.group(0)[:3].lower() == "the" and group == 0:
                    start += 4  # "the" is not part of the name
                _claim(an, start, end, _edition(an, series, year))


_NUMBERED_EDITION = re.compile(rf"\b[Tt]he\s+(?:{_ORDINAL}|inaugural|next)\s+edition\b(?P<rest>[^.;]*?)\bin\s+(?P<y>{_YEAR})\b")


def _numbered_editions(an: "_Analyzer") -> None:
    """"an annual X Forum, with the first edition to be held in Chengdu in 2024": that edition is X 2024.

    The series is the recurring event named last before it in the same sentence; the
    year is the one the clause gives.
    """
    for sentence in an.sentences:
        for m in _NUMBERED_EDITION.finditer(sentence.text):
            start = sentence.start + m.start() + 4  # "the" is not part of the name
            end = sentence.start + m.start("rest")
            named = [x for x in an.mentions if sentence.start <= x.start and x.end <= start
                     and _series(an, x.entity) == x.entity]
            if not named or an._taken(start, end):
                continue
            series = max(named, key=lambda x: x.end).entity
            edition = _edition(an, series, m.group("y"))
            an._mention(start, end, edition)


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,.*?\s(?:--|—|–)\s")
_RUNNING = re.compile(r"(?:\s*\([A-Z][\w&-]*\))?\s+(?:opened|kicked\s+off|closed|concluded|wrapped\s+up|"
                      r"got\s+under\s*way|drew\s+to\s+a\s+close|came\s+to\s+a\s+close)\b")


def _running_series(an: "_Analyzer") -> None:
    """A series said to open or close in a dated story is its edition of that year.

    "The Harbour Tech Fair opened in Xiamen on Monday" in a story dated 2022 is the
    Harbour Tech Fair 2022. A sentence that names a year of its own is left alone.
    """
    if not an.year:
        return
    for m in sorted(an.mentions, key=lambda m: m.start):
        if _series(an, m.entity) != m.entity or not _RUNNING.match(an.text, m.end):
            continue
        if any(o is not m and o.start <= m.start and m.end <= o.end for o in an.mentions):
            continue  # the series inside an edition's name
        sentence = next((s for s in an.sentences if s.start <= m.start < s.end), None)
        if sentence is None or re.search(_YEAR, _DATELINE.sub("", sentence.text)):
            continue
        edition = _edition(an, m.entity, an.year)
        start = m.start
        ordinal = re.search(rf"\b({_ORDINAL})\s+$", an.text[max(0, m.start - 16):m.start], re.I)
        if ordinal:  # "The 20th Harbour Expo opened": its ordinal names the edition too
            start -= len(an.text[max(0, m.start - 16):m.start]) - ordinal.start(1)
            name = re.sub(r"\s*\([A-Z][\w&-]*\)", "", an.text[start:m.end])
            an.registry.records[edition].aliases.add(re.sub(r"\s+", " ", name))
        elif re.search(r"\b[Tt]he\s+$", an.text[max(0, start - 4):start]):
            start -= len(re.search(r"[Tt]he\s+$", an.text[max(0, start - 4):start]).group(0))
        _claim(an, start, m.end, edition)
        an.inner_series.append((start, m.end, m.entity))  # the series keeps a mention inside


_WITHIN = re.compile(r"\b(?:within\s+the\s+framework\s+of|on\s+the\s+sidelines\s+of|during|at|"
                     r"in\s+conjunction\s+with|as\s+part\s+of|alongside)\s+(?:the\s+)?$", re.I)


def _current_edition(an: "_Analyzer") -> None:
    """In a story about this year's edition, what happens "at" the series happens at that edition.

    When a document names the edition of its own year ("this year's SCE", "SCE 2023"),
    the series named after "at", "during", "on the sidelines of" or "within the
    framework of" is that edition ("a forum held within the framework of the SCE"), and
    an occasion named with the series ("the SCE inauguration ceremony") is the
    occasion of that edition. Elsewhere the series stays the series ("continue
    co-hosting the Smart China Expo").
    """
    if not an.year:
        return
    occasion_nouns = set(lexicon.data()["event_nouns"])
    for series, record in list(an.registry.records.items()):
        if _series(an, series) != series:
            continue
        edition = an.registry.find(f"{record.label} {an.year}")
        if edition is None or not any(m.entity == edition for m in an.mentions):
            continue
        for m in sorted(an.mentions, key=lambda m: m.start):
            if m.entity == series and _WITHIN.search(an.text[max(0, m.start - 40):m.start]) and \
                    not any(o is not m and o.start <= m.start and m.end <= o.end for o in an.mentions):
                _claim(an, m.start, m.end, edition)
        for name in sorted({an.registry.records[m.entity].label for m in an.mentions}):
            rest = name[len(record.label) + 1:] if name.startswith(record.label + " ") else ""
            if rest in occasion_nouns:
                old = an.registry.find(name)
                new = an.registry.add("Event", f"{an.registry.records[edition].label} {rest}",
                                      [name, *an.registry.records[old].aliases])
                an.mentions = [EntityMention(m.start, m.end, m.text, new, m.type) if m.entity == old else m
                               for m in an.mentions]


def _definite_references(an: "_Analyzer", *, skip_occasions: bool = False) -> None:
    """"the expo", "the initiative", "this event": the nearest entity of the kind (see :func:`_antecedent`).

    A span inside a described entity's mention ("the signing ceremony of the letter")
    is that entity's; with ``skip_occasions``, occasions still to be named ("the
    opening ceremony") are left for :func:`_occasions`.
    """
    refs = lexicon.data()["references"]
    nouns = {n.lower(): t for t, ns in refs.items() for n in ns}
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?P<n>{alternation})\b(?!-|['’](?!s\b))",
                         re.I)
    for sentence in an.sentences:
        for m in pattern.finditer(sentence.text):
            start = sentence.start + m.start()
            end = sentence.start + m.end()
            if an._taken(start, end) or any(m2.start < end and start < m2.end for m2 in an.mentions):
                continue
            if skip_occasions and any(c.start < end and start < c.end for c in an.occasions):
                continue
            noun = m.group("n").lower()
            type_ = nouns[noun]
            head = noun.split()[-1]
            target = _antecedent(an, start, type_, head)
            if target:
                an._mention(start, end, target)


def _named_later(an: "_Analyzer") -> None:
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
            named = [x for x in an.mentions if x.start == at and x.type == nouns[m.group("n").lower()]]
            start, end = sentence.start + m.start(), sentence.start + m.end("n")
            if not named or an._taken(start, end):
                continue
            key = max(named, key=lambda x: x.end).entity
            an._mention(start, end, key)
            if m.group("det").lower() in ("the", "this"):
                _indefinite_before(an, an.sentences[max(0, i - 2):i + 1], start, m.group("n"), key)


def _indefinite_before(an: "_Analyzer", sentences, position: int, noun: str, key: str) -> None:
    """Make the last "a/an ... <noun>" before ``position`` in ``sentences`` a mention of ``key``."""
    pattern = re.compile(rf"\b[Aa]n?\s+(?:[\w.-]+\s+){{0,6}}?{re.escape(noun)}\b(?!s\b|-)", re.I)
    found = [(s.start + m.start(), s.start + m.end()) for s in sentences for m in pattern.finditer(s.text)
             if s.start + m.end() <= position]
    if found and not an._taken(*found[-1]):
        an._mention(*found[-1], key)


def _antecedent(an: "_Analyzer", position: int, type_: str, head: str) -> str | None:
    generic = head in ("event", "initiative", "project", "agreement")
    candidates = []
    for m in an.mentions:
        record = an.registry.records[m.entity]
        if record.type != type_:
            continue
        if not generic and head not in _head_words(record.label) and not (
                head == "expo" and "exposition" in record.label.lower()) and not (
                head == "meeting" and _is_committee(record.label)):
            continue
        candidates.append(m)
    if head == "event":  # "the four-day event" is the event, not a ceremony within it
        candidates = [m for m in candidates if m.entity not in an.occasion_keys] or candidates
    before = [m for m in candidates if m.end <= position]
    if before:
        return max(before, key=lambda m: (m.end, -m.start)).entity
    after = [m for m in candidates if m.start > position]
    return min(after, key=lambda m: m.start).entity if after else None


def _head_words(label: str) -> list[str]:
    """The words of a label before its complement: "opening ceremony of the Expo 2021" -> opening, ceremony.

    Examples:
        >>> _head_words("opening ceremony of the Harbour Expo 2021")
        ['opening', 'ceremony']
        >>> _head_words("Letter of Intent between A and B")
        ['letter', 'of', 'intent']
    """
    return re.split(r"\s+(?:of\s+the|between)\s+", label.lower(), maxsplit=1)[0].split()


_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_COMMITTEES = ("Committee", "Commission", "Council", "Board", "Taskforce", "Working")


def _ordinal_number(word: str) -> int:
    word = word.lower()
    return _ORDINAL_NUMBERS.get(word) or int(re.match(r"\d+", word).group(0))


def _committee_in(an: "_Analyzer", label: str) -> str | None:
    """The committee an acronym in a meeting's name stands for ("SCI JIC Meeting" -> the JIC)."""
    for word in reversed(label.split()):
        key = an.registry.find(word) if word.isupper() else None
        if key and an.registry.records[key].type == "Organization" and \
                _is_committee(an.registry.records[key].label):
            return key
    return None


def _is_committee(label: str) -> bool:
    """Whether a body's name is that of a committee that meets ("Joint Council for Bilateral Cooperation").

    Examples:
        >>> _is_committee("Joint Council for Bilateral Cooperation"), _is_committee("Port Committee")
        (True, True)
        >>> _is_committee("Council Services Bureau")
        False
    """
    words = label.split()
    _, head = lexicon.name_head(words)
    return words[-1] in _COMMITTEES or (head >= 0 and words[head] in _COMMITTEES)


def _meetings(an: "_Analyzer") -> None:
    """A committee with an ordinal or an event noun is a meeting: "the 3rd JIC meeting", "the fifth CCI JIC"."""
    nouns = sorted(lexicon.data()["event_nouns"], key=len, reverse=True)
    noun_rx = re.compile(r"\s+(" + "|".join(re.escape(n) for n in nouns) + r")\b")
    index: dict[tuple[int, str], str] = {}
    held: dict[str, str] = {}  # committee -> its first meeting named
    for m in sorted(an.mentions, key=lambda m: m.start):
        record = an.registry.records.get(m.entity)
        if record is None or record.type not in ("Organization", "Event", "Initiative"):
            continue
        before = re.search(rf"\b({_ORDINAL})\s+(?:[A-Z]{{2,}}\s+)*$", an.text[max(0, m.start - 30):m.start], re.I)
        tail = re.match(r"(\s*\([A-Z]{2,}\))?", an.text[m.end:m.end + 12])
        end = m.end + tail.end()
        noun = noun_rx.match(an.text, end)
        if record.type == "Event":
            committee = _committee_in(an, record.label) if record.label.split()[-1] in ("Meeting", "meeting") else None
            if committee is None:
                if noun and not before and not lexicon.is_recurring_event(noun.group(1).split()[-1]):
                    _named_occasion(an, m.start, noun.end(), record)
                continue
            noun_text, stop = "meeting", m.end
        elif _is_committee(record.label):
            committee = m.entity
            if not (before or noun):
                continue
            noun_text, stop = (noun.group(1), noun.end()) if noun else ("", end)
        else:
            if noun and not before:
                _named_occasion(an, m.start, noun.end(), record)
            continue
        ordinal = before.group(1) if before else ""
        start = m.start - (len(an.text[max(0, m.start - 30):m.start]) - before.start()) if before else m.start
        slot = (_ordinal_number(ordinal) if ordinal else 0, committee)
        committee_label = an.registry.records[committee].label
        label = " ".join(w for w in (ordinal, committee_label, noun_text) if w)
        surface = re.sub(r"\s+", " ", re.sub(r"\s*\([A-Z]{2,}\)", "", an.text[start:stop]))
        aliases = [surface, *_meeting_aliases(an, ordinal, committee, noun_text)]
        whole = _initiative_after(an, stop)
        if whole is not None and whole not in an.registry.find(committee_label).split("/", 1)[1]:
            aliases.append(label)
            init = an.registry.records[an.registry.find(whole)]
            label = " ".join(w for w in (ordinal, init.label, committee_label, noun_text) if w)
            aliases += [" ".join(w for w in (ordinal, a, c, noun_text) if w)
                        for a in sorted(init.aliases) if a.isupper()
                        for c in _acronyms(an, committee)]
        key = index.get(slot)
        if key is None:
            key = index[slot] = an.registry.add("Event", label, [a for a in aliases if a != label])
        else:
            an.registry.records[key].aliases.update(a for a in aliases if a != an.registry.records[key].label)
        _claim(an, start, stop, key, drop=("Event", "Organization"))
        held.setdefault(committee, key)
    _committee_at_meeting(an, held)


def _committee_at_meeting(an: "_Analyzer", held: dict[str, str]) -> None:
    """"On the sidelines of the JCBC" after "the 20th JCBC met": the committee's meeting, not the body."""
    for m in sorted(an.mentions, key=lambda m: m.start):
        meeting = held.get(m.entity)
        if meeting and _WITHIN.search(an.text[max(0, m.start - 40):m.start]):
            _claim(an, m.start, m.end, meeting, drop=("Organization",))


def _acronyms(an: "_Analyzer", key: str) -> list[str]:
    """The acronyms an entity goes by in the document ("JIC")."""
    return sorted(a for a in an.registry.records[key].aliases if re.fullmatch(r"[A-Z][A-Z0-9&]+", a))


def _meeting_aliases(an: "_Analyzer", ordinal: str, committee: str, noun: str) -> list[str]:
    """The meeting named by its committee's acronym: "4th JIC meeting"."""
    return [" ".join(w for w in (ordinal, acronym, noun or "meeting") if w) for acronym in _acronyms(an, committee)]


def _initiative_after(an: "_Analyzer", position: int) -> str | None:
    """The label of the initiative a meeting is "of" ("... meeting of the Smart City Initiative")."""
    link = re.match(r"\s+of\s+(?:the\s+)?", an.text[position:position + 12])
    if not link:
        return None
    at = position + link.end()
    named = [m for m in an.mentions if m.start == at and m.type == "Initiative"]
    return an.registry.records[max(named, key=lambda m: m.end).entity].label if named else None


def _named_occasion(an: "_Analyzer", start: int, stop: int, record) -> None:
    """"the SCE inauguration ceremony": a body or event with an event noun is an occasion of its own."""
    surface = re.sub(r"\s+", " ", re.sub(r"\s*\([A-Z]{2,}\)", "", an.text[start:stop]))
    words = surface.split()
    label = " ".join([record.label] + words[1:]) if len(words) >= 2 and an.registry.find(words[0]) else surface
    key = an.registry.add("Event", label, [surface] if surface != label else [])
    _claim(an, start, stop, key, drop=("Event", "Organization"))


def _spelled_out(an: "_Analyzer") -> None:
    """A name holding another entity's acronym gets its written-out form as an alias.

    "SCE Organizing Committee" is also the "Smart China Expo Organizing Committee", the
    name another document may use for it.
    """
    for key in sorted({m.entity for m in an.mentions}):
        record = an.registry.records[key]
        if record.type not in ("Organization", "Event", "Initiative") or len(record.label.split()) < 2 \
                or not record.label[:1].isupper() or re.search(r"\bbetween\b", record.label):
            continue  # a proper name, not a description
        full = _expand(an, record.label)
        if full != record.label:
            record.aliases.add(full)


def _expand(an: "_Analyzer", label: str) -> str:
    """Acronyms in a label written out ("fifth CCI JIC" -> "fifth Chongqing ... Committee")."""
    words = label.split()
    out = []
    for w in words:
        key = an.registry.find(w) if w.isupper() and len(w) > 1 else None
        if key:
            full = an.registry.records[key].label
            if out and full.startswith(_last_expansion(out)):
                out[-1] = full
            else:
                out.append(full)
        else:
            out.append(w)
    return " ".join(out)


def _last_expansion(out: list[str]) -> str:
    return out[-1] if out else ""


def _occasions(an: "_Analyzer") -> None:
    """Name each part of an event named by its kind alone after what it is the occasion of.

    "launched the X Partnership at a signing ceremony" is the signing ceremony of that
    partnership; "delivered a speech at the opening ceremony" after "The 2021 Harbour
    Expo opened" is the opening ceremony of that edition. With neither, the phrase
    singles nothing out and gives no entity (a definite one may still refer back).
    """
    for cand in an.occasions:
        if an._taken(cand.start, cand.end):
            continue
        core = cand.aliases[0]
        whole = _occasion_of(an, cand.start, signing="signing" in core)
        if whole is None:
            continue
        key, surface, done = whole
        if core == "ceremony":  # "signed X at a ceremony": named by what was done at it
            if done is None:
                continue
            core = {"signed": "signing", "inked": "signing", "launched": "launch", "unveiled": "unveiling",
                    "opened": "opening"}[done] + " ceremony"
        record = an.registry.records[key]
        names = [surface] + [n for n in (record.label, *sorted(record.aliases))
                             if n[:1].isupper() or n[:1].isdigit()]
        aliases = [f"{core} of the {n}" for n in names[1:]] + [f"{n} {core}" for n in names]
        aliases += [cand.label, core] if cand.label == core else [cand.label]
        occasion = an.registry.add("Event", f"{core} of the {surface}", aliases)
        an.occasion_keys.add(occasion)
        an._mention(cand.start, cand.end, occasion)


_AT = re.compile(r"\s*(?:\([A-Z][\w&-]*\)\s*)?(?:at|during|in)\s+(?:an?|the)\s+$")
_DONE = re.compile(r"\b(signed|inked|launched|unveiled|opened)\b(?!.*\b(?:signed|inked|launched|unveiled|opened)\b)")


def _occasion_of(an: "_Analyzer", position: int, *, signing: bool = False) -> tuple[str, str, str | None] | None:
    """(key, name as written, verb) of what an occasion at ``position`` belongs to, or ``None``.

    An agreement or initiative followed by "at a ..." in the same sentence comes first
    (with the verb that did it: "signed", "launched"); else an edition of a recurring
    event named in the same sentence (the nearest before it, else the first after); else
    the edition the document is about; else, for a signing ceremony, the agreement named
    most recently before it.
    """
    sentence = next((s for s in an.sentences if s.start <= position < s.end), None)
    if sentence is None:
        return None
    named = sorted(an.mentions, key=lambda m: (m.end, -m.start))
    for m in reversed([m for m in named if sentence.start <= m.start and m.end <= position]):
        if m.type in ("Agreement", "Initiative") and _AT.fullmatch(an.text[m.end:position]):
            done = _DONE.search(an.text[sentence.start:m.start])
            return m.entity, _written_name(an, m), done.group(1) if done else None
        if m.type in ("Agreement", "Initiative", "Event") and re.fullmatch(r"['’]s\s+", an.text[m.end:position]):
            edition = _series(an, m.entity)
            if edition != m.entity or edition is None:  # "the fund's closing ceremony"; not a bare series
                return m.entity, _written_name(an, m), None
        break
    editions = [m for m in named if _series(an, m.entity) not in (None, m.entity)]
    here = [m for m in editions if sentence.start <= m.start and m.end <= sentence.end]
    if here:
        before = [m for m in here if m.end <= position]
        m = before[-1] if before else here[0]
        return m.entity, _written_name(an, m), None
    agreements = [m for m in named if m.type == "Agreement" and m.end <= position]
    if signing and agreements:  # the signing of the agreement named last, not of the edition
        return agreements[-1].entity, _written_name(an, agreements[-1]), None
    main = _main_edition(an, editions)
    return (*main, None) if main else None


def _main_edition(an: "_Analyzer", editions: list) -> tuple[str, str] | None:
    """The edition a document is about: that of the document's year, else the first one named."""
    by_start = sorted(editions, key=lambda m: m.start)
    this_year = [m for m in by_start if an.year and an.registry.records[m.entity].label.endswith(an.year)]
    named = [m for m in this_year or by_start if m.text[:1].isupper() or m.text[:1].isdigit()]
    m = (named or this_year or by_start or [None])[0]
    return (m.entity, _written_name(an, m)) if m else None


def _written_name(an: "_Analyzer", m) -> str:
    """The name a mention gives its entity: its own words when it is a name, else the entity's label."""
    record = an.registry.records[m.entity]
    known = {n.lower() for n in (record.label, *record.aliases)}
    for mention in [m] + sorted((x for x in an.mentions if x.entity == m.entity), key=lambda x: x.start):
        text = re.sub(r"\s*\([A-Z][\w&-]*\)", "", re.sub(r"\s+", " ", mention.text))
        text = re.sub(r"^[Tt]he\s+", "", text)
        if text.lower() in known and text[:1].isupper() | text[:1].isdigit():
            return text  # as the document writes it, else as it first names it
    return record.label
