"""Open-world recognition: every proper name the text uses is a candidate.

The rule pass (:mod:`~sgcn.loaders.extract.names`) finds names it can type from their
own words: a head word ("Authority", "Expo"), a title or honorific before a person, a
legal form. This pass runs after it, over the trained pipeline's parse of each sentence,
and takes every other proper name as a candidate: the spans the model labels as a
person, an organisation, a place, a facility, an event or a law, and runs of proper
nouns it left unlabelled. A candidate becomes an entity when the evidence types it,
weighed in this order (:func:`type_of`):

1. the gazetteer and the name's head word (what the name says it is);
2. its syntactic slot: a coordination with names already typed ("Wang Fu and Cai
   Yunge", "Microsoft, Qualcomm and Lenovo"), an apposition ("CapitaLand, the real
   estate group"), the object of a list introduced by a company noun ("companies
   including Kingdee and Perfect World"), a lower-case title before it ("managing
   director Ong Siew Lin") or a company noun ("start-up Zentrova");
3. the model's label, for names shaped like what it says (a person's name has two
   to four capitalised words and no head word of an organisation).

Names that are parts of titles ("Minister for Home Affairs", "Health Minister"),
concepts of the topic scheme ("AI", "IoT"), bare kinds of agreement ("MOU", "FTA")
and ordinary capitalised words ("Background", "Opens") are not candidates.

Examples:
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> from sgcn.loaders.document import Document
    >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext",
    ...     text="Exhibitors at the fair included well-known companies such as Zentrova and Orbisense.")
    >>> sorted((e.type, e.label) for e in analyze(doc).entities.values())
    [('Organization', 'Orbisense'), ('Organization', 'Zentrova')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from sgcn.loaders.extract import gazetteer, lexicon
from sgcn.loaders.extract.literals import Literals
from sgcn.loaders.extract.names import is_headline

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sgcn.loaders.extract.mentions import Recognition
    from sgcn.loaders.extract.nlp import Parsed

# the model's labels and the entity type each suggests
MODEL_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
    "LAW": "Agreement",
}
# nouns of the bodies that take part in something ("exhibitors include A and B")
_PARTICIPANT_NOUNS = {"exhibitor", "participant", "partner", "sponsor", "member", "company", "firm",
                      "enterprise", "start-up", "startup", "brand", "organisation", "organization"}
# the model's labels of spans that are no names
_NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# words that introduce a list of companies or bodies ("companies including A and B")
_LIST_MARKERS = {"including", "include", "includes", "included", "such", "like", "namely", "among"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth|inaugural)$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]+[A-Z][\w'’.-]*|\d+\w*|&|of|for|and|de|on|the|-)$")


@dataclass(frozen=True)
class OpenCandidate:
    """A proper name found in a parse, before it is typed.

    Attributes:
        start, end: offsets in the document's text.
        text: the name as written.
        label: the model's entity label, or ``""`` for a run of proper nouns.
        tokens: the tokens of the name.
    """

    start: int
    end: int
    text: str
    label: str
    tokens: tuple["Token", ...]

    @property
    def root(self) -> "Token":
        """The name's syntactic head: the token whose head lies outside it."""
        inside = {t.i for t in self.tokens}
        for t in self.tokens:
            if t.head.i not in inside or t.head.i == t.i:
                return t
        return self.tokens[-1]


def candidates(parsed: "Parsed") -> list[OpenCandidate]:
    """The proper names of one parsed sentence: the model's entities and unlabelled proper-noun runs.

    Examples:
        >>> from sgcn.loaders.extract.nlp import parse
        >>> from sgcn.loaders.extract.spans import Sentence
        >>> [p] = parse([Sentence(0, 41, "The Ministry met Zentrova and Orbisense.")])
        >>> [c.text for c in candidates(p)]
        ['Ministry', 'Zentrova', 'Orbisense']
    """
    found: list[OpenCandidate] = []
    covered: set[int] = set()
    for ent in parsed.doc.ents:
        if ent.label_ in _NOT_NAMES:
            covered.update(range(ent.start, ent.end))  # a date or a number is nobody's name
            continue
        if ent.label_ not in MODEL_TYPES:
            continue  # NORP, PRODUCT, WORK_OF_ART ...: the proper nouns inside are still candidates
        start = _compound_start(ent) if ent.label_ == "ORG" else _person_start(ent) if ent.label_ == "PERSON" \
            else ent.start
        end = _person_end(ent) if ent.label_ == "PERSON" else ent.end
        covered.update(range(start, end))
        for piece in _comma_pieces(parsed.doc[start:end]):  # "Shopee, Carousell": a list, not a name
            cand = _trimmed(parsed, piece, ent.label_)
            if cand is not None:
                found.append(cand)
    found = [c for c in found if not any(o.start <= c.start and c.end <= o.end and o is not c
                                         and (o.start, o.end) != (c.start, c.end) for o in found)]
    portfolios = _title_portfolios(parsed.doc)
    found = [c for c in found if not any(a <= c.tokens[0].i < b for a, b in portfolios)]
    covered.update(i for a, b in portfolios for i in range(a, b))
    run: list[Token] = []
    for token in [*parsed.doc, None]:
        if token is not None and token.i not in covered and (_proper(token) or _joining_hyphen(token, run)):
            run.append(token)
            continue
        if run:
            cand = _trimmed(parsed, run, "")
            if cand is not None:
                found.append(cand)
            run = []
    return sorted(found, key=lambda c: c.start)


