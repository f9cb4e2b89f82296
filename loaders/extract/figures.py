"""Read the figures a document reports: counts, money and areas about an entity.

A figure is an amount (read by :mod:`sgcn.loaders.extract.numbers`) that the
sentence ties to one of the measures of the query contract and to the entity it is
about. Both are read from the language of the genre, whose wording lives in
``measures.yaml`` (checked against a schema when loaded):

- the measure comes from the counted noun after the number ("eight MoUs", "14 new
  joint projects", "more than 70 Singapore companies", "nearly 60 countries and
  regions"), checked by a cue in the sentence ("signed", "participating",
  "attracted", "reaches"); a batch of MOUs and agreements together is
  ``agreements_signed``; projects are signed or launched by the word that counts them
  in the parse ("unveiled 14 projects", "the launch of 14 projects"), none when their
  clause does neither ("Three projects have been awarded the fund"); money is a fund's
  size next to a fund noun ("a RMB 40 million initiative"), a budget ("with a total
  budget of S$12 million") or a fund's verb ("the Fund will disburse a total of ..."),
  and an investment next to an investment word ("worth", "involving ... of
  investment"); an amount in parentheses right after another ("816.9 billion yuan
  (about 117.88 billion U.S. dollars)") restates it, and "95 of which" counts what the
  number before it counts, both sharing its measure and subject; square metres in a
  sentence about a pavilion or exhibition are an exhibition area;
- numbers that are not new figures are left out: one referring back ("the two
  countries", "the four MOUs signed at the meeting"), a value per item ("each worth
  RMB1 billion"), the value of a count that is itself no figure ("took the largest
  share, with 18 projects worth RMB83 billion");
- the subject is one of the resolved mentions of the sentence, of a type the measure
  allows (``subjects`` in ``measures.yaml``), never one that only says what the
  counted things are about ("Six MOUs supporting the GPI"): the name a "where" clause
  counting them hangs from ("the Malaysia Pavilion, where 30 companies are showing
  their products at the fair"); the one the number's frame
  names ("signed *at* the meeting", "signed *under* SCI", "participating *in* this
  year's SCE"), the occasion before the programme; else what the sentence says the
  counted things belong to (:class:`~sgcn.loaders.extract.aboutness.Reader`): a name
  their phrase hangs from ("an incubator with a network of 10,000 firms"), the meeting
  a "when the committee met for the second time" clause names, the subject of the
  clause counting them ("The pilot will connect 120 firms", "Its virtual halls host 420
  firms": what "its" stands for), unless an organisation (IMDA launching projects is
  not what they are counted for); else, taking the allowed types in their order of
  preference (the pavilion before the fair it stands in; the programme first in a
  running total "since the initiative began", "to date"), the nearest mention before
  the number ("SCE 2019 saw ... 70 companies"), else the nearest after it. Time words
  of the counting clause pick an edition of a series ("This time, 18 start-ups are
  exhibiting at the expo": this year's, not last year's; a figure of an edition the
  text never names is dropped). A number with no subject is not a figure; a number a
  document repeats (headline and lead) keeps only its surest subjects.
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
from typing import Iterable

from sgcn.loaders.dates import find_dates
from sgcn.loaders.extract import lexicon
from sgcn.loaders.extract.aboutness import Reader, is_clause
from sgcn.loaders.extract.numbers import Amount, find_amounts, is_group_size
from sgcn.loaders.extract.rel_text import outermost
from sgcn.loaders.extract.rules import load_rules
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import MEASURES, EventTime, Evidence, Figure

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
    total: bool = False  # the running total a count before it brought its measure to
    label: tuple[int, int] | None = None  # a fact sheet's label before the value ("Firms served by X:")
    values: int | None = None  # the reading of the count whose things this money is the value of


_WORDS = {"type": list, "items": str}
_MEASURE = {"type": str, "choices": MEASURES}
_SCHEMA = {
    "counts": {"type": list, "required": True, "items": {
        "measure": {"type": str, "required": True, "choices": (*MEASURES, "projects")},
        "heads": {**_WORDS, "required": True},
        "cues": {"type": (str, list), "items": str},
    }},
    "delegation_heads": {**_WORDS, "required": True},
    "mixed_batch": {**_MEASURE, "required": True},
    "references": {**_WORDS, "required": True},
    "applicants": {**_WORDS, "required": True},
    "distributive": {**_WORDS, "required": True},
    "cues": {"type": dict, "required": True, "values": _WORDS},
    "verbs": {"type": dict, "required": True, "keys": {
        "projects_signed": {**_WORDS, "required": True}, "projects_launched": {**_WORDS, "required": True},
        "object_only": {**_WORDS, "required": True}}},
    "network": {"type": dict, "required": True, "keys": {"before": {**_WORDS, "required": True}}},
    "money": {"type": dict, "required": True, "keys": {
        key: {**_WORDS, "required": True} for key in (
            "fund_after", "fund_nouns", "fund_links", "budget", "fund_verbs", "programme_nouns", "value_links",
            "investment", "founding")}},
    "area": {"type": dict, "required": True, "keys": {"cues": {**_WORDS, "required": True}}},
    "subjects": {"type": dict, "required": True, "values": {
        "type": list, "items": str, "choices": ("Event", "Initiative", "Project", "Organization")}},
    "frames": {"type": dict, "required": True, "keys": {
        key: {**_WORDS, "required": True} for key in ("occasion", "programme", "participation")}},
    "as_of": {**_WORDS, "required": True},
    "about_verbs": {**_WORDS, "required": True},
    "about_prepositions": {**_WORDS, "required": True},
    "running_total": {**_WORDS, "required": True},
    "focus": {"type": dict, "required": True, "keys": {"other_time": {**_WORDS, "required": True}}},
}


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The wording of the measures, from ``measures.yaml``, checked against its schema.

    Examples:
        >>> _rules()["mixed_batch"]
        'agreements_signed'
    """
    return load_rules(files("sgcn.loaders.extract").joinpath("measures.yaml"), _SCHEMA)


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
    return named | (set(rules["verbs"]) - {"object_only"}) | set(rules["subjects"]) | {
        "network_size", "fund_size", "investment_value", "exhibition_area"}


