"""A response's body under caps: the bytes on the wire and what gzip or deflate inflate them
to are cut off at MAX_BYTES (a decompression bomb stops when its output reaches the cap);
and the error every failure of a download becomes."""

from __future__ import annotations

import zlib

import httpx

MAX_BYTES = 64 * 1024 * 1024
TOO_BIG = f"feed larger than {MAX_BYTES // 2**20} MiB"


class FetchError(Exception):
    """The feed could not be fetched; the message says why, for the reader."""


async def read_body(reply: httpx.Response) -> bytes:
    length = reply.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise FetchError(TOO_BIG)
    inflate = Inflater(reply.headers.get("Content-Encoding", ""))
    chunks: list[bytes] = []
    size = 0
    async for chunk in reply.aiter_raw():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(TOO_BIG)
        chunks.append(inflate.feed(chunk))
    return b"".join(chunks) + inflate.end()


class Inflater:
    """gzip or deflate (zlib-wrapped or raw) undone as the bytes arrive, never past MAX_BYTES:
    a decompression bomb is cut off when its output reaches the cap, not after."""

    def __init__(self, encoding: str, limit: int = MAX_BYTES) -> None:
        self.encoding = encoding.strip().lower()
        self.room = limit
        self._unpack: zlib._Decompress | None = None
        self._started = False

    def feed(self, chunk: bytes) -> bytes:
        if not self._started and chunk:
            self._started = True
            self._unpack = self._choose(chunk)
        if self._unpack is None:
            return chunk
        try:
            data = self._unpack.decompress(chunk, self.room + 1)
        except zlib.error:
            raise FetchError(f"cannot decompress the {self.encoding or 'gzip'} response") from None
        self.room -= len(data)
        if self.room < 0:
            raise FetchError(f"{TOO_BIG} uncompressed")
        return data

    def end(self) -> bytes:
        return b"" if self._unpack is None else self._unpack.flush()[: max(self.room, 0)]

    def _choose(self, head: bytes) -> zlib._Decompress | None:
        if self.encoding in ("gzip", "x-gzip") or (not self.encoding and head[:2] == b"\x1f\x8b"):
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        if self.encoding == "deflate":  # zlib-wrapped, or raw as some servers send
            wrapped = len(head) > 1 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
            return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return None