def _title_portfolios(doc) -> list[tuple[int, int]]:
    """Token ranges of the portfolios in brackets after titles: "Deputy Managing Director (Markets and
    Development)", "Deputy President (Research and Technology)" name a remit, no body.

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("Mr Ong, Deputy Managing Director (Markets and Development), MAS, spoke.")
        >>> [doc[a:b].text for a, b in _title_portfolios(doc)]
        ['Markets and Development']
    """
    found = []
    for token in doc:
        if token.text != "(" or token.i == 0:
            continue
        words = [t.text for t in doc[max(0, token.i - 3) : token.i]]
        if not any(lexicon.is_title(words[k:]) for k in range(len(words))):
            continue
        close = next((t.i for t in doc[token.i + 1 : token.i + 12] if t.text == ")"), None)
        if close is not None:
            found.append((token.i + 1, close))
    return found


def coordinated_names(parsed: "Parsed", start: int, end: int) -> list[tuple[int, int]]:
    """The names a rule name joined over "and" when the model reads two names there.

    The rules keep "and" inside a name ("Ministry of Trade and Industry"); where the
    trained pipeline labels a name ending right before the "and" and another starting
    right after it, inside the span, the span holds two names: "PSA International and
    Beibu Gulf Port Group", "Grab and Sea Group". Returns the document offsets of the
    pieces, or ``[]`` when the model does not split the span.

    Examples:
        >>> from sgcn.loaders.extract.nlp import parse
        >>> from sgcn.loaders.extract.spans import Sentence
        >>> text = "It is a venture between PSA International and Beibu Gulf Port Group."
        >>> [p] = parse([Sentence(0, len(text), text)])
        >>> [text[a:b] for a, b in coordinated_names(p, 24, 67)]
        ['PSA International', 'Beibu Gulf Port Group']
        >>> text = "The Ministry of Trade and Industry said so."
        >>> [p] = parse([Sentence(0, len(text), text)])
        >>> coordinated_names(p, 4, 33)
        []
    """
    span = parsed.span(start, end) if start >= parsed.start else None
    if span is None:
        return []
    names = [e for e in parsed.doc.ents if e.label_ in MODEL_TYPES and span.start <= e.start and e.end <= span.end]
    if any(e.label_ == "PERSON" for e in names):
        return []  # "Keppel Land and X Holdings": the model takes a body for a person; the rules' one name stands
    cuts = [t.i for t in span if t.lower_ in ("and", "&") and any(
        e.start == t.i + 1 and (any(n.end == t.i for n in names) or _conjoined_name(span, t, e)) for e in names)]
    if not cuts:
        return []
    edges = [span.start - 1, *cuts, span.end]
    pieces = [parsed.doc[a + 1:b] for a, b in zip(edges, edges[1:])]
    return [(parsed.offset(p[0]), parsed.offset(p[-1]) + len(p[-1].text)) for p in pieces if len(p)]


def _conjoined_name(span: "Span", conjunction: "Token", after: "Span") -> bool:
    """Whether the name ``after`` the conjunction is parsed as a conjunct of the words before it.

    "Grab and Sea Group" (the model labels only "Sea Group"): the words before "and",
    back to a comma or the span's start, hold no "of" or "for" (the complement of an "X
    of Y" name is no name: "Ministry of Trade and Industry") and the parser makes the
    name's head a conjunct of one of them.
    """
    k = conjunction.i
    while k > span.start and conjunction.doc[k - 1].text != ",":
        k -= 1
    before = conjunction.doc[k:conjunction.i]
    if not len(before) or any(t.lower_ in ("of", "for", "on") for t in before):
        return False
    root = after.root
    return root.dep_ == "conj" and before.start <= root.head.i < before.end


def _compound_start(ent: "Span") -> int:
    """Where an organisation's name starts when the model left out the places that open it.

    "the Singapore-Nanning Data Express": the model labels "Data Express"; "Singapore",
    "-" and "Nanning" are compounds of its head, written on to it without a break.
    """
    doc = ent.doc
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i < ent.start or prev.head.i >= ent.end or prev.ent_type_ == "PERSON":
            break
        if prev.text == "-" and not prev.whitespace_ and start >= 2 and not doc[start - 2].whitespace_ \
                and _proper(doc[start - 2]):
            start -= 2
            continue
        if prev.dep_ == "compound" and _proper(prev):
            start -= 1
            continue
        break
    return start


