"""One conditional HTTP GET of a feed: ETag/Last-Modified, gzip and deflate, redirects
(http and https only), a size cap, and a timeout that also cuts off trickling servers."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from reader import __version__

MAX_BYTES = 64 * 1024 * 1024
USER_AGENT = f"newsreader/{__version__} (terminal feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


class FetchError(Exception):
    """The feed could not be fetched; the message says why, for the reader."""


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 when the feed is unchanged
    url: str  # after redirects
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    modified: str | None = None


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"redirected to a non-web address: {newurl[:200]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def get(
    url: str, etag: str | None = None, modified: str | None = None, timeout: float = 15
) -> Response:
    """GET `url`; a 304 comes back as a Response, every failure as FetchError."""
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    opener = urllib.request.build_opener(_Redirects)
    try:
        request = urllib.request.Request(ascii_url(url), headers=headers)
        with opener.open(request, timeout=timeout) as reply:
            body = _read(reply, deadline=time.monotonic() + 4 * timeout)
            info = reply.headers
            return Response(
                200,
                reply.geturl(),
                _decompress(body, info.get("Content-Encoding", "")),
                info.get("Content-Type"),
                info.get("ETag"),
                info.get("Last-Modified"),
            )
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            return Response(304, error.geturl() or url, etag=etag, modified=modified)
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise FetchError(f"timed out after {timeout:g} s") from None
        raise FetchError(f"cannot connect: {_reason(error.reason)}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(f"download failed: {_reason(error)}") from None


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


def _read(reply: Any, deadline: float) -> bytes:
    length = reply.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > MAX_BYTES:
        raise FetchError(f"feed larger than {MAX_BYTES // 2**20} MiB")
    chunks: list[bytes] = []
    size = 0
    while chunk := reply.read1(65536):  # read1: return what came, so the deadline is checked
        size += len(chunk)
        chunks.append(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"feed larger than {MAX_BYTES // 2**20} MiB")
        if time.monotonic() > deadline:
            raise FetchError("download too slow: cut off")
    return b"".join(chunks)


def _decompress(body: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip") or (not encoding and body.startswith(b"\x1f\x8b")):
        modes = [zlib.MAX_WBITS | 16]
    elif encoding == "deflate":
        modes = [zlib.MAX_WBITS, -zlib.MAX_WBITS]  # zlib-wrapped, or raw as some servers send
    else:
        return body
    for wbits in modes:
        unpacker = zlib.decompressobj(wbits)
        try:
            data = unpacker.decompress(body, MAX_BYTES + 1)
        except zlib.error:
            continue
        if len(data) > MAX_BYTES:
            raise FetchError(f"feed larger than {MAX_BYTES // 2**20} MiB uncompressed")
        return data
    raise FetchError(f"cannot decompress the {encoding or 'gzip'} response")


def _reason(reason: object) -> str:
    """`Connection refused` rather than `[Errno 111] Connection refused`."""
    text = getattr(reason, "strerror", None) or str(reason)
    return str(text)[:300] or type(reason).__name__
