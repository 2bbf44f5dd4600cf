"""Load benchmark (not a test): Gezien under many concurrent visitors, against a floor.

    ./run bench          # SQLite, then PostgreSQL; 50 users; results in benchmarks/results/
    ./run bench --users 20 --seconds 10 --mix-seconds 30 --databases sqlite

For each database it starts Gezien the way an operator does (`gezien serve`, the production
server) with a fresh data folder (and, for PostgreSQL, a throwaway server started with the
machine's initdb/pg_ctl), creates accounts with a year of data, and then runs four phases
against the same server:

1. floor: every user requests /livez (no database, no template) as fast as it can;
2. library: every user reads library pages;
3. mix: logged-in people do what people do (read, search, take a questionnaire, look at a
   history chart, write and autosave a journal entry, look at patterns), pausing 5–15 s
   between steps (reading a page or writing an entry takes longer than that, so this is a
   busy moment for 50 people; `--think 1,3` makes it much busier);
4. capacity: the same mix without pauses, to measure what the server can do per core.

People log in before the clock of a phase starts (logins are slow on purpose: Argon2id).
It reports p50/p95/p99 latency per page, throughput and errors, and the library's
throughput as a share of the floor, in benchmarks/results/load.json and load.md."""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import random
import re
import shutil
import signal
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
        found = shutil.which("initdb") or next(
            iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)), None
        )
        if not found:
            raise SystemExit(
                "PostgreSQL's initdb was not found; install postgresql or use --databases sqlite"
            )
        self.bin = Path(found).resolve().parent  # /usr/local/bin may hold only a link to initdb
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
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")

    def start(self) -> str:
        self._run(
            self.bin / "initdb",
            "-D",
            self.dir / "data",
            "-U",
            "gezien",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.dir / "data",
            "-l",
            self.dir / "log",
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=300",
            "start",
        )
        self._run(
            self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "gezien", "gezien"
        )
        return f"postgres://gezien@127.0.0.1:{self.port}/gezien"

    def pid(self) -> int:
        return int((self.dir / "data" / "postmaster.pid").read_text().split()[0])

    def stop(self) -> None:
        try:
            self._run(self.bin / "pg_ctl", "-D", self.dir / "data", "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class Gezien:
    def __init__(self, database_url: str | None, workers: int) -> None:
        self.data_dir = tempfile.mkdtemp(prefix="gezien-bench-")
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"
        }
        self.env["GEZIEN_DATA_DIR"] = self.data_dir
        if database_url:
            self.env["GEZIEN_DATABASE_URL"] = database_url
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.process: subprocess.Popen | None = None

    def seed(self, accounts: int) -> None:
        subprocess.run(
            [sys.executable, "-m", "gezien", "manage", "migrate", "-v0"], env=self.env, check=True
        )
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "seed.py"), str(accounts)],
            env=self.env,
            check=True,
        )

    def start(self, log: Path) -> None:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w") as out:  # the server's warnings and errors, to read after a run
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gezien",
                    "serve",
                    "--port",
                    str(self.port),
                    "--workers",
                    str(self.workers),
                ],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
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
            self.process.send_signal(signal.SIGINT)
            self.process.wait(timeout=30)
        shutil.rmtree(self.data_dir, ignore_errors=True)


