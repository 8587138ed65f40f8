from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "groundswell.leadership"
    label = "leadership"
