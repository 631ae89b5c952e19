"""`newsreader entities ID|PATH|- [--json]` through main([...])."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from reader.ingest.file_reading import page_records
from reader.ingest.page import parse_bytes
from reader.library.store import ArticleStore
from reader.text.article_text import article_text
from tests.conftest import SEED_000, SEED_004, run


def feed_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_stdin_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = "قال الرئيس جو بايدن إن بايدن سيزور إسرائيل"
    feed_stdin(monkeypatch, text)
    status, out, _ = run(capsys, "entities", "-", "--json")
    data = json.loads(out)
    assert status == 0
    assert data[0] == {
        "text": "جو بايدن",
        "type": "PERSON",
        "count": 2,
        "mentions": [[11, 19], [23, 28]],
    }
    assert {"text": "إسرائيل", "type": "PLACE", "count": 1, "mentions": [[35, 42]]} in data
    for entity in data:
        assert set(entity) == {"text", "type", "count", "mentions"}


def test_page_file_offsets_point_into_the_article_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "entities", str(SEED_000), "--json")
    data = json.loads(out)
    assert status == 0
    articles, _ = page_records(parse_bytes(SEED_000.read_bytes()), SEED_000.name)
    text = article_text(articles[0])
    names = {(e["text"], e["type"]) for e in data}
    assert {("جو بايدن", "PERSON"), ("إسرائيل", "PLACE"), ("البيت الأبيض", "ORG")} <= names
    biden = next(e for e in data if e["text"] == "جو بايدن")
    assert biden["count"] == len(biden["mentions"]) > 5
    assert {text[s:e] for s, e in biden["mentions"]} <= {"جو بايدن", "بايدن"}


def test_stored_article_by_id_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles, headlines = page_records(parse_bytes(SEED_004.read_bytes()), SEED_004.name)
    store = ArticleStore(tmp_path / "db")
    store.add(articles, headlines)
    store.close()
    argv = ["--db", str(tmp_path / "db"), "entities", articles[0].id[:10], "--json"]
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert ("أنتوني بلينكن", "PERSON") in {(e["text"], e["type"]) for e in json.loads(out)}


def test_plain_output_is_grouped_by_type(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "entities", str(SEED_000))
    lines = out.splitlines()
    assert status == 0
    headings = [line for line in lines if not line.startswith(" ")]
    assert headings == ["people (PERSON)", "places (PLACE)", "organisations (ORG)"]
    assert lines[1].split() == ["10", "جو", "بايدن"]


def test_nothing_found(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, "hello world\n")
    assert run(capsys, "entities", "-") == (0, "no people, places or organisations found\n", "")
    feed_stdin(monkeypatch, "")
    status, out, _ = run(capsys, "entities", "-", "--json")
    assert status == 0 and json.loads(out) == []


def test_unknown_reference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--db", str(tmp_path / "db"), "entities", "nosuchthing")
    assert status == 1 and "nosuchthing" in err
