"""Text scraped from a news web page: the article, without the page around it.

A copied web page holds the article (headline, date line, paragraphs) inside
page furniture: the site's title bar, navigation, subscription and login boxes,
"Start a Free Trial" buttons, "Scan the QR code", contributor and contact
boxes, keyword lists, "Leave a Reply" forms, blocks repeated around the page.
The rules here are about such furniture in general, not about one site:

1. A line is *furniture* when it speaks to the reader about the site rather
   than reporting: login / sign-up / subscribe / free-trial / QR-code /
   "create your account" / "leave a reply" / "write to us" vocabulary (see
   ``loaders/webpage_furniture.yaml``), or when it is a short line (no sentence
   punctuation) that occurs more than once on the page.
2. The *article* is the run of lines between furniture lines that holds the
   most prose (lines of many words ending like sentences). A press release
   published as a page keeps its tail (sign-off, annexes, media contacts) when
   the run goes on to a dated sign-off or a "For media queries"-style line.
3. Before its first prose line the article keeps a date line and the headline
   (the nearest short line of several words above it); section labels and other
   short lines further up are dropped. Lines after its last prose line are dropped.
4. Inside the article, lines with page-widget vocabulary (share, print,
   advertisement) and *repeats* are dropped: a line that occurs again earlier,
   and a line whose words are contained in a longer line (an "Abstract :" that
   repeats the lead, a pull quote).

Every dropped line is recorded in ``Document.dropped``. The kept lines are
joined by blank lines. Date: the kept date line, else the dateline (``CHONGQING,
March 7 (Xinhua) --``, year from elsewhere on the page), else the month of the lead
paragraph's first date. Title: the kept headline. Publisher: a release's sign-off,
else the site name from the page's title bar (``Site Name - tagline``), else a
dateline's news agency.

Examples:
    >>> page = "My Site - News\\nLogin | Subscribe\\n\\nWorld\\n\\nTwo cities sign a pact\\n\\nMay 3, 2021\\n\\n" \\
    ...        "BEIJING, May 2 (Xinhua) -- The two cities signed a pact on trade and data today.\\n\\n" \\
    ...        "Officials said the pact covers many sectors of the digital economy.\\n\\nLeave a Reply\\n"
    >>> doc = parse(page, source="p.txt")
    >>> doc.title, doc.date, doc.publisher
    ('Two cities sign a pact', '2021-05-03', 'My Site')
    >>> doc.dropped
    ('My Site - News', 'Login | Subscribe', 'World', 'Leave a Reply')
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

from sgcn.loaders import plaintext
from sgcn.loaders.dates import find_dateline, find_dates
from sgcn.loaders.document import Document, digest, parse_file
from sgcn.loaders.errors import LoadError

FORMAT = "webpage"
EXTENSIONS = (".txt", ".text", "")

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d)]*$")
_RELEASE_TAIL = re.compile(
    r"^(?:for (?:media|press) (?:queries|enquiries|inquiries)|media contacts?|press contacts?|"
    r"for more information|annex\b|issued by)",
    re.IGNORECASE,
)
_BAR_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014-]|::)\s+")
_LABEL = re.compile(r"^[A-Z][\w ]{0,20}\s*:\s*")
# two or more e-mail headers opening a text ("From: ...", "Subject: ...", "Date: ...")
_MESSAGE_HEADERS = re.compile(r"\A\s*(?:(?:From|To|Cc|Subject|Date|Sent|Reply-To):[^\n]*\n){2,}", re.I)


@cache
def _vocabulary() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(files("sgcn.loaders").joinpath("webpage_furniture.yaml").read_text("utf-8"))
    return {
        kind: re.compile(r"\b(?:" + "|".join(data[kind]) + r")\b", re.IGNORECASE)
        for kind in ("page", "widget")
    }


@lru_cache(maxsize=4096)  # each line is weighed by several rules
def _words(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(line: str) -> bool:
    """A line that reports: eight words or more, ending like a sentence.

    Examples:
        >>> is_prose("Chongqing and Singapore inked 13 memorandums of understanding at the expo last year.")
        True
        >>> is_prose("Start a Free Trial"), is_prose("Identifying code Reload")
        (False, False)
    """
    line = line.strip()
    return _words(line) >= 8 and bool(_SENTENCE_END.search(line) or _words(line) >= 40)


def is_furniture(line: str) -> bool:
    """A line that speaks to the reader about the site (login, subscribe, trial, QR code...).

    Examples:
        >>> is_furniture("Click on the button below to create your account and get access.")
        True
        >>> is_furniture("Scan the QR code and push it to your mobile phone")
        True
        >>> is_furniture("The two sides signed an agreement to set up a data centre.")
        False
    """
    return _words(line) <= 60 and bool(_vocabulary()["page"].search(line))


def is_widget(line: str) -> bool:
    """A short line naming a page widget (share, print, advertisement, tags).

    Examples:
        >>> is_widget("Share this article"), is_widget("Advertisement"), is_widget("Share prices rose 5% in May.")
        (True, True, False)
    """
    return _words(line) <= 8 and not _SENTENCE_END.search(line.strip()) and bool(_vocabulary()["widget"].search(line))


@lru_cache(maxsize=4096)
def _normal(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def segments(text: str) -> list[str]:
    """The page's non-empty lines, a paragraph wrapped over several lines kept as one.

    A line runs on into the next line (with no blank line between) when it does
    not end like a sentence, has eight words or more, and either the next line
    starts in lower case or the next line's first word would not have fitted on
    it (the page is wrapped at the width of its longest such line, 100 characters
    at most).

    Examples:
        >>> segments("Menu\\n\\nThe two cities agreed today to set up a joint\\nworking group on data.\\nLog in")
        ['Menu', 'The two cities agreed today to set up a joint\\nworking group on data.', 'Log in']
        >>> text = ("Two cities sign a data pact in Xiamen\\n"
        ...         "The mayors of the two cities signed a pact on data\\n"
        ...         "Exchange and digital trade at a forum in Xiamen.\\n")
        >>> segments(text)[0]
        'Two cities sign a data pact in Xiamen'
        >>> len(segments(text))
        2
    """
    raw = text.split("\n")
    width = max(
        (len(line.strip()) for line, after in zip(raw, raw[1:]) if after.strip() and len(line.strip()) <= 100),
        default=0,
    )
    found: list[str] = []
    joining = False
    for line in raw:
        line = line.strip()
        if not line:
            joining = False
            continue
        if joining and (line[0].islower() or len(found[-1].rsplit("\n", 1)[-1]) + 1 + len(line.split()[0]) > width):
            found[-1] += "\n" + line
        else:
            found.append(line)
        last = found[-1].rsplit("\n", 1)[-1]
        joining = _words(last) >= 8 and not _SENTENCE_END.search(last) and not last.endswith(":")
    return found


def date_of_line(line: str) -> str:
    """The date a short line states, if it is a date line ("Published: 5 May 2021 10:30").

    A date line has at most 16 words, is not a sentence, and holds one date
    that names at least a month.

    Examples:
        >>> date_of_line("March 09, 2020"), date_of_line("2023-09-05 15:20:00 Source: Xinhua Editor: Liu")
        ('2020-03-09', '2023-09-05')
        >>> date_of_line("By Wang Li | Updated: Sep 5, 2023 10:21 AM")
        '2023-09-05'
        >>> date_of_line("The expo was held on 5 May 2021 in Chongqing."), date_of_line("Since 2018")
        ('', '')
    """
    line = plaintext.strip_marks(line)
    if _words(line) > 16 or _SENTENCE_END.search(line) and _words(line) > 6:
        return ""
    dates = [d for d in find_dates(line) if len(d.iso_start) >= 7 and not d.iso_end]
    return dates[0].iso_start if len(dates) == 1 else ""


def site_name(bar: str, headline: str = "") -> str:
    """The site's name from a page's title bar (``Site - tagline``, ``Headline | Site``).

    Examples:
        >>> site_name("Xinhua Silk Road - Belt and Road Portal, China's silk road website")
        'Xinhua Silk Road'
        >>> site_name("Pact signed in Xiamen - China Daily", headline="Pact signed in Xiamen")
        'China Daily'
        >>> site_name("Chongqing and Singapore sign a pact on data today.")
        ''
    """
    parts = [p.strip() for p in _BAR_SEPARATOR.split(plaintext.strip_marks(bar)) if p.strip()]
    if len(parts) < 2 or is_prose(bar):
        return ""
    if headline and _normal(parts[0]) == _normal(headline):
        parts = parts[1:]
        return parts[-1] if _words(parts[-1]) <= 6 else ""
    return parts[0] if _words(parts[0]) <= 6 else ""


def sniff(text: str, path: str | Path = "") -> bool:
    """Text with page furniture: a line with site vocabulary, or two short lines each repeated.

    One repeated short line is not enough: a release lists its annexes and then heads them.
    A text with the marks of a press release (a release notice, a dated sign-off) needs
    three such signs: a release may invite its readers to subscribe once.

    An e-mail (headers such as "From:", "Subject:" and "Date:" at its top) is no page, nor is
    a text whose repeated short lines are rules between its sections ("-----").

    Examples:
        >>> sniff("Headline\\n\\nA long paragraph of the story goes here, with words.\\n\\nLeave a Reply\\n")
        True
        >>> sniff("From: Club <news@club.example>\\nSubject: Digest\\nDate: 3 May 2029\\n\\nText.\\n\\nUnsubscribe\\n")
        False
        >>> sniff("PRESS RELEASE\\n\\n1. The ministry signed an agreement today.\\n")
        False
        >>> sniff("Annex A: Photos\\n\\nAnnex B: Fact sheet\\n\\nAnnex A: Photos\\n\\nText.")
        False
        >>> sniff("Home\\nNews\\n\\nText of the story, long enough to count.\\n\\nHome\\nNews\\n")
        True
        >>> sniff("For immediate release\\n\\nTITLE\\n\\n1. Text.\\n\\nTo subscribe to our releases, sign up here.")
        False
    """
    if _MESSAGE_HEADERS.match(text):
        return False  # an e-mail (a newsletter sent to members): its whole body is the text
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    furniture = sum(is_furniture(line) for line in lines)
    # a rule of dashes or stars between a text's sections is no page furniture
    short = Counter(_normal(line) for line in lines if not is_prose(line) and _words(line) <= 8 and _WORD.search(line))
    repeated = {line for line, count in short.items() if count > 1}
    if not furniture and len(repeated) < 2:
        return False
    # a press release may say "subscribe" once; a page says such things again and again
    return furniture + len(repeated) >= 3 or not plaintext.looks_like_release(text)


def _contained_lines(lines: list[str], keep: set[int], headline_index: int | None) -> list[int]:
    """The kept lines of eight words or more (not the headline) whose words, a label
    such as "Abstract :" left out, a longer kept line contains; taken in page order,
    a line found so is no longer a container for the lines after it.

    A container holds every inner word of the line (the first and last may be parts of
    its words), so only the kept lines holding the line's rarest inner word are
    compared: time grows with the page, not with its square.

    Examples:
        >>> lines = ["Abstract : the two cities signed a pact on data and trade today",
        ...          "The two cities signed a pact on data and trade today in Xiamen, officials said."]
        >>> _contained_lines(lines, {0, 1}, None)
        [0]
    """
    normal = {index: _normal(lines[index]) for index in keep}
    holders: dict[str, set[int]] = {}
    for index in keep:
        for word in set(normal[index].split()):
            holders.setdefault(word, set()).add(index)
    alive = set(keep)
    found = []
    for index in sorted(keep):
        line = lines[index]
        if index == headline_index or _words(line) < 8:
            continue
        body = _normal(_LABEL.sub("", line))
        inner = body.split()[1:-1]
        candidates = min((holders.get(w, set()) for w in inner), key=len) if inner else alive
        if any(other != index and other in alive and len(lines[other]) > len(line) and body in normal[other]
               for other in candidates):
            alive.discard(index)
            found.append(index)
    return found


def parse(text: str, *, source: str) -> Document:
    """Read a scraped web page: keep the article, record the furniture dropped.

    Args:
        text: the decoded text.
        source: the file name.

    Raises:
        LoadError: no line of the page reads as article prose.

    Examples:
        >>> doc = parse("Sign in\\n\\nHeadline of the story here\\n\\n" + "Word " * 15 + "end.\\n\\nShare\\n", source="s.txt")
        >>> doc.text.splitlines()[0], doc.dropped
        ('Headline of the story here', ('Sign in', 'Share'))
    """
    lines = segments(text)
    if not lines:
        raise LoadError(source, "empty file")
    counts: dict[str, int] = {}
    for line in lines:
        counts[_normal(line)] = counts.get(_normal(line), 0) + 1
    breaks = [is_furniture(line) or (counts[_normal(line)] > 1 and not is_prose(line)) for line in lines]
    # runs of lines between furniture lines; the article is the one with the most prose
    best, best_score, run_start = (0, 0), 0, 0
    for index in range(len(lines) + 1):
        if index == len(lines) or breaks[index]:
            score = sum(len(line) for line in lines[run_start:index] if is_prose(line))
            if score > best_score:
                best, best_score = (run_start, index), score
            run_start = index + 1
    if best_score == 0:
        raise LoadError(source, "no article text found: no line of the page reads as prose")
    start, end = best
    prose = [i for i in range(start, end) if is_prose(lines[i])]
    first, last = prose[0], prose[-1]
    # a press release published as a page ends with its sign-off, annexes and media
    # contacts: short lines after the last paragraph, kept when the run holds such a tail
    tail = lines[last + 1 : end]
    if any(_RELEASE_TAIL.search(line) for line in tail) or plaintext.find_signoff("\n".join(tail)):
        last = end - 1
    keep = set(range(first, last + 1))
    # above the first paragraph: date lines and bylines, then the headline; nothing higher
    headline_index = None
    for index in range(first - 1, start - 1, -1):
        line = plaintext.strip_marks(lines[index])
        if date_of_line(line) or plaintext.is_byline(line):
            keep.add(index)
        elif _words(line) >= 3 and not is_widget(line):
            keep.add(index)
            headline_index = index
            break
    seen: set[str] = set()
    for index in sorted(keep):
        key = _normal(lines[index])
        if is_widget(lines[index]) or key in seen:
            keep.discard(index)
        seen.add(key)
    # a long line whose words a longer kept line contains repeats it (abstract, pull quote)
    for index in _contained_lines(lines, keep, headline_index):
        keep.discard(index)
    kept = "\n\n".join(lines[i] for i in sorted(keep)) + "\n"
    dropped = tuple(line for i, line in enumerate(lines) if i not in keep)

    metadata: dict[str, str] = {}
    date = next((iso for i in sorted(keep) if i < first and (iso := date_of_line(lines[i]))), "")
    if date:
        metadata["date_basis"] = "date line"
    years = [int(d.iso_start[:4]) for d in find_dates(kept)]
    dateline = find_dateline(kept, year=int(date[:4]) if date else (max(years) if years else None))
    if dateline:
        metadata["dateline_place"] = dateline.place
        if dateline.agency:
            metadata["agency"] = dateline.agency
        if not date and dateline.date:
            date, metadata["date_basis"] = dateline.date, "dateline"
    if not date:
        date, basis = plaintext.find_date(kept)
        if basis:
            metadata["date_basis"] = basis
    if not date:
        # a masthead above the article dates the page: "Issue 10/2030 | 15 October 2030"
        date = next((iso for line in lines[:first] if (iso := date_of_line(line) or plaintext.dated_field(line))), "")
        if date:
            metadata["date_basis"] = "masthead"
    headline = plaintext.strip_marks(lines[headline_index]) if headline_index is not None else ""
    publisher = plaintext.find_signoff(kept)
    if not publisher and 0 not in keep:
        publisher = site_name(lines[0].split("\n")[0], headline)
    if not publisher and dateline and dateline.agency:
        publisher = dateline.agency
    return Document(
        source=source,
        text=kept,
        sha256=digest(text),
        format=FORMAT,
        title=headline,
        date=date,
        publisher=publisher,
        metadata=metadata,
        dropped=dropped,
    )


def read(path: str | Path) -> Document:
    """Read a scraped web page from ``path`` (sha256 of its raw bytes).

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "p.txt")
        ...     _ = path.write_text("Log in\\n\\nA headline for it\\n\\n" + "Word " * 15 + "end.\\n")
        ...     read(path).title
        'A headline for it'
    """
    return parse_file(path, parse)