def _comma_pieces(span: "Span") -> list[list["Token"]]:
    """The tokens of a labelled span cut at its commas, and at an "and" closing a company's name:
    the model may label a list as one name ("Shopee, Carousell", "Ant International and Tencent
    Financial Technology"; never "Ministry of Trade and Industry").

    Examples:
        >>> import spacy
        >>> doc = spacy.blank("en")("Ant International and Tencent Cloud joined")
        >>> [[t.text for t in p] for p in _comma_pieces(doc[0:5])]
        [['Ant', 'International'], ['Tencent', 'Cloud']]
        >>> doc = spacy.blank("en")("Harbour Investment and Development Co")
        >>> len(_comma_pieces(doc[0:5]))
        1
    """
    pieces: list[list[Token]] = [[]]
    for t in span:
        if t.text == "," or t.lower_ in ("and", "&") and _closes_company(pieces[-1]) \
                and t.i + 1 < span.end and _opens_company(t.doc[t.i + 1]):
            pieces.append([])
        else:
            pieces[-1].append(t)
    return [p for p in pieces if p]


def _opens_company(token: "Token") -> bool:
    """Whether a word may open another company's name: capitalised and no descriptor
    ("Tencent", not the "Development" of "X Investment and Development Co")."""
    return token.text[:1].isupper() and not (_company_ending([token.text, token.text])
                                              or token.text in lexicon.data()["company_descriptors"])


def _closes_company(tokens: list["Token"]) -> bool:
    """Whether words end as a company's name does, with no "of" or "for" in them ("Ant International")."""
    words = [t.text for t in tokens]
    return len(words) >= 2 and not any(w in ("of", "for", "on") for w in words) and _company_ending(words)


def _person_start(ent: "Span") -> int:
    """Where a person's name starts when the model left out the surname that opens it.

    "IMDA chief executive Ng Cher Pong": the model labels "Cher Pong"; "Ng", right
    before it, is a surname.
    """
    doc, start = ent.doc, ent.start
    if start > 0 and ent.end - start < 4:
        prev = doc[start - 1]
        if prev.pos_ == "PROPN" and not prev.ent_type_ and lexicon.is_surname(prev.text) \
                and len(ent) >= 2:
            return start - 1
    return start


def _person_end(ent: "Span") -> int:
    """Where a person's name ends when the model left out the last word of a three-word name.

    "MAS managing director Chia Der Jiun": the model labels "Chia Der"; "Der" is a
    compound of "Jiun", the capitalised word right after it, which is no title or head word.
    """
    doc, end = ent.doc, ent.end
    while end < len(doc) and end - ent.start < 4:
        last, nxt = doc[end - 1], doc[end]
        if not (last.dep_ == "compound" and last.head.i == end and nxt.pos_ == "PROPN"
                and nxt.ent_type_ in ("", "PERSON") and re.fullmatch(r"[A-Z][a-z]+", nxt.text) and not lexicon.head_type(nxt.text)
                and not lexicon.is_title([nxt.text])):
            break
        end += 1
    return end


def _joining_hyphen(token: "Token", run: list["Token"]) -> bool:
    """A hyphen written without spaces between two proper nouns of a run ("Singapore-Nanning")."""
    if token.text != "-" or not run or run[-1].whitespace_ or token.whitespace_ or token.i + 1 >= len(token.doc):
        return False
    return _proper(token.doc[token.i + 1])


def _proper(token: "Token") -> bool:
    """A capitalised word the tagger reads as (part of) a name.

    A proper noun; or a noun capitalised inside a sentence, or written with a capital
    inside ("kiteLabs"): a name the tagger took for a common noun. A proper noun with a
    capital inside only ("fibreNest") is one too.
    """
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    inner_capital = token.text[:1].islower() and any(c.isupper() for c in token.text[1:])
    capitalised_noun = token.text[:1].isupper() and not token.is_sent_start and not token.text.isupper()
    return token.pos_ == "NOUN" and (inner_capital or capitalised_noun) or token.pos_ == "PROPN" and inner_capital


def _trimmed(parsed: "Parsed", tokens: list["Token"], label: str) -> OpenCandidate | None:
    """The name without determiners, ordinals, possessive endings and punctuation at its edges."""
    while tokens and (tokens[0].lower_ in _DETERMINERS or _ORDINAL.match(tokens[0].text)
                      or tokens[0].is_punct or tokens[0].like_num):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s", "'", "’")
                      or tokens[-1].lower_ in ("and", "of", "for", "the", "&")):
        tokens = tokens[:-1]
    if not tokens or not any(t.text[:1].isupper() or (t.text[:1].islower() and any(c.isupper() for c in t.text))
                             for t in tokens):
        return None
    if not all(_NAME_WORD.match(t.text) for t in tokens):
        return None
    start = parsed.offset(tokens[0])
    end = parsed.offset(tokens[-1]) + len(tokens[-1].text)
    return OpenCandidate(start, end, parsed.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)],
                         label, tuple(tokens))


