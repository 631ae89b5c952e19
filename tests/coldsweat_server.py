"""A real Coldsweat (the Fever API server from PyPI) for the sync tests, on 127.0.0.1 inside a
network namespace that has only loopback: Coldsweat reaches out for favicons, and a test must
not touch the network.

`network_namespace()` moves the calling thread (pytest's main thread) into a fresh namespace
with `lo` up and back out again afterwards; everything started inside it (Coldsweat, the feed
server's thread, the app's workers, `newsreader` subprocesses) lives in that namespace too.
Needs root, as the tests always run (.ci/run).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx

CLONE_NEWNET = 0x40000000
COLDSWEAT = Path(sys.executable).with_name("coldsweat")
USER = "reader@example.org"
PASSWORD = "correct horse battery"  # Coldsweat wants at least 12 characters
QUOTE = {'"': "&quot;"}


@contextmanager
def network_namespace() -> Iterator[None]:
    libc = ctypes.CDLL(None, use_errno=True)
    home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    try:
        if libc.unshare(CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNET) failed (not root?)")
        try:
            subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
            yield
        finally:
            if libc.setns(home, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns back to the first namespace failed")
    finally:
        os.close(home)


def api_key(user: str = USER, password: str = PASSWORD) -> str:
    return hashlib.md5(f"{user}:{password}".encode()).hexdigest()


class Coldsweat:
    """One Coldsweat with its own SQLite file; `stop()` and `start()` keep the data."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "FLASK_DATABASE_URL": f"sqlite:///{directory / 'coldsweat.db'}",
            "FLASK_SECRET_KEY": "test only",
        }
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.url = f"http://127.0.0.1:{self.port}/fever/"

    def manage(self, *argv: str) -> str:
        done = subprocess.run(
            [str(COLDSWEAT), *argv],
            env=self.env,
            cwd=self.directory,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"coldsweat {argv[0]} failed: {done.stderr[-2000:]}")
        return done.stdout + done.stderr

    def setup_user(self, user: str = USER, password: str = PASSWORD) -> None:
        self.manage("setup", user, "-p", password)

    def subscribe(self, feeds: dict[str, str], user: str = USER) -> None:
        """Subscribe the user to feeds (address -> title) through an OPML import."""
        outlines = "".join(
            f'<outline text="{escape(title, QUOTE)}" type="rss" xmlUrl="{escape(url, QUOTE)}"/>'
            for url, title in feeds.items()
        )
        opml = self.directory / "feeds.opml"
        opml.write_text(
            f'<?xml version="1.0"?><opml version="1.0"><head><title>t</title>'
            f"</head><body>{outlines}</body></opml>"
        )
        self.manage("import", str(opml), user)

    def fetch(self) -> None:
        """Make Coldsweat fetch every feed now, even those it fetched a moment ago."""
        with sqlite3.connect(self.directory / "coldsweat.db") as db:  # its minimum interval
            db.execute("UPDATE feeds SET last_checked_on = NULL, last_updated_on = NULL, etag = ''")
        self.manage("fetch")

    def start(self) -> None:
        log = (self.directory / "server.log").open("ab")
        self.process = subprocess.Popen(
            [str(COLDSWEAT), "run", "-h", "127.0.0.1", "-p", str(self.port)],
            env=self.env,
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"coldsweat exited: {(self.directory / 'server.log').read_text()}"
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("coldsweat did not start listening in 60 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def api(self, *commands: str, query: str = "", **form: Any) -> dict[str, Any]:
        """Call the Fever API directly, as another client of the server would."""
        words = "&".join(("api", *commands, *([query] if query else [])))
        reply = httpx.post(f"{self.url}?{words}", data={"api_key": api_key(), **form}, timeout=30)
        reply.raise_for_status()
        result: dict[str, Any] = reply.json()
        assert result["auth"] == 1, result
        return result

    def unread_ids(self) -> set[int]:
        text = self.api("unread_item_ids")["unread_item_ids"]
        return {int(i) for i in text.split(",") if i}

    def saved_ids(self) -> set[int]:
        text = self.api("saved_item_ids")["saved_item_ids"]
        return {int(i) for i in text.split(",") if i}

    def items(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        while True:
            since = max((item["id"] for item in found), default=0)
            page = self.api("items", query=f"since_id={since}").get("items") or []
            if not page:
                return found
            found.extend(page)

    def mark(self, item_id: int, status: str) -> None:
        """Mark an item read, unread, saved or unsaved on the server (another client's change)."""
        self.api("mark", mark="item", id=str(item_id), **{"as": status})


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
