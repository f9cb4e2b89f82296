"""HTML pages: the main text by trafilatura, the metadata from the page's own markup.

The article text is trafilatura's ``bare_extraction`` (not ``extract`` with
metadata, which prepends a YAML header and would shift every offset); the
page's title, date and publisher come from, in order: JSON-LD (``headline``,
``datePublished``, ``publisher.name``), ``<meta>`` tags (Open Graph
``og:title``/``og:site_name``, ``article:published_time``, ``date``,
``dcterms.*``, ``citation_*``), the ``<time datetime>`` element and ``<title>``,
then the main text itself (a date line, a dateline, a release's sign-off, as for
plain releases), then what trafilatura found. A page cut short (no closing ``</body>`` or
``</html>``) is refused: its article may be cut too.

``Document.dropped`` records the lines of the page's visible text that the main
text leaves out (navigation, footers, boxes).

Examples:
    >>> page = ('<html><head><title>Pact signed | City News</title>'
    ...         '<meta property="og:site_name" content="City News">'
    ...         '<meta property="article:published_time" content="2021-05-03T08:00:00+08:00"></head>'
    ...         '<body><nav>Home | World</nav><article><h1>Pact signed</h1>'
    ...         '<p>The two cities signed a pact on trade and data today in Beijing.</p>'
    ...         '<p>Officials said the pact covers many sectors of the digital economy.</p></article>'
    ...         '<footer>All rights reserved</footer></body></html>')
    >>> doc = parse(page, source="p.html")
    >>> doc.title, doc.date, doc.publisher
    ('Pact signed', '2021-05-03', 'City News')
    >>> "Home | World" in doc.text
    False
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from sgcn.loaders import plaintext
from sgcn.loaders.dates import parse_date
from sgcn.loaders.document import Document, digest, parse_file
from sgcn.loaders.errors import LoadError

FORMAT = "html"
EXTENSIONS = (".html", ".htm", ".xhtml", ".txt", ".text", "")
_PAGE_EXTENSIONS = (".html", ".htm", ".xhtml")

log = logging.getLogger(__name__)

_TITLE_META = ("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title", "title")
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
    "dcterms.date", "dcterms.issued", "dcterms.created", "citation_publication_date",
    "pubdate", "publish-date", "publish_date", "sailthru.date", "article:modified_time",
)  # fmt: skip
_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
    "nav", "header", "footer", "aside", "section", "article", "blockquote", "ul", "ol",
)  # fmt: skip
_PUBLISHER_META = ("og:site_name", "dc.publisher", "dcterms.publisher", "citation_publisher", "publisher", "application-name")


def sniff(text: str, path: str | Path = "") -> bool:
    """An ``.html``/``.htm`` file, or a text file that opens as an HTML document.

    Examples:
        >>> sniff("<!DOCTYPE html><html>..."), sniff("Plain text", "a.html"), sniff("Plain text", "a.txt")
        (True, True, False)
    """
    if Path(path).suffix.lower() in _PAGE_EXTENSIONS:
        return True
    return bool(re.match(r"\s*(?:<!doctype\s+html|<html[\s>])", text[:500], re.IGNORECASE))


def check_complete(text: str, source: str) -> None:
    """Refuse a page cut short: it must close ``</body>`` or ``</html>``.

    Raises:
        LoadError: at the file's last line, naming the tag that is missing.

    Examples:
        >>> check_complete("<html><body><p>Text", "p.html")
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.LoadError: p.html:1: truncated HTML: no closing </body> or </html>
    """
    lower = text.lower()
    if "</html>" not in lower and "</body>" not in lower:
        raise LoadError(source, "truncated HTML: no closing </body> or </html>", line=text.count("\n") + 1)


def _json_ld(tree) -> list[dict]:
    items: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError as err:
            log.warning("ignoring JSON-LD that is not JSON: %s", err)
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                items.append(item)
                stack.extend(x for x in item.get("@graph", []) if isinstance(x, dict))
    return items


def _name(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list) and value:
        return _name(value[0])
    return str(value or "")


def page_metadata(tree) -> dict[str, str]:
    """Title, date and publisher a page states in its markup (``""`` where silent).

    Args:
        tree: the page parsed by ``lxml.html``.

    Examples:
        >>> import lxml.html
        >>> tree = lxml.html.fromstring('<html><head><title>T - Site</title><script type="application/ld+json">'
        ...     '{"@type": "NewsArticle", "headline": "H", "datePublished": "2020-03-09",'
        ...     ' "publisher": {"@type": "Organization", "name": "Site"}}</script></head><body></body></html>')
        >>> page_metadata(tree)
        {'title': 'H', 'date': '2020-03-09', 'publisher': 'Site'}
    """
    meta: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key and key not in meta and element.get("content", "").strip():
            meta[key] = " ".join(element.get("content").split())
    found = {"title": "", "date": "", "publisher": ""}
    for item in _json_ld(tree):
        found["title"] = found["title"] or " ".join(str(item.get("headline") or "").split())
        found["date"] = found["date"] or parse_date(str(item.get("datePublished") or ""))
        found["publisher"] = found["publisher"] or _name(item.get("publisher"))
    found["title"] = found["title"] or next((meta[k] for k in _TITLE_META if k in meta), "")
    found["date"] = found["date"] or next((d for k in _DATE_META if k in meta if (d := parse_date(meta[k]))), "")
    found["publisher"] = found["publisher"] or next((meta[k] for k in _PUBLISHER_META if k in meta), "")
    if not found["date"]:
        for stamp in tree.xpath("//time/@datetime"):
            if date := parse_date(stamp):
                found["date"] = date
                break
    if not found["title"]:
        titles = tree.xpath("//title/text()")
        found["title"] = _without_site(" ".join(titles[0].split()) if titles else "", found["publisher"])
    return found


def _without_site(title: str, site: str) -> str:
    """``"Pact signed | City News"`` -> ``"Pact signed"`` when the site is City News."""
    if site and title.endswith(site):
        head = re.sub(r"\s*[|\u2013\u2014:-]\s*$", "", title[: -len(site)])
        if head and head != title[: -len(site)]:
            return head
    return title


def parse(text: str, *, source: str) -> Document:
    """Read an HTML page: trafilatura's main text, metadata from the markup.

    Args:
        text: the decoded page.
        source: the file name.

    Raises:
        LoadError: the page is truncated, is not HTML, or has no main text.

    Examples:
        >>> parse("<html><body><p>Hi</p>", source="t.html")
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.LoadError: t.html:1: truncated HTML: no closing </body> or </html>
    """
    import lxml.etree
    import lxml.html
    from trafilatura import bare_extraction

    check_complete(text, source)
    try:
        tree = lxml.html.fromstring(text)
    except (lxml.etree.ParserError, ValueError) as err:
        raise LoadError(source, f"not an HTML page: {err}") from err
    found = page_metadata(tree)
    extracted = bare_extraction(text, with_metadata=True, include_comments=False, include_tables=True)
    body = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not body:
        raise LoadError(source, "no main text found in the HTML page")
    if extracted is not None:
        found["publisher"] = found["publisher"] or (extracted.sitename or "")
        found["title"] = _without_site(found["title"], found["publisher"])
    metadata = {"url": url} if (url := getattr(extracted, "url", None)) else {}
    kept = body + "\n"
    if found["date"]:
        metadata["date_basis"] = "page metadata"
    else:
        # the text's own date line or dateline; then trafilatura's guess; then the lead paragraph
        date, basis = plaintext.find_date(kept)
        guess = parse_date(getattr(extracted, "date", None) or "")
        if guess and basis in ("", "lead paragraph"):
            date, basis = guess, "trafilatura"
        found["date"] = date
        if basis:
            metadata["date_basis"] = basis
    found["publisher"] = found["publisher"] or plaintext.find_signoff(kept)
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    visible = [" ".join(line.split()) for line in tree.text_content().splitlines()]
    kept_words = " ".join(kept.split())
    dropped = tuple(line for line in visible if line and line not in kept_words)
    return Document(
        source=source,
        text=kept,
        sha256=digest(text),
        format=FORMAT,
        title=found["title"],
        date=found["date"],
        publisher=found["publisher"],
        metadata=metadata,
        dropped=dropped,
    )


def read(path: str | Path) -> Document:
    """Read an HTML page from ``path`` (sha256 of its raw bytes).

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "p.html")
        ...     _ = path.write_text("<html><head><title>T</title></head><body><article>"
        ...                         "<p>The two cities signed a pact on trade and data today in Beijing, officials said.</p>"
        ...                         "</article></body></html>")
        ...     read(path).title
        'T'
    """
    return parse_file(path, parse)