def _has_cue(sentence: str, cue: str | list[str] | None) -> bool:
    """Whether ``sentence`` holds one of the stems of ``cue`` (or of any of several cues;
    no cue: always)."""
    if not cue:
        return True
    stems = [stem for name in ([cue] if isinstance(cue, str) else cue) for stem in _rules()["cues"][name]]
    return re.search(_words(stems, stems=True), sentence, re.IGNORECASE) is not None


def _counted_noun(sentence: str, amount: Amount, *, cued: bool = True) -> tuple[str, int] | None:
    """The measure the noun after ``amount`` counts, and where that noun ends (with
    ``cued`` false, whether or not the sentence holds the measure's cue)."""
    rules = _rules()
    after = sentence[amount.end:]
    # "600 companies, 48 of them Fortune Global 500 firms": the noun after "of them" is what is counted
    partitive = re.match(r"\s+(?:of|among)\s+(?:them|which|these|those)\b,?", after)
    skip = partitive.end() if partitive else 0
    modifiers = rf"(?:(?!(?:{_STOP})\b)[A-Za-z][\w'’-]*\s+){{0,{_MAX_MODIFIERS}}}?"
    for count in rules["counts"]:
        match = re.match(rf"\s*{modifiers}{_words(count['heads'])}", after[skip:], re.IGNORECASE)
        if match is None:
            continue
        if cued and not _has_cue(sentence, count.get("cues")):
            continue
        if find_amounts(after[skip:skip + match.end()]):
            continue  # "Seven new projects and three MOUs": the MOUs are the next number's
        if _mixed_batch(count["measure"], after[skip:], match):
            return rules["mixed_batch"], amount.end + skip + match.end()
        return count["measure"], amount.end + skip + match.end()
    return None


def _mixed_batch(measure: str, after: str, match: re.Match) -> bool:
    """Whether a count of MOUs or agreements counts both ("nine agreements and memorandums
    of understanding", "19 MOUs and agreements")."""
    heads = {c["measure"]: c["heads"] for c in _rules()["counts"]}
    others = {"mous_signed": "agreements_signed", "agreements_signed": "mous_signed"}
    if measure not in others:
        return False
    other = _words(heads[others[measure]])
    joined = rf"(?:\s*,?\s+(?:and|or|&)\s+{other})"
    return re.search(rf"{other}\s*,?\s+(?:and|or|&)\s+", after[:match.end()], re.IGNORECASE) is not None \
        or re.match(joined, after[match.end():], re.IGNORECASE) is not None


def _project_verb(sentence: str, amount: Amount, head_end: int, parsed=None, offset: int = 0) -> str | None:
    """``projects_signed`` or ``projects_launched`` by the verb that counts the projects.

    In the parse, the first word of signing or launching met going up from the counted
    noun to its clause's verb decides ("unveiled 14 projects", "29 projects have been
    initiated", "the launch of 14 projects"); a clause whose verb is neither ("Three
    projects have been awarded the fund, launched by ...") counts none. Without a parse,
    the first such verb after the counted noun decides, failing that the last before.
    """
    verbs = {k: v for k, v in _rules()["verbs"].items() if k != "object_only"}
    object_only = {w.lower() for w in _rules()["verbs"]["object_only"]}
    token = parsed.token_at(offset + head_end - 1) if parsed is not None else None
    if token is not None:
        for child in token.children:  # "12 projects launched by members", "projects signed at X"
            if child.dep_ in ("acl", "relcl") and child.lower_ not in object_only \
                    and _verb_measure(child, verbs) is not None:
                return _verb_measure(child, verbs)
        node, via = token, None
        while True:
            measure = _verb_measure(node, verbs)
            if measure is not None and not (via == "nsubj" and node.lower_ in object_only):
                return measure
            if measure is not None:
                return None  # "14 projects attracted RMB33 billion": what the projects did
            if (node.i != token.i and is_clause(node)) or node.head.i == node.i:
                break
            via, node = node.dep_, node.head
        if is_clause(node):
            # a word of the same clause, not of a clause describing another noun ("Since
            # its launch, X has supported 40 projects"; not "a fund launched by IMDA")
            nested = {t.i for t in node.subtree if t.dep_ in ("acl", "relcl") for t in t.subtree}
            words = sorted((t for t in node.subtree if t.i not in nested), key=lambda t: abs(t.i - token.i))
            return next((m for t in words if (m := _verb_measure(t, verbs)) is not None), None)
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


def _verb_measure(token, verbs: dict) -> str | None:
    """The project measure a word of signing or launching names ("inked", "launch")."""
    for measure, words in verbs.items():
        lowered = {w.lower() for w in words}
        if token.lower_ in lowered or token.lemma_.lower() in lowered:
            return measure
    return None


def _money_measure(sentence: str, amount: Amount) -> str | None:
    """``fund_size`` or ``investment_value`` for a money amount, by its neighbours."""
    money = _rules()["money"]
    after, before = sentence[amount.end:], sentence[:amount.start]
    if re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{_words(money['fund_after'])}", after, re.IGNORECASE):
        return "fund_size"
    if re.search(rf"{_words(money['budget'])}\s*$", before, re.IGNORECASE):
        return "fund_size"
    verbs = rf"{_words(money['fund_nouns'])}\b.*?{_words(money['fund_verbs'])}\s+(?:(?:a|an|the)\s+)?" \
            rf"(?:(?:total|sum|maximum)\s+of\s+)?$"
    if re.search(verbs, before, re.IGNORECASE):
        return "fund_size"
    paying = rf"\b(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?:[\w-]+\s+){{0,4}}?{_words(money['programme_nouns'])}\s+" \
             rf"(?:will\s+|would\s+|shall\s+|is\s+to\s+)?(?:also\s+)?{_words(money['fund_verbs'])}\b[^.;:]*?\bwith\s+$"
    if re.search(paying, before, re.IGNORECASE):
        return "fund_size"
    fund_then = rf"{_words(money['fund_nouns'])},?\s+(?:[\w-]+\s+){{0,3}}?{_words(money['fund_links'])}\s*$"
    if re.search(fund_then, before, re.IGNORECASE):
        return "fund_size"
    # what a fund was set up with: "The fund was set up in 2026 with RMB 300 million"
    founded = rf"{_words(money['fund_nouns'])}\s+(?:was|is|has\s+been|had\s+been)\s+(?:{_words(money['founding'])})" \
              rf"(?:\s+[\w,-]+){{0,5}}?\s+with\s+(?:(?:a|an|the)\s+)?(?:(?:total|sum|capital|initial)\s+(?:of\s+)?)?$"
    if re.search(founded, before, re.IGNORECASE):
        return "fund_size"
    near = before[-40:] + " " + after[:30]
    if re.search(_words(money["investment"]), near, re.IGNORECASE):
        return "investment_value"
    return None


