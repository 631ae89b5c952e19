"""A feed file bigger than the sniffing sample is parsed by a child process and handed over
through a pipe, batch by batch (reader.feeds.feed_file)."""

from __future__ import annotations

import multiprocessing
import pickle
import time
from pathlib import Path

import pytest

from benchmarks.feedgen import write_feed
from reader.feeds.feed_file import SAMPLE, RawBatch, feed_batches
from reader.feeds.records import pack, unpack
from reader.feeds.sniff import Records
from reader.models import Article, Headline


def children() -> set[multiprocessing.process.BaseProcess]:
    return set(multiprocessing.active_children())  # other tests' worker pools too


def test_a_big_file_comes_from_the_child_in_order_and_whole(tmp_path: Path) -> None:
    before = children()
    path = write_feed(tmp_path / "big.xml", 1_500)
    assert path.stat().st_size > SAMPLE  # so the child process reads it
    batches = feed_batches(path, "big.xml", 500)
    assert batches is not None
    sizes, links = [], []
    for articles, headlines, problems in batches:
        assert problems == [] and len(headlines) == len(articles)
        sizes.append(len(articles))
        links += [a.link for a in articles]
    assert sizes == [500, 500, 500]
    assert links == [f"https://news.example/a/{n}" for n in range(1_500)]
    assert children() <= before  # the child is gone


def test_a_file_cut_short_keeps_the_items_before_the_fault(tmp_path: Path) -> None:
    path = write_feed(tmp_path / "cut.xml", 1_500)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    batches = feed_batches(path, "cut.xml", 500)
    assert batches is not None
    got = list(batches)
    kept = sum(len(articles) for articles, _, _ in got)
    assert 900 < kept < 1_100
    assert f"not well-formed after item {kept}" in got[-1][2][0]


def test_stopping_early_stops_the_child(tmp_path: Path) -> None:
    before = children()
    path = write_feed(tmp_path / "big.xml", 3_000)
    batches = feed_batches(path, "big.xml", 200)
    assert batches is not None
    articles, _, _ = next(batches)
    assert len(articles) == 200
    assert children() - before  # still parsing (or blocked on the pipe)
    batches.close()  # what the pipeline does on Ctrl-C
    assert children() <= before


def test_an_idle_importer_cooks_batches_itself_and_order_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child sends a batch uncooked when the importer says it is idle; the importer
    turns it into records (counted here: the patch reaches this process only) in its place."""
    cooked_here = []
    cook = RawBatch.cook

    def counting(self: RawBatch) -> Records:
        cooked_here.append(len(self.entries))
        return cook(self)

    monkeypatch.setattr(RawBatch, "cook", counting)
    path = write_feed(tmp_path / "big.xml", 2_000)
    fast = feed_batches(path, "big.xml", 250)
    assert fast is not None
    links = [a.link for articles, _, _ in fast for a in articles]
    assert links == [f"https://news.example/a/{n}" for n in range(2_000)]
    assert cooked_here  # the first batch at least: the importer waits for it

    cooked_here.clear()
    slow = feed_batches(path, "big.xml", 250)  # a busy importer (storing): the child cooks
    assert slow is not None
    got = []
    for articles, headlines, problems in slow:
        time.sleep(0.4)
        assert problems == [] and [h.article_id for h in headlines] == [a.id for a in articles]
        got += [a.link for a in articles]
    assert got == links
    assert len(cooked_here) <= 3  # most of the 8 batches came cooked by the child


def test_records_packed_for_another_process_come_back_equal() -> None:
    article = Article(
        id="a1",
        title="عنوان",
        paragraphs=("أ", "ب"),
        source="مصدر",
        published="2024-03-05",
        updated="x",
        dateline="القدس",
        link="https://s.example/1",
        author="كاتب",
        links=("https://s.example/2",),
        added="2024-03-05T10:00:00+02:00",
        published_at="2024-03-05T08:00:00+00:00",
    )
    line = Headline(
        id="h1",
        time="10:00",
        headline="عنوان",
        source="مصدر",
        article_id="a1",
        date="2024-03-05",
        seq=3,
        at="2024-03-05T08:00:00+00:00",
    )
    packed = pack(([article], [line], ["problem"]))
    assert all(type(row) is tuple for row in (*packed[0], *packed[1]))
    assert unpack(pickle.loads(pickle.dumps(packed))) == ([article], [line], ["problem"])
