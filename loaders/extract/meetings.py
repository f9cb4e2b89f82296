"""Committee meetings: a committee with an ordinal or an event noun names a meeting, not the body.

A pass of coreference (:func:`~sgcn.loaders.extract.coref.resolve_references`).
"The 3rd Joint Implementation Committee (JIC) meeting" and "the fifth CCI JIC" are
meetings of a committee (a body whose head word is "Committee", "Council", "Board"...,
see :func:`_is_committee`). A meeting is named with its ordinal, its committee and its
noun, gets the names it goes by with the committee's acronyms ("3rd JIC meeting") and
with the initiative it is "of" ("... meeting of the Smart City Initiative"); "on the
sidelines of the JCBC" after "the 20th JCBC met" is that meeting. A body or event
followed by an event noun without an ordinal ("the SCE inauguration ceremony") is an
occasion of its own (:func:`~sgcn.loaders.extract.occasions._named_occasion`).

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2022-06-01",
    ...     text="The 3rd Joint Implementation Committee (JIC) meeting was held in Tianjin on "
    ...          "Friday. The meeting reviewed the pilot.")
    >>> a = analyze(doc)
    >>> [(m.text, m.entity) for m in a.mentions if m.type == "Event"]  # doctest: +NORMALIZE_WHITESPACE
    [('3rd Joint Implementation Committee (JIC) meeting', 'Event/3rd joint implementation committee meeting'),
     ('The meeting', 'Event/3rd joint implementation committee meeting')]
    >>> a.entities["Event/3rd joint implementation committee meeting"].aliases
    ('3rd JIC meeting', '3rd meeting of the Joint Implementation Committee')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sgcn.loaders.extract import gazetteer, lexicon
from sgcn.loaders.extract.acronyms import _acronyms
from sgcn.loaders.extract.editions import _ORDINAL, _WITHIN, _claim, _ordinal_number
from sgcn.loaders.extract.naming import normalize
from sgcn.loaders.extract.occasions import _named_occasion

if TYPE_CHECKING:
    from sgcn.loaders.extract.mentions import Recognition


_COMMITTEES = ("Committee", "Commission", "Council", "Board", "Taskforce", "Working")
# the nouns by which a text refers back to a committee it named: "the council", "the taskforce"
_COMMITTEE_NOUN = r"council|committee|commission|board|taskforce"


def _committee_in(an: "Recognition", label: str) -> str | None:
    """The committee a meeting's name holds: "Joint Working Committee Meeting", "SCI JIC Meeting" -> the JIC.

    A committee named in full before the meeting's head word is filed as an
    organisation when the document named it nowhere else.
    """
    words = label.split()
    body = " ".join(words[:-1])
    if len(words) > 2 and _is_committee(body):
        return an.registry.find(body) or an.registry.add("Organization", body)
    for word in reversed(words):
        key = an.registry.find(word) if word.isupper() else None
        if key and an.registry.records[key].type == "Organization" and \
                _is_committee(an.registry.records[key].label):
            return key
    return None


def _is_committee(label: str) -> bool:
    """Whether a body's name is that of a committee that meets ("Joint Council for Bilateral Cooperation").

    Examples:
        >>> _is_committee("Joint Council for Bilateral Cooperation"), _is_committee("Port Committee")
        (True, True)
        >>> _is_committee("Council Services Bureau")
        False
    """
    words = label.split()
    _, head = lexicon.name_head(words)
    return words[-1] in _COMMITTEES or (head >= 0 and words[head] in _COMMITTEES)


def _short_committees(an: "Recognition") -> None:
    """A committee named bare in a document that names it in full is that committee.

    "The 9th Meeting of the Joint Working Committee of the X Initiative Held in Y" and "the
    9th meeting of the Joint Working Committee": one committee, so one meeting. Only when the
    document names one committee whose full name opens with the bare one.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2022-06-01",
        ...     text="The Joint Working Committee of the Ningbo Port Initiative met. The Joint Working "
        ...          "Committee endorsed a plan.")
        >>> sorted({m.entity for m in analyze(doc).mentions if m.type == "Organization"})
        ['Organization/joint working committee of the ningbo port initiative']
    """
    committees = {key: r for key, r in an.registry.records.items()
                  if r.type == "Organization" and _is_committee(r.label)}
    _committees_of_one_owner(an, committees)
    full: dict[str, list[str]] = {}
    for key, record in committees.items():
        bare = re.match(r"(.+?)\s+(?:of|for)\s+(?:the\s+)?[A-Z]", record.label)
        if bare and _is_committee(bare.group(1)):
            full.setdefault(bare.group(1), []).append(key)
    rename = {}
    for key, record in committees.items():
        longer = full.get(record.label, [])
        if len(longer) == 1 and longer[0] != key:
            rename[key] = longer[0]
            an.registry.records[longer[0]].aliases.update({record.label, *record.aliases})
    an.retarget(rename)


def _committees_of_one_owner(an: "Recognition", committees: dict) -> None:
    """A committee "of the CCI" and one "of the China-Singapore (Chongqing) ... Initiative" are one
    when the document names the initiative by both (a headline's acronym, the body's full name).

    The longest name is kept; ``committees`` loses the others.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2022-06-01",
        ...     text="The Ningbo Port Initiative (NPI) grew. The Joint Working Committee of the NPI met. "
        ...          "The Joint Working Committee of the Ningbo Port Initiative endorsed a plan.")
        >>> sorted({m.entity for m in analyze(doc).mentions if m.type == "Organization"})
        ['Organization/joint working committee of the ningbo port initiative']
    """
    by_owner: dict[tuple[str, str], list[str]] = {}
    for key, record in committees.items():
        named = re.fullmatch(r"(.+?)\s+(?:of|for)\s+(?:the\s+)?([A-Z].*)", record.label)
        owner = an.registry.find(named.group(2)) if named and _is_committee(named.group(1)) else None
        if owner is not None:
            by_owner.setdefault((normalize(named.group(1)), owner), []).append(key)
    rename = {}
    for keys in by_owner.values():
        target = max(keys, key=lambda k: (len(committees[k].label), committees[k].label))
        for key in keys:
            if key != target:
                rename[key] = target
                committees[target].aliases.update({committees[key].label, *committees[key].aliases})
                an.registry.index[normalize(committees[key].label)] = target
    for key in rename:
        del committees[key]
    an.retarget(rename)


_LISTED_MEETINGS = re.compile(
    r"\b(?:(?:the\s+)?(?:meetings|sessions)\s+of\s+the\s+(?P<c1>(?:[A-Z][\w-]*\s+){1,4}?)(?P<h1>Councils|Committees|"
    r"Commissions|Boards)|(?P<c2>(?:[A-Z][\w-]*\s+){0,3}?(?:[A-Z]{2,5}|Council|Committee|Commission|Board))"
    r"(?:\s*\([A-Z]{2,6}\))?\s+meetings)"  # "the Joint Steering Council (JSC) meetings of A, B and C"
    r"\s+(?P<link>of|for)\s+")


def _listed_meetings(an: "Recognition") -> None:
    """One meeting for each body a plural names: "the meetings of the Joint Steering Councils of A, B
    and C", "the JSC meetings of A, B and C" are three meetings, one of each council.

    Each is named "<committee> meeting of <the one listed>" and mentioned at the plural, so that
    what is said of "the meetings" (who co-chaired them, where) is said of each.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2025-12-04",
        ...     text="They co-chaired the meetings of the Joint Steering Councils of the China-Singapore "
        ...          "Suzhou Industrial Park and the Sino-Singapore Tianjin Eco-City.")
        >>> sorted(e.label for e in analyze(doc).entities.values() if e.type == "Event")  # doctest: +NORMALIZE_WHITESPACE
        ['Joint Steering Council meeting of the China-Singapore Suzhou Industrial Park',
         'Joint Steering Council meeting of the Sino-Singapore Tianjin Eco-City']
    """
    from sgcn.loaders.extract.mentions import entity_key

    for sentence in an.sentences:
        for m in _MEETINGS_OF.finditer(sentence.text):
            _meetings_of_committees_listed(an, sentence, m)
        for m in _LISTED_MEETINGS.finditer(sentence.text):
            if m.group("c1") is not None:
                committee = m.group("c1") + m.group("h1")[:-1]
            else:
                committee = m.group("c2").strip()
            key = an.registry.find(committee)
            if key is not None and an.registry.records[key].type == "Organization":
                committee = an.registry.records[key].label  # "JSC" written out
            listed = _list_after(an, sentence, sentence.start + m.end())
            if len(listed) < 2:
                continue
            start, end = sentence.start + m.start(), sentence.start + m.end()
            for item in listed:
                label = an.registry.records[item.entity].label
                written = re.sub(r"^the\s+", "", item.text)  # "... meeting of the SIP", as the text names it
                link = m.group("link").lower()  # "the Joint Steering Councils for A, B and C", as written
                event = an.registry.add("Event", f"{committee} meeting of the {label}",
                                        list(dict.fromkeys([f"meeting of the {committee} of the {label}",
                                                            f"meeting of the {committee} {link} the {label}",
                                                            f"{committee} meeting of the {written}"])),
                                        identity=(entity_key("Organization", committee), item.entity, ""))
                an.mention(start, end, event)


_MEETINGS_OF = re.compile(r"\b(?:the\s+)?(?:meetings|sessions)\s+of\s+(?:the\s+)?(?=[A-Z])")


def _meetings_of_committees_listed(an: "Recognition", sentence, m: re.Match) -> None:
    """"the meetings of the Joint Steering Council of A, the Joint Steering Council of B and the
    Joint Steering Council of C": each council named in full met once, as when the plural is
    written once ("the meetings of the Joint Steering Councils of A, B and C")."""
    from sgcn.loaders.extract.mentions import entity_key

    listed = _list_after(an, sentence, sentence.start + m.end())
    councils = []
    for item in listed:
        label = an.registry.records[item.entity].label
        committee, of, programme = label.partition(" of the ")
        if item.type != "Organization" or not of or not _is_committee(committee):
            return
        key = an.registry.find(programme)
        known = gazetteer.lookup(programme)
        # named nowhere else: as the gazetteer or its head says ("the Lancang Port Initiative")
        type_ = an.registry.records[key].type if key else known.type if known else lexicon.name_head(
            programme.split())[0]
        if type_ not in ("Initiative", "Project", "Organization"):
            return
        councils.append((committee, key, type_, programme, item))
    if len(councils) < 2:
        return
    for committee, key, type_, name, item in councils:
        programme = key or an.registry.add(type_, name)
        an.mention_inside(item.start, item.end, programme)
        label = an.registry.records[programme].label
        event = an.registry.add("Event", f"{committee} meeting of the {label}",
                                [f"meeting of the {committee} of the {label}"],
                                identity=(entity_key("Organization", committee), programme, ""))
        an.mention(sentence.start + m.start(), sentence.start + m.end(), event)


def _list_after(an: "Recognition", sentence, position: int) -> list:
    """The initiatives, projects or bodies listed from ``position`` on ("A, the B and C"; a park
    the text names without saying it is a programme is still one of them)."""
    found = []
    for m in sorted(an.inside(position, sentence.end), key=lambda m: m.start):
        gap = an.text[position:m.start]
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
            break
        if m.type not in ("Initiative", "Project", "Organization"):
            break
        found.append(m)
        position = m.end
    return found


def _meetings(an: "Recognition") -> None:
    """A committee with an ordinal or an event noun is a meeting: "the 3rd JIC meeting", "the fifth CCI JIC"."""
    _short_committees(an)
    _listed_meetings(an)
    nouns = sorted(lexicon.data()["event_nouns"], key=len, reverse=True)
    noun_rx = re.compile(r"\s+(" + "|".join(re.escape(n) for n in nouns) + r")\b", re.I)  # "MEETING" in a heading
    index: dict[tuple[int, str], str] = {}
    held: dict[str, str] = {}  # committee -> its first meeting named
    for m in sorted(an.mentions, key=lambda m: m.start):
        record = an.registry.records.get(m.entity)
        if record is None or record.type not in ("Organization", "Event", "Initiative"):
            continue
        before = re.search(rf"\b({_ORDINAL}|(?:19|20)\d\d)\s+(?P<of>(?:meeting|session)\s+of\s+(?:the\s+)?)?"
                           rf"(?:[A-Z]{{2,}}\s+)*$", an.text[max(0, m.start - 30):m.start], re.I)
        if before is not None and before.group(1).isdigit() and not before.group("of"):
            before = None  # a year numbers a meeting only written out: "the 2029 meeting of the X Committee"
        tail = re.match(r"(\s*\([A-Z]{2,}\))?", an.text[m.end:m.end + 12])
        end = m.end + tail.end()
        noun = noun_rx.match(an.text, end)
        if record.type == "Event":
            committee = _committee_in(an, record.label) if record.label.split()[-1] in ("Meeting", "meeting") else None
            if committee is None:
                if noun and not before and not lexicon.is_recurring_event(noun.group(1).split()[-1]):
                    _named_occasion(an, m.start, noun.end(), record)
                continue
            noun_text, stop = "meeting", m.end
        elif _is_committee(record.label):
            committee = m.entity
            if not (before or noun) or noun and not before and noun.group(1).endswith("s"):
                continue  # "three JSC meetings" is a batch, no one meeting
            noun_text, stop = (noun.group(1).lower(), noun.end()) if noun else ("", end)
            if before and before.group("of"):  # "the 7th meeting of the Joint Council": keep the council
                noun_text = before.group("of").split()[0].lower()
        else:
            if noun and not before:
                _named_occasion(an, m.start, noun.end(), record)
            continue
        ordinal = before.group(1).lower() if before else ""  # "4TH" in a heading in capitals
        start = m.start - (len(an.text[max(0, m.start - 30):m.start]) - before.start()) if before else m.start
        slot = (_ordinal_number(ordinal) if ordinal else 0, committee)
        committee_label = an.registry.records[committee].label
        label = " ".join(w for w in (ordinal, committee_label, noun_text) if w)
        surface = re.sub(r"\s+", " ", re.sub(r"\s*\([A-Z]{2,}\)", "", an.text[start:stop]))
        aliases = [surface, *_meeting_aliases(an, ordinal, committee, noun_text)]
        if ordinal:
            aliases.append(_written_out(ordinal, committee_label))
        whole = _initiative_after(an, stop)
        if whole is not None and whole not in an.registry.find(committee_label).split("/", 1)[1]:
            aliases.append(label)
            init = an.registry.records[an.registry.find(whole)]
            label = " ".join(w for w in (ordinal, init.label, committee_label, noun_text) if w)
            aliases += [" ".join(w for w in (ordinal, a, c, noun_text) if w)
                        for a in sorted(init.aliases) if a.isupper()
                        for c in _acronyms(an, committee)]
            if ordinal:
                aliases.append(_written_out(ordinal, committee_label, init.label))
        key = index.get(slot)
        if key is None and not ordinal and committee in held:  # "the JCTC meeting" after "the 7th meeting of the JCTC"
            key = held[committee]
        if key is None:
            identity = (committee, _qualifier(an, start, stop), str(slot[0])) if ordinal else ()
            key = index[slot] = an.registry.add("Event", label, [a for a in aliases if a != label],
                                                identity=identity)
        else:
            an.registry.records[key].aliases.update(a for a in aliases if a != an.registry.records[key].label)
        _claim(an, start, stop, key,
               drop=("Event",) if before and before.group("of") else ("Event", "Organization"))
        held.setdefault(committee, key)
    _the_numbered_meeting(an, index)
    _its_meetings(an, index)
    _the_councils_meeting(an, index)
    _committee_at_meeting(an, held)
    _bilateral_councils(an, index)


def _the_numbered_meeting(an: "Recognition", index: dict[tuple[int, str], str]) -> None:
    """A committee's meeting named without its number where the document names one numbered
    meeting of it is that meeting: a speech's heading "... AT THE SINGAPORE-JIANGSU COOPERATION
    COUNCIL MEETING" and "the 16th meeting of the SJCC" in its text. Not "the next meeting".

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2027-05-12",
        ...     text="Remarks at the Penang-Xiamen Port Council Meeting\\n\\nI am glad to attend the 9th meeting "
        ...          "of the Penang-Xiamen Port Council.")
        >>> sorted(e.label for e in analyze(doc).entities.values() if e.type == "Event")
        ['9th Penang-Xiamen Port Council meeting']
    """
    other = set(lexicon.data()["other_occurrence_words"])
    rename: dict[str, str] = {}
    for (number, committee), key in index.items():
        if number:
            continue
        numbered = {k for (n, c), k in index.items() if c == committee and n}
        if len(numbered) != 1:
            continue
        mentioned = [m for m in an.mentions if m.entity == key]
        if any(set(an.text[max(0, m.start - 25):m.start].lower().split()) & other for m in mentioned):
            continue  # "the next Port Council meeting" is another
        rename[key] = numbered.pop()
    if not rename:
        return
    for key, target in rename.items():
        an.registry.records[target].aliases.add(an.registry.records[key].label)
        for slot, k in list(index.items()):
            if k == key:
                index[slot] = target
    an.retarget(rename)


_ITS_MEETING = re.compile(rf"\b(?P<det>its|their|the)\s+(?P<o>{_ORDINAL}|(?:19|20)\d\d)\s+"
                          rf"(?P<n>meeting|session|plenary)\b(?!\s+(?:of|for)\b)", re.I)


def _its_meetings(an: "Recognition", index: dict[tuple[int, str], str]) -> None:
    """"The council ... at its 13th meeting": the numbered meeting of the committee named last before.

    The committee must be named in the same sentence or the one before; else "its 13th
    meeting" is the one 13th meeting named in the sentences around it ("their council at
    its 13th meeting. The 13th SGCC meeting was ..."), if there is one.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2023-06-27",
        ...     text="The Port Council was set up in 2003. Singapore and Vietnam added two areas at "
        ...          "its 13th meeting on Monday.")
        >>> sorted(e.label for e in analyze(doc).entities.values() if e.type == "Event")
        ['13th Port Council meeting']
    """
    for k, sentence in enumerate(an.sentences):
        for m in _ITS_MEETING.finditer(sentence.text):
            start, stop = sentence.start + m.start(), sentence.start + m.end()
            window = an.sentences[max(0, k - 1)].start
            committees = _committees_in(an, window, start)
            ordinal, noun = m.group("o"), m.group("n").lower()
            if an.taken(start, stop):
                continue
            if re.search(r"\b(?:since|until|till|after|before|from)\s+$", an.text[max(0, start - 8):start], re.I):
                continue  # "progress since the 10th meeting": an earlier meeting named in passing
            if m.group("det").lower() == "the":
                if not committees:  # "The council is co-organised by A and B. The 23rd meeting will be ..."
                    committees = _committees_referred_to(an, window, start)
                if len({x.entity for x in committees}) != 1:
                    continue  # "the 12th meeting" is the meeting of the one committee named before it
            if m.start() == 0 and k > 0 and committees and committees[0].start < sentence.start:
                # "The taskforce was set up under the ambit of the Council. Its sixth meeting ...": a
                # possessive opening a sentence stands for the subject of the one before, named first
                committees = [x for x in committees if x.start < sentence.start][:1]
            if not committees:  # "their business council at its 13th meeting. The 13th SGCC meeting was ..."
                near = an.sentences[min(len(an.sentences) - 1, k + 1)].end
                numbered = [x.entity for x in an.inside(window, near)
                            if an.registry.records[x.entity].identity[-1:] == (str(_ordinal_number(ordinal)),)]
                if len(set(numbered)) == 1:
                    an.mention(start + len(m.group(0)) - len(m.group(0).split(None, 1)[1]), stop, numbered[0])
                continue
            committee = max(committees, key=lambda x: x.end).entity
            slot = (_ordinal_number(ordinal), committee)
            key = index.get(slot)
            if key is None:
                committee_label = an.registry.records[committee].label
                label = f"{ordinal} {committee_label} {noun}"
                key = index[slot] = an.registry.add("Event", label, [_written_out(ordinal, committee_label)],
                                                    identity=(committee, "", str(slot[0])))
            an.mention(start + len(m.group(0)) - len(m.group(0).split(None, 1)[1]), stop, key)


_COUNCILS_MEETING = re.compile(rf"\b[Tt]he\s+(?P<span>(?P<noun>{_COMMITTEE_NOUN})['’]s\s+"
                               rf"(?:(?P<o>{_ORDINAL})\s+)?(?:meeting|session))\b(?!\s+(?:of|for)\b)", re.I)


def _the_councils_meeting(an: "Recognition", index: dict[tuple[int, str], str]) -> None:
    """"the council's meeting this year", "the committee's 9th meeting": the meeting of the committee
    "the council" stands for (the last one so named before), by its number, or, unnumbered, the one
    numbered meeting of it the document names.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2030-07-20",
        ...     text="The MoU was signed at the 20th meeting of the Penang-Xiamen Council. It was one of 16 "
        ...          "agreements concluded at the council's meeting this year.")
        >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.type == "Event"]  # doctest: +NORMALIZE_WHITESPACE
        [('20th meeting of the Penang-Xiamen Council', 'Event/20th penang-xiamen council meeting'),
         ("council's meeting", 'Event/20th penang-xiamen council meeting')]
    """
    for m in _COUNCILS_MEETING.finditer(an.text):
        start, stop = m.start("span"), m.end("span")
        if an.taken(start, stop):
            continue
        named = _called(an, _committees_in(an, 0, m.start()), {m.group("noun").lower()})
        if not named:
            continue
        committee = named[-1].entity
        if m.group("o"):
            key = index.get((_ordinal_number(m.group("o")), committee))
        else:
            numbered = {k for (n, c), k in index.items() if c == committee and n}
            key = numbered.pop() if len(numbered) == 1 else None
        if key is not None:
            an.mention(start, stop, key)


def _committees_in(an: "Recognition", start: int, end: int) -> list:
    """The mentions of committees (bodies or councils filed as initiatives) in ``start:end``, in text order."""
    return sorted((x for x in an.inside(start, end) if x.type in ("Organization", "Initiative")
                   and _is_committee(an.registry.records[x.entity].label)), key=lambda x: x.start)


def _called(an: "Recognition", committees: list, nouns: set[str]) -> list:
    """The ``committees`` whose names end in one of ``nouns`` ("council" -> the X Council)."""
    return [x for x in committees if an.registry.records[x.entity].label.split()[-1].lower() in nouns]


def _committees_referred_to(an: "Recognition", window: int, start: int) -> list:
    """The committee "the council", "the committee" or "the taskforce" in ``window:start`` refers to:
    the last one named before whose name ends in that noun; else the document's one committee."""
    named = _committees_in(an, 0, start)
    nouns = {n.lower() for n in re.findall(rf"\b[Tt]he\s+({_COMMITTEE_NOUN})\b", an.text[window:start])}
    return _called(an, named, nouns)[-1:] if nouns else named