def _readings(sentence: str, dollar: str, parsed=None, offset: int = 0,
              reported: dict[str, str] | None = None) -> list[_Reading]:
    """The amounts of ``sentence`` that are measures, with their measure (``parsed``: the
    sentence's parse, whose offsets start at ``offset``).

    ``reported`` maps the counted things of the sentence before ("projects", an MOU
    measure) to the measure it read them as: a running total with no verb of its own
    ("The tally since the initiative began stands at 31 projects and 17 MOUs") counts
    them as that sentence did.
    """
    rules = _rules()
    total = bool(reported) and _running_total(sentence)
    readings: list[_Reading] = []
    previous: _Reading | None = None
    count: tuple[Amount, _Reading | None] | None = None  # the last count and what it was read as
    for amount in find_amounts(sentence, dollar=dollar):
        reading = None
        restates = previous is not None and re.fullmatch(
            r"\s*\(\s*", sentence[previous.amount.end:amount.start]) is not None
        if restates and amount.unit not in _NOT_MONEY and previous.amount.unit not in _NOT_MONEY:
            reading = _Reading(amount, previous.measure, amount.end, restates=True)
        elif _distributive(sentence, amount):
            reading = None
        elif amount.unit not in _NOT_MONEY and count is not None and count[1] is None \
                and _values_count(sentence, count[0], amount):
            reading = None  # "with 18 projects worth RMB83 billion": a share, not the total
        elif not amount.unit and _refers_back(sentence, amount):
            reading = None
        elif not amount.unit and re.search(rf"{_words(rules['applicants'])}\s+$", sentence[:amount.start], re.IGNORECASE):
            reading = None  # "applications from 150 exporters": who asked, not who took part
        elif not amount.unit and readings and re.match(r"\s+of\s+(?:which|them|these|those)\b",
                                                        sentence[amount.end:], re.IGNORECASE) \
                and not _counted_noun(sentence, amount, cued=False):
            # "420 enterprises, 95 of which are foreign": the same measure, the same subject
            # (but "600 firms, 48 of them Fortune Global 500 firms" counts the noun it names)
            # (of the counts before, not one of where they come from: "800 exhibitors from 30
            # countries and regions, 120 of them from Singapore" are exhibitors)
            whole = [r for r in readings if not re.search(r"\bfrom\s+$", sentence[:r.amount.start])] or readings
            reading = _Reading(amount, whole[-1].measure, amount.end, restates=True)
        elif not amount.unit and is_group_size(amount):
            # "a 60-member delegation": its size; "a 2,000-strong crowd": none
            modifiers = rf"(?:(?!(?:{_STOP})\b)[A-Za-z][\w'’-]*\s+){{0,{_MAX_MODIFIERS}}}?"
            head = re.match(rf"\s+{modifiers}{_words(rules['delegation_heads'])}", sentence[amount.end:], re.IGNORECASE)
            if head:
                reading = _Reading(amount, "delegates", amount.end + head.end())
        elif amount.unit == "sqm":
            if _has_area_cue(sentence):
                reading = _Reading(amount, "exhibition_area", amount.end)
        elif amount.unit:
            measure = _money_measure(sentence, amount)
            valued = count is not None and count[1] is not None and _values_count(sentence, count[0], amount)
            if measure:
                # "Sixteen projects, together worth US$2.3 billion": the value is of what the count is of
                reading = _Reading(amount, measure, amount.end,
                                   values=readings.index(count[1]) if valued else None)
        elif re.search(rf"{_words(rules['network']['before'])}\s*$", sentence[:amount.start], re.IGNORECASE):
            reading = _Reading(amount, "network_size", amount.end)
        else:
            counted = _counted_noun(sentence, amount) or (
                _counted_noun(sentence, amount, cued=False) if total else None)
            if counted:
                measure, head_end = counted
                if measure == "projects":
                    measure = _project_verb(sentence, amount, head_end, parsed, offset) or (
                        reported.get("projects") if total else None)
                elif total and not _counted_noun(sentence, amount):
                    measure = reported.get(measure)
                if measure:
                    reading = _Reading(amount, measure, head_end)
            elif readings:
                reading = _brought_total(sentence, amount, readings[-1])
            else:
                reading = _labelled(sentence, amount, parsed, offset)
        if not amount.unit:
            count = (amount, reading)
        if reading:
            readings.append(reading)
        previous = reading
    return readings


#: A label and its value: "MOUs signed: 15", "| Agreements signed | 88 |", "Exhibitors - 1,200".
_LABEL = re.compile(r"^[\s|*\u2022-]*(?P<label>[A-Za-z][^:|\n]{0,60}?)\s*(?::|\||\s[-\u2013]\s)\s*$")


#: The counted things named before the number, as a clause's subject: "the number of
#: exhibitors rose to 650", "Signed agreements totalled 88", "Exhibitors this year number 650".
_COUNTED_BEFORE = re.compile(
    r"(?P<label>\b(?:[Tt]he\s+)?(?:(?:total\s+)?number|total|count|tally)\s+of\s+[\w\s'’-]{1,50}?"
    r"|(?:^|(?<=[,;:]\s))[\w'’-]+(?:\s+[\w'’-]+){0,3}?)"
    r",?\s+(?:(?:this|last|that)\s+year\s+)?(?:reached|hit|stood\s+at|stands\s+at|rose\s+to|grew\s+to|increased\s+to|"
    r"climbed\s+to|totall?ed|totals|totall?ing|numbered|numbering|number|came\s+to|exceeded|topped|amounted\s+to|was|were)\s+$")


