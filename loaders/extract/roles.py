"""Roles: the posts persons hold, as the source states them, on the document's date.

This stage reads an :class:`~sgcn.loaders.extract.spans.Analysis` and returns
:class:`~sgcn.loaders.facts.Role` facts. The title is read without the organisation,
with the title lexicon of :mod:`sgcn.loaders.extract.lexicon` deciding what a title is;
the organisation is the one the title is written with. The genre's forms:

- before the name: "Ministry of Trade and Industry Deputy Secretary of Trade Luke Goh",
  "former Alibaba Chairman Mr Jack Ma", "Vice Premier Han Zheng" (no organisation),
  "Chongqing Vice Mayor Li Bo" (a city's mayor belongs to its municipal government),
  "Mayor of Shenzhen Municipal People's Government Mr Qin Weizhong";
- after the name: "Tan Kiat How, State Secretary of Singapore's Ministry of A and
  Ministry of B" (one role per ministry), "Ang Wee Keong, Deputy CEO of IMDA";
- a media-contact block: the name, the title and the division on lines of their own.

"Permanent Secretary for Communications and Information" names its ministry by its
portfolio: the "Ministry of Communications and Information" of the document.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("Tencent CEO Mr [Pony Ma|Person] spoke.".replace(
    ...     "Tencent", "[Tencent|Organization]"), date="2020-03-05")
    >>> [(r.person, r.title, r.organization, r.as_of) for r in find_roles(a)]
    [('Person/pony ma', 'CEO', 'Organization/tencent', '2020-03-05')]
"""

from __future__ import annotations

import re

from sgcn.loaders.extract import gazetteer, lexicon
from sgcn.loaders.extract.mentions import entity_key
from sgcn.loaders.extract.rel_context import lookup, names_of, norm
from sgcn.loaders.extract.rel_text import Slotted, chain_right, slot
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import Evidence, Role

_GOVERNMENT_TITLES = re.compile(r"\b(?:Mayor|Governor|Party Secretary|Premier|VM)\b")
_TAIL_WORD = re.compile(r"^(?:of|for|and|&|[A-Z][\w&-]*)$")


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
        sl = slot(analysis, sentence)
        evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
        for index, mention in enumerate(sl.mentions):
            if mention.type != "Person":
                continue
            for title, organization in _roles_of(analysis, sl, index):
                found.append(Role(mention.entity, title, organization, analysis.document.date, evidence))
    found.extend(_contact_block(analysis))
    return _unique(found)


def _roles_of(analysis: Analysis, sl: Slotted, index: int) -> list[tuple[str, str | None]]:
    """(title, organisation key) pairs for the person in slot ``index``."""
    before = _title_before(analysis, sl, index)
    if before:
        return [before]
    return _title_after(analysis, sl, index)


def _title_before(analysis: Analysis, sl: Slotted, index: int) -> tuple[str, str | None] | None:
    """A title written before the name, with the organisation before it if any."""
    start = sl.slot_at(index).start()
    previous = sl.slot_at(index - 1) if index > 0 else None
    segment = sl.text[previous.end() if previous else 0:start]
    tokens = _strip_honorifics(segment.split())
    title_words = _trailing_title(tokens)
    if title_words:
        title = _written_out(title_words)
        adjacent = previous is not None and len(title_words) == len(tokens)
        organization = _organization_of(analysis, sl, index - 1, title) if adjacent else None
        if adjacent and re.search(r"\bformer\s*$", sl.text[:previous.start()], re.I):
            title = f"former {title}"
        if organization is None:
            organization = _portfolio(analysis, title_words)
        return title, organization
    if previous is not None and not tokens and sl.mentions[index - 1].type == "Organization":
        lead = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+of\s+(?:the\s+)?$", sl.text[:previous.start()])
        if lead:
            candidate = _trailing_title(lead.group(1).split())
            if candidate and len(candidate) == len(lead.group(1).split()):
                return _written_out(candidate), sl.mentions[index - 1].entity
    return None


