"""`newsreader sync`: sync the store with the server named in the config's [sync] section."""

from __future__ import annotations

import argparse
import sys

from reader.commands.common import error, open_store
from reader.commands.screen_text import screen_line
from reader.library.locations import config_file, load_config
from reader.library.refresh_lock import RefreshBusy, refreshing
from reader.sync import notify
from reader.sync.config import SyncConfig, sync_config
from reader.sync.repeat import duration, repeat


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sync",
        help="sync feeds, items and read/starred state with your aggregator server",
        description="Sync with the Fever API server named in the config file's [sync] section "
        "(kind, url, user, password_file or password_command; see docs/sync.md): new items "
        "come down into the local store, read and starred changes made here go up, changes "
        "made there come down. Changes made while the server is away wait in the store.",
    )
    p.add_argument(
        "--every",
        type=duration,
        metavar="DURATION",
        help="keep running, syncing this often (90s, 15m, 1h); Ctrl-C stops",
    )
    p.add_argument(
        "--status",
        action="store_true",
        help="say what was last synced and what waits, without contacting the server",
    )
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from reader.sync.engine import sync  # the feed parser and httpx: only when syncing
    from reader.sync.fever import FeverError, Unreachable

    config = load_config()
    chosen = sync_config(config)
    if chosen is None:
        return error(f"no [sync] section in {config_file()}: see docs/sync.md for the keys")
    announce = notify.notify_config(config)
    if args.status:
        return _status(args, chosen)

    def once() -> int:
        store = open_store(args)  # afresh each round: others write between rounds
        try:
            with refreshing(store.directory):
                report = sync(store, chosen)
        except RefreshBusy as busy:
            print(f"skipped: {busy}")
            return 0
        except Unreachable as failure:
            from reader.library.sync_state import pending

            waiting = pending(store.directory, store.reading.states())
            return error(f"{failure}; {waiting} local change(s) wait for the server")
        except FeverError as failure:
            return error(str(failure))
        finally:
            store.close()
        print(
            f"synced: {report.feeds} feed(s), {notify.summary(report.new_items)}, "
            f"{report.sent} change(s) sent, {report.received} change(s) received"
        )
        if sys.stdout.isatty():
            sys.stdout.write(notify.terminal_sequence(announce, report.new_titles))
            sys.stdout.flush()
        if problem := notify.run_command(announce, report.new_titles):
            error(problem)
        return 0

    return repeat(once, args.every)


def _status(args: argparse.Namespace, chosen: SyncConfig) -> int:
    from reader.library.sync_state import load, pending

    store = open_store(args)
    try:
        state = load(store.directory)
        waiting = pending(store.directory, store.reading.states())
    finally:
        store.close()
    same = state.account == chosen.account
    print(f"server: {chosen.url} (user {screen_line(chosen.user, 60)})")
    print(f"last sync: {state.last_sync or 'never'}" + ("" if same else " (another account)"))
    if state.last_error:
        print(f"last error: {state.last_error}")
    print(f"feeds: {len(state.feeds)}; items synced: {len(state.items)}")
    for title in sorted(state.feeds.values()):
        print(f"  {screen_line(title, 60)}")
    print(f"local changes waiting: {waiting if same else 0}")
    return 0