def _labelled(sentence: str, amount: Amount, parsed=None, offset: int = 0) -> _Reading | None:
    """The measure a fact sheet's label gives the count after it ("MOUs signed: 15",
    "| Number of participating companies | about 1,200 |"), or ``None``.

    Examples:
        >>> text = "MOUs signed: 15"
        >>> _labelled(text, find_amounts(text)[0]).measure
        'mous_signed'
        >>> text = "| Projects launched | 12 |"
        >>> _labelled(text, find_amounts(text)[0]).measure
        'projects_launched'
        >>> _labelled("Visitors: 80,000", find_amounts("Visitors: 80,000")[0]) is None
        True
        >>> text = "This year the number of exhibitors rose to 650."
        >>> _labelled(text, find_amounts(text)[0]).measure
        'companies_participating'
        >>> text = "The Penang delegation numbered some 90, including officials."
        >>> _labelled(text, find_amounts(text)[0]).measure
        'delegates'

    """
    sheet = _LABEL.match(sentence[:amount.start])
    match = sheet or _COUNTED_BEFORE.search(sentence, max(0, amount.start - 120), amount.start)  # a few words before
    if match is None:
        return None
    label = match.group("label")
    span = match.span("label") if sheet else None
    for count in _rules()["counts"]:
        head = re.search(_words(count["heads"]), label, re.IGNORECASE)
        if head is None or not _has_cue(label + " " + sentence, count.get("cues")):
            continue
        measure = count["measure"]
        if measure == "projects":
            measure = _project_verb(label, Amount(head.start(), head.start(), amount.value, "", "", ""), head.end())
        elif _mixed_batch(measure, label[head.start():], re.match(r".*", label[head.start():head.end()])):
            measure = _rules()["mixed_batch"]
        return _Reading(amount, measure, amount.end, label=span) if measure else None
    if re.search(_words(_rules()["delegation_heads"]), label, re.IGNORECASE):
        return _Reading(amount, "delegates", amount.end)  # "The Guangdong delegation numbered about 160"
    return None


def _brought_total(sentence: str, amount: Amount, last: _Reading) -> _Reading | None:
    """The running total a count brings its measure to ("Nine MOUs were signed, bringing the
    total under the initiative to 45"): the measure of the count before it, or ``None``.

    Examples:
        >>> text = "Nine MOUs were signed, bringing the total number of MOUs under the GCI to 45."
        >>> first, total = find_amounts(text)
        >>> _brought_total(text, total, _Reading(first, "mous_signed", 9)).measure
        'mous_signed'
    """
    before = sentence[last.head_end:amount.start]
    raised = r"\b(?:bringing|brings|brought|taking|takes|raising|raises|pushing)\s+(?:the|its|their)\s+" \
             r"(?:[\w'’]+\s+)?(?:total|tally|count|number)\b[^.;]{0,80}?\bto\s+$"
    return _Reading(amount, last.measure, amount.end, total=True) if re.search(raised, before, re.IGNORECASE) \
        else None


def _distributive(sentence: str, amount: Amount) -> bool:
    """Whether an amount is a value per item ("each worth RMB1 billion", "S$2 million apiece")."""
    words = _words(_rules()["distributive"])
    before = sentence[max(0, amount.start - 30):amount.start]
    return re.search(rf"{words}\s+(?:[\w-]+\s+)?$", before, re.IGNORECASE) is not None \
        or re.match(rf"\s*{words}", sentence[amount.end:], re.IGNORECASE) is not None


def _values_count(sentence: str, count: Amount, money: Amount) -> bool:
    """Whether a money amount is the value of the things a count just before counts."""
    between = sentence[count.end:money.start]
    if re.search(r"[;.]", between) or len(between.split()) > 8:
        return False
    return re.search(_words(_rules()["money"]["value_links"]), between, re.IGNORECASE) is not None


def _refers_back(sentence: str, amount: Amount) -> bool:
    """Whether a count refers back to things counted before ("the two countries")."""
    if amount.qualifier:
        return False
    before = sentence[:amount.start]
    return re.search(rf"{_words(_rules()['references'])}\s+$", before, re.IGNORECASE) is not None


def _has_area_cue(sentence: str) -> bool:
    """Whether the sentence is about showing something (a pavilion, an exhibition)."""
    return re.search(_words(_rules()["area"]["cues"], stems=True), sentence, re.IGNORECASE) is not None


def _framed(sentence: Sentence, mention: EntityMention, frame: str) -> bool:
    """Whether ``mention`` stands right after a word of ``frame`` ("at the", "under")."""
    before = sentence.text[:mention.start - sentence.start]
    words = _words(_rules()["frames"][frame])
    return re.search(rf"{words}\s+(?:(?:the|this|that|its|their|last|next)\s+)?$", before, re.IGNORECASE) is not None


def _subject(reader: Reader, sentence: Sentence, mentions: list[EntityMention],
             reading: _Reading) -> tuple[EntityMention | None, int]:
    """The mention the figure is about (see the module docstring), or ``None``, and how
    surely: 3 a frame names it ("signed at X"), 2 the clause's subject, 1 the nearest name."""
    allowed = _rules()["subjects"][reading.measure]
    if reading.total:  # a programme's running total, never an occasion's
        allowed = [kind for kind in ("Initiative", "Project") if kind in allowed]
    noun = _counted_token(reader, sentence, reading)
    candidates = [m for m in outermost(mentions) if m.type in allowed]
    position = sentence.start + reading.amount.start
    if reading.measure in ("companies_participating", "delegates", "enterprises_attending",
                           "countries_and_regions", "fortune_global_500_firms"):
        frames = ("participation",)
    elif reading.measure in ("mous_signed", "agreements_signed", "projects_signed",
                             "projects_launched", "investment_value"):
        frames = ("occasion", "programme")
    else:
        frames = ()
    where = _where_clause_place(reader, sentence, noun, allowed) if noun is not None else None
    if where is not None:
        return where, 3
    if "participation" in frames:
        brought = [m for m in candidates if _brought_to(sentence, reading, m)]
        if brought:
            return brought[0], 3
    for frame in frames:
        framed = [m for m in candidates if _framed(sentence, m, frame)
                  and (frame != "occasion" or m.type == "Event")]
        if framed:
            return min(framed, key=lambda m: abs(m.start - position)), 3
    head = _item_head(reader.analysis, sentence, candidates)
    if head is not None:
        return head, 2
    if noun is not None:
        found = _clause_subject(reader, sentence, noun, allowed)
        if found is not None:
            return found, 2
    if _running_total(sentence.text) and "Initiative" in allowed:
        allowed = ["Initiative", *(kind for kind in allowed if kind != "Initiative")]
    for kind in allowed:
        of_kind = [m for m in candidates if m.type == kind]
        before = [m for m in of_kind if m.end <= position]
        if before:
            return before[-1], 1
        if of_kind:
            return of_kind[0], 1
    return None, 0


