from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "groundswell.insights"
    label = "insights"

    def ready(self):
        from groundswell.insights import signals  # noqa: F401  (connects the receivers)
