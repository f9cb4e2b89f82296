"""The genre's lexicon: titles, honorifics, name heads and reference words.

Recognition rules ask this module what a word is ("Mayor" is a title, "Mr" an
honorific, "Authority" ends an organisation's name, "expo" refers back to an
event). The words live in ``lexicon.yaml`` next to this module; nothing here
knows about any document.

Examples:
    >>> is_title(["Deputy", "Secretary"])
    True
    >>> title_length(["Chongqing", "Vice", "Mayor", "Li", "Bo"], 1)
    2
    >>> head_type("Authority")
    'Organization'
    >>> is_honorific("Mr")
    True
"""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any, Sequence

from sgcn.loaders.extract.rules import load_rules
from sgcn.loaders.facts import ENTITY_TYPES

_MAX_TITLE_WORDS = 6

_WORDS = {"type": list, "required": True, "items": str}
_BY_TYPE = {"type": dict, "required": True, "keys": {t: {"type": list, "items": str} for t in ENTITY_TYPES}}
_SCHEMA = {
    **{key: _WORDS for key in (
        "honorifics", "title_modifiers", "titles", "name_openers", "recurring_events", "event_nouns", "occasions",
        "organization_nouns", "project_nouns", "company_nouns", "industry_nouns", "company_endings", "not_name_starts",
        "surnames", "abbreviations", "headline_verbs", "date_words", "generic_acronyms", "fair_words",
        "other_occurrence_words", "nationalities", "region_modifiers", "legal_forms", "company_descriptors", "weak_heads",
        "firm_heads")},
    "title_abbreviations": {"type": dict, "required": True, "values": {"type": str}},
    "heads": _BY_TYPE,
    "references": _BY_TYPE,
    "described_kinds": _BY_TYPE,
}


@functools.cache
def data() -> dict[str, Any]:
    """The parsed ``lexicon.yaml``, checked against its schema.

    Examples:
        >>> "Mayor" in data()["titles"]
        True
    """
    return load_rules(files("sgcn.loaders.extract").joinpath("lexicon.yaml"), _SCHEMA)


@functools.cache
def _title_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(t.split()) for t in data()["titles"])


@functools.cache
def _head_index() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for type_, heads in data()["heads"].items():
        for head in heads:
            index.setdefault(tuple(head.split()), type_)
    return index


def is_honorific(word: str) -> bool:
    """Whether ``word`` is an honorific put before names (Mr, Ms, Mdm, Dr ...).

    Examples:
        >>> is_honorific("Mdm"), is_honorific("Mayor")
        (True, False)
    """
    return word in data()["honorifics"]


def is_title_modifier(word: str) -> bool:
    """Whether ``word`` can open a title before a core title ("Vice", "Deputy").

    Examples:
        >>> is_title_modifier("Vice"), is_title_modifier("Chongqing")
        (True, False)
    """
    return word in data()["title_modifiers"] or word.lower() == "former"