def _brought_to(sentence: Sentence, reading: _Reading, mention: EntityMention) -> bool:
    """Whether ``mention`` is where the counted people or companies were taken: "to" right
    after the counted noun ("brought 52 companies to the Singapore Pavilion", "led a mission
    of 40 firms to the fair").

    Examples:
        >>> text = "Singapore brought 52 companies to the Harbour Pavilion."
        >>> [amount] = find_amounts(text)
        >>> reading = _Reading(amount, "companies_participating", text.index(" to"))
        >>> pavilion = EntityMention(34, 54, "the Harbour Pavilion", "Project/harbour pavilion", "Project")
        >>> _brought_to(Sentence(0, len(text), text), reading, pavilion)
        True
    """
    between = sentence.text[reading.head_end:mention.start - sentence.start]
    return re.fullmatch(r"\s+to\s+(?:the\s+|this\s+year's\s+)?", between, re.IGNORECASE) is not None


#: What opens an item of a list: a bullet, or a letter or number in brackets ("(a)", "2)");
#: not "2.", which numbers a release's paragraphs.
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u2013\u00b7]|\(?(?:\d{1,2}|[a-z])\))[ \t]+")


def _item_head(analysis: Analysis, sentence: Sentence, candidates: list[EntityMention]) -> EntityMention | None:
    """The name an item of a list opens with, which the item is about ("- the Harbour Data
    Corridor, run by two agencies under the Harbour Initiative, which counted 41 member
    companies": the corridor's count, not the initiative's), or ``None``.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("Two channels now run:\\n\\n- the [Harbour Corridor|Project], run "
        ...     "under the [Harbour Initiative|Initiative], which counted 41 member companies;")
        >>> [(f.subject, f.measure) for f in find_figures(a)]
        [('Project/harbour corridor', 'companies_participating')]
    """
    text = analysis.document.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    bullet = _BULLET.match(text, line_start, sentence.end)
    if bullet is None or bullet.end() < sentence.start:
        return None  # no item, or a sentence after the item's first
    opening = [m for m in candidates if re.fullmatch(r"(?:the\s+)?", text[bullet.end():m.start], re.IGNORECASE)]
    return opening[0] if opening else None


def _where_clause_place(reader: Reader, sentence: Sentence, noun, allowed) -> EntityMention | None:
    """The name a "where" clause counting the things hangs from ("the Malaysia Pavilion, where
    30 companies are showing their products at the fair": the pavilion, not the fair)."""
    verb, _ = reader.clause_of(noun)
    if verb is None or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    held = reader.mention(sentence, verb.head)
    return held if held is not None and held.type in allowed else None


def _counted_token(reader: Reader, sentence: Sentence, reading: _Reading):
    """The token of the counted noun ("MoUs" in "15 MoUs"), or of the amount for money."""
    parsed = reader.parsed(sentence)
    return parsed.token_at(sentence.start + max(reading.amount.start, reading.head_end - 1))


