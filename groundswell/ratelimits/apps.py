from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **kwargs) -> None:
    """Rate-limit counters live in the database cache: create its table whenever the database
    is migrated (laptops, servers and every test database alike). A no-op when the table
    exists or when the cache is not a database cache (Redis)."""
    call_command("createcachetable", database=using, verbosity=0)


class RateLimitsConfig(AppConfig):
    name = "groundswell.ratelimits"
    label = "ratelimits"

    def ready(self) -> None:
        from groundswell.ratelimits import checks  # noqa: F401 - registers the deploy check

        # Django only sends post_migrate for apps with a models module: ours is empty on
        # purpose, so the signal comes once per migrate with this app as sender.
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="gs-cache-table")
