"""Name recognition inside one sentence: capitalised runs, titles, persons, appositions.

The first pass of entity recognition. A sentence is tokenised (spaCy's blank
English tokenizer) and cut into *runs* of capitalised words held together by the
connectors names use ("of", "for", "on", "and", "&", hyphens, "People's",
parenthesised acronyms). Each run is split at coordinations ("A and B", "A, B")
and at titles and honorifics, so that "Ministry of Trade and Industry Deputy
Secretary of Trade Luke Goh" gives an organisation, a title and a person. A piece
that ends in a head word ("Authority", "Initiative", "Expo") is a typed name; a
piece that follows a title or honorific, a possessive organisation ("Alibaba's
Jack Ma") or stands before an apposed title ("Tan Kiat How, State Secretary") is a
person. A company without a legal form is a piece that opens with a city or
province and ends in an industry noun ("Xiamen Haitian Robotics"), or ends in one
and stands in a list beside an organisation ("run by Acme Pte Ltd and Haitian
Robotics"); a unit whose head could modify the title after it is the unit ("Greater
China Group Director Lim Mei"). Pieces with no evidence of a type give nothing here (the gazetteer pass
and coreference may still claim them).

Examples:
    >>> [(c.type, c.label) for c in find_names("Chongqing Vice Mayor Li Bo met IMDA.", 0)]
    [('Person', 'Li Bo')]
    >>> [(c.type, c.label, c.acronym) for c in find_names(
    ...     "The Infocomm Media Development Authority (IMDA) led it.", 0)]
    [('Organization', 'Infocomm Media Development Authority', 'IMDA')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sgcn.loaders.extract import gazetteer, lexicon

CONNECTORS = {"of", "for", "on", "and", "&", "de"}
# Titles whose "of"/"for" complement is a portfolio ("Minister of Digital Economy and
# Society"), not an organisation's name.
_PORTFOLIO_TITLES = {"Minister", "Ministers", "Minister-in-charge"}
# Legal forms a company's name may set off with a comma: "Acme Co., Ltd.", "Acme Holdings, Inc."
_LEGAL_FORMS_AFTER_COMMA = {"Ltd", "Ltd.", "Inc", "Inc.", "LLC", "Limited", "Corp", "Corp.", "Pte"}
_NAME_POSSESSIVES = {"People", "Children", "Women", "Workers", "Men", "Farmers", "Citizens", "Nations"}
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth|eleventh|twelfth|inaugural)$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*s?$|^[A-Z]{2,}\d*$")


@dataclass(frozen=True)
class Tok:
    """A token with its offsets in the document's text."""

    text: str
    start: int
    end: int
    space: bool  # white space follows


@dataclass
class Candidate:
    """A name the rules found, before it is resolved to an entity.

    Attributes:
        start, end: offsets of the mention in the document's text.
        text: the words as they stand.
        type: an entity type, or ``"PersonRef"`` for "Mr Goh"-like references.
        label: the name to file it under (honorific, acronym in parentheses dropped).
        aliases: other names the mention gives (the acronym, the possessive form).
        acronym: the acronym defined in parentheses right after the name, if any.
        rule: which rule found it (for debugging and tests).
        nested: whether it lies inside a longer name found by the same rule.
        possessor: the name before "'s" when the mention follows one.
    """

    start: int
    end: int
    text: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None
    rule: str = ""
    nested: bool = False
    possessor: str = ""


def _tokenizer():
    from sgcn.loaders.extract.nlp import blank

    return blank().tokenizer


def tokenize(text: str, offset: int) -> list[Tok]:
    """Tokens of ``text`` with offsets shifted by ``offset``.

    Examples:
        >>> [t.text for t in tokenize("Shenzhen’s Bureau", 0)]
        ['Shenzhen', '’s', 'Bureau']
    """
    return [Tok(t.text, offset + t.idx, offset + t.idx + len(t.text), bool(t.whitespace_))
            for t in _tokenizer()(text)]


def is_cap(word: str) -> bool:
    """Whether ``word`` can be part of a capitalised name.

    Examples:
        >>> is_cap("Chongqing"), is_cap("iFlytek"), is_cap("the"), is_cap("5G")
        (True, True, False, False)
    """
    return bool(word) and (word[0].isupper() or (len(word) > 1 and word[0].islower()
                                                  and any(c.isupper() for c in word[1:])
                                                  and word not in ("eBLs", "eBL")))


def _possessive(tok: Tok) -> bool:
    return tok.text in ("'s", "’s", "'", "’")


def runs(toks: list[Tok]) -> list[tuple[int, int]]:
    """Index ranges ``[i, j)`` of the capitalised runs of a tokenised sentence.

    Examples:
        >>> toks = tokenize("Singapore and the Chongqing Municipal People's Government inked it.", 0)
        >>> [" ".join(t.text for t in toks[i:j]) for i, j in runs(toks)]
        ['Singapore', "Chongqing Municipal People 's Government"]
    """
    found = []
    i, n = 0, len(toks)
    while i < n:
        if not is_cap(toks[i].text):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            prev = toks[j - 1]
            nxt = toks[j + 1] if j + 1 < n else None
            if is_cap(t.text):
                j += 1
            elif (t.text.isdigit() and (_YEAR.match(t.text) or len(t.text) <= 2)
                  and is_cap(prev.text) and not prev.text.isdigit()):
                j += 1
            elif (t.text in CONNECTORS and nxt is not None and is_cap(nxt.text)
                  and not lexicon.is_date_word(nxt.text) and not _purpose_after(toks, i, j)):
                j += 1
            elif t.text == "in" and nxt is not None and _agreement_goes_on(toks, i, j):
                j += 1
            elif _joins_through_the(toks, i, j):  # "Commission of the State Council"
                j += 2
            elif t.text == "to" and nxt is not None and is_cap(nxt.text) and _agreement_title(toks, i, j):
                j += 1  # "Protocol to Upgrade the Free Trade Agreement"
            elif (t.text == "-" and not prev.space and not t.space and nxt is not None
                  and nxt.text.isalpha() and nxt.text.islower() and nxt.space
                  and j + 2 < n and is_cap(toks[j + 2].text) and not _placed(prev.text)):
                j += 2  # "State-owned Assets", not "Singapore-based Temasek Foundation"
            elif t.text in ("-", "/") and not prev.space and not t.space and nxt is not None and is_cap(nxt.text):
                j += 1
            elif _possessive(t) and prev.text in _NAME_POSSESSIVES and nxt is not None and is_cap(nxt.text):
                j += 1
            elif t.text == "(" and _paren_group(toks, j):
                close = _paren_group(toks, j)
                j, opened = close, j
                if _acronym_closes(toks, i, opened, close):
                    break  # "the Cyberspace Administration of China (CAC) Zhuang Rongwen": the name ends
            elif t.text == "," and nxt is not None and nxt.text in _LEGAL_FORMS_AFTER_COMMA:
                j += 1  # "Kunming Lanxin Cold Chain Co., Ltd."
            elif t.text == "." and not prev.space and prev.text in ("Pte", "Co", "Corp") and nxt is not None \
                    and nxt.text in ("Ltd", "Ltd.", "Limited"):
                j += 1  # "Acme Trade Pte. Ltd."
            elif t.text in (",", "and", "&") and _portfolio_end(toks, i, j) > j:
                j = _portfolio_end(toks, i, j)  # "Minister for Culture, Community and Youth Edwin Tong"
            else:
                break
        while j > i and toks[j - 1].text in CONNECTORS | {"-", "/"}:
            j -= 1
        j = _before_possessor(toks, i, j)
        j = _before_person(toks, i, j)
        j = _before_home_or_owner(toks, i, j)
        found.append((i, j))
        i = max(j, i + 1)
    return found


