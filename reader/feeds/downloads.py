"""Downloads of many feeds at once, on an asyncio loop in a daemon thread of its own.

Results are handed over as they arrive (`put`), so the caller stores them on its own thread.
The thread is a daemon and every request has a whole-exchange deadline, so neither a stuck
server nor Ctrl-C nor quitting the app can keep the process alive: `stop()` cancels what is
still under way and returns at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from reader.feeds import http
from reader.library.feed_registry import Feed


@dataclass(frozen=True)
class Download:
    feed: Feed
    response: http.Response | None = None
    error: str | None = None


class Downloads:
    def __init__(
        self, feeds: Sequence[Feed], put: Callable[[Download], None], timeout: float, workers: int
    ) -> None:
        self._feeds, self._put, self._timeout = list(feeds), put, timeout
        self._workers = max(1, min(workers, len(self._feeds) or 1))
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-downloads", daemon=True)

    def start(self) -> Downloads:
        self._thread.start()
        self._ready.wait()
        return self

    def stop(self) -> None:
        """Cancel every download still under way; does not wait for the thread."""
        loop, main = self._loop, self._main
        if loop is not None and main is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: all done
                loop.call_soon_threadsafe(main.cancel)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._main = loop.create_task(self._all())
            self._ready.set()
            loop.run_until_complete(self._main)
        except (asyncio.CancelledError, Exception):
            pass
        finally:
            self._ready.set()
            loop.close()

    async def _all(self) -> None:
        gate = asyncio.Semaphore(self._workers)
        async with http.client(self._workers, self._timeout) as session:

            async def one(feed: Feed) -> None:
                async with gate:
                    self._put(await self._one(session, feed))

            await asyncio.gather(*(one(feed) for feed in self._feeds))

    async def _one(self, session: httpx.AsyncClient, feed: Feed) -> Download:
        """Never raises (but for cancellation): a failure is the feed's, not the others'."""
        try:
            response = await http.fetch(session, feed.url, feed.etag, feed.modified, self._timeout)
            return Download(feed, response)
        except http.FetchError as failure:
            return Download(feed, error=str(failure))
        except Exception as failure:  # a bug must not stop the other feeds
            return Download(feed, error=f"internal error: {type(failure).__name__}: {failure}")
