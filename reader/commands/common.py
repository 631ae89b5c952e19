"""What every subcommand needs: opening the library, printing for a pipe or a terminal."""

from __future__ import annotations

import argparse
import atexit
import json
import re
import sys
from typing import Any

from reader.library.bootstrap import open_library
from reader.library.library import Library
from reader.text.sanitize import clean_line


def open_store(args: argparse.Namespace) -> Library:
    """The library chosen by --db / $NEWSREADER_DB / XDG; seeded on first use. What it had
    to set right on the way (a damaged reading-state file, say) is printed to stderr."""
    library = open_library(args.db)
    _warn(library, 0)
    atexit.register(_warn, library, len(library.warnings))  # found later (the entity index)
    return library


def _warn(library: Library, start: int) -> None:
    for warning in library.warnings[start:]:
        print(f"newsreader: warning: {clean_line(warning)}", file=sys.stderr)


def styled() -> bool:
    """Output to a terminal may be styled; piped output is plain."""
    return sys.stdout.isatty()


# What JSON may carry but a terminal must not see raw: C1 controls, bidi embeddings,
# overrides and isolates, line separators, lone surrogates. Written as \\uXXXX escapes, the
# same JSON value, so nothing is lost and nothing reaches the terminal.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\xad\u200b\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff\U000e0000-\U000e007f]"
)


def print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(_json_escape, text) + "\n")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # above the BMP: a UTF-16 surrogate pair, as JSON spells it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def error(message: str) -> int:
    print(f"newsreader: {clean_line(message)}", file=sys.stderr)
    return 1
