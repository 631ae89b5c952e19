"""Reading one file into records: a page, a feed (JSON Feed and OPML in one batch, XML as a
stream of batches), or a subscription list; a file that cannot be read or parsed costs itself
only, with its reasons in the report. The import pipeline (reader.ingest.pipeline) stores what
this reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from reader.feeds.sniff import sniff_feed
from reader.ingest.page import ParsedPage, parse_bytes
from reader.models import Article, Headline, ImportReport
from reader.text.sanitize import clean_line

READ = 1000  # items parsed at once: a small first batch, so storing starts early while the
# parser (a child process for a big file) reads on
MAX_BYTES = 64 * 1024 * 1024

# Other formats (feeds, OPML) register a sniffer here: (data) -> parser or None.
Records = tuple[list[Article], list[Headline], list[str]]
Sniffer = Callable[[bytes, str], Records | None]
SNIFFERS: list[Sniffer] = [sniff_feed]  # RSS, Atom, JSON Feed; OPML subscribes


def page_records(page: ParsedPage, source: str) -> tuple[list[Article], list[Headline]]:
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    articles = []
    if page.title:
        articles.append(
            Article(
                id=Article.make_id(page.title, page.paragraphs),
                title=page.title,
                paragraphs=tuple(page.paragraphs),
                source=source,
                published=page.published,
                updated=page.updated,
                dateline=page.dateline,
                added=now,
            )
        )
    lines = [
        Headline(
            id=Headline.make_id(time, text),
            time=time,
            headline=text,
            source=source,
            date=page.published,
        )
        for time, text in page.ticker
    ]
    return articles, lines


def read_records(path: Path) -> tuple[Records, ImportReport]:
    # A file name is hostile text too (escapes, bidi overrides, undecodable bytes): what is
    # printed and stored as the source is the sanitised name.
    report = ImportReport(clean_line(str(path)) or "?")
    name = clean_line(path.name) or "file"
    try:
        if path.stat().st_size > MAX_BYTES:
            raise OSError(0, f"larger than {MAX_BYTES // 2**20} MiB, skipped")
        data = path.read_bytes()
    except OSError as error:
        report.problems.append(clean_line(f"cannot read: {error.strerror or error}"))
        report.failed = True
        return ([], [], []), report
    try:
        for sniff in SNIFFERS:
            if (records := sniff(data, name)) is not None:
                report.problems.extend(map(clean_line, records[2]))
                return records, report
        page = parse_bytes(data)
        articles, lines = page_records(page, name)
    except Exception as error:  # noqa: BLE001 - a parser bug costs this file, not the batch
        report.problems.append(f"cannot import: {clean_line(repr(error))[:300]}")
        report.failed = True
        return ([], [], []), report
    report.problems.extend(page.problems)
    return (articles, lines, []), report


def read_batches(path: Path, batch: int = READ) -> Iterator[tuple[Records, ImportReport]]:
    """A file's records: one batch for a page, JSON Feed or OPML file; for an XML feed, as
    many as it takes (read as a stream, so a feed file of any size is welcome)."""
    from reader.feeds.feed_file import feed_batches

    try:
        batches = feed_batches(path, clean_line(path.name) or "file", batch)
    except OSError:
        batches = None  # read_records says why
    if batches is None:
        yield read_records(path)
        return
    report = ImportReport(clean_line(str(path)) or "?")
    try:
        for records in batches:
            report.problems.extend(map(clean_line, records[2]))
            yield records, report
    except OSError as error:
        report.problems.append(clean_line(f"cannot read: {error.strerror or error}"))
        yield ([], [], []), report
