"""Entities named by a description rather than a proper name.

Press releases single out agreements, events and projects in lower case: "a joint
letter of intent to co-organise the Smart China Expo", "an online signing ceremony
today", "the videoconference between ... and ...", "One of these projects focuses
on new energy battery management, run by ...", "IMDA's TradeTrust pilot". Each
rule here returns :class:`~sgcn.loaders.extract.names.Candidate` spans with a
*core* (the kind of thing: "letter of intent", "signing ceremony") so that the
mentions of one document with the same core are one entity, labelled by its
fullest description. A counted batch ("eight MOUs", "13 memorandums") or a bare
indefinite ("a hackathon", "an agreement") singles nothing out and gives nothing.
A project described in apposition ("One of the projects, a smart grid monitor, is
run by ...") or after a copula ("The first project supported by the fund is a smart
grid monitor run by ...") is labelled by its description. Occasions named by their kind alone
("at the opening ceremony", "a signing ceremony in Xiamen today") come back with
rule ``"occasion"``: coreference names them after the edition or agreement they
belong to.

Examples:
    >>> [(c.type, c.label) for c in find_described(
    ...     "They inked a joint letter of intent to co-organise the Smart China Expo (SCE) from 2020.", 0)]
    [('Agreement', 'joint letter of intent to co-organise the Smart China Expo')]
    >>> [(c.type, c.label) for c in find_described("They met in an online signing ceremony today.", 0)]
    [('Event', 'online signing ceremony')]
    >>> find_described("Activities include a hackathon and an agreement.", 0)
    []
"""

from __future__ import annotations

import functools
import re

from sgcn.loaders.extract.names import Candidate

_AGREEMENT = r"(?:[Jj]oint\s+)?(?:[Ll]etter\s+of\s+[Ii]ntent|[Mm]emorandum\s+of\s+[Uu]nderstanding|MoU|MOU|(?:[Ff]ramework\s+|[Cc]ooperation\s+)?[Aa]greement|[Cc]ontract|[Pp]rotocol)"
_EVENT = r"(?:video\s?conference|signing\s+ceremony|ceremony|meeting|teleconference|video\s+call|summit)"
_DET = r"\b(?P<det>[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+"
_MOD = r"(?P<mod>(?:(?:online|virtual|joint|bilateral|new|first|historic|official|formal|special)\s+){0,2})"
_COMPLEMENT_START = r"(?:between|to|on|of\s+the|for|with)\b"
_ANCHOR = re.compile(r"^\s*(?:today|yesterday|this\s+(?:morning|afternoon|evening|week)|on\s+[A-Z]\w+|"
                     r"(?:was|were|has\s+been|had\s+been)?\s*(?:signed|inked|concluded|held|reached))\b")
_PROJECT = re.compile(
    r"\b(?:One\s+of\s+(?:these|the|our)(?:\s+[\w-]+)?\s+projects|(?:[Aa]nother|[Tt]he|[Aa]|[Tt]his)\s+"
    r"(?:[\w-]+\s+){0,2}?project)\s+(?:focuses|focusses|centres|centers|is\s+focused)\s+on\s+"
    r"|\b(?:[Aa]nother|[Oo]ne|[Tt]he|[Aa]|[Tt]his)\s+(?:[\w-]+\s+){0,2}?project\s+(?:involves|develops|aims\s+to\s+develop|"
    r"will\s+develop|is\s+developing)\s+(?:the\s+(?:creation|development|deployment|design)\s+of\s+)?")
_PROJECT_NP = re.compile(r"(?:an?\s+|the\s+)?(?P<np>[a-z0-9][\w-]*(?:\s+(?!by\b|run\b|for\b|which\b|that\b|to\b)"
                         r"[a-z0-9][\w-]*){0,9})")
_PROJECT_APPOSED = re.compile(
    r"\b(?:One\s+of\s+(?:these|the|those|our|its|their)(?:\s+[\w-]+)?\s+projects|(?:[Aa]nother|One)\s+project|"
    r"[Tt]he\s+(?:first|second|third|other|latest|largest|flagship)\s+project),\s+(?:an?|the)\s+"
    r"(?P<np>[\w-]+(?:\s+(?!by\b|run\b|for\b|which\b|that\b|to\b|and\b|with\b|developed\b|built\b|led\b|"
    r"operated\b|designed\b)[\w-]+){1,7})(?=\s*,|\s+(?:developed|run|built|led|operated|designed)\b)")
