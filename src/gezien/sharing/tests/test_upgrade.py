"""An installation from before the sharing app upgrades without losing a share: the rows
stay, and a link given out before the upgrade opens afterwards, with its openings."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from gezien.accounts.testing import logged_in_client
from gezien.sharing.models import Share, ShareOpening
from gezien.sharing.tests.support import share
from gezien.story.tests.support import make_help_question

BEFORE = [("sharing", None)]  # story's migrations up to 0001: the tables are story_share(opening)


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_a_link_given_out_before_the_upgrade_still_opens_after_it() -> None:
    person = logged_in_client()
    make_help_question(person, bothers="Ik slaap slecht")
    made = share(person, ["help.question"])
    assert Client().get(made["path"]).status_code == 200
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        _migrate(BEFORE)
        assert {"story_share", "story_shareopening"} <= _tables()
        assert not {"sharing_share", "sharing_shareopening"} & _tables()
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM story_share")
            assert cursor.fetchone()[0] == 1
    finally:
        _migrate(latest)
    assert {"sharing_share", "sharing_shareopening"} <= _tables()
    assert not {"story_share", "story_shareopening"} & _tables()
    assert Share.objects.count() == 1 and ShareOpening.objects.count() == 1
    page = Client().get(made["path"])
    assert page.status_code == 200 and "Ik slaap slecht" in page.content.decode()
    # Two page views close together: one line in the person's list, with a count of 2.
    assert sum(ShareOpening.objects.values_list("count", flat=True)) == 2
