"""Event times: when the events a document names start and end, as precisely as it says.

This stage reads an :class:`~sgcn.loaders.extract.spans.Analysis` and returns one
:class:`~sgcn.loaders.facts.EventTime` per event it can date. Sources of a date, from
the most to the least trusted:

1. an absolute date or range next to the event (``sgcn.loaders.dates.find_dates``):
   "taking place in Chongqing from September 4-6, 2023", "Inaugurated in 2018, SCE ...";
2. a date relative to the document's date: "today", "yesterday", a weekday ("kicked
   off Monday" in a release of Tuesday 2019-08-27 is 2019-08-26), "this year";
3. the year in an edition's name ("Smart China Expo 2020");
4. the event it is part of (an opening ceremony starts with its expo; a forum held
   within an expo is dated to the expo's month).

"the four-day expo" then sets the end: start + 3 days. Events introduced with
"featuring" share the date of the event that features them.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("The [fair|Event] kicked off Monday in [Oslo|Place]. "
    ...     "The four-day [fair|Event] drew crowds.", date="2019-08-27")
    >>> [(t.event, t.start, t.end) for t in find_event_times(a)]
    [('Event/fair', '2019-08-26', '2019-08-29')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sgcn.loaders.dates import DateSpan, find_dateline, find_dates
from sgcn.loaders.extract.rel_context import doc_year, editions, series_of
from sgcn.loaders.extract.rel_text import Slotted, slot
from sgcn.loaders.extract.relations import find_relations
from sgcn.loaders.extract.spans import Analysis, Sentence
from sgcn.loaders.facts import EventTime, Evidence, Relation

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}
_START_VERBS = r"(?:inaugurated|first\s+held|launched|founded|established|started|began|debuted)"
_CLOSING = re.compile(
    r"\b(?:(?:will\s+)?(?:close|closed|closes|end|ended|ends|conclude|concluded|concludes|wrap\s+up|wrapped\s+up|"
    r"wraps\s+up|drew\s+to\s+a\s+close|came\s+to\s+a\s+close|came\s+to\s+an\s+end)\s+(?:\w+\s+)?|"
    r"(?:runs?|running|ran|lasts?|lasting|lasted|continues?|continued|is\s+on|are\s+on)\s+(?:until|till|through)\s+|"
    r"\buntil\s+)$",
    re.I,
)
_FORWARD = re.compile(r"\b(?:will|until|till|through|next|coming)\b(?:\s+\w+){0,3}\s*$", re.I)
_LASTING = re.compile(r"\b(?:after|over|for|lasting)\s+(\w+)\s+days\b", re.I)
# A participle or which-clause in apposition telling when the event before it happened:
# "the 6th Council meeting, held in Suzhou today", ", which took place in Oslo yesterday",
# also after what the event is of ("the 2nd meeting of the Joint Council, convened today").
_APPOSED_HAPPENING = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?⟦\d+⟧)?\s*,\s*(?:(?:which|that)\s+)?(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?(?:being\s+)?"
    r"(?:held|took\s+place|taking\s+place|takes\s+place|convened|opened|kicked\s+off|launched|staged|hosted|"
    r"organi[sz]ed|co-organi[sz]ed|began|started)"
    r"(?:\s+(?:[a-z]+|⟦\d+⟧)){0,6}?\s*$",
    re.I,
)
_ARRANGING = re.compile(r"\b(?:co-?organi[sz]e|co-?host|organi[sz]e|host|sign\w*|ink\w*)\b[^⟦]{0,30}$", re.I)


@dataclass(frozen=True)
class _Candidate:
    """A date read for an event, with how much it is trusted (lower is better)."""

    event: str
    start: str
    end: str
    rank: int
    evidence: Evidence
    closing: bool = False


def find_event_times(analysis: Analysis, relations: Iterable[Relation] | None = None) -> list[EventTime]:
    """The start and end of each event the document dates.

    Args:
        analysis: the document with its sentences and resolved mentions.
        relations: the document's relations, when the caller has them (a part of a
            dated event is dated by it; :func:`find_relations` runs otherwise).

    Returns:
        One event time per event with a date, ISO dates as precise as the source allows;
        ``end`` is ``""`` for one-day or open events.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Oslo Fair 2023|Event] takes place in [Oslo|Place] "
        ...     "from September 4-6, 2023.", date="2023-09")
        >>> [(t.start, t.end) for t in find_event_times(a)]
        [('2023-09-04', '2023-09-06')]
    """
    candidates: list[_Candidate] = []
    durations: dict[str, int] = {}
    for sentence in analysis.sentences:
        sl = slot(analysis, sentence)
        evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
        candidates.extend(_absolute(analysis, sl, evidence))
        candidates.extend(_relative(analysis, sl, evidence))
        candidates.extend(_by_syntax(analysis, sentence, evidence))
        for event, days in _durations(analysis, sl):
            durations.setdefault(event, days)
    candidates.extend(_from_names(analysis))
    candidates.extend(_from_fields(analysis))
    closings = {c.event: c for c in reversed(candidates) if c.closing}
    chosen = _choose([c for c in candidates if not c.closing])
    chosen.update(_closed(chosen, closings, durations))
    chosen.update(_inherited(analysis, chosen, relations))
    result = []
    for event, candidate in sorted(chosen.items()):
        end = candidate.end
        if not end and event in durations and len(candidate.start) == 10:
            last = dt.date.fromisoformat(candidate.start) + dt.timedelta(days=durations[event] - 1)
            end = last.isoformat() if durations[event] > 1 else ""
        result.append(EventTime(event, candidate.start, end, candidate.evidence))
    return result


def _closed(chosen: dict[str, _Candidate], closings: dict[str, _Candidate],
            durations: dict[str, int]) -> dict[str, _Candidate]:
    """Events said to have closed on a day: that day ends them; the start is read or counted back."""
    result = {}
    for event, closing in closings.items():
        current = chosen.get(event)
        if current is not None and len(current.start) == 10 and current.start <= closing.end:
            result[event] = _Candidate(event, current.start, closing.end, current.rank, current.evidence)
        else:
            start = _start_before(closing.end, durations.get(event))
            result[event] = _Candidate(event, start, closing.end, closing.rank, closing.evidence)
    return result


def _start_before(end: str, days: int | None) -> str:
    """The start of an event that closed on ``end``: ``days`` before, else only its month (or year).

    Examples:
        >>> _start_before("2024-08-24", 4), _start_before("2024-08-24", None), _start_before("2024-08-03", None)
        ('2024-08-21', '2024-08', '2024')
    """
    last = dt.date.fromisoformat(end)
    if days:
        return (last - dt.timedelta(days=days - 1)).isoformat()
    return end[:7] if last.day > 7 else end[:4]


def _is_series(analysis: Analysis, key: str) -> bool:
    return key in editions(analysis)


def _absolute(analysis: Analysis, sl: Slotted, evidence: Evidence) -> list[_Candidate]:
    """Absolute dates standing next to an event in the sentence."""
    result = []
    year = doc_year(analysis)
    for span in [_with_range_start(d, sl.text) for d in find_dates(sl.text, year=year)]:
        before = sl.text[:span.start]
        after = sl.text[span.end:]
        opening = re.match(rf"^\s*{_START_VERBS}\s+(?:in\s+|on\s+)?$", before, re.I)
        if opening:
            following = re.match(r"^\s*,\s*(?:the\s+)?⟦(\d+)⟧", after)
            if following and sl.mentions[int(following.group(1))].type == "Event":
                event = sl.mentions[int(following.group(1))].entity
                result.append(_Candidate(event, span.iso_start, "", 0, evidence))
            continue
        index = _event_before(sl, span.start)
        if index is None:
            continue
        mention = sl.mentions[index]
        if _CLOSING.search(before) and not span.iso_end and len(span.iso_start) == 10 \
                and not _is_series(analysis, mention.entity):
            result.append(_Candidate(mention.entity, span.iso_start, span.iso_start, 0, evidence, closing=True))
            continue
        if _ARRANGING.search(sl.text[:sl.slot_at(index).start()]):
            continue
        gap = sl.text[sl.slot_at(index).end():span.start]
        if re.search(r"\b(?:since)\b", gap + before[-8:], re.I):
            if _is_series(analysis, mention.entity) and re.search(r"\bheld\b", gap, re.I):
                result.append(_Candidate(mention.entity, span.iso_start, "", 1, evidence))
            continue
        event = mention.entity
        if _is_series(analysis, event) and not re.search(rf"\b{_START_VERBS}\b", gap, re.I):
            event = editions(analysis)[event].get(int(span.iso_start[:4]), "")
            if not event or span.iso_start[:4] != (span.iso_end or span.iso_start)[:4]:
                continue
        if len(gap.split()) > 12:
            continue
        result.append(_Candidate(event, span.iso_start, span.iso_end, 0, evidence))
        result.extend(_featured(sl, index, span.iso_start, span.iso_end, evidence))
    return result


# What ends the clause of an event named earlier; a second verb of the same subject
# ("opened on Monday and will run until Friday") or a relative clause of its dates
# ("which runs from 3 to 6 May") does not.
_CLAUSE_BREAK = re.compile(
    r"[.;]|\bbut\b|\bwhile\b|\bwho\b|"
    r"\band\b(?!\s+(?:will|is|was|has|had|then|later|runs?|ran|closes|closed|ends|ended)\b)|"
    r"\bwhich\b(?!\s+(?:runs?|ran|takes?\s+place|took\s+place|is\s+held|was\s+held|will\s+be\s+held|"
    r"will\s+run|lasts?|lasted|is\s+on|opens|opened|closes|closed|ends|ended)\b)"
)


def _with_range_start(span: DateSpan, text: str) -> DateSpan:
    """A date that ends a range whose first day stands alone before it ("from 3 to 6 September"),
    or opens one whose last day stands alone after it ("from October 20 to 22").

    Examples:
        >>> from sgcn.loaders.dates import find_dates
        >>> text = "runs from 3 to 6 September"
        >>> s = _with_range_start(find_dates(text, year=2023)[0], text)
        >>> s.iso_start, s.iso_end, s.text
        ('2023-09-03', '2023-09-06', '3 to 6 September')
        >>> text = "runs from October 20 to 22 in Suzhou, with 300 to 400 firms"
        >>> s = _with_range_start(find_dates(text, year=2026)[0], text)
        >>> s.iso_start, s.iso_end, s.text
        ('2026-10-20', '2026-10-22', 'October 20 to 22')
    """
    last = re.match(r"\s*(?:to|-|–|until|till)\s*(\d{1,2})\b(?![,.:]?\d|\s*(?:%|per\b|million|billion|thousand|"
                    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))",
                    text[span.end:span.end + 12])
    if not span.iso_end and len(span.iso_start) == 10 and span.text[:1].isalpha() and last is not None:
        # "from October 20 to 22": the month opens the range, the last day closes it
        try:
            end = dt.date.fromisoformat(span.iso_start).replace(day=int(last.group(1)))
        except ValueError:
            return span
        if end.isoformat() <= span.iso_start:
            return span
        stop = span.end + last.end()
        return DateSpan(span.start, stop, text[span.start:stop], span.iso_start, end.isoformat())
    first = re.search(r"\b(\d{1,2})\s*(?:to|-|–|until|till)\s*$", text[:span.start])
    if span.iso_end or len(span.iso_start) != 10 or first is None or not span.text[:1].isdigit():
        return span
    try:
        start = dt.date.fromisoformat(span.iso_start).replace(day=int(first.group(1)))
    except ValueError:
        return span
    if start.isoformat() >= span.iso_start:
        return span
    return DateSpan(first.start(), span.end, text[first.start():span.end], start.isoformat(), span.iso_start)


def _event_before(sl: Slotted, offset: int) -> int | None:
    """The event named last before ``offset`` in the same clause, places and names between allowed."""
    for match in reversed(list(re.finditer(r"⟦(\d+)⟧", sl.text[:offset]))):
        gap = sl.text[match.end():offset]
        if _CLAUSE_BREAK.search(gap) or len(gap.split()) > 12:
            return None
        if sl.mentions[int(match.group(1))].type == "Event":
            return int(match.group(1))
    return None


def _featured(sl: Slotted, index: int, start: str, end: str, evidence: Evidence) -> list[_Candidate]:
    """Events the dated event features ("kicked off Monday, featuring a signing ceremony")."""
    result = []
    after = sl.text[sl.slot_at(index).end():]
    for match in re.finditer(r"\b(?:featuring|including|with)\s+(?:a|an|the)?\s*(?:\w+\s+){0,2}⟦(\d+)⟧", after):
        mention = sl.mentions[int(match.group(1))]
        if mention.type == "Event":
            result.append(_Candidate(mention.entity, start, "", 2, evidence))
    return result


def _relative(analysis: Analysis, sl: Slotted, evidence: Evidence) -> list[_Candidate]:
    """Dates said relative to the document's date: today, yesterday, a weekday, this year."""
    date = analysis.once(_document_day)  # the whole text's dateline: read once
    result = []
    for match in re.finditer(r"\b(today|yesterday|(?:on\s+)?(?:" + "|".join(_WEEKDAYS) + r")|this\s+year)\b",
                             sl.text, re.I):
        word = match.group(1).lower().removeprefix("on ").strip()
        closing = bool(_CLOSING.search(sl.text[:match.start()]))
        index = _nearest_event(sl, match.start(), match.end(), word)
        if index is None and closing:
            index = _event_before(sl, match.start())
        if index is None:
            continue
        event = sl.mentions[index].entity
        if word == "this year":
            year = doc_year(analysis)
            if year and not _is_series(analysis, event):
                result.append(_Candidate(event, str(year), "", 3, evidence))
            continue
        if date is None or _is_series(analysis, event):
            continue
        if word == "today":
            day = date
        elif word == "yesterday":
            day = date - dt.timedelta(days=1)
        elif _FORWARD.search(sl.text[:match.start()]):
            day = date + dt.timedelta(days=(_WEEKDAYS.index(word) - date.weekday()) % 7)
        else:
            day = date - dt.timedelta(days=(date.weekday() - _WEEKDAYS.index(word)) % 7)
        if closing:
            result.append(_Candidate(event, day.isoformat(), day.isoformat(), 1, evidence, closing=True))
            continue
        result.append(_Candidate(event, day.isoformat(), "", 1, evidence))
        result.extend(_featured(sl, index, day.isoformat(), "", evidence))
    return result