_PROJECT_COPULA = re.compile(
    r"\b(?:One\s+of\s+(?:these|the|those|our|its|their)(?:\s+[\w-]+)?\s+projects|(?:[Aa]nother|One)\s+project|"
    r"[Tt]he\s+(?:(?:first|second|third|fourth|fifth|other|latest|largest|flagship|pilot)\s+)?project)"
    r"(?:\s+(?:supported|funded|backed|selected|chosen|awarded|approved|financed)\s+(?:by|under|from|through)"
    r"\s+[^,.;:]{1,60}?)?\s+(?:is|was|will\s+be)\s+(?:an?)\s+"
    r"(?P<np>[\w-]+(?:\s+(?!by\b|run\b|for\b|which\b|that\b|to\b|and\b|with\b|developed\b|built\b|led\b|"
    r"operated\b|designed\b)[\w-]+){1,7})(?=\s*,|\s+(?:developed|run|built|led|operated|designed)\b)")
_PROJECTS_COPULA = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]hese)\s+(?:(?:first|initial|latest|two|three|four|five|2|3|4|5|pilot|new)\s+){0,3}"
    r"projects(?:\s+(?:supported|funded|backed|selected|chosen|awarded|approved|financed)\s+(?:by|under|from|through)"
    r"\s+[^,.;:]{1,60}?)?\s+(?:are|were|will\s+be|include|included)\s+(?=an?\s)")
_DESCRIBED_PROJECT = re.compile(
    r"\b(?:an?)\s+(?P<np>[\w-]+(?:\s+(?!by\b|run\b|for\b|which\b|that\b|to\b|and\b|"
    r"with\b|developed\b|built\b|led\b|operated\b|designed\b)[\w-]+){1,7})(?=\s*,|\s+(?:developed|run|built|led|"
    r"operated|designed)\s+by\b)")
_PILOT = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]+[A-Z]\w*|[A-Z]\w+(?:\s+[A-Z]\w+){0,2})(?:\*\*|__|_)?\d?"
                    r"\s+(?P<noun>pilot|programme|program|sandbox|scheme)\b")


def _cand(sentence: str, offset: int, start: int, end: int, type_: str, label: str, rule: str,
          core: str) -> Candidate:
    c = Candidate(offset + start, offset + end, sentence[start:end], type_, label, rule=rule)
    c.aliases.append(core)
    return c


def _complement(sentence: str, pos: int, finite: frozenset[int] = frozenset()) -> int:
    """End of a complement ("between A and B to co-organise the X") starting at ``pos``; it ends
    before a stop word or a finite verb (``finite``: their offsets in the sentence): "the
    agreement between A and B sets up a sandbox" describes "the agreement between A and B".
    """
    if not re.match(r"\s+" + _COMPLEMENT_START, sentence[pos:]):
        return pos
    end = pos
    for m in re.finditer(r"\s*(\S+)", sentence[pos:]):
        word = m.group(1)
        bare = word.rstrip(",;:.!?\"”)")
        if word[:1] in "(“\"" or bare.lower() in _STOP_WORDS or _date_after(word, sentence, pos + m.end()) \
                or pos + m.start(1) in finite or _ADJUNCT.match(sentence, pos + m.start(1)):
            break
        if bare.lower() == "and" and re.match(r"\s+an?\s", sentence[pos + m.end():]):
            break  # "a protocol to upgrade their pact and a visa exemption": a second thing
        end = pos + m.start(1) + len(bare)
        if bare != word:
            break
    return end


def _date_after(word: str, sentence: str, pos: int) -> bool:
    """Whether ``word`` is "on" opening a date ("on Thursday", "on 12 March"): the complement ends.

    Examples:
        >>> _date_after("on", "an agreement on trade on Thursday", 25)
        True
        >>> _date_after("on", "an agreement on trade", 15)
        False
    """
    if word != "on":
        return False
    from sgcn.loaders.extract import lexicon

    nxt = sentence[pos:].split()[:1]
    return bool(nxt) and (nxt[0][:1].isdigit() or lexicon.is_date_word(nxt[0].rstrip(",.;:")))


# Phrases that say how or where a thing was done, never what it is: "signed the Agreement on
# Ports on behalf of the two agencies", "the MoU on Trade under the joint witness of".
_ADJUNCT = re.compile(r"(?:on\s+behalf\s+of|on\s+the\s+sidelines?\s+of|under\s+the\s+(?:joint\s+)?witness|"
                      r"in\s+the\s+presence\s+of)\b", re.I)

_STOP_WORDS = {"from", "in", "at", "was", "were", "is", "are", "will", "has", "have", "had", "which",
               "that", "after", "during", "today", "yesterday", "signed", "inked", "witnessed", "held",
               "since", "as", "by", "who", "where", "when", "while"}