def _bilateral_councils(an: "Recognition", index: dict[tuple[int, str], str]) -> None:
    """A council of two parties that meets in numbered sessions is a framework of government-to-
    government cooperation (an Initiative, as the contract files such frameworks), and its
    meetings are part of it: "the 17th Singapore-Guangdong Collaboration Council", "the 8th
    meeting of the Singapore-Sichuan Trade and Investment Committee", "the 23rd Joint Council for
    Bilateral Cooperation". A committee named as an initiative's ("the 12th meeting of the JIC of
    the X Initiative"), or named without its two parties ("Joint Steering Council"), stays a body.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> doc = Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2027-05-12",
        ...     text="The 6th meeting of the Singapore-Hubei Economic Council took place in Wuhan.")
        >>> sorted((e.type, e.label) for e in analyze(doc).entities.values() if e.type != "Place")
        [('Event', '6th Singapore-Hubei Economic Council meeting'), ('Initiative', 'Singapore-Hubei Economic Council')]
    """
    councils = {committee for (number, committee), key in index.items()
                if number and an.registry.records[key].identity[1:2] == ("",)}
    retyped = sorted(key for key in councils if an.registry.records[key].type == "Organization"
                     and _of_two_parties(an, an.registry.records[key].label))
    if not retyped:
        return
    for key in retyped:
        an.registry.records[key].type = "Initiative"
    an.retarget({key: key for key in retyped}, retype=True)
    mentioned = {m.entity for m in an.mentions}
    for key in retyped:
        if key not in mentioned:
            _mention_inside_a_session(an, key, {k for (n, c), k in index.items() if c == key and n})


