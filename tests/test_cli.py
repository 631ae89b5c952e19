"""Every command through `main([...])`, and the installed entry point in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import build_parser, main
from tests.conftest import ROOT, SEED_000, month_files, run

SUBCOMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: newsreader {command}" in out and len(out.splitlines()) > 3


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("newsreader 0.")


def test_first_use_imports_the_bundled_seeds(db_dir: Path, capsys) -> None:  # noqa: ANN001
    status, out, _ = run(capsys, "--db", str(db_dir), "list", "--json")
    articles = json.loads(out)
    assert status == 0 and len(articles) == 2
    biden = articles[0]
    assert set(biden) == {
        "id", "title", "published", "published_at", "dateline", "source", "paragraphs",
        "link", "links", "read", "starred",
    }  # fmt: skip
    assert biden["link"] is None and biden["links"] == [] and biden["read"] is False
    assert biden["published"] == "2021-02-18" and biden["dateline"] == "صدى الاعلام"
    assert biden["paragraphs"] == 9 and biden["source"] == SEED_000.name
    assert articles[1]["published"] is None and articles[1]["dateline"] is None


def test_ticker_json_in_page_order(db_dir: Path, capsys) -> None:  # noqa: ANN001
    status, out, _ = run(capsys, "--db", str(db_dir), "ticker", "--json")
    lines = json.loads(out)
    assert status == 0 and len(lines) == 15
    assert [line["time"] for line in lines][:4] == ["13:49", "09:47", "13:46", "09:45"]
    assert lines[-1] == {
        "time": "12:42",
        "article_id": None,
        "headline": "147 مستوطنًا يقتحمون الأقصى ويؤدون طقوسًا تلمودية",
    }
    assert lines[0]["article_id"] is not None


def test_plain_output_when_piped(db_dir: Path, capsys) -> None:  # noqa: ANN001
    _, out, _ = run(capsys, "--db", str(db_dir), "ticker")
    assert out.splitlines()[1] == (
        "09:47 - 7 أسرى في سجون الاحتلال يعلقون إضرابهم عن الطعام وثلاثة يواصلون"
    )
    _, out, _ = run(capsys, "--db", str(db_dir), "list")
    assert "الرئيس الأمريكي جو بايدن" in out and "2021-02-18" in out


def test_import_reports_a_line_per_file(db_dir: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    page = tmp_path / "page.txt"
    page.write_text("عنوان جديد\nفقرة أولى\n10:15خبر عاجل\n", encoding="utf-8")
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 8)
    status, out, _ = run(
        capsys,
        "--db",
        str(db_dir),
        "import",
        str(page),
        str(tmp_path / "bin.dat"),
        str(tmp_path / "missing.txt"),
    )
    assert status == 0
    assert f"{page}: 1 article(s), 1 headline(s), 0 duplicate(s) skipped" in out
    assert "bin.dat: nothing imported\n  problem: binary file: not text" in out
    assert "missing.txt: no such file or directory" in out
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(page))
    assert status == 0 and "0 article(s), 0 headline(s), 2 duplicate(s) skipped" in out


def test_import_fails_only_when_nothing_could_be_imported(
    db_dir: Path, tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(empty))
    assert status == 1 and "empty page" in out


def test_db_option_and_environment_choose_the_database(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "from-env"))
    _, out, _ = run(capsys, "locate")
    assert f"database: {tmp_path / 'from-env'}" in out
    _, out, _ = run(capsys, "--db", str(tmp_path / "from-flag"), "locate")
    assert f"database: {tmp_path / 'from-flag'}" in out
    monkeypatch.delenv("NEWSREADER_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    _, out, _ = run(capsys, "locate")
    assert f"database: {tmp_path / 'xdg' / 'newsreader' / 'db'}" in out
    run(capsys, "ticker")
    assert month_files(tmp_path / "xdg" / "newsreader" / "db")


def test_damaged_database_is_a_clear_error(db_dir: Path, capsys) -> None:  # noqa: ANN001
    run(capsys, "--db", str(db_dir), "list")
    month_files(db_dir)[0].write_text("{not json")
    status, _, err = run(capsys, "--db", str(db_dir), "list")
    assert status == 1 and err.startswith("newsreader: ") and "damaged" in err
    assert "Traceback" not in err


def test_real_process(db_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSREADER_DB": str(db_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "ticker", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 15


def test_terminal_output_is_laid_out_and_piped_output_is_logical(
    db_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.commands.screen_text.styled", lambda: True)
    _, out, _ = run(capsys, "--db", str(db_dir), "ticker")
    line = out.splitlines()[1]
    assert line.startswith("09:47 - ")
    # shaped (presentation forms) and reordered: the headline's first word, "7", is at the
    # right end of the line now; "يواصلون" (its last word) shaped, at the left.
    assert line.endswith(" 7")
    # يواصلون = ي و ا ص ل و ن: ي initial, و final, ا isolated (و never joins forward),
    # ص initial, ل medial, و final, ن isolated; drawn right to left, so reversed here.
    assert "\ufee5\ufeee\ufee0\ufebb\ufe8d\ufeee\ufef3" in line
    assert "أسرى" not in line


def test_bad_config_or_bidi_mode_is_a_clear_error(
    db_dir: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # noqa: ANN001
    config = isolated_home / "config" / "newsreader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('bidi = "sideways"\n', encoding="utf-8")
    status, _, err = run(capsys, "--db", str(db_dir), "show", str(SEED_000), "--width", "40")
    assert status == 1 and "unknown bidi mode 'sideways' in the config file" in err
    config.write_text("bidi = [\n", encoding="utf-8")
    status, _, err = run(capsys, "--db", str(db_dir), "show", str(SEED_000))
    assert status == 1 and err.startswith("newsreader: cannot use config file")
    config.unlink()
    monkeypatch.setenv("NEWSREADER_BIDI", "both")
    status, _, err = run(capsys, "--db", str(db_dir), "show", str(SEED_000))
    assert status == 1 and "$NEWSREADER_BIDI" in err and "Traceback" not in err


def test_a_folder_under_a_hidden_path_is_imported_its_hidden_files_are_not(
    db_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a hidden folder on the way (~/.newsboat, the .venv a wheel's seeds are installed in)
    folder = tmp_path / ".venv" / "pages"
    (folder / ".git").mkdir(parents=True)
    (folder / "page.txt").write_text("خبر من مجلد\n\nفقرة أولى", encoding="utf-8")
    (folder / ".draft.txt").write_text("مسودة مخفية\n\nفقرة", encoding="utf-8")
    (folder / ".git" / "page.txt").write_text("ملف داخلي\n\nفقرة", encoding="utf-8")
    status, _, _ = run(capsys, "--db", str(db_dir), "import", str(folder))
    assert status == 0
    _, listed, _ = run(capsys, "--db", str(db_dir), "list")
    assert "خبر من مجلد" in listed
    assert "مسودة مخفية" not in listed and "ملف داخلي" not in listed
