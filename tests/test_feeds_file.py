"""A feed file bigger than the sniffing sample is parsed by a child process and handed over
through a pipe, batch by batch (reader.feeds.feed_file)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from benchmarks.feedgen import write_feed
from reader.feeds.feed_file import SAMPLE, feed_batches


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