def _mention_inside_a_session(an: "Recognition", council: str, sessions: set[str]) -> None:
    """Mention a council named only inside its sessions' names ("the 17th Singapore-Guangdong
    Collaboration Council") at its name in the first of them, so that they can be said part of it."""
    for m in sorted(an.mentions, key=lambda m: m.start):
        if m.entity in sessions and an.mention_inside(m.start, m.end, council):
            return


def _of_two_parties(an: "Recognition", label: str) -> bool:
    """Whether a body's name says it joins two parties: "Bilateral", or two places joined by a
    hyphen ("Singapore-Guangdong", "Sino-Singapore").

    Examples:
        >>> from types import SimpleNamespace
        >>> an = SimpleNamespace(registry=SimpleNamespace(records={}))
        >>> [_of_two_parties(an, n) for n in ("Singapore-Sichuan Trade and Investment Committee",
        ...  "Joint Council for Bilateral Cooperation", "Joint Steering Council", "Eco-City Administrative Committee")]
        [True, True, False, False]
    """
    if re.search(r"\b(?:of|for)\s+the\s", label):
        return False  # a body of something else ("Joint Committee of the Sino-Lao Rail Initiative")
    if "Bilateral" in label.split():
        return True
    places = {name for record in an.registry.records.values() if record.type == "Place"
              for name in (record.label, *record.aliases)}
    return any(gazetteer.is_place_name(pair, places) for pair in re.findall(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b", label))


def _qualifier(an: "Recognition", start: int, stop: int) -> str:
    """The key of what a meeting's committee belongs to, where the text says; else ``""``.

    A committee name such as "Joint Implementation Committee" is shared by the
    committees of many initiatives: "the 3rd JIC meeting of the SCI", "the fifth CCI
    JIC", "the SCI's JIC" say which one. The body or initiative is the one named
    right after "of", one named inside the meeting's name, or the possessor before it.
    """
    after = re.match(r"\s+of\s+(?:the\s+)?", an.text[stop:stop + 12])
    candidates = []
    if after:
        at = stop + after.end()
        candidates += an.starting_at(at)
    candidates += an.inside(start, stop)
    possessor = re.search(r"['’]s\s+$", an.text[max(0, start - 4):start])
    if possessor:
        end = start - (len(an.text[max(0, start - 4):start]) - possessor.start())
        candidates += an.ending_at(end)
    for m in candidates:
        if m.type in ("Initiative", "Project", "Organization", "Place") and not _is_committee(
                an.registry.records[m.entity].label):
            return m.entity
    return ""


def _committee_at_meeting(an: "Recognition", held: dict[str, str]) -> None:
    """"On the sidelines of the JCBC" after "the 20th JCBC met": the committee's meeting, not the body."""
    for m in sorted(an.mentions, key=lambda m: m.start):
        meeting = held.get(m.entity)
        if meeting and _WITHIN.search(an.text[max(0, m.start - 40):m.start]):
            _claim(an, m.start, m.end, meeting, drop=("Organization",))


def _written_out(ordinal: str, committee: str, owner: str = "") -> str:
    """A numbered meeting's name as readers write it out, whatever the text's form.

    Examples:
        >>> _written_out("25th", "Joint Council"), _written_out("17th", "Joint Working Committee", "X Eco-City")
        ('25th meeting of the Joint Council', '17th meeting of the Joint Working Committee of the X Eco-City')
    """
    return f"{ordinal} meeting of the {committee}" + (f" of the {owner}" if owner else "")


def _meeting_aliases(an: "Recognition", ordinal: str, committee: str, noun: str) -> list[str]:
    """The meeting named by its committee's acronym: "4th JIC meeting"."""
    return [" ".join(w for w in (ordinal, acronym, noun or "meeting") if w) for acronym in _acronyms(an, committee)]


def _initiative_after(an: "Recognition", position: int) -> str | None:
    """The label of the initiative a meeting is "of" ("... meeting of the Smart City Initiative",
    "the fifth meeting of the Joint Implementation Committee (JIC) for the Smart City Initiative")."""
    # "... MEETING OF THE X INITIATIVE" in a heading in capitals; "(JWC)" or a bilingual page's "(联合工作委员会, JWC)"
    link = re.match(r"\s*(?:\([^()\n]{1,40}\))?\s+(?:of|for)\s+(?:the\s+)?", an.text[position:position + 60], re.I)
    if not link:
        return None
    at = position + link.end()
    named = [m for m in an.starting_at(at) if m.type == "Initiative"]
    return an.registry.records[max(named, key=lambda m: m.end).entity].label if named else None
