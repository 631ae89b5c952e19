"""`--every DURATION`: run a refresh now and then again after each interval, for a server with
no cron. A failed round is reported and the loop goes on; Ctrl-C or SIGTERM stop it cleanly."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from types import FrameType

from reader.library.feed_registry import Feed
from reader.library.locations import load_config
from reader.sync.schedule import RefreshConfig, parse_duration, refresh_config


def duration(text: str) -> float:
    """An argparse type: a duration in seconds."""
    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def repeat(
    once: Callable[[], int],
    every: float | None,
    sleep: Callable[[float], None] = time.sleep,
    rounds: int | None = None,
) -> int:
    """`once()` (its exit status) when `every` is None; else forever, or `rounds` times."""
    if every is None:
        return once()
    previous = signal.signal(signal.SIGTERM, _stop)
    done = 0
    try:
        while rounds is None or done < rounds:
            if once() == 130:  # interrupted in the middle of a round (Ctrl-C, SIGTERM)
                raise KeyboardInterrupt
            done += 1
            next_at = datetime.now() + timedelta(seconds=every)
            print(f"next refresh at {next_at:%H:%M:%S}", flush=True)
            sys.stderr.flush()
            sleep(every)
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def due_for_every(feeds: list[Feed], every: float) -> list[Feed]:
    """`fetch --every`: every feed each round, but those with their own interval in the
    config's [refresh.feeds] only once it has passed."""
    config = refresh_config(load_config())
    return RefreshConfig(every, config.feeds).due(feeds, datetime.now().astimezone())
