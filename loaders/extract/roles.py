"""Roles: the posts persons hold, as the source states them, on the document's date.

This stage reads an :class:`~sgcn.loaders.extract.spans.Analysis` and returns
:class:`~sgcn.loaders.facts.Role` facts. The title is read without the organisation,
with the title lexicon of :mod:`sgcn.loaders.extract.lexicon` deciding what a title is,
in capitals or not ("Chief Executive", "chief executive"); the organisation is the one
the title is written with, and only one the document names. The genre's forms, read on
the words around every person mention (nested in a longer name or not):

- before the name: "Ministry of Trade and Industry Deputy Secretary of Trade Luke Goh",
  "former Alibaba Chairman Mr Jack Ma", "HSBC Singapore chief executive Tony Cripps",
  "Singapore's Deputy Prime Minister and Minister for Finance Lawrence Wong" (a chain of
  titles is one post), "Chongqing Vice Mayor Li Bo" (a city's mayor belongs to its
  municipal government where the document names it);
- before the name, the name in apposition to it: "Thailand's Minister of Digital Economy
  and Society, Somchai Wongsa, announced ...";
- after the name, in apposition: "Tan Kiat How, Singapore's Senior Minister of State for
  Communications and Information", "Liu Liehong, head of China's National Data
  Administration", "Ang Wee Keong, Deputy CEO of IMDA", "X, State Secretary of A and B"
  (one role per organisation), "Chan Chun Sing, then Minister for Trade and Industry",
  "Heng Swee Keat, who is also Minister for Finance";
- after a copula, "also", "as" or in brackets: "X is the co-founder and CEO of Acme", "X, also
  Vice Chairman of Y", "Q: Ms X, as chief executive of Acme, ...", "X (Chief Executive, Acme)";
- with the body after the name: "Director X of the Cyberspace Administration of China";
- a heading in capitals: "SPEECH BY SENIOR MINISTER OF STATE X AT ...";
- a body named again more briefly, when one organisation of the document fits: "general
  manager of Binhai Zhixing", "Hengtong's general manager", "director of the Shenzhen bureau";
- officials listed after one body: "Acme's chairman X and chief executive Y";
- two posts each with its body: "Deputy Secretary of the CPC X Committee and Mayor of X";
- "our Chief Executive X": the body the document speaks for (publisher or masthead);
- a media-contact block: the name, the title and the division on lines of their own.

A minister's or secretary's portfolio ("Permanent Secretary for Communications and
Information") names its ministry when the document names that ministry; no
organisation is guessed from outside the document.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("Tencent CEO Mr [Pony Ma|Person] spoke.".replace(
    ...     "Tencent", "[Tencent|Organization]"), date="2020-03-05")
    >>> [(r.person, r.title, r.organization, r.as_of) for r in find_roles(a)]
    [('Person/pony ma', 'CEO', 'Organization/tencent', '2020-03-05')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sgcn.loaders.extract import lexicon
from sgcn.loaders.plaintext import is_byline, strip_marks
from sgcn.loaders.extract.contacts import Contact, contact_blocks
from sgcn.loaders.extract.gazetteer import is_place_name
from sgcn.loaders.extract.naming import fold
from sgcn.loaders.extract.rel_context import lookup, names_of
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import Evidence, Relation, Role

_GOVERNMENT_TITLES = re.compile(r"\b(?:Mayor|Governor|Party Secretary|Premier|VM)\b", re.I)
_WORD = re.compile(r"[A-Z]\.(?=\s)|[A-Za-z0-9][\w'’&]*(?:-[\w'’&]+)*|[^\w\s]")
_PAST = {"former", "then", "then-"}
_CONNECTORS = {"of", "for", "and", "&"}
_LINKS = {"of", "at", "with", "in"}  # "Deputy CEO of IMDA", "Head of Trade at Acme"
_PLACE_KINDS = {"Province", "City", "Municipality", "Region", "District", "Prefecture", "County"}


@dataclass(frozen=True)
class _Word:
    """A word of a sentence with its offsets, the non-person mention it lies in (if any), and
    whether it lies in a person's name (no title runs across one)."""

    text: str
    start: int
    end: int
    mention: EntityMention | None
    person: bool = False


def find_roles(analysis: Analysis) -> list[Role]:
    """The roles the document gives its persons, one per (person, organisation).

    Args:
        analysis: the document with its sentences and resolved mentions.

    Returns:
        Roles with the title as written (abbreviations written out), the organisation
        key or ``None``, ``as_of`` the document's date, evidence the sentence.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Tan Kiat How|Person], State Secretary of [Singapore|Place]'s "
        ...     "[Ministry of Culture|Organization] and [Ministry of Law|Organization], spoke.")
        >>> [(r.title, r.organization) for r in find_roles(a)]
        [('State Secretary', 'Organization/ministry of culture'), ('State Secretary', 'Organization/ministry of law')]
    """
    found: list[Role] = []
    for sentence in analysis.sentences:
        mentions = analysis.mentions_in(sentence)
        persons = [m for m in mentions if m.type == "Person"]
        if not persons:
            continue
        words = _words(sentence, mentions)
        evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
        byline = _byline_post(words) if is_byline(strip_marks(sentence.text)) else None
        for person in persons:
            posts = [byline[:2]] if byline and words[byline[2]].start > person.end else []
            for title, organization in posts or _posts(analysis, words, person):
                found.append(Role(person.entity, title, organization, analysis.document.date, evidence))
    found.extend(_contact_block(analysis))
    return _unique(found)


