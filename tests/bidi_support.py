"""Shared by the tests/test_bidi_*.py files: where things are, and how a missing reference
tool is handled (a skip on a developer's machine, a failure in CI, where it must exist)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "bidi_cases"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
WIDTHS = (12, 17, 23, 31, 40, 57, 80, 120)


def require(available: bool, what: str) -> None:
    """Skip without `what` on a developer's machine; fail in CI (CI=true), which installs it."""
    if available:
        return
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{what} is missing, and CI must have it")
    pytest.skip(f"{what} is missing (apt-get install libfribidi-bin unicode-data)")


def oracle() -> ModuleType:
    """tests/fribidi_oracle.py, with the fribidi CLI it runs."""
    require(shutil.which("fribidi") is not None, "the fribidi CLI")
    from tests import fribidi_oracle

    return fribidi_oracle


def paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def composed() -> list[str]:
    """Our own paragraphs (tests/bidi_cases/paragraphs.txt), one per line."""
    return [p for p in paragraphs(CASES / "paragraphs.txt") if p]