# Verbs of an event taking place: a date on one of them dates its subject or object.
_HAPPENING = frozenset({"hold", "take", "open", "begin", "start", "kick", "convene", "meet", "run", "stage",
                        "host", "organise", "organize", "co-organise", "co-organize", "co-host", "launch",
                        "inaugurate", "debut", "be", "co-chair", "chair", "attend", "close", "end",
                        "conclude", "wrap", "finish", "sign", "ink", "witness", "mark", "celebrate"})
_ENDING = frozenset({"close", "end", "conclude", "wrap", "finish"})


def _by_syntax(analysis: Analysis, sentence: Sentence, evidence: Evidence) -> list[_Candidate]:
    """Dates the parse ties to an event: the date modifies a verb of happening whose
    subject or object is the event ("Convened in Xiamen on March 9, the 2nd Council
    meeting approved...", "The 3rd JIC meeting of the CCI was held in Chongqing today",
    "The fair and the forum will both take place from 6 to 8 May"), or the event's name
    itself ("the forum on 3 May").
    """
    from sgcn.loaders.extract.frames import Roles, denoted, spread

    parsed = analysis.parsed(sentence)
    if parsed is None:
        return []
    mentions = [m for m in analysis.mentions_in(sentence) if m.type == "Event"]
    if not mentions:
        return []
    date = analysis.once(_document_day)  # the whole text's dateline: read once
    readings: list[tuple[int, str, str]] = []  # (offset, start, end)
    named = [(m.start, m.end) for m in analysis.mentions_in(sentence)]
    for span in find_dates(sentence.text, year=doc_year(analysis)):
        span = _with_range_start(span, sentence.text)
        start = sentence.start + span.start
        if any(a <= start < b for a, b in named):
            continue  # a year in a name ("Fish Fair 2023") is the name's, read by _from_names
        readings.append((start, span.iso_start, span.iso_end))
    for match in re.finditer(r"\b(today|yesterday|" + "|".join(_WEEKDAYS) + r")\b", sentence.text, re.I):
        word = match.group(1).lower()
        if date is None:
            continue
        if word == "today":
            day = date
        elif word == "yesterday":
            day = date - dt.timedelta(days=1)
        elif _FORWARD.search(sentence.text[:match.start()]):
            day = date + dt.timedelta(days=(_WEEKDAYS.index(word) - date.weekday()) % 7)
        else:
            day = date - dt.timedelta(days=(date.weekday() - _WEEKDAYS.index(word)) % 7)
        readings.append((sentence.start + match.start(), day.isoformat(), ""))
    result = []
    for offset, start, end in readings:
        token = parsed.token_at(offset)
        if token is None:
            continue
        head = token
        while head.dep_ in ("pobj", "prep", "npadvmod", "nummod", "quantmod", "compound", "appos", "nmod", "tmod") \
                and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _HAPPENING:
            roles = Roles(head)
            tokens = spread(roles.theme(head) + roles.agent(head))
        elif head.pos_ in ("NOUN", "PROPN"):
            tokens = [head]
        else:
            continue
        for m in denoted(tokens, parsed, mentions):
            if _is_series(analysis, m.entity):
                continue
            closing = head.lemma_.lower() in _ENDING and not end and len(start) == 10
            result.append(_Candidate(m.entity, start, start if closing else end, 1, evidence, closing=closing))
    return result


