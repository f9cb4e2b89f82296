"""Read the figures a document reports: counts, money and areas about an entity.

A figure is an amount (read by :mod:`sgcn.loaders.extract.numbers`) that the
sentence ties to one of the measures of the query contract and to the entity it is
about. Both are read from the language of the genre, whose wording lives in
``measures.yaml``:

- the measure comes from the counted noun after the number ("eight MoUs", "14 new
  joint projects", "more than 70 Singapore companies", "nearly 60 countries and
  regions"), checked by a cue in the sentence ("signed", "participating",
  "attracted"); projects are signed or launched by the nearest verb; money is a
  fund's size next to a fund noun ("a RMB 40 million initiative") and an
  investment next to an investment word ("worth", "involving ... of investment");
  an amount in parentheses right after another ("816.9 billion yuan (about 117.88
  billion U.S. dollars)") restates it and shares its measure and subject; square
  metres in a sentence about a pavilion or exhibition are an exhibition area;
- the subject is one of the resolved mentions of the sentence, of a type the
  measure allows (``subjects`` in ``measures.yaml``): the one the number's frame
  names ("signed *at* the meeting", "signed *under* SCI", "participating *in* this
  year's SCE"), the occasion before the programme; else, taking the allowed types
  in their order of preference (the pavilion before the fair it stands in), the
  nearest mention before the number ("SCE 2019 saw ... 70 companies"), else the
  nearest after it. A number
  with no subject is not a figure.
- ``as_of`` is the document's date, unless the source dates the number ("1,400 sqm
  in 2018", "as of March 2021").

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
    >>> text = "15 MoUs were signed at the Digital Forum."
    >>> doc = Document(source="a.txt", text=text, sha256="0" * 64, format="plaintext",
    ...                date="2023-09-05")
    >>> forum = EntityMention(23, 40, "the Digital Forum", "Event/digital forum", "Event")
    >>> analysis = Analysis(doc, (Sentence(0, len(text), text),), (forum,), {})
    >>> [(f.subject, f.measure, f.value, f.as_of) for f in find_figures(analysis)]
    [('Event/digital forum', 'mous_signed', Decimal('15'), '2023-09-05')]
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from sgcn.loaders.dates import find_dates
from sgcn.loaders.extract.numbers import Amount, find_amounts
from sgcn.loaders.extract.rel_text import outermost
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import Evidence, Figure

log = logging.getLogger(__name__)

#: Units that are currencies (everything but counts and square metres).
_NOT_MONEY = ("", "sqm")
#: Words that may stand between a number and the noun it counts ("new joint",
#: "Singapore", "domestic and foreign"), at most this many.
_MAX_MODIFIERS = 4
#: Words that end the noun phrase of a number: verbs, prepositions, clause words.
_STOP = (
    "of|in|at|on|for|with|to|from|by|under|during|were|was|is|are|be|been|have|has|had|"
    "will|would|which|that|who|as|than|including|such|worth|involving|signed|inked"
)


@dataclass(frozen=True)
class _Reading:
    """An amount read as a measure, before its subject is known."""

    amount: Amount
    measure: str
    head_end: int  # offset (in the sentence) one past the counted noun, or the amount
    restates: bool = False  # a parenthesised restatement of the amount before it


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The wording of the measures, from ``measures.yaml``."""
    path = files("sgcn.loaders.extract").joinpath("measures.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(phrases, *, stems: bool = False) -> str:
    """A regex alternation of whole-word ``phrases`` (or word stems), longest first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return rf"\b(?:{body})" + (r"\w*" if stems else r"\b")


def measures() -> set[str]:
    """Every measure the rules can emit.

    Examples:
        >>> sorted(measures())[:3]
        ['agreements_signed', 'companies_participating', 'countries_and_regions']
    """
    rules = _rules()
    named = {c["measure"] for c in rules["counts"]} - {"projects"}
    return named | set(rules["verbs"]) | set(rules["subjects"]) | {
        "network_size", "fund_size", "investment_value", "exhibition_area"}


def _has_cue(sentence: str, cue: str | None) -> bool:
    """Whether ``sentence`` holds one of the stems of ``cue`` (no cue: always)."""
    if not cue:
        return True
    return re.search(_words(_rules()["cues"][cue], stems=True), sentence, re.IGNORECASE) is not None


def _counted_noun(sentence: str, amount: Amount) -> tuple[str, int] | None:
    """The measure the noun after ``amount`` counts, and where that noun ends."""
    rules = _rules()
    after = sentence[amount.end:]
    modifiers = rf"(?:(?!(?:{_STOP})\b)[A-Za-z][\w'’-]*\s+){{0,{_MAX_MODIFIERS}}}?"
    for count in rules["counts"]:
        match = re.match(rf"\s*{modifiers}{_words(count['heads'])}", after, re.IGNORECASE)
        if match is None:
            continue
        if not _has_cue(sentence, count.get("cues")):
            continue
        return count["measure"], amount.end + match.end()
    return None


def _project_verb(sentence: str, amount: Amount, head_end: int) -> str | None:
    """``projects_signed`` or ``projects_launched`` by the nearest verb.

    The first signing or launching verb after the counted noun ("29 projects have
    been initiated") decides; failing that, the last one before the number
    ("unveiled 14 new joint projects").
    """
    verbs = _rules()["verbs"]
    found_after, found_before = [], []
    for measure, words in verbs.items():
        pattern = _words(words)
        found_after += [(m.start(), measure) for m in re.finditer(pattern, sentence[head_end:], re.IGNORECASE)]
        found_before += [(m.start(), measure) for m in re.finditer(pattern, sentence[:amount.start], re.IGNORECASE)]
    if found_after:
        return min(found_after)[1]
    if found_before:
        return max(found_before)[1]
    return None


def _money_measure(sentence: str, amount: Amount) -> str | None:
    """``fund_size`` or ``investment_value`` for a money amount, by its neighbours."""
    money = _rules()["money"]
    after, before = sentence[amount.end:], sentence[:amount.start]
    if re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{_words(money['fund_after'])}", after, re.IGNORECASE):
        return "fund_size"
    fund_then = rf"{_words(money['fund_nouns'])},?\s+(?:[\w-]+\s+){{0,3}}?{_words(money['fund_links'])}\s*$"
    if re.search(fund_then, before, re.IGNORECASE):
        return "fund_size"
    near = before[-40:] + " " + after[:30]
    if re.search(_words(money["investment"]), near, re.IGNORECASE):
        return "investment_value"
    return None


def _readings(sentence: str, dollar: str) -> list[_Reading]:
    """The amounts of ``sentence`` that are measures, with their measure."""
    rules = _rules()
    readings: list[_Reading] = []
    previous: _Reading | None = None
    for amount in find_amounts(sentence, dollar=dollar):
        reading = None
        restates = previous is not None and re.fullmatch(
            r"\s*\(\s*", sentence[previous.amount.end:amount.start]) is not None
        if restates and amount.unit not in _NOT_MONEY and previous.amount.unit not in _NOT_MONEY:
            reading = _Reading(amount, previous.measure, amount.end, restates=True)
        elif amount.unit == "sqm":
            if _has_area_cue(sentence):
                reading = _Reading(amount, "exhibition_area", amount.end)
        elif amount.unit:
            measure = _money_measure(sentence, amount)
            if measure:
                reading = _Reading(amount, measure, amount.end)
        elif re.search(rf"{_words(rules['network']['before'])}\s*$", sentence[:amount.start], re.IGNORECASE):
            reading = _Reading(amount, "network_size", amount.end)
        else:
            counted = _counted_noun(sentence, amount)
            if counted:
                measure, head_end = counted
                if measure == "projects":
                    measure = _project_verb(sentence, amount, head_end)
                if measure:
                    reading = _Reading(amount, measure, head_end)
        if reading:
            readings.append(reading)
        previous = reading
    return readings


def _has_area_cue(sentence: str) -> bool:
    """Whether the sentence is about showing something (a pavilion, an exhibition)."""
    return re.search(_words(_rules()["area"]["cues"], stems=True), sentence, re.IGNORECASE) is not None


def _framed(sentence: Sentence, mention: EntityMention, frame: str) -> bool:
    """Whether ``mention`` stands right after a word of ``frame`` ("at the", "under")."""
    before = sentence.text[:mention.start - sentence.start]
    words = _words(_rules()["frames"][frame])
    return re.search(rf"{words}\s+(?:(?:the|this|that|its|their|last|next)\s+)?$", before, re.IGNORECASE) is not None


def _subject(sentence: Sentence, mentions: list[EntityMention], reading: _Reading) -> EntityMention | None:
    """The mention the figure is about (see the module docstring), or ``None``."""
    allowed = _rules()["subjects"][reading.measure]
    candidates = [m for m in outermost(mentions) if m.type in allowed]
    if not candidates:
        return None
    position = sentence.start + reading.amount.start
    if reading.measure in ("companies_participating", "delegates", "enterprises_attending",
                           "countries_and_regions", "fortune_global_500_firms"):
        frames = ("participation",)
    elif reading.measure in ("mous_signed", "agreements_signed", "projects_signed",
                             "projects_launched", "investment_value"):
        frames = ("occasion", "programme")
    else:
        frames = ()
    for frame in frames:
        framed = [m for m in candidates if _framed(sentence, m, frame)
                  and (frame != "occasion" or m.type == "Event")]
        if framed:
            return min(framed, key=lambda m: abs(m.start - position))
    for kind in allowed:
        of_kind = [m for m in candidates if m.type == kind]
        before = [m for m in of_kind if m.end <= position]
        if before:
            return before[-1]
        if of_kind:
            return of_kind[0]
    return None


#: Types that can be what a figure is about; a sentence naming none of them continues
#: the sentence before it ("The expo opened ... . More than 500 firms took part.").
_SUBJECT_TYPES = ("Event", "Initiative", "Project", "Organization")


def _names_a_subject(mentions: list[EntityMention]) -> bool:
    """Whether any mention could be what a number in the sentence is about."""
    return any(m.type in _SUBJECT_TYPES for m in mentions)


def _carried_mentions(analysis: Analysis, previous: Sentence | None,
                      sentence: Sentence) -> list[EntityMention]:
    """The events and initiatives of the sentence before, when it is in the same paragraph.

    They stand in for the subject of a sentence that names none, placed before it so
    that "the nearest mention before the number" picks the last one named.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
        >>> text = "The Expo opened. 49 projects were signed."
        >>> doc = Document(source="a.txt", text=text, sha256="0" * 64, format="plaintext")
        >>> expo = EntityMention(0, 8, "The Expo", "Event/expo", "Event")
        >>> first, second = Sentence(0, 16, text[:16]), Sentence(17, 41, text[17:])
        >>> [m.entity for m in _carried_mentions(Analysis(doc, (first, second), (expo,), {}), first, second)]
        ['Event/expo']
        >>> _carried_mentions(Analysis(doc, (first, second), (expo,), {}), None, second)
        []
    """
    if previous is None or "\n\n" in analysis.document.text[previous.end:sentence.start]:
        return []
    return [EntityMention(sentence.start, sentence.start, m.text, m.entity, m.type)
            for m in analysis.mentions_in(previous) if m.type in ("Event", "Initiative")]


def focus_event(analysis: Analysis) -> str | None:
    """The one dated event a document is about: the event held on the document's day.

    A release dated the day of a meeting ("co-chaired the 6th Council meeting, held in
    Oslo today") reports what was done there; its sentences that name no subject
    ("Both sides also launched 10 projects.") are about that meeting. The focus is the
    event whose dates cover the document's date; when several do (an expo and its
    opening ceremony), the one named most often, if strictly most; else none.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> focus_event(analysis_from_markup("Ministers met at the [2nd Council meeting|Event] today.",
        ...                                  date="2023-12-08"))
        'Event/2nd council meeting'
        >>> focus_event(analysis_from_markup("The [Fish Fair|Event] was held in 2019.", date="2023-12-08")) is None
        True
    """
    from sgcn.loaders.extract.events import find_event_times  # events read relations: import late

    day = analysis.document.date
    if len(day) != 10:
        return None
    dated = {t.event for t in find_event_times(analysis)
             if len(t.start) == 10 and t.start <= day <= (t.end or t.start)}
    if len(dated) <= 1:
        return next(iter(dated), None)
    ranked = Counter(m.entity for m in analysis.mentions if m.entity in dated).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _about_the_focus(sentence: str) -> bool:
    """Whether a sentence without a subject may be about the focus event: it is not
    about another time ("since 2015", "to date", "in 2019")."""
    other_time = _words(_rules()["focus"]["other_time"])
    return re.search(other_time, sentence, re.IGNORECASE) is None and \
        re.search(r"\b(?:19|20)\d\d\b", sentence) is None


def _as_of(document_date: str, sentence: str, reading: _Reading) -> str:
    """The date the figure holds at: one the source gives for it, else the document's.

    A date right after the number ("1,400 sqm in 2018") dates that number; a date
    after "as of", "as at", "by the end of" dates every figure of the sentence.
    """
    year = int(document_date[:4]) if document_date[:4].isdigit() else None
    dates = find_dates(sentence, year=year)
    right_after = re.match(r",?\s+in\s+", sentence[reading.head_end:])
    if right_after:
        position = reading.head_end + right_after.end()
        for span in dates:
            if span.start == position:
                return span.iso_start
    phrases = _words(_rules()["as_of"])
    for span in dates:
        if re.search(rf"{phrases}\s+$", sentence[:span.start], re.IGNORECASE):
            return span.iso_end or span.iso_start
    return document_date


def _dollar(analysis: Analysis) -> str:
    """What a bare ``$`` stands for: SGD in a Singapore source, else USD."""
    document = analysis.document
    where = " ".join([document.publisher, document.metadata.get("url", ""),
                      document.text[:300]])
    if re.search(r"\.gov\.sg|\.sg\b|^\s*SINGAPORE\b|\bSINGAPORE,", where, re.MULTILINE):
        return "SGD"
    return "USD"


def find_figures(analysis: Analysis) -> list[Figure]:
    """The figures ``analysis``'s document reports, in text order.

    Args:
        analysis: the document with its sentences and resolved mentions.

    Returns:
        One :class:`~sgcn.loaders.facts.Figure` per measure read with a known
        subject, with the sentence as evidence.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
        >>> text = "The Pavilion grew from 1,400 sqm in 2018 to over 3,000 sqm in 2019."
        >>> doc = Document(source="p.txt", text=text, sha256="0" * 64, format="plaintext",
        ...                date="2020-03-05")
        >>> pavilion = EntityMention(0, 12, "The Pavilion", "Project/pavilion", "Project")
        >>> analysis = Analysis(doc, (Sentence(0, len(text), text),), (pavilion,), {})
        >>> [(f.value, f.unit, f.qualifier, f.as_of) for f in find_figures(analysis)]
        [(Decimal('1400'), 'sqm', '', '2018'), (Decimal('3000'), 'sqm', 'over', '2019')]
    """
    document = analysis.document
    dollar = _dollar(analysis)
    figures: list[Figure] = []
    previous: Sentence | None = None
    focus: list[str | None] = []  # the focus event, found once when first needed
    for sentence in analysis.sentences:
        readings = _readings(sentence.text, dollar)
        carried = _carried_mentions(analysis, previous, sentence)
        previous = sentence
        if not readings:
            continue
        mentions = analysis.mentions_in(sentence)
        evidence = Evidence(source=document.source, start=sentence.start, end=sentence.end,
                            quote=sentence.text)
        chosen: dict[int, EntityMention] = {}
        for index, reading in enumerate(readings):
            if reading.restates:
                subject = chosen.get(index - 1)
            else:
                subject = _subject(sentence, mentions, reading)
            if subject is None and not _names_a_subject(mentions):
                subject = _subject(sentence, carried, reading)
                if subject is None and not carried and "Event" in _rules()["subjects"][reading.measure] \
                        and _about_the_focus(sentence.text):
                    if not focus:
                        focus.append(focus_event(analysis))
                    if focus[0] is not None:
                        subject = EntityMention(sentence.start, sentence.start, "", focus[0], "Event")
            if subject is None:
                log.debug("no subject for %r in %r", reading.amount.text, sentence.text[:60])
                continue
            chosen[index] = subject
            amount = reading.amount
            figure = Figure(
                subject=subject.entity,
                measure=reading.measure,
                value=amount.value,
                unit=amount.unit,
                qualifier=amount.qualifier,
                as_of=_as_of(document.date, sentence.text, reading),
                evidence=evidence,
            )
            if figure not in figures:
                figures.append(figure)
    return figures