_REFERENCE_COMPLEMENT = re.compile(
    r"\s+of\s+(?:the|this(?:\s+year['’]s)?)\s+(?:[a-z-]+\s+)?(?:expo|exposition|event|fair|forum|summit|"
    r"conference|exhibition|meeting|festival|show|week)")


def _agreements(sentence: str, offset: int, finite: frozenset[int] = frozenset()) -> list[Candidate]:
    out = []
    for m in re.finditer(_DET + _MOD + rf"(?P<noun>{_AGREEMENT})\b(?!s\b)", sentence):
        end = _complement(sentence, m.end(), finite)
        definite = m.group("det").lower() in ("the", "this", "that")
        if end == m.end():
            if definite or not _ANCHOR.match(sentence[end:]):
                continue  # "the agreement" refers back; "an agreement" alone singles nothing out
        start = m.start("mod") if m.group("mod") else m.start("noun")
        label = re.sub(r"\s+", " ", sentence[start:end])
        label = re.sub(r"\s*\([A-Z]{2,}\)", "", label)
        core = re.sub(r"^(?:[Jj]oint\s+)", "", re.sub(r"\s+", " ", m.group("noun"))).lower()
        out.append(_cand(sentence, offset, start, end, "Agreement", label, "described", core))
    return out


# Verbs of doing something together, whose partner "with" names: "co-chaired the meeting
# with", "jointly hosted the forum with".
_SHARED_VERB = re.compile(r"\b(?:co-?\w+|jointly\s+\w+)\s+$", re.I)


def _events(sentence: str, offset: int, finite: frozenset[int] = frozenset()) -> list[Candidate]:
    out = []
    for m in re.finditer(_DET + _MOD + rf"(?P<noun>(?:[a-z]+\s+)?{_EVENT})\b(?!s\b)", sentence):
        noun = re.sub(r"\s+", " ", m.group("noun"))
        if noun.split()[0] in ("the", "a", "an", "this", "that", "media", "press", "board", "annual"):
            continue
        end = _complement(sentence, m.end(), finite)
        if _REFERENCE_COMPLEMENT.fullmatch(sentence[m.end():end]):
            continue  # "the opening ceremony of the expo": an occasion of the expo in context
        definite = m.group("det").lower() in ("the", "this", "that")
        if end == m.end() and (definite or not _ANCHOR.match(sentence[end:])):
            continue
        if definite and _SHARED_VERB.search(sentence[:m.start()]) and sentence[m.end():end].split()[:1] == ["with"]:
            continue  # "co-chaired the meeting with the Mayor": "with" is the verb's; the meeting is named before
        start = m.start("mod") if m.group("mod") else m.start("noun")
        label = re.sub(r"\s+", " ", sentence[start:end])
        label = re.sub(r"\s*\([A-Z]{2,}\)", "", label)
        core = noun.lower().replace("video conference", "videoconference")
        core = core.split()[-1] if core.endswith("meeting") else core
        out.append(_cand(sentence, offset, start, end, "Event", label, "described", core))
    return out


def _projects(sentence: str, offset: int) -> list[Candidate]:
    out = []
    for m in _PROJECT.finditer(sentence):
        np = _PROJECT_NP.match(sentence, m.end())
        if not np or len(np.group("np").split()) < 2:
            continue
        label = np.group("np") + " project"
        out.append(_cand(sentence, offset, np.start("np"), np.end("np"), "Project", label, "described",
                         label))
    return out


