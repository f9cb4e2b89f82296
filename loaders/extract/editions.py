"""Series and their editions: which yearly edition of a recurring event a phrase means.

A pass of coreference (:func:`~sgcn.loaders.extract.coref.resolve_references`). A
recurring event, a *series* ("Smart China Expo", "Harbour Tech Fair"), has an
*edition* a year ("Smart China Expo 2019"). Resolved here:

- *year references*, relative to the document's date ("last year's expo", "the event
  last year", "this year's SCE") or dated ("the inaugural SCE in 2018", "the 2018
  inaugural event", "the 2021 edition of the fair");
- *numbered editions*: "an annual X Forum, with the first edition to be held in
  Chengdu in 2024" is X Forum 2024;
- *running series*: a series said to open or close in a dated story ("The Harbour
  Tech Fair opened on Monday") is that year's edition, with its ordinal ("the 20th
  Harbour Expo opened") as a name of the edition too;
- *the current edition*: in a story about this year's edition, the series named after
  "at", "during" or "within the framework of" is that edition, and an occasion named
  with the series ("the SCE inauguration ceremony") is that edition's;
- *the main edition*: the edition a document is about, which occasions named by their
  kind belong to when nothing nearer names them (:mod:`~sgcn.loaders.extract.occasions`).

Committee meetings are numbered occurrences of a body as editions are of a series:
:mod:`~sgcn.loaders.extract.meetings` reads ordinals, the "at / on the sidelines
of" context and :func:`_claim` (a span given to an edition over the names inside it)
from here.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> doc = Document(source="e.txt", sha256="0" * 64, format="plaintext", date="2022-06-01",
    ...     text="The Harbour Tech Fair opened in Xiamen on Monday. Exhibitors said the 2019 "
    ...          "edition of the fair was smaller, and last year's fair was online.")
    >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.type == "Event"]  # doctest: +NORMALIZE_WHITESPACE
    [('The Harbour Tech Fair', 'Event/harbour tech fair 2022'),
     ('2019 edition of the fair', 'Event/harbour tech fair 2019'),
     ("last year's fair", 'Event/harbour tech fair 2021')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sgcn.loaders.extract import lexicon
from sgcn.loaders.extract.spans import EntityMention

if TYPE_CHECKING:
    from sgcn.loaders.extract.mentions import Recognition


_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                    "nineteenth": 19, "twentieth": 20, "inaugural": 1, "maiden": 1}
_ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|{'|'.join(_ORDINAL_NUMBERS)})"  # "5th", "fifth"
_YEAR = r"(?:19|20)\d\d"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WITHIN = re.compile(r"\b(?:within\s+the\s+framework\s+of|on\s+the\s+sidelines\s+of|during|at|"
                     r"in\s+conjunction\s+with|as\s+part\s+of|alongside)\s+(?:the\s+)?$", re.I)


def _ordinal_number(word: str) -> int:
    """The number an ordinal stands for ("fifth", "5th" -> 5)."""
    word = word.lower()
    return _ORDINAL_NUMBERS.get(word) or int(re.match(r"\d+", word).group(0))


def _claim(an: "Recognition", start: int, end: int, key: str, drop=("Event",)) -> None:
    """Mention ``key`` at ``start:end``, replacing the mentions of types ``drop`` inside the span.

    The list of mentions is made again only when one is dropped (found in the index by
    offset): making it at every claim was quadratic in a long document.
    """
    if any(m.type in drop for m in an.inside(start, end)):
        an.mentions = [m for m in an.mentions
                       if not (start <= m.start and m.end <= end and m.type in drop)]
    if not an.taken(start, end, nested_ok=True):
        an.mention(start, end, key)


def _series(an: "Recognition", key: str) -> str | None:
    """The series of the event ``key``: its series if it is an edition, itself if it recurs, else ``None``."""
    from sgcn.loaders.extract.mentions import series_of

    record = an.registry.records[key]
    if record.type != "Event":
        return None
    series = series_of(key, an.registry.records)
    if series:
        return series
    return key if lexicon.is_recurring_event(record.label.split()[-1]) else None


def _nearest_series(an: "Recognition", position: int) -> str | None:
    """The recurring event named most recently before ``position`` (else first after)."""
    found = [(m.start, s) for m in an.mentions if (s := _series(an, m.entity))]
    before = [s for start, s in sorted(found) if start < position]
    if before:
        return before[-1]
    return min(found)[1] if found else None


def _edition(an: "Recognition", series: str, year: str) -> str:
    """The key of the edition of ``series`` in ``year``, registered if new."""
    from sgcn.loaders.extract.mentions import _edition_label

    label = an.registry.records[series].label
    return an.registry.add("Event", _edition_label(label, year))


def _series_words(an: "Recognition") -> str:
    """A regex alternation of the series' names without a year and the generic event nouns, longest first."""
    names = set()
    for key, record in an.registry.records.items():
        if _series(an, key) == key:
            names.update(n for n in (record.label, *record.aliases) if not re.search(_YEAR, n))
    generic = [n for n in lexicon.data()["references"]["Event"]]
    return "|".join(re.escape(n) for n in sorted(names | set(generic), key=len, reverse=True))


