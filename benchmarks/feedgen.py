"""Generated Arabic RSS 2.0 feeds for the import benchmark and the streaming tests.

Items are about 2.2 KB each (as the issue's 218 MB / 100,000-item file): a title, a link, a
guid, a date and an HTML description of three paragraphs with a link, cut from the bundled
seed pages so the text is real Arabic news with real names in it. Written as a stream, so a
file of any size costs no memory to make.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
START = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)


def _sentences() -> list[str]:
    words: list[str] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        words += seed.read_text(encoding="utf-8").split()
    return [" ".join(words[i : i + 30]) for i in range(0, len(words) - 30, 30)]


def items(count: int, offset: int = 0) -> Iterator[str]:
    sentences = _sentences()
    for n in range(offset, offset + count):
        pick = [sentences[(n * 7 + k) % len(sentences)] for k in range(4)]
        title = f"{pick[0][:60]} {n}"
        body = "".join(
            f"<p>{p} <a href='/news/{n}/{k}'>المزيد</a> ({n}-{k})</p>" for k, p in enumerate(pick)
        )
        when = format_datetime(START + timedelta(minutes=n))
        yield (
            f"<item><title>{escape(title)}</title><link>https://news.example/a/{n}</link>"
            f"<guid>https://news.example/a/{n}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(body)}</description></item>\n"
        )


def head(title: str = "أخبار مولدة") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://news.example/</link>\n"
    )


TAIL = "</channel></rss>\n"


def write_feed(path: Path, count: int, offset: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(head())
        for item in items(count, offset):
            out.write(item)
        out.write(TAIL)
    return path


def feed_bytes(count: int, offset: int = 0) -> bytes:
    return (head() + "".join(items(count, offset)) + TAIL).encode()
