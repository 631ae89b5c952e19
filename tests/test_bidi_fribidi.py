"""Line by line against GNU FriBidi (via tests/fribidi_oracle.py): levels and
shaping from fribidi, wrapped in logical order, reordered per line, right-aligned.

Both sides go through the oracle's normalize(), which folds what legitimately differs
(presentation forms vs letters, lam-alef fillers, dropped harakat, format characters). The
oracle is given the paragraph without harakat, since that is what we draw by default: fribidi
then forms the lam-alef ligatures we form (it never forms one across a haraka).
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

import pytest
from rich.cells import get_character_cell_size

from reader.bidi import layout_paragraph
from reader.bidi.tables import HARAKA
from tests.bidi_support import SEEDS, WIDTHS, composed, oracle, paragraphs


@pytest.fixture(scope="module")
def fribidi() -> ModuleType:
    module = oracle()
    module.fribidi_paragraph = cache(module.fribidi_paragraph)  # one fribidi run per paragraph
    # FriBidi gives the order and the shaping; cells are the renderer's, and the renderer is
    # Rich (Textual draws with its widths). The oracle's own table (unicodedata: every format
    # character 0, every wide character 2) says U+06DD takes no cell and 👏🏽 four.
    module._cells = get_character_cell_size
    return module


def mismatches(fribidi: ModuleType, text: str, width: int, base: str = "auto") -> list[str]:
    want = [
        fribidi.normalize(line) for line in fribidi.oracle_lines(HARAKA.sub("", text), width, base)
    ]
    direction = None if base == "auto" else base
    got = [
        fribidi.normalize(line.padded(width))
        for line in layout_paragraph(text, width, "app", direction=direction)
    ]
    if want == got:
        return []
    return [
        f"width {width} {base}: {text[:40]!r}",
        *(f"  want {w!r}\n  got  {g!r}" for w, g in zip(want, got, strict=False)),
        f"  {len(want)} lines wanted, {len(got)} got",
    ]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_paragraph_matches_fribidi(fribidi: ModuleType, seed) -> None:
    problems = [
        problem
        for width in WIDTHS
        for text in paragraphs(seed)
        for problem in mismatches(fribidi, text, width)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("base", ["auto", "rtl", "ltr"])
def test_composed_paragraphs_match_fribidi(fribidi: ModuleType, base: str) -> None:
    texts = composed()
    assert len(texts) >= 30
    problems = [
        problem
        for width in WIDTHS
        for text in texts
        for problem in mismatches(fribidi, text, width, base)
    ]
    assert not problems, "\n".join(problems)


LAM_HARAKA_ALEF = "ل[\u064b-\u065f]+[آأإا]"


def test_kept_harakat_follow_their_letters_as_in_fribidi(fribidi: ModuleType) -> None:
    """With keep_harakat, marks stay after their base letter (L3) and take no cell. We form
    lam-alef across a haraka and fribidi does not, so those paragraphs are left out here."""
    import re

    texts = [*composed(), "بِسْمِ اللَّهِ (الرَّحْمَنِ) 12% كِتَابٌ Ṩ̃ áb"]
    texts = [t for t in texts if HARAKA.search(t) and not re.search(LAM_HARAKA_ALEF, t)]
    assert len(texts) >= 2
    problems = []
    for width in WIDTHS:
        for text in texts:
            want = [
                fribidi.normalize(x, drop_marks=False) for x in fribidi.oracle_lines(text, width)
            ]
            lines = layout_paragraph(text, width, "app", keep_harakat=True)
            got = [fribidi.normalize(line.padded(width), drop_marks=False) for line in lines]
            if want != got:
                problems.append(f"{width}: {want} != {got}")
    assert not problems, "\n".join(problems)
