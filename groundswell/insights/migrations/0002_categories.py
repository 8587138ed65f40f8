from django.db import migrations

CATEGORIES = [
    ("customer", "Customer", 3),
    ("competitor", "Competitor", 3),
    ("volume", "Volume change", 2),
    ("opportunity", "Opportunity", 3),
    ("route", "Route / road", 2),
    ("fuel", "Fuel / cost", 2),
    ("safety", "Safety", 5),
    ("process", "Process", 1),
    ("other", "Other", 1),
]


def seed(apps, schema_editor):
    Category = apps.get_model("insights", "InsightCategory")
    for position, (slug, name, weight) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "weight": weight, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("insights", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
