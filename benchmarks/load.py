"""Load benchmark (not a test): Gezien under many concurrent visitors, against a floor.

    ./run bench                      # SQLite, then PostgreSQL; 50 users; results in benchmarks/results/
    ./run bench --users 20 --seconds 10 --databases sqlite

For each database it starts Gezien the way an operator does (`gezien serve`, the production
server) with a fresh data folder (and, for PostgreSQL, a throwaway server started with the
machine's initdb/pg_ctl), creates accounts with a year of data, and then runs three phases
against the same server:

1. floor: every user requests /livez (no database, no template) as fast as it can;
2. library: every user reads library pages;
3. mix: logged-in users do what people do (read, search, take a questionnaire, look at a
   history chart, write and autosave a journal entry, look at patterns).

It reports p50/p95/p99 latency per page, throughput and errors, and the library's
throughput as a share of the floor, in benchmarks/results/load.json and load.md."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PASSPHRASE = "lamp rivier brood herfst"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder, from the machine's initdb and pg_ctl."""

    def __init__(self) -> None:
        found = shutil.which("initdb") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)), None)
        if not found:
            raise SystemExit("PostgreSQL's initdb was not found; install postgresql or use --databases sqlite")
        self.bin = Path(found).parent
        self.dir = Path(tempfile.mkdtemp(prefix="gezien-bench-pg-"))
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self.user = "postgres"
            shutil.chown(self.dir, user="postgres")

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True)

    def start(self) -> str:
        self._run(self.bin / "initdb", "-D", self.dir / "data", "-U", "gezien", "-A", "trust", "-E", "UTF8", "--no-locale")
        self._run(self.bin / "pg_ctl", "-D", self.dir / "data", "-l", self.dir / "log", "-w", "-o",
                  f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=300", "start")
        self._run(self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "gezien", "gezien")
        return f"postgres://gezien@127.0.0.1:{self.port}/gezien"

    def stop(self) -> None:
        try:
            self._run(self.bin / "pg_ctl", "-D", self.dir / "data", "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class Gezien:
    def __init__(self, database_url: str | None, workers: int) -> None:
        self.data_dir = tempfile.mkdtemp(prefix="gezien-bench-")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"}
        self.env["GEZIEN_DATA_DIR"] = self.data_dir
        if database_url:
            self.env["GEZIEN_DATABASE_URL"] = database_url
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.process: subprocess.Popen | None = None

    def seed(self, accounts: int) -> None:
        subprocess.run([sys.executable, "-m", "gezien", "manage", "migrate", "-v0"], env=self.env, check=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "seed.py"), str(accounts)], env=self.env, check=True)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gezien", "serve", "--port", str(self.port), "--workers", str(self.workers)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gezien serve did not start")

    def stop(self) -> None:
        if self.process:
            self.process.send_signal(2)
            self.process.wait(timeout=30)
        shutil.rmtree(self.data_dir, ignore_errors=True)


@dataclass
class Recorder:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    async def call(self, name: str, client: httpx.AsyncClient, method: str, url: str, **kwargs) -> httpx.Response | None:
        start = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)
        except httpx.HTTPError:
            self.errors[name] += 1
            return None
        self.latencies[name].append((time.perf_counter() - start) * 1000)
        if response.status_code >= 400:
            self.errors[name] += 1
        return response

    def summary(self, seconds: float) -> dict:
        pages = {}
        for name, values in sorted(self.latencies.items()):
            ordered = sorted(values)
            pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
            pages[name] = {
                "requests": len(values), "errors": self.errors.get(name, 0),
                "p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(pick(0.95), 1),
                "p99_ms": round(pick(0.99), 1), "per_second": round(len(values) / seconds, 1),
            }
        total = sum(len(v) for v in self.latencies.values())
        errors = sum(self.errors.values())
        return {"pages": pages, "requests": total, "errors": errors, "per_second": round(total / seconds, 1),
                "error_rate": round(errors / max(total + errors, 1), 4)}


async def _run_users(users: int, seconds: float, user_loop) -> None:
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async def one(index: int) -> None:
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            await user_loop(index, client, stop_at)
    await asyncio.gather(*(one(i) for i in range(users)))


def _token(response: httpx.Response | None) -> str:
    match = TOKEN.search(response.text) if response is not None else None
    return match.group(1) if match else ""


