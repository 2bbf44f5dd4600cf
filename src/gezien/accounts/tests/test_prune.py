import io
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from gezien.accounts.models import SessionRecord, Throttle
from gezien.accounts.testing import logged_in_client


def test_prune_removes_expired_sessions_their_lines_and_old_counters() -> None:
    stays = logged_in_client("merel")
    goes = logged_in_client("merel")
    Session.objects.filter(session_key=goes.session.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    Throttle.objects.create(
        key="a" * 64, failures=3, first_failure_at=timezone.now() - timedelta(days=2)
    )
    Throttle.objects.create(key="b" * 64, failures=3, first_failure_at=timezone.now())
    call_command("prune", stdout=io.StringIO())
    assert list(SessionRecord.objects.values_list("session_key", flat=True)) == [
        stays.session.session_key
    ]
    assert list(Throttle.objects.values_list("key", flat=True)) == ["b" * 64]
