"""`newsreader show`: through main([...]) and as a real process. The app-mode output is
compared line by line with GNU FriBidi (tests/fribidi_oracle.py), so the expected
cells never come from our own layout code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.ingest.file_reading import page_records
from reader.ingest.page import parse_bytes
from reader.library.store import ArticleStore
from tests.bidi_support import oracle
from tests.conftest import ROOT, SEED_000, SEED_004

ALM, RLM, LRM = "\u061c", "\u200f", "\u200e"


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["show", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def show_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    status, out, _ = show(capsys, *argv, "--json")
    assert status == 0
    return json.loads(out)


def cells(text: str) -> int:
    from reader.bidi import cell_width

    return cell_width(text)


@pytest.mark.parametrize("seed", [SEED_000, SEED_004], ids=["000", "004"])
@pytest.mark.parametrize("width", [40, 80])
def test_app_mode_prints_what_fribidi_lays_out(
    seed: Path, width: int, capsys: pytest.CaptureFixture[str]
) -> None:
    fribidi = oracle()
    data = show_json(capsys, str(seed), "--width", str(width), "--bidi", "app")
    blocks: dict[int, list[dict[str, str]]] = {}
    for line in data["lines"]:
        blocks.setdefault(line["paragraph"], []).append(line)
    assert " ".join(line["logical"] for line in blocks[0]) == data["title"]
    for lines in blocks.values():
        text = " ".join(line["logical"] for line in lines)
        want = [fribidi.normalize(x) for x in fribidi.oracle_lines(text, width)]
        assert [fribidi.normalize(line["visual"]) for line in lines] == want
    # the plain output is the same lines, with a blank line before each body paragraph
    _, out, _ = show(capsys, str(seed), "--width", str(width), "--bidi", "app")
    printed = out.splitlines()
    assert [p for p in printed if p] == [line["visual"] for line in data["lines"] if line["visual"]]
    assert printed.count("") == max(blocks) - 1


def test_rtl_lines_are_right_aligned_with_no_trailing_spaces(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = show_json(capsys, str(SEED_000), "--width", "50", "--bidi", "app")
    assert data["width"] == 50 and data["title"].startswith("الرئيس الأمريكي")
    for line in data["lines"]:
        visual = line["visual"]
        assert not visual.endswith(" ") and cells(visual) <= 50
        assert line["direction"] == "rtl"
        if not line["logical"].endswith(" "):  # the line's last word ends at column 50
            assert cells(visual) == 50, line
        if any("\u0621" <= ch <= "\u064a" for ch in line["logical"]):
            assert any(0xFE70 <= ord(ch) <= 0xFEFC for ch in visual)  # shaped


def test_terminal_mode_prints_logical_text(capsys: pytest.CaptureFixture[str]) -> None:
    data = show_json(capsys, str(SEED_000), "--width", "60", "--bidi", "terminal")
    for line in data["lines"]:
        assert line["visual"].lstrip(ALM + RLM + LRM) == line["logical"].rstrip(" ")
    # the global option works too
    status = main(["--bidi", "terminal", "show", str(SEED_000), "--width", "60"])
    out = capsys.readouterr().out
    assert status == 0 and out.splitlines()[0] == data["lines"][0]["visual"]


def test_show_a_stored_article_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles, headlines = page_records(parse_bytes(SEED_004.read_bytes()), SEED_004.name)
    store = ArticleStore(tmp_path / "db")
    store.add(articles, headlines)
    store.close()
    article = articles[0]
    status = main(
        ["--db", str(tmp_path / "db"), "show", article.id[:10], "--json", "--width", "70"]
    )
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["id"] == article.id and data["title"] == article.title
    body = [line for line in data["lines"] if line["paragraph"] >= 2]
    first = [line["logical"] for line in body if line["paragraph"] == 2]
    assert " ".join(first) == article.paragraphs[0]


def test_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = show(capsys, str(SEED_000), "--width", "0")
    assert status == 1 and "--width" in err
    store = ArticleStore(tmp_path / "db")
    store.add(*page_records(parse_bytes(SEED_004.read_bytes()), SEED_004.name))
    store.close()
    status = main(["--db", str(tmp_path / "db"), "show", "nosuchthing"])
    assert status == 1 and "nosuchthing" in capsys.readouterr().err


def test_a_real_process_defaults_to_80_columns_when_piped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NEWSREADER_BIDI")}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "show", str(SEED_000), "--bidi", "app"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert main(["show", str(SEED_000), "--bidi", "app", "--width", "80"]) == 0
    assert done.stdout == capsys.readouterr().out
    assert max(cells(line) for line in done.stdout.splitlines()) == 80
