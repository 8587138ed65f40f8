from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "groundswell.people"
    label = "people"

    def ready(self):
        # Registers the single sign-on configuration checks.
        from groundswell.people.sso import checks  # noqa: F401
