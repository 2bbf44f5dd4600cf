from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gezien.drafts import service


class Command(BaseCommand):
    help = "Delete drafts that were not saved for DAYS days (default 30), and old submit tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=30,
            help="keep drafts saved in the last DAYS days (at least 1)",
        )

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 1:
            self.stderr.write("prunedrafts: --days must be 1 or more")
            raise SystemExit(2)
        drafts, tokens = service.prune(days)
        self.stdout.write(
            f"Deleted {drafts} drafts and {tokens} submit tokens older than {days} days."
        )
