"""Benchmark (not a test): the server's peak memory while many people log in at once.

    .venv/bin/python benchmarks/login_memory.py [--logins 50] [--source DIR]

Starts `gezien serve` with 2 workers of 8 threads (production Argon2id: 64 MiB, 3 passes)
with its own data folder and creates the accounts. Then every person opens the login page
and sends their passphrase at the same moment, each from an address of their own (one
proxy in front, so the per-client login limit counts each person separately). Meanwhile it
samples the memory of the server's process group every 10 ms and prints the resting and
peak figures (RSS summed over the processes, and PSS, which counts pages the workers share
only once), how long the logins took and how many succeeded.

`--source DIR` runs another checkout of Gezien (for example the previous commit, made with
`git worktree add /tmp/before HEAD~1`) with this interpreter, to compare before and after."""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import Server  # noqa: E402

PASSPHRASE = "lamp rivier brood herfst"


def _group_memory(pgid: int) -> tuple[int, int]:
    """RSS and PSS (KiB) summed over every process in the group."""
    rss = pss = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) != pgid:
                continue
            with open(f"/proc/{entry}/smaps_rollup") as rollup:
                text = rollup.read()
        except (OSError, ProcessLookupError):
            continue
        rss += int(re.search(r"^Rss:\s+(\d+)", text, re.M).group(1))
        pss += int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))
    return rss, pss


class Sampler(threading.Thread):
    def __init__(self, pgid: int) -> None:
        super().__init__(daemon=True)
        self.pgid, self.stop = pgid, threading.Event()
        self.peak_rss = self.peak_pss = 0

    def run(self) -> None:
        while not self.stop.is_set():
            rss, pss = _group_memory(self.pgid)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            time.sleep(0.01)


class Person(threading.Thread):
    def __init__(self, server: Server, number: int, go: threading.Barrier) -> None:
        super().__init__(daemon=True)
        self.server, self.number, self.go = server, number, go
        self.address = f"198.51.100.{number + 1}"
        self.client = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.seconds = 0.0
        self.logged_in = False

    def run(self) -> None:
        url = f"{self.server.url}/account/inloggen/"
        page = self.client.open(
            urllib.request.Request(url, headers={"X-Forwarded-For": self.address}), timeout=60
        )
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()
        ).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": f"persoon{self.number}",
                "passphrase": PASSPHRASE,
            }
        ).encode()
        request = urllib.request.Request(
            url, data=data, headers={"Referer": url, "X-Forwarded-For": self.address}
        )
        self.go.wait()
        start = time.perf_counter()
        with self.client.open(request, timeout=300) as response:
            self.logged_in = not response.geturl().endswith("/inloggen/")
        self.seconds = time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=50)
    parser.add_argument("--source", type=Path, help="another checkout of Gezien to run")
    args = parser.parse_args()

    server = Server()
    server.env["GEZIEN_PROXY_COUNT"] = "1"
    if args.source:
        server.env["PYTHONPATH"] = str(args.source.resolve() / "src")
    server.start()
    try:
        made = server.installation.python(
            "from gezien.accounts import services\n"
            f"for n in range({args.logins}):\n"
            f"    services.create_account(f'persoon{{n}}', {PASSPHRASE!r})\n"
        )
        assert made.returncode == 0, made.stderr
        pgid = os.getpgid(server.process.pid)
        time.sleep(2)
        resting_rss, resting_pss = _group_memory(pgid)
        go = threading.Barrier(args.logins)
        people = [Person(server, n, go) for n in range(args.logins)]
        sampler = Sampler(pgid)
        sampler.start()
        started = time.perf_counter()
        for person in people:
            person.start()
        for person in people:
            person.join()
        elapsed = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
    finally:
        server.stop()
    times = sorted(p.seconds for p in people)
    mib = 1024
    print(f"source: {args.source or ROOT}")
    print(
        f"{args.logins} logins at once: "
        f"{sum(p.logged_in for p in people)} logged in, all done in {elapsed:.1f} s "
        f"(per login median {statistics.median(times):.1f} s, slowest {times[-1]:.1f} s)"
    )
    print(f"memory at rest: RSS {resting_rss / mib:.0f} MiB, PSS {resting_pss / mib:.0f} MiB")
    peak_rss, peak_pss = sampler.peak_rss / mib, sampler.peak_pss / mib
    print(f"memory at peak: RSS {peak_rss:.0f} MiB, PSS {peak_pss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