def _before_person(toks: list[Tok], i: int, j: int) -> int:
    """Where the run ``[i, j)`` ends when a body's name "of" a place runs on into a person's name.

    "Vice Premier of the State Council of the People's Republic of China Ding Xuexiang
    spoke": the council's name ends at the country, the person's name follows it (two or
    three words opening with a surname of the lexicon, nothing after them in the run).

    Examples:
        >>> toks = tokenize("Vice Premier of the State Council of the People's Republic of China Ding Xuexiang spoke", 0)
        >>> [" ".join(t.text for t in toks[a:b]) for a, b in runs(toks)]
        ['Vice Premier', "State Council of the People 's Republic of China", 'Ding Xuexiang']
        >>> toks = tokenize("the Bank of China Singapore Branch", 0)
        >>> [" ".join(t.text for t in toks[a:b]) for a, b in runs(toks)]
        ['Bank of China Singapore Branch']
    """
    words = [t.text for t in toks[i:j]]
    for k in range(len(words) - 3, 0, -1):
        rest = words[k + 1:]
        if words[k - 1] == "of" and _placed(words[k]) and lexicon.is_surname(rest[0]) \
                and _person_words(rest) == len(rest) and not any(lexicon.head_type(w) for w in rest):
            return i + k + 1
    return j


def _before_home_or_owner(toks: list[Tok], i: int, j: int) -> int:
    """Where the run ``[i, j)`` ends when "of" after a company's or a fund's name tells where it is
    from or whose it is: "Yuelu Partners of Changsha", "the Harbour Growth Fund of Acme Capital".

    A company's name ends as companies' names do (an industry noun, a company ending, "Partners",
    "Capital"...) and is "of" one place; a fund is "of" a company. Names whose head takes an "of"
    phrase as part of them keep it ("Bank of China", "Fund of Funds", "Ministry of Commerce").

    Examples:
        >>> toks = tokenize("Our co-investor is Yuelu Partners of Changsha.", 0)
        >>> [" ".join(t.text for t in toks[a:b]) for a, b in runs(toks)]
        ['Our', 'Yuelu Partners', 'Changsha']
        >>> toks = tokenize("the Harbour Growth Fund of Acme Capital and the Bank of China", 0)
        >>> [" ".join(t.text for t in toks[a:b]) for a, b in runs(toks)]
        ['Harbour Growth Fund', 'Acme Capital', 'Bank of China']
    """
    words = [t.text for t in toks[i:j]]
    if "of" not in words:
        return j
    k = words.index("of")
    before, after = words[:k], words[k + 1:]
    if len(before) < 2 or not after:
        return j
    last = before[-1]  # ("Kestrel Cloud Pte Ltd of Singapore": a legal form ends a firm's name too)
    if lexicon.ends_firm_name(last) and _placed(after[0]) and (len(after) == 1 or after[1] in ("and", "&", ",")):
        return i + k
    if last == "Fund" and len(after) >= 2 and lexicon.ends_firm_name(after[-1]):
        return i + k
    return j


def _portfolio_end(toks: list[Tok], i: int, j: int) -> int:
    """Where a minister's or secretary's portfolio in the run ``[i, j)`` ends, when it goes on past ``j``.

    A portfolio may be a series or take "and the" ("Minister for Culture, Community and
    Youth", "Minister for Sustainability and the Environment"; see
    :func:`~sgcn.loaders.extract.lexicon.portfolio_length`): the run goes on through it.

    Examples:
        >>> toks = tokenize("Minister for Culture, Community and Youth Edwin Tong said", 0)
        >>> " ".join(t.text for t in toks[slice(*runs(toks)[0])])
        'Minister for Culture , Community and Youth Edwin Tong'
        >>> toks = tokenize("the Ministry of Culture, Community and Youth and the Chongqing Government", 0)
        >>> " ".join(t.text for t in toks[slice(*runs(toks)[0])])
        'Ministry of Culture , Community and Youth'
        >>> toks = tokenize("the Ministry of Transport and the Penang State Government", 0)
        >>> " ".join(t.text for t in toks[slice(*runs(toks)[0])])
        'Ministry of Transport'
        >>> toks = tokenize("Director for Asia, Europe and Africa Tim Lee said", 0)
        >>> " ".join(t.text for t in toks[slice(*runs(toks)[0])])
        'Director for Asia'
    """
    words = [t.text for t in toks]
    for t in range(j - 2, i - 1, -1):
        core = lexicon.title_length(words, t)
        if not (core and words[t + core - 1] in _PORTFOLIO_TITLES | {"Secretary", "State"}) \
                and words[t] not in ("Ministry", "Ministries"):
            continue
        core = core or 1  # "the Ministry of Culture, Community and Youth": a ministry named by its portfolio
        if t + core < j and words[t + core] in ("for", "of"):
            # a place is no portfolio: "the Ministry of Commerce and the Chongqing Municipal Government"
            named = [_placed(w) for w in words]
            end = t + core + lexicon.portfolio_length(words, t + core, named)
            # a longer name goes on after it: no portfolio ("the Ministry of Transport and the
            # Penang State Government"), but a minister's name may ("... and the Environment Grace Fu")
            if end < len(words) and is_cap(words[end]) and not (words[t] not in ("Ministry", "Ministries")
                                                                and _person_words(words[end:]) >= 2):
                return j
            return end
    return j


def _before_possessor(toks: list[Tok], i: int, j: int) -> int:
    """Where the run ``[i, j)`` ends when its last place is the possessor of the name after it.

    In "the Department of Asian Affairs of China's Ministry of Commerce", China is the
    ministry's: the department's name ends before "of China". A title after the
    possessive ("the Bank of China's Governor") leaves the name whole.

    Examples:
        >>> toks = tokenize("the Department of Asian Affairs of China's Ministry of Commerce", 0)
        >>> i, j = runs(toks)[0]
        >>> " ".join(t.text for t in toks[i:j])
        'Department of Asian Affairs'
        >>> toks = tokenize("the Bank of China's Governor Pan Gongsheng", 0)
        >>> " ".join(t.text for t in toks[slice(*runs(toks)[0])])
        'Bank of China'
    """
    if not (j + 1 < len(toks) and _possessive(toks[j]) and is_cap(toks[j + 1].text)
            and j - 2 > i + 1 and toks[j - 2].text == "of" and _placed(toks[j - 1].text)):
        return j
    after = [t.text for t in toks[j + 1:j + 5]]
    if lexicon.title_length(after, 0) or lexicon.is_title_modifier(after[0]):
        return j
    return j - 2


