from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "groundswell.insights"
    label = "insights"