def type_of(cand: OpenCandidate, typed: dict[int, str]) -> str | None:
    """The entity type the evidence gives a candidate, or ``None`` when nothing types it.

    Args:
        cand: the candidate.
        typed: token index -> entity type of the names already typed in the sentence
            (rule names, earlier candidates), for the coordination slot.
    """
    words = [t.text for t in cand.tokens]
    entry = gazetteer.lookup(cand.text)
    if entry is not None:
        return entry.type
    head, _ = lexicon.name_head(words)
    if head is not None:
        return head
    slot = _slot_type(cand, typed)
    if slot is not None:
        return slot
    model = MODEL_TYPES.get(cand.label)
    if model == "Person":
        if _market_suffixed(words) or _company_ending(words) or len(words) >= 2 and _opens_with_city(words):
            # (no one's name opens with a city: "Suzhou Hengtong" is a company's short name)
            return "Organization"  # "Cargolink Asia", "DBS China", "Harbourline Robotics": companies
        return "Person" if _person_shaped(words) else None
    if model in ("Organization", "Place") and len(words) == 1 and not _distinctive(cand.tokens[0]) and not (
            cand.label == "GPE" and cand.tokens[0].pos_ == "PROPN" and cand.tokens[0].is_title):
        return None  # a country, state or city opening a sentence ("Penang is to host ...") is still one
    if model == "Organization" and _company_ending(words):
        return model  # "Crestwave International", "Halden Marine Logistics Management"
    if model == "Organization" and len(words) >= 3 and _opens_with_city(words):
        return model  # "Hangzhou Qiantang Digital Trade": a company named with its home city
    if model is None and not cand.label and _company_ending(words) and _agentive(cand.root):
        return "Organization"  # "Lattice Commerce will demonstrate ...": a company acting
    if model == "Organization" and not (_coined(cand) or _agentive(cand.root)):
        return None  # "Smart Manufacturing Powerhouse", "AI Governance": words, not a body
    if model == "Place" and cand.label == "FAC":
        return None  # a facility is a venue only with a venue head word ("Convention Centre")
    return model


def _company_ending(words: list[str]) -> bool:
    """A name of two words or more ending as companies' names do ("Harbourline Robotics", "X International")."""
    return len(words) >= 2 and (lexicon.is_industry_noun(words[-1]) or lexicon.is_company_ending(words[-1]))


def _opens_with_city(words: list[str]) -> bool:
    """Whether a name opens with a city or province the gazetteer knows ("Xiamen Haixi Digital Trade")."""
    entry = gazetteer.lookup(words[0])
    return entry is not None and entry.type == "Place" and entry.kind in ("city", "province")


def _market_suffixed(words: list[str]) -> bool:
    """A name made of a word that is no place and the country or region a company serves.

    Examples:
        >>> _market_suffixed(["Cargolink", "Asia"]), _market_suffixed(["DBS", "China"])
        (True, True)
        >>> _market_suffixed(["Li", "Ming"]), _market_suffixed(["Western", "China"])
        (False, False)
    """
    if len(words) < 2:
        return False
    market = gazetteer.lookup(words[-1])
    if market is None or market.kind not in ("country", "region"):
        return False
    places = [e for w in words[:-1] if (e := gazetteer.lookup(w)) is not None and e.type == "Place"]
    return gazetteer.lookup(" ".join(words)) is None and not places \
        and not lexicon.is_surname(words[0]) and not lexicon.is_region_modifier(words[0])


def _person_shaped(words: list[str]) -> bool:
    """Two to four capitalised words, none a head word, title or honorific ("Liu Liehong", "Chen Min'er")."""
    if not 2 <= len(words) <= 4 or _market_suffixed(words) or _company_ending(words):
        return False  # "SBF member Harbourline Robotics", "Cargolink Asia": companies, whatever stands before
    if any(not w[:1].isupper() or not re.fullmatch(r"[A-Z][a-z]*(?:['’-][A-Za-z]+)*\.?", w) for w in words):
        return False
    return not (lexicon.head_type(words[-1]) or lexicon.is_title(words) or lexicon.is_honorific(words[0])
                or any(lexicon.title_length(words, k) for k in range(len(words))))


def _distinctive(token: "Token") -> bool:
    """A one-word name that is no ordinary word set in capitals ("Kingdee", not "Background")."""
    text = token.text
    if text.isupper() and len(text) <= 5:
        return False  # an acronym the document does not define: not enough to type it
    return token.pos_ == "PROPN" and not token.is_sent_start or any(c.isupper() for c in text[1:])


