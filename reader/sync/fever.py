"""A client of the Fever API (Miniflux, FreshRSS, Tiny Tiny RSS's plugin, Coldsweat...).

Every answer is a hostile server message: sizes are capped, every field is type-checked and
anything of the wrong shape is dropped, never trusted. Strings come back unsanitised: they go
through the same parser and sanitiser as any feed (reader.sync.items).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import httpx

from reader.sync.fever_answers import RemoteFeed, RemoteItem, dicts, ids, item, typed
from reader.text.sanitize import clean_line

PAGE = 50  # the Fever API answers at most 50 items a call
MAX_PAGES = 400  # so one sync downloads at most 20,000 items
MAX_BYTES = 32 * 1024 * 1024
MARKS = ("read", "unread", "saved", "unsaved")


class FeverError(Exception):
    """The server cannot be used; the message says why."""


class Unreachable(FeverError):
    """The server did not answer (down, no network, timed out)."""


class AuthError(FeverError):
    """The server refused the user and password."""


class FeverClient:
    def __init__(self, url: str, user: str, password: str, timeout: float = 20.0) -> None:
        self.url = url
        self.api_key = hashlib.md5(f"{user}:{password}".encode()).hexdigest()
        self.user = user
        self._http = httpx.Client(timeout=timeout, follow_redirects=True, trust_env=False)

    def _call(self, *words: str, form: dict[str, str] | None = None) -> dict[str, Any]:
        query = "&".join(("api", *words))
        data = {"api_key": self.api_key, **(form or {})}
        try:
            with self._http.stream("POST", f"{self.url}?{query}", data=data) as reply:
                body = _read(reply)
        except httpx.TransportError as error:
            raise Unreachable(f"cannot reach {self.url}: {_reason(error)}") from error
        if reply.status_code != 200:
            raise FeverError(f"{self.url} answered HTTP {reply.status_code}")
        try:
            answer = httpx.Response(200, content=body).json()
        except ValueError as error:
            raise FeverError(f"{self.url} did not answer as a Fever API (not JSON)") from error
        if not isinstance(answer, dict) or "api_version" not in answer:
            raise FeverError(f"{self.url} did not answer as a Fever API")
        if answer.get("auth") != 1:
            raise AuthError(f"{self.url} refused user {clean_line(self.user)!r} and its password")
        return answer

    def check(self) -> None:
        """Raise unless the server answers and accepts the user."""
        self._call()

    def feeds(self) -> list[RemoteFeed]:
        found = []
        for doc in dicts(self._call("feeds").get("feeds")):
            if isinstance(fid := doc.get("id"), int) and isinstance(url := doc.get("url"), str):
                site = doc.get("site_url")
                title = doc.get("title")
                found.append(
                    RemoteFeed(
                        fid,
                        title if isinstance(title, str) else "",
                        url,
                        site if isinstance(site, str) and site else None,
                    )
                )
        return found

    def groups(self) -> dict[int, str]:
        """Group id -> title."""
        groups = dicts(self._call("groups").get("groups"))
        return {g["id"]: g["title"] for g in groups if typed(g, id=int, title=str)}

    def items_since(self, since_id: int, max_pages: int = MAX_PAGES) -> Iterator[list[RemoteItem]]:
        """Pages of items newer than `since_id`, oldest first, until none are left (bounded)."""
        for _ in range(max_pages):
            page = [
                item(d) for d in dicts(self._call("items", f"since_id={since_id}").get("items"))
            ]
            items = sorted(
                (i for i in page if i is not None and i.id > since_id), key=lambda i: i.id
            )
            if not items:
                return
            yield items
            since_id = items[-1].id

    def unread_item_ids(self) -> set[int]:
        return ids(self._call("unread_item_ids").get("unread_item_ids"))

    def saved_item_ids(self) -> set[int]:
        return ids(self._call("saved_item_ids").get("saved_item_ids"))

    def mark_item(self, item_id: int, status: str) -> None:
        if status not in MARKS:
            raise ValueError(f"mark as one of {MARKS}, not {status!r}")
        self._call("mark", form={"mark": "item", "as": status, "id": str(item_id)})

    def close(self) -> None:
        self._http.close()


def _read(reply: httpx.Response) -> bytes:
    chunks, size = [], 0
    for chunk in reply.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FeverError(f"the answer is larger than {MAX_BYTES // 2**20} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(error: Exception) -> str:
    return clean_line(str(error))[:200] or type(error).__name__
