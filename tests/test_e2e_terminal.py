"""What the app sends to a real terminal: the bidi mode switch at start and exit (on a pty),
and only glyphs that DejaVu Sans Mono draws (every character on screen, read from tmux)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from fontTools.ttLib import TTFont

from tests.pty_session import read_until, start_on_pty
from tests.tmux_session import Tmux, newsreader_command

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


def test_app_mode_switches_terminal_bidi_off_at_start_and_back_on_at_exit(
    tmp_path: Path,
) -> None:
    main, proc = start_on_pty(tmp_path)
    try:
        shown = read_until(main, b"13:49")
        assert b"13:49" in shown
        os.write(main, b"q")
        rest = read_until(main, b"\x1b[8h")
        proc.wait(timeout=30)
    finally:
        proc.kill()
        os.close(main)
    assert shown.startswith(b"\x1b[8l")  # BDSM reset before the UI draws anything
    out = shown + rest
    assert out.rindex(b"\x1b[8h") > out.rindex(b"\x1b[?1049l")  # restored after the UI left


def test_every_glyph_on_screen_is_in_dejavu_sans_mono(env: dict[str, str]) -> None:
    assert FONT.exists(), "apt-get install fonts-dejavu-core"
    cmap = TTFont(FONT).getBestCmap()
    seen: set[str] = set()
    for width, height in ((120, 36), (80, 24)):
        tmux = Tmux(width, height, env)
        try:
            tmux.type(f"{newsreader_command()} --bidi app; echo EXITED")
            tmux.send("Enter")
            tmux.wait_for("13:49")
            for key, literal in (
                ("Enter", False),
                ("Tab", False),
                ("e", True),
                ("/", True),
                ("غزة", True),
                ("Escape", False),
            ):
                tmux.type(key) if literal else tmux.send(key)
                time.sleep(0.8)
                seen.update("".join(tmux.screen()))
            # A loaded machine can deliver Escape and the next key in one read, which is
            # Alt+key: "?" is typed again until the help shows.
            for _ in range(3):
                tmux.type("?")
                try:
                    seen.update("".join(tmux.wait_for("newsreader keys", timeout=10)))
                    break
                except AssertionError:
                    tmux.send("Escape")
                    time.sleep(1)
            assert any("newsreader keys" in row for row in tmux.screen()), "\n".join(tmux.screen())
            tmux.send("Escape")
            time.sleep(0.5)  # ESC then q at once would read as Alt-q
            tmux.send("q")
            tmux.wait_for("EXITED")
        finally:
            tmux.close()
    missing = sorted(ch for ch in seen if ord(ch) not in cmap and ch not in "\n")
    assert any(0xFE70 <= ord(ch) <= 0xFEFC for ch in seen)  # shaped Arabic was on screen
    assert missing == [], [f"U+{ord(ch):04X}" for ch in missing]