def _words(sentence: Sentence, mentions: list[EntityMention]) -> list[_Word]:
    """The words of a sentence, each with the outermost non-person mention it lies in."""
    persons = [m for m in mentions if m.type == "Person"]
    # a name that holds a person's ("meeting with Mayor Qin Weizhong") is a description, not a body;
    # nor is one made of a title's modifiers before its core ("Regional Group Director")
    bodies = [m for m in mentions if m.type != "Person"
              and not any(m.start <= p.start and p.end <= m.end for p in persons)
              and not _title_words(m, sentence)]
    capitals = _in_capitals(sentence.text)

    def holder(start: int, end: int) -> EntityMention | None:
        holding = [m for m in bodies if m.start <= start and end <= m.end]
        return max(holding, key=lambda m: m.end - m.start) if holding else None

    def person(start: int, end: int) -> bool:
        return any(p.start <= start and end <= p.end for p in persons)

    words = []
    for match in _WORD.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        text = _from_capitals(match.group(0)) if capitals else match.group(0)
        mark = 2 if text.endswith(("'s", "’s")) else 1 if text.endswith(("s'", "s’")) else 0
        if mark and len(text) > 2 and holder(start, end) is None:
            # "Acme's", and a plural's "Meridian Data Labs'": the possessive, marked "'s"
            words.append(_Word(text[:-mark], start, end - mark, holder(start, end - mark), person(start, end - mark)))
            words.append(_Word("'s", end - mark, end, None))
            continue
        words.append(_Word(text, start, end, holder(start, end), person(start, end)))
    return words


def _title_words(mention: EntityMention, sentence: Sentence) -> bool:
    """Whether a body's mention is only the modifiers of the title after it: the recogniser read
    "Regional Group" of "Regional Group Director" as a group."""
    words = mention.text.split()
    after = _WORD.findall(sentence.text[mention.end - sentence.start:])[:1]
    return all(lexicon.is_title_modifier(w) for w in words) and bool(after) \
        and lexicon.title_length([*words, *after], 0) == len(words) + 1


