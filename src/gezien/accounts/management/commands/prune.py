"""`gezien manage prune`: delete what is no longer needed (run daily, e.g. from cron).
Expired sessions, their lines in the session lists, and login counters older than a day."""

from typing import Any

from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from gezien.accounts import throttle
from gezien.accounts.models import SessionRecord


class Command(BaseCommand):
    help = "Delete expired sessions and old login counters."

    def handle(self, *args: Any, **options: Any) -> None:
        sessions, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
        live = Session.objects.values_list("session_key", flat=True)
        records, _ = SessionRecord.objects.exclude(session_key__in=live).delete()
        counters = throttle.forget_old()
        self.stdout.write(
            f"deleted {sessions} expired sessions, {records} session lines, "
            f"{counters} login counters"
        )