def _slot_type(cand: OpenCandidate, typed: dict[int, str]) -> str | None:
    """The type a candidate's syntactic slot gives it."""
    root = cand.root
    # "companies including A and B": a company noun's list holds bodies, whatever the model
    # makes of a name that looks like a person's ("Ninja Van")
    listing = _listed_after_company_noun(root)
    if listing is not None and lexicon.is_company_noun(_whole_lemma(listing)):
        return "Organization"
    # a coordination with typed names: every conjunct is of one kind
    shaped = _person_shaped([t.text for t in cand.tokens])
    for other in _coordinated(root):
        kind = typed.get(other.i)
        if kind == "Person" and shaped or kind == "Organization" and not (shaped and cand.label == "PERSON"):
            return kind
    # "companies including A and B", "firms such as A", "exhibitors include A"
    if listing is not None:
        return "Organization"
    # "A, the real estate group," / "A, a start-up"; "A, a private data link" (a project)
    for child in root.children:
        if child.dep_ == "appos" and lexicon.is_organization_noun(child.lemma_.lower()):
            return "Organization"
        if child.dep_ == "appos" and lexicon.is_project_noun(child.lemma_.lower()):
            return "Project"
    if root.dep_ == "appos" and lexicon.is_organization_noun(root.head.lemma_.lower()):
        return "Organization"
    if _after_persons_title(cand, typed) and not (
            cand.label == "PERSON" and shaped and lexicon.is_surname(cand.tokens[0].text)):
        return "Organization"  # (a list of people and titles goes on with a person: "A, Mayor, Li Bo, ...")
    # a lower-case title or company noun right before the name ("managing director Ong Siew Lin")
    before = cand.tokens[0].nbor(-1) if cand.tokens[0].i > 0 else None
    if before is not None and before.text.islower():
        if lexicon.is_company_noun(before.text) and root.pos_ == "PROPN":
            return "Organization"
        if _lower_title_before(cand) and _person_shaped([t.text for t in cand.tokens]):
            return "Person"
    return None


def _after_persons_title(cand: OpenCandidate, typed: dict[int, str]) -> bool:
    """Whether the name follows a person's name and title, each set off by a comma.

    "said Jason Koh, Head of Digital Operations, Jurong Port" and "Melissa Goh, partner,
    Drew & Napier": the name after the title is the body the person holds it in.

    Examples:
        >>> from sgcn.loaders.extract.mentions import analyze
        >>> from sgcn.loaders.document import Document
        >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext",
        ...     text='"It is faster," said Jason Koh, Head of Digital Operations, Jurong Port.')
        >>> sorted((e.type, e.label) for e in analyze(doc).entities.values())
        [('Organization', 'Jurong Port'), ('Person', 'Jason Koh')]
    """
    doc, first, last = cand.root.doc, cand.tokens[0].i, cand.tokens[-1].i
    comma = first - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    if last + 1 < len(doc) and doc[last + 1].lower_ in ("and", "&", "or"):
        return False  # a portfolio's series goes on: "Minister for Heritage, Sport and Leisure"
    start = comma - 1
    while start > 0 and doc[start].text != "," and comma - start <= 12:
        start -= 1
    if start < 1 or doc[start].text != ",":
        return False
    words = [t.text[:1].upper() + t.text[1:] for t in doc[start + 1 : comma]]
    if not words or not lexicon.title_length(words, 0):
        return False
    person = doc[start - 1]
    return typed.get(person.i) == "Person" or person.ent_type_ == "PERSON"


def _coined(cand: OpenCandidate) -> bool:
    """Whether a name holds a word no dictionary has: an acronym, a capital inside a word ("CapitaLand").

    The model labels many capitalised phrases of ordinary words as organisations; a
    company's or agency's name usually holds a coined word, an acronym or a place.
    """
    for t in cand.tokens:
        text = t.text
        if text.isupper() and 2 <= len(text) <= 6 and text.isalpha() and not lexicon.is_generic_acronym(text):
            return True
        if text[:1].isalpha() and any(c.isupper() for c in text[1:]) and not text.isupper():
            return True  # "CapitaLand", "kiteLabs"
        entry = gazetteer.lookup(text)
        if entry is not None and entry.type == "Place" and t.i != cand.tokens[0].i:
            return True  # "DBS China", "HSBC Singapore": a body named with its place
    return False


def _agentive(root: "Token") -> bool:
    """Whether a name stands where a body acts: subject of a verb, agent of a passive, possessor."""
    if root.dep_ in ("nsubj",) and root.head.pos_ == "VERB":
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    return any(c.dep_ == "case" for c in root.children)  # "CapitaLand's"


def _coordinated(token: "Token") -> Iterable["Token"]:
    """The tokens coordinated with ``token`` ("A, B and C")."""
    return [t for t in token.conjuncts if t.i != token.i]


