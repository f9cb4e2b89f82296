"""What the relation and event-time rules know about a document beyond one sentence.

Expo series and their editions ("Smart China Expo" and "Smart China Expo 2019"),
year phrases that pick editions ("from 2020 to 2022", "since 2018", "for 2018 and 2019
respectively", "the past two expos"), the event a sentence talks about when it names
none ("This included dignitaries such as ..."), and name lookups for names nested in a
longer mention ("Letter of Intent ... between MTI and the Chongqing Municipal People's
Government").

Examples:
    >>> years_in("co-organise the expo from 2020 to 2022", 2020)
    ([2020, 2021, 2022], 'range')
    >>> years_in("the guest of honor for the past two expos", 2020)
    ([2018, 2019], 'only')
"""

from __future__ import annotations

import re
from functools import lru_cache

from sgcn.loaders.extract.naming import fold
from sgcn.loaders.extract.spans import Analysis, Sentence
from sgcn.loaders.facts import Entity

_YEAR = r"((?:19|20)\d{2})"
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def names_of(entity: Entity) -> set[str]:
    """The folded label and aliases of ``entity``."""
    return {fold(n) for n in (entity.label, *entity.aliases) if fold(n)}


def lookup(analysis: Analysis, name: str, types: set[str] | None = None) -> Entity | None:
    """The entity of ``analysis`` one of whose names is ``name`` (folded), if any.

    A leading "the" is ignored; types restrict the search.
    """
    wanted = fold(re.sub(r"^\s*the\s+", "", name, flags=re.I))
    for entity in analysis.once(_by_name).get(wanted, ()):
        if types is None or entity.type in types:
            return entity
    return None


def _by_name(analysis: Analysis) -> dict[str, list[Entity]]:
    """Folded name -> the entities bearing it, in the analysis' order (once per analysis:
    :func:`lookup` read every entity at each question)."""
    found: dict[str, list[Entity]] = {}
    for entity in analysis.entities.values():
        for name in names_of(entity):
            found.setdefault(name, []).append(entity)
    return found


def _edition_pattern(series: Entity) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(names_of(series), key=len, reverse=True))
    return re.compile(rf"^(?:{_YEAR}\s+)?(?:{names})(?:\s+{_YEAR})?$")


@lru_cache(maxsize=64)
def _editions_cached(entities: tuple[Entity, ...]) -> dict[str, dict[int, str]]:
    """Series key -> {year: edition key}: each event whose name is a series' name with one year.

    A pair of a series and an event is tried only where one of the event's names is one
    of the series' (folded names: single spaces) with a year before or after it taken
    off; trying every event against every series was quadratic in a long document's
    events. The matches, the year taken and the order of the result are those of trying
    every pair, series by series, events in order, an event's names in their order.
    """
    events = [e for e in entities if e.type == "Event"]
    names = [names_of(e) for e in events]
    by_name: dict[str, list[int]] = {}
    for at, series_names in enumerate(names):
        for name in series_names:
            by_name.setdefault(name, []).append(at)
    tried: dict[int, set[int]] = {}  # series -> the events that may be its editions
    for at, event_names in enumerate(names):
        for name in event_names:
            for core in _without_year(name):
                for series in by_name.get(core, ()):
                    tried.setdefault(series, set()).add(at)
    nameless = [at for at, series_names in enumerate(names) if not series_names]
    for series in nameless:  # matched by a year alone: tried with every event
        tried[series] = set(range(len(events)))
    result: dict[str, dict[int, str]] = {}
    for series in sorted(tried):
        pattern = _edition_pattern(events[series])
        for at in sorted(tried[series]):
            if at == series:
                continue
            for name in names[at]:
                match = pattern.match(name)
                if match and bool(match.group(1)) != bool(match.group(2)):
                    year = int(match.group(1) or match.group(2))
                    result.setdefault(events[series].key, {})[year] = events[at].key
                    break
    return result


_LEADING_YEAR, _TRAILING_YEAR = re.compile(r"(?:19|20)\d{2} (.+)"), re.compile(r"(.+) (?:19|20)\d{2}")


