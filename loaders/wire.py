"""Wire releases (PR Newswire, Business Wire, GlobeNewswire and the like).

A wire release opens with a dateline naming the wire,
``CHONGQING, China, Aug. 27, 2019 /PRNewswire/ --`` or
``SINGAPORE, May 2, 2021 (BUSINESS WIRE) --``, and ends with a ``SOURCE <org>``
line naming the organisation that issued it. Copies taken from an archive may
carry a leading ``date YYYY-MM-DD`` header.

Kept: the headline (if any) and everything from the dateline to the ``SOURCE``
line included. Dropped: the ``date`` header, the wire page's other lines above the
dateline ("Share this article", "News provided by", a time stamp) and whatever
follows the ``SOURCE`` line (related links, contact boilerplate of the wire's page).
Metadata: date from the header, else the dateline; publisher from ``SOURCE``,
else "News provided by", else the wire; ``metadata["wire"]`` names the wire (``"PR Newswire"``);
``metadata["dateline_place"]`` the dateline's place.

Examples:
    >>> doc = parse("BEIJING, June 3, 2021 /PRNewswire/ -- X launched Y.\\n\\nSOURCE X Corp\\n", source="w.txt")
    >>> doc.date, doc.publisher, doc.metadata["wire"]
    ('2021-06-03', 'X Corp', 'PR Newswire')
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sgcn.loaders import plaintext
from sgcn.loaders.dates import date_problem, find_dateline, parse_date
from sgcn.loaders.document import Document, digest, parse_file
from sgcn.loaders.errors import LoadError

log = logging.getLogger(__name__)

FORMAT = "wire"
EXTENSIONS = (".txt", ".text", "")

_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]*(?P<date>\d{4}-\d{2}-\d{2})[ \t]*\n?[ \t]*", re.IGNORECASE)
_WIRE_MARK = re.compile(
    r"/(?P<slash>[A-Za-z][\w .-]*?(?:wire|CNW)[\w .-]*?)/\s*(?:--|[-\u2013\u2014])"
    r"|\((?P<paren>BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|Marketwired|EQS Newswire|PRNewswire)\)\s*(?:--|[-\u2013\u2014])",
    re.IGNORECASE,
)
_PROVIDED_BY = re.compile(r"^[ \t]*news provided by[ \t]*:?\s*\n\s*(?P<org>[^\n]+)", re.IGNORECASE | re.MULTILINE)
_SOURCE = re.compile(r"^[ \t]*SOURCE[ \t]+(?P<org>\S[^\n]*?)[ \t]*$", re.MULTILINE)
_WIRE_NAMES = {"prnewswire": "PR Newswire", "cnw": "CNW", "globenewswire": "GlobeNewswire"}


def wire_name(mark: str) -> str:
    """The wire's name as people write it, from its dateline mark.

    Examples:
        >>> wire_name("PRNewswire"), wire_name("PRNewswire-Asia"), wire_name("BUSINESS WIRE")
        ('PR Newswire', 'PR Newswire', 'Business Wire')
    """
    base = re.split(r"[-/]", mark.strip())[0]
    if base.lower() in _WIRE_NAMES:
        return _WIRE_NAMES[base.lower()]
    return plaintext.title_case(base) if base.isupper() else base


def sniff(text: str, path: str | Path = "") -> bool:
    """A leading ``date YYYY-MM-DD`` header or a wire mark in an early dateline.

    Examples:
        >>> sniff(" date 2019-08-27 CHONGQING, China, Aug. 27, 2019 /PRNewswire/ -- Text")
        True
        >>> sniff("SINGAPORE, May 2, 2021 (BUSINESS WIRE) -- Text"), sniff("CHONGQING, March 7 (Xinhua) -- Text")
        (True, False)
    """
    return bool(_HEADER.match(text) or _WIRE_MARK.search(text[:3000]))


def parse(text: str, *, source: str) -> Document:
    """Read a wire release.

    Args:
        text: the decoded text.
        source: the file name.

    Examples:
        >>> doc = parse(" date 2019-08-27 CHONGQING, China, Aug. 27, 2019 /PRNewswire/ -- The expo.\\n\\nSOURCE The Committee\\n\\nRelated Links\\n", source="w.txt")
        >>> doc.text
        'CHONGQING, China, Aug. 27, 2019 /PRNewswire/ -- The expo.\\n\\nSOURCE The Committee'
        >>> doc.date, doc.publisher, doc.metadata["dateline_place"], doc.dropped
        ('2019-08-27', 'The Committee', 'CHONGQING, China', (' date 2019-08-27 ', '\\n\\nRelated Links\\n'))
    """
    before: list[str] = []
    after: list[str] = []
    metadata: dict[str, str] = {}
    date = ""
    header = _HEADER.match(text)
    if header:
        before.append(header.group(0))
        date = parse_date(header.group("date"))
        if date:
            metadata["date_basis"] = "date header"
        else:
            line = text.count("\n", 0, header.start("date")) + 1
            log.warning("%s:%d: date header %r ignored: %s", source, line, header.group("date"),
                        date_problem(header.group("date")))
        text = text[header.end() :]
    sources = list(_SOURCE.finditer(text))
    publisher = ""
    if sources:
        last = sources[-1]
        publisher = last.group("org").strip()
        if text[last.end() :].strip():
            after.append(text[last.end() :])
        text = text[: last.end()]
    if not text.strip():
        raise LoadError(source, "no text after the date header")
    mark = _WIRE_MARK.search(text)
    if mark:
        metadata["wire"] = wire_name(mark.group("slash") or mark.group("paren"))
    dateline = find_dateline(text)
    title = ""
    if dateline and dateline.start > 0:
        # above the dateline the headline is kept; the wire page's lines ("Share this
        # article", "News provided by", a time stamp) are dropped
        prefix, body = text[: dateline.start], text[dateline.start :]
        title = plaintext.find_title(prefix)
        if by := _PROVIDED_BY.search(prefix):
            publisher = publisher or by.group("org").strip()
        head = ""
        for _, para in plaintext.paragraphs(prefix):
            if not head and title and " ".join(plaintext.strip_marks(x) for x in para.splitlines()) == title:
                head = para
            else:
                before.append(para)
        text = (head + "\n\n" if head else "") + body
        dateline = find_dateline(text)
    if dateline:
        metadata["dateline_place"] = dateline.place
        if not date and dateline.date:
            date = dateline.date
            metadata["date_basis"] = "dateline"
    if not date:
        date, basis = plaintext.find_date(text)
        if basis:
            metadata["date_basis"] = basis
    return Document(
        source=source,
        text=text,
        sha256=digest(text),
        format=FORMAT,
        title=title,
        date=date,
        publisher=publisher or metadata.get("wire", ""),
        metadata=metadata,
        dropped=tuple(before + after),
    )


def read(path: str | Path) -> Document:
    """Read a wire release from ``path`` (sha256 of its raw bytes).

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "w.txt")
        ...     _ = path.write_text("PARIS, May 2, 2021 /PRNewswire/ -- Text.\\n")
        ...     read(path).date
        '2021-05-02'
    """
    return parse_file(path, parse)
