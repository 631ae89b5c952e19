"""Hostile input from issue 15, one regression test per bug report: the sanitiser keeps text
and turns surrogates into U+FFFD, one bad item never costs the batch, nothing from outside
reaches the terminal raw, and legacy Arabic page files are decoded."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from reader.library.feed_registry import FeedRegistry
from reader.text.sanitize import clean_line
from tests.conftest import run

# What must never reach a terminal: C0 (but newline), DEL, C1, bidi embeddings, overrides
# and isolates, lone surrogates.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize("introducer", ["\x90", "\x98", "\x9d", "\x9e", "\x9f"])
def test_a_lone_c1_string_introducer_keeps_the_text_after_it(introducer: str) -> None:
    assert clean_line(f"before {introducer} after") == "before after"


@pytest.mark.parametrize("kind", ["]", "P", "X", "^", "_"])
def test_an_unterminated_escape_string_keeps_the_text_after_it(kind: str) -> None:
    assert clean_line(f"قبل \x1b{kind}0;نص بعد") == "قبل 0;نص بعد"


@pytest.mark.parametrize(
    "sequence",
    ["\x1b]0;title\x07", "\x1b]52;c;ZXZpbA==\x1b\\", "\x1bP1$r\x1b\\", "\x9d8;;x\x9c", "\x1b[2J"],
)
def test_a_terminated_escape_is_removed_whole(sequence: str) -> None:
    assert clean_line(f"a{sequence}b") == "ab"


def test_what_an_unterminated_string_may_swallow_is_bounded() -> None:
    payload = "x" * 5000  # more than a string may swallow
    assert clean_line(f"a\x1b]{payload}\x07b") == f"a{payload}b"


def test_lone_surrogates_become_replacement_characters() -> None:
    cleaned = clean_line("\ud800عنوان\udfff")
    assert cleaned == "\ufffdعنوان\ufffd"
    cleaned.encode("utf-8")  # writable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flag\U000e0067\U000e0062\U000e007fx", "flagx"),  # tag characters
        ("a\u200bb\u2060c\u2063d\u180ee", "abcde"),  # zero-width space, joiners, operators
        ("soft\xadhyphen", "softhyphen"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # ZWNJ is Persian spelling: kept
        ("\u06dd١٢", "\u06dd١٢"),  # ARABIC END OF AYAH is text: kept
    ],
)
def test_invisible_characters_go_and_visible_ones_stay(text: str, expected: str) -> None:
    assert clean_line(text) == expected


SEEDED = {"000_abffabad426bfcef.txt", "004_76b72a07ec1e3aad.txt"}  # a new database's samples


def stored(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, object]]:
    """The articles stored besides the sample pages a new database is seeded with."""
    status, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert status == 0
    articles: list[dict[str, object]] = json.loads(out)
    return [a for a in articles if a["source"] not in SEEDED]


def page(number: int) -> bytes:
    return f"عنوان الخبر رقم {number}\nنص الخبر رقم {number} في سطر.\n".encode()


HOSTILE_NAMES = [
    "\x1b]0;pwned\x07.txt",  # sets the window title
    "\x1b]52;c;ZXZpbA==\x07.txt",  # writes the clipboard
    "\x1b[2J\x1b[Hlogin: .txt",  # clears the screen for a fake prompt
    "\u202etxt.exe",
]


def test_file_names_are_sanitised_when_printed_and_stored(
    tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for number, name in enumerate(HOSTILE_NAMES):
        (pages / name).write_bytes(page(number))
    status, out, err = run(capsys, "--db", str(db_dir), "import", str(pages))
    assert status == 0
    assert not RAW.search(out + err)
    assert out.count("1 article(s)") == len(HOSTILE_NAMES)
    sources = [str(a["source"]) for a in stored(capsys, db_dir)]
    assert len(sources) == len(HOSTILE_NAMES) and not RAW.search("".join(sources))
    assert "login: .txt" in sources
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(pages / "nope\x1b]0;x\x07"))
    assert status == 1 and not RAW.search(out)


def test_an_undecodable_file_name_does_not_cost_the_batch(
    tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(30):
        (pages / f"{number:02}.txt").write_bytes(page(number))
    bad = os.path.join(os.fsencode(pages), b"\xff\xfe-\xd8.txt")  # not UTF-8: surrogates
    with open(bad, "wb") as handle:
        handle.write(page(99))
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(pages))
    assert status == 0 and not RAW.search(out)
    articles = stored(capsys, db_dir)
    assert len({a["title"] for a in articles}) == len(articles) == 31
    assert "\ufffd\ufffd-\ufffd.txt" in {a["source"] for a in articles}


JSON_FEED = r"""{"version": "https://jsonfeed.org/version/1.1", "title": "feed \ud800",
 "home_page_url": "http://json.example/",
 "items": [
  {"id": "1", "title": "\ud800", "content_text": "نص الخبر الأول"},
  {"id": "2", "title": "خبر بعنوان سليم", "url": "http://[x"},
  {"id": "3", "title": "خبر ثالث", "url": "http://json.example/3", "authors": [{"name": "\udfff"}]}
 ]}"""


def test_surrogates_and_a_bad_url_in_a_json_feed_cost_nothing(
    tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(JSON_FEED, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_bytes(page(1))
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(feed), str(good))
    assert status == 0, out
    assert f"{feed}: 3 article(s), 3 headline(s)" in out
    articles = stored(capsys, db_dir)
    assert len(articles) == 4
    assert "\ufffd" in {a["title"] for a in articles}
    assert {a["source"] for a in articles} >= {"feed \ufffd"}


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>http://rss.example/</link>
<item><title>&#x202E;</title><guid>http://rss.example/0</guid></item>
<item><title>&#x202E;&#x200B;</title><guid>http://rss.example/1</guid></item>
<item><title>خبر سليم</title><guid>http://rss.example/2</guid></item>
<item><title>&#x202E;</title><guid>http://rss.example/3</guid>
<description>نص بلا عنوان</description></item>
</channel></rss>"""


