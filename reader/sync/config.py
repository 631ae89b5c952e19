"""The config file's `[sync]` section: which server, which user, and where the password is.

    [sync]
    kind = "fever"
    url = "https://rss.example.org/fever/"
    user = "reader"
    password_file = "~/.config/newsreader/password"     # or:
    password_command = ["pass", "show", "rss.example.org"]

The password is never on a command line or in the process list: it is read from a file or
from the standard output of a command run without a shell.
"""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.library.locations import ConfigError

KINDS = ("fever",)
COMMAND_TIMEOUT = 60.0


@dataclass(frozen=True)
class SyncConfig:
    kind: str
    url: str
    user: str
    password_file: Path | None = None
    password_command: tuple[str, ...] = ()

    @property
    def account(self) -> str:
        """Names the server and user: remote ids mean nothing on another account."""
        return f"{self.kind} {self.url} {self.user}"

    def password(self) -> str:
        if self.password_file is not None:
            try:
                text = self.password_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise ConfigError(
                    f"[sync] cannot read password_file {self.password_file}: "
                    f"{getattr(error, 'strerror', None) or error}"
                ) from error
        else:
            text = _run(self.password_command)
        password = text.splitlines()[0] if text.strip() else ""
        if not password:
            raise ConfigError("[sync] the password is empty")
        return password


def _run(argv: tuple[str, ...]) -> str:
    try:
        done = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ConfigError(f"[sync] password_command {argv[0]!r} failed: {error}") from error
    if done.returncode != 0:
        raise ConfigError(f"[sync] password_command {argv[0]!r} exited with {done.returncode}")
    return done.stdout


def sync_config(config: dict[str, Any]) -> SyncConfig | None:
    """The [sync] section, checked; None when there is none."""
    section = config.get("sync")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError("[sync] must be a table")
    unknown = set(section) - {"kind", "url", "user", "password_file", "password_command"}
    if unknown:
        raise ConfigError(f"[sync] unknown key(s): {', '.join(sorted(unknown))}")
    kind = section.get("kind", "fever")
    if kind not in KINDS:
        raise ConfigError(f"[sync] kind = {kind!r} is not supported (supported: fever)")
    url, user = section.get("url"), section.get("user")
    if (
        not isinstance(url, str)
        or urlsplit(url).scheme not in ("http", "https")
        or not urlsplit(url).hostname
    ):
        raise ConfigError("[sync] url must be the server's http:// or https:// API address")
    if not isinstance(user, str) or not user:
        raise ConfigError("[sync] user must be the account's user name (or e-mail)")
    file, command = section.get("password_file"), section.get("password_command")
    if (file is None) == (command is None):
        raise ConfigError("[sync] needs exactly one of password_file and password_command")
    if file is not None:
        if not isinstance(file, str) or not file:
            raise ConfigError("[sync] password_file must be a path")
        return SyncConfig(kind, url, user, password_file=Path(file).expanduser())
    argv = shlex.split(command) if isinstance(command, str) else command
    if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
        raise ConfigError("[sync] password_command must be a command (a string or a list)")
    return SyncConfig(kind, url, user, password_command=tuple(argv))
