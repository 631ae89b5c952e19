"""The bidi tables against their definitions in `unicodedata` (code point by code point: the
classes that hold most of the BMP are written as negations, reader/bidi/table_sources.py),
and the file that keeps them between runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from reader.bidi import char_classes, table_sources
from reader.bidi.table_sources import BMP, Sources, build, keep_in

# Every BMP code point and a spread of the others (with the ends of every plane).
POINTS = [*range(BMP), *range(BMP, 0x110000, 97), *(p * BMP - 1 for p in range(2, 18))]
HARD = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "B", "S", ""}


def cls(ch: str) -> str:
    return unicodedata.bidirectional(ch)


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


DEFINITIONS = {
    "rtl_blockers": lambda ch: ord(ch) >= BMP or cls(ch) in HARD | {"L"},
    "ltr_blockers": lambda ch: ord(ch) >= BMP or cls(ch) in HARD | {"R", "AL", "AN"},
    "numbers": lambda ch: ord(ch) < BMP and cls(ch) in ("EN", "AN"),
    "boundary_neutrals": lambda ch: ord(ch) < BMP and cls(ch) == "BN",
    "strong": lambda ch: ord(ch) < BMP and cls(ch) in ("R", "AL", "L"),
    "isolates_or_astral": lambda ch: ord(ch) >= BMP or cls(ch) in ("LRI", "RLI", "FSI", "PDI"),
    "trailing_ws": lambda ch: (
        ord(ch) < BMP and cls(ch) in ("WS", "BN", "S", "LRI", "RLI", "FSI", "PDI")
    ),
    "mark": lambda ch: (ord(ch) < BMP and is_mark(ch)) or 0x1F3FB <= ord(ch) <= 0x1F3FF,
}


@pytest.fixture(scope="module")
def built() -> Sources:
    return build()


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_each_class_matches_exactly_its_definition(built: Sources, name: str) -> None:
    pattern, defined = re.compile(built["patterns"][name]), DEFINITIONS[name]
    wrong = [hex(p) for p in POINTS if bool(pattern.match(chr(p))) != defined(chr(p))]
    assert wrong == [], f"{name}: {len(wrong)} code points, first {wrong[:5]}"


def test_strong_tells_right_to_left_from_left_to_right(built: Sources) -> None:
    strong = re.compile(built["patterns"]["strong"])
    for ch in "بאa\u0100":
        found = strong.match(ch)
        assert found is not None and (found.group(1) is not None) == (cls(ch) != "L")


def test_marks_before_base_swaps_only_a_mark_run_and_the_letter_after(built: Sources) -> None:
    swap = re.compile(built["patterns"]["marks_before_base"])
    assert swap.sub(r"\2\1", "x\u064e\u0651بa") == "xب\u064e\u0651a"
    assert swap.sub(r"\2\1", "ab") == "ab"


def test_the_class_and_kind_strings_are_unicodedata(built: Sources) -> None:
    assert len(built["classes"]) == len(built["kind"]) == BMP
    for p in range(0, BMP, 7):
        ch = chr(p)
        assert built["classes"][p] == table_sources.CLASS_CODE[cls(ch)]
        kind = "m" if is_mark(ch) else "z" if unicodedata.category(ch) == "Cf" else "n"
        assert built["kind"][p] == kind


def test_the_kept_file_gives_the_same_tables_and_a_broken_one_is_built_again(
    built: Sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_sources, "_folder", None)
    keep_in(tmp_path / "cache")
    assert table_sources.sources() == built  # built and written
    (kept,) = (tmp_path / "cache").iterdir()
    assert json.loads(kept.read_bytes()) == built
    monkeypatch.setattr(table_sources, "build", lambda: pytest.fail("built again"))
    assert table_sources.sources() == built  # read back, not built
    monkeypatch.undo()
    keep_in(tmp_path / "cache")
    kept.write_bytes(b'{"classes": "short"')  # cut off mid-write by another program
    assert table_sources.sources() == built
    assert json.loads(kept.read_bytes()) == built  # and written whole again


def test_an_unwritable_cache_directory_still_gives_the_tables(
    built: Sources, tmp_path: Path
) -> None:
    if os.geteuid() == 0:  # root writes anywhere: a file where the directory should be
        (tmp_path / "cache").write_text("not a directory")
        folder = tmp_path / "cache" / "newsreader"
    else:
        (tmp_path / "cache").mkdir(mode=0o500)
        folder = tmp_path / "cache" / "newsreader"
    code = (
        "import sys; from pathlib import Path; from reader.bidi import table_sources as t; "
        f"t.keep_in(Path({str(folder)!r})); s = t.sources(); print(len(s['classes']))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(BMP)


def test_kept_compiled_forms_give_the_patterns_re_compiles(
    built: Sources, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each table's regex revived from its kept form matches exactly where `re.compile` of
    its source matches (every BMP code point, at the start and inside a word), and reviving
    compiles nothing."""
    from re import _compiler

    from reader.bidi.char_classes import revive
    from reader.bidi.tables import not_single_cell

    cells = not_single_cell()
    patterns = {**built["patterns"], "not_single_cell": cells.pattern}
    forms = {**built["compiled"], "not_single_cell": char_classes.compiled_form(cells.pattern)}
    slow = {name: re.compile(source) for name, source in patterns.items()}
    monkeypatch.setattr(_compiler, "compile", lambda *a: pytest.fail("compiled again"))
    for name, source in patterns.items():
        fast = revive(source, forms[name])
        assert fast.pattern == source and fast.groups == slow[name].groups
        for cp in range(BMP):
            text = f"ab{chr(cp)}\u0628 "
            expect = slow[name].search(text)
            got = fast.search(text)
            assert (got and got.span()) == (expect and expect.span()), (name, hex(cp))


def test_a_damaged_or_foreign_compiled_form_is_compiled_again() -> None:
    from reader.bidi.char_classes import revive

    for form in ([32, 0, [1, 2, 3]], [32, 0, ["x"]], ["short"], [32, 5, []], None):
        pattern = revive("[a-c]+", form)
        assert pattern.findall("xxabcyca") == ["abc", "ca"]