def test_a_title_made_only_of_removed_characters_drops_no_other_item(
    tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(feed))
    assert status == 0, out
    assert f"{feed}: 2 article(s), 2 headline(s)" in out
    assert "2 item(s) without a title or text skipped" in out
    assert {a["title"] for a in stored(capsys, db_dir)} == {"خبر سليم", "نص بلا عنوان"}


PAGE = (
    "عاجل: وزير الخارجية يصل إلى القاهرة\n"
    "وصل وزير الخارجية صباح اليوم إلى القاهرة في زيارة رسمية.\n"
)


@pytest.mark.parametrize("encoding", ["windows-1256", "iso-8859-6"])
def test_a_legacy_arabic_page_file_is_decoded(
    encoding: str, tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode(encoding))
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(page))
    assert status == 0 and "binary" not in out, out
    (article,) = stored(capsys, db_dir)
    status, out, _ = run(capsys, "--db", str(db_dir), "show", str(article["id"]), "--json")
    logical = [line["logical"] for line in json.loads(out)["lines"]]
    assert logical == PAGE.strip().split("\n")


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
<outline text="good" xmlUrl="http://good.example/rss"/>
<outline text="c1" xmlUrl="http://c1.example/&#x9b;2J&#x9d;0;x&#x9c;"/>
<outline text="bidi" xmlUrl="http://bidi.example/&#x202e;lmx.exe"/>
</body></opml>"""


def test_feed_addresses_with_controls_are_refused_from_opml(
    tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opml = tmp_path / "list.opml"
    opml.write_text(OPML, encoding="utf-8")
    db = ["--db", str(db_dir)]
    status, out, err = run(capsys, *db, "feeds", "import", str(opml))
    assert status == 0 and not RAW.search(out + err)
    assert "subscribed to 1 new feed(s)" in out and err.count("skipped") == 2
    assert [f.url for f in FeedRegistry(db_dir).feeds()] == ["http://good.example/rss"]


def test_feed_output_is_sanitised_in_every_mode(
    db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database written before addresses were checked: what it holds is printed safely."""
    registry = FeedRegistry(db_dir)
    registry._table.insert(
        {
            "url": "http://127.0.0.1:9/\x9b2J\u202eevil",
            "name": "\x1b]0;x\x07name\U000e0041",
            "site": "http://127.0.0.1:9/\x9d0;t",
            "status": "error: \x1b]52;c;eA==\x07 server said \x9b31m",
        }
    )
    registry.close()
    db = ["--db", str(db_dir)]
    for argv in (["feeds", "list"], ["feeds", "list", "--json"], ["feeds", "export"]):
        status, out, err = run(capsys, *db, *argv)
        assert status == 0 and "127.0.0.1" in out and not RAW.search(out + err), argv
    status, out, _ = run(capsys, *db, "feeds", "list", "--json")
    (feed,) = json.loads(out)  # escaped, so valid JSON with the same values
    assert feed["url"] == "http://127.0.0.1:9/\x9b2J\u202eevil"
    assert feed["name"] == "\x1b]0;x\x07name\U000e0041"
    status, out, err = run(capsys, *db, "fetch", "--timeout", "2")
    assert "failed" in out and not RAW.search(out + err)


