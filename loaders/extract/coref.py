"""Coreference inside one document: the last pass of entity recognition.

Resolves what the name passes leave: honorific surnames ("Mr Goh" is the Goh
named most recently before, else the first named after), references relative to
the document's date ("last year's expo", "the event last year", "this year's
SCE", "the inaugural SCE in 2018", "the 2018 inaugural event" are editions of the
recurring event the text is about), definite references ("the expo", "the
initiative", "the Pavilion", "the meeting") to the nearest entity of their kind,
and named bodies followed by an event noun ("the 3rd Joint Implementation
Committee (JIC) meeting", "the fifth CCI JIC") which are meetings, not bodies.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> doc = Document(source="c.txt", sha256="0" * 64, format="plaintext", date="2020-03-09",
    ...     text="Chongqing will co-host the 2020 Smart China Expo. Deals were signed at last "
    ...          "year's expo, and Minister Luke Goh said the expo grows. Mr Goh agreed.")
    >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.type != "Place"]  # doctest: +NORMALIZE_WHITESPACE
    [('2020 Smart China Expo', 'Event/smart china expo 2020'),
     ("last year's expo", 'Event/smart china expo 2019'),
     ('Luke Goh', 'Person/luke goh'),
     ('the expo', 'Event/smart china expo 2019'),
     ('Mr Goh', 'Person/luke goh')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sgcn.loaders.extract import lexicon

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
    _definite_references(an)


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


def _claim(an: "_Analyzer", start: int, end: int, key: str) -> None:
    """Mention ``key`` at ``start:end``, replacing shorter event mentions inside the span."""
    an.mentions = [m for m in an.mentions
                   if not (start <= m.start and m.end <= end and m.type == "Event")]
    if not an._taken(start, end):
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
    ]
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


def _definite_references(an: "_Analyzer") -> None:
    refs = lexicon.data()["references"]
    nouns = {n.lower(): t for t, ns in refs.items() for n in ns}
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?P<n>{alternation})\b(?![-'’])",
                         re.I)
    for sentence in an.sentences:
        for m in pattern.finditer(sentence.text):
            start = sentence.start + m.start()
            end = sentence.start + m.end()
            if an._taken(start, end):
                continue
            noun = m.group("n").lower()
            type_ = nouns[noun]
            head = noun.split()[-1]
            target = _antecedent(an, start, type_, head)
            if target:
                an._mention(start, end, target)


def _antecedent(an: "_Analyzer", position: int, type_: str, head: str) -> str | None:
    generic = head in ("event", "initiative", "project", "agreement")
    candidates = []
    for m in an.mentions:
        record = an.registry.records[m.entity]
        if record.type != type_:
            continue
        if not generic and head not in record.label.lower().split() and not (
                head == "expo" and "exposition" in record.label.lower()):
            continue
        candidates.append(m)
    before = [m for m in candidates if m.end <= position]
    if before:
        return max(before, key=lambda m: (m.end, -m.start)).entity
    after = [m for m in candidates if m.start > position]
    return min(after, key=lambda m: m.start).entity if after else None


def _meetings(an: "_Analyzer") -> None:
    """A named body followed by an event noun, or an ordinal before a committee, is a meeting."""
    nouns = sorted(lexicon.data()["event_nouns"], key=len, reverse=True)
    noun_rx = re.compile(r"\s+(" + "|".join(re.escape(n) for n in nouns) + r")\b", re.I)
    for m in sorted(an.mentions, key=lambda m: m.start):
        record = an.registry.records[m.entity]
        if record.type not in ("Organization", "Event", "Initiative"):
            continue
        tail = re.match(r"(\s*\([A-Z]{2,}\))?(?:\s+[A-Z]{2,})*", an.text[m.end:m.end + 40])
        end = m.end + (tail.end() if tail else 0)
        # acronyms in a row name one thing: "CCI JIC" is the committee of the initiative
        noun = noun_rx.match(an.text, end)
        before = re.search(rf"\b({_ORDINAL})\s+$", an.text[max(0, m.start - 14):m.start], re.I)
        committee = record.type == "Organization" and record.label.split()[-1] in ("Committee", "Commission",
                                                                                   "Council", "JIC")
        if not noun and not (before and committee):
            continue
        if noun and noun.group(1)[0].isupper():
            continue
        if not noun and record.type != "Organization":
            continue
        start = m.start - (len(before.group(0)) if before else 0)
        stop = noun.end() if noun else end
        surface = an.text[start:stop]
        label = re.sub(r"\s*\([A-Z]{2,}\)", "", surface)
        label = re.sub(r"\s+", " ", label)
        if lexicon.is_recurring_event(label.split()[-1]) and not before and record.type == "Event":
            continue
        key = an.registry.add("Event", _expand(an, label), [label] if _expand(an, label) != label else [])
        _claim(an, start, stop, key)
        an.mentions = [x for x in an.mentions if not (start <= x.start and x.end <= stop and x.entity != key
                                                      and x.type == "Organization")]


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