def _placed(word: str) -> bool:
    """Whether ``word`` is a place, as in "Singapore-based", "China-made" (a description, not a name's start)."""
    entry = gazetteer.lookup(word)
    return bool(entry) and entry.type == "Place"


def _joins_through_the(toks: list[Tok], i: int, j: int) -> bool:
    """Whether "the" at ``j`` or ``j + 1`` carries the name ``[i, j)`` on to the capitalised words after it.

    Names take "of the" and "for the" after their head word ("the Administration
    Commission of the State Council", "the China Council for the Promotion of
    International Trade", "the sixth JIC Meeting of the CCI"), an event's name "on
    the" too ("the Symposium on the Future of Payments"), and an agreement's
    title takes "the" anywhere ("Protocol on Further Upgrading the China-Singapore
    Free Trade Agreement", "MOU for Enhanced Cooperation and Renewal of the
    Singapore-Guangdong Collaboration Council"). Elsewhere "the" ends a name: the
    "Minister of Commerce of the People's Republic" is a title, "Deputy Director of
    the Bureau" too.

    Examples:
        >>> toks = tokenize("the China Council for the Promotion of International Trade", 0)
        >>> _joins_through_the(toks, 1, 3)
        True
        >>> toks = tokenize("the Ministry of Commerce of the People's Republic of China", 0)
        >>> _joins_through_the(toks, 1, 4)
        False
        >>> toks = tokenize("the second Joint Council Meeting of the Digital Port Initiative", 0)
        >>> _joins_through_the(toks, 2, 6)
        False
        >>> toks = tokenize("the Protocol on Further Upgrading the China-Singapore FTA", 0)
        >>> _joins_through_the(toks, 1, 5)
        True
    """
    words = [t.text for t in toks]
    k = j + 1 if words[j] in ("of", "for", "on", "in") else j
    if k + 1 >= len(words) or words[k] != "the" or not is_cap(words[k + 1]) or lexicon.is_date_word(words[k + 1]):
        return False
    if k == j + 1 and j > i and words[j] in _NAMES_THROUGH_THE.get(lexicon.head_type(words[j - 1]), ()):
        # a numbered meeting "of the" initiative is that initiative's occasion, read as such
        # by sgcn.loaders.extract.meetings: "the sixth JIC Meeting of the CCI"
        return words[j - 1] not in _OCCASION_HEADS and not (i > 0 and _ORDINAL.match(words[i - 1]))
    return (k == j + 1 or is_cap(words[j - 1]) and words[j - 1] not in CONNECTORS) and _agreement_title(toks, i, j)


# The words after which "the" goes on with a name ending in a head of each type:
# "Commission of the State Council", "Symposium on the Future of Payments".
_NAMES_THROUGH_THE = {"Organization": ("of", "for"), "Event": ("of", "for", "on")}
_OCCASION_HEADS = {"Meeting", "Meetings", "Session", "Sessions"}


def _purpose_after(toks: list[Tok], i: int, j: int) -> bool:
    """Whether "on"/"for" at ``j`` opens a purpose ("on Announcing ...") that only an agreement's title takes.

    "... of Singapore on Announcing the Substantive Completion" ends a body's name
    before "on"; "Memorandum of Understanding on Announcing ..." goes on.

    Examples:
        >>> toks = tokenize("the Ministry of Trade of Singapore on Announcing the Completion", 0)
        >>> " ".join(t.text for t in toks[slice(*runs(toks)[0])])
        'Ministry of Trade of Singapore'
    """
    nxt = toks[j + 1].text if j + 1 < len(toks) else ""
    return toks[j].text in ("on", "for") and nxt.endswith("ing") and not _agreement_title(toks, i, j)


def _agreement_title(toks: list[Tok], i: int, j: int) -> bool:
    """Whether the run ``[i, j)`` is an agreement's title so far: its head, then "on", "of", "for" or "to".

    Examples:
        >>> _agreement_title(tokenize("Protocol to Upgrade", 0), 0, 1)
        True
        >>> _agreement_title(tokenize("Ministry of Trade", 0), 0, 3)
        False
    """
    words = [t.text for t in toks[i:j]] + [toks[j].text if j < len(toks) else ""]
    return any(lexicon.head_type(w) == "Agreement" and words[k + 1] in ("on", "of", "for", "to")
               for k, w in enumerate(words[:-1]))


def _agreement_goes_on(toks: list[Tok], i: int, j: int) -> bool:
    """Whether "in" at ``j`` goes on an agreement's name: "Memorandum ... on Cooperation in Green Finance".

    The run ``[i, j)`` must hold an agreement head followed by "on", "of" or "for", and
    the words after "in" must be a field (capitalised, not a date nor a place):
    "Agreement on Digital Trade in Beijing" stops before "in".

    Examples:
        >>> toks = tokenize("a Memorandum of Understanding on Cooperation in Green Finance", 0)
        >>> _agreement_goes_on(toks, 1, 6)
        True
        >>> toks = tokenize("the Agreement on Digital Trade in Beijing", 0)
        >>> _agreement_goes_on(toks, 1, 5)
        False
    """
    nxt = toks[j + 1].text if j + 1 < len(toks) else ""
    if not is_cap(nxt) or lexicon.is_date_word(nxt) or gazetteer.lookup(nxt):
        return False
    if j + 2 < len(toks) and is_cap(toks[j + 2].text) and gazetteer.lookup(f"{nxt} {toks[j + 2].text}"):
        return False
    words = [t.text for t in toks[i:j]]
    return any(lexicon.head_type(w) == "Agreement" and k + 1 < len(words) and words[k + 1] in ("on", "of", "for")
               for k, w in enumerate(words))


def is_headline(sentence: str) -> bool:
    """Whether ``sentence`` is a headline written in title case, with a verb of its own.

    In such a line every word is capitalised, so capitals are no evidence of a name
    and the headline's verb ("Sign", "Inks", "Opens") ends one.

    Examples:
        >>> is_headline("Chengdu, Penang Sign Memorandum On Logistics Cooperation")
        True
        >>> is_headline("Smart China Expo Opens in Chongqing")
        True
        >>> is_headline("Chengdu and Penang signed a memorandum on Tuesday.")
        False
        >>> is_headline("Ministry of Trade and Industry")
        False
        >>> is_headline("The 9th Meeting of the Joint Working Committee Held in Ningbo")
        True
    """
    words = _WORD.findall(sentence)
    if len(words) < 3 or not is_title_case(sentence):
        return False
    return any(lexicon.is_headline_verb(w) for w in words[1:])


