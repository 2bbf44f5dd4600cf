# The share models moved here from the story app. Their tables already exist (made by
# story's first migration), so this only tells Django's model state where they live now;
# 0002 then gives the tables this app's names. Existing rows, and so existing links, stay.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("story", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Share",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("sealed", models.BinaryField()),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("link_hash", models.CharField(max_length=64, unique=True)),
                        ("snapshot", models.BinaryField(null=True)),
                        ("expires_at", models.DateTimeField()),
                        ("code_check", models.BinaryField(null=True)),
                        ("failed_codes", models.PositiveSmallIntegerField(default=0)),
                        ("revoked_at", models.DateTimeField(null=True)),
                        ("locked_at", models.DateTimeField(null=True)),
                        ("form_token", models.CharField(max_length=64, unique=True)),
                        (
                            "owner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"ordering": ["-created_at"], "db_table": "story_share"},
                ),
                migrations.CreateModel(
                    name="ShareOpening",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("opened_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "what",
                            models.CharField(
                                choices=[("page", "page"), ("pdf", "pdf"), ("fhir", "fhir")],
                                max_length=4,
                            ),
                        ),
                        (
                            "share",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="openings",
                                to="sharing.share",
                            ),
                        ),
                    ],
                    options={"ordering": ["-opened_at"], "db_table": "story_shareopening"},
                ),
            ],
            database_operations=[],
        ),
    ]
