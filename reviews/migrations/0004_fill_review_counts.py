from django.db import migrations


def fill(apps, schema_editor):
    """Counts the reviews already published into the summary table.

    Which reviews count (published, not private, under which index) is
    Wagtail's page tree logic, which historical models lack, so the same code
    as ``rebuild_review_counts`` does it."""
    if not apps.get_model("reviews", "ReviewPage").objects.exists():
        return  # a new database: nothing to count (and later schema changes cannot trip this)
    from reviews import counts

    counts.rebuild()


def empty(apps, schema_editor):
    apps.get_model("reviews", "ReviewCount").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_review_counts")]

    operations = [migrations.RunPython(fill, empty)]
