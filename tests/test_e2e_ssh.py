"""The app over a real SSH session: sshd on 127.0.0.1, ssh -t from a tmux terminal."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.tmux_session import Tmux, newsreader_command

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
# "صدى", the first word of seed 000's body, as a terminal without bidi must show it: shaped
# (sad initial U+FEBB, dal final U+FEAA, alef maksura isolated, sent as its letter U+0649
# with a space beside it: reader/bidi/nominal.py), drawn right to left.
SADA = "\u0649\ufeaa\ufebb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def sshd(tmp_path: Path) -> tuple[int, Path]:
    if not Path(SSHD).exists() or shutil.which("ssh") is None:
        raise AssertionError("sshd/ssh missing: apt-get install openssh-server openssh-client")
    keys = tmp_path / "ssh"
    keys.mkdir(mode=0o700)
    for name in ("host", "client"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True
        )
    (keys / "authorized_keys").write_text((keys / "client.pub").read_text())
    port = free_port()
    config = keys / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\nPidFile {keys / 'sshd.pid'}\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
        "StrictModes no\nPermitRootLogin yes\nPrintMotd no\nAcceptEnv LANG LC_*\n"
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    server = subprocess.Popen(
        [SSHD, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        if server.poll() is not None:
            raise AssertionError(f"sshd did not start: {server.stderr.read()}")
        time.sleep(0.1)
    yield port, keys / "client"
    server.terminate()
    server.wait(timeout=10)


def test_app_over_ssh(sshd: tuple[int, Path], tmp_path: Path) -> None:
    port, key = sshd
    remote = (
        f"env NEWSREADER_DB={tmp_path / 'db'} XDG_CONFIG_HOME={tmp_path / 'cfg'} "
        f"TERM=xterm-256color LANG=C.UTF-8 {newsreader_command()}"
    )
    ssh = (
        f"ssh -tt -p {port} -i {key} -o StrictHostKeyChecking=no "
        f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "
        f"{getpass.getuser()}@127.0.0.1 '{remote}'; echo EXITED $?"
    )
    tmux = Tmux(100, 30, {"TERM": "xterm-256color"})
    try:
        tmux.type(ssh)
        tmux.send("Enter")
        before = "\n".join(tmux.wait_for("13:49", timeout=60))
        assert SADA not in before  # only the article's body has it, not the ticker
        tmux.send("Enter")
        tmux.wait_for(SADA)  # the article pane shows seed 000's body
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()
