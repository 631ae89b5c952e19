"""A big feed file parsed by a child process while the caller stores what it was given.

The child reads the file (`feed_file.raw_batches`) and hands each batch over through a pipe.
A thread of the child sends, so reading goes on while the caller is busy storing; at most
QUEUED batches wait in the child and the pipe holds one more (bounded memory: the child
waits when the caller stops reading). Whenever the caller has nothing to store, it says so on
a second pipe ("idle"); the child's next batch then goes over as items not yet cooked, and the
caller cooks them itself: both cores parse, instead of one waiting for the other.

Pipes, not a multiprocessing Queue: a Queue's semaphores are finalised whenever the garbage
collector frees them, and a Ctrl-C that lands in such a finaliser is swallowed.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from reader.feeds.feed_file import FEED_ROOTS, SAMPLE, RawBatch
from reader.feeds.feed_producer import IDLE, forked, produce
from reader.feeds.records import unpack
from reader.feeds.sniff import Records, root_element
from reader.library.processes import CONTEXT, ctrl_c_held

STOPPED: Records = ([], [], ["the parsing process stopped"])


Started = tuple[BaseProcess, Connection, Connection]  # the child, its batches, "idle"
_EARLY: dict[Path, tuple[str, int, threading.Thread | None, list[Started]]] = {}
FORK = multiprocessing.get_context("fork")


def start_early(path: Path, name: str, batch: int) -> None:
    """Start the child for a big feed file now, so it parses while this process imports and
    opens the library; `from_child` takes it over. Nothing for a file that is not a big XML
    feed. While this process has no other thread, the child is forked from it (~5 ms, and
    the parser is imported already); else it comes from the forkserver, from a thread (the
    forkserver may still be importing its preload: its first child started 0.15-0.3 s
    after the command did)."""
    with path.open("rb") as source:
        head = source.read(SAMPLE)
    if len(head) < SAMPLE or root_element(head) not in FEED_ROOTS:
        return
    box: list[Started] = []
    if threading.active_count() == 1:  # a fork copies only this thread: nothing held
        with ctrl_c_held():
            box.append(_start(path, name, batch, FORK))
        _EARLY[path] = (name, batch, None, box)
        return
    thread = threading.Thread(target=lambda: box.append(_start(path, name, batch)), daemon=True)
    thread.start()
    _EARLY[path] = (name, batch, thread, box)


def _start(path: Path, name: str, batch: int, context: Any = CONTEXT) -> Started:
    receive, send = context.Pipe(duplex=False)
    idle_in, idle_out = context.Pipe(duplex=False)
    args: tuple[Any, ...] = (path, name, batch, send, idle_in, os.getpid())
    target: Callable[..., None] = produce
    if context is FORK:  # the child closes its copies of this process's ends
        args, target = ((receive, idle_out), *args), forked
    child = context.Process(target=target, args=args, daemon=True)
    child.start()
    send.close()  # the child's ends: EOF here once the child is gone
    idle_in.close()
    return child, receive, idle_out


def _taken(path: Path, name: str, batch: int) -> Started | None:
    """The child started early for this very file, if there is one."""
    if (early := _EARLY.pop(path, None)) is None:
        return None
    early_name, early_batch, thread, box = early
    if thread is not None:
        thread.join()
    if box and (early_name, early_batch) != (name, batch):
        box[0][0].terminate()
        return None
    return box[0] if box else None


def from_child(path: Path, name: str, batch: int) -> Iterator[Records]:
    child, receive, idle_out = _taken(path, name, batch) or _start(path, name, batch)
    asked = False  # an "idle" the child has not answered yet
    try:
        while True:
            if not receive.poll(0) and not asked:
                idle_out.send_bytes(IDLE)
                asked = True
            if not receive.poll(1):
                if not child.is_alive() and not receive.poll(0):
                    yield STOPPED
                    return
                continue
            try:
                message = receive.recv()
            except EOFError:
                yield STOPPED
                return
            if message is None:
                return
            if isinstance(message, RawBatch):  # the answer to "idle": cooked here
                asked = False
                yield message.cook()
            else:
                yield unpack(message)
    finally:  # also on Ctrl-C, or when the caller stops early
        receive.close()
        idle_out.close()
        if child.is_alive():
            child.terminate()
        child.join(5)
