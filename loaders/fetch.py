"""Fetching a web page for ``sgcn add``: one GET with every limit a careful client sets.

:func:`fetch` asks for a URL with httpx and returns a :class:`Fetched` page: the bytes
exactly as received, the final URL after redirects, the content type and the charset
the server declared, the time of retrieval. What makes it careful:

- a timeout for connecting and for each read, and a deadline for the whole download,
  so a server that trickles its answer cannot hold ``sgcn add`` for ever;
- redirects followed up to :data:`MAX_REDIRECTS`, each one logged;
- a size limit checked against ``Content-Length`` before anything is read and again
  while the body streams in (a server may send no length or lie about it);
- only pages and documents sgcn reads (HTML, plain text, Markdown) are accepted; a
  PDF, an image or a JSON API answer is refused by its content type;
- any HTTP error status is refused with its code and reason.

Every refusal is a :class:`FetchError` naming the URL and the reason; nothing is
written here (the caller writes only what was fetched whole).

Examples:
    >>> content_kind("text/html; charset=GBK"), content_kind("application/pdf")
    ('html', None)
    >>> charset_of("text/html; charset=\\"gbk\\""), charset_of("text/plain") is None
    ('gbk', True)
"""

from __future__ import annotations

import datetime
import logging
import time
from dataclasses import dataclass
from typing import Callable

from sgcn.loaders.errors import SgcnError
from sgcn.loaders.limits import DEADLINE, MAX_BYTES, MAX_REDIRECTS, TIMEOUT  # noqa: F401  (sgcn.loaders.fetch.MAX_BYTES, ...)

log = logging.getLogger(__name__)

USER_AGENT = "sgcn/0.1 (knowledge graph of Singapore-China digital cooperation; sgcn add)"

#: content type -> the kind of document sgcn reads it as (and the file extension it is stored under)
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


class FetchError(SgcnError):
    """A URL that could not be fetched as a document sgcn reads; nothing was written.

    Examples:
        >>> str(FetchError("https://x.org/a.pdf", "application/pdf is not a page or document sgcn reads"))
        'https://x.org/a.pdf: application/pdf is not a page or document sgcn reads'
    """

    def __init__(self, url: str, message: str):
        self.url, self.message = url, message
        super().__init__(f"{url}: {message}")


@dataclass(frozen=True)
class Fetched:
    """A page as received.

    Attributes:
        url: the URL asked for.
        final_url: where the last redirect led (``url`` when there was none).
        content: the body, byte for byte as the server sent it.
        content_type: the media type, without parameters (``text/html``).
        charset: the charset the server declared in ``Content-Type``, or ``None``.
        retrieved: when the answer came, ISO 8601 in UTC to the second.
    """

    url: str
    final_url: str
    content: bytes
    content_type: str
    charset: str | None
    retrieved: str

    @property
    def kind(self) -> str:
        """``html``, ``text`` or ``markdown``."""
        return CONTENT_TYPES[self.content_type]


def content_kind(content_type: str) -> str | None:
    """The kind of document a ``Content-Type`` value is, or ``None`` when sgcn does not read it."""
    media = content_type.split(";")[0].strip().lower()
    return CONTENT_TYPES.get(media)


def charset_of(content_type: str) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` value, if any."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def is_url(text: str) -> bool:
    """Whether an argument of ``sgcn add`` is a web address (http or https).

    Examples:
        >>> is_url("https://www.mti.gov.sg/x"), is_url("sources/a.txt"), is_url("ftp://x")
        (True, False, False)
    """
    return text.lower().startswith(("http://", "https://"))


def fetch(
    url: str,
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    progress: Callable[[int, int | None], None] | None = None,
) -> Fetched:
    """GET ``url`` within the limits and return the page as received.

    Args:
        url: an http or https URL.
        max_bytes: refuse a body larger than this.
        timeout: seconds to connect and for each read.
        deadline: seconds the whole download may take.
        progress: called as ``progress(bytes_so_far, total_or_None)`` while the body streams.

    Raises:
        FetchError: unreachable, timed out, too many redirects, an HTTP error status,
            a content type sgcn does not read, or a body over ``max_bytes``.
    """
    import httpx

    started = time.monotonic()
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9"},
        ) as client:
            with client.stream("GET", url) as response:
                for hop in response.history:
                    log.info("%s: redirected (%d) to %s", hop.url, hop.status_code, hop.headers.get("location", "?"))
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}; nothing written")
                content_type = response.headers.get("content-type", "")
                if content_kind(content_type) is None:
                    shown = content_type.split(";")[0].strip() or "no content type"
                    raise FetchError(url, f"{shown} is not a page or document sgcn reads "
                                          f"(it reads {', '.join(sorted(CONTENT_TYPES))}); nothing written")
                declared = response.headers.get("content-length")
                total = int(declared) if declared and declared.isdigit() else None
                if total is not None and total > max_bytes:
                    raise FetchError(url, f"{total:,} bytes is over the limit of {max_bytes:,}; nothing written")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(url, f"the body passed the limit of {max_bytes:,} bytes; nothing written")
                    if time.monotonic() - started > deadline:
                        raise FetchError(url, f"the download took longer than {deadline:g} s; nothing written")
                    chunks.append(chunk)
                    if progress is not None:
                        progress(size, total)
                final_url = str(response.url)
    except httpx.TooManyRedirects as err:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects; nothing written") from err
    except httpx.TimeoutException as err:
        raise FetchError(url, f"no answer within {timeout:g} s ({type(err).__name__}); nothing written") from err
    except httpx.HTTPError as err:
        raise FetchError(url, f"cannot fetch: {err}; nothing written") from err
    return Fetched(
        url=url,
        final_url=final_url,
        content=b"".join(chunks),
        content_type=content_type.split(";")[0].strip().lower(),
        charset=charset_of(content_type),
        retrieved=datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
    )
