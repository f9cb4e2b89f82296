"""Plain-text government press releases: the loader every other text format falls back to.

A press release as issued by a ministry or agency: perhaps a "For immediate
release" line, a headline (in capitals, maybe between markdown ``**`` marks),
numbered paragraphs, a sign-off naming the issuer and the date
(``MINISTRY OF TRADE AND INDUSTRY`` / ``5 MARCH 2020``), annexes and a media
contact block. The whole text is kept as it stands: annexes carry facts, and the
people and titles of the media contact block are read from it by extraction.

The document's own metadata is read from it:

- title: the first paragraph that is a heading (short, no sentence end), after
  release notices such as "For immediate release" or "Embargoed until ..."; it
  ends where a dateline starts the story, and a dateline alone on its line is no part of it;
- date: a dateline (``SINGAPORE, 25 November 2022 -``, ``Singapore, 14 June 2024:``,
  ``SINGAPORE, 14 June 2024`` alone on a line), else a line that is nothing but a date
  (the sign-off date or a date under the headline, perhaps after a place), else the month of
  the first dated occasion of the lead paragraph (``metadata["date_basis"]`` says so);
- publisher: the sign-off line above the date (an organisation name in capitals,
  turned into title case), an "Issued by ..." line, or a letterhead (an organisation
  named alone above the title).

Examples:
    >>> doc = parse("PRESS RELEASE\\n\\nA TITLE HERE\\n\\n1. Text.\\n\\nMINISTRY OF HEALTH\\n2 MAY 2021\\n", source="a.txt")
    >>> doc.title, doc.date, doc.publisher
    ('A TITLE HERE', '2021-05-02', 'Ministry of Health')
"""

from __future__ import annotations

import re
from pathlib import Path

from sgcn.loaders.dates import find_dateline, find_dates, lead_date, parse_date
from sgcn.loaders.document import Document, digest, parse_file
from sgcn.loaders.errors import LoadError

FORMAT = "plaintext"
EXTENSIONS = (".txt", ".text", "")

_NOTICE = re.compile(
    r"^(?:for immediate release|immediate release|press release|media release|news release|"
    r"for release|embargoed?\b.*|joint (?:press|media) release|statement|media statement)\W*$",
    re.IGNORECASE,
)
_MARKS = re.compile(r"^[\s*_#>]+|[\s*_]+$")
_SENTENCE_END = re.compile(r"[.!?:;]['\"\u2019\u201d)]*$")
_NUMBERED = re.compile(r"^\s*(?:\d+|[a-z]|[ivx]+)[.)]\s")
_ORG_WORD = re.compile(
    r"\b(?:MINISTRY|AUTHORITY|DEPARTMENT|OFFICE|AGENCY|BOARD|COMMISSION|COUNCIL|BUREAU|"
    r"GOVERNMENT|EMBASSY|INSTITUTE|ASSOCIATION|CORPORATION|COMMITTEE|SECRETARIAT|DIVISION|"
    r"CENTRE|CENTER|FEDERATION|CHAMBER|ENTERPRISE|UNIVERSITY|BANK|GROUP)\b"
)
# "^" then blanks, not "\s*": tried at every line start, "\s*" read the whole run of
# empty lines that follows each time (a million empty lines: hours)
_ISSUED_BY = re.compile(r"^[^\S\n]*issued by\s*:?\s*(?:the\s+)?(?P<org>[^\n]+?)\s*\.?\s*$", re.IGNORECASE | re.MULTILINE)
_SMALL_WORDS = {"of", "and", "for", "the", "in", "on", "at", "to", "a", "an", "by", "with"}


_BYLINE = re.compile(r"^(?:by|written by|reporter:?|author:?)\s+[A-Z]", re.IGNORECASE)


def is_byline(line: str) -> bool:
    """Whether a line is a byline: who wrote the story ("By Jane Ho, Technology Correspondent | 2 May").

    Examples:
        >>> is_byline("By Jane Ho, Technology Correspondent | 2 May 2025"), is_byline("Reporter: Li Na")
        (True, True)
        >>> is_byline("Byline-free text"), is_byline("Singapore, 2 May")
        (False, False)
    """
    return bool(_BYLINE.match(line))


def strip_marks(line: str) -> str:
    """A line without markdown emphasis or heading marks around it.

    Examples:
        >>> strip_marks("**MINISTRY OF TRADE AND INDUSTRY**")
        'MINISTRY OF TRADE AND INDUSTRY'
    """
    return _MARKS.sub("", line).strip()