def _year_references(an: "Recognition") -> None:
    """"last year's expo", "the event last year", "the inaugural SCE in 2018", "the 2021 edition of the fair",
    "the 2025 edition".

    A series named in the phrase, else the one named nearest before it (else first
    after), gives the series; the year is the document's shifted by "last" or "next",
    or the year written. Numbered editions (:func:`_numbered_editions`) are resolved first.
    """
    if not an.year:
        return
    words = _series_words(an)
    shift = {"this": 0, "last": -1, "next": 1, "previous": -1}
    patterns = [
        (rf"\b(this|last|next) year['’]s\s+(?:[a-z-]+\s+)?(?P<n>{words})\b", 1),
        (rf"\b[Tt]he\s+(?:(?P<o>[a-z-]+|\d+(?:st|nd|rd|th))\s+)?(?P<n>{words})\s+(last|next|this) year\b", 3),
        # "the inaugural X in 2018", "the third X (XD) in Penang on Monday", "The fourth XD will be held in
        # Kuala Lumpur in 2027": an ordinal and the year its clause gives
        (rf"\b[Tt]he\s+(?P<o>(?i:{_ORDINAL}))\s+(?P<n>{words})(?P<acr>\s*\([A-Z][\w&-]*\))?"
         rf"(?:[^.;,]{{0,40}}?\b(?:in|on)\s+(?:\d{{1,2}}\s+)?(?:{_MONTHS}\s+)?(?:\d{{1,2}},?\s+)?(?P<y>{_YEAR})\b)?", 0),
        (rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+inaugural\s+(?P<n>{words})\b", 0),
        (rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+edition\s+of\s+(?:the\s+)?(?P<n>{words})\b", 0),
        # "The 2025 edition drew 2,000 visitors": of the series the text tells of
        (rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+(?:edition|instalment|installment)\b(?!\s+of\b)", 0),
        # "to the Harbour Tech Fair in Xiamen in August 2027": the edition of that year
        (rf"\b(?:[Tt]he\s+)?(?P<n>{words})(?:\s+in\s+[A-Z][\w-]+){{0,1}}\s+in\s+(?:{_MONTHS}\s+)?(?P<y>{_YEAR})\b", 0),
    ]
    _numbered_editions(an)
    for sentence in an.sentences:
        for (pattern, group), anchor in zip(patterns, _ANCHORS):
            if not anchor.search(sentence.text):
                continue  # the pattern (compiled anew for each document's series) cannot match
            for m in re.finditer(pattern, sentence.text, flags=re.I if group else 0):
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if m.group(0)[:3].lower() == "the" and group == 0 and not m.groupdict().get("y") and \
                        not _THIS_WEEK.match(sentence.text, m.end()):
                    continue  # "since the inaugural X" may be any year; "the inaugural X on Monday" is this one
                named = an.registry.find(m.group("n")) if m.groupdict().get("n") else None
                series = _series(an, named) if named else _nearest_series(an, start)
                if series is None:
                    continue
                if group:
                    year = str(int(an.year) + shift[m.group(group).lower()])
                else:
                    year = m.group("y") or an.year  # "the inaugural X on Monday": this year's
                if m.group(0)[:3].lower() == "the" and group == 0:
                    start += 4  # "the" is not part of the name
                name_end = m.end("acr" if m.groupdict().get("acr") else "n") if group == 0 and m.groupdict().get("n") \
                    else m.end()
                if not re.fullmatch(rf"\s+in\s+{_YEAR}", m.string[name_end:m.end()]):
                    end = sentence.start + name_end  # "the third X ... in Penang in 2027": the name, not the clause
                edition = _edition(an, series, year)
                ordinal = m.groupdict().get("o")
                if ordinal and re.fullmatch(_ORDINAL, ordinal, re.I):  # "the second DPD next year"
                    an.registry.records[edition].aliases.add(f"{ordinal} {an.registry.records[series].label}")
                _claim(an, start, end, edition)
                if named and group == 0 and not m.groupdict().get("y"):
                    # "the inaugural X on Monday": the series keeps a mention inside, as an edition
                    # that "took place" does (see _running_series)
                    an.inner_series.append((start, end, series))


# a word each of _year_references' patterns holds, with its flags: a sentence without it is not searched
_ANCHORS = (re.compile(r"year['’]s", re.I), re.compile("year", re.I), re.compile(rf"\b{_ORDINAL}\s", re.I),
            re.compile("inaugural"), re.compile("edition"), re.compile("edition|instal"),
            re.compile(rf"\bin\s+(?:{_MONTHS}\s+)?{_YEAR}\b"))

# a day of this week or "today" right after an event's name: the story's own occasion
_THIS_WEEK = re.compile(r"[^.;]{0,24}?\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
                        r"this\s+week)\b")

_NUMBERED_EDITION = re.compile(rf"\b[Tt]he\s+(?:{_ORDINAL}|inaugural|next)\s+edition\b(?P<rest>[^.;]*?)\bin\s+(?P<y>{_YEAR})\b")


def _numbered_editions(an: "Recognition") -> None:
    """"an annual X Forum, with the first edition to be held in Chengdu in 2024": that edition is X 2024.

    The series is the recurring event named last before it in the same sentence; the
    year is the one the clause gives.
    """
    for sentence in an.sentences:
        for m in _NUMBERED_EDITION.finditer(sentence.text):
            start = sentence.start + m.start() + 4  # "the" is not part of the name
            end = sentence.start + m.start("rest")
            named = [x for x in an.inside(sentence.start, start) if _series(an, x.entity) == x.entity]
            if not named or an.taken(start, end):
                continue
            series = max(named, key=lambda x: x.end).entity
            edition = _edition(an, series, m.group("y"))
            an.mention(start, end, edition)


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,.*?\s(?:--|—|–)\s")
_RUNNING = re.compile(r"(?:\s*\([A-Z][\w&-]*(?:\s+(?P<y>(?:19|20)\d\d))?\))?"  # "(SCE)", "(SCE 2023)"
                      r"\s+(?:opened|kicked\s+off|closed|concluded|wrapped\s+up|"
                      r"got\s+under\s*way|(?:drew|came)\s+to\s+a\s+(?:successful\s+)?close|"
                      r"(?P<held>took\s+place|was\s+held|began|convened"
                      # a headline's present, of a numbered one: "Third Harbour Week Concludes with 21 Deals"
                      r"|Opens|Kicks\s+Off|Closes|Concludes|Wraps\s+Up))\b"
                      # "the fourth Harbour Week, which ran from 17 to 19 October"
                      r"|(?P<ran>,\s+which\s+(?:ran|took\s+place|was\s+held)\b)")


# what is done at a numbered edition as it happens: "A and B co-chaired the fourth X Dialogue here"
_AT_NUMBERED = re.compile(rf"\b(?:co-?chair(?:ed|s)?|chair(?:ed|s)?|attend(?:ed|s)?|host(?:ed|s)?|open(?:ed|s)?|held|"
                          rf"address(?:ed|es)?|convened?|convenes)\s+the\s+{_ORDINAL}\s+$", re.I)
# words that put a numbered edition in another year than the story's
_OTHER_YEAR = re.compile(r"\b(?:last|next|previous|coming|following|past|ago|since|until)\b", re.I)


def _ordinals_named(an: "Recognition") -> dict[str, set[int]]:
    """The ordinals each series is named with in the document ("the 26th X" -> {26}).

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="e.txt", sha256="0" * 64, format="plaintext", date="2027-09-20",
        ...     text="The banks signed the pact on the second day of the 24th Harbour Expo in Nanning.")
        >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.type == "Event"]
        [('24th Harbour Expo', 'Event/harbour expo 2027'), ('Harbour Expo', 'Event/harbour expo')]
    """
    found: dict[str, set[int]] = {}
    for m in an.mentions:
        if _series(an, m.entity) == m.entity and \
                (ordinal := re.search(rf"\b[Tt]he\s+({_ORDINAL})\s+$", an.text[max(0, m.start - 20):m.start], re.I)):
            found.setdefault(m.entity, set()).add(_ordinal_number(ordinal.group(1)))
    return found


def _running_series(an: "Recognition") -> None:
    """A series said to open or close in a dated story is its edition of that year.

    "The Harbour Tech Fair opened in Xiamen on Monday" in a story dated 2022 is the
    Harbour Tech Fair 2022; so is a numbered one said to take place ("The inaugural
    Harbour Dialogue took place") or chaired, attended or hosted ("A and B co-chaired the
    fourth Harbour Dialogue yesterday"). A sentence that names a year of its own, or puts
    the edition in another one ("last", "next", "since"), is left alone.
    """
    if not an.year:
        return
    ordinals = _ordinals_named(an)
    for m in sorted(an.mentions, key=lambda m: m.start):
        if _series(an, m.entity) != m.entity:
            continue
        sentence = an.sentence_at(m.start)
        running = _RUNNING.match(an.text, m.end)
        if running:
            year, numbered_only = running.group("y"), (running.group("held") or running.group("ran")) is not None
        elif sentence is not None and not _OTHER_YEAR.search(sentence.text) and (
                _AT_NUMBERED.search(an.text[max(0, m.start - 40):m.start]) or len(ordinals.get(m.entity, ())) == 1):
            # "co-chaired the fourth X", "on the opening day of the 26th X": its ordinal says it is one
            # edition, the story's (unless the story numbers the series twice: then which is not said)
            year, numbered_only = None, True
        else:
            continue
        ordinal = re.search(rf"\b({_ORDINAL})\s+$", an.text[max(0, m.start - 16):m.start], re.I)
        if numbered_only and not ordinal:
            continue  # "the X Forum was held": one event, unless numbered ("the inaugural X took place")
        if any(o is not m and o.start <= m.start and m.end <= o.end for o in an._overlapping(m.start, m.end)):
            continue  # the series inside an edition's name
        if sentence is None or not year and set(re.findall(_YEAR, _DATELINE.sub("", sentence.text))) - {an.year}:
            continue  # another year of its own ("on 20 June 2028" in a story of 2028 is the story's)
        edition = _edition(an, m.entity, year or an.year)
        start = m.start
        if ordinal:  # "The 20th Harbour Expo opened": its ordinal names the edition too
            start -= len(an.text[max(0, m.start - 16):m.start]) - ordinal.start(1)
            name = re.sub(r"\s*\([A-Z][A-Z\d&-]+\)", "", an.text[start:m.end])  # "(SCE)", not "(Suzhou)"
            an.registry.records[edition].aliases.add(re.sub(r"\s+", " ", name))
        elif re.search(r"\b[Tt]he\s+$", an.text[max(0, start - 4):start]):
            start -= len(re.search(r"[Tt]he\s+$", an.text[max(0, start - 4):start]).group(0))
        _claim(an, start, m.end, edition)
        an.inner_series.append((start, m.end, m.entity))  # the series keeps a mention inside
        if ordinal and not running:
            an.mention_inside(start, m.end, m.entity)  # "the 26th X": X is a series, an entity of its own


def _current_edition(an: "Recognition") -> None:
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
                    not any(o is not m and o.start <= m.start and m.end <= o.end
                            for o in an._overlapping(m.start, m.end)):
                _claim(an, m.start, m.end, edition)
        for name in sorted({an.registry.records[m.entity].label for m in an.mentions}):
            rest = name[len(record.label) + 1:] if name.startswith(record.label + " ") else ""
            if rest in occasion_nouns:
                old = an.registry.find(name)
                new = an.registry.add("Event", f"{an.registry.records[edition].label} {rest}",
                                      [name, *an.registry.records[old].aliases])
                an.mentions = [EntityMention(m.start, m.end, m.text, new, m.type) if m.entity == old else m
                               for m in an.mentions]


def _main_edition(an: "Recognition", editions: list[EntityMention]) -> EntityMention | None:
    """The mention of the edition a document is about: that of the document's year, else the first one named.

    Of the ``editions`` mentioned, one written as a name ("2021 Harbour Expo") is
    preferred to a reference ("last year's expo").
    """
    by_start = sorted(editions, key=lambda m: m.start)
    this_year = [m for m in by_start if an.year and an.registry.records[m.entity].label.endswith(an.year)]
    named = [m for m in this_year or by_start if m.text[:1].isupper() or m.text[:1].isdigit()]
    return (named or this_year or by_start or [None])[0]