def _listed_after_company_noun(root: "Token") -> "Token | None":
    """The company noun heading the list the name is an item of, or ``None``.

    "companies such as A and B", "firms including A", "exhibitors include A, B and C",
    "among the start-ups are A and B", "among the firms that have signed up are A and B".
    """
    first = root
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ not in ("pobj", "dobj", "attr", "nsubj", "appos"):
        return None
    marker = first.head
    word = marker.lower_
    among = [c for c in marker.children if c.dep_ == "prep" and c.lower_ == "among"]
    if not (word in _LIST_MARKERS or marker.lemma_ == "include" or marker.lemma_ == "be" and among
            or word == "as" and marker.i > 0 and marker.nbor(-1).lower_ == "such"):
        return None
    nouns = [marker.head, marker.head.head]
    nouns += [c for c in marker.children if c.dep_ in ("nsubj", "nsubjpass")]
    nouns += [c for c in marker.head.children if c.dep_ in ("nsubj", "nsubjpass", "prep")]
    nouns += [g for c in marker.children if c.dep_ == "prep" for g in c.children]  # "Among the start-ups are A"
    return next((n for n in nouns if _organization_noun(n)), None)


def _whole_lemma(token: "Token") -> str:
    """The lemma of a noun with the hyphenated words written on to it ("start-ups" -> "start-up").

    Examples:
        >>> from sgcn.loaders.extract.nlp import pipeline
        >>> doc = pipeline()("Among the start-ups are two.")
        >>> _whole_lemma(doc[4])
        'start-up'
    """
    doc, i = token.doc, token.i
    while i > 0 and not doc[i - 1].whitespace_ and (doc[i - 1].text == "-" or doc[i - 1].is_alpha):
        i -= 1
    return (doc[i:token.i].text + token.lemma_).lower()


def _organization_noun(token: "Token") -> bool:
    """A common noun that names a kind of body or of participant ("companies", "exhibitors")."""
    if token.pos_ != "NOUN":
        return False
    lemma = _whole_lemma(token)
    return (lexicon.is_company_noun(lemma) or lexicon.is_organization_noun(lemma)
            or lemma in _PARTICIPANT_NOUNS)


def _lower_title_before(cand: OpenCandidate) -> bool:
    """Whether lower-case title words stand right before the name ("deputy chief executive X")."""
    doc = cand.tokens[0].doc
    k = cand.tokens[0].i
    words: list[str] = []
    while k > 0 and doc[k - 1].text.islower() and len(words) < 4:
        k -= 1
        words.insert(0, doc[k].text)
        titled = [w.capitalize() if w not in ("of", "for") else w for w in words]
        if lexicon.is_title(titled):
            return True
    return False


def recognize(an: "Recognition") -> None:
    """Add the open-world names of every sentence to the analyzer's registry and mentions.

    A candidate that is another name of an entity the document already named (an
    acronym of its initials, the last words of its label: "the Knowledge City")
    becomes an alias of that entity, which the known-names pass then mentions
    wherever the text uses it.
    """
    names = _Names(an)
    for sentence, parsed in zip(an.sentences, an.parses):
        typed = _typed_tokens(an, parsed, sentence)
        found = candidates(parsed)
        known = _gazetteer_spans(sentence) if found else []
        untyped: list[OpenCandidate] = []
        for cand in found:
            if not _recognized(an, cand, sentence, parsed, typed, names, known):
                untyped.append(cand)
        for cand in untyped:  # "Tencent Cloud and Singtel": typed by a name typed after it
            _recognized(an, cand, sentence, parsed, typed, names, known)


class _Names:
    """The names of the document's entities as open-world recognition asks about them, kept
    up to date as it registers names (its only change to the registry: each entity it
    adds to is read again, :meth:`touch`).

    By initials ("SCE"), by the words a name ends with after a space ("Knowledge
    City"), by an organisation's label's first word ("Yinghe"), and the words of
    persons' labels, each with the entities' places in the registry's order. Asking
    every entity at each candidate was quadratic in a long document.
    """

    def __init__(self, an: "Recognition") -> None:
        self.an = an
        self.place: dict[str, int] = {}
        self.initials: dict[str, set[str]] = {}
        self.endings: dict[str, set[str]] = {}
        self.first_word: dict[str, set[str]] = {}
        self.person_words: dict[str, set[str]] = {}
        self.indexed: dict[str, tuple[str | None, tuple[str, ...]]] = {}  # key -> its first word, person words
        for key in an.registry.records:
            self.touch(key)

    def touch(self, key: str) -> None:
        """(Re)read the names of the entity ``key``."""
        record = self.an.registry.records[key]
        self.place.setdefault(key, len(self.place))
        old_first, old_words = self.indexed.get(key, (None, ()))
        if old_first is not None:
            self.first_word[old_first].discard(key)
        for word in old_words:
            self.person_words[word].discard(key)
        first = record.label.split(" ", 1)[0] if record.type == "Organization" and " " in record.label else None
        words = tuple(record.label.split()) if record.type == "Person" else ()
        if first is not None:
            self.first_word.setdefault(first, set()).add(key)
        for word in words:
            self.person_words.setdefault(word, set()).add(key)
        self.indexed[key] = (first, words)
        if record.type == "Person":
            return
        for name in (record.label, *record.aliases):
            self.initials.setdefault(_initials(name), set()).add(key)
            for at, char in enumerate(name):
                if char == " ":
                    self.endings.setdefault(name[at + 1:], set()).add(key)

    def ordered(self, keys) -> list[str]:
        return sorted(keys, key=self.place.__getitem__)