def title_case(name: str) -> str:
    """An organisation name written in capitals, in title case.

    Small words stay lower case (except first), words in parentheses (acronyms)
    and words with digits stay as they are.

    Examples:
        >>> title_case("MINISTRY OF TRADE AND INDUSTRY")
        'Ministry of Trade and Industry'
        >>> title_case("INFOCOMM MEDIA DEVELOPMENT AUTHORITY (IMDA)")
        'Infocomm Media Development Authority (IMDA)'
        >>> title_case("Ministry of Health")
        'Ministry of Health'
    """
    if name != name.upper():
        return name
    words = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if word.startswith("(") or any(c.isdigit() for c in word):
            words.append(word)
        elif i and lower in _SMALL_WORDS:
            words.append(lower)
        else:
            words.append("-".join(part.capitalize() for part in lower.split("-")))
    return " ".join(words)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The blank-line separated paragraphs of ``text`` with their offsets.

    Examples:
        >>> paragraphs("A\\nB\\n\\n\\nC")
        [(0, 'A\\nB'), (6, 'C')]
    """
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+(?:\n[^\n]*\S[^\n]*)*", text)]


def is_heading(line: str) -> bool:
    """Whether a line reads as a heading: short, words, no sentence end.

    Examples:
        >>> is_heading("**SINGAPORE AND CHONGQING SIGN LETTER OF INTENT**")
        True
        >>> is_heading("1. Singapore and Chongqing inked a letter of intent today.")
        False
    """
    bare = strip_marks(line)
    return (
        0 < len(bare) <= 250
        and not _SENTENCE_END.search(bare)
        and not _NUMBERED.match(bare)
        and sum(c.isalpha() for c in bare) >= 0.5 * len(bare)
    )


def _is_org_name(line: str) -> bool:
    """An organisation's name: a few words opening or closing with an organisation word
    ("Ministry of Trade and Industry", "Infocomm Media Development Authority (IMDA)")."""
    words = re.sub(r"\s*\([^)]*\)$", "", line).upper().split()
    return (
        0 < len(words) <= 8
        and not _SENTENCE_END.search(line)
        and bool(_ORG_WORD.fullmatch(words[0]) or _ORG_WORD.fullmatch(words[-1]))
    )


_MESSAGE_HEADER = re.compile(r"(From|To|Cc|Subject|Date|Sent|Reply-To):\s*(.*)", re.I)


def _head_lines(para: str) -> tuple[list[str], bool]:
    """The lines of a paragraph that may be part of the head (marks removed; notices,
    date lines and a dateline alone on its line left out), and whether the story starts
    in it: a dateline followed by text opens the story, so nothing after it is a title."""
    lines = []
    for raw in para.splitlines():
        line = strip_marks(raw)
        if header := _MESSAGE_HEADER.match(line):  # an e-mail's: its subject is its title
            if header.group(1).lower() == "subject":
                lines.append(header.group(2).strip())
            continue
        if not line or _NOTICE.match(line) or parse_date(line):
            continue
        if dateline := find_dateline(line):
            if strip_marks(line[dateline.end :]):
                return lines, True
            continue
        lines.append(line)
    return lines, False


def _head(text: str) -> tuple[str, str]:
    """The letterhead (an organisation named alone above the title) and the title."""
    letterhead = ""
    for _, para in paragraphs(text)[:4]:
        lines, story = _head_lines(para)
        if not lines:
            if story:
                break
            continue
        if not letterhead and len(lines) == 1 and _is_org_name(lines[0]) and lines[0] != lines[0].upper():
            letterhead = lines[0]
            continue
        joined = " ".join(lines)
        if all(is_heading(line) for line in lines) and len(joined) <= 300:
            return letterhead, joined
        break
    # an organisation name with no heading under it was the title ("Enterprise Board Signs Pact")
    return "", letterhead


def find_title(text: str) -> str:
    """The first heading paragraph of a release, lines joined, marks removed.

    Release notices ("For immediate release"), date lines and a letterhead (an
    organisation named alone in title case above the title) are passed over.

    Examples:
        >>> find_title("\\nFor immediate release\\n\\n**SINGAPORE AND CHONGQING SIGN\\nA LETTER**\\n\\n1. Text.")
        'SINGAPORE AND CHONGQING SIGN A LETTER'
        >>> find_title("PRESS RELEASE\\nMinistry of Trade and Industry\\n\\nTrade Talks with Chongqing\\n\\nText.")
        'Trade Talks with Chongqing'
        >>> find_title("Singapore and Chongqing signed a letter of intent today.")
        ''
        >>> find_title("From: Club <news@club.example>\\nSubject: May Digest | Trade news\\nDate: 3 May 2029\\n\\nText.")
        'May Digest | Trade news'
    """
    return _head(text)[1]


def find_letterhead(text: str) -> str:
    """The organisation a release names alone above its title, or ``""``.

    Examples:
        >>> find_letterhead("PRESS RELEASE\\nMinistry of Trade and Industry\\n\\nTrade Talks with Chongqing\\n\\nText.")
        'Ministry of Trade and Industry'
        >>> find_letterhead("TRADE TALKS WITH CHONGQING\\n\\nText.")
        ''
        >>> find_letterhead("Data Board Signs Pact\\n\\nThe board signed a pact today."), find_title("Data Board Signs Pact\\n\\nText.")
        ('', 'Data Board Signs Pact')
    """
    return _head(text)[0]


#: The label of a date line ("Date:", "Published on", "Release time:"; "Time:" with its colon).
_DATE_LABEL = re.compile(
    r"^(?:(?:release|publish(?:ed)?|publication|post(?:ed|ing)?)\s+(?:date|time)\s*:?|time\s*:"
    r"|(?:date|dated|published|posted|updated|issued|released?)(?:\s+on)?\s*:?)\s*",
    re.IGNORECASE)
#: A clock time after a date line's date ("Jun 27, 2023 - 7:15 AM", "27 June 2023, 10:30 SGT", "at 9.00pm").
_CLOCK_TAIL = re.compile(
    r"(?:\s*[,|\u2013\u2014-]\s*|\s+at\s+|\s+)\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?\s*$")
#: The Chinese label a bilingual page puts before the English one ("发布日期 Release date: 2030-04-24").
_CJK_LABEL = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+\s*")
#: Where a date line's further fields start: wide spaces or a bar, then a label ("   Source: X", " | Views: 12").
_MORE_FIELDS = re.compile(r"(?:\s{3,}|\s*\|\s*)(?=(?:[\u3400-\u9fff]+\s*)?[A-Z][\w ]{0,20}:)")


def date_lines(text: str) -> list[tuple[int, str]]:
    """The lines that are nothing but a date (a sign-off date, a date under a headline).

    A place before the date (``SINGAPORE, 5 MARCH 2020``) is allowed, and a label such as ``Date:``, ``Published:``,
    ``Release time:`` or ``Posted on`` before the date is allowed; so are more labelled fields after it, set
    apart by wide spaces or a bar, as a portal's article lines give them (``Date: 2026-10-10   Source: X``).

    Returns:
        ``(offset of the line, ISO date)`` pairs in text order.

    Examples:
        >>> date_lines("TITLE\\n\\nMarch 09, 2020\\n\\nText 2019.\\n**5 MARCH 2020**")
        [(7, '2020-03-09'), (34, '2020-03-05')]
        >>> date_lines("Text.\\n\\nMINISTRY OF HEALTH\\nSINGAPORE, 2 MAY 2021")
        [(26, '2021-05-02')]
        >>> date_lines("Home > News\\nRelease time: 2025-11-14   Source: City Daily   Print")
        [(12, '2025-11-14')]
        >>> date_lines("A headline\\nPublished Tue, Jun 27, 2023 - 7:15 AM\\nUpdated 27 June 2023, 21:40 SGT")
        [(11, '2023-06-27'), (49, '2023-06-27')]
        >>> date_lines("发布日期 Release date: 2030-04-24   来源 Source: X\\nIssue 10/2030 | 15 October 2030")
        [(0, '2030-04-24'), (45, '2030-10-15')]
    """
    found = []
    for match in re.finditer(r"[^\n]+", text):
        line = _CJK_LABEL.sub("", strip_marks(match.group(0)))
        line = _DATE_LABEL.sub("", line)
        line = _MORE_FIELDS.split(line, maxsplit=1)[0]
        iso = parse_date(line) or parse_date(_CLOCK_TAIL.sub("", line)) or dated_field(line)
        if not iso and (dateline := find_dateline(line)) and not strip_marks(line[dateline.end :]):
            iso = dateline.date  # a place and a date alone on a line: "SINGAPORE, 14 June 2024"
        if iso and len(iso) >= 7:
            found.append((match.start(), iso))
    return found


def dated_field(line: str) -> str:
    """The date of a masthead line of fields set apart by bars, when exactly one field is a full date.

    Examples:
        >>> dated_field("Issue 10/2030 | 15 October 2030"), dated_field("Vol. 3 | Singapore")
        ('2030-10-15', '')
    """
    dates = [iso for field in re.split(r"\s+\|\s+", line) if len(iso := parse_date(field)) == 10]
    return dates[0] if len(dates) == 1 and " | " in line else ""


def find_signoff(text: str) -> str:
    """The issuer named in a release's sign-off, in title case, or ``""``.

    The sign-off is an organisation name in capitals on the line(s) right above
    a date line (``MINISTRY OF TRADE AND INDUSTRY`` / ``5 MARCH 2020``), or an
    ``Issued by ...`` line.

    Examples:
        >>> find_signoff("1. Text.\\n\\n**MINISTRY OF TRADE AND INDUSTRY\\n5 MARCH 2020**\\n")
        'Ministry of Trade and Industry'
        >>> find_signoff("Issued by: Enterprise Singapore\\n")
        'Enterprise Singapore'
        >>> find_signoff("Text only.")
        ''
    """
    for offset, _ in date_lines(text):
        above = [strip_marks(line) for line in text[:offset].rstrip("\n").split("\n")[-3:]]
        names: list[str] = []
        for line in reversed(above):
            if not line or line != line.upper() or not _ORG_WORD.search(line) or _SENTENCE_END.search(line):
                break
            names.insert(0, title_case(line))
        if names:
            return " and ".join(names)
    if match := _ISSUED_BY.search(text):
        return title_case(strip_marks(match.group("org")))
    return ""


def find_date(text: str) -> tuple[str, str]:
    """A release's own date and where it was read from.

    Returns:
        ``(iso, basis)``: ``basis`` is ``"date line"``, ``"dateline"``,
        ``"lead paragraph"`` or ``""`` when nothing was found.

    Examples:
        >>> find_date("SINGAPORE, 25 November 2022 \\u2013 The Ministry said.")
        ('2022-11-25', 'dateline')
        >>> find_date("Held from 4 to 6 May 2023.")
        ('2023-05', 'lead paragraph')
    """
    lines = date_lines(text)
    dateline = find_dateline(text)
    if dateline and dateline.date:
        # a dateline opening the story is the release date; a date line may be a later sign-off
        return dateline.date, "dateline"
    if lines:
        return lines[0][1], "date line"
    if dateline and dateline.month:
        years = [int(d.iso_start[:4]) for d in find_dates(text)]
        if years:
            dated = find_dateline(text, year=max(years))
            if dated and dated.date:
                return dated.date, "dateline"
    if lead := lead_date(text):
        return lead, "lead paragraph"
    return "", ""


def looks_like_release(text: str) -> bool:
    """Whether a text carries the marks of an issued press release: a release notice
    ("For immediate release") among its first lines, or a sign-off with a date.

    Examples:
        >>> looks_like_release("For immediate release\\n\\nTITLE\\n\\nText.")
        True
        >>> looks_like_release("Text.\\n\\nMINISTRY OF HEALTH\\n2 MAY 2021")
        True
        >>> looks_like_release("Home\\nLog in\\n\\nA story.")
        False
    """
    head = [strip_marks(line) for line in text.split("\n")[:12]]
    return any(_NOTICE.match(line) for line in head if line) or bool(find_signoff(text))


def sniff(text: str, path: str | Path = "") -> bool:
    """Any text can be read as a plain press release (the dispatcher tries this last).

    Examples:
        >>> sniff("anything")
        True
    """
    return True


def parse(text: str, *, source: str) -> Document:
    """Read a plain-text press release; the whole text is kept.

    Args:
        text: the decoded text (``\\n`` line endings).
        source: the file name, recorded as ``Document.source``.

    Examples:
        >>> doc = parse("For immediate release\\n\\nTITLE\\n\\n1. Words.\\n\\nAUTHORITY X\\n3 JUNE 2021", source="r.txt")
        >>> doc.title, doc.date, doc.publisher, doc.format
        ('TITLE', '2021-06-03', 'Authority X', 'plaintext')
    """
    if not text.strip():
        raise LoadError(source, "empty file")
    date, basis = find_date(text)
    metadata = {"date_basis": basis} if basis else {}
    return Document(
        source=source,
        text=text,
        sha256=digest(text),
        format=FORMAT,
        title=find_title(text),
        date=date,
        publisher=find_signoff(text) or find_letterhead(text),
        metadata=metadata,
    )


def read(path: str | Path) -> Document:
    """Read a plain-text press release from ``path`` (sha256 of its raw bytes).

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "r.txt")
        ...     _ = path.write_text("TITLE\\n\\nText.\\n")
        ...     read(path).title
        'TITLE'
    """
    return parse_file(path, parse)