def _quantile(ordered: list[float], q: float) -> float:
    """The value at quantile `q` of sorted values (nearest rank, no interpolation)."""
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Recorder:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kinds: dict[str, int] = field(
        default_factory=lambda: defaultdict(int)
    )  # "page: what went wrong"

    def failed(self, name: str, what: str) -> None:
        self.errors[name] += 1
        self.kinds[f"{name}: {what}"] += 1

    async def call(
        self, name: str, client: httpx.AsyncClient, method: str, url: str, **kwargs
    ) -> httpx.Response | None:
        start = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            self.failed(name, type(error).__name__)
            return None
        self.latencies[name].append((time.perf_counter() - start) * 1000)
        # A page that answers with a redirect (to the login page) was not served: an error.
        if response.status_code >= 400 or (method == "GET" and response.status_code != 200):
            self.failed(name, f"HTTP {response.status_code}")
        return response

    def summary(self, seconds: float) -> dict:
        pages = {}
        for name, values in sorted(self.latencies.items()):
            ordered = sorted(values)
            pages[name] = {
                "requests": len(values),
                "errors": self.errors.get(name, 0),
                "p50_ms": round(statistics.median(ordered), 1),
                "p95_ms": round(_quantile(ordered, 0.95), 1),
                "p99_ms": round(_quantile(ordered, 0.99), 1),
                "per_second": round(len(values) / seconds, 1),
            }
        total = sum(len(v) for v in self.latencies.values())
        errors = sum(self.errors.values())
        return {
            "pages": pages,
            "requests": total,
            "errors": errors,
            "per_second": round(total / seconds, 1),
            "seconds": round(seconds, 1),
            "error_kinds": dict(self.kinds),
            "error_rate": round(errors / max(total + errors, 1), 4),
        }


