"""A Ctrl-C that lands while a worker or parse child is being started waits for the start
to finish: the child gets its whole handover and runs, and the command stops as usual.

Before, a SIGINT between the forkserver's fork and this process writing the child its
process object left the child reading a pipe that closed early: "EOFError: Ran out of
input" and a traceback in the command's stderr (the Ctrl-C test of an import caught it now
and then, under load). The probe lands the SIGINT exactly there, every time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PROBE = """
import signal, sys
from multiprocessing import forkserver
from pathlib import Path
from reader.library.processes import CONTEXT

connect = forkserver.connect_to_new_process

def connect_then_ctrl_c(fds):  # the fork is asked for; the handover is not written yet
    pipes = connect(fds)
    signal.raise_signal(signal.SIGINT)
    return pipes

forkserver.connect_to_new_process = connect_then_ctrl_c
child = CONTEXT.Process(target=Path.write_text, args=(Path(sys.argv[1]), "ran"))
try:
    child.start()
    print("no KeyboardInterrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt after the start:", child.pid is not None)
child.join(30)
print("child exit code", child.exitcode)
"""


def test_ctrl_c_during_a_process_start_waits_for_the_start(tmp_path: Path) -> None:
    ran = tmp_path / "ran"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ran)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.stdout.splitlines() == [
        "KeyboardInterrupt after the start: True",
        "child exit code 0",
    ], done.stdout + done.stderr
    assert ran.read_text() == "ran"  # the child got its whole process object and ran it
    assert "Traceback" not in done.stderr and "EOFError" not in done.stderr, done.stderr