def _nearest_event(sl: Slotted, start: int, end: int, word: str) -> int | None:
    """The event a relative date word belongs to: the one just before it, else just after."""
    before = list(re.finditer(r"⟦(\d+)⟧", sl.text[:start]))
    for match in reversed(before):
        index = int(match.group(1))
        gap = sl.text[match.end():start]
        if sl.mentions[index].type == "Event":
            if (_word_count(gap) <= 4 and not re.search(r"[,;]", gap)) or _APPOSED_HAPPENING.match(gap):
                return index
            break
        if _word_count(gap) > 4 and not _APPOSED_HAPPENING.match(gap):
            break
    if word == "this year":
        for match in re.finditer(r"⟦(\d+)⟧", sl.text[end:]):
            index = int(match.group(1))
            if sl.mentions[index].type == "Event" and len(sl.text[end:end + match.start()].split()) <= 4:
                return index
    return None


def _word_count(gap: str) -> int:
    """Words of a skeleton gap, slots not counted ("of the ⟦4⟧ in ⟦5⟧" has three)."""
    return len([w for w in gap.split() if not re.fullmatch(r"\W*⟦\d+⟧\W*", w)])


def _document_day(analysis: Analysis) -> dt.date | None:
    """The day relative dates are read against: the dateline's day, else the document's date.

    A wire story published on Sunday under the dateline "CHONGQING, Aug 24" tells its
    "Saturday" from the dateline's day.
    """
    try:
        published = dt.date.fromisoformat(analysis.document.date)
    except ValueError:
        return None
    dateline = find_dateline(analysis.document.text, year=published.year)
    if dateline and dateline.month and dateline.day:
        try:
            day = dt.date(published.year, dateline.month, dateline.day)
        except ValueError:
            return published
        if dt.timedelta(0) <= published - day <= dt.timedelta(days=7):
            return day
    return published


