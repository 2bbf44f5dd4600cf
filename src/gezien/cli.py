"""The `gezien` command."""

from __future__ import annotations

import argparse
import json
import os
import sys

import django

from gezien.config import ConfigError
from gezien.lib.data import DataError
from gezien.measure.definitions import DefinitionError

# Django's deployment warnings that do not apply when Gezien serves plain HTTP on a
# private address; `gezien check` explains instead of repeating them.
TLS_ONLY_WARNINGS = {"security.W004", "security.W008", "security.W012", "security.W016"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gezien", description="Run and manage Gezien.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="start Gezien (a production web server)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    serve.add_argument(
        "--dev", action="store_true", help="development server with autoreload and DEBUG"
    )

    check = commands.add_parser("check", help="check the configuration, explained in plain words")
    check.add_argument(
        "--workers",
        type=int,
        default=2,
        help="the workers you start Gezien with (default 2), for the memory check",
    )

    score = commands.add_parser(
        "score",
        help="score one questionnaire: answers as JSON on standard input, the result as JSON",
    )
    score.add_argument("instrument", metavar="ID", help="questionnaire id, e.g. phq9")
    listing = commands.add_parser("instruments", help="list the questionnaires")
    listing.add_argument(
        "--json", action="store_true", help="every questionnaire with its items, options and bands"
    )

    backup = commands.add_parser("backup", help="write a consistent copy of the database to PATH")
    backup.add_argument("path")
    restore = commands.add_parser("restore", help="put a backup back (then migrate it)")
    restore.add_argument("path")
    restore.add_argument(
        "--replace", action="store_true", help="overwrite a database that has accounts"
    )

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Scoring needs only the definition files: no settings, no data folder, no database.
    if args.command in ("score", "instruments"):
        return _measure(args)
    # Everything Gezien writes (database, key, backups) is for this user only.
    os.umask(0o077)
    if args.command == "serve" and args.dev:
        os.environ["GEZIEN_DEV"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezien.settings")
    try:
        django.setup()
        if args.command == "serve":
            return _serve(args)
        if args.command == "check":
            return _check(args)
        if args.command in ("backup", "restore"):
            return _backup_or_restore(args)
        from django.core.management import execute_from_command_line

        execute_from_command_line(["gezien", *args.args])
        return 0
    except (ConfigError, DefinitionError, DataError) as error:
        print(f"gezien: {error}", file=sys.stderr)
        return 2


def _measure(args: argparse.Namespace) -> int:
    from gezien.measure import catalogue, commands

    try:
        instruments = catalogue.instruments()
    except DefinitionError as error:
        print(f"gezien: {error}", file=sys.stderr)
        return 1
    if args.command == "instruments":
        if args.json:
            print(json.dumps(commands.instruments_json(instruments), ensure_ascii=False, indent=2))
        else:
            for instrument in sorted(instruments.values(), key=lambda i: i.id):
                print(f"{instrument.id:<6} {instrument.short_name:<7} {instrument.full_name}")
        return 0
    try:
        output = commands.score_json(args.instrument, _read_answers(), instruments)
    except commands.InputError as error:
        print(f"gezien score: {error}", file=sys.stderr)
        return 2
    print(json.dumps(output, ensure_ascii=False))
    return 0


def _read_answers() -> str:
    """Standard input as text, read no further than the size limit."""
    from gezien.measure.commands import MAX_PAYLOAD_BYTES, InputError

    raw = sys.stdin.buffer.read(MAX_PAYLOAD_BYTES + 1)
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise InputError(
            f"the answers are larger than the limit of {MAX_PAYLOAD_BYTES} bytes (64 KB)"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the answers are not UTF-8 text") from None


def prepare() -> None:
    """Create or migrate the database and collect the static files."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def _serve(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print("gezien: --port must be between 1 and 65535", file=sys.stderr)
        return 2
    if not 1 <= args.workers <= 64:
        print("gezien: --workers must be between 1 and 64", file=sys.stderr)
        return 2
    prepare()
    from gezien.core.checks import login_memory
    from gezien.server import THREADS

    for warning in login_memory(args.workers, THREADS):
        print(f"warning {warning.id}: {warning.msg}\n    what to do: {warning.hint}", flush=True)
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Gezien runs at http://{shown_host}:{args.port}/  (stop with Ctrl-C)", flush=True)
    if args.dev:
        from django.core.management import call_command

        call_command("runserver", f"{shown_host}:{args.port}")
        return 0
    from gezien.server import run

    run(host=shown_host, port=args.port, workers=args.workers)
    return 0


def _backup_or_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from django.core.management import call_command

    from gezien.core import backup

    path = Path(args.path).expanduser()
    try:
        if args.command == "backup":
            backup.backup(path)
            print(f"Backup written to {path}")
        else:
            backup.restore(path, replace=args.replace)
            call_command("migrate", interactive=False, verbosity=0)
            print(f"Restored from {path}")
    except backup.BackupError as error:
        print(f"gezien: {error}", file=sys.stderr)
        return 2
    return 0


def _check(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.core.checks import ERROR, WARNING, run_checks
    from django.db import connections

    from gezien.core.checks import login_memory
    from gezien.server import THREADS

    messages = [
        m
        for m in run_checks(include_deployment_checks=True, databases=list(connections))
        if not m.is_silenced()
    ] + login_memory(args.workers, THREADS)
    if not settings.BEHIND_TLS:
        messages = [m for m in messages if m.id not in TLS_ONLY_WARNINGS]
        print(
            "Note: GEZIEN_BEHIND_TLS is off. That is fine on this machine only; on a network, "
            "put Gezien behind a proxy with HTTPS and set GEZIEN_BEHIND_TLS=true."
        )
    for message in messages:
        # Notes (Info) explain, for example each questionnaire's licence; they are not warnings.
        level = "note"
        if message.level >= WARNING:
            level = "error" if message.level >= ERROR else "warning"
        print(f"{level} {message.id}: {message.msg}")
        if message.hint:
            print(f"    {'what to do' if message.level >= WARNING else 'details'}: {message.hint}")
    errors = sum(1 for m in messages if m.level >= ERROR)
    warnings = sum(1 for m in messages if WARNING <= m.level < ERROR)
    print(f"{errors} error(s), {warnings} warning(s).")
    return 1 if errors else 0
