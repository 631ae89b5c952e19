"""Hostile files and kills against `newsreader import` (issue 15); one command:

    .venv/bin/python benchmarks/bench_hostile.py [--kills 50] [--pages 300]

1. A directory of hostile files (escape sequences and bidi overrides in names, undecodable
   names, comment floods, legacy code pages, surrogates, broken feeds, XML bombs, binary
   junk, one enormous line) beside ordinary pages is imported in a subprocess: it must end
   within 120 s with status 0, no traceback, nothing raw on the terminal (no ESC, C1 or bidi
   override in its output), every ordinary page stored.
2. `import` of --pages new generated pages is SIGKILLed at a random moment, --kills rounds,
   into one database; after every kill the database must still open and hold at least what
   it held before (committed data is never lost); a last import must store every page.
Prints the figures the README's "Reliability" section quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UTF16_RSS = "<rss version='2.0'><channel><item><title>خبر</title></item></channel></rss>"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def newsreader(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
    )


def page(number: int) -> bytes:
    return (
        f"عنوان الخبر رقم {number}\n18 فبراير 2021\nصدى الاعلام – نص الخبر رقم {number}.\n"
        f"فقرة ثانية من الخبر {number} فيها بعض الكلمات.\n"
    ).encode()


def hostile_files(directory: Path) -> int:
    """Writes the hostile files; returns how many."""
    raw = os.fsencode(directory)
    names = [
        b"\x1b]0;pwned\x07.txt",
        b"\x1b]52;c;ZXZpbA==\x07.txt",
        b"\x1b[2J\x1b[Hlogin: .txt",
        "\u202etxt.exe".encode(),
        "\x9b31m\x9d0;t\x9c.txt".encode(),
        b"\xff\xfe\xd8-undecodable.txt",
        b"new\nline.txt",
        b"x" * 200 + b".txt",
    ]
    for number, name in enumerate(names):
        with open(os.path.join(raw, name), "wb") as handle:
            handle.write(page(1000 + number))
    bodies: dict[str, bytes] = {
        "comments40.html": b"<!--a-->" * 40 + b"<html>",
        "comments-page.html": b"<!DOCTYPE html>\n" + b"<!-- comment line -->\n" * 400 + b"<p>x",
        "cp1256.txt": "عاجل: خبر بترميز ويندوز\nنص الخبر هنا.\n".encode("windows-1256"),
        "iso-8859-6.txt": "عاجل: خبر بترميز إيزو\nنص \x98 الخبر هنا.\n".encode(
            "iso-8859-6", "replace"
        ),
        "surrogates.json": (
            b'{"version": "https://jsonfeed.org/version/1.1", "title": "\\ud800",'
            b' "items": [{"id": "1", "title": "\\udfff"}, {"id": "2", "title": "ok",'
            b' "url": "http://[x"}, {"id": "3", "title": "\\u001b]0;t\\u0007"}]}'
        ),
        "removed-title.xml": (
            b"<rss version='2.0'><channel><title>t</title><item><title>&#x202E;</title></item>"
            b"<item><title>good</title><guid>g</guid></item></channel></rss>"
        ),
        "billion-laughs.xml": (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(
                f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
                for i in range(9)
            )
            + b']><rss version="2.0"><channel><title>&j;</title></channel></rss>'
        ),
        "xxe.xml": (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<rss version="2.0"><channel><title>&x;</title></channel></rss>'
        ),
        "opml-controls.opml": (
            b'<opml version="2.0"><body><outline text="\xc2\x9b" xmlUrl="http://a.example/'
            b'&#x9b;2J"/><outline xmlUrl="http://b.example/&#x202e;x"/></body></opml>'
        ),
        "binary.bin": bytes(random.Random(1).randrange(256) for _ in range(50_000)),
        "nul.txt": b"\x00" * 10_000,
        "empty.txt": b"",
        "bom.txt": b"\xef\xbb\xbf",
        "utf16.xml": UTF16_RSS.encode("utf-16"),
        "long-line.txt": "عنوان\n".encode() + "كلمة ".encode() * 1_000_000,
        "escapes.txt": (
            "عنوان \x1b]0;t\x07 مع \x98 هروب\n\x1b[2J نص \x1bP بلا نهاية\n\ud800".encode(
                "utf-8", "surrogatepass"
            )
        ),
        "surrogate-reference.xml": (
            b"<rss version='2.0'><channel><title>t</title><item><title>bad &#xd800;</title>"
            b"<guid>s1</guid></item><item><title>good</title><guid>s2</guid></item></channel></rss>"
        ),
        "broken.xml": b"<rss version='2.0'><channel><item><title>\xff\xfe<",
    }
    for name, data in bodies.items():
        (directory / name).write_bytes(data)
    return len(names) + len(bodies)


def hostile_import(work: Path) -> dict[str, object]:
    files = work / "hostile"
    files.mkdir()
    count = hostile_files(files)
    ordinary = 30
    for number in range(ordinary):
        (files / f"page{number:03}.txt").write_bytes(page(number))
    db = work / "db-hostile"
    started = time.perf_counter()
    done = newsreader(db, "import", str(files))
    seconds = time.perf_counter() - started
    stored = json.loads(newsreader(db, "list", "--json").stdout)
    titles = {a["title"] for a in stored}
    missing: list[object] = [n for n in range(ordinary) if f"عنوان الخبر رقم {n}" not in titles]
    # what the hostile files must still give: the good items beside bad ones, legacy pages
    missing += sorted({"ok", "good", "عاجل: خبر بترميز ويندوز", "عاجل: خبر بترميز إيزو"} - titles)
    problems = []
    if done.returncode != 0:
        problems.append(f"exit status {done.returncode}")
    if "Traceback" in done.stderr:
        problems.append("traceback: " + done.stderr[-500:])
    if RAW.search(done.stdout + done.stderr):
        problems.append(f"raw control: {RAW.search(done.stdout + done.stderr)!r}")
    if missing:
        problems.append(f"lost: {missing}")
    return {"hostile files": count, "seconds": round(seconds, 1), "problems": problems}


def kills(work: Path, rounds: int, pages: int) -> dict[str, object]:
    """Each round imports new pages (so every kill lands in a run that writes) and is
    killed at a random moment; then everything is imported again to the end."""
    db = work / "db-kills"
    rng = random.Random(15)
    held, problems, killed = 0, [], 0
    directories = []
    for round_ in range(rounds):
        files = work / f"pages{round_:03}"
        files.mkdir()
        for number in range(pages):
            (files / f"p{number:05}.txt").write_bytes(page(round_ * pages + number))
        directories.append(str(files))
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "--db", str(db), "import", str(files)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 2.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        listed = newsreader(db, "list", "--json")
        if listed.returncode != 0:
            problems.append(f"database unreadable after a kill: {listed.stderr[-300:]}")
            break
        now = len(json.loads(listed.stdout))
        if now < held:
            problems.append(f"lost committed articles: {held} -> {now}")
        held = max(held, now)
    if not directories:
        return {"kills": 0, "rounds": 0, "problems": problems}
    final = newsreader(db, "import", *directories, timeout=1200)
    total = len(json.loads(newsreader(db, "list", "--json").stdout))
    if final.returncode != 0 or total < rounds * pages:
        problems.append(f"final import: status {final.returncode}, {total} stored")
    return {
        "kills": killed,
        "rounds": rounds,
        "pages": rounds * pages,
        "stored": total,
        "problems": problems,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--pages", type=int, default=100, help="new pages per round")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        first = hostile_import(work)
        print(f"hostile import: {first}")
        second = kills(work, args.kills, args.pages)
        print(f"kills of import: {second}")
    return 1 if first["problems"] or second["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
