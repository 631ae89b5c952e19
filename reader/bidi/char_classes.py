"""Regexes over the BMP's code points: their sources written as character classes from a table
of letters (one per code point), and their compiled form, kept between runs.

`re` compiles a big class in Python, code point by code point: the bidi layer's ten classes
took 8-20 ms of every start. The compiled form (the list of integers `re` hands to `_sre`)
is plain data, so it is kept with the tables in the cache file and given to `_sre.compile`
directly at the next start, which checks it (a wrong list is refused, never run). The form
depends on the `re` engine: the file's name carries `ENGINE`. Anything unexpected (another
Python's `re`, a damaged form) falls back to `re.compile`."""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

BMP = 0x10000
Ranges = tuple[tuple[int, int], ...]
Form = list[Any]  # [flags, groups, code]: what re._compiler.compile gives _sre.compile

try:  # CPython's engine (re._compiler since 3.11)
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    ENGINE = f"{sys.implementation.name}{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover (another Python)
    _sre = None
    ENGINE = "none"


def compiled_form(source: str) -> Form | None:
    """What `re.compile(source)` hands to `_sre.compile` (no named groups in ours)."""
    if _sre is None:
        return None
    try:
        parsed = _parser.parse(source, 0)
        return [parsed.state.flags, parsed.state.groups - 1, list(_compiler._code(parsed, 0))]
    except (AttributeError, TypeError):
        return None


def revive(source: str, form: Form | None) -> re.Pattern[str]:
    """The pattern `re.compile(source)` gives, from its kept compiled form when it has one."""
    if _sre is not None and form is not None:
        try:
            flags, groups, code = form
            pattern: re.Pattern[str] = _sre.compile(
                source, flags, code, groups, {}, (None,) * (groups + 1)
            )
            return pattern
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # another engine's or a damaged form: compiled the slow way
    return re.compile(source)


def char_class(text: str, codes: str, astral: Ranges = ()) -> str:
    """A regex class matching the BMP code points whose letter in `text` is in `codes`, and
    the astral ranges `astral`. `re` compiles a class by visiting, in Python, every BMP code
    point it lists (3.11's `_optimize_charset`; astral ranges cost nothing), so a class that
    holds most of the BMP is written as the negation of the rest: the 58,000 L code points
    took 12 ms to compile, the 7,500 others take 2."""
    if sum(map(text.count, codes)) <= BMP // 2:
        return f"[{_ranges(text, codes)}{_astral(astral)}]"
    others = "".join(sorted(set(text) - set(codes)))
    return f"[^{_ranges(text, others)}{_astral(_outside(astral))}]"


def negated(cls: str) -> str:
    """The class matching every code point `cls` (from char_class) does not."""
    return "[" + cls[2:] if cls.startswith("[^") else "[^" + cls[1:]


def _ranges(text: str, codes: str) -> str:
    """A regex class body matching the BMP code points whose letter in `text` is in `codes`."""
    out = []
    for m in re.finditer(f"[{re.escape(codes)}]+", text):
        first, last = re.escape(chr(m.start())), re.escape(chr(m.end() - 1))
        out.append(first if m.end() - m.start() == 1 else f"{first}-{last}")
    return "".join(out)


def _astral(ranges: Ranges) -> str:
    return "".join(f"{chr(first)}-{chr(last)}" for first, last in ranges)


def _outside(ranges: Ranges) -> Ranges:
    """The astral code points not in `ranges` (sorted, disjoint), as ranges."""
    out, start = [], BMP
    for first, last in ranges:
        if first > start:
            out.append((start, first - 1))
        start = last + 1
    return (*out, (start, 0x10FFFF)) if start <= 0x10FFFF else tuple(out)