def _recognized(an: "Recognition", cand: OpenCandidate, sentence, parsed: "Parsed", typed: dict[int, str],
                names: "_Names | None" = None, known: list[tuple[int, int]] = ()) -> bool:
    """Mention one candidate if it is a name the evidence types; ``False`` when nothing types it (yet).

    ``known`` holds the spans of the gazetteer's names in the sentence (:func:`_gazetteer_spans`).
    """
    if an.taken(cand.start, cand.end) or _not_a_name(cand, sentence.text, parsed):
        return True
    if any(start <= cand.start and cand.end <= end and end - start > cand.end - cand.start for start, end in known):
        return True  # "the Sino-Singapore" of "the Sino-Singapore Tianjin Eco-City": mentioned whole later
    if lexicon.is_headline_verb(cand.tokens[0].text) and is_headline(sentence.text):
        return True  # "China and Singapore Sign Memorandum on ...": the headline's verb opens no name
    key = an.registry.find(cand.text)
    entry = gazetteer.lookup(cand.text)
    if key is not None or entry is not None:
        # a name known already: the known-names pass mentions it, editions and all; its
        # type still types the names coordinated with it ("Tencent Cloud and Singtel")
        known_type = an.registry.records[key].type if key is not None else entry.type
        for t in cand.tokens:
            typed.setdefault(t.i, known_type)
        return True
    names = names or _Names(an)
    known = _known(an, cand, names)
    if known is not None:
        record = an.registry.records[known]
        names.touch(an.registry.add(record.type, record.label, [cand.text]))
        return True
    if _names_a_person(an, cand, names):
        return True  # "Iswaran", "Qin": a person named before, read by coreference
    type_ = type_of(cand, typed)
    if type_ is None:
        return False
    key = an.registry.add(type_, cand.text)
    names.touch(key)
    an.mention(cand.start, cand.end, key)
    for t in cand.tokens:
        typed[t.i] = type_
    return True


def _gazetteer_spans(sentence) -> list[tuple[int, int]]:
    """The document offsets of the gazetteer's names in a sentence, as the known-names pass finds them.

    The model may label a piece of a known name ("the Sino-Singapore" of "the
    Sino-Singapore Tianjin Eco-City"); that pass mentions the name whole.

    Examples:
        >>> from sgcn.loaders.extract.spans import Sentence
        >>> text = "A JSC meeting of the Sino-Singapore Tianjin Eco-City."
        >>> [text[a:b] for a, b in _gazetteer_spans(Sentence(0, len(text), text))]
        ['Sino-Singapore Tianjin Eco-City']
    """
    return [(sentence.start + m.start(), sentence.start + m.end()) for m in _gazetteer_names().finditer(sentence.text)]


@functools.cache
def _gazetteer_names() -> Literals:
    from sgcn.loaders.extract.mentions import _NAME_AFTER, _NAME_BEFORE

    return Literals(gazetteer.names(), before=_NAME_BEFORE, after=_NAME_AFTER)


def _known(an: "Recognition", cand: OpenCandidate, names: _Names) -> str | None:
    """The entity of the document that ``cand`` names another way (its acronym, its last words, or,
    as a possessor, the first word of the one organisation's name that opens with it: "Yinghe's
    chief operating officer" of "Yinghe Supply Chain").

    The first entity (in the registry's order) that ``cand`` is the acronym or the last
    words of; else the one organisation, if one alone, whose name it opens. ``names``
    gives the entities each test can hold; each is then tested as it stands.
    """
    text = cand.text
    records = an.registry.records
    acronym = text.isupper() and 2 <= len(text) <= 6
    words = len(text.split()) >= 2
    found = set(names.initials.get(text, ())) if acronym else set()
    if words:
        found |= names.endings.get(text, set())
    for key in names.ordered(found):
        record = records[key]
        if record.type == "Person":
            continue
        named = (record.label, *record.aliases)
        if acronym and any(_initials(n) == text for n in named):
            return key
        if words and any(n.endswith(" " + text) for n in named) and lexicon.name_head(text.split())[0]:
            return key
    if not (" " not in text and text[:1].isupper() and not text.isupper()):
        return None
    first_word = [key for key in names.ordered(names.first_word.get(text, ()))
                  if records[key].type == "Organization" and records[key].label.startswith(text + " ")]
    if first_word and gazetteer.lookup(text) is None and _possessor(cand):
        return first_word[0] if len(first_word) == 1 else None
    return None