def _durations(analysis: Analysis, sl: Slotted) -> list[tuple[str, int]]:
    """Events said to last N days ("the four-day expo"), or the event in context."""
    result = []
    for mention in sl.mentions:
        inside = re.search(r"\b(\w+)-day\b", mention.text, re.I)
        days = _NUMBERS.get(inside.group(1).lower(), 0) if inside else 0
        if mention.type == "Event" and days:
            result.append((mention.entity, days))
    for match in _LASTING.finditer(sl.text):
        days = _NUMBERS.get(match.group(1).lower()) or (int(match.group(1)) if match.group(1).isdigit() else 0)
        before = [m for m in re.finditer(r"⟦(\d+)⟧", sl.text[:match.start()])
                  if sl.mentions[int(m.group(1))].type == "Event"]
        if days and before and _word_count(sl.text[before[-1].end():match.start()]) <= 6:
            result.append((sl.mentions[int(before[-1].group(1))].entity, days))
    for match in re.finditer(r"\b(\w+)-day\b", sl.text, re.I):
        days = _NUMBERS.get(match.group(1).lower()) or (int(match.group(1)) if match.group(1).isdigit() else 0)
        if not days:
            continue
        after = re.match(r"\s+(?:\w+\s+)?⟦(\d+)⟧", sl.text[match.end():])
        if after and sl.mentions[int(after.group(1))].type == "Event":
            result.append((sl.mentions[int(after.group(1))].entity, days))
        else:
            event = _context_event(analysis, sl.sentence)
            if event:
                result.append((event, days))
    return result


