"""Import files and directories into the library; shared by the CLI and the app.

Files are read, sniffed, parsed and buffered; the buffer goes to the store every
`BATCH` files or `FLUSH` articles, so a big import rewrites the index a few times, not once
per file, and a process killed mid-import loses at most the batch in hand, never what was
stored before. XML feed files are read as a stream, so their size has no limit.
This module only reads and parses: every write goes through the `Sink` it is given (the
library, reader.library.store.ArticleStore), which owns the files and the lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from reader.feeds.sniff import Outline, collecting_subscriptions
from reader.ingest.file_reading import read_batches
from reader.models import Article, Headline, ImportReport
from reader.text.sanitize import clean_line

BATCH = 200  # files
FLUSH = 2000  # articles (and as many headlines) stored at once: 2,000 or 5,000 a write cost
# the store the same CPU (its month files and body chunks rewrite only what a write touches),
# and the write after the last item, which the reader waits for, is shorter


class Sink(Protocol):
    """Where imported records go: the library."""

    is_new: bool

    def has(self, record_id: str) -> bool: ...
    def add(self, articles: list[Article], headlines: list[Headline]) -> tuple[int, int, int]: ...
    def index_pending(self) -> int: ...
    def subscribe(self, outlines: list[Outline]) -> list[str]: ...


def bundled_seeds() -> Path:
    """The sample pages shipped in the wheel (reader/seeds), or seeds/ in a source tree."""
    packaged = Path(str(resources.files("reader"))) / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "seeds"


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(  # hidden files and folders inside it are skipped; the
                p  # folder's own path may be hidden (~/.newsboat, a .venv's reader/seeds)
                for p in path.rglob("*")
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(path).parts)
            )
        else:
            yield path


@dataclass(frozen=True)
class ImportProgress:
    """After each batch is stored: files finished of all, articles and headlines stored."""

    files_done: int
    files: int
    articles: int
    headlines: int
    path: str  # the file being read


def import_paths(
    store: Sink,
    paths: Iterable[str | Path],
    on_report: Callable[[ImportReport], None] = lambda report: None,
    on_progress: Callable[[ImportProgress], None] = lambda progress: None,
) -> list[ImportReport]:
    """Store what the files hold, batch by batch; entity indexing is left to
    `reader.library.indexing.index_pending`, so it never holds up storing."""
    files = list(expand(paths))
    reports: list[ImportReport] = []
    pending: list[tuple[ImportReport | None, list[Article], list[Headline]]] = []
    seen: set[str] = set()
    stored = {"articles": 0, "headlines": 0}

    def flush(path: Path) -> None:
        articles = [a for _, arts, _ in pending for a in arts]
        lines = [h for _, _, batch in pending for h in batch]
        if articles or lines:  # a file's report alone: no write, not even the lock (40 ms)
            store.add(articles, lines)
        stored["articles"] += len(articles)
        stored["headlines"] += len(lines)
        for report, _, _ in pending:
            if report is not None:  # a file's last batch: its report is complete
                on_report(report)
        pending.clear()
        seen.clear()  # stored now: store.has knows them, and memory stays bounded
        done = sum(report.done for report in reports)
        on_progress(ImportProgress(done, len(files), **stored, path=clean_line(str(path))))

    for path in files:
        with collecting_subscriptions() as outlines:  # what an OPML file lists
            report = None
            for (articles, lines, _), report in read_batches(path):
                if not reports or reports[-1] is not report:
                    reports.append(report)
                new_articles = [a for a in articles if not (store.has(a.id) or a.id in seen)]
                new_lines = [h for h in lines if not (store.has(h.id) or h.id in seen)]
                seen.update(a.id for a in new_articles)
                seen.update(h.id for h in new_lines)
                report.articles += len(new_articles)
                report.headlines += len(new_lines)
                report.duplicates += len(articles) + len(lines) - len(new_articles) - len(new_lines)
                pending.append((None, new_articles, new_lines))
                if sum(len(a) + len(h) for _, a, h in pending) >= 2 * FLUSH:
                    flush(path)
        if report is None:
            continue
        subscribed = _subscribe(store, outlines, report) if outlines else False
        kept = report.articles or report.headlines or report.duplicates
        report.failed = report.failed or not (kept or subscribed)
        report.done = True
        pending.append((report, [], []))
        if len(pending) >= BATCH:
            flush(path)
    if pending:
        flush(files[-1])
    return reports


def _subscribe(store: Sink, outlines: list[Outline], report: ImportReport) -> bool:
    new = store.subscribe(outlines)
    report.notes.append(
        f"subscribed to {len(new)} new feed(s) ({len(outlines) - len(new)} already "
        "subscribed); `newsreader fetch` downloads them"
    )
    return True


def seed_if_new(store: Sink) -> list[ImportReport]:
    """On first use (no database yet) import the bundled sample pages."""
    if not store.is_new:
        return []
    reports = import_paths(store, [bundled_seeds()])
    store.index_pending()
    return reports
