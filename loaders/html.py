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
from sgcn.loaders.dates import date_problem, parse_date
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


def _json_ld(tree, source: str) -> list[tuple[dict, int | None]]:
    """The JSON-LD objects of a page (``@graph`` members included), each with its script's line."""
    items: list[tuple[dict, int | None]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError as err:
            log.warning("%s:%s: ignoring JSON-LD that is not JSON: %s", source, script.sourceline, err)
            continue
        except RecursionError:
            log.warning("%s:%s: ignoring JSON-LD nested too deeply to read", source, script.sourceline)
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append((item, script.sourceline))
                graph = item.get("@graph", [])
                if isinstance(graph, list):
                    stack.extend(x for x in reversed(graph) if isinstance(x, dict))
    return items


def _name(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list) and value:
        return _name(value[0])
    return str(value or "")


def page_metadata(tree, source: str = "") -> dict[str, str]:
    """Title, date and publisher a page states in its markup (``""`` where silent).

    A date that cannot exist (``2020-02-31``, an offset of ``+25:00``) is ignored with a
    warning naming the file and line, and ``found["impossible_date"]`` is set: the page
    stated a date, only a wrong one, so nothing else may guess it.

    Args:
        tree: the page parsed by ``lxml.html``.
        source: the file name, for warnings.

    Examples:
        >>> import lxml.html
        >>> tree = lxml.html.fromstring('<html><head><title>T - Site</title><script type="application/ld+json">'
        ...     '{"@type": "NewsArticle", "headline": "H", "datePublished": "2020-03-09",'
        ...     ' "publisher": {"@type": "Organization", "name": "Site"}}</script></head><body></body></html>')
        >>> page_metadata(tree)
        {'title': 'H', 'date': '2020-03-09', 'publisher': 'Site'}
    """
    meta: dict[str, tuple[str, int | None]] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key and key not in meta and element.get("content", "").strip():
            meta[key] = (" ".join(element.get("content").split()), element.sourceline)
    found = {"title": "", "date": "", "publisher": ""}
    stated: list[tuple[str, str, int | None]] = []  # (where, date as written, line): every date the markup gives
    for item, line in _json_ld(tree, source):
        found["title"] = found["title"] or " ".join(str(item.get("headline") or "").split())
        if isinstance(item.get("datePublished"), str) and item["datePublished"].strip():
            stated.append(("JSON-LD datePublished", item["datePublished"], line))
        found["publisher"] = found["publisher"] or _name(item.get("publisher"))
    stated += [(f"<meta> {k}", meta[k][0], meta[k][1]) for k in _DATE_META if k in meta]
    stated += [("<time datetime>", str(t.get("datetime")), t.sourceline) for t in tree.xpath("//time[@datetime]")]
    found["title"] = found["title"] or next((meta[k][0] for k in _TITLE_META if k in meta), "")
    found["publisher"] = found["publisher"] or next((meta[k][0] for k in _PUBLISHER_META if k in meta), "")
    for where, written, line in stated:
        if date := parse_date(written):
            found["date"] = date
            break
        if problem := date_problem(written):
            if problem != "not a date sgcn reads":
                found["impossible_date"] = written
            log.warning("%s:%s: %s %r ignored: %s", source, line, where, written, problem)
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
    from trafilatura.settings import set_date_params

    check_complete(text, source)
    try:
        tree = lxml.html.fromstring(text)
    except (lxml.etree.ParserError, ValueError) as err:
        raise LoadError(source, f"not an HTML page: {err}") from err
    found = page_metadata(tree, source)
    # trafilatura's date is a guess used only when the markup gives no date and none that
    # cannot exist; otherwise its extensive search is skipped: on text it cannot read as a
    # date it tries every one of dateparser's locales (seconds a page, found by make fuzz)
    guessing = not found["date"] and not found.get("impossible_date")
    extracted = bare_extraction(text, with_metadata=True, include_comments=False, include_tables=True,
                                date_extraction_params=None if guessing else set_date_params(False))
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
        # trafilatura "repairs" a date that cannot exist (2020-02-31 -> 2020-02-01): no guess then
        guess = "" if found.get("impossible_date") else parse_date(getattr(extracted, "date", None) or "")
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
    kept = _with_byline(kept, visible)
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


def _with_byline(kept: str, visible: list[str]) -> str:
    r"""The main text with the page's byline back in place, when the extractor left it out.

    trafilatura drops a story's byline ("By Jane Ho, Technology Correspondent | 2 May
    2025"), which names the story's author and their post; it is kept where the page has
    it: before the first line of the main text that follows it on the page, within the
    top of the story (above its second line), so a "By signing up ..." further down is not one.

    Examples:
        >>> _with_byline("Pact signed\nThe two cities signed it.\nMore.\n",
        ...              ["Home", "Pact signed", "By Ann Lee, Reporter", "The two cities signed it.", "More."])
        'Pact signed\nBy Ann Lee, Reporter\nThe two cities signed it.\nMore.\n'
    """
    lines = kept.split("\n")
    at = {line: index for index, line in reversed(list(enumerate(visible)))}  # first place of each line
    placed = [at.get(" ".join(line.split())) if line.strip() else None for line in lines]
    top = sorted(p for p in placed if p is not None)[:2]
    if len(top) < 2:
        return kept
    kept_words = " ".join(kept.split())
    byline = next((index for index in range(top[1]) if plaintext.is_byline(visible[index])
                   and visible[index] not in kept_words), None)
    if byline is None:
        return kept
    after = next(k for k, p in enumerate(placed) if p is not None and p > byline)
    return "\n".join(lines[:after] + [visible[byline]] + lines[after:])


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