def _title_after(analysis: Analysis, sl: Slotted, index: int) -> list[tuple[str, str | None]]:
    """Titles in an apposition after the name: "X, Deputy CEO of IMDA"."""
    end = sl.slot_at(index).end()
    portfolio = _title_with_portfolio(sl, end)
    if portfolio:
        return [portfolio]
    owned = re.match(r",\s+(?:the\s+)?⟦(\d+)⟧[’']s\s+(former\s+)?((?:[A-Z][\w/&-]*\s*)+?)\s*(?:,|\.|$)", sl.text[end:])
    if owned and sl.mentions[int(owned.group(1))].type == "Organization" and lexicon.is_title(owned.group(3).split()):
        title = ("former " if owned.group(2) else "") + _written_out(owned.group(3).split())
        return [(title, sl.mentions[int(owned.group(1))].entity)]
    joint = re.match(r",\s+(?:the\s+)?(former\s+)?([A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*)*)\s+(?:and|&)\s+"
                     r"([A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*)*)\s+(?:of|at)\s+(?:the\s+)?(?=⟦)", sl.text[end:])
    if joint and lexicon.is_title(joint.group(2).split()) and lexicon.is_title(joint.group(3).split()):
        # "Chairman and CEO of Acme": one post of two titles
        title = ("former " if joint.group(1) else "") + \
            f"{_written_out(joint.group(2).split())} and {_written_out(joint.group(3).split())}"
        organizations = chain_right(sl, end + joint.end(), {"Organization"}, lead=0)
        return [(title, sl.mentions[i].entity) for i in organizations]
    match = re.match(r",\s+(?:the\s+)?(former\s+)?((?:[A-Z][\w/&-]*\s*)+?)(?:\s+(?:of|at|for)\s+(?:the\s+)?|,|\.|$)",
                     sl.text[end:])
    if match is None or not lexicon.is_title(match.group(2).split()):
        lower = re.match(r",\s+(?:the\s+)?(former\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:of|at)\s+(?:the\s+)?(?=⟦)",
                         sl.text[end:])
        if lower and _trailing_title(lower.group(2).split()) == lower.group(2).split():
            title = ("former " if lower.group(1) else "") + lower.group(2)
            organizations = chain_right(sl, end + lower.end(), {"Organization"}, lead=0, first_only=True)
            return [(title, sl.mentions[i].entity) for i in organizations]
    if not match:
        return []
    title_words = match.group(2).split()
    if not lexicon.is_title(title_words):
        return []
    title = ("former " if match.group(1) else "") + _written_out(title_words)
    rest = sl.text[end + match.end():]
    organizations = chain_right(sl, end + match.end(), {"Organization"}, lead=2)
    if organizations:
        return [(title, sl.mentions[i].entity) for i in organizations]
    place = re.match(r"⟦(\d+)⟧", rest)
    if place and sl.mentions[int(place.group(1))].type == "Place" and _GOVERNMENT_TITLES.search(title):
        return [(title, _government_of(analysis, sl.mentions[int(place.group(1))]))]
    field = re.match(r"([A-Z][\w&-]*(?:\s+(?:and|&|[A-Z][\w&-]*))*)\s*(?:,|\.|$)", rest)
    if field and re.search(r"\s(?:of|for)\s+(?:the\s+)?$", match.group(0)):
        joiner = re.search(r"\s(of|for)\s+(?:the\s+)?$", match.group(0)).group(1)
        with_field = [*title_words, joiner, *field.group(1).split()]
        return [(f"{title} {joiner} {field.group(1)}", _portfolio(analysis, with_field))]
    return [(title, _portfolio(analysis, title_words))]


_PORTFOLIO_AT = re.compile(
    r",\s+(?:the\s+)?(former\s+)?([A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*)*\s+(?:of|for)\s+(?:the\s+)?"
    r"[A-Z][\w&-]*(?:\s+(?:and|&|[A-Z][\w&-]*))*)\s+(?:at|with|in)\s+(?:the\s+)?⟦(\d+)⟧"
)


def _title_with_portfolio(sl: Slotted, end: int) -> tuple[str, str] | None:
    """"X, Director of International Cooperation at IMDA": the title keeps its portfolio.

    The "of"/"for" phrase names a field or a division inside the organisation that
    follows "at"; it is part of the post, so the title is "Director of International
    Cooperation" and the organisation IMDA.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Ann Lee|Person], Head of Digital Trade at [Acme|Organization], spoke.")
        >>> sl = slot(a, a.sentences[0])
        >>> _title_with_portfolio(sl, sl.slot_at(0).end())
        ('Head of Digital Trade', 'Organization/acme')
    """
    match = _PORTFOLIO_AT.match(sl.text[end:])
    if not match:
        return None
    mention = sl.mentions[int(match.group(3))]
    head = match.group(2).split()
    cut = next(i for i, w in enumerate(head) if w in {"of", "for"})
    if mention.type != "Organization" or not lexicon.is_title(head[:cut]):
        return None
    title = ("former " if match.group(1) else "") + " ".join([_written_out(head[:cut]), *head[cut:]])
    return title, mention.entity


def _strip_honorifics(tokens: list[str]) -> list[str]:
    while tokens and lexicon.is_honorific(tokens[-1]):
        tokens = tokens[:-1]
    return tokens


def _trailing_title(tokens: list[str]) -> list[str]:
    """The longest title (with an "of/for X" tail) that ends ``tokens``.

    Examples:
        >>> _trailing_title("such as Deputy Secretary of Trade".split())
        ['Deputy', 'Secretary', 'of', 'Trade']
        >>> _trailing_title("met the".split())
        []
        >>> _trailing_title("the company's chief executive".split())
        ['chief', 'executive']
    """
    found = _trailing_title_as_written(tokens)
    if found or not tokens or not tokens[-1].islower():
        return found
    # "Acme chief executive Ann Lee": a lower-case title, as news pages write it
    capitalised = [t if t in {"of", "for", "and"} else t[:1].upper() + t[1:] for t in tokens]
    found = _trailing_title_as_written(capitalised)
    return tokens[len(tokens) - len(found):] if found else []