def _possessor(cand: OpenCandidate) -> bool:
    """Whether the candidate is followed by a possessive "'s"."""
    last = cand.tokens[-1]
    return last.i + 1 < len(last.doc) and last.doc[last.i + 1].text in ("'s", "’s")


@functools.lru_cache(maxsize=1 << 14)
def _initials(name: str) -> str:
    """The capitals of a name's words, as its acronym would be ("Smart China Expo" -> "SCE").

    Examples:
        >>> _initials("Smart China Expo"), _initials("Joint Council for Bilateral Cooperation")
        ('SCE', 'JCBC')
    """
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _names_a_person(an: "Recognition", cand: OpenCandidate, names: "_Names | None" = None) -> bool:
    """Whether a one-word candidate is a word of a person the document names ("Iswaran")."""
    if len(cand.tokens) != 1:
        return False
    word = cand.text
    if names is not None:
        return bool(names.person_words.get(word))
    return any(r.type == "Person" and word in r.label.split() for r in an.registry.records.values())


def _typed_tokens(an: "Recognition", parsed: "Parsed", sentence) -> dict[int, str]:
    """Token index -> type of the names already mentioned in the sentence."""
    typed: dict[int, str] = {}
    for m in an.inside(sentence.start, sentence.end):  # in the order they were made: a later one wins
        span = parsed.span(m.start, m.end)
        if span is not None:
            for t in span:
                typed[t.i] = m.type
    for ent in parsed.doc.ents:  # the model's people, for coordinations of names it labels
        if ent.label_ == "PERSON" and _person_shaped([t.text for t in ent if t.lower_ not in _DETERMINERS]):
            for t in ent:
                typed.setdefault(t.i, "Person")
    return typed


def _not_a_name(cand: OpenCandidate, sentence: str, parsed: "Parsed") -> bool:
    """Parts of titles, concepts, bare agreement kinds, words of a heading or dateline."""
    from sgcn.loaders.extract.mentions import generic_agreement
    from sgcn.loaders.extract.topics import is_concept_name

    words = [t.text for t in cand.tokens]
    if "-" in words:  # a name written with hyphens is one word of the lexicon ("Director-General")
        words = cand.text.split()
    if lexicon.is_title(words) or lexicon.is_honorific(words[0]) or lexicon.is_not_name_start(words[0]):
        return True
    if len(words) == 1 and lexicon.head_type(words[0]):
        return True  # "the Blueprint", "the Expo": a kind, referring back, not a name
    if re.fullmatch(r"[A-Z]+-\d+", cand.text) or lexicon.is_generic_acronym(cand.text.rstrip("s")):
        return True  # "COVID-19"; "SMEs", "ICT": kinds of things
    if any(lexicon.title_length(words, k) == len(words) - k for k in range(len(words))) \
            and not lexicon.head_type(words[-1]):
        return True  # "China International Trade Representative": a title with its place, no name
    opening = lexicon.title_length(words, 0)
    if opening and opening < len(words) and words[opening] in ("of", "for") and not lexicon.head_type(words[-1]):
        return True  # "Minister of Information and Communications": a title and its portfolio
    first_token = cand.tokens[0]
    before = first_token.nbor(-1) if first_token.i > 0 else None
    if before is not None and before.lower_ in ("a", "an") and not cand.label:
        return True  # "a Cooperation Framework": a description set in capitals, not a name
    if before is not None and (_ORDINAL.match(before.text) or before.like_num):
        return True  # "the fifth CCI JIC", "5th Joint Council": an occasion, read by the meetings pass
    if generic_agreement(cand.text):
        return True  # "the Letter of Intent": a kind, read by the described-agreement rules
    if is_concept_name(cand.text) or cand.text.upper() in ("MOU", "MOUS", "FTA", "LOI"):
        return True
    if sentence.isupper():
        return True  # a heading in capitals: its names are read where the body names them
    first, last = cand.tokens[0], cand.tokens[-1]
    # a portfolio inside a title: "Minister for Home Affairs", "Secretary of State for X"
    if first.i > 0 and first.nbor(-1).lower_ in ("for", "of"):
        k = first.i - 1
        before = [t.text for t in parsed.doc[max(0, k - 5):k]]
        if any(lexicon.title_length(before, j) for j in range(len(before))):
            return True
    # a portfolio before a title: "Health Minister", "Commerce Minister Wang Wentao"
    if last.i + 1 < len(parsed.doc):
        after = [t.text for t in parsed.doc[last.i + 1:last.i + 5]]
        if lexicon.title_length(after, 0) and not lexicon.head_type(words[-1]) and not gazetteer.lookup(cand.text):
            return True
    return False
