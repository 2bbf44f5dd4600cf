# Renames story_share and story_shareopening to this app's table names; the rows stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sharing", "0001_initial"),
        ("story", "0002_shares_moved_to_sharing"),
    ]

    operations = [
        migrations.AlterModelTable(name="share", table=None),
        migrations.AlterModelTable(name="shareopening", table=None),
    ]