def title_length(words: Sequence[str], start: int) -> int:
    """How many of ``words`` from ``start`` form a title (0 when none does).

    A title is any number of modifiers followed by a core title, the longest one
    that fits ("Emeritus Senior Minister", "Deputy CEO", "Vice Mayor"), or an
    abbreviated title ("VM"). A modifier alone is not a title.

    Examples:
        >>> title_length(["Emeritus", "Senior", "Minister", "Mr", "Goh"], 0)
        3
        >>> title_length(["Deputy", "CEO", "of", "IMDA"], 0)
        2
        >>> title_length(["Vice", "Premier", "Han", "Zheng"], 0)
        2
        >>> title_length(["Senior", "Officials", "Meeting"], 0)
        0
    """
    best = 0
    i = start
    while True:
        for n in range(min(_MAX_TITLE_WORDS, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in _title_phrases():
                best = max(best, i + n - start)
                break
        if i == start and words[i:i + 1] and words[i] in data()["title_abbreviations"]:
            best = max(best, 1)
        if i < len(words) and is_title_modifier(words[i]):
            i += 1
            continue
        return best


def is_title(words: Sequence[str]) -> bool:
    """Whether ``words`` are exactly one title.

    Examples:
        >>> is_title(["Assistant", "Director"])
        True
        >>> is_title(["Corporate", "Communications", "Division"])
        False
    """
    return bool(words) and title_length(words, 0) == len(words)


def expand_title(title: str) -> str:
    """The title written out when it is an abbreviation ("VM" -> "Vice Mayor").

    Examples:
        >>> expand_title("VM"), expand_title("Mayor")
        ('Vice Mayor', 'Mayor')
    """
    return data()["title_abbreviations"].get(title, title)


def portfolio_length(words: Sequence[str], start: int, named: Sequence[bool] | None = None) -> int:
    """How many of ``words`` from ``start`` ("for" or "of" after a core title) form its portfolio.

    A portfolio is capitalised words joined by "and" ("Trade and Industry"), "and the"
    ("Sustainability and the Environment") or written as a series closed by "and"
    ("Culture, Community and Youth"; a series' comma stands only when an "and" closes
    it, so "Minister for Health, Mr Tan and ..." keeps "Health"). It never runs into a
    title, an honorific or a word ``named`` marks as part of a name. 0 when ``start``
    opens no portfolio.

    Examples:
        >>> portfolio_length("for Culture , Community and Youth , Ms Fu".split(), 0)
        6
        >>> portfolio_length("for Sustainability and the Environment , said".split(), 0)
        5
        >>> portfolio_length("of Transport and the Penang State Government".split(), 0)
        5
        >>> portfolio_length("for Health , Mr Tan and Ms Lee".split(), 0)
        2
        >>> portfolio_length("for Trade and Industry , and Liu Bo".split(), 0)
        4
        >>> portfolio_length("for Finance and Deputy Prime Minister".split(), 0)
        2
        >>> portfolio_length("for Finance and Minister-in-charge of Trade".split(), 0)
        2
        >>> portfolio_length("of Trade and IMDA".split(), 0, [False, False, False, True])
        2
        >>> portfolio_length("of Trade and Industry and the Ministry of Commerce".split(), 0)
        4
        >>> portfolio_length("of Finance and the People 's Bank of China".split(), 0)
        2
    """
    named = named or [False] * len(words)

    def item(i: int) -> bool:  # never a body's head word: "Trade and Industry and the Ministry of ..." is two
        return (i < len(words) and words[i][:1].isupper() and not named[i] and not is_honorific(words[i])
                and not title_length(words, i) and not title_length(words[i].split("-"), 0)  # "Minister-in-charge"
                and head_type(words[i]) != "Organization")

    if start >= len(words) or words[start] not in ("for", "of") or not item(start + 1):
        return 0
    i, end, open_series, closed = start + 1, start + 1, False, False
    while i < len(words):
        if item(i) and not closed:
            i += 1
            end = end if open_series else i
        elif words[i] in ("and", "&") and item(i + 1 + (words[i + 1:i + 2] == ["the"])) \
                and not (words[i + 1] == "the" and words[i + 3:i + 4] in (["'s"], ["’s"])):
            # "and the Environment": one word after "the" (not "and the People's Bank of China")
            closed = words[i + 1] == "the"
            i += 1 + closed
            open_series = False
            if closed:
                i += 1
                end = i
        elif words[i] == "," and (item(i + 1) or open_series and words[i + 1:i + 2] in (["and"], ["&"])):
            i += 1  # "A, B and C" (and "A, B, and C"; not "A and B, and C")
            open_series = True
        else:
            break
    return end - start


def portfolio_ministry(title: str) -> str | None:
    """The ministry a title names by its portfolio, or ``None``.

    A minister's or secretary's title carries the portfolio after the core title:
    "Senior Minister of State for Trade and Industry" and "Permanent Secretary for
    Trade and Industry" both name the "Ministry of Trade and Industry". The name is a
    candidate: the caller keeps it only when the document or the gazetteer knows such a
    ministry. A portfolio that names no ministry ("Director of International
    Cooperation" at an agency: a field of work inside the body after "at") stays part of
    the title, and the role belongs to that body.

    Examples:
        >>> portfolio_ministry("Senior Minister of State for Trade and Industry")
        'Ministry of Trade and Industry'
        >>> portfolio_ministry("Minister for Digital Development and Information")
        'Ministry of Digital Development and Information'
        >>> portfolio_ministry("Permanent Secretary (Trade)") is None, portfolio_ministry("Mayor") is None
        (True, True)
    """
    words = title.split()
    core = title_length(words, 0)
    rest = words[core:]
    if not core or len(rest) < 2 or rest[0] not in ("for", "of"):
        return None
    portfolio = rest[1:]
    if not all(w[:1].isupper() or w in ("and", "&", "the") for w in portfolio) or portfolio[-1] in ("and", "&", "the"):
        return None
    return "Ministry of " + " ".join(portfolio)


def head_type(*words: str) -> str | None:
    """The entity type a name ending in ``words`` has, or ``None``.

    Examples:
        >>> head_type("Initiative"), head_type("Letter", "of", "Intent"), head_type("Road")
        ('Initiative', 'Agreement', None)
    """
    return _head_index().get(tuple(words))


def name_head(words: Sequence[str]) -> tuple[str | None, int]:
    """The type of a capitalised name and the index of the word that gives it.

    The head of "X of Y" is the word before the first "of"/"for"/"on"
    ("Ministry of Trade and Industry"); otherwise the last word that is a head
    ("Smart China Expo 2020", "Outlast Technologies Pte Ltd").

    Examples:
        >>> name_head(["Ministry", "of", "Trade", "and", "Industry"])
        ('Organization', 0)
        >>> name_head(["Smart", "China", "Expo", "2020"])
        ('Event', 2)
        >>> name_head(["Letter", "of", "Intent"])
        ('Agreement', 2)
        >>> name_head(["Digital", "Future"])
        (None, -1)
        >>> name_head(["Harbour", "Initiative", "on", "Trade", "Administrative", "Bureau"])
        ('Organization', 5)
    """
    words = list(words)
    for n in (3, 2):  # multi-word heads such as "Letter of Intent", "White Paper"
        for i in range(len(words) - n, -1, -1):
            type_ = head_type(*words[i:i + n])
            if type_ and (i + n == len(words) or not words[i + n][0].isupper()
                          or words[i + n].isdigit()):
                return type_, i + n - 1
    last = len(words) - 1
    while last >= 0 and (words[last].isdigit() or words[last] == ")"):
        if words[last] == ")":  # skip a parenthesised acronym or place
            while last >= 0 and words[last] != "(":
                last -= 1
        last -= 1
    for i, word in enumerate(words):
        if word in ("of", "for", "on") and i > 0:
            type_ = head_type(words[i - 1])
            if type_ == "Initiative" and last > i and head_type(words[last]) == "Organization" \
                    and words[last] not in data()["weak_heads"]:
                return "Organization", last  # "X Initiative on Y Administrative Bureau": the initiative's body
            if type_:
                return type_, i - 1
            break
    if last >= 0:
        type_ = head_type(words[last])
        if type_:
            return type_, last
    return None, -1


def is_name_opener(word: str) -> bool:
    """Whether a coordination "and <word> ..." starts a new name.

    Examples:
        >>> is_name_opener("Ministry"), is_name_opener("Industry")
        (True, False)
    """
    return word in data()["name_openers"]


def is_recurring_event(word: str) -> bool:
    """Whether an event named with head ``word`` recurs in editions (expos, forums).

    Examples:
        >>> is_recurring_event("Expo"), is_recurring_event("Meeting")
        (True, False)
    """
    return word in data()["recurring_events"]


def occasions() -> tuple[str, ...]:
    """Lower-case names of the parts of an event that single one out ("opening ceremony").

    Examples:
        >>> "opening ceremony" in occasions(), "ceremony" in occasions()
        (True, False)
    """
    return tuple(data()["occasions"])


def is_fair_word(word: str) -> bool:
    """Whether a lower-case ``word`` is one of the words for an expo or fair ("the fair" is "the expo").

    Examples:
        >>> is_fair_word("fair"), is_fair_word("forum")
        (True, False)
    """
    return word in data()["fair_words"]


def is_project_noun(word: str) -> bool:
    """Whether a lower-case ``word`` names a kind of project in apposition ("service", "link").

    Examples:
        >>> is_project_noun("link"), is_project_noun("incubator")
        (True, False)
    """
    return word in data()["project_nouns"]


def is_organization_noun(word: str) -> bool:
    """Whether a lower-case ``word`` names a kind of organisation ("incubator").

    Examples:
        >>> is_organization_noun("incubator"), is_organization_noun("expert")
        (True, False)
    """
    return word in data()["organization_nouns"]


def is_company_ending(word: str) -> bool:
    """Whether ``word`` ends companies' names without being a head or an industry ("International").

    Examples:
        >>> is_company_ending("International"), is_company_ending("Authority")
        (True, False)
    """
    return word in data()["company_endings"]


def ends_firm_name(word: str) -> bool:
    """Whether ``word`` ends a firm's name: an industry ("Robotics"), a company ending
    ("International"), a firm's head ("Partners", "Capital") or a legal form's last word ("Ltd").

    Examples:
        >>> ends_firm_name("Partners"), ends_firm_name("Ltd"), ends_firm_name("Pay"), ends_firm_name("Ministry")
        (True, True, True, False)
    """
    return (word in data()["firm_heads"] or is_industry_noun(word) or is_company_ending(word)
            or word in _legal_form_ends())


@functools.cache
def _legal_form_ends() -> frozenset[str]:
    return frozenset(form.split()[-1] for form in data()["legal_forms"])


def is_industry_noun(word: str) -> bool:
    """Whether a capitalised ``word`` can end a company's name as its industry ("Robotics").

    Examples:
        >>> is_industry_noun("Robotics"), is_industry_noun("Expo")
        (True, False)
    """
    return word in data()["industry_nouns"]


def is_not_name_start(word: str) -> bool:
    """Whether a capitalised ``word`` at the start of a name is an ordinary word.

    Examples:
        >>> is_not_name_start("The"), is_not_name_start("Led"), is_not_name_start("Tencent")
        (True, True, False)
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    return word.lower() in STOP_WORDS or word in data()["not_name_starts"]


def reference_type(noun: str) -> str | None:
    """The type a generic noun refers back to ("expo" -> Event), or ``None``.

    Examples:
        >>> reference_type("expo"), reference_type("initiative"), reference_type("city")
        ('Event', 'Initiative', None)
    """
    for type_, nouns in data()["references"].items():
        if noun in nouns:
            return type_
    return None


def abbreviations() -> frozenset[str]:
    """Abbreviations after which a full stop does not end a sentence.

    Examples:
        >>> "Pte." in abbreviations()
        True
    """
    return frozenset(data()["abbreviations"])


def is_region_modifier(word: str) -> bool:
    """Whether ``word`` makes a part of a country or region ("Western" of "Western China").

    Examples:
        >>> is_region_modifier("Greater"), is_region_modifier("Cargolink")
        (True, False)
    """
    return word in data()["region_modifiers"]


def is_nationality(word: str) -> bool:
    """Whether ``word`` is a nationality set before a title ("Chinese Commerce Minister").

    Examples:
        >>> is_nationality("Chinese"), is_nationality("Trade")
        (True, False)
    """
    return word in data()["nationalities"]


def is_surname(word: str) -> bool:
    """Whether ``word`` is a common Chinese or Singaporean surname written first.

    Examples:
        >>> is_surname("Tan"), is_surname("Trade")
        (True, False)
    """
    return word in data()["surnames"]


def is_headline_verb(word: str) -> bool:
    """Whether ``word`` is a verb of title-case headlines ("Signs", "Inks", "Opens").

    Examples:
        >>> is_headline_verb("Inks"), is_headline_verb("Expo")
        (True, False)
    """
    return word in _set("headline_verbs")


def is_date_word(word: str) -> bool:
    """Whether ``word`` names a weekday or a month ("Thursday", "March", "Sept").

    Examples:
        >>> is_date_word("Thursday"), is_date_word("Trade")
        (True, False)
    """
    return word in _set("date_words")


@functools.cache
def _set(name: str) -> frozenset[str]:
    return frozenset(data().get(name) or ())


def is_company_noun(word: str) -> bool:
    """Whether ``word`` says what kind of company the name after it is ("maker", "start-up").

    Examples:
        >>> is_company_noun("start-up"), is_company_noun("start-ups"), is_company_noun("platform")
        (True, False, False)
    """
    return word in _set("company_nouns")


def is_generic_acronym(word: str) -> bool:
    """Whether an acronym names a kind of thing rather than one body ("MOU", "SME", "FTA").

    Examples:
        >>> is_generic_acronym("SME"), is_generic_acronym("IMDA")
        (True, False)
    """
    return word.upper() in _set("generic_acronyms")