def _without_year(name: str) -> set[str]:
    """A folded name, and what is left of it without a year before it, after it, or both.

    Examples:
        >>> sorted(_without_year("2019 smart china expo 2020"))
        ['2019 smart china expo', '2019 smart china expo 2020', 'smart china expo', 'smart china expo 2020']
    """
    cores = {name}
    for core in list(cores):
        if m := _LEADING_YEAR.fullmatch(core):
            cores.add(m.group(1))
    for core in list(cores):
        if m := _TRAILING_YEAR.fullmatch(core):
            cores.add(m.group(1))
    return cores


def editions(analysis: Analysis) -> dict[str, dict[int, str]]:
    """Series key -> {year: edition key} for the expo series of the document.

    An edition is an event named like its series plus a year ("Smart China Expo 2019",
    "2019 SCE").

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[SCE|Event|Smart China Expo] and "
        ...     "[SCE 2019|Event|Smart China Expo 2019].")
        >>> editions(a)
        {'Event/smart china expo': {2019: 'Event/smart china expo 2019'}}
    """
    return analysis.once(_editions_of)


def _editions_of(analysis: Analysis) -> dict[str, dict[int, str]]:
    # once per analysis: sorting and hashing every entity at each of the rules' many
    # questions made a long document's event times quadratic
    return _editions_cached(tuple(sorted(analysis.entities.values())))


def series_of(analysis: Analysis, key: str) -> tuple[str, int] | None:
    """``(series key, year)`` when ``key`` is an edition of a series, else ``None``."""
    for series, by_year in editions(analysis).items():
        for year, edition in by_year.items():
            if edition == key:
                return series, year
    return None


def doc_year(analysis: Analysis) -> int | None:
    """The year of the document's date, if it has one."""
    match = re.match(r"\d{4}", analysis.document.date or "")
    return int(match.group(0)) if match else None


def years_in(text: str, year: int | None) -> tuple[list[int], str]:
    """The years a phrase of ``text`` points at, and how they apply.

    Returns:
        ``(years, mode)``: mode ``"range"`` (the series stays and its editions join:
        "from 2020 to 2022", "since 2018"), ``"only"`` (the editions replace the series:
        "for 2019", "the past two expos"), ``"respectively"`` (one year per subject, in
        order), or ``([], "")`` when no year phrase is found.

    Examples:
        >>> years_in("attended as Guests-of-Honour for 2018 and 2019 respectively", 2020)
        ([2018, 2019], 'respectively')
        >>> years_in("led the delegation since 2018", 2020)
        ([2018, 2019], 'range')
        >>> years_in("has co-hosted the event since 2020", 2023)
        ([2020, 2021, 2022, 2023], 'range')
    """
    span = re.search(rf"\bfrom\s+{_YEAR}\s+(?:to|until|through)\s+{_YEAR}\b", text)
    if span:
        return list(range(int(span.group(1)), int(span.group(2)) + 1)), "range"
    since = re.search(rf"\bsince\s+{_YEAR}\b", text)
    if since and year:
        last = year if re.search(r"\b(?:has|have)\s+(?:\w+\s+)?[\w-]+ed\b|\bthis year\b", text) else year - 1
        return list(range(int(since.group(1)), last + 1)), "range"
    listed = re.search(rf"\bfor\s+{_YEAR}((?:\s*,\s*{_YEAR})*(?:,?\s+and\s+{_YEAR})?)(\s+respectively)?", text)
    if listed:
        years = [int(y) for y in re.findall(_YEAR, listed.group(0))]
        return years, "respectively" if "respectively" in listed.group(0) else "only"
    past = re.search(r"\b(?:the\s+)?(?:past|last|previous)\s+(two|three|four|five|six|\d)\s+(?:expos|editions|events|years|sessions)\b", text)
    if past and year:
        count = _NUMBER_WORDS.get(past.group(1)) or int(past.group(1))
        return list(range(year - count, year)), "only"
    return [], ""


def context_event(analysis: Analysis, sentence: Sentence, before: int | None = None) -> str | None:
    """The event a sentence talks about when it does not name one where a rule needs it.

    The first event named in the sentence before offset ``before`` (a document offset),
    else the first event named in one of the two sentences before it.
    """
    if before is not None:
        for mention in analysis.mentions_in(sentence):
            if mention.type == "Event" and mention.end <= before:
                return mention.entity
    index = analysis.position(sentence)
    for previous in reversed(analysis.sentences[max(0, index - 2):index]):
        for mention in analysis.mentions_in(previous):
            if mention.type == "Event":
                return mention.entity
    return None
