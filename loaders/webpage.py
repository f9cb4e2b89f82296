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
   most prose (lines of many words ending like sentences).
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
paragraph's first date. Title: the kept headline. Publisher: the site name from the
page's title bar (``Site Name - tagline``), else a dateline's news agency.

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
from dataclasses import replace
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from sgcn.loaders import plaintext
from sgcn.loaders.dates import find_dateline, find_dates, lead_date, parse_date
from sgcn.loaders.document import Document, digest, read_source
from sgcn.loaders.errors import LoadError

FORMAT = "webpage"
EXTENSIONS = (".txt", ".text", "")

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d)]*$")
_TITLE_BAR = re.compile(r"^(?P<site>[^\n|\u2013\u2014-]{3,60}?)\s+(?:[|\u2013\u2014-]|::)\s+\S")
_DATE_LABEL = re.compile(r"^(?:published|posted|updated|date|dated)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_LABEL = re.compile(r"^[A-Z][\w ]{0,20}\s*:\s*")


@cache
def _vocabulary() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(files("sgcn.loaders").joinpath("webpage_furniture.yaml").read_text("utf-8"))
    return {
        kind: re.compile(r"\b(?:" + "|".join(data[kind]) + r")\b", re.IGNORECASE)
        for kind in ("page", "widget")
    }


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


def _normal(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def sniff(text: str, path: str | Path = "") -> bool:
    """Text with page furniture: a line with site vocabulary, or two short lines each repeated.

    One repeated short line is not enough: a release lists its annexes and then heads them.

    Examples:
        >>> sniff("Headline\\n\\nA long paragraph of the story goes here, with words.\\n\\nLeave a Reply\\n")
        True
        >>> sniff("PRESS RELEASE\\n\\n1. The ministry signed an agreement today.\\n")
        False
        >>> sniff("Annex A: Photos\\n\\nAnnex B: Fact sheet\\n\\nAnnex A: Photos\\n\\nText.")
        False
        >>> sniff("Home\\nNews\\n\\nText of the story, long enough to count.\\n\\nHome\\nNews\\n")
        True
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if any(is_furniture(line) for line in lines):
        return True
    short = [_normal(line) for line in lines if not is_prose(line) and _words(line) <= 8]
    repeated = {line for line in short if short.count(line) > 1}
    return len(repeated) >= 2


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
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    if not lines:
        raise LoadError(source, "empty file")
    counts: dict[str, int] = {}
    for _, line in lines:
        counts[_normal(line)] = counts.get(_normal(line), 0) + 1
    breaks = [
        is_furniture(line) or (counts[_normal(line)] > 1 and not is_prose(line))
        for _, line in lines
    ]
    # runs of lines between furniture lines; the article is the one with the most prose
    best, best_score, run_start = (0, 0), 0, 0
    for index in range(len(lines) + 1):
        if index == len(lines) or breaks[index]:
            score = sum(len(line) for _, line in lines[run_start:index] if is_prose(line))
            if score > best_score:
                best, best_score = (run_start, index), score
            run_start = index + 1
    if best_score == 0:
        raise LoadError(source, "no article text found: no line of the page reads as prose")
    start, end = best
    prose = [i for i in range(start, end) if is_prose(lines[i][1])]
    first, last = prose[0], prose[-1]
    keep = set(range(first, last + 1))
    headline = ""
    for index in range(first - 1, start - 1, -1):
        line = plaintext.strip_marks(lines[index][1])
        if parse_date(_DATE_LABEL.sub("", line)):
            keep.add(index)
        elif re.match(r"^by\s+[A-Z]", line):
            keep.add(index)
        elif _words(line) >= 3 and not is_widget(line):
            keep.add(index)
            headline = line
            break
    seen: set[str] = set()
    for index in sorted(keep):
        line = lines[index][1]
        key = _normal(line)
        if is_widget(line) or key in seen:
            keep.discard(index)
            continue
        seen.add(key)
    # a line whose words a longer kept line contains repeats it (abstract, pull quote)
    for index in sorted(keep):
        line = lines[index][1]
        body = _normal(_LABEL.sub("", line))
        if index != first - 1 and any(
            other != index and len(lines[other][1]) > len(line) and body and body in _normal(lines[other][1])
            for other in keep
        ):
            keep.discard(index)
    kept = "\n\n".join(lines[i][1] for i in sorted(keep)) + "\n"
    dropped = tuple(line for i, (_, line) in enumerate(lines) if i not in keep)

    metadata: dict[str, str] = {}
    date = ""
    for index in sorted(keep):
        if index < first:
            iso = parse_date(_DATE_LABEL.sub("", plaintext.strip_marks(lines[index][1])))
            if iso:
                date, metadata["date_basis"] = iso, "date line"
                break
    years = [int(d.iso_start[:4]) for d in find_dates(kept)]
    dateline = find_dateline(kept, year=int(date[:4]) if date else (max(years) if years else None))
    if dateline:
        metadata["dateline_place"] = dateline.place
        if dateline.agency:
            metadata["agency"] = dateline.agency
        if not date and dateline.date:
            date, metadata["date_basis"] = dateline.date, "dateline"
    if not date and (date := lead_date(kept)):
        metadata["date_basis"] = "lead paragraph"
    publisher = ""
    if start > 0 or first > 0:
        bar = _TITLE_BAR.match(lines[0][1])
        if bar and 0 not in keep:
            publisher = bar.group("site").strip()
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
    text, sha = read_source(path)
    try:
        document = parse(text, source=Path(path).name)
    except LoadError as err:
        raise LoadError(path, err.message, line=err.line, column=err.column) from err
    return replace(document, sha256=sha)
