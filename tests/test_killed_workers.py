"""A SIGKILLed `import` or `fetch` leaves no process behind: its forkserver, the child that
parses a big file, the pool workers and multiprocessing's resource tracker all end.

Real processes: the command runs in a session of its own, so every process it started is
found by its session id (in /proc), even once it has been handed to init.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.feedgen import feed_bytes, write_feed
from reader.library.feed_registry import FeedRegistry
from tests.conftest import ROOT
from tests.fixtures.feeds.server import FeedServer


def session(sid: int) -> dict[int, int]:
    """{pid: parent pid} of the live (not zombie) processes of session `sid`."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, pgrp, session, ...
        if int(fields[3]) == sid and fields[0] not in "ZX":
            found[int(entry.name)] = int(fields[1])
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return b""


class Command:
    """`newsreader ARGS` in a session of its own; its output lines are collected."""

    def __init__(self, db: Path, *argv: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reader", "--db", str(db), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            start_new_session=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:  # ends once no process holds the pipe
            self.lines.append(line)

    def workers(self) -> list[int]:
        """The processes started by the command's own children (the forkserver's)."""
        family = session(self.process.pid)
        children = {pid for pid, parent in family.items() if parent == self.process.pid}
        return [pid for pid, parent in family.items() if parent in children]

    def forked(self) -> list[int]:
        """The command's children forked from it (a big file's parsing child, started before
        any thread): their command line is the command's own."""
        own = _cmdline(self.process.pid)
        family = session(self.process.pid)
        return [
            p for p, parent in family.items() if parent == self.process.pid and _cmdline(p) == own
        ]

    def kill_when(self, ready: Callable[[], bool], timeout: float = 120) -> None:
        """SIGKILL the command once `ready()`; then no process of its session may live on."""
        pid = self.process.pid
        try:
            deadline = time.monotonic() + timeout
            while not ready():
                assert self.process.poll() is None, f"ended before the kill: {self.lines}"
                assert time.monotonic() < deadline, f"never ready: {self.lines}"
                time.sleep(0.02)
            assert self.workers() or self.forked(), "no worker process to leave behind"
            self.process.kill()
            self.process.wait()
            deadline = time.monotonic() + 15
            while (left := session(pid)) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not left, f"processes left behind: {left}"
        finally:
            for stray in session(pid):
                os.kill(stray, signal.SIGKILL)


def test_a_killed_import_leaves_no_parsing_child(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "feed.xml", 6000)  # 13 MB: parsed by a child process
    command = Command(tmp_path / "db", "import", str(feed))
    seen: set[int] = set()

    def parsing() -> bool:
        """A forked child seen at two polls in a row: the parsing child. A child that
        `subprocess` or the forkserver's start forks has the command's command line too, for
        the moment before its exec (the test once killed on such a one, and then found no
        worker: "no worker process to leave behind")."""
        now = set(command.forked())
        stable = now & seen
        seen.clear()
        seen.update(now)
        return bool(stable) and not command.lines

    command.kill_when(parsing)


def test_a_killed_import_leaves_no_index_worker(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "feed.xml", 3000)
    command = Command(tmp_path / "db", "import", str(feed))
    stored = f"{feed}:"
    command.kill_when(
        lambda: any(line.startswith(stored) for line in command.lines) and bool(command.workers())
    )


def test_a_killed_fetch_leaves_no_worker(tmp_path: Path) -> None:
    with FeedServer() as server:
        urls = [server.add(f"/f{n}.xml", body=feed_bytes(100, n * 100)) for n in range(20)]
        db = tmp_path / "db"
        db.mkdir()
        FeedRegistry(db).add_many([(url, None, None) for url in urls])
        command = Command(db, "fetch")
        command.kill_when(lambda: bool(command.workers()))