def _modifying(reader: Reader, sentence: Sentence, noun) -> set[tuple[int, int]]:
    """Spans of the mentions that only say what the counted things are about ("Six MOUs
    supporting the GPI", "projects for the Harbour Fund"): no subject of their count."""
    parsed = reader.parsed(sentence)
    inside: set[int] = set()
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _rules()["about_verbs"]:
            inside |= {t.i for c in child.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
        if child.dep_ == "prep" and child.lower_ in _rules()["about_prepositions"]:
            inside |= {t.i for t in child.subtree}
    spans = set()
    for m in reader.analysis.mentions_in(sentence):
        tokens = parsed.span(m.start, m.end)
        if tokens is not None and any(t.i in inside for t in tokens):
            spans.add((m.start, m.end))
    return spans


def _clause_subject(reader: Reader, sentence: Sentence, noun, allowed) -> EntityMention | None:
    """What the sentence says the counted things belong to: a name their phrase hangs from
    ("a network of 10,000 firms" of an incubator, "the 2018 event with 40 companies"), the
    meeting a "when X met" clause names, or the subject of the clause counting them ("The
    pilot will connect 120 firms", "Its halls host 420 firms": what "its" stands for) when
    that is no organisation (an organisation launching projects is not what they count)."""
    found: str | None = None
    node, via = noun, None
    while node.head.i != node.i and found is None:
        if node.i != noun.i and node.pos_ in ("VERB", "AUX"):
            break
        held = reader.mention(sentence, node) if node.i != noun.i and via != "conj" else None
        if held is not None and held.type in allowed:
            found = held.entity
        via, node = node.dep_, node.head
    verb, via = reader.clause_of(noun)
    if found is None and verb is not None:
        found = reader.meeting_when(sentence, verb)
        if found is None and via not in ("nsubj", "nsubjpass"):
            subjects = reader.subjects(verb)
            owner = reader.resolve(sentence, subjects[0]) if subjects else None
            if owner is not None and owner.entity.split("/")[0] != "Organization":
                found = owner.entity
    if found is None or found.split("/")[0] not in allowed:
        return None
    position = reader.parsed(sentence).offset(noun)
    return EntityMention(position, position, "", found, found.split("/")[0])


def _running_total(sentence: str) -> bool:
    """Whether a sentence counts since a programme began ("to date", "since 2015")."""
    return re.search(_words(_rules()["running_total"]), sentence, re.IGNORECASE) is not None


#: Types that can be what a figure is about; a sentence naming none of them continues
#: the sentence before it ("The expo opened ... . More than 500 firms took part.").
_SUBJECT_TYPES = ("Event", "Initiative", "Project", "Organization")


#: Counts of who took part: the bodies named beside them (a delegation's agencies, a
#: pilot's operators) are no subject of theirs.
_PARTICIPATION = ("companies_participating", "delegates", "enterprises_attending", "countries_and_regions",
                  "fortune_global_500_firms")


def _counted_by_a_body(reader: Reader, sentence: Sentence, noun) -> bool:
    """Whether the clause counting the things has a body as its subject ("The Data Space
    connects 140 factories"): the count is that body's, no other's, even where the body can
    be no subject of its measure.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Harbour Fair 2026|Event] opened on Monday. The [Harbour Data "
        ...     "Exchange|Organization] already connects 140 factories.", date="2026-05-04")
        >>> find_figures(a)
        []
    """
    if noun is None:
        return False
    verb, via = reader.clause_of(noun)
    if verb is None or via in ("nsubj", "nsubjpass"):
        return False
    subjects = reader.subjects(verb)
    owner = reader.resolve(sentence, subjects[0]) if subjects else None
    return owner is not None and owner.entity.split("/")[0] == "Organization"


def _part_of_the_unnamed(sentence: str) -> bool:
    """Whether the sentence says what was taken part in by a common noun ("six companies
    taking part in its first phase", "joined the pilot"): a count of something unnamed, not
    of the event the document is about.

    Examples:
        >>> _part_of_the_unnamed("Two agencies will run the pilot, with six firms taking part in its first phase.")
        True
        >>> _part_of_the_unnamed("More than 500 firms took part."), _part_of_the_unnamed("Some 60 guests attended.")
        (False, False)
        >>> _part_of_the_unnamed("Some 600 firms exhibited at the Harbour Expo Centre.")
        False
        >>> _part_of_the_unnamed("The two firms will invest RMB 90 million in the platform over three years.")
        True
    """
    frames = _words([*_rules()["frames"]["participation"], "signed up for", "enrolled in"])
    invested = r"\binvest\w*\b[^.;]{0,60}?\bin"  # "plan to invest RMB 120 million in the platform"
    return re.search(rf"(?:(?i:{frames})|{invested})\s+(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|an?)\s+[a-z]",
                     sentence) is not None


def _speakers_own(sentence: str) -> bool:
    """Whether a speaker tells of what they see or do ("I am pleased to witness the signing
    of two agreements this morning"): agreements between companies at the speaker's side,
    not what the occasion the document reports concluded.

    Examples:
        >>> _speakers_own("Later today, I will witness the signing of four agreements.")
        True
        >>> _speakers_own("Both sides signed four agreements."), _speakers_own("In 2019 I said so.")
        (False, True)
    """
    return re.search(r"\b(?:I|I'm|I’m|I'll|I’ll)\b", sentence) is not None


def _names_a_subject(mentions: list[EntityMention], allowed: Iterable[str] = _SUBJECT_TYPES) -> bool:
    """Whether any mention could be what a number of a measure about ``allowed`` types is
    about: the agencies a delegation "comprised" are no subject of its size, so a sentence
    naming only them continues the sentence before it as one naming nothing does."""
    kinds = set(allowed)
    return any(m.type in kinds for m in mentions)


def _carried_mentions(analysis: Analysis, previous: Sentence | None, sentence: Sentence,
                      memo: dict | None = None) -> list[EntityMention]:
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
    lead = _lead_in(analysis, sentence, memo)
    if lead is not None:
        return [EntityMention(sentence.start, sentence.start, m.text, m.entity, m.type)
                for m in analysis.mentions_in(lead) if m.type in ("Event", "Initiative", "Project")]
    if previous is None or "\n\n" in analysis.document.text[previous.end:sentence.start]:
        return []
    return [EntityMention(sentence.start, sentence.start, m.text, m.entity, m.type)
            for m in analysis.mentions_in(previous) if m.type in ("Event", "Initiative")]


#: A line of a list or a table: a bullet, a row between bars, or "Label: value".
_ITEM_LINE = re.compile(r"[ \t]*(?:[-*\u2022\u2013\u00b7]\s|\(?[a-z\d]{1,2}\)\s|\||[A-Z][^:\n]{0,60}:[ \t]+[^\n]{0,25}?\d)")


def _lead_in(analysis: Analysis, sentence: Sentence, memo: dict[int, tuple[int, int] | None] | None = None
             ) -> Sentence | None:
    """The line a list or a table hangs from, when the sentence is one of its lines and names
    nothing itself ("Harbour Expo 2025: key facts" above "- MOUs signed: 15").

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Harbour Expo 2025|Event]: key facts\\n\\n- Exhibitors: 1,200 companies\\n"
        ...                          "- MOUs signed: 15")
        >>> [(f.subject, f.measure, f.value) for f in find_figures(a)]
        [('Event/harbour expo 2025', 'companies_participating', Decimal('1200')), ('Event/harbour expo 2025', 'mous_signed', Decimal('15'))]

    ``memo`` keeps, by the start of each line walked, the span of the line its list hangs
    from: the lines of a long list are walked once, not once per line.
    """
    text = analysis.document.text
    memo = {} if memo is None else memo
    start = text.rfind("\n", 0, sentence.start) + 1
    if sentence.start - start > 8 or not _ITEM_LINE.match(text, start):
        return None
    walked, found = [], None
    while start > 0:  # up the list's lines (and the blank line before it) to the line it hangs from
        if start in memo:
            found = memo[start]
            break
        walked.append(start)
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above:start - 1]
        if line.strip() and not _ITEM_LINE.match(line) and not re.fullmatch(r"[\s|:-]+", line):
            found = (above + len(line) - len(line.lstrip()), start - 1)
            break
        start = above
    for line_start in walked:
        memo[line_start] = found
    return analysis.sentence_holding(*found) if found is not None else None


