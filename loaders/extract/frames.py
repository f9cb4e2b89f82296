"""Relations read from syntax: the dependency path between a trigger word and two typed mentions.

Each sentence's parse (:mod:`~sgcn.loaders.extract.nlp`) is searched for trigger words
of the genre, keyed by lemma in ``frames.yaml`` ("co-chair", "sign", "attend"). A
frame names the roles its subject and object fill (the agent, the theme, the object of
a preposition, ...); :class:`Roles` finds those roles in the parse whatever the
sentence's shape: active or passive, a participle or relative clause modifying the
noun ("the meeting, co-chaired by A and B,"; "the MOU, which A concluded with B"), a
verb sharing the subject of the one before ("agreed to co-chair"), "and so did B". The
words in a role spread over coordinations, appositions and the nouns that stand for a
body's people ("delegates from A"), and each word is resolved to the mention it lies
in; a pronoun ("witnessed it") to the last entity of the right type named before. Every
pair is checked against the contract's types by the caller.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("[Tan Kiat How|Person] and [Liu Liehong|Person] co-chaired the "
    ...     "[dialogue|Event|Digital Policy Dialogue], which was held in [Beijing|Place].")
    >>> sorted((r.subject, r.relation, r.object) for r in read_frames(a, a.sentences[0]))  # doctest: +NORMALIZE_WHITESPACE
    [('Event/digital policy dialogue', 'held_in', 'Place/beijing'),
     ('Person/liu liehong', 'co_chaired', 'Event/digital policy dialogue'),
     ('Person/tan kiat how', 'co_chaired', 'Event/digital policy dialogue')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Iterable

from sgcn.loaders.extract.rules import load_rules
from sgcn.loaders.facts import RELATIONS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sgcn.loaders.extract.nlp import Parsed
    from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence

# what a text may be telling of when a sentence names nothing: the last one named
_TOLD_OF = frozenset({"Event", "Project"})
_WORD_CLASSES = ("bridge_nouns", "collective_nouns", "list_markers", "listing_verbs", "joining_verbs", "pronouns",
                 "signing_nouns", "side_nouns", "person_nouns", "body_nouns", "joint_words", "severally_words", "together_verbs",
                 "so_did_words", "leading_verbs", "occasion_nouns", "occurrence_nouns", "name_heads")
_ROLE = re.compile(r"^(?:agent|theme|coagent|governor|governor-agent|as-agent|context|self|self-appos|attr-subject"
                   r"|poss|listed|bearer|hyphen|purpose|occasion|[a-z]+)$")


@dataclass(frozen=True)
class Frame:
    """One frame of ``frames.yaml``: a relation, its trigger lemmas and the roles of its ends."""

    index: int
    relation: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    subject: tuple[str, ...]
    object: tuple[str, ...]
    joint: bool = False
    cancel: frozenset[str] = frozenset()
    predicated: bool = True
    inverted: bool = False

    @property
    def name(self) -> str:
        """A short name for reports: ``relation:first-lemma#index``."""
        return f"{self.relation}:{sorted(self.lemmas)[0]}#{self.index}"


_SCHEMA = {
    "frames": {
        "type": list,
        "items": {
            "relation": {"type": str, "required": True, "choices": RELATIONS},
            "lemmas": {"type": list, "required": True, "items": str},
            "pos": {"type": list, "items": str, "choices": ("VERB", "NOUN", "PROPN", "ADJ")},
            "subject": {"type": list, "required": True, "items": str, "pattern": _ROLE},
            "object": {"type": list, "required": True, "items": str, "pattern": _ROLE},
            "joint": {"type": bool},
            "predicated": {"type": bool},
            "inverted": {"type": bool},
            "not": {"type": list, "items": str},
        },
    },
    "words": {"type": dict, "required": True, "keys": {name: {"type": list, "required": True, "items": str}
                                                        for name in _WORD_CLASSES}},
}


@functools.cache
def _rules() -> dict:
    return load_rules(files("sgcn.loaders.extract").joinpath("frames.yaml"), _SCHEMA)


@functools.cache
def words(name: str) -> frozenset[str]:
    """A class of words the roles read, from ``frames.yaml``'s ``words``.

    Examples:
        >>> "delegate" in words("bridge_nouns"), "each" in words("severally_words")
        (True, True)
    """
    return frozenset(w.lower() for w in _rules()["words"][name])


@functools.cache
def frames() -> tuple[Frame, ...]:
    """The frames of ``frames.yaml``, checked against their schema.

    Examples:
        >>> {f.relation for f in frames()} >= {"co_chaired", "party_to", "held_in"}
        True
    """
    data = _rules()
    return tuple(
        Frame(i, item["relation"], frozenset(l.lower() for l in item["lemmas"]),
              frozenset(item.get("pos", ["VERB"])), tuple(item["subject"]), tuple(item["object"]),
              item.get("joint", False), frozenset(item.get("not", [])), item.get("predicated", True),
              item.get("inverted", False))
        for i, item in enumerate(data["frames"]))


@functools.cache
def _by_lemma() -> dict[str, tuple[Frame, ...]]:
    index: dict[str, list[Frame]] = {}
    for frame in frames():
        for lemma in frame.lemmas:
            index.setdefault(_stem(lemma), []).append(frame)
    return {k: tuple(v) for k, v in index.items()}


def _stem(word: str) -> str:
    """A crude stem, so that a lemma matches the word however the lemmatizer left it.

    Examples:
        >>> _stem("co-chaired"), _stem("co-chaire"), _stem("co-chair"), _stem("organising")
        ('co-chair', 'co-chair', 'co-chair', 'organis')
    """
    word = word.lower()
    for suffix in ("ing", "ed", "es", "e", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def trigger_keys(token: "Token") -> list[str]:
    """The stems a token may trigger frames by: its lemma, its word, and phrasal forms ("take part")."""
    keys = {_stem(token.lemma_), _stem(token.text)}
    for child in token.children:
        if child.dep_ in ("prt", "dobj", "compound") and child.i > token.i:
            keys.add(_stem(f"{token.lemma_} {child.lemma_}"))
    return sorted(keys)


def frames_of(token: "Token") -> list[Frame]:
    """The frames ``token`` triggers (a verb of any lemma triggers the ``*`` frames)."""
    index = _by_lemma()
    found: dict[int, Frame] = {}
    for key in trigger_keys(token):
        for frame in index.get(key, ()):
            if token.pos_ in frame.pos or (token.pos_ == "AUX" and "VERB" in frame.pos and token.dep_ != "aux"):
                found[frame.index] = frame
    if token.pos_ == "VERB" or token.pos_ == "AUX" and token.dep_ != "aux":  # "A was at the expo"
        for frame in index.get("*", ()):
            found.setdefault(frame.index, frame)
    return [found[i] for i in sorted(found)]


# ---------------------------------------------------------------- roles in the parse
def _passive(verb: "Token") -> bool:
    """A passive verb: a passive subject or auxiliary, a by-phrase, or a participle on a noun.

    A participle coordinated with one is passive too: "the meeting, held in X and
    co-chaired by A".
    """
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass", "agent") for c in verb.children) or (
        verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN") or (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and verb.head.dep_ == "acl"
        and _passive(verb.head))


