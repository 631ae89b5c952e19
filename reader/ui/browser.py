"""Opening an address: in the reader's browser ($BROWSER, or `browser` in the config), or,
where no browser runs (over SSH), as an OSC 8 hyperlink the local terminal can open; and
copying it to the local clipboard with OSC 52, through tmux too. These are the app's only
deliberate escape sequences, and an address is checked before it goes into one."""

from __future__ import annotations

import base64
import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")


def safe_url(url: str | None) -> str | None:
    """The address if it may go into an escape sequence: a web or mail address with no
    control character, space or non-ASCII escape-looking byte; else None."""
    if not url or len(url) > 4096:
        return None
    if any(ord(ch) < 0x21 or 0x7F <= ord(ch) <= 0x9F for ch in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in SAFE_SCHEMES else None


def browser_command(environ: Mapping[str, str], config: Mapping[str, object]) -> str | None:
    """$BROWSER (its first entry), else the `browser` setting; on a local desktop, xdg-open;
    over SSH (or with no display) None: the terminal must open the link."""
    chosen = environ.get("BROWSER", "").split(":")[0].strip()
    setting = config.get("browser")
    if not chosen and isinstance(setting, str):
        chosen = setting.strip()
    if chosen:
        return chosen
    remote = environ.get("SSH_CONNECTION") or environ.get("SSH_TTY")
    desktop = environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    if not remote and desktop and shutil.which("xdg-open"):
        return "xdg-open"
    return None


def launch(command: str, url: str) -> None:
    """Run the browser on `url`, detached, its output away from the app's terminal."""
    words = shlex.split(command)
    args = [w.replace("%s", url) for w in words] if "%s" in command else [*words, url]
    subprocess.Popen(  # noqa: S603 - the reader's own browser setting
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def osc52(text: str, environ: Mapping[str, str] = os.environ) -> str:
    """The OSC 52 "set clipboard" sequence; inside tmux also wrapped for tmux passthrough,
    so the outer terminal gets it when tmux's set-clipboard is off but passthrough is on."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    plain = f"\x1b]52;c;{payload}\x07"
    if environ.get("TMUX"):
        return plain + "\x1bPtmux;" + plain.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return plain