def focus_event(analysis: Analysis, event_times: Iterable[EventTime] | None = None) -> str | None:
    """The one event a document is about: the event held on the document's day, else the one it tells of.

    A release dated the day of a meeting ("co-chaired the 6th Council meeting, held in
    Oslo today") reports what was done there; its sentences that name no subject
    ("Both sides also launched 10 projects.") are about that meeting. The focus is the
    event whose dates cover the document's date; when several do (an expo and its
    opening ceremony), the one named most often, if strictly most; else none.

    ``event_times`` are the document's event times when the caller has them
    (:func:`~sgcn.loaders.extract.events.find_event_times` runs otherwise, and with it the
    relation and role rules once more).

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
        return _told_of(analysis)
    dated = {t.event for t in (find_event_times(analysis) if event_times is None else event_times)
             if len(t.start) == 10 and t.start <= day <= (t.end or t.start)}
    if not dated:
        return _told_of(analysis)
    if len(dated) == 1:
        return next(iter(dated))
    ranked = Counter(m.entity for m in analysis.mentions if m.entity in dated).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _told_of(analysis: Analysis) -> str | None:
    """The event a story tells of when none is held on its day: the edition or meeting named
    most often (strictly, and three times at least: "the expo", "the event", "SCE 2025" ...).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> _told_of(analysis_from_markup("The [Fish Fair 2019|Event] closed. The [Fish Fair 2019|Event] drew "
        ...          "crowds to the [Fish Forum|Event]. The [Fish Fair 2019|Event] ended.", date="2023-12-08"))
        'Event/fish fair 2019'
    """
    counts = Counter(m.entity for m in analysis.mentions if m.type == "Event").most_common(2)
    if not counts or counts[0][1] < 3 or len(counts) > 1 and counts[1][1] == counts[0][1]:
        return None
    return counts[0][0]


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


def find_figures(analysis: Analysis, event_times: Iterable[EventTime] | None = None) -> list[Figure]:
    """The figures ``analysis``'s document reports, in text order.

    Args:
        analysis: the document with its sentences and resolved mentions.
        event_times: the document's event times, when the caller has them (the focus
            event of :func:`focus_event` is read from them; found again otherwise).

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
    reader = Reader(analysis, ("Event", "Initiative", "Project", "Organization"))
    found: list[tuple[Figure, int]] = []
    seen: set[Figure] = set()  # the figures of found, as a set: a scan of the list was quadratic
    reported: dict[str, str] = {}
    previous: Sentence | None = None
    focus: list[str | None] = []  # the focus event, found once when first needed
    lists: dict[int, tuple[int, int] | None] = {}  # the line each list line hangs from (_lead_in)
    for sentence in analysis.sentences:
        paragraph = previous is not None and "\n\n" not in document.text[previous.end:sentence.start]
        readings = _readings(sentence.text, dollar, reader.parsed(sentence), sentence.start,
                             reported if paragraph else None)
        reported = {("projects" if r.measure.startswith("projects_") else r.measure): r.measure
                    for r in readings}
        before, previous = previous, sentence
        if not readings:
            continue
        carried = _carried_mentions(analysis, before, sentence, lists)
        evidence = Evidence(source=document.source, start=sentence.start, end=sentence.end,
                            quote=sentence.text)
        chosen: dict[int, tuple[EntityMention, int]] = {}
        for index, reading in enumerate(readings):
            noun = _counted_token(reader, sentence, reading)
            modifying = _modifying(reader, sentence, noun) if noun is not None else set()
            mentions = [m for m in analysis.mentions_in(sentence) if (m.start, m.end) not in modifying]
            owner = _label_owner(sentence, reading, mentions)
            if owner is not None:
                if owner.type not in _rules()["subjects"][reading.measure]:
                    continue  # "Firms served by the X Centre: 80": the centre's, which this measure cannot be of
                subject, sure = owner, 3
            elif reading.restates and index - 1 in chosen:
                subject, sure = chosen[index - 1]
            elif reading.values is not None:
                if reading.values not in chosen:
                    continue  # the value of things whose count is of nothing named
                subject, sure = chosen[reading.values]
            else:
                subject, sure = _subject(reader, sentence, mentions, reading)
            named = _names_a_subject(mentions) if reading.measure not in _PARTICIPATION \
                else _names_a_subject(mentions, _rules()["subjects"][reading.measure]) \
                or _counted_by_a_body(reader, sentence, noun)
            if subject is None and not named:
                subject, sure = _subject(reader, sentence, carried, reading)
                sure = min(sure, 1)
                if subject is None and not carried and "Event" in _rules()["subjects"][reading.measure] \
                        and _about_the_focus(sentence.text) and not _part_of_the_unnamed(sentence.text) \
                        and not _speakers_own(sentence.text):
                    if not focus:
                        focus.append(focus_event(analysis, event_times))
                    if focus[0] is not None:
                        subject, sure = EntityMention(sentence.start, sentence.start, "", focus[0], "Event"), 1
            if subject is not None and noun is not None:
                verb, _ = reader.clause_of(noun)
                timed = reader.timed(subject.entity, verb, strict=True) if verb is not None else subject.entity
                if timed is None:
                    subject = None  # "This time, ... at the expo": an edition the text never names
                elif timed != subject.entity:
                    subject = EntityMention(subject.start, subject.end, subject.text, timed, subject.type)
                elif _about_the_focus(sentence.text):
                    subject = _own_edition(reader, subject)
            if subject is not None and sure < 2 and reading.measure == "fund_size" \
                    and _unnamed_fund(sentence.text, reading.amount) \
                    and not _words_fund(analysis.entities[subject.entity].label):
                subject = None  # "A digital fund worth 500 million yuan was launched at the X": not X's size
            if subject is not None and reading.measure == "exhibition_area" \
                    and _unnamed_area(sentence, reading.amount, mentions):
                subject = None  # "visitors to a 5,000-square-metre zone at the expo": the zone's, not the expo's
            if subject is None:
                log.debug("no subject for %r in %r", reading.amount.text, sentence.text[:60])
                continue
            if _headline(sentence.text):
                sure = min(sure, 1)  # a headline restates its lead, and parses poorly
            subject = _beyond_occasion(analysis, subject)
            chosen[index] = (subject, sure)
            amount = reading.amount
            figure = Figure(
                subject=subject.entity,
                measure=_measure_for(reading.measure, subject),
                value=amount.value,
                unit=amount.unit,
                qualifier=amount.qualifier,
                as_of=_as_of(document.date, sentence.text, reading),
                evidence=evidence,
            )
            if figure not in seen:
                seen.add(figure)
                found.append((figure, sure))
    return _surest(found)


def _label_owner(sentence: Sentence, reading: _Reading, mentions: list[EntityMention]) -> EntityMention | None:
    """The name a fact sheet's label of a count of who takes part holds ("Firms served by the
    Harbour Data Centre: 80", "Members of the Harbour Alliance: 40"): the count is of that name,
    not of what the sheet hangs from; ``None`` when the label names nothing (or counts signings:
    "Agreements signed by the two agencies: 5" are the occasion's).

    Examples:
        >>> text = "Firms served by the Harbour Data Centre: 80"
        >>> centre = EntityMention(16, 39, "the Harbour Data Centre", "Organization/hdc", "Organization")
        >>> reading = _labelled(text, find_amounts(text)[0])
        >>> _label_owner(Sentence(0, len(text), text), reading, [centre]).entity
        'Organization/hdc'
    """
    if reading.label is None or reading.measure not in (*_PARTICIPATION, "network_size"):
        return None
    start, end = (sentence.start + offset for offset in reading.label)
    inside = [m for m in outermost(mentions) if start <= m.start and m.end <= end and m.type in _SUBJECT_TYPES]
    return inside[-1] if inside else None


