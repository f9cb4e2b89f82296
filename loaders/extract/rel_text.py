"""A sentence seen with its mentions as slots: the shared ground of the relation rules.

Relation, role and event-time rules ask questions like "which persons stand in the
coordination right after *co-chaired by*?". To ask them with plain regular expressions,
each resolved mention of a sentence is replaced by a slot ``⟦i⟧`` (``i`` its index in
:attr:`Slotted.mentions`): ``"⟦0⟧ and ⟦1⟧ inked ⟦2⟧"``. Triggers are matched on that
skeleton, and the entities they bind are read back from the slots, filtered by type.

Coordinations distribute: :func:`chain_right` and :func:`chain_left` walk from a
trigger to the nearest mention of an allowed type, then along the list it stands in
("A, B and C", "MTI Deputy Secretary Luke Goh and Chongqing Vice Mayor Li Bo").

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("[Singapore|Place] and [Chongqing|Place] inked [a deal|Agreement].")
    >>> sl = slot(a, a.sentences[0])
    >>> sl.text
    '⟦0⟧ and ⟦1⟧ inked ⟦2⟧.'
    >>> [sl.mentions[i].text for i in chain_left(sl, sl.text.index(" inked"), {"Place"})]
    ['Singapore', 'Chongqing']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sgcn.loaders.extract import lexicon
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence

SLOT = r"⟦\d+⟧"
_SLOT = re.compile(r"⟦(\d+)⟧")

# Where a clause ends when reading rightwards from a trigger.
_RIGHT_STOP = re.compile(
    r"[;:!?]|\.(?:\s|$)|\s[–—]|\s--|"
    r",\s+(?!(?:and|or|as well as|the|its|their|his|her|former)\b)(?=[a-z])|"
    r"\b(?:who|which|whose|whereas|while|after|before|because|although|according to)\b"
)
# Where a clause starts when reading leftwards to a trigger.
_LEFT_STOP = re.compile(
    r"[;:!?]|\.\s|[–—]|--|\b(?:said|says|that|when|while|after|before|because|although|as)\s|"
    r",\s+(?=(?:said|says|but|so|while|whereas)\b)"
)
# The words a list may hold between two of its members besides the coordinator:
# titles and names (capitalised), possessives, honorifics, a few function words.
_LIST_FILLER = re.compile(
    r"^(?:⟦\d+⟧|[A-Z][\w.&/-]*|\(|\)|[’']s|of|for|the|its|their|his|her|former|both|also|"
    r"then|de|van|von|and|or|as|well|&|,|\*+|"
    # a descriptor on a member: "A and Singapore-based B", "state-owned C", "local firm D"
    r"(?:[\w]*-)?(?:based|headquartered|listed|owned|registered|backed)|local|firm|company|start-?up)$"
)
_COORDINATOR = re.compile(r",|\band\b|&|\bas well as\b|\bor\b")
# A gap opening with "'s" follows a possessor ("⟦0⟧'s Minister for Trade and Industry ⟦1⟧"),
# not a member of the list: the "and" inside the title does not coordinate.
_POSSESSIVE = re.compile(r"^\s*[’']s\b")
_WORD = re.compile(r"⟦\d+⟧|[’']s\b|[\w.&/-]+|[(),&*]")


@dataclass(frozen=True)
class Slotted:
    """A sentence whose mentions are replaced by slots ``⟦i⟧``.

    Attributes:
        sentence: the sentence.
        mentions: its mentions, non-overlapping, in text order (slot ``i`` is ``mentions[i]``).
        text: the skeleton: the sentence text with every mention replaced by its slot.
    """

    sentence: Sentence
    mentions: tuple[EntityMention, ...]
    text: str

    def slot_at(self, index: int) -> re.Match[str]:
        """The match object of slot ``index`` in the skeleton."""
        match = re.search(f"⟦{index}⟧", self.text)
        assert match is not None
        return match


def slot(analysis: Analysis, sentence: Sentence) -> Slotted:
    """The skeleton of ``sentence``: its mentions replaced by numbered slots.

    Overlapping mentions keep the longer one (then the earlier); the dateline's place is
    left as words.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Mr Goh|Person|Luke Goh] met [Mr Li|Person|Li Bo] today.")
        >>> slot(a, a.sentences[0]).text
        '⟦0⟧ met ⟦1⟧ today.'
    """
    chosen: list[EntityMention] = []
    dateline = analysis.dateline or (0, 0)
    for mention in sorted(analysis.mentions_in(sentence), key=lambda m: (m.start, -(m.end - m.start))):
        if dateline[0] <= mention.start and mention.end <= dateline[1]:
            continue  # the place a dateline opens with is where the story was filed, no party of it
        if chosen and mention.start < chosen[-1].end:
            if mention.end - mention.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = mention
            continue
        chosen.append(mention)
    parts = []
    cursor = sentence.start
    for index, mention in enumerate(chosen):
        parts.append(sentence.text[cursor - sentence.start:mention.start - sentence.start])
        parts.append(f"⟦{index}⟧")
        cursor = mention.end
    parts.append(sentence.text[cursor - sentence.start:])
    return Slotted(sentence, tuple(chosen), "".join(parts))


def outermost(mentions) -> list[EntityMention]:
    """``mentions`` without those nested inside a longer one, in their order.

    An edition's name holds its series' ("The 2022 Harbour Expo" holds "Harbour Expo"):
    what the sentence says is about the outer mention. Relation rules see the same
    through :func:`slot`; figures and topics use this to pick their subject.

    Examples:
        >>> edition = EntityMention(4, 26, "2022 Harbour Expo", "Event/harbour expo 2022", "Event")
        >>> series = EntityMention(9, 26, "Harbour Expo", "Event/harbour expo", "Event")
        >>> [m.entity for m in outermost([edition, series])]
        ['Event/harbour expo 2022']
    """
    mentions = list(mentions)
    return [m for m in mentions if not any(
        o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in mentions)]


def words(text: str) -> list[str]:
    """The words, slots and list punctuation of a skeleton fragment.

    Examples:
        >>> words("⟦0⟧'s Deputy CEO, and ⟦1⟧")
        ['⟦0⟧', "'s", 'Deputy', 'CEO', ',', 'and', '⟦1⟧']
    """
    return _WORD.findall(text)


def _is_list_gap(gap: str) -> bool:
    """Whether ``gap`` can separate two members of one list."""
    if not _COORDINATOR.search(gap) or _POSSESSIVE.match(gap):
        return False
    tokens = words(gap)
    return len(tokens) <= 12 and all(_LIST_FILLER.match(token) for token in tokens)


def _is_filler(gap: str) -> bool:
    """Whether ``gap`` holds only modifier words of a list member ("⟦0⟧'s ⟦1⟧": a possessor)."""
    tokens = words(gap)
    return len(tokens) <= 4 and all(_LIST_FILLER.match(token) for token in tokens)


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w.-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w.-]*)*")


def _lead_ok(gap: str, max_words: int) -> bool:
    """Whether ``gap`` (between a trigger and its first argument) is short enough.

    A run of capitalised words counts as one word: it is a title or a name standing
    before the argument ("witnessed by Senior Minister of State for Trade and Industry
    Dr ⟦1⟧").

    Examples:
        >>> _lead_ok(" Senior Minister of State for Trade and Industry Dr ", 2)
        True
        >>> _lead_ok(" the people who came to see the ", 2)
        False
    """
    gap = _CAPITALISED_RUN.sub("T", gap)
    return len([w for w in words(gap) if w not in {",", "(", ")"}]) <= max_words


def right_end(sl: Slotted, start: int) -> int:
    """Where the clause that goes on at ``start`` ends in the skeleton."""
    stop = _RIGHT_STOP.search(sl.text, start)
    return stop.start() if stop else len(sl.text)


def left_start(sl: Slotted, end: int) -> int:
    """Where the clause that leads to ``end`` starts in the skeleton."""
    start = 0
    for stop in _LEFT_STOP.finditer(sl.text, 0, end):
        start = stop.end()
    return start


def chain_right(
    sl: Slotted, start: int, types: set[str], *, lead: int = 6, first_only: bool = False
) -> list[int]:
    """The allowed mentions of the list that begins after ``start``.

    Args:
        sl: the slotted sentence.
        start: skeleton offset just after the trigger.
        types: entity types allowed as members.
        lead: at most this many words between the trigger and the first member.
        first_only: take the first member only (no coordination).

    Returns:
        Slot indexes, in text order; empty when nothing fits.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("It is run by [A Co|Organization], [B Co|Organization] "
        ...     "and the [C Co|Organization], not by [D Co|Organization].")
        >>> sl = slot(a, a.sentences[0])
        >>> chain_right(sl, sl.text.index("by") + 2, {"Organization"})
        [0, 1, 2]
    """
    end = right_end(sl, start)
    members: list[int] = []
    cursor = start
    for match in _SLOT.finditer(sl.text, start, end):
        index = int(match.group(1))
        if sl.mentions[index].type not in types:
            continue
        gap = sl.text[cursor:match.start()]
        if not members:
            if not _lead_ok(gap, lead):
                break
            if _possessor(sl, match, types):
                continue
            if _NOUN_OF.search(gap) and _APPOSED.match(sl.text, match.end()):
                continue  # "in the capital of ⟦Yunnan⟧, ⟦Kunming⟧": the name after the comma is the capital's
        elif first_only:
            break
        elif not _is_list_gap(gap):
            if _is_filler(gap):
                continue
            break
        elif _possessor(sl, match, types):
            # "A and Singapore's MTI": the country modifies the member that follows
            continue
        members.append(index)
        cursor = match.end()
    return members


def chain_left(sl: Slotted, end: int, types: set[str], *, lead: int = 4, first_only: bool = False) -> list[int]:
    """The allowed mentions of the list that ends before ``end``, read leftwards.

    Args:
        sl: the slotted sentence.
        end: skeleton offset where the trigger starts.
        types: entity types allowed as members.
        lead: at most this many words between the last member and the trigger.
        first_only: take the nearest member only.

    Returns:
        Slot indexes, in text order; empty when nothing fits.
    """
    text = _mask_adjuncts(sl.text, end)
    start = left_start(sl, end)
    found = [m for m in _SLOT.finditer(text, start, end) if sl.mentions[int(m.group(1))].type in types]
    members: list[int] = []
    cursor = end
    for match in reversed(found):
        gap = text[match.end():cursor]
        if not members:
            if not _lead_ok(gap, lead):
                break
            if sl.mentions[int(match.group(1))].type == "Place" and _LOCATIVE.search(text, 0, match.start()):
                continue  # "who were in ⟦Chongqing⟧ to attend": where they were, not who
            if _titles_possessor(sl, match):
                continue  # "⟦Aisha Rahman⟧, ⟦Malaysia⟧'s Minister for X, attended": she did
        elif first_only:
            break
        elif sl.mentions[int(match.group(1))].type == "Place" and _LOCATIVE.search(text, 0, match.start()):
            continue  # "Singapore's Consul-General in ⟦Guangzhou⟧, Mr ⟦Tan⟧, attended": the post's place
        elif not _is_list_gap(gap):
            if _is_filler(gap):
                continue
            break
        if _possessor(sl, match, types) and members:
            # "Singapore's MTI and A signed": the country modifies the member after it
            continue
        members.append(int(match.group(1)))
        cursor = match.start()
    return sorted(members)


_NOUN_OF = re.compile(r"\b[a-z]+\s+of\s+(?:the\s+)?$")
_APPOSED = re.compile(r",\s*⟦\d+⟧")
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")

_ADJUNCT = re.compile(
    r",\s*(?:in\s+(?:close\s+)?(?:collaboration|partnership|cooperation|conjunction)\s+with|together\s+with|"
    r"along\s+with|alongside|with\s+the\s+support\s+of|supported\s+by)\b[^,;]*,|"
    # a theme in apposition: "The expo, themed \"Smart Life\", was co-organised by"
    r",\s*(?:themed|titled|entitled|dubbed|(?:held\s+)?(?:under|with)\s+the\s+theme(?:\s+of)?)\s+[“\"][^”\"]*[”\"]\s*,|"
    # a relative or participle clause between subject and verb: "The summit, held at
    # the Harbour Centre on 3 May, was organised by"; "The forum, which drew 300
    # guests, was hosted by"
    r"(?P<clause>,\s*(?:which|that|(?:held|hosted|staged|convened|taking\s+place|launched|attended|now|first|"
    r"formed|founded|established|set\s+up|one|a|an)\b)[^;:]*?,(?=\s*(?:(?:is|was|were|are|has|have|had|will|"
    r"would|also|then|drew|draws|attracted|attracts|brought|opened|opens|closed|closes|saw|sees|featured|"
    r"features|gathered|gathers)\b)))"
)


def _mask_adjuncts(text: str, end: int | None = None) -> str:
    """``text`` with comma-enclosed adjuncts ("X, in collaboration with Y, launched") blanked.

    A subject read leftwards from a verb skips them: in "A, in collaboration with B,
    launched C" it is A, not B, that launched C; in "The summit, held in Oslo, was
    organised by" the summit is what was organised. Only adjuncts that close before
    ``end`` (the trigger) are blanked: a trigger inside one reads its own words.

    Examples:
        >>> _mask_adjuncts("⟦0⟧, together with ⟦1⟧, launched ⟦2⟧").replace(" ", "_")
        '⟦0⟧_____________________launched_⟦2⟧'
        >>> _mask_adjuncts('⟦0⟧, themed "AI for All", was held').strip(" ⟦0⟧")
        'was held'
        >>> _mask_adjuncts("⟦0⟧, held at ⟦1⟧ on 3 May, was organised by").strip(" ⟦0⟧")
        'was organised by'
        >>> _mask_adjuncts("⟦0⟧, which drew 300 guests, was hosted by").strip(" ⟦0⟧")
        'was hosted by'
        >>> _mask_adjuncts("⟦0⟧, which ⟦1⟧ hosted, was big", end=20).strip(" ⟦0⟧")
        ', which ⟦1⟧ hosted, was big'
        >>> _mask_adjuncts("One of the projects, a ⟦0⟧, is run by ⟦1⟧")
        'One of the projects, a ⟦0⟧, is run by ⟦1⟧'
    """
    limit = len(text) if end is None else end
    return _ADJUNCT.sub(lambda m: " " * len(m.group(0)) if _maskable(text, m, limit) else m.group(0), text)


def _maskable(text: str, match: re.Match[str], limit: int) -> bool:
    """Whether the adjunct ``match`` closes before ``limit`` and hides nothing the verb needs.

    A clause or apposition is an aside only when it follows the name it describes
    ("⟦0⟧, held in Oslo, was"); after a common noun it is itself the subject's name
    ("One of the projects, a smart grid monitor, is run by").
    """
    if match.end() > limit:
        return False
    return not match.group("clause") or text[: match.start()].rstrip().endswith("⟧")


def _titles_possessor(sl: Slotted, match: re.Match[str]) -> bool:
    """Whether the slot is the country of a title in apposition ("⟦A⟧, ⟦Malaysia⟧'s Minister for X,").

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Ann Lee|Person], [Malaysia|Place]'s Minister for Trade, attended.")
        >>> sl = slot(a, a.sentences[0])
        >>> _titles_possessor(sl, list(_SLOT.finditer(sl.text))[1])
        True
    """
    after = re.match(r"[’']s\s+(.{1,60}?),", sl.text[match.end():])
    before = sl.text[:match.start()]
    return bool(after) and bool(re.search(r"⟦\d+⟧,\s*$", before)) and \
        bool(lexicon.title_length(after.group(1).split(), 0) or lexicon.is_title_modifier(after.group(1).split()[0]))


def _possessor(sl: Slotted, match: re.Match[str], types: set[str]) -> bool:
    """Whether the slot is a possessor of the next allowed slot ("China's ⟦Chongqing⟧")."""
    after = re.match(r"[’']s\s+(?:[a-z]+\s+){0,2}⟦(\d+)⟧", sl.text[match.end():])
    return bool(after) and sl.mentions[int(after.group(1))].type in types