_WORD = re.compile(r"(?<!\w)[A-Za-z][\w'’-]*")  # "9th" is a number, not a word "th"


def is_title_case(text: str) -> bool:
    """Whether every word of ``text`` but the small ones is capitalised, as in a heading.

    Examples:
        >>> is_title_case("The 9th Meeting of the Joint Working Committee"), is_title_case("The meeting ended.")
        (True, False)
    """
    return all(is_cap(w) or is_small_word(w) for w in _WORD.findall(text))


_HEADLINE_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "with", "as", "by",
                         "from", "over", "into", "amid", "vs", "via", "or", "up", "out"}


def is_small_word(word: str) -> bool:
    """A word a title-case heading keeps in lower case: an article, a preposition, a
    conjunction or an ordinal ("the", "of", "second": a heading set in capitals keeps its
    ordinals in lower case once recased).

    Examples:
        >>> is_small_word("of"), is_small_word("second"), is_small_word("Expo")
        (True, True, False)
    """
    return word.lower() in _HEADLINE_SMALL_WORDS or is_ordinal(word)


def is_ordinal(word: str) -> bool:
    """Whether ``word`` is an ordinal ("5th", "fifth", "INAUGURAL").

    Examples:
        >>> is_ordinal("5th"), is_ordinal("SECOND"), is_ordinal("Second-hand")
        (True, True, False)
    """
    return bool(_ORDINAL.match(word))


def _headline_pieces(toks: list[Tok], i: int, j: int) -> list[tuple[int, int]]:
    """Cut a run of a title-case headline at its verbs ("Penang Sign Memorandum ...")."""
    pieces, start = [], i
    for k in range(i, j):
        if lexicon.is_headline_verb(toks[k].text):
            pieces.append((start, k))
            start = k + 1
    pieces.append((start, j))
    out = []
    for a, b in pieces:
        while a < b and toks[a].text in CONNECTORS | {"-", "/"} | {"And", "On", "Of", "For", "In", "To"}:
            a += 1
        while b > a and toks[b - 1].text in CONNECTORS | {"-", "/"} | {"And", "On", "Of", "For", "In", "To"}:
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _acronym_closes(toks: list[Tok], i: int, j: int, close: int) -> bool:
    """Whether the brackets ``toks[j:close]`` hold the acronym of the mixed-case name ``toks[i:j]``,
    so the name ends with them: what follows is another name ("... of China (CAC) Zhuang Wei").

    Examples:
        >>> toks = tokenize("the Data Administration of China (DAC) Zhuang Wei spoke", 0)
        >>> _acronym_closes(toks, 1, 5, 8)
        True
        >>> toks = tokenize("the Data Administration (DA) Joint Working Group met", 0)
        >>> _acronym_closes(toks, 1, 3, 6)
        False
    """
    inside = [t.text for t in toks[j + 1:close - 1]]
    after = []
    for t in toks[close:]:
        if not (is_cap(t.text) or t.text == "-"):
            break
        after.append(t.text)
    return (len(inside) == 1 and inside[0].isalpha() and inside[0].isupper() and len(inside[0]) >= 2
            and any(t.text[:1].isalpha() and not t.text.isupper() for t in toks[i:j])
            and _is_person_shape(after))


def _paren_group(toks: list[Tok], j: int) -> int:
    """End index after "( Word ... )" when it holds capitalised words only, else 0."""
    k = j + 1
    while k < len(toks) and k - j <= 4 and is_cap(toks[k].text):
        k += 1
    if k > j + 1 and k < len(toks) and toks[k].text == ")":
        return k + 1
    return 0


def _starts_segment(words: list[str], k: int) -> bool:
    """Whether a coordination "and" before ``words[k]`` starts a new name."""
    word = words[k]
    if _ACRONYM.match(word) and word.isupper() and (k + 1 >= len(words) or not is_cap(words[k + 1])):
        return True
    if lexicon.is_name_opener(word) or lexicon.is_honorific(word) or lexicon.title_length(words, k):
        return True
    for n in (4, 3, 2, 1):
        if gazetteer.lookup(" ".join(words[k:k + n])):
            return True
    return False


def _split_coordination(toks: list[Tok], i: int, j: int) -> list[tuple[int, int]]:
    """Cut the run ``[i, j)`` at each "and" that starts a new name.

    "and" starts a name when the next word opens one (a head such as "Ministry", a
    title, an acronym, a gazetteer name) or when the piece before it is a whole
    organisation's name ending in its head ("Acme Holdings and Beta Bank"), or the
    piece before is a name ending in an industry noun and the rest is such a name ("Haitian
    Robotics and Acme Pte Ltd"; not "Building and Construction Authority"), never inside the complement of an "X of Y" name ("Ministry of Trade and Industry").
    """
    parts, start = [], i
    words = [t.text for t in toks]
    for k in range(i + 1, j - 1):
        if words[k] in ("and", "&") and (_starts_segment(words, k + 1) and not _modifies_head(words, start, k, j)
                                         or _after_acronym(words, start, k)
                                         or _ends_in_org_head(words[start:k])
                                         or _titled_pair(words, start, k, j)
                                         or lexicon.is_industry_noun(words[k - 1]) and k - start >= 2
                                         and not CONNECTORS & set(words[start:k])
                                         and _ends_in_org_head(words[k + 1:j])):
            parts.append((start, k))
            start = k + 1
    parts.append((start, j))
    return parts