def test_a_file_whose_parser_fails_costs_only_that_file(
    tmp_path: Path,
    db_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fault injection: a parser bug on one file (here: a raise) is reported for that file."""
    from reader.ingest import file_reading

    real = file_reading.parse_bytes

    def parse(data: bytes) -> object:
        if b"boom" in data:
            raise RuntimeError("parser bug \x1b]0;x\x07")
        return real(data)

    monkeypatch.setattr(file_reading, "parse_bytes", parse)
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(5):
        (pages / f"{number}.txt").write_bytes(page(number))
    (pages / "bad.txt").write_bytes(page(9) + b"boom\n")
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(pages))
    assert status == 0 and not RAW.search(out)
    assert "bad.txt: nothing imported" in out and "cannot import: RuntimeError" in out
    assert len(stored(capsys, db_dir)) == 5


@pytest.mark.parametrize("argv", [["--json"], ["--bidi", "terminal"], ["--bidi", "app"]])
def test_show_sends_no_tag_or_zero_width_character(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "page.txt"
    file.write_text(
        "عنوان\U000e0067\U000e0062 الخبر\u200b\n\u2060نص\u200b الخبر \U000e007f هنا \u06dd١\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "show", str(file), *argv)
    assert status == 0
    assert not re.search("[\u200b\u2060\U000e0000-\U000e007f]", out), out
    assert "\u06dd" in out


@pytest.mark.parametrize("reference", ["&#xd800;", "&#57343;", "&#x110000;", "&#99999999999;"])
def test_an_impossible_character_reference_costs_no_item(
    reference: str, tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A surrogate or out-of-range reference made feedparser raise: the whole feed was lost."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<rss version='2.0'><channel><title>t</title>"
        "<item><guid>http://x.example/1</guid><title>خبر أول</title></item>"
        f"<item><guid>http://x.example/2</guid><title>خبر {reference} ثان</title></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(feed))
    assert status == 0 and f"{feed}: 2 article(s)" in out, out
    assert {a["title"] for a in stored(capsys, db_dir)} == {"خبر أول", "خبر \ufffd ثان"}


def test_undecodable_command_line_arguments_are_stored_and_printed_safely(
    db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Arguments that are not UTF-8 reach Python as lone surrogates (surrogateescape)."""
    db = ["--db", str(db_dir)]
    name = os.fsdecode(b"\xff\xfe name")
    add = ("feeds", "add", "--no-fetch")
    status, out, err = run(capsys, *db, *add, "http://a.example/rss", "--name", name)
    assert status == 0 and not RAW.search(out + err)
    assert FeedRegistry(db_dir).feeds()[0].name == "\ufffd\ufffd name"
    url = os.fsdecode(b"http://b.example/\xff")
    status, out, err = run(capsys, *db, *add, url)
    assert status == 1 and "control characters" in err and not RAW.search(out + err)
    status, out, err = run(capsys, *db, "feeds", "list", "--json")
    assert status == 0 and [f["url"] for f in json.loads(out)] == ["http://a.example/rss"]
