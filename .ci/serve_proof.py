"""The README's first command, proven: `./run serve` on a free port serves the Dutch home page
(200, `<html lang="nl">`) and stops cleanly on Ctrl-C (SIGINT, exit status 0).

Usage: python3 .ci/serve_proof.py LOG  (run from the root of a fresh clone; stdlib only)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

INSTALL_AND_START = 20 * 60  # seconds: a cold install downloads about 60 MB
STOP = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def home_page(url: str) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except OSError:
        return None


def main(log_path: str) -> int:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    started = time.monotonic()
    with open(log_path, "w") as log:
        server = subprocess.Popen(["./run", "serve", "--port", str(port)], stdout=log, stderr=log)
        answer = None
        while time.monotonic() - started < INSTALL_AND_START and server.poll() is None:
            answer = home_page(url)
            if answer is not None:
                break
            time.sleep(1)
        if answer is None:
            server.kill()
            print(f"serve proof: no answer from {url} (exit status {server.poll()})")
            return 1
        print(f"serve proof: {url} answered after {time.monotonic() - started:.0f} s")
        status, html = answer
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(STOP)
        except subprocess.TimeoutExpired:
            server.kill()
            print(f"serve proof: still running {STOP} s after Ctrl-C")
            return 1
    problems = []
    if status != 200:
        problems.append(f"the home page answered {status}, not 200")
    if '<html lang="nl"' not in html:
        problems.append("the home page is not in Dutch")
    if code != 0:
        problems.append(f"exit status {code} after Ctrl-C, not 0")
    if "Traceback" in Path(log_path).read_text():
        problems.append("a traceback in the output")
    for problem in problems:
        print(f"serve proof: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