def _context_event(analysis: Analysis, sentence: Sentence) -> str | None:
    """The dated event the text is about: the first one named in the three sentences before."""
    index = analysis.position(sentence)
    for previous in reversed(analysis.sentences[max(0, index - 3):index]):
        for mention in analysis.mentions_in(previous):
            if mention.type == "Event" and not _is_series(analysis, mention.entity):
                return mention.entity
    return None


def _from_fields(analysis: Analysis) -> list[_Candidate]:
    """The date a fact sheet's "Date:" line gives the event its heading names."""
    from sgcn.loaders.extract.fields import dated_events

    result = []
    for event, line, value in dated_events(analysis):
        dates = find_dates(analysis.document.text[value:line.end], year=doc_year(analysis))
        if dates:
            evidence = Evidence(analysis.document.source, line.start, line.end, line.text)
            result.append(_Candidate(event, dates[0].iso_start, dates[0].iso_end, 0, evidence))
    return result


def _from_names(analysis: Analysis) -> list[_Candidate]:
    """An edition's year from its name ("Smart China Expo 2020" -> 2020)."""
    result = []
    for by_year in editions(analysis).values():
        for year, edition in by_year.items():
            evidence = _first_evidence(analysis, edition)
            if evidence:
                result.append(_Candidate(edition, str(year), "", 4, evidence))
    return result