def _in_capitals(text: str) -> bool:
    """Whether a sentence is written in capitals, as a speech's heading is
    ("SPEECH BY SENIOR MINISTER OF STATE ...")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


_SMALL_WORDS = {"OF", "FOR", "AND", "THE", "AT", "IN", "ON", "BY", "TO", "WITH"}


def _from_capitals(word: str) -> str:
    """A word of a heading in capitals as running text writes it, for the title lexicon: "MINISTER"
    -> "Minister", "OF" -> "of"; an abbreviated title stays ("CEO", "DPM").

    Examples:
        >>> [_from_capitals(w) for w in "SENIOR MINISTER OF STATE CEO VICE-MAYOR".split()]
        ['Senior', 'Minister', 'of', 'State', 'CEO', 'Vice-Mayor']
    """
    if word in _SMALL_WORDS:
        return word.lower()
    if not word.isupper() or len(word) < 2 or lexicon.title_length([word], 0):
        return word
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def _posts(analysis: Analysis, words: list[_Word], person: EntityMention) -> list[tuple[str, str | None]]:
    """(title, organisation key) pairs for one person mention: the title before the name, else after."""
    first = next((i for i, w in enumerate(words) if w.end > person.start), len(words))
    last = next((i for i, w in enumerate(words) if w.start >= person.end), len(words))
    before = _title_before(analysis, words, first)
    if before and before[1] is None:  # "Director Ann Lee of the Acme Authority": the body after the name
        bodies = _bodies_after(analysis, words, last, before[0])[0]
        if bodies:
            return [(before[0], key) for key in bodies]
    if before:
        return [before]
    return _title_after(analysis, words, last) or _title_apposed_before(analysis, words, first, last)


def _byline_post(words: list[_Word]) -> tuple[str, str | None, int] | None:
    """The post a byline gives its authors: "By A [and B], TITLE[, BODY] | date".

    The title is the field after the names: words ending in a title, a desk, beat or place
    before it ("Senior Technology Correspondent", "China Correspondent", "Assistant Foreign
    Editor"); a plural is each author's ("Markets Correspondents"). A field after it that is
    wholly an organisation's name is the body. Returns (title, organisation key, index of
    the title's first word), or ``None``.
    """
    fields: list[list[int]] = [[]]
    for k, word in enumerate(words):
        if word.text in ("|", "·", "•"):
            break
        if word.text == ",":
            fields.append([])
        else:
            fields[-1].append(k)
    if len(fields) < 2 or not fields[1]:
        return None
    texts = [words[k].text for k in fields[1]]
    if not all(t[:1].isupper() or t in _CONNECTORS for t in texts):
        return None
    if texts[-1].endswith("s") and lexicon.title_length(texts[:-1] + [texts[-1][:-1]], len(texts) - 1):
        texts[-1] = texts[-1][:-1]  # "Markets Correspondents": each author's post
    if not any(_title_at(texts, k) == len(texts) - k for k in range(len(texts))):
        return None
    body = None
    if len(fields) > 2 and fields[2]:
        mention = words[fields[2][0]].mention
        if mention is not None and mention.type == "Organization" and all(words[k].mention is mention for k in fields[2]):
            body = mention.entity
    return _title_text(texts), body, fields[1][0]


def _title_apposed_before(analysis: Analysis, words: list[_Word], first: int, last: int) -> list[tuple[str, str | None]]:
    """A title the name is apposed to: "Thailand's Minister of Digital Economy, Somchai Wongsa, said".

    The title (with its portfolio) stands right before a comma, the name right after it,
    closed by a comma; a possessive place or body before the title owns it.
    """
    if first >= 1 and lexicon.is_honorific(words[first - 1].text):
        first -= 1  # "..., Mr Tan Wei Ming,"
    if first < 2 or words[first - 1].text != "," or last >= len(words) or words[last].text != ",":
        return []
    end = first - 1
    place = words[end - 1].mention
    if place is not None and place.type == "Place":  # "Consul-General in Guangzhou", "Ambassador to China"
        k = end - 1
        while k > 0 and words[k - 1].mention is place:
            k -= 1
        if k > 0 and words[k - 1].text in ("in", "to"):
            end = k - 1
    start = _run_back(words, end)
    texts = [w.text for w in words[start:end]]
    for k in range(len(texts)):
        if _title_at(texts, k) == len(texts) - k:
            title = _title_text(texts[k:])
            owner = _owner_before(words, start + k - 1)
            organization = _organization_of(analysis, owner, title) if owner else _our_body(analysis, words, start + k - 1)
            return [(title, organization if organization is not None else _portfolio(analysis, title))]
    return []


# ---------------------------------------------------------------- titles
def _capitalised(word: str) -> str:
    """A lower-case title word as the lexicon writes it ("chief" -> "Chief"); connectors stay."""
    if word in _CONNECTORS or not word[:1].islower():
        return word
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _title_at(texts: list[str], start: int, named: list[bool] | None = None) -> int:
    """How many words from ``start`` form a title with its portfolio ("Minister for Trade and
    Industry", "Vice-Minister of Commerce", "deputy chief executive") and titles joined to it
    ("Deputy Prime Minister and Minister for Finance"); 0 when none does.

    ``named`` marks the words inside a name: a portfolio never runs into one ("Deputy
    CEO of IMDA" is a title and its organisation).

    Examples:
        >>> _title_at("Minister for Trade and Industry , said".split(), 0)
        5
        >>> _title_at("Deputy CEO of IMDA".split(), 0, [False, False, False, True])
        2
        >>> _title_at("deputy chief executive of the park".split(), 0)
        3
    """
    named = named or [False] * len(texts)
    capital = [_capitalised(t) for t in texts]
    core = lexicon.title_length(capital, start) or _hyphen_title(texts, start)
    if not core:
        return 0
    end = start + core
    end += lexicon.portfolio_length(texts, end, named)
    if end + 1 < len(texts) and texts[end] in ("and", "&"):
        more = _title_at(texts, end + 1, named)
        if more:
            end = end + 1 + more
    return end - start


def _hyphen_title(texts: list[str], start: int) -> int:
    """A hyphenated title the lexicon writes apart ("Vice-Minister", "Minister-in-charge")."""
    word = texts[start] if start < len(texts) else ""
    parts = word.split("-")
    if len(parts) > 1 and lexicon.title_length([_capitalised(p) for p in parts], 0):
        return 1
    return 0


def _run_back(words: list[_Word], end: int) -> int:
    """Where the words before ``end`` that may hold a title start: after a name, ";", ":" or a bracket.

    A comma does not end them: a portfolio may be a series ("Minister for Culture,
    Community and Youth Edwin Tong"); a title is still read only where it reaches ``end``.
    Another person's name does ("Minister for Trade X and Minister for Health Y": Y's
    title is the second).
    """
    start = end
    while start > 0 and words[start - 1].mention is None and not words[start - 1].person \
            and words[start - 1].text not in (";", ":", "(", ")"):
        start -= 1
    return start


def _title_text(texts: list[str]) -> str:
    """The title as written, abbreviations written out ("VM" -> "Vice Mayor").

    Examples:
        >>> _title_text("VM".split()), _title_text("Minister for Culture , Community and Youth".split())
        ('Vice Mayor', 'Minister for Culture, Community and Youth')
    """
    return " ".join(lexicon.expand_title(t) for t in texts).replace(" , ", ", ")


# ---------------------------------------------------------------- before the name
def _remit_before(words: list[_Word], end: int) -> tuple[int, str]:
    """A remit in brackets right before ``end`` ("NUS Deputy President (Research and Technology) Liu Bin"):
    where the words before it end, and the remit as the title writes it (``" (Research and Technology)"``);
    ``(end, "")`` when there is none. Nothing named stands inside a remit."""
    if end < 2 or words[end - 1].text != ")":
        return end, ""
    opening = next((j for j in range(end - 2, max(-1, end - 14), -1) if words[j].text in "()"), None)
    if opening is None or words[opening].text != "(" or opening == 0 or any(
            w.mention is not None or w.person for w in words[opening + 1 : end - 1]):
        return end, ""
    return opening, " (" + " ".join(w.text for w in words[opening + 1 : end - 1]) + ")"


def _title_before(analysis: Analysis, words: list[_Word], first: int) -> tuple[str, str | None] | None:
    """A title written right before the name, with the organisation before it if any."""
    i = first
    while i > 0 and (lexicon.is_honorific(words[i - 1].text) or (words[i - 1].text == "." and i > 1
                                                                  and lexicon.is_honorific(words[i - 2].text))):
        i -= 1
    name_at = i
    i, remit = _remit_before(words, i)
    run_start = _run_back(words, i)
    texts = [w.text for w in words[run_start:i]]
    for k in range(len(texts)):
        length = _title_at(texts, k)
        if length and k + length == len(texts):
            break
    else:
        return _title_of_before(analysis, words, name_at)
    title_start = run_start + k
    title = _title_text(texts[k:]) + remit
    before = title_start - 1
    portfolio = _portfolio_before(analysis, words, before, run_start, texts[k])
    if portfolio is not None:  # "Commerce Minister Wang Wentao", "Health Minister Ong Ye Kung"
        word, organization = portfolio
        return f"{word} {title}", organization
    if before >= 0 and words[before].text.lower() in _PAST:  # "former Alibaba Chairman" / "then Minister"
        title = f"{words[before].text.lower()} {title}"
        before -= 1
    elif before >= 1 and words[before - 1].text.lower() in _PAST and words[before].mention is not None:
        title = f"{words[before - 1].text.lower()} {title}"
    owner = _owner_before(words, before) or _shared_owner(words, before)
    organization = _organization_of(analysis, owner, title) if owner else _our_body(analysis, words, before)
    if organization is None:
        organization = _portfolio(analysis, title)
    return title, organization


def _shared_owner(words: list[_Word], index: int) -> EntityMention | None:
    """The body of the officials listed before a title with no body of its own: "Acme Bank's chairman
    Ann Lee and chief executive Bo Tan" (Bo Tan's title is at Acme Bank too), "IMDA Deputy CEO A,
    Director B and Senior Manager C". ``index`` is the word before the title: "and" or a comma."""
    while index >= 1 and words[index].text in ("and", ",") and words[index - 1].person:
        j = index - 1
        while j > 0 and words[j - 1].person:
            j -= 1
        while j > 0 and lexicon.is_honorific(words[j - 1].text):
            j -= 1
        start = _run_back(words, j)
        texts = [w.text for w in words[start:j]]
        k = next((k for k in range(len(texts)) if _title_at(texts, k) == len(texts) - k), None)
        if k is None:
            return None
        owner = _owner_before(words, start + k - 1)
        if owner is not None:
            return owner
        index = start + k - 1  # one further back: "A's chairman X, chief executive Y and director Z"
    return None


def _title_of_before(analysis: Analysis, words: list[_Word], i: int) -> tuple[str, str | None] | None:
    """"Mayor of Fuzhou Municipal People's Government Mr Di Li": a title and its body, then the name.

    "Governor of Guangdong Province Wang Weizhong": a title of a place is the place's
    government's, when the document names it.
    """
    if i >= 2 and words[i - 1].mention is None and words[i - 1].text in _PLACE_KINDS \
            and words[i - 2].mention is not None and words[i - 2].mention.type == "Place":
        i -= 1  # "Governor of Guangdong Province Wang Weizhong"
    if i == 0 or words[i - 1].mention is None or words[i - 1].mention.type not in ("Organization", "Place"):
        return None
    body = words[i - 1].mention
    j = i - 1
    while j > 0 and words[j - 1].mention is body:
        j -= 1
    if j > 0 and words[j - 1].text == "the":
        j -= 1
    if j == 0 or words[j - 1].text not in ("of", "at"):
        return None
    end = j - 1
    start = end
    # back to the start of the title ("... Chee Hong Tat and Governor of X Wang": "Governor")
    while start > 0 and words[start - 1].mention is None and words[start - 1].text not in (",", ";", ":", "and"):
        start -= 1
    texts = [w.text for w in words[start:end]]
    for k in range(len(texts)):
        if _title_at(texts, k) == len(texts) - k:
            title = _title_text(texts[k:])
            return title, _organization_of(analysis, body, title)
    return None


def _portfolio_before(analysis: Analysis, words: list[_Word], index: int, run_start: int,
                      core: str) -> tuple[str, str | None] | None:
    """A portfolio written before a minister's title: "Commerce Minister", "Trade Secretary".

    The word is a capitalised common word, not a name; the ministry is the document's
    "Ministry of <word>" when it names one.
    """
    if index < run_start or core not in ("Minister", "Secretary"):
        return None
    word = words[index].text
    if not _portfolio_word(words[index]):
        return None
    if index - 2 >= run_start and words[index - 1].text in ("and", "&") and _portfolio_word(words[index - 2]):
        word = f"{words[index - 2].text} and {word}"  # "Trade and Industry Minister Gan Kim Yong"
        index -= 2
    if index > run_start and words[index - 1].text[:1].isupper() and words[index - 1].text not in ("The",) \
            and not lexicon.is_nationality(words[index - 1].text):
        return None  # part of a longer name; not "Chinese Commerce Minister"
    ministry = lookup(analysis, f"Ministry of {word}", {"Organization"})
    return word, ministry.key if ministry else None


def _portfolio_word(word: _Word) -> bool:
    """A capitalised common word, no name, that may name a portfolio ("Commerce", "Trade" of "Trade and Industry")."""
    text = word.text
    return text[:1].isupper() and word.mention is None and not lexicon.is_title_modifier(text) \
        and not lexicon.is_honorific(text) and not lexicon.is_not_name_start(text) and text not in ("The", "A", "An")


def _owner_before(words: list[_Word], index: int) -> EntityMention | None:
    """The organisation or place a title before a name is written with ("Acme CEO", "Singapore's DPM")."""
    if index >= 0 and words[index].text == "'s":
        index -= 1
    if index >= 0 and words[index].mention is not None and words[index].mention.type in ("Organization", "Place"):
        return words[index].mention
    return None


def _our_body(analysis: Analysis, words: list[_Word], index: int) -> str | None:
    """The body a title written with "our" belongs to: the one the document speaks for ("the mission
    was led by our Chief Executive Officer, Mr X"), its publisher or the body its masthead names
    (a line of its own among the first lines, wholly an organisation's name)."""
    if index < 0 or words[index].text.lower() != "our":
        return None
    publisher = lookup(analysis, analysis.document.publisher, {"Organization"}) if analysis.document.publisher else None
    if publisher is not None:
        return publisher.key
    text = analysis.document.text
    head = text[:sum(len(line) + 1 for line in text.split("\n")[:_MASTHEAD_LINES])]
    for mention in analysis.mentions:
        if mention.start >= len(head):
            break
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if mention.type == "Organization" and line.strip() == mention.text:
            return mention.entity
    return None


_MASTHEAD_LINES = 5


# ---------------------------------------------------------------- after the name
def _title_after(analysis: Analysis, words: list[_Word], last: int) -> list[tuple[str, str | None]]:
    """Titles in an apposition after the name ("X, Deputy CEO of IMDA", "X, Acme's CEO"), or
    after a copula ("X is the co-founder and CEO of Acme")."""
    i = last
    if i < len(words) and words[i].text in ("is", "was"):  # "Ann Lee is the chief executive of Acme"
        i += 1 + (i + 1 < len(words) and words[i + 1].text == "also")
    elif i < len(words) and words[i].text == ",":
        i += 1
        if i + 2 < len(words) and words[i].text in ("who", "which") and words[i + 1].text in ("is", "was"):
            i += 2 + (words[i + 2].text == "also")  # ", who is also Minister for Finance"
        elif i < len(words) and words[i].text in ("also", "as"):
            i += 1  # ", also Minister for Finance,"; "Q: Ms Lee, as chief executive of Acme, ..."
    elif i < len(words) and words[i].text == "(":
        i += 1  # "Ann Lee (Chief Executive, Acme Bank)", "Bo Tan (Acme CEO)"
    else:
        return []
    return _apposed_posts(analysis, words, i)[0]


def _apposed_posts(analysis: Analysis, words: list[_Word], i: int) -> tuple[list[tuple[str, str | None]], int]:
    """The posts of a title written from ``words[i]`` after a name, and where its bodies end.

    A second title with a body of its own follows its first's body after "and": "Deputy
    Secretary of the CPC X Committee and Mayor of X" is two posts.
    """
    past = ""
    if i < len(words) and words[i].text.lower() in _PAST:
        past, i = words[i].text.lower() + " ", i + 1
    adjective = ""
    if i < len(words) and words[i].text in ("the", "a", "an"):  # ", a senior fellow at X"
        i += 1
        texts = [w.text for w in words[i:i + 6]]
        if len(texts) > 1 and texts[0].isalpha() and texts[0].islower() and not _title_at(texts, 0) \
                and _title_at(texts, 1):
            adjective, i = texts[0] + " ", i + 1  # ", an agricultural economist at X": the title as written
    if i + 1 < len(words) and words[i].text.lower() == "member" and words[i + 1].text == "of":
        # ", member of the Standing Committee of the CPC X Municipal Committee and executive vice mayor,":
        # the post comes after the party office
        j = next((j for j in range(i + 2, min(i + 20, len(words))) if words[j].text in ("and", ",", ";")), None)
        if j is None or words[j].text != "and":
            return [], i
        i = j + 1
    owner: str | None = None
    place: EntityMention | None = None
    mention = words[i].mention if i < len(words) else None
    if mention is not None and mention.type in ("Organization", "Place"):
        j = i
        while j < len(words) and words[j].mention is mention:
            j += 1
        if j < len(words) and (words[j].text == "'s" or mention.type == "Organization"):
            owner, i = (mention.entity if mention.type == "Organization" else None), j + (words[j].text == "'s")
        elif j < len(words) and (_title_at([w.text for w in words[j:]], 0)
                                 or _title_at([w.text for w in words[j:]], 1) and words[j].text[:1].isupper()):
            place, i = mention, j  # "X, China International Trade Representative", "X, Chongqing Vice Mayor"
    else:
        again = _named_again(analysis, words, i)
        if again is not None and again[1] < len(words) and words[again[1]].text == "'s":
            owner, i = again[0], again[1] + 1  # "Hengtong's general manager": the body named again, short
    texts = [w.text for w in words[i:]]
    named = [w.mention is not None or w.person for w in words[i:]]
    length = _title_at(texts, 0, named)
    if not length and len(texts) > 1 and texts[0][:1].isupper() and not named[0] \
            and not lexicon.is_not_name_start(texts[0]) and _title_at(texts, 1, named):
        # "By Ann Lee, Technology Correspondent": a beat or field before the title
        length = 1 + _title_at(texts, 1, named)
    if not length:
        return [], i
    for p in range(length - 1, 0, -1):  # "general manager of Binhai Lianhe": a body named again, no portfolio
        if texts[p] in ("of", "for"):
            again = _named_again(analysis, words, i + p + 1)
            ministry = lexicon.portfolio_ministry(_component_titles(_title_text(texts[:length]))[-1])
            if again is not None and again[1] == i + length and not (
                    ministry and fold(ministry) == fold(analysis.entities[again[0]].label)):
                length = p  # (a minister's portfolio stays: "Vice Minister of Commerce")
            break
    title = past + adjective + _title_text(texts[:length])
    k = i + length
    if k < len(words) and words[k].text == "(":  # "Vice President (Industry), NTU": the post's field
        close = next((j for j in range(k + 1, min(k + 6, len(words))) if words[j].text == ")"), None)
        if close is not None and all(w.mention is None or w.mention.type == "Place" for w in words[k + 1:close]):
            # or its region: "Group Director (Greater China) of Enterprise Singapore"; the title as written
            title = f"{title} ({' '.join(w.text for w in words[k + 1:close])})"
            k = close + 1
    field = _field_before_body(words, k)
    if field > k:  # "director of international cooperation at the IMDA": the field is the title's
        title, k = f"{title} {' '.join(w.text for w in words[k:field])}", field
    organizations, end = _bodies_after(analysis, words, k, title)
    if not organizations and k + 1 < len(words) and words[k].text == ",":
        organizations, end = _listed_body(words, k)
    if owner is not None and not organizations:
        organizations = [owner]
    if place is not None and not organizations:
        government = _organization_of(analysis, place, title)
        organizations = [government] if government else []
    if place is not None and not _GOVERNMENT_TITLES.search(title):  # the title as written: "China International
        title = f"{place.text} {title}"  # Trade Representative"; a mayor's city is his government's
    posts = [(title, key) for key in dict.fromkeys(organizations)] or [(title, _portfolio(analysis, title))]
    if end > k and end + 1 < len(words) and words[end].text == "and" and _title_at([w.text for w in words[end + 1:]], 0):
        more, end = _apposed_posts(analysis, words, end + 1)
        posts += more
    return posts, end


def _field_before_body(words: list[_Word], k: int) -> int:
    """The end of a title's field of work in lower case, when a body follows it after "at":
    "director of international cooperation at X" (the field runs to "at"); else ``k``."""
    if k >= len(words) or words[k].text not in ("of", "for"):
        return k
    j = k + 1
    while j < len(words) and j - k <= 4 and words[j].text.isalpha() and words[j].text.islower() \
            and words[j].mention is None and words[j].text not in _LINKS:
        j += 1
    at = j + (j < len(words) and words[j].text == "at")
    at += at < len(words) and words[at].text == "the"
    if j == k + 1 or j >= len(words) or words[j].text != "at" or at >= len(words) or words[at].mention is None \
            or words[at].mention.type != "Organization":
        return k
    return j


def _listed_body(words: list[_Word], k: int) -> tuple[list[str], int]:
    """A body listed as the field after a title's comma, the line or clause ending with it:
    "Ms Yong Ying-I, Permanent Secretary, MCI; Mr Chen, Mayor", "Ann Lee, Group Director, Greater
    China, Acme Bank" (a region's field between them)."""
    at = k + 1
    region = words[at].mention
    if region is not None and region.type == "Place":
        while at < len(words) and words[at].mention is region:
            at += 1
        if at + 1 >= len(words) or words[at].text != ",":
            return [], k
        at += 1
    listed = words[at].mention
    end = at
    while end < len(words) and words[end].mention is listed:
        end += 1
    # (a note in brackets may follow the body: "Director, East Asian Institute (welcome remarks)")
    if listed is not None and listed.type == "Organization" and (
            end == len(words) or words[end].text in (";", ".", ",", ")", "(")):
        return [listed.entity], end
    return [], k


def _bodies_after(analysis: Analysis, words: list[_Word], k: int, title: str) -> tuple[list[str], int]:
    """The organisations (keys) a title after a name belongs to, "of/at [the] [X's] A and B" or
    "(A and B)", and where they end; a body named again by a shorter name ("of Tidewater", "of
    the Shenzhen bureau") when no mention names it."""
    found, end = _organizations_after(words, k)
    if found:
        return [key for key in (_organization_of(analysis, m, title) for m in found) if key], end
    if k < len(words) and words[k].text in _LINKS:
        again = _named_again(analysis, words, k + 1)
        if again is not None:
            return [again[0]], again[1]
    return [], k


def _organizations_after(words: list[_Word], k: int) -> tuple[list[EntityMention], int]:
    """The organisations a title after a name belongs to: "of/at [the] [X's] A and B", "(A and B)";
    and the index after the last of them."""
    if k >= len(words):
        return [], k
    if words[k].text == "(":
        k += 1
    elif words[k].text in _LINKS:
        k += 1
        if k < len(words) and words[k].text == "the":
            k += 1
        # "of China's National Data Administration", "of Acme's Data Group": the possessed body
        if k < len(words) and words[k].mention is not None and words[k].mention.type in ("Place", "Organization"):
            owner = words[k].mention
            j = k
            while j < len(words) and words[j].mention is owner:
                j += 1
            if j < len(words) and words[j].text == "'s" and (owner.type == "Place" or " of " not in owner.text):
                k = j + 1  # (not "the Department of Asian Affairs of China's Ministry": 's is China's)
            elif owner.type == "Place":
                if _GOVERNMENT_TITLES.search(" ".join(w.text for w in words[max(0, k - 6):k])):
                    return [owner], j  # "Mayor of Shenzhen": the city's government, if named
                return [], k
    else:
        return [], k
    found: list[EntityMention] = []
    end = k
    while k < len(words):
        mention = words[k].mention
        if mention is None or mention.type != "Organization":
            break
        if mention not in found:
            found.append(mention)
        while k < len(words) and words[k].mention is mention:
            k += 1
        end = k
        if k < len(words) and words[k].text in ("and", "&", ","):
            k += 1
            if k < len(words) and words[k].text == "the":
                k += 1
            continue
        break
    return found, end


# ---------------------------------------------------------------- a body named again
_BODY_NOUNS = {"administration", "agency", "authority", "board", "bureau", "commission", "committee",
               "council", "department", "ministry", "office", "group", "bank", "company", "corporation"}


def _named_again(analysis: Analysis, words: list[_Word], k: int) -> tuple[str, int] | None:
    """A body of the document named again by a shorter name at ``words[k]``, no mention naming it:
    the leading words of its name ("Tianjin Binhai Zhixing", "Tidewater"), words of its name
    ("Hengtong"), or its place with its kind in lower case ("the Shenzhen bureau", "the Guangdong
    administration"). Only one organisation of the document may fit; a place alone names none.

    Returns:
        (the organisation's key, the index after the short name), or ``None``.
    """
    k += k < len(words) and words[k].text == "the"
    j = k
    while j < len(words) and j - k < 5 and words[j].text[:1].isupper() and words[j].text.replace("-", "").isalnum() \
            and (words[j].mention is None or words[j].mention.type != "Organization"):
        j += 1
    if j == k:
        return None
    short = [w.text for w in words[k:j]]
    kind = words[j].text if j < len(words) and words[j].text in _BODY_NOUNS else None
    if kind is None and all(is_place_name(t) for t in short):
        return None  # "of Shenzhen": a place, not a body
    if kind is None and any(lexicon.title_length([t], 0) or lexicon.is_honorific(t) for t in short):
        return None
    fits = {}
    for entity in analysis.entities.values():
        if entity.type == "Organization" and any(_shortens(short, kind, name) for name in (entity.label, *entity.aliases)):
            fits.setdefault(fold(entity.label), entity.key)
    if len(fits) != 1:
        return None
    return next(iter(fits.values())), j + (kind is not None)


def _shortens(short: list[str], kind: str | None, name: str) -> bool:
    """Whether ``short`` (and a kind in lower case) names the body ``name`` more briefly: its words
    are words of the name, in order (a word may be cut: "Pay" of "Payment"), the kind one of them.

    Examples:
        >>> _shortens(["Tianjin", "Binhai"], None, "Tianjin Binhai Transport Co")
        True
        >>> _shortens(["Shenzhen"], "bureau", "Shenzhen Municipal Bureau of Commerce")
        True
        >>> _shortens(["Shenzhen"], "bureau", "Shenzhen Port Authority"), _shortens(["Acme"], None, "Acme")
        (False, False)
    """
    words = re.findall(r"[A-Za-z0-9]+", name)
    if len(words) <= len(short) or (kind is not None and kind.capitalize() not in words):
        return False
    at = 0
    for part in short:
        while at < len(words) and not (words[at] == part or len(part) >= 3 and words[at].startswith(part)):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


# ---------------------------------------------------------------- organisations
def _organization_of(analysis: Analysis, mention: EntityMention, title: str) -> str | None:
    """The organisation a title belongs to, from the mention it is written with."""
    if mention.type == "Organization":
        return mention.entity
    if mention.type == "Place" and _GOVERNMENT_TITLES.search(title):
        return _government_of(analysis, mention)
    return None


def _government_of(analysis: Analysis, place: EntityMention) -> str | None:
    """The government of a city or province the document names ("Chongqing" -> its municipal government)."""
    entity = analysis.entities.get(place.entity)
    place_names = names_of(entity) if entity else {fold(place.text)}
    for candidate in analysis.entities.values():
        if candidate.type != "Organization":
            continue
        for name in names_of(candidate):
            if "government" in name.split() and any(name.startswith(p + " ") for p in place_names):
                return candidate.key
    return None


def _portfolio(analysis: Analysis, title: str) -> str | None:
    """The ministry a title names by its portfolio, when the document names that ministry.

    "Permanent Secretary for Communications and Information" belongs to the document's
    "Ministry of Communications and Information"; every "of"/"for" of the title is tried.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Ministry of Health|Organization] said so.")
        >>> _portfolio(a, "Minister of State for Health")
        'Organization/ministry of health'
        >>> _portfolio(a, "Minister of State for Law") is None
        True
    """
    for part in _component_titles(title):
        named = lexicon.portfolio_ministry(part)
        entity = lookup(analysis, named, {"Organization"}) if named else None
        if entity:
            return entity.key
        for match in re.finditer(r"\b(?:for|of)\s+(?=(.+)$)", part):
            entity = lookup(analysis, f"Ministry of {match.group(1)}", {"Organization"})
            if entity:
                return entity.key
    return None


def _component_titles(title: str) -> list[str]:
    """The titles a chain joins ("Minister for A and Minister-in-charge of B" -> both).

    Examples:
        >>> _component_titles("Deputy Prime Minister and Minister for Finance")
        ['Deputy Prime Minister', 'Minister for Finance']
        >>> _component_titles("Minister for Trade and Industry")
        ['Minister for Trade and Industry']
    """
    words = title.split()
    parts, current = [], []
    for i, word in enumerate(words):
        if word in ("and", "&") and current and _title_at(words, i + 1):
            parts.append(" ".join(current))
            current = []
            continue
        current.append(word)
    parts.append(" ".join(current))
    return parts


def _contact_block(analysis: Analysis) -> list[Role]:
    """Roles of media contacts (:func:`~sgcn.loaders.extract.contacts.contact_blocks`): the title, and
    the first line or field that is wholly an organisation's name; evidence the contact as written.

    A unit after the title's comma ("Deputy Director, Publicity Division") is the body the
    title belongs to; a field that is no body stays in the title ("Manager, Communications
    and Marketing"). A contact named with a body and no title ("Ann Lee, Acme Bank,
    ann@acme.example") holds no post: :func:`contact_memberships` makes them a member.
    """
    return [Role(person, title, bodies[0] if bodies else None, analysis.document.date, evidence)
            for person, title, bodies, evidence in _contacts(analysis) if title]


def contact_memberships(analysis: Analysis) -> list[Relation]:
    """A media contact is a member of every body a line or field of their contact is wholly the name of.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("Ends.\\n\\nMedia contact:\\n[Ann Lee|Person], [Acme Bank|Organization], "
        ...     "ann@acme.example")
        >>> [(r.subject, r.object) for r in contact_memberships(a)]
        [('Person/ann lee', 'Organization/acme bank')]
    """
    return [Relation(person, "member_of", body, evidence)
            for person, _, bodies, evidence in _contacts(analysis) for body in bodies]


def _contacts(analysis: Analysis) -> list[tuple[str, str | None, list[str], Evidence]]:
    """(person, title, bodies, evidence) of each contact whose name is a person's mention."""
    text = analysis.document.text

    def whole(span: tuple[int, int], type_: str) -> EntityMention | None:
        return next((m for m in analysis.mentions if m.type == type_ and m.end == span[1]
                     and (m.start == span[0] or lexicon.is_honorific(text[span[0]:m.start].strip()))), None)

    found = []
    for contact in contact_blocks(text):
        person = whole(contact.name, "Person")
        if person is None:
            continue
        fields, title = list(contact.fields), None
        if contact.title is not None:
            start, end = contact.title
            comma = text.find(",", start, end)
            unit = whole((comma + 1 + len(text[comma + 1:end]) - len(text[comma + 1:end].lstrip()), end),
                         "Organization") if comma >= 0 else None
            if unit is not None:  # "Deputy Director, Publicity Division": the title and its unit
                fields.insert(0, (unit.start, unit.end))
                end = comma
            title = _title_text(text[start:end].replace(",", " , ").split())
        bodies = [m.entity for m in (whole(field, "Organization") for field in fields) if m is not None]
        start, end = contact.span
        found.append((person.entity, title, list(dict.fromkeys(bodies)),
                      Evidence(analysis.document.source, start, end, text[start:end])))
    return found


def _unique(roles: list[Role]) -> list[Role]:
    """The first role per (person, organisation): the main text before annexes and captions.

    A title stated once with its organisation and once without (a caption: "Photo of
    Deputy Secretary Luke Goh") is one post: the statement without the organisation
    adds nothing; so is its core title alone, without the portfolio ("Minister Teo said",
    after "Minister for X Josephine Teo" of the Ministry of X).
    """
    with_body = {(r.person, r.title.lower()) for r in roles if r.organization}
    seen = set()
    result = []
    for role in roles:
        key = (role.person, role.organization)
        if key in seen or role.organization is None and any(
                person == role.person and _restates(role.title.lower(), title) for person, title in with_body):
            continue
        seen.add(key)
        result.append(role)
    return result


def _restates(short: str, title: str) -> bool:
    """Whether a title is a post stated in full elsewhere, named again more briefly: the same
    title, or its core alone ("minister" of "minister for digital development").

    Examples:
        >>> _restates("minister", "minister for trade"), _restates("minister", "deputy minister")
        (True, False)
    """
    return title == short or title.startswith(short + " for ") or title.startswith(short + " of ")


__all__ = ["find_roles"]
