"""The side of a big feed file's parsing child that runs in the child (`feed_child` starts
it and reads what it sends): it reads the file, cooks each batch unless the caller said it is
idle, and a thread of its own sends the batches through the pipe, at most QUEUED waiting."""

from __future__ import annotations

import queue
import signal
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reader.feeds.feed_file import RawBatch, raw_batches
from reader.feeds.records import pack
from reader.library.parent_watch import leave_with

QUEUED = 2  # cooked batches waiting in the child for the pipe
IDLE = b"i"


def produce(
    path: Path, name: str, batch: int, batches: Connection, idle: Connection, parent: int
) -> None:
    """In the child: read the file, cook each batch unless the caller is idle, hand it to the
    sending thread (records packed as tuples); then None. The child leaves with `parent`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    leave_with(parent)  # a SIGKILLed caller closes no pipe this child waits on
    outbox: queue.Queue[Any] = queue.Queue(QUEUED)
    sender = threading.Thread(target=_send, args=(outbox, batches), daemon=True)
    sender.start()
    try:
        for raw in raw_batches(path, name, batch):
            if not isinstance(raw, RawBatch):  # feedparser's records of the whole file
                _put(outbox, pack(raw), sender)
            else:
                _put(outbox, raw if _caller_idle(idle) else pack(raw.cook()), sender)
    except Exception as error:  # reported, never a traceback from the child
        _put(outbox, ([], [], [f"internal error: {type(error).__name__}: {error}"[:300]]), sender)
    _put(outbox, None, sender)
    sender.join()


def forked(ends: tuple[Connection, ...], *args: Any) -> None:
    for end in ends:
        end.close()
    produce(*args)


def _caller_idle(idle: Connection) -> bool:
    try:
        return idle.poll(0) and idle.recv_bytes() == IDLE
    except (EOFError, OSError):
        return False  # the caller is gone: it will not cook anything


def _put(outbox: queue.Queue[Any], item: Any, sender: threading.Thread) -> None:
    while sender.is_alive():  # a sender that stopped (the caller left) takes nothing more
        try:
            outbox.put(item, timeout=1)
            return
        except queue.Full:
            continue
    raise SystemExit(0)


def _send(outbox: queue.Queue[Any], batches: Connection) -> None:
    try:
        while True:
            item = outbox.get()
            batches.send(item)
            if item is None:
                return
    except (BrokenPipeError, ConnectionResetError, OSError):
        pass  # the parent stopped reading (Ctrl-C, an early stop): nobody to tell
    finally:
        batches.close()