def _opening_participle(verb: "Token") -> bool:
    """A past participle with a by- or other phrase that opens its sentence: "(Jointly) organised by A
    and B, ...", "Held annually in X, ..."."""
    first = next((t for t in verb.doc if t.pos_ not in ("ADV", "PUNCT")), None)
    return first is not None and first.i == verb.i and verb.tag_ in ("VBN", "VBD") \
        and bool(_children(verb, "agent", "prep")) and not _children(verb, "nsubj", "nsubjpass")


def _children(token: "Token", *deps: str) -> list["Token"]:
    return [c for c in token.children if c.dep_ in deps]


def _as_clause(verb: "Token") -> bool:
    """A clause of what went on meanwhile: "as P looked on", "while P watched"."""
    return verb.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)
                                     or _misread_as_subject(verb) is not None)


def _misread_as_subject(verb: "Token") -> "Token | None":
    """The subject of "as P looked on" when the parser read "as P" as a prepositional phrase, else ``None``."""
    if verb.dep_ != "advcl" or verb.i == 0 or _children(verb, "nsubj", "nsubjpass"):
        return None
    before = verb.doc[verb.i - 1]
    return before if before.dep_ == "pobj" and before.head.lower_ in ("as", "while") else None


def _fronted_subject(conj: "Token") -> bool:
    """Whether ``conj`` opens the subject of a verb that the parser hung, as a conjunct, on a
    coordination in a phrase before it: "under the witness of A and B, C and D signed X" (C
    and D signed; A and B witnessed). The coordination before the comma has its own "and", and
    the verb after ``conj``'s coordination has no subject of its own.
    """
    doc = conj.doc
    if conj.dep_ != "conj" or conj.left_edge.i == 0 or doc[conj.left_edge.i - 1].text != ",":
        return False
    first = conj
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "pobj" or not any(t.dep_ == "cc" for t in doc[first.i:conj.left_edge.i]):
        return False
    end = max(c.right_edge.i for c in (conj, *_children(conj, "conj")))
    verb = doc[end + 1] if end + 1 < len(doc) else None
    while verb is not None and verb.pos_ == "ADV" and verb.i + 1 < len(doc):
        verb = doc[verb.i + 1]  # "C and D jointly signed"
    return verb is not None and verb.pos_ == "VERB" and not _children(verb, "nsubj", "nsubjpass") \
        and verb in first.ancestors


def _conjuncts(token: "Token") -> list["Token"]:
    """``token``'s conjuncts on its side of a coordination the parser ran on into a fronted
    subject (see :func:`_fronted_subject`)."""
    found = list(token.conjuncts)
    split = next((c.left_edge.i for c in (token, *found) if _fronted_subject(c)), None)
    return found if split is None else [c for c in found if (c.i >= split) == (token.i >= split)]


def _relative_pronoun(verb: "Token", *deps: str) -> bool:
    return any(c.dep_ in deps and c.tag_ in ("WDT", "WP", "WP$") for c in verb.children)


