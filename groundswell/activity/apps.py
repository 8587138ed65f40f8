from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "groundswell.activity"
    label = "activity"
