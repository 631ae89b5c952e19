"""One run of `newsreader fetch`: the feeds chosen, their downloads started before the
library opens, progress (a bar, or a line per feed when piped), the summary once every feed is
stored, then the entity index; Ctrl-C keeps what was stored."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
from contextlib import ExitStack
from pathlib import Path

from reader.commands.common import error, open_store, styled
from reader.commands.screen_text import screen_line
from reader.library.feed_registry import FILENAME as FEEDS
from reader.library.feed_registry import Feed, FeedError, FeedRegistry
from reader.library.locations import database_dir
from reader.library.refresh_lock import RefreshBusy, refreshing
from reader.sync.repeat import due_for_every
from reader.text.sanitize import clean_line


def chosen_feeds(directory: Path, args: argparse.Namespace) -> list[Feed]:
    """The feeds to fetch: the ones named, or every one (with --every, those due)."""
    registry = FeedRegistry(directory)
    try:
        chosen = [registry.find(ref) for ref in args.feeds] if args.feeds else registry.feeds()
    finally:
        registry.close()
    return chosen if args.every is None else due_for_every(chosen, args.every)


def fetch_once(args: argparse.Namespace) -> int:
    from reader.commands.progress import Bar, CtrlC, index_step
    from reader.feeds.fetch import refresh
    from reader.feeds.fetch_results import Progress, Summary
    from reader.feeds.fetch_start import Started, start
    from reader.library.index_workers import prestart, stop_pool
    from reader.library.indexing import index_pending

    prestart()  # the workers that parse and extract start while the library opens
    directory = database_dir(args.db)
    started: Started | None = None
    busy = ExitStack()  # the refresh lock, taken before the downloads start
    try:
        # A library with feeds: their downloads start now, and run while it opens and loads.
        chosen = chosen_feeds(directory, args) if (directory / FEEDS).is_file() else []
        if chosen:
            busy.enter_context(refreshing(directory))
            started = start(chosen, args.timeout, max(1, args.jobs))
        store = open_store(args)
        chosen = chosen or chosen_feeds(store.directory, args)
    except FeedError as failure:
        return error(str(failure))
    except RefreshBusy as busy_now:
        print(f"skipped: {busy_now}")
        return 0
    except BaseException:  # Ctrl-C or a store error while the library opens
        if started is not None:
            started.stop()
            stop_pool()
        busy.close()
        raise
    if not chosen:
        print(
            "no feeds: subscribe with `newsreader feeds add URL` or `newsreader feeds import FILE`"
        )
        return 0
    bar = styled()

    def show(progress: Progress) -> None:
        name = screen_line(progress.feed, 40)
        if not bar:
            status = clean_line(progress.status)
            print(f"[{progress.done}/{progress.total}] {name}: {status}", flush=True)
            return
        width = shutil.get_terminal_size().columns
        filled = 20 * progress.done // progress.total
        line = f"[{'#' * filled}{'.' * (20 - filled)}] {progress.done}/{progress.total} {name}"
        sys.stdout.write("\r" + line[: width - 1].ljust(width - 1))
        sys.stdout.flush()

    def stored(summary: Summary) -> None:  # before the indexes catch up
        if bar:
            sys.stdout.write("\n")
        print(
            f"{summary.feeds} feed(s): {summary.new_articles} new article(s), "
            f"{summary.new_headlines} new headline(s), {summary.not_modified} not modified, "
            f"{len(summary.failures)} failed",
            flush=True,
        )
        for failed in summary.failures:
            where, why = clean_line(failed.url), clean_line(failed.error)
            print(f"  failed: {screen_line(failed.feed, 40)} <{where}>: {why}", flush=True)

    ctrl_c = CtrlC()  # also raised again while waiting, should a finaliser swallow it

    def pressed() -> bool:
        ctrl_c.check()
        return False

    try:
        with busy if started is not None else refreshing(store.directory):
            summary = refresh(
                store,
                show,
                args.timeout,
                only=chosen,
                workers=max(1, args.jobs),
                cancelled=pressed,
                index=False,
                on_stored=stored,
                started=started,
            )
        index_bar = Bar(bar)  # stored and shown first; then the entity index catches up
        index_pending(store, lambda step: index_step(index_bar, step, ctrl_c), pressed)
        index_bar.end()
        ctrl_c.check()
    except RefreshBusy as busy:
        print(f"skipped: {busy}")
        return 0
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving: no trace
        stop_pool()  # leaving never waits for the workers' queued work
        if bar:
            sys.stdout.write("\n")
        print("newsreader: fetch interrupted; what was stored is kept", file=sys.stderr)
        return 130
    return 1 if summary.all_failed else 0
