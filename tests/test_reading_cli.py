"""`mark`, `list --json`, `ticker` marks, `show` piped and on a terminal: the reading workflow
from the command line, through main([...]) on a real database directory."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import ROOT, run

FEED = ROOT / "tests" / "fixtures" / "feeds" / "arabic-rss2.xml"
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
MINISTER = "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"


@pytest.fixture
def db(db_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", str(db_dir), "import", str(FEED)]) == 0
    capsys.readouterr()
    return str(db_dir)


def listed(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, dict[str, object]]:
    status, out, _ = run(capsys, "--db", db, "list", "--json")
    assert status == 0
    assert "\\u" not in out  # Arabic stays readable
    return {str(a["title"]): a for a in json.loads(out)}


def test_list_json_has_links_and_state(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    minister = listed(capsys, db)[MINISTER]
    assert minister["link"] == "http://news.example/2024/03/05/minister"
    assert minister["links"] == ["http://news.example/cities/cairo", "https://other.example/report"]
    assert minister["read"] is False and minister["starred"] is False


def test_mark_changes_state_by_id_prefix(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    article_id = str(listed(capsys, db)[MINISTER]["id"])
    status, out, _ = run(capsys, "--db", db, "mark", article_id[:6], "--read")
    assert status == 0 and out == f"{article_id}  read\n"
    status, out, _ = run(capsys, "--db", db, "mark", article_id, "--star")
    assert status == 0 and out == f"{article_id}  read, starred\n"
    after = listed(capsys, db)[MINISTER]
    assert after["read"] is True and after["starred"] is True
    run(capsys, "--db", db, "mark", article_id, "--unread")
    run(capsys, "--db", db, "mark", article_id, "--unstar")
    after = listed(capsys, db)[MINISTER]
    assert after["read"] is False and after["starred"] is False


def test_mark_refuses_unknown_ids_and_changes_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = str(listed(capsys, db)[MINISTER]["id"])
    status, out, err = run(capsys, "--db", db, "mark", article_id, "ffffnothere", "--read")
    assert status == 1 and out == ""
    assert "'ffffnothere'" in err and "nothing changed" in err
    assert listed(capsys, db)[MINISTER]["read"] is False
    with pytest.raises(SystemExit) as exit_info:  # no change asked for: usage error
        main(["--db", db, "mark", article_id])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["--db", db, "mark", article_id, "--read", "--star"])  # one change at a time


def test_ticker_star_means_starred(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    article_id = str(listed(capsys, db)[MINISTER]["id"])
    _, out, _ = run(capsys, "--db", db, "ticker")
    marks = {line[8:]: line[6] for line in out.splitlines()}
    assert marks[MINISTER] == "•"  # unread
    run(capsys, "--db", db, "mark", article_id, "--star")
    _, out, _ = run(capsys, "--db", db, "ticker")
    marks = {line[8:]: line[6] for line in out.splitlines()}
    assert marks[MINISTER] == "*" and list(marks.values()).count("*") == 1
    run(capsys, "--db", db, "mark", article_id, "--unstar")
    run(capsys, "--db", db, "mark", article_id, "--read")
    _, out, _ = run(capsys, "--db", db, "ticker")
    assert {line[8:]: line[6] for line in out.splitlines()}[MINISTER] == " "


def test_piped_show_is_plain_logical_text(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    article_id = str(listed(capsys, db)[MINISTER]["id"])
    status, out, _ = run(capsys, "--db", db, "show", article_id)
    assert status == 0 and not PRESENTATION_FORMS.search(out)
    lines = out.splitlines()
    assert lines[0] == MINISTER  # grep finds the words as written
    assert "وصل وزير الخارجية صباح اليوم إلى القاهرة [1] في زيارة رسمية." in lines
    assert lines[-3:] == [
        "الرابط: http://news.example/2024/03/05/minister",
        "[1] http://news.example/cities/cairo",
        "[2] https://other.example/report",
    ]


def test_show_json_and_laid_out_show_have_the_links(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = str(listed(capsys, db)[MINISTER]["id"])
    status, out, _ = run(capsys, "--db", db, "show", article_id, "--json", "--width", "40")
    data = json.loads(out)
    assert "\\u" not in out and data["title"] == MINISTER
    assert data["link"] == "http://news.example/2024/03/05/minister"
    assert data["links"] == ["http://news.example/cities/cairo", "https://other.example/report"]
    status, out, _ = run(capsys, "--db", db, "show", article_id, "--width", "40", "--bidi", "app")
    tail = out.splitlines()[-4:]
    # an address is left to right and wraps at the width like any line
    assert tail[-2:] == ["[1] http://news.example/cities/cairo", "[2] https://other.example/report"]
    assert "".join(tail[:2]).endswith("http://news.example/2024/03/05/minister")
    assert all(len(line) <= 40 for line in out.splitlines())


def test_list_and_ticker_on_a_terminal_fit_its_width(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.bidi import cell_width

    items = {command: len(run(capsys, "--db", db, command)[1].splitlines()) for command in
             ("list", "ticker")}  # fmt: skip
    monkeypatch.setattr("reader.commands.screen_text.styled", lambda: True)
    monkeypatch.setenv("COLUMNS", "50")
    for command in ("list", "ticker"):
        _, out, _ = run(capsys, "--db", db, command)
        lines = out.splitlines()
        assert len(lines) == items[command]  # one line per item: none left to wrap
        for line in lines:
            assert cell_width(line) <= 50 and PRESENTATION_FORMS.search(line)
        # right-to-left titles end at the terminal's right edge, cut with … when too long
        assert all(cell_width(line) == 50 for line in lines)
        assert any("…" in line for line in lines)