def _acronym_part(words: list[str], a: int, k: int, acronym: str) -> int | None:
    """Where the part of the name ``words[a:k]`` that ``acronym`` spells starts, when that is
    the part after its "of" and not the whole: "Joint Working Committee of the Harbour Port
    Initiative (HPI)" defines the initiative's acronym, "Joint Implementation Committee
    (JIC)" the committee's.

    Examples:
        >>> words = "Joint Working Committee of the Harbour-Penang Port Initiative".split()
        >>> _acronym_part(words, 0, len(words), "HPI"), _acronym_part(words, 0, len(words), "JWC")
        (5, None)
    """
    if _spells(acronym, words[a:k]) or lexicon.head_type(words[k - 1]) is None:
        return None
    for j in range(a + 1, k):
        if words[j - 1] in ("of", "for") or words[j - 1] == "the" and j >= 2 and words[j - 2] in ("of", "for"):
            if words[j] != "the" and _spells(acronym, words[j:k]):
                return j
    return None


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym``'s capitals are the first and last initials of ``words`` and some in between.

    Examples:
        >>> _spells("HPI", "Harbour-Penang Port Initiative".split()), _spells("JIC", ["Port", "Initiative"])
        (True, False)
    """
    initials = [w[0] for w in re.split(r"[\s-]+", " ".join(words)) if w[:1].isupper()]
    letters = [c for c in acronym if c.isupper()]
    if not initials or not letters or letters[0] != initials[0] or letters[-1] != initials[-1]:
        return False
    rest = iter(initials[1:-1])
    return len(letters) <= 2 or all(letter in rest for letter in letters[1:-1])


def _after_acronym(words: list[str], start: int, k: int) -> bool:
    """Whether the words before "and" at ``k`` close with their own acronym: "the NRF Foundation (NRF) and ...".

    A name that defines its acronym is whole; what follows "and" is another name.

    Examples:
        >>> _after_acronym("National Research Foundation ( NRF ) and Digital Industry".split(), 0, 6)
        True
        >>> _after_acronym("Ministry of Trade and Industry".split(), 0, 3)
        False
    """
    return k - start >= 4 and words[k - 1] == ")" and words[k - 3] == "(" and bool(_ACRONYM.match(words[k - 2]))


def _modifies_head(words: list[str], start: int, k: int, j: int) -> bool:
    """Whether the words after "and" at ``k`` only modify a head shared with the words before.

    "State-owned Assets Supervision and Administration Commission": the piece before
    "and" names nothing by itself and "Administration" qualifies "Commission", so the
    "and" joins two modifiers of one name. "Tencent Cloud and Ministry of Commerce":
    "Ministry" is the head of its own name.

    Examples:
        >>> w = "Assets Supervision and Administration Commission of the State Council".split()
        >>> _modifies_head(w, 0, 2, len(w))
        True
        >>> w = "Commerce and Ministry of Commerce".split()
        >>> _modifies_head(w, 0, 1, len(w))
        False
        >>> w = "Ng Cher Pong and Shenzhen Municipal Bureau of Commerce".split()
        >>> _modifies_head(w, 0, 3, len(w))
        False
    """
    before = words[start:k]
    if len(before) < 2 or lexicon.name_head(before)[0] or gazetteer.lookup(" ".join(before)):
        return False
    if len(before) <= 3 and lexicon.is_surname(before[0]) and _person_words(before) == len(before):
        return False  # "IMDA chief executive Ng Cher Pong and Shenzhen Municipal Bureau ...": a person
    after = []
    for w in words[k + 1:j]:
        if w in CONNECTORS or not is_cap(w):
            break
        after.append(w)
    type_, head = lexicon.name_head(after)
    return type_ is not None and head > 0 and not gazetteer.lookup(" ".join(after[:head]))


def _titled_pair(words: list[str], start: int, k: int, j: int) -> bool:
    """"Thai Commerce Minister Jurin Laksanawisit and Chinese Vice Minister Wang Shouwen".

    An "and" at ``k`` starts a new name when the piece before it ends in a titled
    person's name and a title opens within the first three words after it.

    Examples:
        >>> w = "Thai Commerce Minister Jurin Laksanawisit and Chinese Vice Minister Wang Shouwen".split()
        >>> _titled_pair(w, 0, 5, len(w))
        True
        >>> w = "Ministry of Trade and Industry Deputy Secretary Luke Goh".split()
        >>> _titled_pair(w, 0, 3, len(w))
        False
        >>> w = "Minister for Transport Ong Bee Lan and Ningbo Mayor Zhao Lihua".split()
        >>> _titled_pair(w, 0, 6, len(w))
        True
    """
    before = words[start:k]
    titled = next((t for t in range(len(before)) if lexicon.title_length(before, t)), None)
    if titled is None:
        return False
    rest = titled + lexicon.title_length(before, titled)
    complement, person = _name_after_title(before[rest:])  # "Minister for Transport Ong Bee Lan"
    if not 2 <= person <= 3 or complement + person != len(before) - rest:
        return False
    return any(lexicon.title_length(words[:j], k + 1 + d) for d in range(3) if k + 1 + d < j)


def _ends_in_org_head(words: list[str]) -> bool:
    """Whether ``words`` are an organisation's name whose last word is its head.

    Examples:
        >>> _ends_in_org_head(["Acme", "Holdings"]), _ends_in_org_head(["Ministry", "of", "Trade"])
        (True, False)
    """
    return len(words) >= 2 and lexicon.name_head(words) == ("Organization", len(words) - 1)


def _label(toks: list[Tok], i: int, j: int, text: str, offset: int) -> tuple[str, str | None]:
    """Label of tokens ``[i, j)`` with a parenthesised acronym removed, and that acronym."""
    out: list[tuple[str, bool]] = []
    acronym = None
    k = i
    while k < j:
        t = toks[k]
        if t.text == "(" and _paren_group(toks, k):
            end = _paren_group(toks, k)
            inner = [x.text for x in toks[k + 1:end - 1]]
            if len(inner) == 1 and _ACRONYM.match(inner[0]):
                acronym = acronym or inner[0]
            else:
                out.append((text[t.start - offset:toks[end - 1].end - offset], toks[end - 1].space))
            k = end
            continue
        out.append((t.text, t.space))
        k += 1
    label = "".join(chunk + (" " if space else "") for chunk, space in out)
    return re.sub(r"\s+", " ", label).strip(), acronym


def _person_words(words: list[str]) -> int:
    """How many leading ``words`` form a person's name (up to three names; "Ying-I" is one).

    Four names when a given name precedes a surname and two more names ("Jane Lim Pei
    Shan", "Alvin Tan Sheng Hui").

    Examples:
        >>> _person_words(["Yong", "Ying", "-", "I", "spoke"]), _person_words(["Han", "Zheng", "said"])
        (4, 2)
        >>> _person_words(["Jane", "Lim", "Pei", "Shan", ","]), _person_words(["Lim", "Pei", "Shan", "Dong"])
        (4, 3)
    """
    limit = 4 if len(words) >= 4 and lexicon.is_surname(words[1]) and not lexicon.is_surname(words[0]) else 3
    n, names = 0, 0
    while n < len(words) and names < limit:
        w = words[n]
        if w == "-" and n > 0 and n + 1 < len(words) and words[n + 1][:1].isupper() and words[n + 1].isalpha():
            n += 2  # a hyphenated given name: "Ying-I", "Ying-Jie"
            continue
        if (not is_cap(w) or w in CONNECTORS or lexicon.head_type(w) or lexicon.title_length(words, n)
                or lexicon.is_honorific(w) or w.isupper() and len(w) > 1 or not w.isalpha()
                and "-" not in w):
            break
        n += 1
        names += 1
    return n


def _is_person_shape(words: list[str]) -> bool:
    """Whether ``words`` look like a person's full name (two or three plain words)."""
    return (2 <= len(words) - 2 * words.count("-") <= 3 and _person_words(words) == len(words)
            and not gazetteer.lookup(" ".join(words))
            and not any(gazetteer.lookup(w) for w in words))


def _name_after_title(words: list[str]) -> tuple[int, int]:
    """Split the words after a title into (complement length, person length).

    "of Trade Luke Goh" -> complement "of Trade", person "Luke Goh";
    "Han Zheng" -> person only; "for Communications and Information Mr Joseph Leong" ->
    complement up to the honorific.
    """
    for k, w in enumerate(words):
        if lexicon.is_honorific(w):
            return k, 0
    if words and words[0] in ("of", "for"):
        rest = words[1:]
        if len(rest) >= 3:
            n = 3 if len(rest) >= 4 and lexicon.is_surname(rest[-3]) else 2
            if _person_words(rest[-n:]) == n:
                return len(words) - n, n
        return len(words), 0
    n = _person_words(words)
    return (0, n) if n >= 2 else (0, 0)


def find_names(sentence: str, offset: int) -> list[Candidate]:
    """The names the run rules find in one sentence.

    Args:
        sentence: the sentence's text.
        offset: where the sentence starts in the document's text.

    Returns:
        Candidates in text order (nested ones after the name containing them).

    Examples:
        >>> [(c.type, c.label) for c in find_names(
        ...     "Ministry of Trade and Industry Deputy Secretary of Trade Luke Goh and "
        ...     "Chongqing Vice Mayor Li Bo met.", 0)]
        [('Organization', 'Ministry of Trade and Industry'), ('Person', 'Luke Goh'), ('Person', 'Li Bo')]
        >>> [(c.type, c.label) for c in find_names("Alibaba's Jack Ma and Tencent's Pony Ma spoke.", 0)]
        [('Person', 'Jack Ma'), ('Person', 'Pony Ma')]
        >>> [(c.type, c.label) for c in find_names("Tan Kiat How, State Secretary of MCI, spoke.", 0)]
        [('Person', 'Tan Kiat How')]
        >>> [(c.type, c.label) for c in find_names("Mr Goh and Mr Li met.", 0)]
        [('PersonRef', 'Goh'), ('PersonRef', 'Li')]
        >>> [(c.type, c.label) for c in find_names("IMDA met TusStar, a leading technology incubator.", 0)]
        [('Organization', 'TusStar')]
        >>> find_names("Guests met Ana, a leading expert in AI.", 0)
        []
        >>> find_names("Strengthening Partnerships in the Digital Future", 0)
        []
    """
    toks = tokenize(sentence, offset)
    words = [t.text for t in toks]
    found: list[Candidate] = []
    pieces: list[tuple[int, int, list[Candidate]]] = []
    headline = is_headline(sentence)
    spans = [p for i, j in runs(toks) for p in (_headline_pieces(toks, i, j) if headline else [(i, j)])]
    for i, j in spans:
        possessor = ""
        if i >= 2 and _possessive(toks[i - 1]) and is_cap(words[i - 2]):
            possessor = words[i - 2]
            k = i - 3
            while k >= 0 and is_cap(words[k]):  # a multi-word possessor
                possessor = words[k] + " " + possessor
                k -= 1
        for a, b in _split_coordination(toks, i, j):
            cands = _segment(toks, words, a, b, sentence, offset, possessor)
            pieces.append((a, b, cands))
            found.extend(cands)
            possessor = ""
    listed = _listed_companies(toks, pieces, sentence, offset)
    if listed:
        found = [c for c in found if not any(x.start <= c.start and c.end <= x.end for x in listed)]
        found = sorted(found + listed, key=lambda c: c.start)
    return found


def _segment(toks, words, a, b, sentence, offset, possessor) -> list[Candidate]:
    """Candidates from one coordinated piece ``[a, b)`` of a run."""
    out: list[Candidate] = []
    # skip ordinary words that open the piece ("The", "During", "Led")
    while a < b and _ordinary_start(toks, a) and not lexicon.title_length(words, a) and not _coordinated_start(words, a, b):
        a += 1
    while a < b and words[a] in CONNECTORS | {"-", "/", ")"}:
        a += 1
    if a + 1 < b and a >= 1 and words[a - 1].lower() == "the" and is_ordinal(words[a]) and words[a + 1] != "-" \
            and lexicon.name_head(words[a + 1:b])[0] == "Event":
        a += 1  # "the Fifth Harbour Data Dialogue": an edition's number, read with the name (editions)
    if a >= b:
        return out
    # a title or an honorific inside the piece
    k = a
    while k < b:
        tl = lexicon.title_length(words[:b], k)
        if tl and (k == a or not _inside_name(words, a, k)):
            break
        if lexicon.is_honorific(words[k]):
            tl = 0
            break
        k += 1
    if k < b:
        if k > a and _unit_before_title(words[:b], a, k):  # "Greater China Group Director"
            k += 1
        if k > a:
            out.extend(_typed(toks, words, a, k, sentence, offset, possessor))
        tl = lexicon.title_length(words[:b], k)
        if lexicon.is_honorific(words[k]):
            tl = 0
        rest_start = k + tl
        comp, _ = _name_after_title(words[rest_start:b]) if tl else (0, 0)
        if comp and words[rest_start] in ("of", "for") and words[rest_start - 1] not in _PORTFOLIO_TITLES:
            # "Mayor of <organisation>"; a minister's "of"/"for" names a portfolio, no body
            out.extend(_typed(toks, words, rest_start + 1, rest_start + comp, sentence, offset, ""))
        p = rest_start + comp
        if p < b and lexicon.is_honorific(words[p]):
            p += 1
            n = _person_words(words[p:b])
            if n == 1:
                out.append(_cand(toks, p - 1, p + 1, sentence, offset, "PersonRef", words[p], "honorific"))
            elif n >= 2:
                out.append(_cand(toks, p, p + n, sentence, offset, "Person",
                                 _label(toks, p, p + n, sentence, offset)[0], "honorific"))
            return out
        n = _person_words(words[p:b])
        if tl and n >= 2:
            out.append(_cand(toks, p, p + n, sentence, offset, "Person", _label(toks, p, p + n, sentence, offset)[0],
                             "title"))
        return out
    # no title: apposition "Name, Title ..." or possessive "Org's Name"
    piece = words[a:b]
    after = words[b:b + 4]
    if _is_person_shape(piece):
        appos = after[:1] == [","] and (lexicon.title_length(after[1:] + words[b + 4:b + 8], 0)
                                         or after[1:3] in (["the", after[2] if len(after) > 2 else ""],)
                                         and lexicon.title_length(words[b + 2:b + 8], 0)
                                         or after[1:2] == ["former"]
                                         # "Siti Hawa Ismail, Malaysia's Minister for ..."
                                         or after[2:3] in (["'s"], ["’s"])
                                         and lexicon.title_length(words[b + 3:b + 9], 0))
        said = (a >= 1 and words[a - 1] in ("said", "says", "added", "noted")) and after[:1] == [","]
        if appos or said or (possessor and _is_org_name(possessor)):
            c = _cand(toks, a, b, sentence, offset, "Person", _label(toks, a, b, sentence, offset)[0],
                      "apposition" if appos or said else "possessive")
            out.append(c)
            return out
    n = _described_organization(words, a, b)
    if n:
        out.append(_cand(toks, a, a + n, sentence, offset, "Organization", " ".join(words[a:a + n]), "descriptor"))
        if a + n + 1 < b and words[a + n] in ("and", "&"):  # "firm Kaida and Chinese EV maker ..."
            out.extend(_segment(toks, words, a + n + 1, b, sentence, offset, ""))
        return out
    if _apposed_organization(words, a, b):
        out.append(_cand(toks, a, b, sentence, offset, "Organization", " ".join(piece), "apposition"))
        return out
    out.extend(_typed(toks, words, a, b, sentence, offset, possessor))
    return out


def _described_organization(words: list[str], a: int, b: int) -> int:
    """"Singapore start-up SunPool", "Shenzhen-based drone maker Skylark": a name after a company noun.

    A short capitalised name right after a singular noun that says what kind of company
    it is (``lexicon.company_nouns``) names that company. The name must not be a date,
    a title, an honorific or a known name, so "the drone maker said" and "the firm's
    CEO Tan Wei" give nothing here.

    Examples:
        >>> _described_organization("Shenzhen-based drone maker Skylark unveiled it".split(), 3, 4)
        1
        >>> _described_organization("the drone maker Tuesday".split(), 3, 4)
        0

    Returns:
        How many words of ``words[a:b]`` make the name (the words before an "and"), or 0.
    """
    n = 0
    while a + n < b and words[a + n] not in CONNECTORS:
        n += 1
    piece = words[a:a + n]
    if not 1 <= n <= 3 or a == 0 or lexicon.name_head(piece)[0] or gazetteer.lookup(" ".join(piece)):
        return 0
    if any(not w[:1].isupper() or lexicon.title_length(piece, i) or lexicon.is_honorific(w)
           or lexicon.is_date_word(w) or lexicon.is_not_name_start(w) for i, w in enumerate(piece)):
        return 0
    noun = words[a - 1]
    if a >= 3 and words[a - 2] == "-":
        noun = words[a - 3] + "-" + words[a - 1]
    return n if lexicon.is_company_noun(noun) else 0


def _apposed_organization(words: list[str], a: int, b: int) -> bool:
    """"TusStar, a leading technology incubator": a name apposed to an organisation noun."""
    piece = words[a:b]
    if not 1 <= len(piece) <= 3 or lexicon.name_head(piece)[0] or gazetteer.lookup(" ".join(piece)):
        return False
    if any(not w[:1].isupper() or lexicon.title_length(piece, i) for i, w in enumerate(piece)):
        return False
    after = words[b:b + 7]
    if after[:2] not in ([",", "a"], [",", "an"], [",", "the"]):
        return False
    for w in after[2:]:
        if lexicon.is_organization_noun(w):
            return True
        if not w.islower() or w in ("of", "in", "with", "and", "that", "which", "who"):
            return False
    return False


def _unit_before_title(words: list[str], a: int, k: int) -> bool:
    """Whether the title found at ``k`` opens with the head of a unit named before it.

    "Greater China Group Director Lim Mei": "Group" could modify "Director", but after
    "Greater China" it ends the unit's name, and the title is "Director".

    Examples:
        >>> _unit_before_title("Greater China Group Director Lim Mei".split(), 0, 2)
        True
        >>> _unit_before_title("Acme Managing Director Tan Wei".split(), 0, 1)
        False
    """
    return (lexicon.head_type(words[k]) == "Organization" and lexicon.is_title_modifier(words[k])
            and bool(lexicon.title_length(words, k + 1))
            and lexicon.name_head(words[a:k + 1]) == ("Organization", k - a))


def _place_company(words: list[str]) -> bool:
    """"Xiamen Haitian Robotics": a city or province, a name, an industry noun.

    Examples:
        >>> _place_company(["Xiamen", "Haitian", "Robotics"]), _place_company(["Xiamen", "Robotics"])
        (True, False)
        >>> _place_company(["Singapore", "Haitian", "Robotics"]), _place_company(["Xiamen", "Smart", "Port"])
        (False, False)
    """
    if len(words) < 3 or not lexicon.is_industry_noun(words[-1]) or not all(is_cap(w) for w in words):
        return False
    for n in (2, 1):
        entry = gazetteer.lookup(" ".join(words[:n]))
        if entry and entry.kind in ("city", "province") and len(words) > n + 1:
            return True
    return False


def _listed_companies(toks: list[Tok], pieces: list[tuple[int, int, list[Candidate]]],
                      sentence: str, offset: int) -> list[Candidate]:
    """Untyped pieces ending in an industry noun, or defining their acronym, that stand in a list of organisations.

    "run by Acme Pte Ltd and Haitian Robotics", "between Haitian Robotics and Acme Pte
    Ltd": a piece of two or more capitalised words ending in an industry noun is a
    company when the list it stands in (pieces joined by "and", "&" or a comma) holds a
    recognised organisation, or when it follows "by" or "between".
    """
    out = []
    for n, (a, b, cands) in enumerate(pieces):
        words = [t.text for t in toks[a:b]]
        if cands and not all(c.type == "Place" for c in cands) or len(words) < 2:
            continue
        own_acronym = any(words[x] == "(" and x + 2 < len(words) and words[x + 2] == ")"
                          and _ACRONYM.match(words[x + 1]) for x in range(1, len(words) - 2))
        if not (lexicon.is_industry_noun(words[-1]) or own_acronym) or lexicon.is_not_name_start(words[0]):
            continue  # "Haitian Robotics", "Digital Industry (DI) Singapore"
        if not all(is_cap(w) or w in CONNECTORS | {"(", ")"} for w in words):
            continue
        before = toks[a - 1].text if a else ""
        listed = before in ("by", "between")
        for m in (n - 1, n + 1):
            if 0 <= m < len(pieces) and _joined(toks, pieces[min(m, n)][1], pieces[max(m, n)][0]):
                listed = listed or any(c.type == "Organization" for c in pieces[m][2])
        if listed:
            label, acronym = _label(toks, a, b, sentence, offset)
            out.append(_cand(toks, a, b, sentence, offset, "Organization", label, "listed", acronym=acronym))
    return out


def _joined(toks: list[Tok], end: int, start: int) -> bool:
    """Whether only list glue ("and", "&", ",", "as well as") lies between two pieces."""
    glue = [t.text for t in toks[end:start]]
    return 0 < len(glue) <= 3 and all(w in ("and", "&", ",", "as", "well") for w in glue)


def _short_name_after(words: list[str], a: int, b: int, type_: str) -> list[str]:
    """The words of a short name in brackets closing the name ``[a, b)``, if it has the same head type.

    Examples:
        >>> w = "MOU on Green Development ( Green Development MOU )".split()
        >>> _short_name_after(w, 0, len(w), "Agreement")
        ['Green', 'Development', 'MOU']
        >>> w = "Smart City Initiative ( Shenzhen )".split()
        >>> _short_name_after(w, 0, len(w), "Initiative")
        []
    """
    if b - a < 5 or words[b - 1] != ")" or "(" not in words[a + 1:b - 2]:
        return []
    open_at = b - 1 - words[a:b - 1][::-1].index("(") - 1
    inner = words[open_at + 1:b - 1]
    if len(inner) < 2 or open_at <= a or lexicon.name_head(inner)[0] != type_:
        return []
    return inner


def _ordinary_start(toks: list[Tok], a: int) -> bool:
    """Whether the word at ``a`` is an ordinary word before a name ("The", "During").

    Not when a hyphen joins it to the next word: "All-China Federation", "Non-Aligned".

    Examples:
        >>> _ordinary_start(tokenize("All-China Federation", 0), 0), _ordinary_start(tokenize("All China", 0), 0)
        (False, True)
    """
    joined = a + 1 < len(toks) and toks[a + 1].text == "-" and not toks[a].space
    return lexicon.is_not_name_start(toks[a].text) and not joined


def _coordinated_start(words: list[str], a: int, b: int) -> bool:
    """Whether an ordinary word at ``a`` opens a name all the same: coordinated inside it after "the"
    ("the Building and Construction Authority"; not "Building on ...", "During and after ...")."""
    return a > 0 and a + 2 < b and words[a - 1].lower() == "the" and words[a + 1] in ("and", "&")


def _inside_name(words: list[str], a: int, k: int) -> bool:
    """Whether a title word at ``k`` is part of a longer name ("Office of the President")."""
    return k > a and words[k - 1] in ("of", "for", "the")


def _is_org_name(name: str) -> bool:
    entry = gazetteer.lookup(name)
    if entry:
        return entry.type == "Organization"
    return bool(lexicon.name_head(name.split())[0] == "Organization")


def _cand(toks, i, j, sentence, offset, type_, label, rule, **kw) -> Candidate:
    start, end = toks[i].start, toks[j - 1].end
    return Candidate(start, end, sentence[start - offset:end - offset], type_, label, rule=rule, **kw)


def _generic_head_after(words: list[str], a: int, b: int) -> str | None:
    """The type a lower-case head word right after a headless name gives it, or ``None``.

    "their Scale Up Smart initiative", "a 'Green Harbour Twinning' programme", "the
    Northern Link project": the name is of the kind the common noun after it says
    (an initiative or a project; the noun stays out of the label). A name of fewer than
    two words besides places' names, an acronym or a known name ("the Chongqing
    Liangjiang project") is no such name.

    Examples:
        >>> _generic_head_after("through their Scale Up Smart initiative .".split(), 2, 5)
        'Initiative'
        >>> _generic_head_after("the Chongqing Liangjiang project".split(), 1, 3) is None
        True
    """
    k = b
    while k < len(words) and words[k] in ("'", "’", '"', "”"):
        k += 1
    if k >= len(words) or not words[k].islower() or b - a < 2:
        return None
    type_ = lexicon.head_type(words[k].capitalize())
    if type_ not in ("Initiative", "Project"):
        return None
    piece = words[a:b]
    own = [w for w in piece if is_cap(w) and not gazetteer.lookup(w)]  # the words that are no place's
    if any(w.isupper() for w in piece) or len(own) < 2 or gazetteer.lookup(" ".join(piece)):
        return None
    return type_


def _plural_owner_of_title(words: list[str], a: int, b: int) -> str | None:
    """"Organization" when a headless plural name owns the title after it: "Quayline Robotics'
    chief executive", "Northstar Partners’ Managing Partner" (a place does not: "the
    Philippines' Trade Secretary").

    Examples:
        >>> _plural_owner_of_title("said Quayline Robotics ' chief executive".split(), 1, 3)
        'Organization'
        >>> _plural_owner_of_title("the Philippines ' Trade Secretary".split(), 1, 2) is None
        True
    """
    after = [w[:1].upper() + w[1:] for w in words[b + 1:b + 6]]
    if not (b < len(words) and words[b] in ("'", "’") and words[b - 1].endswith("s")
            and (lexicon.title_length(after, 0) or after[:1] and lexicon.is_title_modifier(after[0])
                 and lexicon.title_length(after, 1))):
        return None
    if gazetteer.lookup(" ".join(words[a:b])) or lexicon.is_surname(words[b - 1]):
        return None
    return "Organization"


def _typed(toks, words, a, b, sentence, offset, possessor) -> list[Candidate]:
    """Typed names in the piece ``[a, b)`` (its head word gives the type), nested prefixes too."""
    while b > a and words[b - 1] in CONNECTORS | {"-", "/", "("}:
        b -= 1
    while a < b and _ordinary_start(toks, a) and not _coordinated_start(words, a, b):
        a += 1
    if a >= b:
        return []
    piece = words[a:b]
    type_, head = lexicon.name_head(piece)
    if type_ is None and _place_company(piece):
        type_, head = "Organization", len(piece) - 1
    if type_ is None:
        type_ = _generic_head_after(words, a, b) or _plural_owner_of_title(words, a, b)
        head = b - a - 1
    if type_ is None:
        return []
    if b - a == 1 and head == 0:  # "the Pavilion": a reference, resolved later
        return []
    short = _short_name_after(words, a, b, type_)
    if short:  # "MOU on Green Development (Green Development MOU)": the short name is an alias
        b -= len(short) + 2
    label, acronym = _label(toks, a, b, sentence, offset)
    cand = _cand(toks, a, b, sentence, offset, type_, label, "head", acronym=None, possessor=possessor)
    if short:
        cand.aliases.append(" ".join(short))
    out = [cand]
    # acronyms defined inside the name: "Chongqing Connectivity Initiative (CCI) Joint ..."
    for k in range(a, b):
        if words[k] == "(" and k + 2 < b + 1 and k + 2 < len(words) and words[k + 2] == ")" \
                and _ACRONYM.match(words[k + 1]):
            inner_type = lexicon.head_type(words[k - 1]) if k > a else None
            sub_label, _ = _label(toks, a, k, sentence, offset)
            inner = _acronym_part(words, a, k, words[k + 1]) if k + 3 >= b else None
            if inner is not None:  # "Joint Working Committee of the Harbour Port Initiative (HPI)": the initiative's
                inner_label, _ = _label(toks, inner, k, sentence, offset)
                out.append(_cand(toks, inner, k, sentence, offset, lexicon.head_type(words[k - 1]), inner_label,
                                 "nested", acronym=words[k + 1], nested=True))
            elif k + 3 >= b:  # the acronym closes the name: it names the whole
                cand.acronym = words[k + 1]
            elif inner_type and inner_type != type_ or inner_type and k + 3 < b:
                out.append(_cand(toks, a, k, sentence, offset, inner_type, sub_label, "nested",
                                 acronym=words[k + 1], nested=True))
            else:
                cand.aliases.append(words[k + 1] + " " + " ".join(
                    w for w in words[k + 3:b] if w not in ("(", ")")))
                cand.acronym = cand.acronym or None
                out[0].aliases.append(words[k + 1])
    # a year after a recurring event's name makes an edition: "Smart China Expo 2020"
    return out