def _trailing_title_as_written(tokens: list[str]) -> list[str]:
    """The longest title, capitalised as the lexicon writes it, that ends ``tokens``."""
    for start in range(len(tokens)):
        length = lexicon.title_length(tokens, start)
        if not length:
            continue
        tail = tokens[start + length:]
        if all(_TAIL_WORD.match(t) for t in tail) and (not tail or tail[0] in {"of", "for"}) and \
                (not tail or tail[-1][0].isupper()):
            return tokens[start:]
    return []


def _written_out(title_words: list[str]) -> str:
    """The title with abbreviations written out ("VM" -> "Vice Mayor")."""
    return " ".join(lexicon.expand_title(w) for w in title_words)


def _organization_of(analysis: Analysis, sl: Slotted, index: int, title: str) -> str | None:
    """The organisation a title before a name belongs to, from the mention before the title."""
    mention = sl.mentions[index]
    if mention.type == "Organization":
        return mention.entity
    if mention.type == "Place" and _GOVERNMENT_TITLES.search(title):
        return _government_of(analysis, mention)
    return None


def _government_of(analysis: Analysis, place: EntityMention) -> str | None:
    """The government of a city or province the document names ("Chongqing" -> its municipal government)."""
    entity = analysis.entities.get(place.entity)
    place_names = names_of(entity) if entity else {norm(place.text)}
    for candidate in analysis.entities.values():
        if candidate.type != "Organization":
            continue
        for name in names_of(candidate):
            if "government" in name.split() and any(name.startswith(p + " ") for p in place_names):
                return candidate.key
    return None


def _portfolio(analysis: Analysis, title_words: list[str]) -> str | None:
    """The ministry a title names by its portfolio ("Permanent Secretary for X" -> "Ministry of X").

    The lexicon's :func:`~sgcn.loaders.extract.lexicon.portfolio_ministry` names the
    candidate; failing that, every "of"/"for" of the title is tried. A ministry the
    document names comes first; else the gazetteer's ministry for the portfolio, which
    the pipeline adds to the document's entities with the role's sentence as evidence.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Ministry of Health|Organization] said so.")
        >>> _portfolio(a, "Minister of State for Health".split())
        'Organization/ministry of health'
        >>> _portfolio(a, "Minister of State for Law".split()) is None
        True
        >>> _portfolio(a, "Minister for Trade and Industry".split())
        'Organization/ministry of trade and industry'
    """
    text = " ".join(title_words)
    named = lexicon.portfolio_ministry(text)
    entity = lookup(analysis, named, {"Organization"}) if named else None
    if entity:
        return entity.key
    for match in re.finditer(r"\b(?:for|of)\s+(?=(.+)$)", text):
        entity = lookup(analysis, f"Ministry of {match.group(1)}", {"Organization"})
        if entity:
            return entity.key
    known = gazetteer.lookup(named) if named else None  # the pipeline adds a gazetteer body to the entities
    if known is not None and known.type == "Organization" and known.label.startswith("Ministry of "):
        return entity_key(known.type, known.label)
    return None


def _contact_block(analysis: Analysis) -> list[Role]:
    """Roles from a media-contact block: a name, its title and its division on their own lines."""
    text = analysis.document.text
    roles = []
    for mention in analysis.mentions:
        if mention.type != "Person":
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].strip() != mention.text:
            continue
        lines = text[line_end + 1:].split("\n", 2)
        if len(lines) < 2 or not lexicon.is_title(lines[0].split()):
            continue
        org_start = line_end + 1 + len(lines[0]) + 1
        org_end = org_start + len(lines[1])
        organization = next((m.entity for m in analysis.mentions if m.type == "Organization"
                             and org_start <= m.start and m.end <= org_end
                             and m.text.strip() == lines[1].strip()), None)
        sentence = _sentence_at(analysis, mention.start)
        if sentence is None:
            continue
        evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
        roles.append(Role(mention.entity, _written_out(lines[0].split()), organization, analysis.document.date,
                          evidence))
    return roles


def _sentence_at(analysis: Analysis, offset: int) -> Sentence | None:
    return next((s for s in analysis.sentences if s.start <= offset < s.end), None)


def _unique(roles: list[Role]) -> list[Role]:
    """The first role per (person, organisation): the main text before annexes and captions."""
    seen = set()
    result = []
    for role in roles:
        key = (role.person, role.organization)
        if key not in seen:
            seen.add(key)
            result.append(role)
    return result


__all__ = ["find_roles"]