def _apposed_projects(sentence: str, offset: int) -> list[Candidate]:
    """A project singled out and described in apposition or after a copula.

    "One of the projects, a smart grid monitor, is run by ...", "The first project
    supported by the fund is a smart grid monitor run by ...". The description is the project's label ("smart grid monitor"), with "... project" as an
    alias; a name in apposition ("Another project, the Harbour Link, ...") is the project's
    name. A counted batch ("Three projects have been awarded ...") singles nothing out.

    Examples:
        >>> [(c.label, c.aliases) for c in _apposed_projects(
        ...     "One of the projects, a river flood sensor grid, is run by A and B.", 0)]
        [('river flood sensor grid', ['river flood sensor grid', 'river flood sensor grid project'])]
        >>> [c.label for c in _apposed_projects(
        ...     "The first project backed by the fund is a cross-border payments app run by A and B.", 0)]
        ['cross-border payments app']
        >>> _apposed_projects("Three projects, all in Xiamen, were awarded grants.", 0)
        []
        >>> [c.label for c in _apposed_projects("The first two projects backed by the fund are a tidal-energy "
        ...     "pilot run by A and a port-emissions dashboard developed by B.", 0)]
        ['tidal-energy pilot', 'port-emissions dashboard']
    """
    out = []
    found = [*_PROJECT_APPOSED.finditer(sentence), *_PROJECT_COPULA.finditer(sentence)]
    for head in _PROJECTS_COPULA.finditer(sentence):  # "The first two projects ... are a X run by A and a Y ..."
        rest = sentence[head.end():]
        stop = re.search(r"[.;:]\s", rest)
        found += [d for d in _DESCRIBED_PROJECT.finditer(sentence, head.end(), head.end() + (stop.start() if stop else len(rest)))
                  if d.start() == head.end() or re.search(r"(?:,|\band)\s+$", sentence[:d.start()])]
    for m in found:
        label = re.sub(r"\s+", " ", m.group("np"))
        c = _cand(sentence, offset, m.start("np"), m.end("np"), "Project", label, "described", label)
        if not all(w[:1].isupper() for w in label.split()):  # a description, not a name ("the Harbour Link")
            c.aliases.append(f"{label} project")
        out.append(c)
    return out


def _pilots(sentence: str, offset: int) -> list[Candidate]:
    out = []
    for m in _PILOT.finditer(sentence):
        name = m.group("name")
        first = name.split()[0]
        from sgcn.loaders.extract import gazetteer, lexicon

        if lexicon.is_not_name_start(first) or gazetteer.lookup(name) or lexicon.name_head(name.split())[0]:
            continue
        c = _cand(sentence, offset, m.start("name"), m.end("name"), "Initiative", name, "pilot",
                  f"{name} {m.group('noun')}")
        out.append(c)
    return out


@functools.cache
def _occasion_pattern() -> re.Pattern[str]:
    from sgcn.loaders.extract import lexicon

    kinds = "|".join(re.escape(k).replace(r"\ ", r"\s+")
                     for k in sorted([*lexicon.occasions(), "ceremony"], key=len, reverse=True))
    return re.compile(r"(?:\b(?P<det>[Aa]n?|[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)\s+|(?<=['’]s)\s+)" + _MOD
                      + rf"(?P<noun>{kinds})\b(?!s\b|-)")


def _occasions(sentence: str, offset: int) -> list[Candidate]:
    """Parts of an event named by their kind alone: "at the opening ceremony", "a signing ceremony".

    They are returned with rule ``"occasion"``: which event or agreement they are the
    occasion of is read from the document around them (see
    :func:`sgcn.loaders.extract.coref.resolve_references`). One with a complement
    ("the signing ceremony of the letter") is a described event instead.
    """
    out = []
    for m in _occasion_pattern().finditer(sentence):
        end = _complement(sentence, m.end())
        if end != m.end() and not _REFERENCE_COMPLEMENT.fullmatch(sentence[m.end():end]):
            continue
        if m.group("noun") == "ceremony" and (m.group("det") or "").lower() not in ("a", "an"):
            continue  # "the ceremony" refers back
        start = m.start("mod") if m.group("mod") else m.start("noun")
        label = re.sub(r"\s+", " ", sentence[start:m.end()])
        core = re.sub(r"\s+", " ", m.group("noun")).lower()
        out.append(_cand(sentence, offset, start, m.end(), "Event", label, "occasion", core))
    return out


def find_described(sentence: str, offset: int, finite: frozenset[int] = frozenset()) -> list[Candidate]:
    """Agreements, events, projects and pilots a sentence names by description.

    Args:
        sentence: the sentence's text.
        offset: where it starts in the document's text.
        finite: where the sentence's finite verbs start (offsets in it), which end a description.

    Returns:
        Candidates; ``aliases[0]`` of each is its core (the kind of thing), by which
        the mentions of one document are grouped into one entity.

    Examples:
        >>> [c.label for c in find_described(
        ...     "One of these projects focuses on new energy battery management, run by A Pte Ltd.", 0)]
        ['new energy battery management project']
        >>> [c.label for c in find_described("Both sides will expand IMDA's TradeTrust pilot.", 0)]
        ['TradeTrust']
        >>> find_described("Chongqing and Singapore inked 13 memorandums of understanding.", 0)
        []
    """
    found = (_agreements(sentence, offset, finite) + _events(sentence, offset, finite)
             + _projects(sentence, offset)
             + _apposed_projects(sentence, offset) + _pilots(sentence, offset))
    found += [c for c in _occasions(sentence, offset) if not any(c.start < d.end and d.start < c.end for d in found)]
    return found
