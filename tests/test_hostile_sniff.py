"""Format sniffing is linear in the input (issue 15): comments before the root element used
to make the regex try every way of grouping them, 2**N attempts for N comments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.feeds.sniff import root_element
from tests.conftest import ROOT

# A bound on a hang, not a timing test: with the backtracking regex 40 comments take longer
# than the age of the universe; linear sniffing takes milliseconds.
HANG = 20


@pytest.mark.parametrize(
    "data",
    [
        b"<!--a-->" * 40 + b"<html>",  # the 351-byte file of the report (and a bit more)
        b"<!DOCTYPE html>\n" + b"<!-- a comment line -->\n" * 60 + b"<html><body>x</body></html>",
        b"<!--a-->" * 300 + b"<rss version='2.0'>",
    ],
    ids=["40-comments", "doctype-and-comment-lines", "300-comments"],
)
def test_many_comments_are_sniffed_without_hanging(data: bytes) -> None:
    code = f"from reader.feeds.sniff import root_element; print(root_element({data!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=HANG
    )
    expected = "rss" if data.endswith(b"'2.0'>") else "None"
    assert done.stdout.strip() == expected


def test_import_of_a_page_with_many_comments_finishes(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<!--a-->" * 40 + b"<html>\n\xd8\xae\xd8\xa8\xd8\xb1\n")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "db"), "import", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("data", "root"),
    [
        (b"<!--a--><!--b-->\n<?xml-stylesheet href='x'?>\n<rss version='2.0'>", "rss"),
        (b"<!--<rss>--><html>", None),  # a root named inside a comment is not the root
        (b"<!-- a -- b --><opml version='2.0'>", "opml"),
        (b"<!DOCTYPE x [<!ENTITY a 'b'>]>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!--unterminated <rss>", None),
    ],
)
def test_prologue_items_are_still_skipped(data: bytes, root: str | None) -> None:
    assert root_element(data) == root
