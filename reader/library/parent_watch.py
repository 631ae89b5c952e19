"""A worker process leaves when the process it works for is gone, even if that one was
SIGKILLed and could not say so.

The workers come from multiprocessing's forkserver, which hands each of them the fd that
keeps the forkserver alive; a pool worker also holds both ends of its own job queue. So once
the importer is killed, nothing they wait on ever closes: the forkserver, the workers and
the resource tracker used to sleep on forever, holding the importer's stdout and stderr
(a pipe reading them never ended). The forkserver and the tracker leave once the workers
have (their last fds close), so a watch in each worker is enough.
"""

from __future__ import annotations

import os
import select
import threading
import time

POLL = 1.0  # seconds between two looks where there is no pidfd


def leave_with(pid: int) -> None:
    """End this process as soon as process `pid` ends (a daemon thread waits for it)."""
    threading.Thread(target=_watch, args=(pid,), name="parent-watch", daemon=True).start()


def _watch(pid: int) -> None:
    try:
        fd = os.pidfd_open(pid)  # readable once the process has ended (Linux 5.3)
    except ProcessLookupError:
        fd = None  # gone already
    except (AttributeError, OSError):  # no pidfd here: look now and then
        while _alive(pid):
            time.sleep(POLL)
        fd = None
    if fd is not None:
        select.select([fd], [], [])
    os._exit(0)  # nothing to finish: the work was for the process that is gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process took the number: ours is gone
        return False
    return True