async def _post_form(recorder: Recorder, name: str, client, url: str, data: dict) -> httpx.Response | None:
    page = await client.get(url)
    return await recorder.call(name, client, "POST", url, data={"csrfmiddlewaretoken": _token(page), **data},
                               headers={"Referer": url})


def run_phase(base: str, users: int, seconds: float, scenario) -> dict:
    recorder = Recorder()

    async def loop(index: int, client: httpx.AsyncClient, stop_at: float) -> None:
        state = await scenario.prepare(base, index, client, recorder)
        while time.monotonic() < stop_at:
            await scenario.step(base, client, recorder, state)

    started = time.monotonic()
    asyncio.run(_run_users(users, seconds, loop))
    return recorder.summary(time.monotonic() - started)


class Floor:
    async def prepare(self, base, index, client, recorder):
        return None

    async def step(self, base, client, recorder, state):
        await recorder.call("floor /livez", client, "GET", f"{base}/livez")


class Library:
    pages = ["emotionele-verwaarlozing", "vijf-vormen", "signalen-volwassenen", "late-gevolgen",
             "behandelingen", "voor-partners", "veelgestelde-vragen", "herstel-en-zelfhulp"]

    async def prepare(self, base, index, client, recorder):
        return random.Random(index)

    async def step(self, base, client, recorder, rng):
        await recorder.call("library page", client, "GET", f"{base}/bibliotheek/{rng.choice(self.pages)}/")


class Mix:
    """What logged-in people do; the steps come from benchmarks/scenarios.py."""

    def __init__(self) -> None:
        from benchmarks import scenarios

        self.steps = scenarios.STEPS

    async def prepare(self, base, index, client, recorder):
        response = await _post_form(recorder, "login", client, f"{base}/account/inloggen/",
                                    {"username": f"persoon{index}", "passphrase": PASSPHRASE})
        return {"rng": random.Random(index), "index": index}

    async def step(self, base, client, recorder, state):
        name, weight, action = state["rng"].choices(self.steps, weights=[s[1] for s in self.steps])[0]
        await action(base, client, recorder, state)


def _markdown(results: dict) -> str:
    lines = ["# Load benchmark", "", f"Run {results['started']}, {results['users']} users, "
             f"{results['seconds']} s per phase, {results['workers']} workers, {os.cpu_count()} cores.", ""]
    for database, outcome in results["databases"].items():
        lines += [f"## {database}", "",
                  f"Floor (/livez): {outcome['floor']['per_second']} requests/s. "
                  f"Library pages: {outcome['library']['per_second']} requests/s = "
                  f"**{outcome['library_floor_ratio']:.0%} of the floor**.", "",
                  "| page | requests | errors | p50 ms | p95 ms | p99 ms | per s |", "|---|---|---|---|---|---|---|"]
        for phase in ("floor", "library", "mix"):
            for name, page in outcome[phase]["pages"].items():
                lines.append(f"| {name} | {page['requests']} | {page['errors']} | {page['p50_ms']} | "
                             f"{page['p95_ms']} | {page['p99_ms']} | {page['per_second']} |")
        lines += ["", f"Mix: {outcome['mix']['per_second']} requests/s, error rate {outcome['mix']['error_rate']:.2%}.", ""]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    results = {"started": time.strftime("%Y-%m-%d %H:%M"), "users": args.users, "seconds": args.seconds,
               "workers": args.workers, "databases": {}}
    for database in args.databases.split(","):
        postgres = ThrowawayPostgres() if database == "postgres" else None
        url = postgres.start() if postgres else None
        gezien = Gezien(url, args.workers)
        try:
            print(f"[{database}] seeding {args.accounts} accounts with a year of data…", flush=True)
            gezien.seed(max(args.accounts, args.users))
            gezien.start()
            outcome = {}
            for phase, scenario in (("floor", Floor()), ("library", Library()), ("mix", Mix())):
                print(f"[{database}] {phase}: {args.users} users for {args.seconds:.0f} s", flush=True)
                outcome[phase] = run_phase(gezien.url, args.users, args.seconds, scenario)
            outcome["library_floor_ratio"] = outcome["library"]["per_second"] / max(outcome["floor"]["per_second"], 0.1)
            results["databases"][database] = outcome
        finally:
            gezien.stop()
            if postgres:
                postgres.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "load.md").write_text(_markdown(results))
    print(_markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