async def _run_users(
    users: int, seconds: float, scenario, base: str, recorder: Recorder, logins: Recorder, meter
) -> tuple[float, dict[str, float]]:
    """Every user prepares (logs in) first; the clock starts when all are ready, so a burst
    of logins does not count towards the pages. Returns the measured seconds and the CPU
    seconds each part used meanwhile (see `cpu_seconds`)."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.AsyncClient(timeout=30, limits=limits) for _ in range(users)]
    try:
        states = await asyncio.gather(
            *(scenario.prepare(base, i, c, logins) for i, c in enumerate(clients))
        )
        started, cpu_before = time.monotonic(), meter()
        stop_at = started + seconds

        async def one(client: httpx.AsyncClient, state) -> None:
            while time.monotonic() < stop_at:
                await scenario.step(base, client, recorder, state)

        await asyncio.gather(*(one(c, s) for c, s in zip(clients, states, strict=True)))
        cpu_after = meter()
        return time.monotonic() - started, {
            part: cpu_after[part] - cpu_before[part] for part in cpu_after
        }
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


def _token(response: httpx.Response | None) -> str:
    match = TOKEN.search(response.text) if response is not None else None
    return match.group(1) if match else ""


async def _post_form(
    recorder: Recorder, name: str, client, url: str, data: dict
) -> httpx.Response | None:
    page = await recorder.call(f"{name} form", client, "GET", url)
    if page is None:
        return None
    return await recorder.call(
        name,
        client,
        "POST",
        url,
        data={"csrfmiddlewaretoken": _token(page), **data},
        headers={"Referer": url},
    )


def process_cpu_seconds(root: int | None) -> float:
    """CPU seconds used so far by process `root` and its children (a server's workers, or
    PostgreSQL's backends), from /proc."""
    if root is None:
        return 0.0
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(stat.parent.name) == root or int(fields[1]) == root:
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_seconds(gezien_pid: int, database_pid: int | None) -> dict[str, float]:
    """CPU seconds so far of Gezien, the database server and this load generator."""
    return {
        "gezien": process_cpu_seconds(gezien_pid),
        "database": process_cpu_seconds(database_pid),
        "load generator": time.process_time(),
    }


def run_phase(base: str, users: int, seconds: float, scenario, meter) -> dict:
    recorder, logins = Recorder(), Recorder()
    measured, cpu = asyncio.run(_run_users(users, seconds, scenario, base, recorder, logins, meter))
    outcome = recorder.summary(measured)
    outcome["cpu_seconds"] = {part: round(used, 2) for part, used in cpu.items()}
    # What one request costs the server (and the database), whatever else shares the cores.
    outcome["server_cpu_ms_per_request"] = round(
        1000 * (cpu["gezien"] + cpu["database"]) / max(outcome["requests"], 1), 2
    )
    if logins.latencies:
        outcome["logins"] = logins.summary(measured)["pages"].get("login")
    return outcome


class Floor:
    async def prepare(self, base, index, client, recorder):
        return None

    async def step(self, base, client, recorder, state):
        await recorder.call("floor /livez", client, "GET", f"{base}/livez")


class Library:
    def __init__(self) -> None:
        from benchmarks import scenarios

        self.read = scenarios.library_page

    async def prepare(self, base, index, client, recorder):
        return {"rng": random.Random(index)}

    async def step(self, base, client, recorder, state):
        await self.read(base, client, recorder, state)


class Mix:
    """What logged-in people do; the steps come from benchmarks/scenarios.py. With `think`
    (seconds, low and high) each person pauses between steps, as people read and type;
    without, every person clicks on at once, which measures how much the server can do."""

    def __init__(self, think: tuple[float, float] | None) -> None:
        from benchmarks import scenarios

        self.steps = scenarios.STEPS
        self.think = think

    async def prepare(self, base, index, client, recorder):
        response = await _post_form(
            recorder,
            "login",
            client,
            f"{base}/account/inloggen/",
            {"username": f"persoon{index}", "passphrase": PASSPHRASE},
        )
        if (
            response is None
            or response.status_code != 302
            or "inloggen" in response.headers.get("location", "")
        ):
            recorder.failed("login", "not logged in")
        return {"rng": random.Random(index), "index": index}

    async def step(self, base, client, recorder, state):
        # The pause comes first, so that 50 people do not all click at the same moment
        # when the clock starts.
        if self.think:
            await asyncio.sleep(state["rng"].uniform(*self.think))
        name, weight, action = state["rng"].choices(self.steps, weights=[s[1] for s in self.steps])[
            0
        ]
        await action(base, client, recorder, state)


PHASES = ("floor", "library", "mix", "capacity")
PHASE_TITLES = {
    "floor": "Floor: /livez, no database, no template; every user asks again at once",
    "library": "Library pages; every user asks again at once",
    "mix": "Logged-in mix; every person pauses {think} s between steps",
    "capacity": "Logged-in mix without pauses: what the server can do",
}


def _markdown(results: dict) -> str:
    think = "–".join(f"{t:g}" for t in results["think"])
    lines = [
        "# Load benchmark",
        "",
        f"Run {results['started']}: {results['users']} users, "
        f"{results['seconds']:g} s per phase "
        f"({results['mix_seconds']:g} s for the mix with pauses), "
        f"`gezien serve` with {results['workers']} workers, "
        f"{results['cores']} cores shared with the load generator.",
        "",
    ]
    for database, outcome in results["databases"].items():
        lines += [f"## {database}", ""]
        if "floor" in outcome:
            lines.append(
                f"- Floor: {outcome['floor']['per_second']} requests/s "
                f"({outcome['floor']['server_cpu_ms_per_request']} ms server CPU per request)."
            )
        if "library_floor_ratio" in outcome:
            lines.append(
                f"- Library pages: {outcome['library']['per_second']} requests/s, "
                f"**{outcome['library_floor_ratio']:.0%} of the floor** "
                f"({outcome['library']['server_cpu_ms_per_request']} ms server CPU per request)."
            )
        if "mix" in outcome:
            lines.append(
                f"- Mix with pauses: {outcome['mix']['per_second']} requests/s, "
                f"{outcome['mix']['errors']} errors ({outcome['mix']['error_rate']:.2%}); "
                f"slowest p95 outside login: {outcome['slowest_p95_ms']} ms "
                f"({outcome['slowest_page']})."
            )
        if "capacity" in outcome:
            cpu = outcome["capacity"]["cpu_seconds"]
            lines.append(
                f"- Capacity: {outcome['capacity']['per_second']} requests/s of the mix with the "
                f"load generator on the same cores ({cpu['load generator']:.0f} CPU s of "
                f"{outcome['capacity']['seconds']:.0f} s). One request of the mix costs "
                f"{outcome['capacity']['server_cpu_ms_per_request']} ms CPU "
                f"(Gezien {cpu['gezien']:.0f} s + database {cpu['database']:.0f} s), so **one core "
                f"serves about {outcome['capacity_per_core']:.0f} requests/s** of the mix."
            )
        lines.append("")
        if outcome.get("mix", {}).get("logins"):
            login = outcome["mix"]["logins"]
            lines += [
                f"Logins before the clock started: {login['requests']}, p50 {login['p50_ms']} ms, "
                f"p95 {login['p95_ms']} ms, {login['errors']} errors.",
                "",
            ]
        for phase in [p for p in PHASES if p in outcome]:
            lines += [
                f"### {PHASE_TITLES[phase].format(think=think)}",
                "",
                "| page | requests | errors | p50 ms | p95 ms | p99 ms | per s |",
                "|---|--:|--:|--:|--:|--:|--:|",
            ]
            for name, page in outcome[phase]["pages"].items():
                lines.append(
                    f"| {name} | {page['requests']} | {page['errors']} | {page['p50_ms']} | "
                    f"{page['p95_ms']} | {page['p99_ms']} | {page['per_second']} |"
                )
            lines.append("")
            if outcome[phase]["error_kinds"]:
                kinds = ", ".join(
                    f"{kind} ×{n}" for kind, n in sorted(outcome[phase]["error_kinds"].items())
                )
                lines += [f"Errors: {kinds}.", ""]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument(
        "--mix-seconds",
        type=float,
        default=120,
        help="length of the mix with pauses (long enough for a p95 of every page)",
    )
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument(
        "--think",
        default="5,15",
        help="pause between a person's steps in the mix, seconds: LOW,HIGH",
    )
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument(
        "--phases", default=",".join(PHASES), help="a subset of " + ",".join(PHASES)
    )
    args = parser.parse_args()
    phases = [p for p in PHASES if p in args.phases.split(",")]
    think = tuple(float(t) for t in args.think.split(","))
    sys.path.insert(0, str(ROOT))
    cores = os.cpu_count() or 1
    results = {
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "users": args.users,
        "seconds": args.seconds,
        "mix_seconds": args.mix_seconds,
        "workers": args.workers,
        "think": think,
        "cores": cores,
        "databases": {},
    }
    for database in args.databases.split(","):
        postgres = ThrowawayPostgres() if database == "postgres" else None
        url = postgres.start() if postgres else None
        gezien = Gezien(url, args.workers)
        try:
            print(
                f"[{database}] seeding {max(args.accounts, args.users)} accounts "
                "with a year of data…",
                flush=True,
            )
            gezien.seed(max(args.accounts, args.users))
            gezien.start(RESULTS / f"server-{database}.log")
            meter = functools.partial(
                cpu_seconds, gezien.process.pid, postgres.pid() if postgres else None
            )

            outcome = {}
            scenarios = {
                "floor": Floor(),
                "library": Library(),
                "mix": Mix(think),
                "capacity": Mix(None),
            }
            for phase in phases:
                seconds = args.mix_seconds if phase == "mix" else args.seconds
                print(f"[{database}] {phase}: {args.users} users for {seconds:g} s", flush=True)
                outcome[phase] = run_phase(gezien.url, args.users, seconds, scenarios[phase], meter)
            if "floor" in outcome and "library" in outcome:
                outcome["library_floor_ratio"] = round(
                    outcome["library"]["per_second"] / max(outcome["floor"]["per_second"], 0.1), 3
                )
            if "capacity" in outcome:
                outcome["capacity_per_core"] = round(
                    1000 / max(outcome["capacity"]["server_cpu_ms_per_request"], 0.01), 1
                )
            if "mix" in outcome:
                slowest = max(outcome["mix"]["pages"].items(), key=lambda item: item[1]["p95_ms"])
                outcome["slowest_page"], outcome["slowest_p95_ms"] = (
                    slowest[0],
                    slowest[1]["p95_ms"],
                )
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
