# Share and ShareOpening now belong to the sharing app (see its 0001): they leave this
# app's model state only; their tables and rows are untouched.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("story", "0001_initial"),
        ("sharing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ShareOpening"),
                migrations.DeleteModel(name="Share"),
            ],
            database_operations=[],
        ),
    ]