def _first_evidence(analysis: Analysis, key: str) -> Evidence | None:
    for mention in analysis.mentions:
        if mention.entity == key:
            for sentence in analysis.sentences:
                if mention.within(sentence):
                    return Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
    return None


def _choose(candidates: list[_Candidate]) -> dict[str, _Candidate]:
    """Per event, the most trusted date; among agreeing dates, the most precise."""
    chosen: dict[str, _Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (c.rank, -len(c.start), c.evidence.start)):
        current = chosen.get(candidate.event)
        if current is None:
            chosen[candidate.event] = candidate
        elif candidate.start.startswith(current.start) and len(candidate.start) > len(current.start):
            chosen[candidate.event] = _Candidate(current.event, candidate.start, candidate.end or current.end,
                                                 current.rank, candidate.evidence)
    return chosen


def _inherited(analysis: Analysis, chosen: dict[str, _Candidate],
               relations: Iterable[Relation] | None = None) -> dict[str, _Candidate]:
    """Dates of events that are part of a dated event.

    An opening or inauguration ceremony starts with its event; another part (a forum
    held within an expo) is dated to the month its event starts in.
    """
    result = {}
    for relation in find_relations(analysis) if relations is None else relations:
        if relation.relation != "part_of" or relation.object not in chosen or relation.subject in chosen:
            continue
        if series_of(analysis, relation.subject) is not None or analysis.entities[relation.subject].type != "Event":
            continue
        parent = chosen[relation.object]
        label = analysis.entities[relation.subject].label
        start = parent.start if re.search(r"\b(?:opening|inauguration|inaugural)\b", label, re.I) else parent.start[:7]
        result[relation.subject] = _Candidate(relation.subject, start, "", 5, relation.evidence)
    return result


__all__ = ["find_event_times"]