def _own_edition(reader: Reader, subject: EntityMention) -> EntityMention:
    """The edition of the document's year a series stands for, when the document names it:
    on the page of the "Harbour Forum 2026", what "the forum" will hold is that edition's
    (a sentence of another time keeps the series: the caller asks).
    """
    year = reader.analysis.document.date[:4]
    if subject.type != "Event" or not year.isdigit():
        return subject
    edition = reader.occurrence(subject.entity, year)
    if edition is None or edition == subject.entity:
        return subject
    return EntityMention(subject.start, subject.end, subject.text, edition, "Event")


def _measure_for(measure: str, subject: EntityMention) -> str:
    """The measure a count is of its subject: enterprises an event draws attend it
    (``enterprises_attending``); those a pavilion, a park or a programme gathers take part
    in it (``companies_participating``).

    Examples:
        >>> pavilion = EntityMention(0, 3, "P", "Project/p", "Project")
        >>> _measure_for("enterprises_attending", pavilion), _measure_for("delegates", pavilion)
        ('companies_participating', 'delegates')
    """
    if measure == "enterprises_attending" and subject.type != "Event":
        return "companies_participating"
    return measure


def _beyond_occasion(analysis: Analysis, subject: EntityMention) -> EntityMention:
    """The event an occasion named by its kind belongs to: what was signed "at the opening
    ceremony" of the 2027 expo counts for the expo (the ceremony has no name of its own).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("At the [opening ceremony of the Harbour Fair 2027|Event], 12 deals "
        ...     "were signed. The [Harbour Fair 2027|Event] runs to Friday.")
        >>> [(f.subject, f.measure) for f in find_figures(a)]
        [('Event/harbour fair 2027', 'agreements_signed')]
    """
    entity = analysis.entities.get(subject.entity)
    if entity is None or subject.type != "Event":
        return subject
    kind = next((k for k in lexicon.occasions() if entity.label.startswith(k + " of ")), None)
    if kind is None:
        return subject
    whole = entity.label[len(kind) + 4:]
    whole = whole[4:] if whole.startswith("the ") else whole
    owner = next((e for e in analysis.entities.values() if e.type == "Event" and e.key != entity.key
                  and whole in (e.label, *e.aliases)), None)
    return EntityMention(subject.start, subject.end, subject.text, owner.key, "Event") if owner else subject


def _unnamed_fund(sentence: str, amount: Amount) -> bool:
    """Whether the amount is the size of a fund the sentence describes without naming it.

    Examples:
        >>> text = "A Singapore-Guangzhou digital fund worth 500 million yuan was launched."
        >>> [a] = find_amounts(text)
        >>> _unnamed_fund(text, a)
        True
        >>> text = "The Harbour Fund, worth 500 million yuan, was launched."
        >>> [a] = find_amounts(text)
        >>> _unnamed_fund(text, a)
        False
    """
    money = _rules()["money"]
    nouns, links = _words(money["fund_nouns"]), _words(money["fund_links"])
    before, after = sentence[:amount.start], sentence[amount.end:]
    described = re.search(rf"\b(?:[Aa]n?|[Nn]ew)\s+(?:[a-z][\w-]*\s+|[A-Z][\w]*-[A-Z][\w]*\s+){{0,4}}?{nouns}\s+"
                          rf"{links}\s*$", before)
    counted = re.search(r"\b[Aa]n?\s+$", before) and re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{nouns}\b", after)
    return bool(described or counted)


def _unnamed_area(sentence: Sentence, amount: Amount, mentions: list[EntityMention]) -> bool:
    """Whether an area describes a thing the sentence does not name ("a 5,000-square-metre
    zone"): written before its noun after "a", with no name right after it, and not in
    apposition to a name ("the Harbour Pavilion, a 900 sqm space" is the pavilion's).

    Examples:
        >>> text = "Visitors to a 5,000-square-metre drone zone watched flights at the expo."
        >>> [a] = find_amounts(text)
        >>> _unnamed_area(Sentence(0, len(text), text), a, [])
        True
        >>> text = "Malaysia opened a 900 sqm Malaysia Pavilion."
        >>> [a] = find_amounts(text)
        >>> _unnamed_area(Sentence(0, len(text), text), a, [EntityMention(26, 43, "Malaysia Pavilion", "Project/p", "Project")])
        False
    """
    before = sentence.text[:amount.start]
    if not re.search(r"\b[Aa]n?\s+$", before) or re.search(r",\s+an?\s+$", before):
        return False
    after = sentence.start + amount.end + len(sentence.text[amount.end:]) - len(sentence.text[amount.end:].lstrip())
    return not any(m.start == after for m in mentions)


def _words_fund(label: str) -> bool:
    """Whether an entity's name says it is a fund ("Green Innovation Fund")."""
    return re.search(_words(_rules()["money"]["fund_nouns"]), label, re.IGNORECASE) is not None


def _headline(text: str) -> bool:
    """Whether a line is written in title case, as headlines are ("Expo Opens as 70 Key
    Projects Are Signed").

    Examples:
        >>> _headline("Expo Opens in Penang as 70 Key Projects Are Signed"), _headline("70 projects were signed.")
        (True, False)
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with"})


def _surest(found: list[tuple[Figure, int]]) -> list[Figure]:
    """The figures, a number a document repeats kept only with its surest subjects.

    A headline's "Expo opens as 70 projects are signed" and the lead's "70 projects were
    signed at the Expo's signing ceremony" are one number: it belongs where a frame puts
    it, not to the name nearest it.
    """
    best: dict[tuple, int] = {}
    for figure, sure in found:
        key = (figure.measure, figure.value, figure.unit)
        best[key] = max(best.get(key, 0), sure)
    return [f for f, sure in found if sure >= best[(f.measure, f.value, f.unit)] or sure >= 2]
