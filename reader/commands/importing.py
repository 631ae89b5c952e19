"""`newsreader import`, with progress: a bar on a terminal (files, articles, rate), a line per
file when piped; then the entity index is brought up to date, with its own bar. Ctrl-C
stops at once: what was stored stays, and the next run indexes what is left."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from reader.commands.common import open_store, styled
from reader.commands.early import big
from reader.commands.progress import Bar, CtrlC, index_step
from reader.commands.screen_text import screen_line
from reader.ingest.pipeline import ImportProgress, import_paths
from reader.library.index_workers import prestart, stop_pool
from reader.library.indexing import index_pending
from reader.library.store import ArticleStore
from reader.models import ImportReport
from reader.text.sanitize import clean_line


def cmd_import(args: argparse.Namespace) -> int:
    from reader.commands.library import describe

    if any(map(big, args.paths)):  # started by reader.cli already, before its imports
        prestart()
    store = open_store(args)
    missing = [p for p in args.paths if not os.path.exists(p)]
    for path in missing:
        print(f"{clean_line(path)}: no such file or directory")
    bar = Bar(styled())
    stored = [0]
    before = store.counts()[0]

    def report(done: ImportReport) -> None:
        if not bar.enabled or done.failed or done.problems:
            bar.end()
            print(describe(done), flush=True)

    def progress(step: ImportProgress) -> None:
        ctrl_c.check()
        stored[0] = step.articles
        name = screen_line(os.path.basename(step.path), 30)
        text = f"{step.files_done}/{step.files} file(s), {step.articles:,} article(s)"
        bar.draw(step.files_done, step.files, f"{text}, {bar.rate(step.articles)} {name}")

    ctrl_c = CtrlC()
    try:
        reports, others = _newsboat(store, [Path(p) for p in args.paths if p not in missing])
        reports += import_paths(store, others, report, progress)
        bar.end()
        if not reports and not missing:
            print("no files found")
        if bar.enabled and reports:
            print(
                f"{len(reports)} file(s): {stored[0]:,} article(s) stored ({bar.rate(stored[0])})"
            )
        index_bar = Bar(bar.enabled)
        index_pending(store, lambda p: index_step(index_bar, p, ctrl_c))
        index_bar.end()
        ctrl_c.check()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving: no trace
        stop_pool()  # leaving never waits for the workers' queued work
        bar.end()
        print(
            f"newsreader: import interrupted; the {store.counts()[0] - before:,} article(s) "
            "stored are kept (the next import or fetch finishes the entity index)",
            file=sys.stderr,
        )
        return 130
    return 0 if any(not r.failed for r in reports) else 1


def _newsboat(store: ArticleStore, paths: list[Path]) -> tuple[list[ImportReport], list[Path]]:
    """newsboat's own files (urls, cache.db) go to their importer; the rest is returned for
    the pipeline."""
    from reader.commands.library import describe
    from reader.commands.newsboat import import_newsboat, newsboat_paths

    reports, others = [], []
    for path in paths:
        for one in newsboat_paths(path) or [path]:
            if (done := import_newsboat(store, one)) is None:
                others.append(one)
            else:
                reports.append(done)
                print(describe(done), flush=True)
    return reports, others