class Roles:
    """Where the roles of one trigger stand in its sentence's parse (tokens, not yet mentions)."""

    def __init__(self, trigger: "Token") -> None:
        self.trigger = trigger
        self._got: dict[str, list[Token]] = {}
        self._preps: dict[tuple[int, str], list[Token]] = {}

    def get(self, role: str) -> list["Token"]:
        """The tokens filling ``role`` (see ``frames.yaml``), a new list each time.

        Read once per role: the frames a trigger starts (every verb starts the ``*``
        ones) ask for the same roles, about two questions in three a repeat.
        """
        got = self._got.get(role)
        if got is None:
            got = self._got[role] = self._get(role)
        return list(got)

    def _get(self, role: str) -> list["Token"]:
        t = self.trigger
        if role == "agent":
            return self.agent(t)
        if role == "theme":
            return self.theme(t)
        if role == "self":
            return [t]
        if role == "self-appos":
            return _children(t, "appos") + ([t.head] if t.dep_ == "appos" else [])
        if role == "attr-subject":
            return self._copula_subject(t)
        if role == "poss":
            return _children(t, "poss")
        if role == "listed":
            return self._listed(t)
        if role == "bearer":
            return self._bearer(t)
        if role == "purpose":  # "a visit to X to co-chair the meeting": what the act is for
            return [o for c in t.children if c.dep_ in ("acl", "advcl", "xcomp")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for o in self.theme(c)]
        if role == "hyphen":  # "the Chongqing-based expo", "a JIDF-supported project"
            return [c for c in _children(t, "npadvmod", "compound") if c.i + 2 == t.i and t.doc[c.i + 1].text == "-"]
        if role == "as-agent":  # "B led the delegation as co-chair", "A and B served as co-chairs"
            if t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.pos_ in ("VERB", "AUX"):
                return self.agent(t.head.head)
            return []
        if role == "governor-agent":
            head = t
            while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
                head = head.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.lemma_ == "be" and self.prep(t, "between"):
                return []  # "X is a joint venture between A and B": the parties are named, X is none
            return self.agent(head) if head.pos_ in ("VERB", "AUX") else []
        if role == "governor":
            head = t
            # "signed in the presence of P", "signed, with P and Q in attendance"
            while head.dep_ in ("pobj", "prep", "conj") and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
                head = head.head
            if head.i == t.i and (_as_clause(t) or t.dep_ == "advcl" and t.tag_ == "VBN" and t.i < t.head.i):
                # "A and B inked X as P looked on", "Witnessed by P, A and B inked X": what the main clause did
                head = t.head
            elif head.i == t.i and t.pos_ in ("VERB", "AUX"):
                # "P looked on as A and B inked X": what the "as" clause did (which the parser may
                # read as "as A and B" and a verb coordinated with "looked")
                head = next((c for c in t.children if c.dep_ == "advcl" and _as_clause(c)), None) or next(
                    (c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB" and any(
                        p.dep_ == "prep" and p.lower_ in ("as", "while") and p.i < c.i for p in t.children)), head)
            if head.pos_ not in ("VERB", "AUX"):
                return []
            # "put pen to paper on the MOU in the presence of P", "agreed on the pact before P":
            # what was done may be the verb's "on" object
            return self.theme(head) + self.prep(head, "on")
        if role in ("coagent", "context", "occasion"):
            return []  # resolved by the caller over the whole list / the analysis
        return self.prep(t, role)

    def agent(self, verb: "Token") -> list["Token"]:
        found = _children(verb, "nsubj") if not _relative_pronoun(verb, "nsubj") else []
        if not found and verb.pos_ == "VERB" and verb.i > 0:
            found = [t for t in verb.doc[verb.left_edge.i:verb.i] if _fronted_subject(t) and verb in t.ancestors]
        if (misread := _misread_as_subject(verb)) is not None:
            found.append(misread)
        for led in _children(verb, "advcl"):
            # "Led by A, 15 companies are taking part": who leads them takes part too
            if led.i < verb.i and led.tag_ == "VBN" and led.lemma_ in words("leading_verbs"):
                found += [o for by in _children(led, "agent") for o in _children(by, "pobj")]
        for by in _children(verb, "agent"):
            found += _children(by, "pobj")
        if verb.dep_ == "acl" and (verb.tag_ == "VBG" or verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")):
            # "companies exhibiting at the fair"; "A partnered with B to ...", parsed as a noun
            # sentence whose verb hangs on its subject
            found.append(verb.head)
        if verb.dep_ == "relcl" and _relative_pronoun(verb, "nsubj"):
            found.append(verb.head)  # "Alibaba Cloud, which runs the park"
        if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "attr"):
            found += [c for c in _children(verb.head, "nsubj")]  # "they were present"
        if not found and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i \
                and not _passive(verb) and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            found = self.agent(verb.head) if verb.dep_ != "ccomp" else []
            if not found and verb.dep_ == "xcomp" and _passive(verb.head):
                found = _children(verb.head, "nsubjpass")  # "A is scheduled to host B": A hosts
            if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_ in words("together_verbs"):
                # "A teamed up with B to set up a fund", "A will partner B to develop X": B too
                found += self.prep(verb.head, "with") + _children(verb.head, "dobj")
        # "A, working with B, set up a fund", or "A partnered with B to set up" when the parser
        # hangs "partnered" on A: the partner does it too
        found += [o for noun in list(found) for acl in _children(noun, "acl")
                  if acl.lemma_ in words("together_verbs") for o in self.prep(acl, "with")]
        for conj in _children(verb, "conj"):  # "A attended X, and so did B"
            if conj.lemma_ == "do" and any(c.lower_ in words("so_did_words") for c in conj.children):
                found += _children(conj, "nsubj")
        if verb.dep_ == "conj" and verb.lemma_ == "do":
            found = []
        return found

    def theme(self, verb: "Token") -> list["Token"]:
        found = _children(verb, "dobj", "nsubjpass")
        found = [t for t in found if t.tag_ not in ("WDT", "WP")]
        if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
            found.append(verb.head)  # "the meeting, co-chaired by A", "the Chongqing-based expo"
            if verb.dep_ == "acl" and verb.i >= 2 and verb.doc[verb.i - 1].text == "," and verb.head.i < verb.i - 2:
                # "the outcome of the eighth meeting of X, chaired by A": the parser hangs the
                # participle on the first noun; the name just before the comma is what it tells of
                found.append(verb.doc[verb.i - 2])
        if verb.dep_ == "advcl" and (verb.tag_ == "VBN" or _children(verb, "agent")) and verb.i < verb.head.i \
                and not _children(verb, "nsubj", "nsubjpass"):
            found += _children(verb.head, "nsubj", "nsubjpass")  # "Organised by A, the forum drew ..."
        if not found and _opening_participle(verb):
            # "Jointly organised by A and B, the fair opened ...": the parser may hang the
            # clause anywhere; what was done to is a name after one of the commas (types decide)
            for comma in (t for t in verb.doc[verb.i + 1:] if t.text == ","):
                k = comma.i + 1
                while k < len(verb.doc) and (verb.doc[k].pos_ in ("DET", "ADV") or verb.doc[k].dep_ in ("poss", "case")):
                    k += 1  # "..., this year's expo"
                if k < len(verb.doc):
                    found.append(verb.doc[k])
        if verb.dep_ == "relcl" and (_relative_pronoun(verb, "dobj", "nsubjpass")
                                     or not _children(verb, "dobj", "nsubjpass", "nsubj")):
            found.append(verb.head)  # "the MOU, which A concluded with B"
        if not found and verb.dep_ == "conj" and _passive(verb) and verb.head.pos_ in ("VERB", "AUX"):
            found = self.theme(verb.head)
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > verb.head.i and verb.i >= 2 \
                and verb.doc[verb.i - 1].text == "," and not _children(verb, "nsubj", "nsubjpass"):
            # "..., held in X": a participle after a comma tells of the noun before it (or of
            # the clause's subject); the parser hangs it on the verb, the types decide
            k = verb.i - 2
            while k > 0 and verb.doc[k].is_punct:
                k -= 1
            found = [*found, verb.doc[k], *self.theme(verb.head)]
            if not _children(verb.head, "dobj"):
                # "The forum follows on the same afternoon, hosted by A": an intransitive clause's subject
                found += _children(verb.head, "nsubj")
        return found

    def prep(self, token: "Token", word: str) -> list["Token"]:
        """Objects of the preposition ``word`` on the token (or on its theme, for "with"), a new list each time.

        Read once per token and word: a trigger's frames, roles and checks ("at an
        occasion", "done jointly") ask the same again.
        """
        found = self._preps.get((token.i, word))
        if found is None:
            found = self._preps[(token.i, word)] = self._prep(token, word)
        return list(found)

    def _prep(self, token: "Token", word: str) -> list["Token"]:
        found = []
        holders = [token] + (self.theme(token) if token.pos_ in ("VERB", "AUX") else [])
        if token.pos_ in ("VERB", "AUX"):
            # "inked a pact on ports with B": the parser hangs the verb's phrase on the object's last noun
            holders += [o for h in holders[1:] for p in _children(h, "prep") for o in _children(p, "pobj")]
        if token.pos_ in ("VERB", "AUX", "PROPN"):
            # and on the last word of a name: the object's ("signed the Memorandum of Understanding on
            # Data Flows with B") or the trigger's own ("the Memorandum of Understanding on Smart
            # Manufacturing between A and B")
            inner = [token] if token.pos_ == "PROPN" else [o for o in holders[1:] if o.pos_ == "PROPN"]
            while inner:
                inner = [o for h in inner for p in _children(h, "prep") for o in _children(p, "pobj")
                         if o.pos_ == "PROPN" and o not in holders]
                holders += inner
        if token.pos_ not in ("VERB", "AUX") and word == "by":
            # "the creation of X by A": the parser hangs the by-phrase on X
            holders += [o for p in _children(token, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
        if token.pos_ == "ADJ" and token.dep_ == "amod":
            holders.append(token.head)  # "joint pilots with B": the noun it qualifies takes the object
        # "signed a memorandum of understanding with B": the parser hangs "with B" on "understanding"
        holders += [o for h in list(holders[1:]) for of in _children(h, "prep") if of.lower_ == "of"
                    for o in _children(of, "pobj") if o.pos_ == "NOUN"]
        if word in ("at", "during") and token.pos_ in ("VERB", "AUX"):
            # "reaffirmed the ties in his speech at the ceremony": where the act was done
            holders += [o for h in list(holders) for p in _children(h, "prep") if p.lower_ in ("in", "during")
                        for o in _children(p, "pobj") if o.pos_ == "NOUN"]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ == word:
                    found += _children(prep, "pobj", "pcomp")
                # "under the umbrella of X", "within the framework of X", "on the sidelines of X"
                # (which is "at X")
                sidelines = word == "at" and prep.lower_ == "on"
                for obj in _children(prep, "pobj") if prep.dep_ == "prep" and (prep.lower_ == word or sidelines) else []:
                    if sidelines and obj.lemma_ != "sideline":
                        continue
                    if obj.lemma_ in ("umbrella", "framework", "auspices", "ambit", "aegis", "banner", "sideline", "behalf"):
                        for of in _children(obj, "prep"):
                            found += _children(of, "pobj")
                        found += _children(obj, "compound")  # "under the CCI framework"
        return found

    def _bearer(self, noun: "Token") -> list["Token"]:
        """What a phrase holding the trigger is said of: "with P in attendance", "with A and B as co-organisers"."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
            return []
        holder = prep.head
        if holder.pos_ in ("NOUN", "PROPN"):
            return [holder]
        if holder.pos_ in ("VERB", "AUX") and prep.lower_ == "as":
            return self.prep(holder, "with")  # "opened, with A and B as co-organisers" hung on the verb
        return []

    def _listed(self, noun: "Token") -> list["Token"]:
        """The names a noun's clause lists: "Exhibitors at the fair include A, B and C", "Among the exhibitors were
        A and B", "The delegation consisted of officials from A", "a delegation of 60 officials, including
        representatives of A", "The delegation numbered 80, including officials from A", "Officials from A
        joined the delegation"."""
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in words("listing_verbs"):
            return _children(head, "dobj", "attr") + [o for p in _children(head, "prep") if p.lower_ == "of"
                                                      for o in _children(p, "pobj")]
        if noun.dep_ == "dobj" and head.lemma_ in words("joining_verbs") and noun.lemma_.lower() in words(
                "collective_nouns"):  # "A joined the delegation" (not "Joining the co-chairs were A and B")
            return self.agent(head)
        if noun.dep_ == "pobj" and head.lower_ == "among" and head.head.i != head.i:
            # "Among the exhibitors were A and B", "Among Chinese exhibitors, A and B showed ..."
            return _children(head.head, "nsubj", "nsubjpass", "attr")
        if noun.lemma_.lower() in words("collective_nouns"):  # "a delegation of 60 officials, including ..."
            found = [o for p in _children(noun, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
            if noun.dep_ == "nsubj":  # "The delegation numbered about 80, including officials from A"
                found += [o for p in _children(head, "prep") if p.lower_ == "including" for o in _children(p, "pobj")]
            return found
        return []

    def _copula_subject(self, noun: "Token") -> list["Token"]:
        """The subject of the copula the noun is predicated by ("X is part of Y", "Among the projects is X")."""
        head = noun
        while head.dep_ in ("pobj", "prep", "attr", "npadvmod") or (head.pos_ == "NUM" and head.dep_ in ("attr", "nsubj")):
            if head.head.i == head.i:
                break
            head = head.head
            if head.lemma_ == "be":
                break
        if head.lemma_ != "be" and head.dep_ != "ROOT":
            return []
        subjects = _children(head, "nsubj", "nsubjpass")
        if any(noun in s.subtree for s in subjects):
            return _children(head, "attr")  # "One of the projects of Y is X": X
        return [s for s in subjects if s.i != noun.i and s not in noun.subtree]


# ---------------------------------------------------------------- tokens to mentions
def spread(tokens: Iterable["Token"], named: set[int] = frozenset()) -> list["Token"]:
    """Tokens plus their coordinations, appositions and the bodies behind bridge nouns.

    An apposition to a name describes it ("Chongqing, China", "Tan, Minister of X"): it
    is not followed, though a name coordinated with it is ("Tan, Minister of X, and
    Liu"); an apposition to a common noun names it ("the capital of Yunnan, Kunming"),
    and the appositions to a plural noun are the items of the list it announces ("three
    meetings: the 20th JSC of A, the 11th JSC of B, and ...").
    ``named`` holds the indexes of tokens inside mentions.
    """
    out: list[Token] = []
    seen: set[int] = set()
    members: set[int] = set()  # items of a list a plural noun announces
    describing: set[int] = set()  # appositions that describe a name (a person's title)
    todo = list(tokens)
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        todo += [c for c in _conjuncts(t) if c.i not in seen]
        todo += [c for u in _name_run(t, named) for c in u.children if c.dep_ == "conj" and not _fronted_subject(c)]
        if t.pos_ == "ADP" and t.dep_ == "conj":  # "officials of A and of B", "of B" hung on "officials"
            todo += _children(t, "pobj")
        if t.pos_ == "NOUN" and t.i not in named and t.lemma_.lower() in words("name_heads"):
            # "the Ningbo Green Corridor project is one of ...": the name the head noun closes
            todo += [c for c in t.children if c.dep_ == "compound" and c.i in named]
        if t.pos_ == "NOUN" and t.i not in named:  # "the capital of Yunnan, Kunming": Kunming names the capital
            todo += [a for of in _children(t, "prep") if of.lower_ == "of" for o in _children(of, "pobj")
                     if o.i in named for a in _children(o, "appos") if a.i in named]
        if t.tag_ in ("NN", "NNS") and t.i not in named and t.dep_ == "nsubj" and t.head.lemma_ in words("listing_verbs"):
            # "the projects backed by the fund are A, run by X, and B": the names it lists (each
            # with what qualifies it; the types of the frame keep the right ones)
            todo += [x for a in _children(t.head, "attr", "dobj") for x in a.subtree if x.i in named]
        if t.lemma_.lower() in words("occurrence_nouns") and t.i not in named:
            # "an annual forum, with the first edition to be held in X": an occurrence of the
            # event its "of" names, else of the one named last before it
            of = [o for p in _children(t, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
            earlier = [k for k in named if k < t.i and t.doc[k].sent == t.sent]
            todo += of or ([t.doc[max(earlier)]] if earlier else [])
        listing = t.i in members or t.tag_ in ("NNS", "NNPS") and t.i not in named
        for child in t.children:
            if child.dep_ == "appos":
                if t.i not in named or child.i not in named or listing:
                    todo.append(child)
                    if t.i in named and child.i not in named and not listing:
                        describing.add(child.i)  # "Ann Lee, Director of X": a title, not X's people
                    if listing:  # "three meetings: the 20th JSC of A, the 11th JSC of B, ..."
                        members.add(child.i)
                todo += [c for c in _conjuncts(child)]
            if child.dep_ == "conj" and child.i not in seen and not _fronted_subject(child):
                todo.append(child)
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in words("bridge_nouns") and t.i not in describing:
            after = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if after is not None and after.dep_ == "prep" and after.lower_ in ("of", "from") and after.head.i != t.i:
                # "officials from Laos and delegates of the ADB": the parser hung "of the ADB" on "Laos"
                todo += _children(after, "pobj")
            if t.dep_ == "pobj" and t.head.lower_ == "among" and t.head.head.lemma_ == "be":
                # "A and B are among the banks taking part": the banks meant are the subject
                todo += _children(t.head.head, "nsubj")
            for child in t.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "including", "like", "as"):
                    # "officials of A and of B": the second "of" is a conjunct of the first
                    todo += [o for p in (child, *child.conjuncts) for o in _children(p, "pobj")]
                if child.dep_ in ("appos", "nmod", "compound") and child.pos_ == "PROPN":
                    todo.append(child)
                if child.dep_ == "poss" and t.lemma_.lower() in words("collective_nouns"):
                    todo.append(child)  # "Singapore's delegation", not "Norway's Minister"
                if child.dep_ in ("acl", "prep") and child.lower_ in words("list_markers"):
                    todo += _children(child, "dobj", "pobj")
    return out


def _name_run(token: "Token", named: set[int]) -> list["Token"]:
    """The other tokens of the name ``token`` lies in (consecutive tokens in ``named``).

    The parser may hang a coordinated name below any word of the name before it ("by Tan
    Kiat How, ..., and Liu Liehong": "Liehong" a conjunct of "How", the agent "Kiat").
    """
    if token.i not in named:
        return []
    doc, run = token.doc, []
    i = token.i - 1
    while i >= 0 and i in named and doc[i].pos_ == "PROPN":
        run.append(doc[i])
        i -= 1
    i = token.i + 1
    while i < len(doc) and i in named and doc[i].pos_ == "PROPN":
        run.append(doc[i])
        i += 1
    return run


def denoted(tokens: list["Token"], parsed: "Parsed", mentions: list["EntityMention"]) -> list["EntityMention"]:
    """The mentions the tokens lie in: the outermost of each type at each token."""
    found: list[EntityMention] = []
    for t in tokens:
        start = parsed.offset(t)
        end = start + len(t.text) - (len(t.text) > 1 and t.text.endswith("."))  # "Beta Ltd." ending a sentence
        holding = [m for m in mentions if m.start <= start and end <= m.end]
        for m in holding:
            if not any(o is not m and o.type == m.type and o.start <= m.start and m.end <= o.end
                       and (o.start, o.end) != (m.start, m.end) for o in holding):
                found.append(m)
    return found


@dataclass(frozen=True)
class Reading:
    """A pair a frame read: subject and object mentions and the frame."""

    subject: "EntityMention"
    relation: str
    object: "EntityMention"
    frame: Frame


def read_sentence(analysis: "Analysis", sentence: "Sentence",
                  before: list["EntityMention"] | None = None) -> list[Reading]:
    """Every pair the frames read in one sentence whose types fit the contract.

    Args:
        analysis: the document's analysis (its parses and mentions).
        sentence: one of its sentences.
        before: the mentions of the sentences before, in text order, for pronouns
            ("witnessed it": the last entity of an allowed type).
    """
    from sgcn.loaders.extract.relations import contract

    parsed = analysis.parsed(sentence)
    dateline = analysis.dateline
    mentions = [m for m in analysis.mentions_in(sentence)
                if dateline is None or not (dateline[0] <= m.start and m.end <= dateline[1])]
    if parsed is None or not mentions:
        return []
    types = contract()
    pair = analysis.once(the_two_sides)  # of the whole document: counted once
    co_chairs = analysis.once(the_co_chairs)
    speaker = analysis.once(the_speaker)
    readings: list[Reading] = []
    named = _named(parsed, mentions)
    for token in parsed:
        roles = Roles(token)  # one per trigger, whose frames ask it the same roles
        for frame in frames_of(token):
            if any(c.lemma_ in frame.cancel or c.dep_ == "neg" for c in token.children):
                continue
            subject_types, object_types = types[frame.relation]
            subjects = _ends(frame.subject, roles, parsed, mentions, before, subject_types, pair, co_chairs, speaker,
                             named=named)
            objects = _ends(frame.object, roles, parsed, mentions, before,
                            # "A and B, who co-chair the council": its meeting (relations.py)
                            {*object_types, *_CHAIRED_BODIES} if frame.relation == "co_chaired" else object_types,
                            pair, named=named)
            copula = _inverted(token)
            if frame.inverted and copula is None:
                continue
            if copula is not None and "agent" in frame.subject:
                # "Chairing the meeting were A and B": the names after "were" are who did it,
                # however the parser hung them
                after = parsed.offset(copula)
                named = [m for m in mentions if m.start > after and m.type in subject_types
                         and m not in subjects and m not in objects]
                if any(m.type == "Person" for m in named):  # people with their titles' bodies: the people
                    named = [m for m in named if m.type == "Person"]
                subjects += named
            if frame.joint and not _done_jointly(token, roles, subjects):
                continue
            if not frame.predicated and token.pos_ in ("NOUN", "PROPN") and any(
                    m.type not in subject_types for m in denoted(roles.get("attr-subject"), parsed, mentions)):
                continue  # "the project is a collaboration between A and B": A and B are its partners
            if "coagent" in frame.object and not _severally(token) and not objects:
                # "A and B partnered", "A and B formed a joint venture": each with the others; in
                # "A and B partnered with C", C is the partner named (A and B are not paired)
                objects += _ends(("agent",), roles, parsed, mentions, before, object_types, named=named)
                if _made_together(token):
                    objects += _ends(("governor-agent",), roles, parsed, mentions, before, object_types, named=named)
            if "context" in frame.object:
                objects += _context(mentions, before, object_types, subjects)
            if "occasion" in frame.object and not objects and _at_an_occasion(roles, parsed, mentions):
                # "gave an address at the opening ceremony": of the event the text tells of
                objects += _context(mentions, before, object_types, subjects)
            for s in subjects:
                for o in objects:
                    if s.entity != o.entity:
                        readings.append(Reading(s, frame.relation, o, frame))
    return readings


_CHAIRED_BODIES = ("Organization", "Initiative")


def _at_an_occasion(roles: Roles, parsed, mentions) -> bool:
    """Whether the trigger is done "at" or "during" an occasion the sentence does not name ("at the opening ceremony")."""
    return any(o.lemma_.lower() in words("occasion_nouns") and not denoted([o], parsed, mentions)
               for word in ("at", "during") for o in roles.prep(roles.trigger, word))


def _named(parsed, mentions) -> set[int]:
    """The indexes of the tokens inside ``mentions``."""
    return {t.i for m in mentions for t in (parsed.span(m.start, m.end) or ())}


def _ends(wanted, roles: Roles, parsed, mentions, before, types, pair=(), co_chairs=(),
          speaker=(), *, named: set[int] | None = None) -> list["EntityMention"]:
    """The mentions of allowed ``types`` that fill any of the ``wanted`` roles.

    ``pair`` holds the mentions of the two places the document is about, for "the two
    sides" and "both countries"; ``co_chairs`` the people it says co-chaired, for "the co-chairs";
    ``speaker`` the person whose speech the document is, for "I". ``named`` is :func:`_named`
    of the sentence (made here when not given: :func:`read_sentence` makes it once, not once
    per frame).
    """
    tokens: list[Token] = []
    for role in wanted:
        tokens += roles.get(role)
    if named is None:
        named = _named(parsed, mentions)
    spread_tokens = spread(tokens, named)
    found = [m for m in denoted(spread_tokens, parsed, mentions) if m.type in types]
    if "Person" in types:
        found += _titled(spread_tokens, parsed, mentions, named)
    splits = {parsed.offset(t.left_edge) for t in spread_tokens if _fronted_subject(t)} | {
        parsed.offset(c.left_edge) for t in spread_tokens for c in t.conjuncts if _fronted_subject(c)}
    found += _coordinated_in_text(found, mentions, parsed.text, parsed.start, splits)
    for t in spread_tokens:
        if t.lower_ in words("pronouns") and t.pos_ in ("PRON", "DET") and before:
            # "Since the SCI began, it has drawn firms": a thing a clause before it names is what
            # "it" stands for, whatever its type; else the last one of the types asked for
            here = [m for m in mentions if m.end <= parsed.offset(t) and m.type not in ("Person", "Place")
                    and "," in parsed.text[m.end - parsed.start:parsed.offset(t) - parsed.start]]
            # a name inside another ("Smart China Expo" in "Smart China Expo 2026") is not what "it" stands for
            outer = [m for m in before if not any(o is not m and o.start <= m.start and m.end <= o.end for o in before)]
            earlier = here[-1:] if here else [m for m in outer if m.type in types][-1:]
            if not here and t.lower_ in ("they", "them", "their"):
                # "A and B co-chaired the meetings. They also held ...": the people, bodies or places
                # named last; when they are of a type not asked for, the pronoun stands for none
                earlier = [m for m in outer if m.type in ("Person", "Organization", "Place")][-1:]
            found += [m for m in earlier if m.type in types]
        if "Person" in types and speaker and t.lower_ in ("i", "me") and t.tag_ == "PRP" \
                and not _quoted(parsed.text, parsed.offset(t) - parsed.start):
            found += speaker  # "Vice Mayor Zheng and I held the meeting", in a speech: its speaker
        if "Person" in types and _the_co_chairs_word(t) and (chairs := [
                m for m in co_chairs if m.end <= parsed.offset(t)]):
            found += chairs  # "witnessed by the co-chairs": who the document says co-chaired
        elif "Person" in types and _pair_of_people(t):
            found += _last_two_named(before or [], mentions, parsed.offset(t))
        if "Organization" in types and _pair_of_bodies(t):
            found += _last_two_named(before or [], mentions, parsed.offset(t), "Organization")
        if "Place" in types and _pair_of_sides(t) and pair:
            found += pair
        if "Agreement" in types and _the_signing(t):  # "witnessed the signing": of the agreement just named
            earlier = [m for m in [*(before or []), *mentions] if m.type == "Agreement" and m.end <= parsed.offset(t)]
            if earlier:
                found.append(earlier[-1])
    return found


def _titled(tokens: list["Token"], parsed, mentions, named: set[int]) -> list["EntityMention"]:
    """The person a title stands for when the parser made the title the head of the name.

    "Minister for Trade and Industry Gan Kim Yong delivered ...": the subject is
    "Minister" and the name hangs below it (as a conjunct of "Industry"); the first
    person named after the title in its phrase is who the title names ("Deputy Prime
    Minister and Minister for Trade and Industry Gan Kim Yong and Vice Premier Ding
    Xuexiang": the parser hangs all of it below the first "Minister"). The people
    coordinated with that person are named too ("by Minister for National Development
    Desmond Lee and Tianjin Mayor Zhang Gong": "Gong" a conjunct of "Lee").
    """
    from sgcn.loaders.extract import lexicon

    found = []
    for t in tokens:
        if t.i in named or t.pos_ != "PROPN" or not lexicon.is_title([t.text]):
            continue
        inside = {x.i for x in t.subtree}
        people = [(m, span) for m in mentions if m.type == "Person" and m.start > parsed.offset(t)
                  and (span := parsed.span(m.start, m.end)) and all(x.i in inside for x in span)]
        if not people:
            found += _named_after_title(t, parsed, mentions)
            continue
        first, span = people[0]
        found.append(first)
        coordinated = {c.i for c in span.root.conjuncts}
        found += [m for m, other in people[1:] if other.root.i in coordinated]
        # "... Josephine Teo and Shenzhen Mayor Qin Weizhong": a title coordinated with the person
        # names the person written right after it, wherever the parser hung the name
        for title in (c for c in span.root.conjuncts if c.pos_ == "PROPN" and lexicon.is_title([c.text])):
            found += _named_after_title(title, parsed, mentions)
    return found


def _named_after_title(title: "Token", parsed, mentions) -> list["EntityMention"]:
    """The person named right after ``title`` and its complement, wherever the parser hung the name:
    "Shenzhen Mayor Qin Weizhong", "Governor of Hainan Province Wang Fei"."""
    after = parsed.offset(title) + len(title.text) - parsed.start
    return [m for m in mentions if m.type == "Person" and m.start - parsed.start > after
            and _TITLE_COMPLEMENT.fullmatch(parsed.text[after:m.start - parsed.start])][:1]


# what lies between a title and the name it introduces: nothing, or the body or place it is of
_TITLE_COMPLEMENT = re.compile(r"\s+(?:(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:and\s+)?){1,6})?")


def _the_signing(token: "Token") -> bool:
    """"the signing", "that signing", "the exchange": an act of signing named before, with no "of" of its own."""
    return (token.lemma_.lower() in words("signing_nouns") and token.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in token.children)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children))


def _inverted(token: "Token") -> "Token | None":
    """The "were" of a clause whose predicate comes first and its subject after it, else ``None``.

    "Joining them were A and B", "Attending were A and B", "Also present were A and B",
    "Co-organising the forum were A and B", "Among those present were A and B".
    """
    among = token.head
    if among.lower_ in ("those", "them") and among.dep_ == "pobj" and among.head.lower_ == "among" \
            and among.head.head.lemma_ == "be" and among.head.head.i > token.i:
        return among.head.head
    first = next((t for t in token.doc if not t.is_punct and t.pos_ not in ("ADV", "NUM", "X")), None)
    if first is None or first.i != token.i:
        return None
    if token.dep_ in ("acomp", "attr", "csubj"):  # "Also present were ...", "Co-organising X were ..."
        return token.head if token.head.lemma_ == "be" and token.head.i > token.i else None
    return next((c for c in token.children if c.dep_ == "aux" and c.lemma_ == "be" and c.i > token.i), None)


def _context(mentions: list["EntityMention"], before: list["EntityMention"] | None, types,
             subjects: list["EntityMention"]) -> list["EntityMention"]:
    """The event a sentence is about when it does not name it: the one it names, else the last one named before.

    What was named last must be of the types asked for: after "The pilot came out of the
    5th meeting. ... The participants include A and B", the text tells of the pilot.
    """
    taken = {m.entity for m in subjects}
    own = [m for m in mentions if m.type in types and m.entity not in taken]
    if own:
        return own[:1]
    told = [m for m in before or [] if m.type in _TOLD_OF and m.entity not in taken]
    if told and told[-1].type not in types and not any(o.start <= told[-1].start and told[-1].end <= o.end
                                                      and o.type in types for o in told):
        return []
    earlier = [m for m in before or [] if m.type in types and m.entity not in taken]
    # the series inside an edition's name ("Smart China Expo" in "Smart China Expo 2023") is not what was named
    outer = [m for m in earlier if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                                           for o in earlier)]
    return outer[-1:]


def _pair_of_sides(token: "Token") -> bool:
    """"The two sides", "both countries", "the two cities": the two places a bilateral story is about."""
    return (token.tag_ == "NNS" and token.lemma_.lower() in words("side_nouns")
            and any(c.lower_ in ("two", "both") for c in token.children))


def the_two_sides(analysis: "Analysis") -> tuple["EntityMention", ...]:
    """The two places a document names together most often ("Singapore and Shenzhen"), if any.

    A bilateral story names its two sides side by side ("Singapore and Guangdong
    added ...", "between Singapore and Shenzhen"); the pair named so most often (the
    first such pair on a tie) is what "the two sides" stands for. Their first joint
    mentions are returned.
    """
    text = analysis.document.text
    places = [m for m in analysis.mentions if m.type == "Place"]
    counts: dict[tuple[str, str], list] = {}
    for a, b in zip(places, places[1:]):
        if a.entity != b.entity and re.fullmatch(r"\s+(?:and|&)\s+", text[a.end:b.start]):
            counts.setdefault(tuple(sorted((a.entity, b.entity))), []).append((a, b))
    if not counts:
        return ()
    best = max(counts.values(), key=lambda found: (len(found), -found[0][0].start))
    return best[0]


_CO_CHAIRED = re.compile(r"\bco-?chair(?:ed|s|ing)?\b", re.I)


def the_co_chairs(analysis: "Analysis") -> tuple["EntityMention", ...]:
    """The people of the first sentence that tells who co-chaired ("A and B co-chaired the meeting",
    "The meeting was co-chaired by A, ..., and B, ..."): whom "the co-chairs" stands for later.

    Two or more people must be named in it; else the document names no co-chairs so.
    """
    for sentence in analysis.sentences:
        if _CO_CHAIRED.search(sentence.text):
            people = [m for m in analysis.mentions_in(sentence) if m.type == "Person"]
            distinct = list({m.entity: m for m in people}.values())
            if len(distinct) >= 2:
                return tuple(distinct[:2])
    return ()


_SPEECH_BY = re.compile(r"\b(?:speech|remarks|address|statement|keynote|toast)\s+(?:delivered\s+|given\s+)?by\b",
                        re.I)


def the_speaker(analysis: "Analysis") -> tuple["EntityMention", ...]:
    """The person a speech's heading names ("SPEECH BY MS LOW YEN LING, SENIOR MINISTER OF STATE ...",
    "Remarks by Minister X at ..."): who "I" is in it, outside quotations. ``()`` for any other text.
    """
    text = analysis.document.text
    head = _SPEECH_BY.search(text[:600])
    if head is None:
        return ()
    line_end = text.find("\n", head.end())
    line_end = len(text) if line_end < 0 else line_end
    people = sorted((m for m in analysis.mentions if m.type == "Person" and head.end() <= m.start < line_end),
                    key=lambda m: m.start)
    return tuple(people[:1])


def _quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` of a sentence lies inside a quotation (an odd number of quote marks before it)."""
    before = text[:offset]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _the_co_chairs_word(token: "Token") -> bool:
    """ "the co-chairs", "the two co-chairs", "both co-chairs" (not "a co-chair")."""
    return token.tag_ == "NNS" and token.lower_.replace("-", "") == "cochairs" and any(
        c.lower_ in ("the", "two", "both") for c in token.children)


def _pair_of_people(token: "Token") -> bool:
    """"The two leaders", "both co-chairs", "the two ministers": a pair of people named before.

    "The two" standing alone as the subject of a copula whose complement is a person noun
    ("The two are the co-chairs of the JIC") is such a pair too, and so is "the two" as the
    subject of any other verb ("the two also presided over the meetings": the frame's types
    keep only what people can do).
    """
    if token.lower_ == "two" and token.dep_ == "nsubj" and token.head.lemma_ == "be" \
            and any(a.dep_ == "attr" and a.lemma_.lower() in words("person_nouns") for a in token.head.children):
        return True
    if token.lower_ == "two" and token.pos_ == "NUM" and token.dep_ == "nsubj" and token.head.lemma_ != "be" \
            and any(c.lower_ == "the" and c.dep_ == "det" for c in token.children):
        return True
    return (token.tag_ == "NNS" and token.lemma_.lower() in words("person_nouns")
            and any(c.lower_ in ("two", "both") for c in token.children))


def _pair_of_bodies(token: "Token") -> bool:
    """"The two companies", "both banks": a pair of bodies named before."""
    return (token.tag_ == "NNS" and token.lemma_.lower() in words("body_nouns")
            and any(c.lower_ in ("two", "both") for c in token.children))


def _last_two_named(before: list["EntityMention"], mentions: list["EntityMention"],
                    position: int, type_: str = "Person") -> list["EntityMention"]:
    """The last two distinct people (or entities of ``type_``) named before ``position`` (in the
    sentences before, or this one)."""
    named: list[EntityMention] = []
    for m in reversed([*before, *(m for m in mentions if m.end <= position)]):
        if m.type == type_ and all(m.entity != n.entity for n in named):
            named.append(m)
        if len(named) == 2:
            return named
    return []


_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|&|or)\s+)(?:(?:the|Mr|Ms|Mrs|Dr|Madam)\.?\s+)?$")


_TITLED_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?P<words>(?:[A-Z][\w'’-]*\s+){1,6})$")


def _titled_gap(gap: str) -> bool:
    """Whether the words between two people's names are "and" and the second one's title, a place
    maybe before it: "Ann Lee and Xiamen Vice Mayor Zhou Lei", "A, Deputy Governor B".

    Examples:
        >>> _titled_gap(" and Xiamen Vice Mayor "), _titled_gap(", Chief Executive "), _titled_gap(" and Acme Bank ")
        (True, True, False)
    """
    from sgcn.loaders.extract import lexicon

    found = _TITLED_GAP.match(gap)
    if found is None:
        return False
    words = found.group("words").split()
    return any(lexicon.title_length(words, k) == len(words) - k for k in range(min(2, len(words))))


def _coordinated_in_text(found, mentions, text: str, offset: int, splits=frozenset()) -> list["EntityMention"]:
    """Mentions of the same type joined to a found one by "and" or a comma in the text.

    The parser sometimes loses a coordination inside long names ("Tan Kiat How and Liu
    Liehong": "How" read as an adverb); the words between two names still show it. A
    mention starting at one of ``splits`` (where a fronted subject begins, see
    :func:`_fronted_subject`) is not joined across.
    """
    out = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for m in found:
        i = ordered.index(m) if m in ordered else -1
        for step in (-1, 1):
            j = i + step
            current = m
            while 0 <= j < len(ordered):
                other = ordered[j]
                if m.type == "Person" and other.type == "Place":
                    j += step  # "Ann Lee and Xiamen Vice Mayor Zhou Lei": the place is the title's
                    continue
                a, b = (other, current) if step < 0 else (current, other)
                gap = text[a.end - offset:b.start - offset]
                if other.type != m.type or not (_LIST_GAP.match(gap) or m.type == "Person" and _titled_gap(gap)) \
                        or any(a.end < split <= b.start for split in splits):
                    break
                if m.type == "Place" and "," in gap and " and " not in gap and "&" not in gap:
                    break  # "Chengdu, China": a city and its country, not a list
                out.append(other)
                current = other
                j += step
    return out


def _made_together(token: "Token") -> bool:
    """Whether a noun trigger is what its clause's subjects make together.

    "A and B formed a joint venture", "A and B signed a partnership": the object of a
    verb of setting up or signing (a trigger of ``launched`` or ``party_to``); not "A and
    B are among the partners of X", "A and B unveiled joint projects" (joint with others),
    "to steer the partnership".
    """
    return token.pos_ == "NOUN" and token.dep_ == "dobj" and any(
        f.relation in ("launched", "party_to") for f in frames_of(token.head))


def _severally(token: "Token") -> bool:
    """Whether the clause of ``token`` says its subjects act each on their own ("A and B will each ...")."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return any(c.lower_ in words("severally_words") for c in (*head.children, *token.children))


def _done_jointly(token: "Token", roles: Roles, subjects: list["EntityMention"]) -> bool:
    """Whether a trigger such as "chair" or "lead" is done together ("jointly", "A with B", "A and B")."""
    if any(c.lower_ in words("joint_words") for c in token.children) or token.lower_.startswith(("co-", "cochair")):
        return True
    if roles.prep(token, "with"):
        return True
    if any(o.lemma_ == "side" for o in roles.prep(token, "on") + roles.prep(token, "for")):
        return True  # "chaired on the Chinese side by A": each side had its chair
    return len({m.entity for m in subjects}) >= 2


def read_frames(analysis: "Analysis", sentence: "Sentence") -> list:
    """The relations the frames read in one sentence, each with the sentence as evidence."""
    from sgcn.loaders.facts import Evidence, Relation

    index = analysis.position(sentence)
    before = [m for s in analysis.sentences[max(0, index - 2):index] for m in analysis.mentions_in(s)]
    evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
    out, seen = [], set()
    for r in read_sentence(analysis, sentence, before):
        key = (r.subject.entity, r.relation, r.object.entity)
        if key not in seen:
            seen.add(key)
            out.append(Relation(r.subject.entity, r.relation, r.object.entity, evidence))
    return out
