"""One conditional HTTP GET of a feed through httpx: ETag/Last-Modified, gzip and deflate,
redirects (http and https only), a size cap on the bytes and on what they inflate to, connect
and read timeouts, and a deadline for the whole exchange (connecting, the status line, the
headers, every chunk), so a server trickling one byte a second is cut off."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import httpx

from reader import __version__
from reader.feeds.http_body import FetchError as FetchError
from reader.feeds.http_body import read_body

MAX_REDIRECTS = 10
DEADLINE_FACTOR = 4  # the whole exchange may take this many times the timeout
USER_AGENT = f"newsreader/{__version__} (terminal feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 when the feed is unchanged
    url: str  # after redirects
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    modified: str | None = None


def client(connections: int = 8, timeout: float = 15) -> httpx.AsyncClient:
    """One client for a whole refresh: connections are kept and reused per host."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,  # followed by hand: only to http and https
        trust_env=True,  # http(s)_proxy and no_proxy from the environment, as before
    )


async def fetch(
    session: httpx.AsyncClient,
    url: str,
    etag: str | None = None,
    modified: str | None = None,
    timeout: float = 15,
) -> Response:
    """GET `url`; a 304 comes back as a Response, every failure as FetchError."""
    try:
        async with asyncio.timeout(DEADLINE_FACTOR * timeout):
            return await _follow(session, url, etag, modified)
    except TimeoutError:
        raise FetchError("download too slow: cut off") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except httpx.ConnectError as failure:
        raise FetchError(f"cannot connect: {_reason(failure)}") from None
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as failure:
        raise FetchError(f"download failed: {_reason(failure)}") from None


def get(
    url: str, etag: str | None = None, modified: str | None = None, timeout: float = 15
) -> Response:
    """`fetch` for a single feed, from synchronous code."""

    async def one() -> Response:
        async with client(1, timeout) as session:
            return await fetch(session, url, etag, modified, timeout)

    return asyncio.run(one())


async def _follow(
    session: httpx.AsyncClient, url: str, etag: str | None, modified: str | None
) -> Response:
    headers = {"If-None-Match": etag or "", "If-Modified-Since": modified or ""}
    headers = {name: value for name, value in headers.items() if value}
    for _ in range(MAX_REDIRECTS + 1):
        async with session.stream("GET", ascii_url(url), headers=headers) as reply:
            if reply.status_code == 304:
                return Response(304, url, etag=etag, modified=modified)
            if reply.is_redirect and "location" in reply.headers:
                url = urljoin(url, reply.headers["location"])
                if urlsplit(url).scheme.lower() not in ("http", "https"):
                    raise FetchError(f"redirected to a non-web address: {url[:200]}")
                continue
            if reply.status_code >= 300:
                raise FetchError(f"HTTP {reply.status_code} {reply.reason_phrase}"[:300])
            body = await read_body(reply)
            return Response(
                200,
                url,
                body,
                reply.headers.get("Content-Type"),
                reply.headers.get("ETag"),
                reply.headers.get("Last-Modified"),
            )
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def ascii_url(url: str) -> str:
    """An address as HTTP needs it: an Arabic host in IDNA, an Arabic path percent-encoded."""
    parts = urlsplit(url)
    if url.isascii():
        return url
    host = (parts.hostname or "").encode("idna").decode("ascii")
    host = f"[{host}]" if ":" in host else host  # IPv6
    netloc = host + (f":{parts.port}" if parts.port else "")
    if "@" in parts.netloc:
        netloc = quote(parts.netloc.rsplit("@", 1)[0], safe=":%") + "@" + netloc
    safe = "/:@!$&'()*+,;=%?#[]~-._"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe), quote(parts.query, safe), ""))


def _reason(failure: BaseException) -> str:
    """`Connection refused` rather than `All connection attempts failed` or `[Errno 111] ...`:
    the operating system's own words from deepest in the chain of causes, when it has some."""
    cause: BaseException | None = failure
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno:
            return os.strerror(cause.errno)[:300]
        cause = cause.__cause__ or cause.__context__
    return str(failure)[:300] or type(failure).__name__
